//! The content model: the typed shape of the files in `content/`, declared
//! once ([`model!`]). In the app the content is a static the build wrote as
//! Rust ([`super::embedded`]): nothing is read or checked in the browser.
//! Natively the same declaration also gives the form serde reads from the
//! TOML files and the writer of that Rust ([`super::source`]), which
//! `build.rs` and the tests use. The rest of the engine sees [`Content`].
use std::collections::BTreeMap;

use super::text_table;

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

/// Declares the content's tables: each struct as the engine sees it
/// (`&'static` texts and lists, which in the app are the build's statics)
/// and, in native builds, its written form (`<Name as Model>::Written`, what
/// serde reads from `content/`, unknown fields refused) and its [`Model`] impl,
/// which turns the written form into it and writes it as Rust. A field is
/// added in one place: here. (`#[serde(default)]` marks a field that may be
/// left out; `rename` gives the name in the file.)
///
/// [`Model`]: super::model::Model
macro_rules! model {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    )*) => {
        $(
            $(#[$meta])*
            #[derive(Clone, Debug, PartialEq, serde::Serialize)]
            pub struct $name { $( $(#[$fmeta])* pub $field: $ty, )* }
        )*

        $(
            // The written form in a block of its own, where the field types
            // still name the model's structs.
            #[cfg(not(target_arch = "wasm32"))]
            const _: () = {
                use super::model::Model;

                $(#[$meta])*
                #[derive(serde::Deserialize)]
                #[serde(deny_unknown_fields)]
                pub struct Written { $( $(#[$fmeta])* pub $field: <$ty as Model>::Written, )* }

                impl Model for $name {
                    type Written = Written;
                    fn from_written(w: Written) -> Self {
                        $name { $( $field: Model::from_written(w.$field), )* }
                    }
                    fn emit(&self, out: &mut String) {
                        out.push_str(concat!(stringify!($name), " { "));
                        $(
                            out.push_str(concat!(stringify!($field), ": "));
                            Model::emit(&self.$field, out);
                            out.push_str(", ");
                        )*
                        out.push('}');
                    }
                }
            };
        )*
    };
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
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

/// A condition written in the content files (`when = ...`); how it is
/// evaluated is [`super::condition`]. A typed enum instead of an expression
/// language: an editor writes TOML, the reader checks the shape, the content
/// lint checks the ids.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Condition {
    /// The answer to `q` is one of `any` (for a multi question: contains one of them).
    Is {
        q: &'static str,
        any: &'static [&'static str],
    },
    /// The question has an answer.
    Answered(&'static str),
    All(&'static [Condition]),
    Any(&'static [Condition]),
    Not(&'static Condition),
    /// The route is one of these (outcomes only).
    Route(&'static [&'static str]),
    /// What the Art. 9 answers establish has one of these tags (outcomes
    /// only): a strength (`strong`, `moderate`, `limited`), or `revealed`,
    /// `unsure`, `face` (see [`super::vocab::Art9Facts`]).
    Art9(&'static [&'static str]),
}

/// Values by key, in the order of the keys: a table in a content file
/// (`choice_when`, `cites_each`).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Keyed<T: 'static>(pub &'static [(&'static str, T)]);

impl<T> std::ops::Deref for Keyed<T> {
    type Target = [(&'static str, T)];
    fn deref(&self) -> &Self::Target {
        self.0
    }
}

impl<'a, T> IntoIterator for &'a Keyed<T> {
    type Item = &'a (&'static str, T);
    type IntoIter = std::slice::Iter<'a, (&'static str, T)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A required question unless it says `required = false`.
#[cfg(not(target_arch = "wasm32"))]
fn yes() -> bool {
    true
}

model! {
    /// One question as written in `content/questionnaire.toml`.
    pub struct Question {
        pub id: &'static str,
        pub kind: Kind,
        #[serde(default)]
        pub choices: &'static [&'static str],
        /// Choices filled in from authorities.toml: `"countries"` (the
        /// EU/EEA's) or `"laender"` (the German Länder's).
        #[serde(default)]
        pub choices_from: Option<&'static str>,
        #[serde(default)]
        pub when: Option<Condition>,
        #[serde(default = "yes")]
        pub required: bool,
        #[serde(default)]
        pub max_chars: Option<usize>,
        /// Choices that cannot be combined with any other (e.g. "nothing is public").
        #[serde(default)]
        pub exclusive: &'static [&'static str],
        /// Choices offered only where their condition holds (`choice_when`);
        /// the others are always offered.
        #[serde(default)]
        pub choice_when: Keyed<Condition>,
        /// Former choices a saved answer may still hold: read without complaint
        /// and left out, because an earlier answer now carries their meaning.
        #[serde(default)]
        pub retired: &'static [&'static str],
        /// What a text answer must look like: `Some("email")` for an e-mail address.
        #[serde(default)]
        pub format: Option<&'static str>,
        /// Where this holds, a required question may be left unanswered.
        #[serde(default)]
        pub optional_when: Option<Condition>,
        /// The page it shares with the adjacent questions of the same `page`.
        #[serde(default)]
        pub page: Option<&'static str>,
    }

    /// A group of questions asked together, only when its condition holds.
    pub struct Section {
        pub id: &'static str,
        #[serde(default)]
        pub when: Option<Condition>,
        #[serde(rename = "question")]
        pub questions: &'static [Question],
    }

    /// `content/questionnaire.toml`.
    pub struct Questionnaire {
        #[serde(rename = "section")]
        pub sections: &'static [Section],
    }

    /// A rule that picks the route (first match wins).
    pub struct RouteRule {
        pub id: &'static str,
        #[serde(default)]
        pub when: Option<Condition>,
        #[serde(default)]
        pub cites: &'static [&'static str],
    }

    /// A next step shown on the result page where its condition holds.
    pub struct StepRule {
        pub id: &'static str,
        #[serde(default)]
        pub when: Option<Condition>,
        #[serde(default)]
        pub cites: &'static [&'static str],
    }

    /// One block of an objection text.
    pub struct LetterBlock {
        /// A text id, or with `each` the prefix of one text id per chosen value.
        #[serde(default)]
        pub text: Option<&'static str>,
        /// The same for the long letter, where it argues at more length.
        #[serde(default)]
        pub long_text: Option<&'static str>,
        /// Repeat the text for every value of this (multi) question.
        #[serde(default)]
        pub each: Option<&'static str>,
        /// Insert the blocks of another list (only "core").
        #[serde(default)]
        pub include: Option<&'static str>,
        #[serde(default)]
        pub when: Option<Condition>,
        #[serde(default)]
        pub cites: &'static [&'static str],
        /// Citations per value of an `each` block.
        #[serde(default)]
        pub cites_each: Keyed<&'static [&'static str]>,
    }

    /// The letter's blocks: those of both letters (`core`), of the short one, of the long one.
    pub struct LetterRules {
        #[serde(default)]
        pub when: Option<Condition>,
        pub core: &'static [LetterBlock],
        pub short: &'static [LetterBlock],
        pub long: &'static [LetterBlock],
    }

    /// `content/outcomes.toml`.
    pub struct Outcomes {
        #[serde(rename = "route")]
        pub routes: &'static [RouteRule],
        #[serde(rename = "step")]
        pub steps: &'static [StepRule],
        pub letter: LetterRules,
    }

    /// Where a person objects to one service of a controller.
    pub struct ServiceForm {
        pub service: &'static str,
        pub url: &'static str,
    }

    /// What a known organisation is and did for people in one region: the
    /// company that runs their accounts, when it told them about the use and
    /// when the use started.
    pub struct RegionFacts {
        /// "eu_eea" or "uk" (a residence choice); "eu_eea" also serves people
        /// outside both whose account is run from the EU/EEA.
        pub region: &'static str,
        /// ISO date of the organisation's notice to users.
        #[serde(default)]
        pub notice: Option<&'static str>,
        /// ISO date the use (AI training) started.
        #[serde(default)]
        pub training_start: Option<&'static str>,
        /// The company's legal name and postal address, for a letter by post.
        #[serde(default)]
        pub legal_name: Option<&'static str>,
        #[serde(default)]
        pub postal_address: Option<&'static str>,
    }

    /// A known organisation: its own legal basis and purpose, what it is and
    /// did per region, its forms.
    pub struct Controller {
        pub id: &'static str,
        pub legal_basis: &'static str,
        /// What it uses the data for (a choice id of the `purpose` question).
        pub purpose: &'static str,
        #[serde(default, rename = "region")]
        pub regions: &'static [RegionFacts],
        #[serde(default)]
        pub lead_authority: Option<&'static str>,
        pub verified: &'static str,
        #[serde(default, rename = "form")]
        pub forms: &'static [ServiceForm],
    }

    /// A supervisory authority for one country.
    pub struct Authority {
        /// A country code, or for a German Land "de-" and its code ("de-by").
        pub country: &'static str,
        /// "eu_eea", "uk" or "de_land".
        pub region: &'static str,
        /// Its own name, in its own language.
        pub name: &'static str,
        /// The English name it publishes itself, if it differs.
        #[serde(default)]
        pub name_en: Option<&'static str>,
        pub website: &'static str,
        #[serde(default)]
        pub complaint_url: Option<&'static str>,
        /// The languages it works in (ISO 639-1 codes), its country's official
        /// languages: named to a person writing in another (`language.<code>`).
        #[serde(default)]
        pub languages: &'static [&'static str],
    }

    /// A source the texts cite (`content/citations.toml`).
    pub struct CitationSource {
        pub id: &'static str,
        pub url: &'static str,
        /// Where people under the UK GDPR read it (legislation.gov.uk).
        #[serde(default)]
        pub uk_url: Option<&'static str>,
        /// For case law: the ISO date of the judgment (in the UK, later than
        /// 2020 means persuasive only).
        #[serde(default)]
        pub decided: Option<&'static str>,
    }
}

/// Longest text answer when a question sets no `max_chars`.
pub const DEFAULT_MAX_CHARS: usize = 1000;

impl Question {
    /// An e-mail address is asked (`format = "email"`).
    pub fn asks_email(&self) -> bool {
        self.format == Some("email")
    }

    /// The id of the text that names one of its choices: a country's or a
    /// German Land's name for the lists filled from authorities.toml.
    pub fn choice_label_id(&self, choice: &str) -> String {
        match self.choices_from {
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

impl Authority {
    /// Its name for a reader of this language: the English name it publishes
    /// for English, else its own.
    pub fn name_in(&self, lang: Lang) -> &'static str {
        match (lang, self.name_en) {
            (Lang::En, Some(en)) => en,
            _ => self.name,
        }
    }
}

/// Everything in `content/`, typed. In the app a static; shared by reference.
#[derive(Clone, Debug)]
pub struct Content {
    pub questionnaire: Questionnaire,
    pub outcomes: Outcomes,
    pub controllers: &'static [Controller],
    pub authorities: &'static [Authority],
    pub citations: &'static [CitationSource],
    /// Texts per language and id.
    pub locales: Texts,
}

/// The texts of every language: each id once, in order, and per language the
/// text for each id if it has one. (Lists rather than maps: a lookup is a
/// binary search, and the app's download carries no tree code for them.) The
/// texts are slices of the language files the build made ([`text_table`]),
/// never copied. The texts shipped with the app ([`Texts::SHIPPED`]) are the
/// ids alone, and hold each language installed while it runs
/// ([`Texts::install`]); the tests make their own ([`Texts::of`]).
#[derive(Debug, Clone)]
pub struct Texts {
    ids: &'static [&'static str],
    langs: Vec<text_table::Row<'static>>,
    /// Also the languages installed while the app runs.
    shipped: bool,
}

/// The languages installed while the app runs, by [`Lang::index`].
static INSTALLED: [std::sync::OnceLock<Vec<Option<&'static str>>>; Lang::ALL.len()] = [const { std::sync::OnceLock::new() }; Lang::ALL.len()];

impl Texts {
    /// The texts the app ships: these ids (sorted, each once), whose
    /// languages are installed one by one ([`Texts::install`]).
    pub const fn shipped(ids: &'static [&'static str]) -> Texts {
        Texts { ids, langs: Vec::new(), shipped: true }
    }

    /// Texts of their own: per language code, its texts by id (the ids are
    /// every id any language has). The build and the tests read them so;
    /// they live as long as the program, as the app's do.
    pub fn of(by_lang: &BTreeMap<String, BTreeMap<String, String>>) -> Texts {
        let ids: std::collections::BTreeSet<&str> = by_lang.values().flat_map(|t| t.keys().map(String::as_str)).collect();
        let ids: &'static [&'static str] = ids.into_iter().map(|id| &*id.to_string().leak()).collect::<Vec<_>>().leak();
        let langs =
            by_lang.iter().map(|(lang, texts)| (&*lang.clone().leak(), ids.iter().map(|id| texts.get(*id).map(|t| &*t.clone().leak())).collect())).collect();
        Texts { ids, langs, shipped: false }
    }

    /// Every text id, sorted.
    pub fn ids(&self) -> &'static [&'static str] {
        self.ids
    }

    /// Installs a language file ([`text_table::write_language`]) of these
    /// ids for every shipped `Texts`: `lang`'s texts from now on. Installing
    /// a language again keeps the first.
    pub fn install(&self, lang: Lang, file: &'static str) -> Result<(), String> {
        let (code, texts) = text_table::read_language(self.ids, file)?;
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
    pub fn text<'a>(&self, lang: Lang, id: &'a str) -> &'a str {
        self.locales.text(lang, id)
    }

    /// The text with this id, if it exists (for optional texts such as choice hints).
    pub fn text_opt(&self, lang: Lang, id: &str) -> Option<&'static str> {
        self.locales.get(lang.code(), id)
    }
}
