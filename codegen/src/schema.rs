//! A JSON Schema of the spec format, written from the same declarations the
//! decoder reads (every [`Decode`](crate::decode::Decode) type describes its
//! own shape), so that an editor validates and completes spec YAML with the
//! rules the loader applies.

use std::collections::BTreeMap;
use std::fmt::Write;

/// A JSON value, enough to write a schema.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in the order given.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// An object from pairs.
    pub fn obj<const N: usize>(pairs: [(&str, Json); N]) -> Json {
        Json::Obj(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    }

    /// A string.
    pub fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// Adds a key to an object (no-op on other values).
    pub fn with(mut self, key: &str, value: Json) -> Json {
        if let Json::Obj(pairs) = &mut self {
            pairs.push((key.to_owned(), value));
        }
        self
    }

    /// `{"$ref": "#/$defs/name"}`.
    pub fn reference(name: &str) -> Json {
        Json::obj([("$ref", Json::str(format!("#/$defs/{name}")))])
    }

    /// Written with two-space indentation.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    item.write(out, indent + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            Json::Obj(pairs) if pairs.is_empty() => out.push_str("{}"),
            Json::Obj(pairs) => {
                out.push_str("{\n");
                for (i, (key, value)) in pairs.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    write_str(out, key);
                    out.push_str(": ");
                    value.write(out, indent + 1);
                    out.push_str(if i + 1 < pairs.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The named definitions of a schema, filled as types describe themselves.
#[derive(Debug, Default)]
pub struct Defs {
    defs: BTreeMap<String, Option<Json>>,
}

impl Defs {
    /// A reference to the definition `name`, building it the first time
    /// (recursive types refer to themselves while being built).
    pub fn named(&mut self, name: &str, build: impl FnOnce(&mut Defs) -> Json) -> Json {
        if !self.defs.contains_key(name) {
            self.defs.insert(name.to_owned(), None);
            let def = build(self);
            self.defs.insert(name.to_owned(), Some(def));
        }
        Json::reference(name)
    }

    /// The definitions, by name.
    pub fn into_json(self) -> Json {
        Json::Obj(
            self.defs
                .into_iter()
                .filter_map(|(name, def)| def.map(|d| (name, d)))
                .collect(),
        )
    }
}

/// A YAML scalar the loader reads as text: `2022`, `true` and `18X` are all
/// strings to it, so any scalar is valid where a string is expected.
pub fn scalar() -> Json {
    Json::obj([(
        "type",
        Json::Arr(vec![
            Json::str("string"),
            Json::str("number"),
            Json::str("boolean"),
        ]),
    )])
}

/// A plain description, one line.
pub fn describe(schema: Json, doc: &str) -> Json {
    let doc = doc.split_whitespace().collect::<Vec<_>>().join(" ");
    if doc.is_empty() {
        return schema;
    }
    match schema {
        // A `$ref` keeps its siblings in 2020-12; say what the key is for.
        Json::Obj(mut pairs) => {
            pairs.insert(0, ("description".to_owned(), Json::Str(doc)));
            Json::Obj(pairs)
        }
        other => other,
    }
}
