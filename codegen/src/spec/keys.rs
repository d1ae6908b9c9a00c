//! The tables of the type-expression format: the built-in types, the roles a
//! type expression stands in, and one entry per key carrying the roles that
//! allow it, its documentation, its decoder and its JSON Schema. Decoding,
//! the JSON Schema and the reference are all read from these tables.

use super::{EnumValue, Field, Schema, Text};
use crate::decode::{Cx, Decode, Entries, Spanned};
use crate::schema::{Defs, Json, describe, scalar as any_scalar};
use crate::yaml::Node;
use Role::{Body, Field as FieldRole, Header, Items, PathParam, Query, TypeDef};

/// A built-in type of a type expression's `type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// `string`
    String,
    /// `int32`
    Int32,
    /// `int64`
    Int64,
    /// `number`
    Number,
    /// `boolean`
    Boolean,
    /// `timestamp_ms`: milliseconds, sent as a string.
    TimestampMs,
    /// `any`: free-form JSON.
    Any,
    /// `object`, with `fields`.
    Object,
    /// `enum`, with `values`.
    Enum,
    /// `array`, with `items`.
    Array,
    /// `map` with string keys, with `items`.
    Map,
    /// `binary`: a file: a field of an upload's body, or an endpoint's
    /// `response` (a download).
    Binary,
    /// `union`: one of several types, told by a sibling tag field.
    Union,
}

/// Every built-in type: its spelling, and a note for the reference.
pub const BUILTIN_TYPES: &[(&str, Builtin, Option<&str>)] = &[
    ("string", Builtin::String, None),
    ("int32", Builtin::Int32, None),
    ("int64", Builtin::Int64, None),
    ("number", Builtin::Number, None),
    ("boolean", Builtin::Boolean, None),
    (
        "timestamp_ms",
        Builtin::TimestampMs,
        Some("milliseconds sent as a string"),
    ),
    ("any", Builtin::Any, Some("free-form JSON")),
    ("object", Builtin::Object, None),
    ("enum", Builtin::Enum, None),
    ("array", Builtin::Array, None),
    ("map", Builtin::Map, Some("string keys")),
    (
        "binary",
        Builtin::Binary,
        Some("a file: a field of a `multipart/form-data` body, or a `response` that is a download"),
    ),
    (
        "union",
        Builtin::Union,
        Some("a named type: one of several, told by a tag field beside it"),
    ),
];

impl Builtin {
    /// The built-in type spelled `name`.
    pub fn named(name: &str) -> Option<Builtin> {
        BUILTIN_TYPES
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, b, _)| *b)
    }

    /// Its spelling in the spec.
    pub fn name(self) -> &'static str {
        BUILTIN_TYPES
            .iter()
            .find(|(_, b, _)| *b == self)
            .map_or("", |(n, _, _)| *n)
    }

    /// Every spelling, in reference order.
    pub fn names() -> impl Iterator<Item = &'static str> + Clone {
        BUILTIN_TYPES.iter().map(|(n, _, _)| *n)
    }
}

/// Where a type expression stands, which decides the keys it may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A named type under `types:`.
    TypeDef,
    /// A field of an object or event.
    Field,
    /// The element type of an array or map (`items`).
    Items,
    /// A path parameter.
    PathParam,
    /// A query parameter.
    Query,
    /// A request header.
    Header,
    /// A request body or response `data`.
    Body,
}

impl Role {
    /// Every role, in reference order.
    pub const ALL: [Role; 7] = [
        Role::TypeDef,
        Role::Field,
        Role::Items,
        Role::PathParam,
        Role::Query,
        Role::Header,
        Role::Body,
    ];

    /// What the role is called in messages.
    pub fn what(self) -> &'static str {
        match self {
            Role::TypeDef => "type definition",
            Role::Field => "field",
            Role::Items => "items",
            Role::PathParam => "path parameter",
            Role::Query => "query parameter",
            Role::Header => "header",
            Role::Body => "body",
        }
    }

    /// Whether a type expression in this role may have the key.
    pub fn allows(self, key: &TypeKey) -> bool {
        key.roles.contains(&self)
    }
}

/// The documentation of a key of a type expression.
#[derive(Clone, Copy, Debug)]
pub enum KeyDocs {
    /// The text as it is.
    Text(&'static str),
    /// The text after the list of [`BUILTIN_TYPES`] and their notes.
    AfterBuiltins(&'static str),
}

/// One key of a type expression.
#[derive(Clone, Copy, Debug)]
pub struct TypeKey {
    /// Its spelling.
    pub name: &'static str,
    /// What it means, for the reference and the JSON Schema.
    pub docs: KeyDocs,
    /// The roles in which a type expression may have it.
    pub roles: &'static [Role],
    /// Every type expression needs it.
    pub required: bool,
    /// The built-in types it belongs to; empty when it goes with any type.
    pub goes_with: &'static [Builtin],
    /// The types it goes with need it (`fields`, `values`, `items`).
    pub needed: bool,
    /// Reads its value into the type expression.
    pub decode: fn(&Node, &mut Cx<'_>, &mut Schema),
    /// The JSON Schema of its value.
    pub schema: fn(&mut Defs) -> Json,
}

impl TypeKey {
    /// Its documentation as one text.
    pub fn doc(&self) -> String {
        match self.docs {
            KeyDocs::Text(text) => text.to_owned(),
            KeyDocs::AfterBuiltins(text) => {
                let mut list: Vec<String> = BUILTIN_TYPES
                    .iter()
                    .map(|(name, _, note)| match note {
                        Some(note) => format!("`{name}` ({note})"),
                        None => format!("`{name}`"),
                    })
                    .collect();
                list.push(text.to_owned());
                list.join(", ")
            }
        }
    }

    /// `` `type: object` ``, or `` `type: array` or `type: map` ``: the
    /// types the key goes with, for messages.
    pub fn owners(&self) -> String {
        let owners: Vec<String> = self
            .goes_with
            .iter()
            .map(|b| format!("`type: {}`", b.name()))
            .collect();
        owners.join(" or ")
    }
}

/// Where a bound (`minimum`, `max_length`, …) may be given: the places a
/// request's values are set.
const BOUNDED: &[Role] = &[FieldRole, PathParam, Query, Header];

/// Every key of a type expression, in reference order.
pub const TYPE_KEYS: &[TypeKey] = &[
    TypeKey {
        name: "type",
        docs: KeyDocs::AfterBuiltins(
            "or the name of a type (`Emoji`, or `im.v1.Emoji` from another module). Required.",
        ),
        roles: &Role::ALL,
        required: true,
        goes_with: &[],
        needed: false,
        decode: |value, cx, out| out.ty = Spanned::decode(value, cx).unwrap_or_default(),
        schema: |_| {
            let builtin =
                Json::obj([("enum", Json::Arr(Builtin::names().map(Json::str).collect()))]);
            let named = Json::obj([
                ("type", Json::str("string")),
                (
                    "pattern",
                    Json::str("^([a-z][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9]*$"),
                ),
            ]);
            Json::obj([("anyOf", Json::Arr(vec![builtin, named]))])
        },
    },
    TypeKey {
        name: "description",
        docs: KeyDocs::Text("What it is (text, `zh`/`en`)."),
        roles: &Role::ALL,
        required: false,
        goes_with: &[],
        needed: false,
        decode: |value, cx, out| out.description = Text::decode(value, cx),
        schema: Text::schema,
    },
    TypeKey {
        name: "type_name",
        docs: KeyDocs::Text(
            "PascalCase name of the Rust type of an inline `object` or `enum`; defaults to the \
             parent's name + the field's name.",
        ),
        roles: &[FieldRole, Items, PathParam, Query, Body],
        required: false,
        goes_with: &[],
        needed: false,
        decode: |value, cx, out| out.type_name = Spanned::decode(value, cx),
        schema: |_| any_scalar(),
    },
    TypeKey {
        name: "fields",
        docs: KeyDocs::Text(
            "With `type: object`: the fields, a mapping of JSON names to type expressions.",
        ),
        roles: &[TypeDef, FieldRole, Items, Body],
        required: false,
        goes_with: &[Builtin::Object],
        needed: true,
        decode: |value, cx, out| {
            out.fields = Some(Entries::decode(value, cx).unwrap_or_default());
        },
        schema: Entries::<Field>::schema,
    },
    TypeKey {
        name: "values",
        docs: KeyDocs::Text(
            "With `type: enum`: the documented values (a value, or `value`/`name`/`description`). \
             Enums are open: a value not listed is kept, not rejected.",
        ),
        roles: &[TypeDef, FieldRole, Items, PathParam, Query, Body],
        required: false,
        goes_with: &[Builtin::Enum],
        needed: true,
        decode: |value, cx, out| out.values = Some(Vec::decode(value, cx).unwrap_or_default()),
        schema: Vec::<EnumValue>::schema,
    },
    TypeKey {
        name: "repr",
        docs: KeyDocs::Text(
            "With `type: enum`: `string` (the default) or `integer`, for enums whose values are \
             JSON numbers (`values: [{value: 0, name: Pending}]`). Integer enums are open too: a \
             number not listed is kept.",
        ),
        roles: &[TypeDef, FieldRole, Items, PathParam, Query, Body],
        required: false,
        goes_with: &[Builtin::Enum],
        needed: false,
        decode: |value, cx, out| out.repr = Spanned::decode(value, cx),
        schema: Spanned::<super::Repr>::schema,
    },
    TypeKey {
        name: "items",
        docs: KeyDocs::Text("With `type: array` or `type: map`: the type of the elements."),
        roles: &[TypeDef, FieldRole, Items, Query, Body],
        required: false,
        goes_with: &[Builtin::Array, Builtin::Map],
        needed: true,
        decode: |value, cx, out| {
            out.items = Schema::decode_as(value, Role::Items, cx).map(Box::new);
        },
        schema: |defs| defs.named("Items", |defs| Schema::json(Role::Items, defs)),
    },
    TypeKey {
        name: "minimum",
        docs: KeyDocs::Text(
            "With `type: int32`, `int64` or `number`: the least value allowed, checked before \
             sending.",
        ),
        roles: BOUNDED,
        required: false,
        goes_with: &[Builtin::Int32, Builtin::Int64, Builtin::Number],
        needed: false,
        decode: |value, cx, out| out.minimum = Spanned::decode(value, cx),
        schema: |_| Json::obj([("type", Json::str("number"))]),
    },
    TypeKey {
        name: "maximum",
        docs: KeyDocs::Text(
            "With `type: int32`, `int64` or `number`: the greatest value allowed, checked \
             before sending.",
        ),
        roles: BOUNDED,
        required: false,
        goes_with: &[Builtin::Int32, Builtin::Int64, Builtin::Number],
        needed: false,
        decode: |value, cx, out| out.maximum = Spanned::decode(value, cx),
        schema: |_| Json::obj([("type", Json::str("number"))]),
    },
    TypeKey {
        name: "min_length",
        docs: KeyDocs::Text("With `type: string`: the fewest characters allowed."),
        roles: BOUNDED,
        required: false,
        goes_with: &[Builtin::String],
        needed: false,
        decode: |value, cx, out| out.min_length = Spanned::decode(value, cx),
        schema: u32::schema,
    },
    TypeKey {
        name: "max_length",
        docs: KeyDocs::Text("With `type: string`: the most characters allowed."),
        roles: BOUNDED,
        required: false,
        goes_with: &[Builtin::String],
        needed: false,
        decode: |value, cx, out| out.max_length = Spanned::decode(value, cx),
        schema: u32::schema,
    },
    TypeKey {
        name: "min_items",
        docs: KeyDocs::Text("With `type: array`: the fewest items allowed."),
        roles: BOUNDED,
        required: false,
        goes_with: &[Builtin::Array],
        needed: false,
        decode: |value, cx, out| out.min_items = Spanned::decode(value, cx),
        schema: u32::schema,
    },
    TypeKey {
        name: "max_items",
        docs: KeyDocs::Text("With `type: array`: the most items allowed."),
        roles: BOUNDED,
        required: false,
        goes_with: &[Builtin::Array],
        needed: false,
        decode: |value, cx, out| out.max_items = Spanned::decode(value, cx),
        schema: u32::schema,
    },
    TypeKey {
        name: "tag",
        docs: KeyDocs::Text(
            "With `type: union`: the JSON key, beside the content, whose value names the \
             variant (`msg_type`).",
        ),
        roles: &[TypeDef],
        required: false,
        goes_with: &[Builtin::Union],
        needed: true,
        decode: |value, cx, out| out.tag = Spanned::decode(value, cx),
        schema: |_| any_scalar(),
    },
    TypeKey {
        name: "content",
        docs: KeyDocs::Text(
            "With `type: union`: the JSON key of the content (`content`); the object field \
             holding the union has this name.",
        ),
        roles: &[TypeDef],
        required: false,
        goes_with: &[Builtin::Union],
        needed: true,
        decode: |value, cx, out| out.content = Spanned::decode(value, cx),
        schema: |_| any_scalar(),
    },
    TypeKey {
        name: "variants",
        docs: KeyDocs::Text(
            "With `type: union`: a mapping of tag values to the content's type expression \
             (`text: {type: TextContent}`). Unions are open: an unknown tag keeps the content raw.",
        ),
        roles: &[TypeDef],
        required: false,
        goes_with: &[Builtin::Union],
        needed: true,
        decode: |value, cx, out| {
            out.variants = Some(Entries::decode(value, cx).unwrap_or_default());
        },
        schema: Entries::<super::Variant>::schema,
    },
    TypeKey {
        name: "max_bytes",
        docs: KeyDocs::Text(
            "With `type: binary` in an upload's body: the largest file allowed, in bytes.",
        ),
        roles: &[FieldRole],
        required: false,
        goes_with: &[Builtin::Binary],
        needed: false,
        decode: |value, cx, out| out.max_bytes = Spanned::decode(value, cx),
        schema: u64::schema,
    },
    TypeKey {
        name: "encoding",
        docs: KeyDocs::Text(
            "Fields, and unions' content: `json` when the value is sent as a JSON document \
             inside a string (a message's `content`); the field is typed as its `type`, written \
             to the string on send and parsed on receive, the string kept when it does not parse.",
        ),
        roles: &[FieldRole, TypeDef],
        required: false,
        goes_with: &[],
        needed: false,
        decode: |value, cx, out| out.encoding = Spanned::decode(value, cx),
        schema: Spanned::<super::Encoding>::schema,
    },
    TypeKey {
        name: "required",
        docs: KeyDocs::Text(
            "`true` when the field or parameter is always present (default `false`).",
        ),
        roles: &[FieldRole, Query, Header],
        required: false,
        goes_with: &[],
        needed: false,
        decode: |value, cx, out| out.required = Spanned::decode(value, cx),
        schema: bool::schema,
    },
    TypeKey {
        name: "default",
        docs: KeyDocs::Text(
            "Query parameters: the value the platform assumes when it is not sent.",
        ),
        roles: &[Query],
        required: false,
        goes_with: &[],
        needed: false,
        decode: |value, cx, out| out.default = Spanned::decode(value, cx),
        schema: |_| any_scalar(),
    },
    TypeKey {
        name: "example",
        docs: KeyDocs::Text("An example value, shown in the docs."),
        roles: &[FieldRole, PathParam, Query, Header],
        required: false,
        goes_with: &[],
        needed: false,
        decode: |value, cx, out| out.example = Spanned::decode(value, cx),
        schema: |_| any_scalar(),
    },
    TypeKey {
        name: "scopes",
        docs: KeyDocs::Text(
            "Fields: scopes of which one is needed for the platform to fill the field (字段权限).",
        ),
        roles: &[FieldRole],
        required: false,
        goes_with: &[],
        needed: false,
        decode: |value, cx, out| out.scopes = Vec::decode(value, cx).unwrap_or_default(),
        schema: Vec::<String>::schema,
    },
    TypeKey {
        name: "rust_name",
        docs: KeyDocs::Text(
            "snake_case Rust name of the field or parameter, when the JSON name does not make one.",
        ),
        roles: &[FieldRole, PathParam, Query, Header],
        required: false,
        goes_with: &[],
        needed: false,
        decode: |value, cx, out| out.rust_name = Spanned::decode(value, cx),
        schema: |_| any_scalar(),
    },
];

/// The keys of an enum value mapping, for the reference.
pub const ENUM_VALUE_KEYS: &[(&str, &str)] = &[
    ("value", "The value as sent on the wire (required)."),
    (
        "name",
        "PascalCase Rust variant name; derived from the value when absent.",
    ),
    ("description", "What the value means."),
];

impl Schema {
    /// The JSON Schema of a type expression in a role: the keys the role
    /// allows, the required ones required.
    pub fn json(role: Role, defs: &mut Defs) -> Json {
        let mut properties: Vec<(String, Json)> = Vec::new();
        for key in TYPE_KEYS.iter().filter(|k| role.allows(k)) {
            let value = (key.schema)(defs);
            properties.push((key.name.to_owned(), describe(value, &key.doc())));
        }
        let required = TYPE_KEYS
            .iter()
            .filter(|k| k.required)
            .map(|k| Json::str(k.name))
            .collect();
        let schema = Json::obj([("type", Json::str("object"))])
            .with("properties", Json::Obj(properties))
            .with("additionalProperties", Json::Bool(false))
            .with("required", Json::Arr(required));
        describe(schema, &format!("A type expression ({}).", role.what()))
    }
}

/// The JSON Schema of [`Text`].
pub(super) fn text_schema(defs: &mut Defs) -> Json {
    defs.named("Text", |_| {
        let languages = Json::obj([
            ("type", Json::str("object")),
            (
                "properties",
                Json::obj([
                    ("zh", describe(any_scalar(), "Chinese.")),
                    ("en", describe(any_scalar(), "English.")),
                ]),
            ),
            ("additionalProperties", Json::Bool(false)),
            ("minProperties", Json::Int(1)),
        ]);
        describe(
            Json::obj([("anyOf", Json::Arr(vec![any_scalar(), languages]))]),
            "Prose: a string, or a mapping with `zh` and/or `en`.",
        )
    })
}

/// The JSON Schema of [`EnumValue`].
pub(super) fn enum_value_schema(defs: &mut Defs) -> Json {
    defs.named("EnumValue", |defs| {
        let text = Text::schema(defs);
        let properties: Vec<(String, Json)> = ENUM_VALUE_KEYS
            .iter()
            .map(|(key, doc)| {
                let value = if *key == "description" {
                    text.clone()
                } else {
                    any_scalar()
                };
                ((*key).to_owned(), describe(value, doc))
            })
            .collect();
        let mapping = Json::obj([("type", Json::str("object"))])
            .with("properties", Json::Obj(properties))
            .with("additionalProperties", Json::Bool(false))
            .with("required", Json::Arr(vec![Json::str("value")]));
        describe(
            Json::obj([("anyOf", Json::Arr(vec![any_scalar(), mapping]))]),
            "An enum value: the value itself, or a mapping.",
        )
    })
}
