//! Check your answers (GOV.UK pattern): every asked question with its answer
//! and a "Change" link that returns here after any follow-up questions. A
//! view function: it has no state, and the app renders it only when the
//! session changes. (It was a component, when a step rendered the app twice;
//! now the step to it measures the same either way, 3.8 ms without
//! throttling, and the component type cost 0.7 KB of gzip.)
use yew::prelude::*;

use super::app::{dispatch, SessionHandle};
use super::state::Action;
use super::{escape, t};
use crate::engine::content::Kind;
use crate::engine::flow::Flow;
use crate::engine::Content;

pub fn check_page(s: &SessionHandle) -> Html {
    let lang = s.lang;
    let content = Content::embedded();
    let flow = Flow::new(content, &s.answers);
    let change_label = escape(&t(lang, "ui.check.change"));
    // The list as one piece of HTML, every text escaped: one DOM parse
    // instead of ~250 element and text calls from the wasm, which made this
    // the slowest step of a walk (18 ms at 4x CPU), and one node for Yew to
    // move in (not one per row). The "Change" buttons are handled by one
    // listener around the list.
    let mut rows = String::new();
    for q in &flow.questions {
        let title = content.text(lang, &format!("q.{}.title", q.id)).to_string();
        let value = match flow.effective.get(&q.id) {
            None => t(lang, "ui.check.not_provided"),
            Some(v) if q.kind == Kind::Text => v.as_text().unwrap_or_default().to_string(),
            Some(v) => v.values().iter().map(|c| {
                if q.kind == Kind::Select {
                    content.text(lang, &format!("country.{c}")).to_string()
                } else {
                    content.text(lang, &format!("q.{}.choice.{c}", q.id)).to_string()
                }
            }).collect::<Vec<_>>().join("\n"),
        };
        let (id, title, value) = (escape(&q.id), escape(&title), escape(&value));
        rows += &format!(
            "<div class=\"oc-summary__row\"><dt class=\"oc-summary__key\">{title}</dt>\
             <dd class=\"oc-summary__value\">{value}</dd><dd class=\"oc-summary__action\">\
             <button type=\"button\" class=\"oc-link-button\" id=\"change-{id}\" data-change=\"{id}\">{change_label}\
             <span class=\"oc-visually-hidden\">: {title}</span></button></dd></div>"
        );
    }
    let change = {
        let session = s.clone();
        Callback::from(move |e: MouseEvent| {
            let button = e.target_dyn_into::<web_sys::Element>().and_then(|t| t.closest("button[data-change]").ok().flatten());
            if let Some(id) = button.and_then(|b| b.get_attribute("data-change")) {
                session.dispatch(Action::Change(id));
            }
        })
    };
    html! {
        <>
            <a href="#" class="oc-back" onclick={dispatch(s, Action::Back)}>{ t(lang, "ui.back") }</a>
            <h1 id="oc-heading" tabindex="-1">{ t(lang, "ui.check.heading") }</h1>
            <p>{ t(lang, "ui.check.lead") }</p>
            <div onclick={change}>{ Html::from_html_unchecked(format!("<dl class=\"oc-summary\">{rows}</dl>").into()) }</div>
            <div class="oc-actions">
                <button type="button" id="oc-see-result" class="oc-button" onclick={dispatch(s, Action::ShowResult)}>
                    { t(lang, "ui.check.button") }
                </button>
            </div>
        </>
    }
}
