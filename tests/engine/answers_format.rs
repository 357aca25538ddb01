//! The versioned answers document: what is accepted, and the message for what is not.
use objection_check::engine::{AnswersDocument, AnswersError, Lang};

use crate::{content, meta_base};

#[test]
fn a_document_round_trips() {
    let doc = AnswersDocument::new(Lang::Nl, meta_base().with("situation_text", "Ik ben \"journalist\"\nen 👩‍⚕️"));
    let json = doc.to_json();
    assert_eq!(AnswersDocument::parse(content(), &json), Ok(doc));
    assert!(json.contains("\"version\": 1"));
}

#[test]
fn the_fixture_in_the_docs_parses() {
    let json = include_str!("../fixtures/meta-nl-health.json");
    let doc = AnswersDocument::parse(content(), json).unwrap();
    assert_eq!(doc.lang, Lang::Nl);
    assert_eq!(doc.answers.len(), 23);
}

#[track_caller]
fn error(json: &str) -> String {
    AnswersDocument::parse(content(), json).unwrap_err().to_string()
}

#[test]
fn invalid_documents_say_what_is_wrong() {
    assert_eq!(error(r#"{"lang":"nl","answers":{}}"#), "\"version\" is missing (this app reads version 1)");
    assert_eq!(error(r#"{"version":2,"lang":"nl","answers":{}}"#), "version 2 is not supported (this app reads version 1)");
    // A version written as text ("1") is read as version 1 (a hand-edited file); any other is refused.
    assert!(AnswersDocument::parse(content(), r#"{"version":"1","lang":"nl","answers":{}}"#).is_ok());
    assert_eq!(error(r#"{"version":"2","lang":"nl","answers":{}}"#), "version \"2\" is not supported (this app reads version 1)");
    assert_eq!(error(r#"{"version":1,"lang":"de","answers":{}}"#), "\"lang\" must be \"nl\" or \"en\", not \"de\"");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":[]}"#), "\"answers\" must be an object of question id to answer");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"shoe_size":"42"}}"#), "unknown question id \"shoe_size\"");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"residence":"mars"}}"#), "\"mars\" is not a choice of \"residence\"");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"residence":["eu_eea"]}}"#), "answer to \"residence\" must be a string");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"services":"facebook"}}"#), "answer to \"services\" must be a list of strings");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"services":["facebook","facebook"]}}"#), "\"facebook\" appears twice in \"services\"");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"public_content":["posts","nothing_public"]}}"#), "\"nothing_public\" cannot be combined with other choices in \"public_content\"");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"services":[]}}"#), "answer to \"services\" is empty");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{},"extra":1}"#), "unknown field \"extra\" (expected \"version\", \"lang\", \"answers\")");
    assert_eq!(error("[1,2]"), "expected a JSON object with \"version\", \"lang\" and \"answers\"");
    assert!(error("{\"version\":1,").starts_with("not valid JSON:"));
    let long = format!(r#"{{"version":1,"lang":"nl","answers":{{"situation_text":"{}"}}}}"#, "a".repeat(1001));
    assert_eq!(error(&long), "answer to \"situation_text\" is longer than 1000 characters");
    let huge = format!(r#"{{"version":1,"lang":"nl","answers":{{}},"pad":"{}"}}"#, "a".repeat(70_000));
    assert!(error(&huge).starts_with("the document is "));
}

#[test]
fn lenient_reading_keeps_what_it_can() {
    let json = r#"{"version":1,"lang":"en","answers":{"residence":"eu_eea","country":"atlantis","controller":"meta","bogus":true}}"#;
    let (doc, problems) = AnswersDocument::parse_lenient(content(), json).unwrap();
    assert_eq!(doc.answers.one("residence"), Some("eu_eea"));
    assert_eq!(doc.answers.one("controller"), Some("meta"));
    assert_eq!(doc.answers.get("country"), None);
    assert_eq!(problems.len(), 2);
    assert!(matches!(
        AnswersDocument::parse_lenient(content(), r#"{"version":9,"lang":"en","answers":{}}"#),
        Err(AnswersError::UnsupportedVersion(_))
    ));
}

#[test]
fn a_file_that_cannot_be_loaded_is_explained_in_the_persons_language() {
    use objection_check::engine::{AnswersError, Lang};
    let c = crate::content();
    let said = |json: &str, lang| AnswersDocument::parse(c, json).unwrap_err().message(c, lang);
    assert_eq!(said("not json", Lang::En), "This is not a saved check: choose the .json file that \"Save my answers\" made.");
    assert_eq!(said(r#"{"version": 2, "lang": "nl", "answers": {}}"#, Lang::Nl), "Deze check is opgeslagen door een andere versie van deze check (versie 2); deze leest versie 1.");
    assert_eq!(AnswersError::TooLarge { bytes: 30 * 1024 * 1024 }.message(c, Lang::En), "This file is 30 MB; a saved check is at most 64 KB.");
    assert_eq!(AnswersError::TooLarge { bytes: 70_000 }.message(c, Lang::Nl), "Dit bestand is 69 KB; een opgeslagen check is hoogstens 64 KB.");
    let odd = said(r#"{"version": 1, "lang": "en", "answers": {"residence": "mars"}}"#, Lang::En);
    assert_eq!(odd, "The saved answer to \"Where do you live?\" does not fit this check, so nothing was loaded.");
    // A version written as text is read as that version.
    let doc = AnswersDocument::parse(c, r#"{"version": "1", "lang": "en", "answers": {"residence": "uk"}}"#).unwrap();
    assert_eq!(doc.answers.one("residence"), Some("uk"));
}
