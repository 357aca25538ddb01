//! Brings a language's texts into the app: the file the build named for it
//! ([`Texts::file_name`]), handed over by whatever started the app (the
//! single file carries every language as `globalThis.objectionCheckTexts`;
//! the page's start script the promise of the one it fetched at once),
//! or fetched from next to the app (`globalThis.objectionCheckBase`, which
//! the embed loader sets; the page's own folder otherwise). A build that
//! carries its languages has nothing to fetch. Nothing is sent: a GET of one
//! of the app's own files.
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::engine::{Lang, Texts};

/// Why a language could not be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not there and not reachable (offline, and never fetched).
    Unreachable,
    /// Reached, but not this build's texts file (`reason` for the console).
    Damaged(String),
}

/// Makes `lang`'s texts available, fetching them if they are not here yet.
pub async fn load(lang: Lang) -> Result<(), LoadError> {
    let texts = Texts::embedded();
    if texts.has(lang) {
        return Ok(());
    }
    let file = match handed_over(lang).await {
        Some(file) => file,
        None => fetch(lang).await?,
    };
    // A language is loaded once a visit: its text lives as long as the app.
    let file: &'static str = Box::leak(file.into_boxed_str());
    texts.install(lang, file).map_err(|e| {
        web_sys::console::warn_1(&format!("objection-check: {e}").into());
        LoadError::Damaged(e)
    })
}

/// Whether `lang`'s texts are here.
pub fn loaded(lang: Lang) -> bool {
    Texts::embedded().has(lang)
}

fn global(name: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(&js_sys::global(), &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// The texts handed over for `lang`: as text (the single file), or as the
/// promise of a fetch the page's start script made while the wasm downloaded
/// (it knows the language the app opens in); `None` if there are none or the
/// fetch failed.
async fn handed_over(lang: Lang) -> Option<String> {
    let value = js_sys::Reflect::get(&global("objectionCheckTexts")?, &lang.code().into()).ok()?;
    if let Some(text) = value.as_string() {
        return Some(text);
    }
    let promise = value.dyn_into::<js_sys::Promise>().ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}

async fn fetch(lang: Lang) -> Result<String, LoadError> {
    let name = Texts::file_name(lang).ok_or(LoadError::Unreachable)?;
    let base = global("objectionCheckBase").and_then(|b| b.as_string()).unwrap_or_else(|| "./".into());
    let window = web_sys::window().ok_or(LoadError::Unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(&format!("{base}{name}"))).await.map_err(|_| LoadError::Unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Unreachable)?;
    if !response.ok() {
        return Err(LoadError::Unreachable);
    }
    let text = response.text().map_err(|_| LoadError::Unreachable)?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or(LoadError::Unreachable)
}
