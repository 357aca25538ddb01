//! The content lint: everything an editor can get wrong in `content/` that the
//! type check cannot see. Each problem is one sentence naming the file and id.
//! Run by `cargo test` (tests/content_lint.rs) and by `assess --lint`.
use std::collections::{BTreeMap, BTreeSet};

use super::answer::{AnswerValue, Answers};
use super::assess::{art9_facts, route_for};
use super::condition::{Condition, Facts, OutcomeId};
use super::content::{Content, Kind, LetterBlock, Section};
use super::date::Date;
use super::flow::{offered_choices, Flow};
use super::text::{placeholders, PLACEHOLDERS, QUESTION_PLACEHOLDERS};
use super::vocab::{Art9Facts, Route, SpecialCategory, Strength, ART9, ART9_NOT_SURE};

/// All problems found; empty means the content is sound.
pub fn lint(content: &Content) -> Vec<String> {
    let mut p = Vec::new();
    questions(content, &mut p);
    outcomes(content, &mut p);
    controllers_and_authorities(content, &mut p);
    let used = texts(content, &mut p);
    reachability(content, &mut p);
    citations(content, &used, &mut p);
    p
}

pub use super::glossary::{translations, Glossary};

/// What an editor should look at but need not fix before shipping: facts
/// about an organisation last checked more than six months before `today`.
pub fn warnings(content: &Content, today: Date) -> Vec<String> {
    let idle = idle_questions(content, 300)
        .into_iter()
        .map(|q| format!("questionnaire.toml: question `{q}` never changes the route, the steps or the letter: a screen for nothing"));
    content
        .controllers
        .iter()
        .filter_map(|c| {
            let checked = Date::parse_iso(&c.verified)?;
            let due = (0..6).fold(checked, |d, _| d.plus_one_month());
            (due < today).then(|| {
                format!(
                    "controllers.toml: the facts about `{}` were last checked on {checked}, more than six months before {today}: check them against their sources again and update `verified`",
                    c.id
                )
            })
        })
        .chain(idle)
        .collect()
}

/// For each route: the questions asked on the way to it, and those among them
/// whose answer changes what the check gives (route, steps, letters). Found
/// by changing one answer at a time in `walks` random complete walks; a
/// question asked but never changing anything costs a person a screen for
/// nothing.
pub fn influence(content: &Content, walks: usize) -> BTreeMap<&'static str, (BTreeSet<String>, BTreeSet<String>)> {
    let today = Date::new(2026, 1, 15).expect("a date");
    let result = |a: &Answers| {
        let x = super::assess::assess(content, super::content::Lang::En, a, today);
        (x.route, x.steps, x.letter)
    };
    let mut by_route: BTreeMap<&'static str, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for _ in 0..walks {
        let answers = random_walk(content, &mut rng);
        let flow = Flow::new(content, &answers);
        let base = result(&answers);
        let entry = by_route.entry(base.0.id()).or_default();
        for q in &flow.questions {
            entry.0.insert(q.id.to_string());
            if entry.1.contains(q.id) {
                continue;
            }
            let offered = offered_choices(q, &flow.effective);
            let mut variants: Vec<Option<AnswerValue>> = Vec::new();
            match q.kind {
                Kind::Text => variants.extend([None, Some(AnswerValue::One("A few words of my own".into()))]),
                Kind::Single | Kind::Select => variants.extend(offered.iter().map(|c| Some(AnswerValue::One(c.to_string())))),
                Kind::Multi => {
                    for c in &offered {
                        let now = answers.get(&q.id).map(|v| v.values().to_vec()).unwrap_or_default();
                        let toggled: Vec<String> = if now.iter().any(|x| x == c) {
                            now.iter().filter(|x| x != c).cloned().collect()
                        } else if q.exclusive.contains(c) {
                            vec![c.to_string()]
                        } else {
                            now.iter().filter(|x| !q.exclusive.contains(&x.as_str())).cloned().chain([c.to_string()]).collect()
                        };
                        variants.push((!toggled.is_empty()).then_some(AnswerValue::Many(toggled)));
                    }
                }
            }
            let changes = variants.into_iter().any(|v| {
                let mut other = answers.clone();
                match v {
                    Some(v) => other.set(q.id, v),
                    None => {
                        other.remove(&q.id);
                    }
                }
                result(&other) != base
            });
            if changes {
                entry.1.insert(q.id.to_string());
            }
        }
    }
    by_route
}

/// Questions asked on the way to some route that change nothing on any.
pub fn idle_questions(content: &Content, walks: usize) -> Vec<String> {
    let by_route = influence(content, walks);
    let asked: BTreeSet<&String> = by_route.values().flat_map(|(a, _)| a).collect();
    let matter: BTreeSet<&String> = by_route.values().flat_map(|(_, m)| m).collect();
    asked.difference(&matter).map(|q| (*q).clone()).collect()
}

fn questions(content: &Content, p: &mut Vec<String>) {
    let mut seen: Vec<&str> = Vec::new();
    let mut sections = BTreeSet::new();
    for section in content.questionnaire.sections {
        if !sections.insert(section.id) {
            p.push(format!("questionnaire.toml: section id `{}` is used twice", section.id));
        }
        if let Some(c) = &section.when {
            check_condition(content, c, &seen, &format!("section `{}`", section.id), false, p);
        }
        for q in section.questions {
            if seen.contains(&q.id) {
                p.push(format!("questionnaire.toml: question id `{}` is used twice", q.id));
            }
            if !is_snake(&q.id) {
                p.push(format!("questionnaire.toml: question id `{}` must be snake_case", q.id));
            }
            if let Some(c) = &q.when {
                check_condition(content, c, &seen, &format!("question `{}`", q.id), false, p);
            }
            match q.kind {
                Kind::Text if !q.choices.is_empty() => p.push(format!("questionnaire.toml: text question `{}` cannot have choices", q.id)),
                Kind::Single | Kind::Multi | Kind::Select if q.choices.is_empty() => p.push(format!("questionnaire.toml: question `{}` has no choices", q.id)),
                _ => {}
            }
            let mut choices = BTreeSet::new();
            for c in q.choices {
                if !choices.insert(c) {
                    p.push(format!("questionnaire.toml: `{}` has choice `{c}` twice", q.id));
                }
            }
            for x in q.exclusive {
                if !q.choices.contains(x) {
                    p.push(format!("questionnaire.toml: `{}` exclusive `{x}` is not one of its choices", q.id));
                }
            }
            for (c, when) in &q.choice_when {
                if !q.choices.contains(c) {
                    p.push(format!("questionnaire.toml: `{}` choice_when names `{c}`, not one of its choices", q.id));
                }
                check_condition(content, when, &seen, &format!("question `{}` choice `{c}`", q.id), false, p);
            }
            if let Some(f) = &q.format {
                if *f != "email" || q.kind != Kind::Text {
                    p.push(format!("questionnaire.toml: `{}` format `{f}`: only text questions, and only \"email\"", q.id));
                }
            }
            for r in q.retired {
                if q.choices.contains(r) {
                    p.push(format!("questionnaire.toml: `{}` retired `{r}` is still one of its choices", q.id));
                }
            }
            if !q.required && q.kind != Kind::Text {
                p.push(format!("questionnaire.toml: only text questions can be optional (`{}`)", q.id));
            }
            if let Some(c) = &q.optional_when {
                if !q.required {
                    p.push(format!("questionnaire.toml: `{}` is optional already; optional_when has no effect", q.id));
                }
                check_condition(content, c, &seen, &format!("question `{}` optional_when", q.id), false, p);
            }
            seen.push(&q.id);
        }
        pages(section, p);
    }
    let art9: Vec<&str> = SpecialCategory::ALL.iter().map(|c| c.choice()).chain([ART9_NOT_SURE, "none"]).collect();
    match content.question(ART9) {
        Some(q) if q.kind == Kind::Multi && q.choices == art9 && q.exclusive == ["none"] => {}
        _ => p.push(format!(
            "questionnaire.toml: the Art. 9 page `{ART9}` must be a multi question with choices {} (in that order), `none` exclusive",
            art9.join(", ")
        )),
    }
    for id in [
        "residence",
        "country",
        "controller",
        "organisation_name",
        "eu_establishment",
        "purpose",
        "legal_basis",
        "services",
        "reasons",
        "art9_made_public",
        "full_name",
        "account_email",
        "situation_text",
    ] {
        if content.question(id).is_none() {
            p.push(format!("questionnaire.toml: the engine needs question `{id}`"));
        }
    }
}

/// Questions sharing a `page` are adjacent text questions of one section,
/// and none is asked or not depending on another of its page.
fn pages(section: &Section, p: &mut Vec<String>) {
    let qs = &section.questions;
    for (i, q) in qs.iter().enumerate() {
        let Some(page) = &q.page else { continue };
        if q.kind != Kind::Text {
            p.push(format!("questionnaire.toml: `{}` is on page `{page}`, but only text questions can share a page", q.id));
        }
        let first = qs.iter().position(|o| o.page.as_ref() == Some(page)).unwrap_or(i);
        if qs[first..i].iter().any(|o| o.page.as_ref() != Some(page)) {
            p.push(format!("questionnaire.toml: the questions on page `{page}` must follow each other (`{}`)", q.id));
        }
        for other in qs[first..i].iter().filter(|o| o.page.as_ref() == Some(page)) {
            let mut named = false;
            for c in q.when.iter().chain(q.optional_when.iter()) {
                c.visit_questions(&mut |id, _| named |= id == other.id);
            }
            if named {
                p.push(format!("questionnaire.toml: `{}` depends on `{}`, which is on its page `{page}`", q.id, other.id));
            }
        }
    }
}

/// Checks that a condition names known, earlier questions and valid values.
fn check_condition(content: &Content, c: &Condition, earlier: &[&str], place: &str, outcomes: bool, p: &mut Vec<String>) {
    c.visit_questions(&mut |q, values| match content.question(q) {
        None => p.push(format!("{place}: condition names unknown question `{q}`")),
        Some(question) => {
            if !outcomes && !earlier.contains(&q) {
                p.push(format!("{place}: condition names `{q}`, which is not asked before it (order or cycle)"));
            }
            for v in values {
                if !question.choices.contains(v) {
                    p.push(format!("{place}: `{v}` is not a choice of `{q}`"));
                }
            }
        }
    });
    c.visit_outcome_ids(&mut |id| match id {
        OutcomeId::Route(_) | OutcomeId::Art9(_) if !outcomes => p.push(format!("{place}: route and art9 conditions only work in outcomes.toml")),
        OutcomeId::Route(r) if Route::from_id(r).is_none() => p.push(format!("{place}: unknown route `{r}`")),
        OutcomeId::Art9(s) if !Art9Facts::TAGS.contains(&s) => p.push(format!("{place}: unknown Art. 9 tag `{s}` ({})", Art9Facts::TAGS.join(", "))),
        _ => {}
    });
}

fn outcomes(content: &Content, p: &mut Vec<String>) {
    let all: Vec<&str> = content.questions().map(|q| q.id).collect();
    let rules = &content.outcomes.routes;
    for r in Route::ALL {
        let n = rules.iter().filter(|x| x.id == r.id()).count();
        if n != 1 {
            p.push(format!("outcomes.toml: route `{}` must have exactly one rule (has {n})", r.id()));
        }
    }
    for (i, r) in rules.iter().enumerate() {
        if Route::from_id(&r.id).is_none() {
            p.push(format!("outcomes.toml: unknown route `{}`", r.id));
        }
        if let Some(c) = &r.when {
            check_condition(content, c, &all, &format!("route `{}`", r.id), true, p);
            if c.visit_has_outcome() {
                p.push(format!("outcomes.toml: route `{}` cannot depend on a route or art9 condition", r.id));
            }
        } else if i + 1 != rules.len() {
            p.push(format!("outcomes.toml: route `{}` has no `when`, so later rules never apply", r.id));
        }
    }
    if rules.last().is_some_and(|r| r.when.is_some()) {
        p.push("outcomes.toml: the last route rule must have no `when`, so every answer set has a route".into());
    }
    let mut step_ids = BTreeSet::new();
    for s in content.outcomes.steps {
        if !step_ids.insert(&s.id) {
            p.push(format!("outcomes.toml: step `{}` is listed twice", s.id));
        }
        if let Some(c) = &s.when {
            check_condition(content, c, &all, &format!("step `{}`", s.id), true, p);
        }
    }
    let l = &content.outcomes.letter;
    if let Some(c) = &l.when {
        check_condition(content, c, &all, "letter", true, p);
    }
    for (name, blocks) in [("core", l.core), ("short", l.short), ("long", l.long)] {
        for b in blocks {
            check_block(content, name, b, &all, p);
        }
    }
}

impl Condition {
    fn visit_has_outcome(&self) -> bool {
        let mut found = false;
        self.visit_outcome_ids(&mut |_| found = true);
        found
    }
}

fn check_block(content: &Content, list: &str, b: &LetterBlock, all: &[&str], p: &mut Vec<String>) {
    let place = format!("letter.{list} block `{}`", b.text.as_deref().or(b.include.as_deref()).unwrap_or("?"));
    match (&b.text, &b.include) {
        (Some(_), None) | (None, Some(_)) => {}
        _ => p.push(format!("outcomes.toml: {place} needs exactly one of `text` or `include`")),
    }
    if let Some(inc) = &b.include {
        if *inc != "core" || list == "core" {
            p.push(format!("outcomes.toml: {place}: only short and long can include \"core\""));
        }
    }
    if let Some(q) = &b.each {
        match content.question(q) {
            Some(question) if question.kind == Kind::Multi => {
                for (v, _) in &b.cites_each {
                    if !question.choices.contains(v) {
                        p.push(format!("outcomes.toml: {place}: cites_each names `{v}`, not a choice of `{q}`"));
                    }
                }
            }
            _ => p.push(format!("outcomes.toml: {place}: `each` must name a multi question")),
        }
    } else if !b.cites_each.is_empty() {
        p.push(format!("outcomes.toml: {place}: cites_each only works with each"));
    }
    if let Some(c) = &b.when {
        check_condition(content, c, all, &place, true, p);
    }
}

fn controllers_and_authorities(content: &Content, p: &mut Vec<String>) {
    let basis = content.question("legal_basis").map(|q| q.choices).unwrap_or_default();
    let controller_choices = content.question("controller").map(|q| q.choices).unwrap_or_default();
    for c in content.controllers {
        if !controller_choices.contains(&c.id) {
            p.push(format!("controllers.toml: `{}` is not a choice of the `controller` question", c.id));
        }
        if !basis.contains(&c.legal_basis) {
            p.push(format!("controllers.toml: `{}` legal_basis `{}` is not a choice of `legal_basis`", c.id, c.legal_basis));
        }
        let purposes = content.question("purpose").map(|q| q.choices).unwrap_or_default();
        if !purposes.contains(&c.purpose) {
            p.push(format!("controllers.toml: `{}` purpose `{}` is not a choice of `purpose`", c.id, c.purpose));
        }
        for t in c.regions {
            if !matches!(t.region, "eu_eea" | "uk") {
                p.push(format!("controllers.toml: `{}` region `{}` must be eu_eea or uk", c.id, t.region));
            }
        }
        let dates = c.regions.iter().flat_map(|t| t.notice.iter().chain(t.training_start.iter()));
        for d in dates.chain(std::iter::once(&c.verified)) {
            if Date::parse_iso(d).is_none() {
                p.push(format!("controllers.toml: `{}` has an invalid date `{d}` (use YYYY-MM-DD)", c.id));
            }
        }
        if let Some(lead) = &c.lead_authority {
            if content.authority(lead).is_none() {
                p.push(format!("controllers.toml: `{}` lead_authority `{lead}` is not in authorities.toml", c.id));
            }
        }
        for f in c.forms {
            if !f.url.starts_with("https://") {
                p.push(format!("controllers.toml: `{}` form for `{}` must be an https:// link", c.id, f.service));
            }
        }
    }
    for choice in controller_choices.iter().filter(|c| **c != "other") {
        if content.controller(choice).is_none() {
            p.push(format!("controllers.toml: controller choice `{choice}` has no profile"));
        }
    }
    if let Some(services) = content.question("services") {
        let meta = content.controller("meta");
        // An exclusive choice ("no account") has no form of its own.
        for s in services.choices.iter().filter(|s| !services.exclusive.contains(s)) {
            if !meta.is_some_and(|m| m.forms.iter().any(|f| &f.service == s)) {
                p.push(format!("controllers.toml: Meta service `{s}` has no form"));
            }
        }
    }
    let eu: Vec<&str> = content.authorities.iter().filter(|a| a.region == "eu_eea").map(|a| a.country).collect();
    if eu.len() != 30 {
        p.push(format!("authorities.toml: expected the 30 EU/EEA countries, found {}", eu.len()));
    }
    if content.authority("uk").is_none_or(|a| a.region != "uk") {
        p.push("authorities.toml: the UK (ICO) is missing".into());
    }
    let mut seen = BTreeSet::new();
    for a in content.authorities {
        if !seen.insert(&a.country) {
            p.push(format!("authorities.toml: country `{}` is listed twice", a.country));
        }
        if !matches!(a.region, "eu_eea" | "uk" | "de_land") {
            p.push(format!("authorities.toml: `{}` region must be eu_eea, uk or de_land", a.country));
        }
        if (a.region == "de_land") != a.country.starts_with("de-") {
            p.push(format!("authorities.toml: `{}`: a German Land's authority is `de-<code>` with region de_land", a.country));
        }
        for url in std::iter::once(&a.website).chain(a.complaint_url.iter()) {
            if !url.starts_with("https://") {
                p.push(format!("authorities.toml: `{}` link `{url}` must start with https://", a.country));
            }
        }
    }
}

/// Checks every text the content needs exists in every language, that the
/// languages hold the same ids, and that every placeholder is known. Returns
/// the text ids the content uses.
fn texts(content: &Content, p: &mut Vec<String>) -> BTreeSet<String> {
    let mut need: BTreeSet<String> = BTreeSet::new();
    let mut optional: BTreeSet<String> = BTreeSet::new();
    for q in content.questions() {
        need.insert(format!("q.{}.title", q.id));
        if q.kind != Kind::Select {
            optional.insert(format!("q.{}.hint", q.id));
        } else {
            need.insert(format!("q.{}.hint", q.id));
            // What the list says before a choice, and when none was made.
            optional.insert(format!("q.{}.placeholder", q.id));
        }
        for c in q.choices {
            need.insert(q.choice_label_id(c));
            if q.choices_from.is_none() {
                optional.insert(format!("q.{}.choice.{c}.hint", q.id));
            }
        }
    }
    for r in content.outcomes.routes {
        need.insert(format!("route.{}.title", r.id));
        need.insert(format!("route.{}.body", r.id));
    }
    for s in content.outcomes.steps {
        need.insert(format!("step.{}.title", s.id));
        need.insert(format!("step.{}.body", s.id));
    }
    let l = &content.outcomes.letter;
    for b in l.core.iter().chain(l.short).chain(l.long) {
        for t in b.text.iter().chain(b.long_text.iter()) {
            match b.each.as_deref().and_then(|q| content.question(q)) {
                Some(q) => q.choices.iter().for_each(|c| {
                    need.insert(format!("{t}.{c}"));
                }),
                None => {
                    need.insert(t.to_string());
                }
            }
        }
    }
    for s in Strength::ALL.iter().map(|s| s.id()).chain(["face_only"]) {
        need.insert(format!("art9.strength.{s}.title"));
        need.insert(format!("art9.strength.{s}.body"));
    }
    for s in Strength::ALL {
        need.insert(format!("art9.level.{}", s.id()));
    }
    for why in ["biometric", "made_public", "unsure_category", "not_public", "unsure_public"] {
        need.insert(format!("art9.why.{why}"));
    }
    for c in SpecialCategory::ALL {
        need.insert(format!("art9.category.{}", c.id()));
    }
    for page in content.questions().filter_map(|q| q.page.as_ref()) {
        need.insert(format!("page.{page}.title"));
        optional.insert(format!("page.{page}.hint"));
    }
    for c in content.citations {
        need.insert(format!("cite.{}", c.id));
    }
    for c in content.question("controller").map(|q| q.choices).unwrap_or_default() {
        need.insert(format!("controller.{c}.name"));
    }
    for c in content.controllers {
        for f in c.forms {
            need.insert(format!("service.{}.name", f.service));
        }
    }
    for a in content.authorities {
        for l in a.languages {
            need.insert(format!("language.{l}"));
        }
        need.insert(if a.region == "de_land" { format!("land.{}", a.country) } else { format!("country.{}", a.country) });
    }
    for b in content.question("legal_basis").map(|q| q.choices).unwrap_or_default() {
        optional.insert(format!("basis.{b}"));
    }
    for id in ["list.and", "law.gdpr", "law.uk_gdpr", "basis.dont_know", "cite.uk_persuasive", "result.facts_checked"] {
        need.insert(id.into());
    }
    for id in super::answers::TEXTS.iter().chain(super::followup::TEXTS).chain(super::record::TEXTS).chain(super::guidance::TEXTS) {
        need.insert(id.to_string());
    }
    for m in 1..=12 {
        need.insert(format!("month.{m}"));
    }
    need.insert("date.long".into());
    // A language may write the first of a month its own way ("1er").
    optional.insert("date.day.1".into());

    let locales = content.locales.by_lang();
    let langs: Vec<&String> = locales.keys().collect();
    let mut expected: Vec<&str> = super::content::Lang::ALL.iter().map(|l| l.code()).collect();
    expected.sort();
    if langs.iter().map(|s| s.as_str()).collect::<Vec<_>>() != expected {
        p.push(format!(
            "locales: expected one file per language ({}), found {langs:?}",
            expected.iter().map(|c| format!("{c}.toml")).collect::<Vec<_>>().join(", ")
        ));
    }
    for (lang, texts) in &locales {
        for id in &need {
            if !texts.contains_key(id) {
                p.push(format!("locales/{lang}.toml: missing text `{id}`"));
            }
        }
        for (id, text) in texts {
            for ph in placeholders(text) {
                if !PLACEHOLDERS.contains(&ph) {
                    p.push(format!("locales/{lang}.toml: `{id}` uses unknown placeholder {{{ph}}}"));
                } else if id.starts_with("q.") && !QUESTION_PLACEHOLDERS.contains(&ph) {
                    p.push(format!(
                        "locales/{lang}.toml: question text `{id}` can only use {}, not {{{ph}}}",
                        QUESTION_PLACEHOLDERS.iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", ")
                    ));
                }
            }
            // Text ids the UI uses are checked against the UI sources by
            // tests/content_lint.rs; the rest must be used by the content.
            let ui = id.starts_with("ui.");
            if !ui && !need.contains(id) && !optional.contains(id) {
                p.push(format!("locales/{lang}.toml: text `{id}` is not used by anything (unknown id)"));
            }
        }
    }
    let mut by_lang: BTreeMap<&str, BTreeSet<&String>> = BTreeMap::new();
    for (lang, texts) in &locales {
        by_lang.insert(lang, texts.keys().collect());
    }
    if let (Some(en), Some(nl)) = (by_lang.get("en"), by_lang.get("nl")) {
        for id in en.difference(nl) {
            p.push(format!("locales/nl.toml: missing translation of `{id}`"));
        }
        for id in nl.difference(en) {
            p.push(format!("locales/en.toml: missing translation of `{id}`"));
        }
    }
    need.extend(optional);
    need
}

fn citations(content: &Content, _texts: &BTreeSet<String>, p: &mut Vec<String>) {
    let mut used = BTreeSet::new();
    let o = &content.outcomes;
    for ids in o.routes.iter().map(|r| &r.cites).chain(o.steps.iter().map(|s| &s.cites)) {
        used.extend(ids.iter().map(|c| c.to_string()));
    }
    let l = &o.letter;
    for b in l.core.iter().chain(l.short).chain(l.long) {
        used.extend(b.cites.iter().map(|c| c.to_string()));
        for (_, c) in &b.cites_each {
            used.extend(c.iter().map(|c| c.to_string()));
        }
    }
    // Cited by the engine itself for Art. 9 findings.
    for id in ["art9_1", "c184_20", "c252_21_9_2_e", "art4_14", "recital51"] {
        used.insert(id.to_string());
    }
    // Cited by the follow-up texts after sending.
    for id in super::guidance::CITES {
        used.insert(id.to_string());
    }
    for id in &used {
        if content.citation(id).is_none() {
            p.push(format!("outcomes.toml: cites `{id}`, which is not in citations.toml"));
        }
    }
    for c in content.citations {
        if !used.contains(c.id) {
            p.push(format!("citations.toml: `{}` is never cited", c.id));
        }
        for url in std::iter::once(&c.url).chain(c.uk_url.iter()) {
            if !url.starts_with("https://") {
                p.push(format!("citations.toml: `{}` url `{url}` must start with https://", c.id));
            }
        }
        if c.decided.as_deref().is_some_and(|d| Date::parse_iso(d).is_none()) {
            p.push(format!("citations.toml: `{}` decided must be a date (YYYY-MM-DD)", c.id));
        }
    }
}

/// Explores many answer sets (deterministically) and reports any question,
/// route, step or letter block that no answer set ever reaches.
fn reachability(content: &Content, p: &mut Vec<String>) {
    let mut seen_q: BTreeSet<String> = BTreeSet::new();
    let mut seen_routes: BTreeSet<&'static str> = BTreeSet::new();
    let mut seen_steps: BTreeSet<String> = BTreeSet::new();
    let mut seen_blocks: BTreeSet<usize> = BTreeSet::new();
    let l = &content.outcomes.letter;
    let blocks: Vec<&LetterBlock> = l.core.iter().chain(l.short).chain(l.long).collect();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..4000 {
        let answers = random_walk(content, &mut rng);
        let flow = Flow::new(content, &answers);
        seen_q.extend(flow.questions.iter().map(|q| q.id.to_string()));
        let route = route_for(content, &flow.effective);
        seen_routes.insert(route.id());
        let facts = Facts { answers: &flow.effective, route: Some(route), art9: art9_facts(&flow.effective) };
        for s in content.outcomes.steps {
            if s.when.as_ref().is_none_or(|c| c.holds(&facts)) {
                seen_steps.insert(s.id.to_string());
            }
        }
        for (i, b) in blocks.iter().enumerate() {
            if b.when.as_ref().is_none_or(|c| c.holds(&facts)) {
                seen_blocks.insert(i);
            }
        }
    }
    for q in content.questions() {
        if !seen_q.contains(q.id) {
            p.push(format!("questionnaire.toml: question `{}` is never asked (unreachable)", q.id));
        }
    }
    for r in Route::ALL {
        if !seen_routes.contains(r.id()) {
            p.push(format!("outcomes.toml: route `{}` is never reached", r.id()));
        }
    }
    for s in content.outcomes.steps {
        if !seen_steps.contains(s.id) {
            p.push(format!("outcomes.toml: step `{}` is never shown", s.id));
        }
    }
    for (i, b) in blocks.iter().enumerate() {
        if !seen_blocks.contains(&i) {
            p.push(format!("outcomes.toml: letter block `{}` is never used", b.text.as_deref().unwrap_or("include")));
        }
    }
}

/// Answers every asked question with a random valid answer, in order.
pub fn random_walk(content: &Content, rng: &mut XorShift) -> Answers {
    let mut answers = Answers::new();
    loop {
        let flow = Flow::new(content, &answers);
        let Some(q) = flow.questions.iter().find(|q| answers.get(&q.id).is_none()) else { break };
        let offered = offered_choices(q, &flow.effective);
        let value = match q.kind {
            Kind::Single | Kind::Select => AnswerValue::One(offered[rng.below(offered.len())].to_string()),
            Kind::Multi => {
                let mut chosen: Vec<String> = offered.iter().filter(|c| !q.exclusive.contains(c) && rng.below(2) == 0).map(|c| c.to_string()).collect();
                if chosen.is_empty() {
                    chosen.push(offered[rng.below(offered.len())].to_string());
                }
                AnswerValue::Many(chosen)
            }
            Kind::Text => AnswerValue::One(if q.required || rng.below(2) == 0 { "text".into() } else { String::new() }),
        };
        if value.is_empty() {
            // An optional text left empty: mark it visited with a placeholder and drop it after.
            answers.set(q.id, AnswerValue::One(" ".into()));
        } else {
            answers.set(q.id, value);
        }
    }
    let blanks: Vec<String> = answers.iter().filter(|(_, v)| v.is_empty()).map(|(k, _)| k.clone()).collect();
    for k in blanks {
        answers.remove(&k);
    }
    answers
}

/// A tiny deterministic generator for the lint's exploration.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

fn is_snake(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
