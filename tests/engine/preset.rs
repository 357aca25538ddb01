//! Deep-link and embed presets: only language, organisation, services and
//! skipping the start screen; anything else is ignored without error.
use objection_check::engine::preset::Preset;
use objection_check::engine::{Answers, Lang};

use crate::content;

fn from(fragment: &str) -> Preset {
    Preset::from_fragment(content, fragment)
}

#[test]
fn a_newsletter_link_presets_language_organisation_and_service() {
    let p = from("#lang=en&controller=meta&service=instagram&skip=start");
    assert_eq!(p, Preset { lang: Some(Lang::En), controller: Some("meta".into()), services: vec!["instagram".into()], skip_start: true });
    assert_eq!(from("service=threads,facebook").services, ["facebook", "threads"], "a service implies Meta, in content order");
    assert_eq!(from("service=threads").controller.as_deref(), Some("meta"));
    assert_eq!(from("lang=nl-BE&controller=LinkedIn").controller.as_deref(), Some("linkedin"));
    // Every language the check has, by its code or a longer tag.
    for lang in Lang::ALL {
        assert_eq!(from(&format!("lang={}", lang.code())).lang, Some(lang));
        assert_eq!(from(&format!("lang={}-CH", lang.code())).lang, Some(lang));
    }
}

#[test]
fn unknown_or_malformed_parameters_are_ignored() {
    for junk in [
        "",
        "#",
        "&&&",
        "lang",
        "lang=xx",
        "controller=<script>alert(1)</script>",
        "%%%=%%",
        "utm_source=mail&utm_medium=x",
        "service=myspace",
        "controller=linkedin&service=instagram",
        "skip=yes",
        "a=b=c",
        "lang=en&lang=tr",
    ] {
        let p = from(junk);
        assert!(p.controller.is_none() || p.controller.as_deref() == Some("linkedin"), "{junk}: {p:?}");
        assert!(p.services.is_empty(), "{junk}: {p:?}");
        assert!(!p.skip_start, "{junk}");
    }
    assert_eq!(from("lang=en&lang=tr").lang, Some(Lang::En), "an invalid later value does not undo a valid one");
    assert_eq!(from("lang=tr").lang, None, "a language the check does not have");
    let long = format!("lang=en&{}", "x".repeat(100_000));
    assert_eq!(from(&long).lang, Some(Lang::En));
    assert_eq!(from(&"é&".repeat(10_000)), Preset::default());
}

#[test]
fn presets_never_overwrite_an_answer() {
    let mut answers = Answers::new().with("controller", "x");
    from("controller=meta&service=facebook").apply(&mut answers);
    assert_eq!(answers.one("controller"), Some("x"));
    assert_eq!(answers.get("services"), None);
    let mut fresh = Answers::new();
    from("controller=meta&service=facebook").apply(&mut fresh);
    assert_eq!(fresh.one("controller"), Some("meta"));
}

#[test]
fn a_link_wins_over_the_page_settings() {
    let page = Preset::from_settings(content, |k| match k {
        "lang" => Some("nl".into()),
        "controller" => Some("linkedin".into()),
        _ => None,
    });
    assert_eq!(page.controller.as_deref(), Some("linkedin"));
    let merged = from("lang=en").or(page.clone());
    assert_eq!((merged.lang, merged.controller.as_deref()), (Some(Lang::En), Some("linkedin")));
    let merged = from("service=whatsapp").or(page);
    assert_eq!((merged.controller.as_deref(), merged.services.len()), (Some("meta"), 1));
}

#[test]
fn a_link_without_organisation_or_service_never_reads_the_questionnaire() {
    // The app shows its start screen before it reads the content; a link or
    // page setting that names no organisation must not make it read it.
    let unread = || -> &'static objection_check::engine::Content { panic!("the content was read") };
    let p = Preset::from_fragment(unread, "#lang=en&skip=start&utm_source=mail");
    assert_eq!(p, Preset { lang: Some(Lang::En), skip_start: true, ..Preset::default() });
    let p = Preset::from_settings(unread, |k| (k == "lang").then(|| "nl".to_string()));
    assert_eq!(p.lang, Some(Lang::Nl));
    assert_eq!(Preset::from_fragment(unread, ""), Preset::default());
}
