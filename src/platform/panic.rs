//! Should anything still panic, the person sees a readable message and a
//! "start again" button instead of a frozen page. The button erases the
//! answers kept on this device (they may be what caused it) and reloads.
use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::engine::{Lang, Texts};

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Remembers the session's language for the message.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// Installs the hook for the widget in `root`. It goes through Yew, because
/// Yew replaces any `std::panic` hook when it renders unless one is set this way.
pub fn install(root: Element) {
    yew::set_custom_panic_hook(Box::new(move |info| {
        web_sys::console::error_1(&format!("objection-check: {info}").into());
        let lang = LANG.with(Cell::get);
        show(&root, lang, || {
            super::storage::erase();
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
    }));
}

/// Replaces the widget's content with the message and the button.
pub fn show(root: &Element, lang: Lang, restart: impl Fn() + 'static) {
    // Only the texts: the message must show even if the content is what failed.
    let texts = Texts::embedded();
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    root.set_inner_html("");
    let build = || -> Option<()> {
        let panel = doc.create_element("div").ok()?;
        panel.set_class_name("oc-panic oc-notice");
        panel.set_attribute("role", "alert").ok()?;
        let h = doc.create_element("h1").ok()?;
        h.set_text_content(Some(texts.text(lang, "ui.panic.heading")));
        let p = doc.create_element("p").ok()?;
        p.set_text_content(Some(texts.text(lang, "ui.panic.body")));
        let button = doc.create_element("button").ok()?;
        button.set_attribute("type", "button").ok()?;
        button.set_class_name("oc-button");
        button.set_id("oc-panic-restart");
        button.set_text_content(Some(texts.text(lang, "ui.panic.button")));
        let on_click = Closure::<dyn Fn()>::new(restart);
        button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref()).ok()?;
        on_click.forget();
        panel.append_child(&h).ok()?;
        panel.append_child(&p).ok()?;
        panel.append_child(&button).ok()?;
        root.append_child(&panel).ok()?;
        Some(())
    };
    let _ = build();
}
