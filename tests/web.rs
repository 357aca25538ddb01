//! Components rendered in headless Chromium (wasm-bindgen-test): real Yew
//! rendering, real DOM events, real sessionStorage.
//! Run: `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use objection_check::engine::preset::Preset;
use objection_check::engine::Lang;
use objection_check::ui::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "objection-check:answers";
const ORIGINAL_KEY: &str = "objection-check:saved-original";

fn session_item(key: &str) -> Option<String> {
    web_sys::window().unwrap().session_storage().unwrap().unwrap().get_item(key).unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Renders the app into a fresh `[data-objection-check]` element.
async fn mount(lang: &str) -> Element {
    mount_with(lang, Preset::default()).await;
    document().query_selector("[data-objection-check]").unwrap().unwrap()
}

async fn mount_with(lang: &str, preset: Preset) -> Element {
    if let Some(old) = document().query_selector("[data-objection-check]").unwrap() {
        old.remove();
    }
    let root = document().create_element("div").unwrap();
    root.set_attribute("data-objection-check", "").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let preset = Preset { lang: preset.lang.or(Lang::from_tag(lang)), ..preset };
    let props = AppProps { preset, owns_page: true, root: Some(root.clone()), plain: None };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Lets Yew render, then lets the next frame be drawn and the work queued
/// after it run (focus moves before the frame, title and history after it).
async fn settle() {
    TimeoutFuture::new(30).await;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().request_animation_frame(&resolve);
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    TimeoutFuture::new(0).await;
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

/// A fresh session in `lang`, past the start screen and the first question
/// (living in the EU), at the country list.
async fn at_the_country_list(lang: Lang) -> Element {
    clear_storage();
    let preset = Preset { lang: Some(lang), skip_start: true, ..Preset::default() };
    let root = mount_with(lang.code(), preset).await;
    click(&root, "#residence").await;
    click(&root, "#oc-continue").await;
    root
}

/// The list on the page.
fn list(root: &Element) -> web_sys::HtmlSelectElement {
    root.query_selector("select").unwrap().expect("a list").unchecked_into()
}

/// Picks `value` in the list as a person does: the browser's `change`
/// bubbles up from the list.
async fn choose(root: &Element, value: &str) -> web_sys::HtmlSelectElement {
    let select = list(root);
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    settle().await;
    select
}

async fn click(root: &Element, selector: &str) {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into::<HtmlElement>().click();
    settle().await;
}

fn clear_storage() {
    let w = web_sys::window().unwrap();
    w.session_storage().unwrap().unwrap().clear().unwrap();
    w.local_storage().unwrap().unwrap().clear().unwrap();
    // A new visit: no history entry of an earlier test.
    w.history().unwrap().replace_state(&wasm_bindgen::JsValue::NULL, "").unwrap();
}

#[wasm_bindgen_test]
async fn start_screen_speaks_the_preset_language() {
    clear_storage();
    let root = mount("en").await;
    assert_eq!(text(&root, "h1"), "Object to the use of your posts for AI training");
    assert_eq!(text(&root, "#oc-start"), "Start now");
    let nl = mount("nl").await;
    assert_eq!(text(&nl, "h1"), "Maak bezwaar tegen het gebruik van je berichten voor AI");
}

#[wasm_bindgen_test]
async fn a_missing_answer_shows_the_error_summary_and_focuses_it() {
    clear_storage();
    let root = mount("en").await;
    click(&root, "#oc-start").await;
    assert!(text(&root, "h1").contains("Where do you live?"));
    assert_eq!(document().active_element().unwrap().id(), "oc-heading", "focus moves to the new heading");
    click(&root, "#oc-continue").await;
    let summary = root.query_selector("#oc-error-summary").unwrap().expect("error summary");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(document().active_element().unwrap().id(), "oc-error-summary");
    assert!(text(&root, ".oc-field__error").contains("Select an answer"));
    assert!(document().title().starts_with("Error: Question 1 of"));
}

#[wasm_bindgen_test]
async fn answering_moves_on_and_keeps_the_answer_in_session_storage() {
    clear_storage();
    let root = mount("en").await;
    click(&root, "#oc-start").await;
    click(&root, "#residence").await; // first choice: EU/EEA
    click(&root, "#oc-continue").await;
    assert!(text(&root, "h1").contains("In which country do you live?"), "{}", text(&root, "h1"));
    let stored = web_sys::window().unwrap().session_storage().unwrap().unwrap().get_item(KEY).unwrap().unwrap();
    assert!(stored.contains("\"residence\": \"eu_eea\""), "{stored}");
    assert!(web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item(KEY).unwrap().is_none());
    // Back keeps the answer.
    click(&root, ".oc-back").await;
    assert!(root.query_selector("#residence").unwrap().unwrap().unchecked_into::<HtmlInputElement>().checked());
}

#[wasm_bindgen_test]
async fn each_question_starts_from_its_own_saved_answer() {
    clear_storage();
    let root = mount("en").await;
    let chosen = |root: &Element| root.query_selector_all("input:checked").unwrap().length();
    click(&root, "#oc-start").await;
    click(&root, "#residence-2").await; // UK: the organisation comes next
    click(&root, "#oc-continue").await;
    assert!(text(&root, "h1").contains("Which organisation"), "{}", text(&root, "h1"));
    assert_eq!(chosen(&root), 0, "nothing of the question before is chosen on the new one");
    assert_eq!(document().active_element().unwrap().id(), "oc-heading", "focus on the new heading");
    // A choice made but not submitted is gone once the question is left.
    click(&root, "#controller-2").await;
    click(&root, ".oc-back").await;
    assert!(root.query_selector("#residence-2").unwrap().unwrap().unchecked_into::<HtmlInputElement>().checked());
    assert_eq!(chosen(&root), 1);
    click(&root, "#oc-continue").await;
    assert!(text(&root, "h1").contains("Which organisation"));
    assert_eq!(chosen(&root), 0, "the organisation question has no saved answer");
    // A submitted one is there when the question comes back.
    click(&root, "#controller").await;
    click(&root, "#oc-continue").await;
    click(&root, ".oc-back").await;
    assert!(root.query_selector("#controller").unwrap().unwrap().unchecked_into::<HtmlInputElement>().checked());
    assert_eq!(chosen(&root), 1);
}

#[wasm_bindgen_test]
async fn switching_language_keeps_answers() {
    clear_storage();
    let root = mount("nl").await;
    click(&root, "#oc-start").await;
    click(&root, "#residence-2").await; // UK
    click(&root, "#oc-continue").await;
    assert!(text(&root, "h1").contains("Tegen welke organisatie"));
    click(&root, ".oc-lang__button[lang=en]").await;
    assert!(text(&root, "h1").contains("Which organisation"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    click(&root, ".oc-back").await;
    assert!(root.query_selector("#residence-2").unwrap().unwrap().unchecked_into::<HtmlInputElement>().checked());
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_kept_until_discarded_and_says_so() {
    clear_storage();
    web_sys::window().unwrap().session_storage().unwrap().unwrap().set_item(KEY, "{\"version\": 99").unwrap();
    let root = mount("en").await;
    let notice = text(&root, "#oc-kept");
    assert!(notice.contains("None of the saved answers could be read, so the check starts again."), "{notice}");
    assert!(notice.contains("stays on this device, as it was, until you discard it"), "{notice}");
    assert_eq!(session_item(ORIGINAL_KEY).as_deref(), Some("{\"version\": 99"), "the original is kept as it was");
    // Still there after a reload, until the person discards it.
    let root = mount("en").await;
    assert!(root.query_selector("#oc-kept-download").unwrap().is_some());
    click(&root, "#oc-kept-discard").await;
    assert!(root.query_selector("#oc-kept").unwrap().is_none());
    assert_eq!(session_item(ORIGINAL_KEY), None);
}

#[wasm_bindgen_test]
async fn erase_clears_memory_and_storage_and_can_be_undone() {
    clear_storage();
    let root = mount("en").await;
    click(&root, "#oc-start").await;
    click(&root, "#residence").await;
    click(&root, "#oc-continue").await;
    click(&root, ".oc-bar .oc-link-button").await;
    assert!(text(&root, ".oc-notice").contains("erased"));
    assert_eq!(session_item(KEY), None);
    // Undo brings the answers back, to the screen they were erased on.
    click(&root, "#oc-undo-erase").await;
    assert!(text(&root, "h1").contains("In which country"), "{}", text(&root, "h1"));
    assert!(session_item(KEY).unwrap().contains("\"residence\": \"eu_eea\""));
    click(&root, ".oc-bar .oc-link-button").await;
    click(&root, "#oc-start").await;
    assert!(text(&root, "h1").contains("Where do you live?"));
    assert!(root.query_selector("#oc-undo-erase").unwrap().is_none(), "a new start ends the undo");
}

/// The rows of the check screen: each question's title and answer.
fn summary_rows(root: &Element) -> Vec<(String, String)> {
    let rows = root.query_selector_all(".oc-summary__row").unwrap();
    (0..rows.length())
        .map(|i| rows.item(i).unwrap().unchecked_into::<Element>())
        .map(|row| (text(&row, ".oc-summary__key"), text(&row, ".oc-summary__value")))
        .collect()
}

fn answer_in_summary(root: &Element, title: &str) -> Option<String> {
    summary_rows(root).into_iter().find(|(t, _)| t == title).map(|(_, v)| v)
}

/// Types `value` into the text field `selector` as a person does.
async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = root.query_selector(selector).unwrap().unwrap().unchecked_into();
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_check_screen_lists_the_answers_as_they_are_now() {
    clear_storage();
    let doc = include_str!("fixtures/meta-nl-health.json");
    web_sys::window().unwrap().session_storage().unwrap().unwrap().set_item(KEY, doc).unwrap();
    let root = mount("nl").await;
    click(&root, "#oc-start").await;
    assert_eq!(text(&root, "h1"), "Controleer je antwoorden");
    let rows = summary_rows(&root);
    assert_eq!(rows.len(), 13, "{rows:?}");
    assert_eq!(rows[0], ("Waar woon je?".to_string(), "In een land van de EU of EER".to_string()));
    assert_eq!(rows[1], ("In welk land woon je?".to_string(), "Nederland".to_string()));
    let name_title = rows[11].0.clone();
    assert_eq!(rows[11].1, "Sanne de Vries");

    // A changed answer shows in its row; the other rows stay as they were.
    click(&root, "#change-full_name").await;
    type_into(&root, "#full_name-input", "Sanne Jansen").await;
    click(&root, "#oc-continue").await;
    assert_eq!(answer_in_summary(&root, &name_title).as_deref(), Some("Sanne Jansen"));
    let after = summary_rows(&root);
    assert_eq!(after.len(), 13);
    assert!(after.iter().zip(&rows).enumerate().all(|(i, (a, b))| i == 11 || a == b), "{after:?}");

    // A question no longer asked leaves the list, and comes back in its place.
    click(&root, "#change-residence").await;
    click(&root, "#residence-2").await; // the United Kingdom
    click(&root, "#oc-continue").await;
    assert_eq!(text(&root, "h1"), "Controleer je antwoorden");
    assert_eq!(answer_in_summary(&root, "In welk land woon je?"), None);
    assert_eq!(summary_rows(&root).len(), 12);
    click(&root, "#change-residence").await;
    click(&root, "#residence").await;
    click(&root, "#oc-continue").await;
    assert_eq!(summary_rows(&root)[1], ("In welk land woon je?".to_string(), "Nederland".to_string()));
    assert_eq!(summary_rows(&root).len(), 13);

    // Every row in the other language, in one list.
    click(&root, ".oc-lang__button[lang=en]").await;
    let english = summary_rows(&root);
    assert_eq!(english[1], ("In which country do you live?".to_string(), "Netherlands".to_string()));
    assert_eq!(english[11].1, "Sanne Jansen");
    assert_eq!(root.query_selector_all(".oc-summary").unwrap().length(), 1);
    assert_eq!(root.query_selector_all(".oc-summary__row").unwrap().length(), 13);
}

#[wasm_bindgen_test]
async fn answers_that_no_longer_fit_are_dropped_and_the_rest_kept() {
    clear_storage();
    let doc = r#"{"version":1,"lang":"en","answers":{"residence":"eu_eea","country":"atlantis","controller":"meta","age":42}}"#;
    web_sys::window().unwrap().session_storage().unwrap().unwrap().set_item(KEY, doc).unwrap();
    let root = mount("en").await;
    let notice = text(&root, "#oc-kept");
    assert!(notice.contains("Kept: 2 of your answers."), "{notice}");
    assert!(notice.contains("your answer to \"In which country do you live?\"; your answer to \"How old are you?\""), "{notice}");
    assert_eq!(session_item(ORIGINAL_KEY).as_deref(), Some(doc), "the original is kept as it was");
    click(&root, "#oc-start").await;
    assert!(text(&root, "h1").contains("In which country"), "the first unanswered question: {}", text(&root, "h1"));
    let stored = web_sys::window().unwrap().session_storage().unwrap().unwrap().get_item(KEY).unwrap().unwrap();
    assert!(stored.contains("\"controller\": \"meta\"") && !stored.contains("atlantis"), "{stored}");
}

#[wasm_bindgen_test]
async fn a_preset_link_can_skip_the_start_screen_and_preselect_the_organisation() {
    clear_storage();
    let preset = Preset { lang: Some(Lang::En), controller: Some("meta".into()), services: vec!["instagram".into()], skip_start: true, country: None };
    let root = mount_with("en", preset).await;
    assert!(text(&root, "h1").contains("Where do you live?"), "{}", text(&root, "h1"));
    click(&root, "#residence").await;
    click(&root, "#oc-continue").await;
    choose(&root, "ie").await;
    click(&root, "#oc-continue").await;
    assert!(root.query_selector("#controller").unwrap().unwrap().unchecked_into::<HtmlInputElement>().checked(), "Meta preselected");
    click(&root, "#oc-continue").await;
    assert!(root.query_selector("#services-2").unwrap().unwrap().unchecked_into::<HtmlInputElement>().checked(), "Instagram preselected");
}

#[wasm_bindgen_test]
async fn a_country_chosen_stays_chosen_in_the_list_and_through_a_change_of_language() {
    let root = at_the_country_list(Lang::En).await;
    let select = choose(&root, "ie").await;
    assert!(list(&root).is_same_node(Some(&select)), "the list the person is using is not built again");
    assert_eq!(list(&root).value(), "ie");
    click(&root, ".oc-lang__button[lang=nl]").await;
    assert_eq!(list(&root).value(), "ie", "the unsent choice survives the change of language");
    assert_eq!(text(&root, "select option:checked"), "Ierland");
    assert!(text(&root, "label[for=country-input]").ends_with("In welk land woon je?"), "{}", text(&root, "label[for=country-input]"));
    click(&root, "#oc-continue").await;
    assert!(root.query_selector("#controller").unwrap().is_some(), "the choice was sent: {}", text(&root, "h1"));
    click(&root, ".oc-back").await;
    assert_eq!(list(&root).value(), "ie", "shown again, the list starts from the saved answer");
}

#[wasm_bindgen_test]
async fn the_country_list_speaks_the_language_chosen_on_the_way_and_names_its_error() {
    clear_storage();
    let preset = Preset { lang: Some(Lang::Nl), skip_start: true, ..Preset::default() };
    let root = mount_with("nl", preset).await;
    // The language changes on the question before the list.
    click(&root, ".oc-lang__button[lang=en]").await;
    click(&root, "#residence").await;
    click(&root, "#oc-continue").await;
    assert_eq!(text(&root, "select option:checked"), "Choose a country");
    assert_eq!(text(&root, "select option:nth-child(2)"), "Austria");
    assert_eq!(list(&root).get_attribute("aria-describedby").as_deref(), Some("country-hint"));
    // Continue with nothing chosen: the list names the error message too.
    click(&root, "#oc-continue").await;
    assert!(text(&root, "#country-error").contains("Choose a country"), "{}", text(&root, "#country-error"));
    assert_eq!(list(&root).get_attribute("aria-describedby").as_deref(), Some("country-hint country-error"));
    assert_eq!(root.query_selector_all("select").unwrap().length(), 1, "one list on the screen");
    choose(&root, "at").await;
    click(&root, "#oc-continue").await;
    assert!(root.query_selector("#controller").unwrap().is_some(), "the choice was sent: {}", text(&root, "h1"));
}

#[wasm_bindgen_test]
async fn countries_are_listed_in_the_readers_alphabetical_order() {
    let root = at_the_country_list(Lang::Nl).await;
    let options = root.query_selector_all("select option:not([value=''])").unwrap();
    let names: Vec<String> = (0..options.length()).map(|i| options.get(i).unwrap().text_content().unwrap()).collect();
    assert_eq!(names.first().map(String::as_str), Some("België"), "{names:?}");
    let ie = names.iter().position(|n| n == "Ierland").expect("Ierland");
    assert_eq!(names[ie..ie + 3], ["Ierland", "IJsland", "Italië"], "{names:?}");
    assert_eq!(names.last().map(String::as_str), Some("Zweden"), "{names:?}");
}

#[wasm_bindgen_test]
async fn the_panic_screen_is_readable_and_its_button_restarts() {
    clear_storage();
    let root = mount("nl").await;
    let restarted = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = restarted.clone();
    objection_check::platform::panic::show(&root, Lang::Nl, move || flag.set(true));
    assert_eq!(text(&root, "h1"), "Er ging iets mis");
    assert!(root.query_selector("[role=alert]").unwrap().is_some(), "the panic screen is announced");
    click(&root, "#oc-panic-restart").await;
    assert!(restarted.get());
}

#[wasm_bindgen_test]
fn the_frame_tells_its_height_only_to_the_origin_its_link_names() {
    use objection_check::platform::dom::embedding_origin;
    assert_eq!(embedding_origin("lang=nl&parent=https://example.org"), Some("https://example.org".into()));
    assert_eq!(embedding_origin("#parent=https%3A%2F%2FNews.Example.org%3A8443%2F"), Some("https://news.example.org:8443".into()));
    assert_eq!(embedding_origin("parent=http://localhost:8080"), Some("http://localhost:8080".into()));
    for wrong in [
        "lang=nl",
        "parent=*",
        "parent=example.org",
        "parent=https://",
        "parent=javascript:alert(1)",
        "parent=https://example.org/page?x=1",
        "parent=https://a b",
    ] {
        assert_eq!(embedding_origin(wrong), None, "{wrong}");
    }
}

#[wasm_bindgen_test]
async fn my_objections_shows_where_each_stands_and_says_what_they_answered() {
    use objection_check::engine::followup::Channel;
    use objection_check::engine::record::{EventKind, Record};
    use objection_check::engine::{Answers, Content, Date};
    use objection_check::ui::objections::{ObjectionsPage, ObjectionsProps};
    use std::cell::RefCell;
    use std::rc::Rc;
    if let Some(old) = document().query_selector("[data-objection-check]").unwrap() {
        old.remove();
    }
    let root = document().create_element("div").unwrap();
    root.set_attribute("data-objection-check", "").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let today = Date::new(2026, 3, 7).unwrap();
    let answers = Answers::new().with("residence", "eu_eea").with("country", "nl").with("controller", "meta").with_many("services", &["facebook"]);
    let record = Record::from_check(Content::embedded(), Lang::En, &answers, Date::new(2026, 1, 31).unwrap(), Channel::Email, today).unwrap();
    let emitted = Rc::new(RefCell::new(Vec::new()));
    let on_event = {
        let emitted = emitted.clone();
        yew::Callback::from(move |e| emitted.borrow_mut().push(e))
    };
    let props = ObjectionsProps {
        lang: Lang::En,
        today,
        records: Rc::new(vec![record]),
        link: "#objections".into(),
        on_event,
        on_start: yew::Callback::noop(),
        export: Default::default(),
    };
    yew::Renderer::<ObjectionsPage>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(text(&root, "h1"), "My objections");
    assert_eq!(text(&root, "#oc-record-0-status"), "No answer: the deadline was 28 February 2026 (days overdue: 7)");
    assert!(text(&root, "#oc-record-0-reminder").contains("by e-mail"), "the reminder text is there to copy");
    // Nothing chosen: asked to choose; an answer before sending: refused, named.
    click(&root, "#oc-record-0-save").await;
    assert_eq!(text(&root, "#oc-record-0-error"), "Choose what they answered.");
    click(&root, "#oc-record-0-kind-refused").await;
    type_into(&root, "#oc-record-0-date", "2026-01-30").await;
    click(&root, "#oc-record-0-save").await;
    assert_eq!(text(&root, "#oc-record-0-error"), "30 January 2026 is before the day you sent your objection (31 January 2026). Check the dates.");
    assert!(emitted.borrow().is_empty());
    type_into(&root, "#oc-record-0-date", "2026-03-06").await;
    click(&root, "#oc-record-0-save").await;
    let got = emitted.borrow().clone();
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].0, got[0].1.kind, got[0].1.date), (0, EventKind::Refused, Date::new(2026, 3, 6).unwrap()));
    assert!(root.query_selector("#oc-record-0-error").unwrap().is_none(), "the error is gone");
    root.remove();
}
