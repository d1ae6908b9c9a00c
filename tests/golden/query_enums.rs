// Generated from tests/fixtures/query_enums by the `golden` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.

pub mod common {
    //! Platform-wide types and errors.
    /** `UserIdType`

 Open: a value the spec does not list is kept, and sent back as is.*/
    #[derive(Clone, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum UserIdType {
        /// `open_id`
        OpenId,
        /// `union_id`
        UnionId,
        /// `user_id`
        UserId,
        /// A value the spec does not list, kept as received.
        #[deprecated(
            note = "a value the spec does not list today may get a variant of its own when it does: read it with `as_str()` and test for it with `is_unknown()`"
        )]
        Unknown(::lark_sdk::UnknownValue),
    }
    #[allow(deprecated)]
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
            matches!(self, Self::Unknown(_))
        }
        /// The listed value spelled `value`.
        fn known(value: &str) -> Option<Self> {
            match value {
                "open_id" => Some(Self::OpenId),
                "union_id" => Some(Self::UnionId),
                "user_id" => Some(Self::UserId),
                _ => None,
            }
        }
    }
    #[allow(deprecated)]
    impl From<&str> for UserIdType {
        fn from(value: &str) -> Self {
            Self::known(value)
                .unwrap_or_else(|| Self::Unknown(::lark_sdk::UnknownValue::new(value)))
        }
    }
    #[allow(deprecated)]
    impl From<String> for UserIdType {
        fn from(value: String) -> Self {
            Self::known(&value)
                .unwrap_or_else(|| Self::Unknown(::lark_sdk::UnknownValue::new(value)))
        }
    }
    impl ::core::str::FromStr for UserIdType {
        type Err = ::core::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, ::core::convert::Infallible> {
            Ok(Self::from(value))
        }
    }
    impl AsRef<str> for UserIdType {
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
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for UserIdType {
        fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            ::lark_sdk::__private::deserialize_open_enum(deserializer)
        }
    }
}
pub mod contact {
    //! The `contact` service.
    /// The calls of the `contact` service.
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
        /// Version `v3`.
        pub fn v3(self) -> v3::Calls<'a> {
            v3::Calls::from_client(self.client())
        }
    }
    pub mod v3 {
        //! Version `v3` of the `contact` service.
        /** Kind of department ID.

 Open: a value the spec does not list is kept, and sent back as is.*/
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum DepartmentIdType {
            /** `department_id`

 The tenant's own department ID.*/
            DepartmentId,
            /** `open_department_id`

 The department's open ID.*/
            OpenDepartmentId,
            /// A value the spec does not list, kept as received.
            #[deprecated(
                note = "a value the spec does not list today may get a variant of its own when it does: read it with `as_str()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownValue),
        }
        #[allow(deprecated)]
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
                matches!(self, Self::Unknown(_))
            }
            /// The listed value spelled `value`.
            fn known(value: &str) -> Option<Self> {
                match value {
                    "department_id" => Some(Self::DepartmentId),
                    "open_department_id" => Some(Self::OpenDepartmentId),
                    _ => None,
                }
            }
        }
        #[allow(deprecated)]
        impl From<&str> for DepartmentIdType {
            fn from(value: &str) -> Self {
                Self::known(value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        #[allow(deprecated)]
        impl From<String> for DepartmentIdType {
            fn from(value: String) -> Self {
                Self::known(&value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        impl ::core::str::FromStr for DepartmentIdType {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, ::core::convert::Infallible> {
                Ok(Self::from(value))
            }
        }
        impl AsRef<str> for DepartmentIdType {
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
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for DepartmentIdType {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_open_enum(deserializer)
            }
        }
        /// A user.
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct User {
            /// Open ID.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub open_id: Option<String>,
            /// Name.
            pub name: String,
            /// Departments.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub department_ids: Option<Vec<String>>,
            /// `status`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub status: Option<UserStatus>,
            /// `last_check`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub last_check: Option<CheckOutcome>,
        }
        ::lark_sdk::__private::deserialize_object!(User);
        impl ::lark_sdk::__private::Object for User {
            const EXPECTING: &'static str = "struct User";
            const FIELDS: &'static [&'static str] = &[
                "open_id",
                "name",
                "department_ids",
                "status",
                "last_check",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0: Option<String> = None;
                let mut f1 = ::lark_sdk::__private::Required::<String>::new();
                let mut f2: Option<Vec<String>> = None;
                let mut f3: Option<UserStatus> = None;
                let mut f4: Option<CheckOutcome> = None;
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0, &mut f1, &mut f2, &mut f3, &mut f4],
                )?;
                Ok(Self {
                    open_id: f0,
                    name: f1.take("name")?,
                    department_ids: f2,
                    status: f3,
                    last_check: f4,
                })
            }
        }
        impl User {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(name: impl Into<String>) -> Self {
                Self {
                    open_id: None,
                    name: name.into(),
                    department_ids: None,
                    status: None,
                    last_check: None,
                }
            }
        }
        /// `UserStatus`
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
        pub struct UserStatus {
            /// `is_frozen`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub is_frozen: Option<bool>,
            /// `is_resigned`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub is_resigned: Option<bool>,
        }
        ::lark_sdk::__private::deserialize_object!(UserStatus);
        impl ::lark_sdk::__private::Object for UserStatus {
            const EXPECTING: &'static str = "struct UserStatus";
            const FIELDS: &'static [&'static str] = &["is_frozen", "is_resigned"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.is_frozen, &mut value.is_resigned],
                )?;
                Ok(value)
            }
        }
        impl UserStatus {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** `CheckOutcome`

 Open: a value the spec does not list is kept, and sent back as is.*/
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum CheckOutcome {
            /// `ok`
            Ok,
            /// `err`
            Err,
            /// A value the spec does not list, kept as received.
            #[deprecated(
                note = "a value the spec does not list today may get a variant of its own when it does: read it with `as_str()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownValue),
        }
        #[allow(deprecated)]
        impl CheckOutcome {
            /// Every value the spec lists.
            pub const VALUES: &'static [Self] = &[Self::Ok, Self::Err];
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Ok => "ok",
                    Self::Err => "err",
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
                    "ok" => Some(Self::Ok),
                    "err" => Some(Self::Err),
                    _ => None,
                }
            }
        }
        #[allow(deprecated)]
        impl From<&str> for CheckOutcome {
            fn from(value: &str) -> Self {
                Self::known(value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        #[allow(deprecated)]
        impl From<String> for CheckOutcome {
            fn from(value: String) -> Self {
                Self::known(&value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        impl ::core::str::FromStr for CheckOutcome {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, ::core::convert::Infallible> {
                Ok(Self::from(value))
            }
        }
        impl AsRef<str> for CheckOutcome {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::core::fmt::Display for CheckOutcome {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::lark_sdk::__private::serde::Serialize for CheckOutcome {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for CheckOutcome {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_open_enum(deserializer)
            }
        }
        /// `GetUserResponse`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct GetUserResponse {
            /// `user`
            pub user: User,
        }
        ::lark_sdk::__private::deserialize_object!(GetUserResponse);
        impl ::lark_sdk::__private::Object for GetUserResponse {
            const EXPECTING: &'static str = "struct GetUserResponse";
            const FIELDS: &'static [&'static str] = &["user"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<User>::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0],
                )?;
                Ok(Self { user: f0.take("user")? })
            }
        }
        impl GetUserResponse {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(user: impl Into<User>) -> Self {
                Self { user: user.into() }
            }
        }
        /** Get a user

 # Endpoint

 - `GET /open-apis/contact/v3/users/:user_id`
 - Access tokens: `tenant_access_token`, `user_access_token` (the first is the default)
 - Errors: [`GetUserError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct GetUserRequest {
            /// The user's ID, of the kind `user_id_type` says.
            pub user_id: String,
            /** Kind of ID in the path.

 Default: `open_id`*/
            pub user_id_type: Option<super::super::common::UserIdType>,
            /** `department_id_type`

 Default: `open_department_id`*/
            pub department_id_type: Option<DepartmentIdType>,
            /** `with_status`

 Default: `false`*/
            pub with_status: Option<bool>,
            /// Fields to return (repeated).
            pub fields: Vec<String>,
            /** `limit`

 Default: `10`*/
            pub limit: Option<i32>,
        }
        impl GetUserRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(user_id: impl Into<String>) -> Self {
                Self {
                    user_id: user_id.into(),
                    user_id_type: None,
                    department_id_type: None,
                    with_status: None,
                    fields: Vec::new(),
                    limit: None,
                }
            }
            /// Sets [`Self::user_id_type`].
            pub fn user_id_type(
                mut self,
                value: impl Into<super::super::common::UserIdType>,
            ) -> Self {
                self.user_id_type = Some(value.into());
                self
            }
            /// Sets [`Self::department_id_type`].
            pub fn department_id_type(
                mut self,
                value: impl Into<DepartmentIdType>,
            ) -> Self {
                self.department_id_type = Some(value.into());
                self
            }
            /// Sets [`Self::with_status`].
            pub fn with_status(mut self, value: impl Into<bool>) -> Self {
                self.with_status = Some(value.into());
                self
            }
            /// Sets [`Self::fields`].
            pub fn fields(mut self, value: impl Into<Vec<String>>) -> Self {
                self.fields = value.into();
                self
            }
            /// Sets [`Self::limit`].
            pub fn limit(mut self, value: impl Into<i32>) -> Self {
                self.limit = Some(value.into());
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
                None,
                None,
            );
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
            fn render_path(&self) -> Result<String, ::lark_sdk::InvalidRequest> {
                let mut path = String::with_capacity(Self::PATH.len() + 32);
                path.push_str("/open-apis/contact/v3/users/");
                ::lark_sdk::__private::push_path_param(
                    &mut path,
                    Self::ID,
                    "user_id",
                    self.user_id.as_str(),
                )?;
                Ok(path)
            }
            fn query_pairs(&self) -> Vec<(&'static str, String)> {
                let mut pairs = vec![];
                if let Some(value) = &self.user_id_type {
                    pairs.push(("user_id_type", ToString::to_string(value)));
                }
                if let Some(value) = &self.department_id_type {
                    pairs.push(("department_id_type", ToString::to_string(value)));
                }
                if let Some(value) = &self.with_status {
                    pairs.push(("with_status", ToString::to_string(value)));
                }
                for value in &self.fields {
                    pairs.push(("fields", ToString::to_string(value)));
                }
                if let Some(value) = &self.limit {
                    pairs.push(("limit", ToString::to_string(value)));
                }
                pairs
            }
        }
        /// Errors of [`GetUserRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum GetUserError {
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl GetUserError {
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for GetUserError {
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
        impl From<::lark_sdk::ApiError> for GetUserError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                Self::Unhandled(::lark_sdk::Unhandled::new(error, None))
            }
        }
        impl ::core::fmt::Display for GetUserError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for GetUserError {}
        /// The calls of `contact.v3`.
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
            /// Calls on `user`.
            pub fn user(self) -> UserCalls<'a> {
                UserCalls {
                    client: self.client(),
                    options: ::lark_sdk::RequestOptions::NONE,
                }
            }
        }
        /// The calls on `user`.
        #[derive(Clone, Copy, Debug)]
        pub struct UserCalls<'a> {
            client: &'a ::lark_sdk::Client,
            options: &'a ::lark_sdk::RequestOptions,
        }
        impl<'a> UserCalls<'a> {
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
            /** Get a user

 `GET /open-apis/contact/v3/users/:user_id`; see [`GetUserRequest`].

 Resolves to `Result<GetUserResponse, Error<GetUserError>>` when awaited.*/
            pub fn get(
                self,
                request: GetUserRequest,
            ) -> ::lark_sdk::client::Call<'a, GetUserRequest> {
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
    pub use ::lark_sdk::EndpointError as _;
}
