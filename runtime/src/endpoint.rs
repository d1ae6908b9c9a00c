//! What every generated request type tells the client about its endpoint.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{EndpointError, InvalidRequest};

/// HTTP method of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HttpMethod {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl HttpMethod {
    /// `GET`, `POST`, …
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind of access token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenType {
    /// `tenant_access_token`: the app acting in a tenant.
    Tenant,
    /// `user_access_token`: the app acting for a user.
    User,
    /// `app_access_token`: the app itself.
    App,
}

impl TokenType {
    /// `tenant_access_token`, …
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Tenant => "tenant_access_token",
            Self::User => "user_access_token",
            Self::App => "app_access_token",
        }
    }
}

impl fmt::Display for TokenType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A documented rate limit of an endpoint, per app and tenant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RateLimit {
    /// Calls per second.
    pub per_second: Option<u32>,
    /// Calls per minute.
    pub per_minute: Option<u32>,
}

impl RateLimit {
    /// A limit (for generated constants).
    pub const fn new(per_second: Option<u32>, per_minute: Option<u32>) -> Self {
        Self {
            per_second,
            per_minute,
        }
    }
}

/// The `data` of a call that returns none: accepts anything, sends `{}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct NoData;

impl Serialize for NoData {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        serializer.serialize_map(Some(0))?.end()
    }
}

impl<'de> Deserialize<'de> for NoData {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| NoData)
    }
}

/// Scopes some fields need beyond the call's own: (dotted field path, scopes of which one is needed).
pub type FieldScopes = &'static [(&'static str, &'static [&'static str])];

/// A request of one endpoint: its metadata as constants, and how to send it.
///
/// Implemented by every generated `…Request` type. The method names differ
/// from any parameter's, whose setters are named after the parameter.
pub trait Endpoint: Send + Sync {
    /// The response's `data`.
    type Response: DeserializeOwned + Send + 'static;
    /// The endpoint's error enum.
    type Error: EndpointError;
    /// The JSON body (`NoData` when there is none).
    type Body: Serialize + Send + Sync;

    /// `im.v1.message_reaction.delete`.
    const ID: &'static str;
    /// HTTP method.
    const METHOD: HttpMethod;
    /// Path template with `:params`.
    const PATH: &'static str;
    /// Accepted tokens; the first is the default.
    const TOKEN_TYPES: &'static [TokenType];
    /// Scopes of which any one allows the call.
    const SCOPES: &'static [&'static str];
    /// Documented rate limit.
    const RATE_LIMIT: RateLimit;
    /// Response fields that need a scope of their own.
    const FIELD_SCOPES: FieldScopes;

    /// Refuses a request with a value outside a documented bound; called
    /// before anything is sent.
    fn validate(&self) -> Result<(), InvalidRequest> {
        Ok(())
    }

    /// The path with parameters filled in and percent-encoded; refuses empty ones.
    fn render_path(&self) -> Result<String, InvalidRequest>;

    /// Query parameters to send, in order (a repeated parameter appears once per value).
    fn query_pairs(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// Extra headers to send.
    fn header_pairs(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// The JSON body, if the endpoint takes one.
    fn request_body(&self) -> Option<&Self::Body> {
        None
    }

    /// The `multipart/form-data` body of an upload (which then has no JSON
    /// body): its text and file parts, in order.
    fn form(&self) -> Option<crate::upload::Form> {
        None
    }
}

/// One endpoint of the spec, as listed in the generated `ENDPOINTS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct EndpointInfo {
    /// `im.v1.message_reaction.delete`.
    pub id: &'static str,
    /// HTTP method.
    pub method: HttpMethod,
    /// Path template with `:params`.
    pub path: &'static str,
}

impl EndpointInfo {
    /// An entry (for generated tables).
    pub const fn new(id: &'static str, method: HttpMethod, path: &'static str) -> Self {
        Self { id, method, path }
    }
}

/// One page of a paged list.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// Whether the platform says more pages follow (`has_more`).
    pub has_more: bool,
    /// Where the next page starts (`page_token`), as the platform sent it:
    /// missing or empty on the last page, and on a faulty one that says
    /// `has_more`.
    pub page_token: Option<String>,
}

impl<T> Page<T> {
    /// A page (for generated code).
    pub fn new(items: Vec<T>, has_more: bool, page_token: Option<String>) -> Self {
        Self {
            items,
            has_more,
            page_token,
        }
    }
}

/// A request of a paged list endpoint (`page_token` in; `items`,
/// `has_more`, `page_token` out). Implemented by the generated request types.
pub trait Paginated: Endpoint + Clone {
    /// One item of a page.
    type Item;

    /// Sets where the page starts.
    fn set_page_token(&mut self, token: Option<String>);

    /// The items and the next page's token of a response.
    fn page(response: Self::Response) -> Page<Self::Item>;
}
