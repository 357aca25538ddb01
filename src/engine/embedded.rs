//! The content shipped with this build, as `build.rs` embeds it: the text ids
//! and each language's texts file ([`super::text_table`]; in the browser
//! app's release fetched, not embedded) and the rest in its compiled form
//! ([`super::compact`]), each read on first use. (`build.rs` compiles the
//! rest of the engine to check and compile `content/`, but not this module,
//! which needs what it writes.)
use std::sync::OnceLock;

use super::compact;
use super::content::{Content, Lang, Texts};

/// The content as `build.rs` read it from `content/`, as JSON: what the
/// tests break on purpose to see the content lint catch it.
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));
/// The text ids ([`super::text_table`]); each language's texts are a file of
/// their own ([`LANGUAGE_FILES`]).
pub const EMBEDDED_TEXT_IDS: &str = include_str!(concat!(env!("OUT_DIR"), "/texts.ids"));
/// Everything but the texts, compiled ([`compact`]).
pub const EMBEDDED_CONTENT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

impl Texts {
    /// The texts shipped with this build, read on first use. The start screen
    /// needs only these, so the app shows it without reading the rest of the
    /// content ([`Content::embedded`]). The build checks that they load. A
    /// build with the feature `fetched-texts` (the browser app's release)
    /// carries no language: each is fetched when it is shown and installed
    /// ([`Texts::install`], src/platform/texts.rs); other builds (the native
    /// command and tests, the browser tests) carry every language.
    pub fn embedded() -> &'static Texts {
        static TEXTS: OnceLock<Texts> = OnceLock::new();
        TEXTS.get_or_init(|| {
            let texts = match Texts::shipped(EMBEDDED_TEXT_IDS) {
                Ok(t) => t,
                Err(e) => panic!("embedded texts are invalid (rebuild the app): {e}"),
            };
            #[cfg(not(feature = "fetched-texts"))]
            for (&(code, _), file) in LANGUAGE_FILES.iter().zip(LANGUAGE_TEXTS) {
                if let Some(lang) = Lang::from_code(code) {
                    if let Err(e) = texts.install(lang, file) {
                        panic!("embedded texts are invalid (rebuild the app): {e}");
                    }
                }
            }
            texts
        })
    }

    /// The name of `lang`'s texts file, next to the app.
    pub fn file_name(lang: Lang) -> Option<&'static str> {
        LANGUAGE_FILES.iter().find(|(code, _)| *code == lang.code()).map(|(_, name)| *name)
    }
}

impl Content {
    /// The content shipped with this build, read on first use. The build has
    /// checked it against the model; should it ever not load, this and
    /// [`Texts::embedded`] are the places that say so.
    pub fn embedded() -> &'static Content {
        static CONTENT: OnceLock<Content> = OnceLock::new();
        CONTENT.get_or_init(|| match compact::read(EMBEDDED_CONTENT, Texts::embedded().clone()) {
            Ok(c) => c,
            Err(e) => panic!("embedded content is invalid: {e}"),
        })
    }
}
