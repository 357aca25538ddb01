//! One person's answers, by question id: the data every other part of the
//! engine reads (conditions, the flow, the assessment). Reading and writing
//! them as a document is [`super::answers`].
#![warn(missing_docs)]

/// One answer: a choice or a text, or for a multi question a list of choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerValue {
    /// The choice of a single-choice question, or the text of a text question.
    One(String),
    /// The choices ticked on a multi question.
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

    /// Whether it says nothing: a blank text or no choice ticked.
    pub fn is_empty(&self) -> bool {
        match self {
            AnswerValue::One(v) => v.trim().is_empty(),
            AnswerValue::Many(v) => v.is_empty(),
        }
    }

    /// The single choice or text; `None` for a list of choices.
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
    /// No answers yet.
    pub fn new() -> Answers {
        Answers::default()
    }
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }
    /// The answer to question `id`, if it has one.
    pub fn get(&self, id: &str) -> Option<&AnswerValue> {
        self.find(id).ok().map(|i| &self.0[i].1)
    }
    /// Gives question `id` this answer, replacing the one it had.
    pub fn set(&mut self, id: impl Into<String>, value: AnswerValue) {
        let id = id.into();
        match self.find(&id) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (id, value)),
        }
    }
    /// Takes away the answer to question `id` and returns it.
    pub fn remove(&mut self, id: &str) -> Option<AnswerValue> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }
    /// Every answer with its question id, in the order of the ids.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &AnswerValue)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    /// How many answers it holds (blank ones included).
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Whether it holds no answer at all.
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
    /// Builder like [`Answers::with`], for a multi question's choices.
    pub fn with_many(mut self, id: &str, values: &[&str]) -> Answers {
        self.set(id, AnswerValue::Many(values.iter().map(|s| s.to_string()).collect()));
        self
    }
}
