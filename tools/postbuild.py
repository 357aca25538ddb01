#!/usr/bin/env python3
"""Trunk post_build hook. In the staging dir it:

1. moves Trunk's inline module loader out of index.html into boot-<hash>.js
   (the strict CSP allows no inline script) and adds the service worker
   registration to it (own page only; never from file://);
2. writes objection-check.js, the embed loader with a stable name that a
   publisher's page loads: it starts the hashed wasm next to it;
3. writes sw.js, the service worker, listing every file of this build under a
   cache name derived from their hashes, so a new version replaces the old.

A release build without an inline loader is an error, so the hook can never
silently do nothing.
"""
import hashlib
import os
import re
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

body = scripts[0].strip() + "\n" + SW_REGISTER
digest = hashlib.sha256(body.encode()).hexdigest()[:16]
boot = f"boot-{digest}.js"
with open(os.path.join(staging, boot), "w", encoding="utf-8") as f:
    f.write(body)
html = pattern.sub(lambda _m: f'<script type="module" src="./{boot}"></script>', html, count=1)
if pattern.search(html):
    sys.exit("postbuild: an inline module script is left after externalizing")
with open(index, "w", encoding="utf-8") as f:
    f.write(html)

glue = re.search(r"from '\./(objection-check-[0-9a-f]+\.js)'", body)
wasm = re.search(r"'\./(objection-check-[0-9a-f]+_bg\.wasm)'", body)
if not (glue and wasm):
    sys.exit("postbuild: cannot find the wasm-bindgen glue and wasm names in the loader")

with open(os.path.join(staging, "objection-check.js"), "w", encoding="utf-8") as f:
    f.write(f"""// objection-check embed loader (stable name; generated at build).
// <script type="module" src=".../objection-check.js"></script>
// <div data-objection-check data-lang="nl" data-controller="meta"></div>
// See docs/embedding.md. Loads the app next to this file; sends nothing anywhere.
import init from './{glue.group(1)}';
await init({{ module_or_path: new URL('./{wasm.group(1)}', import.meta.url) }});
""")

# What the app itself needs offline; not the publisher demos, the embed
# loader or the link-preview image.
NOT_PRECACHED = {"sw.js", "embed.html", "embed-frame.html", "embed-host.css",
                 "objection-check-frame.js", "objection-check.js", "og-image.png"}
files = sorted(
    os.path.relpath(os.path.join(d, n), staging)
    for d, _, names in os.walk(staging)
    for n in names
    if n not in NOT_PRECACHED
)
version = hashlib.sha256("\n".join(files).encode()).hexdigest()[:12]
precache = ["./"] + [f"./{p}" for p in files if p != "index.html"] + ["./index.html"]
with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
    f.write(f"""// objection-check service worker (generated at build): keeps this version's
// files so the app loads and works with no network after one visit. It caches
// only the app's own files and never sees an answer: answers are not requests.
const CACHE = 'objection-check-{version}';
const FILES = {precache!r};

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

self.addEventListener('fetch', (event) => {{
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {{
      const url = new URL(req.url);
      url.search = '';
      const hit = await cache.match(req.mode === 'navigate' ? './index.html' : url.href);
      return hit || fetch(req);
    }})
  );
}});
""")
print(f"postbuild: loader -> {boot}; objection-check.js; sw.js ({len(precache)} files, cache {version})")
