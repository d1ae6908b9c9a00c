// Generated from tests/fixtures/bounds by the `golden` test.
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
        /// `Member`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct Member {
            /// `name`
            pub name: String,
            /// `tags`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub tags: Option<Vec<String>>,
        }
        ::lark_sdk::__private::deserialize_object!(Member);
        impl ::lark_sdk::__private::Object for Member {
            const EXPECTING: &'static str = "struct Member";
            const FIELDS: &'static [&'static str] = &["name", "tags"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                let mut f1: Option<Vec<String>> = None;
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0, &mut f1],
                )?;
                Ok(Self {
                    name: f0.take("name")?,
                    tags: f1,
                })
            }
        }
        impl Member {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(name: impl Into<String>) -> Self {
                Self {
                    name: name.into(),
                    tags: None,
                }
            }
            /// Sets [`Self::tags`].
            pub fn tags(mut self, value: impl Into<Vec<String>>) -> Self {
                self.tags = Some(value.into());
                self
            }
        }
        impl ::lark_sdk::__private::Check for Member {
            fn check(
                &self,
                endpoint: &'static str,
                at: &::lark_sdk::__private::At<'_>,
            ) -> Result<(), ::lark_sdk::InvalidRequest> {
                {
                    let value = &self.name;
                    let at = ::lark_sdk::__private::At::In(at, "name");
                    ::lark_sdk::__private::check_count(
                        endpoint,
                        at,
                        value.chars().count(),
                        None,
                        Some(20u32),
                        "characters",
                    )?;
                }
                if let Some(value) = &self.tags {
                    let at = ::lark_sdk::__private::At::In(at, "tags");
                    ::lark_sdk::__private::check_count(
                        endpoint,
                        at,
                        value.len(),
                        None,
                        Some(3u32),
                        "items",
                    )?;
                }
                Ok(())
            }
        }
        /// `MemberList`
        pub type MemberList = Vec<Member>;
        /// `Team`
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
        pub struct Team {
            /// `name`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub name: Option<String>,
            /// `parent`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub parent: Option<Box<Team>>,
        }
        ::lark_sdk::__private::deserialize_object!(Team);
        impl ::lark_sdk::__private::Object for Team {
            const EXPECTING: &'static str = "struct Team";
            const FIELDS: &'static [&'static str] = &["name", "parent"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.name, &mut value.parent],
                )?;
                Ok(value)
            }
        }
        impl Team {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
            /// Sets [`Self::name`].
            pub fn name(mut self, value: impl Into<String>) -> Self {
                self.name = Some(value.into());
                self
            }
            /// Sets [`Self::parent`].
            pub fn parent(mut self, value: impl Into<Team>) -> Self {
                self.parent = Some(Box::new(value.into()));
                self
            }
        }
        impl ::lark_sdk::__private::Check for Team {
            fn check(
                &self,
                endpoint: &'static str,
                at: &::lark_sdk::__private::At<'_>,
            ) -> Result<(), ::lark_sdk::InvalidRequest> {
                if let Some(value) = &self.name {
                    let at = ::lark_sdk::__private::At::In(at, "name");
                    ::lark_sdk::__private::check_count(
                        endpoint,
                        at,
                        value.chars().count(),
                        None,
                        Some(10u32),
                        "characters",
                    )?;
                }
                if let Some(value) = &self.parent {
                    let at = ::lark_sdk::__private::At::In(at, "parent");
                    ::lark_sdk::__private::Check::check(value, endpoint, &at)?;
                }
                Ok(())
            }
        }
        /// `CreateChatRequestBody`
        #[derive(Clone, Debug, PartialEq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct CreateChatRequestBody {
            /// `name`
            pub name: String,
            /// `user_id_list`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub user_id_list: Option<Vec<String>>,
            /// `weight`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub weight: Option<f64>,
            /// `members`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub members: Option<Vec<Member>>,
            /// `settings`
            pub settings: ChatSettings,
            /// `i18n_names`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub i18n_names: Option<::std::collections::BTreeMap<String, Member>>,
            /// `admins`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub admins: Option<MemberList>,
            /// `team`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub team: Option<Team>,
        }
        ::lark_sdk::__private::deserialize_object!(CreateChatRequestBody);
        impl ::lark_sdk::__private::Object for CreateChatRequestBody {
            const EXPECTING: &'static str = "struct CreateChatRequestBody";
            const FIELDS: &'static [&'static str] = &[
                "name",
                "user_id_list",
                "weight",
                "members",
                "settings",
                "i18n_names",
                "admins",
                "team",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                let mut f1: Option<Vec<String>> = None;
                let mut f2: Option<f64> = None;
                let mut f3: Option<Vec<Member>> = None;
                let mut f4 = ::lark_sdk::__private::Required::<ChatSettings>::new();
                let mut f5: Option<::std::collections::BTreeMap<String, Member>> = None;
                let mut f6: Option<MemberList> = None;
                let mut f7: Option<Team> = None;
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [
                        &mut f0,
                        &mut f1,
                        &mut f2,
                        &mut f3,
                        &mut f4,
                        &mut f5,
                        &mut f6,
                        &mut f7,
                    ],
                )?;
                Ok(Self {
                    name: f0.take("name")?,
                    user_id_list: f1,
                    weight: f2,
                    members: f3,
                    settings: f4.take("settings")?,
                    i18n_names: f5,
                    admins: f6,
                    team: f7,
                })
            }
        }
        impl CreateChatRequestBody {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(
                name: impl Into<String>,
                settings: impl Into<ChatSettings>,
            ) -> Self {
                Self {
                    name: name.into(),
                    user_id_list: None,
                    weight: None,
                    members: None,
                    settings: settings.into(),
                    i18n_names: None,
                    admins: None,
                    team: None,
                }
            }
            /// Sets [`Self::user_id_list`].
            pub fn user_id_list(mut self, value: impl Into<Vec<String>>) -> Self {
                self.user_id_list = Some(value.into());
                self
            }
            /// Sets [`Self::weight`].
            pub fn weight(mut self, value: impl Into<f64>) -> Self {
                self.weight = Some(value.into());
                self
            }
            /// Sets [`Self::members`].
            pub fn members(mut self, value: impl Into<Vec<Member>>) -> Self {
                self.members = Some(value.into());
                self
            }
            /// Sets [`Self::i18n_names`].
            pub fn i18n_names(
                mut self,
                value: impl Into<::std::collections::BTreeMap<String, Member>>,
            ) -> Self {
                self.i18n_names = Some(value.into());
                self
            }
            /// Sets [`Self::admins`].
            pub fn admins(mut self, value: impl Into<MemberList>) -> Self {
                self.admins = Some(value.into());
                self
            }
            /// Sets [`Self::team`].
            pub fn team(mut self, value: impl Into<Team>) -> Self {
                self.team = Some(value.into());
                self
            }
        }
        impl ::lark_sdk::__private::Check for CreateChatRequestBody {
            fn check(
                &self,
                endpoint: &'static str,
                at: &::lark_sdk::__private::At<'_>,
            ) -> Result<(), ::lark_sdk::InvalidRequest> {
                {
                    let value = &self.name;
                    let at = ::lark_sdk::__private::At::In(at, "name");
                    ::lark_sdk::__private::check_count(
                        endpoint,
                        at,
                        value.chars().count(),
                        Some(1u32),
                        Some(60u32),
                        "characters",
                    )?;
                }
                if let Some(value) = &self.user_id_list {
                    let at = ::lark_sdk::__private::At::In(at, "user_id_list");
                    ::lark_sdk::__private::check_count(
                        endpoint,
                        at,
                        value.len(),
                        None,
                        Some(50u32),
                        "items",
                    )?;
                }
                if let Some(value) = &self.weight {
                    let at = ::lark_sdk::__private::At::In(at, "weight");
                    ::lark_sdk::__private::check_range(
                        endpoint,
                        at,
                        *value,
                        Some(0.5f64),
                        None,
                    )?;
                }
                if let Some(value) = &self.members {
                    let at = ::lark_sdk::__private::At::In(at, "members");
                    for (index, value) in value.iter().enumerate() {
                        let at = ::lark_sdk::__private::At::Item(&at, index);
                        ::lark_sdk::__private::Check::check(value, endpoint, &at)?;
                    }
                }
                {
                    let value = &self.settings;
                    let at = ::lark_sdk::__private::At::In(at, "settings");
                    ::lark_sdk::__private::Check::check(value, endpoint, &at)?;
                }
                if let Some(value) = &self.i18n_names {
                    let at = ::lark_sdk::__private::At::In(at, "i18n_names");
                    for (key, value) in value {
                        let at = ::lark_sdk::__private::At::Key(&at, key);
                        ::lark_sdk::__private::Check::check(value, endpoint, &at)?;
                    }
                }
                if let Some(value) = &self.admins {
                    let at = ::lark_sdk::__private::At::In(at, "admins");
                    for (index, value) in value.iter().enumerate() {
                        let at = ::lark_sdk::__private::At::Item(&at, index);
                        ::lark_sdk::__private::Check::check(value, endpoint, &at)?;
                    }
                }
                if let Some(value) = &self.team {
                    let at = ::lark_sdk::__private::At::In(at, "team");
                    ::lark_sdk::__private::Check::check(value, endpoint, &at)?;
                }
                Ok(())
            }
        }
        /// `ChatSettings`
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
        pub struct ChatSettings {
            /// `max_members`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub max_members: Option<i32>,
            /// `moderators`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub moderators: Option<Vec<Member>>,
        }
        ::lark_sdk::__private::deserialize_object!(ChatSettings);
        impl ::lark_sdk::__private::Object for ChatSettings {
            const EXPECTING: &'static str = "struct ChatSettings";
            const FIELDS: &'static [&'static str] = &["max_members", "moderators"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.max_members, &mut value.moderators],
                )?;
                Ok(value)
            }
        }
        impl ChatSettings {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
            /// Sets [`Self::max_members`].
            pub fn max_members(mut self, value: impl Into<i32>) -> Self {
                self.max_members = Some(value.into());
                self
            }
            /// Sets [`Self::moderators`].
            pub fn moderators(mut self, value: impl Into<Vec<Member>>) -> Self {
                self.moderators = Some(value.into());
                self
            }
        }
        impl ::lark_sdk::__private::Check for ChatSettings {
            fn check(
                &self,
                endpoint: &'static str,
                at: &::lark_sdk::__private::At<'_>,
            ) -> Result<(), ::lark_sdk::InvalidRequest> {
                if let Some(value) = &self.max_members {
                    let at = ::lark_sdk::__private::At::In(at, "max_members");
                    ::lark_sdk::__private::check_range(
                        endpoint,
                        at,
                        *value,
                        Some(2i32),
                        Some(5000i32),
                    )?;
                }
                if let Some(value) = &self.moderators {
                    let at = ::lark_sdk::__private::At::In(at, "moderators");
                    for (index, value) in value.iter().enumerate() {
                        let at = ::lark_sdk::__private::At::Item(&at, index);
                        ::lark_sdk::__private::Check::check(value, endpoint, &at)?;
                    }
                }
                Ok(())
            }
        }
        /// `CreateChatResponse`
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
        pub struct CreateChatResponse {
            /// `chat_id`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub chat_id: Option<String>,
        }
        ::lark_sdk::__private::deserialize_object!(CreateChatResponse);
        impl ::lark_sdk::__private::Object for CreateChatResponse {
            const EXPECTING: &'static str = "struct CreateChatResponse";
            const FIELDS: &'static [&'static str] = &["chat_id"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.chat_id],
                )?;
                Ok(value)
            }
        }
        impl CreateChatResponse {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** Create a chat

 # Endpoint

 - `POST /open-apis/im/v1/chats`
 - Access tokens: `tenant_access_token` (the first is the default)
 - Errors: [`CreateChatError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct CreateChatRequest {
            /// `page_size`
            pub page_size: Option<i32>,
            /// The JSON body.
            pub body: CreateChatRequestBody,
        }
        impl CreateChatRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(body: CreateChatRequestBody) -> Self {
                Self { page_size: None, body }
            }
            /// Sets [`Self::page_size`].
            pub fn page_size(mut self, value: impl Into<i32>) -> Self {
                self.page_size = Some(value.into());
                self
            }
            /// Replaces the body.
            pub fn body(mut self, body: CreateChatRequestBody) -> Self {
                self.body = body;
                self
            }
        }
        impl ::lark_sdk::Endpoint for CreateChatRequest {
            type Response = CreateChatResponse;
            type Error = CreateChatError;
            type Body = CreateChatRequestBody;
            const ID: &'static str = "im.v1.chat.create";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Post;
            const PATH: &'static str = "/open-apis/im/v1/chats";
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
                path.push_str("/open-apis/im/v1/chats");
                Ok(path)
            }
            fn validate(&self) -> Result<(), ::lark_sdk::InvalidRequest> {
                if let Some(value) = &self.page_size {
                    let at = ::lark_sdk::__private::At::Field("page_size");
                    ::lark_sdk::__private::check_range(
                        Self::ID,
                        at,
                        *value,
                        Some(1i32),
                        Some(100i32),
                    )?;
                }
                ::lark_sdk::__private::Check::check(
                    &self.body,
                    Self::ID,
                    &::lark_sdk::__private::At::Body,
                )?;
                Ok(())
            }
            fn query_pairs(&self) -> Vec<(&'static str, String)> {
                let mut pairs = vec![];
                if let Some(value) = &self.page_size {
                    pairs.push(("page_size", ToString::to_string(value)));
                }
                pairs
            }
            fn request_body(&self) -> Option<&Self::Body> {
                Some(&self.body)
            }
        }
        /// Errors of [`CreateChatRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum CreateChatError {
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl CreateChatError {
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for CreateChatError {
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
        impl From<::lark_sdk::ApiError> for CreateChatError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                Self::Unhandled(::lark_sdk::Unhandled::new(error, None))
            }
        }
        impl ::core::fmt::Display for CreateChatError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for CreateChatError {}
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
            /** Create a chat

 `POST /open-apis/im/v1/chats`; see [`CreateChatRequest`].

 Resolves to `Result<CreateChatResponse, Error<CreateChatError>>` when awaited.*/
            pub fn create(
                self,
                request: CreateChatRequest,
            ) -> ::lark_sdk::client::Call<'a, CreateChatRequest> {
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
        "im.v1.chat.create",
        ::lark_sdk::HttpMethod::Post,
        "/open-apis/im/v1/chats",
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
