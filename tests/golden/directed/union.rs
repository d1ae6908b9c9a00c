// Generated from tests/fixtures/union with `serde = directed` by the `golden` test.
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
        /// A text message.
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
        /// An image message.
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct ImageContent {
            /// `image_key`
            pub image_key: String,
        }
        ::lark_sdk::__private::deserialize_object!(ImageContent);
        impl ::lark_sdk::__private::Object for ImageContent {
            const EXPECTING: &'static str = "struct ImageContent";
            const FIELDS: &'static [&'static str] = &["image_key"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0],
                )?;
                Ok(Self {
                    image_key: f0.take("image_key")?,
                })
            }
        }
        impl ImageContent {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(image_key: impl Into<String>) -> Self {
                Self {
                    image_key: image_key.into(),
                }
            }
        }
        /// An interactive card, as card JSON.
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
        pub struct CardContent {
            /// `schema`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub schema: Option<String>,
            /// `header`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub header: Option<::lark_sdk::__private::serde_json::Value>,
            /// `body`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub body: Option<::lark_sdk::__private::serde_json::Value>,
        }
        ::lark_sdk::__private::deserialize_object!(CardContent);
        impl ::lark_sdk::__private::Object for CardContent {
            const EXPECTING: &'static str = "struct CardContent";
            const FIELDS: &'static [&'static str] = &["schema", "header", "body"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.schema, &mut value.header, &mut value.body],
                )?;
                Ok(value)
            }
        }
        impl CardContent {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
            /// Sets [`Self::schema`].
            pub fn schema(mut self, value: impl Into<String>) -> Self {
                self.schema = Some(value.into());
                self
            }
            /// Sets [`Self::header`].
            pub fn header(
                mut self,
                value: impl Into<::lark_sdk::__private::serde_json::Value>,
            ) -> Self {
                self.header = Some(value.into());
                self
            }
            /// Sets [`Self::body`].
            pub fn body(
                mut self,
                value: impl Into<::lark_sdk::__private::serde_json::Value>,
            ) -> Self {
                self.body = Some(value.into());
                self
            }
        }
        /** A message's content, by its type.

 Open: a `msg_type` the spec does not list keeps its `content` as received.*/
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum MessageContent {
            /// `text`
            Text(::lark_sdk::JsonString<TextContent>),
            /// `image`
            Image(::lark_sdk::JsonString<ImageContent>),
            /// `interactive`
            Interactive(::lark_sdk::JsonString<CardContent>),
            /// `share_chat`
            ShareChat(::lark_sdk::JsonString<MessageContentShareChat>),
            /// A tag the spec does not list, or content that does not fit its variant, kept as received.
            #[deprecated(
                note = "a tag the spec does not list today may get a variant of its own when it does: read it with `tag()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownContent),
        }
        #[allow(deprecated)]
        impl MessageContent {
            /// The JSON key of the tag.
            pub const TAG: &'static str = "msg_type";
            /// The JSON key of the content.
            pub const CONTENT: &'static str = "content";
            /// The tag's value, as sent on the wire.
            pub fn tag(&self) -> &str {
                match self {
                    Self::Text(_) => "text",
                    Self::Image(_) => "image",
                    Self::Interactive(_) => "interactive",
                    Self::ShareChat(_) => "share_chat",
                    Self::Unknown(unknown) => unknown.tag(),
                }
            }
            /// True for a tag the spec does not list, or content that does not fit.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }
        }
        impl From<TextContent> for MessageContent {
            fn from(value: TextContent) -> Self {
                Self::Text(value.into())
            }
        }
        impl From<ImageContent> for MessageContent {
            fn from(value: ImageContent) -> Self {
                Self::Image(value.into())
            }
        }
        impl From<CardContent> for MessageContent {
            fn from(value: CardContent) -> Self {
                Self::Interactive(value.into())
            }
        }
        impl From<MessageContentShareChat> for MessageContent {
            fn from(value: MessageContentShareChat) -> Self {
                Self::ShareChat(value.into())
            }
        }
        #[allow(deprecated)]
        impl ::lark_sdk::__private::serde::Serialize for MessageContent {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                match self {
                    Self::Text(content) => {
                        ::lark_sdk::__private::serialize_union(
                            serializer,
                            Self::TAG,
                            "text",
                            Self::CONTENT,
                            content,
                        )
                    }
                    Self::Image(content) => {
                        ::lark_sdk::__private::serialize_union(
                            serializer,
                            Self::TAG,
                            "image",
                            Self::CONTENT,
                            content,
                        )
                    }
                    Self::Interactive(content) => {
                        ::lark_sdk::__private::serialize_union(
                            serializer,
                            Self::TAG,
                            "interactive",
                            Self::CONTENT,
                            content,
                        )
                    }
                    Self::ShareChat(content) => {
                        ::lark_sdk::__private::serialize_union(
                            serializer,
                            Self::TAG,
                            "share_chat",
                            Self::CONTENT,
                            content,
                        )
                    }
                    Self::Unknown(unknown) => {
                        ::lark_sdk::__private::serialize_union(
                            serializer,
                            Self::TAG,
                            unknown.tag(),
                            Self::CONTENT,
                            unknown.content(),
                        )
                    }
                }
            }
        }
        #[allow(deprecated)]
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for MessageContent {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let (tag, content) = ::lark_sdk::__private::deserialize_union(
                    deserializer,
                    Self::TAG,
                    Self::CONTENT,
                )?;
                let known = match tag.as_str() {
                    "text" => {
                        ::lark_sdk::__private::union_variant(&content).map(Self::Text)
                    }
                    "image" => {
                        ::lark_sdk::__private::union_variant(&content).map(Self::Image)
                    }
                    "interactive" => {
                        ::lark_sdk::__private::union_variant(&content)
                            .map(Self::Interactive)
                    }
                    "share_chat" => {
                        ::lark_sdk::__private::union_variant(&content)
                            .map(Self::ShareChat)
                    }
                    _ => None,
                };
                Ok(
                    known
                        .unwrap_or_else(|| Self::Unknown(
                            ::lark_sdk::UnknownContent::new(tag, content),
                        )),
                )
            }
        }
        /** A received message's content, by its type.

 Open: a `message_type` the spec does not list keeps its `content` as received.*/
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum ReceivedContent {
            /// `text`
            Text(::lark_sdk::JsonString<TextContent>),
            /// `image`
            Image(::lark_sdk::JsonString<ImageContent>),
            /// `interactive`
            Interactive(::lark_sdk::JsonString<CardContent>),
            /// `share_chat`
            ShareChat(::lark_sdk::JsonString<ReceivedContentShareChat>),
            /// A tag the spec does not list, or content that does not fit its variant, kept as received.
            #[deprecated(
                note = "a tag the spec does not list today may get a variant of its own when it does: read it with `tag()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownContent),
        }
        #[allow(deprecated)]
        impl ReceivedContent {
            /// The JSON key of the tag.
            pub const TAG: &'static str = "message_type";
            /// The JSON key of the content.
            pub const CONTENT: &'static str = "content";
            /// The tag's value, as sent on the wire.
            pub fn tag(&self) -> &str {
                match self {
                    Self::Text(_) => "text",
                    Self::Image(_) => "image",
                    Self::Interactive(_) => "interactive",
                    Self::ShareChat(_) => "share_chat",
                    Self::Unknown(unknown) => unknown.tag(),
                }
            }
            /// True for a tag the spec does not list, or content that does not fit.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }
        }
        #[allow(deprecated)]
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for ReceivedContent {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                let (tag, content) = ::lark_sdk::__private::deserialize_union(
                    deserializer,
                    Self::TAG,
                    Self::CONTENT,
                )?;
                let known = match tag.as_str() {
                    "text" => {
                        ::lark_sdk::__private::union_variant(&content).map(Self::Text)
                    }
                    "image" => {
                        ::lark_sdk::__private::union_variant(&content).map(Self::Image)
                    }
                    "interactive" => {
                        ::lark_sdk::__private::union_variant(&content)
                            .map(Self::Interactive)
                    }
                    "share_chat" => {
                        ::lark_sdk::__private::union_variant(&content)
                            .map(Self::ShareChat)
                    }
                    _ => None,
                };
                Ok(
                    known
                        .unwrap_or_else(|| Self::Unknown(
                            ::lark_sdk::UnknownContent::new(tag, content),
                        )),
                )
            }
        }
        /// `MessageContentShareChat`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct MessageContentShareChat {
            /// `chat_id`
            pub chat_id: String,
        }
        ::lark_sdk::__private::deserialize_object!(MessageContentShareChat);
        impl ::lark_sdk::__private::Object for MessageContentShareChat {
            const EXPECTING: &'static str = "struct MessageContentShareChat";
            const FIELDS: &'static [&'static str] = &["chat_id"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0],
                )?;
                Ok(Self {
                    chat_id: f0.take("chat_id")?,
                })
            }
        }
        impl MessageContentShareChat {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(chat_id: impl Into<String>) -> Self {
                Self { chat_id: chat_id.into() }
            }
        }
        /// `ReceivedContentShareChat`
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct ReceivedContentShareChat {
            /// `chat_id`
            pub chat_id: String,
        }
        ::lark_sdk::__private::deserialize_object!(ReceivedContentShareChat);
        impl ::lark_sdk::__private::Object for ReceivedContentShareChat {
            const EXPECTING: &'static str = "struct ReceivedContentShareChat";
            const FIELDS: &'static [&'static str] = &["chat_id"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0],
                )?;
                Ok(Self {
                    chat_id: f0.take("chat_id")?,
                })
            }
        }
        impl ReceivedContentShareChat {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(chat_id: impl Into<String>) -> Self {
                Self { chat_id: chat_id.into() }
            }
        }
        /// `CreateMessageRequestBody`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct CreateMessageRequestBody {
            /// `receive_id`
            pub receive_id: String,
            /// `content`
            #[serde(flatten)]
            pub content: MessageContent,
        }
        impl CreateMessageRequestBody {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(
                receive_id: impl Into<String>,
                content: impl Into<MessageContent>,
            ) -> Self {
                Self {
                    receive_id: receive_id.into(),
                    content: content.into(),
                }
            }
        }
        /// `SentMessage`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Deserialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct SentMessage {
            /// `message_id`
            pub message_id: String,
            /// `content`
            #[serde(flatten)]
            pub content: Option<MessageContent>,
        }
        impl SentMessage {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(message_id: impl Into<String>) -> Self {
                Self {
                    message_id: message_id.into(),
                    content: None,
                }
            }
        }
        /// The `data` of a [`CreateMessageRequest`] response.
        pub type CreateMessageResponse = SentMessage;
        /** A message was received

 # Event

 - Event type: `im.message.receive_v1`
 - Envelope: schema 2.0, with `header`*/
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct MessageReceiveV1 {
            /// `message`
            pub message: ReceivedMessage,
        }
        ::lark_sdk::__private::deserialize_object!(MessageReceiveV1);
        impl ::lark_sdk::__private::Object for MessageReceiveV1 {
            const EXPECTING: &'static str = "struct MessageReceiveV1";
            const FIELDS: &'static [&'static str] = &["message"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<ReceivedMessage>::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0],
                )?;
                Ok(Self {
                    message: f0.take("message")?,
                })
            }
        }
        impl MessageReceiveV1 {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(message: impl Into<ReceivedMessage>) -> Self {
                Self { message: message.into() }
            }
        }
        /// `ReceivedMessage`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Deserialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct ReceivedMessage {
            /// `message_id`
            pub message_id: String,
            /// `chat_id`
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub chat_id: Option<String>,
            /// `content`
            #[serde(flatten)]
            pub content: ReceivedContent,
        }
        impl ReceivedMessage {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(
                message_id: impl Into<String>,
                content: impl Into<ReceivedContent>,
            ) -> Self {
                Self {
                    message_id: message_id.into(),
                    chat_id: None,
                    content: content.into(),
                }
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
            type Response = SentMessage;
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
        impl MessageReceiveV1 {
            /// The event type, as in the envelope.
            pub const EVENT_TYPE: &'static str = "im.message.receive_v1";
        }
        impl ::lark_sdk::event::EventBody for MessageReceiveV1 {
            const EVENT_TYPE: &'static str = "im.message.receive_v1";
            const SCHEMA: ::lark_sdk::event::EventSchema = ::lark_sdk::event::EventSchema::V2;
            const SCOPES: &'static [&'static str] = &[];
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
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

 Resolves to `Result<SentMessage, Error<CreateMessageError>>` when awaited.*/
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
    /// `im.message.receive_v1`: A message was received
    MessageReceiveV1(
        ::std::boxed::Box<::lark_sdk::event::EventEnvelope<im::v1::MessageReceiveV1>>,
    ),
    /// An event type the spec does not describe.
    Unknown(::lark_sdk::event::RawEvent),
}
impl Event {
    /// Every event type the spec describes (with per-service
    /// features: also those of services not compiled in).
    pub const TYPES: &'static [&'static str] = &["im.message.receive_v1"];
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
                "im.message.receive_v1" => {
                    Self::MessageReceiveV1(
                        ::std::boxed::Box::new(
                            envelope.decode::<im::v1::MessageReceiveV1>()?,
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
            Self::MessageReceiveV1(_) => "im.message.receive_v1",
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
/// Handler registration for this spec's events: `dispatcher.on_…(handler)`.
pub trait DispatcherExt: ::core::marker::Sized {
    /// Handles `im.message.receive_v1` events.
    fn on_message_receive_v1<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<im::v1::MessageReceiveV1>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static;
}
impl DispatcherExt for ::lark_sdk::event::Dispatcher {
    /// Handles `im.message.receive_v1` events.
    fn on_message_receive_v1<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<im::v1::MessageReceiveV1>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static,
    {
        self.on::<im::v1::MessageReceiveV1, F, Fut>(handler)
    }
}
/// Every extension trait of this spec, for `use …::prelude::*;`.
#[allow(unused_imports)]
pub mod prelude {
    pub use super::ClientExt as _;
    pub use ::lark_sdk::EndpointError as _;
    pub use super::DispatcherExt as _;
}
