//! Calendar dates without a clock: the caller says what today is. Used for the
//! one-month reminder (Art. 12(3) GDPR) and for dates in letters.
#![warn(missing_docs)]
use std::fmt;

use super::content::{Content, Lang};

/// A day of the Gregorian calendar; written "2025-05-27" when displayed.
/// Ordered from earlier to later.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year, e.g. 2025.
    pub year: i32,
    /// The month, 1 (January) to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (1..=12).contains(&month).then_some(()).filter(|_| day >= 1 && day <= days_in_month(year, month)).map(|_| Date { year, month, day })
    }

    /// Reads "2025-05-27".
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// The same day next month, or that month's last day when it is shorter
    /// (31 January -> 28/29 February).
    pub fn plus_one_month(self) -> Date {
        self.plus_months(1)
    }

    /// The same day `n` months later, or that month's last day when it is
    /// shorter: how a period in months ends (Regulation (EEC, Euratom)
    /// No 1182/71, Art. 3(2)(c)).
    pub fn plus_months(self, n: u32) -> Date {
        let months = self.month - 1 + n;
        let (year, month) = (self.year + (months / 12) as i32, months % 12 + 1);
        Date { year, month, day: self.day.min(days_in_month(year, month)) }
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// Days since 1 March of year 0 (proleptic Gregorian), for differences.
    fn day_number(self) -> i64 {
        let (y, m) = if self.month <= 2 { (i64::from(self.year) - 1, i64::from(self.month) + 9) } else { (i64::from(self.year), i64::from(self.month) - 3) };
        365 * y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + (153 * m + 2) / 5 + i64::from(self.day) - 1
    }

    /// "27 May 2025", "27. Mai 2025", "27 de mayo de 2025": the language's
    /// `date.long` pattern (`{day}`, `{month}`, `{year}`) with its month
    /// names (`month.<n>`) and, where it has one, its own way of writing the
    /// first (`date.day.1`: "1er").
    pub fn long(self, content: &Content, lang: Lang) -> String {
        let month = content.text(lang, &format!("month.{}", self.month)).to_string();
        let day = match (self.day, content.text_opt(lang, "date.day.1")) {
            (1, Some(first)) => first.to_string(),
            (d, _) => d.to_string(),
        };
        // None of the three values holds a brace: one replace each is exact.
        content.text(lang, "date.long").replace("{day}", &day).replace("{month}", &month).replace("{year}", &self.year.to_string())
    }

    /// "20250527", as calendars write it.
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}
