//! One question per page (GOV.UK question-page pattern): a back link, the
//! question as the page heading (legend or label), a hint, the error summary
//! and field error when an answer is missing, the inputs, and "Continue".
//! Text questions that share a `page` (the name and e-mail address for the
//! letter) are asked on one page: its own heading, each question labelled by
//! its title, one "Continue" for all.
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::state::{dispatch, Action, SessionHandle};
use super::{escape, t, tf};
use crate::engine::content::{Kind, Question};
use crate::engine::flow::{offered_choices, FieldError, Flow, Submission};
use crate::engine::text::question_vars;
use crate::engine::text::{fill, Vars};
use crate::engine::{Content, Lang};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub session: SessionHandle,
    pub id: AttrValue,
    /// "Question 3 of 18" (computed by the app, which also puts it in the title).
    pub counter: AttrValue,
    pub root: super::state::WidgetRoot,
}

/// The draft answer while the page is open.
#[derive(Clone, PartialEq)]
enum Draft {
    Choices(Vec<String>),
    Text(String),
}

/// The drafts of the questions on the page, and where a change to one goes:
/// kept with the visit of the page they were made on. Read when Continue is
/// pressed, so every field's latest input counts.
#[derive(Clone)]
struct DraftHandle {
    index: usize,
    value: Draft,
    drafts: std::rc::Rc<std::cell::RefCell<(u32, Vec<Draft>)>>,
    redraw: UseForceUpdateHandle,
}

impl DraftHandle {
    fn set(&self, draft: Draft) {
        if let Some(d) = self.drafts.borrow_mut().1.get_mut(self.index) {
            *d = draft;
        }
        self.redraw.force_update();
    }
}

/// The draft a question starts with: its saved answer (the choices of it
/// still offered), if any.
fn saved_draft(q: &Question, s: &SessionHandle, offered: &[&str]) -> Draft {
    match (q.kind, s.answers.get(&q.id)) {
        (Kind::Text, Some(v)) => Draft::Text(v.as_text().unwrap_or_default().to_string()),
        (Kind::Text, None) => Draft::Text(String::new()),
        (_, Some(v)) => Draft::Choices(v.values().iter().filter(|c| offered.contains(&c.as_str())).cloned().collect()),
        (_, None) => Draft::Choices(Vec::new()),
    }
}

#[component]
pub fn QuestionPage(props: &QuestionProps) -> Html {
    let s = &props.session;
    let lang = s.lang;
    let content = Content::embedded();
    // Hooks first: the page stays while the question changes, so every
    // render calls the same hooks, whatever the question.
    let drafts = use_mut_ref(|| (0u32, Vec::<Draft>::new()));
    let redraw = use_force_update();
    let visits = use_mut_ref(|| (props.id.clone(), 0u32));
    let lists = use_mut_ref(Lists::default);
    let root = props.root.0.clone();
    // One page for every question: the app keeps it from question to
    // question, so a step patches the screen instead of building it anew. A
    // draft lives while its page stays (through an error message too); a
    // page shown again, or another one, starts from its saved answers.
    let visit = {
        let mut v = visits.borrow_mut();
        if v.0 != props.id {
            *v = (props.id.clone(), v.1.wrapping_add(1));
        }
        v.1
    };
    // The questions on this page: one, or several text questions that share
    // a `page` (the name and the e-mail address for the letter).
    let flow = Flow::new(content, &s.answers);
    let page: Vec<&'static Question> = match flow.page_of(&props.id) {
        [] => content.question(&props.id).into_iter().collect(),
        questions => questions.to_vec(),
    };
    let Some(&first) = page.first() else { return html! {} };
    // The texts may name the law, the organisation and its notice date, from
    // earlier answers; the choices offered follow earlier answers too.
    let effective = flow.effective;
    {
        let mut d = drafts.borrow_mut();
        if d.0 != visit || d.1.len() != page.len() {
            *d = (visit, page.iter().map(|q| saved_draft(q, s, &offered_choices(q, &effective))).collect());
        }
    }
    let draft_of = |index: usize| DraftHandle { index, value: drafts.borrow().1[index].clone(), drafts: drafts.clone(), redraw: redraw.clone() };

    let counter = props.counter.clone();
    let vars = question_vars(content, lang, &effective);
    let title_of = |q: &Question| fill(content.text(lang, &format!("q.{}.title", q.id)), &vars);
    let error_of = |q: &Question| s.errors.iter().find(|(id, _)| *id == q.id).map(|(_, e)| error_text(lang, q, e));

    // Continue sends the drafts. Its click (a tap, or Enter in a field, which
    // clicks it too) is taken before the browser starts submitting the form:
    // Chromium first collects the form's fields for its autofill and lays the
    // page out for that (up to 1 ms on the name and e-mail questions,
    // traced without throttling). A submission without that click still works.
    let send = {
        let session = s.clone();
        let drafts = drafts.clone();
        let ids: Vec<String> = page.iter().map(|q| q.id.to_string()).collect();
        move || {
            let fields = ids
                .iter()
                .zip(drafts.borrow().1.iter())
                .map(|(id, draft)| {
                    let submission = match draft {
                        Draft::Choices(c) => Submission::Choices(c.clone()),
                        Draft::Text(t) => Submission::Text(t.clone()),
                    };
                    (id.clone(), submission)
                })
                .collect();
            session.dispatch(Action::Submit(fields));
        }
    };
    let onclick = {
        let send = send.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            send();
        })
    };
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        send();
    });

    // The list of a question still to come is built once this screen is
    // drawn, while the person reads it: the step to that question then only
    // puts the list on the screen.
    Lists::prepare(&lists, lang);

    let heading = |title: String| {
        html! {
            <h1 id="oc-heading" tabindex="-1">
                <span class="oc-caption">{ counter.clone() }</span>
                { title }
            </h1>
        }
    };
    let fields = if page.len() == 1 {
        // One question: it is the page's heading (its legend or label).
        let field = Field { lang, q: first, draft: draft_of(0), vars: &vars, visit, error: error_of(first) };
        field.html(heading(title_of(first)), &effective, &lists)
    } else {
        // Several: the page's own heading, then each question with its label.
        let id = first.page.as_deref().unwrap_or_default();
        let page_hint = content.text_opt(lang, &format!("page.{id}.hint")).map(|h| fill(h, &vars));
        html! {
            <>
                { heading(fill(content.text(lang, &format!("page.{id}.title")), &vars)) }
                if let Some(h) = page_hint { <p class="oc-hint">{ h }</p> }
                { for page.iter().enumerate().map(|(i, &q)| {
                    let field = Field { lang, q, draft: draft_of(i), vars: &vars, visit, error: error_of(q) };
                    field.html(html! { <span class="oc-label">{ title_of(q) }</span> }, &effective, &lists)
                }) }
            </>
        }
    };
    let errors: Vec<(String, String)> = page.iter().filter_map(|&q| error_of(q).map(|e| (first_input_id(q), e))).collect();

    html! {
        <>
            <a href="#" class="oc-back" onclick={dispatch(s, Action::Back)}>{ t(lang, "ui.back") }</a>
            if !errors.is_empty() {
                <div id="oc-error-summary" class="oc-error-summary" role="alert" tabindex="-1"
                    aria-labelledby="oc-error-summary-title">
                    <h2 id="oc-error-summary-title">{ t(lang, "ui.error.summary_title") }</h2>
                    <ul>{ for errors.into_iter().map(|(field_id, e)| html! {
                        <li><a href={format!("#{field_id}")} onclick={focus_field(root.clone(), field_id.clone())}>{ e }</a></li>
                    }) }</ul>
                </div>
            }
            <form novalidate=true onsubmit={onsubmit}>
                { fields }
                <button type="submit" class="oc-button" id="oc-continue" {onclick}>{ t(lang, "ui.continue") }</button>
            </form>
        </>
    }
}

/// One question's field on the page: its label (or legend), hint, error
/// message and inputs.
struct Field<'a> {
    lang: Lang,
    q: &'static Question,
    draft: DraftHandle,
    vars: &'a Vars,
    visit: u32,
    error: Option<String>,
}

impl Field<'_> {
    /// The field, labelled by `label` (the page heading where the question is
    /// the page, its title otherwise).
    fn html(self, label: Html, effective: &crate::engine::Answers, lists: &std::rc::Rc<std::cell::RefCell<Lists>>) -> Html {
        let Field { lang, q, draft, vars, visit, error } = self;
        let hint = hint_text(lang, q).map(|h| fill(h, vars));
        let field_id = first_input_id(q);
        let (hint_id, error_id) = (hint_id(q), error_id(q));
        let describedby = described_by(q, hint.is_some(), error.is_some());
        let hint_html = hint.map(|h| html! { <p id={hint_id.clone()} class="oc-hint">{ h }</p> });
        let error_html = error.clone().map(|e| {
            html! {
                <p id={error_id.clone()} class="oc-field__error">
                    <span class="oc-visually-hidden">{ t(lang, "ui.error.prefix") }{ " " }</span>{ e }
                </p>
            }
        });
        let field = match q.kind {
            Kind::Single | Kind::Multi => {
                let offered = offered_choices(q, effective);
                html! {
                    <fieldset class="oc-fieldset" aria-describedby={describedby.clone()}>
                        <legend>{ label }</legend>
                        { hint_html }
                        { error_html }
                        { choices(lang, q, &draft, &offered, vars) }
                    </fieldset>
                }
            }
            Kind::Select | Kind::Text => {
                let control = if q.kind == Kind::Select {
                    let chosen = match &draft.value {
                        Draft::Choices(c) => c.first().map(String::as_str),
                        Draft::Text(_) => None,
                    };
                    lists.borrow_mut().show(ListKey::new(lang, q, describedby.clone()), visit, chosen)
                } else {
                    textarea(lang, q, &draft, &field_id, describedby.clone())
                };
                html! {
                    <>
                        <label for={field_id.clone()}>{ label }</label>
                        { hint_html }
                        { error_html }
                        { control }
                    </>
                }
            }
        };
        html! {
            <div class={classes!("oc-field", error.is_some().then_some("oc-field--error"))}
                onchange={(q.kind == Kind::Select).then(|| select_change(&draft))}>
                { field }
            </div>
        }
    }
}

/// A question's hint, if it has one in `lang`.
fn hint_text(lang: Lang, q: &Question) -> Option<&'static str> {
    Content::embedded().text_opt(lang, &format!("q.{}.hint", q.id))
}

fn hint_id(q: &Question) -> String {
    format!("{}-hint", q.id)
}

fn error_id(q: &Question) -> String {
    format!("{}-error", q.id)
}

/// What describes a question's field (its `aria-describedby`): the hint and
/// the error message, where shown.
fn described_by(q: &Question, hint: bool, error: bool) -> Option<String> {
    match (hint, error) {
        (true, true) => Some(format!("{} {}", hint_id(q), error_id(q))),
        (true, false) => Some(hint_id(q)),
        (false, true) => Some(error_id(q)),
        (false, false) => None,
    }
}

/// The id of the first input, which the error summary links to.
fn first_input_id(q: &Question) -> String {
    match q.kind {
        Kind::Single | Kind::Multi => q.id.to_string(),
        Kind::Select | Kind::Text => format!("{}-input", q.id),
    }
}

fn choice_id(q: &Question, i: usize) -> String {
    if i == 0 {
        q.id.to_string()
    } else {
        format!("{}-{}", q.id, i + 1)
    }
}

fn choices(lang: Lang, q: &Question, draft: &DraftHandle, offered: &[&'static str], vars: &Vars) -> Html {
    let content = Content::embedded();
    let chosen = match &draft.value {
        Draft::Choices(c) => c.clone(),
        Draft::Text(_) => Vec::new(),
    };
    let multi = q.kind == Kind::Multi;
    html! {
        <div class="oc-choices">
            { for offered.iter().enumerate().map(|(i, &value)| {
                let id = choice_id(q, i);
                let hint_key = format!("q.{}.choice.{value}.hint", q.id);
                let hint = content.text_opt(lang, &hint_key).map(|h| fill(h, vars));
                let hint_id = format!("{id}-item-hint");
                let onchange = {
                    let draft = draft.clone();
                    let value = value.to_string();
                    let exclusive = q.exclusive;
                    Callback::from(move |e: Event| {
                        let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        let mut current = match &draft.value { Draft::Choices(c) => c.clone(), Draft::Text(_) => Vec::new() };
                        if !multi {
                            current = vec![value.clone()];
                        } else if checked {
                            // An exclusive choice ("nothing is public") clears the others, and the other way round.
                            if exclusive.contains(&value.as_str()) { current.clear(); } else { current.retain(|c| !exclusive.contains(&c.as_str())); }
                            if !current.contains(&value) { current.push(value.clone()); }
                        } else {
                            current.retain(|c| c != &value);
                        }
                        draft.set(Draft::Choices(current));
                    })
                };
                html! {
                    <div class="oc-choice">
                        <input id={id.clone()} name={q.id} value={value}
                            type={if multi { "checkbox" } else { "radio" }}
                            checked={chosen.iter().any(|c| c == value)}
                            aria-describedby={hint.as_ref().map(|_| hint_id.clone())}
                            {onchange} />
                        <label for={id}>{ fill(content.text(lang, &format!("q.{}.choice.{value}", q.id)), vars) }</label>
                        if let Some(h) = hint { <div id={hint_id} class="oc-choice__hint">{ h }</div> }
                    </div>
                }
            }) }
        </div>
    }
}

/// Which list an element shows: its language, question and description
/// (the hint, and the error message when there is one).
#[derive(PartialEq)]
struct ListKey {
    lang: Lang,
    question: String,
    describedby: Option<String>,
}

impl ListKey {
    fn new(lang: Lang, q: &Question, describedby: Option<String>) -> Self {
        ListKey { lang, question: q.id.to_string(), describedby }
    }

    /// The list as one piece of HTML, every text escaped, nothing chosen yet:
    /// the browser parses its 31 options at once, where building them one by
    /// one from the wasm took ~220 calls across (an element, its value and
    /// its text each).
    fn html(&self) -> Option<String> {
        let content = Content::embedded();
        let q = content.question(&self.question)?;
        let lang = self.lang;
        // Sorted by the country's name in the reader's language.
        let mut options: Vec<(String, String)> = q.choices.iter().map(|c| (c.to_string(), content.text(lang, &q.choice_label_id(c)).to_string())).collect();
        crate::engine::collate::sort_by_name(&mut options);
        let mut html = format!(
            "<select id=\"{}\" name=\"{}\" class=\"oc-select\"{}><option value=\"\">{}</option>",
            escape(&first_input_id(q)),
            escape(&q.id),
            self.describedby.as_deref().map(|d| format!(" aria-describedby=\"{}\"", escape(d))).unwrap_or_default(),
            escape(&select_placeholder(lang, q)),
        );
        for (value, label) in options {
            html += &format!("<option value=\"{}\">{}</option>", escape(&value), escape(&label));
        }
        html += "</select>";
        Some(html)
    }

    /// The list's element, parsed by the browser.
    fn build(&self) -> Option<web_sys::HtmlSelectElement> {
        Some(crate::platform::dom::element_from_html(&self.html()?)?.unchecked_into())
    }
}

/// The lists of the page (the country list): the one on the screen, and one
/// built ahead for the question still to come. Elements, not virtual nodes:
/// the app puts the same element on the screen render after render, so
/// within a visit the browser keeps the person's choice in it; a new visit,
/// or a list built again (after a change of language or an error message),
/// starts from the draft.
#[derive(Default)]
struct Lists {
    shown: Option<(ListKey, u32, web_sys::HtmlSelectElement)>,
    ahead: Option<(ListKey, web_sys::HtmlSelectElement)>,
    /// The language the list ahead is (being) built in.
    prepared: Option<Lang>,
}

impl Lists {
    /// The list for `key` on visit `visit` of its question, showing `chosen`
    /// when it is new to this visit.
    fn show(&mut self, key: ListKey, visit: u32, chosen: Option<&str>) -> Html {
        let same = self.shown.as_ref().is_some_and(|(k, v, _)| *k == key && *v == visit);
        if !same {
            let Some(element) = self.take(&key).or_else(|| key.build()) else { return html! {} };
            // Only a change of choice: the browser selects the option anew even
            // when it is the one already selected.
            let value = chosen.unwrap_or_default();
            if element.value() != value {
                element.set_value(value);
            }
            self.shown = Some((key, visit, element));
        }
        let (_, _, element) = self.shown.as_ref().expect("set above");
        Html::VRef(element.clone().into())
    }

    /// Whether the list for `key` is built (on the screen or ahead).
    fn has(&self, key: &ListKey) -> bool {
        self.shown.as_ref().is_some_and(|(k, _, _)| k == key) || self.ahead.as_ref().is_some_and(|(k, _)| k == key)
    }

    /// The built list for `key`, taken out of `Lists`; any other list ahead
    /// stays ahead.
    fn take(&mut self, key: &ListKey) -> Option<web_sys::HtmlSelectElement> {
        if self.shown.as_ref().is_some_and(|(k, _, _)| k == key) {
            return self.shown.take().map(|(_, _, e)| e);
        }
        if self.ahead.as_ref().is_some_and(|(k, _)| k == key) {
            return self.ahead.take().map(|(_, e)| e);
        }
        None
    }

    /// Once the next frame is drawn, builds the list of the (first) question
    /// with one, in `lang` and without an error message, unless it is built
    /// already: once per language.
    fn prepare(lists: &std::rc::Rc<std::cell::RefCell<Lists>>, lang: Lang) {
        if lists.borrow().prepared == Some(lang) {
            return;
        }
        lists.borrow_mut().prepared = Some(lang);
        let lists = lists.clone();
        crate::platform::dom::after_next_frame(move || {
            let content = Content::embedded();
            let Some(q) = content.questions().find(|q| q.kind == Kind::Select) else { return };
            let key = ListKey::new(lang, q, described_by(q, hint_text(lang, q).is_some(), false));
            let mut l = lists.borrow_mut();
            if !l.has(&key) {
                l.ahead = key.build().map(|e| (key, e));
            }
        });
    }
}

/// A choice in the list (a `change` bubbles up from it to the field).
fn select_change(draft: &DraftHandle) -> Callback<Event> {
    let draft = draft.clone();
    Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            let v = select.value();
            draft.set(Draft::Choices(if v.is_empty() { Vec::new() } else { vec![v] }));
        }
    })
}

fn textarea(lang: Lang, q: &Question, draft: &DraftHandle, id: &str, describedby: Option<String>) -> Html {
    let max = q.max_chars();
    let value = match &draft.value {
        Draft::Text(t) => t.clone(),
        Draft::Choices(_) => String::new(),
    };
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            draft.set(Draft::Text(v));
        })
    };
    let left = max.saturating_sub(value.chars().count());
    let counter_id = format!("{}-counter", q.id);
    let describedby = Some(describedby.map_or(counter_id.clone(), |d| format!("{d} {counter_id}")));
    let one_line = max <= 254;
    html! {
        <>
            if one_line {
                <input id={id.to_string()} name={q.id} class="oc-input" value={value}
                    type={if q.asks_email() { "email" } else { "text" }}
                    autocomplete={if q.asks_email() { "email" } else { "name" }}
                    aria-describedby={describedby} oninput={oninput} />
            } else {
                <textarea id={id.to_string()} name={q.id} class="oc-textarea" rows="6" value={value}
                    aria-describedby={describedby} oninput={oninput} />
            }
            // Counted as the person types (the draft follows every input).
            <p id={counter_id} class="oc-counter">{ tf(lang, "ui.chars_left", &Vars::new().with("max", max.to_string()).with("left", left.to_string())) }
                if !q.required { { " " }{ t(lang, "ui.optional") } }</p>
        </>
    }
}

/// What a list says before a choice (and when none was made): its own text,
/// or "Choose a country".
fn select_placeholder(lang: Lang, q: &Question) -> String {
    Content::embedded().text_opt(lang, &format!("q.{}.placeholder", q.id)).map_or_else(|| t(lang, "ui.select_placeholder"), str::to_string)
}

fn error_text(lang: Lang, q: &Question, e: &FieldError) -> String {
    match e {
        FieldError::Required(Kind::Multi) => t(lang, "ui.error.required_multi"),
        FieldError::Required(Kind::Select) if q.choices_from.as_deref() != Some("countries") => select_placeholder(lang, q),
        FieldError::Required(Kind::Select) => t(lang, "ui.error.required_select"),
        FieldError::Required(_) | FieldError::UnknownChoice => t(lang, "ui.error.required_single"),
        FieldError::TooLong { max } => tf(lang, "ui.error.too_long", &Vars::new().with("max", max.to_string())),
        FieldError::NotAnEmail => t(lang, "ui.error.email"),
        FieldError::Exclusive { choice } => {
            let label = Content::embedded().text(lang, &format!("q.{}.choice.{choice}", q.id)).to_string();
            tf(lang, "ui.error.exclusive", &Vars::new().with("choice", label))
        }
    }
}

/// The error summary's link focuses the field instead of changing the URL.
fn focus_field(root: Option<web_sys::Element>, id: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        crate::platform::dom::focus(root.as_ref(), &id);
    })
}
