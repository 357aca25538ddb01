//! The bar on every screen: the language switch (answers are kept) and
//! "Erase my answers" (memory and storage at once), as compact as a phone
//! screen allows: each language shows its code ("DE", "NL") and is named in
//! full for screen readers ("DE Deutsch"); the names in full would need
//! several rows at 360 px. A view function, not a component: it has
//! no state of its own, and each component type costs about half a KB of
//! the download in Yew's lifecycle code.
use yew::prelude::*;

use super::state::{dispatch, Action, SessionHandle};
use super::{t, Drawn};
use crate::engine::Lang;

/// The bar; on the plain start screen the languages are links (`#lang=de`)
/// and "Erase my answers" keeps its place, hidden, until the app adopts it.
pub fn bar(s: &SessionHandle, drawn: Drawn) -> Html {
    let lang = s.lang;
    html! {
        <div class="oc-bar">
            <nav aria-label={t(lang, "ui.lang_switch_label")}>
                <ul class="oc-lang">
                    { for Lang::ALL.iter().map(|&l| {
                        let current = l == lang;
                        let class = "oc-button oc-button--secondary oc-button--small oc-lang__button";
                        let label = html! {
                            <>{ super::language::code_label(l) }<span class="oc-visually-hidden">{ " " }{ t(lang, &super::language::name_id(l)) }</span></>
                        };
                        match drawn {
                            Drawn::App => html! {
                                <li>
                                    <button type="button" lang={l.code()} {class} aria-current={current.then_some("true")} onclick={switch_to(s, l)}>
                                        { label }
                                    </button>
                                </li>
                            },
                            Drawn::Plain => html! {
                                <li><a href={format!("#lang={}", l.code())} lang={l.code()} {class} aria-current={current.then_some("true")}>{ label }</a></li>
                            },
                        }
                    }) }
                </ul>
            </nav>
            if drawn == Drawn::App {
                <button type="button" class="oc-link-button" onclick={dispatch(s, Action::Erase)}>
                    { t(lang, "ui.erase") }
                </button>
            } else {
                <button type="button" class="oc-link-button oc-prerender-placeholder" aria-hidden="true" tabindex="-1">
                    { t(lang, "ui.erase") }
                </button>
            }
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
