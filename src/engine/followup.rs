//! After sending: by when the organisation must answer an objection (one
//! month of receiving it, Art. 12(3)), where a sent objection stands on a
//! given day, and the next text when no answer came: the reminder (Art. 12(3)
//! and 12(4)) and the complaint to the person's supervisory authority
//! (Art. 77) with what happened so far. Pure: the caller says what today is.
use serde::Serialize;

use super::answer::Answers;
use super::assess::{citation, text_vars, Citation};
use super::content::{Content, Lang};
use super::date::Date;
use super::text::{render, Vars};

/// The texts this module writes with: every language must have them.
pub const TEXTS: &[&str] = &[
    "letter.followup.reminder.subject",
    "letter.followup.reminder",
    "letter.followup.complaint.subject",
    "letter.followup.complaint",
    "letter.followup.complaint.reminded",
    "letter.followup.complaint.attach",
    "letter.followup.complaint.attach_reminder",
    "followup.channel.form",
    "followup.channel.email",
    "followup.channel.post",
];

/// How the objection was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The organisation's own form.
    Form,
    Email,
    Post,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Form, Channel::Email, Channel::Post];

    pub fn id(self) -> &'static str {
        match self {
            Channel::Form => "form",
            Channel::Email => "email",
            Channel::Post => "post",
        }
    }
}

/// An objection the person sent: when and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sent {
    pub date: Date,
    pub channel: Channel,
}

/// Where a sent objection stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Within the month of Art. 12(3): `days_left` until the deadline (0 on it).
    Waiting { deadline: Date, days_left: i64 },
    /// The month has passed with no answer.
    Overdue { deadline: Date, days_over: i64 },
}

/// The last day the organisation has to answer an objection sent on `sent`:
/// one month of receiving it (Art. 12(3)). Counted from the day it was sent,
/// which for a form or an e-mail is the day it was received.
pub fn deadline(sent: Date) -> Date {
    sent.plus_months(1)
}

/// Where an objection sent as `sent` stands `today`.
pub fn standing(sent: &Sent, today: Date) -> Standing {
    let deadline = deadline(sent.date);
    let days = today.days_until(deadline);
    if days >= 0 {
        Standing::Waiting { deadline, days_left: days }
    } else {
        Standing::Overdue { deadline, days_over: -days }
    }
}

/// A text to send next, with its subject and sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    pub subject: String,
    pub text: String,
    pub citations: Vec<Citation>,
}

/// The values of a follow-up text's placeholders: those of the letter, and
/// the objection's dates.
fn vars(content: &Content, lang: Lang, answers: &Answers, sent: &Sent, today: Date) -> Vars {
    let mut v = text_vars(content, lang, answers, today);
    v.set("sent_date", sent.date.long(content, lang));
    v.set("deadline", deadline(sent.date).long(content, lang));
    v.set("channel", content.text(lang, &format!("followup.channel.{}", sent.channel.id())));
    v
}

fn cites(content: &Content, lang: Lang, answers: &Answers, ids: &[&str], vars: &Vars) -> Vec<Citation> {
    ids.iter().filter_map(|id| citation(content, lang, answers, id, vars)).collect()
}

/// The reminder after the month of Art. 12(3) passed with no answer: when
/// the objection was sent and by when the answer was due, that a refusal too
/// must be explained with the right to complain (Art. 12(4)), and that the
/// person will otherwise complain to their authority.
pub fn reminder(content: &Content, lang: Lang, answers: &Answers, sent: &Sent, today: Date) -> FollowUp {
    let v = vars(content, lang, answers, sent, today);
    FollowUp {
        subject: render(content, lang, "letter.followup.reminder.subject", &v),
        text: render(content, lang, "letter.followup.reminder", &v),
        citations: cites(content, lang, answers, &["art21_1", "art12_3", "art12_4", "art77"], &v),
    }
}

/// The complaint to the person's supervisory authority (Art. 77(1)) when the
/// organisation did not answer: what happened, with its dates (the objection,
/// the end of the month, a reminder if one was sent), what is asked, and
/// what is attached.
pub fn complaint(content: &Content, lang: Lang, answers: &Answers, sent: &Sent, reminded: Option<Date>, today: Date) -> FollowUp {
    let mut v = vars(content, lang, answers, sent, today);
    let reminded_line = match reminded {
        Some(d) => {
            v.set("reminded_date", d.long(content, lang));
            format!("\n{}", render(content, lang, "letter.followup.complaint.reminded", &v))
        }
        None => String::new(),
    };
    v.set("reminded_line", reminded_line);
    let attach = if reminded.is_some() { "letter.followup.complaint.attach_reminder" } else { "letter.followup.complaint.attach" };
    v.set("attachments", render(content, lang, attach, &v));
    FollowUp {
        subject: render(content, lang, "letter.followup.complaint.subject", &v),
        text: render(content, lang, "letter.followup.complaint", &v),
        citations: cites(content, lang, answers, &["art77", "art21_1", "art12_3"], &v),
    }
}
