// Generated from tests/fixtures/multipart by the `golden` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.

pub mod drive {
    //! The `drive` service.
    /// The calls of the `drive` service.
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
        //! Version `v1` of the `drive` service.
        /// `UploadMediaRequestBody`
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub struct UploadMediaRequestBody {
            /// `file_name`
            pub file_name: String,
            /// `parent_type`
            pub parent_type: UploadMediaRequestBodyParentType,
            /// `size`
            pub size: i32,
            /// `checksum`
            pub checksum: Option<String>,
            /// `extra`
            pub extra: Option<bool>,
            /// `file`
            pub file: ::lark_sdk::UploadFile,
        }
        impl UploadMediaRequestBody {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(
                file_name: impl Into<String>,
                parent_type: impl Into<UploadMediaRequestBodyParentType>,
                size: impl Into<i32>,
                file: impl Into<::lark_sdk::UploadFile>,
            ) -> Self {
                Self {
                    file_name: file_name.into(),
                    parent_type: parent_type.into(),
                    size: size.into(),
                    checksum: None,
                    extra: None,
                    file: file.into(),
                }
            }
            /// Sets [`Self::checksum`].
            pub fn checksum(mut self, value: impl Into<String>) -> Self {
                self.checksum = Some(value.into());
                self
            }
            /// Sets [`Self::extra`].
            pub fn extra(mut self, value: impl Into<bool>) -> Self {
                self.extra = Some(value.into());
                self
            }
        }
        impl ::lark_sdk::__private::Check for UploadMediaRequestBody {
            fn check(
                &self,
                endpoint: &'static str,
                at: &::lark_sdk::__private::At<'_>,
            ) -> Result<(), ::lark_sdk::InvalidRequest> {
                {
                    let value = &self.file_name;
                    let at = ::lark_sdk::__private::At::In(at, "file_name");
                    ::lark_sdk::__private::check_count(
                        endpoint,
                        at,
                        value.chars().count(),
                        None,
                        Some(250u32),
                        "characters",
                    )?;
                }
                {
                    let value = &self.size;
                    let at = ::lark_sdk::__private::At::In(at, "size");
                    ::lark_sdk::__private::check_range(
                        endpoint,
                        at,
                        *value,
                        Some(0i32),
                        None,
                    )?;
                }
                Ok(())
            }
        }
        /** `UploadMediaRequestBodyParentType`

 Open: a value the spec does not list is kept, and sent back as is.*/
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum UploadMediaRequestBodyParentType {
            /// `doc_image`
            DocImage,
            /// `sheet_file`
            SheetFile,
            /// A value the spec does not list, kept as received.
            #[deprecated(
                note = "a value the spec does not list today may get a variant of its own when it does: read it with `as_str()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownValue),
        }
        #[allow(deprecated)]
        impl UploadMediaRequestBodyParentType {
            /// Every value the spec lists.
            pub const VALUES: &'static [Self] = &[Self::DocImage, Self::SheetFile];
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::DocImage => "doc_image",
                    Self::SheetFile => "sheet_file",
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
                    "doc_image" => Some(Self::DocImage),
                    "sheet_file" => Some(Self::SheetFile),
                    _ => None,
                }
            }
        }
        #[allow(deprecated)]
        impl From<&str> for UploadMediaRequestBodyParentType {
            fn from(value: &str) -> Self {
                Self::known(value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        #[allow(deprecated)]
        impl From<String> for UploadMediaRequestBodyParentType {
            fn from(value: String) -> Self {
                Self::known(&value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        impl ::core::str::FromStr for UploadMediaRequestBodyParentType {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, ::core::convert::Infallible> {
                Ok(Self::from(value))
            }
        }
        impl AsRef<str> for UploadMediaRequestBodyParentType {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::core::fmt::Display for UploadMediaRequestBodyParentType {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::lark_sdk::__private::serde::Serialize
        for UploadMediaRequestBodyParentType {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de>
        for UploadMediaRequestBodyParentType {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_open_enum(deserializer)
            }
        }
        /// `UploadMediaResponse`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct UploadMediaResponse {
            /// `file_token`
            pub file_token: String,
        }
        ::lark_sdk::__private::deserialize_object!(UploadMediaResponse);
        impl ::lark_sdk::__private::Object for UploadMediaResponse {
            const EXPECTING: &'static str = "struct UploadMediaResponse";
            const FIELDS: &'static [&'static str] = &["file_token"];
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
                    file_token: f0.take("file_token")?,
                })
            }
        }
        impl UploadMediaResponse {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(file_token: impl Into<String>) -> Self {
                Self {
                    file_token: file_token.into(),
                }
            }
        }
        /// `PrepareMediaRequestBody`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct PrepareMediaRequestBody {
            /// `file_name`
            pub file_name: String,
            /// `size`
            pub size: i32,
        }
        ::lark_sdk::__private::deserialize_object!(PrepareMediaRequestBody);
        impl ::lark_sdk::__private::Object for PrepareMediaRequestBody {
            const EXPECTING: &'static str = "struct PrepareMediaRequestBody";
            const FIELDS: &'static [&'static str] = &["file_name", "size"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                let mut f1 = ::lark_sdk::__private::Required::<i32>::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0, &mut f1],
                )?;
                Ok(Self {
                    file_name: f0.take("file_name")?,
                    size: f1.take("size")?,
                })
            }
        }
        impl PrepareMediaRequestBody {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(file_name: impl Into<String>, size: impl Into<i32>) -> Self {
                Self {
                    file_name: file_name.into(),
                    size: size.into(),
                }
            }
        }
        /// `PrepareMediaResponse`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct PrepareMediaResponse {
            /// `upload_id`
            pub upload_id: String,
        }
        ::lark_sdk::__private::deserialize_object!(PrepareMediaResponse);
        impl ::lark_sdk::__private::Object for PrepareMediaResponse {
            const EXPECTING: &'static str = "struct PrepareMediaResponse";
            const FIELDS: &'static [&'static str] = &["upload_id"];
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
                    upload_id: f0.take("upload_id")?,
                })
            }
        }
        impl PrepareMediaResponse {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new(upload_id: impl Into<String>) -> Self {
                Self {
                    upload_id: upload_id.into(),
                }
            }
        }
        /** Upload a file to a folder

 # Endpoint

 - `POST /open-apis/drive/v1/medias/upload_all`
 - Access tokens: `tenant_access_token`, `user_access_token` (the first is the default)
 - Errors: [`UploadMediaError`]*/
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub struct UploadMediaRequest {
            /// The `multipart/form-data` body: its text parts and files.
            pub body: UploadMediaRequestBody,
        }
        impl UploadMediaRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(body: UploadMediaRequestBody) -> Self {
                Self { body }
            }
            /// Replaces the body.
            pub fn body(mut self, body: UploadMediaRequestBody) -> Self {
                self.body = body;
                self
            }
        }
        impl ::lark_sdk::Endpoint for UploadMediaRequest {
            type Response = UploadMediaResponse;
            type Error = UploadMediaError;
            type Body = ::lark_sdk::NoData;
            const ID: &'static str = "drive.v1.media.upload";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Post;
            const PATH: &'static str = "/open-apis/drive/v1/medias/upload_all";
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
                path.push_str("/open-apis/drive/v1/medias/upload_all");
                Ok(path)
            }
            fn validate(&self) -> Result<(), ::lark_sdk::InvalidRequest> {
                ::lark_sdk::__private::Check::check(
                    &self.body,
                    Self::ID,
                    &::lark_sdk::__private::At::Body,
                )?;
                Ok(())
            }
            fn form(&self) -> Option<::lark_sdk::Form> {
                let mut form = ::lark_sdk::Form::new();
                let value = &self.body.file_name;
                form.text("file_name", value.as_str());
                let value = &self.body.parent_type;
                form.text("parent_type", value.as_str());
                let value = &self.body.size;
                form.text("size", ToString::to_string(value));
                if let Some(value) = &self.body.checksum {
                    form.text("checksum", value.as_str());
                }
                if let Some(value) = &self.body.extra {
                    form.text("extra", ToString::to_string(value));
                }
                let value = &self.body.file;
                form.file("file", value.clone(), Some(20971520u64));
                Some(form)
            }
        }
        /// Errors of [`UploadMediaRequest`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum UploadMediaError {
            /// `1061002` (HTTP 400): params error.
            ParamsError(Box<::lark_sdk::ApiError>),
            /// `1061043` (HTTP 400): file size beyond limit.
            FileTooLarge(Box<::lark_sdk::ApiError>),
            /// A code the spec does not list for this endpoint, kept whole.
            #[deprecated(
                note = "match with `_` and read `code()`: an unlisted code may get a variant"
            )]
            Unhandled(::lark_sdk::Unhandled),
        }
        impl UploadMediaError {
            /// The row of `ParamsError`.
            pub const PARAMS_ERROR: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                "ParamsError",
                1061002i64,
                Some(400u16),
                "params error.",
            );
            /// The row of `FileTooLarge`.
            pub const FILE_TOO_LARGE: ::lark_sdk::ErrorSpec = ::lark_sdk::ErrorSpec::new(
                "FileTooLarge",
                1061043i64,
                Some(400u16),
                "file size beyond limit.",
            );
            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [::lark_sdk::ErrorSpec] = &[
                Self::PARAMS_ERROR,
                Self::FILE_TOO_LARGE,
            ];
        }
        #[allow(deprecated)]
        impl ::lark_sdk::EndpointError for UploadMediaError {
            fn api_error(&self) -> &::lark_sdk::ApiError {
                match self {
                    Self::ParamsError(e) | Self::FileTooLarge(e) => e,
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
        impl From<::lark_sdk::ApiError> for UploadMediaError {
            fn from(error: ::lark_sdk::ApiError) -> Self {
                let error = Box::new(error);
                match error.code {
                    1061002i64 => Self::ParamsError(error),
                    1061043i64 => Self::FileTooLarge(error),
                    _ => Self::Unhandled(::lark_sdk::Unhandled::new(error, None)),
                }
            }
        }
        impl ::core::fmt::Display for UploadMediaError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                use ::lark_sdk::EndpointError as _;
                write!(f, "{}: {}", self.name(), self.api_error())
            }
        }
        impl ::std::error::Error for UploadMediaError {}
        /** Prepare an upload in parts

 # Endpoint

 - `POST /open-apis/drive/v1/medias/upload_prepare`
 - Access tokens: `tenant_access_token`, `user_access_token` (the first is the default)
 - Errors: [`PrepareMediaError`]*/
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct PrepareMediaRequest {
            /// The JSON body.
            pub body: PrepareMediaRequestBody,
        }
        impl PrepareMediaRequest {
            /** Creates the request from its required parameters; optional
 ones are set with the methods named after them.*/
            pub fn new(body: PrepareMediaRequestBody) -> Self {
                Self { body }
            }
            /// Replaces the body.
            pub fn body(mut self, body: PrepareMediaRequestBody) -> Self {
                self.body = body;
                self
            }
        }
        impl ::lark_sdk::Endpoint for PrepareMediaRequest {
            type Response = PrepareMediaResponse;
            type Error = PrepareMediaError;
            type Body = PrepareMediaRequestBody;
            const ID: &'static str = "drive.v1.media.prepare";
            const METHOD: ::lark_sdk::HttpMethod = ::lark_sdk::HttpMethod::Post;
            const PATH: &'static str = "/open-apis/drive/v1/medias/upload_prepare";
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
                path.push_str("/open-apis/drive/v1/medias/upload_prepare");
                Ok(path)
            }
            fn request_body(&self) -> Option<&Self::Body> {
                Some(&self.body)
            }
        }
        /// Errors of [`PrepareMediaRequest`]: its error table is that of [`UploadMediaError`], whose enum this is.
        pub type PrepareMediaError = UploadMediaError;
        /// The calls of `drive.v1`.
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
            /// Calls on `media`.
            pub fn media(self) -> MediaCalls<'a> {
                MediaCalls {
                    client: self.client(),
                    options: ::lark_sdk::RequestOptions::NONE,
                }
            }
        }
        /// The calls on `media`.
        #[derive(Clone, Copy, Debug)]
        pub struct MediaCalls<'a> {
            client: &'a ::lark_sdk::Client,
            options: &'a ::lark_sdk::RequestOptions,
        }
        impl<'a> MediaCalls<'a> {
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
            /** Upload a file to a folder

 `POST /open-apis/drive/v1/medias/upload_all`; see [`UploadMediaRequest`].

 Resolves to `Result<UploadMediaResponse, Error<UploadMediaError>>` when awaited.*/
            pub fn upload(
                self,
                request: UploadMediaRequest,
            ) -> ::lark_sdk::client::Call<'a, UploadMediaRequest> {
                ::lark_sdk::client::Call::new(self.client, self.options, request)
            }
            /** Prepare an upload in parts

 `POST /open-apis/drive/v1/medias/upload_prepare`; see [`PrepareMediaRequest`].

 Resolves to `Result<PrepareMediaResponse, Error<PrepareMediaError>>` when awaited.*/
            pub fn prepare(
                self,
                request: PrepareMediaRequest,
            ) -> ::lark_sdk::client::Call<'a, PrepareMediaRequest> {
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
        "drive.v1.media.upload",
        ::lark_sdk::HttpMethod::Post,
        "/open-apis/drive/v1/medias/upload_all",
    ),
    ::lark_sdk::EndpointInfo::new(
        "drive.v1.media.prepare",
        ::lark_sdk::HttpMethod::Post,
        "/open-apis/drive/v1/medias/upload_prepare",
    ),
];
/// The calls of this spec's services on the client: `client.im().v1()…`.
pub trait ClientExt {
    /// The calls of the `drive` service.
    fn drive(&self) -> drive::Calls<'_>;
}
impl ClientExt for ::lark_sdk::Client {
    /// The calls of the `drive` service.
    fn drive(&self) -> drive::Calls<'_> {
        drive::Calls::from_client(self)
    }
}
/// Every extension trait of this spec, for `use …::prelude::*;`.
#[allow(unused_imports)]
pub mod prelude {
    pub use super::ClientExt as _;
    pub use ::lark_sdk::EndpointError as _;
}
