//! The content shipped with this build, as `build.rs` embeds it: the texts as
//! a table ([`super::text_table`]) and the rest in its compiled form
//! ([`super::compact`]), each read on first use. (`build.rs` compiles the
//! rest of the engine to check and compile `content/`, but not this module,
//! which needs what it writes.)
use std::sync::OnceLock;

use super::compact;
use super::content::{Content, Texts};

/// The content as `build.rs` read it from `content/`, as JSON: what the
/// tests break on purpose to see the content lint catch it.
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));
/// The texts ([`super::text_table`]).
pub const EMBEDDED_TEXTS: &str = include_str!(concat!(env!("OUT_DIR"), "/texts.table"));
/// Everything but the texts, compiled ([`compact`]).
pub const EMBEDDED_CONTENT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

impl Texts {
    /// The texts shipped with this build, read on first use. The start screen
    /// needs only these, so the app shows it without reading the rest of the
    /// content ([`Content::embedded`]). The build checks that they load.
    pub fn embedded() -> &'static Texts {
        static TEXTS: OnceLock<Texts> = OnceLock::new();
        TEXTS.get_or_init(|| match Texts::read(EMBEDDED_TEXTS) {
            Ok(t) => t,
            Err(e) => panic!("embedded texts are invalid (rebuild the app): {e}"),
        })
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
