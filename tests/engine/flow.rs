//! Which questions are asked, and moving between them.
use objection_check::engine::content::Kind;
use objection_check::engine::flow::{offered_choices, validate, FieldError, Flow, Submission};
use objection_check::engine::{AnswerValue, Answers};

use crate::{content, meta_base};

fn ids(answers: &Answers) -> Vec<String> {
    Flow::new(content(), answers).questions.iter().map(|q| q.id.to_string()).collect()
}

#[test]
fn a_new_check_starts_with_where_you_live_and_stops_outside_the_eea() {
    assert_eq!(ids(&Answers::new()), ["residence"]);
    // Outside the EU/EEA and the UK, the organisation decides (Art. 3(1)).
    assert_eq!(ids(&Answers::new().with("residence", "elsewhere")), ["residence", "controller", "eu_establishment"]);
    let outside = Answers::new().with("residence", "elsewhere").with("controller", "linkedin");
    assert_eq!(ids(&outside), ["residence", "controller", "eu_establishment"]);
    assert_eq!(ids(&outside.clone().with("eu_establishment", "no")), ["residence", "controller", "eu_establishment"]);
    assert_eq!(ids(&outside.clone().with("eu_establishment", "not_sure")).len(), 3, "not sure: no GDPR route");
    let established = ids(&outside.with("eu_establishment", "yes"));
    assert!(established.contains(&"reasons".to_string()) && established.contains(&"full_name".to_string()), "{established:?}");
    let flow_eu = ids(&Answers::new().with("residence", "eu_eea"));
    assert_eq!(&flow_eu[..3], ["residence", "country", "controller"]);
}

#[test]
fn meta_asks_services_not_legal_basis_and_presets_it() {
    let flow = Flow::new(content(), &meta_base());
    let asked: Vec<&str> = flow.questions.iter().map(|q| q.id).collect();
    assert!(asked.contains(&"services") && !asked.contains(&"legal_basis"));
    assert_eq!(flow.effective.one("legal_basis"), Some("legitimate_interest"));
    assert!(flow.complete());
    assert!(!asked.contains(&"art9_made_public"), "asked only when a category may be revealed");
    assert!(ids(&meta_base().with_many("art9", &["not_sure"])).contains(&"art9_made_public".to_string()));
}

#[test]
fn changing_an_answer_hides_follow_ups_but_remembers_them() {
    let answers = meta_base().with("controller", "other").with("legal_basis", "consent");
    let flow = Flow::new(content(), &answers);
    assert_eq!(flow.effective.get("services"), None, "services no longer count");
    assert!(!flow.questions.iter().any(|q| q.id == "reasons"), "no reasons for consent");
    assert!(answers.get("services").is_some(), "but the answer is still there to restore");
    let back = answers.with("controller", "meta");
    assert_eq!(Flow::new(content(), &back).effective.one("legal_basis"), Some("legitimate_interest"));
}

#[test]
fn navigation_moves_through_asked_questions_only() {
    let answers = meta_base();
    let flow = Flow::new(content(), &answers);
    assert_eq!(flow.next_after("controller").unwrap().id, "services");
    assert_eq!(flow.next_after("services").unwrap().id, "age");
    assert_eq!(flow.previous_before("age").unwrap().id, "services");
    assert!(flow.previous_before("residence").is_none());
    assert!(flow.next_after("account_email").is_none());
    let partial = Answers::new().with("residence", "eu_eea").with("country", "be");
    let flow = Flow::new(content(), &partial);
    assert_eq!(flow.first_unanswered().unwrap().id, "controller");
    // From the check page: after changing `controller` to meta, the new follow-up is asked.
    let changed = meta_base().with("controller", "other");
    let flow = Flow::new(content(), &changed.clone().with("controller", "other"));
    assert_eq!(flow.next_unanswered_after("controller").unwrap().id, "purpose");
}

#[test]
fn submissions_are_validated_like_a_person_would_expect() {
    let c = content();
    let residence = c.question("residence").unwrap();
    assert_eq!(validate(residence, &Submission::Choices(vec![])), Err(FieldError::Required(Kind::Single)));
    assert_eq!(validate(residence, &Submission::Choices(vec!["uk".into()])), Ok(Some(AnswerValue::One("uk".into()))));
    assert_eq!(validate(residence, &Submission::Choices(vec!["moon".into()])), Err(FieldError::UnknownChoice));
    let art9 = c.question("art9").unwrap();
    assert_eq!(validate(art9, &Submission::Choices(vec!["none".into(), "health".into()])), Err(FieldError::Exclusive { choice: "none".into() }));
    assert_eq!(
        validate(art9, &Submission::Choices(vec!["not_sure".into(), "health".into()])),
        Ok(Some(AnswerValue::Many(vec!["health".into(), "not_sure".into()]))),
        "kept in the content's order"
    );
    let text = c.question("situation_text").unwrap();
    assert_eq!(validate(text, &Submission::Text("   ".into())), Ok(None), "optional");
    assert_eq!(validate(text, &Submission::Text("é".repeat(1000))), Ok(Some(AnswerValue::One("é".repeat(1000)))));
    assert_eq!(validate(text, &Submission::Text("é".repeat(1001))), Err(FieldError::TooLong { max: 1000 }));
}

#[test]
fn the_step_count_projects_the_likely_path() {
    let c = content();
    let start = Flow::projected_total(c, &Answers::new());
    assert!((10..=12).contains(&start), "the likely path, in pages: {start}");
    let meta = Flow::projected_total(c, &meta_base());
    assert_eq!(meta, Flow::new(c, &meta_base()).page_count(), "complete answers: exact");
    let no_gdpr = Answers::new().with("residence", "elsewhere").with("controller", "x").with("eu_establishment", "no");
    assert_eq!(Flow::projected_total(c, &no_gdpr), 3);
}

/// The definition the one-walk projection must keep: fill in the first
/// unanswered question that has choices with its first (non-exclusive)
/// choice, walk again, until none is left.
fn projected_by_refilling(answers: &Answers) -> usize {
    let mut filled = answers.clone();
    loop {
        let flow = Flow::new(content(), &filled);
        let Some(q) = flow.questions.iter().find(|q| filled.get(&q.id).is_none() && !q.choices.is_empty()) else {
            return flow.page_count();
        };
        let offered = offered_choices(q, &flow.effective);
        let first = offered.iter().find(|c| !q.exclusive.contains(c)).unwrap_or(&offered[0]).to_string();
        let value = if q.kind == Kind::Multi { AnswerValue::Many(vec![first]) } else { AnswerValue::One(first) };
        filled.set(q.id, value);
    }
}

#[test]
fn the_projection_in_one_walk_agrees_with_refilling_and_walking_again() {
    use objection_check::engine::lint::{random_walk, XorShift};
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..400 {
        let full = random_walk(content(), &mut rng);
        // Keep a random part of a complete walk: any mix of answered and open questions.
        let mut partial = Answers::new();
        for (id, v) in full.iter() {
            if rng.below(3) > 0 {
                partial.set(id.clone(), v.clone());
            }
        }
        assert_eq!(Flow::projected_total(content(), &partial), projected_by_refilling(&partial), "{partial:?}");
    }
}

#[test]
fn a_reason_is_offered_only_where_earlier_answers_make_it_possible() {
    let c = content();
    let reasons = c.question("reasons").unwrap();
    let offered = |a: &Answers| -> Vec<String> { offered_choices(reasons, &Flow::new(c, a).effective).into_iter().map(str::to_string).collect() };
    let meta = offered(&meta_base());
    assert!(!meta.contains(&"posted_as_minor".to_string()), "posted as a minor comes from its own question");
    assert!(meta.contains(&"others_post".to_string()) && meta.contains(&"sensitive_content".to_string()), "{meta:?}");
    assert!(meta.contains(&"posted_before_notice".to_string()) && !meta.contains(&"unexpected_use".to_string()));
    // What the Art. 9 page established is not asked again.
    let health = offered(&meta_base().with_many("art9", &["health"]));
    assert!(!health.contains(&"sensitive_content".to_string()), "{health:?}");
    assert!(offered(&meta_base().with_many("art9", &["not_sure"])).contains(&"sensitive_content".to_string()));
    assert!(offered(&meta_base().with_many("art9", &["biometric"])).contains(&"sensitive_content".to_string()));
    let mut x = meta_base().with("controller", "x");
    x.remove("services");
    let x = offered(&x);
    assert!(x.contains(&"unexpected_use".to_string()) && !x.contains(&"posted_before_notice".to_string()), "no known notice: {x:?}");
    // An answer that holds a reason no longer offered is asked again; the
    // person's answer stays, to be shown again with what is still offered.
    // It is asked again even where the question may be left empty (sensitive
    // content ticked on the Art. 9 page), so the other reasons are not lost.
    let changed = meta_base().with_many("art9", &["health"]).with("art9_made_public", "not_sure").with_many("reasons", &["sensitive_content", "safety"]);
    let flow = Flow::new(c, &changed);
    assert_eq!(flow.effective.get("reasons"), None);
    assert_eq!(flow.first_unanswered().map(|q| q.id), Some("reasons"));
    let offered_now = offered(&changed);
    assert!(offered_now.contains(&"safety".to_string()) && !offered_now.contains(&"sensitive_content".to_string()));
    let left_empty = meta_base().with_many("art9", &["health"]).with("art9_made_public", "not_sure");
    let mut left_empty = left_empty;
    left_empty.remove("reasons");
    assert!(Flow::new(c, &left_empty).complete(), "no other reason is needed when the Art. 9 page gave one");
}

#[test]
fn something_else_asks_for_the_persons_own_words() {
    let answers = meta_base().with_many("reasons", &["other"]);
    let flow = Flow::new(content(), &answers);
    assert_eq!(flow.next_after("reasons").unwrap().id, "other_reason");
    assert_eq!(flow.first_unanswered().unwrap().id, "other_reason", "required: \"other\" alone is not a reason");
    assert!(!ids(&meta_base()).contains(&"other_reason".to_string()));
}

#[test]
fn direct_marketing_is_a_purpose_and_the_basis_is_still_asked() {
    let answers = meta_base().with("controller", "other").with("purpose", "direct_marketing");
    let asked = ids(&answers);
    assert!(asked.contains(&"legal_basis".to_string()) && !asked.contains(&"reasons".to_string()), "{asked:?}");
    assert!(!content().question("legal_basis").unwrap().choices.contains(&"direct_marketing"));
    let flow = Flow::new(content(), &meta_base());
    assert_eq!(flow.effective.one("purpose"), Some("ai_training"), "a known organisation's purpose");
}

#[test]
fn the_account_e_mail_must_look_like_an_e_mail_address() {
    let email = content().question("account_email").unwrap();
    let check = |s: &str| validate(email, &Submission::Text(s.into()));
    assert_eq!(check("sanne@example.org"), Ok(Some(AnswerValue::One("sanne@example.org".into()))));
    assert_eq!(check("  "), Ok(None), "still optional");
    for wrong in ["sanne", "sanne@", "@example.org", "sanne@example", "sanne@@example.org", "san ne@example.org", "sanne@example..org"] {
        assert_eq!(check(wrong), Err(FieldError::NotAnEmail), "{wrong}");
    }
    // The name field has no such check.
    let name = content().question("full_name").unwrap();
    assert!(validate(name, &Submission::Text("Sanne".into())).is_ok());
}

#[test]
fn every_question_asked_changes_what_the_check_gives() {
    // A question whose answer changes neither the route, the steps nor the
    // letters costs a person a screen for nothing (GOV.UK: ask only what is
    // needed). `assess --lint` reports such a question by name, per route.
    let by_route = objection_check::engine::lint::influence(content(), 300);
    for (route, (asked, matter)) in &by_route {
        let idle: Vec<&String> = asked.difference(matter).collect();
        eprintln!("{route}: {} asked, {} change the result; never on this route: {idle:?}", asked.len(), matter.len());
    }
    assert_eq!(objection_check::engine::lint::idle_questions(content(), 300), Vec::<String>::new());
}
