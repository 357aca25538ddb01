//! Turns the editable TOML files in `content/` into what the crate embeds
//! (`src/engine/embedded.rs`): the texts of every language as a table of
//! slices (`src/engine/text_table.rs`), and everything else read with the
//! engine's own content reader, which checks every field, and written in its
//! compiled form (`src/engine/compact.rs`). The browser build then needs
//! neither a TOML nor a JSON reader for its content, nor the checks. A mistake
//! in a content file stops the build and names its place (the file, line and
//! column for TOML syntax; the table and field for the content's shape);
//! what needs the whole content (unknown ids, missing translations, cycles)
//! is checked by the content lint in `cargo test`. The JSON form is kept
//! for the tests that break the content on purpose.
use std::{env, fs, path::Path};

/// The engine, compiled into this build script too (without
/// `engine/embedded.rs`, which needs what this script writes). Keep the list
/// in step with `src/engine/mod.rs`: a module missing here is a compile error
/// of this script.
#[allow(dead_code, unused_imports)]
#[path = "src/engine"]
mod engine {
    pub mod answer;
    pub mod answers;
    pub mod assess;
    pub mod collate;
    pub mod compact;
    pub mod condition;
    pub mod content;
    pub mod date;
    pub mod flow;
    pub mod followup;
    pub mod guidance;
    pub mod ics;
    pub mod json;
    pub mod lint;
    pub mod preset;
    pub mod record;
    pub mod text;
    pub mod text_table;
    pub mod vocab;

    pub use answer::{AnswerValue, Answers};
    pub use answers::{AnswersDocument, AnswersError};
    pub use assess::{assess, Assessment};
    pub use content::{Content, Lang, Texts};
    pub use date::Date;
    pub use vocab::{Route, SpecialCategory, Strength};
}
use engine::{compact, text_table, Content, Texts};

/// The content files besides the texts, each one table of the document.
const FILES: [&str; 5] = ["questionnaire", "outcomes", "controllers", "authorities", "citations"];

fn read_toml(path: &Path) -> serde_json::Value {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("\n\ncontent error in {}:\n{e}\n", path.display()));
    serde_json::to_value(value).expect("TOML maps to JSON")
}

fn main() {
    // Read when the script runs, not when it is compiled: a build script
    // compiled for one checkout may be run for another sharing its target
    // folder (a worktree), and must read that checkout's content.
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("content");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut doc = serde_json::Map::new();
    for name in FILES {
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
    let langs: Vec<(&str, &std::collections::BTreeMap<String, String>)> = texts.iter().map(|(lang, map)| (lang.as_str(), map)).collect();
    let table = text_table::write_languages(&langs).unwrap_or_else(|e| panic!("\n\ncontent error in {}:\n{e}\n", locale_dir.display()));
    let texts_by_lang = texts.clone();
    let json = serde_json::to_string(&doc).unwrap();
    // Read as the app would have read it, with every field checked; the
    // texts live as long as this script, as they do in the app.
    let texts = Texts::read(table.clone().leak()).unwrap_or_else(|e| panic!("\n\ncontent error in {}:\n{e}\n", locale_dir.display()));
    let content = Content::read(&json, texts).unwrap_or_else(|e| {
        // The place starts with the file's name: `questionnaire.section[0]: ...`.
        let file = FILES.iter().find(|f| e.contains(&format!(": {f}"))).map_or("*".into(), |f| format!("{f}.toml"));
        panic!("\n\ncontent error in {}:\n{e}\n", root.join(file).display())
    });
    // The translations against each language's glossary of official GDPR
    // terms (content/glossary/) and the English texts.
    let by_lang: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> = texts_by_lang.into_iter().collect();
    let problems = engine::lint::translations(&by_lang, &read_glossaries(&root.join("glossary")));
    if !problems.is_empty() {
        panic!("\n\ncontent error in {}:\n{}\n", root.display(), problems.join("\n"));
    }
    let out = std::path::PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("content.json"), json).unwrap();
    fs::write(out.join("content.bin"), compact::write(&content)).unwrap();
    write_languages(&out, &table);
}

/// The texts as the app carries them: the ids alone (`texts.ids`), and each
/// language in a file of its own named by what is in it, fetched when that
/// language is shown (src/engine/text_table.rs). `languages.rs` names the
/// files, and (for builds that do not fetch them) includes them. The files
/// are also put in `<target>/<profile>/texts/`, where the release build's
/// post-build step takes them into the app's folder.
fn write_languages(out: &Path, table: &str) {
    let (ids, rows) = text_table::read(table).expect("the table just written reads back");
    fs::write(out.join("texts.ids"), text_table::write(&ids, &[]).unwrap()).unwrap();
    // <target>/<triple>/<profile>/build/<package>-<hash>/out
    let shipped = out.ancestors().nth(3).map(|profile| profile.join("texts"));
    if let Some(dir) = &shipped {
        let _ = fs::create_dir_all(dir);
        for old in fs::read_dir(dir).into_iter().flatten().flatten() {
            if old.file_name().to_string_lossy().starts_with("texts-") {
                let _ = fs::remove_file(old.path());
            }
        }
    }
    let mut names = String::new();
    let mut included = String::new();
    for (lang, texts) in &rows {
        let file = text_table::write_language(&ids, lang, texts).unwrap();
        let name = text_table::file_name(lang, &file);
        fs::write(out.join(&name), &file).unwrap();
        if let Some(dir) = &shipped {
            fs::write(dir.join(&name), &file).unwrap();
        }
        names += &format!("    (\"{lang}\", \"{name}\"),\n");
        included += &format!("    include_str!(concat!(env!(\"OUT_DIR\"), \"/{name}\")),\n");
    }
    let code = format!(
        "/// Each language's texts file (src/engine/text_table.rs), by language code.\n\
         pub const LANGUAGE_FILES: &[(&str, &str)] = &[\n{names}];\n\
         /// The same files' texts, in the same order, for builds that carry them.\n\
         #[cfg(not(feature = \"fetched-texts\"))]\n\
         pub const LANGUAGE_TEXTS: &[&str] = &[\n{included}];\n"
    );
    fs::write(out.join("languages.rs"), code).unwrap();
}

/// Each language's glossary (`content/glossary/<lang>.toml`), by language code.
fn read_glossaries(dir: &Path) -> std::collections::BTreeMap<String, engine::lint::Glossary> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut out = std::collections::BTreeMap::new();
    for path in fs::read_dir(dir).expect("content/glossary exists").filter_map(|e| e.ok().map(|e| e.path())) {
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let lang = path.file_stem().unwrap().to_string_lossy().into_owned();
        let value = read_toml(&path);
        let strings = |v: Option<&serde_json::Value>| -> Vec<String> {
            v.and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
        };
        let terms = value
            .get("terms")
            .and_then(|t| t.as_object())
            .unwrap_or_else(|| panic!("\n\ncontent error in {}:\nno [terms] table\n", path.display()))
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_else(|| panic!("\n\ncontent error in {}:\n`{k}` must be a text\n", path.display())).to_string()))
            .collect();
        out.insert(lang, engine::lint::Glossary { terms, same_as_english: strings(value.get("same_as_english")) });
    }
    out
}
