//! Structs, open enums and aliases.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, doc_attrs, docs_then, ident};
use crate::model::{Field, ModuleId, Ty, TypeId, TypeKind, Variant};

/// When a type has a serde trait.
pub(super) enum Way {
    /// Always.
    Always,
    /// Under this `cfg`.
    When(TokenStream),
    /// Never.
    Never,
}

impl Way {
    /// The trait for the derive list, and the `cfg_attr` deriving it.
    fn derive(&self, path: TokenStream) -> (TokenStream, TokenStream) {
        match self {
            Way::Always => (quote!(#path,), TokenStream::new()),
            Way::When(cfg) => (TokenStream::new(), quote!(#[cfg_attr(#cfg, derive(#path))])),
            Way::Never => (TokenStream::new(), TokenStream::new()),
        }
    }

    /// A `serde(…)` helper attribute for the derive this way adds.
    fn serde_attr(&self, inner: TokenStream) -> TokenStream {
        match self {
            Way::Always => quote!(#[serde(#inner)]),
            Way::When(cfg) => quote!(#[cfg_attr(#cfg, serde(#inner))]),
            Way::Never => TokenStream::new(),
        }
    }

    /// The attribute an impl of the trait carries, or `None` for no impl.
    pub(super) fn gate(&self) -> Option<TokenStream> {
        match self {
            Way::Always => Some(TokenStream::new()),
            Way::When(cfg) => Some(quote!(#[cfg(#cfg)])),
            Way::Never => None,
        }
    }
}

impl Emitter<'_> {
    /// When a type has `Serialize`, and when `Deserialize`.
    pub(super) fn serde_ways(&self, id: TypeId) -> [Way; 2] {
        let (sent, received) = self.model.types[id.0].travels;
        let way = |needed: bool| match &self.options.serde {
            super::Serde::Both => Way::Always,
            _ if needed => Way::Always,
            super::Serde::Directed => Way::Never,
            super::Serde::DirectedUnless(feature) => Way::When(quote!(feature = #feature)),
        };
        [way(sent), way(received)]
    }

    pub(super) fn type_def(&self, id: TypeId) -> TokenStream {
        let def = &self.model.types[id.0];
        match &def.kind {
            TypeKind::Object(fields) => self.object(id, fields),
            TypeKind::Enum(variants) => self.open_enum(id, variants),
            TypeKind::IntEnum(variants) => self.int_enum(id, variants),
            TypeKind::Union(union) => self.union(id, union),
            TypeKind::Alias(ty) => {
                let docs = doc_attrs(&def.docs);
                let name = ident(&def.name);
                let ty = self.ty(Some(def.module), ty);
                quote! {
                    #docs
                    pub type #name = #ty;
                }
            }
        }
    }

    /// The type of a field as declared: boxed if it closes a cycle, optional unless required.
    pub(super) fn field_type(&self, module: ModuleId, field: &Field) -> TokenStream {
        let base = self.value_type(module, field);
        if field.required {
            base
        } else {
            quote!(Option<#base>)
        }
    }

    fn value_type(&self, module: ModuleId, field: &Field) -> TokenStream {
        let ty = self.member_type(module, field);
        if field.boxed { quote!(Box<#ty>) } else { ty }
    }

    /// The field's type, in a `JsonString` when it travels inside a string.
    fn member_type(&self, module: ModuleId, field: &Field) -> TokenStream {
        let ty = self.ty(Some(module), &field.ty);
        if field.in_string {
            let rt = &self.rt;
            quote!(#rt::JsonString<#ty>)
        } else {
            ty
        }
    }

    fn object(&self, id: TypeId, fields: &[Field]) -> TokenStream {
        let def = &self.model.types[id.0];
        let rt = &self.rt;
        let event = self.model.modules[def.module.0]
            .events
            .iter()
            .find(|e| e.body == id);
        let docs = match event {
            Some(ev) => {
                let answer = ev
                    .answer
                    .map(|a| self.type_path(Some(def.module), a).to_string());
                let answer = answer.map(|a| a.replace(' ', ""));
                doc_attrs(&super::event::body_docs(&def.docs, ev, answer.as_deref()))
            }
            None => doc_attrs(&def.docs),
        };
        let name = ident(&def.name);
        let serde_crate = &self.serde_crate;
        let eq = def.eq.then(|| quote!(Eq,));
        let all_optional = fields.iter().all(|f| !f.required);
        let default = all_optional.then(|| quote!(Default,));
        // A union is its tag and content, two keys of this object.
        let is_union = |f: &Field| matches!(&f.ty, Ty::Named(id) if matches!(self.model.types[id.0].kind, TypeKind::Union(_)));
        // Read by the runtime's object visitor, unless a field is flattened
        // (serde's derive gathers the keys it leaves).
        let lean = !def.form && !fields.iter().any(is_union);
        let [ser, de] = self.serde_ways(id);
        // The derive the `serde(…)` helper attributes belong to: none on a
        // form, `Serialize` alone when the object is read without a derive.
        let attrs_way = if def.form {
            &Way::Never
        } else if lean {
            &ser
        } else {
            &Way::Always
        };
        let serde_attr = |inner: TokenStream| attrs_way.serde_attr(inner);
        // An upload's body is sent as a form: no serde, and a file is
        // compared by nothing.
        let derives = if def.form {
            quote!(#[derive(Clone, Debug, #default)])
        } else {
            let (ser_derive, ser_gated) = ser.derive(quote!(#rt::__private::serde::Serialize));
            let (de_derive, de_gated) = if lean {
                (TokenStream::new(), TokenStream::new())
            } else {
                de.derive(quote!(#rt::__private::serde::Deserialize))
            };
            let krate = serde_attr(quote!(crate = #serde_crate));
            quote! {
                #[derive(
                    Clone,
                    Debug,
                    PartialEq,
                    #eq
                    #default
                    #ser_derive
                    #de_derive
                )]
                #ser_gated
                #de_gated
                #krate
            }
        };
        let de_impl = if lean {
            de.gate()
                .map(|gate| self.object_deserialize(id, fields, &gate))
        } else {
            None
        };

        let members = fields.iter().map(|f| {
            let docs = doc_attrs(&f.docs);
            let field = ident(&f.ident);
            let ty = self.field_type(def.module, f);
            let unraw = f.ident.trim_start_matches("r#");
            let union = is_union(f);
            let flatten = union.then(|| serde_attr(quote!(flatten)));
            let rename = (f.json != unraw && !union).then(|| {
                let json = &f.json;
                serde_attr(quote!(rename = #json))
            });
            // `default` is for serde's derive of `Deserialize`; a lean
            // object's own reader starts every optional field empty.
            let default = (!lean).then(|| quote!(default,));
            let optional = (!f.required && !union)
                .then(|| serde_attr(quote!(#default skip_serializing_if = "Option::is_none")));
            quote! {
                #docs
                #flatten
                #rename
                #optional
                pub #field: #ty,
            }
        });

        let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
        let args = required.iter().map(|f| {
            let field = ident(&f.ident);
            let ty = self.member_type(def.module, f);
            quote!(#field: impl Into<#ty>)
        });
        let inits = fields.iter().map(|f| {
            let field = ident(&f.ident);
            match (f.required, f.boxed) {
                (true, true) => quote!(#field: Box::new(#field.into())),
                (true, false) => quote!(#field: #field.into()),
                (false, _) => quote!(#field: None),
            }
        });
        // Setters for what a bot builds to send; a type that is only
        // received is read through its fields, and built (in a test, or by
        // a server) with `new` and assignments to them.
        let sent = def.travels.0;
        let setters = fields.iter().filter(|f| sent && !f.required).map(|f| {
            let field = ident(&f.ident);
            let ty = self.member_type(def.module, f);
            let value = if f.boxed {
                quote!(Box::new(value.into()))
            } else {
                quote!(value.into())
            };
            let doc = format!(" Sets [`Self::{}`].", f.ident.trim_start_matches("r#"));
            let allow = super::setter_allow(&f.ident);
            quote! {
                #[doc = #doc]
                #allow
                pub fn #field(mut self, value: impl Into<#ty>) -> Self {
                    self.#field = Some(#value);
                    self
                }
            }
        });
        let many = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
        let check = self.check_impl(id, fields);
        // A type of optional fields only derives `Default`.
        let new_body = if all_optional {
            quote!(<Self as Default>::default())
        } else {
            quote!(Self { #(#inits),* })
        };
        let new_doc = if sent {
            " Creates a value from its required fields; the others start\n empty and are set with the methods named after them."
        } else {
            " Creates a value from its required fields; the others start\n as `None`."
        };

        quote! {
            #docs
            #derives
            #[non_exhaustive]
            pub struct #name {
                #(#members)*
            }

            #de_impl

            impl #name {
                #[doc = #new_doc]
                #many
                pub fn new(#(#args),*) -> Self {
                    #new_body
                }

                #(#setters)*
            }

            #check
        }
    }

    fn open_enum(&self, id: TypeId, variants: &[Variant]) -> TokenStream {
        let def = &self.model.types[id.0];
        let rt = &self.rt;
        let docs = docs_then(
            &def.docs,
            "Open: a value the spec does not list is kept, and sent back as is.",
        );
        let name = ident(&def.name);
        let idents: Vec<_> = variants.iter().map(|v| ident(&v.ident)).collect();
        let values: Vec<&str> = variants.iter().map(|v| v.value.as_str()).collect();
        let variant_docs = variants.iter().map(|v| doc_attrs(&v.docs));
        quote! {
            #docs
            #[derive(Clone, Debug, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum #name {
                #(
                    #variant_docs
                    #idents,
                )*
                /// A value the spec does not list, kept as received.
                #[deprecated(note = "a value the spec does not list today may get a variant of its own when it does: read it with `as_str()` and test for it with `is_unknown()`")]
                Unknown(#rt::UnknownValue),
            }

            #[allow(deprecated)]
            impl #name {
                /// Every value the spec lists.
                pub const VALUES: &'static [Self] = &[#(Self::#idents),*];

                /// The value as sent on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(Self::#idents => #values,)*
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
                        #(#values => Some(Self::#idents),)*
                        _ => None,
                    }
                }
            }

            #[allow(deprecated)]
            impl From<&str> for #name {
                fn from(value: &str) -> Self {
                    Self::known(value).unwrap_or_else(|| Self::Unknown(#rt::UnknownValue::new(value)))
                }
            }

            #[allow(deprecated)]
            impl From<String> for #name {
                fn from(value: String) -> Self {
                    Self::known(&value).unwrap_or_else(|| Self::Unknown(#rt::UnknownValue::new(value)))
                }
            }

            impl ::core::str::FromStr for #name {
                type Err = ::core::convert::Infallible;

                fn from_str(value: &str) -> Result<Self, ::core::convert::Infallible> {
                    Ok(Self::from(value))
                }
            }

            impl AsRef<str> for #name {
                fn as_ref(&self) -> &str {
                    self.as_str()
                }
            }

            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            impl #rt::__private::serde::Serialize for #name {
                fn serialize<S: #rt::__private::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            impl<'de> #rt::__private::serde::Deserialize<'de> for #name {
                fn deserialize<D: #rt::__private::serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> Result<Self, D::Error> {
                    #rt::__private::deserialize_open_enum(deserializer)
                }
            }
        }
    }

    fn int_enum(&self, id: TypeId, variants: &[Variant]) -> TokenStream {
        let def = &self.model.types[id.0];
        let rt = &self.rt;
        let docs = docs_then(
            &def.docs,
            "Open: a number the spec does not list is kept, and sent back as is.\n Sent as a JSON number.",
        );
        let name = ident(&def.name);
        let idents: Vec<_> = variants.iter().map(|v| ident(&v.ident)).collect();
        // The checker saw that each value is a whole number.
        let values: Vec<i64> = variants
            .iter()
            .map(|v| v.value.parse().unwrap_or_default())
            .collect();
        let variant_docs = variants.iter().map(|v| doc_attrs(&v.docs));
        quote! {
            #docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum #name {
                #(
                    #variant_docs
                    #idents,
                )*
                /// A number the spec does not list, kept as received.
                #[deprecated(note = "a number the spec does not list today may get a variant of its own when it does: read it with `value()` and test for it with `is_unknown()`")]
                Unknown(#rt::UnknownNumber),
            }

            #[allow(deprecated)]
            impl #name {
                /// Every value the spec lists.
                pub const VALUES: &'static [Self] = &[#(Self::#idents),*];

                /// The number as sent on the wire.
                pub fn value(self) -> i64 {
                    match self {
                        #(Self::#idents => #values,)*
                        Self::Unknown(value) => value.get(),
                    }
                }

                /// True for a number the spec does not list.
                pub fn is_unknown(self) -> bool {
                    matches!(self, Self::Unknown(_))
                }
            }

            #[allow(deprecated)]
            impl From<i64> for #name {
                fn from(value: i64) -> Self {
                    match value {
                        #(#values => Self::#idents,)*
                        other => Self::Unknown(#rt::UnknownNumber::new(other)),
                    }
                }
            }

            impl From<#name> for i64 {
                fn from(value: #name) -> i64 {
                    value.value()
                }
            }

            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Display::fmt(&self.value(), f)
                }
            }

            impl #rt::__private::serde::Serialize for #name {
                fn serialize<S: #rt::__private::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    serializer.serialize_i64(self.value())
                }
            }

            impl<'de> #rt::__private::serde::Deserialize<'de> for #name {
                fn deserialize<D: #rt::__private::serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> Result<Self, D::Error> {
                    #rt::__private::deserialize_int_enum(deserializer)
                }
            }
        }
    }
}
