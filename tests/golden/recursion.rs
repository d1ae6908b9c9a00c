// Generated from tests/fixtures/recursion by the `golden` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.

pub mod contact {
    //! The `contact` service.
    pub mod v3 {
        //! Version `v3` of the `contact` service.
        /// `Department`
        #[derive(
            ::core::clone::Clone,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::lark_sdk::__private::serde::Serialize,
            ::lark_sdk::__private::serde::Deserialize,
        )]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct Department {
            /// `name`
            pub name: ::std::string::String,
            /// Name per locale.
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub i18n_name: ::core::option::Option<
                ::std::collections::BTreeMap<
                    ::std::string::String,
                    ::std::string::String,
                >,
            >,
            /// Contains its own type, so it is boxed.
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub parent: ::core::option::Option<::std::boxed::Box<Department>>,
            /// `children`
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub children: ::core::option::Option<::std::vec::Vec<Department>>,
            /// `leader`
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub leader: ::core::option::Option<::std::boxed::Box<Leader>>,
            /// `weight`
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub weight: ::core::option::Option<f64>,
            /// `extra`
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub extra: ::core::option::Option<::lark_sdk::__private::serde_json::Value>,
        }
        impl Department {
            /// Creates a value from its required fields; the others start
            /// empty and are set with the methods named after them.
            pub fn new(name: impl ::core::convert::Into<::std::string::String>) -> Self {
                Self {
                    name: name.into(),
                    i18n_name: ::core::option::Option::None,
                    parent: ::core::option::Option::None,
                    children: ::core::option::Option::None,
                    leader: ::core::option::Option::None,
                    weight: ::core::option::Option::None,
                    extra: ::core::option::Option::None,
                }
            }
            /// Sets [`Self::i18n_name`].
            pub fn i18n_name(
                mut self,
                value: impl ::core::convert::Into<
                    ::std::collections::BTreeMap<
                        ::std::string::String,
                        ::std::string::String,
                    >,
                >,
            ) -> Self {
                self.i18n_name = ::core::option::Option::Some(value.into());
                self
            }
            /// Sets [`Self::parent`].
            pub fn parent(
                mut self,
                value: impl ::core::convert::Into<Department>,
            ) -> Self {
                self.parent = ::core::option::Option::Some(
                    ::std::boxed::Box::new(value.into()),
                );
                self
            }
            /// Sets [`Self::children`].
            pub fn children(
                mut self,
                value: impl ::core::convert::Into<::std::vec::Vec<Department>>,
            ) -> Self {
                self.children = ::core::option::Option::Some(value.into());
                self
            }
            /// Sets [`Self::leader`].
            pub fn leader(mut self, value: impl ::core::convert::Into<Leader>) -> Self {
                self.leader = ::core::option::Option::Some(
                    ::std::boxed::Box::new(value.into()),
                );
                self
            }
            /// Sets [`Self::weight`].
            pub fn weight(mut self, value: impl ::core::convert::Into<f64>) -> Self {
                self.weight = ::core::option::Option::Some(value.into());
                self
            }
            /// Sets [`Self::extra`].
            pub fn extra(
                mut self,
                value: impl ::core::convert::Into<
                    ::lark_sdk::__private::serde_json::Value,
                >,
            ) -> Self {
                self.extra = ::core::option::Option::Some(value.into());
                self
            }
        }
        /// `Leader`
        #[derive(
            ::core::clone::Clone,
            ::core::fmt::Debug,
            ::core::cmp::PartialEq,
            ::lark_sdk::__private::serde::Serialize,
            ::lark_sdk::__private::serde::Deserialize,
        )]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct Leader {
            /// Cycle through another type.
            pub department: ::std::boxed::Box<Department>,
        }
        impl Leader {
            /// Creates a value from its required fields; the others start
            /// empty and are set with the methods named after them.
            pub fn new(department: impl ::core::convert::Into<Department>) -> Self {
                Self {
                    department: ::std::boxed::Box::new(department.into()),
                }
            }
        }
        /// `DepartmentList`
        pub type DepartmentList = ::std::vec::Vec<Department>;
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
pub const ENDPOINTS: &[::lark_sdk::EndpointInfo] = &[];
