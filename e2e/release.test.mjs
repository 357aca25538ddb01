// The archive a publisher hosts (./scripts/release, xtask/src/main.rs):
// unpacked into a folder of a publisher's own site, next to an article page
// that pastes the snippet from its PUBLISHERS.md (with the loader's
// integrity hash) and is served with the CSP line it documents. The widget
// renders and works; a changed loader is refused by the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { launch, openPage } from './helpers.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const VERSION = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const ARCHIVE = join(ROOT, 'target', `objection-check-${VERSION}.zip`);

let browser;
let site;
let server;
let base;

/** A free port on the loopback interface. */
const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

before(async () => {
  assert.ok(existsSync(ARCHIVE), `${ARCHIVE} exists (./scripts/release, or cargo xtask release dist)`);
  site = mkdtempSync(join(tmpdir(), 'objection-check-site-'));
  execFileSync('unzip', ['-q', ARCHIVE, '-d', site]);
  const port = await freePort();
  // The site's own server: the app's strict CSP for every page, which holds
  // the line PUBLISHERS.md documents (tools/serve.py).
  server = spawn('python3', [join(ROOT, 'tools/serve.py'), site, String(port)], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i += 1) {
    try { await fetch(base); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.kill();
});

const folder = () => `objection-check-${VERSION}`;
const readme = () => readFileSync(join(site, folder(), 'PUBLISHERS.md'), 'utf8');
/** The snippet PUBLISHERS.md gives, for the files in /<folder>/. */
const snippet = () => readme().match(/```html\n([\s\S]*?)```/)[1].replaceAll('/objection-check/', `/${folder()}/`);

/** An article on the publisher's site with its own landmarks and headings, and the snippet. */
function article(name, body) {
  writeFileSync(join(site, name), `<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Widerspruch gegen KI-Training</title><link rel="icon" href="data:,"></head><body>
<header><p>Verbraucherzeitung</p></header>
<main><h1>So widersprechen Sie</h1><p>Der Check unten hilft Ihnen.</p>
${body}
</main><footer><p>Impressum</p></footer></body></html>`);
}

test('the release archive holds the build, the publishers\' README with integrity hashes, the headers and the changelog', () => {
  const names = readdirSync(join(site, folder()));
  for (const n of ['objection-check.js', 'objection-check-frame.js', 'index.html', 'sw.js', 'PUBLISHERS.md', '_headers', 'CHANGELOG.md', 'EMBEDDING.md', 'LINKING.md', 'objection-check.html']) {
    assert.ok(names.includes(n), `${n} in the archive`);
  }
  assert.ok(names.some((n) => /^objection-check-[0-9a-f]{16}_bg\.wasm$/.test(n)), 'the wasm');
  assert.equal(names.filter((n) => /^texts-[a-z]{2}-[0-9a-f]{16}\.txt$/.test(n)).length, 7, 'every language');
  assert.ok(!names.some((n) => n.startsWith('bench-')), 'nothing of the bench');
  const text = readme();
  assert.match(text, new RegExp(`^# objection-check ${VERSION.replaceAll('.', '\\.')} for publishers`));
  assert.match(text, /integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous"/);
  assert.match(text, /script-src <origin> 'wasm-unsafe-eval'; connect-src <origin>/);
  const headers = readFileSync(join(site, folder(), '_headers'), 'utf8');
  assert.match(headers, /\/objection-check-[0-9a-f]{16}_bg\.wasm\n {2}Cache-Control: public, max-age=31536000, immutable/);
  assert.match(headers, /\/objection-check\.js\n {2}Cache-Control: no-cache/);
  assert.match(readFileSync(join(site, folder(), 'CHANGELOG.md'), 'utf8'), new RegExp(`## ${VERSION.replaceAll('.', '\\.')} \\(\\d{4}-\\d{2}-\\d{2}\\)`));
});

test('a publisher page with the documented snippet and CSP shows the widget, and it works', async () => {
  article('article.html', snippet());
  const s = await openPage(browser, { locale: 'de-DE' });
  await s.page.goto(base + 'article.html');
  await s.page.waitForSelector('#oc-start');
  assert.equal(await s.page.getAttribute('.objection-check', 'lang'), 'de', 'data-lang="de" of the snippet');
  await s.page.click('#oc-start');
  await s.page.waitForSelector('fieldset legend');
  assert.deepEqual(s.problems, [], 'no CSP violation, no error: the integrity hash is the loader\'s');
  // Every file came from the publisher's own folder.
  const outside = s.requests.map((r) => r.url()).filter((u) => !u.startsWith(base));
  assert.deepEqual(outside, []);
  await s.context.close();
});

test('a loader that is not the released one is refused by its integrity hash', async () => {
  article('tampered.html', snippet().replace(/integrity="sha384-[^"]+"/, 'integrity="sha384-' + 'A'.repeat(64) + '"'));
  const s = await openPage(browser, { locale: 'de-DE' });
  await s.page.goto(base + 'tampered.html');
  await s.page.waitForTimeout(1500);
  assert.equal(await s.page.locator('#oc-start').count(), 0, 'no widget from a file that does not match');
  assert.ok(s.problems.some((p) => /integrity/i.test(p)), `the browser says why: ${s.problems.join('; ')}`);
  await s.context.close();
});

test('the widget\'s footer shows the version of the release', async () => {
  article('version.html', snippet());
  const s = await openPage(browser, { locale: 'de-DE' });
  await s.page.goto(base + 'version.html');
  await s.page.waitForSelector('#oc-start');
  assert.equal(await s.page.textContent('.oc-footer .oc-version'), `objection-check ${VERSION}`, 'on the start screen');
  await s.page.click('#oc-start');
  await s.page.waitForSelector('fieldset legend');
  assert.equal(await s.page.textContent('.oc-footer .oc-version'), `objection-check ${VERSION}`, 'on a question');
  await s.context.close();
});
