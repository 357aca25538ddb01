//! Turns the editable TOML files in `content/` into what the crate embeds
//! (`src/engine/embedded.rs`): the content read with serde into its model
//! (`src/engine/source.rs`: every field checked, unknown ones refused) and
//! written out as Rust, a static the app uses as it is; and each language's
//! texts as a file of their own (`src/engine/text_table.rs`). The browser
//! build then reads no content at all. A mistake in a content file stops the
//! build and names its file, place and line; so does a translation without
//! its language's official GDPR term (`src/engine/glossary.rs`). What needs
//! the whole content (unknown ids, missing translations, cycles) is checked
//! by the content lint in `cargo test`.
use std::{env, fs, path::Path};

/// The parts of the engine this script needs, compiled into it: the model,
/// its reader and writer, the texts' file form, the glossary check. (Their
/// `use super::...` name only each other: a module missing here is a
/// compile error of this script.)
#[allow(dead_code, unused_imports)]
#[path = "src/engine"]
mod engine {
    pub mod content;
    pub mod glossary;
    pub mod model;
    pub mod source;
    pub mod text_table;
}
use engine::{source, text_table};

fn main() {
    // Read when the script runs, not when it is compiled: a build script
    // compiled for one checkout may be run for another sharing its target
    // folder (a worktree), and must read that checkout's content.
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("content");
    for dir in [root.clone(), root.join("locales"), root.join("glossary")] {
        println!("cargo:rerun-if-changed={}", dir.display());
    }
    for name in source::FILES {
        println!("cargo:rerun-if-changed={}", root.join(format!("{name}.toml")).display());
    }
    let stop = |e: String| -> ! { panic!("\n\n{e}\n") };
    for path in source::toml_files(&root.join("locales"))
        .unwrap_or_else(|e| stop(e))
        .into_iter()
        .chain(source::toml_files(&root.join("glossary")).unwrap_or_else(|e| stop(e)))
    {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let content = source::read_dir(&root).unwrap_or_else(|e| stop(e));
    // The translations against each language's glossary of official GDPR
    // terms (content/glossary/) and the English texts.
    let by_lang = content.locales.by_lang();
    let problems = engine::glossary::translations(&by_lang, &source::read_glossaries(&root).unwrap_or_else(|e| stop(e)));
    if !problems.is_empty() {
        stop(format!("content error in {}:\n{}", root.display(), problems.join("\n")));
    }
    let out = std::path::PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("content.rs"), source::rust(&content)).unwrap();
    write_languages(&out, content.locales.ids(), &by_lang);
}

/// Each language's texts as the app fetches them: each
/// language in a file of its own named by what is in it, fetched when that
/// language is shown (src/engine/text_table.rs). `languages.rs` names the
/// files, and (for builds that do not fetch them) includes them. The files
/// are also put in `<target>/<profile>/texts/`, where the release build's
/// post-build step takes them into the app's folder.
fn write_languages(out: &Path, ids: &[&str], by_lang: &std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>) {
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
    for (lang, texts) in by_lang {
        let texts: Vec<Option<&str>> = ids.iter().map(|id| texts.get(*id).map(String::as_str)).collect();
        let file = text_table::write_language(ids, lang, &texts).unwrap_or_else(|e| panic!("\n\ncontent error in content/locales/{lang}.toml:\n{e}\n"));
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
