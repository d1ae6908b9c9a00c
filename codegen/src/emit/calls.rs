//! Call methods: `client.im().v1().message_reaction().delete(request)`.
//!
//! Each service module gets a `Calls` value per version, each version a
//! `Calls` with a method per resource, each resource a `…Calls` with a method
//! per endpoint (and `…_with` taking [`RequestOptions`]). The entry points on
//! the client are inherent methods (inside the runtime crate itself) or the
//! `ClientExt` trait (anywhere else).
//!
//! [`RequestOptions`]: https://docs.rs/lark-sdk

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{Emitter, doc_attrs, ident};
use crate::check::names;
use crate::model::{Endpoint, ModuleId};

/// Where the client's entry points go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Calls {
    /// A `ClientExt` trait implemented for the runtime's client.
    #[default]
    Trait,
    /// Inherent methods on the client, behind the runtime's `client` feature
    /// (only possible inside the runtime crate).
    Inherent,
    /// No call methods.
    None,
}

impl Emitter<'_> {
    fn client_gate(&self) -> TokenStream {
        if self.options.calls == Calls::Inherent {
            quote!(#[cfg(feature = "client")])
        } else {
            TokenStream::new()
        }
    }

    /// The `Calls` of a version module and its resources.
    pub(super) fn version_calls(&self, module: ModuleId) -> TokenStream {
        if self.options.calls == Calls::None {
            return TokenStream::new();
        }
        let rt = &self.rt;
        let gate = self.client_gate();
        let m = &self.model.modules[module.0];
        let mut resources: Vec<&str> = Vec::new();
        for ep in &m.endpoints {
            if !resources.contains(&ep.resource.as_str()) {
                resources.push(&ep.resource);
            }
        }
        if resources.is_empty() {
            return TokenStream::new();
        }
        let accessors = resources.iter().map(|r| {
            let method = ident(&names::field_ident(r));
            let calls = format_ident!("{}Calls", names::pascal(r));
            let doc = format!(" Calls on `{r}`.");
            quote! {
                #[doc = #doc]
                pub fn #method(self) -> #calls<'a> {
                    #calls { client: self.client }
                }
            }
        });
        let groups = resources.iter().map(|r| {
            let calls = format_ident!("{}Calls", names::pascal(r));
            let doc = format!(" The calls on `{r}`.");
            let methods = m
                .endpoints
                .iter()
                .filter(|ep| ep.resource == *r)
                .map(|ep| self.call_methods(module, ep));
            quote! {
                #[doc = #doc]
                #gate
                #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
                pub struct #calls<'a> {
                    client: &'a #rt::Client,
                }

                #gate
                impl #calls<'_> {
                    #(#methods)*
                }
            }
        });
        let key = m.key();
        let doc = format!(" The calls of `{key}`.");
        quote! {
            #[doc = #doc]
            #gate
            #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
            pub struct Calls<'a> {
                client: &'a #rt::Client,
            }

            #gate
            impl<'a> Calls<'a> {
                pub(crate) fn from_client(client: &'a #rt::Client) -> Self {
                    Self { client }
                }

                #(#accessors)*
            }

            #(#groups)*
        }
    }

    fn call_methods(&self, module: ModuleId, ep: &Endpoint) -> TokenStream {
        let rt = &self.rt;
        let name = ident(&ep.name);
        let with = format_ident!("{}_with", ep.name.trim_start_matches("r#"));
        let request = ident(&ep.request_type);
        let error = ident(&ep.error_type);
        let response = match &ep.response {
            Some(ty) => self.ty(Some(module), ty),
            None => quote!(#rt::NoData),
        };
        let summary = ep.docs.first().cloned().unwrap_or_default();
        let docs = doc_attrs(&[
            summary.clone(),
            String::new(),
            format!(
                "`{} {}`; see [`{}`].",
                ep.method.as_str(),
                ep.path,
                ep.request_type
            ),
        ]);
        let with_docs = doc_attrs(&[format!(
            "{summary}, with per-call options (a user token, a store app's tenant)."
        )]);
        let all = ep.pagination.is_some().then(|| {
            let all = format_ident!("{}_all", ep.name.trim_start_matches("r#"));
            let doc = doc_attrs(&[format!("{summary}: every item, page after page.")]);
            quote! {
                #doc
                pub fn #all(self, request: #request) -> #rt::client::Paginator<#request> {
                    self.client.paginate(request)
                }
            }
        });
        quote! {
            #docs
            pub async fn #name(
                self,
                request: #request,
            ) -> ::core::result::Result<#response, #rt::client::Error<#error>> {
                self.client.call(&request).await
            }

            #all

            #with_docs
            pub async fn #with(
                self,
                request: #request,
                options: &#rt::RequestOptions,
            ) -> ::core::result::Result<#response, #rt::client::Error<#error>> {
                self.client.call_with(&request, options).await
            }
        }
    }

    /// The `Calls` of a service module: a method per version.
    pub(super) fn service_calls(&self, versions: &[ModuleId]) -> TokenStream {
        let with_calls: Vec<ModuleId> = versions
            .iter()
            .copied()
            .filter(|id| !self.model.modules[id.0].endpoints.is_empty())
            .collect();
        if self.options.calls == Calls::None || with_calls.is_empty() {
            return TokenStream::new();
        }
        let rt = &self.rt;
        let gate = self.client_gate();
        let service = &self.model.modules[with_calls[0].0].service;
        let accessors = with_calls.iter().map(|id| {
            let version = self.model.modules[id.0].version.as_deref().unwrap_or("v1");
            let v = ident(version);
            let doc = format!(" Version `{version}`.");
            quote! {
                #[doc = #doc]
                pub fn #v(self) -> #v::Calls<'a> {
                    #v::Calls::from_client(self.client)
                }
            }
        });
        let doc = format!(" The calls of the `{service}` service.");
        quote! {
            #[doc = #doc]
            #gate
            #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
            pub struct Calls<'a> {
                client: &'a #rt::Client,
            }

            #gate
            impl<'a> Calls<'a> {
                pub(crate) fn from_client(client: &'a #rt::Client) -> Self {
                    Self { client }
                }

                #(#accessors)*
            }
        }
    }

    /// The client's entry points: a method per service with calls.
    pub(super) fn client_entry(&self) -> TokenStream {
        let rt = &self.rt;
        let mut services: Vec<&str> = Vec::new();
        for m in &self.model.modules {
            if m.version.is_some()
                && !m.endpoints.is_empty()
                && !services.contains(&m.service.as_str())
            {
                services.push(&m.service);
            }
        }
        if services.is_empty() {
            return TokenStream::new();
        }
        let gates: Vec<TokenStream> = services.iter().map(|s| self.gate(s)).collect();
        let methods = |vis: TokenStream| -> Vec<TokenStream> {
            services
                .iter()
                .zip(&gates)
                .map(|(s, gate)| {
                    let name = ident(&names::field_ident(s));
                    let doc = format!(" The calls of the `{s}` service.");
                    quote! {
                        #[doc = #doc]
                        #gate
                        #vis fn #name(&self) -> #name::Calls<'_> {
                            #name::Calls::from_client(self)
                        }
                    }
                })
                .collect()
        };
        match self.options.calls {
            Calls::None => TokenStream::new(),
            Calls::Inherent => {
                let gate = self.client_gate();
                let methods = methods(quote!(pub));
                quote! {
                    #gate
                    impl #rt::Client {
                        #(#methods)*
                    }
                }
            }
            Calls::Trait => {
                let impls = methods(TokenStream::new());
                let decls = services.iter().zip(&gates).map(|(s, gate)| {
                    let name = ident(&names::field_ident(s));
                    let doc = format!(" The calls of the `{s}` service.");
                    quote! {
                        #[doc = #doc]
                        #gate
                        fn #name(&self) -> #name::Calls<'_>;
                    }
                });
                quote! {
                    /// The calls of this spec's services on the client: `client.im().v1()…`.
                    pub trait ClientExt {
                        #(#decls)*
                    }

                    impl ClientExt for #rt::Client {
                        #(#impls)*
                    }
                }
            }
        }
    }
}
