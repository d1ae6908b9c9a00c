//! A small YAML writer for imported spec files: block mappings and lists,
//! flow style for short leaves, every string quoted unless it is plainly
//! safe, so that the output reads back as exactly what was written.

use std::fmt::Write;

/// A value to write.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    /// A string.
    Str(String),
    /// A whole number.
    Int(i64),
    /// `true` or `false`.
    Bool(bool),
    /// A list.
    Seq(Vec<Out>),
    /// A mapping, in the order given.
    Map(Vec<(String, Out)>),
}

impl Out {
    /// A string value.
    pub fn str(text: impl Into<String>) -> Self {
        Self::Str(text.into())
    }

    /// An empty mapping, to push entries into.
    pub fn map() -> Self {
        Self::Map(Vec::new())
    }

    /// Adds `key: value` to a mapping (nothing for other values).
    pub fn set(&mut self, key: &str, value: Out) {
        if let Self::Map(entries) = self {
            entries.push((key.to_owned(), value));
        }
    }

    /// Whether it is a leaf, or a mapping or list short enough for one line.
    fn flows(&self) -> bool {
        match self {
            Self::Str(_) | Self::Int(_) | Self::Bool(_) => true,
            Self::Seq(items) => items.is_empty() || (items.len() <= 8 && items.iter().all(is_leaf)),
            Self::Map(entries) => {
                entries.is_empty()
                    || (entries.len() <= 3 && entries.iter().all(|(_, v)| is_leaf(v)))
            }
        }
    }
}

fn is_leaf(value: &Out) -> bool {
    matches!(value, Out::Str(_) | Out::Int(_) | Out::Bool(_))
}

/// A document: `header` (comment lines, each written after `# `), then the
/// mapping `root`.
pub fn document(header: &[String], root: &Out) -> String {
    let mut text = String::new();
    for line in header {
        let _ = writeln!(text, "# {line}");
    }
    if let Out::Map(entries) = root {
        for (key, value) in entries {
            entry(&mut text, 0, key, value);
        }
    }
    text
}

fn entry(text: &mut String, indent: usize, key: &str, value: &Out) {
    let pad = " ".repeat(indent);
    let key = scalar(key);
    if value.flows() {
        let _ = writeln!(text, "{pad}{key}: {}", flow(value));
        return;
    }
    let _ = writeln!(text, "{pad}{key}:");
    block(text, indent + 2, value);
}

fn block(text: &mut String, indent: usize, value: &Out) {
    let pad = " ".repeat(indent);
    match value {
        Out::Map(entries) => {
            for (key, value) in entries {
                entry(text, indent, key, value);
            }
        }
        Out::Seq(items) => {
            for item in items {
                match item {
                    Out::Map(entries) if !item.flows() => {
                        // `- first: …` then the rest under it.
                        let mut inner = String::new();
                        for (key, value) in entries {
                            entry(&mut inner, indent + 2, key, value);
                        }
                        let inner = inner.get(indent + 2..).unwrap_or_default();
                        let _ = write!(text, "{pad}- {inner}");
                    }
                    _ => {
                        let _ = writeln!(text, "{pad}- {}", flow(item));
                    }
                }
            }
        }
        leaf => {
            let _ = writeln!(text, "{pad}{}", flow(leaf));
        }
    }
}

fn flow(value: &Out) -> String {
    match value {
        Out::Str(s) => scalar(s),
        Out::Int(n) => n.to_string(),
        Out::Bool(b) => b.to_string(),
        Out::Seq(items) => {
            let items: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", items.join(", "))
        }
        Out::Map(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", scalar(k), flow(v)))
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
    }
}

/// A string as a YAML scalar: plain when it cannot be read as anything
/// else, otherwise double-quoted with JSON's escapes (a subset of YAML's).
fn scalar(text: &str) -> String {
    let safe_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '/' | '.' | '-' | ':');
    let plain = !text.is_empty()
        && text.chars().all(safe_char)
        && text.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '_')
        && !text.contains(": ")
        && !text.ends_with(':')
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        return text.to_owned();
    }
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            // Outside YAML's printable set, or read as a break or a mark.
            c if c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                let _ = write!(quoted, "\\u{:04x}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_that_read_as_something_else_are_quoted() {
        assert_eq!(scalar("open_id"), "open_id");
        assert_eq!(
            scalar("/open-apis/im/v1/chats/:chat_id"),
            "/open-apis/im/v1/chats/:chat_id"
        );
        assert_eq!(scalar("true"), "\"true\"");
        assert_eq!(scalar("2.0"), "\"2.0\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("发送消息"), "\"发送消息\"");
        assert_eq!(scalar("say \"hi\"\n"), r#""say \"hi\"\n""#);
        assert_eq!(scalar(""), "\"\"");
        assert_eq!(scalar("a\u{2028}b\u{ffff}"), r#""a\u2028b\uffff""#);
    }

    #[test]
    fn nested_mappings_and_lists_are_blocks() {
        let mut root = Out::map();
        root.set("service", Out::str("im"));
        let mut ep = Out::map();
        ep.set("name", Out::str("create"));
        ep.set(
            "tokens",
            Out::Seq(vec![Out::str("tenant"), Out::str("user")]),
        );
        let mut body = Out::map();
        body.set("type", Out::str("object"));
        let mut fields = Out::map();
        let mut f = Out::map();
        f.set("type", Out::str("string"));
        f.set("required", Out::Bool(true));
        fields.set("receive_id", f);
        body.set("fields", fields);
        ep.set("body", body);
        root.set("endpoints", Out::Seq(vec![ep]));
        let text = document(&["header".to_owned()], &root);
        assert_eq!(
            text,
            "# header\nservice: im\nendpoints:\n  - name: create\n    tokens: [tenant, user]\n    body:\n      type: object\n      fields:\n        receive_id: {type: string, required: true}\n"
        );
    }
}
