// The benchmark (not a test): the release build served locally, measured in
// headless Chromium with 4x CPU throttling. Prints a table against the budgets.
// Run through ./scripts/bench, which builds and serves dist/.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, META_WALK, fill } from '../e2e/helpers.mjs';

const BASE = process.env.BASE_URL;
const SLOW_RUNS = Number(process.env.SLOW_RUNS ?? 3);
const WALKS = Number(process.env.WALKS ?? 5);
const START_LOADS = Number(process.env.START_LOADS ?? 25);
const LH_RUNS = Number(process.env.LH_RUNS ?? 3);
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) * q)]; };
const median = (xs) => quantile(xs, 0.5);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

async function throttledPage() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU_RATE ?? 4) });
  await page.addInitScript(() => {
    // Records when the start button exists (in the document or the widget's shadow root).
    const find = () => document.querySelector('#oc-start')
      || document.querySelector('[data-objection-check]')?.shadowRoot?.querySelector('#oc-start');
    window.__readyP = new Promise((resolve) => {
      const tick = () => { if (find()) resolve(window.__ready = performance.now()); else requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
  });
  return { context, page, cdp };
}

// When the start button existed, in page time. Asked over the DevTools
// protocol once the navigation has committed: Playwright's waitForFunction
// would first inject its own script into the page (35-70 ms of main thread at
// 4x CPU), in the middle of the app's start-up but after the static page's.
async function readyTime(page, cdp, url, timeout) {
  await page.goto(url, { waitUntil: 'commit' });
  const deadline = Date.now() + timeout;
  for (;;) {
    const r = await cdp.send('Runtime.evaluate', { expression: 'window.__readyP', awaitPromise: true, returnByValue: true })
      .catch(() => null); // asked while the page was still being replaced: ask again
    if (typeof r?.result?.value === 'number') return r.result.value;
    if (Date.now() > deadline) throw new Error(`the start button never appeared on ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The app and the static page loaded in turns (app, static, app, ...), each
// in a fresh context, so a drift of the machine's speed during the run hits
// both alike. Each load's own noise is large and independent (the static
// page: 100-300 ms at 4x CPU), so the ratio is that of the two medians, and
// each page's middle half of loads is shown.
async function startRatio() {
  const app = [], floor = [];
  for (let i = 0; i < START_LOADS; i++) {
    for (const [url, times] of [[BASE, app], [BASE + 'bench-static.html', floor]]) {
      const { context, page, cdp } = await throttledPage();
      times.push(await readyTime(page, cdp, url, 30000));
      await context.close();
    }
  }
  const spread = (xs) => ({ median: median(xs), q1: quantile(xs, 0.25), q3: quantile(xs, 0.75) });
  return { app: spread(app), floor: spread(floor), ratio: median(app) / median(floor) };
}

// A first visit over a slow network (Lighthouse's slow 4G: 150 ms round trip,
// 1.6 Mbps down) with 4x CPU: when the start screen is drawn (the largest
// contentful paint) and when the app's start button exists.
async function slowFirstVisit(url) {
  const seen = [], ready = [];
  for (let i = 0; i < SLOW_RUNS; i++) {
    const { context, page, cdp } = await throttledPage();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    await page.addInitScript(() => {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
        .observe({ type: 'largest-contentful-paint', buffered: true });
    });
    ready.push(await readyTime(page, cdp, url, 60000));
    await page.waitForTimeout(200);
    seen.push(await page.evaluate(() => window.__lcp));
    await context.close();
  }
  return { seen: median(seen), ready: median(ready) };
}

// One walk through every question: for each answer, the time from the click
// on Continue until the next screen's heading is in the DOM (all synchronous
// work of the step done), and until the frame showing it has been drawn.
async function walkOnce() {
  const { context, page } = await throttledPage();
  await page.goto(BASE);
  await page.waitForFunction(() => window.__ready !== undefined);
  await page.click('#oc-start');
  const steps = [];
  for (const [i, [q, v]] of META_WALK.entries()) {
    await fill(page, q, v);
    // Questions on one page (the name and e-mail address) are sent together.
    const next = META_WALK[i + 1];
    if (next && (await page.locator(`form [name="${next[0]}"]`).count())) continue;
    // A person sees the answer chosen before pressing Continue: the frame
    // showing it is drawn first, so the step does not pay for drawing it.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    steps.push([q, await page.evaluate(() => new Promise((resolve) => {
      const host = document.querySelector('[data-objection-check]');
      const root = host.shadowRoot ?? host;
      const before = root.querySelector('h1').textContent;
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        const h1 = root.querySelector('h1');
        if (h1 && h1.textContent !== before) {
          obs.disconnect();
          const dom = performance.now() - t0;
          // A task queued from the next animation frame runs after that frame is drawn.
          requestAnimationFrame(() => setTimeout(() => resolve({ dom, frame: performance.now() - t0 })));
        }
      });
      obs.observe(root, { subtree: true, childList: true, characterData: true });
      root.querySelector('#oc-continue').click();
    }))]);
  }
  await context.close();
  return steps;
}

// WALKS walks; per screen the median over the walks, so one garbage
// collection does not decide the worst figure (the slowest single sample is
// printed too).
async function walkLatency() {
  const walks = [];
  for (let i = 0; i < WALKS; i++) walks.push(await walkOnce());
  const perScreen = walks[0].map(([q], i) => ({
    q,
    dom: median(walks.map((w) => w[i][1].dom)),
    frame: median(walks.map((w) => w[i][1].frame)),
  }));
  const slowest = Math.max(...walks.flat().map(([, m]) => m.dom));
  return { perScreen, slowest };
}

// Lighthouse's mobile run (slow 4G, 4x CPU). `simulate` (its default) loads the
// page unthrottled and computes the timings from that trace; `devtools`
// throttles the network and CPU while loading, as a phone on a slow network.
// One run varies (Lighthouse's own advice is the median of several runs):
// LH_RUNS runs of each; the median score, and every run's score.
function lighthouseOnce(url, method) {
  const out = join(mkdtempSync(join(tmpdir(), 'lh-')), 'report.json');
  execFileSync('node_modules/.bin/lighthouse', [url, '--quiet', '--output=json', `--output-path=${out}`, `--throttling-method=${method}`,
    '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=--headless ${CHROMIUM_ARGS.join(' ')}`], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: 'ignore' });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const scores = Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, Math.round(v.score * 100)]));
  return { ...scores, fcp: r.audits['first-contentful-paint'].numericValue, lcp: r.audits['largest-contentful-paint'].numericValue };
}

function lighthouse(url, method) {
  const runs = Array.from({ length: LH_RUNS }, () => lighthouseOnce(url, method));
  const mid = (key) => median(runs.map((r) => r[key]));
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  return {
    performance: mid('performance'),
    accessibility: mid('accessibility'),
    'best-practices': mid('best-practices'),
    text: `${mid('performance')} (runs ${runs.map((r) => r.performance).join(', ')}; FCP ${seconds(mid('fcp'))}, LCP ${seconds(mid('lcp'))})`,
  };
}

// A language switch, from the click to the heading in the new language, at
// 4x CPU: its texts file not cached (a fresh context), then in the HTTP cache
// (a new page of the same context), and back to a language already loaded.
async function switchOnce() {
  const { context, page: first } = await throttledPage();
  let page = first;
  const timeSwitch = (lang) => page.evaluate((l) => new Promise((resolve) => {
    const host = document.querySelector('[data-objection-check]');
    const root = host.shadowRoot ?? host;
    const before = root.querySelector('h1').textContent;
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (root.querySelector('h1')?.textContent !== before) { obs.disconnect(); resolve(performance.now() - t0); }
    });
    obs.observe(root, { subtree: true, childList: true, characterData: true });
    root.querySelector(`.oc-lang__button[lang=${l}]`).click();
  }), lang);
  const open = async () => {
    await page.goto(BASE);
    await page.waitForSelector('#oc-start');
    await page.click('#oc-start');
    await page.waitForSelector('input[name=residence]');
  };
  await open();
  const fresh = await timeSwitch('de');
  const loaded = await timeSwitch('nl');
  // A new page of the same context: the texts files are in its HTTP cache.
  page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU_RATE ?? 4) });
  await open();
  const cached = await timeSwitch('de');
  await context.close();
  return { fresh, cached, loaded };
}

async function switchLatency() {
  const runs = [];
  for (let i = 0; i < WALKS; i++) runs.push(await switchOnce());
  return { fresh: median(runs.map((r) => r.fresh)), cached: median(runs.map((r) => r.cached)), loaded: median(runs.map((r) => r.loaded)) };
}

function printScreens(perScreen) {
  for (const s of perScreen) console.log(`after ${s.q}: ${s.dom.toFixed(1)} ms, drawn ${s.frame.toFixed(1)} ms`);
}

// ONLY=steps: just the walks, per screen (a quick check while changing a screen).
if (process.env.ONLY === 'steps') {
  const { perScreen, slowest } = await walkLatency();
  await browser.close();
  printScreens(perScreen);
  const lat = perScreen.map((s) => s.dom);
  console.log(`median ${median(lat).toFixed(1)} ms, worst ${Math.max(...lat).toFixed(1)} ms, slowest sample ${slowest.toFixed(1)} ms (budget < 16 ms)`);
  process.exit(0);
}

const loadText = (x) => `${x.median.toFixed(0)} ms (middle half ${x.q1.toFixed(0)}-${x.q3.toFixed(0)} ms)`;

// ONLY=switch: just the language switch.
if (process.env.ONLY === 'switch') {
  const sw = await switchLatency();
  await browser.close();
  console.log(`language switch: not cached ${sw.fresh.toFixed(1)} ms (budget <= 100), cached ${sw.cached.toFixed(1)} ms (budget <= 32), already loaded ${sw.loaded.toFixed(1)} ms`);
  process.exit(0);
}

// ONLY=start: just the start-button ratio.
if (process.env.ONLY === 'start') {
  const r = await startRatio();
  await browser.close();
  console.log(`start button ready: app ${loadText(r.app)}, static ${loadText(r.floor)}, ratio ${r.ratio.toFixed(2)}x (budget <= 2x)`);
  process.exit(0);
}

const start = await startRatio();
const slowApp = await slowFirstVisit(BASE);
const slowStatic = await slowFirstVisit(BASE + 'bench-static.html');
const { perScreen, slowest } = await walkLatency();
const sw = await switchLatency();
const lat = perScreen.map((s) => s.dom);
const worst = perScreen.reduce((a, b) => (b.dom > a.dom ? b : a));
const frames = perScreen.map((s) => s.frame);
if (process.env.VERBOSE) printScreens(perScreen);
await browser.close();
const lh = lighthouse(BASE, 'devtools');
const lhSim = lighthouse(BASE, 'simulate');
const firstVisit = Number(process.env.FIRST_VISIT_GZIP);

const rows = [
  ['first visit, gzip (all files)', `${(firstVisit / 1024).toFixed(1)} KiB`, '<= 150 KB', firstVisit <= 150 * 1024],
  ['start button ready (4x CPU), app', loadText(start.app), '', null],
  ['start button ready (4x CPU), static HTML', loadText(start.floor), '', null],
  ['ratio app / static (medians)', `${start.ratio.toFixed(2)}x`, '<= 2x', start.ratio <= 2],
  ['slow 4G first visit: start screen drawn (LCP), app / static', `${slowApp.seen.toFixed(0)} / ${slowStatic.seen.toFixed(0)} ms`, '', null],
  ['slow 4G first visit: start button ready, app / static', `${slowApp.ready.toFixed(0)} / ${slowStatic.ready.toFixed(0)} ms`, '', null],
  ['answer -> next screen, median (4x CPU)', `${median(lat).toFixed(1)} ms`, '< 16 ms', median(lat) < 16],
  [`answer -> next screen, worst (4x CPU; after ${worst.q})`, `${worst.dom.toFixed(1)} ms`, '< 16 ms', worst.dom < 16],
  ['answer -> next screen, slowest single sample', `${slowest.toFixed(1)} ms`, '', null],
  ['answer -> next frame drawn, median / worst', `${median(frames).toFixed(1)} / ${Math.max(...frames).toFixed(1)} ms`, '', null],
  ['language switch, texts not cached / cached (4x CPU, to the new heading)', `${sw.fresh.toFixed(1)} / ${sw.cached.toFixed(1)} ms`, '<= 100 / <= 32 ms', sw.fresh <= 100 && sw.cached <= 32],
  ['language switch back to a language loaded', `${sw.loaded.toFixed(1)} ms`, '', null],
  ['Lighthouse performance (applied throttling; median)', lh.text, '100', lh.performance === 100],
  ['Lighthouse performance (simulated throttling; median)', lhSim.text, '100', lhSim.performance === 100],
  ['Lighthouse accessibility', `${lh.accessibility}`, '100', lh.accessibility === 100],
  ['Lighthouse best practices', `${lh['best-practices']}`, '100', lh['best-practices'] === 100],
];
console.log(`\n| measure | result | budget | |\n| --- | --- | --- | --- |`);
for (const [m, r, b, ok] of rows) console.log(`| ${m} | ${r} | ${b} | ${ok === null ? '' : ok ? 'ok' : 'MISSED'} |`);
console.log(`\n(start: ${START_LOADS} loads of each page, in turns; slow 4G: ${SLOW_RUNS} loads each, median; Lighthouse: ${LH_RUNS} runs of each; ${WALKS} walks of ${lat.length} screens, per-screen median)`);
