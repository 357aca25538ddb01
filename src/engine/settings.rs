//! What a publisher's element may set, and why a setting is ignored: the
//! snippet's `data-*` attributes (`<div data-objection-check data-lang="de">`)
//! and the custom element's own (`<objection-check lang="de">`). A setting
//! the check does not know, or a value it does not have, is ignored (the
//! check works as without it) and named in one sentence for the publisher's
//! console, never shown to the person.
#![warn(missing_docs)]

use super::content::{Content, Lang};
use super::flow::CONTROLLER;

/// The settings, by name: `data-<name>` on the snippet's element, `<name>` on
/// `<objection-check>` (where `services` is also accepted for `service`).
pub const SETTINGS: [&str; 5] = ["lang", "controller", "service", "country", "skip"];

/// The attributes of the snippet's element that are the embedding's own,
/// not settings (`data-objection-check`, and what the page or the app marks).
pub const MARKS: [&str; 4] = ["objection-check", "objection-check-mounted", "styled-by-page", "owns-page"];

/// The setting an attribute of the custom element names, if any: its own
/// name, `services` for `service`.
pub fn of_element_attribute(attribute: &str) -> Option<&'static str> {
    let name = if attribute == "services" { "service" } else { attribute };
    SETTINGS.iter().copied().find(|s| *s == name)
}

/// Why the setting `name` with `value` is ignored, in one sentence naming the
/// attribute as written (`attribute`); `None` where it is used.
pub fn ignored(content: &Content, attribute: &str, name: Option<&str>, value: &str) -> Option<String> {
    let v = value.trim().to_ascii_lowercase();
    let choices = |q: &str| content.question(q).map_or(&[][..], |q| q.choices);
    let why = match name {
        None => format!("`{attribute}` is not a setting of objection-check (it has {})", SETTINGS.map(|s| format!("`{s}`")).join(", ")),
        Some(_) if v.is_empty() => return None,
        Some("lang") if Lang::from_tag(&v).is_none() => {
            format!("`{attribute}=\"{value}\"` is not a language of the check ({})", Lang::ALL.map(Lang::code).join(", "))
        }
        Some("controller") if !choices(CONTROLLER).contains(&v.as_str()) => {
            format!("`{attribute}=\"{value}\"` is not an organisation of the check ({})", choices(CONTROLLER).join(", "))
        }
        Some("service") => {
            let unknown: Vec<&str> = v.split([',', ' ']).map(str::trim).filter(|s| !s.is_empty() && !choices("services").contains(s)).collect();
            if unknown.is_empty() {
                return None;
            }
            format!("`{attribute}`: {} is not a service of the check ({})", unknown.join(", "), choices("services").join(", "))
        }
        Some("country") if !choices("country").contains(&v.as_str()) => {
            format!("`{attribute}=\"{value}\"` is not an EU/EEA country code of the check (such as be, de, nl)")
        }
        Some("skip") if v != "start" => format!("`{attribute}=\"{value}\"`: the one value is `start`"),
        Some(_) => return None,
    };
    Some(format!("objection-check: {why}; ignored."))
}
