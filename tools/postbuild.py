#!/usr/bin/env python3
"""Trunk post_build hook. In the staging dir it:

0. on a release build, shortens the names the wasm and its glue use for each
   other (tools/shorten_bindings.py; about 5 KB of gzip);
1. replaces Trunk's inline module loader in index.html (the strict CSP
   allows no inline script) with start-<hash>.js, the page's one script (see
   3), and adds the service worker registration to it (own page only; never
   from file://);
2. writes objection-check.js, the embed loader with a stable name that a
   publisher's page loads: it starts the hashed wasm next to it;
3. puts the start screen into index.html as plain HTML, in every language,
   rendered by the app's own code (`cargo run --bin prerender`), with widget-<hash>.css (the widget's one
   stylesheet, which also styles the app on this page; the embed loader
   hands it to the app for its shadow roots) and start-<hash>.js, which starts the wasm's
   download and compile at once, shows the language the app will pick (or
   nothing when the app will open on another screen), then starts the app as
   soon as it can. A person on a slow network reads the start screen and can
   press "Start" while the wasm loads; the app adopts it as its start screen
   (src/platform/plain_start.rs; e2e/prerender.test.mjs keeps both in step);
4. writes sw.js, the service worker, listing every file of this build under a
   cache name derived from their hashes, so a new version replaces the old.
   It answers with the app only the app's own page (index.html); any other
   address gets its own file, offline too, or 404.html. Each language's texts
   file (copied in from build.rs's output) is fetched by the page when shown
   and by the worker once the page is idle.

A release build without an inline loader is an error, so the hook can never
silently do nothing.
"""
import hashlib
import json as _json
import os
import re
import subprocess
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
profile = os.environ.get("TRUNK_PROFILE", "debug")
if not staging:
    sys.exit("postbuild: TRUNK_STAGING_DIR is not set (run me from Trunk)")

index = os.path.join(staging, "index.html")
with open(index, encoding="utf-8") as f:
    html = f.read()

SW_REGISTER = """
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
  // Once the page is idle, every language for offline use (sw.js).
  const idle = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 2000));
  navigator.serviceWorker.ready.then((r) => idle(() => r.active?.postMessage('languages'), { timeout: 10000 })).catch(() => {});
}
"""

pattern = re.compile(r'<script type=["\']?module["\']?>(.*?)</script>', re.S)
scripts = pattern.findall(html)
if not scripts:
    if profile == "release":
        sys.exit("postbuild: no inline module script found in a release build")
    sys.exit(0)
if len(scripts) != 1:
    sys.exit(f"postbuild: expected one inline loader, found {len(scripts)}")

glue = re.search(r"from '\./(objection-check-[0-9a-f]+\.js)'", scripts[0])
wasm = re.search(r"'\./(objection-check-[0-9a-f]+_bg\.wasm)'", scripts[0])
if not (glue and wasm):
    sys.exit("postbuild: cannot find the wasm-bindgen glue and wasm names in the loader")

# Short names between the wasm and its glue (release only; debug builds keep
# wasm-bindgen's names for reading): tools/shorten_bindings.py.
if profile == "release":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from shorten_bindings import rewrite, shorten

    html = shorten(os.path.join(staging, glue.group(1)), os.path.join(staging, wasm.group(1)), html)

source = os.environ.get("TRUNK_SOURCE_DIR", os.getcwd())
ESBUILD = os.path.join(source, "node_modules", ".bin", "esbuild")

# Each language's texts, a file of its own next to the app (build.rs writes
# them, named by what is in them, into the profile's texts/ folder): the app
# fetches the one it shows (src/platform/texts.rs).
texts_dir = os.path.join(source, "target", "wasm32-unknown-unknown", profile, "texts")
LANGUAGE_FILES = sorted(n for n in os.listdir(texts_dir) if re.fullmatch(r"texts-[a-z]+-[0-9a-f]{16}\.txt", n)) if os.path.isdir(texts_dir) else []
if not LANGUAGE_FILES:
    sys.exit(f"postbuild: no language files in {texts_dir} (build.rs writes them)")
for name in LANGUAGE_FILES:
    with open(os.path.join(texts_dir, name), "rb") as f, open(os.path.join(staging, name), "wb") as g:
        g.write(f.read())


def minify(text: str, loader: str, module: bool = False) -> str:
    """Release builds: `text` minified by esbuild (npm, installed by
    scripts/setup); debug builds keep it readable. `module`: an ES module."""
    if profile != "release":
        return text
    if not os.access(ESBUILD, os.X_OK):
        sys.exit(f"postbuild: {ESBUILD} is missing (run ./scripts/setup)")
    args = [ESBUILD, "--minify", f"--loader={loader}", "--log-level=warning"]
    if module:
        args.append("--format=esm")
    done = subprocess.run(args, input=text.encode(), capture_output=True)
    if done.returncode != 0:
        sys.exit(f"postbuild: esbuild could not minify:\n{done.stderr.decode()}")
    return done.stdout.decode()


if profile == "release":
    glue_path = os.path.join(staging, glue.group(1))
    with open(glue_path, "rb") as f:
        before = f.read()
    # V8's explicit compile hint: compile every function of the glue while the
    # file streams in (off the main thread) instead of each on its first call
    # during start-up (about 20 ms less start-up work at 4x CPU in Chromium;
    # other browsers read a comment).
    glue_js = "//# allFunctionsCalledOnLoad\n" + minify(before.decode(), "js", module=True)
    html = rewrite(glue_path, before, glue_js.encode(), html)

# Every language, in the order of the app's language list (Lang::ALL).
LANGS = ("de", "fr", "es", "it", "pl", "nl", "en")
missing = [l for l in LANGS if not os.path.exists(os.path.join(source, "content", "locales", f"{l}.toml"))]
if missing:
    sys.exit(f"postbuild: no content/locales/{missing[0]}.toml")


def hashed(stem: str, ext: str, text: str) -> str:
    name = f"{stem}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.{ext}"
    with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
        f.write(text)
    return name


# The widget's one stylesheet: index.html links it (for the plain start screen
# and for the app, which renders there without a shadow root), and on a
# publisher's page the embed loader (or single_file.py) hands its text to the
# app as `globalThis.objectionCheckStyles`, which adopts it into each widget's
# shadow root. So the CSS is downloaded once, never inside the wasm.
WIDGET_CSS_EXTRA = """
/* shadow root (the widget's host): the root of the widget's sizes is the
   person's default text size, whatever the host page's root font size */
:host { all: initial; display: block; font-size: medium; }
/* prerendered start screen only (tools/postbuild.py) */
.oc-prerender-placeholder { visibility: hidden; }
[data-objection-check-prerender] { display: none; }
""" + ",\n".join(
    f'html[data-objection-check-start="{l}"] [data-objection-check-prerender][lang="{l}"]' for l in LANGS
) + " { display: block; }\n"

widget_css = ""
for part in ("main.css", "print.css"):
    with open(os.path.join(source, "styles", part), encoding="utf-8") as f:
        widget_css += f.read() + "\n"
css_name = hashed("widget", "css", minify(widget_css + WIDGET_CSS_EXTRA, "css"))


def styles_text(url: str) -> str:
    """JS: a promise of the widget stylesheet's text at `url` (an expression),
    empty if it cannot be fetched (the app then runs unstyled)."""
    return f"fetch({url}).then((r) => (r.ok ? r.text() : '')).catch(() => '')"


def compile_wasm(url: str) -> str:
    """JS: a promise of the compiled wasm module at `url` (an expression),
    null if it failed (the glue then fetches it itself)."""
    return f"WebAssembly.compileStreaming(fetch({url})).catch(() => null)"


# Trunk's loader, as the end of the page's start script (START_JS below). The
# app starts as soon as it can: its glue and its compiled wasm are there, and
# the parser has reached its mount element (so the plain start screen before
# it is complete). The app adopts that screen as its own start screen
# (src/platform/plain_start.rs): starting early draws nothing new, so on a fast
# network the first frame shows the copy with its controls already working,
# and no frame lays out a second start screen before the button works. On a
# slow network the wasm comes later, and the copy works as plain links
# meanwhile. The wasm is instantiated synchronously from the module compiled
# while it downloaded, so no task (and no frame) comes between "ready" and the
# app's first render; if that fails, the glue's own loader fetches and
# instantiates it.
# One classic script instead of a module of its own next to the start-screen
# script: the page then has one script request and evaluation fewer on the way
# to the app (31-48 ms less at 4x CPU in two runs of 25 loads of each, in turns).
BOOT_JS = f"""
early && (() => {{
  let glue = null, module, started = false;
  const start = () => {{
    if (started || !glue || module === undefined) return;
    if (!document.querySelector('[data-objection-check]') && document.readyState === 'loading') return;
    started = true;
    parsed.disconnect();
    let done = false;
    if (module) {{
      try {{ glue.initSync({{ module }}); done = true; }} catch {{}}
    }}
    if (!done) glue.default({{ module_or_path: './{wasm.group(1)}' }});
""" + SW_REGISTER + f"""  }};
  const parsed = new MutationObserver(start);
  parsed.observe(document, {{ childList: true, subtree: true }});
  addEventListener('DOMContentLoaded', start, {{ once: true }});
  early.glue.then((g) => {{ glue = g; start(); }});
  early.wasm.then((m) => {{ module = m; start(); }});
}})();
"""
# Trunk's inline loader goes; its modulepreload and wasm preload stay.
html = pattern.sub("", html, count=1)
if pattern.search(html):
    sys.exit("postbuild: an inline module script is left after removing Trunk's loader")


# --- 3. the start screen as plain HTML (own page only) ----------------------
# Rendered by the app's own code (src/ui/start.rs PlainStartScreen, with the
# same start_page and bar the app draws) with Yew's server renderer: one block
# per language, links where the app has buttons, so they work before the app
# runs (#lang=.., #skip=start are link presets).
prerendered = subprocess.run(
    ["cargo", "run", "--quiet", "--offline", "--bin", "prerender"],
    cwd=source, check=True, capture_output=True, text=True,
).stdout
if prerendered.count("data-objection-check-prerender") != len(LANGS):
    sys.exit("postbuild: the prerendered start screen does not have one block per language")


# Which block to show: the app's own choice (src/ui/app.rs initial_session,
# src/engine/preset.rs from_fragment, src/platform/dom.rs browser_lang) for
# index.html, which has no data-* settings.
PRERENDER_JS = """// objection-check: decides, before the page is first drawn, which language of
// the start screen that index.html already carries is shown (the one the app
// will choose), or none when the app will open on another screen (a link that
// skips the start, a reload mid-way) or comes from the service worker's cache
// (a later visit: the app is there at once, and drawing the copy first would
// only delay it). It sets <html data-objection-check-start>;
// the CSS does the rest. Generated at build (tools/postbuild.py); the app
// adopts the block shown and removes the other.
(() => {
  const KEY = 'objection-check:answers';
  const LANGS = __LANGS__;
  const TEXT_FILES = __TEXT_FILES__;
  const tag = (t) => {
    const p = String(t ?? '').trim().split(/[-_]/)[0].toLowerCase();
    return LANGS.includes(p) ? p : null;
  };
  const link = () => {
    let lang = null, skip = false;
    for (const pair of location.hash.replace(/^#+/, '').split('&')) {
      const i = pair.indexOf('=');
      if (i < 0) continue;
      const key = pair.slice(0, i).trim(), value = pair.slice(i + 1).trim().toLowerCase();
      if (key === 'lang') lang = tag(value) ?? lang;
      if (key === 'skip' && value === 'start') skip = true;
    }
    return { lang, skip };
  };
  const stored = () => {
    for (const place of ['localStorage', 'sessionStorage']) {
      try {
        const text = window[place].getItem(KEY);
        if (text !== null) return tag(JSON.parse(text).lang);
      } catch { return null; }
    }
    return null;
  };
  const browser = () => {
    for (const l of navigator.languages ?? []) { if (tag(l)) return tag(l); }
    return tag(navigator.language);
  };
  const choose = () => link().lang ?? stored() ?? browser() ?? 'en';
  const decide = () => {
    const { skip } = link();
    const root = document.documentElement;
    const cached = Boolean(navigator.serviceWorker?.controller);
    if (cached || skip || (typeof history.state === 'string' && history.state !== 'start')) {
      delete root.dataset.objectionCheckStart;
    } else {
      root.dataset.objectionCheckStart = choose();
    }
  };
  decide();
  addEventListener('hashchange', decide);
  // The texts of the language the app will open in, fetched now, while the
  // wasm downloads, and handed over (src/platform/texts.rs takes a promise).
  const first = choose();
  const file = TEXT_FILES[first];
  if (file) globalThis.objectionCheckTexts = { [first]: fetch('./' + file).then((r) => (r.ok ? r.text() : null)).catch(() => null) };
})();
"""
TEXT_FILES = {re.fullmatch(r"texts-([a-z]+)-[0-9a-f]{16}\.txt", n).group(1): n for n in LANGUAGE_FILES}
PRERENDER_JS = PRERENDER_JS.replace("__LANGS__", repr(list(LANGS))).replace("__TEXT_FILES__", _json.dumps(TEXT_FILES))
# The start of the page's script: the wasm's download and compile and the
# glue, both started at once, long before the busy main thread would get to
# them otherwise. (A browser without WebAssembly still gets the plain start
# screen.) The page links the widget's stylesheet and its widget renders
# without a shadow root (`data-styled-by-page`), so no stylesheet text is
# fetched for it.
EARLY_JS = f"""let early = null;
try {{
  early = {{ wasm: {compile_wasm(f"'./{wasm.group(1)}'")}, glue: import('./{glue.group(1)}') }};
}} catch {{}}
"""
HOST = "<div data-objection-check data-owns-page data-styled-by-page>"
host = re.search(re.escape(HOST), html)
if not host:
    sys.exit(f"postbuild: index.html has no {HOST}")
START_JS = "(() => {\n" + EARLY_JS + PRERENDER_JS + BOOT_JS + "})();\n"
js_name = hashed("start", "js", minify(START_JS, "js"))
# Before the mount element: once the parser has reached that element, the
# plain start screen is complete and the app may replace it.
html = html[: host.start()] + prerendered + html[host.start():]
# The head starts, right after the CSP, with the app's files: the glue and
# wasm preloads Trunk wrote at the end of <head>, so they are requested at
# once instead of after the render-blocking stylesheet and script; then the
# start screen's stylesheet and the script.
csp = re.search(r'<meta[^>]*http-equiv=["\']?Content-Security-Policy[^>]*>', html)
if not csp:
    sys.exit("postbuild: index.html has no CSP meta tag")
preloads = re.findall(r'<link\b[^>]*\brel=["\']?(?:modulepreload|preload)\b[^>]*>', html)
for link in preloads:
    html = html.replace(link, "", 1)
html = html.replace(
    csp.group(0),
    csp.group(0) + "".join(preloads) + f'<link rel="stylesheet" href="./{css_name}"><script src="./{js_name}"></script>',
    1,
)
if js_name not in html:
    sys.exit("postbuild: could not link the start script")
with open(index, "w", encoding="utf-8") as f:
    f.write(html)


# Each language's link-preview page (de.html, ...; src/ui/share.rs): its
# Open Graph title, description and image (public/og-image-<lang>.png), and
# it opens the check in that language with the link's presets.
subprocess.run(["cargo", "run", "--quiet", "--offline", "--bin", "prerender", "--", "--share", staging], cwd=source, check=True)

# The attributes <objection-check> observes: the app's settings (src/engine/settings.rs).
ELEMENT_SETTINGS = subprocess.run(
    ["cargo", "run", "--quiet", "--offline", "--bin", "prerender", "--", "--settings"],
    cwd=source, check=True, capture_output=True, text=True,
).stdout.strip()
with open(os.path.join(staging, "objection-check.js"), "w", encoding="utf-8") as f:
    f.write(f"""// objection-check embed loader (stable name; generated at build).
// <script type="module" src=".../objection-check.js"></script>
// <objection-check lang="de" controller="meta" services="instagram"></objection-check>
// or <div data-objection-check data-lang="nl" data-controller="meta"></div>
// See docs/embedding.md. Loads the app next to this file; sends nothing anywhere.
import init, {{ mountObjectionCheck }} from './{glue.group(1)}';
const here = (name) => new URL(name, import.meta.url);
const compiled = {compile_wasm(f"here('./{wasm.group(1)}')")};
globalThis.objectionCheckBase = here('./').href;
globalThis.objectionCheckStyles = await {styles_text(f"here('./{css_name}')")};
await init({{ module_or_path: (await compiled) ?? here('./{wasm.group(1)}') }});
// <objection-check>: a widget wherever one is connected; a changed setting
// (a publisher's own language switch) is told to its widget, which keeps
// the person's answers.
class ObjectionCheckElement extends HTMLElement {{
  static get observedAttributes() {{ return {ELEMENT_SETTINGS}; }}
  connectedCallback() {{ mountObjectionCheck(this); }}
  attributeChangedCallback(name, before, now) {{
    if (before !== now && this.hasAttribute('data-objection-check-mounted')) {{
      this.dispatchEvent(new CustomEvent('objection-check-setting', {{ detail: name }}));
    }}
  }}
}}
if (!customElements.get('objection-check')) customElements.define('objection-check', ObjectionCheckElement);
""")

# What the app itself needs offline, kept at install, and the page for an
# address with no page (404.html); not the publisher demos, the embed loader,
# the single-file build or the link-preview image: the service worker keeps
# those when they are first fetched (a visit to a demo page keeps it for
# offline), so a first visit does not download them.
NOT_PRECACHED = {"sw.js", "embed.html", "embed-frame.html", "embed-host.css", "objection-check.html",
                 "objection-check-frame.js", "objection-check.js", "og-image.png"}
files = sorted(
    os.path.relpath(os.path.join(d, n), staging)
    for d, _, names in os.walk(staging)
    for n in names
    if n not in NOT_PRECACHED
)
if "404.html" not in files:
    sys.exit("postbuild: public/404.html is missing from the build")
version = hashlib.sha256("\n".join(files).encode()).hexdigest()[:12]
# The languages are not fetched with the rest: the page fetches the one it
# shows, and tells the worker once it is idle to fetch every language, so a
# language never chosen online still works offline later.
languages = [f"./{p}" for p in files if p in LANGUAGE_FILES]
files = [p for p in files if p not in LANGUAGE_FILES]
precache = ["./"] + [f"./{p}" for p in files if p != "index.html"] + ["./index.html"]
with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
    f.write(minify(f"""// objection-check service worker (generated at build): keeps this version's
// files so the app loads and works with no network after one visit. It caches
// only this site's own files and never sees an answer: answers are not requests.
//
// A navigation gets the app only for the app's own page (this folder and its
// index.html, with any query). Every other address gets its own file: one kept
// at install from the cache; any other from the network, kept for offline use
// (the publisher demos, the single-file build); with no network, the copy
// kept, or for a page never kept or that does not exist, 404.html (status 404).
const CACHE = 'objection-check-{version}';
const FILES = {precache!r};
const LANGUAGES = {languages!r};
const here = (path) => new URL(path, self.location).href;
const KEPT = new Set([...FILES, ...LANGUAGES].map(here));
const APP = new Set([here('./'), here('./index.html')]);

// Once the page is idle it asks for every language, for offline use.
self.addEventListener('message', (event) => {{
  if (event.data === 'languages') event.waitUntil(caches.open(CACHE).then((c) => c.addAll(LANGUAGES)));
}});

self.addEventListener('install', (event) => {{
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
}});

self.addEventListener('activate', (event) => {{
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('objection-check-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
}});

// 404.html, its link pointing at the app wherever this folder is.
async function notFound(cache) {{
  const page = await cache.match('./404.html');
  if (!page) return Response.error();
  const headers = new Headers(page.headers);
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  const body = (await page.text()).replaceAll('href="/"', `href="${{new URL(here('./')).pathname}}"`);
  return new Response(body, {{ status: 404, statusText: 'Not Found', headers }});
}}

self.addEventListener('fetch', (event) => {{
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  url.search = '';
  const key = url.href;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {{
      if (req.mode === 'navigate' && APP.has(key)) return (await cache.match('./index.html')) || fetch(req);
      // Each kept file's name holds its hash: whatever the request's headers
      // (Vary: Accept-Encoding), the copy kept is the one.
      const hit = KEPT.has(key) && (await cache.match(key, {{ ignoreVary: true }}));
      if (hit) return hit;
      try {{
        const res = await fetch(req);
        if (res.ok && res.type === 'basic') event.waitUntil(cache.put(key, res.clone()));
        return res;
      }} catch (offline) {{
        const kept = await cache.match(key);
        if (kept) return kept;
        if (req.mode === 'navigate') return notFound(cache);
        throw offline;
      }}
    }})
  );
}});
""", "js"))
print(f"postbuild: start screen and loader -> {css_name}, {js_name}; objection-check.js; sw.js ({len(precache)} files, cache {version})")
