// Generated from tests/fixtures/callbacks by the `golden` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.

pub mod card {
    //! The `card` service.
    pub mod v1 {
        //! Version `v1` of the `card` service.
        /// `Toast`
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
        pub struct Toast {
            /// `type`
            #[serde(rename = "type")]
            #[serde(skip_serializing_if = "Option::is_none")]
            pub kind: Option<ToastType>,
            /// `content`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub content: Option<String>,
            /// `i18n`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub i18n: Option<::std::collections::BTreeMap<String, String>>,
        }
        ::lark_sdk::__private::deserialize_object!(Toast);
        impl ::lark_sdk::__private::Object for Toast {
            const EXPECTING: &'static str = "struct Toast";
            const FIELDS: &'static [&'static str] = &["type", "content", "i18n"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.kind, &mut value.content, &mut value.i18n],
                )?;
                Ok(value)
            }
        }
        impl Toast {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
            /// Sets [`Self::kind`].
            pub fn kind(mut self, value: impl Into<ToastType>) -> Self {
                self.kind = Some(value.into());
                self
            }
            /// Sets [`Self::content`].
            pub fn content(mut self, value: impl Into<String>) -> Self {
                self.content = Some(value.into());
                self
            }
            /// Sets [`Self::i18n`].
            pub fn i18n(
                mut self,
                value: impl Into<::std::collections::BTreeMap<String, String>>,
            ) -> Self {
                self.i18n = Some(value.into());
                self
            }
        }
        /** `ToastType`

 Open: a value the spec does not list is kept, and sent back as is.*/
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ToastType {
            /// `info`
            Info,
            /// `success`
            Success,
            /// `error`
            Error,
            /// `warning`
            Warning,
            /// A value the spec does not list, kept as received.
            #[deprecated(
                note = "a value the spec does not list today may get a variant of its own when it does: read it with `as_str()` and test for it with `is_unknown()`"
            )]
            Unknown(::lark_sdk::UnknownValue),
        }
        #[allow(deprecated)]
        impl ToastType {
            /// Every value the spec lists.
            pub const VALUES: &'static [Self] = &[
                Self::Info,
                Self::Success,
                Self::Error,
                Self::Warning,
            ];
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Info => "info",
                    Self::Success => "success",
                    Self::Error => "error",
                    Self::Warning => "warning",
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
                    "info" => Some(Self::Info),
                    "success" => Some(Self::Success),
                    "error" => Some(Self::Error),
                    "warning" => Some(Self::Warning),
                    _ => None,
                }
            }
        }
        #[allow(deprecated)]
        impl From<&str> for ToastType {
            fn from(value: &str) -> Self {
                Self::known(value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        #[allow(deprecated)]
        impl From<String> for ToastType {
            fn from(value: String) -> Self {
                Self::known(&value)
                    .unwrap_or_else(|| Self::Unknown(
                        ::lark_sdk::UnknownValue::new(value),
                    ))
            }
        }
        impl ::core::str::FromStr for ToastType {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> Result<Self, ::core::convert::Infallible> {
                Ok(Self::from(value))
            }
        }
        impl AsRef<str> for ToastType {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::core::fmt::Display for ToastType {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::lark_sdk::__private::serde::Serialize for ToastType {
            fn serialize<S: ::lark_sdk::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> ::lark_sdk::__private::serde::Deserialize<'de> for ToastType {
            fn deserialize<D: ::lark_sdk::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                ::lark_sdk::__private::deserialize_open_enum(deserializer)
            }
        }
        /// What a link preview shows.
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
        pub struct PreviewAnswer {
            /// `inline`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub inline: Option<PreviewAnswerInline>,
        }
        ::lark_sdk::__private::deserialize_object!(PreviewAnswer);
        impl ::lark_sdk::__private::Object for PreviewAnswer {
            const EXPECTING: &'static str = "struct PreviewAnswer";
            const FIELDS: &'static [&'static str] = &["inline"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.inline],
                )?;
                Ok(value)
            }
        }
        impl PreviewAnswer {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
            /// Sets [`Self::inline`].
            pub fn inline(mut self, value: impl Into<PreviewAnswerInline>) -> Self {
                self.inline = Some(value.into());
                self
            }
        }
        /// `PreviewAnswerInline`
        #[derive(Clone, Debug, PartialEq, Eq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct PreviewAnswerInline {
            /// `title`
            pub title: String,
        }
        ::lark_sdk::__private::deserialize_object!(PreviewAnswerInline);
        impl ::lark_sdk::__private::Object for PreviewAnswerInline {
            const EXPECTING: &'static str = "struct PreviewAnswerInline";
            const FIELDS: &'static [&'static str] = &["title"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0],
                )?;
                Ok(Self { title: f0.take("title")? })
            }
        }
        impl PreviewAnswerInline {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(title: impl Into<String>) -> Self {
                Self { title: title.into() }
            }
        }
        /** A user acted on a card

 # Event

 - Event type: `card.action.trigger`
 - Envelope: schema 2.0, with `header`
 - Callback: the receiver answers with a [`CardActionTriggerAnswer`], within 3 seconds*/
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
        pub struct CardActionTrigger {
            /// `token`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub token: Option<String>,
            /// `action`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub action: Option<CardActionTriggerAction>,
        }
        ::lark_sdk::__private::deserialize_object!(CardActionTrigger);
        impl ::lark_sdk::__private::Object for CardActionTrigger {
            const EXPECTING: &'static str = "struct CardActionTrigger";
            const FIELDS: &'static [&'static str] = &["token", "action"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.token, &mut value.action],
                )?;
                Ok(value)
            }
        }
        impl CardActionTrigger {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /// `CardActionTriggerAction`
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
        pub struct CardActionTriggerAction {
            /// `value`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub value: Option<
                ::std::collections::BTreeMap<
                    String,
                    ::lark_sdk::__private::serde_json::Value,
                >,
            >,
            /// `tag`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub tag: Option<String>,
        }
        ::lark_sdk::__private::deserialize_object!(CardActionTriggerAction);
        impl ::lark_sdk::__private::Object for CardActionTriggerAction {
            const EXPECTING: &'static str = "struct CardActionTriggerAction";
            const FIELDS: &'static [&'static str] = &["value", "tag"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.value, &mut value.tag],
                )?;
                Ok(value)
            }
        }
        impl CardActionTriggerAction {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        /// `CardActionTriggerAnswer`
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
        pub struct CardActionTriggerAnswer {
            /// `toast`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub toast: Option<Toast>,
            /// `card`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub card: Option<CardActionTriggerAnswerCard>,
        }
        ::lark_sdk::__private::deserialize_object!(CardActionTriggerAnswer);
        impl ::lark_sdk::__private::Object for CardActionTriggerAnswer {
            const EXPECTING: &'static str = "struct CardActionTriggerAnswer";
            const FIELDS: &'static [&'static str] = &["toast", "card"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.toast, &mut value.card],
                )?;
                Ok(value)
            }
        }
        impl CardActionTriggerAnswer {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
            /// Sets [`Self::toast`].
            pub fn toast(mut self, value: impl Into<Toast>) -> Self {
                self.toast = Some(value.into());
                self
            }
            /// Sets [`Self::card`].
            pub fn card(
                mut self,
                value: impl Into<CardActionTriggerAnswerCard>,
            ) -> Self {
                self.card = Some(value.into());
                self
            }
        }
        /// `CardActionTriggerAnswerCard`
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
        pub struct CardActionTriggerAnswerCard {
            /// `type`
            #[serde(rename = "type")]
            #[serde(skip_serializing_if = "Option::is_none")]
            pub kind: Option<String>,
            /// `data`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub data: Option<::lark_sdk::__private::serde_json::Value>,
        }
        ::lark_sdk::__private::deserialize_object!(CardActionTriggerAnswerCard);
        impl ::lark_sdk::__private::Object for CardActionTriggerAnswerCard {
            const EXPECTING: &'static str = "struct CardActionTriggerAnswerCard";
            const FIELDS: &'static [&'static str] = &["type", "data"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.kind, &mut value.data],
                )?;
                Ok(value)
            }
        }
        impl CardActionTriggerAnswerCard {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
            /// Sets [`Self::kind`].
            pub fn kind(mut self, value: impl Into<String>) -> Self {
                self.kind = Some(value.into());
                self
            }
            /// Sets [`Self::data`].
            pub fn data(
                mut self,
                value: impl Into<::lark_sdk::__private::serde_json::Value>,
            ) -> Self {
                self.data = Some(value.into());
                self
            }
        }
        /** A link in a message is previewed

 # Event

 - Event type: `url.preview.get`
 - Envelope: schema 2.0, with `header`
 - Callback: the receiver answers with a [`PreviewAnswer`], within 3 seconds*/
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
        pub struct UrlPreviewGet {
            /// `host`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub host: Option<String>,
        }
        ::lark_sdk::__private::deserialize_object!(UrlPreviewGet);
        impl ::lark_sdk::__private::Object for UrlPreviewGet {
            const EXPECTING: &'static str = "struct UrlPreviewGet";
            const FIELDS: &'static [&'static str] = &["host"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut value = <Self as Default>::default();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut value.host],
                )?;
                Ok(value)
            }
        }
        impl UrlPreviewGet {
            /** Creates a value from its required fields; the others start
 as `None`.*/
            pub fn new() -> Self {
                <Self as Default>::default()
            }
        }
        impl CardActionTrigger {
            /// The event type, as in the envelope.
            pub const EVENT_TYPE: &'static str = "card.action.trigger";
        }
        impl ::lark_sdk::event::EventBody for CardActionTrigger {
            const EVENT_TYPE: &'static str = "card.action.trigger";
            const SCHEMA: ::lark_sdk::event::EventSchema = ::lark_sdk::event::EventSchema::V2;
            const SCOPES: &'static [&'static str] = &[];
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
            type Envelope = ::lark_sdk::event::EventEnvelope<Self>;
        }
        impl ::lark_sdk::event::CallbackBody for CardActionTrigger {
            type Answer = CardActionTriggerAnswer;
        }
        impl UrlPreviewGet {
            /// The event type, as in the envelope.
            pub const EVENT_TYPE: &'static str = "url.preview.get";
        }
        impl ::lark_sdk::event::EventBody for UrlPreviewGet {
            const EVENT_TYPE: &'static str = "url.preview.get";
            const SCHEMA: ::lark_sdk::event::EventSchema = ::lark_sdk::event::EventSchema::V2;
            const SCOPES: &'static [&'static str] = &[];
            const FIELD_SCOPES: ::lark_sdk::FieldScopes = &[];
            type Envelope = ::lark_sdk::event::EventEnvelope<Self>;
        }
        impl ::lark_sdk::event::CallbackBody for UrlPreviewGet {
            type Answer = PreviewAnswer;
        }
    }
}
/// Every event of the spec, decoded by its type; any other type is
/// kept whole in `Unknown`.
#[derive(::core::clone::Clone, ::core::fmt::Debug)]
#[non_exhaustive]
pub enum Event {
    /// `card.action.trigger`: A user acted on a card
    CardActionTrigger(
        ::std::boxed::Box<::lark_sdk::event::EventEnvelope<card::v1::CardActionTrigger>>,
    ),
    /// `url.preview.get`: A link in a message is previewed
    UrlPreviewGet(
        ::std::boxed::Box<::lark_sdk::event::EventEnvelope<card::v1::UrlPreviewGet>>,
    ),
    /// An event type the spec does not describe.
    Unknown(::lark_sdk::event::RawEvent),
}
impl Event {
    /// Every event type the spec describes (with per-service
    /// features: also those of services not compiled in).
    pub const TYPES: &'static [&'static str] = &[
        "card.action.trigger",
        "url.preview.get",
    ];
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
                "card.action.trigger" => {
                    Self::CardActionTrigger(
                        ::std::boxed::Box::new(
                            envelope.decode::<card::v1::CardActionTrigger>()?,
                        ),
                    )
                }
                "url.preview.get" => {
                    Self::UrlPreviewGet(
                        ::std::boxed::Box::new(
                            envelope.decode::<card::v1::UrlPreviewGet>()?,
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
            Self::CardActionTrigger(_) => "card.action.trigger",
            Self::UrlPreviewGet(_) => "url.preview.get",
            Self::Unknown(raw) => raw.event_type(),
        }
    }
}
/// Every endpoint of the spec: id, method and path.
pub const ENDPOINTS: &[::lark_sdk::EndpointInfo] = &[];
/// Handler registration for this spec's events: `dispatcher.on_…(handler)`.
pub trait DispatcherExt: ::core::marker::Sized {
    /// Handles `card.action.trigger` callbacks: the handler's answer goes back to the platform.
    ///
    /// The platform waits 3 seconds for the answer, so the handler runs
    /// before anything is answered, in every `AckMode`. A handler that fails
    /// is answered as failed, and the user sees that the action failed.
    fn on_card_action_trigger<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<card::v1::CardActionTrigger>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<
                Output = ::lark_sdk::event::CallbackResult<
                    card::v1::CardActionTriggerAnswer,
                >,
            > + ::core::marker::Send + 'static;
    /// Handles `url.preview.get` callbacks: the handler's answer goes back to the platform.
    ///
    /// The platform waits 3 seconds for the answer, so the handler runs
    /// before anything is answered, in every `AckMode`. A handler that fails
    /// is answered as failed, and the user sees that the action failed.
    fn on_url_preview_get<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<card::v1::UrlPreviewGet>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<
                Output = ::lark_sdk::event::CallbackResult<card::v1::PreviewAnswer>,
            > + ::core::marker::Send + 'static;
}
impl DispatcherExt for ::lark_sdk::event::Dispatcher {
    /// Handles `card.action.trigger` callbacks: the handler's answer goes back to the platform.
    ///
    /// The platform waits 3 seconds for the answer, so the handler runs
    /// before anything is answered, in every `AckMode`. A handler that fails
    /// is answered as failed, and the user sees that the action failed.
    fn on_card_action_trigger<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<card::v1::CardActionTrigger>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<
                Output = ::lark_sdk::event::CallbackResult<
                    card::v1::CardActionTriggerAnswer,
                >,
            > + ::core::marker::Send + 'static,
    {
        self.on_callback::<card::v1::CardActionTrigger, F, Fut>(handler)
    }
    /// Handles `url.preview.get` callbacks: the handler's answer goes back to the platform.
    ///
    /// The platform waits 3 seconds for the answer, so the handler runs
    /// before anything is answered, in every `AckMode`. A handler that fails
    /// is answered as failed, and the user sees that the action failed.
    fn on_url_preview_get<F, Fut>(self, handler: F) -> Self
    where
        F: ::core::ops::Fn(
                ::lark_sdk::event::EventEnvelope<card::v1::UrlPreviewGet>,
            ) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
        Fut: ::core::future::Future<
                Output = ::lark_sdk::event::CallbackResult<card::v1::PreviewAnswer>,
            > + ::core::marker::Send + 'static,
    {
        self.on_callback::<card::v1::UrlPreviewGet, F, Fut>(handler)
    }
}
/// Every extension trait of this spec, for `use …::prelude::*;`.
#[allow(unused_imports)]
pub mod prelude {
    pub use super::DispatcherExt as _;
}
