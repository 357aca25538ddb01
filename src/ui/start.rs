//! The start screen: what the check does, that nothing leaves the device, how
//! long it takes, and the start button. A view function: it has no state of
//! its own (see ui/mod.rs on components and view functions).
use yew::prelude::*;

use super::state::{dispatch, SessionHandle};
use super::result::import_answers;
use super::state::Action;
use super::t;

pub fn start_page(s: &SessionHandle) -> Html {
    let lang = s.lang;
    html! {
        <>
            <h1 id="oc-heading" tabindex="-1">{ t(lang, "ui.start.heading") }</h1>
            <p>{ t(lang, "ui.start.lead") }</p>
            <p>{ t(lang, "ui.start.what_you_get") }</p>
            <div class="oc-notice">
                <p>{ t(lang, "ui.start.privacy") }</p>
                <p>{ t(lang, "ui.start.storage") }</p>
            </div>
            <p class="oc-hint">{ t(lang, "ui.start.not_advice") }</p>
            <div class="oc-actions">
                <button type="button" id="oc-start" class="oc-button" onclick={dispatch(s, Action::Start)}>
                    { t(lang, "ui.start.button") }
                </button>
            </div>
            { import_answers(s) }
        </>
    }
}
