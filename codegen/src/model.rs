//! The checked model: names resolved, Rust identifiers chosen, docs rendered.
//!
//! Emission reads only this. After a reported mistake the model still holds a
//! stand-in (an unknown type becomes `any`, a duplicate name gets a suffix), so
//! that what can be generated is, and one mistake is one compiler error.

use std::path::PathBuf;

pub use crate::spec::{AppType, EnvelopeVersion, Method, TokenType};

/// Index of a [`TypeDef`] in [`Model::types`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TypeId(pub usize);

/// Index of a [`Module`] in [`Model::modules`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ModuleId(pub usize);

/// Everything generated from one spec folder.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// Modules in path order (`common` first when present).
    pub modules: Vec<Module>,
    /// Every type, named or hoisted from an inline definition.
    pub types: Vec<TypeDef>,
    /// The platform-wide error table, sorted by code.
    pub platform_errors: Vec<PlatformError>,
    /// The files read, for rebuild tracking.
    pub files: Vec<PathBuf>,
    /// The platform-wide error table comes from the base spec (it is
    /// generated in the runtime crate, not here).
    pub platform_external: bool,
}

/// `im::v1`, or `common` for platform-wide files.
#[derive(Clone, Debug, Default)]
pub struct Module {
    /// First path segment (`im`, `common`).
    pub service: String,
    /// Second path segment (`v1`), absent for `common`.
    pub version: Option<String>,
    /// Module docs.
    pub docs: Vec<String>,
    /// Types defined here, in spec order.
    pub types: Vec<TypeId>,
    /// Endpoints, in spec order.
    pub endpoints: Vec<Endpoint>,
    /// Events, in spec order.
    pub events: Vec<Event>,
}

impl Module {
    /// `im.v1` or `common`, as in qualified spec type names.
    pub fn key(&self) -> String {
        match &self.version {
            Some(v) => format!("{}.{v}", self.service),
            None => self.service.clone(),
        }
    }
}

/// A generated type.
#[derive(Clone, Debug)]
pub struct TypeDef {
    /// Module it lives in.
    pub module: ModuleId,
    /// PascalCase Rust name, unique in its module.
    pub name: String,
    /// Doc lines.
    pub docs: Vec<String>,
    /// What it is.
    pub kind: TypeKind,
    /// Whether `Eq` can be derived (no floats inside).
    pub eq: bool,
    /// From the base spec: generated in the runtime crate, referred to there.
    pub external: bool,
    /// The body of an upload: sent as a form, not as JSON (no serde, no `PartialEq`).
    pub form: bool,
    /// Which way it travels as JSON: (sent in a request body or a callback's
    /// answer, received in a response or an event). A type that does
    /// neither is counted as both.
    pub travels: (bool, bool),
}

/// The shapes of generated types.
#[derive(Clone, Debug)]
pub enum TypeKind {
    /// A struct.
    Object(Vec<Field>),
    /// An open string enum.
    Enum(Vec<Variant>),
    /// An open integer enum (`repr: integer`): each value is a whole number.
    IntEnum(Vec<Variant>),
    /// `pub type Name = ...;`
    Alias(Ty),
    /// One of several types, told by a tag beside it (`type: union`).
    Union(Union),
}

/// A union: the content of an object field, its variant named by a sibling
/// tag field (`msg_type` names the type of `content`).
#[derive(Clone, Debug)]
pub struct Union {
    /// The tag's JSON key.
    pub tag: String,
    /// The content's JSON key (the holding field's).
    pub content: String,
    /// The content is a JSON document inside a string.
    pub in_string: bool,
    /// The variants, in spec order.
    pub variants: Vec<UnionVariant>,
}

/// A variant of a union.
#[derive(Clone, Debug)]
pub struct UnionVariant {
    /// The tag's value.
    pub value: String,
    /// PascalCase variant name.
    pub ident: String,
    /// The content's type.
    pub ty: Ty,
    /// Doc lines.
    pub docs: Vec<String>,
}

/// A field of an object.
#[derive(Clone, Debug)]
pub struct Field {
    /// Key in JSON.
    pub json: String,
    /// Rust identifier text (`r#type` for keywords).
    pub ident: String,
    /// Its type.
    pub ty: Ty,
    /// Always present (not wrapped in `Option`).
    pub required: bool,
    /// Held in a `Box` to break a cycle of types.
    pub boxed: bool,
    /// Doc lines.
    pub docs: Vec<String>,
    /// Scopes of which one is needed for the platform to fill it.
    pub scopes: Vec<String>,
    /// Documented bounds, checked before sending.
    pub bounds: Bounds,
    /// Sent as a JSON document inside a string (`encoding: json`).
    pub in_string: bool,
    /// Where the field is written.
    pub loc: crate::diag::Loc,
}

/// The bounds a value must keep to (`minimum`, `max_length`, …).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bounds {
    /// Least value, as written (a number of the field's type).
    pub minimum: Option<String>,
    /// Greatest value, as written.
    pub maximum: Option<String>,
    /// Fewest and most characters of a string.
    pub length: (Option<u32>, Option<u32>),
    /// Fewest and most items of an array.
    pub items: (Option<u32>, Option<u32>),
    /// Most bytes of a file.
    pub bytes: Option<u64>,
}

impl Bounds {
    /// No bound at all.
    pub fn is_empty(&self) -> bool {
        *self == Bounds::default()
    }
}

/// A value of an open enum.
#[derive(Clone, Debug)]
pub struct Variant {
    /// The value on the wire.
    pub value: String,
    /// PascalCase variant name.
    pub ident: String,
    /// Doc lines.
    pub docs: Vec<String>,
}

/// A type as used by a field or parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ty {
    /// `String`
    String,
    /// `i32`
    I32,
    /// `i64`
    I64,
    /// `f64`
    F64,
    /// `bool`
    Bool,
    /// Milliseconds since the epoch, sent as a decimal string.
    TimestampMs,
    /// Free-form JSON (also the stand-in after an error).
    Any,
    /// A file to upload, a part of a `multipart/form-data` body.
    File,
    /// A generated type.
    Named(TypeId),
    /// `Vec<T>`
    Array(Box<Ty>),
    /// `BTreeMap<String, T>`
    Map(Box<Ty>),
}

/// A call of the Open Platform.
#[derive(Clone, Debug)]
pub struct Endpoint {
    /// `im.v1.message_reaction.delete`.
    pub id: String,
    /// Resource the call belongs to (snake_case).
    pub resource: String,
    /// Method name on the resource (snake_case identifier text).
    pub name: String,
    /// Name of the request type (`DeleteMessageReactionRequest`).
    pub request_type: String,
    /// Name of the error enum (`DeleteMessageReactionError`).
    pub error_type: String,
    /// HTTP method.
    pub method: Method,
    /// Path template as documented.
    pub path: String,
    /// The path split into literal text and parameters.
    pub segments: Vec<Segment>,
    /// Path parameters, in path order.
    pub path_params: Vec<Param>,
    /// Query parameters.
    pub query: Vec<Param>,
    /// Extra headers.
    pub headers: Vec<Param>,
    /// Request body type (an object).
    pub body: Option<TypeId>,
    /// The body is sent as `multipart/form-data` (an upload).
    pub multipart: bool,
    /// Response data type.
    pub response: Option<Ty>,
    /// The answer is a file (`response: {type: binary}`), read as a download.
    pub download: bool,
    /// Accepted token types, the default first.
    pub tokens: Vec<TokenType>,
    /// Scopes of which any one allows the call.
    pub scopes: Vec<String>,
    /// Documented calls per second.
    pub per_second: Option<u32>,
    /// Documented calls per minute.
    pub per_minute: Option<u32>,
    /// Kinds of apps that may call it.
    pub app_types: Vec<AppType>,
    /// The platform's page.
    pub doc_url: Option<String>,
    /// The spec's prose about the call, as doc lines: summary first, then
    /// description and rules. The request type's docs add the call's facts.
    pub docs: Vec<String>,
    /// The error enum's variants (own table, then platform-wide).
    pub errors: Vec<ErrorVariant>,
    /// The error enum of an earlier endpoint of the module with the same
    /// table (a YAML anchor shared, or rows written alike): this endpoint's
    /// is an alias of it.
    pub errors_as: Option<String>,
    /// Paging, for list calls.
    pub pagination: Option<Pagination>,
    /// Response fields that need a scope of their own: (dotted path, scopes).
    pub field_scopes: Vec<(String, Vec<String>)>,
    /// From the base spec: generated in the runtime crate.
    pub external: bool,
}

/// A piece of a path template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Text sent as is.
    Literal(String),
    /// The path parameter at this index of [`Endpoint::path_params`].
    Param(usize),
}

/// A path, query or header parameter.
#[derive(Clone, Debug)]
pub struct Param {
    /// Name on the wire.
    pub wire: String,
    /// Rust identifier text.
    pub ident: String,
    /// Its type.
    pub ty: Ty,
    /// Must be given (path parameters always are).
    pub required: bool,
    /// Documented default, as written.
    pub default: Option<String>,
    /// Doc lines.
    pub docs: Vec<String>,
    /// Documented bounds, checked before sending.
    pub bounds: Bounds,
}

/// How a list call pages.
#[derive(Clone, Debug)]
pub struct Pagination {
    /// Rust identifier of the response field with the items.
    pub items_field: String,
    /// Type of one item.
    pub item: Ty,
}

/// A variant of an endpoint's error enum.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorVariant {
    /// PascalCase name.
    pub ident: String,
    /// The response `code`.
    pub code: i64,
    /// Documented HTTP status.
    pub http: Option<u16>,
    /// `msg` as returned.
    pub message: String,
    /// What to do, both languages joined, for the `remedy()` accessor.
    pub remedy: Option<String>,
    /// Doc lines.
    pub docs: Vec<String>,
    /// From the platform-wide table rather than the endpoint's own.
    pub platform: bool,
}

/// An event the platform pushes.
#[derive(Clone, Debug)]
pub struct Event {
    /// `im.message.reaction.deleted_v1`.
    pub event_type: String,
    /// The body type.
    pub body: TypeId,
    /// Variant name in the enum over all events (`MessageReactionDeletedV1`, the body type's name).
    pub variant: String,
    /// The dispatcher's method registering a handler (`on_message_reaction_deleted_v1`).
    pub handler: String,
    /// Envelope version.
    pub envelope: EnvelopeVersion,
    /// A callback's answer type (an object); `None` for an event.
    pub answer: Option<TypeId>,
    /// Scopes of which any one allows subscribing.
    pub scopes: Vec<String>,
    /// Kinds of apps that may subscribe.
    pub app_types: Vec<AppType>,
    /// The platform's page.
    pub doc_url: Option<String>,
    /// Body fields that need a scope of their own: (dotted path, scopes).
    pub field_scopes: Vec<(String, Vec<String>)>,
    /// From the base spec: generated in the runtime crate.
    pub external: bool,
}

/// A row of the platform-wide error table.
#[derive(Clone, Debug)]
pub struct PlatformError {
    /// The response `code`.
    pub code: i64,
    /// PascalCase name, for codes that become variants.
    pub name: Option<String>,
    /// Documented HTTP status.
    pub http: Option<u16>,
    /// `msg` as returned.
    pub message: String,
    /// Other `msg` texts seen with the code.
    pub other_messages: Vec<String>,
    /// What it means (English, Chinese).
    pub description: Option<String>,
    /// What to do.
    pub remedy: Option<String>,
    /// Which endpoints get it as a variant.
    pub applies: Vec<crate::spec::Applies>,
}
