//! The source tree keeps its shape: no source file over 600 lines (the
//! golden expansions aside), and no two sibling modules of a crate that
//! import each other, directly or round a longer loop.
//!
//! Imports are read from `use crate::…`, `use super::…` and paths written in
//! full (`crate::api::Reply`), with braces expanded and a crate root's
//! re-exports (`pub use shared::Shared`) followed to the module they name.
//! An edge from `a::x` to `b::y` is an edge between the siblings `a` and `b`;
//! a module using its parent or its child is not a loop.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lark_tests::workspace;

/// The crates' source folders.
const CRATES: &[&str] = &[
    "codegen/src",
    "codegen/macro/src",
    "codegen/cli/src",
    "runtime/src",
    "generated-sdk/src",
    "devserver/src",
    "demo/src",
    "examples/helpdesk/src",
    "tests/src",
    "benches/src",
];

const MAX_LINES: usize = 600;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_is_over_600_lines() {
    let root = workspace();
    let mut files = Vec::new();
    for dir in CRATES.iter().chain(&["tests/tests", "benches/benches"]) {
        rust_files(&root.join(dir), &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(f).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(files.len() > 50, "found only {} files", files.len());
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:#?}");
}

type Module = Vec<String>;

/// A file's module path in its crate: `api/mod.rs` is `api`, `lib.rs` is the root.
fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The text a file's imports are read from: comments and `mod tests` dropped.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Splits a use tree's inside (`a, b::{c, d}, e as f`) into paths.
fn expand(prefix: &[String], tree: &str, out: &mut Vec<Module>) {
    let mut depth = 0;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, c) in tree.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&tree[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&tree[start..]);
    for part in parts {
        let part = part.trim();
        let part = part.split(" as ").next().unwrap_or(part).trim();
        if part.is_empty() {
            continue;
        }
        if let Some((head, rest)) = part.split_once('{') {
            let mut p = prefix.to_vec();
            p.extend(segments(head));
            expand(&p, rest.strip_suffix('}').unwrap_or(rest), out);
        } else {
            let mut p = prefix.to_vec();
            p.extend(segments(part));
            out.push(p);
        }
    }
}

fn segments(path: &str) -> impl Iterator<Item = String> + '_ {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path starting at `crate`, `super` or `self` in a file's code.
fn paths_in(code: &str) -> Vec<Module> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .find(|k| code_at(&bytes, i, k))
            .filter(|_| i == 0 || !is_ident_char(bytes[i - 1]));
        let Some(_) = starts else {
            i += 1;
            continue;
        };
        // Read `a::b::c` or `a::b::{…}`.
        let mut j = i;
        let mut path = String::new();
        while j < bytes.len() && (is_ident_char(bytes[j]) || bytes[j] == ':') {
            path.push(bytes[j]);
            j += 1;
        }
        if j < bytes.len() && bytes[j] == '{' && path.ends_with("::") {
            let mut depth = 0;
            let mut k = j;
            loop {
                match bytes[k] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                k += 1;
                if depth == 0 || k == bytes.len() {
                    break;
                }
            }
            let inner: String = bytes[j + 1..k - 1].iter().collect();
            let prefix: Module = segments(&path).collect();
            expand(&prefix, &inner, &mut out);
            i = k;
        } else {
            out.push(segments(&path).collect());
            i = j;
        }
    }
    out
}

fn code_at(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, c)| chars.get(at + k) == Some(&c))
}

/// Sibling-module edges of one crate.
fn sibling_edges(src: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let has_lib = src.join("lib.rs").exists();
    let modules: BTreeMap<Module, String> = files
        .iter()
        // A package's binary is a crate of its own beside its library.
        .filter(|f| !(has_lib && f.parent() == Some(src) && f.ends_with("main.rs")))
        .map(|f| {
            (
                module_of(src, f),
                code_of(&std::fs::read_to_string(f).unwrap()),
            )
        })
        .collect();

    // `pub use x::Y` in a module: `module::Y` is in `module::x`.
    let mut reexports: BTreeMap<Module, Module> = BTreeMap::new();
    for (module, code) in &modules {
        for line in code.split(';') {
            let Some(tree) = line.trim().strip_prefix("pub use ") else {
                continue;
            };
            let mut paths = Vec::new();
            expand(&[], tree, &mut paths);
            for p in paths {
                let mut child = module.clone();
                child.push(p[0].clone());
                if p.len() > 1 && modules.contains_key(&child) {
                    let mut name = module.clone();
                    name.push(p[p.len() - 1].clone());
                    let mut target = module.clone();
                    target.extend(p[..p.len() - 1].iter().cloned());
                    reexports.insert(name, target);
                }
            }
        }
    }
    let resolve = |path: &[String]| -> Module {
        for k in (0..=path.len()).rev() {
            if modules.contains_key(&path[..k]) {
                if let Some(target) = (k < path.len())
                    .then(|| reexports.get(&path[..=k]))
                    .flatten()
                {
                    return target.clone();
                }
                return path[..k].to_vec();
            }
        }
        Vec::new()
    };

    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, code) in &modules {
        for path in paths_in(code) {
            let absolute: Module = match path[0].as_str() {
                "crate" => path[1..].to_vec(),
                "self" => module.iter().chain(&path[1..]).cloned().collect(),
                _ => {
                    let ups = path.iter().take_while(|s| *s == "super").count();
                    let base = &module[..module.len().saturating_sub(ups)];
                    base.iter().chain(&path[ups..]).cloned().collect()
                }
            };
            let target = resolve(&absolute);
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common == module.len() || common == target.len() {
                continue; // itself, a parent or a child
            }
            edges
                .entry(module[..=common].to_vec())
                .or_default()
                .insert(target[..=common].to_vec());
        }
    }
    edges
}

/// A loop in the graph, if there is one.
fn find_loop(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        node: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        done: &mut BTreeSet<Module>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut found = stack[at..].to_vec();
            found.push(node.clone());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, done, stack) {
                return Some(found);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(found) = visit(node, edges, &mut done, &mut Vec::new()) {
            return Some(found);
        }
    }
    None
}

#[test]
fn no_two_modules_import_each_other() {
    let root = workspace();
    let mut loops = Vec::new();
    let mut edge_count = 0;
    for dir in CRATES {
        let edges = sibling_edges(&root.join(dir));
        edge_count += edges.values().map(BTreeSet::len).sum::<usize>();
        if let Some(found) = find_loop(&edges) {
            let names: Vec<String> = found.iter().map(|m| m.join("::")).collect();
            loops.push(format!("{dir}: {}", names.join(" -> ")));
        }
    }
    assert!(edge_count > 40, "read only {edge_count} imports");
    assert!(loops.is_empty(), "modules importing each other: {loops:#?}");
}

#[test]
fn the_import_reader_sees_loops() {
    let code = "use crate::{api::Reply, ws};\nuse super::super::world::Member;\nfn f() { crate::shared::lock(); }";
    let paths = paths_in(code);
    assert_eq!(
        paths,
        vec![
            vec!["crate", "api", "Reply"],
            vec!["crate", "ws"],
            vec!["super", "super", "world", "Member"],
            vec!["crate", "shared", "lock"],
        ]
    );
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<Module>();
    let mut edges = BTreeMap::new();
    edges.insert(m("a"), BTreeSet::from([m("b")]));
    edges.insert(m("b"), BTreeSet::from([m("c")]));
    edges.insert(m("c"), BTreeSet::from([m("a")]));
    assert_eq!(
        find_loop(&edges),
        Some(vec![m("a"), m("b"), m("c"), m("a")])
    );
    edges.remove(&m("c"));
    assert_eq!(find_loop(&edges), None);
}
