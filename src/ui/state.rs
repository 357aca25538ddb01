//! The session: one state, one reducer. Every change a person makes is an
//! [`Action`]; what to ask next comes from the engine's [`Flow`]. No browser
//! calls here: the app component turns state changes into storage, history,
//! focus and title updates.
use std::rc::Rc;

use yew::Reducible;

use crate::engine::flow::{validate, FieldError, Flow, Submission};
use crate::engine::{Answers, AnswersDocument, Content, Date, Lang};

/// Which screen is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Question(String),
    Check,
    Result,
}

impl Screen {
    /// A stable key for history entries: "start", "q:<id>", "check", "result".
    pub fn key(&self) -> String {
        match self {
            Screen::Start => "start".into(),
            Screen::Question(id) => format!("q:{id}"),
            Screen::Check => "check".into(),
            Screen::Result => "result".into(),
        }
    }

    pub fn from_key(key: &str) -> Option<Screen> {
        match key {
            "start" => Some(Screen::Start),
            "check" => Some(Screen::Check),
            "result" => Some(Screen::Result),
            k => k.strip_prefix("q:").map(|id| Screen::Question(id.to_string())),
        }
    }
}

/// A one-sentence message at the top of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Erased,
    StorageUnreadable,
    /// Some saved answers no longer fit and were left out; the rest is kept.
    StoragePartial,
    Imported,
    ImportFailed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub lang: Lang,
    pub answers: Answers,
    pub screen: Screen,
    /// Editing from the check-answers page: return there after follow-ups.
    pub from_check: bool,
    /// The error on the current question page.
    pub error: Option<FieldError>,
    pub notice: Option<Notice>,
    /// Keep answers after the browser closes.
    pub remember: bool,
    pub today: Date,
    /// Bumped on every navigation so focus moves even to the same screen.
    pub nav: u32,
}

#[derive(Clone, Debug)]
pub enum Action {
    SetLang(Lang),
    Start,
    Submit { question: String, submission: Submission },
    Back,
    /// The browser moved to another history entry.
    Show(Screen),
    /// "Change" on the check-answers page.
    Change(String),
    ShowResult,
    Erase,
    Import(AnswersDocument),
    ImportFailed(String),
    SetRemember(bool),
}

impl Session {
    pub fn new(lang: Lang, today: Date) -> Session {
        Session {
            lang,
            answers: Answers::new(),
            screen: Screen::Start,
            from_check: false,
            error: None,
            notice: None,
            remember: false,
            today,
            nav: 0,
        }
    }

    fn content(&self) -> &'static Content {
        Content::embedded()
    }

    /// A screen that makes sense for the current answers; otherwise the first
    /// question still to answer (or the check page).
    pub fn valid_screen(&self, screen: Screen) -> Screen {
        let flow = Flow::new(self.content(), &self.answers);
        match screen {
            Screen::Question(ref id) if flow.position(id).is_some() => screen,
            Screen::Start => Screen::Start,
            Screen::Check | Screen::Result if flow.complete() => screen,
            _ => match flow.first_unanswered() {
                Some(q) => Screen::Question(q.id.clone()),
                None => Screen::Check,
            },
        }
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.error = None;
        self.nav = self.nav.wrapping_add(1);
    }
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let content = s.content();
        match action {
            Action::SetLang(lang) => {
                if lang == s.lang {
                    return self;
                }
                s.lang = lang;
            }
            Action::Start => {
                s.notice = None;
                s.from_check = false;
                let next = s.valid_screen(Screen::Question(String::new()));
                s.go(next);
            }
            Action::Submit { question, submission } => {
                let Some(q) = content.question(&question) else { return self };
                match validate(q, &submission) {
                    Err(e) => {
                        s.error = Some(e);
                        s.nav = s.nav.wrapping_add(1);
                    }
                    Ok(value) => {
                        match value {
                            Some(v) => s.answers.set(question.clone(), v),
                            None => {
                                s.answers.remove(&question);
                            }
                        }
                        s.notice = None;
                        let flow = Flow::new(content, &s.answers);
                        let next = if s.from_check {
                            flow.next_unanswered_after(&question).map(|q| Screen::Question(q.id.clone()))
                        } else {
                            flow.next_after(&question).map(|q| Screen::Question(q.id.clone()))
                        };
                        let next = next.unwrap_or_else(|| s.valid_screen(Screen::Check));
                        if next == Screen::Check {
                            s.from_check = false;
                        }
                        s.go(next);
                    }
                }
            }
            Action::Back => {
                let flow = Flow::new(content, &s.answers);
                let prev = match &s.screen {
                    Screen::Question(id) => match flow.previous_before(id) {
                        Some(q) => Screen::Question(q.id.clone()),
                        None => Screen::Start,
                    },
                    Screen::Check => flow.questions.last().map_or(Screen::Start, |q| Screen::Question(q.id.clone())),
                    Screen::Result => Screen::Check,
                    Screen::Start => return self,
                };
                s.go(prev);
            }
            Action::Show(screen) => {
                let screen = s.valid_screen(screen);
                if screen == s.screen {
                    return self;
                }
                s.go(screen);
            }
            Action::Change(id) => {
                s.from_check = true;
                let screen = s.valid_screen(Screen::Question(id));
                s.go(screen);
            }
            Action::ShowResult => {
                let screen = s.valid_screen(Screen::Result);
                s.go(screen);
            }
            Action::Erase => {
                s = Session { lang: s.lang, today: s.today, nav: s.nav, ..Session::new(s.lang, s.today) };
                s.notice = Some(Notice::Erased);
                s.go(Screen::Start);
            }
            Action::Import(doc) => {
                s.answers = doc.answers;
                s.lang = doc.lang;
                s.from_check = false;
                s.notice = Some(Notice::Imported);
                let screen = s.valid_screen(Screen::Result);
                s.go(screen);
            }
            Action::ImportFailed(reason) => {
                s.notice = Some(Notice::ImportFailed(reason));
            }
            Action::SetRemember(on) => s.remember = on,
        }
        Rc::new(s)
    }
}
