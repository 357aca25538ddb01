//! Every route and every Art. 9 category, in every language, with snapshots of
//! the objection texts a person would send.
use objection_check::engine::{Lang, Route, SpecialCategory, Strength};

use crate::{check, meta_base, paragraph, text_for, PerLang, GDPR};

fn other_org(basis: &str) -> objection_check::engine::Answers {
    let mut a = meta_base().with("controller", "other").with("purpose", "ai_training").with("legal_basis", basis);
    a.remove("services");
    a.remove("already_objected");
    a.set("reasons", objection_check::engine::AnswerValue::Many(vec!["unexpected_use".into()]));
    if basis == "legitimate_interest" {
        a.set("public_body", objection_check::engine::AnswerValue::One("no".into()));
    }
    a
}

/// Another organisation's direct marketing, on this legal basis.
fn marketing(basis: &str) -> objection_check::engine::Answers {
    let mut a = other_org(basis).with("purpose", "direct_marketing");
    a.remove("reasons");
    a.remove("public_body");
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
        assert!(ids.contains(&"art5_1_b") && ids.contains(&"art6_4") && ids.contains(&"edpb_28_2024"), "{ids:?}");
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
        let a = check(lang, &marketing("legitimate_interest"));
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
        assert!(!letter.long.contains(&paragraph(lang, 21, 1)), "{}", letter.long);
        assert!(letter.long.contains(&paragraph(lang, 7, 3)), "withdrawn under Art. 7(3): {}", letter.long);
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
    for lang in Lang::ALL {
        insta::assert_snapshot!(format!("no_right_short_{}", lang.code()), check(lang, &other_org("contract")).letter.unwrap().short);
    }
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
    let a = check(Lang::En, &other_org("public_task").with("purpose", "other_use"));
    assert_eq!(a.route, Route::ObjectArt21);
    let short = a.letter.unwrap().short;
    assert!(short.contains("Art. 6(1)(e) GDPR"), "{short}");
    assert!(!short.contains("artificial intelligence"), "{short}");
    assert!(a.citations.iter().any(|c| c.id == "art6_1_e"));
    let art6_1_e = PerLang {
        en: "6(1)(e)",
        nl: "6 lid 1 sub e",
        de: "6 Abs. 1 lit. e",
        fr: "6, paragraphe 1, point e)",
        es: "6, apartado 1, letra e)",
        it: "6, paragrafo 1, lettera e)",
        pl: "6 ust. 1 lit. e",
    };
    let ai = PerLang {
        en: "artificial intelligence",
        nl: "kunstmatige intelligentie",
        de: "künstliche",
        fr: "intelligence artificielle",
        es: "inteligencia artificial",
        it: "intelligenza artificiale",
        pl: "sztucznej inteligencji",
    };
    for lang in Lang::ALL {
        let short = check(lang, &other_org("public_task").with("purpose", "other_use")).letter.unwrap().short;
        assert!(short.contains(art6_1_e.get(lang)) && short.contains(GDPR.get(lang)), "{lang:?}: {short}");
        assert!(!short.contains(ai.get(lang)), "{lang:?}: {short}");
        // The same organisation's AI training does name it.
        let ai_short = check(lang, &other_org("public_task")).letter.unwrap().short;
        assert!(ai_short.contains(ai.get(lang)), "{lang:?}: {ai_short}");
    }
}

#[test]
fn outside_the_eea_the_gdpr_probably_does_not_apply() {
    for (residence, step) in [("elsewhere", "elsewhere_local_law")] {
        for lang in Lang::ALL {
            let answers = objection_check::engine::Answers::new().with("residence", residence).with("controller", "other").with("eu_establishment", "no");
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
    for lang in Lang::ALL {
        let short = check(lang, &answers).letter.unwrap().short;
        // "UK GDPR", "RGPD britannique", "RGPD del Reino Unido".
        let uk_gdpr = crate::content().text(lang, "law.uk_gdpr");
        assert!(short.contains(&paragraph(lang, 21, 1)) && short.contains(uk_gdpr), "{lang:?}: {short}");
        assert!(!short.replace(uk_gdpr, "").contains(GDPR.get(lang)), "the UK GDPR, not the EU's: {short}");
    }
}

#[test]
fn every_eea_country_has_its_authority_and_meta_points_to_the_dpc() {
    let content = crate::content();
    let countries = content.question("country").unwrap().choices;
    assert_eq!(countries.len(), 30);
    for c in countries {
        // In Germany the person's Land decides (tested below).
        let answers = if *c == "de" { meta_base().with("country", &c).with("land", "de-nw") } else { meta_base().with("country", &c) };
        let a = check(Lang::En, &answers);
        let auth = a.authority.expect("an authority");
        assert_eq!(auth.country, if *c == "de" { "de-nw" } else { *c });
        assert!(auth.website.starts_with("https://"));
        assert_eq!(auth.lead_authority_note.is_some(), *c != "ie", "{c}");
        let complaint = a.steps.iter().find(|s| s.id == "complaint").unwrap();
        assert!(complaint.title.contains(&auth.name), "{}", complaint.title);
    }
}

#[test]
fn each_special_category_is_found_named_and_cited_in_both_languages() {
    // Photos of one's face: a_face_in_a_photo_is_not_claimed_as_biometric_data.
    for cat in SpecialCategory::ALL.into_iter().filter(|c| *c != SpecialCategory::Biometric) {
        for lang in Lang::ALL {
            let answers = meta_base().with_many("art9", &[cat.choice()]).with("art9_made_public", "limited_audience");
            let a = check(lang, &answers);
            assert_eq!(a.art9.strength, Some(Strength::Strong), "{cat:?}");
            assert_eq!(a.art9.categories.len(), 1);
            let label = &a.art9.categories[0].label;
            let short = a.letter.unwrap().short;
            assert!(short.contains(label.as_str()), "{cat:?} {lang:?}: {short}");
            assert!(a.citations.iter().any(|c| c.id == "art9_1"));
            assert!(a.citations.iter().any(|c| c.id == "c184_20"));
            assert!(!a.citations.iter().any(|c| c.id == "recital51"));
        }
    }
}

#[test]
fn art9_strength_follows_whether_it_was_made_public() {
    let strength = |answers| check(Lang::En, &answers).art9.strength;
    assert_eq!(strength(meta_base()), None);
    let ticked = |ticks: &[&str]| meta_base().with_many("art9", ticks);
    assert_eq!(strength(ticked(&["health"]).with("art9_made_public", "limited_audience")), Some(Strength::Strong));
    assert_eq!(strength(ticked(&["health"]).with("art9_made_public", "not_sure")), Some(Strength::Moderate));
    assert_eq!(strength(ticked(&["not_sure"]).with("art9_made_public", "limited_audience")), Some(Strength::Moderate));
    assert_eq!(strength(ticked(&["health"]).with("art9_made_public", "deliberately_public")), Some(Strength::Limited));
    for lang in Lang::ALL {
        let answers = ticked(&["religious"]).with("art9_made_public", "deliberately_public");
        let short = check(lang, &answers).letter.unwrap().short;
        assert!(!short.contains(NOT_MADE_PUBLIC.get(lang)), "must not claim what the person denied: {short}");
        assert!(!short.contains(&text_for(lang, "letter.short.art9_not_public", &answers)), "{short}");
        insta::assert_snapshot!(format!("art9_limited_short_{}", lang.code()), short);
        let moderate = check(lang, &ticked(&["not_sure"]).with("art9_made_public", "not_sure"));
        insta::assert_snapshot!(format!("art9_moderate_short_{}", lang.code()), moderate.letter.unwrap().short);
    }
}

/// "I did not make these data manifestly public" in each language's letter.
const NOT_MADE_PUBLIC: PerLang<&str> = PerLang {
    en: "did not make these data manifestly public",
    nl: "niet kennelijk openbaar gemaakt",
    de: "nicht offensichtlich öffentlich gemacht",
    fr: "pas rendu ces données manifestement publiques",
    es: "No he hecho manifiestamente públicos",
    it: "Non ho reso manifestamente pubblici",
    pl: "nie zostały przeze mnie w sposób oczywisty upublicznione",
};

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
    // Each language's own dates: Meta's start, LinkedIn's.
    let meta_start = PerLang {
        en: "27 May 2025",
        nl: "27 mei 2025",
        de: "27. Mai 2025",
        fr: "27 mai 2025",
        es: "27 de mayo de 2025",
        it: "27 maggio 2025",
        pl: "27 maja 2025",
    };
    let linkedin_start = PerLang {
        en: "3 November 2025",
        nl: "3 november 2025",
        de: "3. November 2025",
        fr: "3 novembre 2025",
        es: "3 de noviembre de 2025",
        it: "3 novembre 2025",
        pl: "3 listopada 2025",
    };
    let mut linkedin = meta_base().with("controller", "linkedin").with("already_objected", "after_training");
    linkedin.remove("services");
    for lang in Lang::ALL {
        let a = check(lang, &meta_base().with("already_objected", "after_training"));
        let step = a.steps.iter().find(|s| s.id == "timing_after").unwrap();
        assert!(step.body.contains(meta_start.get(lang)), "{lang:?}: {}", step.body);
        let l = check(lang, &linkedin);
        let step = l.steps.iter().find(|s| s.id == "timing_after").unwrap();
        assert!(step.body.contains(linkedin_start.get(lang)), "{lang:?}: {}", step.body);
    }
}

#[test]
fn minors_and_content_posted_as_a_minor_are_explained_cautiously() {
    let a = check(Lang::En, &meta_base().with("posted_as_minor", "yes"));
    let step = a.steps.iter().find(|s| s.id == "posted_as_minor").unwrap();
    assert!(step.body.contains("has not said whether"), "the exclusion is unverified: {}", step.body);
    let mut minor = meta_base().with("age", "minor");
    minor.remove("posted_as_minor");
    let a = check(Lang::En, &minor);
    assert!(a.steps.iter().any(|s| s.id == "minor_account"));
}

#[test]
fn posts_by_others_are_explained_with_the_right_meta_form() {
    let a = check(Lang::En, &meta_base().with_many("reasons", &["others_post", "posted_before_notice"]));
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
    for lang in Lang::ALL {
        let r = check(lang, &meta_base()).reminder.unwrap();
        assert_eq!(r.date, "2026-12-23");
        assert!(r.ics.lines().all(|l| l.len() <= 75), "lines are folded");
        // Unfolded, and with the commas ICS escapes read back.
        let unfolded = r.ics.replace("\r\n ", "").replace("\\,", ",");
        assert!(unfolded.contains(&paragraph(lang, 12, 3)) && unfolded.contains(GDPR.get(lang)), "{lang:?}: {unfolded}");
    }
}

#[test]
fn the_short_text_fits_a_form_box() {
    // Every reason and every category: the longest short text the check can make,
    // without free text.
    let mut a = meta_base().with("art9_made_public", "limited_audience");
    a = a.with("posted_as_minor", "yes").with("other_reason", "My employer watches my account.");
    let every: Vec<&str> = SpecialCategory::ALL.iter().map(|c| c.choice()).chain(["not_sure"]).collect();
    a = a.with_many("art9", &every);
    let content = crate::content();
    // Every reason offered to a Meta user with those categories (the plain
    // expectation reason is for others; sensitive content comes from the page).
    let reasons: Vec<&str> =
        content.question("reasons").unwrap().choices.iter().copied().filter(|r| !["unexpected_use", "sensitive_content"].contains(r)).collect();
    a = a.with_many("reasons", &reasons);
    // Meta publishes no limit for its explanation box; 2,500 characters is
    // this check's own target, met in English and Dutch. German, French,
    // Spanish, Italian and Polish say the same with their official terms and
    // article forms in 10-20% more characters (2,636-2,937 in this, the
    // longest case): for them the bound is 3,000.
    for lang in Lang::ALL {
        let short = check(lang, &a).letter.unwrap().short;
        let n = short.chars().count();
        let most = if matches!(lang, Lang::En | Lang::Nl) { 2500 } else { 3000 };
        assert!(n <= most, "{lang:?}: {n} characters (at most {most})\n{short}");
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

// ---------------------------------------------------------------- the letter a lawyer would send

/// The sentences of a text (split at full stops and line ends), trimmed. A
/// full stop ends a sentence where a new one begins after it (a capital
/// letter), not where an abbreviation is followed by a number or letter:
/// "Art. 9(2)(e)", "Art. 9 Abs. 2 lit. e", "Rn. 77", "art. 9 ust. 2".
fn sentences(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.split('\n') {
        let mut start = 0;
        for (i, _) in line.match_indices(". ") {
            if line[i + 2..].chars().next().is_some_and(char::is_uppercase) {
                found.push(&line[start..i]);
                start = i + 2;
            }
        }
        found.push(&line[start..]);
    }
    found.into_iter().map(|s| s.trim().trim_start_matches("- ").trim_end_matches('.').to_string()).filter(|s| !s.is_empty()).collect()
}

#[test]
fn sentences_end_at_full_stops_not_at_abbreviations() {
    assert_eq!(sentences("- One. Two (Art. 9(2)(e) GDPR).\nThree"), ["One", "Two (Art. 9(2)(e) GDPR)", "Three"]);
    assert_eq!(
        sentences("Die Ausnahme nach Art. 9 Abs. 2 lit. e DSGVO greift nicht (EuGH C-252/21, Rn. 77-83). Bitte"),
        ["Die Ausnahme nach Art. 9 Abs. 2 lit. e DSGVO greift nicht (EuGH C-252/21, Rn. 77-83)", "Bitte"]
    );
}

/// Both letter texts of an assessment, one after the other (a reason that
/// is no longer offered leaves the reasons to be asked again: no lines).
fn letters(lang: Lang, answers: &objection_check::engine::Answers) -> String {
    let l = objection_check::engine::assess(crate::content(), lang, answers, crate::today()).letter.expect("a letter");
    format!("{}\n{}", l.short, l.long)
}

#[test]
fn a_not_sure_answer_never_becomes_a_statement_of_fact() {
    // For each question with "not sure": the base answers it is asked in, and
    // its other (assertive) choices. A sentence that only one assertive choice
    // brings into the letter states that choice; the "not sure" letter must
    // contain none of them.
    let with_reasons = |a: objection_check::engine::Answers| a.with_many("reasons", &["others_post", "safety"]);
    // (question, base answers it is asked in, [(assertive choice, the choice it is told apart from)])
    let yes_no = vec![("yes", "no")];
    let made_public = vec![("limited_audience", "deliberately_public"), ("deliberately_public", "limited_audience")];
    type Case<'a> = (&'a str, objection_check::engine::Answers, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        ("posted_as_minor", meta_base(), yes_no.clone()),
        ("public_body", other_org("legitimate_interest"), yes_no.clone()),
        ("art9_made_public", with_reasons(meta_base()).with_many("art9", &["health"]), made_public.clone()),
        ("art9_made_public", meta_base().with_many("art9", &["not_sure"]), made_public),
    ];
    // On the Art. 9 page, "not sure" against ticking a category: another
    // category is ticked as well, so what the Art. 9 paragraphs say in general
    // is in every letter and only what names this one differs.
    for c in SpecialCategory::ALL {
        let sibling = if c == SpecialCategory::Health { "religious" } else { "health" };
        let page = |ticks: &[&str]| meta_base().with_many("art9", ticks).with("art9_made_public", "not_sure");
        for lang in Lang::ALL {
            let unsure = sentences(&letters(lang, &page(&[sibling, "not_sure"])));
            let theirs = sentences(&letters(lang, &page(&[sibling])));
            for s in sentences(&letters(lang, &page(&[sibling, c.choice()]))).iter().filter(|s| !theirs.contains(s)) {
                assert!(!unsure.contains(s), "art9 not_sure ({lang:?}) states what ticking `{}` states: {s:?}", c.choice());
            }
        }
    }
    for (q, base, pairs) in cases {
        for lang in Lang::ALL {
            let unsure = sentences(&letters(lang, &base.clone().with(q, "not_sure")));
            for (choice, against) in &pairs {
                let theirs = sentences(&letters(lang, &base.clone().with(q, against)));
                for s in sentences(&letters(lang, &base.clone().with(q, choice))).iter().filter(|s| !theirs.contains(s)) {
                    assert!(!unsure.contains(s), "{q} = not_sure ({lang:?}) states what `{choice}` states: {s:?}");
                }
            }
        }
    }
    // And in words: "not sure" whether it was made public is no claim that it was not.
    let a = letters(Lang::En, &meta_base().with_many("art9", &["health"]).with("art9_made_public", "not_sure"));
    assert!(!a.contains("I never explicitly chose") && !a.contains("I did not make these data manifestly public"), "{a}");
    assert!(a.contains("If you rely on it, you must be able to show that for each item"), "{a}");
    let a = letters(Lang::En, &meta_base().with_many("art9", &["not_sure"]).with("art9_made_public", "limited_audience"));
    assert!(a.contains("I cannot rule out that my content reveals special categories of personal data about me"), "{a}");
    assert!(!a.contains("health"), "no category is named that the person did not tick: {a}");
    assert!(!a.contains("My content can reveal"), "{a}");
    // The same in every language, in its own words.
    for lang in Lang::ALL {
        let unsure = meta_base().with_many("art9", &["health"]).with("art9_made_public", "not_sure");
        let a = letters(lang, &unsure);
        assert!(!a.contains(NOT_MADE_PUBLIC.get(lang)), "{lang:?}: {a}");
        for id in ["letter.art9_not_public", "letter.short.art9_not_public"] {
            assert!(!a.contains(&text_for(lang, id, &unsure)), "{lang:?} {id}: {a}");
        }
        for id in ["letter.art9_public_unsure", "letter.short.art9_public_unsure"] {
            assert!(a.contains(&text_for(lang, id, &unsure)), "{lang:?} {id}: {a}");
        }
        let categories_unsure = meta_base().with_many("art9", &["not_sure"]).with("art9_made_public", "limited_audience");
        let a = letters(lang, &categories_unsure);
        for id in ["letter.art9_unsure_only", "letter.short.art9_unsure_only"] {
            assert!(a.contains(&text_for(lang, id, &categories_unsure)), "{lang:?} {id}: {a}");
        }
        let health = check(lang, &meta_base().with_many("art9", &["health"]).with("art9_made_public", "limited_audience"));
        let label = &health.art9.categories[0].label;
        assert!(!a.contains(label.as_str()), "{lang:?}: no category is named that the person did not tick ({label}): {a}");
        // What a ticked category's letter opens with ("My content can reveal").
        let revealed = text_for(lang, "letter.short.art9_revealed", &categories_unsure);
        let opening = revealed.split(" (").next().unwrap();
        assert!(!a.contains(opening), "{lang:?}: {opening:?} in {a}");
    }
}

#[test]
fn each_reason_argues_with_its_source_in_the_long_letter() {
    let cases = [
        (
            "sensitive_content",
            PerLang {
                en: "EDPB Opinion 28/2024, para 34",
                nl: "EDPB-advies 28/2024, punt 34",
                de: "EDSA-Stellungnahme 28/2024, Rn. 34",
                fr: "avis 28/2024 du CEPD, point 34",
                es: "Dictamen 28/2024 del CEPD, apartado 34",
                it: "parere 28/2024 dell'EDPB, punto 34",
                pl: "opinia EROD 28/2024, pkt 34",
            },
        ),
        (
            "professional_secrecy",
            PerLang {
                en: "compelling legitimate ground",
                nl: "dwingende gerechtvaardigde grond",
                de: "zwingende schutzwürdige Gründe",
                fr: "motifs légitimes et impérieux",
                es: "motivos legítimos imperiosos",
                it: "motivi legittimi cogenti",
                pl: "ważne prawnie uzasadnione podstawy",
            },
        ),
        (
            "safety",
            PerLang {
                en: "C-252/21, para 123",
                nl: "C-252/21, punt 123",
                de: "C-252/21, Rn. 123",
                fr: "C-252/21, point 123",
                es: "C-252/21, apartado 123",
                it: "C-252/21, punto 123",
                pl: "C-252/21, pkt 123",
            },
        ),
        (
            "creative_work",
            PerLang {
                en: "Art. 5(1)(b) and 6(4) GDPR",
                nl: "artikel 5 lid 1 sub b en 6 lid 4 AVG",
                de: "Art. 5 Abs. 1 lit. b und Art. 6 Abs. 4 DSGVO",
                fr: "article 5, paragraphe 1, point b), et article 6, paragraphe 4, du RGPD",
                es: "artículos 5, apartado 1, letra b), y 6, apartado 4, del RGPD",
                it: "articolo 5, paragrafo 1, lettera b), e articolo 6, paragrafo 4, del GDPR",
                pl: "art. 5 ust. 1 lit. b i art. 6 ust. 4 RODO",
            },
        ),
        (
            "children_family",
            PerLang {
                en: "Recital 38 GDPR",
                nl: "overweging 38 AVG",
                de: "Erwägungsgrund 38 DSGVO",
                fr: "considérant 38 du RGPD",
                es: "considerando 38 del RGPD",
                it: "considerando 38 del GDPR",
                pl: "motyw 38 RODO",
            },
        ),
        (
            "public_role",
            PerLang {
                en: "Art. 6(1)(f) GDPR",
                nl: "artikel 6 lid 1 sub f AVG",
                de: "Art. 6 Abs. 1 lit. f DSGVO",
                fr: "article 6, paragraphe 1, point f), du RGPD",
                es: "artículo 6, apartado 1, letra f), del RGPD",
                it: "articolo 6, paragrafo 1, lettera f), del GDPR",
                pl: "art. 6 ust. 1 lit. f RODO",
            },
        ),
        (
            "posted_before_notice",
            PerLang {
                en: "14 April 2025",
                nl: "14 april 2025",
                de: "14. April 2025",
                fr: "14 avril 2025",
                es: "14 de abril de 2025",
                it: "14 aprile 2025",
                pl: "14 kwietnia 2025",
            },
        ),
    ];
    for (reason, needles) in cases {
        for lang in Lang::ALL {
            let needle = needles.get(lang);
            let a = check(lang, &meta_base().with_many("reasons", &[reason]));
            let letter = a.letter.unwrap();
            let argues = letter.long.split("\n\n").any(|p| p.contains(needle) && p.chars().count() > 250);
            assert!(argues, "{reason} {lang:?} argues with {needle:?}:\n{}", letter.long);
            assert_eq!(letter.short.matches("\n- ").count(), 1, "one line in the short text:\n{}", letter.short);
        }
    }
    // The balancing for AI training: product improvement (C-252/21, para 123) and
    // models that are not anonymous by default (EDPB Opinion 28/2024, para 34).
    let long = check(Lang::En, &meta_base()).letter.unwrap().long;
    assert!(long.contains("doubtful that an interest in product improvement can override users' rights"), "{long}");
    assert!(long.contains("not anonymous in all cases (EDPB Opinion 28/2024, para 34)"), "{long}");
    let marketing = check(Lang::En, &marketing("legitimate_interest")).letter.unwrap().long;
    assert!(!marketing.contains("product improvement"), "not for direct marketing: {marketing}");
}

/// "could not reasonably expect" (the plain expectation reason) in each language.
const EXPECT: PerLang<&str> = PerLang {
    en: "could not reasonably expect",
    nl: "redelijkerwijs niet verwachten",
    de: "vernünftigerweise nicht damit rechnen",
    fr: "pas raisonnablement m'attendre",
    es: "no podía esperar razonablemente",
    it: "non potevo ragionevolmente aspettarmi",
    pl: "nie mieściło się w moich rozsądnych oczekiwaniach",
};

#[test]
fn the_expectation_argument_is_made_only_for_content_from_before_the_notice() {
    for lang in Lang::ALL {
        // Offered to Meta users only as "posted before the notice". A saved
        // answer that still holds the plain "could not expect" reason is asked
        // again, and until then the letter does not make that argument.
        let a = objection_check::engine::assess(crate::content(), lang, &meta_base().with_many("reasons", &["unexpected_use", "safety"]), crate::today());
        assert_eq!(a.missing, ["reasons"]);
        let l = a.letter.unwrap();
        let expect = EXPECT.get(lang);
        assert!(!l.short.contains(expect), "{}", l.short);
        // ... which another organisation's letter does make, in these words.
        let other = check(lang, &other_org("legitimate_interest")).letter.unwrap().short;
        assert!(other.contains(expect), "{lang:?}: {other}");
    }
    let meta = check(Lang::En, &meta_base()).letter.unwrap().short;
    assert!(meta.contains("Much of my content dates from before Meta announced this use on 14 April 2025"), "{meta}");
    let mut linkedin = meta_base().with("controller", "linkedin");
    linkedin.remove("services");
    let short = check(Lang::Nl, &linkedin).letter.unwrap().short;
    assert!(short.contains("18 september 2025"), "{short}");
    let mut uk = meta_base().with("residence", "uk");
    uk.remove("country");
    let short = check(Lang::En, &uk).letter.unwrap().short;
    assert!(short.contains("before Meta announced this use on 13 September 2024"), "the UK's own notice: {short}");
    // Another organisation has no known notice: the plain reason.
    let other = check(Lang::En, &other_org("legitimate_interest")).letter.unwrap().short;
    assert!(other.contains("When I posted, I could not reasonably expect"), "{other}");
}

#[test]
fn content_posted_as_a_child_is_argued_without_a_second_tick() {
    let posted_as_child = PerLang {
        en: "posted when I was a child",
        nl: "als kind",
        de: "als ich ein Kind war",
        fr: "quand j'étais enfant",
        es: "cuando era menor de edad",
        it: "quando ero minorenne",
        pl: "w okresie mojego dzieciństwa",
    };
    for lang in Lang::ALL {
        let child = posted_as_child.get(lang);
        let yes = check(lang, &meta_base().with("posted_as_minor", "yes"));
        let letter = yes.letter.unwrap();
        assert!(letter.short.contains(child) && letter.long.contains(child), "{}", letter.short);
        assert!(yes.citations.iter().any(|c| c.id == "recital38"));
        for answer in ["no", "not_sure"] {
            let a = check(lang, &meta_base().with("posted_as_minor", answer));
            assert!(!a.letter.unwrap().short.contains(child), "{answer}");
        }
    }
    let unsure = check(Lang::En, &meta_base().with("posted_as_minor", "not_sure"));
    assert!(unsure.steps.iter().any(|s| s.id == "posted_as_minor_unsure"));
    assert!(!unsure.steps.iter().any(|s| s.id == "posted_as_minor"));
    // Art. 17(1)(f) only for data collected on a child's consent (Art. 8(1)), not before the GDPR.
    let yes = check(Lang::En, &meta_base().with("posted_as_minor", "yes"));
    let step = yes.steps.iter().find(|s| s.id == "posted_as_minor").unwrap();
    assert!(step.body.contains("consent given as a child (Art. 8(1))") && step.body.contains("25 May 2018"), "{}", step.body);
    assert!(!yes.letter.unwrap().long.contains("17(1)(f)"), "the letter does not claim Art. 17(1)(f)");
    // A saved check from before still loads: the old reason is read and left out.
    let json = r#"{"version":1,"lang":"en","answers":{"reasons":["posted_as_minor","safety"],"legal_basis":"direct_marketing"}}"#;
    let doc = objection_check::engine::AnswersDocument::parse(crate::content(), json).expect("strict reading accepts it");
    assert_eq!(doc.answers.get("reasons"), Some(&objection_check::engine::AnswerValue::Many(vec!["safety".into()])));
    assert_eq!(doc.answers.get("legal_basis"), None, "direct marketing is asked as a purpose now");
}

#[test]
fn something_else_is_the_persons_own_words_or_nothing() {
    let text = "I am a whistleblower and my employer follows my account.";
    for lang in Lang::ALL {
        let a = check(lang, &meta_base().with_many("reasons", &["other", "safety"]).with("other_reason", text));
        let l = a.letter.unwrap();
        assert!(l.short.contains(&format!("- {text}")) && l.long.contains(text), "{}", l.short);
        for t in [&l.short, &l.long] {
            assert!(!t.contains("urther circumstances") && !t.contains("erdere omstandigheden"), "{t}");
        }
        // In every language: the reasons are the safety line and the person's
        // words, and nothing the check adds in general.
        let mut lines: Vec<&str> = l.short.lines().filter(|line| line.starts_with("- ")).collect();
        lines.sort();
        let own = format!("- {text}");
        let mut expected = [crate::content().text(lang, "letter.reason.safety"), own.as_str()];
        expected.sort();
        assert_eq!(lines, expected, "{lang:?}: {}", l.short);
    }
    let missing = objection_check::engine::assess(crate::content(), Lang::En, &meta_base().with_many("reasons", &["other"]), crate::today());
    assert_eq!(missing.missing, ["other_reason"], "\"other\" without words is not a reason: the check asks for them");
}

#[test]
fn a_person_others_post_about_has_a_reason_of_their_own() {
    let others_post = PerLang {
        en: "post photos of me",
        nl: "Anderen",
        de: "posten Fotos von mir",
        fr: "publient des photos de moi",
        es: "publican fotos mías",
        it: "pubblicano foto di me",
        pl: "publikują moje zdjęcia",
    };
    let children = PerLang { en: "children", nl: "kinderen", de: "Kinder", fr: "enfants", es: "hijos", it: "figli", pl: "dzieci" };
    for lang in Lang::ALL {
        let needle = others_post.get(lang);
        let grandmother = meta_base().with_many("reasons", &["others_post"]);
        let a = check(lang, &grandmother);
        let l = a.letter.unwrap();
        assert!(l.short.contains(needle) && l.long.contains(needle), "{}", l.short);
        assert!(!l.short.contains(children.get(lang)), "not the reverse of her case: {}", l.short);
        assert!(a.steps.iter().any(|s| s.id == "others_post"), "the step to ask the poster stays");
    }
}

/// "special categories" (of personal data, Art. 9) in each language version.
const SPECIAL_CATEGORIES: PerLang<&str> = PerLang {
    en: "special categories",
    nl: "bijzondere categorieën",
    de: "besondere Kategorien",
    fr: "catégories particulières",
    es: "categorías especiales",
    it: "categorie particolari",
    pl: "szczególne kategorie",
};

#[test]
fn a_face_in_a_photo_is_not_claimed_as_biometric_data() {
    for lang in Lang::ALL {
        let a = check(lang, &meta_base().with_many("art9", &["biometric"]));
        assert_eq!(a.art9.strength, None, "no Art. 9 strength from a face alone");
        assert_eq!(a.art9.categories.len(), 1);
        assert_eq!(a.art9.categories[0].strength, Strength::Moderate);
        let ids: Vec<&str> = a.citations.iter().map(|c| c.id.as_str()).collect();
        assert!(ids.contains(&"art4_14") && ids.contains(&"recital51"), "{ids:?}");
        assert!(!ids.contains(&"c184_20"), "C-184/20 is about indirectly revealed data: {ids:?}");
        let short = a.letter.unwrap().short;
        assert!(!short.to_lowercase().contains(&SPECIAL_CATEGORIES.get(lang).to_lowercase()), "{short}");
        let art4_14 = PerLang { en: "4(14)", nl: "4 punt 14", de: "4 Nr. 14", fr: "4, point 14", es: "4, punto 14", it: "4, punto 14", pl: "4 pkt 14" };
        assert!(short.contains(art4_14.get(lang)), "{short}");
        assert!(!a.steps.iter().any(|s| s.id == "limit_audience"));
    }
    let flow = objection_check::engine::flow::Flow::new(crate::content(), &meta_base().with_many("art9", &["biometric"]));
    assert!(!flow.questions.iter().any(|q| q.id == "art9_made_public"), "public or not does not decide it");
}

#[test]
fn each_category_says_how_strong_it_is_and_why() {
    let a = check(Lang::En, &meta_base().with_many("art9", &["health", "biometric", "not_sure"]).with("art9_made_public", "limited_audience"));
    let found: Vec<(&str, Strength, &str)> = a.art9.categories.iter().map(|c| (c.label.as_str(), c.strength, c.strength_label.as_str())).collect();
    assert_eq!(found, [("my face (biometric data, if used to identify me)", Strength::Moderate, "may apply"), ("health", Strength::Strong, "strong")]);
    assert!(a.art9.categories[1].reason.contains("Art. 9(2)(e) GDPR does not apply"), "{}", a.art9.categories[1].reason);
    assert!(a.art9.unsure.as_deref().is_some_and(|u| u.contains("without claiming")), "{:?}", a.art9.unsure);
    let public = check(Lang::Nl, &meta_base().with_many("art9", &["health"]).with("art9_made_public", "deliberately_public"));
    assert_eq!(public.art9.categories[0].strength, Strength::Limited);
    assert!(!public.art9.categories[0].reason.is_empty());
}

/// The stem of "train" (an AI model) in each language, in lower case.
const TRAIN: PerLang<&str> = PerLang { en: "train", nl: "train", de: "train", fr: "entraîn", es: "entren", it: "addestr", pl: "tren" };

#[test]
fn the_training_stems_are_those_of_the_letters() {
    // Each stem is in the erasure sentence of an AI-training letter, so its
    // absence from a marketing letter means something.
    for lang in Lang::ALL {
        let long = check(lang, &meta_base()).letter.unwrap().long.to_lowercase();
        assert!(long.contains(TRAIN.get(lang)), "{lang:?}: {long}");
    }
}

#[test]
fn direct_marketing_is_a_purpose_whatever_the_basis() {
    for lang in Lang::ALL {
        for basis in ["legitimate_interest", "contract", "dont_know"] {
            let a = check(lang, &marketing(basis));
            assert_eq!(a.route, Route::ObjectArt21Marketing, "{basis}");
        }
        // A consent-based newsletter profile: withdraw and object, in one letter.
        let a = check(lang, &marketing("consent"));
        assert_eq!(a.route, Route::ObjectArt21Marketing);
        let l = a.letter.unwrap();
        let (withdraw, object) = (paragraph(lang, 7, 3), paragraph(lang, 21, 2));
        assert!(l.short.contains(&withdraw) && l.short.contains(&object), "{}", l.short);
        assert!(a.steps.iter().any(|s| s.id == "withdraw_consent_how") && a.steps.iter().any(|s| s.id == "marketing_absolute"));
        assert!(!l.long.contains("training") && !l.long.contains("training"), "no training data sets: {}", l.long);
        assert!(!l.long.contains("trainen") && !l.long.contains("train"), "{}", l.long);
        assert!(!l.long.to_lowercase().contains(TRAIN.get(lang)), "no training data sets: {}", l.long);
        insta::assert_snapshot!(format!("marketing_consent_long_{}", lang.code()), l.long);
    }
}

#[test]
fn public_task_and_public_authorities_are_explained_right() {
    let a = check(Lang::En, &other_org("legitimate_interest").with("public_body", "yes"));
    let short = a.letter.unwrap().short;
    assert!(short.contains("As a public authority, you cannot rely on legitimate interest"), "{short}");
    assert!(a.citations.iter().any(|c| c.id == "art6_1_2"));
    let nl = check(Lang::Nl, &other_org("legitimate_interest").with("public_body", "yes")).letter.unwrap().short;
    assert!(nl.contains("tweede alinea"), "{nl}");
    // Art. 6(1), second subparagraph, as each language version names it.
    let second = PerLang {
        en: "second subparagraph",
        nl: "tweede alinea",
        de: "UAbs. 2",
        fr: "second alinéa",
        es: "párrafo segundo",
        it: "secondo comma",
        pl: "akapit drugi",
    };
    for lang in Lang::ALL {
        let short = check(lang, &other_org("legitimate_interest").with("public_body", "yes")).letter.unwrap().short;
        assert!(short.contains(second.get(lang)) && short.contains(&paragraph(lang, 21, 1)), "{lang:?}: {short}");
    }
    for basis in ["contract", "legal_obligation"] {
        let a = check(Lang::En, &other_org(basis));
        let step = a.steps.iter().find(|s| s.id == "no_right_explained").unwrap();
        assert!(step.body.contains("(Art. 6(1)(e) or (f))") && step.body.contains("public authority cannot rely on legitimate interest"), "{}", step.body);
    }
}

#[test]
fn an_organisation_established_in_the_eu_is_covered_wherever_the_person_lives() {
    let outside = |residence: &str, controller: &str, established: &str| {
        let mut a = meta_base().with("residence", residence).with("controller", controller).with("eu_establishment", established);
        a.remove("country");
        if controller != "meta" {
            a.remove("services");
        }
        a
    };
    for lang in Lang::ALL {
        let swiss = check(lang, &outside("switzerland", "linkedin", "yes"));
        assert_eq!(swiss.route, Route::ObjectArt21, "Art. 3(1)");
        assert!(swiss.letter.as_ref().unwrap().short.contains("21"));
        assert_eq!(swiss.authority.as_ref().unwrap().country, "ie", "LinkedIn's lead authority");
        let other = check(
            lang,
            &outside("elsewhere", "other", "yes")
                .with("purpose", "ai_training")
                .with("legal_basis", "legitimate_interest")
                .with("public_body", "no")
                .with_many("reasons", &["unexpected_use"]),
        );
        assert_eq!(other.route, Route::ObjectArt21);
        assert!(other.steps.iter().any(|s| s.id == "complaint_where_established"), "no lead authority known");
        let meta = check(lang, &outside("elsewhere", "meta", "yes"));
        assert_eq!(meta.authority.unwrap().country, "ie", "Meta's lead authority");
        assert!(meta.steps.iter().any(|s| s.id == "complaint"));
        let no = check(lang, &Answers::new().with("residence", "elsewhere").with("controller", "x").with("eu_establishment", "no"));
        assert_eq!(no.route, Route::GdprNotApplicable);
        let unsure = check(lang, &Answers::new().with("residence", "elsewhere").with("controller", "meta").with("eu_establishment", "not_sure"));
        assert_eq!(unsure.route, Route::GdprNotApplicable);
        assert!(unsure.steps.iter().any(|s| s.id == "check_establishment"));
    }
}

use objection_check::engine::Answers;

#[test]
fn uk_citations_point_to_the_uk_text_and_case_law_is_persuasive() {
    let mut uk = meta_base().with("residence", "uk").with_many("art9", &["health"]).with("art9_made_public", "limited_audience");
    uk.remove("country");
    let a = check(Lang::En, &uk);
    for c in a.citations.iter().filter(|c| c.id.starts_with("art") || c.id.starts_with("recital")) {
        assert!(c.url.starts_with("https://www.legislation.gov.uk/eur/2016/679/"), "{}: {}", c.id, c.url);
        assert!(c.label.contains("UK GDPR"), "{}", c.label);
    }
    let case = a.citations.iter().find(|c| c.id == "c252_21_9_2_e").unwrap();
    assert!(case.label.ends_with("(given after 2020: persuasive, not binding, in the UK)"), "{}", case.label);
    assert!(a.letter.as_ref().unwrap().long.contains("European Union (Withdrawal) Act 2018, s. 6(2)"));
    let eu = check(Lang::En, &meta_base());
    assert!(eu.citations.iter().all(|c| !c.url.contains("legislation.gov.uk") && !c.label.contains("persuasive")));
    // The same in Dutch.
    let nl = check(Lang::Nl, &uk);
    assert!(nl.citations.iter().filter(|c| c.id.starts_with("art")).all(|c| c.url.contains("legislation.gov.uk") && c.label.contains("UK GDPR")));
    let case = nl.citations.iter().find(|c| c.id == "c252_21_9_2_e").unwrap();
    assert!(case.label.ends_with(crate::content().text(Lang::Nl, "cite.uk_persuasive")) && case.label.contains("VK"), "{}", case.label);
    assert!(nl.letter.unwrap().long.contains("European Union (Withdrawal) Act 2018, s. 6(2)"));
    // ... and in every language, which names the UK in its own words.
    let the_uk =
        PerLang { en: "in the UK", nl: "VK", de: "Vereinigten Königreich", fr: "Royaume-Uni", es: "Reino Unido", it: "Regno Unito", pl: "Wielkiej Brytanii" };
    for lang in Lang::ALL {
        let a = check(lang, &uk);
        for c in a.citations.iter().filter(|c| c.id.starts_with("art") || c.id.starts_with("recital")) {
            let uk_gdpr = crate::content().text(lang, "law.uk_gdpr");
            assert!(c.url.starts_with("https://www.legislation.gov.uk/eur/2016/679/") && c.label.contains(uk_gdpr), "{lang:?} {}: {}", c.id, c.label);
        }
        let case = a.citations.iter().find(|c| c.id == "c252_21_9_2_e").unwrap();
        let persuasive = crate::content().text(lang, "cite.uk_persuasive");
        assert!(case.label.ends_with(persuasive) && persuasive.contains(the_uk.get(lang)), "{lang:?}: {}", case.label);
        let section = PerLang {
            en: "s. 6(2)",
            nl: "s. 6(2)",
            de: "s. 6(2)",
            fr: "section 6, paragraphe 2",
            es: "sección 6, apartado 2",
            it: "section 6(2)",
            pl: "sekcja 6 ust. 2",
        };
        let long = a.letter.unwrap().long;
        assert!(long.contains(&format!("European Union (Withdrawal) Act 2018, {}", section.get(lang))), "{lang:?}: {long}");
        let vars = objection_check::engine::text::question_vars(crate::content(), lang, &uk);
        let hint = objection_check::engine::text::fill(crate::content().text(lang, "q.reasons.hint"), &vars);
        assert!(hint.contains(&paragraph(lang, 21, 1)) && hint.contains(crate::content().text(lang, "law.uk_gdpr")), "{lang:?}: {hint}");
    }
    // The questions name the UK GDPR too.
    let content = crate::content();
    let vars = objection_check::engine::text::question_vars(content, Lang::En, &uk);
    let hint = objection_check::engine::text::fill(content.text(Lang::En, "q.reasons.hint"), &vars);
    assert!(hint.contains("Art. 21(1) UK GDPR"), "{hint}");
    // The UK's own timeline: no start date is known, so none is given.
    let timing = a.steps.iter().find(|s| s.id.starts_with("timing_after")).unwrap();
    assert_eq!(timing.id, "timing_after_uk");
    assert!(timing.body.contains("13 September 2024") && !timing.body.contains("27 May 2025"), "{}", timing.body);
}

#[test]
fn the_letters_for_the_closing_note() {
    // A Dutch Instagram user with health posts shared with friends.
    let health = meta_base()
        .with_many("services", &["instagram"])
        .with_many("art9", &["health"])
        .with("art9_made_public", "limited_audience")
        .with_many("reasons", &["posted_before_notice"]);
    // A LinkedIn user in Germany bound by professional secrecy.
    let mut linkedin = meta_base().with("controller", "linkedin").with("country", "de").with("land", "de-nw").with_many("reasons", &["professional_secrecy"]);
    linkedin.remove("services");
    for lang in Lang::ALL {
        let code = lang.code();
        insta::assert_snapshot!(format!("health_instagram_long_{code}"), check(lang, &health).letter.unwrap().long);
        insta::assert_snapshot!(format!("health_instagram_short_{code}"), check(lang, &health).letter.unwrap().short);
        insta::assert_snapshot!(format!("linkedin_secrecy_long_{code}"), check(lang, &linkedin).letter.unwrap().long);
    }
}

// ---------------------------------------------------------------- every organisation by name

#[test]
fn another_organisation_is_named_as_the_person_typed_it() {
    let typed =
        other_org("legitimate_interest").with("organisation_name", "  Voorbeeld {law} B.V. ").with("organisation_address", "Postbus 1, 1000 AA Amsterdam");
    let subjects = PerLang {
        en: "Subject: Objection to the processing of my personal data by Voorbeeld {law} B.V.",
        nl: "Onderwerp: Bezwaar tegen de verwerking van mijn persoonsgegevens door Voorbeeld {law} B.V.",
        de: "Betreff: Widerspruch gegen die Verarbeitung meiner personenbezogenen Daten durch Voorbeeld {law} B.V.",
        fr: "Objet\u{a0}: Opposition au traitement de mes données à caractère personnel par Voorbeeld {law} B.V.",
        es: "Asunto: Oposición al tratamiento de mis datos personales por parte de Voorbeeld {law} B.V.",
        it: "Oggetto: Opposizione al trattamento dei miei dati personali da parte di Voorbeeld {law} B.V.",
        pl: "Dotyczy: sprzeciwu wobec przetwarzania moich danych osobowych, którego dokonuje Voorbeeld {law} B.V.",
    };
    // The privacy team it is addressed to.
    let team = PerLang {
        en: "privacy",
        nl: "privacy",
        de: "Datenschutz",
        fr: "équipe protection",
        es: "equipo de privacidad",
        it: "ufficio privacy",
        pl: "zespół ds. prywatności",
    };
    for lang in Lang::ALL {
        let subject = subjects.get(lang);
        let a = check(lang, &typed);
        let l = a.letter.unwrap();
        assert!(l.long.contains(subject), "{}", l.long);
        assert!(l.long.contains(&format!("Voorbeeld {{law}} B.V., {}", team.get(lang))) && l.long.contains("\nPostbus 1, 1000 AA Amsterdam\n"), "{}", l.long);
        assert!(l.short.contains("Voorbeeld {law} B.V."), "{}", l.short);
        let step = a.steps.iter().find(|s| s.id == "submit_other").unwrap();
        assert!(step.title.contains("Voorbeeld {law} B.V."), "{}", step.title);
        assert!(a.facts_checked.is_none(), "no facts the check keeps about it");
    }
    // Without a name, "the organisation", and no empty address line.
    let plain = check(Lang::En, &other_org("legitimate_interest")).letter.unwrap().long;
    assert!(plain.contains("To: the organisation, privacy team / data protection officer\n\nDate:"), "{plain}");
    // A name typed for Meta does not count: Meta is Meta.
    let meta = check(Lang::En, &meta_base().with("organisation_name", "Someone else")).letter.unwrap().short;
    assert!(!meta.contains("Someone else"));
}

#[test]
fn the_result_says_when_the_organisations_facts_were_last_checked() {
    let en = check(Lang::En, &meta_base());
    assert_eq!(en.facts_checked.as_deref(), Some("Facts about Meta last checked on 27 May 2025."));
    let nl = check(Lang::Nl, &meta_base());
    assert_eq!(nl.facts_checked.as_deref(), Some("Feiten over Meta voor het laatst gecontroleerd op 27 mei 2025."));
    let said = PerLang {
        en: "Facts about Meta last checked on 27 May 2025.",
        nl: "Feiten over Meta voor het laatst gecontroleerd op 27 mei 2025.",
        de: "Die Angaben über Meta wurden zuletzt am 27. Mai 2025 geprüft.",
        fr: "Informations sur Meta vérifiées pour la dernière fois le 27 mai 2025.",
        es: "Datos sobre Meta comprobados por última vez el 27 de mayo de 2025.",
        it: "Informazioni su Meta verificate l'ultima volta il 27 maggio 2025.",
        pl: "Informacje dotyczące tej organizacji (Meta) sprawdzono ostatnio 27 maja 2025.",
    };
    for lang in Lang::ALL {
        assert_eq!(check(lang, &meta_base()).facts_checked.as_deref(), Some(said.get(lang)));
    }
    let warnings = objection_check::engine::lint::warnings(crate::content(), objection_check::engine::Date::new(2026, 12, 2).unwrap());
    assert!(warnings.iter().any(|w| w.contains("`meta`") && w.contains("2025-05-27")), "{warnings:?}");
    let none = objection_check::engine::lint::warnings(crate::content(), objection_check::engine::Date::new(2025, 10, 1).unwrap());
    assert!(none.is_empty(), "{none:?}");
}

#[test]
fn linkedin_users_are_not_told_what_meta_promised() {
    let mut linkedin = meta_base().with("controller", "linkedin").with("already_objected", "before_training");
    linkedin.remove("services");
    for lang in Lang::ALL {
        let a = check(lang, &linkedin);
        assert!(!a.steps.iter().any(|s| s.id == "timing_before"), "Meta's promise is Meta's");
        let step = a.steps.iter().find(|s| s.id == "timing_before_other").unwrap();
        assert!(!step.body.contains("Meta"), "{}", step.body);
    }
    let meta = check(Lang::En, &meta_base().with("already_objected", "before_training"));
    assert!(meta.steps.iter().any(|s| s.id == "timing_before"));
}

#[test]
fn the_lead_authority_note_speaks_of_the_eea_too() {
    for country in ["is", "li", "no"] {
        let a = check(Lang::En, &meta_base().with("country", country));
        let note = a.authority.unwrap().lead_authority_note.unwrap();
        assert!(note.contains("EU and EEA"), "{note}");
    }
}

#[test]
fn in_germany_the_persons_land_authority_not_the_bfdi() {
    let content = crate::content();
    let laender = content.question("land").unwrap().choices;
    assert_eq!(laender.len(), 16);
    for land in laender {
        for lang in Lang::ALL {
            let a = check(lang, &meta_base().with("country", "de").with("land", land));
            let auth = a.authority.unwrap();
            assert_eq!(&auth.country, land);
            assert!(!auth.name.contains("Bundesbeauftragte"), "{}", auth.name);
            let complaint = a.steps.iter().find(|s| s.id == "complaint").unwrap();
            assert!(complaint.title.contains(&auth.name), "{}", complaint.title);
        }
    }
    // The name in the reader's language where the authority publishes one.
    let by = |lang| check(lang, &meta_base().with("country", "de").with("land", "de-by")).authority.unwrap();
    assert_eq!(by(Lang::En).name, "Data Protection Authority of Bavaria (BayLDA)");
    assert!(by(Lang::Nl).name.contains("Bayerisches Landesamt"), "{}", by(Lang::Nl).name);
    assert_eq!(by(Lang::Nl).country_name, "Beieren");
    let bavaria = PerLang { en: "Bavaria", nl: "Beieren", de: "Bayern", fr: "Bavière", es: "Baviera", it: "Baviera", pl: "Bawaria" };
    for lang in Lang::ALL {
        assert_eq!(by(lang).country_name, bavaria.get(lang), "{lang:?}");
    }
    assert!(by(Lang::De).name.starts_with("Bayerisches Landesamt für Datenschutzaufsicht"), "{}", by(Lang::De).name);
    let flow = objection_check::engine::flow::Flow::new(content, &meta_base());
    assert!(!flow.questions.iter().any(|q| q.id == "land"), "asked only in Germany");
}

#[test]
fn every_authority_has_its_complaint_page_where_one_was_confirmed() {
    let content = crate::content();
    let with_page = content.authorities.iter().filter(|a| a.complaint_url.is_some()).count();
    assert!(with_page >= 40, "{with_page} of {}", content.authorities.len());
    for a in content.authorities {
        if let Some(url) = &a.complaint_url {
            // On the authority's own domain (or its forms subdomain / e-office).
            let host = |u: &str| u.split('/').nth(2).unwrap_or_default().trim_start_matches("www.").to_string();
            let (site, page) = (host(&a.website), host(url));
            let base = |h: &str| h.rsplit('.').take(2).collect::<Vec<_>>().join(".");
            assert!(page.ends_with(&site) || base(&page) == base(&site) || a.country == "es", "{}: {url} vs {}", a.country, a.website);
        }
    }
    assert!(content.authority("de").unwrap().complaint_url.is_none(), "the BfDI's form is for federal bodies only");
}

#[test]
fn in_switzerland_an_objection_under_the_fadp() {
    let swiss = |controller: &str, established: &str| {
        Answers::new().with("residence", "switzerland").with("controller", controller).with("eu_establishment", established)
    };
    for lang in Lang::ALL {
        for established in ["no", "not_sure"] {
            let a = check(lang, &swiss("linkedin", established));
            assert_eq!(a.route, Route::ObjectFadp);
            let l = a.letter.as_ref().expect("a Swiss letter");
            let (art30, art303) = FADP_30.get(lang);
            assert!(l.short.contains(art30) && l.short.contains(art303), "{}", l.short);
            assert!(l.long.contains("32"), "civil action: {}", l.long);
            for t in [&l.short, &l.long] {
                assert!(!t.contains("GDPR") && !t.contains("AVG") && !t.contains("Art. 12") && !t.contains("artikel 12"), "no GDPR claims: {t}");
                // Nor in any language: the GDPR's name or its Art. 12 deadline.
                for other in Lang::ALL {
                    assert!(!t.contains(GDPR.get(other)) && !t.contains(&paragraph(other, 12, 3)), "no GDPR claims ({lang:?}): {t}");
                }
            }
            assert!(a.authority.is_none() && a.reminder.is_none(), "no GDPR authority or Art. 12(3) deadline");
            let ids: Vec<&str> = a.steps.iter().map(|s| s.id.as_str()).collect();
            assert!(ids.contains(&"fadp_report") && ids.contains(&"fadp_court"), "{ids:?}");
            assert!(a.steps.iter().find(|s| s.id == "fadp_report").unwrap().body.contains("edoeb.admin.ch"));
            assert_eq!(ids.contains(&"check_establishment"), established == "not_sure");
            let cites: Vec<&str> = a.citations.iter().map(|c| c.id.as_str()).collect();
            assert!(cites.iter().all(|c| c.starts_with("fadp_") || *c == "art3"), "{cites:?}");
        }
        // Established in the EU/EEA: the GDPR (Art. 3(1)).
        let mut gdpr = meta_base().with("residence", "switzerland").with("controller", "linkedin").with("eu_establishment", "yes");
        gdpr.remove("country");
        gdpr.remove("services");
        assert_eq!(check(lang, &gdpr).route, Route::ObjectArt21);
    }
    for lang in Lang::ALL {
        let code = lang.code();
        insta::assert_snapshot!(format!("fadp_long_{code}"), check(lang, &swiss("linkedin", "no")).letter.unwrap().long);
        insta::assert_snapshot!(
            format!("fadp_short_{code}"),
            check(lang, &swiss("other", "no").with("organisation_name", "Beispiel AG")).letter.unwrap().short
        );
    }
}

/// Art. 30(2)(b) and 30(3) of the Swiss FADP as each language cites them (in
/// Switzerland's own languages as its law writes them: "DSG", "LPD", "cpv.").
const FADP_30: PerLang<(&str, &str)> = PerLang {
    en: ("Art. 30(2)(b)", "Art. 30(3) FADP"),
    nl: ("art. 30 lid 2 sub b", "art. 30 lid 3 FADP"),
    de: ("Art. 30 Abs. 2 lit. b", "Art. 30 Abs. 3 DSG"),
    fr: ("article 30, alinéa 2, lettre b", "article 30, alinéa 3, LPD"),
    es: ("artículo 30, apartado 2, letra b)", "artículo 30, apartado 3, de la LPD"),
    it: ("art. 30 cpv. 2 lett. b", "art. 30 cpv. 3 LPD"),
    pl: ("art. 30 ust. 2 lit. b", "art. 30 ust. 3 FADP"),
};

#[test]
fn linkedin_and_x_get_letters_like_metas() {
    for controller in ["linkedin", "x"] {
        let mut a = meta_base().with("controller", controller);
        a.remove("services");
        if controller == "x" {
            a.set("reasons", objection_check::engine::AnswerValue::Many(vec!["unexpected_use".into()]));
        }
        for lang in Lang::ALL {
            let r = check(lang, &a);
            assert_eq!(r.route, Route::ObjectArt21);
            let l = r.letter.unwrap();
            insta::assert_snapshot!(format!("{controller}_short_{}", lang.code()), l.short);
            insta::assert_snapshot!(format!("{controller}_long_{}", lang.code()), l.long);
            let note = r.authority.unwrap().lead_authority_note.expect("the DPC leads");
            assert!(note.contains("DPC"), "{note}");
            assert!(r.facts_checked.is_some());
            assert!(r.steps.iter().any(|s| s.id == format!("submit_{controller}")));
            assert!(r.steps.iter().any(|s| s.id == "make_private"));
        }
    }
    let x = check(Lang::En, &{
        let mut a = meta_base().with("controller", "x").with_many("reasons", &["unexpected_use"]);
        a.remove("services");
        a
    });
    assert!(x.letter.unwrap().long.starts_with("To: X Internet Unlimited Company, privacy team / data protection officer\nOne Cumberland Place"));
    let submit = x.steps.iter().find(|s| s.id == "submit_x").unwrap();
    assert!(submit.body.contains("help.x.com/forms/privacy"), "X's privacy form: {}", submit.body);
}

#[test]
fn meta_users_with_whatsapp_only_or_no_account_are_not_sent_to_the_accounts_center() {
    for lang in Lang::ALL {
        let whatsapp = check(lang, &meta_base().with_many("services", &["whatsapp"]));
        let ids: Vec<&str> = whatsapp.steps.iter().map(|s| s.id.as_str()).collect();
        assert!(ids.contains(&"submit_whatsapp") && !ids.contains(&"submit_meta"), "{ids:?}");
        assert_eq!(whatsapp.forms.len(), 1);
        let long = whatsapp.letter.unwrap().long;
        assert!(!long.contains("Accounts Center"), "no Accounts Center");
        assert!(!long.contains(crate::content().text(lang, "letter.long.accounts")), "no Accounts Center: {long}");
        assert!(check(lang, &meta_base()).letter.unwrap().long.contains(crate::content().text(lang, "letter.long.accounts")), "{lang:?}");
        let none = check(lang, &meta_base().with_many("services", &["no_account"]));
        let ids: Vec<&str> = none.steps.iter().map(|s| s.id.as_str()).collect();
        assert!(ids.contains(&"meta_no_account") && !ids.contains(&"submit_meta") && !ids.contains(&"meta_not_covered"), "{ids:?}");
        assert!(none.forms.is_empty(), "the forms need an account");
        let short = none.letter.unwrap().short;
        assert!(short.contains("Meta") && !short.contains("no_account"), "{short}");
        let not_covered = check(lang, &meta_base()).steps.into_iter().find(|s| s.id == "meta_not_covered").unwrap();
        assert!(not_covered.body.contains("Meta AI"));
    }
    for lang in Lang::ALL {
        insta::assert_snapshot!(
            format!("meta_no_account_short_{}", lang.code()),
            check(lang, &meta_base().with_many("services", &["no_account"])).letter.unwrap().short
        );
    }
}

#[test]
fn making_posts_non_public_is_named_next_to_the_objection() {
    let a = check(Lang::En, &meta_base());
    let step = a.steps.iter().find(|s| s.id == "make_private").unwrap();
    assert!(step.body.contains("Meta trains on public content"), "{}", step.body);
    let nothing = check(Lang::Nl, &meta_base().with_many("services", &["no_account"]));
    assert!(!nothing.steps.iter().any(|s| s.id == "make_private"), "no account: nothing of one's own to make private");
    let timing = a.steps.iter().find(|s| s.id == "timing_after").unwrap();
    assert!(timing.body.contains("EDPB Opinion 28/2024"), "{}", timing.body);
}
