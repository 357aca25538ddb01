//! The browser app: one module per screen or widget, over one session reducer
//! ([`state`]). They only display the engine's results and emit actions; no
//! legal rule lives here.
//!
//! What has state or a lifecycle of its own, or is costly to render, is a Yew
//! function component: the app, a question page (its draft answer), the
//! result page (Yew skips it when the session is unchanged) and a letter box
//! (its copy status). What only shows the session is a view function
//! (`fn(&SessionHandle) -> Html`): the start screen, the check screen, the
//! bar, the notices, save and import. Each component type costs about 0.5 KB
//! of gzip in Yew's lifecycle code. The question page stays from question
//! to question (a step patches it, which is faster than building it anew).
//! Every step first takes focus off the widget and then puts it on the new
//! screen's heading, so the heading is announced even when its element stays.

pub mod app;
pub mod bar;
pub mod check;
pub mod language;
pub mod objections;
pub mod question;
pub mod result;
pub mod share;
pub mod start;
pub mod state;

use crate::engine::flow::Flow;
use crate::engine::preset::Preset;
use crate::engine::settings;
use crate::engine::text::{render, Vars};
use crate::engine::{Answers, Content, Lang, Texts};
use crate::platform::{dom, plain_start, texts};

/// Which start screen a view draws: the app's, or the plain copy index.html
/// carries before the app runs (`start::PlainStartScreen`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Drawn {
    App,
    Plain,
}

/// The footer every screen ends with: on the screens after the start, that
/// nothing leaves the device; on all, the version (publishers see which
/// release they host, CHANGELOG.md says what it changed).
pub fn footer(lang: Lang, privacy: bool) -> yew::Html {
    yew::html! {
        <footer class="oc-footer">
            if privacy {
                <p>{ t(lang, "ui.start.privacy") }</p>
            }
            <p class="oc-version">{ concat!("objection-check ", env!("CARGO_PKG_VERSION")) }</p>
        </footer>
    }
}

/// A UI text in the session's language. Only the texts are read for it, not
/// the rest of the content (so the start screen appears without it).
pub fn t(lang: Lang, id: &str) -> String {
    Texts::embedded().text(lang, id).to_string()
}

/// A UI text with its `{placeholders}` filled, by the engine's own filler.
pub fn tf(lang: Lang, id: &str, vars: &Vars) -> String {
    render(Content::embedded(), lang, id, vars)
}

/// "Question 3 of 12" for the page of question `id`: its place among the
/// pages asked, out of the projected total.
pub fn step_counter(lang: Lang, answers: &Answers, id: &str) -> String {
    let content = Content::embedded();
    let step = Flow::new(content, answers).page_number(id).unwrap_or(1);
    let total = Flow::projected_total(content, answers);
    tf(lang, "ui.step_counter", &Vars::new().with("step", step.to_string()).with("total", total.to_string()))
}

/// The text id of the heading of the page that question `id` opens: the
/// question's title, or `page.<page>.title` where the page asks several.
pub fn page_heading_id(answers: &Answers, id: &str) -> String {
    let content = Content::embedded();
    let flow = Flow::new(content, answers);
    match flow.page_of(id) {
        [first, _, ..] => format!("page.{}.title", first.page.as_deref().unwrap_or_default()),
        _ => format!("q.{id}.title"),
    }
}

/// `text` as HTML text or attribute value: `&`, `<`, `>`, `"` and `'`
/// escaped, so a person's own words are shown as written, never as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Mounts a widget into every `[data-objection-check]` element (or into a new
/// one at the end of `<body>`), each in its own shadow root so host styles and
/// widget styles never meet; on the app's own page (`data-styled-by-page`),
/// straight into the page, which links the widget's stylesheet.
pub fn start() {
    for host in dom::widget_hosts() {
        mount(host);
    }
}

/// Mounts a widget into `host`: the custom element `<objection-check>` calls
/// this when it is connected (objection-check.js); an element that has its
/// widget keeps it.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = mountObjectionCheck)]
pub fn mount_element(host: web_sys::Element) {
    mount(host);
}

fn mount(host: web_sys::Element) {
    if host.has_attribute("data-objection-check-mounted") {
        return;
    }
    let _ = host.set_attribute("data-objection-check-mounted", "");
    // A setting the check does not know, or a value it does not have, is
    // ignored and named once in the console, for the publisher.
    for (attribute, setting, value) in dom::setting_attributes(&host) {
        if let Some(why) = settings::ignored(Content::embedded(), &attribute, setting, &value) {
            dom::warn(&why);
        }
    }
    // The app's own page links the widget's stylesheet already (for the plain
    // start screen) and has nothing else to keep apart from: no shadow root,
    // no second copy of the styles. On a publisher's page, a shadow root.
    let root = if host.has_attribute("data-styled-by-page") { dom::page_container(&host) } else { dom::shadow_container(&host, &dom::widget_styles()) };
    let Some(root) = root else { return };
    crate::platform::panic::install(root.clone());
    let owns_page = host.has_attribute("data-owns-page");
    let page = Preset::from_settings(Content::embedded, |name| dom::setting(&host, name));
    // Links (#lang=en&controller=meta) only steer the app on its own page.
    let link = if owns_page { Preset::from_fragment(Content::embedded, &dom::fragment()) } else { Preset::default() };
    if owns_page {
        dom::report_height_to_parent(&root);
    }
    // The plain start screen index.html shows (own page only), which the app
    // adopts as its start screen when it would show the same.
    let plain = owns_page.then(|| plain_start::shown(&host)).flatten();
    let props = app::AppProps { preset: link.or(page), owns_page, root: Some(root.clone()), plain };
    // The app opens once its language's texts are here: at once where the
    // build carries them or they were handed over, after one fetch of the
    // app's own texts file otherwise (the plain start screen, on the app's
    // own page, shows meanwhile). Should that language not load, English;
    // should nothing load, a sentence in both first languages.
    let lang = app::starting_lang(&props.preset);
    if texts::loaded(lang) {
        open_app(root, props);
    } else {
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = texts::load(lang).await.is_ok() || texts::load(Lang::En).await.is_ok();
            if loaded {
                open_app(root, props);
            } else {
                root.set_inner_html(
                    "<p class=\"oc-notice\" role=\"alert\">This check could not load its texts: check the connection and reload the page. \
                     / De check kon zijn teksten niet laden: controleer de verbinding en laad de pagina opnieuw.</p>",
                );
            }
        });
    }
}

fn open_app(root: web_sys::Element, props: app::AppProps) {
    yew::Renderer::<app::App>::with_root_and_props(root, props).render();
    // The start screen needs only the texts. The rest of the content is read
    // once that screen is drawn, so "Start" does not wait for it.
    dom::after_next_frame(|| {
        Content::embedded();
    });
}
