//! `cargo run --bin assess < answers.json`: prints the assessment (route,
//! Art. 9 findings, citations, authority, steps, objection text) as JSON.
//!
//! Options:
//!   --date YYYY-MM-DD   the day the letter is dated (default: today, UTC)
//!   --text              print the short and long objection text, not JSON
//!   --records           for each kept objection in the document ("records"):
//!                       where it stands, what that means, the steps and the
//!                       next texts (with --text: just the next texts)
//!   --lint              check the content files and print every problem, and
//!                       warn (without failing) about facts last checked more
//!                       than six months before today (or --date)
//!
//! Exit codes: 0 ok; 1 invalid answers, or a kept objection with a date that
//! cannot be (message on stderr); 2 bad usage;
//! 3 content problems found by --lint.
use std::io::Read;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use objection_check::engine::guidance::guidance;
use objection_check::engine::lint::{influence, lint, warnings};
use objection_check::engine::{assess, AnswersDocument, Content, Date};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut date = None;
    let mut text = false;
    let mut lint_only = false;
    let mut records = false;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--lint" => lint_only = true,
            "--text" => text = true,
            "--records" => records = true,
            "--date" => {
                i += 1;
                match args.get(i).and_then(|d| Date::parse_iso(d)) {
                    Some(d) => date = Some(d),
                    None => return usage("--date needs a date such as 2026-11-23"),
                }
            }
            "-h" | "--help" => {
                println!("usage: assess [--date YYYY-MM-DD] [--text] [--records] < answers.json\n       assess --lint [--date YYYY-MM-DD]");
                return ExitCode::SUCCESS;
            }
            other => return usage(&format!("unknown option {other}")),
        }
        i += 1;
    }
    if lint_only {
        let content = Content::embedded();
        for w in warnings(content, date.unwrap_or_else(today_utc)) {
            eprintln!("warning: {w}");
        }
        let problems = lint(content);
        for p in &problems {
            eprintln!("{p}");
        }
        // Which questions each route asks, and which of them change its result.
        for (route, (asked, matter)) in influence(content, 300) {
            let idle: Vec<&str> = asked.difference(&matter).map(String::as_str).collect();
            let idle = if idle.is_empty() { String::new() } else { format!("; asked but changing nothing there: {}", idle.join(", ")) };
            println!("route {route}: {} questions asked, {} change the result{idle}", asked.len(), matter.len());
        }
        if problems.is_empty() {
            println!("content ok");
            return ExitCode::SUCCESS;
        }
        eprintln!("{} problem(s)", problems.len());
        return ExitCode::from(3);
    }
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("assess: cannot read standard input: {e}");
        return ExitCode::from(1);
    }
    let content = Content::embedded();
    let doc = match AnswersDocument::parse(content, &input) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("assess: invalid answers: {e}");
            return ExitCode::from(1);
        }
    };
    let today = date.unwrap_or_else(today_utc);
    if records {
        let mut bad = false;
        for (i, r) in doc.records.iter().enumerate() {
            for p in r.problems(today) {
                eprintln!("assess: kept objection {}: {}", i + 1, p.message(content, doc.lang));
                bad = true;
            }
        }
        if bad {
            return ExitCode::from(1);
        }
        let all: Vec<_> = doc.records.iter().map(|r| guidance(content, doc.lang, r, today)).collect();
        if text {
            for g in &all {
                for t in &g.texts {
                    println!("== {} ==\n{}\n\n{}\n", t.heading, t.text.subject, t.text.text);
                }
            }
        } else {
            println!("{}", serde_json::to_string_pretty(&all).unwrap_or_default());
        }
        return ExitCode::SUCCESS;
    }
    let a = assess(content, doc.lang, &doc.answers, today);
    if text {
        match &a.letter {
            Some(l) => println!("{}\n\n-----\n\n{}", l.short, l.long),
            None => println!("({})", a.route_title),
        }
    } else {
        println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
    }
    ExitCode::SUCCESS
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("assess: {msg}\nusage: assess [--date YYYY-MM-DD] [--text] [--records] < answers.json");
    ExitCode::from(2)
}

fn today_utc() -> Date {
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() / 86_400).unwrap_or(0) as i64;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date::new(year, month, day).unwrap_or(Date { year: 2026, month: 1, day: 1 })
}
