// The publishers' page (publishers.html): the settings and colours a
// publisher picks are applied to the live check on the page, their contrast
// is checked (WCAG AA) before the snippet can be copied, and the snippet
// copied is the one for those settings. No tracking: nothing leaves the page's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { BASE_URL, launch, openPage, assertClean } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SHOTS = process.env.SHOTS; // a folder for screenshots, when set
const widget = (s) => s.page.locator('#pub-widget');
/** Waits until the preview's start button has `rgb` as its background (it may fade to it). */
const startButtonIs = (s, rgb) => s.page.waitForFunction(
  (want) => getComputedStyle(document.querySelector('#pub-widget').shadowRoot.querySelector('#oc-start')).backgroundColor === want, rgb);

test('the publishers\' page: settings reach the live check, colours are checked for contrast before the snippet is copied', async () => {
  const s = await openPage(browser, { locale: 'en-GB', width: 1280, height: 900 });
  const { page } = s;
  await page.goto(BASE_URL + 'publishers.html');
  await widget(s).locator('#oc-start').waitFor();
  const axe = async (where) => {
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], where);
  };
  await axe('as opened');
  assert.match(await page.textContent('#pub-contrast-summary'), /All 10 colour pairs meet WCAG AA/, 'the defaults pass');

  // Settings: German, Meta, Instagram, Austria, as the element.
  await page.selectOption('#pub-lang', 'de');
  await page.selectOption('#pub-controller', 'meta');
  await page.check('input[name=pub-service][value=instagram]');
  await page.fill('#pub-country', 'AT');
  await page.waitForFunction(() => document.querySelector('#pub-widget').shadowRoot.querySelector('.objection-check')?.getAttribute('lang') === 'de');
  assert.equal(await widget(s).locator('h1').textContent(), 'Widersprechen Sie der Nutzung Ihrer Beiträge für KI-Training');
  const html = await page.inputValue('#pub-html');
  assert.match(html, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/objection-check\.js"><\/script>\n/);
  assert.match(html, /<objection-check lang="de" controller="meta" services="instagram" country="at"><\/objection-check>$/);
  await page.check('input[name=pub-kind][value=data]');
  assert.match(await page.inputValue('#pub-html'), /<div data-objection-check data-lang="de" data-controller="meta" data-service="instagram" data-country="at"><\/div>$/);

  // A colour too light for white button text: named, and copying waits.
  await page.locator('#pub-colour-accent').fill('#7fb3ff');
  assert.match(await page.textContent('#pub-contrast-summary'), /2 of 10 colour pairs are too close for WCAG AA/);
  assert.match(await page.textContent('#pub-contrast'), /Text on buttons: \d\.\d\d:1, below 4\.5:1/);
  assert.match(await page.textContent('#pub-contrast'), /Links on the background: \d\.\d\d:1, below 4\.5:1/);
  assert.equal(await page.getAttribute('#pub-copy', 'aria-disabled'), 'true');
  await page.click('#pub-copy', { force: true }); // it stays focusable and says why
  assert.match(await page.textContent('#pub-copy-status'), /Fix the colours first/);
  await startButtonIs(s, 'rgb(127, 179, 255)'); // the preview shows the colour
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/publishers-failing.png`, fullPage: true });

  // A dark enough one: copy.
  await page.locator('#pub-colour-accent').fill('#00695c');
  await page.locator('#pub-colour-accent-hover').fill('#004d40');
  assert.match(await page.textContent('#pub-contrast-summary'), /All 10 colour pairs meet WCAG AA/);
  assert.equal(await page.getAttribute('#pub-copy', 'aria-disabled'), 'false');
  await page.click('#pub-copy');
  await page.waitForFunction(() => document.querySelector('#pub-copy-status').textContent === 'Copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue('#pub-html'));
  await page.evaluate(() => { document.querySelector('#pub-copy-status').textContent = ''; });
  await page.click('#pub-copy-css');
  await page.waitForFunction(() => document.querySelector('#pub-copy-status').textContent === 'Copied.');
  const css = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(css, '[data-objection-check] {\n  --objection-check-accent: #00695c;\n  --objection-check-accent-hover: #004d40;\n}');
  await startButtonIs(s, 'rgb(0, 105, 92)');
  await axe('with the publisher\'s settings');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/publishers.png`, fullPage: true });
  assertClean(s);
  await s.context.close();
});

test('the publishers\' page works by keyboard alone', async () => {
  const s = await openPage(browser, { locale: 'en-GB', width: 390, height: 844 });
  const { page } = s;
  await page.goto(BASE_URL + 'publishers.html');
  await widget(s).locator('#oc-start').waitFor();
  await page.focus('#pub-lang');
  await page.keyboard.press('ArrowDown'); // the first language, Deutsch
  assert.equal(await page.inputValue('#pub-lang'), 'de');
  let reached = false;
  for (let i = 0; i < 60 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'pub-copy');
  }
  assert.ok(reached, 'Tab reaches the copy button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#pub-copy-status').textContent === 'Copied.');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/publishers-phone.png`, fullPage: true });
  await s.context.close();
});
