//! The page around the widget: mount point and its settings, focus, title,
//! history entries for steps, the clock, the browser's languages.
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::engine::{Date, Lang};

/// The element the widget renders into: the first `[data-objection-check]`,
/// or a new one at the end of `<body>`.
pub fn mount_point() -> Option<Element> {
    let doc = web_sys::window()?.document()?;
    if let Ok(Some(el)) = doc.query_selector("[data-objection-check]") {
        return Some(el);
    }
    let el = doc.create_element("div").ok()?;
    el.set_attribute("data-objection-check", "").ok()?;
    doc.body()?.append_child(&el).ok()?;
    Some(el)
}

/// A `data-*` setting on the mount element, if present and not empty.
pub fn setting(root: &Element, name: &str) -> Option<String> {
    root.get_attribute(&format!("data-{name}")).filter(|v| !v.trim().is_empty())
}

/// The first of the browser's preferred languages the check speaks.
pub fn browser_lang() -> Option<Lang> {
    let nav = web_sys::window()?.navigator();
    let langs = nav.languages();
    for v in langs.iter() {
        if let Some(l) = v.as_string().and_then(|s| Lang::from_tag(&s)) {
            return Some(l);
        }
    }
    nav.language().and_then(|s| Lang::from_tag(&s))
}

/// Today in the person's time zone.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or(Date { year: 2026, month: 1, day: 1 })
}

/// Moves focus to the element with this id (without scrolling past it).
pub fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Sets `document.title` (only when the widget owns the page).
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Sets `lang` on the widget root, so screen readers use the right voice.
pub fn set_lang(root: &Element, lang: Lang) {
    let _ = root.set_attribute("lang", lang.code());
}

/// Adds a history entry for a step (same URL; the state names the screen),
/// so the browser's back and forward buttons move between steps.
pub fn push_step(key: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let same = h.state().ok().and_then(|s| s.as_string()).is_some_and(|s| s == key);
        if !same {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::from_str(key), "", None);
        }
    }
}

/// Replaces the current entry's state (for the first screen).
pub fn replace_step(key: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::from_str(key), "", None);
    }
}

/// The URL fragment without '#'.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Toggles a class on the widget root (used for printing one letter).
pub fn toggle_class(root: &Element, class: &str, on: bool) {
    let list = root.class_list();
    let _ = if on { list.add_1(class) } else { list.remove_1(class) };
}

/// Opens the browser's print dialog (save as PDF is one of its choices).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
