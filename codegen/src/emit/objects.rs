//! An object's `Deserialize`: its fields' slots handed to the runtime's one
//! visitor and key loop (`__private::Object`), in place of serde's derive,
//! which writes a field enum, two visitors and a sequence reader for every
//! object.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::Emitter;
use super::ident;
use crate::model::{Field, TypeId};

impl Emitter<'_> {
    /// The `Deserialize` and `Object` impls of an object, under `gate`.
    pub(super) fn object_deserialize(
        &self,
        id: TypeId,
        fields: &[Field],
        gate: &TokenStream,
    ) -> TokenStream {
        let def = &self.model.types[id.0];
        let rt = &self.rt;
        let serde = quote!(#rt::__private::serde);
        let name = ident(&def.name);
        let expecting = format!("struct {}", def.name);
        let keys = fields.iter().map(|f| f.json.as_str());
        // Every field is read through a slot of the runtime (`Option<T>`,
        // or `Required<T>`), by one loop written there: the object's own
        // body only lists them. On 1,500 objects of ten fields that took
        // 4.5 s to compile against 7.0 s for a loop written out per object.
        let all_optional = fields.iter().all(|f| !f.required);
        let body = if all_optional {
            // The object derives `Default`: its fields are the slots.
            let slots = fields.iter().map(|f| {
                let field = ident(&f.ident);
                quote!(&mut value.#field)
            });
            quote! {
                let mut value = <Self as Default>::default();
                #rt::__private::read_fields(&mut map, Self::FIELDS, &mut [#(#slots),*])?;
                Ok(value)
            }
        } else {
            let local = |i: usize| format_ident!("f{i}");
            let lets = fields.iter().enumerate().map(|(i, f)| {
                let slot = local(i);
                let ty = self.field_type(def.module, f);
                if f.required {
                    quote!(let mut #slot = #rt::__private::Required::<#ty>::new();)
                } else {
                    quote!(let mut #slot: #ty = None;)
                }
            });
            let slots = (0..fields.len()).map(|i| {
                let slot = local(i);
                quote!(&mut #slot)
            });
            // Taken in field order: the first required key missing is the
            // one named, as with serde's derive.
            let inits = fields.iter().enumerate().map(|(i, f)| {
                let field = ident(&f.ident);
                let slot = local(i);
                if f.required {
                    let key = &f.json;
                    quote!(#field: #slot.take(#key)?)
                } else {
                    quote!(#field: #slot)
                }
            });
            quote! {
                #(#lets)*
                #rt::__private::read_fields(&mut map, Self::FIELDS, &mut [#(#slots),*])?;
                Ok(Self { #(#inits),* })
            }
        };
        quote! {
            #gate
            #rt::__private::deserialize_object!(#name);

            #gate
            impl #rt::__private::Object for #name {
                const EXPECTING: &'static str = #expecting;
                const FIELDS: &'static [&'static str] = &[#(#keys),*];

                fn from_map<'de, A: #serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
                    #body
                }
            }
        }
    }
}
