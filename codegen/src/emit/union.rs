//! Unions: an enum of the variants' contents and `Unknown`, written and
//! read as two keys (the tag and the content) of the object holding it.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, doc_attrs, docs_then, ident};
use crate::model::{Ty, TypeId, Union};

impl Emitter<'_> {
    pub(super) fn union(&self, id: TypeId, union: &Union) -> TokenStream {
        let def = &self.model.types[id.0];
        let rt = &self.rt;
        let name = ident(&def.name);
        let eq = def.eq.then(|| quote!(Eq,));
        let (tag, content) = (&union.tag, &union.content);
        let payload = |ty: &Ty| {
            let ty = self.ty(Some(def.module), ty);
            if union.in_string {
                quote!(#rt::JsonString<#ty>)
            } else {
                ty
            }
        };
        let idents: Vec<_> = union.variants.iter().map(|v| ident(&v.ident)).collect();
        let values: Vec<&str> = union.variants.iter().map(|v| v.value.as_str()).collect();
        let payloads: Vec<TokenStream> = union.variants.iter().map(|v| payload(&v.ty)).collect();
        let variant_docs = union.variants.iter().map(|v| doc_attrs(&v.docs));
        // A `From` for each content type that only one variant has.
        let froms = union.variants.iter().filter(|v| {
            matches!(v.ty, Ty::Named(_))
                && union.variants.iter().filter(|w| w.ty == v.ty).count() == 1
        });
        let serde = quote!(#rt::__private::serde);
        let [ser, de] = self.serde_ways(id).map(|way| way.gate());
        // Content carried in a string is written to it, so needs `Serialize`.
        let from_gate = if union.in_string {
            ser.clone()
        } else {
            Some(TokenStream::new())
        };
        let froms = froms.filter(|_| from_gate.is_some()).map(|v| {
            let variant = ident(&v.ident);
            let ty = self.ty(Some(def.module), &v.ty);
            let gate = from_gate.clone().unwrap_or_default();
            quote! {
                #gate
                impl From<#ty> for #name {
                    fn from(value: #ty) -> Self {
                        Self::#variant(value.into())
                    }
                }
            }
        });
        let ser_impl = ser.map(|gate| {
            quote! {
                #gate
            #[allow(deprecated)]
            impl #serde::Serialize for #name {
                fn serialize<S: #serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    match self {
                        #(Self::#idents(content) => #rt::__private::serialize_union(serializer, Self::TAG, #values, Self::CONTENT, content),)*
                        Self::Unknown(unknown) => #rt::__private::serialize_union(serializer, Self::TAG, unknown.tag(), Self::CONTENT, unknown.content()),
                    }
                }
            }

            }
        });
        let de_impl = de.map(|gate| {
            quote! {
                #gate
            #[allow(deprecated)]
            impl<'de> #serde::Deserialize<'de> for #name {
                fn deserialize<D: #serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let (tag, content) = #rt::__private::deserialize_union(deserializer, Self::TAG, Self::CONTENT)?;
                    let known = match tag.as_str() {
                        #(#values => #rt::__private::union_variant(&content).map(Self::#idents),)*
                        _ => None,
                    };
                    Ok(known.unwrap_or_else(|| Self::Unknown(#rt::UnknownContent::new(tag, content))))
                }
            }
            }
        });
        let docs = docs_then(
            &def.docs,
            &format!("Open: a `{tag}` the spec does not list keeps its `{content}` as received."),
        );
        quote! {
            #docs
            #[derive(Clone, Debug, PartialEq, #eq)]
            #[non_exhaustive]
            pub enum #name {
                #(
                    #variant_docs
                    #idents(#payloads),
                )*
                /// A tag the spec does not list, or content that does not fit its variant, kept as received.
                #[deprecated(note = "a tag the spec does not list today may get a variant of its own when it does: read it with `tag()` and test for it with `is_unknown()`")]
                Unknown(#rt::UnknownContent),
            }

            #[allow(deprecated)]
            impl #name {
                /// The JSON key of the tag.
                pub const TAG: &'static str = #tag;
                /// The JSON key of the content.
                pub const CONTENT: &'static str = #content;

                /// The tag's value, as sent on the wire.
                pub fn tag(&self) -> &str {
                    match self {
                        #(Self::#idents(_) => #values,)*
                        Self::Unknown(unknown) => unknown.tag(),
                    }
                }

                /// True for a tag the spec does not list, or content that does not fit.
                pub fn is_unknown(&self) -> bool {
                    matches!(self, Self::Unknown(_))
                }
            }

            #(#froms)*

            #ser_impl
            #de_impl
        }
    }
}
