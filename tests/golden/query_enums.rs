// Generated from tests/fixtures/query_enums by the `golden` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.

pub mod common {
    //! Platform-wide types and errors.
    /// `UserIdType`
    ///
    /// Open: a value the spec does not list is kept in `Unknown` and sent back as is.
    #[derive(
        ::core::clone::Clone,
        ::core::fmt::Debug,
        ::core::cmp::PartialEq,
        ::core::cmp::Eq,
        ::core::hash::Hash
    )]
    #[non_exhaustive]
    pub enum UserIdType {
        /// `open_id`
        OpenId,
        /// `union_id`
        UnionId,
        /// `user_id`
        UserId,
        /// A value the spec does not list, kept as received.
        Unknown(::std::string::String),
    }
    impl UserIdType {
        /// Every value the spec lists.
        pub const VALUES: &'static [Self] = &[Self::OpenId, Self::UnionId, Self::UserId];
        /// The value as sent on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::OpenId => "open_id",
                Self::UnionId => "union_id",
                Self::UserId => "user_id",
                Self::Unknown(value) => value.as_str(),
            }
        }
        /// True for a value the spec does not list.
        pub fn is_unknown(&self) -> bool {
            ::core::matches!(self, Self::Unknown(_))
        }
    }
    impl ::core::convert::From<&str> for UserIdType {
        fn from(value: &str) -> Self {
            match value {
                "open_id" => Self::OpenId,
                "union_id" => Self::UnionId,
                "user_id" => Self::UserId,
                other => Self::Unknown(::std::borrow::ToOwned::to_owned(other)),
            }
        }
    }
    impl ::core::convert::From<::std::string::String> for UserIdType {
        fn from(value: ::std::string::String) -> Self {
            match value.as_str() {
                "open_id" => Self::OpenId,
                "union_id" => Self::UnionId,
                "user_id" => Self::UserId,
                _ => Self::Unknown(value),
            }
        }
    }
    impl ::core::str::FromStr for UserIdType {
        type Err = ::core::convert::Infallible;
        fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
            ::core::result::Result::Ok(Self::from(value))
        }
    }
    impl ::core::convert::AsRef<str> for UserIdType {
        fn as_ref(&self) -> &str {
            self.as_str()
        }
    }
    impl ::core::fmt::Display for UserIdType {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::lark_sdk::__private::serde::Serialize for UserIdType {
        fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::core::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for UserIdType {
        fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::core::result::Result<Self, D::Error> {
            ::lark_sdk::__private::deserialize_open_enum(deserializer)
        }
    }
}
pub mod contact {
    //! The `contact` service.
    /// The calls of the `contact` service.
    #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
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
        /// Version `v3`.
        pub fn v3(self) -> v3::Calls<'a> {
            v3::Calls::from_client(self.client())
        }
    }
    pub mod v3 {
        //! Version `v3` of the `contact` service.
        /// Kind of department ID.
        ///
        /// Open: a value the spec does not list is kept in `Unknown` and sent back as is.
        #[derive(
            ::core::clone::Clone,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash
        )]
        #[non_exhaustive]
        pub enum DepartmentIdType {
            /// `department_id`
            ///
            /// The tenant's own department ID.
            DepartmentId,
            /// `open_department_id`
            ///
            /// The department's open ID.
            OpenDepartmentId,
            /// A value the spec does not list, kept as received.
            Unknown(::std::string::String),
        }
        impl DepartmentIdType {
            /// Every value the spec lists.
            pub const VALUES: &'static [Self] = &[
                Self::DepartmentId,
                Self::OpenDepartmentId,
            ];
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::DepartmentId => "department_id",
                    Self::OpenDepartmentId => "open_department_id",
                    Self::Unknown(value) => value.as_str(),
                }
            }
            /// True for a value the spec does not list.
            pub fn is_unknown(&self) -> bool {
                ::core::matches!(self, Self::Unknown(_))
            }
        }
        impl ::core::convert::From<&str> for DepartmentIdType {
            fn from(value: &str) -> Self {
                match value {
                    "department_id" => Self::DepartmentId,
                    "open_department_id" => Self::OpenDepartmentId,
                    other => Self::Unknown(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }
        impl ::core::convert::From<::std::string::String> for DepartmentIdType {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    "department_id" => Self::DepartmentId,
                    "open_department_id" => Self::OpenDepartmentId,
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::core::str::FromStr for DepartmentIdType {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(Self::from(value))
            }
        }
        impl ::core::convert::AsRef<str> for DepartmentIdType {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::core::fmt::Display for DepartmentIdType {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::lark_sdk::__private::serde::Serialize for DepartmentIdType {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for DepartmentIdType {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_open_enum(deserializer)
            }
        }
        /// A user.
        #[derive(
            ::core::clone::Clone,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::lark_sdk::__private::serde::Serialize,
            ::lark_sdk::__private::serde::Deserialize,
        )]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct User {
            /// Open ID.
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub open_id: ::core::option::Option<::std::string::String>,
            /// Name.
            pub name: ::std::string::String,
            /// Departments.
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub department_ids: ::core::option::Option<
                ::std::vec::Vec<::std::string::String>,
            >,
            /// `status`
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub status: ::core::option::Option<UserStatus>,
        }
        impl User {
            /// Creates a value from its required fields; the others start
            /// empty and are set with the methods named after them.
            pub fn new(name: impl ::core::convert::Into<::std::string::String>) -> Self {
                Self {
                    open_id: ::core::option::Option::None,
                    name: name.into(),
                    department_ids: ::core::option::Option::None,
                    status: ::core::option::Option::None,
                }
            }
            /// Sets [`Self::open_id`].
            pub fn open_id(
                mut self,
                value: impl ::core::convert::Into<::std::string::String>,
            ) -> Self {
                self.open_id = ::core::option::Option::Some(value.into());
                self
            }
            /// Sets [`Self::department_ids`].
            pub fn department_ids(
                mut self,
                value: impl ::core::convert::Into<::std::vec::Vec<::std::string::String>>,
            ) -> Self {
                self.department_ids = ::core::option::Option::Some(value.into());
                self
            }
            /// Sets [`Self::status`].
            pub fn status(
                mut self,
                value: impl ::core::convert::Into<UserStatus>,
            ) -> Self {
                self.status = ::core::option::Option::Some(value.into());
                self
            }
        }
        /// `UserStatus`
        #[derive(
            ::core::clone::Clone,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::default::Default,
            ::lark_sdk::__private::serde::Serialize,
            ::lark_sdk::__private::serde::Deserialize,
        )]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct UserStatus {
            /// `is_frozen`
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub is_frozen: ::core::option::Option<bool>,
            /// `is_resigned`
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub is_resigned: ::core::option::Option<bool>,
        }
        impl UserStatus {
            /// Creates a value from its required fields; the others start
            /// empty and are set with the methods named after them.
            pub fn new() -> Self {
                Self {
                    is_frozen: ::core::option::Option::None,
                    is_resigned: ::core::option::Option::None,
                }
            }
            /// Sets [`Self::is_frozen`].
            #[allow(clippy::wrong_self_convention)]
            pub fn is_frozen(mut self, value: impl ::core::convert::Into<bool>) -> Self {
                self.is_frozen = ::core::option::Option::Some(value.into());
                self
            }
            /// Sets [`Self::is_resigned`].
            #[allow(clippy::wrong_self_convention)]
            pub fn is_resigned(
                mut self,
                value: impl ::core::convert::Into<bool>,
            ) -> Self {
                self.is_resigned = ::core::option::Option::Some(value.into());
                self
            }
        }
        /// `GetUserResponse`
        #[derive(
            ::core::clone::Clone,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::lark_sdk::__private::serde::Serialize,
            ::lark_sdk::__private::serde::Deserialize,
        )]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct GetUserResponse {
            /// `user`
            pub user: User,
        }
        impl GetUserResponse {
            /// Creates a value from its required fields; the others start
            /// empty and are set with the methods named after them.
            pub fn new(user: impl ::core::convert::Into<User>) -> Self {
                Self { user: user.into() }
            }
        }
        /// Get a user
        ///
        /// # Endpoint
        ///
        /// - `GET /open-apis/contact/v3/users/:user_id`
        /// - Access tokens: `tenant_access_token`, `user_access_token` (the first is the default)
        /// - Errors: [`GetUserError`]
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
        #[non_exhaustive]
        pub struct GetUserRequest {
            /// The user's ID, of the kind `user_id_type` says.
            pub user_id: ::std::string::String,
            /// Kind of ID in the path.
            ///
            /// Default: `open_id`
            pub user_id_type: ::core::option::Option<super::super::common::UserIdType>,
            /// `department_id_type`
            ///
            /// Default: `open_department_id`
            pub department_id_type: ::core::option::Option<DepartmentIdType>,
            /// `with_status`
            ///
            /// Default: `false`
            pub with_status: ::core::option::Option<bool>,
            /// Fields to return (repeated).
            pub fields: ::std::vec::Vec<::std::string::String>,
            /// `limit`
            ///
            /// Default: `10`
            pub limit: ::core::option::Option<i32>,
        }
        impl GetUserRequest {
            /// Creates the request from its required parameters; optional
            /// ones are set with the methods named after them.
            pub fn new(
                user_id: impl ::core::convert::Into<::std::string::String>,
            ) -> Self {
                Self {
                    user_id: user_id.into(),
                    user_id_type: ::core::option::Option::None,
                    department_id_type: ::core::option::Option::None,
                    with_status: ::core::option::Option::None,
                    fields: ::std::vec::Vec::new(),
                    limit: ::core::option::Option::None,
                }
            }
            /// Sets [`Self::user_id_type`].
            pub fn user_id_type(
                mut self,
                value: impl ::core::convert::Into<super::super::common::UserIdType>,
            ) -> Self {
                self.user_id_type = ::core::option::Option::Some(value.into());
                self
            }
            /// Sets [`Self::department_id_type`].
            pub fn department_id_type(
                mut self,
                value: impl ::core::convert::Into<DepartmentIdType>,
            ) -> Self {
                self.department_id_type = ::core::option::Option::Some(value.into());
                self
            }
            /// Sets [`Self::with_status`].
            pub fn with_status(
                mut self,
                value: impl ::core::convert::Into<bool>,
            ) -> Self {
                self.with_status = ::core::option::Option::Some(value.into());
                self
            }
            /// Sets [`Self::fields`].
            pub fn fields(
                mut self,
                value: impl ::core::convert::Into<::std::vec::Vec<::std::string::String>>,
            ) -> Self {
                self.fields = value.into();
                self
            }
            /// Sets [`Self::limit`].
            pub fn limit(mut self, value: impl ::core::convert::Into<i32>) -> Self {
                self.limit = ::core::option::Option::Some(value.into());
                self
            }
        }
        impl ::lark_sdk::Endpoint for GetUserRequest {
            type Response = GetUserResponse;
            type Error = GetUserError;
            type Body = ::lark_sdk::NoData;
            const ID: &'static str = "contact.v3.user.get";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Get;
            const PATH: &'static str = "/open-apis/contact/v3/users/:user_id";
            const TOKEN_TYPES: &'static [::lark_sdk::TokenType] = &[
                ::lark_sdk::TokenType::Tenant,
                ::lark_sdk::TokenType::User,
            ];
            const SCOPES: &'static [&'static str] = &[];
            const RATE_LIMIT: ::lark_sdk::RateLimit = ::lark_sdk::RateLimit::new(
                ::core::option::Option::None,
                ::core::option::Option::None,
            );
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
            fn render_path(
                &self,
            ) -> ::core::result::Result<
                ::std::string::String,
                ::lark_sdk::InvalidRequest,
            > {
                let mut path = ::std::string::String::with_capacity(
                    Self::PATH.len() + 32,
                );
                path.push_str("/open-apis/contact/v3/users/");
                ::lark_sdk::__private::push_path_param(
                    &mut path,
                    Self::ID,
                    "user_id",
                    self.user_id.as_str(),
                )?;
                ::core::result::Result::Ok(path)
            }
            fn query_pairs(
                &self,
            ) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
                let mut pairs = ::std::vec![];
                if let ::core::option::Option::Some(value) = &self.user_id_type {
                    pairs
                        .push((
                            "user_id_type",
                            ::std::string::ToString::to_string(value),
                        ));
                }
                if let ::core::option::Option::Some(value) = &self.department_id_type {
                    pairs
                        .push((
                            "department_id_type",
                            ::std::string::ToString::to_string(value),
                        ));
                }
                if let ::core::option::Option::Some(value) = &self.with_status {
                    pairs
                        .push((
                            "with_status",
                            ::std::string::ToString::to_string(value),
                        ));
                }
                for value in &self.fields {
                    pairs.push(("fields", ::std::string::ToString::to_string(value)));
                }
                if let ::core::option::Option::Some(value) = &self.limit {
                    pairs.push(("limit", ::std::string::ToString::to_string(value)));
                }
                pairs
            }
        }
        /// Errors of [`GetUserRequest`]: a variant per row of the endpoint's error table and per platform-wide code that applies, and `Other` for any code not listed.
        #[derive(
            ::core::clone::Clone,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq
        )]
        #[non_exhaustive]
        pub enum GetUserError {
            /// A code the spec does not list for this endpoint (one the
            /// platform added later lands here), kept with its message and log id.
            Other(::std::boxed::Box<::lark_sdk::ApiError>),
        }
        impl GetUserError {
            /// Codes with a variant of their own.
            pub const CODES: &'static [i64] = &[];
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[];
            /// The platform's error as returned: code, message, log id and details.
            pub fn api_error(&self) -> &::lark_sdk::ApiError {
                match self {
                    Self::Other(e) => e,
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
            pub fn log_id(&self) -> ::core::option::Option<&str> {
                self.api_error().log_id.as_deref()
            }
            /// The HTTP status the spec documents for this error.
            pub fn documented_status(&self) -> ::core::option::Option<u16> {
                match self {
                    Self::Other(_) => ::core::option::Option::None,
                }
            }
            /// What to check or do, as the spec says.
            pub fn remedy(&self) -> ::core::option::Option<&'static str> {
                match self {
                    Self::Other(_) => ::core::option::Option::None,
                }
            }
            /// The variant's name (`"Other"` for unlisted codes).
            pub fn name(&self) -> &'static str {
                match self {
                    Self::Other(_) => "Other",
                }
            }
        }
        impl ::core::convert::From<::lark_sdk::ApiError> for GetUserError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = ::std::boxed::Box::new(error);
                Self::Other(error)
            }
        }
        impl ::core::fmt::Display for GetUserError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for GetUserError {}
        impl ::lark_sdk::EndpointError for GetUserError {
            fn api_error(&self) -> &::lark_sdk::ApiError {
                GetUserError::api_error(self)
            }
        }
        /// The calls of `contact.v3`.
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
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
            /// Calls on `user`.
            pub fn user(self) -> UserCalls<'a> {
                UserCalls { client: self.client() }
            }
        }
        /// The calls on `user`.
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
        pub struct UserCalls<'a> {
            client: &'a ::lark_sdk::Client,
        }
        impl<'a> UserCalls<'a> {
            /// The client these calls go through.
            pub fn client(self) -> &'a ::lark_sdk::Client {
                self.client
            }
            /// Get a user
            ///
            /// `GET /open-apis/contact/v3/users/:user_id`; see [`GetUserRequest`].
            pub async fn get(
                self,
                request: GetUserRequest,
            ) -> ::core::result::Result<
                GetUserResponse,
                ::lark_sdk::client::Error<GetUserError>,
            > {
                self.client.call(&request).await
            }
            /// Get a user, with per-call options (a user token, a store app's tenant).
            pub async fn get_with(
                self,
                request: GetUserRequest,
                options: &::lark_sdk::RequestOptions,
            ) -> ::core::result::Result<
                GetUserResponse,
                ::lark_sdk::client::Error<GetUserError>,
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
    /// An event type the spec does not describe.
    Unknown(::lark_sdk::event::RawEvent),
}
impl Event {
    /// Every event type the spec describes.
    pub const TYPES: &'static [&'static str] = &[];
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
        "contact.v3.user.get",
        ::lark_sdk::HttpMethod::Get,
        "/open-apis/contact/v3/users/:user_id",
    ),
];
/// The calls of this spec's services on the client: `client.im().v1()…`.
pub trait ClientExt {
    /// The calls of the `contact` service.
    fn contact(&self) -> contact::Calls<'_>;
}
impl ClientExt for ::lark_sdk::Client {
    /// The calls of the `contact` service.
    fn contact(&self) -> contact::Calls<'_> {
        contact::Calls::from_client(self)
    }
}
/// Every extension trait of this spec, for `use …::prelude::*;`.
#[allow(unused_imports)]
pub mod prelude {
    pub use super::ClientExt as _;
}
