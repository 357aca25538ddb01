//! What a sent objection's answer means and what the person can do next:
//! per [`Status`], the meaning with its articles, the steps, and the next
//! texts (the reply to a refusal, Art. 21(1) and 18(1)(d); the reply to a
//! request for information, Art. 12(6); the access request after a
//! confirmation, Art. 15; the reminder, Art. 12(3) and 12(4); the complaint
//! to the person's own supervisory authority with the whole timeline,
//! Art. 77(1)), and that authority with the languages it works in. Pure:
//! the caller says what today is.
use serde::Serialize;

use super::assess::{citation, text_vars, Citation};
use super::content::{Content, Lang};
use super::date::Date;
use super::followup::{deadline, FollowUp};
use super::record::{extended_deadline, EventKind, Record, Status};
use super::text::{join_list, render, Vars};

/// The texts this module writes with: every language must have them.
pub const TEXTS: &[&str] = &[
    "record.meaning.waiting",
    "record.meaning.overdue",
    "record.meaning.confirmed",
    "record.meaning.extended",
    "record.meaning.extended_overdue",
    "record.meaning.extended_no_reasons",
    "record.meaning.extended_late",
    "record.meaning.info",
    "record.meaning.refused",
    "record.step.wait",
    "record.step.keep",
    "record.step.access",
    "record.step.calendar",
    "record.step.reply_info",
    "record.step.reply_refusal",
    "record.step.remind",
    "record.step.complain",
    "record.step.complain_breach",
    "record.letter.access",
    "record.letter.info",
    "record.letter.refusal",
    "record.letter.reminder",
    "record.letter.complaint",
    "record.authority.languages",
    "record.ics.summary",
    "record.ics.description",
    "ui.reminder.link",
    "letter.record.access.subject",
    "letter.record.access",
    "letter.record.info.subject",
    "letter.record.info",
    "letter.record.info.identity_email",
    "letter.record.info.identity",
    "letter.record.refusal.subject",
    "letter.record.refusal",
    "letter.record.reminder_extended",
    "letter.record.complaint.subject",
    "letter.record.complaint",
    "letter.record.complaint.grounds.no_answer",
    "letter.record.complaint.grounds.extended",
    "letter.record.complaint.grounds.extension_breach",
    "letter.record.complaint.grounds.info",
    "letter.record.complaint.grounds.refused",
    "letter.record.complaint.attach_all",
    "letter.record.timeline.sent",
    "letter.record.timeline.month_ended",
    "letter.record.timeline.extension_ended",
    "letter.record.timeline.confirmed",
    "letter.record.timeline.extended",
    "letter.record.timeline.extended_no_reasons",
    "letter.record.timeline.extended_late",
    "letter.record.timeline.extended_late_no_reasons",
    "letter.record.timeline.info",
    "letter.record.timeline.refused",
    "letter.record.timeline.reminded",
];

/// The sources this module cites (each must be in content/citations.toml).
pub const CITES: &[&str] = &["art12_3", "art12_4", "art12_5", "art12_6", "art15", "art18", "art18_1_d", "art21_1", "art77"];

/// A next text, with the heading it is shown under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NextText {
    /// "refusal", "info", "access", "reminder", "complaint".
    pub id: &'static str,
    pub heading: String,
    #[serde(flatten)]
    pub text: FollowUp,
}

/// The person's own supervisory authority (Art. 77(1)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuthorityNote {
    pub name: String,
    pub country_name: String,
    /// Its complaint page, or its website.
    pub url: String,
    /// The languages it works in, said only when the chosen language is not one of them.
    pub languages: Option<String>,
}

/// What an answer (or none) means, and what to do next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Guidance {
    /// "waiting", "overdue", "confirmed", "extended", "extended_overdue", "info", "refused".
    pub status: &'static str,
    pub label: String,
    /// Days left until the deadline (negative: overdue); none once answered.
    pub days_left: Option<i64>,
    pub meaning: Vec<String>,
    pub steps: Vec<String>,
    pub texts: Vec<NextText>,
    pub authority: Option<AuthorityNote>,
    /// A new deadline to add to the calendar (after an extension).
    pub new_deadline: Option<String>,
    pub citations: Vec<Citation>,
}

/// The placeholders of every text about `record`: those of its letter (from
/// the answers it was written from), and its own dates.
fn vars(content: &Content, lang: Lang, record: &Record, today: Date) -> Vars {
    let mut v = text_vars(content, lang, &record.answers, today);
    if v.get("controller").unwrap_or_default().is_empty() {
        v.set("controller", record.organisation.clone());
    }
    v.set("sent_date", record.sent.long(content, lang));
    v.set("channel", content.text(lang, &format!("followup.channel.{}", record.channel.id())));
    let status = record.status(today);
    let (deadline, on) = match status {
        Status::Waiting { deadline, .. } | Status::Overdue { deadline, .. } => (deadline, None),
        Status::Extended { deadline, on, .. } => (deadline, Some(on)),
        Status::Confirmed { on } | Status::InfoRequested { on } | Status::Refused { on } => (deadline_of(record), Some(on)),
    };
    v.set("deadline", deadline.long(content, lang));
    v.set("first_deadline", super::followup::deadline(record.sent).long(content, lang));
    v.set("answer_date", on.map(|d| d.long(content, lang)).unwrap_or_default());
    v
}

fn deadline_of(record: &Record) -> Date {
    deadline(record.sent)
}

fn cites(content: &Content, lang: Lang, record: &Record, ids: &[&str], vars: &Vars) -> Vec<Citation> {
    ids.iter().filter_map(|id| citation(content, lang, &record.answers, id, vars)).collect()
}

/// What `record`'s status means `today`, the steps and the next texts.
pub fn guidance(content: &Content, lang: Lang, record: &Record, today: Date) -> Guidance {
    let v = vars(content, lang, record, today);
    let r = |id: &str| render(content, lang, id, &v);
    let status = record.status(today);
    let mut meaning = Vec::new();
    let mut steps = Vec::new();
    let mut texts = Vec::new();
    let mut cite_ids: Vec<&str> = Vec::new();
    let mut new_deadline = None;
    let mut days_left = None;
    let complain = |steps: &mut Vec<String>, texts: &mut Vec<NextText>| {
        steps.push(r("record.step.complain"));
        texts.push(NextText { id: "complaint", heading: r("record.letter.complaint"), text: complaint(content, lang, record, today) });
    };
    match status {
        Status::Waiting { days_left: d, .. } => {
            days_left = Some(d);
            meaning.push(r("record.meaning.waiting"));
            steps.push(r("record.step.wait"));
            cite_ids.extend(["art12_3"]);
        }
        Status::Overdue { days_over, .. } => {
            days_left = Some(-days_over);
            meaning.push(r("record.meaning.overdue"));
            steps.push(r("record.step.remind"));
            texts.push(NextText { id: "reminder", heading: r("record.letter.reminder"), text: reminder(content, lang, record, today) });
            complain(&mut steps, &mut texts);
            cite_ids.extend(["art12_3", "art12_4", "art77"]);
        }
        Status::Confirmed { .. } => {
            meaning.push(r("record.meaning.confirmed"));
            steps.push(r("record.step.keep"));
            steps.push(r("record.step.access"));
            texts.push(NextText { id: "access", heading: r("record.letter.access"), text: access_request(content, lang, record, today) });
            cite_ids.extend(["art21_1", "art15", "art12_3"]);
        }
        Status::Extended { deadline, days_left: d, late, no_reasons, .. } => {
            days_left = Some(d);
            cite_ids.extend(["art12_3"]);
            if d < 0 {
                meaning.push(r("record.meaning.extended_overdue"));
                steps.push(r("record.step.remind"));
                texts.push(NextText { id: "reminder", heading: r("record.letter.reminder"), text: reminder(content, lang, record, today) });
                complain(&mut steps, &mut texts);
                cite_ids.extend(["art12_4", "art77"]);
            } else {
                meaning.push(r("record.meaning.extended"));
                steps.push(r("record.step.calendar"));
                new_deadline = Some(deadline.to_string());
            }
            if no_reasons {
                meaning.push(r("record.meaning.extended_no_reasons"));
            }
            if late {
                meaning.push(r("record.meaning.extended_late"));
            }
            if (no_reasons || late) && d >= 0 {
                steps.push(r("record.step.complain_breach"));
                texts.push(NextText { id: "complaint", heading: r("record.letter.complaint"), text: complaint(content, lang, record, today) });
                cite_ids.push("art77");
            }
        }
        Status::InfoRequested { .. } => {
            meaning.push(r("record.meaning.info"));
            steps.push(r("record.step.reply_info"));
            texts.push(NextText { id: "info", heading: r("record.letter.info"), text: info_reply(content, lang, record, today) });
            cite_ids.extend(["art12_6", "art12_5", "art21_1", "art12_3"]);
            // The month has passed and the objection is still not acted on.
            if today > deadline(record.sent) {
                complain(&mut steps, &mut texts);
                cite_ids.push("art77");
            }
        }
        Status::Refused { .. } => {
            meaning.push(r("record.meaning.refused"));
            steps.push(r("record.step.reply_refusal"));
            texts.push(NextText { id: "refusal", heading: r("record.letter.refusal"), text: refusal_reply(content, lang, record, today) });
            complain(&mut steps, &mut texts);
            cite_ids.extend(["art21_1", "art18_1_d", "art18", "art77"]);
        }
    }
    Guidance {
        status: status.id(),
        label: status.label(content, lang),
        days_left,
        meaning,
        steps,
        texts,
        authority: authority(content, lang, record, &v),
        new_deadline,
        citations: cites(content, lang, record, &cite_ids, &v),
    }
}

/// A calendar entry for `record`'s deadline now in force (after an
/// extension, the new one), linking to "My objections" (`link`, no answers):
/// its file name and text.
pub fn deadline_ics(content: &Content, lang: Lang, record: &Record, today: Date, link: &str) -> (String, String) {
    let mut v = vars(content, lang, record, today);
    let on = match record.status(today) {
        Status::Extended { deadline, .. } => deadline,
        _ => super::followup::deadline(record.sent),
    };
    v.set("link", link);
    let summary = render(content, lang, "record.ics.summary", &v);
    let description = format!("{}\n\n{}", render(content, lang, "record.ics.description", &v), render(content, lang, "ui.reminder.link", &v));
    let uid = format!("objection-check-{}-{}-{}@objection-check.invalid", record.sent.compact(), record.controller, on.compact());
    (format!("objection-deadline-{on}.ics"), super::ics::linked_event(&uid, today, on, &summary, &description, Some(link)))
}

/// The person's own authority, and the languages it works in when the
/// chosen language is not one of them.
fn authority(content: &Content, lang: Lang, record: &Record, v: &Vars) -> Option<AuthorityNote> {
    let auth = super::assess::authority_record(content, &record.answers)?;
    let languages = (!auth.languages.is_empty() && !auth.languages.iter().any(|l| *l == lang.code())).then(|| {
        let names: Vec<String> = auth.languages.iter().map(|l| content.text(lang, &format!("language.{l}")).to_string()).collect();
        let mut v = v.clone();
        v.set("list", join_list(content, lang, &names));
        render(content, lang, "record.authority.languages", &v)
    });
    Some(AuthorityNote {
        name: auth.name_in(lang).to_string(),
        country_name: v.get("country").unwrap_or_default().to_string(),
        url: auth.complaint_url.unwrap_or(auth.website).to_string(),
        languages,
    })
}

/// The reminder: the one of Art. 12(3) and 12(4) after the month, or after
/// an extension's end the same with the extended deadline.
pub fn reminder(content: &Content, lang: Lang, record: &Record, today: Date) -> FollowUp {
    let v = vars(content, lang, record, today);
    let body = match record.status(today) {
        Status::Extended { .. } => "letter.record.reminder_extended",
        _ => "letter.followup.reminder",
    };
    FollowUp {
        subject: render(content, lang, "letter.followup.reminder.subject", &v),
        text: render(content, lang, body, &v),
        citations: cites(content, lang, record, &["art21_1", "art12_3", "art12_4", "art77"], &v),
    }
}

/// The reply to a refusal: demonstrate the compelling legitimate grounds
/// (Art. 21(1)), and restrict the processing meanwhile (Art. 18(1)(d)).
pub fn refusal_reply(content: &Content, lang: Lang, record: &Record, today: Date) -> FollowUp {
    let v = vars(content, lang, record, today);
    FollowUp {
        subject: render(content, lang, "letter.record.refusal.subject", &v),
        text: render(content, lang, "letter.record.refusal", &v),
        citations: cites(content, lang, record, &["art21_1", "art18_1_d", "art18", "art77"], &v),
    }
}

/// The reply to a request for more information: only what confirms the
/// person's identity may be asked (Art. 12(6)).
pub fn info_reply(content: &Content, lang: Lang, record: &Record, today: Date) -> FollowUp {
    let mut v = vars(content, lang, record, today);
    let identity = if v.get("email").unwrap_or_default().is_empty() { "letter.record.info.identity" } else { "letter.record.info.identity_email" };
    let identity = render(content, lang, identity, &v);
    v.set("identity", identity);
    FollowUp {
        subject: render(content, lang, "letter.record.info.subject", &v),
        text: render(content, lang, "letter.record.info", &v),
        citations: cites(content, lang, record, &["art12_6", "art12_3", "art21_1"], &v),
    }
}

/// The access request after a confirmation (Art. 15).
pub fn access_request(content: &Content, lang: Lang, record: &Record, today: Date) -> FollowUp {
    let v = vars(content, lang, record, today);
    FollowUp {
        subject: render(content, lang, "letter.record.access.subject", &v),
        text: render(content, lang, "letter.record.access", &v),
        citations: cites(content, lang, record, &["art15", "art12_3"], &v),
    }
}

/// The complaint to the person's own authority (Art. 77(1)): why, the
/// timeline of everything that happened with its dates, what is asked, and
/// what is attached.
pub fn complaint(content: &Content, lang: Lang, record: &Record, today: Date) -> FollowUp {
    let mut v = vars(content, lang, record, today);
    let grounds = match record.status(today) {
        Status::Refused { .. } => "letter.record.complaint.grounds.refused",
        Status::InfoRequested { .. } => "letter.record.complaint.grounds.info",
        Status::Extended { days_left, .. } if days_left < 0 => "letter.record.complaint.grounds.extended",
        Status::Extended { .. } => "letter.record.complaint.grounds.extension_breach",
        _ => "letter.record.complaint.grounds.no_answer",
    };
    v.set("grounds", render(content, lang, grounds, &v));
    v.set("timeline", timeline(content, lang, record, today, &v).join("\n"));
    let attach = if record.events.is_empty() { "letter.followup.complaint.attach" } else { "letter.record.complaint.attach_all" };
    v.set("attachments", render(content, lang, attach, &v));
    // Signed with the name and e-mail address the check was given: an
    // authority does not deal with an anonymous complaint.
    let signature: Vec<&str> = [v.get("name"), v.get("email")].into_iter().flatten().filter(|s| !s.is_empty()).collect();
    let mut text = render(content, lang, "letter.record.complaint", &v);
    if !signature.is_empty() {
        text = format!("{}\n\n{}", text.trim_end(), signature.join("\n"));
    }
    FollowUp {
        subject: render(content, lang, "letter.record.complaint.subject", &v),
        text,
        citations: cites(content, lang, record, &["art77", "art21_1", "art12_3"], &v),
    }
}

/// One line per thing that happened, in date order: the objection, each
/// answer and reminder, and the end of the month (or of the extension)
/// when it passed with no answer.
fn timeline(content: &Content, lang: Lang, record: &Record, today: Date, v: &Vars) -> Vec<String> {
    let line = |id: &str, date: Date, extra: &[(&'static str, String)]| {
        let mut v = v.clone();
        v.set("date", date.long(content, lang));
        for (k, val) in extra {
            v.set(k, val.clone());
        }
        render(content, lang, &format!("letter.record.timeline.{id}"), &v)
    };
    // (date, order on that day, line): on a deadline's day an answer came in time.
    let mut lines: Vec<(Date, u8, String)> = vec![(record.sent, 0, line("sent", record.sent, &[]))];
    let first = deadline(record.sent);
    for e in &record.events {
        let text = match e.kind {
            EventKind::Confirmed => line("confirmed", e.date, &[]),
            EventKind::Extended { reasons } => {
                let id = match (e.date > first, reasons) {
                    (false, true) => "extended",
                    (false, false) => "extended_no_reasons",
                    (true, true) => "extended_late",
                    (true, false) => "extended_late_no_reasons",
                };
                line(id, e.date, &[("deadline", extended_deadline(record.sent).long(content, lang))])
            }
            EventKind::InfoRequested => line("info", e.date, &[]),
            EventKind::Refused => line("refused", e.date, &[]),
            EventKind::Reminded => line("reminded", e.date, &[]),
        };
        lines.push((e.date, 1, text));
    }
    let answered_by = |d: Date| record.events.iter().any(|e| e.kind.is_answer() && e.date <= d);
    if today > first && !answered_by(first) {
        lines.push((first, 2, line("month_ended", first, &[])));
    }
    if let Status::Extended { deadline, days_left, .. } = record.status(today) {
        if days_left < 0 {
            lines.push((deadline, 2, line("extension_ended", deadline, &[])));
        }
    }
    lines.sort_by_key(|(d, order, _)| (*d, *order));
    lines.into_iter().map(|(_, _, l)| l).collect()
}
