//! Turns the editable TOML files in `content/` into one JSON document that the
//! crate embeds (`src/engine/content.rs`). The browser build then needs only a
//! JSON parser, not a TOML one. A syntax error in a content file stops the build
//! with the file name, line and column; everything else (unknown ids, missing
//! translations, cycles) is checked by the content lint in `cargo test`.
use std::{env, fs, path::Path};

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
    let mut doc = serde_json::Map::new();
    for name in ["questionnaire", "outcomes", "controllers", "authorities", "citations"] {
        doc.insert(name.into(), read_toml(&root.join(format!("{name}.toml"))));
    }
    let mut locales = serde_json::Map::new();
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
        match read_toml(&path) {
            serde_json::Value::Object(map) => texts.push((lang, map)),
            _ => unreachable!("a TOML file is a table"),
        }
    }
    // Every id once, then each language's texts in that order (null where a
    // language lacks one; the content lint reports it). Written as
    // {"ids": [...], "en": [...], "nl": [...]} instead of one table per
    // language, so the ids are not downloaded twice (2.4 KB of gzip).
    let mut ids: Vec<&String> = texts.iter().flat_map(|(_, map)| map.keys()).collect();
    ids.sort();
    ids.dedup();
    locales.insert("ids".into(), serde_json::json!(ids));
    for (lang, map) in &texts {
        let row: Vec<serde_json::Value> = ids.iter().map(|id| map.get(*id).cloned().unwrap_or_default()).collect();
        locales.insert(lang.clone(), serde_json::Value::Array(row));
    }
    doc.insert("locales".into(), serde_json::Value::Object(locales));
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("content.json");
    fs::write(out, serde_json::to_string(&doc).unwrap()).unwrap();
}
