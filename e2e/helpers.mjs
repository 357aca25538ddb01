// Shared helpers for the end-to-end tests: Debian's Chromium through
// playwright-core (never a downloaded browser), the release build served by
// tools/serve.py with the strict CSP header (BASE_URL), and a recorder that
// fails a test on any console error, page error, CSP violation or request
// that leaves the app's own origin.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8719/';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** A new page with a recorder of everything that would break the promise. */
export async function openPage(browser, { locale = 'nl-NL', width = 390, height = 844, bypassCSP = false, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({
    locale,
    serviceWorkers,
    viewport: { width, height },
    acceptDownloads: true,
    bypassCSP,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r));
  // Headless print() would do nothing visible: count calls instead.
  await page.addInitScript(() => {
    // The focused element, looking into shadow roots (an embedded widget lives in one).
    window.deepActive = () => {
      let a = document.activeElement;
      while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
      return a;
    };
    window.__prints = 0;
    window.print = () => { window.__prints += 1; };
  });
  return { context, page, problems, requests };
}

/** Asserts nothing went wrong on the page and nothing left the origin. */
export function assertClean({ problems, requests }) {
  assert.deepEqual(problems, [], 'no console errors, page errors or CSP violations');
  const origin = new URL(BASE_URL).origin;
  const foreign = requests.map((r) => r.url()).filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'no request leaves the app origin');
  for (const r of requests) {
    if (r.url().startsWith(origin)) assert.equal(r.method(), 'GET', `only GETs: ${r.url()}`);
  }
}

export async function start(page, { lang } = {}) {
  await page.goto(BASE_URL);
  await page.waitForSelector('#oc-start');
  if (lang) await switchLanguage(page, lang);
}

/** Picks `lang` in the language list and waits until the check shows it (its texts may be fetched first). */
export async function switchLanguage(page, lang) {
  await page.click(`.oc-lang__button[lang=${lang}]`);
  await page.waitForFunction((l) => document.querySelector('#oc-heading')?.closest('[lang]')?.lang === l, lang);
}

/** Answers the current question and continues. `value` is a choice id, a list of ids, or text. */
export async function answer(page, question, value) {
  await fill(page, question, value);
  await page.click('#oc-continue');
}

/** Fills in the current question's answer, by the kind of input it has. */
export async function fill(page, question, value) {
  await page.waitForSelector(`form :is([name="${question}"])`);
  if (Array.isArray(value)) {
    for (const v of value) await page.check(`input[name="${question}"][value="${v}"]`);
  } else if (await page.locator(`select[name="${question}"]`).count()) {
    await page.selectOption(`select[name="${question}"]`, value);
  } else if (await page.locator(`input[type=radio][name="${question}"]`).count()) {
    await page.check(`input[name="${question}"][value="${value}"]`);
  } else {
    await page.fill(`[name="${question}"]`, value);
  }
}

/** Whether the question page on the screen asks `question` too (a page of several). */
export async function onThisPage(page, question) {
  return (await page.locator(`form [name="${question}"]`).count()) > 0;
}

/**
 * Answers a list of [question, value] pairs page by page, from the first
 * question on the screen: questions on one page (the name and e-mail
 * address) are filled in together and sent with one Continue. `atPage(q)`
 * runs when a page is on the screen (q its first question), `onAnswer(q, v)`
 * before each answer is filled in, `onContinue()` before each Continue.
 */
export async function walkPages(page, steps, { atPage, onAnswer, onContinue } = {}) {
  for (const [i, [q, v]] of steps.entries()) {
    await page.waitForSelector(`form [name="${q}"]`);
    if (atPage && (i === 0 || !(await onThisPage(page, steps[i - 1][0])))) await atPage(q);
    if (onAnswer) await onAnswer(q, v);
    await fill(page, q, v);
    const next = steps[i + 1];
    if (!next || !(await onThisPage(page, next[0]))) {
      if (onContinue) await onContinue();
      await page.click('#oc-continue');
    }
  }
}

/** From the start screen, answers every step (see `walkPages`) up to the check screen. */
export async function walk(page, steps) {
  await page.click('#oc-start');
  await walkPages(page, steps);
  await page.waitForSelector('#oc-see-result');
}

/**
 * After a first visit, waits until the service worker is active and keeps
 * the texts of each of `langs` (it fetches every language once the page is
 * idle), so the check works offline in them.
 */
export async function untilLanguagesKept(page, langs) {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(async (wanted) => {
    const keys = await caches.keys();
    if (keys.length !== 1) return false;
    const kept = (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname);
    return wanted.every((l) => kept.some((p) => p.startsWith(`/texts-${l}-`)));
  }, langs, { timeout: 20000 });
}

/** Opens a folded part of the result (`<details id=...>`) unless it is open. */
export async function openMore(page, id) {
  if (!(await page.locator(`#${id}`).evaluate((d) => d.open))) await page.click(`#${id} > summary`);
}

export async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

/** A Meta walk with health and biometric content, objecting for the first time. */
export const META_WALK = [
  ['residence', 'eu_eea'],
  ['country', 'nl'],
  ['controller', 'meta'],
  ['services', ['facebook', 'instagram']],
  ['age', 'adult'],
  ['posted_as_minor', 'no'],
  ['art9', ['biometric', 'health']],
  ['art9_made_public', 'limited_audience'],
  ['reasons', ['posted_before_notice']],
  ['situation_text', 'Mijn revalidatiefoto\'s deel ik alleen met vrienden.'],
  ['already_objected', 'never'],
  ['full_name', 'Sanne de Vries'],
  ['account_email', 'sanne@example.org'],
];
