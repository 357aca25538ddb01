//! objection-check: a self-check for objecting under GDPR Art. 21 and for Art. 9
//! sensitive data, ending in a ready objection text. Nothing leaves the browser.
//!
//! - [`engine`]: pure Rust. Content + answers in, assessment out. No web crates,
//!   no I/O, never panics on input. Tested natively with `cargo test`.
//! - `ui`: Yew components, one reducer for the session (built natively too,
//!   to render the plain start screen at build time: src/bin/prerender.rs).
//! - `platform`: the only code that touches the browser.
//!
//! See ARCHITECTURE.md for the map and the invariants.
#![forbid(unsafe_code)]

pub mod engine;

pub mod platform;
pub mod ui;
