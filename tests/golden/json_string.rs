// Generated from tests/fixtures/json_string by the `golden` test.
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
        /// The content of a text message.
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct TextContent {
            /// `text`
            pub text: String,
        }
        ::lark_sdk::__private::deserialize_object!(TextContent);
        impl ::lark_sdk::__private::Object for TextContent {
            const EXPECTING: &'static str = "struct TextContent";
            const FIELDS: &'static [&'static str] = &["text"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0],
                )?;
                Ok(Self { text: f0.take("text")? })
            }
        }
        impl TextContent {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(text: impl Into<String>) -> Self {
                Self { text: text.into() }
            }
        }
        /// `MessageBody`
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
        pub struct MessageBody {
            /// The content, as JSON in a string.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub content: Option<::lark_sdk::JsonString<TextContent>>,
        }
        ::lark_sdk::__private::deserialize_object!(MessageBody);
        impl ::lark_sdk::__private::Object for MessageBody {
            const EXPECTING: &'static str = "struct MessageBody";
            const FIELDS: &'static [&'static str] = &["content"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.content],
                )?;
                Ok(value)
            }
        }
        impl MessageBody {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /// `CreateMessageRequestBody`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct CreateMessageRequestBody {
            /// `receive_id`
            pub receive_id: String,
            /// `msg_type`
            pub msg_type: String,
            /// `content`
            pub content: ::lark_sdk::JsonString<TextContent>,
        }
        ::lark_sdk::__private::deserialize_object!(CreateMessageRequestBody);
        impl ::lark_sdk::__private::Object for CreateMessageRequestBody {
            const EXPECTING: &'static str = "struct CreateMessageRequestBody";
            const FIELDS: &'static [&'static str] = &[
                "receive_id",
                "msg_type",
                "content",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                let mut f1 = ::lark_sdk::__private::Required::<String>::new();
                let mut f2 = ::lark_sdk::__private::Required::<
                    ::lark_sdk::JsonString<TextContent>,
                >::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0, &mut f1, &mut f2],
                )?;
                Ok(Self {
                    receive_id: f0.take("receive_id")?,
                    msg_type: f1.take("msg_type")?,
                    content: f2.take("content")?,
                })
            }
        }
        impl CreateMessageRequestBody {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(
                receive_id: impl Into<String>,
                msg_type: impl Into<String>,
                content: impl Into<::lark_sdk::JsonString<TextContent>>,
            ) -> Self {
                Self {
                    receive_id: receive_id.into(),
                    msg_type: msg_type.into(),
                    content: content.into(),
                }
            }
        }
        /// `CreateMessageResponse`
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
        pub struct CreateMessageResponse {
            /// `message_id`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub message_id: Option<String>,
            /// `body`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub body: Option<MessageBody>,
        }
        ::lark_sdk::__private::deserialize_object!(CreateMessageResponse);
        impl ::lark_sdk::__private::Object for CreateMessageResponse {
            const EXPECTING: &'static str = "struct CreateMessageResponse";
            const FIELDS: &'static [&'static str] = &["message_id", "body"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.message_id, &mut value.body],
                )?;
                Ok(value)
            }
        }
        impl CreateMessageResponse {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** Send a message

 # Endpoint

 - `POST /open-apis/im/v1/messages`
 - Access tokens: `tenant_access_token` (the first is the default)
 - Errors: [`CreateMessageError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct CreateMessageRequest {
            /// The JSON body.
            pub body: CreateMessageRequestBody,
        }
        impl CreateMessageRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(body: CreateMessageRequestBody) -> Self {
                Self { body }
            }
            /// Replaces the body.
            pub fn body(mut self, body: CreateMessageRequestBody) -> Self {
                self.body = body;
                self
            }
        }
        impl ::lark_sdk::Endpoint for CreateMessageRequest {
            type Response = CreateMessageResponse;
            type Error = CreateMessageError;
            type Body = CreateMessageRequestBody;
            const ID: &'static str = "im.v1.message.create";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Post;
            const PATH: &'static str = "/open-apis/im/v1/messages";
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
                path.push_str("/open-apis/im/v1/messages");
                Ok(path)
            }
            fn request_body(&self) -> Option<&Self::Body> {
                Some(&self.body)
            }
        }
        /// Errors of [`CreateMessageRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum CreateMessageError {
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl CreateMessageError {
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for CreateMessageError {
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
        impl From<::lark_sdk::ApiError> for CreateMessageError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                Self::Unhandled(::lark_sdk::Unhandled::new(error, None))
            }
        }
        impl ::core::fmt::Display for CreateMessageError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for CreateMessageError {}
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
            /// Calls on `message`.
            pub fn message(self) -> MessageCalls<'a> {
                MessageCalls {
                    client: self.client(),
                    options: ::lark_sdk::RequestOptions::NONE,
                }
            }
        }
        /// The calls on `message`.
        #[derive(Clone, Copy, Debug)]
        pub struct MessageCalls<'a> {
            client: &'a ::lark_sdk::Client,
            options: &'a ::lark_sdk::RequestOptions,
        }
        impl<'a> MessageCalls<'a> {
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
            /** Send a message

 `POST /open-apis/im/v1/messages`; see [`CreateMessageRequest`].

 Resolves to `Result<CreateMessageResponse, Error<CreateMessageError>>` when awaited.*/
            pub fn create(
                self,
                request: CreateMessageRequest,
            ) -> ::lark_sdk::client::Call<'a, CreateMessageRequest> {
                ::lark_sdk::client::Call::new(self.client, self.options, request)
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
        "im.v1.message.create",
        ::lark_sdk::HttpMethod::Post,
        "/open-apis/im/v1/messages",
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
