//! The browser app's entry point (built by Trunk). Natively it only explains itself.
#[cfg(target_arch = "wasm32")]
fn main() {
    objection_check::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("objection-check is a browser app: run ./scripts/serve. For the engine, use `cargo run --bin assess`.");
}

/// Talc instead of the standard library's dlmalloc: the same job in far less
/// code (the download is smaller by several KB of gzip) and faster.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
