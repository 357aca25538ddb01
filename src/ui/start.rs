//! The start screen: what the check does, that nothing leaves the device, how
//! long it takes, and the start button, all on the first screen of a 360 x
//! 740 phone; what the person gets, how the answers are kept and that this
//! is not legal advice follow below the button. A view function: it has no
//! state of its own (see ui/mod.rs on components and view functions).
//!
//! The same code renders the plain start screen that index.html carries
//! before the app runs ([`PlainStartScreen`], rendered at build time by
//! src/bin/prerender.rs with Yew's server renderer): links where the app has
//! buttons (they work before the app does: `#lang=..`, `#skip=start` are
//! link presets), the controls that need the app hidden until it adopts the
//! screen (platform::plain_start).
//! Once objections are kept, the app draws its own start screen instead of
//! adopting the copy: it links to them.
use yew::prelude::*;

use super::bar::bar;
use super::result::import_answers;
use super::state::Action;
use super::state::{dispatch, Session, SessionHandle};
use super::{t, tf, Drawn};
use crate::engine::text::Vars;
use crate::engine::{Date, Lang};

pub fn start_page(s: &SessionHandle, drawn: Drawn) -> Html {
    let lang = s.lang;
    let start = match drawn {
        Drawn::App => html! {
            <button type="button" id="oc-start" class="oc-button" onclick={dispatch(s, Action::Start)}>
                { t(lang, "ui.start.button") }
            </button>
        },
        Drawn::Plain => html! { <a href="#skip=start" class="oc-button">{ t(lang, "ui.start.button") }</a> },
    };
    html! {
        <>
            if drawn == Drawn::App {
                <h1 id="oc-heading" tabindex="-1">{ t(lang, "ui.start.heading") }</h1>
            } else {
                <h1>{ t(lang, "ui.start.heading") }</h1>
            }
            <p>{ t(lang, "ui.start.lead") }</p>
            <div class="oc-notice">
                <p>{ t(lang, "ui.start.privacy") }</p>
            </div>
            <div class="oc-actions">
                { start }
                if !s.records.is_empty() {
                    <button type="button" id="oc-objections" class="oc-button oc-button--secondary" onclick={dispatch(s, Action::ShowObjections)}>
                        { tf(lang, "ui.objections.open", &Vars::new().with("count", s.records.len().to_string())) }
                    </button>
                }
            </div>
            <p>{ t(lang, "ui.start.what_you_get") }</p>
            <p>{ t(lang, "ui.start.storage") }</p>
            <p class="oc-hint">{ t(lang, "ui.start.not_advice") }</p>
            { import_answers(s, drawn) }
        </>
    }
}

/// The plain start screen in `lang`, as index.html carries it.
#[derive(Properties, PartialEq)]
pub struct PlainStartProps {
    pub lang: Lang,
}

/// The start screen as index.html carries it before the app runs, one block
/// per language (the page shows the one the app will open in). The app
/// adopts the block shown instead of drawing its own (platform::plain_start).
#[component]
pub fn PlainStartScreen(props: &PlainStartProps) -> Html {
    // The start screen shows no date; any day will do.
    let session = use_reducer(|| Session::new(props.lang, Date { year: 2026, month: 1, day: 1 }));
    html! {
        <div class="objection-check" lang={props.lang.code()} data-objection-check-prerender="">
            { bar(&session, Drawn::Plain) }
            <main class="oc-main">{ start_page(&session, Drawn::Plain) }</main>
            { super::footer(props.lang, false) }
        </div>
    }
}
