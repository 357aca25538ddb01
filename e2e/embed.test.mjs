// Embedding on a publisher's page (script snippet and iframe), working offline
// (service worker, and one self-contained file from file://), and newsletter
// links with presets and link previews.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { BASE_URL, CHROMIUM_ARGS, launch, openPage, assertClean, answer, walk, untilLanguagesKept, META_WALK } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const css = (page, selector, prop) => page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], prop);

test('embed snippet: renders and works on a hostile host page, which keeps its own styles, URL and title', async () => {
  const s = await openPage(browser, { width: 390 });
  const { page } = s;
  await page.goto(BASE_URL + 'embed.html');
  await page.waitForSelector('#oc-start');
  const url = page.url();
  const title = await page.title();
  const historyLength = await page.evaluate(() => history.length);
  // The widget lives in a shadow root of the host element.
  assert.equal(await page.evaluate(() => !!document.querySelector('[data-objection-check]').shadowRoot), true);
  assert.equal(await page.getAttribute('.objection-check', 'lang'), 'en', 'data-lang');
  // The host's styles are untouched by the widget...
  assert.equal(await css(page, '#host-heading', 'fontSize'), '48px');
  assert.equal(await css(page, '#host-heading', 'color'), 'rgb(128, 0, 128)');
  assert.equal(await css(page, '#host-button', 'backgroundColor'), 'rgb(0, 255, 0)');
  assert.equal(await css(page, '#host-text', 'textTransform'), 'uppercase');
  // ...and the host's aggressive rules do not reach the widget; its theme variable does.
  assert.equal(await css(page, '#oc-start', 'backgroundColor'), 'rgb(0, 105, 92)', '--objection-check-accent from the host');
  assert.equal(await css(page, '.objection-check h1', 'textTransform'), 'none');
  assert.equal(await css(page, '.objection-check h1', 'letterSpacing'), 'normal');
  assert.notEqual(await css(page, '.objection-check h1', 'color'), 'rgb(128, 0, 128)');
  assert.notEqual(await css(page, '.objection-check', 'display'), 'none');
  assert.match(await css(page, '.objection-check', 'fontFamily'), /system-ui/);
  // It works: data-controller and data-service preselect Meta and Instagram.
  await page.click('#oc-start');
  await answer(page, 'residence', 'eu_eea');
  await answer(page, 'country', 'at');
  assert.ok(await page.isChecked('input[name=controller][value=meta]'));
  await page.click('#oc-continue');
  assert.ok(await page.isChecked('input[name=services][value=instagram]'));
  await page.click('#oc-continue');
  await page.waitForSelector('input[name=age]');
  // The host's URL, title and history are the host's.
  assert.equal(page.url(), url);
  assert.equal(await page.title(), title);
  assert.equal(await page.evaluate(() => history.length), historyLength, 'no history entries added');
  assertClean(s);
  await s.context.close();
});

test('embed snippet: the widget\'s sizes do not follow the host page\'s root font size (62.5 %, 200 %)', async () => {
  /** The widget's text and box sizes on a host page whose <html> has `rootStyle`. */
  const sizes = async (rootStyle) => {
    const s = await openPage(browser, { width: 390 });
    const { page } = s;
    const url = `${BASE_URL}host-root-${encodeURIComponent(rootStyle || 'plain')}.html`;
    await page.route(url, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><style>${rootStyle}</style><script type="module" src="objection-check.js"></script></head>
        <body><p>The host's own text.</p><div data-objection-check data-lang="en"></div></body></html>`,
    }));
    await page.goto(url);
    await page.waitForSelector('#oc-start');
    const read = () => page.evaluate(() => {
      const root = document.querySelector('[data-objection-check]').shadowRoot;
      const el = (selector) => root.querySelector(selector);
      const px = (selector, prop) => getComputedStyle(el(selector))[prop];
      return {
        text: px('main p', 'fontSize'),
        heading: px('h1', 'fontSize'),
        padding: px('.objection-check', 'paddingLeft'),
        startHeight: el('#oc-start').getBoundingClientRect().height,
        barHeight: el('.oc-bar').getBoundingClientRect().height,
        hostText: getComputedStyle(document.querySelector('body > p')).fontSize,
      };
    });
    const start = await read();
    await page.click('#oc-start');
    await page.waitForSelector('input[name=residence]');
    const question = await page.evaluate(() => {
      const root = document.querySelector('[data-objection-check]').shadowRoot;
      return {
        heading: getComputedStyle(root.querySelector('h1')).fontSize,
        caption: getComputedStyle(root.querySelector('.oc-caption')).fontSize,
        choice: getComputedStyle(root.querySelector('.oc-choice label')).fontSize,
        choiceHeight: root.querySelector('.oc-choice label').getBoundingClientRect().height,
      };
    });
    assertClean(s);
    await s.context.close();
    return { start, question };
  };
  const plain = await sizes('');
  assert.deepEqual([plain.start.text, plain.start.heading, plain.start.hostText], ['17px', '28px', '16px'], 'a plain host: 17 px text, 28 px heading');
  for (const rootStyle of ['html { font-size: 62.5% }', 'html { font-size: 200% }']) {
    const got = await sizes(rootStyle);
    assert.notEqual(got.start.hostText, plain.start.hostText, `${rootStyle} changes the host's own text`);
    delete got.start.hostText;
    const { hostText, ...expected } = plain.start;
    assert.deepEqual(got.start, expected, `${rootStyle}: the start screen`);
    assert.deepEqual(got.question, plain.question, `${rootStyle}: a question`);
  }
  // A size set on the widget's element itself is the publisher's choice, and holds.
  const sized = await sizes('[data-objection-check] { font-size: 20px }');
  assert.deepEqual([sized.start.text, sized.start.heading], ['21.25px', '35px']);
});

test('iframe variant: the frame takes the height of the app, links preset it', async () => {
  const s = await openPage(browser, { width: 390 });
  const { page } = s;
  await page.goto(BASE_URL + 'embed-frame.html');
  const frame = page.frameLocator('iframe[data-objection-check-frame]');
  await frame.locator('#oc-start').waitFor();
  await frame.locator('#oc-start').click();
  await frame.locator('input[name=residence]').first().waitFor();
  await page.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 500);
  const height = await page.evaluate(() => parseFloat(document.querySelector('iframe').style.height));
  const inner = await page.frames()[1].evaluate(() => document.documentElement.scrollHeight);
  assert.ok(Math.abs(height - inner) <= 2, `frame ${height}px for content ${inner}px`);
  assert.equal(await frame.locator('.objection-check').getAttribute('lang'), 'en');
  assertClean(s);
  await s.context.close();
});

test('iframe on another site: the height goes only to the origin the link names, never to "*"', async () => {
  // The host page's HTML is given by the test (no server answers for it), and
  // Chromium treats such a page as public and refuses it a frame on the
  // loopback address (Private Network Access); a publisher's public page and
  // the app's public origin never meet that rule, so it is off here.
  const own = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, '--disable-features=PrivateNetworkAccessForNavigations,PrivateNetworkAccessForIframes,LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'],
  });
  const s = await openPage(own, { width: 390 });
  const { page } = s;
  // A publisher's page on another origin (localhost, where the app is served
  // from 127.0.0.1), its HTML given by the test itself.
  const hostOrigin = BASE_URL.replace('127.0.0.1', 'localhost').replace(/\/$/, '');
  const host = (parent) => `<!doctype html><html><head><script src="${BASE_URL}objection-check-frame.js"></script>
    <script>window.heard = []; addEventListener('message', (e) => { if (e.data && e.data.type) window.heard.push(e.origin); });</script></head>
    <body><iframe data-objection-check-frame title="check" style="width:100%;border:0" src="${BASE_URL}#lang=en${parent}"></iframe></body></html>`;
  let parent = '';
  await page.route(`${hostOrigin}/article`, (route) => route.fulfill({ contentType: 'text/html', body: host(parent) }));
  const frameReady = async () => {
    await page.frameLocator('iframe').locator('#oc-start').waitFor();
    await page.frameLocator('iframe').locator('#oc-start').click();
    await page.frameLocator('iframe').locator('input[name=residence]').first().waitFor();
    await page.waitForTimeout(300);
  };
  // Named: the host hears it and the frame takes the app's height.
  parent = '&parent=' + encodeURIComponent(hostOrigin);
  await page.goto(`${hostOrigin}/article`);
  await frameReady();
  await page.waitForFunction(() => parseFloat(document.querySelector('iframe').style.height) > 500);
  assert.ok((await page.evaluate(() => window.heard)).length > 0);
  // Not named, or another origin named: the host hears nothing.
  for (const other of ['', '&parent=' + encodeURIComponent('https://elsewhere.test')]) {
    parent = other;
    await page.goto(`${hostOrigin}/article`);
    await frameReady();
    assert.deepEqual(await page.evaluate(() => window.heard), [], `parent "${other}"`);
    assert.equal(await page.evaluate(() => document.querySelector('iframe').style.height), '');
  }
  assert.deepEqual(s.problems, []);
  await s.context.close();
  await own.close();
});

test('offline: after one visit the app loads and a whole walk works with the network off', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page, context } = s;
  // An old version's cache, to be replaced cleanly.
  await page.goto(BASE_URL + 'embed.html'); // same origin, registers no service worker
  await page.evaluate(async () => (await caches.open('objection-check-old')).put('/x', new Response('old')));
  await page.goto(BASE_URL);
  await page.waitForSelector('#oc-start');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(async () => (await caches.keys()).length === 1 && (await caches.keys())[0] !== 'objection-check-old');
  const keys = await page.evaluate(() => caches.keys());
  assert.equal(keys.length, 1);
  assert.match(keys[0], /^objection-check-[0-9a-f]{12}$/);
  // Every language's texts are kept once the page is idle (sw.js).
  await untilLanguagesKept(page, ['en']);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#oc-start');
  // From the cache the app is there at once: no plain start screen is drawn first.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.objectionCheckStart), undefined);
  await page.click('.oc-bar .oc-link-button');
  await walk(page, META_WALK);
  await page.click('#oc-see-result');
  assert.match(await page.textContent('#oc-letter-short'), /^I object under Art\. 21\(1\) GDPR/);
  await context.setOffline(false);
  assertClean(s);
  await s.context.close();
});

const NOT_FOUND_NL = 'Pagina niet gevonden';

/** Whether the page on the screen is the plain 404 page (and not the app). */
async function assertNotFoundPage(page, where) {
  assert.equal(await page.textContent('h1'), NOT_FOUND_NL, where);
  assert.equal(await page.textContent('section[lang=en] h2'), 'Page not found', where);
  assert.equal(await page.locator('[data-objection-check], .objection-check, script, link[rel=stylesheet]').count(), 0, `${where}: self-contained, not the app`);
}

/**
 * Opens `path`, which must get the 404 page with status 404. Chromium reports
 * a page's own 404 status as a console error: exactly that one message is
 * taken off the page's problems, nothing else.
 */
async function openNotFound(s, path, where) {
  const seen = s.problems.length;
  const response = await s.page.goto(BASE_URL + path);
  assert.equal(response.status(), 404, where);
  await assertNotFoundPage(s.page, where);
  assert.deepEqual(s.problems.splice(seen), ['console error: Failed to load resource: the server responded with a status of 404 (Not Found)'], where);
}

test('an address with no page gets the plain 404 page: status 404, both languages, the app\'s CSP, a link to the check', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page } = s;
  for (const path of ['nl/', 'nl/index.html?utm_source=x', 'no-such-page.html']) await openNotFound(s, path, path);
  const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(result.violations.map((v) => v.id), [], 'axe on the 404 page');
  await page.click('section[lang=en] a');
  await page.waitForSelector('#oc-start');
  assert.equal(page.url(), BASE_URL);
  assert.equal(await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content'), csp, 'the same CSP as the app');
  assertClean(s);
  await s.context.close();
});

test('offline: the app answers only for its own page; other addresses get their own file or the 404 page', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page, context } = s;
  await page.goto(BASE_URL);
  await page.waitForSelector('#oc-start');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // Online, once: the publisher demo and the single-file build, which the
  // service worker keeps as it passes them on.
  await page.goto(BASE_URL + 'embed.html');
  await page.waitForSelector('#oc-start');
  // The single file is made for file:// (tested below); served with the
  // app's CSP header, which allows no inline script, it cannot run its own:
  // that refusal is all it may add to the page's problems.
  let seen = s.problems.length;
  await page.goto(BASE_URL + 'objection-check.html');
  const refused = s.problems.splice(seen);
  await context.setOffline(true);

  for (const path of ['nl/', 'nl/index.html', 'embed', 'no-such-page.html?x=1']) await openNotFound(s, path, `offline ${path}`);
  // The app's own page, with any query or fragment.
  for (const path of ['', 'index.html', '?utm_source=newsletter', 'index.html?x=1#lang=en']) {
    await page.goto(BASE_URL + path);
    await page.waitForSelector('#oc-start');
    assert.equal(await page.textContent('h1'), 'Object to the use of your posts for AI training', `offline ${path}`);
  }
  // The demo page is itself, and its widget works.
  await page.goto(BASE_URL + 'embed.html');
  assert.equal(await page.textContent('#host-heading'), 'A publisher\'s page');
  await page.click('#oc-start');
  await page.waitForSelector('input[name=residence]');
  // The single file is itself: its own CSP, with its one script's hash.
  seen = s.problems.length;
  await page.goto(BASE_URL + 'objection-check.html');
  refused.push(...s.problems.splice(seen));
  assert.match(await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content'), /^default-src 'none'; script-src 'sha256-/);
  assert.equal(await page.locator('script[src], link[rel=stylesheet]').count(), 0, 'the single file, not index.html');
  await context.setOffline(false);
  assert.deepEqual(new Set(refused.map((p) => p.replace(/'sha256-[^']+'/, 'HASH'))), new Set([
    "console error: Executing inline script violates the following Content Security Policy directive 'script-src 'self' 'wasm-unsafe-eval''. Either the 'unsafe-inline' keyword, a hash (HASH), or a nonce ('nonce-...') is required to enable inline execution. The action has been blocked.",
  ]));
  assertClean(s);
  await s.context.close();
});

test('one self-contained file works from file:// with no server', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usb-stick-'));
  const file = join(dir, 'objection-check.html');
  await copyFile(process.env.SINGLE_FILE ?? 'dist/objection-check.html', file);
  const s = await openPage(browser, { locale: 'nl-NL' });
  const { page, problems, requests } = s;
  await page.goto('file://' + file);
  await page.waitForSelector('#oc-start');
  // Styled from the stylesheet the file carries, in the widget's shadow root
  // (default theme, 44 px targets).
  assert.equal(await page.evaluate(() => !!document.querySelector('[data-objection-check]').shadowRoot), true);
  assert.equal(await css(page, '#oc-start', 'backgroundColor'), 'rgb(29, 78, 216)');
  assert.equal(await css(page, '#oc-start', 'minHeight'), '44px');
  await walk(page, META_WALK);
  await page.click('#oc-see-result');
  assert.match(await page.textContent('#oc-letter-short'), /^Ik maak op grond van artikel 21 lid 1 AVG bezwaar/);
  assert.deepEqual(problems, []);
  const others = requests.map((r) => r.url()).filter((u) => u !== 'file://' + file && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(others, [], 'it loads nothing but itself');
  await s.context.close();
});

test('a newsletter link presets language, organisation and service and can skip the start screen', async () => {
  const s = await openPage(browser, { locale: 'nl-NL' });
  const { page } = s;
  await page.goto(BASE_URL + '?utm_source=newsletter&utm_campaign=ai#lang=en&controller=meta&service=instagram&skip=start');
  await page.waitForSelector('input[name=residence]');
  assert.match(await page.textContent('h1'), /Where do you live\?/);
  await answer(page, 'residence', 'eu_eea');
  await answer(page, 'country', 'nl');
  assert.ok(await page.isChecked('input[name=controller][value=meta]'));
  await page.click('#oc-continue');
  assert.ok(await page.isChecked('input[name=services][value=instagram]'));
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  assert.doesNotMatch(stored, /utm|newsletter/);
  assertClean(s);
  await s.context.close();
});

test('link previews: Open Graph and Twitter tags in the page language, with a real image', async () => {
  const html = await (await fetch(BASE_URL)).text();
  for (const tag of ['og:title', 'og:description', 'og:image', 'og:locale']) assert.match(html, new RegExp(`property="?${tag}"?`), tag);
  for (const tag of ['twitter:card', 'twitter:title', 'twitter:image']) assert.match(html, new RegExp(`name="?${tag}"?`), tag);
  assert.match(html, /content=nl_NL property=og:locale|property="og:locale" content="nl_NL"/);
  assert.match(html, /<html lang="?nl"?/);
  const img = await fetch(new URL('og-image.png', BASE_URL));
  assert.equal(img.status, 200);
  assert.equal(img.headers.get('content-type'), 'image/png');
  const bytes = new Uint8Array(await img.arrayBuffer());
  const view = new DataView(bytes.buffer);
  assert.deepEqual([view.getUint32(16), view.getUint32(20)], [1200, 630], 'a 1200×630 PNG');
});
