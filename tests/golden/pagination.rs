// Generated from tests/fixtures/pagination by the `golden` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.

pub mod im {
    //! The `im` service.
    /// The calls of the `im` service.
    #[derive(Clone, Copy, Debug)]
    pub struct Calls<'a> {
        client: &'a ::lark_sdk::Client,
    }
    impl<'a> Calls<'a> {
        pub(crate) fn from_client(client: &'a ::lark_sdk::Client) -> Self {
            Self { client }
        }
        /// The client these calls go through.
        pub fn client(self) -> &'a ::lark_sdk::Client {
            self.client
        }
        /// Version `v1`.
        pub fn v1(self) -> v1::Calls<'a> {
            v1::Calls::from_client(self.client())
        }
    }
    pub mod v1 {
        //! Version `v1` of the `im` service.
        /// `Reaction`
        #[derive(
            Clone,
            Debug,
            PartialEq,
            Eq,
            Default,
            ::lark_sdk::__private::serde::Serialize,
        )]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct Reaction {
            /// `reaction_id`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub reaction_id: Option<String>,
            /// `emoji_type`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub emoji_type: Option<String>,
        }
        ::lark_sdk::__private::deserialize_object!(Reaction);
        impl ::lark_sdk::__private::Object for Reaction {
            const EXPECTING: &'static str = "struct Reaction";
            const FIELDS: &'static [&'static str] = &["reaction_id", "emoji_type"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.reaction_id, &mut value.emoji_type],
                )?;
                Ok(value)
            }
        }
        impl Reaction {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /// `ListMessageReactionResponse`
        #[derive(
            Clone,
            Debug,
            PartialEq,
            Eq,
            Default,
            ::lark_sdk::__private::serde::Serialize,
        )]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct ListMessageReactionResponse {
            /// `items`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub items: Option<Vec<Reaction>>,
            /// `has_more`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub has_more: Option<bool>,
            /// `page_token`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub page_token: Option<String>,
        }
        ::lark_sdk::__private::deserialize_object!(ListMessageReactionResponse);
        impl ::lark_sdk::__private::Object for ListMessageReactionResponse {
            const EXPECTING: &'static str = "struct ListMessageReactionResponse";
            const FIELDS: &'static [&'static str] = &["items", "has_more", "page_token"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.items, &mut value.has_more, &mut value.page_token],
                )?;
                Ok(value)
            }
        }
        impl ListMessageReactionResponse {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** List the reactions of a message

 # Endpoint

 - `GET /open-apis/im/v1/messages/:message_id/reactions`
 - Access tokens: `tenant_access_token` (the first is the default)
 - Errors: [`ListMessageReactionError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct ListMessageReactionRequest {
            /// `message_id`
            pub message_id: String,
            /// Only this emoji.
            pub reaction_type: Option<String>,
            /// Where the previous page ended.
            pub page_token: Option<String>,
            /** Items per page (at most 50).

 Default: `20`*/
            pub page_size: Option<i32>,
        }
        impl ListMessageReactionRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(message_id: impl Into<String>) -> Self {
                Self {
                    message_id: message_id.into(),
                    reaction_type: None,
                    page_token: None,
                    page_size: None,
                }
            }
            /// Sets [`Self::reaction_type`].
            pub fn reaction_type(mut self, value: impl Into<String>) -> Self {
                self.reaction_type = Some(value.into());
                self
            }
            /// Sets [`Self::page_token`].
            pub fn page_token(mut self, value: impl Into<String>) -> Self {
                self.page_token = Some(value.into());
                self
            }
            /// Sets [`Self::page_size`].
            pub fn page_size(mut self, value: impl Into<i32>) -> Self {
                self.page_size = Some(value.into());
                self
            }
        }
        impl ::lark_sdk::Endpoint for ListMessageReactionRequest {
            type Response = ListMessageReactionResponse;
            type Error = ListMessageReactionError;
            type Body = ::lark_sdk::NoData;
            const ID: &'static str = "im.v1.message_reaction.list";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Get;
            const PATH: &'static str = "/open-apis/im/v1/messages/:message_id/reactions";
            const TOKEN_TYPES: &'static [::lark_sdk::TokenType] = &[
                ::lark_sdk::TokenType::Tenant,
            ];
            const SCOPES: &'static [&'static str] = &[];
            const RATE_LIMIT: ::lark_sdk::RateLimit = ::lark_sdk::RateLimit::new(
                None,
                None,
            );
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
            fn render_path(&self) -> Result<String, ::lark_sdk::InvalidRequest> {
                let mut path = String::with_capacity(Self::PATH.len() + 32);
                path.push_str("/open-apis/im/v1/messages/");
                ::lark_sdk::__private::push_path_param(
                    &mut path,
                    Self::ID,
                    "message_id",
                    self.message_id.as_str(),
                )?;
                path.push_str("/reactions");
                Ok(path)
            }
            fn query_pairs(&self) -> Vec<(&'static str, String)> {
                let mut pairs = vec![];
                if let Some(value) = &self.reaction_type {
                    pairs.push(("reaction_type", ToString::to_string(value)));
                }
                if let Some(value) = &self.page_token {
                    pairs.push(("page_token", ToString::to_string(value)));
                }
                if let Some(value) = &self.page_size {
                    pairs.push(("page_size", ToString::to_string(value)));
                }
                pairs
            }
        }
        impl ::lark_sdk::Paginated for ListMessageReactionRequest {
            type Item = Reaction;
            fn set_page_token(&mut self, token: Option<String>) {
                self.page_token = token;
            }
            fn page(response: Self::Response) -> ::lark_sdk::Page<Self::Item> {
                ::lark_sdk::Page::new(
                    response.items.unwrap_or_default(),
                    response.has_more.unwrap_or(false),
                    response.page_token,
                )
            }
        }
        /// Errors of [`ListMessageReactionRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum ListMessageReactionError {
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl ListMessageReactionError {
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for ListMessageReactionError {
            fn api_error(&self) -> &::lark_sdk::ApiError {
                match self {
                    Self::Unhandled(u) => u.api_error(),
                }
            }
            fn spec(&self) -> Option<&'static ::lark_sdk::ErrorSpec> {
                match self {
                    Self::Unhandled(_) => None,
                }
            }
            fn platform_info(&self) -> Option<&'static ::lark_sdk::PlatformErrorInfo> {
                match self {
                    Self::Unhandled(u) => u.platform_info(),
                }
            }
        }
        #[allow(deprecated)]
        impl From<::lark_sdk::ApiError> for ListMessageReactionError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                Self::Unhandled(::lark_sdk::Unhandled::new(error, None))
            }
        }
        impl ::core::fmt::Display for ListMessageReactionError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for ListMessageReactionError {}
        /// The calls of `im.v1`.
        #[derive(Clone, Copy, Debug)]
        pub struct Calls<'a> {
            client: &'a ::lark_sdk::Client,
        }
        impl<'a> Calls<'a> {
            pub(crate) fn from_client(client: &'a ::lark_sdk::Client) -> Self {
                Self { client }
            }
            /// The client these calls go through.
            pub fn client(self) -> &'a ::lark_sdk::Client {
                self.client
            }
            /// Calls on `message_reaction`.
            pub fn message_reaction(self) -> MessageReactionCalls<'a> {
                MessageReactionCalls {
                    client: self.client(),
                    options: ::lark_sdk::RequestOptions::NONE,
                }
            }
        }
        /// The calls on `message_reaction`.
        #[derive(Clone, Copy, Debug)]
        pub struct MessageReactionCalls<'a> {
            client: &'a ::lark_sdk::Client,
            options: &'a ::lark_sdk::RequestOptions,
        }
        impl<'a> MessageReactionCalls<'a> {
            /// The client these calls go through.
            pub fn client(self) -> &'a ::lark_sdk::Client {
                self.client
            }
            /// The options these calls are made with.
            pub fn options(self) -> &'a ::lark_sdk::RequestOptions {
                self.options
            }
            /// These calls with per-call options (a user token, a store app's tenant).
            pub fn with(self, options: &'a ::lark_sdk::RequestOptions) -> Self {
                Self { options, ..self }
            }
            /** List the reactions of a message

 `GET /open-apis/im/v1/messages/:message_id/reactions`; see [`ListMessageReactionRequest`].

 Resolves to `Result<ListMessageReactionResponse, Error<ListMessageReactionError>>` when awaited.*/
            pub fn list(
                self,
                request: ListMessageReactionRequest,
            ) -> ::lark_sdk::client::Call<'a, ListMessageReactionRequest> {
                ::lark_sdk::client::Call::new(self.client, self.options, request)
            }
            /// List the reactions of a message: every item, page after page.
            pub fn list_all(
                self,
                request: ListMessageReactionRequest,
            ) -> ::lark_sdk::client::Paginator<ListMessageReactionRequest> {
                self.client.paginate(request)
            }
        }
    }
}
/// Every event of the spec, decoded by its type; any other type is
/// kept whole in `Unknown`.
#[derive(::core::clone::Clone, ::core::fmt::Debug)]
#[non_exhaustive]
pub enum Event {
    /// An event type the spec does not describe.
    Unknown(::lark_sdk::event::RawEvent),
}
impl Event {
    /// Every event type the spec describes (with per-service
    /// features: also those of services not compiled in).
    pub const TYPES: &'static [&'static str] = &[];
    /// Decodes a plaintext event (a decrypted webhook body or a
    /// long-connection payload), 2.0 or 1.0.
    #[inline]
    pub fn from_slice(
        json: &[u8],
    ) -> ::core::result::Result<Self, ::lark_sdk::event::EventDecodeError> {
        let envelope = ::lark_sdk::event::EnvelopeRef::parse(json)?;
        Self::from_envelope(&envelope, json)
    }
    /// Decodes an event whose envelope is already read.
    #[inline]
    pub fn from_envelope(
        envelope: &::lark_sdk::event::EnvelopeRef<'_>,
        json: &[u8],
    ) -> ::core::result::Result<Self, ::lark_sdk::event::EventDecodeError> {
        ::core::result::Result::Ok(
            Self::Unknown(::lark_sdk::event::RawEvent::new(envelope, json)?),
        )
    }
    /// The event type.
    pub fn event_type(&self) -> &str {
        match self {
            Self::Unknown(raw) => raw.event_type(),
        }
    }
}
/// Every endpoint of the spec: id, method and path.
pub const ENDPOINTS: &[::lark_sdk::EndpointInfo] = &[
    ::lark_sdk::EndpointInfo::new(
        "im.v1.message_reaction.list",
        ::lark_sdk::HttpMethod::Get,
        "/open-apis/im/v1/messages/:message_id/reactions",
    ),
];
/// The calls of this spec's services on the client: `client.im().v1()…`.
pub trait ClientExt {
    /// The calls of the `im` service.
    fn im(&self) -> im::Calls<'_>;
}
impl ClientExt for ::lark_sdk::Client {
    /// The calls of the `im` service.
    fn im(&self) -> im::Calls<'_> {
        im::Calls::from_client(self)
    }
}
/// Every extension trait of this spec, for `use …::prelude::*;`.
#[allow(unused_imports)]
pub mod prelude {
    pub use super::ClientExt as _;
    pub use ::lark_sdk::EndpointError as _;
}
