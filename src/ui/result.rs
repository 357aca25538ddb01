//! The result: first what to do now (the route, the objection text with
//! "Copy text", the organisation's form and the reminder above it, download
//! and print below), then, folded
//! until opened, the letter for e-mail or post, why this is the result, the
//! Art. 9 findings, the next steps, where to complain and the sources; then
//! saving or loading the answers. Everything shown comes from the engine's
//! [`Assessment`].
use yew::prelude::*;

use super::objections::SentForm;
use super::state::{dispatch, Action, SessionHandle, SessionProps};
use super::{t, tf, Drawn};
use crate::engine::answers::MAX_DOCUMENT_BYTES;
use crate::engine::text::Vars;
use crate::engine::{assess, AnswersDocument, AnswersError, Assessment, Content, Lang};
use crate::platform::{dom, files};

#[component]
pub fn ResultPage(props: &SessionProps) -> Html {
    let s = &props.session;
    let lang = s.lang;
    let a = assess(Content::embedded(), lang, &s.answers, s.today);
    let controller = s.answers.one("controller").unwrap_or("other").to_string();

    // What to do now comes first, on the first phone screen: the text to
    // copy, the organisation's form, the reminder. The explanation, the
    // longer letter, the Art. 9 findings, the steps, where to complain and
    // the sources follow, each folded (`<details>`) until opened.
    let reminder = a.reminder.as_ref().map(|r| reminder_button(lang, r));
    let on_sent = {
        let session = s.clone();
        Callback::from(move |(date, channel)| session.dispatch(Action::Sent { date, channel }))
    };
    html! {
        <>
            <a href="#" class="oc-back" onclick={dispatch(s, Action::Back)}>{ t(lang, "ui.back") }</a>
            <h1 id="oc-heading" tabindex="-1">{ t(lang, "ui.result.heading") }</h1>

            <section class="oc-panel oc-now" aria-labelledby="oc-route">
                <h2 id="oc-route" data-route={a.route.id()}>{ a.route_title.clone() }</h2>
                if let Some(letter) = &a.letter {
                    <p>{ t(lang, "ui.result.now") }</p>
                    <LetterBox lang={lang} root={props.root.clone()} id="oc-letter-short" heading={t(lang, "ui.result.short_heading")}
                        text={letter.short.clone()} file_name={format!("objection-{controller}-short.txt")}>
                        { forms(&a) }
                        { for reminder }
                    </LetterBox>
                } else {
                    <p>{ a.route_body.clone() }</p>
                    <p>{ t(lang, "ui.result.no_letter") }</p>
                }
            </section>

            if a.letter.is_some() {
                // Folded like the parts below, so what to do now stays short.
                { more("oc-more-sent", "oc-sent-heading", t(lang, "ui.sent.heading"), html! {
                    <SentForm {lang} today={s.today} {on_sent} />
                }) }
            }

            if let Some(letter) = &a.letter {
                { more("oc-more-letter", "oc-letter-long-title", t(lang, "ui.result.long_heading"), html! {
                    <LetterBox lang={lang} root={props.root.clone()} id="oc-letter-long" heading={t(lang, "ui.result.long_heading")}
                        text={letter.long.clone()} file_name={format!("objection-{controller}-letter.txt")} />
                }) }
                { more("oc-more-why", "oc-why", t(lang, "ui.result.why_heading"), html! {
                    <p>{ a.route_body.clone() }</p>
                }) }
            }
            if let Some(checked) = &a.facts_checked { <p class="oc-hint" id="oc-facts-checked">{ checked.clone() }</p> }

            if !a.art9.body.is_empty() {
                { more("oc-more-art9", "oc-art9", t(lang, "ui.result.art9_heading"), html! {
                    <>
                        if let Some(title) = &a.art9.title { <h3>{ title.clone() }</h3> }
                        if !a.art9.categories.is_empty() || a.art9.unsure.is_some() {
                            <p>{ t(lang, "ui.result.art9_found") }</p>
                            <ul class="oc-art9">
                                { for a.art9.categories.iter().map(|c| html! {
                                    <li>
                                        <strong>{ c.label.clone() }</strong>
                                        { format!(": {}. ", c.strength_label) }{ c.reason.clone() }
                                    </li>
                                }) }
                                if let Some(unsure) = &a.art9.unsure {
                                    <li><strong>{ t(lang, "ui.result.art9_unsure") }</strong>{ ": " }{ unsure.clone() }</li>
                                }
                            </ul>
                        }
                        <p>{ a.art9.body.clone() }</p>
                    </>
                }) }
            }

            if !a.steps.is_empty() {
                { more("oc-more-steps", "oc-steps", t(lang, "ui.result.steps_heading"), html! {
                    <ol class="oc-steps">
                        { for a.steps.iter().map(|step| html! {
                            <li id={format!("step-{}", step.id)}>
                                <h3>{ step.title.clone() }</h3>
                                <p>{ step.body.clone() }</p>
                            </li>
                        }) }
                    </ol>
                }) }
            }

            if let Some(auth) = &a.authority {
                { more("oc-more-authority", "oc-authority", t(lang, "ui.result.authority_heading"), html! {
                    <>
                        <p>
                            <strong>{ auth.name.clone() }</strong>{ format!(" ({})", auth.country_name) }<br />
                            <a href={auth.complaint_url.clone().unwrap_or_else(|| auth.website.clone())}
                                target="_blank" rel="noopener noreferrer">
                                { auth.complaint_url.clone().unwrap_or_else(|| auth.website.clone()) }
                            </a>
                        </p>
                        if let Some(note) = &auth.lead_authority_note { <p>{ note.clone() }</p> }
                    </>
                }) }
            }

            { more("oc-more-sources", "oc-sources", t(lang, "ui.result.citations_heading"), html! {
                <ul class="oc-cites">
                    { for a.citations.iter().map(|c| html! {
                        <li><a href={c.url.clone()} target="_blank" rel="noopener noreferrer">{ c.label.clone() }</a></li>
                    }) }
                </ul>
            }) }

            { save_answers(s) }
        </>
    }
}

/// A folded part of the result: its heading is the control that opens it.
fn more(id: &'static str, heading_id: &'static str, heading: String, body: Html) -> Html {
    html! {
        <details class="oc-more" id={id}>
            <summary><h2 id={heading_id} class="oc-more__title">{ heading }</h2></summary>
            <div class="oc-more__body">{ body }</div>
        </details>
    }
}

/// One link per distinct form; opening it is the person's own click.
fn forms(a: &Assessment) -> Html {
    html! {
        { for a.forms.iter().map(|f| html! {
            <a class="oc-button" href={f.url.clone()} target="_blank" rel="noopener noreferrer">{ f.label.clone() }</a>
        }) }
    }
}

fn reminder_button(lang: Lang, r: &crate::engine::assess::Reminder) -> Html {
    // Its link opens "My objections" on this page; it carries no answers.
    let ics = r.linked(Content::embedded(), lang, &dom::objections_link());
    let name = r.file_name.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        let _ = files::download(&name, "text/calendar", &ics);
    });
    html! {
        <button type="button" id="oc-reminder" class="oc-button oc-button--secondary" {onclick}>
            { tf(lang, "ui.result.reminder", &Vars::new().with("reminder_date", r.date_text.as_str())) }
        </button>
    }
}

#[derive(Properties, PartialEq)]
struct LetterProps {
    lang: Lang,
    root: super::state::WidgetRoot,
    id: AttrValue,
    heading: AttrValue,
    text: AttrValue,
    file_name: AttrValue,
    /// What goes beside "Copy text" (the organisation's form, the reminder).
    #[prop_or_default]
    children: Html,
}

/// A letter with copy (confirmed in a live region), download and print.
#[component]
fn LetterBox(props: &LetterProps) -> Html {
    let lang = props.lang;
    let status = use_state(String::new);
    let copy = {
        let status = status.clone();
        let text = props.text.to_string();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let msg = match files::copy(&text).await {
                    Ok(()) => t(lang, "ui.result.copied"),
                    Err(_) => t(lang, "ui.result.copy_failed"),
                };
                status.set(msg);
            });
        })
    };
    let download = {
        let text = props.text.to_string();
        let name = props.file_name.to_string();
        Callback::from(move |_: MouseEvent| {
            let _ = files::download(&name, "text/plain", &text);
        })
    };
    let root = props.root.0.clone();
    let print = {
        let id = props.id.to_string();
        Callback::from(move |_: MouseEvent| {
            for other in ["oc-letter-short", "oc-letter-long"] {
                if let Some(el) = dom::by_id(root.as_ref(), other) {
                    let _ = el.class_list().remove_1("oc-print-target");
                }
            }
            if let Some(el) = dom::by_id(root.as_ref(), &id) {
                let _ = el.class_list().add_1("oc-print-target");
            }
            if let Some(root) = &root {
                dom::toggle_class(root, "oc-printing", true);
            }
            dom::print();
        })
    };
    let heading_id = format!("{}-heading", props.id);
    html! {
        <div class="oc-letter-box">
            <h3 id={heading_id.clone()}>{ props.heading.clone() }</h3>
            // Copy (and what goes with it) above the text, so they are on
            // the first screen however long the text is.
            <div class="oc-actions">
                <button type="button" class="oc-button" id={format!("{}-copy", props.id)} onclick={copy}>{ t(lang, "ui.result.copy") }</button>
                { props.children.clone() }
            </div>
            <p class="oc-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            <pre id={props.id.clone()} class="oc-letter" tabindex="0" aria-labelledby={heading_id}>{ props.text.clone() }</pre>
            <div class="oc-actions">
                <button type="button" class="oc-button oc-button--secondary" id={format!("{}-download", props.id)} onclick={download}>{ t(lang, "ui.result.download") }</button>
                <button type="button" class="oc-button oc-button--secondary" id={format!("{}-print", props.id)} onclick={print}>{ t(lang, "ui.result.print") }</button>
            </div>
        </div>
    }
}

/// Export the answers as JSON, import them again, remember on this device,
/// start again. (View functions, like the bar: no state of their own.)
fn save_answers(s: &SessionHandle) -> Html {
    let lang = s.lang;
    let export = {
        // With the kept objections: the file carries everything this device keeps.
        let json = AnswersDocument::new(lang, s.answers.clone()).with_records((*s.records).clone()).to_json();
        let name = format!("objection-check-answers-{}.json", s.today);
        Callback::from(move |_: MouseEvent| {
            let _ = files::download(&name, "application/json", &json);
        })
    };
    let remember = {
        let session = s.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            session.dispatch(Action::SetRemember(on));
        })
    };
    html! {
        <section aria-labelledby="oc-save" class="oc-save">
            <h2 id="oc-save" class="oc-visually-hidden">{ t(lang, "ui.result.export") }</h2>
            <div class="oc-choice">
                <input type="checkbox" id="oc-remember" checked={s.remember} onchange={remember} />
                <label for="oc-remember">{ t(lang, "ui.remember") }</label>
            </div>
            <div class="oc-actions">
                <button type="button" id="oc-export" class="oc-button oc-button--secondary" onclick={export}>{ t(lang, "ui.result.export") }</button>
            </div>
            { import_answers(s, Drawn::App) }
            <div class="oc-actions">
                <button type="button" id="oc-start-again" class="oc-link-button" onclick={dispatch(s, Action::Erase)}>{ t(lang, "ui.result.start_again") }</button>
            </div>
        </section>
    }
}

/// "Load saved answers": reads an exported file in the browser and restores it.
pub fn import_answers(s: &SessionHandle, drawn: Drawn) -> Html {
    let lang = s.lang;
    if drawn == Drawn::Plain {
        // Hidden until the app adopts the screen, which gives it its id and action.
        let id = format!("oc-import-{}", lang.code());
        return html! {
            <div class="oc-import" hidden=true>
                <label for={id.clone()}>{ t(lang, "ui.result.import") }</label>
                <input type="file" {id} class="oc-file" accept=".json,application/json" />
            </div>
        };
    }
    let import = {
        let session = s.clone();
        Callback::from(move |e: Event| import_file(&session, &e.target_unchecked_into::<web_sys::HtmlInputElement>()))
    };
    html! {
        <div class="oc-import">
            <label for="oc-import">{ t(lang, "ui.result.import") }</label>
            <input type="file" id="oc-import" class="oc-file" accept=".json,application/json" onchange={import} />
        </div>
    }
}

/// Restores the answers from the file chosen in `input` (also the plain start
/// screen's field, see platform::plain_start), or says why it cannot.
pub fn import_file(session: &SessionHandle, input: &web_sys::HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    input.set_value("");
    let session = session.clone();
    let lang = session.lang;
    wasm_bindgen_futures::spawn_local(async move {
        let content = Content::embedded();
        // Told in the person's language and words (AnswersError::message).
        let failed = |e: AnswersError| Action::ImportFailed(e.message(content, lang));
        let action = if file.size() > MAX_DOCUMENT_BYTES as f64 {
            failed(AnswersError::TooLarge { bytes: file.size() as usize })
        } else {
            match files::read_text(file).await {
                Err(reason) => failed(AnswersError::NotJson(reason)),
                Ok(text) => match AnswersDocument::parse(content, &text) {
                    // In the language it was saved in, once its texts are
                    // here; in the current one if they cannot be fetched.
                    Ok(mut doc) => {
                        if crate::platform::texts::load(doc.lang).await.is_err() {
                            doc.lang = lang;
                        }
                        Action::Import(doc)
                    }
                    Err(e) => failed(e),
                },
            }
        };
        session.dispatch(action);
    });
}
