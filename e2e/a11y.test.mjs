// Accessibility (WCAG 2.2 AA) on every screen: axe on every question page and
// result of every route, in both languages, light and dark; no horizontal
// scrolling at 320 px or at 200 % zoom; touch targets of at least 44 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { BASE_URL, launch, openPage, start, walkPages } from './helpers.mjs';
import { ROUTES } from './routes.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page, where) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], where);
}

/** Asks every question of `steps`, calling `visit` on each screen. */
async function everyScreen(page, steps, visit) {
  await visit('start');
  await page.click('#oc-start');
  await walkPages(page, steps, { atPage: (q) => visit(`question ${q}`) });
  await page.waitForSelector('#oc-see-result');
  await visit('check answers');
  await page.click('#oc-see-result');
  await page.waitForSelector('#oc-route');
  await visit('result');
}

test('axe: every screen of every route, both languages, light and dark', async () => {
  for (const lang of ['nl', 'en']) {
    for (const scheme of ['light', 'dark']) {
      for (const [route, steps] of Object.entries(ROUTES)) {
        const s = await openPage(browser, { bypassCSP: true });
        await s.page.emulateMedia({ colorScheme: scheme });
        await start(s.page, { lang });
        // The error state of a question page once per run.
        if (route === 'object_art21') {
          await s.page.click('#oc-start');
          await s.page.click('#oc-continue');
          await s.page.waitForSelector('#oc-error-summary');
          await axe(s.page, `error summary (${lang}, ${scheme})`);
          await s.page.click('.oc-bar .oc-link-button');
        }
        await everyScreen(s.page, steps, (where) => axe(s.page, `${route}: ${where} (${lang}, ${scheme})`));
        await s.context.close();
      }
    }
  }
});

async function noHorizontalScroll(page, where) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `${where}: content ${scroll}px wide in a ${client}px viewport`);
}

async function targetsAtLeast44(page, where) {
  const small = await page.evaluate(() => {
    const host = document.querySelector('[data-objection-check]');
    const root = host.shadowRoot ?? host;
    return [...root.querySelectorAll('button, .oc-choice, select, input:not([type=radio]):not([type=checkbox]), textarea, .oc-back')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => { const r = el.getBoundingClientRect(); return [el.id || el.className || el.tagName, Math.round(r.width), Math.round(r.height)]; })
      .filter(([, w, h]) => w < 44 || h < 44);
  });
  assert.deepEqual(small, [], `${where}: touch targets under 44 px`);
}

test('320 px wide and 200 % zoom: no horizontal scrolling; touch targets at least 44 px', async () => {
  // 200 % zoom of a 1280 px window is a 640 px wide viewport at twice the pixel density.
  for (const [width, scale] of [[320, 1], [640, 2]]) {
    const context = await browser.newContext({ viewport: { width, height: 720 }, deviceScaleFactor: scale, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(BASE_URL);
    await page.waitForSelector('#oc-start');
    await everyScreen(page, ROUTES.object_art21, async (where) => {
      await noHorizontalScroll(page, `${where} at ${width}px`);
      await targetsAtLeast44(page, `${where} at ${width}px`);
    });
    await context.close();
  }
});
