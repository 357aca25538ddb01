//! How the conditions written in the content files (`when = ...`,
//! [`Condition`], declared with the model) are evaluated, and the ids they name.
#![warn(missing_docs)]
use super::answer::Answers;
use super::vocab::{Art9Facts, Route};

pub use super::content::Condition;

/// What a condition can look at.
pub struct Facts<'a> {
    /// The person's answers, as `is` and `answered` conditions read them.
    pub answers: &'a Answers,
    /// Known once the questions are done; `None` while asking.
    pub route: Option<Route>,
    /// What the Art. 9 answers establish, for `art9` conditions; the default
    /// (nothing) while asking.
    pub art9: Art9Facts,
}

impl<'a> Facts<'a> {
    /// While the questions are asked: answers only.
    pub fn asking(answers: &'a Answers) -> Facts<'a> {
        Facts { answers, route: None, art9: Art9Facts::default() }
    }
}

impl Condition {
    /// Whether the condition is true of these facts. A route or `art9`
    /// condition is false while the questions are asked.
    pub fn holds(&self, facts: &Facts<'_>) -> bool {
        match self {
            Condition::Is { q, any } => facts.answers.get(q).is_some_and(|v| v.values().iter().any(|x| any.iter().any(|a| a == x))),
            Condition::Answered(q) => facts.answers.get(q).is_some_and(|v| !v.is_empty()),
            Condition::All(cs) => cs.iter().all(|c| c.holds(facts)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(facts)),
            Condition::Not(c) => !c.holds(facts),
            Condition::Route(ids) => facts.route.is_some_and(|r| ids.iter().any(|id| *id == r.id())),
            Condition::Art9(ids) => ids.iter().any(|id| facts.art9.has(id)),
        }
    }

    /// Calls `f` with every question id this condition names.
    pub fn visit_questions(&self, f: &mut dyn FnMut(&'static str, &'static [&'static str])) {
        match self {
            Condition::Is { q, any } => f(q, any),
            Condition::Answered(q) => f(q, &[]),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.visit_questions(f)),
            Condition::Not(c) => c.visit_questions(f),
            Condition::Route(_) | Condition::Art9(_) => {}
        }
    }

    /// Calls `f` with every route id and every Art. 9 strength id named here.
    pub fn visit_outcome_ids(&self, f: &mut dyn FnMut(OutcomeId<'static>)) {
        match self {
            Condition::Route(ids) => ids.iter().for_each(|i| f(OutcomeId::Route(i))),
            Condition::Art9(ids) => ids.iter().for_each(|i| f(OutcomeId::Art9(i))),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.visit_outcome_ids(f)),
            Condition::Not(c) => c.visit_outcome_ids(f),
            Condition::Is { .. } | Condition::Answered(_) => {}
        }
    }
}

/// An id a route or `art9` condition names, for the lint to check.
pub enum OutcomeId<'a> {
    /// A route's id (`route = [...]`).
    Route(&'a str),
    /// An Art. 9 tag (`art9 = [...]`): a strength or `revealed`, `unsure`, `face`.
    Art9(&'a str),
}
