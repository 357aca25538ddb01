//! The self-check's logic: everything legal lives here, nothing else does.
//!
//! Data flows one way: [`Content`] (the files in `content/`) plus [`Answers`]
//! (what the person said) go through [`flow`] (which questions are asked) and
//! [`assess`] (route, Art. 9 findings, citations, steps, letter) into an
//! [`Assessment`] that the UI and the `assess` command only display.
//!
//! Architecture invariant: this module never imports a web crate and never does
//! I/O; every function returns a value or an error value, never panics on
//! answers, storage or URL data.

pub mod answer;
pub mod answers;
pub mod assess;
pub mod collate;
pub mod condition;
pub mod content;
pub mod date;
pub mod embedded;
pub mod flow;
pub mod followup;
pub mod glossary;
pub mod guidance;
pub mod ics;
pub mod json;
pub mod lint;
#[cfg(not(target_arch = "wasm32"))]
pub mod model;
pub mod preset;
pub mod record;
pub mod settings;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod text;
pub mod text_table;
pub mod vocab;

pub use answer::{AnswerValue, Answers};
pub use answers::{AnswersDocument, AnswersError};
pub use assess::{assess, Assessment};
pub use content::{Content, Lang, Texts};
pub use date::Date;
pub use vocab::{Route, SpecialCategory, Strength};
