// Generated from tests/fixtures/events by the `golden` test.
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
        /** A chat was disbanded

 # Event

 - Event type: `im.chat.disbanded_v1`
 - Envelope: schema 2.0, with `header`
 - Scopes to subscribe (any one): `im:chat:readonly`*/
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
        pub struct ChatDisbandedV1 {
            /// `chat_id`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub chat_id: Option<String>,
            /// Who disbanded it.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub operator_id: Option<super::super::common::UserId>,
            /// `external`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub external: Option<bool>,
        }
        ::lark_sdk::__private::deserialize_object!(ChatDisbandedV1);
        impl ::lark_sdk::__private::Object for ChatDisbandedV1 {
            const EXPECTING: &'static str = "struct ChatDisbandedV1";
            const FIELDS: &'static [&'static str] = &[
                "chat_id",
                "operator_id",
                "external",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [
                        &mut value.chat_id,
                        &mut value.operator_id,
                        &mut value.external,
                    ],
                )?;
                Ok(value)
            }
        }
        impl ChatDisbandedV1 {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** Disband a chat

 # Endpoint

 - `DELETE /open-apis/im/v1/chats/:chat_id`
 - Access tokens: `tenant_access_token`, `user_access_token` (the first is the default)
 - Errors: [`DeleteChatError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct DeleteChatRequest {
            /// `chat_id`
            pub chat_id: String,
        }
        impl DeleteChatRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(chat_id: impl Into<String>) -> Self {
                Self { chat_id: chat_id.into() }
            }
        }
        impl ::lark_sdk::Endpoint for DeleteChatRequest {
            type Response = ::lark_sdk::NoData;
            type Error = DeleteChatError;
            type Body = ::lark_sdk::NoData;
            const ID: &'static str = "im.v1.chat.delete";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Delete;
            const PATH: &'static str = "/open-apis/im/v1/chats/:chat_id";
            const TOKEN_TYPES: &'static [::lark_sdk::TokenType] = &[
                ::lark_sdk::TokenType::Tenant,
                ::lark_sdk::TokenType::User,
            ];
            const SCOPES: &'static [&'static str] = &[];
            const RATE_LIMIT: ::lark_sdk::RateLimit = ::lark_sdk::RateLimit::new(
                None,
                None,
            );
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
            fn render_path(&self) -> Result<String, ::lark_sdk::InvalidRequest> {
                let mut path = String::with_capacity(Self::PATH.len() + 32);
                path.push_str("/open-apis/im/v1/chats/");
                ::lark_sdk::__private::push_path_param(
                    &mut path,
                    Self::ID,
                    "chat_id",
                    self.chat_id.as_str(),
                )?;
                Ok(path)
            }
        }
        /** Errors of [`DeleteChatRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.

 Platform-wide codes it is documented to meet: `RateLimited` (99991400), `TenantTokenInvalid` (99991663).*/
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum DeleteChatError {
            /// A platform-wide code (通用错误码): rate limits, tokens, scopes.
            Platform(super::super::common::PlatformError),
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl DeleteChatError {
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for DeleteChatError {
            fn api_error(&self) -> &::lark_sdk::ApiError {
                match self {
                    Self::Platform(p) => p.api_error(),
                    Self::Unhandled(u) => u.api_error(),
                }
            }
            fn spec(&self) -> Option<&'static ::lark_sdk::ErrorSpec> {
                match self {
                    Self::Platform(p) => Some(p.spec()),
                    Self::Unhandled(_) => None,
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
        impl From<::lark_sdk::ApiError> for DeleteChatError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                match super::super::common::PlatformError::classify(error) {
                    Ok(platform) => Self::Platform(platform),
                    Err(unhandled) => Self::Unhandled(unhandled),
                }
            }
        }
        impl ::core::fmt::Display for DeleteChatError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for DeleteChatError {}
        impl ChatDisbandedV1 {
            /// The event type, as in the envelope.
            pub const EVENT_TYPE: &'static str = "im.chat.disbanded_v1";
        }
        impl ::lark_sdk::event::EventBody for ChatDisbandedV1 {
            const EVENT_TYPE: &'static str = "im.chat.disbanded_v1";
            const SCHEMA: ::lark_sdk::event::EventSchema = ::lark_sdk::event::EventSchema::V2;
            const SCOPES: &'static [&'static str] = &["im:chat:readonly"];
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[
                ("operator_id.user_id", &["contact:user.employee_id:readonly"]),
            ];
            type Envelope = ::lark_sdk::event::EventEnvelope<Self>;
        }
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
            /// Calls on `chat`.
            pub fn chat(self) -> ChatCalls<'a> {
                ChatCalls {
                    client: self.client(),
                    options: ::lark_sdk::RequestOptions::NONE,
                }
            }
        }
        /// The calls on `chat`.
        #[derive(Clone, Copy, Debug)]
        pub struct ChatCalls<'a> {
            client: &'a ::lark_sdk::Client,
            options: &'a ::lark_sdk::RequestOptions,
        }
        impl<'a> ChatCalls<'a> {
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
            /** Disband a chat

 `DELETE /open-apis/im/v1/chats/:chat_id`; see [`DeleteChatRequest`].

 Resolves to `Result<NoData, Error<DeleteChatError>>` when awaited.*/
            pub fn delete(
                self,
                request: DeleteChatRequest,
            ) -> ::lark_sdk::client::Call<'a, DeleteChatRequest> {
                ::lark_sdk::client::Call::new(self.client, self.options, request)
            }
        }
    }
}
pub mod common {
    //! Platform-wide types and errors.
    /// `UserId`
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
    pub struct UserId {
        /// `open_id`
        #[serde(skip_serializing_if = "Option::is_none")]
        pub open_id: Option<String>,
        /** `user_id`

 Filled only when the app has one of the scopes `contact:user.employee_id:readonly` (字段权限).*/
        #[serde(skip_serializing_if = "Option::is_none")]
        pub user_id: Option<String>,
    }
    ::lark_sdk::__private::deserialize_object!(UserId);
    impl ::lark_sdk::__private::Object for UserId {
        const EXPECTING: &'static str = "struct UserId";
        const FIELDS: &'static [&'static str] = &["open_id", "user_id"];
        fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
            mut map: A,
        ) -> Result<Self, A::Error> {
            let mut value = <Self as Default>::default();
            ::lark_sdk::__private::read_fields(
                &mut map,
                Self::FIELDS,
                &mut [&mut value.open_id, &mut value.user_id],
            )?;
            Ok(value)
        }
    }
    impl UserId {
        /** Creates a value from its required fields; the others start
 as `None`.*/
        pub fn new() -> Self {
            <Self as Default>::default()
        }
    }
    /** The platform pushes a store app's app_ticket

 # Event

 - Event type: `app_ticket`
 - Envelope: schema 1.0 (`uuid`, `token`, `type`)*/
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
    pub struct AppTicket {
        /// `app_id`
        #[serde(skip_serializing_if = "Option::is_none")]
        pub app_id: Option<String>,
        /// `app_ticket`
        #[serde(skip_serializing_if = "Option::is_none")]
        pub app_ticket: Option<String>,
        /// `type`
        #[serde(skip_serializing_if = "Option::is_none")]
        pub r#type: Option<String>,
    }
    ::lark_sdk::__private::deserialize_object!(AppTicket);
    impl ::lark_sdk::__private::Object for AppTicket {
        const EXPECTING: &'static str = "struct AppTicket";
        const FIELDS: &'static [&'static str] = &["app_id", "app_ticket", "type"];
        fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
            mut map: A,
        ) -> Result<Self, A::Error> {
            let mut value = <Self as Default>::default();
            ::lark_sdk::__private::read_fields(
                &mut map,
                Self::FIELDS,
                &mut [&mut value.app_id, &mut value.app_ticket, &mut value.r#type],
            )?;
            Ok(value)
        }
    }
    impl AppTicket {
        /** Creates a value from its required fields; the others start
 as `None`.*/
        pub fn new() -> Self {
            <Self as Default>::default()
        }
    }
    impl AppTicket {
        /// The event type, as in the envelope.
        pub const EVENT_TYPE: &'static str = "app_ticket";
    }
    impl ::lark_sdk::event::EventBody for AppTicket {
        const EVENT_TYPE: &'static str = "app_ticket";
        const SCHEMA: ::lark_sdk::event::EventSchema = ::lark_sdk::event::EventSchema::V1;
        const SCOPES: &'static [&'static str] = &[];
        const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
        type Envelope = ::lark_sdk::event::EventV1Envelope<Self>;
    }
    /// The platform-wide error table (通用错误码), sorted by code.
    pub const PLATFORM_ERRORS: &[::lark_sdk::PlatformErrorInfo] = &[
        ::lark_sdk::PlatformErrorInfo::new(
            40001i64,
            None,
            None,
            "param error",
            &["market place app is not allowed to update user or department"],
            None,
            None,
        ),
        ::lark_sdk::PlatformErrorInfo::new(
            99991400i64,
            Some("RateLimited"),
            Some(429u16),
            "request trigger frequency limit",
            &[],
            None,
            None,
        ),
        ::lark_sdk::PlatformErrorInfo::new(
            99991663i64,
            Some("TenantTokenInvalid"),
            None,
            "Invalid access token for authorization",
            &[],
            None,
            None,
        ),
    ];
    /// The platform-wide table's entry for a code.
    pub fn platform_error(
        code: i64,
    ) -> ::core::option::Option<&'static ::lark_sdk::PlatformErrorInfo> {
        PLATFORM_ERRORS
            .binary_search_by_key(&code, |e| e.code)
            .ok()
            .map(|i| &PLATFORM_ERRORS[i])
    }
    /// A platform-wide code (通用错误码) the spec names: every
    /// endpoint's error enum holds one in its `Platform` variant.
    #[derive(Clone, Debug, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum PlatformError {
        /// `99991400` (HTTP 429): request trigger frequency limit (platform-wide)
        RateLimited(Box<::lark_sdk::ApiError>),
        /// `99991663`: Invalid access token for authorization (platform-wide)
        TenantTokenInvalid(Box<::lark_sdk::ApiError>),
    }
    impl PlatformError {
        /// The row of `RateLimited`.
        pub const RATE_LIMITED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
            "RateLimited",
            99991400i64,
            Some(429u16),
            "request trigger frequency limit",
        );
        /// The row of `TenantTokenInvalid`.
        pub const TENANT_TOKEN_INVALID: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
            "TenantTokenInvalid",
            99991663i64,
            None,
            "Invalid access token for authorization",
        );
        /// Every row with a variant of its own, in table order.
        pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[
            Self::RATE_LIMITED,
            Self::TENANT_TOKEN_INVALID,
        ];
        /// A named platform-wide code, or the error kept as
        /// unhandled (with the table's entry, if it has one).
        pub fn classify(
            error: Box<::lark_sdk::ApiError>,
        ) -> Result<Self, ::lark_sdk::Unhandled> {
            match error.code {
                99991400i64 => Ok(Self::RateLimited(error)),
                99991663i64 => Ok(Self::TenantTokenInvalid(error)),
                code => Err(::lark_sdk::Unhandled::new(error, platform_error(code))),
            }
        }
        /// The platform's error as returned.
        pub fn api_error(&self) -> &::lark_sdk::ApiError {
            match self {
                Self::RateLimited(e) | Self::TenantTokenInvalid(e) => e,
            }
        }
        /// The row of this code.
        pub fn spec(&self) -> &'static ::lark_sdk::ErrorSpec {
            match self {
                Self::RateLimited(_) => &Self::SPECS[0usize],
                Self::TenantTokenInvalid(_) => &Self::SPECS[1usize],
            }
        }
    }
}
/// Every event of the spec, decoded by its type; any other type is
/// kept whole in `Unknown`.
#[derive(::core::clone::Clone, ::core::fmt::Debug)]
#[non_exhaustive]
pub enum Event {
    /// `im.chat.disbanded_v1`: A chat was disbanded
    ChatDisbandedV1(
        ::std::boxed::Box<::lark_sdk::event::EventEnvelope<im::v1::ChatDisbandedV1>>,
    ),
    /// `app_ticket`: The platform pushes a store app's app_ticket
    AppTicket(::std::boxed::Box<::lark_sdk::event::EventV1Envelope<common::AppTicket>>),
    /// An event type the spec does not describe.
    Unknown(::lark_sdk::event::RawEvent),
}
impl Event {
    /// Every event type the spec describes (with per-service
    /// features: also those of services not compiled in).
    pub const TYPES: &'static [&'static str] = &["im.chat.disbanded_v1", "app_ticket"];
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
            match envelope.event_type() {
                "im.chat.disbanded_v1" => {
                    Self::ChatDisbandedV1(
                        ::std::boxed::Box::new(
                            envelope.decode::<im::v1::ChatDisbandedV1>()?,
                        ),
                    )
                }
                "app_ticket" => {
                    Self::AppTicket(
                        ::std::boxed::Box::new(envelope.decode::<common::AppTicket>()?),
                    )
                }
                _ => Self::Unknown(::lark_sdk::event::RawEvent::new(envelope, json)?),
            },
        )
    }
    /// The event type.
    pub fn event_type(&self) -> &str {
        match self {
            Self::ChatDisbandedV1(_) => "im.chat.disbanded_v1",
            Self::AppTicket(_) => "app_ticket",
            Self::Unknown(raw) => raw.event_type(),
        }
    }
}
/// Every endpoint of the spec: id, method and path.
pub const ENDPOINTS: &[::lark_sdk::EndpointInfo] = &[
    ::lark_sdk::EndpointInfo::new(
        "im.v1.chat.delete",
        ::lark_sdk::HttpMethod::Delete,
        "/open-apis/im/v1/chats/:chat_id",
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
/// Handler registration for this spec's events: `dispatcher.on_…(handler)`.
pub trait DispatcherExt: ::core::marker::Sized {
    /// Handles `im.chat.disbanded_v1` events.
    fn on_chat_disbanded_v1<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<im::v1::ChatDisbandedV1>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static;
    /// Handles `app_ticket` events.
    fn on_app_ticket<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(::lark_sdk::event::EventV1Envelope<common::AppTicket>) -> Fut
            + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static;
}
impl DispatcherExt for ::lark_sdk::event::Dispatcher {
    /// Handles `im.chat.disbanded_v1` events.
    fn on_chat_disbanded_v1<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<im::v1::ChatDisbandedV1>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static,
    {
        self.on::<im::v1::ChatDisbandedV1, F, Fut>(handler)
    }
    /// Handles `app_ticket` events.
    fn on_app_ticket<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(::lark_sdk::event::EventV1Envelope<common::AppTicket>) -> Fut
            + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static,
    {
        self.on::<common::AppTicket, F, Fut>(handler)
    }
}
/// Every extension trait of this spec, for `use …::prelude::*;`.
#[allow(unused_imports)]
pub mod prelude {
    pub use super::ClientExt as _;
    pub use ::lark_sdk::EndpointError as _;
    pub use super::DispatcherExt as _;
}
