//! The form of a language's texts file (one per file in
//! `content/locales/`), which the app fetches when that language is shown and
//! splits into slices, with nothing to unescape and nothing to copy.
//!
//! A file is a header row (what it is, the language, a fingerprint of the
//! ids it was written for) and a row of texts, one per text id in the order
//! of the ids ([`MISSING`] where the language has none; the content lint
//! reports those). Rows are separated by [`ROW`], entries by [`ENTRY`];
//! neither can occur in a text: [`write_language`] refuses one that holds
//! them. `build.rs` writes the files (it includes this module), the app reads
//! them with [`read_language`]: a file of another build is refused, never
//! misread. The file's name says what is in it ([`file_name`]).
#![warn(missing_docs)]

/// Between rows (ASCII record separator).
pub const ROW: char = '\u{1e}';
/// Between the entries of a row (ASCII unit separator).
pub const ENTRY: char = '\u{1f}';
/// Stands for a text a language does not have (ASCII cancel).
pub const MISSING: &str = "\u{18}";

/// One language's texts, in the order of the ids (`None`: missing).
pub type Row<'a> = (&'a str, Vec<Option<&'a str>>);

/// The table for `ids` (sorted, each once) and each language's row: the
/// language codes, the ids, then per language its texts.
fn write(ids: &[&str], langs: &[Row<'_>]) -> Result<String, String> {
    if ids.windows(2).any(|w| w[0] >= w[1]) {
        return Err("text ids must be sorted and each given once".into());
    }
    let plain = |what: &str, s: &str| {
        if s.contains([ROW, ENTRY]) || s == MISSING {
            Err(format!("{what} contains a control character (U+001E, U+001F or U+0018 alone); remove it"))
        } else {
            Ok(())
        }
    };
    let mut out = String::new();
    let mut first = true;
    let mut row = |entries: Vec<&str>| {
        if !std::mem::take(&mut first) {
            out.push(ROW);
        }
        out.push_str(&entries.join(&ENTRY.to_string()));
    };
    for (lang, _) in langs {
        plain("a language code", lang)?;
    }
    row(langs.iter().map(|(lang, _)| *lang).collect());
    for id in ids {
        plain(&format!("the text id `{id}`"), id)?;
    }
    row(ids.to_vec());
    for (lang, texts) in langs {
        if texts.len() != ids.len() {
            return Err(format!("language `{lang}` has {} entries for {} ids", texts.len(), ids.len()));
        }
        for (id, text) in ids.iter().zip(texts) {
            plain(&format!("the {lang} text `{id}`"), text.unwrap_or_default())?;
        }
        row(texts.iter().map(|t| t.unwrap_or(MISSING)).collect());
    }
    Ok(out)
}

/// What a language file starts with.
const LANGUAGE_FILE: &str = "objection-check texts";

/// A fingerprint of `ids` (64-bit FNV-1a, in hex): a language file written
/// for other ids does not fit.
pub fn fingerprint(ids: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for id in ids {
        for b in id.bytes().chain([0]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// One language's texts for `ids`, as a file of their own: a header row
/// (what it is, the language, the ids' fingerprint), then the texts in the
/// order of the ids ([`MISSING`] where there is none).
pub fn write_language(ids: &[&str], lang: &str, texts: &[Option<&str>]) -> Result<String, String> {
    let one = write(ids, &[(lang, texts.to_vec())])?;
    // The table's rows: the language, the ids, the texts; the file keeps the texts.
    let texts_row = one.rsplit(ROW).next().unwrap_or_default();
    Ok(format!("{LANGUAGE_FILE}{ENTRY}{lang}{ENTRY}{}{ROW}{texts_row}", fingerprint(ids)))
}

/// The language and the texts (slices of `file`) of a file [`write_language`]
/// made for these `ids`.
pub fn read_language<'a>(ids: &[&str], file: &'a str) -> Result<Row<'a>, String> {
    let (header, texts) = file.split_once(ROW).ok_or("texts: this is not a language file")?;
    let mut head = header.split(ENTRY);
    if head.next() != Some(LANGUAGE_FILE) {
        return Err("texts: this is not a language file".into());
    }
    let lang = head.next().filter(|l| !l.is_empty()).ok_or("texts: the language file names no language")?;
    if head.next() != Some(fingerprint(ids).as_str()) || head.next().is_some() {
        return Err(format!("texts: the `{lang}` file belongs to another build"));
    }
    let texts: Vec<Option<&str>> = texts.split(ENTRY).map(|t| (t != MISSING).then_some(t)).collect();
    if texts.len() != ids.len() {
        return Err(format!("texts: language `{lang}` has {} entries for {} ids", texts.len(), ids.len()));
    }
    Ok((lang, texts))
}

/// The file name of a language file: its language and a hash of what is in
/// it, so a browser or service worker never keeps a stale one.
pub fn file_name(lang: &str, file: &str) -> String {
    format!("texts-{lang}-{}.txt", fingerprint(&[file]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_file_reads_back_as_written_and_only_for_its_ids() {
        let ids = ["a", "b.c", "d"];
        let texts = vec![Some("Eén \"x\"\nregel"), None, Some("")];
        let file = write_language(&ids, "nl", &texts).unwrap();
        assert_eq!(read_language(&ids, &file).unwrap(), ("nl", texts.clone()));
        // Another build's ids, a cut file, another kind of file: refused.
        assert!(read_language(&["a", "b.c", "e"], &file).unwrap_err().contains("another build"));
        assert!(read_language(&ids, &file[..file.len() - 3]).is_err());
        assert!(read_language(&ids, "<!doctype html><p>Not found").is_err());
        for end in 0..file.len() {
            if file.is_char_boundary(end) {
                let _ = read_language(&ids, &file[..end]);
            }
        }
        // Named by its language and what is in it.
        let name = file_name("nl", &file);
        assert!(name.starts_with("texts-nl-") && name.ends_with(".txt"), "{name}");
        assert_ne!(name, file_name("nl", &write_language(&ids, "nl", &[None, None, None]).unwrap()));
    }

    #[test]
    fn separators_in_a_text_are_refused() {
        let err = write(&["a"], &[("en", vec![Some("x\u{1f}y")])]).unwrap_err();
        assert!(err.contains("the en text `a` contains a control character"), "{err}");
        assert!(write(&["b", "a"], &[]).is_err());
    }
}
