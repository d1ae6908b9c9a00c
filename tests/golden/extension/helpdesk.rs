// Generated from examples/helpdesk/spec over spec by the `extension` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test extension` to update.

pub mod helpdesk {
    //! The `helpdesk` service.
    pub mod v1 {
        //! Version `v1` of the `helpdesk` service.
        /// `TicketMessageContent`
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
        pub struct TicketMessageContent {
            /** The text, or the rich text as JSON.

 内容*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub content: Option<String>,
            /** `text`, `post` (rich text) or `image`.

 消息类型；text：纯文本；post：富文本；image：图片*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub msg_type: Option<String>,
            /** The images' keys.

 图片 ID*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub image_keys: Option<Vec<String>>,
            /** The image's key.

 图片 ID*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub image_key: Option<String>,
        }
        ::lark_sdk::__private::deserialize_object!(TicketMessageContent);
        impl ::lark_sdk::__private::Object for TicketMessageContent {
            const EXPECTING: &'static str = "struct TicketMessageContent";
            const FIELDS: &'static [&'static str] = &[
                "content",
                "msg_type",
                "image_keys",
                "image_key",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [
                        &mut value.content,
                        &mut value.msg_type,
                        &mut value.image_keys,
                        &mut value.image_key,
                    ],
                )?;
                Ok(value)
            }
        }
        impl TicketMessageContent {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /// `ListCategoryResponse`
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
        pub struct ListCategoryResponse {
            /** The categories.

 知识库分类列表*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub categories: Option<Vec<::lark_sdk::helpdesk::v1::Categories>>,
        }
        ::lark_sdk::__private::deserialize_object!(ListCategoryResponse);
        impl ::lark_sdk::__private::Object for ListCategoryResponse {
            const EXPECTING: &'static str = "struct ListCategoryResponse";
            const FIELDS: &'static [&'static str] = &["categories"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.categories],
                )?;
                Ok(value)
            }
        }
        impl ListCategoryResponse {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** A message was added to a help desk ticket (工单消息事件)

 # Event

 - Event type: `helpdesk.ticket_message.created_v1`
 - Envelope: schema 2.0, with `header`
 - Scopes to subscribe (any one): `helpdesk:all`
 - App types: custom
 - Documentation: <https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/helpdesk-v1/ticket_message/events/created>*/
        #[derive(
            Clone,
            Debug,
            PartialEq,
            Default,
            ::lark_sdk::__private::serde::Serialize,
        )]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct TicketMessageCreatedV1 {
            /** The ticket message's ID.

 工单消息 ID

 Example: `6949088236610273283`*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub ticket_message_id: Option<String>,
            /** The IM message's ID.

 消息 ID

 Example: `om_8baa3656c7b41900d29bf9104bf5310b`*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub message_id: Option<String>,
            /** `text`, the only type so far.

 消息类型，目前仅支持 text

 Example: `text`*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub msg_type: Option<String>,
            /** Where the message stands in the ticket.

 消息位置

 Example: `3`*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub position: Option<String>,
            /** Who sent it; absent when the bot did.

 发送者 ID，机器人发送时为空*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub sender_id: Option<::lark_sdk::common::UserId>,
            /** What sent it.

 发送者类型*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub sender_type: Option<TicketMessageSenderType>,
            /** The message's text.

 内容

 Example: `hello`*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub text: Option<String>,
            /** The ticket.

 工单信息*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub ticket: Option<::lark_sdk::helpdesk::v1::Ticket>,
            /** The event's ID.

 事件 ID*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub event_id: Option<String>,
            /** The ticket's chat.

 会话 ID

 Example: `oc_3a4d1ba2b8d47ec1b22ad0ef8d8b6d3a`*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub chat_id: Option<String>,
            /** The message's content.

 消息内容*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub content: Option<TicketMessageContent>,
        }
        ::lark_sdk::__private::deserialize_object!(TicketMessageCreatedV1);
        impl ::lark_sdk::__private::Object for TicketMessageCreatedV1 {
            const EXPECTING: &'static str = "struct TicketMessageCreatedV1";
            const FIELDS: &'static [&'static str] = &[
                "ticket_message_id",
                "message_id",
                "msg_type",
                "position",
                "sender_id",
                "sender_type",
                "text",
                "ticket",
                "event_id",
                "chat_id",
                "content",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [
                        &mut value.ticket_message_id,
                        &mut value.message_id,
                        &mut value.msg_type,
                        &mut value.position,
                        &mut value.sender_id,
                        &mut value.sender_type,
                        &mut value.text,
                        &mut value.ticket,
                        &mut value.event_id,
                        &mut value.chat_id,
                        &mut value.content,
                    ],
                )?;
                Ok(value)
            }
        }
        impl TicketMessageCreatedV1 {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** What sent it.

 发送者类型

 Open: a number the spec does not list is kept, and sent back as is.
 Sent as a JSON number.*/
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum TicketMessageSenderType {
            /** `1`

 The help desk's bot.

 机器人*/
            Bot,
            /** `2`

 The user who opened the ticket.

 用户*/
            Guest,
            /** `3`

 An agent.

 客服*/
            Agent,
            /// A number the spec does not list, kept as received.
            #[deprecated(
                note = "a number the spec does not list today may get a variant of its own when it does: read it with `value()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownNumber),
        }
        #[allow(deprecated)]
        impl TicketMessageSenderType {
            /// Every value the spec lists.
            pub const VALUES: &'static [Self] = &[Self::Bot, Self::Guest, Self::Agent];
            /// The number as sent on the wire.
            pub fn value(self) -> i64 {
                match self {
                    Self::Bot => 1i64,
                    Self::Guest => 2i64,
                    Self::Agent => 3i64,
                    Self::Unknown(value) => value.get(),
                }
            }
            /// True for a number the spec does not list.
            pub fn is_unknown(self) -> bool {
                matches!(self, Self::Unknown(_))
            }
        }
        #[allow(deprecated)]
        impl From<i64> for TicketMessageSenderType {
            fn from(value: i64) -> Self {
                match value {
                    1i64 => Self::Bot,
                    2i64 => Self::Guest,
                    3i64 => Self::Agent,
                    other => Self::Unknown(::lark_sdk::UnknownNumber::new(other)),
                }
            }
        }
        impl From<TicketMessageSenderType> for i64 {
            fn from(value: TicketMessageSenderType) -> i64 {
                value.value()
            }
        }
        impl ::core::fmt::Display for TicketMessageSenderType {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.value(), f)
            }
        }
        impl ::lark_sdk::__private::serde::Serialize for TicketMessageSenderType {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de>
        for TicketMessageSenderType {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_int_enum(deserializer)
            }
        }
        /** List the knowledge-base categories (获取全部知识库分类)

 # Endpoint

 - `GET /open-apis/helpdesk/v1/categories`
 - Access tokens: `tenant_access_token` (the first is the default)
 - Scopes (any one): `helpdesk:all:readonly`
 - Errors: [`ListCategoryError`]
 - Documentation: <https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/helpdesk-v1/category/list>*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct ListCategoryRequest {
            /** Language of the categories (`zh_cn`, `en_us`…).

 知识库分类语言

 Example: `zh_cn`*/
            pub lang: Option<String>,
            /** Which field orders them.

 排序键

 Example: `1`*/
            pub order_by: Option<i32>,
            /** Ascending when true.

 顺序

 Example: `true`*/
            pub asc: Option<bool>,
        }
        impl ListCategoryRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new() -> Self {
                Self {
                    lang: None,
                    order_by: None,
                    asc: None,
                }
            }
            /// Sets [`Self::lang`].
            pub fn lang(mut self, value: impl Into<String>) -> Self {
                self.lang = Some(value.into());
                self
            }
            /// Sets [`Self::order_by`].
            pub fn order_by(mut self, value: impl Into<i32>) -> Self {
                self.order_by = Some(value.into());
                self
            }
            /// Sets [`Self::asc`].
            pub fn asc(mut self, value: impl Into<bool>) -> Self {
                self.asc = Some(value.into());
                self
            }
        }
        impl ::lark_sdk::Endpoint for ListCategoryRequest {
            type Response = ListCategoryResponse;
            type Error = ListCategoryError;
            type Body = ::lark_sdk::NoData;
            const ID: &'static str = "helpdesk.v1.category.list";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Get;
            const PATH: &'static str = "/open-apis/helpdesk/v1/categories";
            const TOKEN_TYPES: &'static [::lark_sdk::TokenType] = &[
                ::lark_sdk::TokenType::Tenant,
            ];
            const SCOPES: &'static [&'static str] = &["helpdesk:all:readonly"];
            const RATE_LIMIT: ::lark_sdk::RateLimit = ::lark_sdk::RateLimit::new(
                None,
                None,
            );
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
            fn render_path(&self) -> Result<String, ::lark_sdk::InvalidRequest> {
                let mut path = String::with_capacity(Self::PATH.len() + 32);
                path.push_str("/open-apis/helpdesk/v1/categories");
                Ok(path)
            }
            fn query_pairs(&self) -> Vec<(&'static str, String)> {
                let mut pairs = vec![];
                if let Some(value) = &self.lang {
                    pairs.push(("lang", ToString::to_string(value)));
                }
                if let Some(value) = &self.order_by {
                    pairs.push(("order_by", ToString::to_string(value)));
                }
                if let Some(value) = &self.asc {
                    pairs.push(("asc", ToString::to_string(value)));
                }
                pairs
            }
        }
        /** Errors of [`ListCategoryRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.

 Platform-wide codes it is documented to meet: `ResourceNotFound` (99991201), `MethodMismatch` (99991301), `RateLimited` (99991400), `IpDenied` (99991401), `MonthlyQuotaExceeded` (99991403), `TokenMissing` (99991661), `AppNotInUse` (99991662), `TenantTokenInvalid` (99991663), `TenantCodeInvalid` (99991665), `TokenMalformed` (99991671), `ScopeMissing` (99991672), `AppUnauthorized` (99991673), `TokenNoPermission` (99991676).*/
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum ListCategoryError {
            /** `154001` (HTTP 401): Unauthorized, please check you have the correct access

 The help desk does not let this app read its categories. / 无权访问该服务台。*/
            Unauthorized(Box<::lark_sdk::ApiError>),
            /** `155000` (HTTP 500): Internal error

 The platform failed; try again later. / 服务内部错误，请稍后重试。*/
            InternalError(Box<::lark_sdk::ApiError>),
            /// A platform-wide code (通用错误码): rate limits, tokens, scopes.
            Platform(::lark_sdk::common::PlatformError),
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl ListCategoryError {
            /// The row of `Unauthorized`.
            pub const UNAUTHORIZED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "Unauthorized",
                    154001i64,
                    Some(401u16),
                    "Unauthorized, please check you have the correct access",
                )
                .with_remedy(
                    "The help desk does not let this app read its categories. / 无权访问该服务台。",
                );
            /// The row of `InternalError`.
            pub const INTERNAL_ERROR: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "InternalError",
                    155000i64,
                    Some(500u16),
                    "Internal error",
                )
                .with_remedy(
                    "The platform failed; try again later. / 服务内部错误，请稍后重试。",
                );
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[
                Self::UNAUTHORIZED,
                Self::INTERNAL_ERROR,
            ];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for ListCategoryError {
            fn api_error(&self) -> &::lark_sdk::ApiError {
                match self {
                    Self::Unauthorized(e) | Self::InternalError(e) => e,
                    Self::Platform(p) => p.api_error(),
                    Self::Unhandled(u) => u.api_error(),
                }
            }
            fn spec(&self) -> Option<&'static ::lark_sdk::ErrorSpec> {
                match self {
                    Self::Platform(p) => Some(p.spec()),
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
        impl From<::lark_sdk::ApiError> for ListCategoryError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                match error.code {
                    154001i64 => Self::Unauthorized(error),
                    155000i64 => Self::InternalError(error),
                    _ => {
                        match ::lark_sdk::common::PlatformError::classify(error) {
                            Ok(platform) => Self::Platform(platform),
                            Err(unhandled) => Self::Unhandled(unhandled),
                        }
                    }
                }
            }
        }
        impl ::core::fmt::Display for ListCategoryError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for ListCategoryError {}
        impl TicketMessageCreatedV1 {
            /// The event type, as in the envelope.
            pub const EVENT_TYPE: &'static str = "helpdesk.ticket_message.created_v1";
        }
        impl ::lark_sdk::event::EventBody for TicketMessageCreatedV1 {
            const EVENT_TYPE: &'static str = "helpdesk.ticket_message.created_v1";
            const SCHEMA: ::lark_sdk::event::EventSchema = ::lark_sdk::event::EventSchema::V2;
            const SCOPES: &'static [&'static str] = &["helpdesk:all"];
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[
                ("sender_id.user_id", &["contact:user.employee_id:readonly"]),
            ];
            type Envelope = ::lark_sdk::event::EventEnvelope<Self>;
        }
        /// This spec's calls on `category`, on the runtime's [`CategoryCalls`](::lark_sdk::helpdesk::v1::CategoryCalls).
        pub trait CategoryCallsExt<'a> {
            /** List the knowledge-base categories (获取全部知识库分类)

 `GET /open-apis/helpdesk/v1/categories`; see [`ListCategoryRequest`].

 Resolves to `Result<ListCategoryResponse, Error<ListCategoryError>>` when awaited.*/
            fn list(
                self,
                request: ListCategoryRequest,
            ) -> ::lark_sdk::client::Call<'a, ListCategoryRequest>;
        }
        impl<'a> CategoryCallsExt<'a> for ::lark_sdk::helpdesk::v1::CategoryCalls<'a> {
            fn list(
                self,
                request: ListCategoryRequest,
            ) -> ::lark_sdk::client::Call<'a, ListCategoryRequest> {
                ::lark_sdk::client::Call::new(self.client(), self.options(), request)
            }
        }
    }
}
/// Every event of the spec, decoded by its type; any other type is
/// kept whole in `Unknown`.
#[derive(::core::clone::Clone, ::core::fmt::Debug)]
#[non_exhaustive]
pub enum Event {
    /// `helpdesk.ticket_message.created_v1`: A message was added to a help desk ticket (工单消息事件)
    TicketMessageCreatedV1(
        ::std::boxed::Box<
            ::lark_sdk::event::EventEnvelope<helpdesk::v1::TicketMessageCreatedV1>,
        >,
    ),
    /// An event type the spec does not describe.
    Unknown(::lark_sdk::event::RawEvent),
}
impl Event {
    /// Every event type the spec describes (with per-service
    /// features: also those of services not compiled in).
    pub const TYPES: &'static [&'static str] = &["helpdesk.ticket_message.created_v1"];
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
                "helpdesk.ticket_message.created_v1" => {
                    Self::TicketMessageCreatedV1(
                        ::std::boxed::Box::new(
                            envelope.decode::<helpdesk::v1::TicketMessageCreatedV1>()?,
                        ),
                    )
                }
                _ => Self::Unknown(::lark_sdk::event::RawEvent::new(envelope, json)?),
            },
        )
    }
    /// The event type.
    pub fn event_type(&self) -> &str {
        match self {
            Self::TicketMessageCreatedV1(_) => "helpdesk.ticket_message.created_v1",
            Self::Unknown(raw) => raw.event_type(),
        }
    }
}
/// Every endpoint of the spec: id, method and path.
pub const ENDPOINTS: &[::lark_sdk::EndpointInfo] = &[
    ::lark_sdk::EndpointInfo::new(
        "helpdesk.v1.category.list",
        ::lark_sdk::HttpMethod::Get,
        "/open-apis/helpdesk/v1/categories",
    ),
];
/// Handler registration for this spec's events: `dispatcher.on_…(handler)`.
pub trait DispatcherExt: ::core::marker::Sized {
    /// Handles `helpdesk.ticket_message.created_v1` events.
    fn on_ticket_message_created_v1<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<helpdesk::v1::TicketMessageCreatedV1>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static;
}
impl DispatcherExt for ::lark_sdk::event::Dispatcher {
    /// Handles `helpdesk.ticket_message.created_v1` events.
    fn on_ticket_message_created_v1<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<helpdesk::v1::TicketMessageCreatedV1>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static,
    {
        self.on::<helpdesk::v1::TicketMessageCreatedV1, F, Fut>(handler)
    }
}
/// Every extension trait of this spec, for `use …::prelude::*;`.
#[allow(unused_imports)]
pub mod prelude {
    pub use super::DispatcherExt as _;
    pub use super::helpdesk::v1::CategoryCallsExt as _;
}
