// Generated from tests/fixtures/download by the `golden` test.
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
        /** Get a file or image of a message

 # Endpoint

 - `GET /open-apis/im/v1/messages/:message_id/resources/:file_key`
 - Access tokens: `tenant_access_token` (the first is the default)
 - Errors: [`GetMessageResourceError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct GetMessageResourceRequest {
            /// `message_id`
            pub message_id: String,
            /// `file_key`
            pub file_key: String,
            /// `image` or `file`.
            pub kind: String,
        }
        impl GetMessageResourceRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(
                message_id: impl Into<String>,
                file_key: impl Into<String>,
                kind: impl Into<String>,
            ) -> Self {
                Self {
                    message_id: message_id.into(),
                    file_key: file_key.into(),
                    kind: kind.into(),
                }
            }
        }
        impl ::lark_sdk::Endpoint for GetMessageResourceRequest {
            type Response = ::lark_sdk::NoData;
            type Error = GetMessageResourceError;
            type Body = ::lark_sdk::NoData;
            const ID: &'static str = "im.v1.message_resource.get";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Get;
            const PATH: &'static str = "/open-apis/im/v1/messages/:message_id/resources/:file_key";
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
                path.push_str("/resources/");
                ::lark_sdk::__private::push_path_param(
                    &mut path,
                    Self::ID,
                    "file_key",
                    self.file_key.as_str(),
                )?;
                Ok(path)
            }
            fn query_pairs(&self) -> Vec<(&'static str, String)> {
                vec![("type", ToString::to_string(& self.kind))]
            }
        }
        /// Errors of [`GetMessageResourceRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum GetMessageResourceError {
            /// `234003` (HTTP 400): File not in msg.
            FileNotInMessage(Box<::lark_sdk::ApiError>),
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl GetMessageResourceError {
            /// The row of `FileNotInMessage`.
            pub const FILE_NOT_IN_MESSAGE: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                "FileNotInMessage",
                234003i64,
                Some(400u16),
                "File not in msg.",
            );
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[
                Self::FILE_NOT_IN_MESSAGE,
            ];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for GetMessageResourceError {
            fn api_error(&self) -> &::lark_sdk::ApiError {
                match self {
                    Self::FileNotInMessage(e) => e,
                    Self::Unhandled(u) => u.api_error(),
                }
            }
            fn spec(&self) -> Option<&'static ::lark_sdk::ErrorSpec> {
                match self {
                    Self::Unhandled(_) => None,
                    _ => Self::SPECS.iter().find(|row| row.code == self.api_error().code),
                }
            }
            fn platform_info(&self) -> Option<&'static ::lark_sdk::PlatformErrorInfo> {
                match self {
                    Self::Unhandled(u) => u.platform_info(),
                    _ => None,
                }
            }
        }
        #[allow(deprecated)]
        impl From<::lark_sdk::ApiError> for GetMessageResourceError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                match error.code {
                    234003i64 => Self::FileNotInMessage(error),
                    _ => Self::Unhandled(::lark_sdk::Unhandled::new(error, None)),
                }
            }
        }
        impl ::core::fmt::Display for GetMessageResourceError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for GetMessageResourceError {}
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
            /// Calls on `message_resource`.
            pub fn message_resource(self) -> MessageResourceCalls<'a> {
                MessageResourceCalls {
                    client: self.client(),
                    options: ::lark_sdk::RequestOptions::NONE,
                }
            }
        }
        /// The calls on `message_resource`.
        #[derive(Clone, Copy, Debug)]
        pub struct MessageResourceCalls<'a> {
            client: &'a ::lark_sdk::Client,
            options: &'a ::lark_sdk::RequestOptions,
        }
        impl<'a> MessageResourceCalls<'a> {
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
            /** Get a file or image of a message

 `GET /open-apis/im/v1/messages/:message_id/resources/:file_key`; see [`GetMessageResourceRequest`].

 Resolves to `Result<Download, Error<GetMessageResourceError>>` when awaited.*/
            pub fn get(
                self,
                request: GetMessageResourceRequest,
            ) -> ::lark_sdk::client::DownloadCall<'a, GetMessageResourceRequest> {
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
        "im.v1.message_resource.get",
        ::lark_sdk::HttpMethod::Get,
        "/open-apis/im/v1/messages/:message_id/resources/:file_key",
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
