//! Property tests: arbitrary answer documents never make the engine panic and
//! always give a route. `PROPTEST_CASES=100000 cargo test --release properties`
//! runs a long campaign (see docs/testing.md).
use objection_check::engine::json::Json;
use objection_check::engine::lint::{random_walk, XorShift};
use objection_check::engine::{assess, AnswersDocument, Date, Lang, Route};
use proptest::prelude::*;

use crate::content;

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "[a-z_]{0,24}".prop_map(serde_json::Value::from),
        ".{0,40}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-z_]{1,20}", inner, 0..6).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Answers drawn from the real ids and values, mixed with junk.
fn answer_map() -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    let c = content();
    let ids: Vec<String> = c.questions().map(|q| q.id.to_string()).chain(["junk".to_string()]).collect();
    let values: Vec<String> = c.questions().flat_map(|q| q.choices.iter().map(|c| c.to_string())).chain(["".into(), "x".into()]).collect();
    let value = prop_oneof![
        prop::sample::select(values.clone()).prop_map(serde_json::Value::from),
        prop::collection::vec(prop::sample::select(values), 0..5).prop_map(serde_json::Value::from),
        ".{0,60}".prop_map(serde_json::Value::from),
        any_json(),
    ];
    prop::collection::btree_map(prop::sample::select(ids), value, 0..30).prop_map(|m| m.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(512), ..ProptestConfig::default() })]

    /// The engine's JSON reader and writer agree with serde_json on every value:
    /// what serde_json writes reads back and is written again the same, in one
    /// line and indented.
    #[test]
    fn json_agrees_with_serde_json(v in any_json()) {
        let line = v.to_string();
        let read = Json::parse(&line).expect("serde_json's output is JSON");
        prop_assert_eq!(read.to_string(), line);
        prop_assert_eq!(read.to_pretty(), serde_json::to_string_pretty(&v).unwrap());
    }

    /// ... and on which texts are JSON at all (texts of JSON's own characters).
    #[test]
    fn json_accepts_what_serde_json_accepts(s in r#"[\[\]{}:,"\\ a-fnrtu0-9.eE+-]{0,24}"#) {
        prop_assert_eq!(Json::parse(&s).is_ok(), serde_json::from_str::<serde_json::Value>(&s).is_ok(), "{}", s);
    }

    #[test]
    fn any_text_is_read_without_panicking(s in ".{0,300}") {
        let _ = AnswersDocument::parse_lenient(content(), &s);
        let _ = AnswersDocument::parse(content(), &s);
    }

    /// Kept objections mixing real fields with junk never make the reader
    /// or the guidance panic, in any language on any day; what is read
    /// writes back and reads again the same.
    #[test]
    fn any_record_is_read_and_guided_without_panicking(
        answers in answer_map(),
        kind in prop::sample::select(vec!["confirmed", "extended", "info", "refused", "reminded", "junk"]),
        sent in prop::sample::select(vec!["2026-01-31", "2028-02-29", "2026-13-01", "", "2030-12-31"]),
        at in prop::sample::select(vec!["2026-01-01", "2026-03-31", "2028-02-29", "x"]),
        extra in any_json(),
        lang in prop::sample::select(Lang::ALL.to_vec()),
        day in 1u32..=28, month in 1u32..=12,
    ) {
        let record = serde_json::json!({"controller": "meta", "sent": sent, "channel": "form", "text": "I object.", "answers": answers,
            "events": [{"date": at, "kind": kind, "reasons": extra.clone()}, extra.clone()]});
        let doc = serde_json::json!({"version": 1, "lang": "en", "answers": {}, "records": [record, extra]}).to_string();
        let s = AnswersDocument::salvage(content(), &doc);
        let today = Date::new(2026, month, day).unwrap();
        for r in &s.records {
            let g = objection_check::engine::guidance::guidance(content(), lang, r, today);
            prop_assert!(!g.label.is_empty());
            for t in &g.texts {
                prop_assert!(!t.text.text.contains("{controller}") && !t.text.text.contains("{law}"), "unfilled placeholder");
            }
            for p in r.problems(today) {
                prop_assert!(!p.message(content(), lang).is_empty());
            }
        }
        let again = AnswersDocument::new(Lang::En, s.answers.clone()).with_records(s.records.clone()).to_json();
        prop_assert_eq!(AnswersDocument::salvage(content(), &again).records, s.records);
    }

    #[test]
    fn any_document_gives_a_route(answers in answer_map(), lang in prop::sample::select(Lang::ALL.map(Lang::code).to_vec()), day in 1u32..=28, month in 1u32..=12) {
        let doc = serde_json::json!({"version": 1, "lang": lang, "answers": answers}).to_string();
        let (doc, _) = AnswersDocument::parse_lenient(content(), &doc).expect("version and lang are valid");
        let a = assess(content(), doc.lang, &doc.answers, Date::new(2026, month, day).unwrap());
        prop_assert!(Route::ALL.contains(&a.route));
        prop_assert!(!a.route_title.is_empty());
        if let Some(l) = &a.letter {
            prop_assert!(!l.short.is_empty() && !l.long.is_empty());
            let unfilled = l.short.contains("{law}") || l.long.contains("{controller}");
            prop_assert!(!unfilled, "unfilled placeholder in the letter");
        }
    }

    #[test]
    fn complete_walks_give_a_full_assessment(seed in any::<u64>()) {
        let mut rng = XorShift(seed | 1);
        let answers = random_walk(content(), &mut rng);
        for lang in Lang::ALL {
            let a = assess(content(), lang, &answers, Date::new(2026, 1, 31).unwrap());
            prop_assert!(a.missing.is_empty(), "{:?}", a.missing);
            prop_assert_eq!(a.letter.is_some(), a.route != Route::GdprNotApplicable);
            // Someone outside the EU/EEA whose organisation is established there
            // (Art. 3(1)) complains where it is, if the check knows no lead authority.
            let where_established = a.steps.iter().any(|s| s.id == "complaint_where_established");
            // Under the Swiss FADP there is no GDPR authority to complain to.
            prop_assert_eq!(a.authority.is_some() || where_established, a.route.is_gdpr());
            for s in &a.steps {
                prop_assert!(!s.body.contains('{'), "unfilled placeholder in step {}: {}", s.id, s.body);
            }
            let doc = AnswersDocument::new(lang, answers.clone());
            prop_assert_eq!(AnswersDocument::parse(content(), &doc.to_json()), Ok(doc));
        }
    }
}
