//! The spec format: what a YAML file may say, as read, with positions.
//!
//! These types hold what the author wrote; [`crate::check`] turns them into the
//! checked [`crate::model`]. The doc comment of every key is the format's
//! reference (see `lark-spec reference`).

use crate::decode::{Cx, Decode, Entries, NonEmpty, Spanned, keywords, scalar, spec_struct};
use crate::diag::{Loc, did_you_mean, one_of};
use crate::schema::{Defs, Json, describe, scalar as any_scalar};
use crate::yaml::{Key, Node, NodeKind};

spec_struct! {
    /// One YAML file of the spec. A file belongs to one service and version
    /// (the Rust module `im::v1`); a file with neither is platform-wide (the
    /// module `common`). Any file may hold types, endpoints and events.
    pub struct SpecFile as "spec file" {
        /// Service the file belongs to, as in the API path (`im`, `contact`).
        opt service: Spanned<String>,
        /// API version of the service (`v1`, `v3`).
        opt version: Spanned<String>,
        /// Resource the file's endpoints act on (`message_reaction`): the client
        /// groups calls by it, `client.im().v1().message_reaction()`. Required
        /// when the file has endpoints.
        opt resource: Spanned<String>,
        /// What the resource or file is about.
        opt description: Text,
        /// Named types (objects, enums, aliases) that fields of any file may use.
        def types: Entries<TypeDef>,
        /// HTTP endpoints of the resource.
        def endpoints: Vec<Endpoint>,
        /// Events the platform pushes.
        def events: Vec<Event>,
        /// Platform-wide error codes (only in a file without `service`).
        def platform_errors: Vec<PlatformError>,
    }
}

spec_struct! {
    /// An HTTP endpoint of the Open Platform.
    pub struct Endpoint as "endpoint" {
        /// The call's name on its resource, in snake_case (`delete`, `list`):
        /// `client.im().v1().message_reaction().delete(..)`.
        req name: Spanned<String>,
        /// PascalCase stem of the generated type names; defaults to name +
        /// resource (`DeleteMessageReaction` gives `DeleteMessageReactionRequest`).
        opt id: Spanned<String>,
        /// One line: what the call does.
        req summary: Text,
        /// Longer explanation.
        opt description: Text,
        /// Conditions that must hold before calling (前提条件).
        def prerequisites: Vec<Text>,
        /// Rules the platform enforces (使用限制).
        def limits: Vec<Text>,
        /// Other remarks (注意事项).
        def notes: Vec<Text>,
        /// HTTP method.
        req method: Spanned<Method>,
        /// Path with `:name` parameters, from `/open-apis/`
        /// (`/open-apis/im/v1/messages/:message_id/reactions/:reaction_id`).
        req path: Spanned<String>,
        /// Access tokens the call accepts; the first is used by default.
        req tokens: NonEmpty<Spanned<TokenType>>,
        /// Scopes of which any one allows the call.
        def scopes: Vec<Spanned<String>>,
        /// Documented rate limits.
        opt rate_limit: RateLimit,
        /// Kinds of apps that may call it.
        def app_types: Vec<Spanned<AppType>>,
        /// Link to the platform's page.
        opt doc_url: Spanned<String>,
        /// One entry per `:name` in `path`, in any order.
        def path_params: Entries<PathParam>,
        /// Query parameters.
        def query: Entries<QueryParam>,
        /// Request headers other than `Authorization` (which `tokens` decides).
        def headers: Entries<HeaderParam>,
        /// JSON request body: an object type, inline or named.
        opt body: BodySchema,
        /// Type of the response's `data`; omit when the call returns no data.
        opt response: BodySchema,
        /// Marks a paged list (`page_token` in, `has_more`/`page_token` out).
        opt pagination: Pagination,
        /// The endpoint's own error table.
        def errors: Vec<ErrorRow>,
        /// Platform-wide codes (by code) to add to the error enum beyond those
        /// whose `applies` already covers this endpoint.
        def platform_errors: Vec<Spanned<i64>>,
    }
}

spec_struct! {
    /// A documented rate limit; exceeding either bound is limited.
    pub struct RateLimit as "rate limit" {
        /// Calls allowed per second.
        opt per_second: Spanned<u32>,
        /// Calls allowed per minute.
        opt per_minute: Spanned<u32>,
    }
}

spec_struct! {
    /// How a paged list endpoint pages.
    pub struct Pagination as "pagination" {
        /// The response field holding the page's items (default `items`).
        opt items: Spanned<String>,
    }
}

spec_struct! {
    /// One row of an endpoint's error table.
    pub struct ErrorRow as "error" {
        /// The `code` of the response body.
        req code: Spanned<i64>,
        /// PascalCase English name of the variant; derived from `message` when absent.
        opt name: Spanned<String>,
        /// HTTP status the platform answers with.
        req http: Spanned<u16>,
        /// The `msg` as the platform returns it.
        req message: Spanned<String>,
        /// What to check or do (排查建议).
        opt remedy: Text,
    }
}

spec_struct! {
    /// One platform-wide error code (通用错误码).
    pub struct PlatformError as "platform error" {
        /// The `code` of the response body.
        req code: Spanned<i64>,
        /// PascalCase English name; a named code can become a variant of
        /// endpoint error enums (see `applies`).
        opt name: Spanned<String>,
        /// HTTP status, where the platform documents one.
        opt http: Spanned<u16>,
        /// The `msg` as the platform returns it.
        req message: Spanned<String>,
        /// Other `msg` texts the platform returns with the same code.
        def other_messages: Vec<Spanned<String>>,
        /// What the code means.
        opt description: Text,
        /// What to do about it.
        opt remedy: Text,
        /// Which endpoints' error enums get this code as a variant: `all`, or
        /// those accepting a token type (`tenant_token`, `user_token`,
        /// `app_token`). Needs `name`.
        def applies: Vec<Spanned<Applies>>,
    }
}

spec_struct! {
    /// An event the platform pushes (webhook or long connection).
    pub struct Event as "event" {
        /// The event type, as in `header.event_type` (2.0) or `event.type` (1.0).
        req event_type: Spanned<String>,
        /// PascalCase name of the body type; derived from `event_type` without
        /// the service (`im.message.reaction.deleted_v1` gives `MessageReactionDeletedV1`).
        opt name: Spanned<String>,
        /// Envelope version: `"2.0"` (with `header`) or `"1.0"` (legacy).
        req schema: Spanned<EnvelopeVersion>,
        /// One line: when the event fires.
        req summary: Text,
        /// Longer explanation.
        opt description: Text,
        /// Conditions for receiving it.
        def prerequisites: Vec<Text>,
        /// Rules on who receives it.
        def limits: Vec<Text>,
        /// Other remarks.
        def notes: Vec<Text>,
        /// Kinds of apps that may subscribe.
        def app_types: Vec<Spanned<AppType>>,
        /// Scopes of which any one allows subscribing.
        def scopes: Vec<Spanned<String>>,
        /// Link to the platform's page.
        opt doc_url: Spanned<String>,
        /// Fields of the body (`event`).
        req fields: Entries<Field>,
    }
}

keywords! {
    /// HTTP method of an endpoint.
    pub enum Method as "HTTP method" {
        /// GET
        Get = "GET",
        /// POST
        Post = "POST",
        /// PUT
        Put = "PUT",
        /// PATCH
        Patch = "PATCH",
        /// DELETE
        Delete = "DELETE",
    }
}

keywords! {
    /// An access token type.
    pub enum TokenType as "token type" {
        /// tenant_access_token: the app acting in a tenant.
        Tenant = "tenant",
        /// user_access_token: the app acting for a user.
        User = "user",
        /// app_access_token: the app itself.
        App = "app",
    }
}

keywords! {
    /// A kind of app.
    pub enum AppType as "app type" {
        /// Self-built (custom) app of one tenant (自建应用).
        Custom = "custom",
        /// Store app installed by many tenants (商店应用, "isv").
        Store = "store",
    }
}

keywords! {
    /// Which endpoints meet a platform-wide code.
    pub enum Applies as "applies" {
        /// Every endpoint.
        All = "all",
        /// Endpoints that accept a tenant_access_token.
        TenantToken = "tenant_token",
        /// Endpoints that accept a user_access_token.
        UserToken = "user_token",
        /// Endpoints that accept an app_access_token.
        AppToken = "app_token",
    }
}

keywords! {
    /// Event envelope version.
    pub enum EnvelopeVersion as "envelope version" {
        /// `{"schema":"2.0","header":{..},"event":{..}}`
        V2 = "2.0",
        /// `{"uuid":..,"token":..,"type":"event_callback","event":{"type":..}}`
        V1 = "1.0",
    }
}

/// Prose in Chinese, English or both.
#[derive(Clone, Debug, Default)]
pub struct Text {
    /// Where it was written.
    pub loc: Loc,
    /// Chinese.
    pub zh: Option<String>,
    /// English.
    pub en: Option<String>,
    /// Text written as a plain string, language unstated.
    pub plain: Option<String>,
}

impl Decode for Text {
    const EXPECTED: &'static str = "a string, or a mapping with `zh` and/or `en`";

    fn schema(defs: &mut Defs) -> Json {
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

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        let mut text = Text {
            loc: node.loc,
            ..Text::default()
        };
        match &node.kind {
            NodeKind::Map(entries) => {
                for (key, value) in entries {
                    let slot = match key.text.as_str() {
                        "zh" => &mut text.zh,
                        "en" => &mut text.en,
                        _ => {
                            let _ = cx.unknown_key(key, "text", &["zh", "en"]);
                            continue;
                        }
                    };
                    *slot = String::decode(value, cx);
                }
                if entries.is_empty() {
                    cx.error(node.loc, "text needs `zh`, `en` or both");
                }
            }
            _ => text.plain = Some(scalar(node, Self::EXPECTED, cx)?.to_owned()),
        }
        Some(text)
    }
}

/// One value of an enum: a bare string, or a mapping with a name and docs.
#[derive(Clone, Debug, Default)]
pub struct EnumValue {
    /// Where it was written.
    pub loc: Loc,
    /// The value on the wire.
    pub value: Spanned<String>,
    /// PascalCase Rust variant name; derived from the value when absent.
    pub name: Option<Spanned<String>>,
    /// What the value means.
    pub description: Option<Text>,
}

/// The keys of an enum value mapping, for the reference.
pub const ENUM_VALUE_KEYS: &[(&str, &str)] = &[
    ("value", "The value as sent on the wire (required)."),
    (
        "name",
        "PascalCase Rust variant name; derived from the value when absent.",
    ),
    ("description", "What the value means."),
];

impl Decode for EnumValue {
    const EXPECTED: &'static str = "a value, or a mapping with `value`, `name`, `description`";

    fn schema(defs: &mut Defs) -> Json {
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

    fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
        let mut out = EnumValue {
            loc: node.loc,
            ..EnumValue::default()
        };
        let NodeKind::Map(entries) = &node.kind else {
            out.value = Spanned::decode(node, cx)?;
            return Some(out);
        };
        let mut has_value = false;
        let mut misspelt = None;
        for (key, value) in entries {
            match key.text.as_str() {
                "value" => {
                    has_value = true;
                    out.value = Spanned::decode(value, cx).unwrap_or_default();
                }
                "name" => out.name = Spanned::decode(value, cx),
                "description" => out.description = Text::decode(value, cx),
                _ => {
                    misspelt = misspelt.or(cx.unknown_key(
                        key,
                        "enum value",
                        &["value", "name", "description"],
                    ))
                }
            }
        }
        if !has_value && misspelt != Some("value") {
            cx.error(node.loc, "missing required key `value` in enum value");
        }
        Some(out)
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
    pub fn allows(self, key: SchemaKey) -> bool {
        use SchemaKey as K;
        match self {
            Role::TypeDef => matches!(
                key,
                K::Type | K::Description | K::Fields | K::Values | K::Items
            ),
            Role::Field => !matches!(key, K::Default),
            Role::Items => matches!(
                key,
                K::Type | K::Description | K::TypeName | K::Fields | K::Values | K::Items
            ),
            Role::PathParam => matches!(
                key,
                K::Type | K::Description | K::Example | K::TypeName | K::Values | K::RustName
            ),
            Role::Query => !matches!(key, K::Fields | K::Scopes),
            Role::Header => matches!(
                key,
                K::Type | K::Description | K::Required | K::Example | K::RustName
            ),
            Role::Body => matches!(
                key,
                K::Type | K::Description | K::TypeName | K::Fields | K::Items | K::Values
            ),
        }
    }
}

/// The keys a type expression may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaKey {
    /// `type`
    Type,
    /// `description`
    Description,
    /// `type_name`
    TypeName,
    /// `fields`
    Fields,
    /// `values`
    Values,
    /// `items`
    Items,
    /// `required`
    Required,
    /// `default`
    Default,
    /// `example`
    Example,
    /// `scopes`
    Scopes,
    /// `rust_name`
    RustName,
}

/// Every key of a type expression with its documentation, for the reference.
pub const SCHEMA_KEYS: &[(SchemaKey, &str, &str)] = &[
    (
        SchemaKey::Type,
        "type",
        "`string`, `int32`, `int64`, `number`, `boolean`, `timestamp_ms` (milliseconds sent as a \
         string), `any` (free-form JSON), `object`, `enum`, `array`, `map` (string keys), or the \
         name of a type (`Emoji`, or `im.v1.Emoji` from another module). Required.",
    ),
    (
        SchemaKey::Description,
        "description",
        "What it is (text, `zh`/`en`).",
    ),
    (
        SchemaKey::TypeName,
        "type_name",
        "PascalCase name of the Rust type of an inline `object` or `enum`; defaults to the \
         parent's name + the field's name.",
    ),
    (
        SchemaKey::Fields,
        "fields",
        "With `type: object`: the fields, a mapping of JSON names to type expressions.",
    ),
    (
        SchemaKey::Values,
        "values",
        "With `type: enum`: the documented values (a value, or `value`/`name`/`description`). \
         Enums are open: a value not listed is kept, not rejected.",
    ),
    (
        SchemaKey::Items,
        "items",
        "With `type: array` or `type: map`: the type of the elements.",
    ),
    (
        SchemaKey::Required,
        "required",
        "`true` when the field or parameter is always present (default `false`).",
    ),
    (
        SchemaKey::Default,
        "default",
        "Query parameters: the value the platform assumes when it is not sent.",
    ),
    (
        SchemaKey::Example,
        "example",
        "An example value, shown in the docs.",
    ),
    (
        SchemaKey::Scopes,
        "scopes",
        "Fields: scopes of which one is needed for the platform to fill the field (字段权限).",
    ),
    (
        SchemaKey::RustName,
        "rust_name",
        "snake_case Rust name of the field or parameter, when the JSON name does not make one.",
    ),
];

/// A type expression: a built-in or named type, plus what its place allows.
#[derive(Clone, Debug, Default)]
pub struct Schema {
    /// Where the mapping starts.
    pub loc: Loc,
    /// `type`.
    pub ty: Spanned<String>,
    /// `description`.
    pub description: Option<Text>,
    /// `type_name`.
    pub type_name: Option<Spanned<String>>,
    /// `fields`, for objects.
    pub fields: Option<Entries<Field>>,
    /// `values`, for enums.
    pub values: Option<Vec<EnumValue>>,
    /// `items`, for arrays and maps.
    pub items: Option<Box<Schema>>,
    /// `required`.
    pub required: Option<Spanned<bool>>,
    /// `default`.
    pub default: Option<Spanned<String>>,
    /// `example`.
    pub example: Option<Spanned<String>>,
    /// `scopes`.
    pub scopes: Vec<Spanned<String>>,
    /// `rust_name`.
    pub rust_name: Option<Spanned<String>>,
}

/// The built-in type names.
pub const BUILTIN_TYPES: &[&str] = &[
    "string",
    "int32",
    "int64",
    "number",
    "boolean",
    "timestamp_ms",
    "any",
    "object",
    "enum",
    "array",
    "map",
];

impl Schema {
    /// Reads a type expression in a given role.
    pub fn decode_as(node: &Node, role: Role, cx: &mut Cx<'_>) -> Option<Self> {
        let what = role.what();
        let entries = cx.map(node, what)?;
        let mut out = Schema {
            loc: node.loc,
            ..Schema::default()
        };
        let mut kind_keys: Vec<(SchemaKey, &Key)> = Vec::new();
        let mut has_type = false;
        let mut misspelt_type = false;
        for (key, value) in entries {
            let Some(&(k, _, _)) = SCHEMA_KEYS.iter().find(|(_, n, _)| *n == key.text) else {
                let allowed: Vec<&str> = SCHEMA_KEYS
                    .iter()
                    .filter(|(k, _, _)| role.allows(*k))
                    .map(|(_, n, _)| *n)
                    .collect();
                misspelt_type |= cx.unknown_key(key, what, &allowed) == Some("type");
                continue;
            };
            if !role.allows(k) {
                cx.error(
                    key.loc,
                    format!("key `{}` is not allowed in a {what}", key.text),
                );
                continue;
            }
            match k {
                SchemaKey::Type => {
                    has_type = true;
                    out.ty = Spanned::decode(value, cx).unwrap_or_default();
                }
                SchemaKey::Description => out.description = Text::decode(value, cx),
                SchemaKey::TypeName => out.type_name = Spanned::decode(value, cx),
                SchemaKey::Fields => {
                    kind_keys.push((k, key));
                    out.fields = Some(Entries::decode(value, cx).unwrap_or_default());
                }
                SchemaKey::Values => {
                    kind_keys.push((k, key));
                    out.values = Some(Vec::decode(value, cx).unwrap_or_default());
                }
                SchemaKey::Items => {
                    kind_keys.push((k, key));
                    out.items = Schema::decode_as(value, Role::Items, cx).map(Box::new);
                }
                SchemaKey::Required => out.required = Spanned::decode(value, cx),
                SchemaKey::Default => out.default = Spanned::decode(value, cx),
                SchemaKey::Example => out.example = Spanned::decode(value, cx),
                SchemaKey::Scopes => out.scopes = Vec::decode(value, cx).unwrap_or_default(),
                SchemaKey::RustName => out.rust_name = Spanned::decode(value, cx),
            }
        }
        if !has_type {
            if !misspelt_type {
                cx.error(node.loc, format!("missing required key `type` in {what}"));
            }
            out.ty = Spanned::new(String::from("any"), node.loc);
            return Some(out);
        }
        out.check_kind_keys(&kind_keys, cx);
        Some(out)
    }

    /// `fields`, `values` and `items` belong to one kind each, and those kinds need them.
    fn check_kind_keys(&self, present: &[(SchemaKey, &Key)], cx: &mut Cx<'_>) {
        let ty = self.ty.value.as_str();
        let wanted = match ty {
            "object" => Some(SchemaKey::Fields),
            "enum" => Some(SchemaKey::Values),
            "array" | "map" => Some(SchemaKey::Items),
            _ => None,
        };
        for (k, key) in present {
            if Some(*k) != wanted {
                let owner = match k {
                    SchemaKey::Fields => "`type: object`",
                    SchemaKey::Values => "`type: enum`",
                    _ => "`type: array` or `type: map`",
                };
                cx.error(
                    key.loc,
                    format!(
                        "key `{}` goes with {owner}, but the type here is `{ty}`",
                        key.text
                    ),
                );
            }
        }
        if let Some(w) = wanted
            && !present.iter().any(|(k, _)| *k == w)
        {
            let name = SCHEMA_KEYS
                .iter()
                .find(|(k, _, _)| *k == w)
                .map_or("", |(_, n, _)| *n);
            cx.error(self.ty.loc, format!("`type: {ty}` needs the key `{name}`"));
        }
        if ty.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && !ty.contains('.')
            && !BUILTIN_TYPES.contains(&ty)
        {
            let hint = match did_you_mean(ty, BUILTIN_TYPES.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!(
                    "expected {}, or the PascalCase name of a type",
                    one_of(BUILTIN_TYPES.iter().copied())
                ),
            };
            cx.error(self.ty.loc, format!("unknown type `{ty}` ({hint})"));
        }
    }
}

impl Schema {
    /// The JSON Schema of a type expression in a role: the keys the role
    /// allows, `type` required.
    pub fn json(role: Role, defs: &mut Defs) -> Json {
        let mut properties: Vec<(String, Json)> = Vec::new();
        for (key, name, doc) in SCHEMA_KEYS {
            if !role.allows(*key) {
                continue;
            }
            let value = match key {
                SchemaKey::Type => {
                    let builtin = Json::obj([(
                        "enum",
                        Json::Arr(BUILTIN_TYPES.iter().map(|t| Json::str(*t)).collect()),
                    )]);
                    let named = Json::obj([
                        ("type", Json::str("string")),
                        (
                            "pattern",
                            Json::str("^([a-z][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9]*$"),
                        ),
                    ]);
                    Json::obj([("anyOf", Json::Arr(vec![builtin, named]))])
                }
                SchemaKey::Description => Text::schema(defs),
                SchemaKey::Fields => Entries::<Field>::schema(defs),
                SchemaKey::Values => Vec::<EnumValue>::schema(defs),
                SchemaKey::Items => defs.named("Items", |defs| Schema::json(Role::Items, defs)),
                SchemaKey::Required => bool::schema(defs),
                SchemaKey::Scopes => Vec::<String>::schema(defs),
                SchemaKey::TypeName
                | SchemaKey::Default
                | SchemaKey::Example
                | SchemaKey::RustName => any_scalar(),
            };
            properties.push(((*name).to_owned(), describe(value, doc)));
        }
        let schema = Json::obj([("type", Json::str("object"))])
            .with("properties", Json::Obj(properties))
            .with("additionalProperties", Json::Bool(false))
            .with("required", Json::Arr(vec![Json::str("type")]));
        describe(schema, &format!("A type expression ({}).", role.what()))
    }
}

macro_rules! role_schema {
    ($($(#[doc = $doc:literal])* $name:ident => $role:expr, $expected:literal;)*) => {$(
        $(#[doc = $doc])*
        #[derive(Clone, Debug, Default)]
        pub struct $name(pub Schema);

        impl Decode for $name {
            const EXPECTED: &'static str = $expected;

            fn schema(defs: &mut Defs) -> Json {
                defs.named(stringify!($name), |defs| Schema::json($role, defs))
            }

            fn decode(node: &Node, cx: &mut Cx<'_>) -> Option<Self> {
                Schema::decode_as(node, $role, cx).map($name)
            }
        }
    )*};
}

role_schema! {
    /// A named type definition.
    TypeDef => Role::TypeDef, "a type expression";
    /// A field of an object or event body.
    Field => Role::Field, "a field (a type expression)";
    /// A path parameter.
    PathParam => Role::PathParam, "a path parameter (a type expression)";
    /// A query parameter.
    QueryParam => Role::Query, "a query parameter (a type expression)";
    /// A request header.
    HeaderParam => Role::Header, "a header (a type expression)";
    /// A request body or response data type.
    BodySchema => Role::Body, "a type expression";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostics, FileId, Place};
    use crate::yaml;

    fn decode_file(text: &str) -> (SpecFile, Vec<String>) {
        let mut diags = Diagnostics::default();
        let node = yaml::parse(FileId(0), text, &mut diags).expect("yaml");
        let file = SpecFile::decode(&node, &mut Cx { diags: &mut diags }).expect("file");
        let msgs = diags
            .sorted()
            .into_iter()
            .map(|d| match &d.place {
                Place::At(l) => format!("{}:{}: {}", l.pos.line, l.pos.col, d.message),
                Place::Path(p) => format!("{p}: {}", d.message),
            })
            .collect();
        (file, msgs)
    }

    #[test]
    fn reads_an_endpoint() {
        let (file, errs) = decode_file(
            r#"
service: im
version: v1
resource: message_reaction
endpoints:
  - name: delete
    summary: {zh: 删除消息表情回复, en: Delete a message reaction}
    method: DELETE
    path: /open-apis/im/v1/messages/:message_id/reactions/:reaction_id
    tokens: [tenant, user]
    rate_limit: {per_second: 50, per_minute: 1000}
    path_params:
      message_id: {type: string, example: om_1}
      reaction_id: {type: string}
    errors:
      - {code: 231007, http: 400, message: The operator has no permission to delete this reaction.}
"#,
        );
        assert!(errs.is_empty(), "{errs:?}");
        let ep = &file.endpoints[0];
        assert_eq!(ep.name.value, "delete");
        assert_eq!(ep.method.value, Method::Delete);
        assert_eq!(ep.tokens.0.len(), 2);
        assert_eq!(
            ep.rate_limit
                .as_ref()
                .unwrap()
                .per_second
                .as_ref()
                .unwrap()
                .value,
            50
        );
        assert_eq!(ep.path_params.items[0].0.value, "message_id");
        assert_eq!(ep.errors[0].code.value, 231007);
        assert_eq!(ep.summary.en.as_deref(), Some("Delete a message reaction"));
    }

    #[test]
    fn reports_every_mistake_in_a_file() {
        let (_, errs) = decode_file(
            r#"
service: im
version: v1
endpoints:
  - name: delete
    sumary: x
    method: DELETEE
    path: /x
    tokens: [tenant, usr]
    rate_limit: {per_second: fifty}
types:
  Thing:
    type: object
    values: [a]
  Other:
    type: strng
    required: true
"#,
        );
        assert_eq!(
            errs,
            [
                "6:5: unknown key `sumary` in endpoint (did you mean `summary`?)",
                "7:13: unknown HTTP method `DELETEE` (did you mean `DELETE`?)",
                "9:22: unknown token type `usr` (did you mean `user`?)",
                "10:30: expected a whole number from 0 to 4294967295, found `fifty`",
                "13:11: `type: object` needs the key `fields`",
                "14:5: key `values` goes with `type: enum`, but the type here is `object`",
                "16:11: unknown type `strng` (did you mean `string`?)",
                "17:5: key `required` is not allowed in a type definition",
            ]
        );
    }

    #[test]
    fn reports_a_missing_key_unless_it_was_misspelt() {
        let (_, errs) =
            decode_file("types:\n  A:\n    description: no type\n  B:\n    typ: string\n");
        assert_eq!(
            errs,
            [
                "3:5: missing required key `type` in type definition",
                "5:5: unknown key `typ` in type definition (did you mean `type`?)",
            ]
        );
    }

    #[test]
    fn enum_values_accept_bare_scalars() {
        let (file, errs) = decode_file(
            "types:\n  EmojiType:\n    type: enum\n    values: [SMILE, 2022, {value: 18X, name: EighteenX}]\n",
        );
        assert!(errs.is_empty(), "{errs:?}");
        let values = file.types.items[0].1.0.values.as_ref().unwrap();
        let texts: Vec<&str> = values.iter().map(|v| v.value.value.as_str()).collect();
        assert_eq!(texts, ["SMILE", "2022", "18X"]);
        assert_eq!(values[2].name.as_ref().unwrap().value, "EighteenX");
    }
}
