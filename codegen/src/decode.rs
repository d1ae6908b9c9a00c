//! Reading the spec's own types out of the positioned YAML tree.
//!
//! Decoding never stops at the first problem: a wrong or missing value is
//! recorded and replaced by a stand-in, and the rest of the file is still read.
//! The spec types are declared once with `spec_struct!` and `keywords!`,
//! which also record each key's documentation for the format reference.

use crate::diag::{Diagnostics, Loc, did_you_mean, one_of};
use crate::schema::{Defs, Json};
use crate::yaml::{Node, NodeKind};

/// What decoding writes its problems into.
pub struct Cx<'a> {
    /// The collector.
    pub diags: &'a mut Diagnostics,
}

impl Cx<'_> {
    /// Records a problem.
    pub fn error(&mut self, loc: Loc, message: impl Into<String>) {
        self.diags.error(loc, message);
    }

    /// The entries of a mapping, or a recorded problem.
    pub fn map<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
    ) -> Option<&'n [(crate::yaml::Key, Node)]> {
        match &node.kind {
            NodeKind::Map(entries) => Some(entries),
            _ => {
                self.error(
                    node.loc,
                    format!("expected a mapping ({what}), found {}", node.describe()),
                );
                None
            }
        }
    }

    /// Records an unknown key with the likely intended one, which it returns
    /// so that the intended key is not also reported missing.
    pub fn unknown_key<'k>(
        &mut self,
        key: &crate::yaml::Key,
        what: &str,
        known: &[&'k str],
    ) -> Option<&'k str> {
        let close = did_you_mean(&key.text, known.iter().copied());
        let message = match close {
            Some(close) => format!(
                "unknown key `{}` in {what} (did you mean `{close}`?)",
                key.text
            ),
            None => format!(
                "unknown key `{}` in {what} (expected {})",
                key.text,
                one_of(known.iter().copied())
            ),
        };
        self.error(key.loc, message);
        close
    }
}

/// A spec type read from YAML.
pub trait Decode: Sized + Default {
    /// What the reference calls a valid value: "a string", "an HTTP method".
    const EXPECTED: &'static str;

    /// Reads a value, recording any problem; `None` when nothing usable is there.
    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self>;

    /// What a valid value is, for the format reference ("a list of strings").
    fn describe() -> String {
        Self::EXPECTED.to_owned()
    }

    /// What a valid value is, as JSON Schema (named parts go into `defs`).
    fn schema(defs: &mut Defs) -> Json;

    /// The stand-in for a value that is missing or cannot be read (already
    /// reported), at `loc` (a [`Loc::stand_in`]).
    fn placeholder(_loc: Loc) -> Self {
        Self::default()
    }
}

/// A value with the place it was written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub loc: Loc,
}

impl<T> Spanned<T> {
    /// Pairs a value with a place.
    pub fn new(value: T, loc: Loc) -> Self {
        Self { value, loc }
    }
}

impl<T: Decode> Decode for Spanned<T> {
    const EXPECTED: &'static str = T::EXPECTED;

    fn describe() -> String {
        T::describe()
    }

    fn schema(defs: &mut Defs) -> Json {
        T::schema(defs)
    }

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        T::decode(node, cx).map(|value| Spanned {
            value,
            loc: node.loc,
        })
    }

    fn placeholder(loc: Loc) -> Self {
        Spanned {
            value: T::placeholder(loc),
            loc,
        }
    }
}

/// The text of a scalar, or a recorded problem naming what was expected.
pub fn scalar<'n>(node: &'n Node, expected: &str, cx: &mut Cx<'_>) -> Option<&'n str> {
    match &node.kind {
        NodeKind::Scalar { text, .. } if !node.is_null() => Some(text),
        _ => {
            cx.error(
                node.loc,
                format!("expected {expected}, found {}", node.describe()),
            );
            None
        }
    }
}

impl Decode for String {
    const EXPECTED: &'static str = "a string";

    fn schema(_: &mut Defs) -> Json {
        crate::schema::scalar()
    }

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        scalar(node, Self::EXPECTED, cx).map(str::to_owned)
    }
}

impl Decode for bool {
    const EXPECTED: &'static str = "`true` or `false`";

    fn schema(_: &mut Defs) -> Json {
        Json::obj([("type", Json::str("boolean"))])
    }

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        let text = scalar(node, Self::EXPECTED, cx)?;
        match text {
            "true" | "True" | "TRUE" => Some(true),
            "false" | "False" | "FALSE" => Some(false),
            other => {
                cx.error(
                    node.loc,
                    format!("expected {}, found `{other}`", Self::EXPECTED),
                );
                None
            }
        }
    }
}

macro_rules! decode_integer {
    ($($ty:ty => $expected:literal, $bounds:expr),* $(,)?) => {$(
        impl Decode for $ty {
            const EXPECTED: &'static str = $expected;

            fn schema(_: &mut Defs) -> Json {
                let schema = Json::obj([("type", Json::str("integer"))]);
                match $bounds {
                    Some((min, max)) => schema
                        .with("minimum", Json::Int(min))
                        .with("maximum", Json::Int(max)),
                    None => schema,
                }
            }

            fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
                let text = scalar(node, Self::EXPECTED, cx)?;
                match text.replace('_', "").parse::<$ty>() {
                    Ok(v) => Some(v),
                    Err(_) => {
                        cx.error(node.loc, format!("expected {}, found `{text}`", Self::EXPECTED));
                        None
                    }
                }
            }
        }
    )*};
}

decode_integer! {
    u16 => "a whole number from 0 to 65535", Some((0, 65_535)),
    u32 => "a whole number from 0 to 4294967295", Some((0, 4_294_967_295)),
    u64 => "a whole number from 0", Some((0, i64::MAX)),
    i64 => "a whole number", None::<(i64, i64)>,
}

impl<T: Decode> Decode for Vec<T> {
    const EXPECTED: &'static str = "a list";

    fn describe() -> String {
        format!("a list of: {}", T::describe())
    }

    fn schema(defs: &mut Defs) -> Json {
        Json::obj([("type", Json::str("array")), ("items", T::schema(defs))])
    }

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        match &node.kind {
            NodeKind::Seq(items) => Some(items.iter().filter_map(|n| T::decode(n, cx)).collect()),
            _ => {
                cx.error(
                    node.loc,
                    format!(
                        "expected a list (of {}), found {}",
                        T::EXPECTED,
                        node.describe()
                    ),
                );
                None
            }
        }
    }
}

/// A list that must hold at least one item.
#[derive(Clone, Debug)]
pub struct NonEmpty<T>(pub Vec<T>);

impl<T> Default for NonEmpty<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T: Decode> Decode for NonEmpty<T> {
    const EXPECTED: &'static str = "a list of at least one item";

    fn describe() -> String {
        format!("a non-empty list of: {}", T::describe())
    }

    fn schema(defs: &mut Defs) -> Json {
        Vec::<T>::schema(defs).with("minItems", Json::Int(1))
    }

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        let items = Vec::<T>::decode(node, cx)?;
        if matches!(&node.kind, NodeKind::Seq(seq) if seq.is_empty()) {
            cx.error(
                node.loc,
                format!(
                    "expected at least one {}",
                    T::EXPECTED
                        .trim_start_matches("a ")
                        .trim_start_matches("an ")
                ),
            );
        }
        Some(NonEmpty(items))
    }
}

/// A mapping from names the spec author chooses to values, in source order.
#[derive(Clone, Debug)]
pub struct Entries<T> {
    /// The entries; keys are unique (the YAML layer refuses duplicates).
    pub items: Vec<(Spanned<String>, T)>,
}

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Self { items: Vec::new() }
    }
}

impl<T> Entries<T> {
    /// Iterates over the entries.
    pub fn iter(&self) -> impl Iterator<Item = &(Spanned<String>, T)> {
        self.items.iter()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<T: Decode> Decode for Entries<T> {
    const EXPECTED: &'static str = "a mapping of names to definitions";

    fn describe() -> String {
        format!("a mapping of names to: {}", T::describe())
    }

    fn schema(defs: &mut Defs) -> Json {
        Json::obj([
            ("type", Json::str("object")),
            ("additionalProperties", T::schema(defs)),
        ])
    }

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        let entries = cx.map(node, "names to definitions")?;
        let items = entries
            .iter()
            .filter_map(|(key, value)| {
                T::decode(value, cx).map(|v| (Spanned::new(key.text.clone(), key.loc), v))
            })
            .collect();
        Some(Entries { items })
    }
}

/// One key of a spec mapping, for the format reference.
#[derive(Clone, Copy, Debug)]
pub struct KeyDoc {
    /// The key as written in YAML.
    pub name: &'static str,
    /// What it means.
    pub doc: &'static str,
    /// Whether it must be present.
    pub required: bool,
    /// What values it takes.
    pub expected: fn() -> String,
}

/// A spec mapping whose keys are documented.
pub trait Documented {
    /// What the reference calls it ("endpoint").
    const WHAT: &'static str;
    /// What it is.
    const DOC: &'static str;
    /// Its keys.
    const KEYS: &'static [KeyDoc];
}

/// Declares a spec mapping: the struct, its decoder and its key documentation.
///
/// Each key is `req` (must be present), `opt` (stored as `Option`) or `def`
/// (falls back to `Default` when absent).
macro_rules! spec_struct {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident as $what:literal {
            $(
                $(#[doc = $fdoc:literal])*
                $kind:ident $field:ident : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, Default)]
        pub struct $name {
            /// Where the mapping starts.
            pub loc: $crate::diag::Loc,
            $(
                $(#[doc = $fdoc])*
                pub $field: spec_struct!(@ty $kind $ty),
            )*
        }

        impl $crate::decode::Documented for $name {
            const WHAT: &'static str = $what;
            const DOC: &'static str = concat!($($doc, "\n"),*);
            const KEYS: &'static [$crate::decode::KeyDoc] = &[$(
                $crate::decode::KeyDoc {
                    name: stringify!($field),
                    doc: concat!($($fdoc, "\n"),*),
                    required: spec_struct!(@required $kind),
                    expected: <$ty as $crate::decode::Decode>::describe,
                },
            )*];
        }

        impl $crate::decode::Decode for $name {
            const EXPECTED: &'static str = concat!("a mapping (", $what, ")");

            fn placeholder(loc: $crate::diag::Loc) -> Self {
                Self { loc, ..Default::default() }
            }

            fn schema(defs: &mut $crate::schema::Defs) -> $crate::schema::Json {
                use $crate::schema::{Json, describe};
                defs.named(stringify!($name), |defs| {
                    let mut properties: Vec<(String, Json)> = Vec::new();
                    let mut required: Vec<Json> = Vec::new();
                    $(
                        properties.push((
                            stringify!($field).to_owned(),
                            describe(
                                <$ty as $crate::decode::Decode>::schema(defs),
                                concat!($($fdoc, "\n"),*),
                            ),
                        ));
                        if spec_struct!(@required $kind) {
                            required.push(Json::str(stringify!($field)));
                        }
                    )*
                    let schema = Json::obj([("type", Json::str("object"))])
                        .with("properties", Json::Obj(properties))
                        .with("additionalProperties", Json::Bool(false));
                    let schema = if required.is_empty() {
                        schema
                    } else {
                        schema.with("required", Json::Arr(required))
                    };
                    describe(schema, concat!($($doc, "\n"),*))
                })
            }

            fn decode(node: &$crate::yaml::Node, cx: &mut $crate::decode::Cx<'_>) -> Option<Self> {
                let entries = cx.map(node, $what)?;
                let mut out = Self { loc: node.loc, ..Default::default() };
                let mut misspelt: Vec<&str> = Vec::new();
                for (key, value) in entries {
                    match key.text.as_str() {
                        $(
                            stringify!($field) => spec_struct!(@decode $kind out.$field, $ty, value, cx),
                        )*
                        _ => misspelt.extend(cx.unknown_key(key, $what, &[$(stringify!($field)),*])),
                    }
                }
                $(
                    spec_struct!(@missing $kind out.$field, stringify!($field), $ty, entries, misspelt, node, cx, $what);
                )*
                Some(out)
            }
        }
    };

    (@ty req $ty:ty) => { $ty };
    (@ty def $ty:ty) => { $ty };
    (@ty opt $ty:ty) => { Option<$ty> };

    (@required req) => { true };
    (@required def) => { false };
    (@required opt) => { false };

    // A value that cannot be read is reported, and replaced by a stand-in
    // (at `Loc::stand_in`, so that checks of it report nothing more).
    (@decode opt $place:expr, $ty:ty, $value:expr, $cx:expr) => {{
        if !$value.is_null() {
            $place = Some(<$ty as $crate::decode::Decode>::decode($value, $cx).unwrap_or_else(|| {
                <$ty as $crate::decode::Decode>::placeholder($value.loc.stand_in())
            }));
        }
    }};
    (@decode $kind:ident $place:expr, $ty:ty, $value:expr, $cx:expr) => {{
        $place = <$ty as $crate::decode::Decode>::decode($value, $cx).unwrap_or_else(|| {
            <$ty as $crate::decode::Decode>::placeholder($value.loc.stand_in())
        });
    }};

    (@missing req $place:expr, $name:expr, $ty:ty, $entries:expr, $misspelt:expr, $node:expr, $cx:expr, $what:expr) => {
        if !$entries.iter().any(|(k, _)| k.text == $name) {
            if !$misspelt.contains(&$name) {
                $cx.error($node.loc, format!("missing required key `{}` in {}", $name, $what));
            }
            $place = <$ty as $crate::decode::Decode>::placeholder($node.loc.stand_in());
        }
    };
    (@missing $kind:ident $place:expr, $name:expr, $ty:ty, $entries:expr, $misspelt:expr, $node:expr, $cx:expr, $what:expr) => {};
}

/// Declares a closed set of spec keywords (an HTTP method, a token type).
macro_rules! keywords {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident as $what:literal {
            $(
                $(#[doc = $vdoc:literal])*
                $variant:ident = $text:literal
            ),+ $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            #[default]
            $(
                $(#[doc = $vdoc])*
                $variant,
            )+
        }

        impl $name {
            /// Every keyword with its spelling.
            pub const ALL: &'static [(&'static str, $name)] = &[$(($text, $name::$variant)),+];

            /// The spelling in the spec.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl $crate::decode::Decode for $name {
            const EXPECTED: &'static str = concat!($what, ": ", keywords!(@list $($text),+));

            fn schema(_: &mut $crate::schema::Defs) -> $crate::schema::Json {
                use $crate::schema::Json;
                Json::obj([("enum", Json::Arr(vec![$(Json::str($text)),+]))])
            }

            fn decode(node: &$crate::yaml::Node, cx: &mut $crate::decode::Cx<'_>) -> Option<Self> {
                let text = $crate::decode::scalar(node, $what, cx)?;
                if let Some((_, k)) = Self::ALL.iter().find(|(t, _)| *t == text) {
                    return Some(*k);
                }
                let names = Self::ALL.iter().map(|(t, _)| *t);
                let hint = match $crate::diag::did_you_mean(text, names.clone()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("expected {}", $crate::diag::one_of(names)),
                };
                cx.error(node.loc, format!("unknown {} `{text}` ({hint})", $what));
                None
            }
        }
    };
    (@list $first:literal $(, $rest:literal)*) => { concat!("`", $first, "`" $(, ", `", $rest, "`")*) };
}

pub(crate) use {keywords, spec_struct};
