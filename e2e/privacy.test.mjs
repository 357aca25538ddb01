// Nothing leaves the browser, and nothing breaks it. Every request of full
// walks (every route, both languages, all result actions) is recorded; hostile
// text, corrupted storage and malformed links must leave the app working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, openPage, assertClean, start, switchLanguage, answer, walk, openMore, downloadText, META_WALK } from './helpers.mjs';
import { ROUTES } from './routes.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const KEY = 'objection-check:answers';

test('every route in both languages with every action: only same-origin GETs during load, none after', async () => {
  for (const lang of ['nl', 'en']) {
    for (const [route, steps] of Object.entries(ROUTES)) {
      const s = await openPage(browser);
      const { page, requests } = s;
      await start(page, { lang });
      const loadRequests = requests.length;
      assert.ok(loadRequests >= 4 && loadRequests <= 8, `${loadRequests} requests to load: ${requests.map((r) => `${r.resourceType()} ${new URL(r.url()).pathname}`).join(', ')}`);
      // The wasm is downloaded once: the preload and the start script's compile share one request.
      assert.equal(requests.filter((r) => r.url().endsWith('_bg.wasm')).length, 1, 'the wasm is requested once');
      // And the glue once: its modulepreload and the start script's import share one request.
      assert.equal(requests.filter((r) => /\/objection-check-[0-9a-f]+\.js$/.test(r.url())).length, 1, 'the glue is requested once');
      const startUrl = page.url();
      await walk(page, steps);
      await page.click('#oc-see-result');
      await page.waitForSelector('#oc-route');
      if (route !== 'gdpr_not_applicable') {
        await page.click('#oc-letter-short-copy');
        await page.locator('.oc-status', { hasText: /\S/ }).first().waitFor();
        await openMore(page, 'oc-more-letter');
        await downloadText(page, '#oc-letter-long-download');
        // The one-month reminder is the GDPR's (Art. 12(3)), not the Swiss FADP's.
        if (route !== 'object_fadp') await downloadText(page, '#oc-reminder');
        await page.click('#oc-letter-long-print');
      }
      const exported = await downloadText(page, '#oc-export');
      await page.setInputFiles('#oc-import', exported.path);
      await page.waitForSelector('.oc-notice');
      await page.check('#oc-remember');
      await switchLanguage(page, lang === 'nl' ? 'en' : 'nl');
      // After the app is interactive, only the other language's texts file
      // (a GET of one of the app's own files; it carries no answer).
      const after = requests.slice(loadRequests).map((r) => r.url()).filter((u) => !u.startsWith('blob:'));
      const other = `/texts-${lang === 'nl' ? 'en' : 'nl'}-<hash>.txt`;
      const paths = after.map((u) => new URL(u).pathname.replace(/-[0-9a-f]{16}\./, '-<hash>.'));
      assert.ok(paths.every((p) => p === other) && paths.length <= 1, `${route} ${lang}: no request after the app is interactive but the other language's texts: ${paths}`);
      assert.equal(page.url(), startUrl, 'the URL never carries an answer');
      for (const r of requests) assert.equal(new URL(r.url()).search, '', `no query string: ${r.url()}`);
      // Only the one documented key, in exactly one of the storages.
      const keys = await page.evaluate(() => [...Object.keys(sessionStorage), ...Object.keys(localStorage)]);
      assert.deepEqual(keys, [KEY]);
      // Outbound links carry nothing and send no referrer.
      const links = await page.$$eval('a[target=_blank]', (as) => as.map((a) => ({ href: a.href, rel: a.rel })));
      for (const l of links) {
        assert.equal(l.rel, 'noopener noreferrer', l.href);
        assert.doesNotMatch(l.href, /sanne|example\.org|Sanne/i, 'no answer in a link');
      }
      assert.equal(await page.getAttribute('meta[name=referrer]', 'content'), 'no-referrer');
      assertClean(s);
      await s.context.close();
    }
  }
});

test('no fonts, analytics, CDNs or remote images: the loaded files are the app\'s own', async () => {
  const s = await openPage(browser);
  await start(s.page);
  const types = s.requests.map((r) => [new URL(r.url()).pathname.replace(/-[0-9a-f]{12,16}(?=(_bg)?\.)/, ''), r.resourceType()]);
  for (const [path, type] of types) {
    assert.ok(['document', 'script', 'stylesheet', 'fetch', 'manifest', 'other'].includes(type), `${path}: ${type}`);
    assert.match(path, /^\/(|index\.html|start\.js|widget\.css|objection-check\.js|objection-check_bg\.wasm|manifest\.webmanifest|sw\.js|texts-[a-z]+\.txt)$/, path);
  }
  assertClean(s);
  await s.context.close();
});

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '{{law}} {$controller} ${name} {name} %s %n',
  'مرحبا، أنا أعترض على ذلك — שלום',
  'e\u0301\u0301\u0301 Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o',
  '👩‍👩‍👧‍👦 🏳️‍🌈 🇳🇱 \u200b\u200d\ufeff',
];

test('hostile text is rendered inert and the letter still quotes it exactly', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page } = s;
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  const text = HOSTILE.join(' ');
  const steps = META_WALK.map(([q, v]) => [q, q === 'situation_text' ? text : q === 'full_name' ? '<b>Bold</b> {email}' : v]);
  await start(page, { lang: 'en' });
  await walk(page, steps);
  // The check screen (built as escaped HTML) shows the words as typed.
  const values = await page.locator('.oc-summary__value').allTextContents();
  assert.ok(values.includes(text), values.join(' | '));
  assert.ok(values.includes('<b>Bold</b> {email}'), values.join(' | '));
  assert.equal(await page.locator('main b, main img, main script').count(), 0, 'no element made from the text on the check screen');
  await page.click('#change-full_name');
  assert.equal(await page.inputValue('textarea, input[type=text]'), '<b>Bold</b> {email}', 'Change opens the question with the answer');
  await page.click('#oc-continue');
  await page.waitForSelector('#oc-see-result');
  await page.click('#oc-see-result');
  const short = await page.textContent('#oc-letter-short');
  assert.ok(short.includes(`In my own words: ${text}`), short);
  assert.ok((await page.textContent('#oc-letter-long')).startsWith('<b>Bold</b> {email}\n'));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main b, main img, main script').count(), 0, 'no element made from the text');
  assert.equal(dialogs, 0);
  assertClean(s);
  await s.context.close();
});

test('1 MB of text: a clear message, no freeze, nothing stored', async () => {
  const s = await openPage(browser, { locale: 'en-GB' });
  const { page } = s;
  const steps = META_WALK.slice(0, META_WALK.findIndex(([q]) => q === 'situation_text'));
  await start(page, { lang: 'en' });
  await page.click('#oc-start');
  for (const [q, v] of steps) await answer(page, q, v);
  await page.waitForSelector('textarea[name=situation_text]');
  const huge = 'x'.repeat(1024 * 1024);
  const t0 = Date.now();
  await page.fill('textarea[name=situation_text]', huge);
  await page.click('#oc-continue');
  await page.waitForSelector('#oc-error-summary');
  assert.ok(Date.now() - t0 < 10000, 'answered within seconds');
  assert.match(await page.textContent('#oc-error-summary'), /at most 1000 characters/);
  const stored = await page.evaluate((k) => sessionStorage.getItem(k), KEY);
  assert.ok(stored.length < 10000, 'the huge text was not stored');
  // Shortening it lets the person go on.
  await page.fill('textarea[name=situation_text]', 'x'.repeat(1000));
  await page.click('#oc-continue');
  await page.waitForSelector('input[name=already_objected]');
  assertClean(s);
  await s.context.close();
});

const ORIGINAL_KEY = 'objection-check:saved-original';
const NONE = /None of the saved answers could be read, so the check starts again\./;
const BROKEN_STORAGE = {
  'not JSON': ['{"version":1,"lang":"nl","answ', NONE],
  'wrong version': ['{"version":0,"lang":"en","answers":{}}', /another version of this check \(version 0\)\. None of the saved answers/],
  'future version': ['{"version":2,"lang":"en","answers":{"residence":"uk"}}', /another version of this check \(version 2\)\. Kept: 1 of your answers\./],
  'not an object': ['[]', NONE],
  'hand-edited': ['{"version":1,"lang":"en","answers":{"residence":"eu_eea","country":"xx","controller":"meta","services":["facebook","myspace"],"age":"adult"}}', /Kept: 3 of your answers\. Not kept, because this check cannot read it: your answer to "In which country do you live\?"; your answer to "Which Meta services do you use\?"\./],
  'huge': [`{"version":1,"lang":"en","answers":{},"x":"${'a'.repeat(200000)}"}`, /Not kept, because this check cannot read it: other information saved with them \("x"\)\./],
  'binary junk': ['\u0000\u0001\ud7ff\ufffe', NONE],
};

test('stored answers that cannot all be read: every readable answer kept, the rest named, the original kept to download until discarded', async () => {
  for (const [name, [doc, message]] of Object.entries(BROKEN_STORAGE)) {
    const s = await openPage(browser, { locale: 'en-GB' });
    await s.page.addInitScript(([k, v]) => { if (!sessionStorage.getItem('__seeded')) { sessionStorage.setItem(k, v); sessionStorage.setItem('__seeded', '1'); } }, [KEY, doc]);
    await s.page.goto(BASE_URL);
    await s.page.waitForSelector('#oc-start');
    const notice = await s.page.textContent('#oc-kept p');
    assert.match(notice, message, name);
    assert.match(notice, /What was saved stays on this device, as it was, until you discard it/, name);
    assert.equal(await s.page.evaluate((k) => sessionStorage.getItem(k), ORIGINAL_KEY), doc, `${name}: the original is kept as it was`);
    const original = await downloadText(s.page, '#oc-kept-download');
    assert.equal(original.text, doc, `${name}: the original downloads as it was`);
    await s.page.click('#oc-start');
    await s.page.waitForSelector('form');
    if (name === 'hand-edited') {
      assert.match(await s.page.textContent('h1'), /In which country/, 'valid answers kept, the bad one asked again');
      const stored = JSON.parse(await s.page.evaluate((k) => sessionStorage.getItem(k), KEY));
      assert.equal(stored.answers.controller, 'meta');
      assert.equal(stored.answers.age, 'adult');
      assert.equal(stored.answers.country, undefined);
    }
    // Kept through a reload, until the person discards it.
    await s.page.reload();
    await s.page.waitForSelector('#oc-kept');
    await s.page.click('#oc-kept-discard');
    await s.page.waitForSelector('#oc-kept', { state: 'detached' });
    assert.equal(await s.page.evaluate((k) => sessionStorage.getItem(k), ORIGINAL_KEY), null, `${name}: discarded`);
    assertClean(s);
    await s.context.close();
  }
});

test('malformed deep links and mail-tool query strings are ignored without error', async () => {
  for (const suffix of ['#lang=xx&controller=%3Cscript%3E&%%%', '?utm_source=newsletter&utm_medium=email#lang=en&controller=meta', '#' + 'a'.repeat(100000), '#controller=meta&service=myspace&skip=start']) {
    const s = await openPage(browser, { locale: 'nl-NL' });
    await s.page.goto(BASE_URL + suffix);
    await s.page.waitForSelector('h1');
    const keys = await s.page.evaluate(() => [...Object.keys(sessionStorage), ...Object.keys(localStorage)]);
    assert.ok(keys.every((k) => k === KEY), 'nothing else stored');
    const stored = await s.page.evaluate((k) => sessionStorage.getItem(k) ?? '', KEY);
    assert.doesNotMatch(stored, /utm|newsletter|script|myspace/);
    assertClean(s);
    await s.context.close();
  }
});
