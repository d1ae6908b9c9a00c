// Generated from examples/recall/spec over spec by the `extension` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test extension` to update.

pub mod im {
    //! The `im` service.
    pub mod v1 {
        /*! Messaging (IM), version 1.

 消息与群组（IM）v1。*/
        /** A message was recalled (撤回消息)

 Fires when a message of a chat the bot is in is recalled.

 机器人所在会话内的消息被撤回时触发此事件。

 # Prerequisites

 - The app has the bot capability enabled.

   应用需要开启机器人能力。
 - The app has event subscription configured.

   你需要在应用中配置事件订阅，这样才可以在事件触发时接收到事件数据。

 # Limits

 - A bot receives recalls only of the chats (one-to-one and groups) it is in.

   机器人只能接收到自己所在会话（单聊、群聊）内的消息撤回事件。

 # Event

 - Event type: `im.message.recalled_v1`
 - Envelope: schema 2.0, with `header`
 - Scopes to subscribe (any one): `im:message`, `im:message:readonly`
 - App types: custom, store
 - Documentation: <https://open.feishu.cn/document/server-docs/im-v1/message/events/recalled>*/
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
        pub struct MessageRecalledV1 {
            /** The recalled message's ID.

 被撤回的消息 ID。

 Example: `om_dc13264520392913993dd051dba21dcf`*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub message_id: Option<String>,
            /** The chat of the message; get-chat (获取群信息) describes it.

 消息所在的群组 ID。调用获取群信息接口，可通过 ID 获取群组信息。

 Example: `oc_5ad11d72b830411d72b836c20`*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub chat_id: Option<String>,
            /** When it was recalled (Unix time in milliseconds).

 撤回的时间，毫秒级时间戳。

 Example: `1615380573411`*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub recall_time: Option<::lark_sdk::TimestampMs>,
            /** Who recalled it.

 撤回类型*/
            #[serde(skip_serializing_if = "Option::is_none")]
            pub recall_type: Option<RecallType>,
        }
        ::lark_sdk::__private::deserialize_object!(MessageRecalledV1);
        impl ::lark_sdk::__private::Object for MessageRecalledV1 {
            const EXPECTING: &'static str = "struct MessageRecalledV1";
            const FIELDS: &'static [&'static str] = &[
                "message_id",
                "chat_id",
                "recall_time",
                "recall_type",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [
                        &mut value.message_id,
                        &mut value.chat_id,
                        &mut value.recall_time,
                        &mut value.recall_type,
                    ],
                )?;
                Ok(value)
            }
        }
        impl MessageRecalledV1 {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** Who recalled it.

 撤回类型

 Open: a value the spec does not list is kept, and sent back as is.*/
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum RecallType {
            /** `message_owner`

 Its sender.

 消息发送者撤回*/
            MessageOwner,
            /** `group_owner`

 The group's owner.

 群主撤回*/
            GroupOwner,
            /** `group_manager`

 A group administrator.

 群管理员撤回*/
            GroupManager,
            /** `enterprise_manager`

 A tenant administrator.

 企业管理员撤回*/
            EnterpriseManager,
            /// A value the spec does not list, kept as received.
            #[deprecated(
                note = "a value the spec does not list today may get a variant of its own when it does: read it with `as_str()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownValue),
        }
        #[allow(deprecated)]
        impl RecallType {
            /// Every value the spec lists.
            pub const VALUES: &'static [Self] = &[
                Self::MessageOwner,
                Self::GroupOwner,
                Self::GroupManager,
                Self::EnterpriseManager,
            ];
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::MessageOwner => "message_owner",
                    Self::GroupOwner => "group_owner",
                    Self::GroupManager => "group_manager",
                    Self::EnterpriseManager => "enterprise_manager",
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
                    "message_owner" => Some(Self::MessageOwner),
                    "group_owner" => Some(Self::GroupOwner),
                    "group_manager" => Some(Self::GroupManager),
                    "enterprise_manager" => Some(Self::EnterpriseManager),
                    _ => None,
                }
            }
        }
        #[allow(deprecated)]
        impl From<&str> for RecallType {
            fn from(value: &str) -> Self {
                Self::known(value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        #[allow(deprecated)]
        impl From<String> for RecallType {
            fn from(value: String) -> Self {
                Self::known(&value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        impl ::core::str::FromStr for RecallType {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, ::core::convert::Infallible> {
                Ok(Self::from(value))
            }
        }
        impl AsRef<str> for RecallType {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::core::fmt::Display for RecallType {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::lark_sdk::__private::serde::Serialize for RecallType {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for RecallType {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_open_enum(deserializer)
            }
        }
        /** Recall a message (撤回消息)

 Recalls a message. What may be recalled depends on who calls: a bot recalls the messages it sent; a chat's owner recalls any message of the chat.

 调用该接口撤回指定消息。调用接口的身份不同，可实现的效果不同：机器人可以撤回该机器人自己发送的消息； 群聊的群主可以撤回群内指定的消息。

 # Prerequisites

 - The app has the bot capability enabled.

   应用需要开启机器人能力。
 - To recall a message of a one-to-one chat, the user is within the bot's availability.

   撤回用户单聊内的消息时，用户需要在机器人的可用范围内。
 - To recall a message of a group, the bot is in the group.

   撤回群组内的消息时，机器人需要在该群组中。

 # Limits

 - Messages sent with the batch-send API cannot be recalled here; the batch-recall API recalls them.

   无法撤回通过批量发送消息接口发送的消息，撤回该接口发送的消息需要使用批量撤回消息接口。
 - The message must be within the recall time limit the tenant administrator sets.

   撤回的消息需要符合由企业管理员设置的撤回时限。
 - To recall someone else's message in a group, the bot must be the group's owner, an administrator or its creator, and the message at most one year old.

   在群聊内的机器人如需撤回他人发送的消息，则该机器人必须是该群的群主、管理员或者创建者，且消息发送时间不超过 1 年。

 # Endpoint

 - `DELETE /open-apis/im/v1/messages/:message_id`
 - Access tokens: `tenant_access_token`, `user_access_token` (the first is the default)
 - Scopes (any one): `im:message`, `im:message:recall`, `im:message:send_as_bot`
 - Rate limit: 50/second, 1000/minute
 - App types: custom, store
 - Errors: [`DeleteMessageError`]
 - Documentation: <https://open.feishu.cn/document/server-docs/im-v1/message/delete>*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct DeleteMessageRequest {
            /** ID of the message to recall: from the send-message response, the receive-message event, or the chat-history listing.

 待撤回的消息 ID。ID 获取方式：
 - 调用发送消息接口后，从响应结果的 message_id 参数获取。
 - 监听接收消息事件，当触发该事件后可以从事件体内获取消息的 message_id。
 - 调用获取会话历史消息接口，从响应结果的 message_id 参数获取。

 Example: `om_dc13264520392913993dd051dba21dcf`*/
            pub message_id: String,
        }
        impl DeleteMessageRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(message_id: impl Into<String>) -> Self {
                Self {
                    message_id: message_id.into(),
                }
            }
        }
        impl ::lark_sdk::Endpoint for DeleteMessageRequest {
            type Response = ::lark_sdk::NoData;
            type Error = DeleteMessageError;
            type Body = ::lark_sdk::NoData;
            const ID: &'static str = "im.v1.message.delete";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Delete;
            const PATH: &'static str = "/open-apis/im/v1/messages/:message_id";
            const TOKEN_TYPES: &'static [::lark_sdk::TokenType] = &[
                ::lark_sdk::TokenType::Tenant,
                ::lark_sdk::TokenType::User,
            ];
            const SCOPES: &'static [&'static str] = &[
                "im:message",
                "im:message:recall",
                "im:message:send_as_bot",
            ];
            const RATE_LIMIT: ::lark_sdk::RateLimit = ::lark_sdk::RateLimit::new(
                Some(50u32),
                Some(1000u32),
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
                Ok(path)
            }
        }
        /** Errors of [`DeleteMessageRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.

 Platform-wide codes it is documented to meet: `ResourceNotFound` (99991201), `MethodMismatch` (99991301), `RateLimited` (99991400), `IpDenied` (99991401), `MonthlyQuotaExceeded` (99991403), `TokenMissing` (99991661), `AppNotInUse` (99991662), `TenantTokenInvalid` (99991663), `TenantCodeInvalid` (99991665), `UserTokenInvalid` (99991668), `TokenMalformed` (99991671), `ScopeMissing` (99991672), `AppUnauthorized` (99991673), `TokenNoPermission` (99991676), `UserTokenExpired` (99991677), `UserAuthorizationRequired` (99991679).*/
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum DeleteMessageError {
            /** `230001` (HTTP 400): Your request contains an invalid request parameter.

 A parameter is wrong; the message returned says which. / 参数错误，可根据接口实际返回的错误信息，并参考接口文档内容，检查输入参数是否填写错误。*/
            InvalidParameter(Box<::lark_sdk::ApiError>),
            /** `230002` (HTTP 400): The bot can not be outside the group.

 The bot is not in the message's group; add it to the group. / 机器人不在对应群组中。你需要将应用机器人添加到消息相应的群组中。*/
            BotNotInChat(Box<::lark_sdk::ApiError>),
            /** `230006` (HTTP 400): Bot ability is not activated.

 The app has not enabled its bot capability. / 应用未启用机器人能力。*/
            BotAbilityNotActivated(Box<::lark_sdk::ApiError>),
            /** `230009` (HTTP 400): Message has expired when recall message.

 The message was sent too long ago: it is past the recall time limit the tenant administrator sets. / 消息发出时间过长，不能执行当前操作。撤回的消息需要符合由企业管理员设置的撤回时限。*/
            RecallExpired(Box<::lark_sdk::ApiError>),
            /** `230013` (HTTP 400): Bot has NO availability to this user.

 The user of the one-to-one chat is outside the bot's availability (or disabled for the app, or has left the company). Add the user to the app's availability and publish a version. / 目标用户或单聊用户不在应用机器人的可用范围内，或者是在应用的禁用范围内。如果目标用户已离职，也会报错 230013。*/
            BotUnavailableToUser(Box<::lark_sdk::ApiError>),
            /** `230026` (HTTP 400): No permission to recall this message.

 A bot can recall only the messages it sent. / 机器人没有权限撤回该消息。机器人只能撤回自己发出的消息。*/
            NoRecallPermission(Box<::lark_sdk::ApiError>),
            /** `230027` (HTTP 400): Lack of necessary permissions.

 A scope is missing, the user's authorisation was not found, or the bot acts in an external chat without external sharing enabled. / 无权进行本次操作。可能的原因有：缺少相应权限；未检查到用户授权信息；机器人在外部群操作时未开启对外共享能力。*/
            LackOfPermissions(Box<::lark_sdk::ApiError>),
            /** `230050` (HTTP 400): The message is invisible to the operator.

 The operator cannot see the message, so cannot act on it. / 该消息对于当前的操作者不可见，无法进行本操作。*/
            MessageInvisible(Box<::lark_sdk::ApiError>),
            /** `230054` (HTTP 400): This operation is not supported for this message type.

 Messages of this type cannot be recalled. / 该消息类型不支持本操作。*/
            UnsupportedMessageType(Box<::lark_sdk::ApiError>),
            /** `230110` (HTTP 400): Action unavailable as the message has been deleted.

 The message has been deleted; nothing can be done with it. / 消息已被删除，无法执行当前操作。*/
            MessageDeleted(Box<::lark_sdk::ApiError>),
            /** `232009` (HTTP 400): Your request specifies a chat which has already been dissolved.

 The chat has been dissolved; nothing can be done in it. / 群组已被解散，无法执行当前操作。*/
            ChatDissolved(Box<::lark_sdk::ApiError>),
            /// A platform-wide code (通用错误码): rate limits, tokens, scopes.
            Platform(::lark_sdk::common::PlatformError),
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl DeleteMessageError {
            /// The row of `InvalidParameter`.
            pub const INVALID_PARAMETER: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "InvalidParameter",
                    230001i64,
                    Some(400u16),
                    "Your request contains an invalid request parameter.",
                )
                .with_remedy(
                    "A parameter is wrong; the message returned says which. / 参数错误，可根据接口实际返回的错误信息，并参考接口文档内容，检查输入参数是否填写错误。",
                );
            /// The row of `BotNotInChat`.
            pub const BOT_NOT_IN_CHAT: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "BotNotInChat",
                    230002i64,
                    Some(400u16),
                    "The bot can not be outside the group.",
                )
                .with_remedy(
                    "The bot is not in the message's group; add it to the group. / 机器人不在对应群组中。你需要将应用机器人添加到消息相应的群组中。",
                );
            /// The row of `BotAbilityNotActivated`.
            pub const BOT_ABILITY_NOT_ACTIVATED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "BotAbilityNotActivated",
                    230006i64,
                    Some(400u16),
                    "Bot ability is not activated.",
                )
                .with_remedy(
                    "The app has not enabled its bot capability. / 应用未启用机器人能力。",
                );
            /// The row of `RecallExpired`.
            pub const RECALL_EXPIRED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "RecallExpired",
                    230009i64,
                    Some(400u16),
                    "Message has expired when recall message.",
                )
                .with_remedy(
                    "The message was sent too long ago: it is past the recall time limit the tenant administrator sets. / 消息发出时间过长，不能执行当前操作。撤回的消息需要符合由企业管理员设置的撤回时限。",
                );
            /// The row of `BotUnavailableToUser`.
            pub const BOT_UNAVAILABLE_TO_USER: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "BotUnavailableToUser",
                    230013i64,
                    Some(400u16),
                    "Bot has NO availability to this user.",
                )
                .with_remedy(
                    "The user of the one-to-one chat is outside the bot's availability (or disabled for the app, or has left the company). Add the user to the app's availability and publish a version. / 目标用户或单聊用户不在应用机器人的可用范围内，或者是在应用的禁用范围内。如果目标用户已离职，也会报错 230013。",
                );
            /// The row of `NoRecallPermission`.
            pub const NO_RECALL_PERMISSION: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "NoRecallPermission",
                    230026i64,
                    Some(400u16),
                    "No permission to recall this message.",
                )
                .with_remedy(
                    "A bot can recall only the messages it sent. / 机器人没有权限撤回该消息。机器人只能撤回自己发出的消息。",
                );
            /// The row of `LackOfPermissions`.
            pub const LACK_OF_PERMISSIONS: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "LackOfPermissions",
                    230027i64,
                    Some(400u16),
                    "Lack of necessary permissions.",
                )
                .with_remedy(
                    "A scope is missing, the user's authorisation was not found, or the bot acts in an external chat without external sharing enabled. / 无权进行本次操作。可能的原因有：缺少相应权限；未检查到用户授权信息；机器人在外部群操作时未开启对外共享能力。",
                );
            /// The row of `MessageInvisible`.
            pub const MESSAGE_INVISIBLE: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "MessageInvisible",
                    230050i64,
                    Some(400u16),
                    "The message is invisible to the operator.",
                )
                .with_remedy(
                    "The operator cannot see the message, so cannot act on it. / 该消息对于当前的操作者不可见，无法进行本操作。",
                );
            /// The row of `UnsupportedMessageType`.
            pub const UNSUPPORTED_MESSAGE_TYPE: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "UnsupportedMessageType",
                    230054i64,
                    Some(400u16),
                    "This operation is not supported for this message type.",
                )
                .with_remedy(
                    "Messages of this type cannot be recalled. / 该消息类型不支持本操作。",
                );
            /// The row of `MessageDeleted`.
            pub const MESSAGE_DELETED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "MessageDeleted",
                    230110i64,
                    Some(400u16),
                    "Action unavailable as the message has been deleted.",
                )
                .with_remedy(
                    "The message has been deleted; nothing can be done with it. / 消息已被删除，无法执行当前操作。",
                );
            /// The row of `ChatDissolved`.
            pub const CHAT_DISSOLVED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "ChatDissolved",
                    232009i64,
                    Some(400u16),
                    "Your request specifies a chat which has already been dissolved.",
                )
                .with_remedy(
                    "The chat has been dissolved; nothing can be done in it. / 群组已被解散，无法执行当前操作。",
                );
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[
                Self::INVALID_PARAMETER,
                Self::BOT_NOT_IN_CHAT,
                Self::BOT_ABILITY_NOT_ACTIVATED,
                Self::RECALL_EXPIRED,
                Self::BOT_UNAVAILABLE_TO_USER,
                Self::NO_RECALL_PERMISSION,
                Self::LACK_OF_PERMISSIONS,
                Self::MESSAGE_INVISIBLE,
                Self::UNSUPPORTED_MESSAGE_TYPE,
                Self::MESSAGE_DELETED,
                Self::CHAT_DISSOLVED,
            ];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for DeleteMessageError {
            fn api_error(&self) -> &::lark_sdk::ApiError {
                match self {
                    Self::InvalidParameter(e)
                    | Self::BotNotInChat(e)
                    | Self::BotAbilityNotActivated(e)
                    | Self::RecallExpired(e)
                    | Self::BotUnavailableToUser(e)
                    | Self::NoRecallPermission(e)
                    | Self::LackOfPermissions(e)
                    | Self::MessageInvisible(e)
                    | Self::UnsupportedMessageType(e)
                    | Self::MessageDeleted(e)
                    | Self::ChatDissolved(e) => e,
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
        impl From<::lark_sdk::ApiError> for DeleteMessageError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                match error.code {
                    230001i64 => Self::InvalidParameter(error),
                    230002i64 => Self::BotNotInChat(error),
                    230006i64 => Self::BotAbilityNotActivated(error),
                    230009i64 => Self::RecallExpired(error),
                    230013i64 => Self::BotUnavailableToUser(error),
                    230026i64 => Self::NoRecallPermission(error),
                    230027i64 => Self::LackOfPermissions(error),
                    230050i64 => Self::MessageInvisible(error),
                    230054i64 => Self::UnsupportedMessageType(error),
                    230110i64 => Self::MessageDeleted(error),
                    232009i64 => Self::ChatDissolved(error),
                    _ => {
                        match ::lark_sdk::common::PlatformError::classify(error) {
                            Ok(platform) => Self::Platform(platform),
                            Err(unhandled) => Self::Unhandled(unhandled),
                        }
                    }
                }
            }
        }
        impl ::core::fmt::Display for DeleteMessageError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for DeleteMessageError {}
        impl MessageRecalledV1 {
            /// The event type, as in the envelope.
            pub const EVENT_TYPE: &'static str = "im.message.recalled_v1";
        }
        impl ::lark_sdk::event::EventBody for MessageRecalledV1 {
            const EVENT_TYPE: &'static str = "im.message.recalled_v1";
            const SCHEMA: ::lark_sdk::event::EventSchema = ::lark_sdk::event::EventSchema::V2;
            const SCOPES: &'static [&'static str] = &[
                "im:message",
                "im:message:readonly",
            ];
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
            type Envelope = ::lark_sdk::event::EventEnvelope<Self>;
        }
        /// This spec's calls on `message`, on the runtime's [`MessageCalls`](::lark_sdk::im::v1::MessageCalls).
        pub trait MessageCallsExt<'a> {
            /** Recall a message (撤回消息)

 `DELETE /open-apis/im/v1/messages/:message_id`; see [`DeleteMessageRequest`].

 Resolves to `Result<NoData, Error<DeleteMessageError>>` when awaited.*/
            fn delete(
                self,
                request: DeleteMessageRequest,
            ) -> ::lark_sdk::client::Call<'a, DeleteMessageRequest>;
        }
        impl<'a> MessageCallsExt<'a> for ::lark_sdk::im::v1::MessageCalls<'a> {
            fn delete(
                self,
                request: DeleteMessageRequest,
            ) -> ::lark_sdk::client::Call<'a, DeleteMessageRequest> {
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
    /// `im.message.recalled_v1`: A message was recalled (撤回消息)
    MessageRecalledV1(
        ::std::boxed::Box<::lark_sdk::event::EventEnvelope<im::v1::MessageRecalledV1>>,
    ),
    /// An event type the spec does not describe.
    Unknown(::lark_sdk::event::RawEvent),
}
impl Event {
    /// Every event type the spec describes (with per-service
    /// features: also those of services not compiled in).
    pub const TYPES: &'static [&'static str] = &["im.message.recalled_v1"];
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
                "im.message.recalled_v1" => {
                    Self::MessageRecalledV1(
                        ::std::boxed::Box::new(
                            envelope.decode::<im::v1::MessageRecalledV1>()?,
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
            Self::MessageRecalledV1(_) => "im.message.recalled_v1",
            Self::Unknown(raw) => raw.event_type(),
        }
    }
}
/// Every endpoint of the spec: id, method and path.
pub const ENDPOINTS: &[::lark_sdk::EndpointInfo] = &[
    ::lark_sdk::EndpointInfo::new(
        "im.v1.message.delete",
        ::lark_sdk::HttpMethod::Delete,
        "/open-apis/im/v1/messages/:message_id",
    ),
];
/// Handler registration for this spec's events: `dispatcher.on_…(handler)`.
pub trait DispatcherExt: ::core::marker::Sized {
    /// Handles `im.message.recalled_v1` events.
    fn on_message_recalled_v1<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<im::v1::MessageRecalledV1>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static;
}
impl DispatcherExt for ::lark_sdk::event::Dispatcher {
    /// Handles `im.message.recalled_v1` events.
    fn on_message_recalled_v1<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<im::v1::MessageRecalledV1>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<Output = ::lark_sdk::event::HandlerResult>
            + ::core::marker::Send + 'static,
    {
        self.on::<im::v1::MessageRecalledV1, F, Fut>(handler)
    }
}
/// Every extension trait of this spec, for `use …::prelude::*;`.
#[allow(unused_imports)]
pub mod prelude {
    pub use super::DispatcherExt as _;
    pub use super::im::v1::MessageCallsExt as _;
}
