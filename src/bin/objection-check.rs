//! The browser app's entry point (built by Trunk). Natively it only explains itself.
#[cfg(target_arch = "wasm32")]
fn main() {
    objection_check::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("objection-check is a browser app: run ./scripts/serve. For the engine, use `cargo run --bin assess`.");
}
