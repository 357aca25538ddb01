//! The content lint passes on the shipped content, and catches each kind of
//! mistake an editor can make (each test breaks the content on purpose).
use std::collections::{BTreeMap, BTreeSet};

use objection_check::engine::lint::lint;
use objection_check::engine::source;
use objection_check::engine::Texts;
use serde_json::{json, Value};

/// What the app carries (the static build.rs wrote as Rust) is what
/// `content/` says, field by field, with every text id.
#[test]
fn the_built_in_content_is_the_content_files() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
    let read = source::read_dir(dir).unwrap();
    let built = crate::content();
    assert_eq!(built.questionnaire, read.questionnaire);
    assert_eq!(built.outcomes, read.outcomes);
    assert_eq!(built.controllers, read.controllers);
    assert_eq!(built.authorities, read.authorities);
    assert_eq!(built.citations, read.citations);
    assert_eq!(built.locales.ids(), read.locales.ids());
    assert_eq!(built.locales.by_lang(), read.locales.by_lang());
    // The Rust written for it is the same Rust again: nothing is lost on the way.
    assert_eq!(source::rust(built), source::rust(&read));
    assert!(built.questions().count() > 20 && built.authorities.len() > 40, "the whole content, not a part");
}

/// A mistake in a file as an editor makes it names the file, the place and the line.
#[test]
fn a_mistake_in_a_file_names_file_place_and_line() {
    let content = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
    let dir = std::env::temp_dir().join(format!("objection-check-content-{}", std::process::id()));
    for sub in ["", "locales", "glossary"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        for f in std::fs::read_dir(content.join(sub)).unwrap().flatten().filter(|f| f.path().is_file()) {
            std::fs::copy(f.path(), dir.join(sub).join(f.file_name())).unwrap();
        }
    }
    let shipped = std::fs::read_to_string(content.join("citations.toml")).unwrap();
    let line = shipped.lines().count() + 4;
    std::fs::write(dir.join("citations.toml"), format!("{shipped}\n[[citation]]\nid = \"art99\"\nurll = \"https://x\"\n")).unwrap();
    let err = source::read_dir(&dir).unwrap_err();
    assert!(err.contains("citations.toml:"), "{err}");
    assert!(err.contains("citation[") && err.contains("unknown field `urll`, expected one of `id`, `url`"), "{err}");
    assert!(err.contains(&format!("line {line}")) && err.contains("urll = \"https://x\""), "{err}");
    // Not TOML at all.
    std::fs::write(dir.join("citations.toml"), "[[citation]\nid = 1\n").unwrap();
    let err = source::read_dir(&dir).unwrap_err();
    assert!(err.contains("citations.toml:") && err.contains("line 1"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn shipped_content_is_sound() {
    let problems = lint(crate::content());
    assert!(problems.is_empty(), "content problems:\n{}", problems.join("\n"));
}

/// The shipped content as the tests break it: the five files of `content/`
/// as one document, and the texts per language and id.
struct Doc {
    json: Value,
    texts: BTreeMap<String, BTreeMap<String, String>>,
}

impl std::ops::Index<&str> for Doc {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        &self.json[key]
    }
}

impl std::ops::IndexMut<&str> for Doc {
    fn index_mut(&mut self, key: &str) -> &mut Value {
        &mut self.json[key]
    }
}

/// Lints the shipped content after `edit`, and returns the problems.
fn lint_after(edit: impl FnOnce(&mut Doc)) -> Vec<String> {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"));
    let mut doc = Doc { json: source::documents_value(dir).unwrap(), texts: crate::content().locales.by_lang() };
    edit(&mut doc);
    match source::from_value(doc.json, Texts::of(&doc.texts)) {
        Ok(c) => lint(&c),
        Err(e) => vec![e],
    }
}

#[track_caller]
fn assert_found(problems: &[String], needle: &str) {
    assert!(problems.iter().any(|p| p.contains(needle)), "expected a problem containing {needle:?}, got:\n{}", problems.join("\n"));
}

/// Sets the text `id` in `lang` (`None`: removes it).
fn set_text(doc: &mut Doc, lang: &str, id: &str, text: Option<&str>) {
    let texts = doc.texts.get_mut(lang).unwrap();
    match text {
        Some(t) => texts.insert(id.to_string(), t.to_string()),
        None => texts.remove(id),
    };
}

fn question<'a>(doc: &'a mut Doc, id: &str) -> &'a mut Value {
    doc["questionnaire"]["section"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|s| s["question"].as_array_mut().unwrap().iter_mut())
        .find(|q| q["id"] == id)
        .unwrap()
}

#[test]
fn a_missing_translation_is_found() {
    let p = lint_after(|d| {
        set_text(d, "nl", "q.age.title", None);
    });
    assert_found(&p, "locales/nl.toml: missing text `q.age.title`");
    assert_found(&p, "locales/nl.toml: missing translation of `q.age.title`");
}

#[test]
fn an_unknown_text_id_is_found() {
    let p = lint_after(|d| {
        set_text(d, "en", "q.age.choice.teenager", Some("Teen"));
        set_text(d, "nl", "q.age.choice.teenager", Some("Tiener"));
    });
    assert_found(&p, "text `q.age.choice.teenager` is not used by anything");
}

#[test]
fn an_unknown_placeholder_is_found() {
    let p = lint_after(|d| set_text(d, "en", "letter.confirm", Some("Confirm by {due_by}.")));
    assert_found(&p, "`letter.confirm` uses unknown placeholder {due_by}");
}

#[test]
fn a_condition_on_an_unknown_question_or_value_is_found() {
    let p = lint_after(|d| question(d, "country")["when"] = json!({"is": {"q": "residense", "any": ["eu_eea"]}}));
    assert_found(&p, "condition names unknown question `residense`");
    let p = lint_after(|d| question(d, "country")["when"] = json!({"is": {"q": "residence", "any": ["europe"]}}));
    assert_found(&p, "`europe` is not a choice of `residence`");
}

#[test]
fn a_cycle_or_forward_reference_is_found() {
    let p = lint_after(|d| question(d, "residence")["when"] = json!({"answered": "controller"}));
    assert_found(&p, "condition names `controller`, which is not asked before it");
}

#[test]
fn an_unreachable_question_is_found() {
    let p = lint_after(|d| question(d, "age")["when"] = json!({"is": {"q": "residence", "any": []}}));
    assert_found(&p, "question `age` is never asked");
}

#[test]
fn an_unreachable_step_and_route_are_found() {
    let p = lint_after(|d| {
        let rules = d["outcomes"]["route"].as_array_mut().unwrap();
        rules.retain(|r| r["id"] != "withdraw_consent");
    });
    assert_found(&p, "route `withdraw_consent` must have exactly one rule");
    assert_found(&p, "step `erase_after_withdrawal` is never shown");
}

#[test]
fn a_choice_condition_names_a_choice_and_only_earlier_questions() {
    let p = lint_after(|d| question(d, "reasons")["choice_when"]["pets"] = json!({"is": {"q": "age", "any": ["adult"]}}));
    assert_found(&p, "`reasons` choice_when names `pets`, not one of its choices");
    let p = lint_after(|d| question(d, "reasons")["choice_when"]["safety"] = json!({"answered": "full_name"}));
    assert_found(&p, "question `reasons` choice `safety`: condition names `full_name`, which is not asked before it");
    let p = lint_after(|d| question(d, "reasons")["retired"] = json!(["safety"]));
    assert_found(&p, "`reasons` retired `safety` is still one of its choices");
}

#[test]
fn a_question_text_names_only_what_earlier_answers_give() {
    let p = lint_after(|d| set_text(d, "en", "q.age.hint", Some("Before {date}")));
    assert_found(&p, "question text `q.age.hint` can only use {law}, {controller}, {notice_date}, not {date}");
}

#[test]
fn an_unknown_citation_is_found() {
    let p = lint_after(|d| d["outcomes"]["step"][0]["cites"] = json!(["art99"]));
    assert_found(&p, "cites `art99`, which is not in citations.toml");
}

#[test]
fn a_route_condition_in_the_questionnaire_is_refused() {
    let p = lint_after(|d| question(d, "age")["when"] = json!({"route": ["object_art21"]}));
    assert_found(&p, "route and art9 conditions only work in outcomes.toml");
}

/// A mistake in the shape of a file names its place in the content.
#[test]
fn a_wrong_shape_is_a_clear_error() {
    let p = lint_after(|d| question(d, "age")["kind"] = json!("slider"));
    assert_found(&p, "content does not fit its model: questionnaire.section[3].question[0].kind: unknown variant `slider`");
    let p = lint_after(|d| question(d, "age")["requird"] = json!(false));
    assert_found(&p, "questionnaire.section[3].question[0]: unknown field `requird`, expected one of `id`, `kind`");
    let p = lint_after(|d| {
        d["controllers"]["controller"][0].as_object_mut().unwrap().remove("verified");
    });
    assert_found(&p, "controllers.controller[0]: missing field `verified`");
    let p = lint_after(|d| question(d, "age")["max_chars"] = json!("many"));
    assert_found(&p, "questionnaire.section[3].question[0].max_chars: expected a whole number");
    let p = lint_after(|d| d["outcomes"]["step"][0]["when"] = json!({ "is": { "q": "age" } }));
    assert_found(&p, "outcomes.step[0].when.is: missing field `any`");
    let p = lint_after(|d| d["outcomes"]["step"][0]["when"] = json!({ "maybe": ["age"] }));
    assert_found(&p, "outcomes.step[0].when: unknown field `maybe`, expected one of `is`, `answered`");
    let p = lint_after(|d| d["outcomes"]["step"][0]["when"] = json!({ "answered": "age", "not": { "answered": "age" } }));
    assert_found(&p, "outcomes.step[0].when: expected exactly one of `is`");
}

#[test]
fn a_missing_authority_is_found() {
    let p = lint_after(|d| d["authorities"]["authority"].as_array_mut().unwrap().retain(|a| a["country"] != "mt"));
    assert_found(&p, "expected the 30 EU/EEA countries, found 29");
}

/// Every `"ui.…"` id the UI code uses exists in both languages, and every
/// `ui.*` text in the locales is used by some code.
#[test]
fn ui_texts_and_code_agree() {
    let mut used = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                for (i, _) in src.match_indices("\"ui.") {
                    let rest = &src[i + 1..];
                    let end = rest.find('"').unwrap();
                    let id = &rest[..end];
                    // A whole id, not a prefix such as "ui." in starts_with("ui.").
                    if !id.ends_with('.') && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.') {
                        used.insert(id.to_string());
                    }
                }
            }
        }
    }
    // Each language's name in itself, by its code (src/ui/language.rs).
    used.extend(objection_check::engine::Lang::ALL.map(|l| format!("ui.lang.{}", l.code())));
    let content = crate::content();
    let mut problems = Vec::new();
    for id in &used {
        for (lang, texts) in &content.locales.by_lang() {
            if !texts.contains_key(id) {
                problems.push(format!("locales/{lang}.toml: the UI uses `{id}`, which is missing"));
            }
        }
    }
    for id in content.locales.by_lang()["en"].keys().filter(|k| k.starts_with("ui.")) {
        if !used.contains(id) {
            problems.push(format!("locales: `{id}` is not used by any code"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
