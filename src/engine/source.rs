//! The content's one way in: the TOML files in `content/` read with serde
//! into the model's written form ([`Model::Written`], declared with the model
//! in [`super::content`]), every field checked and unknown ones refused, a
//! mistake named by its file and place; and the content written back out as
//! Rust ([`rust`]), which `build.rs` puts where the app's static comes from
//! ([`super::embedded`]). Native builds only: `build.rs` compiles this file
//! (and `model.rs`, `content.rs`, `text_table.rs`, `glossary.rs`) into
//! itself, and the tests read the content here to break it on purpose.
#![warn(missing_docs)]
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::de::{DeserializeOwned, Error as _, MapAccess, Visitor};
use serde::Deserialize;

use super::content::{Authority, CitationSource, Condition, Content, Controller, Keyed, Kind, Outcomes, Questionnaire, Texts};
use super::glossary::Glossary;
use super::model::Model;

impl Model for Kind {
    type Written = Kind;
    fn from_written(w: Kind) -> Self {
        w
    }
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "Kind::{self:?}");
    }
}

impl<T: Model + 'static> Model for Keyed<T> {
    type Written = BTreeMap<String, T::Written>;
    fn from_written(w: Self::Written) -> Self {
        Keyed(w.into_iter().map(|(k, v)| (&*k.leak(), T::from_written(v))).collect::<Vec<_>>().leak())
    }
    fn emit(&self, out: &mut String) {
        out.push_str("Keyed(&[");
        for (key, value) in self.iter() {
            out.push('(');
            key.emit(out);
            out.push_str(", ");
            value.emit(out);
            out.push_str("), ");
        }
        out.push_str("])");
    }
}

/// A condition as written: a table with exactly one of these keys.
const CONDITION_KINDS: [&str; 7] = ["is", "answered", "all", "any", "not", "route", "art9"];

/// A condition as serde reads it (`when = { is = { q = "age", any = ["minor"] } }`).
pub enum WrittenCondition {
    /// `is = { q = ..., any = [...] }`: the answer to a question is one of these.
    Is {
        /// The question's id.
        q: String,
        /// The choices, any one of which makes the condition hold.
        any: Vec<String>,
    },
    /// `answered = "..."`: the question has an answer.
    Answered(String),
    /// `all = [...]`: every one of these conditions holds.
    All(Vec<WrittenCondition>),
    /// `any = [...]`: at least one of these conditions holds.
    Any(Vec<WrittenCondition>),
    /// `not = { ... }`: this condition does not hold.
    Not(Box<WrittenCondition>),
    /// `route = [...]`: the route is one of these (outcomes only).
    Route(Vec<String>),
    /// `art9 = [...]`: what the Art. 9 answers establish has one of these tags
    /// (outcomes only).
    Art9(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenIs {
    q: String,
    any: Vec<String>,
}

impl<'de> Deserialize<'de> for WrittenCondition {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct OneOf;
        impl<'de> Visitor<'de> for OneOf {
            type Value = WrittenCondition;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a condition: a table with exactly one of {}", names(&CONDITION_KINDS))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<WrittenCondition, A::Error> {
                let one = || A::Error::custom(format!("expected exactly one of {}", names(&CONDITION_KINDS)));
                let Some(kind) = map.next_key::<String>()? else { return Err(one()) };
                let c = match kind.as_str() {
                    "is" => {
                        let is: WrittenIs = map.next_value()?;
                        WrittenCondition::Is { q: is.q, any: is.any }
                    }
                    "answered" => WrittenCondition::Answered(map.next_value()?),
                    "all" => WrittenCondition::All(map.next_value()?),
                    "any" => WrittenCondition::Any(map.next_value()?),
                    "not" => WrittenCondition::Not(Box::new(map.next_value()?)),
                    "route" => WrittenCondition::Route(map.next_value()?),
                    "art9" => WrittenCondition::Art9(map.next_value()?),
                    other => return Err(A::Error::custom(format!("unknown field `{other}`, expected one of {}", names(&CONDITION_KINDS)))),
                };
                if map.next_key::<String>()?.is_some() {
                    return Err(one());
                }
                Ok(c)
            }
        }
        d.deserialize_map(OneOf)
    }
}

impl Model for Condition {
    type Written = WrittenCondition;
    fn from_written(w: WrittenCondition) -> Self {
        let texts = <&'static [&'static str]>::from_written;
        let all = <&'static [Condition]>::from_written;
        match w {
            WrittenCondition::Is { q, any } => Condition::Is { q: q.leak(), any: texts(any) },
            WrittenCondition::Answered(q) => Condition::Answered(q.leak()),
            WrittenCondition::All(cs) => Condition::All(all(cs)),
            WrittenCondition::Any(cs) => Condition::Any(all(cs)),
            WrittenCondition::Not(c) => Condition::Not(Box::leak(Box::new(Condition::from_written(*c)))),
            WrittenCondition::Route(ids) => Condition::Route(texts(ids)),
            WrittenCondition::Art9(ids) => Condition::Art9(texts(ids)),
        }
    }
    fn emit(&self, out: &mut String) {
        let (name, inner): (&str, &dyn Fn(&mut String)) = match self {
            Condition::Is { q, any } => {
                out.push_str("Condition::Is { q: ");
                q.emit(out);
                out.push_str(", any: ");
                any.emit(out);
                out.push_str(" }");
                return;
            }
            Condition::Answered(q) => ("Answered(", &|o| q.emit(o)),
            Condition::All(cs) => ("All(", &|o| cs.emit(o)),
            Condition::Any(cs) => ("Any(", &|o| cs.emit(o)),
            Condition::Not(c) => ("Not(&", &|o| c.emit(o)),
            Condition::Route(ids) => ("Route(", &|o| ids.emit(o)),
            Condition::Art9(ids) => ("Art9(", &|o| ids.emit(o)),
        };
        out.push_str("Condition::");
        out.push_str(name);
        inner(out);
        out.push(')');
    }
}

fn names(keys: &[&str]) -> String {
    keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
}

/// The content files besides the texts, each one table of the document.
pub const FILES: [&str; 5] = ["questionnaire", "outcomes", "controllers", "authorities", "citations"];

/// `controllers.toml`: its `[[controller]]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControllersFile {
    controller: Vec<<Controller as Model>::Written>,
}

/// `authorities.toml`: its `[[authority]]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthoritiesFile {
    authority: Vec<<Authority as Model>::Written>,
}

/// `citations.toml`: its `[[citation]]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationsFile {
    citation: Vec<<CitationSource as Model>::Written>,
}

/// The five files as one document, each file a table named as the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Documents {
    questionnaire: <Questionnaire as Model>::Written,
    outcomes: <Outcomes as Model>::Written,
    controllers: ControllersFile,
    authorities: AuthoritiesFile,
    citations: CitationsFile,
}

/// Reads `T` with serde, the error naming where it is: `questionnaire.section[3].question[0].kind: unknown variant ...`.
fn read<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(d: D) -> Result<T, String>
where
    D::Error: std::fmt::Display,
{
    serde_path_to_error::deserialize(d).map_err(|e| {
        let mut at = e.path().to_string();
        let why = e.into_inner().to_string();
        // An unknown field is a mistake of the table it is in.
        if let Some(field) = why.split_once("unknown field `").and_then(|(_, r)| r.split('`').next()) {
            if let Some(table) = at.strip_suffix(&format!(".{field}")) {
                at = table.to_string();
            }
        }
        if at == "." {
            why
        } else {
            format!("{at}: {why}")
        }
    })
}

/// The model of the documents and texts. Choices named by `choices_from =
/// "countries"` are filled in from the EU/EEA authorities, `"laender"` from
/// the German Länder's.
fn content(docs: Documents, locales: Texts) -> Result<Content, String> {
    let authorities = <&'static [Authority]>::from_written(docs.authorities.authority);
    let in_region =
        |region: &str| -> &'static [&'static str] { authorities.iter().filter(|a| a.region == region).map(|a| a.country).collect::<Vec<_>>().leak() };
    let (countries, laender) = (in_region("eu_eea"), in_region("de_land"));
    let mut questionnaire = Questionnaire::from_written(docs.questionnaire);
    let mut sections = questionnaire.sections.to_vec();
    for section in &mut sections {
        let mut questions = section.questions.to_vec();
        for q in &mut questions {
            match q.choices_from {
                Some("countries") => q.choices = countries,
                Some("laender") => q.choices = laender,
                Some(other) => return Err(format!("question `{}`: unknown choices_from `{other}`", q.id)),
                None => {}
            }
        }
        section.questions = questions.leak();
    }
    questionnaire.sections = sections.leak();
    Ok(Content {
        questionnaire,
        outcomes: Model::from_written(docs.outcomes),
        controllers: Model::from_written(docs.controllers.controller),
        authorities,
        citations: Model::from_written(docs.citations.citation),
        locales,
    })
}

/// Reads the content from a document of the five files (the tests break it
/// on purpose) and its texts.
pub fn from_value(doc: serde_json::Value, locales: Texts) -> Result<Content, String> {
    let docs = read(doc).map_err(|e| format!("content does not fit its model: {e}"))?;
    content(docs, locales)
}

fn read_file(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("content error in {}:\n{e}", path.display()))
}

/// Reads one TOML file as `T`; a mistake names the file, its place and line.
pub fn read_toml<T: DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = read_file(path)?;
    read(toml::Deserializer::new(&text)).map_err(|e| format!("content error in {}:\n{e}", path.display()))
}

/// The five files of `dir` (`content/`) as one document, for the tests that
/// break it on purpose.
pub fn documents_value(dir: &Path) -> Result<serde_json::Value, String> {
    let mut doc = serde_json::Map::new();
    for name in FILES {
        let value: toml::Value = read_toml(&dir.join(format!("{name}.toml")))?;
        doc.insert(name.into(), serde_json::to_value(value).map_err(|e| e.to_string())?);
    }
    Ok(serde_json::Value::Object(doc))
}

/// Each language's texts by id, from `dir/locales/<lang>.toml`: every entry
/// a text in quotes.
pub fn read_locales(dir: &Path) -> Result<BTreeMap<String, BTreeMap<String, String>>, String> {
    let mut out = BTreeMap::new();
    for path in toml_files(&dir.join("locales"))? {
        let lang = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        out.insert(lang, read_toml(&path)?);
    }
    Ok(out)
}

/// The content in `dir` (`content/`): its five files and its texts.
pub fn read_dir(dir: &Path) -> Result<Content, String> {
    let texts = Texts::of(&read_locales(dir)?);
    let questionnaire = read_toml(&dir.join("questionnaire.toml"))?;
    let outcomes = read_toml(&dir.join("outcomes.toml"))?;
    let controllers = read_toml(&dir.join("controllers.toml"))?;
    let authorities = read_toml(&dir.join("authorities.toml"))?;
    let citations = read_toml(&dir.join("citations.toml"))?;
    content(Documents { questionnaire, outcomes, controllers, authorities, citations }, texts)
        .map_err(|e| format!("content error in {}:\n{e}", dir.join("questionnaire.toml").display()))
}

/// `content/glossary/<lang>.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    terms: BTreeMap<String, String>,
    #[serde(default)]
    same_as_english: Vec<String>,
}

/// Each language's glossary (`dir/glossary/<lang>.toml`), by language code.
pub fn read_glossaries(dir: &Path) -> Result<BTreeMap<String, Glossary>, String> {
    let mut out = BTreeMap::new();
    for path in toml_files(&dir.join("glossary"))? {
        let lang = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let file: GlossaryFile = read_toml(&path)?;
        out.insert(lang, Glossary { terms: file.terms, same_as_english: file.same_as_english });
    }
    Ok(out)
}

/// The `.toml` files in `dir`, sorted.
pub fn toml_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("content error in {}:\n{e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(files)
}

/// The content as Rust: the static [`super::embedded`] includes (`CONTENT`,
/// its texts the ids alone, `TEXT_IDS`).
pub fn rust(content: &Content) -> String {
    let mut out = String::from("// Written by build.rs from content/ (src/engine/source.rs): edit content/, not this.\n");
    out.push_str("/// Every text id, sorted: each language's file has one text per id.\npub const TEXT_IDS: &[&str] = ");
    content.locales.ids().emit(&mut out);
    out.push_str(";\n/// The content: everything in `content/` but the texts' words.\npub static CONTENT: Content = Content { questionnaire: ");
    content.questionnaire.emit(&mut out);
    out.push_str(", outcomes: ");
    content.outcomes.emit(&mut out);
    out.push_str(", controllers: ");
    content.controllers.emit(&mut out);
    out.push_str(", authorities: ");
    content.authorities.emit(&mut out);
    out.push_str(", citations: ");
    content.citations.emit(&mut out);
    out.push_str(", locales: Texts::shipped(TEXT_IDS) };\n");
    out
}
