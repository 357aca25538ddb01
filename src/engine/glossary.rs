//! The translations checked against each language's glossary of official
//! GDPR terms (`content/glossary/<lang>.toml`) and against the English
//! texts. `build.rs` runs it (a gap stops the build), so do the tests.
#![warn(missing_docs)]
use std::collections::{BTreeMap, BTreeSet};

/// One language's glossary (`content/glossary/<lang>.toml`): the official
/// GDPR term it uses for each concept, and the texts rightly the same as in
/// English (names).
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    /// The language's official term for each concept, by concept id
    /// (`right_to_object`, `supervisory_authority`, ...).
    pub terms: BTreeMap<String, String>,
    /// The ids of the texts that are rightly the same as in English.
    pub same_as_english: Vec<String>,
}

/// The translations against their glossaries and the English texts: a letter
/// text (`letter.*`) whose English has a concept's English term has that
/// language's term; no text holds an English sentence (five words or more)
/// unless its glossary says it is rightly the same; every language has a
/// glossary with every concept of the English one. `texts` and
/// `glossaries` by language code.
pub fn translations(texts: &BTreeMap<String, BTreeMap<String, String>>, glossaries: &BTreeMap<String, Glossary>) -> Vec<String> {
    let mut p = Vec::new();
    let (Some(english), Some(en_terms)) = (texts.get("en"), glossaries.get("en")) else {
        return vec!["glossary/en.toml and locales/en.toml are needed to check the translations".into()];
    };
    let sentences = |text: &str| -> Vec<String> {
        text.split(['\n', '.', '!', '?', ':', ';'])
            .map(str::trim)
            .filter(|s| {
                s.split_whitespace()
                    .filter(|w| {
                        w.trim_matches(|c: char| !c.is_alphabetic()).chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() || ",'’-()\"".contains(c))
                    })
                    .count()
                    >= 5
            })
            .map(str::to_string)
            .collect()
    };
    let english_sentences: BTreeSet<String> = english.values().flat_map(|t| sentences(t)).collect();
    for (lang, own) in texts {
        if lang == "en" {
            continue;
        }
        let Some(glossary) = glossaries.get(lang) else {
            p.push(format!("glossary/{lang}.toml: missing (the official GDPR terms of this language)"));
            continue;
        };
        for concept in en_terms.terms.keys().filter(|c| !glossary.terms.contains_key(*c)) {
            p.push(format!("glossary/{lang}.toml: no term for `{concept}`"));
        }
        for (id, en) in english.iter().filter(|(id, _)| id.starts_with("letter.")) {
            let Some(text) = own.get(id) else { continue };
            for (concept, en_term) in &en_terms.terms {
                let Some(term) = glossary.terms.get(concept) else { continue };
                if en.to_lowercase().contains(&en_term.to_lowercase()) && !text.to_lowercase().contains(&term.to_lowercase()) {
                    p.push(format!("locales/{lang}.toml: `{id}` does not use \"{term}\", the official term for `{concept}` (glossary/{lang}.toml)"));
                }
            }
        }
        for (id, text) in own {
            if glossary.same_as_english.contains(id) {
                continue;
            }
            if let Some(s) = sentences(text).into_iter().find(|s| english_sentences.contains(s)) {
                p.push(format!("locales/{lang}.toml: `{id}` still holds an English sentence: \"{s}\""));
            }
        }
    }
    p
}
