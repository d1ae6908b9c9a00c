// Generated from tests/fixtures/recursion by the `golden` test.
// Run `UPDATE_GOLDEN=1 cargo test -p lark-tests --test golden` to update.

pub mod contact {
    //! The `contact` service.
    pub mod v3 {
        //! Version `v3` of the `contact` service.
        /// `Department`
        #[derive(Clone, Debug, PartialEq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct Department {
            /// `name`
            pub name: String,
            /// Name per locale.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub i18n_name: Option<::std::collections::BTreeMap<String, String>>,
            /// Contains its own type, so it is boxed.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub parent: Option<Box<Department>>,
            /// `children`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub children: Option<Vec<Department>>,
            /// `leader`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub leader: Option<Box<Leader>>,
            /// `weight`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub weight: Option<f64>,
            /// `extra`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub extra: Option<::lark_sdk::__private::serde_json::Value>,
        }
        ::lark_sdk::__private::deserialize_object!(Department);
        impl ::lark_sdk::__private::Object for Department {
            const EXPECTING: &'static str = "struct Department";
            const FIELDS: &'static [&'static str] = &[
                "name",
                "i18n_name",
                "parent",
                "children",
                "leader",
                "weight",
                "extra",
            ];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<String>::new();
                let mut f1: Option<::std::collections::BTreeMap<String, String>> = None;
                let mut f2: Option<Box<Department>> = None;
                let mut f3: Option<Vec<Department>> = None;
                let mut f4: Option<Box<Leader>> = None;
                let mut f5: Option<f64> = None;
                let mut f6: Option<::lark_sdk::__private::serde_json::Value> = None;
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0, &mut f1, &mut f2, &mut f3, &mut f4, &mut f5, &mut f6],
                )?;
                Ok(Self {
                    name: f0.take("name")?,
                    i18n_name: f1,
                    parent: f2,
                    children: f3,
                    leader: f4,
                    weight: f5,
                    extra: f6,
                })
            }
        }
        impl Department {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(name: impl Into<String>) -> Self {
                Self {
                    name: name.into(),
                    i18n_name: None,
                    parent: None,
                    children: None,
                    leader: None,
                    weight: None,
                    extra: None,
                }
            }
            /// Sets [`Self::i18n_name`].
            pub fn i18n_name(
                mut self,
                value: impl Into<::std::collections::BTreeMap<String, String>>,
            ) -> Self {
                self.i18n_name = Some(value.into());
                self
            }
            /// Sets [`Self::parent`].
            pub fn parent(mut self, value: impl Into<Department>) -> Self {
                self.parent = Some(Box::new(value.into()));
                self
            }
            /// Sets [`Self::children`].
            pub fn children(mut self, value: impl Into<Vec<Department>>) -> Self {
                self.children = Some(value.into());
                self
            }
            /// Sets [`Self::leader`].
            pub fn leader(mut self, value: impl Into<Leader>) -> Self {
                self.leader = Some(Box::new(value.into()));
                self
            }
            /// Sets [`Self::weight`].
            pub fn weight(mut self, value: impl Into<f64>) -> Self {
                self.weight = Some(value.into());
                self
            }
            /// Sets [`Self::extra`].
            pub fn extra(
                mut self,
                value: impl Into<::lark_sdk::__private::serde_json::Value>,
            ) -> Self {
                self.extra = Some(value.into());
                self
            }
        }
        /// `Leader`
        #[derive(Clone, Debug, PartialEq, ::lark_sdk::__private::serde::Serialize)]
        #[serde(crate = "::lark_sdk::__private::serde")]
        #[non_exhaustive]
        pub struct Leader {
            /// Cycle through another type.
            pub department: Box<Department>,
        }
        ::lark_sdk::__private::deserialize_object!(Leader);
        impl ::lark_sdk::__private::Object for Leader {
            const EXPECTING: &'static str = "struct Leader";
            const FIELDS: &'static [&'static str] = &["department"];
            fn from_map<'de, A: ::lark_sdk::__private::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut f0 = ::lark_sdk::__private::Required::<Box<Department>>::new();
                ::lark_sdk::__private::read_fields(
                    &mut map,
                    Self::FIELDS,
                    &mut [&mut f0],
                )?;
                Ok(Self {
                    department: f0.take("department")?,
                })
            }
        }
        impl Leader {
            /** Creates a value from its required fields; the others start
 empty and are set with the methods named after them.*/
            pub fn new(department: impl Into<Department>) -> Self {
                Self {
                    department: Box::new(department.into()),
                }
            }
        }
        /// `DepartmentList`
        pub type DepartmentList = Vec<Department>;
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
pub const ENDPOINTS: &[::lark_sdk::EndpointInfo] = &[];
