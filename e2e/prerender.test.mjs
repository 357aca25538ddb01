// The start screen that index.html carries as plain HTML (tools/postbuild.py):
// before the wasm has arrived a person already reads the start screen, in the
// language the app will use, and can press Start; the app then adopts it as
// its start screen (src/platform/plain_start.rs), and its own start screen
// shows the same texts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { BASE_URL, launch, openPage, assertClean } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const KEY = 'objection-check:answers';

/** The visible plain start screen (wasm not loaded): its language and texts. */
const plainScreen = (page) => page.evaluate(() => {
  const shown = [...document.querySelectorAll('[data-objection-check-prerender]')]
    .filter((b) => getComputedStyle(b).display !== 'none');
  return shown.map((b) => ({
    lang: b.lang,
    texts: [...b.querySelectorAll('main h1, main p')].map((e) => e.textContent),
    start: b.querySelector('.oc-actions a').textContent,
  }));
});

/** The start screen the app shows: the adopted plain block, or its own. */
const appScreen = (page) => page.evaluate(() => {
  const screen = document.querySelector('#oc-start').closest('.objection-check');
  const main = screen.querySelector('main');
  const visible = (e) => e && getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden';
  return {
    lang: screen.lang,
    // The start screen's own texts (the import form below them is the app's).
    texts: [...main.querySelectorAll(':scope > h1, :scope > p, :scope > .oc-notice p')].map((e) => e.textContent),
    start: screen.querySelector('#oc-start').textContent,
    adopted: screen.hasAttribute('data-objection-check-prerender'),
    plainLeft: document.querySelectorAll('[data-objection-check-prerender]').length,
    heading: main.querySelector('h1').id,
    erase: visible(screen.querySelector('.oc-bar > button')),
    importField: visible(screen.querySelector('#oc-import')),
  };
});

async function withoutWasm(locale, hash, setup) {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  if (setup) await setup(page);
  await page.goto(BASE_URL + hash);
  return { context, page };
}

for (const [locale, hash, lang] of [
  ['nl-NL', '', 'nl'],
  ['en-US', '', 'en'],
  ['de-DE', '', 'de'],
  ['pl-PL', '', 'pl'],
  ['tr-TR', '', 'en'],
  ['nl-NL', '#lang=en', 'en'],
  ['en-GB', '#lang=nl&controller=meta', 'nl'],
]) {
  test(`browser ${locale}, link "${hash}": the plain start screen is in ${lang}, and the app shows the same texts`, async () => {
    const plain = await withoutWasm(locale, hash);
    const shown = await plainScreen(plain.page);
    assert.equal(shown.length, 1, 'exactly one language is shown');
    assert.equal(shown[0].lang, lang);
    if (locale === 'nl-NL' && !hash) {
      const result = await new AxeBuilder({ page: plain.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      assert.deepEqual(result.violations.map((v) => v.id), [], 'axe on the plain start screen');
    }
    await plain.context.close();

    const s = await openPage(browser, { locale });
    await s.page.goto(BASE_URL + hash);
    await s.page.waitForSelector('#oc-start');
    const adopted = await appScreen(s.page);
    assert.equal(adopted.adopted, true, 'the app adopts the plain start screen');
    assert.equal(adopted.plainLeft, 1, 'the other languages\' copies are gone');
    assert.equal(adopted.lang, lang);
    assert.equal(adopted.heading, 'oc-heading');
    assert.ok(adopted.erase && adopted.importField, 'erase and import appear once the app runs');
    // The app's own start screen (after switching the language there and
    // back) shows the same texts as the plain copy.
    const other = lang === 'nl' ? 'en' : 'nl';
    await s.page.click(`.oc-lang__button[lang=${other}]`);
    await s.page.waitForFunction((l) => document.querySelector('#oc-start')?.closest('.objection-check')?.lang === l, other);
    await s.page.click(`.oc-lang__button[lang=${lang}]`);
    await s.page.waitForFunction((l) => document.querySelector('#oc-start')?.closest('.objection-check')?.lang === l, lang);
    const own = await appScreen(s.page);
    assert.equal(own.adopted, false);
    assert.equal(own.plainLeft, 0, 'the app removes the plain copy at its first action');
    assert.deepEqual(own.texts, shown[0].texts, 'heading and paragraphs match the app');
    assert.equal(own.start, shown[0].start);
    assertClean(s);
    await s.context.close();
  });
}

test('no plain start screen where the app opens elsewhere; a stored language wins over the browser', async () => {
  const skip = await withoutWasm('nl-NL', '#skip=start&lang=en');
  assert.deepEqual(await plainScreen(skip.page), [], 'a link that skips the start screen');
  await skip.context.close();

  const midway = await withoutWasm('nl-NL', '', (page) => page.addInitScript(() => history.replaceState('q:age', '')));
  assert.deepEqual(await plainScreen(midway.page), [], 'a reload on a question');
  await midway.context.close();

  const doc = JSON.stringify({ version: 1, lang: 'en', answers: { residence: 'eu_eea' } });
  const stored = await withoutWasm('nl-NL', '', (page) => page.addInitScript(([k, v]) => sessionStorage.setItem(k, v), [KEY, doc]));
  assert.deepEqual((await plainScreen(stored.page)).map((b) => b.lang), ['en']);
  await stored.context.close();
});

test('pressing Start on the plain screen before the app has loaded opens the first question once it has', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await s.page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  await s.page.goto(BASE_URL);
  await s.page.click('[data-objection-check-prerender][lang=en] .oc-actions a');
  assert.match(s.page.url(), /#skip=start$/);
  release();
  await s.page.waitForSelector('input[name=residence]');
  assert.match(await s.page.textContent('h1'), /Where do you live\?/);
  assertClean(s);
  await s.context.close();
});

test('a host that serves the wasm with another type: the app still starts, loaded by the glue itself', async () => {
  // The start script compiles the wasm while it downloads, which browsers
  // allow only for `application/wasm`; otherwise the glue fetches and
  // instantiates it the slower way.
  const s = await openPage(browser, { locale: 'en-GB' });
  await s.page.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-type': 'application/octet-stream' };
    delete headers['content-encoding'];
    delete headers['content-length'];
    await route.fulfill({ status: 200, headers, body: await response.body() });
  });
  await s.page.goto(BASE_URL);
  await s.page.click('#oc-start');
  await s.page.waitForSelector('input[name=residence]');
  assert.match(await s.page.textContent('h1'), /Where do you live\?/);
  assert.equal(await s.page.locator('[data-objection-check-prerender]').count(), 0, 'the plain copy is gone');
  assertClean(s);
  await s.context.close();
});

test('the adopted start screen gives way to whatever changes the screen: forward, and erase', async () => {
  // No service worker: with one, a reload comes from its cache and the app
  // draws its own start screen at once (no plain copy to adopt).
  const s = await openPage(browser, { locale: 'en-GB', serviceWorkers: 'block' });
  await s.page.goto(BASE_URL);
  await s.page.click('#oc-start');
  await s.page.waitForSelector('input[name=residence]');
  await s.page.goBack();
  await s.page.waitForSelector('#oc-start');
  // A reload on the start screen: the plain copy is adopted again; then
  // forward to the question that came after it.
  await s.page.reload();
  await s.page.waitForSelector('[data-objection-check-prerender] #oc-start');
  await s.page.goForward();
  await s.page.waitForSelector('input[name=residence]');
  assert.match(await s.page.textContent('h1'), /Where do you live\?/);
  assert.equal(await s.page.locator('[data-objection-check-prerender]').count(), 0, 'the plain copy is gone');
  await s.page.goBack();
  await s.page.waitForSelector('#oc-start');
  assert.equal(await s.page.locator('[data-objection-check-prerender]').count(), 0, 'back on the start: the app\'s own screen');
  assert.match(await s.page.textContent('h1'), /object/i);

  // Erase on the adopted screen: the app's start screen with its notice, focused.
  await s.page.reload();
  await s.page.waitForSelector('[data-objection-check-prerender] #oc-start');
  await s.page.click('[data-objection-check-prerender] .oc-bar > button');
  await s.page.waitForSelector('.oc-notice--success');
  assert.equal(await s.page.locator('[data-objection-check-prerender]').count(), 0);
  assert.match(await s.page.textContent('.oc-notice--success'), /erased/);
  assert.equal(await s.page.evaluate(() => document.activeElement?.id), 'oc-heading');
  assertClean(s);
  await s.context.close();
});
