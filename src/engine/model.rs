//! What every part of the content model can do in native builds ([`Model`]):
//! be read with serde from `content/` in its written form, become the model,
//! and be written as a Rust expression for the app's static. The impls for
//! texts, lists, options, flags and numbers are here; each table's comes
//! with its declaration (`model!` in [`super::content`]), the rest with the
//! reader ([`super::source`]).
#![warn(missing_docs)]
use std::fmt::Write as _;

use serde::de::{DeserializeOwned, Visitor};
use serde::Deserialize;

/// A part of the content model: what serde reads from the files, how that
/// becomes the model (texts and lists live as long as the program, as the
/// app's static does), and how the model is written as a Rust expression.
pub trait Model: Sized {
    /// Its written form, as serde reads it from a content file.
    type Written: DeserializeOwned;
    /// The model part from its written form.
    fn from_written(written: Self::Written) -> Self;
    /// Appends it to `out` as a Rust expression of its type.
    fn emit(&self, out: &mut String);
}

impl Model for &'static str {
    type Written = String;
    fn from_written(w: String) -> Self {
        w.leak()
    }
    fn emit(&self, out: &mut String) {
        // A `str`'s Debug form is a Rust string literal.
        let _ = write!(out, "{self:?}");
    }
}

impl<T: Model + 'static> Model for &'static [T] {
    type Written = Vec<T::Written>;
    fn from_written(w: Vec<T::Written>) -> Self {
        w.into_iter().map(T::from_written).collect::<Vec<_>>().leak()
    }
    fn emit(&self, out: &mut String) {
        out.push_str("&[");
        for item in self.iter() {
            item.emit(out);
            out.push_str(", ");
        }
        out.push(']');
    }
}

impl<T: Model> Model for Option<T> {
    type Written = Option<T::Written>;
    fn from_written(w: Option<T::Written>) -> Self {
        w.map(T::from_written)
    }
    fn emit(&self, out: &mut String) {
        match self {
            Some(v) => {
                out.push_str("Some(");
                v.emit(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

impl Model for bool {
    type Written = bool;
    fn from_written(w: bool) -> Self {
        w
    }
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

/// A whole number in a content file (`max_chars = 500`).
pub struct WholeNumber(usize);

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Whole;
        impl Visitor<'_> for Whole {
            type Value = WholeNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<WholeNumber, E> {
                usize::try_from(v).map(WholeNumber).map_err(|_| E::custom("expected a whole number"))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<WholeNumber, E> {
                usize::try_from(v).map(WholeNumber).map_err(|_| E::custom("expected a whole number"))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<WholeNumber, E> {
                Err(E::custom("expected a whole number"))
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<WholeNumber, E> {
                Err(E::custom("expected a whole number"))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<WholeNumber, E> {
                Err(E::custom("expected a whole number"))
            }
        }
        d.deserialize_any(Whole)
    }
}

impl Model for usize {
    type Written = WholeNumber;
    fn from_written(w: WholeNumber) -> Self {
        w.0
    }
    fn emit(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}
