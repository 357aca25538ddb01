//! The browser app: Yew function components, one per screen or widget, over
//! one session reducer ([`state`]). Components only display the engine's
//! results and emit actions; no legal rule lives here.

pub mod app;
pub mod bar;
pub mod check;
pub mod question;
pub mod result;
pub mod start;
pub mod state;

use crate::engine::preset::Preset;
use crate::engine::{Content, Lang};
use crate::platform::dom;

/// A UI text in the session's language.
pub fn t(lang: Lang, id: &str) -> String {
    Content::embedded().text(lang, id).to_string()
}

/// Mounts the app into `[data-objection-check]` (or a new element at the end
/// of `<body>`) and starts it.
pub fn start() {
    let Some(root) = dom::mount_point() else { return };
    let _ = root.class_list().add_1("objection-check");
    // Remove the <noscript> fallback's siblings (nothing else is touched).
    root.set_inner_html("");
    crate::platform::panic::install(root.clone());
    let content = Content::embedded();
    let page = Preset::from_settings(content, |name| dom::setting(&root, name));
    let link = Preset::from_fragment(content, &dom::fragment());
    let props = app::AppProps { preset: link.or(page), owns_page: dom::setting(&root, "keep-title").is_none() };
    yew::Renderer::<app::App>::with_root_and_props(root, props).render();
}
