// Generated from examples/recall/spec over spec by the `extension` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test extension` to update.

pub mod im {
    //! The `im` service.
    pub mod v1 {
        //! Messaging (IM), version 1.
        //!
        //! 消息与群组（IM）v1。
        /// A message was recalled (撤回消息)
        ///
        /// Fires when a message of a chat the bot is in is recalled.
        ///
        /// 机器人所在会话内的消息被撤回时触发此事件。
        ///
        /// # Prerequisites
        ///
        /// - The app has the bot capability enabled.
        ///
        ///   应用需要开启机器人能力。
        /// - The app has event subscription configured.
        ///
        ///   你需要在应用中配置事件订阅，这样才可以在事件触发时接收到事件数据。
        ///
        /// # Limits
        ///
        /// - A bot receives recalls only of the chats (one-to-one and groups) it is in.
        ///
        ///   机器人只能接收到自己所在会话（单聊、群聊）内的消息撤回事件。
        ///
        /// # Event
        ///
        /// - Event type: `im.message.recalled_v1`
        /// - Envelope: schema 2.0, with `header`
        /// - Scopes to subscribe (any one): `im:message`, `im:message:readonly`
        /// - App types: custom, store
        /// - Documentation: <https://open.feishu.cn/document/server-docs/im-v1/message/events/recalled>
        #[derive(
            Clone,
            Debug,
            PartialEq,
            Eq,
            Default,
            ::lark_sdk::__private::serde::Serialize,
            ::lark_sdk::__private::serde::Deserialize,
        )]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct MessageRecalledV1 {
            /// The recalled message's ID.
            ///
            /// 被撤回的消息 ID。
            ///
            /// Example: `om_dc13264520392913993dd051dba21dcf`
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub message_id: Option<String>,
            /// The chat of the message; get-chat (获取群信息) describes it.
            ///
            /// 消息所在的群组 ID。调用获取群信息接口，可通过 ID 获取群组信息。
            ///
            /// Example: `oc_5ad11d72b830411d72b836c20`
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub chat_id: Option<String>,
            /// When it was recalled (Unix time in milliseconds).
            ///
            /// 撤回的时间，毫秒级时间戳。
            ///
            /// Example: `1615380573411`
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub recall_time: Option<::lark_sdk::TimestampMs>,
            /// Who recalled it.
            ///
            /// 撤回类型
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub recall_type: Option<RecallType>,
        }
        impl MessageRecalledV1 {
            /// Creates a value from its required fields; the others start
            /// empty and are set with the methods named after them.
            pub fn new() -> Self {
                Self {
                    message_id: None,
                    chat_id: None,
                    recall_time: None,
                    recall_type: None,
                }
            }
            /// Sets [`Self::message_id`].
            pub fn message_id(mut self, value: impl Into<String>) -> Self {
                self.message_id = Some(value.into());
                self
            }
            /// Sets [`Self::chat_id`].
            pub fn chat_id(mut self, value: impl Into<String>) -> Self {
                self.chat_id = Some(value.into());
                self
            }
            /// Sets [`Self::recall_time`].
            pub fn recall_time(
                mut self,
                value: impl Into<::lark_sdk::TimestampMs>,
            ) -> Self {
                self.recall_time = Some(value.into());
                self
            }
            /// Sets [`Self::recall_type`].
            pub fn recall_type(mut self, value: impl Into<RecallType>) -> Self {
                self.recall_type = Some(value.into());
                self
            }
        }
        /// Who recalled it.
        ///
        /// 撤回类型
        ///
        /// Open: a value the spec does not list is kept in `Unknown` and sent back as is.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum RecallType {
            /// `message_owner`
            ///
            /// Its sender.
            ///
            /// 消息发送者撤回
            MessageOwner,
            /// `group_owner`
            ///
            /// The group's owner.
            ///
            /// 群主撤回
            GroupOwner,
            /// `group_manager`
            ///
            /// A group administrator.
            ///
            /// 群管理员撤回
            GroupManager,
            /// `enterprise_manager`
            ///
            /// A tenant administrator.
            ///
            /// 企业管理员撤回
            EnterpriseManager,
            /// A value the spec does not list, kept as received.
            Unknown(String),
        }
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
        }
        impl From<&str> for RecallType {
            fn from(value: &str) -> Self {
                match value {
                    "message_owner" => Self::MessageOwner,
                    "group_owner" => Self::GroupOwner,
                    "group_manager" => Self::GroupManager,
                    "enterprise_manager" => Self::EnterpriseManager,
                    other => Self::Unknown(ToOwned::to_owned(other)),
                }
            }
        }
        impl From<String> for RecallType {
            fn from(value: String) -> Self {
                match value.as_str() {
                    "message_owner" => Self::MessageOwner,
                    "group_owner" => Self::GroupOwner,
                    "group_manager" => Self::GroupManager,
                    "enterprise_manager" => Self::EnterpriseManager,
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::core::str::FromStr for RecallType {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, Self::Err> {
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
        /// Recall a message (撤回消息)
        ///
        /// Recalls a message. What may be recalled depends on who calls: a bot recalls the messages it sent; a chat's owner recalls any message of the chat.
        ///
        /// 调用该接口撤回指定消息。调用接口的身份不同，可实现的效果不同：机器人可以撤回该机器人自己发送的消息； 群聊的群主可以撤回群内指定的消息。
        ///
        /// # Prerequisites
        ///
        /// - The app has the bot capability enabled.
        ///
        ///   应用需要开启机器人能力。
        /// - To recall a message of a one-to-one chat, the user is within the bot's availability.
        ///
        ///   撤回用户单聊内的消息时，用户需要在机器人的可用范围内。
        /// - To recall a message of a group, the bot is in the group.
        ///
        ///   撤回群组内的消息时，机器人需要在该群组中。
        ///
        /// # Limits
        ///
        /// - Messages sent with the batch-send API cannot be recalled here; the batch-recall API recalls them.
        ///
        ///   无法撤回通过批量发送消息接口发送的消息，撤回该接口发送的消息需要使用批量撤回消息接口。
        /// - The message must be within the recall time limit the tenant administrator sets.
        ///
        ///   撤回的消息需要符合由企业管理员设置的撤回时限。
        /// - To recall someone else's message in a group, the bot must be the group's owner, an administrator or its creator, and the message at most one year old.
        ///
        ///   在群聊内的机器人如需撤回他人发送的消息，则该机器人必须是该群的群主、管理员或者创建者，且消息发送时间不超过 1 年。
        ///
        /// # Endpoint
        ///
        /// - `DELETE /open-apis/im/v1/messages/:message_id`
        /// - Access tokens: `tenant_access_token`, `user_access_token` (the first is the default)
        /// - Scopes (any one): `im:message`, `im:message:recall`, `im:message:send_as_bot`
        /// - Rate limit: 50/second, 1000/minute
        /// - App types: custom, store
        /// - Errors: [`DeleteMessageError`]
        /// - Documentation: <https://open.feishu.cn/document/server-docs/im-v1/message/delete>
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct DeleteMessageRequest {
            /// ID of the message to recall: from the send-message response, the receive-message event, or the chat-history listing.
            ///
            /// 待撤回的消息 ID。ID 获取方式：
            /// - 调用发送消息接口后，从响应结果的 message_id 参数获取。
            /// - 监听接收消息事件，当触发该事件后可以从事件体内获取消息的 message_id。
            /// - 调用获取会话历史消息接口，从响应结果的 message_id 参数获取。
            ///
            /// Example: `om_dc13264520392913993dd051dba21dcf`
            pub message_id: String,
        }
        impl DeleteMessageRequest {
            /// Creates the request from its required parameters; optional
            /// ones are set with the methods named after them.
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
        /// Errors of [`DeleteMessageRequest`]: a variant per row of the endpoint's error table and per platform-wide code that applies, and `Other` for any code not listed.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum DeleteMessageError {
            /// `230001` (HTTP 400): Your request contains an invalid request parameter.
            ///
            /// A parameter is wrong; the message returned says which.
            ///
            /// 参数错误，可根据接口实际返回的错误信息，并参考接口文档内容，检查输入参数是否填写错误。
            InvalidParameter(Box<::lark_sdk::ApiError>),
            /// `230002` (HTTP 400): The bot can not be outside the group.
            ///
            /// The bot is not in the message's group; add it to the group.
            ///
            /// 机器人不在对应群组中。你需要将应用机器人添加到消息相应的群组中。
            BotNotInChat(Box<::lark_sdk::ApiError>),
            /// `230006` (HTTP 400): Bot ability is not activated.
            ///
            /// The app has not enabled its bot capability.
            ///
            /// 应用未启用机器人能力。
            BotAbilityNotActivated(Box<::lark_sdk::ApiError>),
            /// `230009` (HTTP 400): Message has expired when recall message.
            ///
            /// The message was sent too long ago: it is past the recall time limit the tenant administrator sets.
            ///
            /// 消息发出时间过长，不能执行当前操作。撤回的消息需要符合由企业管理员设置的撤回时限。
            RecallExpired(Box<::lark_sdk::ApiError>),
            /// `230013` (HTTP 400): Bot has NO availability to this user.
            ///
            /// The user of the one-to-one chat is outside the bot's availability (or disabled for the app, or has left the company). Add the user to the app's availability and publish a version.
            ///
            /// 目标用户或单聊用户不在应用机器人的可用范围内，或者是在应用的禁用范围内。如果目标用户已离职，也会报错 230013。
            BotUnavailableToUser(Box<::lark_sdk::ApiError>),
            /// `230026` (HTTP 400): No permission to recall this message.
            ///
            /// A bot can recall only the messages it sent.
            ///
            /// 机器人没有权限撤回该消息。机器人只能撤回自己发出的消息。
            NoRecallPermission(Box<::lark_sdk::ApiError>),
            /// `230027` (HTTP 400): Lack of necessary permissions.
            ///
            /// A scope is missing, the user's authorisation was not found, or the bot acts in an external chat without external sharing enabled.
            ///
            /// 无权进行本次操作。可能的原因有：缺少相应权限；未检查到用户授权信息；机器人在外部群操作时未开启对外共享能力。
            LackOfPermissions(Box<::lark_sdk::ApiError>),
            /// `230050` (HTTP 400): The message is invisible to the operator.
            ///
            /// The operator cannot see the message, so cannot act on it.
            ///
            /// 该消息对于当前的操作者不可见，无法进行本操作。
            MessageInvisible(Box<::lark_sdk::ApiError>),
            /// `230054` (HTTP 400): This operation is not supported for this message type.
            ///
            /// Messages of this type cannot be recalled.
            ///
            /// 该消息类型不支持本操作。
            UnsupportedMessageType(Box<::lark_sdk::ApiError>),
            /// `230110` (HTTP 400): Action unavailable as the message has been deleted.
            ///
            /// The message has been deleted; nothing can be done with it.
            ///
            /// 消息已被删除，无法执行当前操作。
            MessageDeleted(Box<::lark_sdk::ApiError>),
            /// `232009` (HTTP 400): Your request specifies a chat which has already been dissolved.
            ///
            /// The chat has been dissolved; nothing can be done in it.
            ///
            /// 群组已被解散，无法执行当前操作。
            ChatDissolved(Box<::lark_sdk::ApiError>),
            /// `99991201` (HTTP 404): resource not find (platform-wide)
            ///
            /// Request path is wrong.
            ResourceNotFound(Box<::lark_sdk::ApiError>),
            /// `99991301`: request method doesn’t match (platform-wide)
            ///
            /// HTTP method differs from the one the API defines.
            MethodMismatch(Box<::lark_sdk::ApiError>),
            /// `99991400` (HTTP 429): request trigger frequency limit (platform-wide)
            ///
            /// Rate limit hit; back off (exponential backoff / honour `x-ogw-ratelimit-reset`).
            ///
            /// Wait the seconds the `x-ogw-ratelimit-reset` header gives, then retry; back off exponentially when it is absent.
            RateLimited(Box<::lark_sdk::ApiError>),
            /// `99991401`: ip %s is denied by app setting (platform-wide)
            ///
            /// Caller IP not in the app's IP allow-list.
            ///
            /// Add the caller's IP to the app's IP allow-list in the developer console.
            IpDenied(Box<::lark_sdk::ApiError>),
            /// `99991403`: This month's API call quota has been exceeded (platform-wide)
            ///
            /// Monthly API quota of the tenant exhausted.
            ///
            /// The tenant's monthly API quota is used up; wait for the next month or raise the quota.
            MonthlyQuotaExceeded(Box<::lark_sdk::ApiError>),
            /// `99991661`: Need a token (platform-wide)
            ///
            /// No access token: `Authorization: Bearer <token>` missing or malformed.
            ///
            /// Send `Authorization: Bearer <token>`.
            TokenMissing(Box<::lark_sdk::ApiError>),
            /// `99991662`: app not in use (platform-wide)
            ///
            /// The app is disabled.
            ///
            /// Enable the app in the admin console.
            AppNotInUse(Box<::lark_sdk::ApiError>),
            /// `99991663`: Invalid access token for authorization. Please make a request with token attached (platform-wide)
            ///
            /// tenant_access_token invalid or expired, or the API does not accept a tenant token (use a user token).
            ///
            /// Fetch a new tenant_access_token and retry; if the endpoint does not take tenant tokens, use a user token.
            TenantTokenInvalid(Box<::lark_sdk::ApiError>),
            /// `99991665`: invalid tenant code (platform-wide)
            ///
            /// tenant_access_token invalid.
            ///
            /// Fetch a new tenant_access_token and retry.
            TenantCodeInvalid(Box<::lark_sdk::ApiError>),
            /// `99991668`: Invalid access token for authorization. Please make a request with token attached. (platform-wide)
            ///
            /// user_access_token invalid/expired; or msg "user access token not support" when the API only accepts a tenant token.
            ///
            /// Refresh the user_access_token; if the endpoint only takes tenant tokens, use one.
            UserTokenInvalid(Box<::lark_sdk::ApiError>),
            /// `99991671`: Invalid token: must start with t-/u- (platform-wide)
            ///
            /// Token has the wrong format (tenant tokens start `t-`, user tokens `u-`).
            ///
            /// Tenant tokens start with `t-`, user tokens with `u-`; send the token as issued.
            TokenMalformed(Box<::lark_sdk::ApiError>),
            /// `99991672` (HTTP 400): Access denied. One of the following scopes is required (platform-wide)
            ///
            /// App lacks the API scope; the missing scopes are listed in `msg` / `permission_violations`.
            ///
            /// Enable one of the scopes listed in `msg` and `permission_violations` for the app, then publish a new version.
            ScopeMissing(Box<::lark_sdk::ApiError>),
            /// `99991673`: unauthorized app (platform-wide)
            ///
            /// App not usable / not installed in the tenant.
            ///
            /// Install or enable the app in the tenant.
            AppUnauthorized(Box<::lark_sdk::ApiError>),
            /// `99991676`: token no permission (platform-wide)
            ///
            /// Token lacks the needed permission.
            ///
            /// The token lacks the permission needed; check the scopes granted to it.
            TokenNoPermission(Box<::lark_sdk::ApiError>),
            /// `99991677`: token expire (platform-wide)
            ///
            /// user token expired; refresh it.
            ///
            /// Refresh the user_access_token with its refresh token.
            UserTokenExpired(Box<::lark_sdk::ApiError>),
            /// `99991679`: Unauthorized. You do not have permission to perform the requested operation on the resource. Please request user re-authorization and try again. (platform-wide)
            ///
            /// User has not granted the scope to the app; re-run user authorization.
            ///
            /// Ask the user to authorize the app again for the needed scopes.
            UserAuthorizationRequired(Box<::lark_sdk::ApiError>),
            /// A code the spec does not list for this endpoint (one the
            /// platform added later lands here), kept with its message and log id.
            Other(Box<::lark_sdk::ApiError>),
        }
        impl DeleteMessageError {
            /// Codes with a variant of their own.
            pub const CODES: &'static [i64] = &[
                230001i64, 230002i64, 230006i64, 230009i64, 230013i64, 230026i64,
                230027i64, 230050i64, 230054i64, 230110i64, 232009i64, 99991201i64,
                99991301i64, 99991400i64, 99991401i64, 99991403i64, 99991661i64,
                99991662i64, 99991663i64, 99991665i64, 99991668i64, 99991671i64,
                99991672i64, 99991673i64, 99991676i64, 99991677i64, 99991679i64,
            ];
            /// The table row of [`Self::InvalidParameter`].
            pub const INVALID_PARAMETER: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "InvalidParameter",
                    230001i64,
                    Some(400u16),
                    "Your request contains an invalid request parameter.",
                )
                .with_remedy(
                    "A parameter is wrong; the message returned says which. / 参数错误，可根据接口实际返回的错误信息，并参考接口文档内容，检查输入参数是否填写错误。",
                );
            /// The table row of [`Self::BotNotInChat`].
            pub const BOT_NOT_IN_CHAT: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "BotNotInChat",
                    230002i64,
                    Some(400u16),
                    "The bot can not be outside the group.",
                )
                .with_remedy(
                    "The bot is not in the message's group; add it to the group. / 机器人不在对应群组中。你需要将应用机器人添加到消息相应的群组中。",
                );
            /// The table row of [`Self::BotAbilityNotActivated`].
            pub const BOT_ABILITY_NOT_ACTIVATED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "BotAbilityNotActivated",
                    230006i64,
                    Some(400u16),
                    "Bot ability is not activated.",
                )
                .with_remedy(
                    "The app has not enabled its bot capability. / 应用未启用机器人能力。",
                );
            /// The table row of [`Self::RecallExpired`].
            pub const RECALL_EXPIRED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "RecallExpired",
                    230009i64,
                    Some(400u16),
                    "Message has expired when recall message.",
                )
                .with_remedy(
                    "The message was sent too long ago: it is past the recall time limit the tenant administrator sets. / 消息发出时间过长，不能执行当前操作。撤回的消息需要符合由企业管理员设置的撤回时限。",
                );
            /// The table row of [`Self::BotUnavailableToUser`].
            pub const BOT_UNAVAILABLE_TO_USER: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "BotUnavailableToUser",
                    230013i64,
                    Some(400u16),
                    "Bot has NO availability to this user.",
                )
                .with_remedy(
                    "The user of the one-to-one chat is outside the bot's availability (or disabled for the app, or has left the company). Add the user to the app's availability and publish a version. / 目标用户或单聊用户不在应用机器人的可用范围内，或者是在应用的禁用范围内。如果目标用户已离职，也会报错 230013。",
                );
            /// The table row of [`Self::NoRecallPermission`].
            pub const NO_RECALL_PERMISSION: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "NoRecallPermission",
                    230026i64,
                    Some(400u16),
                    "No permission to recall this message.",
                )
                .with_remedy(
                    "A bot can recall only the messages it sent. / 机器人没有权限撤回该消息。机器人只能撤回自己发出的消息。",
                );
            /// The table row of [`Self::LackOfPermissions`].
            pub const LACK_OF_PERMISSIONS: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "LackOfPermissions",
                    230027i64,
                    Some(400u16),
                    "Lack of necessary permissions.",
                )
                .with_remedy(
                    "A scope is missing, the user's authorisation was not found, or the bot acts in an external chat without external sharing enabled. / 无权进行本次操作。可能的原因有：缺少相应权限；未检查到用户授权信息；机器人在外部群操作时未开启对外共享能力。",
                );
            /// The table row of [`Self::MessageInvisible`].
            pub const MESSAGE_INVISIBLE: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "MessageInvisible",
                    230050i64,
                    Some(400u16),
                    "The message is invisible to the operator.",
                )
                .with_remedy(
                    "The operator cannot see the message, so cannot act on it. / 该消息对于当前的操作者不可见，无法进行本操作。",
                );
            /// The table row of [`Self::UnsupportedMessageType`].
            pub const UNSUPPORTED_MESSAGE_TYPE: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "UnsupportedMessageType",
                    230054i64,
                    Some(400u16),
                    "This operation is not supported for this message type.",
                )
                .with_remedy(
                    "Messages of this type cannot be recalled. / 该消息类型不支持本操作。",
                );
            /// The table row of [`Self::MessageDeleted`].
            pub const MESSAGE_DELETED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "MessageDeleted",
                    230110i64,
                    Some(400u16),
                    "Action unavailable as the message has been deleted.",
                )
                .with_remedy(
                    "The message has been deleted; nothing can be done with it. / 消息已被删除，无法执行当前操作。",
                );
            /// The table row of [`Self::ChatDissolved`].
            pub const CHAT_DISSOLVED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "ChatDissolved",
                    232009i64,
                    Some(400u16),
                    "Your request specifies a chat which has already been dissolved.",
                )
                .with_remedy(
                    "The chat has been dissolved; nothing can be done in it. / 群组已被解散，无法执行当前操作。",
                );
            /// The table row of [`Self::ResourceNotFound`].
            pub const RESOURCE_NOT_FOUND: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "ResourceNotFound",
                    99991201i64,
                    Some(404u16),
                    "resource not find",
                )
                .with_remedy("Request path is wrong.");
            /// The table row of [`Self::MethodMismatch`].
            pub const METHOD_MISMATCH: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "MethodMismatch",
                    99991301i64,
                    None,
                    "request method doesn’t match",
                )
                .with_remedy("HTTP method differs from the one the API defines.");
            /// The table row of [`Self::RateLimited`].
            pub const RATE_LIMITED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "RateLimited",
                    99991400i64,
                    Some(429u16),
                    "request trigger frequency limit",
                )
                .with_remedy(
                    "Wait the seconds the `x-ogw-ratelimit-reset` header gives, then retry; back off exponentially when it is absent.",
                );
            /// The table row of [`Self::IpDenied`].
            pub const IP_DENIED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "IpDenied",
                    99991401i64,
                    None,
                    "ip %s is denied by app setting",
                )
                .with_remedy(
                    "Add the caller's IP to the app's IP allow-list in the developer console.",
                );
            /// The table row of [`Self::MonthlyQuotaExceeded`].
            pub const MONTHLY_QUOTA_EXCEEDED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "MonthlyQuotaExceeded",
                    99991403i64,
                    None,
                    "This month's API call quota has been exceeded",
                )
                .with_remedy(
                    "The tenant's monthly API quota is used up; wait for the next month or raise the quota.",
                );
            /// The table row of [`Self::TokenMissing`].
            pub const TOKEN_MISSING: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "TokenMissing",
                    99991661i64,
                    None,
                    "Need a token",
                )
                .with_remedy("Send `Authorization: Bearer <token>`.");
            /// The table row of [`Self::AppNotInUse`].
            pub const APP_NOT_IN_USE: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "AppNotInUse",
                    99991662i64,
                    None,
                    "app not in use",
                )
                .with_remedy("Enable the app in the admin console.");
            /// The table row of [`Self::TenantTokenInvalid`].
            pub const TENANT_TOKEN_INVALID: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "TenantTokenInvalid",
                    99991663i64,
                    None,
                    "Invalid access token for authorization. Please make a request with token attached",
                )
                .with_remedy(
                    "Fetch a new tenant_access_token and retry; if the endpoint does not take tenant tokens, use a user token.",
                );
            /// The table row of [`Self::TenantCodeInvalid`].
            pub const TENANT_CODE_INVALID: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "TenantCodeInvalid",
                    99991665i64,
                    None,
                    "invalid tenant code",
                )
                .with_remedy("Fetch a new tenant_access_token and retry.");
            /// The table row of [`Self::UserTokenInvalid`].
            pub const USER_TOKEN_INVALID: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "UserTokenInvalid",
                    99991668i64,
                    None,
                    "Invalid access token for authorization. Please make a request with token attached.",
                )
                .with_remedy(
                    "Refresh the user_access_token; if the endpoint only takes tenant tokens, use one.",
                );
            /// The table row of [`Self::TokenMalformed`].
            pub const TOKEN_MALFORMED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "TokenMalformed",
                    99991671i64,
                    None,
                    "Invalid token: must start with t-/u-",
                )
                .with_remedy(
                    "Tenant tokens start with `t-`, user tokens with `u-`; send the token as issued.",
                );
            /// The table row of [`Self::ScopeMissing`].
            pub const SCOPE_MISSING: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "ScopeMissing",
                    99991672i64,
                    Some(400u16),
                    "Access denied. One of the following scopes is required",
                )
                .with_remedy(
                    "Enable one of the scopes listed in `msg` and `permission_violations` for the app, then publish a new version.",
                );
            /// The table row of [`Self::AppUnauthorized`].
            pub const APP_UNAUTHORIZED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "AppUnauthorized",
                    99991673i64,
                    None,
                    "unauthorized app",
                )
                .with_remedy("Install or enable the app in the tenant.");
            /// The table row of [`Self::TokenNoPermission`].
            pub const TOKEN_NO_PERMISSION: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "TokenNoPermission",
                    99991676i64,
                    None,
                    "token no permission",
                )
                .with_remedy(
                    "The token lacks the permission needed; check the scopes granted to it.",
                );
            /// The table row of [`Self::UserTokenExpired`].
            pub const USER_TOKEN_EXPIRED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "UserTokenExpired",
                    99991677i64,
                    None,
                    "token expire",
                )
                .with_remedy("Refresh the user_access_token with its refresh token.");
            /// The table row of [`Self::UserAuthorizationRequired`].
            pub const USER_AUTHORIZATION_REQUIRED: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                    "UserAuthorizationRequired",
                    99991679i64,
                    None,
                    "Unauthorized. You do not have permission to perform the requested operation on the resource. Please request user re-authorization and try again.",
                )
                .with_remedy(
                    "Ask the user to authorize the app again for the needed scopes.",
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
                Self::RESOURCE_NOT_FOUND,
                Self::METHOD_MISMATCH,
                Self::RATE_LIMITED,
                Self::IP_DENIED,
                Self::MONTHLY_QUOTA_EXCEEDED,
                Self::TOKEN_MISSING,
                Self::APP_NOT_IN_USE,
                Self::TENANT_TOKEN_INVALID,
                Self::TENANT_CODE_INVALID,
                Self::USER_TOKEN_INVALID,
                Self::TOKEN_MALFORMED,
                Self::SCOPE_MISSING,
                Self::APP_UNAUTHORIZED,
                Self::TOKEN_NO_PERMISSION,
                Self::USER_TOKEN_EXPIRED,
                Self::USER_AUTHORIZATION_REQUIRED,
            ];
            /// The platform's error as returned: code, message, log id and details.
            pub fn api_error(&self) -> &::lark_sdk::ApiError {
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
                    | Self::ChatDissolved(e)
                    | Self::ResourceNotFound(e)
                    | Self::MethodMismatch(e)
                    | Self::RateLimited(e)
                    | Self::IpDenied(e)
                    | Self::MonthlyQuotaExceeded(e)
                    | Self::TokenMissing(e)
                    | Self::AppNotInUse(e)
                    | Self::TenantTokenInvalid(e)
                    | Self::TenantCodeInvalid(e)
                    | Self::UserTokenInvalid(e)
                    | Self::TokenMalformed(e)
                    | Self::ScopeMissing(e)
                    | Self::AppUnauthorized(e)
                    | Self::TokenNoPermission(e)
                    | Self::UserTokenExpired(e)
                    | Self::UserAuthorizationRequired(e)
                    | Self::Other(e) => e,
                }
            }
            /// The response `code`.
            pub fn code(&self) -> i64 {
                self.api_error().code
            }
            /// The response `msg`.
            pub fn message(&self) -> &str {
                &self.api_error().msg
            }
            /// The log id to quote to support.
            pub fn log_id(&self) -> Option<&str> {
                self.api_error().log_id.as_deref()
            }
            /// The table row of this error (`None` for `Other`).
            pub fn spec(&self) -> Option<&'static ::lark_sdk::ErrorSpec> {
                match self {
                    Self::InvalidParameter(_) => Some(&Self::SPECS[0usize]),
                    Self::BotNotInChat(_) => Some(&Self::SPECS[1usize]),
                    Self::BotAbilityNotActivated(_) => Some(&Self::SPECS[2usize]),
                    Self::RecallExpired(_) => Some(&Self::SPECS[3usize]),
                    Self::BotUnavailableToUser(_) => Some(&Self::SPECS[4usize]),
                    Self::NoRecallPermission(_) => Some(&Self::SPECS[5usize]),
                    Self::LackOfPermissions(_) => Some(&Self::SPECS[6usize]),
                    Self::MessageInvisible(_) => Some(&Self::SPECS[7usize]),
                    Self::UnsupportedMessageType(_) => Some(&Self::SPECS[8usize]),
                    Self::MessageDeleted(_) => Some(&Self::SPECS[9usize]),
                    Self::ChatDissolved(_) => Some(&Self::SPECS[10usize]),
                    Self::ResourceNotFound(_) => Some(&Self::SPECS[11usize]),
                    Self::MethodMismatch(_) => Some(&Self::SPECS[12usize]),
                    Self::RateLimited(_) => Some(&Self::SPECS[13usize]),
                    Self::IpDenied(_) => Some(&Self::SPECS[14usize]),
                    Self::MonthlyQuotaExceeded(_) => Some(&Self::SPECS[15usize]),
                    Self::TokenMissing(_) => Some(&Self::SPECS[16usize]),
                    Self::AppNotInUse(_) => Some(&Self::SPECS[17usize]),
                    Self::TenantTokenInvalid(_) => Some(&Self::SPECS[18usize]),
                    Self::TenantCodeInvalid(_) => Some(&Self::SPECS[19usize]),
                    Self::UserTokenInvalid(_) => Some(&Self::SPECS[20usize]),
                    Self::TokenMalformed(_) => Some(&Self::SPECS[21usize]),
                    Self::ScopeMissing(_) => Some(&Self::SPECS[22usize]),
                    Self::AppUnauthorized(_) => Some(&Self::SPECS[23usize]),
                    Self::TokenNoPermission(_) => Some(&Self::SPECS[24usize]),
                    Self::UserTokenExpired(_) => Some(&Self::SPECS[25usize]),
                    Self::UserAuthorizationRequired(_) => Some(&Self::SPECS[26usize]),
                    Self::Other(_) => None,
                }
            }
            /// The HTTP status the spec documents for this error.
            pub fn documented_status(&self) -> Option<u16> {
                self.spec().and_then(|row| row.http_status)
            }
            /// What to check or do, as the spec says (for `Other`: the
            /// platform-wide table's word on the code, if it has one).
            pub fn remedy(&self) -> Option<&'static str> {
                match self.spec() {
                    Some(row) => row.remedy,
                    None => {
                        ::lark_sdk::common::platform_error(self.code())
                            .and_then(|p| p.remedy.or(p.description))
                    }
                }
            }
            /// The variant's name (`"Other"` for unlisted codes).
            pub fn name(&self) -> &'static str {
                self.spec().map_or("Other", |row| row.name)
            }
        }
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
                    99991201i64 => Self::ResourceNotFound(error),
                    99991301i64 => Self::MethodMismatch(error),
                    99991400i64 => Self::RateLimited(error),
                    99991401i64 => Self::IpDenied(error),
                    99991403i64 => Self::MonthlyQuotaExceeded(error),
                    99991661i64 => Self::TokenMissing(error),
                    99991662i64 => Self::AppNotInUse(error),
                    99991663i64 => Self::TenantTokenInvalid(error),
                    99991665i64 => Self::TenantCodeInvalid(error),
                    99991668i64 => Self::UserTokenInvalid(error),
                    99991671i64 => Self::TokenMalformed(error),
                    99991672i64 => Self::ScopeMissing(error),
                    99991673i64 => Self::AppUnauthorized(error),
                    99991676i64 => Self::TokenNoPermission(error),
                    99991677i64 => Self::UserTokenExpired(error),
                    99991679i64 => Self::UserAuthorizationRequired(error),
                    _ => Self::Other(error),
                }
            }
        }
        impl ::core::fmt::Display for DeleteMessageError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for DeleteMessageError {}
        impl ::lark_sdk::EndpointError for DeleteMessageError {
            fn api_error(&self) -> &::lark_sdk::ApiError {
                DeleteMessageError::api_error(self)
            }
        }
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
        /// This spec's resources of `im.v1`, on the runtime's calls: `client.im().v1().…`.
        pub trait CallsExt<'a> {
            /// Calls on `message`.
            fn message(self) -> MessageCalls<'a>;
        }
        impl<'a> CallsExt<'a> for ::lark_sdk::im::v1::Calls<'a> {
            /// Calls on `message`.
            fn message(self) -> MessageCalls<'a> {
                MessageCalls {
                    client: self.client(),
                }
            }
        }
        /// The calls on `message`.
        #[derive(Clone, Copy, Debug)]
        pub struct MessageCalls<'a> {
            client: &'a ::lark_sdk::Client,
        }
        impl<'a> MessageCalls<'a> {
            /// The client these calls go through.
            pub fn client(self) -> &'a ::lark_sdk::Client {
                self.client
            }
            /// Recall a message (撤回消息)
            ///
            /// `DELETE /open-apis/im/v1/messages/:message_id`; see [`DeleteMessageRequest`].
            pub async fn delete(
                self,
                request: DeleteMessageRequest,
            ) -> Result<
                ::lark_sdk::NoData,
                ::lark_sdk::client::Error<DeleteMessageError>,
            > {
                self.client.call(&request).await
            }
            /// Recall a message (撤回消息), with per-call options (a user token, a store app's tenant).
            pub async fn delete_with(
                self,
                request: DeleteMessageRequest,
                options: &::lark_sdk::RequestOptions,
            ) -> Result<
                ::lark_sdk::NoData,
                ::lark_sdk::client::Error<DeleteMessageError>,
            > {
                self.client.call_with(&request, options).await
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
    pub fn from_slice(
        json: &[u8],
    ) -> ::core::result::Result<Self, ::lark_sdk::event::EventDecodeError> {
        let envelope = ::lark_sdk::event::EnvelopeRef::parse(json)?;
        Self::from_envelope(&envelope, json)
    }
    /// Decodes an event whose envelope is already read.
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
    pub use super::im::v1::CallsExt as _;
}
