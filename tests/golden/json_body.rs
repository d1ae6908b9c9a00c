// Generated from tests/fixtures/json_body by the `golden` test.
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
        /// A message.
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct Message {
            /// The message's ID.
            pub message_id: String,
            /// Kind of content (`text`, `post`, …).
            #[serde(skip_serializing_if = "Option::is_none")]
            pub msg_type: Option<String>,
            /// When it was sent.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub create_time: Option<::lark_sdk::TimestampMs>,
            /// Whether it was recalled.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub deleted: Option<bool>,
            /// Who sent it.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub sender: Option<MessageSender>,
            /// The content.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub body: Option<MessageBody>,
            /// Who is mentioned.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub mentions: Option<Vec<Mention>>,
        }
        ::lark_sdk::__private::deserialize_object!(Message);
        impl ::lark_sdk::__private::Object for Message {
            const EXPECTING: &'static str = "struct Message";
            const FIELDS: &'static [&'static str] = &[
                "message_id",
                "msg_type",
                "create_time",
                "deleted",
                "sender",
                "body",
                "mentions",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                let mut f1: Option<String> = None;
                let mut f2: Option<::lark_sdk::TimestampMs> = None;
                let mut f3: Option<bool> = None;
                let mut f4: Option<MessageSender> = None;
                let mut f5: Option<MessageBody> = None;
                let mut f6: Option<Vec<Mention>> = None;
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0, &mut f1, &mut f2, &mut f3, &mut f4, &mut f5, &mut f6],
                )?;
                Ok(Self {
                    message_id: f0.take("message_id")?,
                    msg_type: f1,
                    create_time: f2,
                    deleted: f3,
                    sender: f4,
                    body: f5,
                    mentions: f6,
                })
            }
        }
        impl Message {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(message_id: impl Into<String>) -> Self {
                Self {
                    message_id: message_id.into(),
                    msg_type: None,
                    create_time: None,
                    deleted: None,
                    sender: None,
                    body: None,
                    mentions: None,
                }
            }
        }
        /// Who sent it.
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
        pub struct MessageSender {
            /// Sender ID.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub id: Option<String>,
            /// Kind of sender.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub sender_type: Option<SenderType>,
        }
        ::lark_sdk::__private::deserialize_object!(MessageSender);
        impl ::lark_sdk::__private::Object for MessageSender {
            const EXPECTING: &'static str = "struct MessageSender";
            const FIELDS: &'static [&'static str] = &["id", "sender_type"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.id, &mut value.sender_type],
                )?;
                Ok(value)
            }
        }
        impl MessageSender {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** Kind of sender.

 Open: a value the spec does not list is kept, and sent back as is.*/
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum SenderType {
            /** `user`

 A user.*/
            User,
            /** `app`

 An app.*/
            App,
            /** `anonymous`

 Someone anonymous.*/
            Anonymous,
            /// A value the spec does not list, kept as received.
            #[deprecated(
                note = "a value the spec does not list today may get a variant of its own when it does: read it with `as_str()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownValue),
        }
        #[allow(deprecated)]
        impl SenderType {
            /// Every value the spec lists.
            pub const VALUES: &'static [Self] = &[
                Self::User,
                Self::App,
                Self::Anonymous,
            ];
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::User => "user",
                    Self::App => "app",
                    Self::Anonymous => "anonymous",
                    Self::Unknown(value) => value.as_str(),
                }
            }
            /// True for a value the spec does not list.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }
            /// The listed value spelled `value`.
            fn known(value: &str) -> Option<Self> {
                match value {
                    "user" => Some(Self::User),
                    "app" => Some(Self::App),
                    "anonymous" => Some(Self::Anonymous),
                    _ => None,
                }
            }
        }
        #[allow(deprecated)]
        impl From<&str> for SenderType {
            fn from(value: &str) -> Self {
                Self::known(value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        #[allow(deprecated)]
        impl From<String> for SenderType {
            fn from(value: String) -> Self {
                Self::known(&value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        impl ::core::str::FromStr for SenderType {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, ::core::convert::Infallible> {
                Ok(Self::from(value))
            }
        }
        impl AsRef<str> for SenderType {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::core::fmt::Display for SenderType {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::lark_sdk::__private::serde::Serialize for SenderType {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for SenderType {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_open_enum(deserializer)
            }
        }
        /// The content.
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
            /** JSON text of the content, for a text message:
 ```text
 {"text": "hello [world]"}
 ```
 Code in the spec's prose is shown as written and never run as a doctest:

 ```text
 let content = r#"{"text": "hi"}"#;
 ```*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub content: Option<String>,
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
        /// `Mention`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct Mention {
            /// Placeholder in the text (`@_user_1`).
            pub key: String,
            /// ID of the mentioned.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub id: Option<String>,
            /// Display name.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub name: Option<String>,
        }
        ::lark_sdk::__private::deserialize_object!(Mention);
        impl ::lark_sdk::__private::Object for Mention {
            const EXPECTING: &'static str = "struct Mention";
            const FIELDS: &'static [&'static str] = &["key", "id", "name"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                let mut f1: Option<String> = None;
                let mut f2: Option<String> = None;
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0, &mut f1, &mut f2],
                )?;
                Ok(Self {
                    key: f0.take("key")?,
                    id: f1,
                    name: f2,
                })
            }
        }
        impl Mention {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(key: impl Into<String>) -> Self {
                Self {
                    key: key.into(),
                    id: None,
                    name: None,
                }
            }
        }
        /** Kind of ID in `receive_id`.

 Open: a value the spec does not list is kept, and sent back as is.*/
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum CreateMessageReceiveIdType {
            /// `open_id`
            OpenId,
            /// `union_id`
            UnionId,
            /// `user_id`
            UserId,
            /// `email`
            Email,
            /// `chat_id`
            ChatId,
            /// A value the spec does not list, kept as received.
            #[deprecated(
                note = "a value the spec does not list today may get a variant of its own when it does: read it with `as_str()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownValue),
        }
        #[allow(deprecated)]
        impl CreateMessageReceiveIdType {
            /// Every value the spec lists.
            pub const VALUES: &'static [Self] = &[
                Self::OpenId,
                Self::UnionId,
                Self::UserId,
                Self::Email,
                Self::ChatId,
            ];
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::OpenId => "open_id",
                    Self::UnionId => "union_id",
                    Self::UserId => "user_id",
                    Self::Email => "email",
                    Self::ChatId => "chat_id",
                    Self::Unknown(value) => value.as_str(),
                }
            }
            /// True for a value the spec does not list.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }
            /// The listed value spelled `value`.
            fn known(value: &str) -> Option<Self> {
                match value {
                    "open_id" => Some(Self::OpenId),
                    "union_id" => Some(Self::UnionId),
                    "user_id" => Some(Self::UserId),
                    "email" => Some(Self::Email),
                    "chat_id" => Some(Self::ChatId),
                    _ => None,
                }
            }
        }
        #[allow(deprecated)]
        impl From<&str> for CreateMessageReceiveIdType {
            fn from(value: &str) -> Self {
                Self::known(value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        #[allow(deprecated)]
        impl From<String> for CreateMessageReceiveIdType {
            fn from(value: String) -> Self {
                Self::known(&value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        impl ::core::str::FromStr for CreateMessageReceiveIdType {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, ::core::convert::Infallible> {
                Ok(Self::from(value))
            }
        }
        impl AsRef<str> for CreateMessageReceiveIdType {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::core::fmt::Display for CreateMessageReceiveIdType {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::lark_sdk::__private::serde::Serialize for CreateMessageReceiveIdType {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de>
        for CreateMessageReceiveIdType {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_open_enum(deserializer)
            }
        }
        /// `CreateMessageRequestBody`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct CreateMessageRequestBody {
            /// Who receives it.
            pub receive_id: String,
            /// Kind of content.
            pub msg_type: String,
            /// JSON text of the content.
            pub content: String,
            /// Deduplication key, valid one hour.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub uuid: Option<String>,
            /// A field whose name is a Rust keyword.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub r#type: Option<String>,
        }
        ::lark_sdk::__private::deserialize_object!(CreateMessageRequestBody);
        impl ::lark_sdk::__private::Object for CreateMessageRequestBody {
            const EXPECTING: &'static str = "struct CreateMessageRequestBody";
            const FIELDS: &'static [&'static str] = &[
                "receive_id",
                "msg_type",
                "content",
                "uuid",
                "type",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                let mut f1 = ::lark_sdk::__private::Required::<String>::new();
                let mut f2 = ::lark_sdk::__private::Required::<String>::new();
                let mut f3: Option<String> = None;
                let mut f4: Option<String> = None;
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0, &mut f1, &mut f2, &mut f3, &mut f4],
                )?;
                Ok(Self {
                    receive_id: f0.take("receive_id")?,
                    msg_type: f1.take("msg_type")?,
                    content: f2.take("content")?,
                    uuid: f3,
                    r#type: f4,
                })
            }
        }
        impl CreateMessageRequestBody {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(
                receive_id: impl Into<String>,
                msg_type: impl Into<String>,
                content: impl Into<String>,
            ) -> Self {
                Self {
                    receive_id: receive_id.into(),
                    msg_type: msg_type.into(),
                    content: content.into(),
                    uuid: None,
                    r#type: None,
                }
            }
            /// Sets [`Self::uuid`].
            pub fn uuid(mut self, value: impl Into<String>) -> Self {
                self.uuid = Some(value.into());
                self
            }
            /// Sets [`Self::type`].
            pub fn r#type(mut self, value: impl Into<String>) -> Self {
                self.r#type = Some(value.into());
                self
            }
        }
        /// The `data` of a [`CreateMessageRequest`] response.
        pub type CreateMessageResponse = Message;
        /** Send a message (发送消息)

 # Endpoint

 - `POST /open-apis/im/v1/messages`
 - Access tokens: `tenant_access_token`, `user_access_token` (the first is the default)
 - Scopes (any one): `im:message:send_as_bot`
 - Rate limit: 50/second, 1000/minute
 - Errors: [`CreateMessageError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct CreateMessageRequest {
            /// Kind of ID in `receive_id`.
            pub receive_id_type: CreateMessageReceiveIdType,
            /// Caller's idempotency key.
            pub x_request_id: Option<String>,
            /// The JSON body.
            pub body: CreateMessageRequestBody,
        }
        impl CreateMessageRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(
                receive_id_type: impl Into<CreateMessageReceiveIdType>,
                body: CreateMessageRequestBody,
            ) -> Self {
                Self {
                    receive_id_type: receive_id_type.into(),
                    x_request_id: None,
                    body,
                }
            }
            /// Sets [`Self::x_request_id`].
            pub fn x_request_id(mut self, value: impl Into<String>) -> Self {
                self.x_request_id = Some(value.into());
                self
            }
            /// Replaces the body.
            pub fn body(mut self, body: CreateMessageRequestBody) -> Self {
                self.body = body;
                self
            }
        }
        impl ::lark_sdk::Endpoint for CreateMessageRequest {
            type Response = Message;
            type Error = CreateMessageError;
            type Body = CreateMessageRequestBody;
            const ID: &'static str = "im.v1.message.create";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Post;
            const PATH: &'static str = "/open-apis/im/v1/messages";
            const TOKEN_TYPES: &'static [::lark_sdk::TokenType] = &[
                ::lark_sdk::TokenType::Tenant,
                ::lark_sdk::TokenType::User,
            ];
            const SCOPES: &'static [&'static str] = &["im:message:send_as_bot"];
            const RATE_LIMIT: ::lark_sdk::RateLimit = ::lark_sdk::RateLimit::new(
                Some(50u32),
                Some(1000u32),
            );
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
            fn render_path(&self) -> Result<String, ::lark_sdk::InvalidRequest> {
                let mut path = String::with_capacity(Self::PATH.len() + 32);
                path.push_str("/open-apis/im/v1/messages");
                Ok(path)
            }
            fn query_pairs(&self) -> Vec<(&'static str, String)> {
                vec![("receive_id_type", ToString::to_string(& self.receive_id_type))]
            }
            fn header_pairs(&self) -> Vec<(&'static str, String)> {
                let mut pairs = vec![];
                if let Some(value) = &self.x_request_id {
                    pairs.push(("X-Request-Id", ToString::to_string(value)));
                }
                pairs
            }
            fn request_body(&self) -> Option<&Self::Body> {
                Some(&self.body)
            }
        }
        /// Errors of [`CreateMessageRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum CreateMessageError {
            /// `230001` (HTTP 400): Your request contains an invalid request parameter.
            YourRequestContainsAnInvalidRequestParameter(Box<::lark_sdk::ApiError>),
            /// `230002` (HTTP 400): The bot can not be outside the group.
            BotNotInChat(Box<::lark_sdk::ApiError>),
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl CreateMessageError {
            /// The row of `YourRequestContainsAnInvalidRequestParameter`.
            pub const YOUR_REQUEST_CONTAINS_AN_INVALID_REQUEST_PARAMETER: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                "YourRequestContainsAnInvalidRequestParameter",
                230001i64,
                Some(400u16),
                "Your request contains an invalid request parameter.",
            );
            /// The row of `BotNotInChat`.
            pub const BOT_NOT_IN_CHAT: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                "BotNotInChat",
                230002i64,
                Some(400u16),
                "The bot can not be outside the group.",
            );
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[
                Self::YOUR_REQUEST_CONTAINS_AN_INVALID_REQUEST_PARAMETER,
                Self::BOT_NOT_IN_CHAT,
            ];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for CreateMessageError {
            fn api_error(&self) -> &::lark_sdk::ApiError {
                match self {
                    Self::YourRequestContainsAnInvalidRequestParameter(e)
                    | Self::BotNotInChat(e) => e,
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
        impl From<::lark_sdk::ApiError> for CreateMessageError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                match error.code {
                    230001i64 => {
                        Self::YourRequestContainsAnInvalidRequestParameter(error)
                    }
                    230002i64 => Self::BotNotInChat(error),
                    _ => Self::Unhandled(::lark_sdk::Unhandled::new(error, None)),
                }
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
            /** Send a message (发送消息)

 `POST /open-apis/im/v1/messages`; see [`CreateMessageRequest`].

 Resolves to `Result<Message, Error<CreateMessageError>>` when awaited.*/
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
