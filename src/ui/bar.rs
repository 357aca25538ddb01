//! The bar on every screen: the language switch (answers are kept) and
//! "Erase my answers" (memory and storage at once), as compact as a phone
//! screen allows: each language shows its code ("DE", "NL") and is named in
//! full for screen readers ("DE Deutsch"); the names in full would need
//! several rows at 360 px. A view function, not a component: it has
//! no state of its own, and each component type costs about half a KB of
//! the download in Yew's lifecycle code.
use yew::prelude::*;

use super::state::{dispatch, Action, SessionHandle};
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
                        html! {
                            <li>
                                <button type="button" lang={l.code()}
                                    class="oc-button oc-button--secondary oc-button--small oc-lang__button"
                                    aria-current={current.then_some("true")}
                                    onclick={switch_to(s, l)}>
                                    { super::language::code_label(l) }<span class="oc-visually-hidden">{ " " }{ t(lang, &super::language::name_id(l)) }</span>
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

/// A language button's click: the check in that language (src/ui/language.rs).
fn switch_to(s: &SessionHandle, lang: Lang) -> Callback<MouseEvent> {
    let session = s.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        super::language::switch(&session, lang);
    })
}
