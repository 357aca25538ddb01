//! `cargo run --bin prerender`: prints the plain start screen that index.html
//! carries before the app runs, one block per language in the order of the
//! language list, rendered by the app's own code (`ui::start::PlainStartScreen`,
//! the same `start_page` and `bar` the app draws) with Yew's server renderer.
//! The release build's post-build step puts it into index.html; the app adopts
//! the block the page shows (src/platform/plain_start.rs).
//!
//! `--settings`: prints the attributes `<objection-check>` observes (JSON),
//! for the embed loader the post-build step writes.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use objection_check::engine::{settings, Lang};
    use objection_check::ui::start::{PlainStartProps, PlainStartScreen};

    if std::env::args().any(|a| a == "--settings") {
        let names: Vec<String> = settings::SETTINGS.iter().chain(&["services"]).map(|s| format!("\"{s}\"")).collect();
        println!("[{}]", names.join(","));
        return;
    }

    let mut out = String::new();
    for lang in Lang::ALL {
        let renderer = yew::ServerRenderer::<PlainStartScreen>::with_props(move || PlainStartProps { lang }).hydratable(false);
        out.push_str(&futures::executor::block_on(renderer.render()));
    }
    print!("{out}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
