#![cfg(not(target_arch = "wasm32"))]
//! Native tests of the engine and the content: one test binary, one module per
//! feature. `cargo test` runs them; snapshots live in tests/engine/snapshots
//! (review changes with `cargo insta review`, or accept with INSTA_UPDATE=always).
mod answers_format;
mod cli;
mod content_lint;
mod flow;
mod layers;
mod translations;
mod preset;
mod properties;
mod scenarios;

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
