// How long the walk to the letter is on a phone (360 x 740): question
// screens and taps, counted as a person would tap them, for the Dutch
// Instagram user with health posts and for every route.
//
// A tap is one press of a control: a choice, Continue, Start, "See the
// result"; a list (the country) takes two (open it, pick). Typing into a text
// field is typing, not counted; the tap into the field before it is not
// counted either.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean, start, walkPages } from './helpers.mjs';
import { ROUTES } from './routes.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Walks `steps` from the start screen to the result; returns the screens and taps it took. */
async function measure(page, steps) {
  let taps = 1;
  let screens = 0;
  let lastCounter = '';
  await page.click('#oc-start');
  await walkPages(page, steps, {
    atPage: async () => {
      screens += 1;
      lastCounter = await page.textContent('#oc-heading .oc-caption');
    },
    onAnswer: async (q, v) => {
      if (Array.isArray(v)) taps += v.length;
      else if (await page.locator(`select[name="${q}"]`).count()) taps += 2;
      else if (await page.locator(`input[type=radio][name="${q}"]`).count()) taps += 1;
    },
    onContinue: () => { taps += 1; },
  });
  await page.click('#oc-see-result');
  taps += 1;
  await page.waitForSelector('#oc-route');
  return { screens, taps, lastCounter };
}

/** The Dutch Instagram user whose posts show their health (the case the walk is measured by). */
const INSTAGRAM_HEALTH = [
  ['residence', 'eu_eea'],
  ['country', 'nl'],
  ['controller', 'meta'],
  ['services', ['instagram']],
  ['age', 'adult'],
  ['posted_as_minor', 'no'],
  ['art9', ['health']],
  ['art9_made_public', 'limited_audience'],
  ['reasons', ['posted_before_notice']],
  ['situation_text', 'Op mijn foto\'s is te zien dat ik revalideer na een ongeluk.'],
  ['already_objected', 'never'],
  ['full_name', 'Sanne de Vries'],
  ['account_email', 'sanne@example.org'],
];

test('a Dutch Instagram user with health posts reaches the letter in at most 12 question screens and 25 taps', async () => {
  const s = await openPage(browser, { locale: 'nl-NL', width: 360, height: 740 });
  await start(s.page);
  const { screens, taps, lastCounter } = await measure(s.page, INSTAGRAM_HEALTH);
  console.log(`# Dutch Instagram, health: ${screens} question screens, ${taps} taps`);
  assert.ok(screens <= 12, `${screens} question screens`);
  assert.ok(taps <= 25, `${taps} taps`);
  assert.equal(lastCounter, `Vraag ${screens} van ${screens}`, 'the counter ends where the walk does');
  // The health posts are in the letter without a second tick under the reasons.
  const letter = await s.page.textContent('#oc-letter-short');
  assert.match(letter, /gezondheid/);
  // The result opens with what to do now; the rest is folded.
  const box = async (sel) => s.page.locator(sel).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
  const height = await s.page.evaluate(() => document.documentElement.scrollHeight);
  const copy = await box('#oc-letter-short-copy');
  const form = await box('.oc-now a.oc-button');
  const reminder = await box('#oc-reminder');
  console.log(`# result: ${height} px (${(height / 740).toFixed(1)} screens); copy at ${copy.top}, form at ${form.top}, reminder at ${reminder.top}`);
  assert.ok(copy.bottom <= 740, `"Copy text" on the first screen (its bottom at ${copy.bottom})`);
  assert.ok(form.top < 740, `the form's button starts on the first screen (at ${form.top})`);
  assert.ok(height <= 3.5 * 740, `the result before its folded parts are opened: about three screens, not ${height} px`);
  assertClean(s);
  await s.context.close();
});

test('every route: screens and taps to the letter', async () => {
  for (const [route, steps] of Object.entries(ROUTES)) {
    const s = await openPage(browser, { locale: 'nl-NL', width: 360, height: 740 });
    await start(s.page);
    const { screens, taps } = await measure(s.page, steps);
    assert.equal(await s.page.getAttribute('#oc-route', 'data-route'), route);
    console.log(`# ${route}: ${screens} question screens, ${taps} taps`);
    assert.ok(screens <= 14, `${route}: ${screens} question screens`);
    assertClean(s);
    await s.context.close();
  }
});
