// On a phone (360 x 740 CSS px, a common Android size), in both languages:
// the start button is on the first screen without scrolling, the top bar
// (languages and "Erase my answers") is one compact row that leaves the
// screen to the content, and the language switch lines up with the content.
// The plain start screen in index.html (tools/postbuild.py) is laid out
// exactly as the app's own start screen (src/ui/start.rs). Every control is
// a target of at least 24 x 24 px (WCAG 2.2, 2.5.8), the main ones 44 px tall.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage, assertClean, walk, walkPages, openMore, META_WALK } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { width: 360, height: 740 };

/** Boxes in page coordinates (as if scrolled to the top), rounded to 0.1 px. */
const boxes = (page, selectors) => page.evaluate((selectors) => {
  const out = {};
  for (const [name, selector] of Object.entries(selectors)) {
    const el = document.querySelector(selector);
    if (!el) { out[name] = null; continue; }
    const r = el.getBoundingClientRect();
    const round = (v) => Math.round(v * 10) / 10;
    out[name] = { left: round(r.left + scrollX), top: round(r.top + scrollY), bottom: round(r.bottom + scrollY), width: round(r.width) };
  }
  return out;
}, selectors);

const SCREEN = { bar: '.oc-bar', main: 'main', heading: 'main h1', lang: '.oc-lang__button' };

/** The top bar (seven language codes on one row, erase on the next) ends, with its margin, before y = 150. */
function compactBar(b, where) {
  assert.ok(b.bar.bottom < 150, `${where}: the bar ends at y = ${b.bar.bottom}`);
  assert.ok(b.main.top < 150, `${where}: the content starts at y = ${b.main.top}`);
  assert.equal(b.lang.left, b.heading.left, `${where}: the first language button starts at x = ${b.lang.left}, the heading at x = ${b.heading.left}`);
}

for (const [locale, lang] of [['nl-NL', 'nl'], ['en-GB', 'en']]) {
  test(`${lang} at 360 x 740: start button on the first screen, a compact bar on the start, a question and the result`, async () => {
    const s = await openPage(browser, { locale, ...PHONE });
    const { page } = s;
    await page.goto(BASE_URL);
    await page.waitForSelector('#oc-start');
    assert.equal(await page.evaluate(() => scrollY), 0);
    const start = await boxes(page, { ...SCREEN, start: '#oc-start' });
    assert.ok(start.start.bottom <= PHONE.height, `the start button ends at y = ${start.start.bottom}`);
    compactBar(start, 'start');

    await page.click('#oc-start');
    await page.waitForSelector('input[name=residence]');
    compactBar(await boxes(page, SCREEN), 'first question');

    await page.click('.oc-bar .oc-link-button');
    await walk(page, META_WALK);
    await page.click('#oc-see-result');
    await page.waitForSelector('#oc-route');
    compactBar(await boxes(page, SCREEN), 'result');
    assertClean(s);
    await s.context.close();
  });

  test(`${lang} at 360 x 740: the plain start screen is laid out as the app's own`, async () => {
    // The plain copy, with the wasm blocked (what a slow network shows first).
    const context = await browser.newContext({ locale, viewport: PHONE, serviceWorkers: 'block' });
    const plainPage = await context.newPage();
    await plainPage.route('**/*.wasm', (route) => route.abort());
    await plainPage.goto(BASE_URL);
    const block = `[data-objection-check-prerender][lang=${lang}]`;
    await plainPage.waitForSelector(`${block} .oc-actions a`);
    const of = (prefix) => ({ bar: `${prefix} .oc-bar`, heading: `${prefix} main h1`, lang: `${prefix} .oc-lang__button`, erase: `${prefix} .oc-bar > button`, start: `${prefix} .oc-actions > *`, notice: `${prefix} main .oc-notice` });
    const plain = await boxes(plainPage, of(block));
    await context.close();

    // The app's own start screen: after a change of language and back, the
    // app draws it itself (it adopts the plain copy only at first).
    const s = await openPage(browser, { locale, ...PHONE });
    const { page } = s;
    await page.goto(BASE_URL);
    await page.waitForSelector('#oc-start');
    await page.click(`.oc-lang__button[lang=${lang === 'nl' ? 'en' : 'nl'}]`);
    await page.click(`.oc-lang__button[lang=${lang}]`);
    await page.waitForFunction((l) => document.querySelector('#oc-start')?.closest('.objection-check')?.lang === l, lang);
    assert.equal(await page.locator('[data-objection-check-prerender]').count(), 0, 'the app\'s own screen');
    const own = await boxes(page, of('.objection-check'));
    assert.deepEqual(plain, own);
    assert.ok(plain.start.bottom <= PHONE.height, `the plain start link ends at y = ${plain.start.bottom}`);
    assertClean(s);
    await s.context.close();
  });
}

/**
 * The controls on the screen smaller than WCAG 2.2's 24 x 24 px (2.5.8), and
 * the main controls (buttons, the choices' label rows, Continue, Start) under
 * 44 px tall. An inline element is measured by each of its line boxes (a
 * link wrapped over three lines is three targets of one line each). WCAG's
 * exception for links inside a sentence is not used: the widget has no such
 * link, so it does not exempt any. Labels of text fields and of the import
 * field are not counted: the field itself is the target they stand for
 * (2.5.8's "equivalent" exception), and it is 44 px tall.
 */
const smallTargets = (page) => page.evaluate(() => {
  const host = document.querySelector('[data-objection-check]');
  const root = host.shadowRoot ?? document;
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.value || '').trim().slice(0, 40)}"`;
  const size = (r) => `${Math.round(r.width * 10) / 10} x ${Math.round(r.height * 10) / 10}`;
  const small = [];
  for (const el of root.querySelectorAll('a, button, input, select, textarea, summary')) {
    if (!shown(el)) continue;
    const rects = getComputedStyle(el).display === 'inline' ? [...el.getClientRects()] : [el.getBoundingClientRect()];
    for (const r of rects) if (r.width < 24 || r.height < 24) small.push(`${name(el)}: ${size(r)}`);
  }
  for (const el of root.querySelectorAll('.oc-button, #oc-continue, #oc-start, .oc-choice label')) {
    if (!shown(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.height < 44) small.push(`${name(el)}: ${size(r)}, a main control under 44 px tall`);
  }
  return small;
});

for (const [locale, lang] of [['nl-NL', 'nl'], ['en-GB', 'en']]) {
  test(`${lang} at 360 px: every control on every screen is at least 24 x 24 px, the main ones 44 px tall`, async () => {
    const s = await openPage(browser, { locale, ...PHONE });
    const { page } = s;
    const problems = [];
    const check = async (where) => problems.push(...(await smallTargets(page)).map((p) => `${where}: ${p}`));
    await page.goto(BASE_URL);
    await page.waitForSelector('#oc-start');
    await check('start');
    await page.click('#oc-start');
    await page.waitForSelector('input[name=residence]');
    await page.click('#oc-continue');
    await page.waitForSelector('#oc-error-summary');
    await check('error summary');
    // Every question page of a walk: radio buttons, the country list, the
    // Art. 9 checkboxes, text fields.
    await walkPages(page, META_WALK, { atPage: (q) => check(`question ${q}`) });
    await page.waitForSelector('#oc-see-result');
    await check('check answers');
    await page.click('#oc-see-result');
    await page.waitForSelector('#oc-route');
    for (const id of await page.$$eval('details.oc-more', (all) => all.map((d) => d.id))) await openMore(page, id);
    await check('result, every part opened');
    assert.deepEqual(problems, []);
    assertClean(s);
    await s.context.close();
  });
}
