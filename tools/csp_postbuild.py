#!/usr/bin/env python3
"""Trunk post_build hook: move Trunk's inline module loader out of index.html.

The app's Content-Security-Policy allows scripts only from 'self' (no inline
script), so the loader Trunk writes into index.html is moved to
`boot-<hash>.js` and referenced with <script type="module" src>. A release
build without an inline loader is an error, so the hook can never silently
do nothing.
"""
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
profile = os.environ.get("TRUNK_PROFILE", "debug")
if not staging:
    sys.exit("csp_postbuild: TRUNK_STAGING_DIR is not set (run me from Trunk)")

index = os.path.join(staging, "index.html")
with open(index, encoding="utf-8") as f:
    html = f.read()

pattern = re.compile(r'<script type=["\']?module["\']?>(.*?)</script>', re.S)
scripts = pattern.findall(html)
if not scripts:
    if profile == "release":
        sys.exit("csp_postbuild: no inline module script found in a release build")
    sys.exit(0)

for body in scripts:
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    name = f"boot-{digest}.js"
    with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
        f.write(body.strip() + "\n")
    html = html.replace(f"<script type=module>{body}</script>", f'<script type="module" src="./{name}"></script>', 1)
    html = html.replace(f'<script type="module">{body}</script>', f'<script type="module" src="./{name}"></script>', 1)

if pattern.search(html):
    sys.exit("csp_postbuild: an inline module script is left after externalizing")

with open(index, "w", encoding="utf-8") as f:
    f.write(html)
print(f"csp_postbuild: moved {len(scripts)} inline loader(s) to boot-*.js")
