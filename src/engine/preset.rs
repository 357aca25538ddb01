//! Presets from a link or an embedding page: the language, the organisation
//! and its services, the country, and whether to skip the start screen. They
//! come from the URL fragment
//! (`#lang=en&controller=meta&service=instagram&country=be&skip=start`) or
//! the embed element's `data-*` attributes, never from the query string, and
//! never carry a person's answers. Anything unknown or malformed is ignored.
//!
//! A preset country is only preselected in the country question: the person
//! still answers where they live, and the country counts only when that is the
//! EU/EEA (the country question is asked only then).
//!
//! The content (to check an organisation, service or country against the
//! question's choices) is asked for only when one is named: a plain visit shows the start
//! screen without reading the questionnaire.
#![warn(missing_docs)]
use super::answer::{AnswerValue, Answers};
use super::content::{Content, Lang};
use super::flow::CONTROLLER;

/// Longest fragment read; the rest is ignored.
const MAX_FRAGMENT: usize = 512;

/// The question for the person's EU/EEA country, asked when they live there.
const COUNTRY: &str = "country";

/// What a link or an embedding page presets; each part only where it named
/// something the content knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preset {
    /// The language to show the check in.
    pub lang: Option<Lang>,
    /// One of the organisation question's choices (`meta`, `linkedin`, ...).
    pub controller: Option<String>,
    /// Meta's services, as choices of the services question in its order;
    /// empty for any other organisation.
    pub services: Vec<String>,
    /// One of the country question's choices (the EU/EEA countries).
    pub country: Option<String>,
    /// Whether to go past the start screen straight to the questions.
    pub skip_start: bool,
}

impl Preset {
    /// Reads `key=value` pairs separated by `&` (a leading `#` is allowed).
    /// `content` gives the content when an organisation or service is named.
    pub fn from_fragment<'c>(content: impl Fn() -> &'c Content, fragment: &str) -> Preset {
        let fragment = fragment.trim_start_matches('#');
        let cut = fragment.char_indices().nth(MAX_FRAGMENT).map_or(fragment.len(), |(i, _)| i);
        let mut preset = Preset::default();
        for pair in fragment[..cut].split('&') {
            let Some((key, value)) = pair.split_once('=') else { continue };
            let value = value.trim().to_ascii_lowercase();
            match key.trim() {
                "lang" => preset.lang = Lang::from_tag(&value).or(preset.lang),
                "controller" => preset.set_controller(content(), &value),
                "service" | "services" => {
                    for v in value.split([',', '+']) {
                        preset.add_service(content(), v);
                    }
                }
                "country" => preset.set_country(content(), &value),
                "skip" => preset.skip_start |= value == "start",
                _ => {}
            }
        }
        preset.settle(content);
        preset
    }

    /// Reads the embed element's settings: `data-lang`, `data-controller`,
    /// `data-service`, `data-country`, `data-skip`. `content` gives the
    /// content when an organisation, service or country is named.
    pub fn from_settings<'c>(content: impl Fn() -> &'c Content, get: impl Fn(&str) -> Option<String>) -> Preset {
        let mut preset = Preset { lang: get("lang").and_then(|l| Lang::from_tag(&l)), ..Preset::default() };
        if let Some(c) = get("controller") {
            preset.set_controller(content(), &c.trim().to_ascii_lowercase());
        }
        if let Some(s) = get("service") {
            for v in s.to_ascii_lowercase().split([',', ' ']) {
                preset.add_service(content(), v);
            }
        }
        if let Some(c) = get("country") {
            preset.set_country(content(), &c.trim().to_ascii_lowercase());
        }
        preset.skip_start = get("skip").is_some_and(|v| v.trim() == "start");
        preset.settle(content);
        preset
    }

    /// Later settings (a link) win over earlier ones (the page's attributes).
    pub fn or(self, earlier: Preset) -> Preset {
        let controller = self.controller.clone().or(earlier.controller.clone());
        let services = if self.controller.is_some() || !self.services.is_empty() { self.services } else { earlier.services };
        Preset {
            lang: self.lang.or(earlier.lang),
            services: if controller.as_deref() == Some("meta") { services } else { Vec::new() },
            controller,
            country: self.country.or(earlier.country),
            skip_start: self.skip_start || earlier.skip_start,
        }
    }

    /// Adds the preset's answers to `answers` where the person has not answered yet.
    pub fn apply(&self, answers: &mut Answers) {
        if answers.get(CONTROLLER).is_none() {
            if let Some(c) = &self.controller {
                answers.set(CONTROLLER, AnswerValue::One(c.clone()));
                if !self.services.is_empty() && answers.get("services").is_none() {
                    answers.set("services", AnswerValue::Many(self.services.clone()));
                }
            }
        }
        if answers.get(COUNTRY).is_none() {
            if let Some(c) = &self.country {
                answers.set(COUNTRY, AnswerValue::One(c.clone()));
            }
        }
    }

    fn set_controller(&mut self, content: &Content, value: &str) {
        if content.question(CONTROLLER).is_some_and(|q| q.choices.contains(&value)) {
            self.controller = Some(value.to_string());
        }
    }

    fn set_country(&mut self, content: &Content, value: &str) {
        if content.question(COUNTRY).is_some_and(|q| q.choices.contains(&value)) {
            self.country = Some(value.to_string());
        }
    }

    fn add_service(&mut self, content: &Content, value: &str) {
        let value = value.trim();
        if content.question("services").is_some_and(|q| q.choices.contains(&value)) && !self.services.iter().any(|s| s == value) {
            self.services.push(value.to_string());
        }
    }

    /// Services only make sense for Meta; a service alone implies Meta.
    fn settle<'c>(&mut self, content: impl Fn() -> &'c Content) {
        if self.controller.is_none() && !self.services.is_empty() {
            self.controller = Some("meta".into());
        }
        if self.controller.as_deref() != Some("meta") {
            self.services.clear();
        }
        // In the question's order (the services were checked against its choices).
        if self.services.is_empty() {
            return;
        }
        if let Some(q) = content().question("services") {
            self.services = q.choices.iter().filter(|c| self.services.iter().any(|s| s == *c)).map(|c| c.to_string()).collect();
        }
    }
}
