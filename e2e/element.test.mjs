// The custom element a publisher can use instead of the data- snippet:
// <objection-check lang="de" controller="meta" services="instagram">,
// registered by objection-check.js, on an article page with its own
// landmarks and headings under the app's strict CSP. It reacts to its
// attributes changing (a publisher's own language switch); unknown settings
// are named once in the console; two widgets on a page keep their own
// answers; axe finds nothing inside its shadow root, light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { BASE_URL, launch, openPage, assertClean } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; form-action 'none'";

/** A publisher's article at `name` next to the app's files, with `widgets` in it. */
async function article(s, name, widgets) {
  await s.page.route(BASE_URL + name, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'content-security-policy': CSP },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>How to object</title>
<link rel="icon" href="data:,"><script type="module" src="./objection-check.js"></script></head>
<body><header><p>The Consumer Paper</p><nav aria-label="Sections"><a href="#news">News</a></nav></header>
<main><h1>How to object to AI training</h1><p>Use the check below.</p>
<section aria-labelledby="check-heading"><h2 id="check-heading">The check</h2>${widgets}</section>
</main><footer><p>Imprint</p></footer></body></html>`,
  }));
  const warnings = [];
  s.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await s.page.goto(BASE_URL + name);
  return warnings;
}

/** The widget inside `host` (a CSS selector of the page). */
const inside = (s, host) => s.page.locator(host);

test('<objection-check> renders with its attributes, follows a changed language keeping answers and step, and takes a preset set later', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const warnings = await article(s, 'element-host.html', '<objection-check id="w" lang="de" controller="meta" services="instagram"></objection-check>');
  const w = inside(s, '#w');
  await w.locator('#oc-start').waitFor();
  assert.equal(await s.page.evaluate(() => !!document.querySelector('#w').shadowRoot), true, 'its own shadow root');
  assert.equal(await w.locator('.objection-check').getAttribute('lang'), 'de');
  assert.equal(await w.locator('h1').textContent(), 'Widersprechen Sie der Nutzung Ihrer Beiträge für KI-Training');
  // A setting changed before the person answers it: preselected.
  await s.page.evaluate(() => document.querySelector('#w').setAttribute('country', 'be'));
  await w.locator('#oc-start').click();
  await w.locator('input[name=residence][value=eu_eea]').check();
  await w.locator('button[type=submit]').click();
  await w.locator('select[name=country]').waitFor();
  assert.equal(await w.locator('select[name=country]').inputValue(), 'be', 'the country set later is preselected');
  const question = await w.locator('h1').textContent();
  // The publisher's own language switch.
  await s.page.evaluate(() => document.querySelector('#w').setAttribute('lang', 'fr'));
  await s.page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.objection-check').getAttribute('lang') === 'fr');
  assert.notEqual(await w.locator('h1').textContent(), question, 'the same question, now in French');
  assert.match(await w.locator('h1').textContent(), /pays/i);
  await w.locator('.oc-back').click();
  await w.locator('input[name=residence][value=eu_eea]').waitFor();
  assert.equal(await w.locator('input[name=residence][value=eu_eea]').isChecked(), true, 'the answer is kept');
  assert.deepEqual(warnings, [], 'nothing to warn about');
  assertClean(s);
  await s.context.close();
});

test('unknown attributes and values are ignored with one console warning naming each', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const warnings = await article(s, 'element-warn.html',
    '<objection-check id="w" lang="tr" theme="dark" country="us" class="wide" aria-label="Objection check"></objection-check>'
    + '<div data-objection-check id="d" data-langue="fr" data-controller="tiktok"></div>');
  await inside(s, '#w').locator('#oc-start').waitFor();
  await inside(s, '#d').locator('#oc-start').waitFor();
  // The widgets work as without those settings: the browser's language.
  assert.equal(await inside(s, '#w').locator('.objection-check').getAttribute('lang'), 'en');
  const about = (needle) => warnings.filter((w) => w.includes(needle));
  assert.equal(about('`lang="tr"` is not a language of the check').length, 1, warnings.join('\n'));
  assert.equal(about('`theme` is not a setting of objection-check').length, 1, warnings.join('\n'));
  assert.equal(about('`country="us"` is not an EU/EEA country code').length, 1, warnings.join('\n'));
  assert.equal(about('`data-langue` is not a setting').length, 1, warnings.join('\n'));
  assert.equal(about('`data-controller="tiktok"` is not an organisation').length, 1, warnings.join('\n'));
  assert.equal(about('class').length + about('aria-label').length, 0, 'HTML\'s own attributes are not settings');
  assert.equal(warnings.length, 5, warnings.join('\n'));
  await s.context.close();
});

test('two widgets on one page keep their own answers and screens', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  await article(s, 'element-two.html', '<objection-check id="a" lang="en"></objection-check><objection-check id="b" lang="nl"></objection-check>');
  const [a, b] = [inside(s, '#a'), inside(s, '#b')];
  await a.locator('#oc-start').waitFor();
  await b.locator('#oc-start').waitFor();
  await a.locator('#oc-start').click();
  await a.locator('input[name=residence][value=uk]').check();
  await a.locator('button[type=submit]').click();
  assert.equal(await b.locator('#oc-start').count(), 1, 'the other widget is still on its start screen');
  await b.locator('#oc-start').click();
  await b.locator('input[name=residence]').first().waitFor();
  assert.equal(await b.locator('input[name=residence]:checked').count(), 0, 'nothing answered in the other widget');
  assert.equal(await b.locator('.objection-check').getAttribute('lang'), 'nl');
  await s.context.close();
});

test('axe finds nothing in the widget on a page with its own landmarks and headings, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const s = await openPage(browser, { locale: 'en-GB' });
    await s.page.emulateMedia({ colorScheme: scheme });
    await article(s, `element-axe-${scheme}.html`, '<objection-check id="w" lang="en" controller="meta"></objection-check>');
    const w = inside(s, '#w');
    await w.locator('#oc-start').waitFor();
    for (const step of ['start', 'question']) {
      const result = await new AxeBuilder({ page: s.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `${scheme}, ${step}`);
      if (step === 'start') {
        await w.locator('#oc-start').click();
        await w.locator('input[name=residence]').first().waitFor();
      }
    }
    await s.context.close();
  }
});
