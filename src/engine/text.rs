//! Filling `{placeholders}` in content texts. One pass over the template only:
//! a value (which may be the person's own words) is never scanned again, so
//! text such as "{law}" or "{{" typed by a person stays exactly as typed.
use super::answer::Answers;
use super::content::{Content, Lang};
use super::date::Date;
use super::flow::{CONTROLLER, ESTABLISHMENT, ORGANISATION_NAME};

/// The placeholders a content text may use. The content lint rejects any other.
pub const PLACEHOLDERS: &[&str] = &[
    "law",
    "controller",
    "services",
    "date",
    "reminder_date",
    "name",
    "email",
    "art9_categories",
    "situation_text",
    "training_start",
    "authority",
    "authority_website",
    "country",
    "basis",
    "step",
    "total",
    "max",
    "choice",
    "service",
    "reason",
    "notice_date",
    "other_reason",
    "recipient",
    "recipient_address",
    "verified_date",
    "left",
    "size",
    "version",
    "question",
    "count",
    "field",
    "list",
    "language",
    "day",
    "month",
    "year",
    "sent_date",
    "deadline",
    "channel",
    "reminded_date",
    "reminded_line",
    "attachments",
    "days",
    "answer_date",
    "first_deadline",
    "identity",
    "grounds",
    "timeline",
    "link",
];

/// The placeholders a question's texts (title, hint, choices) may use: they
/// are filled from the answers given before it ([`question_vars`]).
pub const QUESTION_PLACEHOLDERS: &[&str] = &["law", "controller", "notice_date"];

/// Values for placeholders.
#[derive(Clone, Debug, Default)]
pub struct Vars(Vec<(&'static str, String)>);

impl Vars {
    pub fn new() -> Vars {
        Vars::default()
    }
    pub fn set(&mut self, key: &'static str, value: impl Into<String>) -> &mut Vars {
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
        self
    }
    pub fn with(mut self, key: &'static str, value: impl Into<String>) -> Vars {
        self.set(key, value);
        self
    }
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str())
    }
    /// Every value in order: two sets of the same keys with the same
    /// signature fill every text alike.
    pub fn signature(&self) -> String {
        self.0.iter().map(|(_, v)| v.as_str()).collect::<Vec<_>>().join("\u{1f}")
    }
}

/// Replaces each `{name}` that has a value; leaves everything else as written.
pub fn fill(template: &str, vars: &Vars) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if vars.get(&after[..close]).is_some() => {
                out.push_str(vars.get(&after[..close]).unwrap_or_default());
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names a template uses.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                found.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    found
}

/// "a", "a and b", "a, b and c" in the given language.
pub fn join_list(content: &Content, lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {}", init.join(", "), and_before(content, lang, last), last),
    }
}

/// The word for "and" before `next`: Spanish writes "e" before a word that
/// starts with the sound i ("Facebook e Instagram"; not before "hie").
fn and_before<'c>(content: &'c Content, lang: Lang, next: &str) -> &'c str {
    // ASCII only: a lower-casing of all of Unicode would bring its case
    // tables into the wasm.
    let lower = next.trim_start().as_bytes().iter().take(3).map(u8::to_ascii_lowercase).collect::<Vec<u8>>();
    let i_sound = (lower.starts_with(b"i") || lower.starts_with(b"hi")) && !lower.starts_with(b"hie");
    if lang == Lang::Es && i_sound {
        "e"
    } else {
        content.text(lang, "list.and")
    }
}

/// A content text with its placeholders filled.
pub fn render(content: &Content, lang: Lang, id: &str, vars: &Vars) -> String {
    fill(content.text(lang, id), vars)
}

/// Which of a known organisation's regions applies: the UK's for people in
/// the UK, the EU/EEA's for people there and for those elsewhere who said the
/// company that runs their account is established there (Art. 3(1)); none
/// otherwise.
pub fn region(a: &Answers) -> &'static str {
    match a.one("residence") {
        Some("uk") => "uk",
        Some("eu_eea") => "eu_eea",
        _ if a.one(ESTABLISHMENT) == Some("yes") => "eu_eea",
        _ => "none",
    }
}

/// The values of the placeholders a question's texts may use
/// ([`QUESTION_PLACEHOLDERS`]), for the answers given so far.
pub fn question_vars(content: &Content, lang: Lang, a: &Answers) -> Vars {
    let mut v = Vars::new();
    let law = if a.one("residence") == Some("uk") { "law.uk_gdpr" } else { "law.gdpr" };
    v.set("law", content.text(lang, law));
    let controller = a.one(CONTROLLER).unwrap_or("other");
    // Another organisation by the name the person typed, where they did.
    let typed = a.one(ORGANISATION_NAME).map(str::trim).filter(|n| controller == "other" && !n.is_empty());
    let known = format!("controller.{controller}.name");
    v.set("controller", typed.unwrap_or_else(|| content.text(lang, &known)));
    let notice = content.region_facts(controller, region(a)).and_then(|t| t.notice.as_deref()).and_then(Date::parse_iso);
    v.set("notice_date", notice.map(|d| d.long(content, lang)).unwrap_or_default());
    v
}
