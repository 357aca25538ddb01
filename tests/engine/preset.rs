//! Deep-link and embed presets: only language, organisation, services, country
//! and skipping the start screen; anything else is ignored without error.
use objection_check::engine::preset::Preset;
use objection_check::engine::{Answers, Lang};

use crate::content;

fn from(fragment: &str) -> Preset {
    Preset::from_fragment(content, fragment)
}

#[test]
fn a_newsletter_link_presets_language_organisation_and_service() {
    let p = from("#lang=en&controller=meta&service=instagram&skip=start");
    assert_eq!(p, Preset { lang: Some(Lang::En), controller: Some("meta".into()), services: vec!["instagram".into()], country: None, skip_start: true });
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

#[test]
fn a_link_presets_the_country_as_a_preselected_answer() {
    assert_eq!(from("#country=be").country.as_deref(), Some("be"));
    assert_eq!(from("#country=BE").country.as_deref(), Some("be"), "case-insensitive");
    assert_eq!(from("#lang=fr&controller=meta&country=be&skip=start").country.as_deref(), Some("be"));
    // Every choice of the country question, and nothing else.
    let choices = content().question("country").expect("a country question").choices;
    for c in choices {
        assert_eq!(from(&format!("country={}", c.to_uppercase())).country.as_deref(), Some(*c));
    }
    for junk in ["country=xx", "country=<script>", "country=%3Cscript%3E", "country=", "country=be,nl", "country=uk", "country=ch", "country=de-by", "country"]
    {
        assert_eq!(from(junk).country, None, "{junk}");
    }
    assert_eq!(from("country=xx&country=be").country.as_deref(), Some("be"), "a later valid value wins over an earlier invalid one");
    assert_eq!(from("country=be&country=xx").country.as_deref(), Some("be"), "an invalid later value does not undo a valid one");
    assert_eq!(from("country=be&country=nl").country.as_deref(), Some("nl"));
    assert_eq!(from(&"country=é&".repeat(10_000)), Preset::default(), "long or non-ASCII fragments are cut and ignored");
    assert_eq!(from(&format!("country=be&{}", "x".repeat(100_000))).country.as_deref(), Some("be"));

    // Preselected in the country question, which the person still sees after
    // answering where they live; it never answers that question for them.
    let mut fresh = Answers::new();
    from("controller=meta&country=be").apply(&mut fresh);
    assert_eq!(fresh.one("country"), Some("be"));
    assert_eq!(fresh.get("residence"), None, "the person still says where they live");
    let with_residence = fresh.clone().with("residence", "eu_eea");
    let flow = objection_check::engine::flow::Flow::new(content(), &with_residence);
    assert!(flow.position("country").is_some(), "the country question is still asked");
    assert_eq!(flow.effective.one("country"), Some("be"));
    let elsewhere = fresh.with("residence", "uk");
    assert_eq!(objection_check::engine::flow::Flow::new(content(), &elsewhere).effective.get("country"), None, "outside the EU/EEA it does not count");

    // An answer the person gave is never overwritten.
    let mut answered = Answers::new().with("country", "nl");
    from("country=be").apply(&mut answered);
    assert_eq!(answered.one("country"), Some("nl"));
}

#[test]
fn an_embedding_page_presets_the_country_and_a_link_wins() {
    let settings = |country: &'static str| {
        move |k: &str| match k {
            "lang" => Some("nl".into()),
            "country" => Some(country.into()),
            _ => None,
        }
    };
    assert_eq!(Preset::from_settings(content, settings("be")).country.as_deref(), Some("be"));
    assert_eq!(Preset::from_settings(content, settings(" BE ")).country.as_deref(), Some("be"));
    assert_eq!(Preset::from_settings(content, settings("<script>")).country, None);
    assert_eq!(Preset::from_settings(content, settings("xx")).country, None);
    let page = Preset::from_settings(content, settings("be"));
    assert_eq!(from("country=nl").or(page.clone()).country.as_deref(), Some("nl"), "the link's country wins");
    assert_eq!(from("country=xx").or(page.clone()).country.as_deref(), Some("be"), "an invalid link value keeps the page's");
    assert_eq!(from("lang=en").or(page).country.as_deref(), Some("be"));
}

/// A publisher's setting the check does not know, or a value it does not
/// have, is named in one sentence for the console; the ones it uses are not.
#[test]
fn an_unknown_setting_or_value_is_named_for_the_publisher() {
    use objection_check::engine::settings::{ignored, of_element_attribute};
    let c = content();
    for (attribute, value) in
        [("lang", "de"), ("lang", "nl-BE"), ("controller", "Meta"), ("services", "instagram, facebook"), ("country", "be"), ("skip", "start"), ("lang", " ")]
    {
        let name = of_element_attribute(attribute);
        assert_eq!(ignored(c, attribute, name, value), None, "{attribute}={value}");
    }
    let said = |attribute: &str, value: &str| ignored(c, attribute, of_element_attribute(attribute), value).unwrap_or_default();
    assert_eq!(said("lang", "tr"), "objection-check: `lang=\"tr\"` is not a language of the check (de, fr, es, it, pl, nl, en); ignored.");
    assert!(said("controller", "tiktok").contains("`controller=\"tiktok\"` is not an organisation of the check (meta, linkedin, x, other)"));
    assert!(said("services", "instagram,myspace").contains("`services`: myspace is not a service of the check"));
    assert!(said("country", "us").contains("`country=\"us\"` is not an EU/EEA country code"));
    assert!(said("skip", "all").contains("the one value is `start`"));
    assert!(said("theme", "dark").starts_with("objection-check: `theme` is not a setting of objection-check (it has `lang`, `controller`"));
    // The snippet's data-* names: the same settings.
    assert!(ignored(c, "data-langue", None, "fr").unwrap().contains("`data-langue` is not a setting"));
}
