//! The plain start screen that index.html carries as HTML before the app runs
//! (one block per language, just before the mount element; written by
//! tools/postbuild.py): finding the block the page shows, adopting it as the
//! app's own start screen, and removing it once the app shows another screen.
//!
//! Adopting instead of replacing: when the app starts, the block on screen is
//! already the start screen it would draw. Drawing the same screen again
//! costs the app's first render and a layout before the start button works,
//! and moves a screen reader's reading position. So the app keeps the block,
//! gives its controls the app's ids and actions, and draws its own screens
//! from the first action on.
#![warn(missing_docs)]
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement};

use crate::engine::Lang;

/// The block of the plain start screen that the page shows.
#[derive(Clone, PartialEq)]
pub struct PlainStart {
    /// The block's element (`data-objection-check-prerender`).
    pub block: Element,
    /// The language it is written in.
    pub lang: Lang,
}

/// A control of the adopted plain start screen, used.
pub enum Control {
    /// The start link: begin the check.
    Start,
    /// A language link: show the app in this language.
    Lang(Lang),
    /// "Erase my answers": remove the answers kept on this device.
    Erase,
    /// The import field, a file chosen: read the answers document in it.
    Import(HtmlInputElement),
}

/// The plain start screen's block next to `host` that the page shows (the
/// language `<html data-objection-check-start>` names), if any.
pub fn shown(host: &Element) -> Option<PlainStart> {
    let shown = host.owner_document()?.document_element()?.get_attribute("data-objection-check-start")?;
    let lang = Lang::from_tag(&shown)?;
    let block = host.parent_element()?.query_selector(&format!(":scope > [data-objection-check-prerender][lang=\"{}\"]", lang.code())).ok()??;
    Some(PlainStart { block, lang })
}

/// Makes `plain` the app's start screen: the other languages' blocks go; its
/// heading, start link and import field get the app's ids; its links act
/// (and stop navigating); the controls that need the app (erase, import)
/// appear. The listeners live as long as the page.
pub fn adopt(plain: &PlainStart, act: std::rc::Rc<dyn Fn(Control)>) {
    let block = &plain.block;
    if let Some(parent) = block.parent_element() {
        for other in blocks(&parent) {
            if other != *block {
                let _ = parent.remove_child(&other);
            }
        }
    }
    let find = |selector: &str| block.query_selector(selector).ok().flatten();
    if let Some(heading) = find("main h1") {
        let _ = heading.set_attribute("id", "oc-heading");
        let _ = heading.set_attribute("tabindex", "-1");
    }
    if let Some(link) = find(".oc-actions a") {
        let _ = link.set_attribute("id", "oc-start");
        let act = act.clone();
        on(&link, "click", move |e| {
            e.prevent_default();
            act(Control::Start);
        });
    }
    if let Ok(links) = block.query_selector_all(".oc-lang a[lang]") {
        for link in (0..links.length()).filter_map(|i| links.get(i)?.dyn_into::<Element>().ok()) {
            let Some(to) = link.get_attribute("lang").and_then(|l| Lang::from_tag(&l)) else { continue };
            let act = act.clone();
            on(&link, "click", move |e| {
                e.prevent_default();
                act(Control::Lang(to));
            });
        }
    }
    if let Some(button) = find(".oc-bar .oc-prerender-placeholder") {
        let _ = button.remove_attribute("aria-hidden");
        let _ = button.remove_attribute("tabindex");
        let _ = button.class_list().remove_1("oc-prerender-placeholder");
        let act = act.clone();
        on(&button, "click", move |_| act(Control::Erase));
    }
    if let (Some(form), Some(input)) = (find(".oc-import"), find(".oc-import input[type=file]")) {
        if let Some(label) = find(".oc-import label") {
            let _ = label.set_attribute("for", "oc-import");
        }
        let _ = input.set_attribute("id", "oc-import");
        let _ = form.remove_attribute("hidden");
        on(&input, "change", move |e| {
            if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                act(Control::Import(input));
            }
        });
    }
}

/// Removes the plain start screen next to `host`: the app shows its own
/// screens from now on.
pub fn remove(host: &Element) {
    let Some(parent) = host.parent_element() else { return };
    for block in blocks(&parent) {
        let _ = parent.remove_child(&block);
    }
}

fn blocks(parent: &Element) -> Vec<Element> {
    let Ok(list) = parent.query_selector_all(":scope > [data-objection-check-prerender]") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)?.dyn_into::<Element>().ok()).collect()
}

/// One listener type for every control (one generic copy of the glue).
fn on(target: &Element, event: &str, f: impl Fn(Event) + 'static) {
    let f: Box<dyn Fn(Event)> = Box::new(f);
    let listener = Closure::wrap(f);
    let _ = target.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    listener.forget();
}
