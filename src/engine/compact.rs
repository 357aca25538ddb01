//! The content's compiled form: what `build.rs` embeds in the app and what
//! [`Content::embedded`] reads back. The build reads `content/` with the full
//! reader ([`Content::read`]: every field checked, every mistake named with its
//! place) and writes the result here as a plain sequence of values, in the
//! order the model declares them. Reading it back is then only taking values
//! in that order: no field names, no checks, no error messages, so the app's
//! download carries neither the JSON document nor the reader that checks it.
//!
//! The format: a count or number is an unsigned LEB128; a text is its length
//! in bytes, then its UTF-8; a yes/no and an absent/present option are one
//! byte (0 or 1, an option's value after the 1); a list is its length, then
//! its items; a [`Kind`] or a [`Condition`]'s variant is one byte. The tests
//! check that reading what was written gives back the same content.
use super::condition::Condition;
use super::content::*;

/// The compiled form of `content`, without its texts (they have their own
/// table, [`super::text_table`]).
pub fn write(content: &Content) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.list(&content.questionnaire.sections, |w, s| {
        w.text(&s.id);
        w.opt(&s.when, Writer::condition);
        w.list(&s.questions, Writer::question);
    });
    let o = &content.outcomes;
    w.list(&o.routes, |w, r| w.rule(&r.id, &r.when, &r.cites));
    w.list(&o.steps, |w, r| w.rule(&r.id, &r.when, &r.cites));
    w.opt(&o.letter.when, Writer::condition);
    for blocks in [&o.letter.core, &o.letter.short, &o.letter.long] {
        w.list(blocks, Writer::letter_block);
    }
    w.list(&content.controllers, |w, c| {
        w.text(&c.id);
        w.text(&c.legal_basis);
        w.text(&c.purpose);
        w.list(&c.regions, |w, t| {
            w.text(&t.region);
            w.opt(&t.notice, Writer::string);
            w.opt(&t.training_start, Writer::string);
            w.opt(&t.legal_name, Writer::string);
            w.opt(&t.postal_address, Writer::string);
        });
        w.opt(&c.lead_authority, Writer::string);
        w.text(&c.verified);
        w.list(&c.forms, |w, f| {
            w.text(&f.service);
            w.text(&f.url);
        });
    });
    w.list(&content.authorities, |w, a| {
        w.text(&a.country);
        w.text(&a.region);
        w.text(&a.name);
        w.opt(&a.name_en, Writer::string);
        w.text(&a.website);
        w.opt(&a.complaint_url, Writer::string);
        w.texts(&a.languages);
    });
    w.list(&content.citations, |w, c| {
        w.text(&c.id);
        w.text(&c.url);
        w.opt(&c.uk_url, Writer::string);
        w.opt(&c.decided, Writer::string);
    });
    w.0
}

/// Reads the compiled form back into the content, with these texts. The form
/// comes from this build's own `build.rs`, so it is trusted: a damaged one
/// gives an error rather than a wrong content, never a panic.
pub fn read(bytes: &[u8], locales: Texts) -> Result<Content, String> {
    let mut r = Reader { bytes, damaged: false };
    let sections = r.list(|r| Section { id: r.text(), when: r.opt(Reader::condition), questions: r.list(Reader::question) });
    let routes = r.list(|r| RouteRule { id: r.text(), when: r.opt(Reader::condition), cites: r.texts() });
    let steps = r.list(|r| StepRule { id: r.text(), when: r.opt(Reader::condition), cites: r.texts() });
    let letter = LetterRules {
        when: r.opt(Reader::condition),
        core: r.list(Reader::letter_block),
        short: r.list(Reader::letter_block),
        long: r.list(Reader::letter_block),
    };
    let content = Content {
        questionnaire: Questionnaire { sections },
        outcomes: Outcomes { routes, steps, letter },
        controllers: r.list(|r| Controller {
            id: r.text(),
            legal_basis: r.text(),
            purpose: r.text(),
            regions: r.list(|r| RegionFacts {
                region: r.text(),
                notice: r.opt(Reader::text),
                training_start: r.opt(Reader::text),
                legal_name: r.opt(Reader::text),
                postal_address: r.opt(Reader::text),
            }),
            lead_authority: r.opt(Reader::text),
            verified: r.text(),
            forms: r.list(|r| ServiceForm { service: r.text(), url: r.text() }),
        }),
        authorities: r.list(|r| Authority {
            country: r.text(),
            region: r.text(),
            name: r.text(),
            name_en: r.opt(Reader::text),
            website: r.text(),
            complaint_url: r.opt(Reader::text),
            languages: r.texts(),
        }),
        citations: r.list(|r| CitationSource { id: r.text(), url: r.text(), uk_url: r.opt(Reader::text), decided: r.opt(Reader::text) }),
        locales,
    };
    if r.damaged || !r.bytes.is_empty() {
        return Err("the compiled content is damaged (rebuild the app)".to_string());
    }
    Ok(content)
}

const KINDS: [Kind; 4] = [Kind::Single, Kind::Multi, Kind::Select, Kind::Text];

struct Writer(Vec<u8>);

impl Writer {
    fn count(&mut self, mut n: usize) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                return self.0.push(low);
            }
            self.0.push(low | 0x80);
        }
    }

    fn text(&mut self, s: &str) {
        self.count(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    /// [`Writer::text`] for the items of a `Vec<String>` and the value of an `Option<String>`.
    #[allow(clippy::ptr_arg)]
    fn string(&mut self, s: &String) {
        self.text(s);
    }

    fn flag(&mut self, b: bool) {
        self.0.push(b as u8);
    }

    fn opt<T>(&mut self, value: &Option<T>, item: impl Fn(&mut Self, &T)) {
        self.flag(value.is_some());
        if let Some(v) = value {
            item(self, v);
        }
    }

    fn list<T>(&mut self, items: &[T], item: impl Fn(&mut Self, &T)) {
        self.count(items.len());
        for i in items {
            item(self, i);
        }
    }

    fn texts(&mut self, texts: &[String]) {
        self.list(texts, Writer::string);
    }

    fn rule(&mut self, id: &str, when: &Option<Condition>, cites: &[String]) {
        self.text(id);
        self.opt(when, Writer::condition);
        self.texts(cites);
    }

    fn condition(&mut self, c: &Condition) {
        match c {
            Condition::Is { q, any } => {
                self.0.push(0);
                self.text(q);
                self.texts(any);
            }
            Condition::Answered(q) => {
                self.0.push(1);
                self.text(q);
            }
            Condition::All(cs) => {
                self.0.push(2);
                self.list(cs, Writer::condition);
            }
            Condition::Any(cs) => {
                self.0.push(3);
                self.list(cs, Writer::condition);
            }
            Condition::Not(c) => {
                self.0.push(4);
                self.condition(c);
            }
            Condition::Route(ids) => {
                self.0.push(5);
                self.texts(ids);
            }
            Condition::Art9(ids) => {
                self.0.push(6);
                self.texts(ids);
            }
        }
    }

    fn question(&mut self, q: &Question) {
        self.text(&q.id);
        self.0.push(KINDS.iter().position(|k| *k == q.kind).unwrap_or(0) as u8);
        self.texts(&q.choices);
        self.opt(&q.choices_from, Writer::string);
        self.opt(&q.when, Writer::condition);
        self.flag(q.required);
        self.opt(&q.max_chars, |w, n| w.count(*n));
        self.texts(&q.exclusive);
        self.list(&q.choice_when, |w, (choice, c)| {
            w.text(choice);
            w.condition(c);
        });
        self.texts(&q.retired);
        self.opt(&q.format, Writer::string);
        self.opt(&q.optional_when, Writer::condition);
        self.opt(&q.page, Writer::string);
    }

    fn letter_block(&mut self, b: &LetterBlock) {
        self.opt(&b.text, Writer::string);
        self.opt(&b.long_text, Writer::string);
        self.opt(&b.each, Writer::string);
        self.opt(&b.include, Writer::string);
        self.opt(&b.when, Writer::condition);
        self.texts(&b.cites);
        self.list(&b.cites_each, |w, (value, cites)| {
            w.text(value);
            w.texts(cites);
        });
    }
}

/// Takes values in the order [`write`] put them. Past the end, or where a
/// value cannot be what it should, it marks the form damaged and gives an
/// empty value, so reading always ends and [`read`] reports it.
struct Reader<'a> {
    bytes: &'a [u8],
    damaged: bool,
}

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let Some((&b, rest)) = self.bytes.split_first() else {
            self.damaged = true;
            return 0;
        };
        self.bytes = rest;
        b
    }

    fn count(&mut self) -> usize {
        let mut n = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let b = self.byte();
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
        }
        self.damaged = true;
        0
    }

    fn text(&mut self) -> String {
        let n = self.count();
        let Some((text, rest)) = self.bytes.split_at_checked(n) else {
            self.damaged = true;
            return String::new();
        };
        self.bytes = rest;
        match std::str::from_utf8(text) {
            Ok(s) => s.to_string(),
            Err(_) => {
                self.damaged = true;
                String::new()
            }
        }
    }

    fn flag(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.damaged = true;
                false
            }
        }
    }

    fn opt<T>(&mut self, item: fn(&mut Self) -> T) -> Option<T> {
        self.flag().then(|| item(self))
    }

    /// A list; never longer than the bytes left (every item takes at least one).
    fn list<T>(&mut self, item: fn(&mut Self) -> T) -> Vec<T> {
        let n = self.count();
        if n > self.bytes.len() {
            self.damaged = true;
            return Vec::new();
        }
        (0..n).map(|_| item(self)).collect()
    }

    fn texts(&mut self) -> Vec<String> {
        self.list(Reader::text)
    }

    fn condition(&mut self) -> Condition {
        match self.byte() {
            0 => Condition::Is { q: self.text(), any: self.texts() },
            1 => Condition::Answered(self.text()),
            2 => Condition::All(self.list(Reader::condition)),
            3 => Condition::Any(self.list(Reader::condition)),
            // A damaged form ends in zeros (see `byte`), so this nests no deeper than its bytes.
            4 => Condition::Not(Box::new(self.condition())),
            5 => Condition::Route(self.texts()),
            6 => Condition::Art9(self.texts()),
            _ => {
                self.damaged = true;
                Condition::All(Vec::new())
            }
        }
    }

    fn question(&mut self) -> Question {
        Question {
            id: self.text(),
            kind: KINDS.get(usize::from(self.byte())).copied().unwrap_or_else(|| {
                self.damaged = true;
                Kind::Text
            }),
            choices: self.texts(),
            choices_from: self.opt(Reader::text),
            when: self.opt(Reader::condition),
            required: self.flag(),
            max_chars: self.opt(Reader::count),
            exclusive: self.texts(),
            choice_when: self.list(|r| (r.text(), r.condition())),
            retired: self.texts(),
            format: self.opt(Reader::text),
            optional_when: self.opt(Reader::condition),
            page: self.opt(Reader::text),
        }
    }

    fn letter_block(&mut self) -> LetterBlock {
        LetterBlock {
            text: self.opt(Reader::text),
            long_text: self.opt(Reader::text),
            each: self.opt(Reader::text),
            include: self.opt(Reader::text),
            when: self.opt(Reader::condition),
            cites: self.texts(),
            cites_each: self.list(|r| (r.text(), r.texts())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::embedded::{EMBEDDED_CONTENT, EMBEDDED_JSON};

    #[test]
    fn the_compiled_form_reads_back_as_the_content_the_full_reader_reads() {
        let texts = Texts::embedded().clone();
        let checked = Content::read(EMBEDDED_JSON, texts.clone()).unwrap();
        let form = write(&checked);
        assert_eq!(form, EMBEDDED_CONTENT, "the build embeds this form");
        let back = read(&form, texts).unwrap();
        assert_eq!(format!("{back:#?}"), format!("{checked:#?}"));
        assert_eq!(back.questions().count(), checked.questions().count());
        assert!(back.questions().count() > 10 && !back.outcomes.letter.core.is_empty());
    }

    #[test]
    fn a_form_cut_short_or_too_long_is_damaged() {
        let content = Content::embedded();
        let form = write(content);
        for cut in [0, 1, form.len() / 2, form.len() - 1] {
            assert!(read(&form[..cut], Texts::default()).is_err(), "cut at {cut}");
        }
        let mut longer = form.clone();
        longer.push(0);
        assert!(read(&longer, Texts::default()).is_err());
    }

    #[test]
    fn every_single_changed_byte_is_read_without_a_panic() {
        let form = write(Content::embedded());
        for i in (0..form.len()).step_by(7) {
            for b in [0x00, 0x01, 0x07, 0x80, 0xff] {
                let mut changed = form.clone();
                changed[i] = b;
                let _ = read(&changed, Texts::default());
            }
        }
    }
}
