//! The spec format: what a YAML file may say, as read, with positions.
//!
//! These types hold what the author wrote; [`crate::check`] turns them into the
//! checked [`crate::model`]. The doc comment of every key is the format's
//! reference (see `lark-spec reference`). The declarations are here; the
//! keys of type expressions and the built-in types are tables in [`keys`],
//! and what is not declared with `spec_struct!` is decoded in `decoders`.

mod decoders;
pub mod keys;
#[cfg(test)]
mod tests;

pub use keys::{BUILTIN_TYPES, Builtin, ENUM_VALUE_KEYS, Role, TYPE_KEYS, TypeKey};

use crate::decode::{Cx, Decode, Entries, NonEmpty, Spanned, keywords, spec_struct};
use crate::diag::Loc;
use crate::schema::{Defs, Json};
use crate::yaml::Node;

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
        /// How the body is sent: `application/json` (the default) or
        /// `multipart/form-data`, an upload, whose `body` is an inline object
        /// of text fields and files (`type: binary`).
        opt content_type: Spanned<ContentType>,
        /// Request body: an object type, inline or named (inline for an upload).
        opt body: BodySchema,
        /// Type of the response's `data`; omit when the call returns no data.
        opt response: BodySchema,
        /// Marks a paged list (`page_token` in, `has_more`/`page_token` out).
        opt pagination: Pagination,
        /// The endpoint's own error table. An endpoint whose table is the
        /// same as an earlier endpoint's of its module (a YAML anchor shared)
        /// gets that one's enum, under its own name as an alias.
        def errors: Vec<ErrorRow>,
        /// Platform-wide codes (by code) the endpoint is documented to meet
        /// beyond those whose `applies` already covers it (listed on its
        /// error enum; every named code is reachable through `Platform`).
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
        /// PascalCase English name; a named code is a variant of
        /// `common::PlatformError`.
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
        /// Which endpoints are documented to meet this code (listed on their
        /// error enums): `all`, or those accepting a token type
        /// (`tenant_token`, `user_token`, `app_token`). Needs `name`.
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
        /// Makes the event a callback (`card.action.trigger`): the type of
        /// the receiver's answer, an object type, inline or named (as an
        /// endpoint's `response`). The handler returns it and the platform,
        /// which waits 3 seconds for it, shows it (a toast, a new card). An
        /// inline object is named after the body + `Answer`. Schema 2.0 only.
        opt answer: BodySchema,
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
    /// How an enum's values go on the wire.
    pub enum Repr as "enum representation" {
        /// JSON strings (the default).
        String = "string",
        /// JSON integers: every value is a whole number.
        Integer = "integer",
    }
}

keywords! {
    /// How a request body is sent.
    pub enum ContentType as "content type" {
        /// A JSON document.
        Json = "application/json",
        /// A form of text parts and files.
        Multipart = "multipart/form-data",
    }
}

keywords! {
    /// How a field's value is carried.
    pub enum Encoding as "encoding" {
        /// As a JSON document inside a string (`"content": "{\"text\":\"hi\"}"`).
        Json = "json",
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

/// A type expression: a built-in or named type, plus what its place allows.
/// Each field is the value of one key of [`TYPE_KEYS`].
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
    /// `repr`, for enums.
    pub repr: Option<Spanned<Repr>>,
    /// `encoding`, for fields.
    pub encoding: Option<Spanned<Encoding>>,
    /// `minimum`, as written.
    pub minimum: Option<Spanned<String>>,
    /// `maximum`, as written.
    pub maximum: Option<Spanned<String>>,
    /// `min_length`.
    pub min_length: Option<Spanned<u32>>,
    /// `max_length`.
    pub max_length: Option<Spanned<u32>>,
    /// `min_items`.
    pub min_items: Option<Spanned<u32>>,
    /// `max_items`.
    pub max_items: Option<Spanned<u32>>,
    /// `max_bytes`, for files.
    pub max_bytes: Option<Spanned<u64>>,
    /// `tag`, for unions.
    pub tag: Option<Spanned<String>>,
    /// `content`, for unions.
    pub content: Option<Spanned<String>>,
    /// `variants`, for unions.
    pub variants: Option<Entries<Variant>>,
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

impl Schema {
    /// The built-in type named by `type`, if it names one.
    pub fn builtin(&self) -> Option<Builtin> {
        Builtin::named(&self.ty.value)
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

            fn placeholder(loc: Loc) -> Self {
                $name(Schema {
                    loc,
                    ty: Spanned::new(String::new(), loc),
                    ..Schema::default()
                })
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
    /// The content of one variant of a union.
    Variant => Role::Items, "a union variant (a type expression)";
}
