//! Every language against its glossary of official GDPR terms
//! (`content/glossary/<lang>.toml`) and against the English texts: what the
//! build checks, and that the check finds what it must.
use std::collections::BTreeMap;

use objection_check::engine::lint::{translations, Glossary};

fn glossaries() -> BTreeMap<String, Glossary> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/glossary");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let doc: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
        let terms = doc["terms"].as_table().unwrap().iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string())).collect();
        let same =
            doc.get("same_as_english").and_then(|v| v.as_array()).map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect()).unwrap_or_default();
        out.insert(path.file_stem().unwrap().to_string_lossy().to_string(), Glossary { terms, same_as_english: same });
    }
    out
}

fn texts() -> BTreeMap<String, BTreeMap<String, String>> {
    crate::content().locales.by_lang()
}

#[test]
fn every_language_uses_its_official_terms_and_no_english_sentence() {
    let (texts, glossaries) = (texts(), glossaries());
    assert_eq!(glossaries.len(), 7, "one glossary per language");
    assert_eq!(translations(&texts, &glossaries), Vec::<String>::new());
}

#[test]
fn a_letter_without_its_official_term_is_found_by_file_and_key() {
    let (mut texts, glossaries) = (texts(), glossaries());
    let de = texts.get_mut("de").unwrap();
    let text = de["letter.object_art21"].replace("Widerspruch", "Einspruch");
    de.insert("letter.object_art21".into(), text);
    let problems = translations(&texts, &glossaries);
    assert!(
        problems.contains(
            &"locales/de.toml: `letter.object_art21` does not use \"Widerspruch\", the official term for `right_to_object` (glossary/de.toml)".to_string()
        ),
        "{problems:?}"
    );
}

#[test]
fn an_english_sentence_left_in_a_translation_is_found() {
    let (mut texts, glossaries) = (texts(), glossaries());
    let en = texts["en"]["ui.start.privacy"].clone();
    texts.get_mut("pl").unwrap().insert("ui.start.privacy".into(), en);
    let problems = translations(&texts, &glossaries);
    assert!(problems.iter().any(|p| p.starts_with("locales/pl.toml: `ui.start.privacy` still holds an English sentence")), "{problems:?}");
}

#[test]
fn a_language_without_a_glossary_or_a_concept_is_found() {
    let (texts, mut glossaries) = (texts(), glossaries());
    glossaries.remove("it");
    glossaries.get_mut("fr").unwrap().terms.remove("special_categories");
    let problems = translations(&texts, &glossaries);
    assert!(problems.contains(&"glossary/it.toml: missing (the official GDPR terms of this language)".to_string()), "{problems:?}");
    assert!(problems.contains(&"glossary/fr.toml: no term for `special_categories`".to_string()), "{problems:?}");
}
