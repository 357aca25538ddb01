//! The session: one state, one reducer, and the handle every screen gets to
//! it. Every change a person makes is an [`Action`]; what to ask next comes
//! from the engine's [`Flow`]. No browser calls here: the app component turns
//! state changes into storage, history, focus and title updates.
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::answers::Salvage;
use crate::engine::flow::{FieldError, Flow, Submission};
use crate::engine::followup::Channel;
use crate::engine::preset::Preset;
use crate::engine::record::{Event, Record};
use crate::engine::{Answers, AnswersDocument, Content, Date, Lang};

/// Which screen is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Question(String),
    Check,
    Result,
    /// "My objections": the objections sent, newest first.
    Objections,
}

impl Screen {
    /// A stable key for history entries: "start", "q:<id>", "check", "result".
    pub fn key(&self) -> String {
        match self {
            Screen::Start => "start".into(),
            Screen::Question(id) => format!("q:{id}"),
            Screen::Check => "check".into(),
            Screen::Result => "result".into(),
            Screen::Objections => "objections".into(),
        }
    }

    pub fn from_key(key: &str) -> Option<Screen> {
        match key {
            "start" => Some(Screen::Start),
            "check" => Some(Screen::Check),
            "result" => Some(Screen::Result),
            "objections" => Some(Screen::Objections),
            k => k.strip_prefix("q:").map(|id| Screen::Question(id.to_string())),
        }
    }
}

/// A one-sentence message at the top of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The answers were erased; "Undo" brings them back during this visit.
    Erased,
    Imported,
    ImportFailed(String),
    /// A language's texts are being fetched; the screen stays usable.
    LangLoading(Lang),
    /// A language could not be fetched (offline, never fetched before).
    LangFailed(Lang),
}

/// Answers kept on this device that could not all be read: the document as
/// it was, kept (on this device and here) until the person discards it, and
/// what could be read of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptOriginal {
    pub original: String,
    pub salvage: Salvage,
}

/// What "Erase my answers" or "Start again" took away, for "Undo" during
/// this visit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Erased {
    answers: Answers,
    records: Rc<Vec<Record>>,
    remember: bool,
    kept: Option<Rc<KeptOriginal>>,
    screen: Screen,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub lang: Lang,
    pub answers: Answers,
    /// The objections the person said they sent, oldest first.
    pub records: Rc<Vec<Record>>,
    pub screen: Screen,
    /// Editing from the check-answers page: return there after follow-ups.
    pub from_check: bool,
    /// The errors on the current question page, by question, in page order.
    pub errors: Vec<(String, FieldError)>,
    pub notice: Option<Notice>,
    /// Keep answers after the browser closes.
    pub remember: bool,
    pub today: Date,
    /// Bumped on every navigation so focus moves even to the same screen.
    pub nav: u32,
    /// Stored answers that could not all be read, until discarded.
    pub kept: Option<Rc<KeptOriginal>>,
    /// The answers just erased, until "Undo" or a new start.
    pub erased: Option<Rc<Erased>>,
}

#[derive(Clone, Debug)]
pub enum Action {
    SetLang(Lang),
    /// Tells the person something without changing the screen.
    Notify(Notice),
    Start,
    /// "Continue" on a question page: each of its questions with its answer.
    Submit(Vec<(String, Submission)>),
    Back,
    /// The browser moved to another history entry.
    Show(Screen),
    /// "Change" on the check-answers page.
    Change(String),
    ShowResult,
    /// "Erase my answers" or "Start again": everything kept goes, with undo.
    Erase,
    /// "Undo" after erasing: the answers, and the screen, come back.
    UndoErase,
    /// "Discard what was saved": the unreadable original goes.
    DiscardOriginal,
    Import(AnswersDocument),
    ImportFailed(String),
    SetRemember(bool),
    /// The embedding element's settings changed: what they preselect is
    /// taken where the person has not answered yet.
    Preset(Preset),
    /// "I have sent it" on the result screen: the objection becomes a record
    /// (the date already checked against today), and "My objections" shows.
    Sent {
        date: Date,
        channel: Channel,
    },
    /// What happened to the record at this place (the date already checked).
    AddEvent {
        record: usize,
        event: Event,
    },
    ShowObjections,
}

impl Session {
    pub fn new(lang: Lang, today: Date) -> Session {
        Session {
            lang,
            answers: Answers::new(),
            records: Rc::new(Vec::new()),
            screen: Screen::Start,
            from_check: false,
            errors: Vec::new(),
            notice: None,
            remember: false,
            today,
            nav: 0,
            kept: None,
            erased: None,
        }
    }

    fn content(&self) -> &'static Content {
        Content::embedded()
    }

    /// A screen that makes sense for the current answers; otherwise the first
    /// question still to answer (or the check page). A question on a page of
    /// several is shown as that page (named by its first question).
    pub fn valid_screen(&self, screen: Screen) -> Screen {
        let flow = Flow::new(self.content(), &self.answers);
        let page = |id: &str| flow.page_start(id).map(|q| Screen::Question(q.id.to_string()));
        match screen {
            Screen::Question(ref id) if flow.position(id).is_some() => page(id).unwrap_or(screen),
            Screen::Start => Screen::Start,
            Screen::Objections => Screen::Objections,
            Screen::Check | Screen::Result if flow.complete() => screen,
            _ => match flow.first_unanswered() {
                Some(q) => page(&q.id).unwrap_or(Screen::Check),
                None => Screen::Check,
            },
        }
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.errors.clear();
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
                let loading = matches!(s.notice, Some(Notice::LangLoading(_) | Notice::LangFailed(_)));
                if lang == s.lang && !loading {
                    return self;
                }
                if loading {
                    s.notice = None;
                }
                s.lang = lang;
            }
            Action::Notify(notice) => s.notice = Some(notice),
            Action::Start => {
                s.notice = None;
                s.erased = None;
                s.from_check = false;
                let next = s.valid_screen(Screen::Question(String::new()));
                s.go(next);
            }
            Action::Submit(fields) => {
                // Every answer on the page is checked as the flow asks it
                // (an optional question may be required by earlier answers).
                let flow = Flow::new(content, &s.answers);
                let mut errors = Vec::new();
                let mut values = Vec::new();
                for (id, submission) in &fields {
                    let Some(q) = content.question(id) else { return self };
                    match flow.validate(q, submission) {
                        Err(e) => errors.push((id.clone(), e)),
                        Ok(v) => values.push((id.clone(), v)),
                    }
                }
                let Some(last) = fields.last().map(|(id, _)| id.clone()) else { return self };
                if !errors.is_empty() {
                    s.errors = errors;
                    s.nav = s.nav.wrapping_add(1);
                    return Rc::new(s);
                }
                for (id, value) in values {
                    match value {
                        Some(v) => s.answers.set(id, v),
                        None => {
                            s.answers.remove(&id);
                        }
                    }
                }
                s.notice = None;
                let flow = Flow::new(content, &s.answers);
                let next = if s.from_check { flow.next_unanswered_after(&last) } else { flow.next_after(&last) };
                let next =
                    next.and_then(|q| flow.page_start(&q.id)).map(|q| Screen::Question(q.id.to_string())).unwrap_or_else(|| s.valid_screen(Screen::Check));
                if next == Screen::Check {
                    s.from_check = false;
                }
                s.go(next);
            }
            Action::Back => {
                let flow = Flow::new(content, &s.answers);
                let prev = match &s.screen {
                    Screen::Question(id) => match flow.previous_before(id) {
                        Some(q) => Screen::Question(q.id.to_string()),
                        None => Screen::Start,
                    },
                    Screen::Check => flow.questions.last().and_then(|q| flow.page_start(&q.id)).map_or(Screen::Start, |q| Screen::Question(q.id.to_string())),
                    Screen::Result => Screen::Check,
                    Screen::Objections => Screen::Start,
                    Screen::Start => return self,
                };
                s.go(prev);
            }
            Action::Show(screen) => {
                // Back or forward after erasing: the start screen, not an
                // empty question as if answers were there.
                if s.erased.is_some() && s.answers.is_empty() && s.records.is_empty() {
                    return self;
                }
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
                let erased =
                    Erased { answers: s.answers.clone(), records: s.records.clone(), remember: s.remember, kept: s.kept.clone(), screen: s.screen.clone() };
                let nothing = erased.answers.is_empty() && erased.records.is_empty() && erased.kept.is_none();
                s = Session { lang: s.lang, today: s.today, nav: s.nav, ..Session::new(s.lang, s.today) };
                s.erased = (!nothing).then(|| Rc::new(erased));
                s.notice = Some(Notice::Erased);
                s.go(Screen::Start);
            }
            Action::UndoErase => {
                let Some(erased) = s.erased.take() else { return self };
                s.answers = erased.answers.clone();
                s.records = erased.records.clone();
                s.remember = erased.remember;
                s.kept = erased.kept.clone();
                s.notice = None;
                let screen = s.valid_screen(erased.screen.clone());
                s.go(screen);
            }
            Action::DiscardOriginal => {
                if s.kept.is_none() {
                    return self;
                }
                s.kept = None;
            }
            Action::Import(doc) => {
                s.answers = doc.answers;
                // The file's kept objections, and any here it does not have.
                let mut records = doc.records;
                for r in s.records.iter() {
                    if !records.contains(r) {
                        records.push(r.clone());
                    }
                }
                records.sort_by_key(|r| r.sent);
                s.records = Rc::new(records);
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
            Action::Preset(preset) => preset.apply(&mut s.answers),
            Action::Sent { date, channel } => {
                let Ok(record) = Record::from_check(content, s.lang, &s.answers, date, channel, s.today) else { return self };
                let mut records = (*s.records).clone();
                records.push(record);
                records.sort_by_key(|r| r.sent);
                s.records = Rc::new(records);
                s.notice = None;
                s.go(Screen::Objections);
            }
            Action::AddEvent { record, event } => {
                let mut records = (*s.records).clone();
                let Some(r) = records.get_mut(record) else { return self };
                if r.add(event, s.today).is_err() {
                    return self;
                }
                s.records = Rc::new(records);
            }
            Action::ShowObjections => {
                s.notice = None;
                s.go(Screen::Objections);
            }
        }
        Rc::new(s)
    }
}

/// Shared with every screen: the session and a way to change it.
pub type SessionHandle = UseReducerHandle<Session>;

/// A callback that dispatches `action` (for a button or link's click).
pub fn dispatch(session: &SessionHandle, action: Action) -> Callback<MouseEvent> {
    let session = session.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        session.dispatch(action.clone());
    })
}

/// The widget's own root, for finding its elements (focus, print): handed
/// to the screens that need it as a property (a context provider would be
/// one more component, compared and reconciled on every step).
#[derive(Clone, PartialEq)]
pub struct WidgetRoot(pub Option<web_sys::Element>);

/// The properties of a screen that shows the session.
#[derive(Properties, PartialEq)]
pub struct SessionProps {
    pub session: SessionHandle,
    pub root: WidgetRoot,
}
