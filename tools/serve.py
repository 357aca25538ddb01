#!/usr/bin/env python3
"""A tiny static server for dist/, as a real host would serve the app.

Sends the app's strict Content-Security-Policy as a header, no-referrer, the
right MIME type for .wasm, 404.html with status 404 for an address with no
file, and text and wasm gzip-compressed when the browser accepts it (as hosts do; the size budget counts gzip bytes, so the benchmark
loads what it counts). Binds 127.0.0.1 only.
usage: serve.py DIR PORT
"""
import email.utils
import functools
import gzip
import http.server
import io
import os
import re
import sys

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
       "style-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; "
       "form-action 'none'")


# Trunk's and the post-build hook's hashed names: name-<hex digits>[_bg].ext
HASHED = re.compile(r"-[0-9a-f]{8,16}(?:_bg)?\.(?:js|css|wasm)$")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".ics": "text/calendar",
    }

    # Compressed once per file version: path -> (mtime, bytes).
    compressed: dict = {}
    COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".ics", ".txt")

    def send_head(self):
        path = self.translate_path(self.path)
        if not os.path.exists(path):
            return self.not_found()
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(self.COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        mtime = os.path.getmtime(path)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                if int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(304)
                    self.end_headers()
                    return None
            except (TypeError, ValueError):
                pass
        cached = self.compressed.get(path)
        if not cached or cached[0] != mtime:
            with open(path, "rb") as f:
                cached = (mtime, gzip.compress(f.read(), 9))
            self.compressed[path] = cached
        body = cached[1]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def not_found(self):
        """An address with no file: the app's 404.html with status 404, as
        hosts that serve a 404.html do (the service worker shows the same page
        offline)."""
        page = os.path.join(self.directory, "404.html")
        if not os.path.isfile(page):
            self.send_error(404)
            return None
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        # A hashed file name never changes content: cached for good, as hosts
        # are told to (docs/embedding.md). Everything else is revalidated.
        hashed = HASHED.search(self.path.split("?", 1)[0])
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if hashed else "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        if "-v" in sys.argv:
            super().log_message(fmt, *args)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: serve.py DIR PORT [-v]")
    directory, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving {directory} on http://127.0.0.1:{port}/ (Ctrl-C stops)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
