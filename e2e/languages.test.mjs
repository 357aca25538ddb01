// Each language's texts are a file of their own (src/platform/texts.rs): a
// first visit fetches exactly the one shown; switching fetches another and
// keeps every answer and the step; the service worker keeps every language
// for offline use once the page is idle; offline and never fetched, the
// check says so in one sentence and stays in its language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage, assertClean, start, switchLanguage, answer } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const textsFiles = (requests) => requests.map((r) => new URL(r.url()).pathname).filter((p) => /^\/texts-/.test(p));

test('a first visit fetches the texts of one language only: the one shown', async () => {
  for (const [locale, lang] of [['nl-NL', 'nl'], ['en-GB', 'en']]) {
    const s = await openPage(browser, { locale, serviceWorkers: 'block' });
    await start(s.page);
    await s.page.waitForFunction((l) => document.querySelector('#oc-heading')?.closest('[lang]')?.lang === l, lang);
    const files = textsFiles(s.requests);
    assert.equal(files.length, 1, `${locale}: ${files}`);
    assert.match(files[0], new RegExp(`^/texts-${lang}-[0-9a-f]{16}\\.txt$`));
    assertClean(s);
    await s.context.close();
  }
});

test('switching the language mid-way fetches its texts once and keeps every answer and the step', async () => {
  const s = await openPage(browser, { locale: 'nl-NL', serviceWorkers: 'block' });
  const { page } = s;
  await start(page);
  await page.click('#oc-start');
  await answer(page, 'residence', 'eu_eea');
  await answer(page, 'country', 'be');
  await page.waitForSelector('input[name=controller]');
  await page.check('input[name=controller][value=meta]');
  await switchLanguage(page, 'en');
  assert.match(await page.textContent('h1'), /Which organisation/);
  assert.equal(await page.isChecked('input[name=controller][value=meta]'), true, 'the choice on the screen stays');
  await page.click('.oc-back');
  await page.waitForSelector('select[name=country]');
  assert.equal(await page.inputValue('select[name=country]'), 'be', 'earlier answers stay');
  // Back and forth: each language's file is fetched once.
  await switchLanguage(page, 'nl');
  await switchLanguage(page, 'en');
  assert.deepEqual(textsFiles(s.requests).map((p) => p.split('-')[1]), ['nl', 'en']);
  assertClean(s);
  await s.context.close();
});

test('offline, a language never fetched: one sentence, and the check stays in its language', async () => {
  const s = await openPage(browser, { locale: 'nl-NL', serviceWorkers: 'block' });
  const { page, context } = s;
  await start(page);
  await page.click('#oc-start');
  await answer(page, 'residence', 'eu_eea');
  await context.setOffline(true);
  await page.click('.oc-lang__button[lang=en]');
  await page.locator('.oc-notice', { hasText: 'English kon niet worden geladen' }).waitFor();
  assert.match(await page.textContent('h1'), /In welk land woon je\?/, 'still in Dutch, on the same step');
  await context.setOffline(false);
  // Online again: the same button works.
  await switchLanguage(page, 'en');
  assert.match(await page.textContent('h1'), /In which country/);
  assert.equal(await page.locator('.oc-notice', { hasText: 'could not be loaded' }).count(), 0, 'the failure notice is gone');
  s.problems.length = 0; // the refused fetch while offline is logged by Chromium
  assertClean(s);
  await s.context.close();
});

test('after one visit, a language never picked online works offline', async () => {
  const s = await openPage(browser, { locale: 'nl-NL' });
  const { page, context } = s;
  await page.goto(BASE_URL);
  await page.waitForSelector('#oc-start');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // The worker fetches every language once the page is idle.
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    if (keys.length !== 1) return false;
    const cached = (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname);
    return cached.some((p) => /^\/texts-en-/.test(p)) && cached.some((p) => /^\/texts-nl-/.test(p));
  }, null, { timeout: 20000 });
  assert.equal(textsFiles(s.requests.filter((r) => !r.serviceWorker())).filter((p) => p.includes('-en-')).length, 0, 'the page itself never fetched English');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#oc-start');
  await switchLanguage(page, 'en');
  await page.click('#oc-start');
  await page.waitForSelector('input[name=residence]');
  assert.match(await page.textContent('h1'), /Where do you live\?/);
  await context.setOffline(false);
  assertClean(s);
  await s.context.close();
});
