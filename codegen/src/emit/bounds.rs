//! The documented bounds of what a request sends, checked before sending:
//! the parameters and the body's own fields in the endpoint's `validate`,
//! the fields of objects inside the body through their `Check` impls, each
//! refusal naming the value's path (`members[2].name`).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{Emitter, ident};
use crate::model::{Bounds, Endpoint, Field, Model, Ty, TypeId, TypeKind};

/// Which types get `impl Check`: objects of this crate sent in request
/// bodies with a bound somewhere inside (a field of their own, or an
/// object they hold, through arrays, maps and aliases). A request body is
/// one of them when it has bounds, and `validate` calls its `check`.
pub(super) fn checked_types(model: &Model) -> Vec<bool> {
    let sent = |t: &crate::model::TypeDef| !t.external && t.travels.0;
    let mut checked: Vec<bool> = model
        .types
        .iter()
        .map(|t| {
            sent(t) && matches!(&t.kind, TypeKind::Object(fields) if fields.iter().any(own_bounds))
        })
        .collect();
    // Until nothing changes: at most one round per type.
    loop {
        let mut changed = false;
        for (i, t) in model.types.iter().enumerate() {
            if checked[i] || !sent(t) {
                continue;
            }
            if let TypeKind::Object(fields) = &t.kind
                && fields
                    .iter()
                    .any(|f| !f.in_string && leads(model, &checked, &f.ty, 0))
            {
                checked[i] = true;
                changed = true;
            }
        }
        if !changed {
            return checked;
        }
    }
}

/// A field's own bounds, checked where it is held (a file's size is
/// checked as it is sent; a boxed field is an object, which has none).
fn own_bounds(f: &Field) -> bool {
    // The checker refuses bounds on a JSON document inside a string.
    !f.bounds.is_empty() && !f.boxed && !f.in_string && f.ty != Ty::File
}

/// Whether a value of `ty` holds an object with `impl Check`.
fn leads(model: &Model, checked: &[bool], ty: &Ty, depth: usize) -> bool {
    match ty {
        // Aliases are short chains (the checker refuses cycles).
        Ty::Named(id) if depth < 64 => match &model.types[id.0].kind {
            TypeKind::Alias(inner) => leads(model, checked, inner, depth + 1),
            TypeKind::Object(_) => checked[id.0],
            _ => false,
        },
        Ty::Array(inner) | Ty::Map(inner) => leads(model, checked, inner, depth),
        _ => false,
    }
}

impl Emitter<'_> {
    /// `fn validate`: the bounds of the parameters, then the body's `check`
    /// (none: the trait's default).
    pub(super) fn validate_fn(&self, ep: &Endpoint) -> TokenStream {
        let rt = &self.rt;
        let endpoint = quote!(Self::ID);
        let mut checks = Vec::new();
        let params = ep.path_params.iter().chain(&ep.query).chain(&ep.headers);
        for p in params.filter(|p| !p.bounds.is_empty()) {
            let field = ident(&p.ident);
            let wire = &p.wire;
            let own = own_checks(rt, &endpoint, &p.ty, &p.bounds);
            let optional = !p.required && !matches!(p.ty, Ty::Array(_));
            checks.push(hold(
                quote!(self.#field),
                optional,
                quote!(#rt::__private::At::Field(#wire)),
                own,
            ));
        }
        if let Some(body) = ep.body
            && self.checked[body.0]
        {
            checks.push(quote! {
                #rt::__private::Check::check(&self.body, Self::ID, &#rt::__private::At::Body)?;
            });
        }
        if checks.is_empty() {
            return TokenStream::new();
        }
        quote! {
            fn validate(&self) -> Result<(), #rt::InvalidRequest> {
                #(#checks)*
                Ok(())
            }
        }
    }

    /// `impl Check` for an object with bounds inside, when it has them.
    pub(super) fn check_impl(&self, id: TypeId, fields: &[Field]) -> TokenStream {
        if !self.checked[id.0] {
            return TokenStream::new();
        }
        let rt = &self.rt;
        let name = ident(&self.model.types[id.0].name);
        let endpoint = quote!(endpoint);
        let checks = fields.iter().filter_map(|f| {
            let wire = &f.json;
            self.field_checks(
                &endpoint,
                quote!(self),
                f,
                quote!(#rt::__private::At::In(at, #wire)),
            )
        });
        quote! {
            impl #rt::__private::Check for #name {
                fn check(
                    &self,
                    endpoint: &'static str,
                    at: &#rt::__private::At<'_>,
                ) -> Result<(), #rt::InvalidRequest> {
                    #(#checks)*
                    Ok(())
                }
            }
        }
    }

    /// The checks of one field of the object at `owner`: its own bounds,
    /// then the objects it holds; `None` when it has neither.
    fn field_checks(
        &self,
        endpoint: &TokenStream,
        owner: TokenStream,
        f: &Field,
        at: TokenStream,
    ) -> Option<TokenStream> {
        let rt = &self.rt;
        let own = own_bounds(f).then(|| own_checks(rt, endpoint, &f.ty, &f.bounds));
        let inside = (!f.in_string)
            .then(|| self.descend(endpoint, &f.ty, 0))
            .flatten();
        if own.is_none() && inside.is_none() {
            return None;
        }
        let field = ident(&f.ident);
        let body = quote!(#own #inside);
        Some(hold(quote!(#owner.#field), !f.required, at, body))
    }

    /// The checks of the objects inside `value` (of type `ty`, at `at`).
    fn descend(&self, endpoint: &TokenStream, ty: &Ty, depth: usize) -> Option<TokenStream> {
        let rt = &self.rt;
        if !leads(self.model, &self.checked, ty, depth) {
            return None;
        }
        Some(match ty {
            Ty::Named(id) => match &self.model.types[id.0].kind {
                TypeKind::Alias(inner) => self.descend(endpoint, inner, depth + 1)?,
                _ => quote!(#rt::__private::Check::check(value, #endpoint, &at)?;),
            },
            Ty::Array(inner) => {
                let inner = self.descend(endpoint, inner, depth)?;
                quote! {
                    for (index, value) in value.iter().enumerate() {
                        let at = #rt::__private::At::Item(&at, index);
                        #inner
                    }
                }
            }
            Ty::Map(inner) => {
                let inner = self.descend(endpoint, inner, depth)?;
                quote! {
                    for (key, value) in value {
                        let at = #rt::__private::At::Key(&at, key);
                        #inner
                    }
                }
            }
            _ => return None,
        })
    }
}

/// `checks` run on the value at `place` (skipped when it is an absent
/// `Option`), with `at` naming it.
fn hold(place: TokenStream, optional: bool, at: TokenStream, checks: TokenStream) -> TokenStream {
    if optional {
        quote! {
            if let Some(value) = &#place {
                let at = #at;
                #checks
            }
        }
    } else {
        quote! {
            {
                let value = &#place;
                let at = #at;
                #checks
            }
        }
    }
}

/// The checks of one value's own bounds: a range, a length, a count.
fn own_checks(rt: &TokenStream, endpoint: &TokenStream, ty: &Ty, bounds: &Bounds) -> TokenStream {
    let literal = |text: &Option<String>| -> TokenStream {
        let Some(text) = text else {
            return quote!(None);
        };
        // The checker saw that the bound is a value of the type.
        let lit = match ty {
            Ty::I32 => Literal::i32_suffixed(text.parse().unwrap_or_default()),
            Ty::I64 => Literal::i64_suffixed(text.parse().unwrap_or_default()),
            _ => Literal::f64_suffixed(text.parse().unwrap_or_default()),
        };
        quote!(Some(#lit))
    };
    let count = |pair: &(Option<u32>, Option<u32>)| -> (TokenStream, TokenStream) {
        let min = pair.0.map_or(quote!(None), |n| quote!(Some(#n)));
        let max = pair.1.map_or(quote!(None), |n| quote!(Some(#n)));
        (min, max)
    };
    let mut checks = Vec::new();
    if bounds.minimum.is_some() || bounds.maximum.is_some() {
        let (min, max) = (literal(&bounds.minimum), literal(&bounds.maximum));
        checks.push(quote!(#rt::__private::check_range(#endpoint, at, *value, #min, #max)?;));
    }
    if bounds.length != (None, None) {
        let (min, max) = count(&bounds.length);
        checks.push(quote!(#rt::__private::check_count(#endpoint, at, value.chars().count(), #min, #max, "characters")?;));
    }
    if bounds.items != (None, None) {
        let (min, max) = count(&bounds.items);
        checks.push(
            quote!(#rt::__private::check_count(#endpoint, at, value.len(), #min, #max, "items")?;),
        );
    }
    quote!(#(#checks)*)
}
