//! The versioned answers document: what is accepted, and the message for what is not.
use objection_check::engine::{AnswerValue, AnswersDocument, AnswersError, Lang};

use crate::{content, meta_base};

#[test]
fn a_document_round_trips() {
    for lang in Lang::ALL {
        let doc = AnswersDocument::new(lang, meta_base().with("situation_text", "Ik ben \"journalist\"\nen 👩‍⚕️"));
        let json = doc.to_json();
        assert_eq!(AnswersDocument::parse(content(), &json), Ok(doc));
        assert!(json.contains("\"version\": 1"));
        assert!(json.contains(&format!("\"lang\": \"{}\"", lang.code())), "{json}");
    }
}

#[test]
fn the_fixture_in_the_docs_parses() {
    let json = include_str!("../fixtures/meta-nl-health.json");
    let doc = AnswersDocument::parse(content(), json).unwrap();
    assert_eq!(doc.lang, Lang::Nl);
    // Saved before the Art. 9 page: its nine answers become the page's ticks
    // (each "yes", and "not sure"); "sensitive content" is no longer a tick
    // of its own; the two retired questions are left out.
    assert_eq!(doc.answers.get("art9"), Some(&AnswerValue::Many(vec!["biometric".into(), "health".into(), "not_sure".into()])));
    assert_eq!(doc.answers.get("reasons"), Some(&AnswerValue::Many(vec!["others_post".into(), "posted_before_notice".into()])));
    assert!(doc.answers.iter().all(|(id, _)| !id.starts_with("art9_") || id == "art9_made_public"));
    assert_eq!(doc.answers.get("public_content"), None);
    assert_eq!(doc.answers.len(), 23 - 11 + 1);
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
    // A language the check does not have ("tr"); every one it has is accepted.
    assert_eq!(
        error(r#"{"version":1,"lang":"tr","answers":{}}"#),
        "\"lang\" must be one of \"de\", \"fr\", \"es\", \"it\", \"pl\", \"nl\", \"en\", not \"tr\""
    );
    for lang in Lang::ALL {
        let json = format!(r#"{{"version":1,"lang":"{}","answers":{{}}}}"#, lang.code());
        assert_eq!(AnswersDocument::parse(content(), &json).map(|d| d.lang), Ok(lang));
    }
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":[]}"#), "\"answers\" must be an object of question id to answer");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"shoe_size":"42"}}"#), "unknown question id \"shoe_size\"");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"residence":"mars"}}"#), "\"mars\" is not a choice of \"residence\"");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"residence":["eu_eea"]}}"#), "answer to \"residence\" must be a string");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"services":"facebook"}}"#), "answer to \"services\" must be a list of strings");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"services":["facebook","facebook"]}}"#), "\"facebook\" appears twice in \"services\"");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"art9":["health","none"]}}"#), "\"none\" cannot be combined with other choices in \"art9\"");
    assert_eq!(error(r#"{"version":1,"lang":"nl","answers":{"services":[]}}"#), "answer to \"services\" is empty");
    assert_eq!(
        error(r#"{"version":1,"lang":"nl","answers":{},"extra":1}"#),
        "unknown field \"extra\" (expected \"version\", \"lang\", \"answers\", \"records\")"
    );
    assert_eq!(error("[1,2]"), "expected a JSON object with \"version\", \"lang\" and \"answers\"");
    assert!(error("{\"version\":1,").starts_with("not valid JSON:"));
    let long = format!(r#"{{"version":1,"lang":"nl","answers":{{"situation_text":"{}"}}}}"#, "a".repeat(1001));
    assert_eq!(error(&long), "answer to \"situation_text\" is longer than 1000 characters");
    let huge = format!(r#"{{"version":1,"lang":"nl","answers":{{}},"pad":"{}"}}"#, "a".repeat(300_000));
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
    assert!(matches!(AnswersDocument::parse_lenient(content(), r#"{"version":9,"lang":"en","answers":{}}"#), Err(AnswersError::UnsupportedVersion(_))));
}

#[test]
fn a_file_that_cannot_be_loaded_is_explained_in_the_persons_language() {
    use objection_check::engine::{AnswersError, Lang};
    let c = crate::content();
    let said = |json: &str, lang| AnswersDocument::parse(c, json).unwrap_err().message(c, lang);
    assert_eq!(said("not json", Lang::En), "This is not a saved check: choose the .json file that \"Save my answers\" made.");
    assert_eq!(
        said(r#"{"version": 2, "lang": "nl", "answers": {}}"#, Lang::Nl),
        "Deze check is opgeslagen door een andere versie van deze check (versie 2); deze leest versie 1."
    );
    assert_eq!(AnswersError::TooLarge { bytes: 30 * 1024 * 1024 }.message(c, Lang::En), "This file is 30 MB; a saved check is at most 256 KB.");
    assert_eq!(AnswersError::TooLarge { bytes: 300_000 }.message(c, Lang::Nl), "Dit bestand is 293 KB; een opgeslagen check is hoogstens 256 KB.");
    let odd = said(r#"{"version": 1, "lang": "en", "answers": {"residence": "mars"}}"#, Lang::En);
    assert_eq!(odd, "The saved answer to \"Where do you live?\" does not fit this check, so nothing was loaded.");
    // In every language: its own words, with the size, version and question filled in.
    let english = said("not json", Lang::En);
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let not_json = said("not json", lang);
        assert!(!not_json.is_empty() && not_json != english, "{lang:?}: {not_json}");
        let size = AnswersError::TooLarge { bytes: 30 * 1024 * 1024 }.message(c, lang);
        assert!(size.contains("30 MB") && size.contains("256 KB"), "{lang:?}: {size}");
        let version = said(r#"{"version": 2, "lang": "nl", "answers": {}}"#, lang);
        assert!(version.contains('2') && version.contains('1'), "{lang:?}: {version}");
        let odd = said(r#"{"version": 1, "lang": "en", "answers": {"residence": "mars"}}"#, lang);
        assert!(odd.contains(c.text(lang, "q.residence.title")), "{lang:?}: {odd}");
        for t in [&not_json, &size, &version, &odd] {
            assert!(!t.contains('{') && !t.contains("import."), "{lang:?}: {t}");
        }
    }
    // A version written as text is read as that version.
    let doc = AnswersDocument::parse(c, r#"{"version": "1", "lang": "en", "answers": {"residence": "uk"}}"#).unwrap();
    assert_eq!(doc.answers.one("residence"), Some("uk"));
}

/// Stored answers read as far as they can be, and what the person is told.
#[track_caller]
fn salvaged(json: &str, lang: Lang) -> (objection_check::engine::answers::Salvage, String) {
    let s = AnswersDocument::salvage(content(), json);
    let notice = s.notice(content(), lang);
    (s, notice)
}

#[test]
fn stored_answers_that_cannot_all_be_read_keep_every_readable_answer_and_name_the_rest() {
    // Another version: what fits is kept, what does not is named.
    let (s, notice) = salvaged(r#"{"version":2,"lang":"nl","answers":{"residence":"eu_eea","country":"nl","controller":"meta","mood":"good"}}"#, Lang::En);
    assert_eq!((s.lang, s.answers.len()), (Some(Lang::Nl), 3));
    assert_eq!(
        notice,
        "These answers were saved by another version of this check (version 2). Kept: 3 of your answers. \
         Not kept, because this check cannot read it: an answer to a question this check does not ask (\"mood\"). \
         What was saved stays on this device, as it was, until you discard it: download it to keep it."
    );

    // A language the check does not have: the answers are kept all the same.
    let (s, notice) = salvaged(r#"{"version":1,"lang":"tr","answers":{"residence":"eu_eea"}}"#, Lang::Nl);
    assert_eq!((s.lang, s.answers.len()), (None, 1));
    assert!(notice.starts_with("Ze zijn opgeslagen in een taal die deze check niet heeft."), "{notice}");
    assert!(notice.contains("Bewaard: 1 van je antwoorden."), "{notice}");

    // One field of 2 MB: far over a saved check's size, still read; that
    // answer is named by its question and not kept, the others are.
    let huge = "x".repeat(2 * 1024 * 1024);
    let json = format!(r#"{{"version":1,"lang":"en","answers":{{"residence":"eu_eea","situation_text":"{huge}","full_name":"Alex"}}}}"#);
    let (s, notice) = salvaged(&json, Lang::En);
    assert_eq!(s.answers.len(), 2);
    assert_eq!(s.answers.one("full_name"), Some("Alex"));
    assert!(notice.contains("Kept: 2 of your answers."), "{notice}");
    assert!(notice.contains("your answer to \"Do you want to add something in your own words?\" (longer than 1000 characters)"), "{notice}");
    assert!(!notice.contains("2 MB") && !notice.contains("bytes"), "no byte counts: {notice}");

    // Nothing readable: said so, and the original is still kept.
    let (s, notice) = salvaged("{not json", Lang::En);
    assert!(s.answers.is_empty() && !s.whole());
    assert!(notice.starts_with("None of the saved answers could be read, so the check starts again."), "{notice}");
    assert!(notice.ends_with("download it to keep it."), "{notice}");

    // A whole document: nothing to tell.
    let whole = AnswersDocument::new(Lang::Nl, meta_base()).to_json();
    assert!(AnswersDocument::salvage(content(), &whole).whole());
}
