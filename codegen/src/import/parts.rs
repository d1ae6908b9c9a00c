//! Pieces of an import: reading the source's nodes, and the parts of an
//! endpoint that need no schema (error rows, enum values, paging).

use std::collections::{BTreeMap, HashSet};

use super::out::Out;
use crate::diag::{Diagnostics, SourceFile, Sources};
use crate::yaml::{self, Node, NodeKind};

/// A YAML text read into nodes; its problems as `name:line:col: message`.
pub(super) fn parse(name: &str, source: &str) -> Result<Node, Vec<String>> {
    let mut sources = Sources::default();
    let file = sources.add(SourceFile {
        path: name.into(),
        display: name.to_owned(),
        text: source.to_owned(),
    });
    let mut diags = Diagnostics::default();
    yaml::parse(file, source, &mut diags).ok_or_else(|| diags.render(&sources))
}

pub(super) fn get<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    match &node.kind {
        NodeKind::Map(entries) => entries.iter().find(|(k, _)| k.text == key).map(|(_, v)| v),
        _ => None,
    }
}

pub(super) fn text(node: Option<&Node>) -> Option<&str> {
    match &node?.kind {
        NodeKind::Scalar { text, .. } => Some(text),
        _ => None,
    }
}

pub(super) fn entries(node: Option<&Node>) -> &[(yaml::Key, Node)] {
    match node.map(|n| &n.kind) {
        Some(NodeKind::Map(entries)) => entries,
        _ => &[],
    }
}

pub(super) fn items(node: Option<&Node>) -> &[Node] {
    match node.map(|n| &n.kind) {
        Some(NodeKind::Seq(items)) => items,
        _ => &[],
    }
}

pub(super) fn strings(node: Option<&Node>) -> Vec<String> {
    items(node)
        .iter()
        .filter_map(|n| text(Some(n)).map(str::to_owned))
        .collect()
}

pub(super) fn is_true(node: Option<&Node>) -> bool {
    text(node) == Some("true")
}

/// The error table, a row per code (the first mapping of a code kept),
/// each named from its `msg` and unique in the table. A platform-wide
/// row's name (`platform`, name → code) is not taken for another code,
/// unless the table has that platform row's code itself (it replaces it).
pub(super) fn errors(mappings: Option<&Node>, platform: &BTreeMap<String, i64>) -> Vec<Out> {
    let mut rows = Vec::new();
    let mut codes = HashSet::new();
    let own: HashSet<i64> = items(mappings)
        .iter()
        .filter_map(|m| text(get(m, "code")).and_then(|c| c.parse().ok()))
        .collect();
    let mut names: HashSet<String> = platform
        .iter()
        .filter(|(_, code)| !own.contains(code))
        .map(|(name, _)| name.clone())
        .collect();
    for m in items(mappings) {
        let Some(code) = text(get(m, "code")).and_then(|c| c.parse::<i64>().ok()) else {
            continue;
        };
        let http = text(get(m, "httpCode"))
            .and_then(|c| c.parse::<i64>().ok())
            .unwrap_or(200);
        let message = text(get(m, "msg")).unwrap_or_default();
        if !codes.insert(code) {
            continue;
        }
        // The enum's own variants and helpers keep their names.
        let mut name = crate::check::derived_name(message, code);
        if matches!(name.as_str(), "Unhandled" | "Platform" | "Specs")
            || !names.insert(name.clone())
        {
            name = format!("Code{code}");
            names.insert(name.clone());
        }
        let mut row = Out::map();
        row.set("code", Out::Int(code));
        row.set("name", Out::str(name));
        row.set("http", Out::Int(http));
        row.set("message", Out::str(message));
        rows.push(row);
    }
    rows
}

/// An enum's values, each once; a value that makes no variant name by the
/// spec's rule (`1`, `unknown`) gets one: `Value1`, `UnknownValue`, and a
/// name met twice gets the value's position after it.
pub(super) fn enum_out<'a>(values: impl Iterator<Item = &'a str>, integer: bool) -> Out {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut names = HashSet::new();
    for value in values {
        if !seen.insert(value) {
            continue;
        }
        let derived = crate::check::names::pascal_for_value(value);
        let mut name = match derived.as_deref() {
            Some("Unknown") => "UnknownValue".to_owned(),
            Some(name) => name.to_owned(),
            None => {
                let digits: String = value
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .collect();
                crate::check::names::pascal(&format!("value_{digits}"))
            }
        };
        let base = name.clone();
        let mut n = out.len();
        while !names.insert(name.clone()) {
            name = format!("{base}{n}");
            n += 1;
        }
        let wire = match value.parse::<i64>() {
            Ok(n) if integer => Out::Int(n),
            _ => Out::str(value),
        };
        if !integer && derived.as_deref() == Some(name.as_str()) {
            out.push(wire);
        } else {
            let mut v = Out::map();
            v.set("value", wire);
            v.set("name", Out::str(name));
            out.push(v);
        }
    }
    Out::Seq(out)
}

/// The value under `key` in a mapping.
pub(super) fn field<'a>(out: &'a Out, key: &str) -> Option<&'a Out> {
    match out {
        Out::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

pub(super) fn field_mut<'a>(out: &'a mut Out, key: &str) -> Option<&'a mut Out> {
    match out {
        Out::Map(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn type_of(out: Option<&Out>) -> Option<&str> {
    match field(out?, "type")? {
        Out::Str(s) => Some(s),
        _ => None,
    }
}

/// `pagination` for a list the metadata flags as paged, when it has the
/// shape the spec pages by (a `page_token` query parameter; `has_more`,
/// `page_token` and one array in the answer): `{}`, or `{items: name}`
/// when the array is not called `items`. `None` otherwise.
pub(super) fn pagination(ep: &Out) -> Option<Out> {
    let query = field(ep, "query")?;
    if type_of(field(query, "page_token")) != Some("string") {
        return None;
    }
    let fields = field(field(ep, "response")?, "fields")?;
    if type_of(field(fields, "has_more")) != Some("boolean")
        || type_of(field(fields, "page_token")) != Some("string")
    {
        return None;
    }
    let Out::Map(entries) = fields else {
        return None;
    };
    let arrays: Vec<&str> = entries
        .iter()
        .filter(|(_, v)| type_of(Some(v)) == Some("array"))
        .map(|(k, _)| k.as_str())
        .collect();
    let mut out = Out::map();
    match arrays.as_slice() {
        ["items"] => {}
        [one] => out.set("items", Out::str(*one)),
        many if many.contains(&"items") => {}
        _ => return None,
    }
    Some(out)
}
