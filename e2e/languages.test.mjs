// Each language's texts are a file of their own (src/platform/texts.rs): a
// first visit fetches exactly the one shown; switching fetches another and
// keeps every answer and the step; the service worker keeps every language
// for offline use once the page is idle; offline and never fetched, the
// check says so in one sentence and stays in its language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage, assertClean, start, switchLanguage, answer, walk, untilLanguagesKept, META_WALK } from './helpers.mjs';

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
  // The worker fetches every language once the page is idle.
  await untilLanguagesKept(page, ['en', 'nl']);
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

// Each new language, walked to the copied letter: the letter in that
// language, with its official term for the objection and its local form of
// the article (content/glossary/<lang>.toml).
const WALKS = [
  ['de-DE', 'de', /Widerspruch/, /Art\. 21 Abs\. 1 DSGVO/],
  ['fr-FR', 'fr', /oppos/, /article 21, paragraphe 1, du RGPD/],
  ['es-ES', 'es', /opo/, /artículo 21, apartado 1, del RGPD/],
  ['it-IT', 'it', /oppo/, /articolo 21, paragrafo 1, del GDPR/],
  ['pl-PL', 'pl', /sprzeciw/, /art\. 21 ust\. 1 RODO/],
];
for (const [locale, lang, term, article] of WALKS) {
  test(`a whole walk in ${lang} (browser ${locale}) to the copied letter`, async () => {
    const s = await openPage(browser, { locale, serviceWorkers: 'block' });
    const { page } = s;
    await start(page);
    await page.waitForFunction((l) => document.querySelector('#oc-heading')?.closest('[lang]')?.lang === l, lang);
    await walk(page, META_WALK);
    await page.click('#oc-see-result');
    await page.click('#oc-letter-short-copy');
    await page.locator('.oc-status', { hasText: /\S/ }).first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.textContent('#oc-letter-short'));
    assert.match(copied, term);
    assert.match(copied, article);
    assert.doesNotMatch(copied, /\{[a-z_]+\}|letter\.[a-z_]+/, 'no placeholder or text id left');
    assert.deepEqual(textsFiles(s.requests).map((p) => p.split('-')[1]), [lang], 'only this language was fetched');
    assertClean(s);
    await s.context.close();
  });
}

test('embedded with data-lang="fr": the widget speaks French and fetches the French texts only', async () => {
  const s = await openPage(browser, { locale: 'en-GB', serviceWorkers: 'block' });
  const { page } = s;
  await page.route(BASE_URL + 'host-fr.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="fr"><title>Hôte</title><h1>Une page d\'un éditeur</h1><div data-objection-check data-lang="fr"></div><script type="module" src="./objection-check.js"></script>',
  }));
  await page.goto(BASE_URL + 'host-fr.html');
  await page.waitForSelector('#oc-start');
  assert.equal(await page.getAttribute('.objection-check', 'lang'), 'fr');
  assert.match(await page.textContent('.objection-check h1'), /[a-zé]/);
  assert.doesNotMatch(await page.textContent('.objection-check h1'), /Object to the use/);
  assert.deepEqual(textsFiles(s.requests).map((p) => p.split('-')[1]), ['fr']);
  assertClean(s);
  await s.context.close();
});
