//! Turns the editable TOML files in `content/` into what the crate embeds
//! (`src/engine/content.rs`): one JSON document for the questionnaire,
//! outcomes, controllers, authorities and citations, and the texts of every
//! language as a table of slices (`src/engine/text_table.rs`). The browser
//! build then needs only a small JSON reader, not a TOML one. A syntax error in a content file stops the build
//! with the file name, line and column; everything else (unknown ids, missing
//! translations, cycles) is checked by the content lint in `cargo test`.
use std::{env, fs, path::Path};

#[allow(dead_code)] // the app reads the table; the build only writes it
#[path = "src/engine/text_table.rs"]
mod text_table;

fn read_toml(path: &Path) -> serde_json::Value {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let value: toml::Value = toml::from_str(&text)
        .unwrap_or_else(|e| panic!("\n\ncontent error in {}:\n{e}\n", path.display()));
    serde_json::to_value(value).expect("TOML maps to JSON")
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed=src/engine/text_table.rs");
    let mut doc = serde_json::Map::new();
    for name in ["questionnaire", "outcomes", "controllers", "authorities", "citations"] {
        doc.insert(name.into(), read_toml(&root.join(format!("{name}.toml"))));
    }
    let locale_dir = root.join("locales");
    println!("cargo:rerun-if-changed={}", locale_dir.display());
    let mut files: Vec<_> = fs::read_dir(&locale_dir)
        .expect("content/locales exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut texts = Vec::new();
    for path in files {
        let lang = path.file_stem().unwrap().to_string_lossy().into_owned();
        let serde_json::Value::Object(map) = read_toml(&path) else { unreachable!("a TOML file is a table") };
        let mut strings = std::collections::BTreeMap::new();
        for (id, value) in map {
            match value {
                serde_json::Value::String(text) => strings.insert(id, text),
                other => panic!("\n\ncontent error in {}:\n`{id}` must be a text in quotes, not {other}\n", path.display()),
            };
        }
        texts.push((lang, strings));
    }
    // The texts are embedded as a table of slices (src/engine/text_table.rs),
    // which the app reads without parsing: every id once, then each
    // language's texts in that order (missing ones marked; the content lint
    // reports them).
    let langs: Vec<(&str, &std::collections::BTreeMap<String, String>)> =
        texts.iter().map(|(lang, map)| (lang.as_str(), map)).collect();
    let table = text_table::write_languages(&langs)
        .unwrap_or_else(|e| panic!("\n\ncontent error in {}:\n{e}\n", locale_dir.display()));
    let out = std::path::PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("content.json"), serde_json::to_string(&doc).unwrap()).unwrap();
    fs::write(out.join("texts.table"), table).unwrap();
}
