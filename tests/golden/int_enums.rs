// Generated from tests/fixtures/int_enums by the `golden` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.

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
        /** A user's gender.

 Open: a number the spec does not list is kept, and sent back as is.
 Sent as a JSON number.*/
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Gender {
            /** `0`

 Not set.*/
            Unset,
            /// `1`
            Male,
            /// `2`
            Female,
            /// `3`
            Other,
            /// A number the spec does not list, kept as received.
            #[deprecated(
                note = "a number the spec does not list today may get a variant of its own when it does: read it with `value()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownNumber),
        }
        #[allow(deprecated)]
        impl Gender {
            /// Every value the spec lists.
            pub const VALUES: &'static [Self] = &[
                Self::Unset,
                Self::Male,
                Self::Female,
                Self::Other,
            ];
            /// The number as sent on the wire.
            pub fn value(self) -> i64 {
                match self {
                    Self::Unset => 0i64,
                    Self::Male => 1i64,
                    Self::Female => 2i64,
                    Self::Other => 3i64,
                    Self::Unknown(value) => value.get(),
                }
            }
            /// True for a number the spec does not list.
            pub fn is_unknown(self) -> bool {
                matches!(self, Self::Unknown(_))
            }
        }
        #[allow(deprecated)]
        impl From<i64> for Gender {
            fn from(value: i64) -> Self {
                match value {
                    0i64 => Self::Unset,
                    1i64 => Self::Male,
                    2i64 => Self::Female,
                    3i64 => Self::Other,
                    other => Self::Unknown(::lark_sdk::UnknownNumber::new(other)),
                }
            }
        }
        impl From<Gender> for i64 {
            fn from(value: Gender) -> i64 {
                value.value()
            }
        }
        impl ::core::fmt::Display for Gender {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.value(), f)
            }
        }
        impl ::lark_sdk::__private::serde::Serialize for Gender {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_i64(self.value())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for Gender {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_int_enum(deserializer)
            }
        }
        /// A user.
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
        pub struct User {
            /// Open ID.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub open_id: Option<String>,
            /// Gender.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub gender: Option<Gender>,
        }
        ::lark_sdk::__private::deserialize_object!(User);
        impl ::lark_sdk::__private::Object for User {
            const EXPECTING: &'static str = "struct User";
            const FIELDS: &'static [&'static str] = &["open_id", "gender"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.open_id, &mut value.gender],
                )?;
                Ok(value)
            }
        }
        impl User {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /// `ListUserResponse`
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
        pub struct ListUserResponse {
            /// `items`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub items: Option<Vec<User>>,
        }
        ::lark_sdk::__private::deserialize_object!(ListUserResponse);
        impl ::lark_sdk::__private::Object for ListUserResponse {
            const EXPECTING: &'static str = "struct ListUserResponse";
            const FIELDS: &'static [&'static str] = &["items"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.items],
                )?;
                Ok(value)
            }
        }
        impl ListUserResponse {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /// `PatchUserRequestBody`
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
        pub struct PatchUserRequestBody {
            /// The new gender.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub gender: Option<Gender>,
        }
        ::lark_sdk::__private::deserialize_object!(PatchUserRequestBody);
        impl ::lark_sdk::__private::Object for PatchUserRequestBody {
            const EXPECTING: &'static str = "struct PatchUserRequestBody";
            const FIELDS: &'static [&'static str] = &["gender"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.gender],
                )?;
                Ok(value)
            }
        }
        impl PatchUserRequestBody {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
            /// Sets [`Self::gender`].
            pub fn gender(mut self, value: impl Into<Gender>) -> Self {
                self.gender = Some(value.into());
                self
            }
        }
        /// `PatchUserResponse`
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
        pub struct PatchUserResponse {
            /// `user`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub user: Option<User>,
        }
        ::lark_sdk::__private::deserialize_object!(PatchUserResponse);
        impl ::lark_sdk::__private::Object for PatchUserResponse {
            const EXPECTING: &'static str = "struct PatchUserResponse";
            const FIELDS: &'static [&'static str] = &["user"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.user],
                )?;
                Ok(value)
            }
        }
        impl PatchUserResponse {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /** List users

 # Endpoint

 - `GET /open-apis/contact/v3/users`
 - Access tokens: `tenant_access_token` (the first is the default)
 - Errors: [`ListUserError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct ListUserRequest {
            /** Only users of this gender.

 Default: `0`*/
            pub gender: Option<Gender>,
        }
        impl ListUserRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new() -> Self {
                Self { gender: None }
            }
            /// Sets [`Self::gender`].
            pub fn gender(mut self, value: impl Into<Gender>) -> Self {
                self.gender = Some(value.into());
                self
            }
        }
        impl ::lark_sdk::Endpoint for ListUserRequest {
            type Response = ListUserResponse;
            type Error = ListUserError;
            type Body = ::lark_sdk::NoData;
            const ID: &'static str = "contact.v3.user.list";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Get;
            const PATH: &'static str = "/open-apis/contact/v3/users";
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
                path.push_str("/open-apis/contact/v3/users");
                Ok(path)
            }
            fn query_pairs(&self) -> Vec<(&'static str, String)> {
                let mut pairs = vec![];
                if let Some(value) = &self.gender {
                    pairs.push(("gender", ToString::to_string(value)));
                }
                pairs
            }
        }
        /// Errors of [`ListUserRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum ListUserError {
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl ListUserError {
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for ListUserError {
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
        impl From<::lark_sdk::ApiError> for ListUserError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                Self::Unhandled(::lark_sdk::Unhandled::new(error, None))
            }
        }
        impl ::core::fmt::Display for ListUserError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for ListUserError {}
        /** Change a user

 # Endpoint

 - `PATCH /open-apis/contact/v3/users/:user_id`
 - Access tokens: `tenant_access_token` (the first is the default)
 - Errors: [`PatchUserError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct PatchUserRequest {
            /// `user_id`
            pub user_id: String,
            /// The JSON body.
            pub body: PatchUserRequestBody,
        }
        impl PatchUserRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(user_id: impl Into<String>) -> Self {
                Self {
                    user_id: user_id.into(),
                    body: <PatchUserRequestBody as Default>::default(),
                }
            }
            /// Replaces the body.
            pub fn body(mut self, body: PatchUserRequestBody) -> Self {
                self.body = body;
                self
            }
        }
        impl ::lark_sdk::Endpoint for PatchUserRequest {
            type Response = PatchUserResponse;
            type Error = PatchUserError;
            type Body = PatchUserRequestBody;
            const ID: &'static str = "contact.v3.user.patch";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Patch;
            const PATH: &'static str = "/open-apis/contact/v3/users/:user_id";
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
                path.push_str("/open-apis/contact/v3/users/");
                ::lark_sdk::__private::push_path_param(
                    &mut path,
                    Self::ID,
                    "user_id",
                    self.user_id.as_str(),
                )?;
                Ok(path)
            }
            fn request_body(&self) -> Option<&Self::Body> {
                Some(&self.body)
            }
        }
        /// Errors of [`PatchUserRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum PatchUserError {
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl PatchUserError {
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for PatchUserError {
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
        impl From<::lark_sdk::ApiError> for PatchUserError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                Self::Unhandled(::lark_sdk::Unhandled::new(error, None))
            }
        }
        impl ::core::fmt::Display for PatchUserError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for PatchUserError {}
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
            /** List users

 `GET /open-apis/contact/v3/users`; see [`ListUserRequest`].

 Resolves to `Result<ListUserResponse, Error<ListUserError>>` when awaited.*/
            pub fn list(
                self,
                request: ListUserRequest,
            ) -> ::lark_sdk::client::Call<'a, ListUserRequest> {
                ::lark_sdk::client::Call::new(self.client, self.options, request)
            }
            /** Change a user

 `PATCH /open-apis/contact/v3/users/:user_id`; see [`PatchUserRequest`].

 Resolves to `Result<PatchUserResponse, Error<PatchUserError>>` when awaited.*/
            pub fn patch(
                self,
                request: PatchUserRequest,
            ) -> ::lark_sdk::client::Call<'a, PatchUserRequest> {
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
        "contact.v3.user.list",
        ::lark_sdk::HttpMethod::Get,
        "/open-apis/contact/v3/users",
    ),
    ::lark_sdk::EndpointInfo::new(
        "contact.v3.user.patch",
        ::lark_sdk::HttpMethod::Patch,
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
