//! The answers a person gives, and the versioned document they are saved in
//! (browser storage, export/import, the `assess` command): see
//! docs/answers-format.md. Two readers: [`AnswersDocument::parse`] refuses any
//! fault with a clear message (for the command and imports), and
//! [`AnswersDocument::parse_lenient`] keeps every answer it can and reports the
//! rest (for storage and links, so the app always starts).
use std::fmt;

use super::json::{Json, Object};

use super::content::{Content, Kind, Lang, Question};
use super::text::{render, Vars};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// Longest answers document accepted (a full, maximal document is far smaller).
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024;

/// One answer: a choice or a text, or for a multi question a list of choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerValue {
    One(String),
    Many(Vec<String>),
}

impl AnswerValue {
    /// The chosen values (one for a single answer).
    pub fn values(&self) -> &[String] {
        match self {
            AnswerValue::One(v) => std::slice::from_ref(v),
            AnswerValue::Many(v) => v,
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            AnswerValue::One(v) => v.trim().is_empty(),
            AnswerValue::Many(v) => v.is_empty(),
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            AnswerValue::One(v) => Some(v),
            AnswerValue::Many(_) => None,
        }
    }
}

/// Answers by question id, in the order of the ids. (A sorted list rather
/// than a `BTreeMap`: the few dozen answers need no tree, and each map type
/// added kilobytes to the app's download.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, AnswerValue)>);

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }
    pub fn get(&self, id: &str) -> Option<&AnswerValue> {
        self.find(id).ok().map(|i| &self.0[i].1)
    }
    pub fn set(&mut self, id: impl Into<String>, value: AnswerValue) {
        let id = id.into();
        match self.find(&id) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (id, value)),
        }
    }
    pub fn remove(&mut self, id: &str) -> Option<AnswerValue> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &AnswerValue)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The single choice or text given to `id`.
    pub fn one(&self, id: &str) -> Option<&str> {
        self.get(id).and_then(AnswerValue::as_text)
    }
    /// Builder for tests and presets: `Answers::new().with("residence", "eu_eea")`.
    pub fn with(mut self, id: &str, value: &str) -> Answers {
        self.set(id, AnswerValue::One(value.to_string()));
        self
    }
    pub fn with_many(mut self, id: &str, values: &[&str]) -> Answers {
        self.set(id, AnswerValue::Many(values.iter().map(|s| s.to_string()).collect()));
        self
    }
}

/// What is wrong with an answers document, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswersError {
    TooLarge { bytes: usize },
    NotJson(String),
    NotAnObject,
    MissingVersion,
    UnsupportedVersion(String),
    BadLang(String),
    AnswersNotAnObject,
    UnknownQuestion(String),
    WrongType { question: String, expected: &'static str },
    UnknownValue { question: String, value: String },
    DuplicateValue { question: String, value: String },
    Exclusive { question: String, value: String },
    TooLong { question: String, max: usize },
    Empty { question: String },
    UnknownField(String),
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
            BadLang(v) => write!(f, "\"lang\" must be \"nl\" or \"en\", not {v}"),
            AnswersNotAnObject => write!(f, "\"answers\" must be an object of question id to answer"),
            UnknownQuestion(q) => write!(f, "unknown question id \"{q}\""),
            WrongType { question, expected } => write!(f, "answer to \"{question}\" must be {expected}"),
            UnknownValue { question, value } => write!(f, "\"{value}\" is not a choice of \"{question}\""),
            DuplicateValue { question, value } => write!(f, "\"{value}\" appears twice in \"{question}\""),
            Exclusive { question, value } => write!(f, "\"{value}\" cannot be combined with other choices in \"{question}\""),
            TooLong { question, max } => write!(f, "answer to \"{question}\" is longer than {max} characters"),
            Empty { question } => write!(f, "answer to \"{question}\" is empty"),
            UnknownField(k) => write!(f, "unknown field \"{k}\" (expected \"version\", \"lang\", \"answers\")"),
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
        let question = |id: &str| {
            content.question(id).map_or_else(|| id.to_string(), |q| content.text(lang, &format!("q.{}.title", q.id)).to_string())
        };
        let (id, vars) = match self {
            TooLarge { bytes } => ("import.too_large", Vars::new().with("size", file_size(*bytes))),
            UnsupportedVersion(v) => ("import.version", Vars::new().with("version", v.trim_matches('"').to_string())),
            BadLang(_) => ("import.lang", Vars::new()),
            NotJson(_) | NotAnObject | MissingVersion | AnswersNotAnObject | UnknownField(_) => ("import.not_a_check", Vars::new()),
            UnknownQuestion(q) => ("import.answer", Vars::new().with("question", q.clone())),
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

/// The versioned answers document: `{"version": 1, "lang": "nl", "answers": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswersDocument {
    pub version: u64,
    pub lang: Lang,
    pub answers: Answers,
}

impl AnswersDocument {
    pub fn new(lang: Lang, answers: Answers) -> AnswersDocument {
        AnswersDocument { version: FORMAT_VERSION, lang, answers }
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
    pub fn parse_lenient(
        content: &Content,
        json: &str,
    ) -> Result<(AnswersDocument, Vec<AnswersError>), AnswersError> {
        Self::read(content, json)
    }

    fn read(content: &Content, json: &str) -> Result<(AnswersDocument, Vec<AnswersError>), AnswersError> {
        if json.len() > MAX_DOCUMENT_BYTES {
            return Err(AnswersError::TooLarge { bytes: json.len() });
        }
        let value = Json::parse(json).map_err(|e| AnswersError::NotJson(e.to_string()))?;
        let obj = value.as_object().ok_or(AnswersError::NotAnObject)?;
        let mut problems = Vec::new();
        for key in obj.keys() {
            if !matches!(key.as_str(), "version" | "lang" | "answers") {
                problems.push(AnswersError::UnknownField(short(key)));
            }
        }
        match obj.get("version") {
            None => return Err(AnswersError::MissingVersion),
            Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
            // A version written as text ("1"), as a hand-edited file may have it.
            Some(Json::String(v)) if v.trim() == FORMAT_VERSION.to_string() => {}
            Some(v) => return Err(AnswersError::UnsupportedVersion(short(&v.to_string()))),
        }
        let lang = match obj.get("lang") {
            Some(Json::String(s)) if s == "nl" => Lang::Nl,
            Some(Json::String(s)) if s == "en" => Lang::En,
            Some(v) => return Err(AnswersError::BadLang(short(&v.to_string()))),
            None => return Err(AnswersError::BadLang("nothing".into())),
        };
        let raw = match obj.get("answers") {
            Some(Json::Object(m)) => m,
            _ => return Err(AnswersError::AnswersNotAnObject),
        };
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
        Ok((AnswersDocument { version: FORMAT_VERSION, lang, answers }, problems))
    }
}

/// A stored answer without the question's retired choices (`retired` in
/// questionnaire.toml): an earlier answer now carries their meaning, so they
/// are left out without a complaint. `None` where nothing else is left.
fn without_retired(q: &Question, value: &Json) -> Option<Json> {
    let retired = |v: &Json| v.as_str().is_some_and(|s| q.retired.iter().any(|r| r == s));
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
    let question = q.id.clone();
    match q.kind {
        Kind::Single | Kind::Select => {
            let s = value.as_str().ok_or(AnswersError::WrongType { question: question.clone(), expected: "a string" })?;
            if !q.choices.iter().any(|c| c == s) {
                return Err(AnswersError::UnknownValue { question, value: short(s) });
            }
            Ok(AnswerValue::One(s.to_string()))
        }
        Kind::Multi => {
            let arr = value
                .as_array()
                .ok_or(AnswersError::WrongType { question: question.clone(), expected: "a list of strings" })?;
            let mut out: Vec<String> = Vec::with_capacity(arr.len());
            for item in arr {
                let s = item
                    .as_str()
                    .ok_or(AnswersError::WrongType { question: question.clone(), expected: "a list of strings" })?;
                if !q.choices.iter().any(|c| c == s) {
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
                if let Some(x) = out.iter().find(|v| q.exclusive.contains(v)) {
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
