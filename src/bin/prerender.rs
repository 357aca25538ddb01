//! `cargo run --bin prerender`: prints the plain start screen that index.html
//! carries before the app runs, one block per language in the order of the
//! language list, rendered by the app's own code (`ui::start::PlainStartScreen`,
//! the same `start_page` and `bar` the app draws) with Yew's server renderer.
//! The release build's post-build step puts it into index.html; the app adopts
//! the block the page shows (src/platform/plain_start.rs).
//!
//! `--settings`: prints the attributes `<objection-check>` observes (JSON),
//! for the embed loader the post-build step writes. `--share DIR`: writes
//! each language's link-preview page into DIR (`de.html`, ...;
//! src/ui/share.rs). `--card LANG`: prints the card that language's preview
//! image is rendered from (scripts/og-images).
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use objection_check::engine::{settings, Lang};
    use objection_check::ui::start::{PlainStartProps, PlainStartScreen};

    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--share") => {
            let dir = std::path::Path::new(args.get(1).map_or(".", String::as_str));
            for lang in Lang::ALL {
                let path = dir.join(objection_check::ui::share::page_name(lang));
                if let Err(e) = std::fs::write(&path, objection_check::ui::share::page(lang)) {
                    eprintln!("prerender: {}: {e}", path.display());
                    std::process::exit(1);
                }
            }
            return;
        }
        Some("--card") => {
            match args.get(1).and_then(|l| Lang::from_code(l)) {
                Some(lang) => print!("{}", objection_check::ui::share::card(lang)),
                None => {
                    eprintln!("prerender: --card needs a language: {}", Lang::ALL.map(Lang::code).join(", "));
                    std::process::exit(2);
                }
            }
            return;
        }
        _ => {}
    }
    if args.iter().any(|a| a == "--settings") {
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
