//! The one-month reminder as an iCalendar file (RFC 5545), made without a clock
//! or network: an all-day event on the reminder date.

/// Builds a VCALENDAR with one all-day VEVENT.
pub fn reminder_event(uid: &str, stamp: super::Date, on: super::Date, summary: &str, description: &str) -> String {
    linked_event(uid, stamp, on, summary, description, None)
}

/// [`reminder_event`] with a link (`URL`, RFC 5545 3.8.4.6) that opens
/// "My objections"; it carries no answers.
pub fn linked_event(uid: &str, stamp: super::Date, on: super::Date, summary: &str, description: &str, url: Option<&str>) -> String {
    let end = next_day(on);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//objection-check//reminder//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape(uid)),
        format!("DTSTAMP:{}T000000Z", stamp.compact()),
        format!("DTSTART;VALUE=DATE:{}", on.compact()),
        format!("DTEND;VALUE=DATE:{}", end.compact()),
        format!("SUMMARY:{}", escape(summary)),
        format!("DESCRIPTION:{}", escape(description)),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape(summary)),
        "TRIGGER:PT9H".to_string(),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    if let Some(url) = url {
        // URI values are not escaped as text is (RFC 5545 3.3.13).
        lines.insert(9, format!("URL:{}", url.replace(['\r', '\n'], "")));
    }
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

fn next_day(d: super::Date) -> super::Date {
    super::Date::new(d.year, d.month, d.day + 1).unwrap_or_else(|| {
        let m = d.plus_one_month();
        super::Date { year: m.year, month: m.month, day: 1 }
    })
}

/// Text values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1),
/// never splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out
}
