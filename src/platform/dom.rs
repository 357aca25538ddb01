//! The page around the widget: mount point and its settings, focus, title,
//! history entries for steps, the clock, the browser's languages.
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::engine::settings;
use crate::engine::{Date, Lang};

/// The custom element's tag (`<objection-check lang="de">`), registered by
/// the embed loader, objection-check.js.
pub const ELEMENT: &str = "objection-check";

/// The elements widgets render into: every `[data-objection-check]` and
/// `<objection-check>`, or a new one at the end of `<body>` when the page
/// has none.
pub fn widget_hosts() -> Vec<Element> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return Vec::new() };
    let mut hosts = Vec::new();
    if let Ok(list) = doc.query_selector_all("[data-objection-check], objection-check") {
        for i in 0..list.length() {
            if let Some(el) = list.get(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                hosts.push(el);
            }
        }
    }
    if hosts.is_empty() {
        if let (Ok(el), Some(body)) = (doc.create_element("div"), doc.body()) {
            let _ = el.set_attribute("data-objection-check", "");
            if body.append_child(&el).is_ok() {
                hosts.push(el);
            }
        }
    }
    hosts
}

/// The widget's stylesheet (styles/*.css, built into widget-<hash>.css by
/// tools/postbuild.py), as the embed loader or the single file handed it
/// over in `globalThis.objectionCheckStyles`: the page already
/// has it, so the wasm does not carry a second copy. It stays a JS string (a
/// copy into the wasm's memory and back cost several ms at start-up). Empty
/// (an unstyled but working widget) if whatever started the app did not
/// provide it.
pub fn widget_styles() -> wasm_bindgen::JsValue {
    match js_sys::Reflect::get(&js_sys::global(), &"objectionCheckStyles".into()) {
        Ok(styles) if styles.is_string() => styles,
        _ => {
            web_sys::console::warn_1(&"objection-check: no styles were handed over (see docs/embedding.md)".into());
            "".into()
        }
    }
}

/// Gives `host` an open shadow root holding the widget's styles (a
/// constructed stylesheet, which a strict CSP allows) and a container
/// `div.objection-check` to render into. Where the browser has no shadow DOM
/// or constructed stylesheets, the container goes into the host itself.
pub fn shadow_container(host: &Element, css: &wasm_bindgen::JsValue) -> Option<Element> {
    let container = new_container()?;
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    match host.attach_shadow(&init) {
        Ok(shadow) if adopt_styles(&shadow, css).is_some() => {
            shadow.append_child(&container).ok()?;
        }
        _ => {
            host.set_inner_html("");
            host.append_child(&container).ok()?;
        }
    }
    Some(container)
}

/// A container `div.objection-check` straight in `host`, styled by the page's
/// own link to the widget's stylesheet (`data-styled-by-page`, index.html).
pub fn page_container(host: &Element) -> Option<Element> {
    let container = new_container()?;
    host.append_child(&container).ok()?;
    Some(container)
}

/// The element a widget renders into: `div.objection-check`, which the
/// widget's stylesheet styles.
fn new_container() -> Option<Element> {
    let container = web_sys::window()?.document()?.create_element("div").ok()?;
    container.set_class_name("objection-check");
    Some(container)
}

fn adopt_styles(shadow: &web_sys::ShadowRoot, css: &wasm_bindgen::JsValue) -> Option<()> {
    use js_sys::{Array, Function, Reflect};
    let window = web_sys::window()?;
    let ctor: Function = Reflect::get(&window, &"CSSStyleSheet".into()).ok()?.dyn_into().ok()?;
    let sheet = Reflect::construct(&ctor, &Array::new()).ok()?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into()).ok()?.dyn_into().ok()?;
    replace.call1(&sheet, css).ok()?;
    Reflect::set(shadow, &"adoptedStyleSheets".into(), &Array::of1(&sheet)).ok()?;
    Some(())
}

/// Whether `host` is the custom element, whose settings are its own
/// attributes (`lang="de"`), not `data-*` ones.
fn is_element(host: &Element) -> bool {
    host.tag_name().eq_ignore_ascii_case(ELEMENT)
}

/// A setting of the mount element (`data-<name>`, or on `<objection-check>`
/// the attribute `<name>`, `services` for `service`), if present and not empty.
pub fn setting(host: &Element, name: &str) -> Option<String> {
    let value = if is_element(host) {
        host.get_attribute(name).or_else(|| (name == "service").then(|| host.get_attribute("services")).flatten())
    } else {
        host.get_attribute(&format!("data-{name}"))
    };
    value.filter(|v| !v.trim().is_empty())
}

/// The attributes of `host` that may be settings, each with the setting it
/// names (`None`: not one the check knows) and its value: `data-*` ones on
/// the snippet's element but the embedding's marks, on `<objection-check>`
/// every one but HTML's own (`id`, `class`, `style`, `aria-*`, ...).
pub fn setting_attributes(host: &Element) -> Vec<(String, Option<&'static str>, String)> {
    const GLOBAL: [&str; 12] = ["id", "class", "style", "hidden", "title", "dir", "tabindex", "slot", "part", "role", "translate", "inert"];
    let element = is_element(host);
    let mut out = Vec::new();
    for attribute in host.get_attribute_names().iter().filter_map(|a| a.as_string()) {
        let value = host.get_attribute(&attribute).unwrap_or_default();
        let setting = if element {
            if GLOBAL.contains(&attribute.as_str()) || attribute.starts_with("aria-") || attribute.starts_with("data-") {
                continue;
            }
            settings::of_element_attribute(&attribute)
        } else {
            let Some(name) = attribute.strip_prefix("data-") else { continue };
            if settings::MARKS.contains(&name) {
                continue;
            }
            settings::SETTINGS.iter().copied().find(|s| *s == name)
        };
        out.push((attribute, setting, value));
    }
    out
}

/// A sentence for the publisher, in the console.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Calls `f` with the attribute's name whenever a setting of the element the
/// widget at `root` renders into changes (the loader tells it, for
/// `<objection-check>`). The listener lives as long as the page.
pub fn on_setting_change(root: &Element, f: impl Fn(&Element, String) + 'static) {
    let shadow_host = root.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok().map(|s| s.host());
    let Some(host) = shadow_host.or_else(|| root.closest("[data-objection-check], objection-check").ok().flatten()) else { return };
    let target = host.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let name = e.dyn_ref::<web_sys::CustomEvent>().and_then(|c| c.detail().as_string()).unwrap_or_default();
        f(&target, name);
    });
    let _ = host.add_event_listener_with_callback("objection-check-setting", listener.as_ref().unchecked_ref());
    listener.forget();
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
    Date::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or(Date { year: 2026, month: 1, day: 1 })
}

/// The element with this id inside the widget `root` (or the document).
pub fn by_id(root: Option<&Element>, id: &str) -> Option<Element> {
    match root {
        Some(r) => r.query_selector(&format!("#{id}")).ok().flatten(),
        None => web_sys::window()?.document()?.get_element_by_id(id),
    }
}

/// Moves focus to the element with this id (without scrolling past it).
pub fn focus(root: Option<&Element>, id: &str) {
    if let Some(el) = by_id(root, id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        // Focusing scrolls the element into view; no second layout for a scroll.
        let _ = el.focus();
    }
}

/// Takes focus off the widget's focused element, if any, before a step
/// changes the screen. The control that started the step (Continue, a choice,
/// a back link) is often about to be removed; when a focused element is
/// removed, the browser moves focus at once and for that lays out the screen
/// half rebuilt (3-12 ms at 4x CPU, measured). Released first, while the page
/// is as last drawn, it costs nearly nothing. Focus then goes where the step
/// puts it (the new heading, see `focus`); a page around an embedded widget
/// keeps its own focus.
pub fn release_focus(root: Option<&Element>) {
    let Some(root) = root else { return };
    let active = match root.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => shadow.active_element(),
        Err(_) => web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element()),
    };
    if let Some(el) = active.filter(|a| root.contains(Some(a))).and_then(|a| a.dyn_into::<HtmlElement>().ok()) {
        let _ = el.blur();
    }
}

/// Hands `f` to the browser through `register` (a frame or a timer); runs it
/// at once if the browser refuses, so the work is never lost.
fn schedule(f: impl FnOnce() + 'static, register: impl FnOnce(&web_sys::Window, &js_sys::Function) -> Result<i32, wasm_bindgen::JsValue>) {
    let Some(window) = web_sys::window() else { return f() };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let callback: &js_sys::Function = callback.unchecked_ref();
    if register(&window, callback).is_err() {
        let _ = callback.call0(&wasm_bindgen::JsValue::NULL);
    }
}

/// Runs `f` just before the browser draws the next frame: work that needs a
/// fresh layout (moving focus) then shares the frame's own style and layout
/// pass instead of forcing one more while the screen is being built.
pub fn before_next_frame(f: impl FnOnce() + 'static) {
    schedule(f, |window, callback| window.request_animation_frame(callback));
}

/// Runs `f` once the next frame has been drawn: bookkeeping the person does
/// not see (the history entry, the title) stays off the path to the next screen.
/// The frame itself runs none of the app's code: it calls the browser's own
/// `setTimeout`, bound to `f`, which then runs after the frame.
pub fn after_next_frame(f: impl FnOnce() + 'static) {
    schedule(f, |window, callback| {
        let set_timeout: js_sys::Function = js_sys::Reflect::get(window, &"setTimeout".into())?.dyn_into()?;
        let bound = set_timeout.bind2(window, callback, &0.into());
        window.request_animation_frame(bound.unchecked_ref())
    });
}

/// An element parsed from `html` (one element, its text escaped by the
/// caller), not yet in the page: the browser parses it at once, where
/// building it node by node from the wasm costs a call across per element,
/// attribute and text. Parsed in the page's own document, so putting it on
/// the screen later only moves it there.
pub fn element_from_html(html: &str) -> Option<Element> {
    let doc = web_sys::window()?.document()?;
    let holder = doc.create_element("div").ok()?;
    holder.set_inner_html(html);
    // Left in its holder, which nothing else holds: putting it on the screen
    // moves it out.
    holder.first_element_child()
}

/// Sets `document.title` (only when the widget owns the page).
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Sets `lang` on the widget root, so screen readers use the right voice.
pub fn set_lang(root: &Element, lang: Lang) {
    // Only on a change: setting it again makes the browser re-check the
    // language of the whole widget on every step.
    if root.get_attribute("lang").as_deref() != Some(lang.code()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The state of the current history entry (the key of the step it names).
pub fn step_state() -> Option<String> {
    web_sys::window()?.history().ok()?.state().ok()?.as_string()
}

/// Adds a history entry for a step (same URL; the state names the screen),
/// so the browser's back and forward buttons move between steps. `seen` is
/// the entry's state when the step was drawn: when that already named the
/// step, back or forward brought it, and no entry is added, even if the
/// person has gone back or forward again since (adding one would cut off
/// the entries ahead). Nor when the entry names the step by now.
pub fn push_step(key: &str, seen: Option<&str>) {
    if seen == Some(key) || step_state().as_deref() == Some(key) {
        return;
    }
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::from_str(key), "", None);
    }
}

/// Replaces the current entry's state (for the first screen).
pub fn replace_step(key: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::from_str(key), "", None);
    }
}

/// The address of "My objections" on this page: the page's own address and
/// `#objections`, nothing else (no query, no other fragment): the calendar
/// reminder links to it and it carries no answers.
pub fn objections_link() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return "#objections".into() };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    // From a file (the single-file build) the origin is "null".
    let base = if origin == "null" || origin.is_empty() {
        location.href().unwrap_or_default().split(['#', '?']).next().unwrap_or_default().to_string()
    } else {
        format!("{origin}{path}")
    };
    format!("{base}#objections")
}

/// The URL fragment without '#'.
/// The embedding page's origin the frame's link names (`#parent=https://example.org`,
/// also percent-encoded): a scheme, a host and an optional port, nothing else.
pub fn embedding_origin(fragment: &str) -> Option<String> {
    let value = fragment.trim_start_matches('#').split('&').find_map(|pair| pair.strip_prefix("parent="))?;
    let value = js_sys::decode_uri_component(value).ok().and_then(|v| v.as_string()).unwrap_or_else(|| value.to_string());
    let value = value.trim().trim_end_matches('/');
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"))?;
    let host_ok =
        !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')) && !rest.starts_with(['.', ':', '-']);
    host_ok.then(|| value.to_ascii_lowercase())
}

pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
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

/// Inside an iframe, tells the parent page the widget's height whenever it
/// changes (`{type: 'objection-check:height', height}`; nothing else is sent),
/// so `objection-check-frame.js` on the host can size the frame.
pub fn report_height_to_parent(root: &Element) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    // Only the embedding page the frame's link names may hear it (never "*"),
    // else only a page of the app's own origin.
    let own = window.location().origin().unwrap_or_default();
    let target = embedding_origin(&fragment()).unwrap_or(own);
    let post = move |height: f64| {
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"objection-check:height".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        let _ = parent.post_message(&msg, &target);
    };
    let observed = root.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let doc_height = observed.owner_document().and_then(|d| d.document_element()).map(|e| e.scroll_height() as f64).unwrap_or(0.0);
        post(doc_height);
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(root);
    }
    callback.forget();
}
