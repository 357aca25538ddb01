//! The modules of the engine and of the UI depend on each other in one
//! direction only: no module reaches, through others, back to itself. (A
//! circle means neither side can be read, changed or tested on its own.)
use std::collections::BTreeMap;
use std::path::Path;

/// Each module of `dir` and the modules of the same folder it uses
/// (`super::x`, or `crate::<layer>::x`), from its code outside `#[cfg(test)]`.
fn uses(dir: &str, layer: &str) -> BTreeMap<String, Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(&path).unwrap();
        let code = source.split("#[cfg(test)]").next().unwrap();
        let mut deps: Vec<String> = Vec::new();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for prefix in ["super::".to_string(), format!("crate::{layer}::")] {
                let mut rest = line;
                while let Some(i) = rest.find(&prefix) {
                    rest = &rest[i + prefix.len()..];
                    let module: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                    // `super::t` and the like are items of mod.rs, not modules.
                    if root.join(format!("{module}.rs")).exists() && module != name && !deps.contains(&module) {
                        deps.push(module);
                    }
                }
            }
        }
        graph.insert(name, deps);
    }
    graph
}

/// A circle of modules, if there is one.
fn circle(graph: &BTreeMap<String, Vec<String>>) -> Option<Vec<String>> {
    fn visit(m: &str, graph: &BTreeMap<String, Vec<String>>, path: &mut Vec<String>, done: &mut Vec<String>) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut c = path[i..].to_vec();
            c.push(m.to_string());
            return Some(c);
        }
        if done.iter().any(|d| d == m) {
            return None;
        }
        path.push(m.to_string());
        for d in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(d, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.push(m.to_string());
        None
    }
    let mut done = Vec::new();
    graph.keys().find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn engine_modules_have_no_circles() {
    let graph = uses("src/engine", "engine");
    assert!(graph.len() > 10 && graph["condition"].contains(&"vocab".to_string()), "{graph:?}");
    assert_eq!(circle(&graph), None, "{graph:?}");
}

#[test]
fn ui_modules_have_no_circles() {
    let graph = uses("src/ui", "ui");
    assert!(graph["app"].contains(&"state".to_string()), "{graph:?}");
    assert_eq!(circle(&graph), None, "{graph:?}");
}

#[test]
fn a_circle_is_found() {
    let mut graph = uses("src/engine", "engine");
    graph.get_mut("vocab").unwrap().push("assess".into());
    let c = circle(&graph).expect("vocab -> assess -> vocab");
    assert_eq!(c.first(), c.last());
}

/// Whether `line` names the crate or module path `name` (`web_sys::`, `yew;`).
fn names(line: &str, name: &str) -> bool {
    line.match_indices(name).any(|(i, _)| {
        let before = line[..i].chars().next_back();
        let after = line[i + name.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && after.is_some_and(|c| matches!(c, ':' | ';' | ' ' | '{'))
    })
}

/// The engine names no browser crate and no other layer: it is pure Rust,
/// whatever the crate depends on (the browser crates are built natively too,
/// for the prerendered start screen).
#[test]
fn the_engine_names_no_browser_crate_and_no_other_layer() {
    assert!(names("use web_sys::Element;", "web_sys") && names("    yew::html! {", "yew") && names("use crate::ui::t;", "crate::ui"));
    assert!(!names("let my_yew = 1;", "yew") && !names("\"web_sys_like\"", "web_sys"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        for (n, line) in source.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with("//")) {
            for name in ["yew", "web_sys", "js_sys", "wasm_bindgen", "crate::ui", "crate::platform"] {
                if names(line, name) {
                    found.push(format!("{}:{}: {name}", path.file_name().unwrap().to_string_lossy(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:?}");
}
