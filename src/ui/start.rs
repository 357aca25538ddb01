//! The start screen: what the check does, that nothing leaves the device, how
//! long it takes, and the start button, all on the first screen of a 360 x
//! 740 phone; what the person gets, how the answers are kept and that this
//! is not legal advice follow below the button. A view function: it has no
//! state of its own (see ui/mod.rs on components and view functions).
//! tools/postbuild.py writes the same screen as plain HTML (the app's own
//! start screen shows instead once objections are kept: it links to them).
use yew::prelude::*;

use super::result::import_answers;
use super::state::Action;
use super::state::{dispatch, SessionHandle};
use super::{t, tf};
use crate::engine::text::Vars;

pub fn start_page(s: &SessionHandle) -> Html {
    let lang = s.lang;
    html! {
        <>
            <h1 id="oc-heading" tabindex="-1">{ t(lang, "ui.start.heading") }</h1>
            <p>{ t(lang, "ui.start.lead") }</p>
            <div class="oc-notice">
                <p>{ t(lang, "ui.start.privacy") }</p>
            </div>
            <div class="oc-actions">
                <button type="button" id="oc-start" class="oc-button" onclick={dispatch(s, Action::Start)}>
                    { t(lang, "ui.start.button") }
                </button>
                if !s.records.is_empty() {
                    <button type="button" id="oc-objections" class="oc-button oc-button--secondary" onclick={dispatch(s, Action::ShowObjections)}>
                        { tf(lang, "ui.objections.open", &Vars::new().with("count", s.records.len().to_string())) }
                    </button>
                }
            </div>
            <p>{ t(lang, "ui.start.what_you_get") }</p>
            <p>{ t(lang, "ui.start.storage") }</p>
            <p class="oc-hint">{ t(lang, "ui.start.not_advice") }</p>
            { import_answers(s) }
        </>
    }
}
