//! Every route and every Art. 9 category, in both languages, with snapshots of
//! the objection texts a person would send.
use objection_check::engine::{Lang, Route, SpecialCategory, Strength};

use crate::{check, meta_base};

fn other_org(basis: &str) -> objection_check::engine::Answers {
    let mut a = meta_base().with("controller", "other").with("legal_basis", basis);
    a.remove("services");
    a.remove("already_objected");
    a
}

#[test]
fn meta_objection_is_art21_1_with_the_persons_reasons() {
    for lang in Lang::ALL {
        let a = check(lang, &meta_base());
        assert_eq!(a.route, Route::ObjectArt21);
        let letter = a.letter.expect("a letter");
        insta::assert_snapshot!(format!("meta_short_{}", lang.code()), letter.short);
        insta::assert_snapshot!(format!("meta_long_{}", lang.code()), letter.long);
        let ids: Vec<&str> = a.citations.iter().map(|c| c.id.as_str()).collect();
        assert!(ids.contains(&"art21_1") && ids.contains(&"art6_1_f") && ids.contains(&"c252_21_expect"), "{ids:?}");
        // Only the reason the person gave.
        assert_eq!(letter.short.matches("\n- ").count(), 1, "{}", letter.short);
    }
}

#[test]
fn meta_links_one_form_per_distinct_page() {
    let a = check(Lang::En, &meta_base().with_many("services", &["facebook", "messenger", "instagram", "threads", "whatsapp"]));
    let forms: Vec<(&str, &str)> = a.forms.iter().map(|f| (f.label.as_str(), f.url.as_str())).collect();
    assert_eq!(
        forms,
        [
            ("Open the form for Facebook and Messenger", "https://www.facebook.com/help/contact/712876720715583"),
            ("Open the form for Instagram and Threads", "https://help.instagram.com/contact/767264225370182"),
            ("Open the form for WhatsApp", "https://www.whatsapp.com/contact/forms/382532939919295"),
        ]
    );
    assert!(a.forms.iter().all(|f| !f.url.contains('?') && !f.url.contains('#')), "links carry no answers");
}

#[test]
fn direct_marketing_is_absolute_and_needs_no_reasons() {
    for lang in Lang::ALL {
        let a = check(lang, &other_org("direct_marketing"));
        assert_eq!(a.route, Route::ObjectArt21Marketing);
        let letter = a.letter.unwrap();
        insta::assert_snapshot!(format!("marketing_short_{}", lang.code()), letter.short);
        assert!(!letter.short.contains("\n- "), "no reasons are asked or listed");
        assert!(a.steps.iter().any(|s| s.id == "marketing_absolute"));
    }
}

#[test]
fn consent_means_withdraw_not_object() {
    for lang in Lang::ALL {
        let a = check(lang, &other_org("consent"));
        assert_eq!(a.route, Route::WithdrawConsent);
        let letter = a.letter.unwrap();
        insta::assert_snapshot!(format!("consent_long_{}", lang.code()), letter.long);
        assert!(!letter.long.contains("21(1)") && !letter.long.contains("21 lid 1"), "{}", letter.long);
        assert!(a.citations.iter().any(|c| c.id == "art7_3"));
        assert!(a.citations.iter().any(|c| c.id == "art17_1_b"));
    }
}

#[test]
fn contract_obligation_vital_interest_have_no_art21_right() {
    for basis in ["contract", "legal_obligation", "vital_interests"] {
        for lang in Lang::ALL {
            let a = check(lang, &other_org(basis));
            assert_eq!(a.route, Route::NoArt21Right, "{basis}");
            let ids: Vec<&str> = a.steps.iter().map(|s| s.id.as_str()).collect();
            assert!(ids.contains(&"other_rights") && ids.contains(&"complaint"), "{ids:?}");
            let letter = a.letter.unwrap();
            assert!(letter.short.contains("15"), "an access request: {}", letter.short);
        }
    }
    insta::assert_snapshot!("no_right_short_en", check(Lang::En, &other_org("contract")).letter.unwrap().short);
}

#[test]
fn unknown_basis_asks_for_it_and_objects_anyway() {
    for lang in Lang::ALL {
        let a = check(lang, &other_org("dont_know"));
        assert_eq!(a.route, Route::AskLegalBasis);
        insta::assert_snapshot!(format!("ask_basis_short_{}", lang.code()), a.letter.unwrap().short);
    }
}

#[test]
fn public_task_objection_names_art6_1_e() {
    let a = check(Lang::En, &other_org("public_task"));
    assert_eq!(a.route, Route::ObjectArt21);
    let short = a.letter.unwrap().short;
    assert!(short.contains("Art. 6(1)(e) GDPR"), "{short}");
    assert!(!short.contains("artificial intelligence"), "{short}");
    assert!(a.citations.iter().any(|c| c.id == "art6_1_e"));
}

#[test]
fn outside_the_eea_the_gdpr_probably_does_not_apply() {
    for (residence, step) in [("switzerland", "switzerland_fadp"), ("elsewhere", "elsewhere_local_law")] {
        for lang in Lang::ALL {
            let answers = objection_check::engine::Answers::new().with("residence", residence);
            let a = check(lang, &answers);
            assert_eq!(a.route, Route::GdprNotApplicable);
            assert!(a.letter.is_none() && a.authority.is_none() && a.forms.is_empty() && a.reminder.is_none());
            assert!(a.steps.iter().any(|s| s.id == step));
            assert_eq!(a.citations.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["art3"]);
        }
    }
}

#[test]
fn uk_residents_object_under_uk_gdpr_to_the_ico() {
    let mut answers = meta_base().with("residence", "uk");
    answers.remove("country");
    let a = check(Lang::En, &answers);
    assert_eq!(a.route, Route::ObjectArt21);
    let auth = a.authority.unwrap();
    assert_eq!(auth.name, "Information Commissioner's Office (ICO)");
    assert!(auth.lead_authority_note.is_none(), "the DPC is not the UK's lead authority");
    let short = a.letter.unwrap().short;
    assert!(short.contains("Art. 21(1) UK GDPR"), "{short}");
    assert!(a.citations.iter().all(|c| !c.label.ends_with(" GDPR") || c.label.ends_with("UK GDPR") || c.id.starts_with('c')));
}

#[test]
fn every_eea_country_has_its_authority_and_meta_points_to_the_dpc() {
    let content = crate::content();
    let countries = content.question("country").unwrap().choices.clone();
    assert_eq!(countries.len(), 30);
    for c in countries {
        let a = check(Lang::En, &meta_base().with("country", &c));
        let auth = a.authority.expect("an authority");
        assert_eq!(auth.country, c);
        assert!(auth.website.starts_with("https://"));
        assert_eq!(auth.lead_authority_note.is_some(), c != "ie", "{c}");
        let complaint = a.steps.iter().find(|s| s.id == "complaint").unwrap();
        assert!(complaint.title.contains(&auth.name), "{}", complaint.title);
    }
}

#[test]
fn each_special_category_is_found_named_and_cited_in_both_languages() {
    for cat in SpecialCategory::ALL {
        for lang in Lang::ALL {
            let answers = meta_base().with(cat.question(), "yes").with("art9_made_public", "limited_audience");
            let a = check(lang, &answers);
            assert_eq!(a.art9.strength, Some(Strength::Strong), "{cat:?}");
            assert_eq!(a.art9.categories.len(), 1);
            let label = &a.art9.categories[0].label;
            let short = a.letter.unwrap().short;
            assert!(short.contains(label.as_str()), "{cat:?} {lang:?}: {short}");
            assert!(a.citations.iter().any(|c| c.id == "art9_1"));
            assert!(a.citations.iter().any(|c| c.id == "c184_20"));
            assert_eq!(a.citations.iter().any(|c| c.id == "recital51"), cat == SpecialCategory::Biometric);
        }
    }
}

#[test]
fn art9_strength_follows_whether_it_was_made_public() {
    let strength = |answers| check(Lang::En, &answers).art9.strength;
    assert_eq!(strength(meta_base()), None);
    assert_eq!(strength(meta_base().with("art9_health", "yes").with("art9_made_public", "limited_audience")), Some(Strength::Strong));
    assert_eq!(strength(meta_base().with("art9_health", "yes").with("art9_made_public", "not_sure")), Some(Strength::Moderate));
    assert_eq!(strength(meta_base().with("art9_health", "not_sure").with("art9_made_public", "limited_audience")), Some(Strength::Moderate));
    assert_eq!(strength(meta_base().with("art9_health", "yes").with("art9_made_public", "deliberately_public")), Some(Strength::Limited));
    let limited = check(Lang::En, &meta_base().with("art9_religious", "yes").with("art9_made_public", "deliberately_public"));
    let short = limited.letter.unwrap().short;
    assert!(!short.contains("did not make these data manifestly public"), "must not claim what the person denied: {short}");
    insta::assert_snapshot!("art9_limited_short_en", short);
    let moderate = check(Lang::Nl, &meta_base().with("art9_health", "not_sure").with("art9_made_public", "not_sure"));
    insta::assert_snapshot!("art9_moderate_short_nl", moderate.letter.unwrap().short);
}

#[test]
fn objecting_after_training_start_stops_future_use_only() {
    let a = check(Lang::En, &meta_base().with("already_objected", "after_training"));
    let step = a.steps.iter().find(|s| s.id == "timing_after").unwrap();
    assert!(step.body.contains("27 May 2025"), "{}", step.body);
    assert!(step.body.contains("from then on"));
    let before = check(Lang::En, &meta_base().with("already_objected", "before_training"));
    assert!(before.steps.iter().any(|s| s.id == "timing_before"));
    let linkedin = check(Lang::Nl, &{
        let mut a = meta_base().with("controller", "linkedin");
        a.remove("services");
        a
    });
    let step = linkedin.steps.iter().find(|s| s.id == "timing_after").unwrap();
    assert!(step.body.contains("3 november 2025"), "{}", step.body);
}

#[test]
fn minors_and_content_posted_as_a_minor_are_explained_cautiously() {
    let a = check(Lang::En, &meta_base().with("posted_as_minor", "yes"));
    let step = a.steps.iter().find(|s| s.id == "posted_as_minor").unwrap();
    assert!(step.body.contains("not known"), "the exclusion is unverified: {}", step.body);
    let mut minor = meta_base().with("age", "minor");
    minor.remove("posted_as_minor");
    let a = check(Lang::En, &minor);
    assert!(a.steps.iter().any(|s| s.id == "minor_account"));
}

#[test]
fn posts_by_others_are_explained_with_the_right_meta_form() {
    let a = check(Lang::En, &meta_base().with("others_post_about_me", "yes"));
    let third = a.steps.iter().find(|s| s.id == "meta_third_party_form").unwrap();
    assert!(third.body.contains("not meant for other users' posts"), "{}", third.body);
    assert!(a.steps.iter().any(|s| s.id == "others_post"));
}

#[test]
fn the_reminder_is_one_month_later_as_an_all_day_event() {
    let a = check(Lang::En, &meta_base());
    let r = a.reminder.unwrap();
    assert_eq!(r.date, "2026-12-23");
    assert_eq!(r.file_name, "objection-reminder-2026-12-23.ics");
    assert!(r.ics.contains("DTSTART;VALUE=DATE:20261223\r\n"));
    assert!(r.ics.contains("DTEND;VALUE=DATE:20261224\r\n"));
    assert!(r.ics.lines().all(|l| l.len() <= 75), "lines are folded");
    assert!(r.ics.contains("Art. 12(3) GDPR"));
}

#[test]
fn the_short_text_fits_a_form_box() {
    // Every reason and every category: the longest short text the check can make,
    // without free text.
    let mut a = meta_base().with("art9_made_public", "limited_audience");
    for c in SpecialCategory::ALL {
        a = a.with(c.question(), "yes");
    }
    let content = crate::content();
    let reasons: Vec<&str> = content.question("reasons").unwrap().choices.iter().map(String::as_str).collect();
    a = a.with_many("reasons", &reasons);
    for lang in Lang::ALL {
        let short = check(lang, &a).letter.unwrap().short;
        let n = short.chars().count();
        assert!(n <= 2500, "{lang:?}: {n} characters");
    }
}

#[test]
fn the_persons_own_words_are_quoted_verbatim_never_interpreted() {
    let text = "{law} {{name}} <script>alert(1)</script> {$x} مرحبا e\u{301} 👩‍👩‍👧";
    let a = check(Lang::En, &meta_base().with("situation_text", text).with("full_name", "{email}"));
    let letter = a.letter.unwrap();
    assert!(letter.short.contains(&format!("In my own words: {text}")), "{}", letter.short);
    assert!(letter.long.contains("\n{email}\n") || letter.long.starts_with("{email}"), "{}", letter.long);
}
