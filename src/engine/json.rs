//! JSON for the one document the engine reads and writes itself: the answers
//! document (storage, export, import; docs/answers-format.md).
//!
//! A small reader and writer of its own instead of serde_json: the document
//! needs no more, and serde_json cost 11 KB of the app's gzip download
//! (docs/performance.md). The tests read the same documents with serde_json
//! and compare.
//! Numbers are kept as written (the documents only hold small whole numbers).
#![warn(missing_docs)]
use std::fmt::{self, Write};

/// Deepest nesting read; deeper input is an error, never a stack overflow.
const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written in the document.
    Number(String),
    /// A string, its escapes resolved.
    String(String),
    /// An array: its items in document order.
    Array(Vec<Json>),
    /// An object.
    Object(Object),
}

/// A JSON object: its members in document order. Where a name repeats,
/// [`Object::get`] gives the last value (as JavaScript's `JSON.parse` does)
/// and [`Object::iter`] every member; the readers built on it keep the last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object(Vec<(String, Json)>);

impl Object {
    /// An object without members.
    pub fn new() -> Object {
        Object::default()
    }

    /// Adds a member at the end (the writer keeps this order).
    pub fn insert(&mut self, name: impl Into<String>, value: Json) {
        self.0.push((name.into(), value));
    }

    /// The value of the member `name` (of its last, where the name repeats).
    pub fn get(&self, name: &str) -> Option<&Json> {
        self.0.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The members in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Json)> {
        self.0.iter().map(|(n, v)| (n, v))
    }

    /// The members' names in document order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.iter().map(|(n, _)| n)
    }
}

impl Json {
    /// Reads one JSON document; anything after it but white space is an error.
    pub fn parse(text: &str) -> Result<Json, ParseError> {
        let mut reader = Reader { source: text, text: text.as_bytes(), at: 0 };
        let value = reader.value(0)?;
        reader.space();
        if reader.at < reader.text.len() {
            return Err(reader.error("unexpected text after the end of the document"));
        }
        Ok(value)
    }

    /// The text of a string, or `None` for any other value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value of `true` or `false`, or `None` for any other value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A whole number from 0 up, as written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// The items of an array, or `None` for any other value.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object, or `None` for any other value.
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    /// Indented with two spaces, a member or item per line (as stored and exported).
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// `indent`: `None` for one line, else the current depth.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => write_string(out, s),
            Json::Array(items) => write_list(out, indent, '[', ']', items.iter(), |out, item, inner| item.write(out, inner)),
            Json::Object(o) => write_list(out, indent, '{', '}', o.iter(), |out, (name, value), inner| {
                write_string(out, name);
                out.push_str(if inner.is_some() { ": " } else { ":" });
                value.write(out, inner);
            }),
        }
    }
}

/// One line of JSON (for quoting a value in an error message).
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out, None);
        f.write_str(&out)
    }
}

fn write_list<T>(
    out: &mut String,
    indent: Option<usize>,
    open: char,
    close: char,
    items: impl Iterator<Item = T>,
    mut item: impl FnMut(&mut String, T, Option<usize>),
) {
    let inner = indent.map(|d| d + 1);
    let newline = |out: &mut String, depth: Option<usize>| {
        if let Some(d) = depth {
            out.push('\n');
            out.extend(std::iter::repeat_n("  ", d));
        }
    };
    out.push(open);
    let mut empty = true;
    for (i, it) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline(out, inner);
        item(out, it, inner);
        empty = false;
    }
    if !empty {
        newline(out, indent);
    }
    out.push(close);
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Why a text is not JSON, and where: "expected `,` or `}` at line 3, column 7".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// What was wrong: "expected `,` or `}`".
    pub message: &'static str,
    /// The line it was found on, from 1.
    pub line: usize,
    /// The column on that line, from 1, in characters (not bytes).
    pub column: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {}, column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for ParseError {}

struct Reader<'a> {
    source: &'a str,
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn error(&self, message: &'static str) -> ParseError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Columns count characters, not bytes (UTF-8 continuation bytes do not start one).
        let column = before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        ParseError { message, line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, word: &[u8], message: &'static str) -> Result<(), ParseError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(self.error(message))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.space();
        match self.peek() {
            None => Err(self.error("unexpected end of the document")),
            Some(b'n') => self.expect(b"null", "expected a value").map(|_| Json::Null),
            Some(b't') => self.expect(b"true", "expected a value").map(|_| Json::Bool(true)),
            Some(b'f') => self.expect(b"false", "expected a value").map(|_| Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if self.close(b']') {
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.next_or_close(b']', "expected `,` or `]`")? {
                        return Ok(Json::Array(items));
                    }
                }
            }
            Some(b'{') => {
                self.at += 1;
                let mut object = Object::new();
                if self.close(b'}') {
                    return Ok(Json::Object(object));
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.error("expected a name in quotes"));
                    }
                    let name = self.string()?;
                    self.space();
                    self.expect(b":", "expected `:`")?;
                    let value = self.value(depth + 1)?;
                    object.insert(name, value);
                    if self.next_or_close(b'}', "expected `,` or `}`")? {
                        return Ok(Json::Object(object));
                    }
                }
            }
            Some(_) => Err(self.error("expected a value")),
        }
    }

    /// After `[` or `{`: true (and past it) when the list closes at once.
    fn close(&mut self, close: u8) -> bool {
        self.space();
        let closed = self.peek() == Some(close);
        self.at += usize::from(closed);
        closed
    }

    /// After an item: `,` (false: another item follows) or the closing bracket (true).
    fn next_or_close(&mut self, close: u8, message: &'static str) -> Result<bool, ParseError> {
        self.space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(true)
            }
            None => Err(self.error("unexpected end of the document")),
            Some(_) => Err(self.error(message)),
        }
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at - from
        };
        self.at += usize::from(self.peek() == Some(b'-'));
        let whole_start = self.at;
        let whole = digits(self);
        if whole == 0 || (whole > 1 && self.text[whole_start] == b'0') {
            self.at = whole_start;
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        // Only ASCII was consumed, so this slice is valid UTF-8.
        Ok(Json::Number(String::from_utf8_lossy(&self.text[start..self.at]).into_owned()))
    }

    /// A string in quotes, `self.at` on the opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // A run of plain characters is copied at once (most texts are one
            // run); it ends on an ASCII byte, so on a character boundary.
            let run = self.at;
            while matches!(self.peek(), Some(c) if c != b'"' && c != b'\\' && c >= 0x20) {
                self.at += 1;
            }
            out.push_str(&self.source[run..self.at]);
            match self.peek() {
                None => return Err(self.error("unexpected end of the document in a text")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("invalid escape")),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                Some(_) => return Err(self.error("control character in a text (write it as an escape)")),
            }
        }
    }

    /// `\uXXXX` (and its pair for characters beyond U+FFFF); leaves `self.at` on the last hex digit.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            self.at += 1;
            if !self.text[self.at..].starts_with(b"\\u") {
                return Err(self.error("unpaired surrogate in an escape"));
            }
            self.at += 1;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("unpaired surrogate in an escape"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("unpaired surrogate in an escape"))
    }

    /// Four hex digits after the `u` at `self.at`; leaves `self.at` on the last one.
    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut code = 0;
        for _ in 0..4 {
            self.at += 1;
            let digit = self.peek().and_then(|c| (c as char).to_digit(16));
            code = code * 16 + digit.ok_or_else(|| self.error("invalid escape"))?;
        }
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_back() {
        let text = r#"{"a": [1, -2.5e3, true, null, "x\"\\\n\u00e9\ud83d\ude00"], "b": {}, "c": []}"#;
        let v = Json::parse(text).unwrap();
        assert_eq!(v.to_string(), r#"{"a":[1,-2.5e3,true,null,"x\"\\\né😀"],"b":{},"c":[]}"#);
        assert_eq!(v.to_pretty(), "{\n  \"a\": [\n    1,\n    -2.5e3,\n    true,\n    null,\n    \"x\\\"\\\\\\né😀\"\n  ],\n  \"b\": {},\n  \"c\": []\n}");
    }

    #[test]
    fn faults_name_their_place() {
        let fault = |t: &str| Json::parse(t).unwrap_err().to_string();
        assert_eq!(fault("{\"a\": 1,\n  \"b\" 2}"), "expected `:` at line 2, column 7");
        assert_eq!(fault("[1, 2"), "unexpected end of the document at line 1, column 6");
        assert_eq!(fault("[01]"), "invalid number at line 1, column 2");
        assert_eq!(fault("\"é\u{1}\""), "control character in a text (write it as an escape) at line 1, column 3");
        assert_eq!(fault("{} x"), "unexpected text after the end of the document at line 1, column 4");
        assert_eq!(fault("\"\\ud800x\""), "unpaired surrogate in an escape at line 1, column 8");
        assert_eq!(fault(&"[".repeat(200)), "nested too deeply at line 1, column 130");
    }

    #[test]
    fn a_repeated_name_gives_its_last_value() {
        let v = Json::parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        let o = v.as_object().unwrap();
        assert_eq!(o.get("a").and_then(Json::as_u64), Some(3));
        assert_eq!(o.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "a"]);
    }
}
