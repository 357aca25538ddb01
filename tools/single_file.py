#!/usr/bin/env python3
"""Makes one self-contained objection-check.html from a release dist/: the
wasm-bindgen glue, the wasm (base64), the widget's stylesheet (as a string
for the app's shadow roots) and every language's texts inlined in one module script. It works from file:// with no server, as an
e-mail attachment or from a USB stick, and keeps a strict CSP: the one inline
script is allowed by its SHA-256, nothing can be fetched.

usage: single_file.py DIST OUT.html
"""
import base64
import hashlib
import json
import os
import re
import sys


def main() -> int:
    dist, out = sys.argv[1], sys.argv[2]
    html = open(os.path.join(dist, "index.html"), encoding="utf-8").read()
    names = os.listdir(dist)
    glue = next(n for n in names if re.fullmatch(r"objection-check-[0-9a-f]+\.js", n))
    wasm = next(n for n in names if re.fullmatch(r"objection-check-[0-9a-f]+_bg\.wasm", n))
    widget_css = next(n for n in names if re.fullmatch(r"widget-[0-9a-f]+\.css", n))
    glue_js = open(os.path.join(dist, glue), encoding="utf-8").read()
    css = open(os.path.join(dist, widget_css), encoding="utf-8").read()
    wasm_b64 = base64.b64encode(open(os.path.join(dist, wasm), "rb").read()).decode()

    # The glue ends with its exports (`export { __wbg_init as default, ... }`,
    # names shortened in a release build); inside an inline module they are
    # harmless, and the default export is the function that starts the wasm.
    init = re.search(r"export\s*\{[^}]*?([\w$]+) as default\b", glue_js)
    if not init:
        sys.exit("single_file: the glue has no default export")
    # The widget's stylesheet is handed to the app as a string (as the embed
    # loader does after fetching it), so the file needs no style-src.
    # Every language's texts, handed over as the app would fetch them.
    languages = {}
    for n in sorted(names):
        m = re.fullmatch(r"texts-([a-z]+)-[0-9a-f]{16}\.txt", n)
        if m:
            languages[m.group(1)] = open(os.path.join(dist, n), encoding="utf-8").read()
    if not languages:
        sys.exit("single_file: no language files in the dist folder")
    script = (
        glue_js
        + "\nglobalThis.objectionCheckStyles = " + json.dumps(css).replace("</", "<\\/") + ";"
        + "\nglobalThis.objectionCheckTexts = " + json.dumps(languages).replace("</", "<\\/") + ";"
        + "\nconst __oc_bytes = Uint8Array.from(atob('" + wasm_b64 + "'), (c) => c.charCodeAt(0));\n"
        + f"await {init.group(1)}({{ module_or_path: __oc_bytes }});\n"
    )
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = ("default-src 'none'; script-src 'sha256-" + digest + "' 'wasm-unsafe-eval'; "
           "style-src 'self'; img-src data:; base-uri 'none'; object-src 'none'; form-action 'none'")

    # Keep the head's meta tags; drop everything that would load a file.
    html = re.sub(r'<link[^>]*(modulepreload|rel=preload|rel="?manifest"?|rel="?icon"?)[^>]*>', "", html)
    # The plain start screen (postbuild.py) is for slow networks; here the
    # wasm is in the file: drop it with its stylesheet and the page's script
    # (which would fetch the wasm).
    html = re.sub(r'<link rel="stylesheet" href="\./widget-[0-9a-f]+\.css">', "", html)
    html = re.sub(r'<script src="\./start-[0-9a-f]+\.js"></script>', "", html)
    # With the stylesheet's link gone, the app styles itself in a shadow root.
    html = html.replace(" data-styled-by-page", "", 1)
    if "data-styled-by-page" in html:
        sys.exit("single_file: the widget is still marked as styled by the page")
    if "<script" in html:
        sys.exit("single_file: a script is left in the page")
    html = re.sub(r'<div [^>]*data-objection-check-prerender[^>]*>.*?</footer></div>', "", html, flags=re.S)
    if "prerender" in html:
        sys.exit("single_file: the plain start screen is left in the page")
    html = re.sub(r'<meta content="[^"]*" http-equiv=Content-Security-Policy>', "", html)
    html = re.sub(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">', "", html)
    head_extra = f'<meta http-equiv="Content-Security-Policy" content="{csp}"><link rel="icon" href="data:,">'
    html = html.replace("<meta charset=utf-8>", "<meta charset=utf-8>" + head_extra, 1)
    if head_extra not in html:
        html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + head_extra, 1)
    if head_extra not in html:
        sys.exit("single_file: could not place the CSP meta tag")
    if "</body>" not in html:
        sys.exit("single_file: no </body> in index.html")
    html = html.replace("</body>", f'<script type="module">{script}</script></body>', 1)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"single_file: wrote {out} ({os.path.getsize(out):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
