#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the engine and the content: one test binary, one module per
//! feature. `cargo test` runs them; snapshots live in tests/engine/snapshots
//! (review changes with `cargo insta review`, or accept with INSTA_UPDATE=always).
mod answers_format;
mod cli;
mod content_lint;
mod flow;
mod followup;
mod layers;
mod preset;
mod properties;
mod records;
mod scenarios;
mod translations;

use objection_check::engine::{assess, Answers, Assessment, Content, Date, Lang};

/// The day every scenario is assessed on, so letters and reminders are stable.
pub fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

pub fn content() -> &'static Content {
    Content::embedded()
}

#[track_caller]
pub fn check(lang: Lang, answers: &Answers) -> Assessment {
    let a = assess(content(), lang, answers, today());
    assert!(a.missing.is_empty(), "scenario is incomplete, missing {:?}", a.missing);
    a
}

/// A complete Meta scenario for someone in the Netherlands with no sensitive data.
pub fn meta_base() -> Answers {
    Answers::new()
        .with("residence", "eu_eea")
        .with("country", "nl")
        .with("controller", "meta")
        .with_many("services", &["facebook", "instagram"])
        .with("age", "adult")
        .with("posted_as_minor", "no")
        .with_many("art9", &["none"])
        .with_many("reasons", &["posted_before_notice"])
        .with("already_objected", "never")
}

/// One value per language: the tests' table of how each translation
/// (content/locales/<lang>.toml) words what a test looks for. Every language
/// is a field, so a language added to [`Lang::ALL`] cannot be left out.
#[derive(Clone, Copy, Debug)]
pub struct PerLang<T> {
    pub en: T,
    pub nl: T,
    pub de: T,
    pub fr: T,
    pub es: T,
    pub it: T,
    pub pl: T,
}

impl<T: Copy> PerLang<T> {
    pub fn get(&self, lang: Lang) -> T {
        match lang {
            Lang::En => self.en,
            Lang::Nl => self.nl,
            Lang::De => self.de,
            Lang::Fr => self.fr,
            Lang::Es => self.es,
            Lang::It => self.it,
            Lang::Pl => self.pl,
        }
    }
}

/// The GDPR's short name in each language version (/work/shared/domain/gdpr-terms.md).
pub const GDPR: PerLang<&str> = PerLang { en: "GDPR", nl: "AVG", de: "DSGVO", fr: "RGPD", es: "RGPD", it: "GDPR", pl: "RODO" };

/// How each language writes a paragraph of a GDPR article in running text,
/// from the article's number on: 21(1) is "21(1)", "21 lid 1", "21 Abs. 1",
/// "21, paragraphe 1", "21, apartado 1", "21, paragrafo 1", "21 ust. 1".
pub fn paragraph(lang: Lang, article: u32, paragraph: u32) -> String {
    match lang {
        Lang::En => format!("{article}({paragraph})"),
        Lang::Nl => format!("{article} lid {paragraph}"),
        Lang::De => format!("{article} Abs. {paragraph}"),
        Lang::Fr => format!("{article}, paragraphe {paragraph}"),
        Lang::Es => format!("{article}, apartado {paragraph}"),
        Lang::It => format!("{article}, paragrafo {paragraph}"),
        Lang::Pl => format!("{article} ust. {paragraph}"),
    }
}

/// The text `id` in `lang` as the letter for `answers` shows it: {law},
/// {controller} and {notice_date} filled in.
pub fn text_for(lang: Lang, id: &str, answers: &Answers) -> String {
    use objection_check::engine::text::{fill, question_vars};
    fill(content().text(lang, id), &question_vars(content(), lang, answers))
}
