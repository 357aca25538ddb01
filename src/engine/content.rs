//! The content model: the typed shape of the files in `content/`, and the
//! reader that checks a content document against it ([`Content::read`]).
//! `build.rs` runs that reader on `content/` and embeds the result in its
//! compiled form ([`super::compact`], loaded by [`super::embedded`]); the
//! tests run it on content they break on purpose. The rest of the engine sees
//! [`Content`].
use std::collections::BTreeMap;

use super::json::{Json, Object};
use super::text_table;

use super::condition::Condition;

/// A language the check speaks. Every text exists in each of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    Fr,
    Es,
    It,
    Pl,
    Nl,
    En,
}

impl Lang {
    /// In the order the language list shows them.
    pub const ALL: [Lang; 7] = [Lang::De, Lang::Fr, Lang::Es, Lang::It, Lang::Pl, Lang::Nl, Lang::En];

    /// Its place in [`Lang::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The BCP 47 code: "de", "fr", "es", "it", "pl", "nl" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::Pl => "pl",
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language with exactly this code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Reads a code, or a longer tag such as "nl-BE" or "en_GB"; a language
    /// the check does not have is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::from_code(&primary)
    }
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Pick exactly one choice (radios).
    Single,
    /// Tick one or more choices (checkboxes).
    Multi,
    /// Pick one from a long list (a select).
    Select,
    /// Free text.
    Text,
}

/// One question as written in `content/questionnaire.toml`.
#[derive(Clone, Debug)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub choices: Vec<String>,
    pub choices_from: Option<String>,
    pub when: Option<Condition>,
    pub required: bool,
    pub max_chars: Option<usize>,
    /// Choices that cannot be combined with any other (e.g. "nothing is public").
    pub exclusive: Vec<String>,
    /// Choices offered only where their condition holds (`choice_when`);
    /// the others are always offered.
    pub choice_when: Vec<(String, Condition)>,
    /// Former choices a saved answer may still hold: read without complaint
    /// and left out, because an earlier answer now carries their meaning.
    pub retired: Vec<String>,
    /// What a text answer must look like: `Some("email")` for an e-mail address.
    pub format: Option<String>,
    /// Where this holds, a required question may be left unanswered.
    pub optional_when: Option<Condition>,
    /// The page it shares with the adjacent questions of the same `page`.
    pub page: Option<String>,
}

/// Longest text answer when a question sets no `max_chars`.
pub const DEFAULT_MAX_CHARS: usize = 1000;

impl Question {
    /// An e-mail address is asked (`format = "email"`).
    pub fn asks_email(&self) -> bool {
        self.format.as_deref() == Some("email")
    }

    /// The id of the text that names one of its choices: a country's or a
    /// German Land's name for the lists filled from authorities.toml.
    pub fn choice_label_id(&self, choice: &str) -> String {
        match self.choices_from.as_deref() {
            Some("countries") => format!("country.{choice}"),
            Some("laender") => format!("land.{choice}"),
            _ => format!("q.{}.choice.{choice}", self.id),
        }
    }

    /// The most characters a text answer may have.
    pub fn max_chars(&self) -> usize {
        self.max_chars.unwrap_or(DEFAULT_MAX_CHARS)
    }
}

/// A group of questions asked together, only when its condition holds.
#[derive(Clone, Debug)]
pub struct Section {
    pub id: String,
    pub when: Option<Condition>,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug)]
pub struct Questionnaire {
    pub sections: Vec<Section>,
}

/// A rule that picks the route (first match wins).
#[derive(Clone, Debug)]
pub struct RouteRule {
    pub id: String,
    pub when: Option<Condition>,
    pub cites: Vec<String>,
}

/// A next step shown on the result page where its condition holds.
#[derive(Clone, Debug)]
pub struct StepRule {
    pub id: String,
    pub when: Option<Condition>,
    pub cites: Vec<String>,
}

/// One block of an objection text.
#[derive(Clone, Debug)]
pub struct LetterBlock {
    /// A text id, or with `each` the prefix of one text id per chosen value.
    pub text: Option<String>,
    /// The same for the long letter, where it argues at more length.
    pub long_text: Option<String>,
    /// Repeat the text for every value of this (multi) question.
    pub each: Option<String>,
    /// Insert the blocks of another list (only "core").
    pub include: Option<String>,
    pub when: Option<Condition>,
    pub cites: Vec<String>,
    /// Citations per value of an `each` block.
    pub cites_each: Vec<(String, Vec<String>)>,
}

#[derive(Clone, Debug)]
pub struct LetterRules {
    pub when: Option<Condition>,
    pub core: Vec<LetterBlock>,
    pub short: Vec<LetterBlock>,
    pub long: Vec<LetterBlock>,
}

#[derive(Clone, Debug)]
pub struct Outcomes {
    pub routes: Vec<RouteRule>,
    pub steps: Vec<StepRule>,
    pub letter: LetterRules,
}

/// Where a person objects to one service of a controller.
#[derive(Clone, Debug)]
pub struct ServiceForm {
    pub service: String,
    pub url: String,
}

/// What a known organisation is and did for people in one region: the
/// company that runs their accounts, when it told them about the use and
/// when the use started.
#[derive(Clone, Debug)]
pub struct RegionFacts {
    /// "eu_eea" or "uk" (a residence choice); "eu_eea" also serves people
    /// outside both whose account is run from the EU/EEA.
    pub region: String,
    /// ISO date of the organisation's notice to users.
    pub notice: Option<String>,
    /// ISO date the use (AI training) started.
    pub training_start: Option<String>,
    /// The company's legal name and postal address, for a letter by post.
    pub legal_name: Option<String>,
    pub postal_address: Option<String>,
}

/// A known organisation: its own legal basis and purpose, what it is and
/// did per region, its forms.
#[derive(Clone, Debug)]
pub struct Controller {
    pub id: String,
    pub legal_basis: String,
    /// What it uses the data for (a choice id of the `purpose` question).
    pub purpose: String,
    pub regions: Vec<RegionFacts>,
    pub lead_authority: Option<String>,
    pub verified: String,
    pub forms: Vec<ServiceForm>,
}

/// A supervisory authority for one country.
#[derive(Clone, Debug)]
pub struct Authority {
    /// A country code, or for a German Land "de-" and its code ("de-by").
    pub country: String,
    /// "eu_eea", "uk" or "de_land".
    pub region: String,
    /// Its own name, in its own language.
    pub name: String,
    /// The English name it publishes itself, if it differs.
    pub name_en: Option<String>,
    pub website: String,
    pub complaint_url: Option<String>,
    /// The languages it works in (ISO 639-1 codes), its country's official
    /// languages: named to a person writing in another (`language.<code>`).
    pub languages: Vec<String>,
}

impl Authority {
    /// Its name for a reader of this language: the English name it publishes
    /// for English, else its own.
    pub fn name_in(&self, lang: Lang) -> &str {
        match (lang, &self.name_en) {
            (Lang::En, Some(en)) => en,
            _ => &self.name,
        }
    }
}

#[derive(Clone, Debug)]
pub struct CitationSource {
    pub id: String,
    pub url: String,
    /// Where people under the UK GDPR read it (legislation.gov.uk).
    pub uk_url: Option<String>,
    /// For case law: the ISO date of the judgment (in the UK, later than
    /// 2020 means persuasive only).
    pub decided: Option<String>,
}

/// Everything in `content/`, typed. Built once; shared by reference.
#[derive(Debug)]
pub struct Content {
    pub questionnaire: Questionnaire,
    pub outcomes: Outcomes,
    pub controllers: Vec<Controller>,
    pub authorities: Vec<Authority>,
    pub citations: Vec<CitationSource>,
    /// Texts per language and id.
    pub locales: Texts,
}

/// The texts of every language: each id once, in order, and per language the
/// text for each id if it has one. (Lists rather than maps: a lookup is a
/// binary search, and the app's download carries no tree code for them.) The
/// texts are slices of the table or language files the build made
/// ([`text_table`]), never copied. The texts shipped with the app
/// ([`Texts::embedded`]) also hold each language installed while it runs
/// ([`Texts::install`]).
#[derive(Debug, Default, Clone)]
pub struct Texts {
    ids: Vec<&'static str>,
    langs: Vec<text_table::Row<'static>>,
    /// Also the languages installed while the app runs.
    shipped: bool,
}

/// The languages installed while the app runs, by [`Lang::index`].
static INSTALLED: [std::sync::OnceLock<Vec<Option<&'static str>>>; Lang::ALL.len()] = [const { std::sync::OnceLock::new() }; Lang::ALL.len()];

impl Texts {
    /// Reads a text table ([`text_table`]); the tests make their own to break on purpose.
    pub fn read(table: &'static str) -> Result<Texts, String> {
        let (ids, langs) = text_table::read(table)?;
        Ok(Texts { ids, langs, shipped: false })
    }

    /// The ids of a table without languages, whose languages are installed
    /// one by one ([`Texts::install`]): what the app ships.
    pub(crate) fn shipped(table: &'static str) -> Result<Texts, String> {
        let (ids, _) = text_table::read(table)?;
        Ok(Texts { ids, langs: Vec::new(), shipped: true })
    }

    /// Installs a language file ([`text_table::write_language`]) of these
    /// ids for every shipped `Texts`: `lang`'s texts from now on. Installing
    /// a language again keeps the first.
    pub fn install(&self, lang: Lang, file: &'static str) -> Result<(), String> {
        let (code, texts) = text_table::read_language(&self.ids, file)?;
        if code != lang.code() {
            return Err(format!("texts: expected the `{}` file, got the `{code}` file", lang.code()));
        }
        let _ = INSTALLED[lang.index()].set(texts);
        Ok(())
    }

    /// Whether `lang`'s texts are here.
    pub fn has(&self, lang: Lang) -> bool {
        self.row(lang.code()).is_some()
    }

    fn row(&self, lang: &str) -> Option<&[Option<&'static str>]> {
        if let Some((_, texts)) = self.langs.iter().find(|(l, _)| *l == lang) {
            return Some(texts);
        }
        let l = Lang::from_code(lang).filter(|_| self.shipped)?;
        INSTALLED[l.index()].get().map(Vec::as_slice)
    }

    /// The text with this id in this language; the id itself if it is missing
    /// (the lint makes sure it never is).
    pub fn text<'a>(&self, lang: Lang, id: &'a str) -> &'a str {
        self.get(lang.code(), id).unwrap_or(id)
    }

    /// The text with this id in the language with this code.
    pub fn get(&self, lang: &str, id: &str) -> Option<&'static str> {
        let i = self.ids.binary_search(&id).ok()?;
        self.row(lang)?[i]
    }

    /// Per language code, its texts by id (for the content lint and tests).
    pub fn by_lang(&self) -> BTreeMap<String, BTreeMap<String, String>> {
        let row = |texts: &[Option<&str>]| self.ids.iter().zip(texts).filter_map(|(id, t)| Some((id.to_string(), (*t)?.to_string()))).collect();
        let mut out: BTreeMap<String, BTreeMap<String, String>> = self.langs.iter().map(|(lang, texts)| (lang.to_string(), row(texts))).collect();
        for l in Lang::ALL {
            if let (false, Some(texts)) = (out.contains_key(l.code()), self.row(l.code())) {
                out.insert(l.code().to_string(), row(texts));
            }
        }
        out
    }
}

impl Content {
    /// Reads a content document (the JSON `build.rs` writes) and its texts.
    /// Choices named by `choices_from = "countries"` are filled in from the
    /// EU/EEA authorities, `"laender"` from the German Länder's.
    pub fn read(json: &str, locales: Texts) -> Result<Content, String> {
        let doc = Json::parse(json).map_err(|e| format!("content is not valid JSON: {e}"))?;
        let mut content = read::content(&doc, locales).map_err(|e| format!("content does not fit its model: {e}"))?;
        let in_region = |region: &str| -> Vec<String> { content.authorities.iter().filter(|a| a.region == region).map(|a| a.country.clone()).collect() };
        let (countries, laender) = (in_region("eu_eea"), in_region("de_land"));
        for section in &mut content.questionnaire.sections {
            for q in &mut section.questions {
                match q.choices_from.as_deref() {
                    Some("countries") => q.choices = countries.clone(),
                    Some("laender") => q.choices = laender.clone(),
                    Some(other) => return Err(format!("question `{}`: unknown choices_from `{other}`", q.id)),
                    None => {}
                }
            }
        }
        Ok(content)
    }

    /// All questions in asking order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.questionnaire.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    pub fn controller(&self, id: &str) -> Option<&Controller> {
        self.controllers.iter().find(|c| c.id == id)
    }

    pub fn authority(&self, country: &str) -> Option<&Authority> {
        self.authorities.iter().find(|a| a.country == country)
    }

    /// What a known organisation is and did for people in this region.
    pub fn region_facts(&self, controller: &str, region: &str) -> Option<&RegionFacts> {
        self.controller(controller)?.regions.iter().find(|t| t.region == region)
    }

    pub fn citation(&self, id: &str) -> Option<&CitationSource> {
        self.citations.iter().find(|c| c.id == id)
    }

    /// The text with this id in this language; the id itself if it is missing
    /// (the lint makes sure it never is).
    pub fn text<'a>(&'a self, lang: Lang, id: &'a str) -> &'a str {
        self.locales.text(lang, id)
    }

    /// The text with this id, if it exists (for optional texts such as choice hints).
    pub fn text_opt(&self, lang: Lang, id: &str) -> Option<&str> {
        self.locales.get(lang.code(), id)
    }
}

/// Reads a content document (the JSON `build.rs` writes from the TOML files)
/// into the model. Every table is checked for unknown and missing fields, and a
/// mistake names its place: `outcomes.step[3].when.is: missing field `q``.
/// Written out instead of derived, with [`super::json`] reading the JSON: no
/// serde in the engine's reading. (The app itself does not carry this reader:
/// it loads the compiled form the build wrote with it.)
mod read {
    use super::*;
    use crate::engine::condition::Condition;

    pub(super) type Result<T> = std::result::Result<T, String>;

    /// A table at a place in the document, with only the keys it may have.
    struct Table<'a> {
        at: String,
        map: &'a Object,
    }

    fn names(keys: &[&str]) -> String {
        keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
    }

    impl<'a> Table<'a> {
        fn new(value: &'a Json, at: String, keys: &[&str]) -> Result<Table<'a>> {
            let map = value.as_object().ok_or_else(|| format!("{at}: expected a table"))?;
            if let Some(k) = map.keys().find(|k| !keys.contains(&k.as_str())) {
                return Err(format!("{at}: unknown field `{k}`, expected one of {}", names(keys)));
            }
            Ok(Table { at, map })
        }

        fn place(&self, key: &str) -> String {
            if self.at.is_empty() {
                key.to_string()
            } else {
                format!("{}.{key}", self.at)
            }
        }

        fn required(&self, key: &str) -> Result<&'a Json> {
            self.map.get(key).ok_or_else(|| {
                let at = if self.at.is_empty() { "the document" } else { &self.at };
                format!("{at}: missing field `{key}`")
            })
        }

        fn table(&self, key: &str, keys: &[&str]) -> Result<Table<'a>> {
            Table::new(self.required(key)?, self.place(key), keys)
        }

        fn opt_text(&self, key: &str) -> Result<Option<String>> {
            match self.map.get(key) {
                None => Ok(None),
                Some(v) => text(v, &self.place(key)).map(Some),
            }
        }

        fn text(&self, key: &str) -> Result<String> {
            text(self.required(key)?, &self.place(key))
        }

        /// A list; absent is empty unless `required`.
        fn list<T>(&self, key: &str, required: bool, item: impl Fn(&'a Json, String) -> Result<T>) -> Result<Vec<T>> {
            match self.map.get(key) {
                None if !required => Ok(Vec::new()),
                _ => items(self.required(key)?, &self.place(key), item),
            }
        }

        fn texts(&self, key: &str) -> Result<Vec<String>> {
            self.map.get(key).map_or(Ok(Vec::new()), |v| texts(v, &self.place(key)))
        }

        fn flag(&self, key: &str, default: bool) -> Result<bool> {
            match self.map.get(key) {
                None => Ok(default),
                Some(v) => v.as_bool().ok_or_else(|| format!("{}: expected true or false", self.place(key))),
            }
        }

        fn count(&self, key: &str) -> Result<Option<usize>> {
            match self.map.get(key) {
                None => Ok(None),
                Some(v) => v.as_u64().and_then(|n| usize::try_from(n).ok()).map(Some).ok_or_else(|| format!("{}: expected a whole number", self.place(key))),
            }
        }

        fn condition(&self, key: &str) -> Result<Option<Condition>> {
            self.map.get(key).map(|v| condition(v, self.place(key))).transpose()
        }
    }

    fn text(value: &Json, at: &str) -> Result<String> {
        value.as_str().map(str::to_string).ok_or_else(|| format!("{at}: expected a text in quotes"))
    }

    /// Every item of the list at `at`, each read by `item` at its own place (`at[i]`).
    fn items<'a, T>(value: &'a Json, at: &str, item: impl Fn(&'a Json, String) -> Result<T>) -> Result<Vec<T>> {
        let list = value.as_array().ok_or_else(|| format!("{at}: expected a list"))?;
        // A loop rather than `collect::<Result<Vec<_>>>()`: the same, in less code per item type.
        let mut out = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            out.push(item(v, format!("{at}[{i}]"))?);
        }
        Ok(out)
    }

    fn texts(value: &Json, at: &str) -> Result<Vec<String>> {
        items(value, at, |v, at| text(v, &at))
    }

    pub(super) fn condition(value: &Json, at: String) -> Result<Condition> {
        const KINDS: [&str; 7] = ["is", "answered", "all", "any", "not", "route", "art9"];
        let t = Table::new(value, at.clone(), &KINDS)?;
        let mut entries = t.map.iter();
        let (Some((kind, inner)), None) = (entries.next(), entries.next()) else {
            return Err(format!("{at}: expected exactly one of {}", names(&KINDS)));
        };
        let at = t.place(kind);
        let list = |v: &Json| -> Result<Vec<Condition>> {
            if v.as_array().is_none() {
                return Err(format!("{at}: expected a list of conditions"));
            }
            items(v, &at, condition)
        };
        Ok(match kind.as_str() {
            "is" => {
                let is = Table::new(inner, at.clone(), &["q", "any"])?;
                Condition::Is { q: is.text("q")?, any: texts(is.required("any")?, &is.place("any"))? }
            }
            "answered" => Condition::Answered(text(inner, &at)?),
            "all" => Condition::All(list(inner)?),
            "any" => Condition::Any(list(inner)?),
            "not" => Condition::Not(Box::new(condition(inner, at.clone())?)),
            "route" => Condition::Route(texts(inner, &at)?),
            _ => Condition::Art9(texts(inner, &at)?),
        })
    }

    fn kind(value: &Json, at: &str) -> Result<Kind> {
        match text(value, at)?.as_str() {
            "single" => Ok(Kind::Single),
            "multi" => Ok(Kind::Multi),
            "select" => Ok(Kind::Select),
            "text" => Ok(Kind::Text),
            other => Err(format!("{at}: unknown variant `{other}`, expected one of `single`, `multi`, `select`, `text`")),
        }
    }

    fn question(value: &Json, at: String) -> Result<Question> {
        let t = Table::new(
            value,
            at,
            &[
                "id",
                "kind",
                "choices",
                "choices_from",
                "when",
                "required",
                "max_chars",
                "exclusive",
                "choice_when",
                "retired",
                "format",
                "optional_when",
                "page",
            ],
        )?;
        let mut choice_when = Vec::new();
        if let Some(v) = t.map.get("choice_when") {
            let at = t.place("choice_when");
            let map = v.as_object().ok_or_else(|| format!("{at}: expected a table"))?;
            for (choice, c) in map.iter() {
                choice_when.push((choice.clone(), condition(c, format!("{at}.{choice}"))?));
            }
        }
        Ok(Question {
            id: t.text("id")?,
            kind: kind(t.required("kind")?, &t.place("kind"))?,
            choices: t.texts("choices")?,
            choices_from: t.opt_text("choices_from")?,
            when: t.condition("when")?,
            required: t.flag("required", true)?,
            max_chars: t.count("max_chars")?,
            exclusive: t.texts("exclusive")?,
            choice_when,
            retired: t.texts("retired")?,
            format: t.opt_text("format")?,
            optional_when: t.condition("optional_when")?,
            page: t.opt_text("page")?,
        })
    }

    fn section(value: &Json, at: String) -> Result<Section> {
        let t = Table::new(value, at, &["id", "when", "question"])?;
        Ok(Section { id: t.text("id")?, when: t.condition("when")?, questions: t.list("question", true, question)? })
    }

    fn rule(value: &Json, at: String) -> Result<(String, Option<Condition>, Vec<String>)> {
        let t = Table::new(value, at, &["id", "when", "cites"])?;
        Ok((t.text("id")?, t.condition("when")?, t.texts("cites")?))
    }

    fn letter_block(value: &Json, at: String) -> Result<LetterBlock> {
        let t = Table::new(value, at, &["text", "long_text", "each", "include", "when", "cites", "cites_each"])?;
        let mut cites_each = Vec::new();
        if let Some(v) = t.map.get("cites_each") {
            let at = t.place("cites_each");
            let map = v.as_object().ok_or_else(|| format!("{at}: expected a table"))?;
            for (value, cites) in map.iter() {
                cites_each.push((value.clone(), texts(cites, &format!("{at}.{value}"))?));
            }
        }
        Ok(LetterBlock {
            text: t.opt_text("text")?,
            long_text: t.opt_text("long_text")?,
            each: t.opt_text("each")?,
            include: t.opt_text("include")?,
            when: t.condition("when")?,
            cites: t.texts("cites")?,
            cites_each,
        })
    }

    fn controller(value: &Json, at: String) -> Result<Controller> {
        let t = Table::new(value, at, &["id", "legal_basis", "purpose", "region", "lead_authority", "verified", "form"])?;
        Ok(Controller {
            id: t.text("id")?,
            legal_basis: t.text("legal_basis")?,
            purpose: t.text("purpose")?,
            regions: t.list("region", false, |v, at| {
                let l = Table::new(v, at, &["region", "notice", "training_start", "legal_name", "postal_address"])?;
                Ok(RegionFacts {
                    region: l.text("region")?,
                    notice: l.opt_text("notice")?,
                    training_start: l.opt_text("training_start")?,
                    legal_name: l.opt_text("legal_name")?,
                    postal_address: l.opt_text("postal_address")?,
                })
            })?,
            lead_authority: t.opt_text("lead_authority")?,
            verified: t.text("verified")?,
            forms: t.list("form", false, |v, at| {
                let f = Table::new(v, at, &["service", "url"])?;
                Ok(ServiceForm { service: f.text("service")?, url: f.text("url")? })
            })?,
        })
    }

    fn authority(value: &Json, at: String) -> Result<Authority> {
        let t = Table::new(value, at, &["country", "region", "name", "name_en", "website", "complaint_url", "languages"])?;
        Ok(Authority {
            country: t.text("country")?,
            region: t.text("region")?,
            name: t.text("name")?,
            name_en: t.opt_text("name_en")?,
            website: t.text("website")?,
            complaint_url: t.opt_text("complaint_url")?,
            languages: t.texts("languages")?,
        })
    }

    pub(super) fn content(doc: &Json, locales: Texts) -> Result<Content> {
        let doc = Table::new(doc, String::new(), &["questionnaire", "outcomes", "controllers", "authorities", "citations"])?;
        let questionnaire = doc.table("questionnaire", &["section"])?;
        let outcomes = doc.table("outcomes", &["route", "step", "letter"])?;
        let letter = outcomes.table("letter", &["when", "core", "short", "long"])?;
        let blocks = |key: &str| letter.list(key, true, letter_block);
        Ok(Content {
            questionnaire: Questionnaire { sections: questionnaire.list("section", true, section)? },
            outcomes: Outcomes {
                routes: outcomes.list("route", true, |v, at| rule(v, at).map(|(id, when, cites)| RouteRule { id, when, cites }))?,
                steps: outcomes.list("step", true, |v, at| rule(v, at).map(|(id, when, cites)| StepRule { id, when, cites }))?,
                letter: LetterRules { when: letter.condition("when")?, core: blocks("core")?, short: blocks("short")?, long: blocks("long")? },
            },
            controllers: doc.table("controllers", &["controller"])?.list("controller", true, controller)?,
            authorities: doc.table("authorities", &["authority"])?.list("authority", true, authority)?,
            citations: doc.table("citations", &["citation"])?.list("citation", true, |v, at| {
                let t = Table::new(v, at, &["id", "url", "uk_url", "decided"])?;
                Ok(CitationSource { id: t.text("id")?, url: t.text("url")?, uk_url: t.opt_text("uk_url")?, decided: t.opt_text("decided")? })
            })?,
            locales,
        })
    }
}
