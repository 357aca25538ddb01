"""Shortens the names the wasm and its wasm-bindgen glue use for each other.

wasm-bindgen names every function the wasm imports from the glue like
`__wbg_setAttribute_4c8e5f3a2b1d0e9f`, and the glue calls exports such as
`wasm_bindgen__convert__closures_____invoke__h738a012010fcdc1a`. Each name is
written in both files, and the hashes in them do not compress: about 5 KB of
a first visit's gzip. This renames each import and export to a short name
(`a`, `b`, ... `aa`) in the wasm's import and export sections and in the glue
(only the exports wasm-bindgen generates for the glue).

Called by tools/postbuild.py on a release build. Any name it cannot account
for in the glue stops the build (never a wasm that cannot start).
"""
import base64
import hashlib
import os
import re


def _leb(data: bytes, i: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def _uleb(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _name(data: bytes, i: int) -> tuple[str, int]:
    n, i = _leb(data, i)
    return data[i:i + n].decode(), i + n


def _vec_name(s: str) -> bytes:
    b = s.encode()
    return _uleb(len(b)) + b


def _limits(data: bytes, i: int) -> int:
    flags = data[i]
    i += 1
    _, i = _leb(data, i)
    if flags & 1:
        _, i = _leb(data, i)
    return i


def _import_desc_end(data: bytes, i: int) -> int:
    kind = data[i]
    i += 1
    if kind == 0:  # function: type index
        return _leb(data, i)[1]
    if kind == 1:  # table: reference type, limits
        return _limits(data, i + 1)
    if kind == 2:  # memory: limits
        return _limits(data, i)
    if kind == 3:  # global: value type, mutability
        return i + 2
    if kind == 4:  # tag: attribute, type index
        return _leb(data, i + 1)[1]
    raise SystemExit(f"shorten_bindings: unknown import kind {kind}")


def _short_names():
    """`$a`, `$b`, ... `$aa`: valid JS identifiers that the glue does not use."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    n = 0
    while True:
        s, k = "$", n
        while True:
            s = s[:1] + letters[k % 26] + s[1:]
            k = k // 26 - 1
            if k < 0:
                break
        n += 1
        yield s


# Exports that wasm-bindgen generates for its glue (others, such as `main` and
# `memory`, keep their names).
GENERATED = ("__wbindgen_", "__wbg_", "__externref_", "wasm_bindgen__")


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def shorten(glue_path: str, wasm_path: str, html: str) -> str:
    """Rewrites both files in place; returns `html` with their new integrity hashes."""
    with open(glue_path, "rb") as f:
        glue = f.read()
    with open(wasm_path, "rb") as f:
        wasm = f.read()
    js = glue.decode()
    if wasm[:8] != b"\0asm\1\0\0\0":
        raise SystemExit(f"shorten_bindings: {wasm_path} is not a wasm module")
    module = re.search(r'"(\./[\w.-]+_bg\.js)": import0', js)
    if not module:
        raise SystemExit("shorten_bindings: the glue's import object was not found")
    module = module.group(1)

    if re.search(r"(?<![\w$])\$[a-z]+(?![\w$])", js):
        raise SystemExit("shorten_bindings: the glue already uses names like $a")
    names = _short_names()
    imports: dict[str, str] = {}
    exports: dict[str, str] = {}
    out = bytearray(wasm[:8])
    i = 8
    while i < len(wasm):
        section = wasm[i]
        size, start = _leb(wasm, i + 1)
        body = wasm[start:start + size]
        i = start + size
        if section == 2:
            count, j = _leb(body, 0)
            new = bytearray(_uleb(count))
            for _ in range(count):
                mod, j = _name(body, j)
                field, j = _name(body, j)
                end = _import_desc_end(body, j)
                if mod == module:
                    field = imports.setdefault(field, next(names))
                new += _vec_name(mod) + _vec_name(field) + body[j:end]
                j = end
            body = bytes(new)
        elif section == 7:
            count, j = _leb(body, 0)
            new = bytearray(_uleb(count))
            for _ in range(count):
                field, j = _name(body, j)
                end = _leb(body, j + 1)[1]
                if field.startswith(GENERATED):
                    field = exports.setdefault(field, next(names))
                new += _vec_name(field) + body[j:end]
                j = end
            body = bytes(new)
        out += bytes([section]) + _uleb(len(body)) + body

    # The long names are unique, so every whole-word use in the glue is one of
    # them: the key of an import, `wasm.<export>`, or the glue's own wrapper
    # function that wasm-bindgen names after the export it calls.
    for old, new in {**imports, **exports}.items():
        js, n = re.subn(rf"(?<![\w$]){re.escape(old)}(?![\w$])", new, js)
        if n == 0:
            raise SystemExit(f"shorten_bindings: the glue does not use `{old}`")

    html = rewrite(glue_path, glue, js.encode(), html)
    return rewrite(wasm_path, wasm, bytes(out), html)


def rewrite(path: str, before: bytes, after: bytes, html: str) -> str:
    """Writes `after` over `path` (which held `before`); returns `html` with the
    file's integrity hash updated. A page that checks the file with a hash this
    cannot update stops the build."""
    html = html.replace(sri(before), sri(after))
    name = re.escape(os.path.basename(path))
    if re.search(rf"<[^>]*{name}[^>]*integrity=|<[^>]*integrity=[^>]*{name}", html) and sri(after) not in html:
        raise SystemExit(f"postbuild: index.html checks {path} with a hash that cannot be updated")
    with open(path, "wb") as f:
        f.write(after)
    return html
