//! The content shipped with this build, as `build.rs` wrote it from
//! `content/` ([`super::source::rust`]): a static, read by nothing at run
//! time. The text ids are in it; each language's texts are a file of their
//! own ([`super::text_table`]; in the browser app's release fetched, not
//! embedded).
#![warn(missing_docs)]
use super::content::{Authority, CitationSource};
use super::content::{
    Condition, Content, Controller, Keyed, Kind, Lang, LetterBlock, LetterRules, Outcomes, Question, Questionnaire, RegionFacts, RouteRule, Section,
    ServiceForm, StepRule, Texts,
};

include!(concat!(env!("OUT_DIR"), "/content.rs"));
include!(concat!(env!("OUT_DIR"), "/languages.rs"));

impl Texts {
    /// The texts shipped with this build. A build with the feature
    /// `fetched-texts` (the browser app's release) carries no language: each
    /// is fetched when it is shown and installed ([`Texts::install`],
    /// src/platform/texts.rs); other builds (the native command and tests,
    /// the browser tests) carry every language, installed on first use. The
    /// build checks that they load.
    pub fn embedded() -> &'static Texts {
        #[cfg(not(feature = "fetched-texts"))]
        {
            static INSTALL: std::sync::Once = std::sync::Once::new();
            INSTALL.call_once(|| {
                for (&(code, _), file) in LANGUAGE_FILES.iter().zip(LANGUAGE_TEXTS) {
                    if let Some(lang) = Lang::from_code(code) {
                        if let Err(e) = CONTENT.locales.install(lang, file) {
                            panic!("embedded texts are invalid (rebuild the app): {e}");
                        }
                    }
                }
            });
        }
        &CONTENT.locales
    }

    /// The name of `lang`'s texts file, next to the app.
    pub fn file_name(lang: Lang) -> Option<&'static str> {
        LANGUAGE_FILES.iter().find(|(code, _)| *code == lang.code()).map(|(_, name)| *name)
    }
}

impl Content {
    /// The content shipped with this build.
    pub fn embedded() -> &'static Content {
        Texts::embedded();
        &CONTENT
    }
}
