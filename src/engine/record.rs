//! A sent objection kept for follow-up ("My objections"): the organisation,
//! its services, the route, when and how it was sent, the text sent, the
//! check's answers it was written from, and what happened since (answers
//! received, reminders sent). Its [`Status`] on a given day, the checks of
//! its dates ([`RecordError`]), and its JSON form inside the answers
//! document (docs/answers-format.md). Pure: the caller says what today is.
use super::answer::{AnswerValue, Answers};
use super::assess::assess;
use super::content::{Content, Lang};
use super::date::Date;
use super::followup::{deadline, Channel};
use super::json::{Json, Object};
use super::text::{render, Vars};

/// The texts this module tells a person with ([`RecordError::message`],
/// [`Status::label`]): every language must have them.
pub const TEXTS: &[&str] = &[
    "record.error.sent_future",
    "record.error.before_sent",
    "record.error.event_future",
    "record.status.waiting",
    "record.status.overdue",
    "record.status.confirmed",
    "record.status.extended",
    "record.status.extended_overdue",
    "record.status.info",
    "record.status.refused",
];

/// Longest text sent that a record keeps (a letter is far shorter).
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Most events one record keeps.
pub const MAX_EVENTS: usize = 50;

/// What the organisation answered, or what the person did next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// It confirmed the objection.
    Confirmed,
    /// It extended the deadline by up to two months (Art. 12(3));
    /// `reasons`: whether it said why.
    Extended { reasons: bool },
    /// It asked for more information, or for proof of identity (Art. 12(6)).
    InfoRequested,
    /// It refused, or said the objection does not apply.
    Refused,
    /// The person sent a reminder.
    Reminded,
}

impl EventKind {
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Confirmed => "confirmed",
            EventKind::Extended { .. } => "extended",
            EventKind::InfoRequested => "info",
            EventKind::Refused => "refused",
            EventKind::Reminded => "reminded",
        }
    }

    /// Whether this is an answer from the organisation (not the person's own step).
    pub fn is_answer(self) -> bool {
        !matches!(self, EventKind::Reminded)
    }
}

/// One thing that happened, on its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    pub date: Date,
    pub kind: EventKind,
}

/// A sent objection and what happened since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The organisation's id in content/controllers.toml, or "other".
    pub controller: String,
    /// Its name as the letters write it (what the person typed for another one).
    pub organisation: String,
    /// The services the objection is about (content ids).
    pub services: Vec<String>,
    /// The route of the assessment the text came from.
    pub route: String,
    pub sent: Date,
    pub channel: Channel,
    /// The text as sent.
    pub text: String,
    /// The check's answers when it was sent: the follow-up letters name the
    /// person, the organisation and the authority from them.
    pub answers: Answers,
    /// In the order they happened.
    pub events: Vec<Event>,
}

/// A date that cannot be, in words a person can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Sent on a day after today.
    SentInFuture { sent: Date },
    /// An answer or reminder dated before the objection was sent.
    BeforeSent { date: Date, sent: Date },
    /// An answer or reminder dated after today.
    EventInFuture { date: Date },
}

impl RecordError {
    /// What the person is told, in their language.
    pub fn message(&self, content: &Content, lang: Lang) -> String {
        let long = |d: Date| d.long(content, lang);
        match *self {
            RecordError::SentInFuture { sent } => render(content, lang, "record.error.sent_future", &Vars::new().with("date", long(sent))),
            RecordError::BeforeSent { date, sent } => {
                render(content, lang, "record.error.before_sent", &Vars::new().with("date", long(date)).with("sent_date", long(sent)))
            }
            RecordError::EventInFuture { date } => render(content, lang, "record.error.event_future", &Vars::new().with("date", long(date))),
        }
    }
}

/// Whether an objection can have been sent on `sent`, seen `today`.
pub fn check_sent(sent: Date, today: Date) -> Result<(), RecordError> {
    if sent > today {
        Err(RecordError::SentInFuture { sent })
    } else {
        Ok(())
    }
}

/// Where a record stands on a given day: by its latest answer, or by the
/// deadline when none came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// No answer yet, within the month of Art. 12(3): days left (0 on the last day).
    Waiting {
        deadline: Date,
        days_left: i64,
    },
    /// No answer, and the month has passed.
    Overdue {
        deadline: Date,
        days_over: i64,
    },
    Confirmed {
        on: Date,
    },
    /// The deadline extended to three months after sending (Art. 12(3)).
    /// `days_left` is negative once that has passed too. `late`: told after
    /// the first month; `no_reasons`: no reasons given.
    Extended {
        on: Date,
        deadline: Date,
        days_left: i64,
        late: bool,
        no_reasons: bool,
    },
    InfoRequested {
        on: Date,
    },
    Refused {
        on: Date,
    },
}

impl Status {
    pub fn id(&self) -> &'static str {
        match self {
            Status::Waiting { .. } => "waiting",
            Status::Overdue { .. } => "overdue",
            Status::Confirmed { .. } => "confirmed",
            Status::Extended { days_left, .. } if *days_left < 0 => "extended_overdue",
            Status::Extended { .. } => "extended",
            Status::InfoRequested { .. } => "info",
            Status::Refused { .. } => "refused",
        }
    }

    /// "No answer: 7 days overdue (the deadline was 28 February 2026)".
    pub fn label(&self, content: &Content, lang: Lang) -> String {
        let long = |d: Date| d.long(content, lang);
        let vars = match *self {
            Status::Waiting { deadline, days_left } => Vars::new().with("deadline", long(deadline)).with("days", days_left.to_string()),
            Status::Overdue { deadline, days_over } => Vars::new().with("deadline", long(deadline)).with("days", days_over.to_string()),
            Status::Extended { deadline, days_left, .. } => Vars::new().with("deadline", long(deadline)).with("days", days_left.abs().to_string()),
            Status::Confirmed { on } | Status::InfoRequested { on } | Status::Refused { on } => Vars::new().with("answer_date", long(on)),
        };
        render(content, lang, &format!("record.status.{}", self.id()), &vars)
    }
}

/// The deadline after an extension: two further months (Art. 12(3)), so
/// three months from receipt.
pub fn extended_deadline(sent: Date) -> Date {
    sent.plus_months(3)
}

impl Record {
    /// The record of the objection the check wrote from `answers`, sent on
    /// `sent` by `channel`: the text for a form is the short one, for an
    /// e-mail or a letter the long one. An error if `sent` is after `today`.
    pub fn from_check(content: &Content, lang: Lang, answers: &Answers, sent: Date, channel: Channel, today: Date) -> Result<Record, RecordError> {
        check_sent(sent, today)?;
        let a = assess(content, lang, answers, sent);
        let text = a.letter.as_ref().map(|l| if channel == Channel::Form { l.short.clone() } else { l.long.clone() }).unwrap_or_default();
        let vars = super::assess::text_vars(content, lang, answers, sent);
        let controller = answers.one("controller").unwrap_or("other").to_string();
        let services = match answers.get("services") {
            Some(v) if controller == "meta" => v.values().to_vec(),
            _ => content.controller(&controller).map(|c| c.forms.iter().map(|f| f.service.to_string()).collect()).unwrap_or_default(),
        };
        Ok(Record {
            organisation: vars.get("controller").unwrap_or_default().to_string(),
            controller,
            services,
            route: a.route.id().to_string(),
            sent,
            channel,
            text,
            answers: answers.clone(),
            events: Vec::new(),
        })
    }

    /// Adds what happened on `date`, in date order, unless the date cannot
    /// be (before sending, after today).
    pub fn add(&mut self, event: Event, today: Date) -> Result<(), RecordError> {
        if event.date < self.sent {
            return Err(RecordError::BeforeSent { date: event.date, sent: self.sent });
        }
        if event.date > today {
            return Err(RecordError::EventInFuture { date: event.date });
        }
        let at = self.events.iter().position(|e| e.date > event.date).unwrap_or(self.events.len());
        self.events.insert(at, event);
        if self.events.len() > MAX_EVENTS {
            self.events.remove(0);
        }
        Ok(())
    }

    /// Every date of this record that cannot be, seen `today` (a record
    /// read from a file or edited by hand).
    pub fn problems(&self, today: Date) -> Vec<RecordError> {
        let mut out = Vec::new();
        if let Err(e) = check_sent(self.sent, today) {
            out.push(e);
        }
        for e in &self.events {
            if e.date < self.sent {
                out.push(RecordError::BeforeSent { date: e.date, sent: self.sent });
            } else if e.date > today {
                out.push(RecordError::EventInFuture { date: e.date });
            }
        }
        out
    }

    /// The last answer from the organisation, if any.
    pub fn last_answer(&self) -> Option<&Event> {
        self.events.iter().rev().find(|e| e.kind.is_answer())
    }

    /// The reminders sent, in date order.
    pub fn reminders(&self) -> impl Iterator<Item = Date> + '_ {
        self.events.iter().filter(|e| e.kind == EventKind::Reminded).map(|e| e.date)
    }

    /// Where this objection stands `today`.
    pub fn status(&self, today: Date) -> Status {
        let first = deadline(self.sent);
        match self.last_answer().map(|e| (e.date, e.kind)) {
            // A reminder is the person's own step: no answer yet.
            None | Some((_, EventKind::Reminded)) => {
                let days = today.days_until(first);
                if days >= 0 {
                    Status::Waiting { deadline: first, days_left: days }
                } else {
                    Status::Overdue { deadline: first, days_over: -days }
                }
            }
            Some((on, EventKind::Confirmed)) => Status::Confirmed { on },
            Some((on, EventKind::Extended { reasons })) => {
                let deadline = extended_deadline(self.sent);
                Status::Extended { on, deadline, days_left: today.days_until(deadline), late: on > first, no_reasons: !reasons }
            }
            Some((on, EventKind::InfoRequested)) => Status::InfoRequested { on },
            Some((on, EventKind::Refused)) => Status::Refused { on },
        }
    }

    /// The record's JSON form (docs/answers-format.md).
    pub fn to_json(&self) -> Json {
        let mut o = Object::new();
        o.insert("controller", Json::String(self.controller.clone()));
        o.insert("organisation", Json::String(self.organisation.clone()));
        o.insert("services", Json::Array(self.services.iter().cloned().map(Json::String).collect()));
        o.insert("route", Json::String(self.route.clone()));
        o.insert("sent", Json::String(self.sent.to_string()));
        o.insert("channel", Json::String(self.channel.id().into()));
        o.insert("text", Json::String(self.text.clone()));
        o.insert("answers", Json::Object(answers_json(&self.answers)));
        let events = self
            .events
            .iter()
            .map(|e| {
                let mut o = Object::new();
                o.insert("date", Json::String(e.date.to_string()));
                o.insert("kind", Json::String(e.kind.id().into()));
                if let EventKind::Extended { reasons } = e.kind {
                    o.insert("reasons", Json::Bool(reasons));
                }
                Json::Object(o)
            })
            .collect();
        o.insert("events", Json::Array(events));
        Json::Object(o)
    }
}

/// The answers as the document writes them.
pub fn answers_json(answers: &Answers) -> Object {
    let mut out = Object::new();
    for (id, value) in answers.iter() {
        let value = match value {
            AnswerValue::One(v) => Json::String(v.clone()),
            AnswerValue::Many(vs) => Json::Array(vs.iter().cloned().map(Json::String).collect()),
        };
        out.insert(id.clone(), value);
    }
    out
}

/// What of a stored record could not be read: the field, or the event by
/// its place (1 for the first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    /// The record as a whole: not an object, or a field it cannot do without.
    Record { field: &'static str },
    /// One event, left out; the rest of the record is kept.
    Event { place: usize },
    /// Some of its answers, left out.
    Answers,
}

/// Reads one record: the record, or why it cannot be read at all, and what
/// of it was left out. The answers inside are read as the questionnaire
/// asks them now (`read_answers`), so a record keeps working across
/// versions.
pub fn read(json: &Json, read_answers: &dyn Fn(&Object) -> (Answers, bool)) -> Result<(Record, Vec<Unread>), Unread> {
    let o = json.as_object().ok_or(Unread::Record { field: "record" })?;
    let text = |f: &'static str| o.get(f).and_then(Json::as_str).map(str::to_string).ok_or(Unread::Record { field: f });
    let date = |f: &'static str| o.get(f).and_then(Json::as_str).and_then(Date::parse_iso).ok_or(Unread::Record { field: f });
    let controller = text("controller")?;
    let sent = date("sent")?;
    let channel =
        o.get("channel").and_then(Json::as_str).and_then(|c| Channel::ALL.into_iter().find(|ch| ch.id() == c)).ok_or(Unread::Record { field: "channel" })?;
    let body = text("text")?;
    if body.chars().count() > MAX_TEXT_CHARS {
        return Err(Unread::Record { field: "text" });
    }
    let mut unread = Vec::new();
    let answers = match o.get("answers") {
        Some(Json::Object(raw)) => {
            let (answers, whole) = read_answers(raw);
            if !whole {
                unread.push(Unread::Answers);
            }
            answers
        }
        _ => {
            unread.push(Unread::Answers);
            Answers::new()
        }
    };
    let organisation = text("organisation").unwrap_or_else(|_| controller.clone());
    let services = o.get("services").and_then(Json::as_array).map(|a| a.iter().filter_map(Json::as_str).map(str::to_string).collect()).unwrap_or_default();
    let route = text("route").unwrap_or_default();
    let mut events = Vec::new();
    for (i, e) in o.get("events").and_then(Json::as_array).unwrap_or_default().iter().enumerate() {
        match read_event(e) {
            Some(ev) if events.len() < MAX_EVENTS => events.push(ev),
            _ => unread.push(Unread::Event { place: i + 1 }),
        }
    }
    events.sort_by_key(|e: &Event| e.date);
    Ok((Record { controller, organisation, services, route, sent, channel, text: body, answers, events }, unread))
}

fn read_event(json: &Json) -> Option<Event> {
    let o = json.as_object()?;
    let date = o.get("date").and_then(Json::as_str).and_then(Date::parse_iso)?;
    let kind = match o.get("kind").and_then(Json::as_str)? {
        "confirmed" => EventKind::Confirmed,
        "extended" => EventKind::Extended { reasons: o.get("reasons").and_then(Json::as_bool).unwrap_or(false) },
        "info" => EventKind::InfoRequested,
        "refused" => EventKind::Refused,
        "reminded" => EventKind::Reminded,
        _ => return None,
    };
    Some(Event { date, kind })
}
