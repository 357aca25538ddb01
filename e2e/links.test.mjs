// Newsletter links: a link presets the country as well as the language and the
// organisation, as answers the person still sees and can change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage, assertClean, answer } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a French link for Belgium preselects Belgium after the person says they live in the EU/EEA, and keeps Meta', async () => {
  const s = await openPage(browser, { locale: 'nl-NL' });
  const { page } = s;
  await page.goto(BASE_URL + '#lang=fr&controller=meta&country=be&skip=start');
  await page.waitForSelector('input[name=residence]');
  assert.match(await page.textContent('h1'), /Où vivez-vous\s\?/, 'the residence question, in French');
  assert.equal(await page.locator('input[name=residence]:checked').count(), 0, 'where the person lives is theirs to answer');
  await answer(page, 'residence', 'eu_eea');
  await page.waitForSelector('select[name=country]');
  assert.match(await page.textContent('h1'), /Dans quel pays vivez-vous\s\?/);
  assert.equal(await page.inputValue('select[name=country]'), 'be', 'Belgium is selected');
  assert.equal((await page.locator('select[name=country] option:checked').textContent()).trim(), 'Belgique');
  await page.click('#oc-continue');
  await page.waitForSelector('input[name=controller]');
  assert.ok(await page.isChecked('input[name=controller][value=meta]'), 'Meta is still preselected');
  assertClean(s);
  await s.context.close();
});

test('the person can change a preset country, and an unknown one preselects nothing', async () => {
  const s = await openPage(browser, { locale: 'nl-NL' });
  const { page } = s;
  await page.goto(BASE_URL + '#lang=fr&country=be&skip=start');
  await answer(page, 'residence', 'eu_eea');
  await page.waitForSelector('select[name=country]');
  await page.selectOption('select[name=country]', 'fr');
  await page.click('#oc-continue');
  await page.waitForSelector('input[name=controller]');
  await page.click('.oc-back');
  await page.waitForSelector('select[name=country]');
  assert.equal(await page.inputValue('select[name=country]'), 'fr', 'the person’s own choice stays');
  await s.context.close();

  const t = await openPage(browser, { locale: 'nl-NL' });
  await t.page.goto(BASE_URL + '#lang=fr&country=%3Cscript%3E&skip=start');
  await answer(t.page, 'residence', 'eu_eea');
  await t.page.waitForSelector('select[name=country]');
  assert.equal(await t.page.inputValue('select[name=country]'), '', 'nothing is selected');
  assertClean(t);
  await t.context.close();
});

// Each language's texts for its preview page (content/locales/<lang>.toml).
const PREVIEW = {
  de: { title: /^Widerspruch gegen KI-Training/, description: /Art\. 21 DSGVO/, locale: 'de_DE' },
  fr: { title: /^Opposez-vous à l'entraînement de l'IA/, description: /article 21 du RGPD/, locale: 'fr_FR' },
  es: { title: /^Oponerse al entrenamiento de la IA/, description: /art\. 21 del RGPD/, locale: 'es_ES' },
  it: { title: /^Opponiti all'addestramento dell'IA/, description: /art\. 21 del GDPR/, locale: 'it_IT' },
  pl: { title: /^Sprzeciw wobec trenowania AI/, description: /art\. 21 RODO/, locale: 'pl_PL' },
  nl: { title: /^Bezwaar tegen AI-training/, description: /artikel 21 AVG/, locale: 'nl_NL' },
  en: { title: /^Object to AI training on your posts/, description: /Art\. 21 GDPR/, locale: 'en_GB' },
};

test('a link preview in each language: its page has the Open Graph title, description and a 1200x630 image in that language', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const images = new Set();
  for (const [lang, want] of Object.entries(PREVIEW)) {
    const response = await fetch(new URL(`${lang}.html`, BASE_URL));
    assert.equal(response.status, 200, `${lang}.html`);
    // Read as a crawler does: the page's tags, no script run.
    await s.page.setContent(await response.text(), { waitUntil: 'domcontentloaded' }).catch(() => {});
    const meta = (key) => s.page.evaluate((k) => document.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.content, key);
    assert.match(await meta('og:title'), want.title, `${lang} og:title`);
    assert.match(await meta('og:description'), want.description, `${lang} og:description`);
    assert.equal(await meta('og:locale'), want.locale);
    assert.ok(await meta('og:image:alt'), `${lang} image description`);
    assert.equal(await meta('twitter:card'), 'summary_large_image');
    const image = await meta('og:image');
    assert.equal(image, `og-image-${lang}.png`);
    images.add(image);
    const img = await fetch(new URL(image, BASE_URL));
    assert.equal(img.headers.get('content-type'), 'image/png');
    const view = new DataView(await img.arrayBuffer());
    assert.deepEqual([view.getUint32(16), view.getUint32(20)], [1200, 630], `${image}: 1200x630`);
  }
  assert.equal(images.size, 7, 'an image of its own per language');
  await s.context.close();
});

test('opening a language\'s preview link starts the check in that language, with the link\'s presets', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page } = s;
  await page.goto(BASE_URL + 'de.html#controller=meta&country=be&skip=start');
  await page.waitForSelector('input[name=residence]');
  assert.equal(new URL(page.url()).pathname, new URL(BASE_URL).pathname, 'the app\'s own address');
  assert.equal(await page.getAttribute('.objection-check', 'lang'), 'de');
  await answer(page, 'residence', 'eu_eea');
  await page.waitForSelector('select[name=country]');
  assert.equal(await page.inputValue('select[name=country]'), 'be', 'the link\'s country came along');
  // A plain link to the page: the check in Polish, at its start.
  await page.goto(BASE_URL + 'pl.html');
  await page.waitForSelector('#oc-start');
  assert.equal(await page.getAttribute('.objection-check', 'lang'), 'pl');
  assertClean(s);
  await s.context.close();
});
