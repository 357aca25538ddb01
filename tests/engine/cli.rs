//! The `assess` command content editors use: JSON in, JSON out, clear errors.
use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_assess")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn prints_the_assessment_as_json() {
    let (code, out, _) = run(&["--date", "2026-11-23"], include_str!("../fixtures/meta-nl-health.json"));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["route"], "object_art21");
    assert_eq!(v["art9"]["strength"], "strong");
    assert_eq!(v["authority"]["name"], "Autoriteit Persoonsgegevens (AP)");
    assert!(v["letter"]["short"].as_str().unwrap().starts_with("Ik maak op grond van artikel 21 lid 1 AVG bezwaar"));
    assert!(v["citations"].as_array().unwrap().iter().any(|c| c["id"] == "c184_20"));
    assert_eq!(v["reminder"]["date"], "2026-12-23");
}

#[test]
fn invalid_input_exits_non_zero_with_a_message() {
    let (code, out, err) = run(&[], r#"{"version":1,"lang":"nl","answers":{"controller":"tiktok"}}"#);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err.trim(), "assess: invalid answers: \"tiktok\" is not a choice of \"controller\"");
    let (code, _, err) = run(&[], r#"{"version":3,"lang":"nl","answers":{}}"#);
    assert_eq!((code, err.trim()), (1, "assess: invalid answers: version 3 is not supported (this app reads version 1)"));
    let (code, _, _) = run(&["--bogus"], "");
    assert_eq!(code, 2);
}

#[test]
fn lint_mode_checks_the_content() {
    let (code, out, _) = run(&["--lint", "--date", "2025-10-01"], "");
    assert_eq!((code, out.lines().last()), (0, Some("content ok")), "{out}");
    // Per route: how many questions are asked, and which of them never
    // change the result there.
    assert!(out.contains("route object_art21: 20 questions asked, 20 change the result"), "{out}");
    assert!(out.contains("route gdpr_not_applicable: 3 questions asked, 2 change the result; asked but changing nothing there: controller"), "{out}");
}

#[test]
fn lint_mode_warns_about_facts_checked_long_ago_without_failing() {
    let (code, out, err) = run(&["--lint", "--date", "2030-01-01"], "");
    assert_eq!((code, out.lines().last()), (0, Some("content ok")), "a warning, not a failure");
    assert!(err.contains("warning: controllers.toml: the facts about `meta` were last checked on"), "{err}");
    let (_, _, err) = run(&["--lint", "--date", "2025-10-01"], "");
    assert!(!err.contains("`linkedin`"), "checked 2025-09-24, less than six months before: {err}");
}
