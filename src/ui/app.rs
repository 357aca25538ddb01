//! The root component: owns the session reducer, restores and saves answers,
//! keeps history, focus and title in step with the screen, and shows the
//! screen for the current state.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::bar::bar;
use super::check::{check_page, Summary};
use super::objections::ObjectionsPage;
use super::question::QuestionPage;
use super::result::{import_file, ResultPage};
use super::start::start_page;
use super::state::{dispatch, Action, KeptOriginal, Notice, Screen, Session, SessionHandle, WidgetRoot};
use super::Drawn;
use super::{page_heading_id, step_counter, t, tf};
use crate::engine::preset::Preset;
use crate::engine::text::Vars;
use crate::engine::{AnswersDocument, Content, Lang};
use crate::platform::plain_start::{self, Control, PlainStart};
use crate::platform::{dom, storage};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Language, organisation and start screen from the page's `data-*`
    /// attributes and the link's fragment.
    pub preset: Preset,
    /// The widget owns the page (`data-owns-page`): it may set
    /// `document.title` and add history entries. Never when embedded.
    pub owns_page: bool,
    /// The element the app renders into (inside its shadow root); `None`
    /// when rendered straight into the document (component tests).
    pub root: Option<web_sys::Element>,
    /// The plain start screen the page shows (index.html only): adopted as
    /// the start screen when it is the one the app would show.
    pub plain: Option<PlainStart>,
}

/// The language the app opens in: the page's or the link's, else the one the
/// answers kept on this device were given in, else the first of the
/// browser's languages that the check has, else English.
pub fn starting_lang(preset: &Preset) -> Lang {
    opening_lang(preset, storage::load().and_then(|(json, _)| AnswersDocument::salvage(Content::embedded(), &json).lang))
}

/// [`starting_lang`], with the language of the answers kept on this device
/// (`stored`) already read.
fn opening_lang(preset: &Preset, stored: Option<Lang>) -> Lang {
    preset.lang.or(stored).or_else(dom::browser_lang).unwrap_or(Lang::En)
}

/// Reads what this device keeps, the page's settings and the history entry.
fn initial_session(props: &AppProps) -> Session {
    let preset = &props.preset;
    // What this device keeps is read as far as it can be: every answer that
    // fits is kept, and where not everything fits, the document as it was
    // is kept too, until the person discards it (see `KeptOriginal`).
    let content = Content::embedded();
    let stored = storage::load().map(|(json, place)| (AnswersDocument::salvage(content, &json), json, place));
    // The language the app was started in (its texts are here; see
    // `ui::mount`), or one whose texts are.
    let lang = Some(opening_lang(preset, stored.as_ref().and_then(|(salvage, _, _)| salvage.lang)))
        .filter(|l| crate::platform::texts::loaded(*l))
        .or_else(|| Lang::ALL.into_iter().find(|l| crate::platform::texts::loaded(*l)))
        .unwrap_or(Lang::En);
    let mut session = Session::new(lang, dom::today());
    if let Some((salvage, json, place)) = stored {
        session.answers = salvage.answers.clone();
        session.records = std::rc::Rc::new(salvage.records.clone());
        session.remember = place == storage::Place::Device;
        if !salvage.whole() {
            session.kept = Some(std::rc::Rc::new(KeptOriginal { original: json, salvage }));
        }
    }
    if session.kept.is_none() {
        if let Some(original) = storage::original() {
            let salvage = AnswersDocument::salvage(content, &original);
            session.kept = Some(std::rc::Rc::new(KeptOriginal { original, salvage }));
        }
    }
    preset.apply(&mut session.answers);
    if preset.skip_start && session.screen == Screen::Start {
        session.screen = session.valid_screen(Screen::Question(String::new()));
    }
    let from_history = props
        .owns_page
        .then(web_sys::window)
        .flatten()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_string())
        .and_then(|k| Screen::from_key(&k));
    if let Some(screen) = from_history {
        session.screen = session.valid_screen(screen);
    }
    // The calendar reminder's link opens "My objections" (it carries no answers).
    if props.owns_page && dom::fragment().split('&').any(|part| part == "objections") {
        session.screen = Screen::Objections;
    }
    session
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let props_for_init = props.clone();
    let session = use_reducer(move || initial_session(&props_for_init));

    // The plain start screen on the page (index.html's) is the app's start
    // screen for as long as the app would show exactly that screen: the
    // start, in its language, with nothing to tell. The app gives its
    // controls their actions and draws nothing itself; any action that
    // changes the screen (its controls, back and forward) ends that for good,
    // and the app draws its own screens. Adopted while the app first renders,
    // not in an effect: Yew may let the browser draw a frame before effects
    // run, and the start button must work in the first frame the app is in.
    let plain = props.plain.clone().filter(|p| shows_plain_start(&session, p.lang));
    let host = props.root.as_ref().and_then(|r| r.parent_element());
    let adopted = {
        let session = session.clone();
        let host = host.clone();
        use_memo((), move |_| {
            match &plain {
                Some(p) => plain_start::adopt(p, std::rc::Rc::new(move |control| act_on_plain_start(&session, control))),
                None => host.iter().for_each(plain_start::remove),
            }
            std::cell::Cell::new(plain.map(|p| p.lang))
        })
    };
    let shows_plain = adopted.get().is_some_and(|lang| shows_plain_start(&session, lang));
    if adopted.get().is_some() && !shows_plain {
        adopted.set(None);
        host.iter().for_each(plain_start::remove);
    }

    // A publisher changed a setting of `<objection-check>` (its own language
    // switch, say): the language changes at once, answers and step kept;
    // what the others preselect is taken where nothing is answered yet.
    {
        let session = session.clone();
        let root = props.root.clone();
        use_effect_with((), move |_| {
            if let Some(root) = root {
                dom::on_setting_change(&root, move |host, attribute| {
                    let preset = Preset::from_settings(Content::embedded, |name| dom::setting(host, name));
                    match (attribute.as_str(), preset.lang) {
                        ("lang", Some(lang)) => super::language::switch(&session, lang),
                        _ => session.dispatch(Action::Preset(preset)),
                    }
                });
            }
        });
    }

    // Browser back/forward: show the screen of that history entry (own page only).
    {
        let session = session.clone();
        let owns_page = props.owns_page;
        use_effect_with((), move |_| {
            let window = web_sys::window().filter(|_| owns_page);
            let listener = Closure::<dyn Fn(web_sys::PopStateEvent)>::new(move |e: web_sys::PopStateEvent| {
                if let Some(screen) = e.state().as_string().and_then(|k| Screen::from_key(&k)) {
                    session.dispatch(Action::Show(screen));
                } else if dom::fragment().split('&').any(|part| part == "objections") {
                    // A link to "My objections" followed on this page.
                    session.dispatch(Action::ShowObjections);
                }
            });
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
                }
            }
        });
    }

    // The check screen's list of answers, kept from render to render.
    let summary = use_mut_ref(Summary::default);

    // Keep the answers on this device: session storage, or local storage when
    // the person chose to be remembered. Nothing to keep: nothing stored (the
    // answers just erased stay in memory only, for "Undo" during this visit).
    // Stored answers that could not all be read are kept as they were, in
    // the same place, before the answers read from them are saved over them.
    {
        let deps = (session.answers.clone(), session.records.clone(), session.lang, session.remember, session.kept.clone());
        let summary = summary.clone();
        use_effect_with(deps, move |(answers, records, lang, remember, kept)| {
            if answers.is_empty() {
                *summary.borrow_mut() = Summary::default();
            }
            let place = if *remember { storage::Place::Device } else { storage::Place::Session };
            match kept {
                Some(k) => {
                    storage::keep_original(place, &k.original);
                }
                None => storage::discard_original(),
            }
            if answers.is_empty() && records.is_empty() && !*remember {
                storage::erase();
            } else {
                storage::save(place, &AnswersDocument::new(*lang, answers.clone()).with_records((**records).clone()).to_json());
            }
        });
    }

    // A step (a new navigation) releases focus before the screen changes
    // (see `dom::release_focus`); the effect below moves it to the new screen.
    let drawn_nav = use_mut_ref(|| session.nav);
    if *drawn_nav.borrow() != session.nav {
        *drawn_nav.borrow_mut() = session.nav;
        dom::release_focus(props.root.as_ref());
    }

    // "Question 3 of 18", computed once per render for the heading and the title.
    let counter = match &session.screen {
        Screen::Question(id) => Some(step_counter(session.lang, &session.answers, id)),
        _ => None,
    };

    // Each step: a history entry, the title, the language, and focus on the new heading.
    {
        let owns_page = props.owns_page;
        let root = props.root.clone();
        let deps = (session.screen.clone(), session.nav, session.lang, !session.errors.is_empty());
        // The title is worked out after the frame too: on the adopted start
        // screen it is the first use of the texts, which are then read off
        // the path to a working start button.
        let title_of = owns_page.then(|| (session.clone(), counter.clone()));
        // On a question, the check screen's list is brought up to date once
        // the frame is drawn, while the person reads, so the step to the
        // check screen has little left to do (see `Summary`).
        let summary = matches!(session.screen, Screen::Question(_)).then(|| (summary.clone(), session.clone()));
        use_effect_with(deps, move |(screen, nav, lang, has_error)| {
            if let Some(root) = &root {
                dom::set_lang(root, *lang);
            }
            crate::platform::panic::set_lang(*lang);
            if *nav > 0 {
                let target = if *has_error { "oc-error-summary" } else { "oc-heading" };
                let root = root.clone();
                dom::before_next_frame(move || dom::focus(root.as_ref(), target));
            }
            // The history entry and the title once the new screen is drawn
            // (pushState costs as much as a small render). The storage
            // effect above stays synchronous, so a reload in that one frame
            // loses no answer, at most this step's history entry. The entry
            // as this screen is drawn: if back or forward brought it, no
            // entry is added (see `dom::push_step`).
            let history = owns_page.then(|| (screen.key(), *nav == 0, dom::step_state()));
            if history.is_some() || summary.is_some() {
                dom::after_next_frame(move || {
                    if let Some((key, first, seen)) = history {
                        if first {
                            dom::replace_step(&key);
                        } else {
                            dom::push_step(&key, seen.as_deref());
                        }
                    }
                    if let Some((session, counter)) = &title_of {
                        dom::set_title(&page_title(session, counter.as_deref()));
                    }
                    if let Some((summary, session)) = &summary {
                        summary.borrow_mut().prepare(session);
                    }
                });
            }
        });
    }

    // Nothing to draw while the plain start screen is the start screen.
    if shows_plain {
        return html! {};
    }

    let root = WidgetRoot(props.root.clone());
    let body = match &session.screen {
        Screen::Start => start_page(&session, Drawn::App),
        // Not keyed by question: the page stays from question to question
        // and a step patches it (its draft starts anew with each question).
        Screen::Question(id) => html! {
            <QuestionPage session={session.clone()} id={AttrValue::from(id.clone())}
                counter={AttrValue::from(counter.clone().unwrap_or_default())} root={root} />
        },
        Screen::Check => check_page(&session, &summary),
        Screen::Result => html! { <ResultPage session={session.clone()} {root} /> },
        Screen::Objections => objections_page(&session),
    };

    html! {
        <>
            { bar(&session, Drawn::App) }
            { notices(&session) }
            <main class="oc-main">{ body }</main>
            { super::footer(session.lang, session.screen != Screen::Start) }
        </>
    }
}

/// Whether the plain start screen in `lang` is the screen the app would show.
fn shows_plain_start(s: &Session, lang: Lang) -> bool {
    s.screen == Screen::Start && s.notice.is_none() && s.kept.is_none() && s.records.is_empty() && s.lang == lang
}

/// A control of the adopted plain start screen was used: its action. Each
/// changes the screen, so the app then draws its own (see `App`).
fn act_on_plain_start(session: &SessionHandle, control: Control) {
    let action = match control {
        Control::Start => Action::Start,
        Control::Erase => Action::Erase,
        Control::Lang(l) => return super::language::switch(session, l),
        Control::Import(input) => return import_file(session, &input),
    };
    session.dispatch(action);
}

/// "Question 3 of 17: Where do you live? – Objection self-check".
fn page_title(s: &Session, counter: Option<&str>) -> String {
    let suffix = t(s.lang, "ui.title_suffix");
    let error = if !s.errors.is_empty() { format!("{} ", t(s.lang, "ui.error.prefix")) } else { String::new() };
    match &s.screen {
        Screen::Start => format!("{} – {suffix}", t(s.lang, "ui.start.heading")),
        Screen::Question(id) => {
            let counter = counter.unwrap_or_default();
            format!("{error}{counter}: {} – {suffix}", t(s.lang, &page_heading_id(&s.answers, id)))
        }
        Screen::Check => format!("{} – {suffix}", t(s.lang, "ui.check.heading")),
        Screen::Result => format!("{} – {suffix}", t(s.lang, "ui.result.heading")),
        Screen::Objections => format!("{} – {suffix}", t(s.lang, "ui.objections.heading")),
    }
}

/// "My objections" with the session's records, today and what to do on an answer.
fn objections_page(session: &SessionHandle) -> Html {
    let on_event = {
        let session = session.clone();
        Callback::from(move |(record, event)| session.dispatch(Action::AddEvent { record, event }))
    };
    let on_start = {
        let session = session.clone();
        Callback::from(move |()| session.dispatch(Action::Show(Screen::Start)))
    };
    let export = AnswersDocument::new(session.lang, session.answers.clone()).with_records((*session.records).clone()).to_json();
    html! {
        <ObjectionsPage lang={session.lang} today={session.today} records={session.records.clone()}
            link={AttrValue::from(dom::objections_link())} {on_event} {on_start} export={AttrValue::from(export)} />
    }
}

/// The notice for what just happened, if anything, and the one about stored
/// answers that could not all be read, until they are discarded (a view
/// function like [`bar`]).
fn notices(session: &SessionHandle) -> Html {
    let lang = session.lang;
    let notice = session.notice.as_ref().map(|notice| {
        let (text, success) = match notice {
            Notice::Erased => (t(lang, "ui.erased"), true),
            Notice::Imported => (t(lang, "ui.result.import_done"), true),
            Notice::ImportFailed(reason) => (tf(lang, "ui.result.import_failed", &Vars::new().with("reason", reason.as_str())), false),
            // Each language is named in itself (every language has those texts).
            Notice::LangLoading(l) => (tf(lang, "ui.lang.loading", &Vars::new().with("language", t(lang, &super::language::name_id(*l)))), true),
            Notice::LangFailed(l) => (tf(lang, "ui.lang.failed", &Vars::new().with("language", t(lang, &super::language::name_id(*l)))), false),
        };
        let undo = *notice == Notice::Erased && session.erased.is_some();
        let class = classes!("oc-notice", success.then_some("oc-notice--success"));
        html! {
            <div class={class} role="status">
                <p>{ text }</p>
                if undo {
                    <button type="button" id="oc-undo-erase" class="oc-button oc-button--secondary"
                        onclick={dispatch(session, Action::UndoErase)}>{ t(lang, "ui.undo_erase") }</button>
                }
            </div>
        }
    });
    let kept = session.kept.as_ref().map(|k| {
        let original = k.original.clone();
        let download = Callback::from(move |_: MouseEvent| {
            let _ = crate::platform::files::download("objection-check-saved-original.json", "application/json", &original);
        });
        html! {
            <div class="oc-notice" id="oc-kept" role="status">
                <p>{ k.salvage.notice(Content::embedded(), lang) }</p>
                <div class="oc-actions">
                    <button type="button" id="oc-kept-download" class="oc-button oc-button--secondary" onclick={download}>
                        { t(lang, "ui.stored.download") }</button>
                    <button type="button" id="oc-kept-discard" class="oc-link-button"
                        onclick={dispatch(session, Action::DiscardOriginal)}>{ t(lang, "ui.stored.discard") }</button>
                </div>
            </div>
        }
    });
    html! { <>{ for kept }{ for notice }</> }
}
