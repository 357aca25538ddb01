//! The content model: the typed shape of the files in `content/`, and loading the
//! copy embedded at build time (see `build.rs`). Only this module knows the file
//! format; the rest of the engine sees [`Content`].
use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::condition::Condition;

/// A language the check speaks. Every text exists in each of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 code: "nl" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Reads "nl", "en", or a longer tag such as "nl-BE" or "en_GB"; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Pick exactly one choice (radios).
    Single,
    /// Tick one or more choices (checkboxes).
    Multi,
    /// Pick one from a long list (a select).
    Select,
    /// Free text.
    Text,
}

/// One question as written in `content/questionnaire.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    #[serde(default)]
    pub choices: Vec<String>,
    #[serde(default)]
    pub choices_from: Option<String>,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default = "yes")]
    pub required: bool,
    #[serde(default)]
    pub max_chars: Option<usize>,
    /// Choices that cannot be combined with any other (e.g. "nothing is public").
    #[serde(default)]
    pub exclusive: Vec<String>,
}

fn yes() -> bool {
    true
}

/// Longest text answer when a question sets no `max_chars`.
pub const DEFAULT_MAX_CHARS: usize = 1000;

impl Question {
    /// The most characters a text answer may have.
    pub fn max_chars(&self) -> usize {
        self.max_chars.unwrap_or(DEFAULT_MAX_CHARS)
    }
}

/// A group of questions asked together, only when its condition holds.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    #[serde(rename = "section")]
    pub sections: Vec<Section>,
}

/// A rule that picks the route (first match wins).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteRule {
    pub id: String,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default)]
    pub cites: Vec<String>,
}

/// A next step shown on the result page where its condition holds.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRule {
    pub id: String,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default)]
    pub cites: Vec<String>,
}

/// One block of an objection text.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterBlock {
    /// A text id, or with `each` the prefix of one text id per chosen value.
    #[serde(default)]
    pub text: Option<String>,
    /// Repeat the text for every value of this (multi) question.
    #[serde(default)]
    pub each: Option<String>,
    /// Insert the blocks of another list (only "core").
    #[serde(default)]
    pub include: Option<String>,
    #[serde(default)]
    pub when: Option<Condition>,
    #[serde(default)]
    pub cites: Vec<String>,
    /// Citations per value of an `each` block.
    #[serde(default)]
    pub cites_each: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterRules {
    #[serde(default)]
    pub when: Option<Condition>,
    pub core: Vec<LetterBlock>,
    pub short: Vec<LetterBlock>,
    pub long: Vec<LetterBlock>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    #[serde(rename = "route")]
    pub routes: Vec<RouteRule>,
    #[serde(rename = "step")]
    pub steps: Vec<StepRule>,
    pub letter: LetterRules,
}

/// Where a person objects to one service of a controller.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceForm {
    pub service: String,
    pub url: String,
}

/// A known organisation: its own legal basis, training start, forms.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    pub id: String,
    pub legal_basis: String,
    #[serde(default)]
    pub training_start: Option<String>,
    #[serde(default)]
    pub lead_authority: Option<String>,
    pub verified: String,
    #[serde(rename = "form", default)]
    pub forms: Vec<ServiceForm>,
}

/// A supervisory authority for one country.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub country: String,
    pub region: String,
    pub name: String,
    pub website: String,
    #[serde(default)]
    pub complaint_url: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationSource {
    pub id: String,
    pub url: String,
}

#[derive(Deserialize)]
struct RawContent {
    questionnaire: Questionnaire,
    outcomes: Outcomes,
    controllers: ControllersFile,
    authorities: AuthoritiesFile,
    citations: CitationsFile,
    locales: BTreeMap<String, BTreeMap<String, String>>,
}

#[derive(Deserialize)]
struct ControllersFile {
    controller: Vec<Controller>,
}
#[derive(Deserialize)]
struct AuthoritiesFile {
    authority: Vec<Authority>,
}
#[derive(Deserialize)]
struct CitationsFile {
    citation: Vec<CitationSource>,
}

/// Everything in `content/`, typed. Built once; shared by reference.
#[derive(Debug)]
pub struct Content {
    pub questionnaire: Questionnaire,
    pub outcomes: Outcomes,
    pub controllers: Vec<Controller>,
    pub authorities: Vec<Authority>,
    pub citations: Vec<CitationSource>,
    /// Texts per language code ("nl", "en"), id -> text.
    pub locales: BTreeMap<String, BTreeMap<String, String>>,
}

/// The content as embedded by `build.rs`.
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

impl Content {
    /// Parses a content document (the JSON `build.rs` writes). Choices named by
    /// `choices_from = "countries"` are filled in from the EU/EEA authorities.
    pub fn from_json(json: &str) -> Result<Content, String> {
        let raw: RawContent =
            serde_json::from_str(json).map_err(|e| format!("content does not fit its model: {e}"))?;
        let mut content = Content {
            questionnaire: raw.questionnaire,
            outcomes: raw.outcomes,
            controllers: raw.controllers.controller,
            authorities: raw.authorities.authority,
            citations: raw.citations.citation,
            locales: raw.locales,
        };
        let countries: Vec<String> = content
            .authorities
            .iter()
            .filter(|a| a.region == "eu_eea")
            .map(|a| a.country.clone())
            .collect();
        for section in &mut content.questionnaire.sections {
            for q in &mut section.questions {
                match q.choices_from.as_deref() {
                    Some("countries") => q.choices = countries.clone(),
                    Some(other) => return Err(format!("question `{}`: unknown choices_from `{other}`", q.id)),
                    None => {}
                }
            }
        }
        Ok(content)
    }

    /// The content shipped with this build. The content lint (`cargo test`)
    /// guarantees it loads; should it ever not, this is the one place that says so.
    pub fn embedded() -> &'static Content {
        static CONTENT: OnceLock<Content> = OnceLock::new();
        CONTENT.get_or_init(|| match Content::from_json(EMBEDDED_JSON) {
            Ok(c) => c,
            Err(e) => panic!("embedded content is invalid (run `cargo test`): {e}"),
        })
    }

    /// All questions in asking order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.questionnaire.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    pub fn controller(&self, id: &str) -> Option<&Controller> {
        self.controllers.iter().find(|c| c.id == id)
    }

    pub fn authority(&self, country: &str) -> Option<&Authority> {
        self.authorities.iter().find(|a| a.country == country)
    }

    pub fn citation(&self, id: &str) -> Option<&CitationSource> {
        self.citations.iter().find(|c| c.id == id)
    }

    /// The text with this id in this language; the id itself if it is missing
    /// (the lint makes sure it never is).
    pub fn text<'a>(&'a self, lang: Lang, id: &'a str) -> &'a str {
        self.locales
            .get(lang.code())
            .and_then(|m| m.get(id))
            .map(String::as_str)
            .unwrap_or(id)
    }

    /// The text with this id, if it exists (for optional texts such as choice hints).
    pub fn text_opt(&self, lang: Lang, id: &str) -> Option<&str> {
        self.locales.get(lang.code()).and_then(|m| m.get(id)).map(String::as_str)
    }
}
