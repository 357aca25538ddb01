//! Check your answers (GOV.UK pattern): every asked question with its answer
//! and a "Change" link that returns here after any follow-up questions. A
//! view function, not a component (a component type cost 0.7 KB of gzip and
//! measured no faster); the list of answers is kept by the app from render
//! to render and brought up to date row by row ([`Summary`]).
use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::state::{dispatch, SessionHandle};
use super::state::{Action, Session};
use super::{escape, t};
use crate::engine::content::{Kind, Question};
use crate::engine::flow::Flow;
use crate::engine::text::question_vars;
use crate::engine::text::{fill, Vars};
use crate::engine::{AnswerValue, Content, Lang};
use crate::platform::dom;

pub fn check_page(s: &SessionHandle, summary: &Rc<RefCell<Summary>>) -> Html {
    let lang = s.lang;
    let list = summary.borrow_mut().list_for(s);
    // The "Change" buttons are handled by one listener around the list.
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
            <div onclick={change}>{ list.map(|l| Html::VRef(l.into())).unwrap_or_default() }</div>
            <div class="oc-actions">
                <button type="button" id="oc-see-result" class="oc-button" onclick={dispatch(s, Action::ShowResult)}>
                    { t(lang, "ui.check.button") }
                </button>
            </div>
        </>
    }
}

/// The list of answers as elements, kept from render to render with the
/// answer each row shows: brought up to date for new answers, it parses
/// only the rows whose answer changed, usually the one just answered. The
/// app brings it up to date after each question's frame is drawn
/// ([`Summary::prepare`]), so the step to this screen parses one row, not
/// the whole list (23 rows took 0.6 ms to parse without throttling,
/// measured in the page).
#[derive(Default)]
pub struct Summary {
    list: Option<web_sys::Element>,
    /// The language of the rows, and the values their texts' placeholders
    /// were filled with ([`Vars::signature`]).
    texts: Option<(Lang, String)>,
    rows: Vec<Row>,
}

/// A row of the list: the question, the answer it shows, and its element.
struct Row {
    question: String,
    answer: Option<AnswerValue>,
    element: web_sys::Element,
}

impl Summary {
    /// The list for the session's language and answers, brought up to date.
    pub fn list_for(&mut self, s: &Session) -> Option<web_sys::Element> {
        if self.update(s).is_none() {
            // No document to parse in (never in a browser): start anew next time.
            *self = Summary::default();
        }
        self.list.clone()
    }

    /// Brings the list up to date while it is off the screen, for the
    /// answers on a question page (on the check screen, the screen brings
    /// it up to date itself, for the answers it shows).
    pub fn prepare(&mut self, s: &Session) {
        if !self.list.as_ref().is_some_and(|list| list.is_connected()) {
            self.list_for(s);
        }
    }

    /// Puts a row for each asked question in the list, in order: a row whose
    /// answer is unchanged stays, a changed one is parsed anew in its place,
    /// one no longer asked is taken out.
    fn update(&mut self, s: &Session) -> Option<()> {
        let list = match &self.list {
            Some(list) => list.clone(),
            None => self.list.insert(dom::element_from_html("<dl class=\"oc-summary\"></dl>")?).clone(),
        };
        let flow = Flow::new(Content::embedded(), &s.answers);
        // Every row's text changes with the language, and with what the
        // questions' texts name (the law, the organisation, its notice date).
        let vars = question_vars(Content::embedded(), s.lang, &flow.effective);
        let texts = (s.lang, vars.signature());
        if self.texts.as_ref() != Some(&texts) {
            self.rows.drain(..).for_each(|row| row.element.remove());
            self.texts = Some(texts);
        }
        // The same questions in the same order: each row keeps its place.
        let in_place = flow.questions.len() == self.rows.len() && flow.questions.iter().zip(&self.rows).all(|(q, row)| q.id == row.question);
        let mut old = std::mem::take(&mut self.rows);
        for q in &flow.questions {
            let answer = flow.effective.get(&q.id);
            let kept = old.iter().position(|row| row.question == q.id).map(|i| old.swap_remove(i));
            let element = match kept {
                Some(row) if row.answer.as_ref() == answer => row.element,
                kept => {
                    let element = dom::element_from_html(&row_html(s.lang, q, answer, &vars))?;
                    if let Some(row) = kept {
                        if in_place {
                            row.element.replace_with_with_node_1(&element).ok()?;
                        } else {
                            row.element.remove();
                        }
                    }
                    element
                }
            };
            if !in_place {
                // Each row to the end in turn: the list ends up in order.
                list.append_child(&element).ok()?;
            }
            self.rows.push(Row { question: q.id.to_string(), answer: answer.cloned(), element });
        }
        old.into_iter().for_each(|row| row.element.remove());
        Some(())
    }
}

/// A row of the list as HTML, every text escaped (the browser parses it;
/// building the rows element by element from the wasm took ~250 calls
/// across and made this the slowest step of a walk, 18 ms at 4x CPU).
fn row_html(lang: Lang, q: &Question, answer: Option<&AnswerValue>, vars: &Vars) -> String {
    let content = Content::embedded();
    let title = fill(content.text(lang, &format!("q.{}.title", q.id)), vars);
    let value = match answer {
        None => t(lang, "ui.check.not_provided"),
        Some(v) if q.kind == Kind::Text => v.as_text().unwrap_or_default().to_string(),
        Some(v) => v.values().iter().map(|c| fill(content.text(lang, &q.choice_label_id(c)), vars)).collect::<Vec<_>>().join("\n"),
    };
    let (id, title, value, change) = (escape(&q.id), escape(&title), escape(&value), escape(&t(lang, "ui.check.change")));
    format!(
        "<div class=\"oc-summary__row\"><dt class=\"oc-summary__key\">{title}</dt>\
         <dd class=\"oc-summary__value\">{value}</dd><dd class=\"oc-summary__action\">\
         <button type=\"button\" class=\"oc-link-button\" id=\"change-{id}\" data-change=\"{id}\">{change}\
         <span class=\"oc-visually-hidden\">: {title}</span></button></dd></div>"
    )
}
