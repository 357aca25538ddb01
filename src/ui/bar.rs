//! The bar on every screen: the language switch (answers are kept) and
//! "Erase my answers" (memory and storage at once), on one row of a phone
//! screen: each language shows its code ("NL", "EN") and is named in full
//! for screen readers ("NL Nederlands"); the two names in full and the erase
//! button need two rows at 360 px. A view function, not a component: it has
//! no state of its own, and each component type costs about half a KB of
//! the download in Yew's lifecycle code.
use yew::prelude::*;

use super::app::{dispatch, SessionHandle};
use super::state::Action;
use super::t;
use crate::engine::Lang;

pub fn bar(s: &SessionHandle) -> Html {
    let lang = s.lang;
    html! {
        <div class="oc-bar">
            <nav aria-label={t(lang, "ui.lang_switch_label")}>
                <ul class="oc-lang">
                    { for Lang::ALL.iter().map(|&l| {
                        let current = l == lang;
                        // Written out: str::to_uppercase would bring Unicode's
                        // case tables into the wasm (16 KB of it, uncompressed).
                        let (code, name) = match l { Lang::En => ("EN", "ui.lang.en"), Lang::Nl => ("NL", "ui.lang.nl") };
                        html! {
                            <li>
                                <button type="button" lang={l.code()}
                                    class="oc-button oc-button--secondary oc-button--small oc-lang__button"
                                    aria-current={current.then_some("true")}
                                    onclick={dispatch(s, Action::SetLang(l))}>
                                    { code }<span class="oc-visually-hidden">{ " " }{ t(l, name) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </nav>
            <button type="button" class="oc-link-button" onclick={dispatch(s, Action::Erase)}>
                { t(lang, "ui.erase") }
            </button>
        </div>
    }
}
