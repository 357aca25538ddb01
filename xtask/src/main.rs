//! The project's build steps in Rust, run as `cargo xtask <step>` (the alias
//! is in `.cargo/config.toml`).
//!
//! - `release [DIR]`: the archive a publisher hosts,
//!   `target/objection-check-<version>.zip`, from a release build in `DIR`
//!   (default `dist`; `./scripts/release` builds it first): every file of
//!   the build, `PUBLISHERS.md` (the snippet with the loader's Subresource
//!   Integrity hash, the caching headers, the CSP line to add, the
//!   attributes), `_headers` (the caching headers for hosts that read that
//!   file), `CHANGELOG.md` and the embedding and linking guides. It prints
//!   what the archive holds, with sizes.
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use base64::Engine as _;
use sha2::{Digest, Sha384};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ is in the project").to_path_buf();
    let result = match args.first().map(String::as_str) {
        Some("release") => release(&root, &root.join(args.get(1).map_or("dist", String::as_str))),
        _ => Err("usage: cargo xtask release [DIR]".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The app's version, from the project's Cargo.toml.
fn version(root: &Path) -> Result<String, String> {
    let manifest = fs::read_to_string(root.join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \"").and_then(|v| v.strip_suffix('"')))
        .map(str::to_string)
        .ok_or_else(|| "Cargo.toml names no version".to_string())
}

/// Whether a file's name carries a hash of what is in it (it never changes).
fn hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches("_bg");
    stem.rsplit('-').next().is_some_and(|h| h.len() >= 12 && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `sha384-<base64>`, as a browser checks it in `integrity`.
fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// The build's files in `dir` (sorted), without the bench's.
fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e} (build it first: ./scripts/release)", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("bench-")))
        .collect();
    out.sort();
    Ok(out)
}

fn name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn release(root: &Path, dist: &Path) -> Result<(), String> {
    let version = version(root)?;
    let files = files(dist)?;
    let loader = fs::read(dist.join("objection-check.js")).map_err(|e| format!("{}: no embed loader: {e}", dist.display()))?;
    let frame = fs::read(dist.join("objection-check-frame.js")).map_err(|e| format!("{}: no frame script: {e}", dist.display()))?;
    for needed in ["index.html", "sw.js"] {
        if !dist.join(needed).is_file() {
            return Err(format!("{}: {needed} is missing: not a release build", dist.display()));
        }
    }
    let (immutable, revalidated): (Vec<String>, Vec<String>) = files.iter().map(|p| name(p)).partition(|n| hashed(n));
    if !immutable.iter().any(|n| n.ends_with("_bg.wasm")) {
        return Err(format!("{}: no hashed .wasm: not a release build", dist.display()));
    }
    let headers = headers_file(&immutable, &revalidated);
    let publishers = publishers_readme(&version, &integrity(&loader), &integrity(&frame), &immutable, &revalidated);
    let mut extra: Vec<(String, Vec<u8>)> = vec![("PUBLISHERS.md".into(), publishers.into_bytes()), ("_headers".into(), headers.into_bytes())];
    for (from, to) in [("CHANGELOG.md", "CHANGELOG.md"), ("docs/embedding.md", "EMBEDDING.md"), ("docs/linking.md", "LINKING.md")] {
        extra.push((to.into(), fs::read(root.join(from)).map_err(|e| format!("{from}: {e}"))?));
    }

    let folder = format!("objection-check-{version}");
    let out = root.join("target").join(format!("{folder}.zip"));
    let file = fs::File::create(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut listing = Vec::new();
    for path in &files {
        let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        listing.push((name(path), bytes.len()));
        zip.start_file(format!("{folder}/{}", name(path)), options).map_err(|e| e.to_string())?;
        zip.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    for (n, bytes) in &extra {
        listing.push((n.clone(), bytes.len()));
        zip.start_file(format!("{folder}/{n}"), options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())?;
    }
    zip.finish().map_err(|e| e.to_string())?;
    let size = fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!("{} ({size} bytes), {} files in {folder}/:", out.display(), listing.len());
    for (n, len) in listing {
        println!("  {len:>9}  {n}");
    }
    Ok(())
}

/// The caching headers in the `_headers` form (Netlify, Cloudflare Pages).
fn headers_file(immutable: &[String], revalidated: &[String]) -> String {
    let mut out = String::from("# Files whose name carries a hash never change; the others are revalidated.\n");
    for n in immutable {
        out += &format!("/{n}\n  Cache-Control: public, max-age=31536000, immutable\n");
    }
    for n in revalidated {
        out += &format!("/{n}\n  Cache-Control: no-cache\n");
    }
    out
}

/// The publishers' README: what the archive is, the snippet with the
/// loader's integrity hash, the headers, the CSP line.
fn publishers_readme(version: &str, loader: &str, frame: &str, immutable: &[String], revalidated: &[String]) -> String {
    let list = |names: &[String]| names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    format!(
        r#"# objection-check {version} for publishers

A self-check that helps a person object under GDPR Art. 21 to the use of their
posts for AI training, and writes the objection for them. It runs entirely in
the visitor's browser: nothing they answer reaches your site or anyone else.
What changed in this version: CHANGELOG.md.

## 1. Host the files

Put every file of this folder on your web server, in one folder, for
example `/objection-check/`. Serve them with these headers (`_headers` has
them in the form Netlify and Cloudflare Pages read):

- `Cache-Control: public, max-age=31536000, immutable` for the files whose
  name carries a hash: {immutable}
- `Cache-Control: no-cache` for the others: {revalidated}

## 2. Paste the snippet

```html
<script type="module" src="/objection-check/objection-check.js"
        integrity="{loader}" crossorigin="anonymous"></script>
<div data-objection-check data-lang="de" data-controller="meta"></div>
```

The `integrity` hash is that of this version's `objection-check.js`: a
changed file is refused by the browser. Replace it when you update. The
attributes (`data-lang`, `data-controller`, `data-service`, `data-country`,
`data-skip`) and your colours: EMBEDDING.md. Links that preset the language,
country and platform (for newsletters): LINKING.md.

Or as an iframe:

```html
<script src="/objection-check/objection-check-frame.js"
        integrity="{frame}" crossorigin="anonymous"></script>
<iframe data-objection-check-frame src="/objection-check/#lang=de&controller=meta"
        title="objection-check" style="width:100%;border:0"></iframe>
```

## 3. Your Content-Security-Policy

If your page sends one, add for the origin that serves these files:

```
script-src <origin> 'wasm-unsafe-eval'; connect-src <origin>
```

No `'unsafe-inline'`, no `'unsafe-eval'`, no `style-src` change. If the files
are on another origin than your page, that server must also send
`Access-Control-Allow-Origin` for them.

## Version

This is objection-check {version}; the widget's footer shows the version.
"#,
        immutable = list(immutable),
        revalidated = list(revalidated),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_from_stable_ones() {
        for n in
            ["objection-check-23a8f0f0ec798bb_bg.wasm", "objection-check-1615891f386a89ff.js", "widget-6ac1f0f5db413e5c.css", "texts-de-73c620be1819c372.txt"]
        {
            assert!(hashed(n), "{n}");
        }
        for n in ["objection-check.js", "objection-check-frame.js", "index.html", "sw.js", "embed-host.css", "og-image.png"] {
            assert!(!hashed(n), "{n}");
        }
    }

    #[test]
    fn integrity_is_the_sha384_a_browser_checks() {
        // sha384("") from the SRI specification's examples.
        assert_eq!(integrity(b""), "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb");
    }
}
