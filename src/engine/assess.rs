//! From answers to an [`Assessment`]: the route, the Art. 9 findings and how
//! strong that argument is, the steps, the supervisory authority, the citations
//! and the objection text in two variants. Pure: the caller passes today's date.
use serde::Serialize;

use super::answer::Answers;
use super::condition::{Condition, Facts};
use super::content::{Content, Lang, LetterBlock};
use super::date::Date;
use super::flow::{Flow, CONTROLLER, ESTABLISHMENT};
use super::ics;
use super::text::{join_list, question_vars, region, render, Vars};
use super::vocab::{Art9Facts, Route, SpecialCategory, Strength, ART9, ART9_NOT_SURE, MADE_PUBLIC};

/// One special category the person ticked as something their content may
/// reveal, with how strong the Art. 9 argument is for it and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CategoryFinding {
    pub category: SpecialCategory,
    pub label: String,
    pub strength: Strength,
    /// The strength in words ("strong", "may apply", "weaker").
    pub strength_label: String,
    /// Why, in one sentence with its article.
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Art9Finding {
    pub categories: Vec<CategoryFinding>,
    /// Where the person ticked "not sure": that the letter says so, without claiming it.
    pub unsure: Option<String>,
    pub strength: Option<Strength>,
    pub title: Option<String>,
    pub body: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub id: String,
    pub label: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub body: String,
    pub cites: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuthorityInfo {
    pub country: String,
    pub country_name: String,
    pub name: String,
    pub website: String,
    pub complaint_url: Option<String>,
    /// Set where a known organisation has a lead authority elsewhere (one-stop shop).
    pub lead_authority_note: Option<String>,
}

/// A link to the page where the person objects; it carries no answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormLink {
    pub services: Vec<String>,
    pub label: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Letter {
    /// For an organisation's form box: first person, only the person's reasons.
    pub short: String,
    /// For e-mail or post.
    pub long: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reminder {
    pub date: String,
    pub date_text: String,
    pub file_name: String,
    pub ics: String,
    /// What the calendar entry is made of, for [`Reminder::linked`].
    #[serde(skip)]
    parts: (String, Date, Date, String, String),
}

impl Reminder {
    /// The calendar entry with a link to "My objections" (`link`: the page's
    /// address and `#objections`, no answers) in its description and URL.
    pub fn linked(&self, content: &Content, lang: Lang, link: &str) -> String {
        let (uid, stamp, on, summary, description) = &self.parts;
        let line = render(content, lang, "ui.reminder.link", &Vars::new().with("link", link));
        ics::linked_event(uid, *stamp, *on, summary, &format!("{description}\n\n{line}"), Some(link))
    }
}

/// Everything the result page and the `assess` command show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub lang: Lang,
    pub route: Route,
    pub route_title: String,
    pub route_body: String,
    pub art9: Art9Finding,
    pub authority: Option<AuthorityInfo>,
    pub forms: Vec<FormLink>,
    pub steps: Vec<Step>,
    pub letter: Option<Letter>,
    pub reminder: Option<Reminder>,
    pub citations: Vec<Citation>,
    /// When the facts about a known organisation were last checked.
    pub facts_checked: Option<String>,
    /// Questions still unanswered (the assessment is then provisional).
    pub missing: Vec<String>,
}

/// The assessment for these answers, in this language, on this day.
pub fn assess(content: &Content, lang: Lang, answers: &Answers, today: Date) -> Assessment {
    let flow = Flow::new(content, answers);
    let effective = &flow.effective;
    let art9 = art9_facts(effective);
    let route = route_for(content, effective);
    let facts = Facts { answers: effective, route: Some(route), art9 };
    let mut cites = Collected::default();

    let vars = text_vars(content, lang, effective, today);

    if let Some(rule) = content.outcomes.routes.iter().find(|r| r.id == route.id()) {
        cites.add_all(rule.cites);
    }
    let route_title = render(content, lang, &format!("route.{}.title", route.id()), &vars);
    let route_body = render(content, lang, &format!("route.{}.body", route.id()), &vars);

    let made_public = effective.one(MADE_PUBLIC);
    let categories: Vec<CategoryFinding> = SpecialCategory::ALL
        .into_iter()
        .filter_map(|c| {
            let (strength, why) = category_strength(c, c.ticked(effective), made_public)?;
            Some(CategoryFinding {
                category: c,
                label: content.text(lang, &format!("art9.category.{}", c.id())).to_string(),
                strength,
                strength_label: content.text(lang, &format!("art9.level.{}", strength.id())).to_string(),
                reason: render(content, lang, &format!("art9.why.{why}"), &vars),
            })
        })
        .collect();
    let unsure = art9.unsure.then(|| render(content, lang, "art9.why.unsure_category", &vars));
    let art9_finding = if (categories.is_empty() && unsure.is_none()) || !route.is_gdpr() {
        Art9Finding {
            categories: Vec::new(),
            unsure: None,
            strength: None,
            title: None,
            body: if !route.is_gdpr() { String::new() } else { render(content, lang, "ui.result.art9_none", &vars) },
        }
    } else {
        cites.add_all(&["art9_1".into()]);
        if art9.revealed || art9.unsure {
            // Indirectly revealed data (C-184/20) and the strict reading of
            // "manifestly made public" (C-252/21).
            cites.add_all(&["c184_20".into(), "c252_21_9_2_e".into()]);
        }
        if categories.iter().any(|c| c.category == SpecialCategory::Biometric) {
            cites.add_all(&["art4_14".into(), "recital51".into()]);
        }
        // Photos of one's face only: no strength of its own (Art. 4(14), Recital 51).
        let key = art9.strength.map_or("face_only", Strength::id);
        Art9Finding {
            categories,
            unsure,
            strength: art9.strength,
            title: Some(render(content, lang, &format!("art9.strength.{key}.title"), &vars)),
            body: render(content, lang, &format!("art9.strength.{key}.body"), &vars),
        }
    };

    let steps: Vec<Step> = content
        .outcomes
        .steps
        .iter()
        .filter(|s| when(&s.when, &facts))
        .map(|s| {
            cites.add_all(s.cites);
            Step {
                id: s.id.to_string(),
                title: render(content, lang, &format!("step.{}.title", s.id), &vars),
                body: render(content, lang, &format!("step.{}.body", s.id), &vars),
                cites: s.cites.iter().map(|c| c.to_string()).collect(),
            }
        })
        .collect();

    let letter = when(&content.outcomes.letter.when, &facts).then(|| Letter {
        short: compose(content, lang, &content.outcomes.letter.short, false, &facts, &vars, &mut cites),
        long: compose(content, lang, &content.outcomes.letter.long, true, &facts, &vars, &mut cites),
    });

    let authority = if route.is_gdpr() { authority_for(content, lang, effective, &vars) } else { None };
    let forms = if route.is_gdpr() { forms_for(content, lang, effective) } else { Vec::new() };
    let reminder = route.is_gdpr().then(|| reminder_for(content, lang, effective, today, &vars));

    let citations = cites.ids.iter().filter_map(|id| citation(content, lang, effective, id, &vars)).collect();

    Assessment {
        lang,
        route,
        route_title,
        route_body,
        art9: art9_finding,
        authority,
        forms,
        steps,
        letter,
        reminder,
        citations,
        facts_checked: (route != Route::GdprNotApplicable && vars.get("verified_date").is_some_and(|d| !d.is_empty()))
            .then(|| render(content, lang, "result.facts_checked", &vars)),
        missing: flow.first_unanswered().map(|q| vec![q.id.to_string()]).unwrap_or_default(),
    }
}

/// The first route rule that holds; the last rule has no condition.
/// The citation `id` for these answers: its label in `lang` and the link to
/// its source (the UK's text for people in the UK).
pub fn citation(content: &Content, lang: Lang, answers: &Answers, id: &str, vars: &Vars) -> Option<Citation> {
    let uk = answers.one("residence") == Some("uk");
    let source = content.citation(id)?;
    let mut label = render(content, lang, &format!("cite.{id}"), vars);
    // In the UK, judgments of the Court of Justice given after 2020 do
    // not bind (European Union (Withdrawal) Act 2018, s. 6(1)-(2)).
    if uk && source.decided.as_deref().is_some_and(|d| d > "2020-12-31") {
        label.push_str(content.text(lang, "cite.uk_persuasive"));
    }
    let url = match (&source.uk_url, uk) {
        (Some(url), true) => url.to_string(),
        _ => source.url.replace("{LANG}", &lang.code().to_ascii_uppercase()),
    };
    Some(Citation { id: id.to_string(), label, url })
}

pub fn route_for(content: &Content, effective: &Answers) -> Route {
    let facts = Facts::asking(effective);
    content.outcomes.routes.iter().find(|r| when(&r.when, &facts)).and_then(|r| Route::from_id(&r.id)).unwrap_or(Route::ObjectArt21)
}

/// What the Art. 9 answers establish: the strength of the argument from the
/// categories other than biometric data (whether the person deliberately made
/// the content public to everyone decides it: Art. 9(2)(e), C-252/21), and
/// the tags. Photos of one's face are biometric data only when processed to
/// identify a person uniquely (Art. 4(14), Recital 51), so they give the
/// `face` tag, never a strength of their own.
pub fn art9_facts(effective: &Answers) -> Art9Facts {
    let revealed = SpecialCategory::ALL.into_iter().any(|c| c != SpecialCategory::Biometric && c.ticked(effective));
    let unsure = effective.get(ART9).is_some_and(|v| v.values().iter().any(|c| c == ART9_NOT_SURE));
    let strength = (revealed || unsure).then(|| match effective.one(MADE_PUBLIC) {
        Some("deliberately_public") => Strength::Limited,
        Some("limited_audience") if revealed => Strength::Strong,
        _ => Strength::Moderate,
    });
    Art9Facts { strength, revealed, unsure, face: SpecialCategory::Biometric.ticked(effective) }
}

/// How strong the argument is for one category, and the id of the reason
/// (`art9.why.<id>`); `None` where it is not ticked.
fn category_strength(c: SpecialCategory, ticked: bool, made_public: Option<&str>) -> Option<(Strength, &'static str)> {
    if !ticked {
        return None;
    }
    Some(match (c, made_public) {
        (SpecialCategory::Biometric, _) => (Strength::Moderate, "biometric"),
        (_, Some("deliberately_public")) => (Strength::Limited, "made_public"),
        (_, Some("limited_audience")) => (Strength::Strong, "not_public"),
        _ => (Strength::Moderate, "unsure_public"),
    })
}

fn when(cond: &Option<Condition>, facts: &Facts<'_>) -> bool {
    cond.as_ref().is_none_or(|c| c.holds(facts))
}

/// Citation ids in first-seen order, without repeats.
#[derive(Default)]
struct Collected {
    ids: Vec<String>,
}

impl Collected {
    fn add_all(&mut self, ids: &[&str]) {
        for id in ids {
            if !self.ids.iter().any(|i| i == id) {
                self.ids.push(id.to_string());
            }
        }
    }
}

/// The values of every placeholder, for these answers on this day.
pub fn text_vars(content: &Content, lang: Lang, a: &Answers, today: Date) -> Vars {
    let mut v = question_vars(content, lang, a);
    let controller = a.one(CONTROLLER).unwrap_or("other");
    // Who the letter is addressed to: a known organisation's legal name and
    // postal address, or what the person typed for another one.
    let facts = content.region_facts(controller, region(a));
    let recipient = facts.and_then(|f| f.legal_name.map(str::to_string)).unwrap_or_else(|| v.get("controller").unwrap_or_default().to_string());
    v.set("recipient", recipient);
    let typed_address = a.one("organisation_address").map(str::trim).filter(|_| controller == "other");
    v.set("recipient_address", facts.and_then(|f| f.postal_address.as_deref()).or(typed_address).unwrap_or_default());
    let verified = content.controller(controller).and_then(|c| Date::parse_iso(&c.verified)).map(|d| d.long(content, lang));
    v.set("verified_date", verified.unwrap_or_default());
    v.set("services", services_text(content, lang, a));
    v.set("date", today.long(content, lang));
    v.set("reminder_date", today.plus_one_month().long(content, lang));
    v.set("name", a.one("full_name").unwrap_or("").trim());
    v.set("email", a.one("account_email").unwrap_or("").trim());
    v.set("situation_text", a.one("situation_text").unwrap_or("").trim());
    v.set("other_reason", a.one("other_reason").unwrap_or("").trim());
    // Photos of one's face have their own paragraph (Art. 4(14), Recital 51).
    let labels: Vec<String> = SpecialCategory::ALL
        .iter()
        .filter(|c| **c != SpecialCategory::Biometric && c.ticked(a))
        .map(|c| content.text(lang, &format!("art9.category.{}", c.id())).to_string())
        .collect();
    v.set("art9_categories", join_list(content, lang, &labels));
    let training = facts.and_then(|f| f.training_start.as_deref()).and_then(Date::parse_iso);
    v.set("training_start", training.map(|d| d.long(content, lang)).unwrap_or_default());
    let basis = a.one("legal_basis").unwrap_or("dont_know");
    let basis_id = format!("basis.{basis}");
    let basis_text = content.text_opt(lang, &basis_id).unwrap_or_else(|| content.text(lang, "basis.dont_know"));
    // The basis text itself names {law}: fill it first.
    let law_only = Vars::new().with("law", v.get("law").unwrap_or_default().to_string());
    v.set("basis", super::text::fill(basis_text, &law_only));
    if let Some(auth) = authority_record(content, a) {
        v.set("authority", auth.name_in(lang));
        v.set("authority_website", auth.complaint_url.clone().unwrap_or_else(|| auth.website));
        v.set("country", content.text(lang, &authority_place(auth)));
    } else {
        v.set("authority", "");
        v.set("authority_website", "");
        v.set("country", "");
    }
    v
}

fn services_text(content: &Content, lang: Lang, a: &Answers) -> String {
    let controller = a.one(CONTROLLER).unwrap_or("other");
    let names: Vec<String> = match (controller, a.get("services")) {
        // Services with a name ("no account" has none).
        ("meta", Some(s)) => s.values().iter().filter_map(|s| content.text_opt(lang, &format!("service.{s}.name"))).map(str::to_string).collect(),
        ("meta", None) => vec![content.text(lang, "controller.meta.name").to_string()],
        (c @ ("linkedin" | "x"), _) => vec![content.text(lang, &format!("service.{c}.name")).to_string()],
        _ => Vec::new(),
    };
    join_list(content, lang, &names)
}

/// The person's own authority (Art. 77(1)): of the country where they live;
/// for someone outside the EU/EEA and the UK whose organisation is
/// established in the EU/EEA (Art. 3(1)), that organisation's lead authority
/// where the check knows it.
pub fn authority_record<'c>(content: &'c Content, a: &Answers) -> Option<&'c super::content::Authority> {
    match a.one("residence")? {
        "uk" => content.authority("uk"),
        // In Germany, the Land's authority supervises companies, not the BfDI.
        "eu_eea" => match a.one("land") {
            Some(land) if a.one("country") == Some("de") => content.authority(land),
            _ => content.authority(a.one("country")?),
        },
        _ if a.one(ESTABLISHMENT) == Some("yes") => content.authority(content.controller(a.one(CONTROLLER)?)?.lead_authority.as_deref()?),
        _ => None,
    }
}

/// The text that names where an authority is: its country, or its Land.
fn authority_place(auth: &super::content::Authority) -> String {
    if auth.region == "de_land" {
        format!("land.{}", auth.country)
    } else {
        format!("country.{}", auth.country)
    }
}

fn authority_for(content: &Content, lang: Lang, a: &Answers, vars: &Vars) -> Option<AuthorityInfo> {
    let auth = authority_record(content, a)?;
    let lead = a
        .one(CONTROLLER)
        .and_then(|c| content.controller(c))
        .and_then(|c| c.lead_authority.as_deref())
        .filter(|lead| auth.region != "uk" && *lead != auth.country && a.one("residence") == Some("eu_eea"))
        .map(|_| render(content, lang, "ui.result.lead_authority", vars));
    Some(AuthorityInfo {
        country: auth.country.to_string(),
        country_name: content.text(lang, &authority_place(auth)).to_string(),
        name: auth.name_in(lang).to_string(),
        website: auth.website.to_string(),
        complaint_url: auth.complaint_url.map(str::to_string),
        lead_authority_note: lead,
    })
}

/// One link per distinct form; services that share a form share the link.
fn forms_for(content: &Content, lang: Lang, a: &Answers) -> Vec<FormLink> {
    let Some(controller) = a.one(CONTROLLER).and_then(|c| content.controller(c)) else {
        return Vec::new();
    };
    let chosen: Vec<String> = match a.get("services") {
        Some(v) if controller.id == "meta" => v.values().to_vec(),
        _ => controller.forms.iter().map(|f| f.service.to_string()).collect(),
    };
    let mut links: Vec<FormLink> = Vec::new();
    for form in controller.forms.iter().filter(|f| chosen.iter().any(|c| c == f.service)) {
        match links.iter_mut().find(|l| l.url == form.url) {
            Some(l) => l.services.push(form.service.to_string()),
            None => links.push(FormLink { services: vec![form.service.to_string()], label: String::new(), url: form.url.to_string() }),
        }
    }
    for l in &mut links {
        let names: Vec<String> = l.services.iter().map(|s| content.text(lang, &format!("service.{s}.name")).to_string()).collect();
        let vars = Vars::new().with("service", join_list(content, lang, &names));
        l.label = render(content, lang, "ui.result.open_form", &vars);
    }
    links
}

fn reminder_for(content: &Content, lang: Lang, a: &Answers, today: Date, vars: &Vars) -> Reminder {
    let on = today.plus_one_month();
    let controller = a.one(CONTROLLER).unwrap_or("other");
    let summary = render(content, lang, "ui.reminder.summary", vars);
    let mut description = render(content, lang, "ui.reminder.description", vars);
    if vars.get("authority").unwrap_or("").is_empty() {
        // No authority known (no country given): keep the sentence about one month only.
        description = description.split(". ").next().unwrap_or(&description).to_string() + ".";
    }
    let uid = format!("objection-check-{}-{}@objection-check.invalid", today.compact(), controller);
    Reminder {
        date: on.to_string(),
        date_text: on.long(content, lang),
        file_name: format!("objection-reminder-{}.ics", on),
        ics: ics::reminder_event(&uid, today, on, &summary, &description),
        parts: (uid.clone(), today, on, summary.clone(), description.clone()),
    }
}

/// Builds one letter variant from its blocks. Paragraphs are separated by a
/// blank line; a list of reasons follows its intro line directly.
fn compose(content: &Content, lang: Lang, blocks: &[LetterBlock], long: bool, facts: &Facts<'_>, vars: &Vars, cites: &mut Collected) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    compose_into(content, lang, blocks, long, facts, vars, cites, &mut paragraphs, 0);
    let mut out = String::new();
    for p in paragraphs {
        if !out.is_empty() {
            out.push_str(if p.starts_with("- ") && (out.ends_with(':') || last_line_is_item(&out)) { "\n" } else { "\n\n" });
        }
        out.push_str(&p);
    }
    // Empty name or e-mail lines leave blank lines at the top of the long letter.
    let trimmed: Vec<&str> = out.lines().collect();
    let mut cleaned = String::with_capacity(out.len());
    let mut blank_run = 0;
    for line in trimmed.iter().map(|l| l.trim_end()) {
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || cleaned.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        cleaned.push_str(line);
        cleaned.push('\n');
    }
    cleaned.trim_end().to_string()
}

fn last_line_is_item(out: &str) -> bool {
    out.rsplit('\n').next().is_some_and(|l| l.starts_with("- "))
}

#[allow(clippy::too_many_arguments)]
fn compose_into(
    content: &Content,
    lang: Lang,
    blocks: &[LetterBlock],
    long: bool,
    facts: &Facts<'_>,
    vars: &Vars,
    cites: &mut Collected,
    out: &mut Vec<String>,
    depth: usize,
) {
    for block in blocks.iter().filter(|b| when(&b.when, facts)) {
        if let Some(include) = &block.include {
            if *include == "core" && depth == 0 {
                compose_into(content, lang, &content.outcomes.letter.core, long, facts, vars, cites, out, depth + 1);
            }
            continue;
        }
        let text = if long { block.long_text.as_ref().or(block.text.as_ref()) } else { block.text.as_ref() };
        let Some(text) = text else { continue };
        match &block.each {
            Some(q) => {
                for value in facts.answers.get(q).map(|v| v.values().to_vec()).unwrap_or_default() {
                    out.push(render(content, lang, &format!("{text}.{value}"), vars));
                    if let Some((_, c)) = block.cites_each.iter().find(|(v, _)| *v == value) {
                        cites.add_all(c);
                    }
                }
            }
            None => out.push(render(content, lang, text, vars)),
        }
        cites.add_all(block.cites);
    }
}
