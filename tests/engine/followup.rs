//! After sending: the deadline of Art. 12(3), where a sent objection stands,
//! and the reminder and complaint texts when no answer came.
use objection_check::engine::followup::{complaint, deadline, reminder, standing, Channel, Sent, Standing};
use objection_check::engine::{Date, Lang};

use crate::{content, meta_base};

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn the_deadline_is_one_month_later_or_that_months_last_day() {
    assert_eq!(deadline(d(2026, 3, 15)), d(2026, 4, 15));
    assert_eq!(deadline(d(2026, 1, 31)), d(2026, 2, 28), "31 January: the last day of February");
    assert_eq!(deadline(d(2028, 1, 31)), d(2028, 2, 29), "in a leap year, the 29th");
    assert_eq!(deadline(d(2026, 12, 31)), d(2027, 1, 31), "across the year's end");
    assert_eq!(deadline(d(2026, 3, 31)), d(2026, 4, 30));
    assert_eq!(d(2026, 1, 1).plus_months(14), d(2027, 3, 1));
}

#[test]
fn days_are_counted_across_months_years_and_leap_days() {
    assert_eq!(d(2026, 1, 31).days_until(d(2026, 2, 28)), 28);
    assert_eq!(d(2028, 2, 28).days_until(d(2028, 3, 1)), 2, "29 February 2028 in between");
    assert_eq!(d(2026, 12, 31).days_until(d(2027, 1, 1)), 1);
    assert_eq!(d(2027, 1, 1).days_until(d(2026, 12, 31)), -1);
    assert_eq!(d(2000, 1, 1).days_until(d(2100, 1, 1)), 36_525, "2000 a leap year, 2100 not");
}

#[test]
fn a_sent_objection_waits_then_is_overdue() {
    let sent = Sent { date: d(2026, 1, 31), channel: Channel::Form };
    assert_eq!(standing(&sent, d(2026, 2, 1)), Standing::Waiting { deadline: d(2026, 2, 28), days_left: 27 });
    assert_eq!(standing(&sent, d(2026, 2, 28)), Standing::Waiting { deadline: d(2026, 2, 28), days_left: 0 }, "the last day still counts");
    assert_eq!(standing(&sent, d(2026, 3, 7)), Standing::Overdue { deadline: d(2026, 2, 28), days_over: 7 }, "35 days after sending");
}

#[test]
fn the_reminder_says_when_it_was_sent_when_the_answer_was_due_and_what_follows() {
    let sent = Sent { date: d(2026, 1, 31), channel: Channel::Email };
    let answers = meta_base().with("country", "nl");
    for lang in Lang::ALL {
        let r = reminder(content(), lang, &answers, &sent, d(2026, 3, 7));
        for t in [&r.subject, &r.text] {
            assert!(!t.contains('{') && !t.contains("letter."), "{lang:?}: {t}");
        }
        let ids: Vec<&str> = r.citations.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["art21_1", "art12_3", "art12_4", "art77"], "{lang:?}");
    }
    let en = reminder(content(), Lang::En, &answers, &sent, d(2026, 3, 7));
    assert!(en.text.contains("On 31 January 2026 I objected by e-mail") && en.text.contains("by 28 February 2026 (Art. 12(3) GDPR)"), "{}", en.text);
    assert!(en.text.contains("Autoriteit Persoonsgegevens"), "the person's own authority: {}", en.text);
    let de = reminder(content(), Lang::De, &answers, &sent, d(2026, 3, 7));
    assert!(de.text.contains("Am 31. Januar 2026 habe ich per E-Mail Widerspruch") && de.text.contains("28. Februar 2026"), "{}", de.text);
    insta::assert_snapshot!("followup_reminder_en", format!("{}\n\n{}", en.subject, en.text));
    let nl = reminder(content(), Lang::Nl, &answers, &sent, d(2026, 3, 7));
    insta::assert_snapshot!("followup_reminder_nl", format!("{}\n\n{}", nl.subject, nl.text));
}

#[test]
fn the_complaint_goes_to_the_persons_own_authority_with_what_happened() {
    let sent = Sent { date: d(2026, 1, 31), channel: Channel::Form };
    // A person in the Netherlands, and one in Ireland, both about Meta.
    let nl = meta_base().with("country", "nl").with("full_name", "Sanne de Vries");
    let ie = meta_base().with("country", "ie").with("full_name", "Aoife Murphy");
    let to_nl = complaint(content(), Lang::Nl, &nl, &sent, Some(d(2026, 3, 9)), d(2026, 3, 30));
    assert!(to_nl.text.contains("31 januari 2026: ik maakte via het formulier van de organisatie bezwaar"), "{}", to_nl.text);
    assert!(to_nl.text.contains("9 maart 2026: ik stuurde een herinnering"), "{}", to_nl.text);
    assert!(to_nl.text.contains("Bijlagen: mijn bezwaar en mijn herinnering"), "{}", to_nl.text);
    insta::assert_snapshot!("followup_complaint_nl", format!("{}\n\n{}", to_nl.subject, to_nl.text));
    let to_ie = complaint(content(), Lang::En, &ie, &sent, None, d(2026, 3, 30));
    assert!(!to_ie.text.contains("reminder"), "no reminder was sent: {}", to_ie.text);
    assert!(to_ie.text.contains("Attached: my objection as I sent it."), "{}", to_ie.text);
    insta::assert_snapshot!("followup_complaint_ie_en", format!("{}\n\n{}", to_ie.subject, to_ie.text));
    for lang in Lang::ALL {
        let c = complaint(content(), lang, &nl, &sent, Some(d(2026, 3, 9)), d(2026, 3, 30));
        assert!(!c.text.contains('{') && !c.subject.contains('{'), "{lang:?}: {}", c.text);
        assert_eq!(c.citations.first().map(|c| c.id.as_str()), Some("art77"), "{lang:?}");
    }
}
