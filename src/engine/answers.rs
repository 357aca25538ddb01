//! The versioned document a person's answers are saved in
//! (browser storage, export/import, the `assess` command): see
//! docs/answers-format.md. Two readers: [`AnswersDocument::parse`] refuses any
//! fault with a clear message (for the command and imports), and
//! [`AnswersDocument::parse_lenient`] keeps every answer it can and reports the
//! rest (for storage and links, so the app always starts).
use std::fmt;

use super::json::{Json, Object};
use super::record::{self, Record, Unread};

pub use super::answer::{AnswerValue, Answers};
use super::content::{Content, Kind, Lang, Question};
use super::text::{fill, render, Vars};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// Longest answers document accepted (a full, maximal document with a few
/// dozen kept objections is smaller).
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024;

/// The texts this module tells a person with ([`AnswersError::message`],
/// [`Salvage::notice`]): every language must have them.
pub const TEXTS: &[&str] = &[
    "import.too_large",
    "import.version",
    "import.lang",
    "import.not_a_check",
    "import.answer",
    "import.record",
    "stored.version",
    "stored.lang",
    "stored.none_kept",
    "stored.kept",
    "stored.not_kept",
    "stored.lost.answer",
    "stored.lost.too_long",
    "stored.lost.question",
    "stored.lost.field",
    "stored.lost.version",
    "stored.lost.record",
    "stored.lost.record_part",
    "stored.original",
];

/// What is wrong with an answers document, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswersError {
    TooLarge {
        bytes: usize,
    },
    NotJson(String),
    NotAnObject,
    MissingVersion,
    UnsupportedVersion(String),
    BadLang(String),
    AnswersNotAnObject,
    UnknownQuestion(String),
    WrongType {
        question: String,
        expected: &'static str,
    },
    UnknownValue {
        question: String,
        value: String,
    },
    DuplicateValue {
        question: String,
        value: String,
    },
    Exclusive {
        question: String,
        value: String,
    },
    TooLong {
        question: String,
        max: usize,
    },
    Empty {
        question: String,
    },
    UnknownField(String),
    /// "records" is not a list of records.
    RecordsNotAList,
    /// A kept objection (1 for the first) that cannot be read at all: the field.
    BadRecord {
        place: usize,
        field: &'static str,
    },
    /// Part of a kept objection (an event, some of its answers) left out.
    RecordPart {
        place: usize,
        what: String,
    },
}

impl fmt::Display for AnswersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use AnswersError::*;
        match self {
            TooLarge { bytes } => write!(f, "the document is {bytes} bytes; at most {MAX_DOCUMENT_BYTES} are accepted"),
            NotJson(e) => write!(f, "not valid JSON: {e}"),
            NotAnObject => write!(f, "expected a JSON object with \"version\", \"lang\" and \"answers\""),
            MissingVersion => write!(f, "\"version\" is missing (this app reads version {FORMAT_VERSION})"),
            UnsupportedVersion(v) => write!(f, "version {v} is not supported (this app reads version {FORMAT_VERSION})"),
            BadLang(v) => write!(f, "\"lang\" must be one of {}, not {v}", Lang::ALL.map(|l| format!("\"{}\"", l.code())).join(", ")),
            AnswersNotAnObject => write!(f, "\"answers\" must be an object of question id to answer"),
            UnknownQuestion(q) => write!(f, "unknown question id \"{q}\""),
            WrongType { question, expected } => write!(f, "answer to \"{question}\" must be {expected}"),
            UnknownValue { question, value } => write!(f, "\"{value}\" is not a choice of \"{question}\""),
            DuplicateValue { question, value } => write!(f, "\"{value}\" appears twice in \"{question}\""),
            Exclusive { question, value } => write!(f, "\"{value}\" cannot be combined with other choices in \"{question}\""),
            TooLong { question, max } => write!(f, "answer to \"{question}\" is longer than {max} characters"),
            Empty { question } => write!(f, "answer to \"{question}\" is empty"),
            UnknownField(k) => write!(f, "unknown field \"{k}\" (expected \"version\", \"lang\", \"answers\", \"records\")"),
            RecordsNotAList => write!(f, "\"records\" must be a list of kept objections"),
            BadRecord { place, field } => write!(f, "kept objection {place}: \"{field}\" is missing or cannot be read"),
            RecordPart { place, what } => write!(f, "kept objection {place}: {what} could not be read and was left out"),
        }
    }
}

impl std::error::Error for AnswersError {}

impl AnswersError {
    /// What a person is told when a file they load cannot be read, in their
    /// language and words: no parser message, no raw byte count. (`Display`
    /// is the precise message for the `assess` command and for editors.)
    pub fn message(&self, content: &Content, lang: Lang) -> String {
        use AnswersError::*;
        let question = |id: &str| content.question(id).map_or_else(|| id.to_string(), |q| content.text(lang, &format!("q.{}.title", q.id)).to_string());
        let (id, vars) = match self {
            TooLarge { bytes } => ("import.too_large", Vars::new().with("size", file_size(*bytes))),
            UnsupportedVersion(v) => ("import.version", Vars::new().with("version", v.trim_matches('"').to_string())),
            BadLang(_) => ("import.lang", Vars::new()),
            NotJson(_) | NotAnObject | MissingVersion | AnswersNotAnObject | UnknownField(_) => ("import.not_a_check", Vars::new()),
            UnknownQuestion(q) => ("import.answer", Vars::new().with("question", q.clone())),
            RecordsNotAList => ("import.record", Vars::new().with("count", "1")),
            BadRecord { place, .. } | RecordPart { place, .. } => ("import.record", Vars::new().with("count", place.to_string())),
            WrongType { question: q, .. }
            | UnknownValue { question: q, .. }
            | DuplicateValue { question: q, .. }
            | Exclusive { question: q, .. }
            | TooLong { question: q, .. }
            | Empty { question: q } => ("import.answer", Vars::new().with("question", question(q))),
        };
        render(content, lang, id, &vars)
    }
}

/// "120 KB", "30 MB": a file's size as a person reads it.
fn file_size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", (bytes + 512 * 1024) / (1024 * 1024))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The versioned answers document: `{"version": 1, "lang": "nl", "answers": {...}}`,
/// and, once the person has sent an objection, `"records": [...]` (the
/// optional field version 1 gained for "My objections"; a file without it
/// reads as before).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswersDocument {
    pub version: u64,
    pub lang: Lang,
    pub answers: Answers,
    /// The objections sent, oldest first.
    pub records: Vec<Record>,
}

impl AnswersDocument {
    pub fn new(lang: Lang, answers: Answers) -> AnswersDocument {
        AnswersDocument { version: FORMAT_VERSION, lang, answers, records: Vec::new() }
    }

    pub fn with_records(mut self, records: Vec<Record>) -> AnswersDocument {
        self.records = records;
        self
    }

    /// Pretty JSON, as exported and stored.
    pub fn to_json(&self) -> String {
        let mut answers = Object::new();
        for (id, value) in self.answers.iter() {
            let value = match value {
                AnswerValue::One(v) => Json::String(v.clone()),
                AnswerValue::Many(vs) => Json::Array(vs.iter().cloned().map(Json::String).collect()),
            };
            answers.insert(id.clone(), value);
        }
        let mut doc = Object::new();
        doc.insert("version", Json::Number(self.version.to_string()));
        doc.insert("lang", Json::String(self.lang.code().into()));
        doc.insert("answers", Json::Object(answers));
        if !self.records.is_empty() {
            doc.insert("records", Json::Array(self.records.iter().map(Record::to_json).collect()));
        }
        Json::Object(doc).to_pretty()
    }

    /// Strict reading: the first fault is an error.
    pub fn parse(content: &Content, json: &str) -> Result<AnswersDocument, AnswersError> {
        let (doc, problems) = Self::read(content, json)?;
        match problems.into_iter().next() {
            Some(p) => Err(p),
            None => Ok(doc),
        }
    }

    /// Lenient reading: a document that cannot be read at all is an error; an
    /// answer that does not fit is dropped and reported, and the rest is kept.
    pub fn parse_lenient(content: &Content, json: &str) -> Result<(AnswersDocument, Vec<AnswersError>), AnswersError> {
        Self::read(content, json)
    }

    fn read(content: &Content, json: &str) -> Result<(AnswersDocument, Vec<AnswersError>), AnswersError> {
        if json.len() > MAX_DOCUMENT_BYTES {
            return Err(AnswersError::TooLarge { bytes: json.len() });
        }
        let value = Json::parse(json).map_err(|e| AnswersError::NotJson(e.to_string()))?;
        let obj = value.as_object().ok_or(AnswersError::NotAnObject)?;
        let mut problems = unknown_fields(obj);
        version(obj)?;
        let lang = lang(obj)?;
        let raw = match obj.get("answers") {
            Some(Json::Object(m)) => m,
            _ => return Err(AnswersError::AnswersNotAnObject),
        };
        let answers = read_answers(content, raw, &mut problems);
        let records = read_records(content, obj, &mut problems);
        Ok((AnswersDocument { version: FORMAT_VERSION, lang, answers, records }, problems))
    }

    /// Reads what can be read of answers kept on this device, whatever is
    /// wrong with the rest: never an error, so nothing a person saved is
    /// lost for one fault. Each fault is kept in `problems`, for the person
    /// to be told what was kept and what was not.
    pub fn salvage(content: &Content, json: &str) -> Salvage {
        let mut problems = Vec::new();
        let value = match Json::parse(json) {
            Ok(v) => v,
            Err(e) => return Salvage { lang: None, answers: Answers::new(), records: Vec::new(), problems: vec![AnswersError::NotJson(e.to_string())] },
        };
        let Some(obj) = value.as_object() else {
            return Salvage { lang: None, answers: Answers::new(), records: Vec::new(), problems: vec![AnswersError::NotAnObject] };
        };
        // A document larger than a saved check can be (one answer far too
        // long) is still read: its answers that fit are kept.
        if json.len() > MAX_DOCUMENT_BYTES {
            problems.push(AnswersError::TooLarge { bytes: json.len() });
        }
        problems.extend(unknown_fields(obj));
        // Another version: its answers are read as this version asks them;
        // the ones that do not fit are named.
        if let Err(e) = version(obj) {
            problems.push(e);
        }
        let lang = lang(obj).map_err(|e| problems.push(e)).ok();
        let answers = match obj.get("answers") {
            Some(Json::Object(raw)) => read_answers(content, raw, &mut problems),
            _ => {
                problems.push(AnswersError::AnswersNotAnObject);
                Answers::new()
            }
        };
        let records = read_records(content, obj, &mut problems);
        Salvage { lang, answers, records, problems }
    }
}

/// What could be read of a stored document (see [`AnswersDocument::salvage`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Salvage {
    /// The document's language, where it is one the check has.
    pub lang: Option<Lang>,
    /// Every answer that fits this questionnaire.
    pub answers: Answers,
    /// Every kept objection that could be read.
    pub records: Vec<Record>,
    /// What was not read, in the order found.
    pub problems: Vec<AnswersError>,
}

impl Salvage {
    /// Whether everything was read: nothing to tell the person.
    pub fn whole(&self) -> bool {
        self.problems.is_empty()
    }

    /// What the person is told when not everything was read, in their
    /// language: why (another version, a language the check does not have),
    /// how many answers were kept, what exactly was not, and that the saved
    /// original stays on this device until they discard it.
    pub fn notice(&self, content: &Content, lang: Lang) -> String {
        use AnswersError::*;
        // A title may name the law or the organisation, from the answers kept.
        let vars = super::text::question_vars(content, lang, &self.answers);
        let title = |id: &str| content.question(id).map_or_else(|| id.to_string(), |q| fill(content.text(lang, &format!("q.{}.title", q.id)), &vars));
        let mut why = Vec::new();
        let mut lost = Vec::new();
        let mut unreadable = false;
        for p in &self.problems {
            match p {
                UnsupportedVersion(v) => why.push(render(content, lang, "stored.version", &Vars::new().with("version", v.trim_matches('"').to_string()))),
                BadLang(_) => why.push(render(content, lang, "stored.lang", &Vars::new())),
                NotJson(_) | NotAnObject | AnswersNotAnObject => unreadable = true,
                MissingVersion => lost.push(render(content, lang, "stored.lost.version", &Vars::new())),
                UnknownField(f) => lost.push(render(content, lang, "stored.lost.field", &Vars::new().with("field", f.clone()))),
                UnknownQuestion(q) => lost.push(render(content, lang, "stored.lost.question", &Vars::new().with("question", q.clone()))),
                WrongType { question: q, .. }
                | UnknownValue { question: q, .. }
                | DuplicateValue { question: q, .. }
                | Exclusive { question: q, .. }
                | Empty { question: q } => lost.push(render(content, lang, "stored.lost.answer", &Vars::new().with("question", title(q)))),
                TooLong { question: q, max } => {
                    lost.push(render(content, lang, "stored.lost.too_long", &Vars::new().with("question", title(q)).with("max", max.to_string())))
                }
                // The answer that made it too large is named on its own.
                TooLarge { .. } => {}
                RecordsNotAList => lost.push(render(content, lang, "stored.lost.record", &Vars::new().with("count", "1"))),
                BadRecord { place, .. } => lost.push(render(content, lang, "stored.lost.record", &Vars::new().with("count", place.to_string()))),
                RecordPart { place, .. } => lost.push(render(content, lang, "stored.lost.record_part", &Vars::new().with("count", place.to_string()))),
            }
        }
        // One line for a record however many of its parts were left out.
        lost.dedup();
        let mut out = why;
        if unreadable || (self.answers.is_empty() && self.records.is_empty()) {
            out.push(render(content, lang, "stored.none_kept", &Vars::new()));
        } else {
            out.push(render(content, lang, "stored.kept", &Vars::new().with("count", self.answers.len().to_string())));
        }
        if !lost.is_empty() {
            out.push(render(content, lang, "stored.not_kept", &Vars::new().with("list", lost.join("; "))));
        }
        out.push(render(content, lang, "stored.original", &Vars::new()));
        out.join(" ")
    }
}

fn unknown_fields(obj: &Object) -> Vec<AnswersError> {
    obj.keys().filter(|key| !matches!(key.as_str(), "version" | "lang" | "answers" | "records")).map(|key| AnswersError::UnknownField(short(key))).collect()
}

fn version(obj: &Object) -> Result<(), AnswersError> {
    match obj.get("version") {
        None => Err(AnswersError::MissingVersion),
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => Ok(()),
        // A version written as text ("1"), as a hand-edited file may have it.
        Some(Json::String(v)) if v.trim() == FORMAT_VERSION.to_string() => Ok(()),
        Some(v) => Err(AnswersError::UnsupportedVersion(short(&v.to_string()))),
    }
}

fn lang(obj: &Object) -> Result<Lang, AnswersError> {
    match obj.get("lang") {
        Some(Json::String(s)) if Lang::from_code(s).is_some() => Ok(Lang::from_code(s).expect("just checked")),
        Some(v) => Err(AnswersError::BadLang(short(&v.to_string()))),
        None => Err(AnswersError::BadLang("nothing".into())),
    }
}

/// The kept objections of the document (none if it has no "records"): each
/// that cannot be read at all, and each part of one left out, is added to
/// `problems`; the rest is kept.
fn read_records(content: &Content, obj: &Object, problems: &mut Vec<AnswersError>) -> Vec<Record> {
    let list = match obj.get("records") {
        None => return Vec::new(),
        Some(Json::Array(list)) => list,
        Some(_) => {
            problems.push(AnswersError::RecordsNotAList);
            return Vec::new();
        }
    };
    let answers = |raw: &Object| {
        let mut lost = Vec::new();
        let a = read_answers(content, raw, &mut lost);
        (a, lost.is_empty())
    };
    let mut out = Vec::new();
    for (i, json) in list.iter().enumerate() {
        let place = i + 1;
        match record::read(json, &answers) {
            Err(Unread::Record { field }) => problems.push(AnswersError::BadRecord { place, field }),
            Err(_) => problems.push(AnswersError::BadRecord { place, field: "record" }),
            Ok((r, unread)) => {
                for u in unread {
                    let what = match u {
                        Unread::Event { place } => format!("event {place}"),
                        Unread::Answers => "some of its answers".to_string(),
                        Unread::Record { field } => format!("\"{field}\""),
                    };
                    problems.push(AnswersError::RecordPart { place, what });
                }
                out.push(r);
            }
        }
    }
    out
}

/// The answers of `raw` that fit this questionnaire; each that does not is
/// added to `problems`.
fn read_answers(content: &Content, raw: &Object, problems: &mut Vec<AnswersError>) -> Answers {
    let raw = from_earlier_questionnaire(content, raw);
    let mut answers = Answers::new();
    for (id, value) in raw.iter() {
        match content.question(id) {
            None => problems.push(AnswersError::UnknownQuestion(short(id))),
            // An answer that held only retired choices is no answer:
            // the question is asked again.
            Some(q) => match without_retired(q, value).map(|v| check_value(q, &v)) {
                None => {}
                Some(Ok(v)) => answers.set(id.clone(), v),
                Some(Err(e)) => problems.push(e),
            },
        }
    }
    answers
}

/// Questions an earlier questionnaire asked and this one does not: their
/// saved answers are read without complaint. Neither changed the letter; the
/// steps they led to now follow the `others_post` reason and the services.
const RETIRED_QUESTIONS: [&str; 2] = ["public_content", "others_post_about_me"];

/// The Art. 9 page, which took the place of one yes / no / not sure question
/// per category (`art9_<choice>`, for every category choice of the page).
const ART9_PAGE: &str = "art9";

/// Saved answers as this questionnaire asks them. Answers saved before the
/// Art. 9 page become its ticks: each "yes" its category, any "not sure"
/// (other than about one's face, which the letter never mentioned) the
/// choice "not sure", nine "no" the choice "none". The reason
/// `sensitive_content` is then carried by the page and left out of `reasons`.
/// Answers to retired questions are left out. Everything else is unchanged.
fn from_earlier_questionnaire(content: &Content, raw: &Object) -> Object {
    let categories: Vec<&str> =
        content.question(ART9_PAGE).map(|q| q.choices.iter().copied().filter(|c| !matches!(*c, "not_sure" | "none")).collect()).unwrap_or_default();
    let earlier = |choice: &str| raw.get(&format!("art9_{choice}")).and_then(Json::as_str);
    let is_earlier = |id: &str| id.strip_prefix("art9_").is_some_and(|c| categories.iter().any(|k| *k == c));
    let mut out = Object::new();
    for (id, value) in raw.iter() {
        if !RETIRED_QUESTIONS.contains(&id.as_str()) && !is_earlier(id) {
            out.insert(id.clone(), value.clone());
        }
    }
    if raw.get(ART9_PAGE).is_some() || !raw.keys().any(|id| is_earlier(id)) {
        return out;
    }
    let mut ticks: Vec<Json> = categories.iter().filter(|c| earlier(c) == Some("yes")).map(|c| Json::String(c.to_string())).collect();
    let revealed = categories.iter().any(|c| *c != "biometric" && earlier(c) == Some("yes"));
    if categories.iter().any(|c| *c != "biometric" && earlier(c) == Some("not_sure")) {
        ticks.push(Json::String("not_sure".into()));
    }
    if ticks.is_empty() && categories.iter().all(|c| earlier(c) == Some("no")) {
        ticks.push(Json::String("none".into()));
    }
    if !ticks.is_empty() {
        out.insert(ART9_PAGE, Json::Array(ticks));
    }
    if let (true, Some(Json::Array(reasons))) = (revealed, raw.get("reasons")) {
        let kept: Vec<Json> = reasons.iter().filter(|r| r.as_str() != Some("sensitive_content")).cloned().collect();
        let mut rest = Object::new();
        for (id, value) in out.iter() {
            if id != "reasons" {
                rest.insert(id.clone(), value.clone());
            }
        }
        if !kept.is_empty() {
            rest.insert("reasons", Json::Array(kept));
        }
        out = rest;
    }
    out
}

/// A stored answer without the question's retired choices (`retired` in
/// questionnaire.toml): an earlier answer now carries their meaning, so they
/// are left out without a complaint. `None` where nothing else is left.
fn without_retired(q: &Question, value: &Json) -> Option<Json> {
    let retired = |v: &Json| v.as_str().is_some_and(|s| q.retired.contains(&s));
    match value {
        Json::Array(items) if items.iter().any(retired) => {
            let kept: Vec<Json> = items.iter().filter(|v| !retired(v)).cloned().collect();
            (!kept.is_empty()).then_some(Json::Array(kept))
        }
        v if retired(v) => None,
        v => Some(v.clone()),
    }
}

/// Checks one stored answer against its question.
fn check_value(q: &Question, value: &Json) -> Result<AnswerValue, AnswersError> {
    let question = q.id.to_string();
    match q.kind {
        Kind::Single | Kind::Select => {
            let s = value.as_str().ok_or(AnswersError::WrongType { question: question.clone(), expected: "a string" })?;
            if !q.choices.contains(&s) {
                return Err(AnswersError::UnknownValue { question, value: short(s) });
            }
            Ok(AnswerValue::One(s.to_string()))
        }
        Kind::Multi => {
            let arr = value.as_array().ok_or(AnswersError::WrongType { question: question.clone(), expected: "a list of strings" })?;
            let mut out: Vec<String> = Vec::with_capacity(arr.len());
            for item in arr {
                let s = item.as_str().ok_or(AnswersError::WrongType { question: question.clone(), expected: "a list of strings" })?;
                if !q.choices.contains(&s) {
                    return Err(AnswersError::UnknownValue { question, value: short(s) });
                }
                if out.iter().any(|o| o == s) {
                    return Err(AnswersError::DuplicateValue { question, value: short(s) });
                }
                out.push(s.to_string());
            }
            if out.is_empty() {
                return Err(AnswersError::Empty { question });
            }
            if out.len() > 1 {
                if let Some(x) = out.iter().find(|v| q.exclusive.contains(&v.as_str())) {
                    return Err(AnswersError::Exclusive { question, value: x.clone() });
                }
            }
            Ok(AnswerValue::Many(out))
        }
        Kind::Text => {
            let s = value.as_str().ok_or(AnswersError::WrongType { question: question.clone(), expected: "a string" })?;
            let max = q.max_chars();
            if s.chars().count() > max {
                return Err(AnswersError::TooLong { question, max });
            }
            if s.trim().is_empty() {
                return Err(AnswersError::Empty { question });
            }
            Ok(AnswerValue::One(s.to_string()))
        }
    }
}

/// Error messages quote input; keep the quote short.
fn short(s: &str) -> String {
    if s.chars().count() <= 40 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(40).collect::<String>())
    }
}
