//! Which questions are asked, in what order, given the answers so far; moving
//! forward and back; checking one submitted answer. Answers to questions that
//! are no longer asked are kept in memory (so changing an answer back restores
//! them) but never reach the assessment: [`Flow::effective`] drops them.
#![warn(missing_docs)]
use super::answer::{AnswerValue, Answers};
use super::condition::{Condition, Facts};
use super::content::{Content, Kind, Question};

/// The questions whose answers a known organisation already gives (its own
/// legal basis, and what it uses the data for).
pub const LEGAL_BASIS: &str = "legal_basis";
/// The question what the organisation uses the data for (see [`LEGAL_BASIS`]).
pub const PURPOSE: &str = "purpose";
/// The question which organisation it is: a known one, or `other`.
pub const CONTROLLER: &str = "controller";

/// The name a person types for another organisation.
pub const ORGANISATION_NAME: &str = "organisation_name";

/// The question whether the organisation is established in the EU/EEA, asked
/// of people who live elsewhere (Art. 3(1)).
pub const ESTABLISHMENT: &str = "eu_establishment";

/// The questions to ask for these answers, and the answers that count.
#[derive(Debug)]
pub struct Flow<'c> {
    /// Asked questions, in order.
    pub questions: Vec<&'c Question>,
    /// Answers to asked questions only, plus the legal basis a known
    /// organisation relies on.
    pub effective: Answers,
    /// Asked questions whose saved answer holds a choice no longer offered:
    /// asked again even where an answer is optional, so no reason is lost
    /// without the person seeing it.
    pub stale: Vec<String>,
}

impl<'c> Flow<'c> {
    /// Walks the questionnaire in order. A condition sees only answers to
    /// earlier questions that are themselves asked.
    pub fn new(content: &'c Content, answers: &Answers) -> Flow<'c> {
        Flow::walk(content, answers, false)
    }

    /// The walk; with `assume_first`, each asked question without an answer
    /// that has choices is taken as answered with its first choice (not an
    /// exclusive one), for [`Flow::projected_total`].
    fn walk(content: &'c Content, answers: &Answers, assume_first: bool) -> Flow<'c> {
        let mut effective = Answers::new();
        let mut questions = Vec::new();
        let mut stale = Vec::new();
        for section in content.questionnaire.sections {
            let section_on = holds(&section.when, &effective);
            for q in section.questions {
                if section_on && holds(&q.when, &effective) {
                    questions.push(q);
                    // An answer counts only while every choice in it is
                    // offered (`choice_when`).
                    let saved = answers.get(&q.id);
                    match saved.and_then(|v| still_offered(q, v, &effective)) {
                        Some(v) => effective.set(q.id.to_string(), v),
                        None => {
                            if saved.is_some() {
                                stale.push(q.id.to_string());
                            }
                            if assume_first && !q.choices.is_empty() {
                                let offered = offered_choices(q, &effective);
                                let first = offered.iter().find(|c| !q.exclusive.contains(c)).or(offered.first()).map_or(q.choices[0], |c| *c).to_string();
                                let value = if q.kind == Kind::Multi { AnswerValue::Many(vec![first]) } else { AnswerValue::One(first) };
                                effective.set(q.id.to_string(), value);
                            }
                        }
                    }
                } else if q.id == LEGAL_BASIS || q.id == PURPOSE {
                    if let Some(c) = effective.one(CONTROLLER).and_then(|c| content.controller(c)) {
                        let preset = if q.id == LEGAL_BASIS { c.legal_basis } else { c.purpose };
                        effective.set(q.id.to_string(), AnswerValue::One(preset.to_string()));
                    }
                }
            }
        }
        Flow { questions, effective, stale }
    }

    /// Where `id` stands among the asked questions (from 0); `None` where it
    /// is not asked.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// The asked questions on the page of `id`, in order: the adjacent ones
    /// sharing its `page`, or `id` alone. Empty where `id` is not asked.
    pub fn page_of(&self, id: &str) -> &[&'c Question] {
        let Some(i) = self.position(id) else { return &[] };
        let same = |q: &&Question| q.page.is_some() && q.page == self.questions[i].page;
        let mut first = i;
        while first > 0 && same(&self.questions[first - 1]) {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < self.questions.len() && same(&self.questions[last + 1]) {
            last += 1;
        }
        &self.questions[first..=last]
    }

    /// The first question of the page of `id`: the one a screen is named by.
    pub fn page_start(&self, id: &str) -> Option<&'c Question> {
        self.page_of(id).first().copied()
    }

    /// The number of pages before the page of `id` plus one ("Question 3").
    pub fn page_number(&self, id: &str) -> Option<usize> {
        let first = self.position(self.page_start(id)?.id)?;
        Some(pages(&self.questions[..first]) + 1)
    }

    /// The first question of the page after the page of `id`, or `None` at the end.
    pub fn next_after(&self, id: &str) -> Option<&'c Question> {
        let last = self.page_of(id).last()?;
        let i = self.position(&last.id)?;
        self.questions.get(i + 1).copied()
    }

    /// The first question of the page before the page of `id`, or `None` at the start.
    pub fn previous_before(&self, id: &str) -> Option<&'c Question> {
        let first = self.page_start(id)?;
        let i = self.position(&first.id)?;
        let before = i.checked_sub(1).and_then(|j| self.questions.get(j))?;
        self.page_start(&before.id)
    }

    /// Whether `q` needs an answer here: it is required, and its
    /// `optional_when` does not hold for these answers.
    pub fn required(&self, q: &Question) -> bool {
        q.required && q.optional_when.as_ref().is_none_or(|c| !c.holds(&Facts::asking(&self.effective)))
    }

    fn unanswered(&self, q: &Question) -> bool {
        (self.required(q) || self.stale.iter().any(|s| s == q.id)) && self.effective.get(&q.id).is_none_or(|v| v.is_empty())
    }

    /// How many pages the asked questions take.
    pub fn page_count(&self) -> usize {
        pages(&self.questions)
    }

    /// The first asked question that still needs an answer (required and unanswered).
    pub fn first_unanswered(&self) -> Option<&'c Question> {
        self.questions.iter().copied().find(|q| self.unanswered(q))
    }

    /// After answering `id` from the check-answers page: the next question that
    /// still needs an answer, or `None` to return to the check page.
    pub fn next_unanswered_after(&self, id: &str) -> Option<&'c Question> {
        let start = self.page_of(id).last().and_then(|q| self.position(&q.id)).map_or(0, |i| i + 1);
        self.questions[start.min(self.questions.len())..].iter().copied().find(|q| self.unanswered(q))
    }

    /// Checks a submitted answer to `q` as asked here (see [`validate`]).
    pub fn validate(&self, q: &Question, submission: &Submission) -> Result<Option<AnswerValue>, FieldError> {
        validate_for(q, self.required(q), submission)
    }

    /// How many questions this check will probably have: the asked questions
    /// when every unanswered one gets its first choice. Used for "Question 3
    /// of 18", so the total does not jump at every answer.
    pub fn projected_total(content: &Content, answers: &Answers) -> usize {
        // One walk: a condition sees only earlier answers, so taking each
        // unanswered question's first choice as the walk reaches it asks the
        // same questions as filling them in one at a time and walking again
        // (tests/engine/flow.rs checks both agree).
        pages(&Flow::walk(content, answers, true).questions)
    }

    /// All required questions answered: the result can be shown.
    pub fn complete(&self) -> bool {
        self.first_unanswered().is_none()
    }
}

/// The choices of `q` offered to a person with these (earlier) answers, in
/// the content's order.
pub fn offered_choices(q: &Question, answers: &Answers) -> Vec<&'static str> {
    q.choices.iter().copied().filter(|c| q.choice_when.iter().find(|(v, _)| v == c).is_none_or(|(_, when)| when.holds(&Facts::asking(answers)))).collect()
}

/// The answer if every choice in it is still offered. One that holds a
/// choice no longer offered (an earlier answer changed, or a saved answer
/// from before a reason was narrowed) does not count: the question is asked
/// again, with the choices still offered already ticked.
fn still_offered(q: &Question, v: &AnswerValue, answers: &Answers) -> Option<AnswerValue> {
    if q.choice_when.is_empty() {
        return Some(v.clone());
    }
    let offered = offered_choices(q, answers);
    v.values().iter().all(|x| offered.contains(&x.as_str())).then(|| v.clone())
}

/// How many pages these questions (asked, in order) take.
fn pages(questions: &[&Question]) -> usize {
    questions.iter().enumerate().filter(|(i, q)| *i == 0 || q.page.is_none() || questions[i - 1].page != q.page).count()
}

fn holds(when: &Option<Condition>, answers: &Answers) -> bool {
    when.as_ref().is_none_or(|c| c.holds(&Facts::asking(answers)))
}

/// One `@` between a name and a domain with a dot inside it, no spaces: the
/// shape of an e-mail address (whether it exists only a mail can tell).
pub fn looks_like_email(s: &str) -> bool {
    let Some((name, domain)) = s.split_once('@') else { return false };
    !name.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

/// Why a submitted answer cannot be accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// No answer where one is needed; the question's kind says which message.
    Required(Kind),
    /// A text longer than the question allows.
    TooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// Not something an e-mail address can be (`format = "email"`).
    NotAnEmail,
    /// A choice that excludes the others, ticked together with them.
    Exclusive {
        /// The exclusive choice ticked.
        choice: String,
    },
    /// A choice the question does not have, more than one for a single-choice
    /// question, or choices for a text question (or the other way round).
    UnknownChoice,
}

/// What a page submits: the selected choice ids, or the typed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submission {
    /// The ids of the choices selected or ticked.
    Choices(Vec<String>),
    /// The text typed.
    Text(String),
}

/// Checks a submitted answer. `Ok(None)` means "no answer" for an optional question.
pub fn validate(q: &Question, submission: &Submission) -> Result<Option<AnswerValue>, FieldError> {
    validate_for(q, q.required, submission)
}

/// Checks a submitted answer to a question that is `required` or not.
fn validate_for(q: &Question, required: bool, submission: &Submission) -> Result<Option<AnswerValue>, FieldError> {
    match (q.kind, submission) {
        (Kind::Text, Submission::Text(text)) => {
            let max = q.max_chars();
            if text.chars().count() > max {
                return Err(FieldError::TooLong { max });
            }
            if text.trim().is_empty() {
                return if required { Err(FieldError::Required(q.kind)) } else { Ok(None) };
            }
            if q.asks_email() && !looks_like_email(text.trim()) {
                return Err(FieldError::NotAnEmail);
            }
            Ok(Some(AnswerValue::One(text.clone())))
        }
        (Kind::Text, Submission::Choices(_)) => Err(FieldError::UnknownChoice),
        (_, Submission::Text(_)) => Err(FieldError::UnknownChoice),
        (kind, Submission::Choices(chosen)) => {
            let mut chosen: Vec<String> = chosen.clone();
            chosen.dedup();
            if chosen.iter().any(|c| !q.choices.contains(&c.as_str())) {
                return Err(FieldError::UnknownChoice);
            }
            if chosen.is_empty() {
                return if required { Err(FieldError::Required(kind)) } else { Ok(None) };
            }
            match kind {
                Kind::Multi => {
                    if chosen.len() > 1 {
                        if let Some(x) = chosen.iter().find(|c| q.exclusive.contains(&c.as_str())) {
                            return Err(FieldError::Exclusive { choice: x.clone() });
                        }
                    }
                    // Keep the content's order, whatever order they were ticked in.
                    let ordered = q.choices.iter().filter(|c| chosen.iter().any(|x| x == *c)).map(|c| c.to_string()).collect();
                    Ok(Some(AnswerValue::Many(ordered)))
                }
                _ if chosen.len() == 1 => Ok(Some(AnswerValue::One(chosen.remove(0)))),
                _ => Err(FieldError::UnknownChoice),
            }
        }
    }
}
