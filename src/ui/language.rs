//! Switching the language: at once when its texts are here; otherwise the
//! screen stays as it is and says that the language is loading, then
//! switches (every answer and the step are kept), or says in one sentence
//! that it could not load and stays in the current language.
use super::state::{Action, Notice, SessionHandle};
use crate::engine::Lang;
use crate::platform::texts;

/// Shows the check in `lang`.
pub fn switch(session: &SessionHandle, lang: Lang) {
    if texts::loaded(lang) {
        session.dispatch(Action::SetLang(lang));
        return;
    }
    session.dispatch(Action::Notify(Notice::LangLoading(lang)));
    let session = session.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match texts::load(lang).await {
            Ok(()) => session.dispatch(Action::SetLang(lang)),
            Err(_) => session.dispatch(Action::Notify(Notice::LangFailed(lang))),
        }
    });
}

/// The id of the text that names `lang` in itself ("Nederlands"): every
/// language has each of them, so the list of languages needs only the texts
/// of the language shown.
pub fn name_id(lang: Lang) -> String {
    format!("ui.lang.{}", lang.code())
}

/// The language's code as the language list shows it ("DE"). Written out:
/// `str::to_uppercase` would bring Unicode's case tables into the wasm (16 KB
/// of it, uncompressed).
pub fn code_label(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "DE",
        Lang::Fr => "FR",
        Lang::Es => "ES",
        Lang::It => "IT",
        Lang::Pl => "PL",
        Lang::Nl => "NL",
        Lang::En => "EN",
    }
}
