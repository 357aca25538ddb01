//! "My objections": the objections the person said they sent, newest first,
//! each with where it stands, what happened, what the last answer means and
//! what to do (the engine's [`guidance`]), the next texts to copy, and the
//! form that says what the organisation answered; and the "I have sent it"
//! form on the result screen. The screens show and emit only: every rule is
//! in `engine::record` and `engine::guidance`.
use std::rc::Rc;

use yew::prelude::*;

use super::{t, tf};
use crate::engine::followup::Channel;
use crate::engine::guidance::{deadline_ics, guidance, NextText};
use crate::engine::record::{check_sent, Event as RecordEvent, EventKind, Record};
use crate::engine::text::Vars;
use crate::engine::{Content, Date, Lang};
use crate::platform::files;

#[derive(Properties, PartialEq)]
pub struct ObjectionsProps {
    pub lang: Lang,
    pub today: Date,
    /// Oldest first, as kept; shown newest first.
    pub records: Rc<Vec<Record>>,
    /// This page's "My objections" address, for the calendar entries.
    pub link: AttrValue,
    /// What happened to the record at this place.
    pub on_event: Callback<(usize, RecordEvent)>,
    pub on_start: Callback<()>,
    /// The answers document with these records, for "Save my answers".
    #[prop_or_default]
    pub export: AttrValue,
}

#[component]
pub fn ObjectionsPage(props: &ObjectionsProps) -> Html {
    let lang = props.lang;
    let to_start = {
        let on_start = props.on_start.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_start.emit(());
        })
    };
    let export = {
        let (json, name) = (props.export.to_string(), format!("objection-check-answers-{}.json", props.today));
        Callback::from(move |_: MouseEvent| {
            let _ = files::download(&name, "application/json", &json);
        })
    };
    html! {
        <>
            <a href="#" class="oc-back" onclick={to_start}>{ t(lang, "ui.objections.to_start") }</a>
            <h1 id="oc-heading" tabindex="-1">{ t(lang, "ui.objections.heading") }</h1>
            if props.records.is_empty() {
                <p id="oc-objections-none">{ t(lang, "ui.objections.none") }</p>
            } else {
                <p>{ t(lang, "ui.objections.lead") }</p>
                { for props.records.iter().enumerate().rev().map(|(i, r)| html! {
                    <RecordView key={i} {lang} today={props.today} index={i} record={r.clone()}
                        link={props.link.clone()} on_event={props.on_event.clone()} />
                }) }
                if !props.export.is_empty() {
                    <div class="oc-actions">
                        <button type="button" id="oc-objections-export" class="oc-button oc-button--secondary" onclick={export}>{ t(lang, "ui.result.export") }</button>
                    </div>
                }
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct RecordProps {
    lang: Lang,
    today: Date,
    index: usize,
    record: Record,
    link: AttrValue,
    on_event: Callback<(usize, RecordEvent)>,
}

/// The answer choices, in the order offered.
const KINDS: [&str; 5] = ["confirmed", "extended", "info", "refused", "reminded"];

fn kind_label(lang: Lang, kind: &str) -> String {
    t(
        lang,
        match kind {
            "confirmed" => "ui.objections.kind.confirmed",
            "extended" => "ui.objections.kind.extended",
            "info" => "ui.objections.kind.info",
            "refused" => "ui.objections.kind.refused",
            _ => "ui.objections.kind.reminded",
        },
    )
}

/// One kept objection: where it stands and what to do, then what happened
/// and the form for the next answer.
#[component]
fn RecordView(props: &RecordProps) -> Html {
    let lang = props.lang;
    let content = Content::embedded();
    let r = &props.record;
    let g = guidance(content, lang, r, props.today);
    let id = format!("oc-record-{}", props.index);
    let kind = use_state(|| None::<&'static str>);
    let date = use_state(|| props.today.to_string());
    let reasons = use_state(|| false);
    let error = use_state(|| None::<String>);

    let save = {
        let (kind, date, reasons, error) = (kind.clone(), date.clone(), reasons.clone(), error.clone());
        let (record, today, index, on_event) = (r.clone(), props.today, props.index, props.on_event.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(k) = *kind else {
                error.set(Some(t(lang, "ui.objections.pick")));
                return;
            };
            let Some(day) = Date::parse_iso(&date) else {
                error.set(Some(t(lang, "ui.objections.bad_date")));
                return;
            };
            let event_kind = match k {
                "confirmed" => EventKind::Confirmed,
                "extended" => EventKind::Extended { reasons: *reasons },
                "info" => EventKind::InfoRequested,
                "refused" => EventKind::Refused,
                _ => EventKind::Reminded,
            };
            let event = RecordEvent { date: day, kind: event_kind };
            // The engine says whether the date can be; the reducer adds it.
            match record.clone().add(event, today) {
                Err(e) => error.set(Some(e.message(Content::embedded(), lang))),
                Ok(()) => {
                    error.set(None);
                    kind.set(None);
                    on_event.emit((index, event));
                }
            }
        })
    };
    let calendar = g.new_deadline.as_ref().map(|_| {
        let (name, ics) = deadline_ics(content, lang, r, props.today, &props.link);
        let onclick = Callback::from(move |_: MouseEvent| {
            let _ = files::download(&name, "text/calendar", &ics);
        });
        let deadline = g.new_deadline.as_deref().and_then(Date::parse_iso).map(|d| d.long(content, lang)).unwrap_or_default();
        html! {
            <div class="oc-actions">
                <button type="button" id={format!("{id}-calendar")} class="oc-button oc-button--secondary" {onclick}>
                    { tf(lang, "ui.objections.calendar", &Vars::new().with("deadline", deadline)) }
                </button>
            </div>
        }
    });
    let problems: Vec<String> = r.problems(props.today).iter().map(|p| p.message(content, lang)).collect();
    let heading =
        tf(lang, "ui.objections.record_heading", &Vars::new().with("controller", r.organisation.as_str()).with("sent_date", r.sent.long(content, lang)));
    let error_id = format!("{id}-error");
    html! {
        <section class="oc-panel oc-record" id={id.clone()} aria-labelledby={format!("{id}-heading")} data-status={g.status}>
            <h2 id={format!("{id}-heading")}>{ heading }</h2>
            <p class="oc-record__status" id={format!("{id}-status")}><strong>{ g.label.clone() }</strong></p>
            if !problems.is_empty() {
                <div class="oc-notice" id={format!("{id}-problems")}>
                    { for problems.iter().map(|p| html! { <p>{ p.clone() }</p> }) }
                </div>
            }
            <h3>{ t(lang, "ui.objections.means") }</h3>
            { for g.meaning.iter().map(|p| html! { <p>{ p.clone() }</p> }) }
            <h3>{ t(lang, "ui.objections.steps") }</h3>
            <ol class="oc-steps">{ for g.steps.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ol>
            { for calendar }
            if let Some(a) = &g.authority {
                <p id={format!("{id}-authority")}>
                    { t(lang, "ui.objections.authority") }{ ": " }<strong>{ a.name.clone() }</strong>{ format!(" ({})", a.country_name) }<br />
                    <a href={a.url.clone()} target="_blank" rel="noopener noreferrer">{ a.url.clone() }</a>
                </p>
                if let Some(l) = &a.languages { <p class="oc-hint" id={format!("{id}-languages")}>{ l.clone() }</p> }
            }
            { for g.texts.iter().map(|text| html! {
                <TextBox {lang} id={format!("{id}-{}", text.id)} text={text.clone()} />
            }) }
            <details class="oc-more">
                <summary><h3 class="oc-more__title">{ t(lang, "ui.objections.history") }</h3></summary>
                <div class="oc-more__body">
                    <ul id={format!("{id}-history")}>
                        <li>{ format!("{}: {}", r.sent.long(content, lang), t(lang, "ui.objections.sent")) }</li>
                        { for r.events.iter().map(|e| html! {
                            <li>{ format!("{}: {}", e.date.long(content, lang), kind_label(lang, e.kind.id())) }</li>
                        }) }
                    </ul>
                    <pre class="oc-letter" tabindex="0" aria-label={t(lang, "ui.objections.text_sent")}>{ r.text.clone() }</pre>
                </div>
            </details>
            <form class="oc-record__answer" onsubmit={save} novalidate=true>
                <div class={classes!("oc-field", error.is_some().then_some("oc-field--error"))}>
                    <fieldset class="oc-fieldset" aria-describedby={error.is_some().then(|| error_id.clone())}>
                        <legend><h3>{ t(lang, "ui.objections.answer_legend") }</h3></legend>
                        if let Some(e) = &*error {
                            <p id={error_id.clone()} class="oc-field__error" role="alert">{ e.clone() }</p>
                        }
                        <div class="oc-choices">
                            { for KINDS.iter().map(|k| {
                                let input = format!("{id}-kind-{k}");
                                let onchange = { let kind = kind.clone(); let k: &'static str = k; Callback::from(move |_: Event| kind.set(Some(k))) };
                                html! {
                                    <div class="oc-choice">
                                        <input type="radio" id={input.clone()} name={format!("{id}-kind")} value={*k} checked={*kind == Some(*k)} {onchange} />
                                        <label for={input}>{ kind_label(lang, k) }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                    if *kind == Some("extended") {
                        <div class="oc-choice">
                            <input type="checkbox" id={format!("{id}-reasons")} checked={*reasons}
                                onchange={ let reasons = reasons.clone(); Callback::from(move |e: Event| reasons.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())) } />
                            <label for={format!("{id}-reasons")}>{ t(lang, "ui.objections.reasons") }</label>
                        </div>
                    }
                    <label for={format!("{id}-date")} class="oc-label">{ t(lang, "ui.objections.date") }</label>
                    <input type="date" id={format!("{id}-date")} class="oc-input oc-input--date" value={(*date).clone()}
                        oninput={ let date = date.clone(); Callback::from(move |e: InputEvent| date.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())) } />
                </div>
                <div class="oc-actions">
                    <button type="submit" id={format!("{id}-save")} class="oc-button">{ t(lang, "ui.objections.save") }</button>
                </div>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TextBoxProps {
    lang: Lang,
    id: String,
    text: NextText,
}

/// A next text: its heading, Copy (confirmed in a live region), the text, Download.
#[component]
fn TextBox(props: &TextBoxProps) -> Html {
    let lang = props.lang;
    let status = use_state(String::new);
    let full = format!("{}\n\n{}", props.text.text.subject, props.text.text.text);
    let copy = {
        let (status, full) = (status.clone(), full.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, full) = (status.clone(), full.clone());
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match files::copy(&full).await {
                    Ok(()) => t(lang, "ui.result.copied"),
                    Err(_) => t(lang, "ui.result.copy_failed"),
                });
            });
        })
    };
    let download = {
        let (full, name) = (full.clone(), format!("{}.txt", props.id.trim_start_matches("oc-")));
        Callback::from(move |_: MouseEvent| {
            let _ = files::download(&name, "text/plain", &full);
        })
    };
    let heading_id = format!("{}-heading", props.id);
    html! {
        <div class="oc-letter-box" id={format!("{}-box", props.id)}>
            <h3 id={heading_id.clone()}>{ props.text.heading.clone() }</h3>
            <div class="oc-actions">
                <button type="button" class="oc-button" id={format!("{}-copy", props.id)} onclick={copy}>{ t(lang, "ui.result.copy") }</button>
            </div>
            <p class="oc-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            <pre id={props.id.clone()} class="oc-letter" tabindex="0" aria-labelledby={heading_id}>{ full }</pre>
            <div class="oc-actions">
                <button type="button" class="oc-button oc-button--secondary" id={format!("{}-download", props.id)} onclick={download}>{ t(lang, "ui.result.download") }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SentProps {
    pub lang: Lang,
    pub today: Date,
    /// The day and way it was sent (the day already checked).
    pub on_sent: Callback<(Date, Channel)>,
}

/// "I have sent it": the day (today unless changed) and how, so the check
/// keeps track of the deadline (on the result screen, in a folded part
/// headed by the question).
#[component]
pub fn SentForm(props: &SentProps) -> Html {
    let lang = props.lang;
    let date = use_state(|| props.today.to_string());
    let channel = use_state(|| None::<Channel>);
    let error = use_state(|| None::<String>);
    let submit = {
        let (date, channel, error, today, on_sent) = (date.clone(), channel.clone(), error.clone(), props.today, props.on_sent.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(day) = Date::parse_iso(&date) else {
                error.set(Some(t(lang, "ui.objections.bad_date")));
                return;
            };
            if let Err(e) = check_sent(day, today) {
                error.set(Some(e.message(Content::embedded(), lang)));
                return;
            }
            let Some(ch) = *channel else {
                error.set(Some(t(lang, "ui.sent.pick_channel")));
                return;
            };
            error.set(None);
            on_sent.emit((day, ch));
        })
    };
    let label = |c: Channel| {
        t(
            lang,
            match c {
                Channel::Form => "ui.sent.channel.form",
                Channel::Email => "ui.sent.channel.email",
                Channel::Post => "ui.sent.channel.post",
            },
        )
    };
    html! {
        <div class="oc-sent">
            <p>{ t(lang, "ui.sent.lead") }</p>
            <form onsubmit={submit} novalidate=true>
                <div class={classes!("oc-field", error.is_some().then_some("oc-field--error"))}>
                    if let Some(e) = &*error {
                        <p id="oc-sent-error" class="oc-field__error" role="alert">{ e.clone() }</p>
                    }
                    <label for="oc-sent-date" class="oc-label">{ t(lang, "ui.sent.date") }</label>
                    <input type="date" id="oc-sent-date" class="oc-input oc-input--date" value={(*date).clone()}
                        aria-describedby={error.is_some().then_some("oc-sent-error")}
                        oninput={ let date = date.clone(); Callback::from(move |e: InputEvent| date.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())) } />
                    <fieldset class="oc-fieldset">
                        <legend>{ t(lang, "ui.sent.channel") }</legend>
                        <div class="oc-choices">
                            { for Channel::ALL.into_iter().map(|c| {
                                let input = format!("oc-sent-{}", c.id());
                                let onchange = { let channel = channel.clone(); Callback::from(move |_: Event| channel.set(Some(c))) };
                                html! {
                                    <div class="oc-choice">
                                        <input type="radio" id={input.clone()} name="oc-sent-channel" value={c.id()} checked={*channel == Some(c)} {onchange} />
                                        <label for={input}>{ label(c) }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
                <div class="oc-actions">
                    <button type="submit" id="oc-sent" class="oc-button">{ t(lang, "ui.sent.button") }</button>
                </div>
            </form>
        </div>
    }
}
