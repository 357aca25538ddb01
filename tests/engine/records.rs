//! After sending, kept as a record: where it stands by its answers and the
//! deadlines (one month, Art. 12(3); three after an extension), the dates
//! that cannot be, and what each answer means with the next texts, in Dutch
//! and English (snapshots of every text), across month ends and leap years.
use objection_check::engine::followup::Channel;
use objection_check::engine::guidance::{complaint, guidance, Guidance};
use objection_check::engine::record::{extended_deadline, Event, EventKind, Record, RecordError, Status};
use objection_check::engine::{Answers, Date, Lang};

use crate::{content, meta_base};

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

fn person_nl() -> Answers {
    meta_base().with("full_name", "Sanne de Vries").with("account_email", "sanne@example.org")
}

fn person_ie() -> Answers {
    meta_base().with("country", "ie").with("full_name", "Aoife Murphy").with("account_email", "aoife@example.org")
}

/// An objection sent on `sent` by form, with these events.
fn record(answers: &Answers, sent: Date, events: &[(Date, EventKind)]) -> Record {
    let mut r = Record::from_check(content(), Lang::En, answers, sent, Channel::Form, d(2030, 1, 1)).expect("a past date");
    for (date, kind) in events {
        r.add(Event { date: *date, kind: *kind }, d(2030, 1, 1)).expect("dates in order");
    }
    r
}

/// Everything the person is shown for a record, as one text to snapshot.
fn shown(g: &Guidance) -> String {
    let mut out = format!("{}\n\n", g.label);
    for p in &g.meaning {
        out.push_str(p);
        out.push_str("\n\n");
    }
    for s in &g.steps {
        out.push_str(&format!("* {s}\n"));
    }
    if let Some(a) = &g.authority {
        out.push_str(&format!("\n{} ({}) {}\n", a.name, a.country_name, a.url));
        if let Some(l) = &a.languages {
            out.push_str(&format!("{l}\n"));
        }
    }
    for t in &g.texts {
        out.push_str(&format!("\n== {} ==\n{}\n\n{}\n", t.heading, t.text.subject, t.text.text));
    }
    out.push_str(&format!("\nsources: {}\n", g.citations.iter().map(|c| c.label.as_str()).collect::<Vec<_>>().join("; ")));
    out
}

#[track_caller]
fn clean(g: &Guidance) {
    let all = shown(g);
    assert!(!all.contains('{') && !all.contains("record.") && !all.contains("letter."), "{all}");
}

#[test]
fn a_record_keeps_what_was_sent_and_to_whom() {
    let r = record(&person_nl(), d(2026, 1, 31), &[]);
    assert_eq!(r.controller, "meta");
    assert_eq!(r.organisation, "Meta");
    assert_eq!(r.services, ["facebook", "instagram"]);
    assert_eq!(r.route, "object_art21");
    assert!(r.text.contains("Art. 21"), "the form's text: {}", r.text);
    let by_post = Record::from_check(content(), Lang::En, &person_nl(), d(2026, 1, 31), Channel::Post, d(2026, 2, 1)).unwrap();
    assert!(by_post.text.len() > r.text.len(), "by post: the long letter");
}

#[test]
fn the_deadline_runs_one_month_and_three_after_an_extension_across_month_ends_and_leap_years() {
    let r = record(&person_nl(), d(2026, 1, 31), &[]);
    assert_eq!(r.status(d(2026, 2, 28)), Status::Waiting { deadline: d(2026, 2, 28), days_left: 0 }, "31 January + one month");
    assert_eq!(r.status(d(2026, 3, 7)), Status::Overdue { deadline: d(2026, 2, 28), days_over: 7 }, "35 days after sending");
    let leap = record(&person_nl(), d(2028, 1, 31), &[]);
    assert_eq!(leap.status(d(2028, 2, 1)), Status::Waiting { deadline: d(2028, 2, 29), days_left: 28 }, "2028: 29 February");
    assert_eq!(extended_deadline(d(2026, 1, 31)), d(2026, 4, 30), "31 January + three months: 30 April");
    assert_eq!(extended_deadline(d(2027, 11, 30)), d(2028, 2, 29), "into a leap February");
    assert_eq!(extended_deadline(d(2026, 12, 31)), d(2027, 3, 31), "across the year's end");
}

#[test]
fn impossible_dates_are_refused_with_a_message_in_the_persons_language() {
    let today = d(2026, 3, 1);
    let e = Record::from_check(content(), Lang::Nl, &person_nl(), d(2026, 3, 2), Channel::Form, today).unwrap_err();
    assert_eq!(e, RecordError::SentInFuture { sent: d(2026, 3, 2) });
    assert_eq!(e.message(content(), Lang::Nl), "De datum waarop je het verstuurde, 2 maart 2026, ligt na vandaag. Controleer de datum.");
    assert_eq!(e.message(content(), Lang::En), "The date you sent it, 2 March 2026, is after today. Check the date.");
    let mut r = Record::from_check(content(), Lang::En, &person_nl(), d(2026, 2, 10), Channel::Email, today).unwrap();
    let before = r.add(Event { date: d(2026, 2, 9), kind: EventKind::Refused }, today).unwrap_err();
    assert_eq!(before.message(content(), Lang::En), "9 February 2026 is before the day you sent your objection (10 February 2026). Check the dates.");
    assert_eq!(before.message(content(), Lang::Nl), "9 februari 2026 ligt vóór de dag waarop je je bezwaar verstuurde (10 februari 2026). Controleer de data.");
    let future = r.add(Event { date: d(2026, 3, 2), kind: EventKind::Confirmed }, today).unwrap_err();
    assert_eq!(future, RecordError::EventInFuture { date: d(2026, 3, 2) });
    assert!(r.events.is_empty(), "nothing impossible was added");
    for lang in Lang::ALL {
        for e in [e, before, future] {
            let m = e.message(content(), lang);
            assert!(!m.is_empty() && !m.contains('{') && !m.contains("record."), "{lang:?}: {m}");
        }
    }
    // An edited record is still read; its impossible dates are named.
    r.events.push(Event { date: d(2026, 1, 1), kind: EventKind::Refused });
    r.sent = d(2026, 4, 1);
    assert_eq!(r.problems(today).len(), 2);
}

/// Each status with the day it is looked at, in both languages.
fn statuses() -> Vec<(&'static str, Record, Date)> {
    let p = person_nl();
    vec![
        ("waiting", record(&p, d(2026, 1, 31), &[]), d(2026, 2, 10)),
        ("overdue", record(&p, d(2026, 1, 31), &[]), d(2026, 3, 7)),
        ("confirmed", record(&p, d(2026, 1, 31), &[(d(2026, 2, 20), EventKind::Confirmed)]), d(2026, 3, 7)),
        ("extended", record(&p, d(2026, 1, 31), &[(d(2026, 2, 20), EventKind::Extended { reasons: true })]), d(2026, 3, 7)),
        ("extended_breach", record(&p, d(2026, 1, 31), &[(d(2026, 3, 2), EventKind::Extended { reasons: false })]), d(2026, 3, 7)),
        ("extended_overdue", record(&p, d(2026, 1, 31), &[(d(2026, 2, 20), EventKind::Extended { reasons: true })]), d(2026, 5, 4)),
        ("info", record(&p, d(2026, 1, 31), &[(d(2026, 2, 5), EventKind::InfoRequested)]), d(2026, 2, 10)),
        ("info_after_the_month", record(&person_nl().with("account_email", " "), d(2026, 1, 31), &[(d(2026, 2, 5), EventKind::InfoRequested)]), d(2026, 3, 10)),
        ("refused", record(&p, d(2026, 1, 31), &[(d(2026, 3, 7), EventKind::Reminded), (d(2026, 3, 12), EventKind::Refused)]), d(2026, 3, 20)),
    ]
}

/// The case of [`statuses`] by its name.
fn case(name: &str) -> (&'static str, Record, Date) {
    statuses().into_iter().find(|(n, _, _)| *n == name).expect("a case")
}

#[test]
fn every_status_says_what_it_means_what_to_do_and_writes_the_next_text() {
    for (name, r, today) in statuses() {
        for lang in Lang::ALL {
            clean(&guidance(content(), lang, &r, today));
        }
        let en = guidance(content(), Lang::En, &r, today);
        let ids: Vec<&str> = en.texts.iter().map(|t| t.id).collect();
        let expected: &[&str] = match name {
            "waiting" | "extended" => &[],
            "overdue" | "extended_overdue" => &["reminder", "complaint"],
            "confirmed" => &["access"],
            "extended_breach" => &["complaint"],
            "info" => &["info"],
            "info_after_the_month" => &["info", "complaint"],
            "refused" => &["refusal", "complaint"],
            _ => unreachable!(),
        };
        assert_eq!(ids, expected, "{name}");
        assert!(!en.citations.is_empty(), "{name}: every status cites its articles");
        insta::assert_snapshot!(format!("record_{name}_en"), shown(&en));
        insta::assert_snapshot!(format!("record_{name}_nl"), shown(&guidance(content(), Lang::Nl, &r, today)));
    }
}

#[test]
fn the_extension_says_the_new_deadline_and_notes_a_breach() {
    let (_, r, today) = case("extended");
    let g = guidance(content(), Lang::En, &r, today);
    assert_eq!(g.status, "extended");
    assert_eq!(g.new_deadline.as_deref(), Some("2026-04-30"), "a new calendar entry for sent + three months");
    assert_eq!(g.meaning.len(), 1, "with reasons, in time: no breach");
    let (_, late, today) = case("extended_breach");
    let g = guidance(content(), Lang::En, &late, today);
    assert!(g.meaning.iter().any(|m| m.contains("gave no reasons")), "{:?}", g.meaning);
    assert!(g.meaning.iter().any(|m| m.contains("on 2 March 2026, after the first month had ended on 28 February 2026")), "{:?}", g.meaning);
}

#[test]
fn the_refusal_reply_asks_for_the_grounds_and_restriction() {
    let (_, r, today) = case("refused");
    let g = guidance(content(), Lang::En, &r, today);
    let reply = &g.texts[0].text;
    assert!(reply.text.contains("compelling legitimate grounds") && reply.text.contains("(Art. 21(1) GDPR)"), "{}", reply.text);
    assert!(reply.text.contains("restrict the processing") && reply.text.contains("(Art. 18(1)(d) GDPR)"), "{}", reply.text);
    let nl = guidance(content(), Lang::Nl, &r, today);
    assert!(nl.texts[0].text.text.contains("dwingende gerechtvaardigde gronden"), "the official Dutch term");
}

#[test]
fn the_complaint_has_the_whole_timeline_and_goes_to_the_persons_own_authority() {
    let events = [(d(2026, 3, 7), EventKind::Reminded), (d(2026, 3, 12), EventKind::Refused)];
    let nl = record(&person_nl(), d(2026, 1, 31), &events);
    let ie = record(&person_ie(), d(2026, 1, 31), &events);
    let today = d(2026, 3, 20);
    let to_ap = complaint(content(), Lang::Nl, &nl, today);
    assert!(to_ap.text.contains("- 31 januari 2026: ik maakte via het formulier van de organisatie bezwaar.\n- 28 februari 2026: de maand van artikel 12 lid 3 AVG liep af zonder antwoord.\n- 7 maart 2026: ik stuurde een herinnering.\n- 12 maart 2026: Meta weigerde"), "{}", to_ap.text);
    let g = guidance(content(), Lang::Nl, &nl, today);
    let auth = g.authority.as_ref().unwrap();
    assert_eq!(
        (auth.name.as_str(), auth.url.as_str()),
        ("Autoriteit Persoonsgegevens (AP)", "https://www.autoriteitpersoonsgegevens.nl/nl/meldingsformulier-klachten")
    );
    assert_eq!(auth.languages, None, "the AP works in Dutch: nothing to say to a Dutch reader");
    let en_for_nl = guidance(content(), Lang::En, &nl, today);
    assert_eq!(
        en_for_nl.authority.unwrap().languages.as_deref(),
        Some("Autoriteit Persoonsgegevens (AP) works in these languages: Dutch. Write your complaint in one of them if you can.")
    );
    let to_dpc = complaint(content(), Lang::En, &ie, today);
    let g = guidance(content(), Lang::En, &ie, today);
    let auth = g.authority.unwrap();
    assert_eq!((auth.name.as_str(), auth.url.as_str()), ("Data Protection Commission (DPC)", "https://forms.dataprotection.ie/contact"));
    assert_eq!(auth.languages, None, "English is one of the DPC's languages");
    let nl_for_ie = guidance(content(), Lang::Nl, &ie, today);
    assert_eq!(
        nl_for_ie.authority.unwrap().languages.as_deref(),
        Some("Data Protection Commission (DPC) werkt in deze talen: Engels en Iers. Schrijf je klacht zo mogelijk in een daarvan.")
    );
    insta::assert_snapshot!("record_complaint_resident_nl", format!("{}\n\n{}", to_ap.subject, to_ap.text));
    insta::assert_snapshot!("record_complaint_resident_ie_en", format!("{}\n\n{}", to_dpc.subject, to_dpc.text));
}

#[test]
fn a_reminder_is_the_persons_step_not_an_answer() {
    let r = record(&person_nl(), d(2026, 1, 31), &[(d(2026, 3, 7), EventKind::Reminded)]);
    assert_eq!(r.status(d(2026, 3, 20)), Status::Overdue { deadline: d(2026, 2, 28), days_over: 20 });
    let c = complaint(content(), Lang::En, &r, d(2026, 3, 20));
    assert!(c.text.contains("- 7 March 2026: I sent a reminder."), "{}", c.text);
    assert!(c.text.contains("Attached: my objection as I sent it, and the answers and reminders listed above."), "{}", c.text);
}

#[test]
fn records_travel_in_the_answers_document_and_a_file_without_them_still_loads() {
    use objection_check::engine::AnswersDocument;
    let events = [(d(2026, 2, 20), EventKind::Extended { reasons: false }), (d(2026, 3, 7), EventKind::Reminded)];
    let doc = AnswersDocument::new(Lang::Nl, person_nl())
        .with_records(vec![record(&person_nl(), d(2026, 1, 31), &events), record(&person_ie(), d(2028, 1, 31), &[])]);
    let json = doc.to_json();
    assert!(json.contains("\"version\": 1"), "still version 1: records are an optional field");
    assert_eq!(AnswersDocument::parse(content(), &json).unwrap(), doc, "read back as written");
    let salvage = AnswersDocument::salvage(content(), &json);
    assert!(salvage.whole() && salvage.records == doc.records);
    // A version 1 file from before: no records, nothing lost.
    let old = r#"{"version":1,"lang":"nl","answers":{"residence":"eu_eea","country":"nl"}}"#;
    let read = AnswersDocument::parse(content(), old).unwrap();
    assert!(read.records.is_empty() && read.answers.one("country") == Some("nl"));
    assert!(!AnswersDocument::new(Lang::Nl, read.answers).to_json().contains("records"), "and it is written as before");
}

#[test]
fn broken_records_are_kept_where_readable_and_the_rest_named() {
    use objection_check::engine::{AnswersDocument, AnswersError};
    let json = r#"{"version":1,"lang":"en","answers":{"residence":"eu_eea"},"records":[
        {"controller":"meta","sent":"2026-01-31","channel":"form","text":"I object.","answers":{"country":"nl","bogus":"x"},
         "events":[{"date":"2026-02-31","kind":"refused"},{"date":"2026-03-02","kind":"refused"},{"kind":"shrug"}]},
        {"controller":"x","sent":"yesterday","channel":"email","text":"…"},
        "junk"]}"#;
    let s = AnswersDocument::salvage(content(), json);
    assert_eq!(s.records.len(), 1, "the readable record is kept");
    let r = &s.records[0];
    assert_eq!(r.events, [Event { date: d(2026, 3, 2), kind: EventKind::Refused }], "its readable event is kept");
    assert_eq!(r.answers.one("country"), Some("nl"), "its answers that fit are kept");
    assert_eq!(r.organisation, "meta", "a missing name: the organisation's id");
    assert_eq!(
        s.problems,
        [
            AnswersError::RecordPart { place: 1, what: "some of its answers".into() },
            AnswersError::RecordPart { place: 1, what: "event 1".into() },
            AnswersError::RecordPart { place: 1, what: "event 3".into() },
            AnswersError::BadRecord { place: 2, field: "sent" },
            AnswersError::BadRecord { place: 3, field: "record" },
        ]
    );
    assert_eq!(
        s.notice(content(), Lang::En),
        "Kept: 1 of your answers. Not kept, because this check cannot read it: part of objection 1 in My objections; objection 2 in My objections; objection 3 in My objections. What was saved stays on this device, as it was, until you discard it: download it to keep it."
    );
    let strict = AnswersDocument::parse(content(), json).unwrap_err();
    assert_eq!(strict.message(content(), Lang::Nl), "Bezwaar 1 in Mijn bezwaren kan niet worden gelezen.");
    let not_a_list = AnswersDocument::salvage(content(), r#"{"version":1,"lang":"en","answers":{},"records":{}}"#);
    assert_eq!(not_a_list.problems, [AnswersError::RecordsNotAList]);
}

#[test]
fn the_assess_command_writes_the_next_text_for_each_record() {
    use objection_check::engine::AnswersDocument;
    use std::io::Write;
    use std::process::{Command, Stdio};
    let run = |args: &[&str], doc: &str| {
        let mut child =
            Command::new(env!("CARGO_BIN_EXE_assess")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(doc.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let refused = record(&person_ie(), d(2026, 1, 31), &[(d(2026, 3, 12), EventKind::Refused)]);
    let doc = AnswersDocument::new(Lang::En, person_ie()).with_records(vec![refused]).to_json();
    let (code, out, _) = run(&["--records", "--text", "--date", "2026-03-20"], &doc);
    assert_eq!(code, 0);
    assert!(out.contains("== Reply to the refusal ==") && out.contains("== Complaint to Data Protection Commission (DPC) =="), "{out}");
    let (code, out, _) = run(&["--records", "--date", "2026-03-20"], &doc);
    assert_eq!(code, 0);
    assert!(out.contains("\"status\": \"refused\""), "{out}");
    let (code, _, err) = run(&["--records", "--date", "2026-03-01"], &doc);
    assert_eq!(code, 1, "an answer dated after the given day");
    assert!(err.contains("12 March 2026 is after today"), "{err}");
}

#[test]
fn the_calendar_entries_link_to_my_objections_and_carry_no_answers() {
    use objection_check::engine::assess;
    use objection_check::engine::guidance::deadline_ics;
    let link = "https://check.example/#objections";
    let answers = person_nl().with("situation_text", "Mijn revalidatiefoto's");
    let r = record(&answers, d(2026, 1, 31), &[(d(2026, 2, 20), EventKind::Extended { reasons: true })]);
    let (name, ics) = deadline_ics(content(), Lang::En, &r, d(2026, 3, 1), link);
    assert_eq!(name, "objection-deadline-2026-04-30.ics");
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20260430\r\n"), "{unfolded}");
    assert!(unfolded.contains("URL:https://check.example/#objections\r\n"), "{unfolded}");
    assert!(unfolded.contains("Your objections\\, kept on this device: https://check.example/#objections"), "{unfolded}");
    let result = assess(content(), Lang::Nl, &answers, d(2026, 1, 31)).reminder.unwrap().linked(content(), Lang::Nl, link);
    let unfolded_result = result.replace("\r\n ", "");
    assert!(unfolded_result.contains("URL:https://check.example/#objections\r\n"), "{unfolded_result}");
    for text in [&unfolded, &unfolded_result] {
        assert!(!text.contains("Sanne") && !text.contains("sanne@") && !text.contains("revalidatie"), "no answers: {text}");
    }
}
