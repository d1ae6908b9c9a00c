//! Call methods: `client.im().v1().message_reaction().delete(request)`.
//!
//! Each service module gets a `Calls` value per version, each version a
//! `Calls` with a method per resource, each resource a `…Calls` with a method
//! per endpoint, and `with` to give its calls [`RequestOptions`]. The entry points on
//! the client come through the `ClientExt` trait, and handler registration
//! through `DispatcherExt`; `prelude` brings both into scope.
//!
//! Generated over a base spec, a level the runtime crate already has (a
//! service, a version, a resource) is extended rather than shadowed: a
//! `CallsExt` (or `…CallsExt`) trait adds this spec's methods to the
//! runtime's call group, so `client.im().v1().message()` reaches a resource
//! of this spec through the runtime's `im()` and `v1()`. `prelude` brings
//! every such trait into scope.
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
    /// No call methods.
    None,
}

impl Emitter<'_> {
    /// `#[cfg(feature = "client")]` on what needs the runtime's client, when
    /// the invoking crate forwards the runtime's features.
    pub(super) fn client_gate(&self) -> TokenStream {
        if self.options.runtime_features {
            quote!(#[cfg(feature = "client")])
        } else {
            TokenStream::new()
        }
    }

    /// `#[cfg(feature = "events")]` on handler registration, likewise.
    pub(super) fn events_gate(&self) -> TokenStream {
        if self.options.runtime_features {
            quote!(#[cfg(feature = "events")])
        } else {
            TokenStream::new()
        }
    }

    /// Whether the runtime's call groups are extended where they exist.
    pub(super) fn extending(&self) -> bool {
        self.options.calls == Calls::Trait && self.options.base.is_some()
    }

    /// The endpoints of a module generated here.
    fn local_endpoints(&self, module: ModuleId) -> impl Iterator<Item = &Endpoint> {
        let enabled = self.enabled(module);
        self.model.modules[module.0]
            .endpoints
            .iter()
            .filter(move |ep| enabled && !ep.external)
    }

    /// The runtime crate has calls on this resource of this module.
    pub(super) fn base_resource(&self, module: ModuleId, resource: &str) -> bool {
        self.extending()
            && self.model.modules[module.0]
                .endpoints
                .iter()
                .any(|ep| ep.external && ep.resource == resource)
    }

    /// The runtime crate has calls in this module (service and version).
    pub(super) fn base_version(&self, module: ModuleId) -> bool {
        self.extending()
            && self.model.modules[module.0]
                .endpoints
                .iter()
                .any(|ep| ep.external)
    }

    /// The runtime crate has calls in this service.
    pub(super) fn base_service(&self, service: &str) -> bool {
        (0..self.model.modules.len())
            .map(ModuleId)
            .any(|id| self.model.modules[id.0].service == service && self.base_version(id))
    }

    /// The resources of a module's local endpoints, in spec order.
    pub(super) fn local_resources(&self, module: ModuleId) -> Vec<&str> {
        let mut resources: Vec<&str> = Vec::new();
        for ep in self.local_endpoints(module) {
            if !resources.contains(&ep.resource.as_str()) {
                resources.push(&ep.resource);
            }
        }
        resources
    }

    /// The runtime's path to a module's items (`::lark_sdk::im::v1::`).
    pub(super) fn runtime_module(&self, module: ModuleId) -> TokenStream {
        let rt = &self.rt;
        let m = &self.model.modules[module.0];
        let service = ident(&m.service);
        match &m.version {
            Some(v) => {
                let v = ident(v);
                quote!(#rt::#service::#v::)
            }
            None => quote!(#rt::#service::),
        }
    }

    /// The `Calls` of a version module and its resources.
    pub(super) fn version_calls(&self, module: ModuleId) -> TokenStream {
        if self.options.calls == Calls::None {
            return TokenStream::new();
        }
        let resources = self.local_resources(module);
        if resources.is_empty() {
            return TokenStream::new();
        }
        let rt = &self.rt;
        let gate = self.client_gate();
        let m = &self.model.modules[module.0];
        let key = m.key();
        let groups = resources.iter().map(|r| {
            let endpoints: Vec<&Endpoint> = self
                .local_endpoints(module)
                .filter(|ep| ep.resource == *r)
                .collect();
            if self.base_resource(module, r) {
                return self.resource_ext(module, r, &endpoints);
            }
            let calls = format_ident!("{}Calls", names::pascal(r));
            let doc = format!(" The calls on `{r}`.");
            let methods = endpoints.iter().map(|ep| self.call_methods(module, ep));
            quote! {
                #[doc = #doc]
                #gate
                #[derive(Clone, Copy, Debug)]
                pub struct #calls<'a> {
                    client: &'a #rt::Client,
                    options: &'a #rt::RequestOptions,
                }

                #gate
                impl<'a> #calls<'a> {
                    /// The client these calls go through.
                    pub fn client(self) -> &'a #rt::Client {
                        self.client
                    }

                    /// The options these calls are made with.
                    pub fn options(self) -> &'a #rt::RequestOptions {
                        self.options
                    }

                    /// These calls with per-call options (a user token, a store app's tenant).
                    pub fn with(self, options: &'a #rt::RequestOptions) -> Self {
                        Self { options, ..self }
                    }

                    #(#methods)*
                }
            }
        });
        let new_resources: Vec<&&str> = resources
            .iter()
            .filter(|r| !self.base_resource(module, r))
            .collect();
        let accessor = |r: &str, vis: TokenStream, body: bool| {
            let method = ident(&names::field_ident(r));
            let calls = format_ident!("{}Calls", names::pascal(r));
            let doc = format!(" Calls on `{r}`.");
            let body = if body {
                quote!({ #calls { client: self.client(), options: #rt::RequestOptions::NONE } })
            } else {
                quote!(;)
            };
            quote! {
                #[doc = #doc]
                #vis fn #method(self) -> #calls<'a> #body
            }
        };
        let entry = if self.base_version(module) {
            if new_resources.is_empty() {
                TokenStream::new()
            } else {
                let runtime = self.runtime_module(module);
                let decls = new_resources
                    .iter()
                    .map(|r| accessor(r, TokenStream::new(), false));
                let impls = new_resources
                    .iter()
                    .map(|r| accessor(r, TokenStream::new(), true));
                let doc = format!(
                    " This spec's resources of `{key}`, on the runtime's calls: `client.{}().{}().…`.",
                    m.service,
                    m.version.as_deref().unwrap_or_default()
                );
                quote! {
                    #[doc = #doc]
                    pub trait CallsExt<'a> {
                        #(#decls)*
                    }

                    impl<'a> CallsExt<'a> for #runtime Calls<'a> {
                        #(#impls)*
                    }
                }
            }
        } else {
            let accessors = new_resources.iter().map(|r| accessor(r, quote!(pub), true));
            let doc = format!(" The calls of `{key}`.");
            quote! {
                #[doc = #doc]
                #gate
                #[derive(Clone, Copy, Debug)]
                pub struct Calls<'a> {
                    client: &'a #rt::Client,
                }

                #gate
                impl<'a> Calls<'a> {
                    pub(crate) fn from_client(client: &'a #rt::Client) -> Self {
                        Self { client }
                    }

                    /// The client these calls go through.
                    pub fn client(self) -> &'a #rt::Client {
                        self.client
                    }

                    #(#accessors)*
                }
            }
        };
        quote! {
            #entry
            #(#groups)*
        }
    }

    /// This spec's endpoints on a resource the runtime already has calls on:
    /// a `…CallsExt` trait on the runtime's `…Calls`.
    fn resource_ext(
        &self,
        module: ModuleId,
        resource: &str,
        endpoints: &[&Endpoint],
    ) -> TokenStream {
        let rt = &self.rt;
        let calls = format_ident!("{}Calls", names::pascal(resource));
        let ext = format_ident!("{}CallsExt", names::pascal(resource));
        let runtime = self.runtime_module(module);
        let mut decls = Vec::new();
        let mut impls = Vec::new();
        for ep in endpoints {
            let name = ident(&ep.name);
            let request = ident(&ep.request_type);
            let (response, call) = self.call_shape(module, ep);
            let (docs, all_docs) = self.call_docs(ep, resolves_doc(&response, &ep.error_type));
            decls.push(quote! {
                #docs
                fn #name(self, request: #request) -> #call<'a, #request>;
            });
            impls.push(quote! {
                fn #name(self, request: #request) -> #call<'a, #request> {
                    #rt::client::Call::new(self.client(), self.options(), request)
                }
            });
            if ep.pagination.is_some() {
                let all = format_ident!("{}_all", ep.name.trim_start_matches("r#"));
                decls.push(quote! {
                    #all_docs
                    fn #all(self, request: #request) -> #rt::client::Paginator<#request>;
                });
                impls.push(quote! {
                    fn #all(self, request: #request) -> #rt::client::Paginator<#request> {
                        self.client().paginate(request)
                    }
                });
            }
        }
        let doc = format!(
            " This spec's calls on `{resource}`, on the runtime's [`{calls}`]({}).",
            quote!(#runtime #calls).to_string().replace(' ', "")
        );
        quote! {
            #[doc = #doc]
            pub trait #ext<'a> {
                #(#decls)*
            }

            impl<'a> #ext<'a> for #runtime #calls<'a> {
                #(#impls)*
            }
        }
    }

    /// The call method's docs (ending with what it resolves to) and the
    /// `…_all` method's.
    fn call_docs(&self, ep: &Endpoint, resolves: String) -> (TokenStream, TokenStream) {
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
            String::new(),
            resolves,
        ]);
        let all_docs = doc_attrs(&[format!("{summary}: every item, page after page.")]);
        (docs, all_docs)
    }

    fn call_methods(&self, module: ModuleId, ep: &Endpoint) -> TokenStream {
        let rt = &self.rt;
        let name = ident(&ep.name);
        let request = ident(&ep.request_type);
        let (response, call) = self.call_shape(module, ep);
        let (docs, all_docs) = self.call_docs(ep, resolves_doc(&response, &ep.error_type));
        let all = ep.pagination.is_some().then(|| {
            let all = format_ident!("{}_all", ep.name.trim_start_matches("r#"));
            quote! {
                #all_docs
                pub fn #all(self, request: #request) -> #rt::client::Paginator<#request> {
                    self.client.paginate(request)
                }
            }
        });
        quote! {
            #docs
            pub fn #name(self, request: #request) -> #call<'a, #request> {
                #rt::client::Call::new(self.client, self.options, request)
            }

            #all
        }
    }

    /// What a call resolves to, and the type of the call: the response
    /// data from a `Call`, or a file from a `DownloadCall`.
    fn call_shape(&self, module: ModuleId, ep: &Endpoint) -> (TokenStream, TokenStream) {
        let rt = &self.rt;
        if ep.download {
            return (
                quote!(#rt::client::Download),
                quote!(#rt::client::DownloadCall),
            );
        }
        let response = match &ep.response {
            Some(ty) => self.ty(Some(module), ty),
            None => quote!(#rt::NoData),
        };
        (response, quote!(#rt::client::Call))
    }

    /// The version modules of a service with local calls.
    fn versions_with_calls(&self, versions: &[ModuleId]) -> Vec<ModuleId> {
        versions
            .iter()
            .copied()
            .filter(|id| self.local_endpoints(*id).next().is_some())
            .collect()
    }

    /// The `Calls` of a service module: a method per version.
    pub(super) fn service_calls(&self, versions: &[ModuleId]) -> TokenStream {
        let with_calls = self.versions_with_calls(versions);
        if self.options.calls == Calls::None || with_calls.is_empty() {
            return TokenStream::new();
        }
        let rt = &self.rt;
        let gate = self.client_gate();
        let service = &self.model.modules[with_calls[0].0].service;
        let accessor = |id: &ModuleId, vis: TokenStream, body: bool| {
            let version = self.model.modules[id.0].version.as_deref().unwrap_or("v1");
            let v = ident(version);
            let doc = format!(" Version `{version}`.");
            let gate = self.version_gate(*id);
            let body = if body {
                quote!({ #v::Calls::from_client(self.client()) })
            } else {
                quote!(;)
            };
            quote! {
                #[doc = #doc]
                #gate
                #vis fn #v(self) -> #v::Calls<'a> #body
            }
        };
        if self.base_service(service) {
            let new: Vec<ModuleId> = with_calls
                .into_iter()
                .filter(|id| !self.base_version(*id))
                .collect();
            if new.is_empty() {
                return TokenStream::new();
            }
            let name = ident(service);
            let decls = new.iter().map(|id| accessor(id, TokenStream::new(), false));
            let impls = new.iter().map(|id| accessor(id, TokenStream::new(), true));
            let doc = format!(
                " This spec's versions of `{service}`, on the runtime's calls: `client.{service}().…`."
            );
            return quote! {
                #[doc = #doc]
                pub trait CallsExt<'a> {
                    #(#decls)*
                }

                impl<'a> CallsExt<'a> for #rt::#name::Calls<'a> {
                    #(#impls)*
                }
            };
        }
        let accessors = with_calls.iter().map(|id| accessor(id, quote!(pub), true));
        let doc = format!(" The calls of the `{service}` service.");
        quote! {
            #[doc = #doc]
            #gate
            #[derive(Clone, Copy, Debug)]
            pub struct Calls<'a> {
                client: &'a #rt::Client,
            }

            #gate
            impl<'a> Calls<'a> {
                pub(crate) fn from_client(client: &'a #rt::Client) -> Self {
                    Self { client }
                }

                /// The client these calls go through.
                pub fn client(self) -> &'a #rt::Client {
                    self.client
                }

                #(#accessors)*
            }
        }
    }

    /// Services with calls of this spec that need an entry on the client
    /// (those the runtime has are reached through its own entry).
    pub(super) fn entry_services(&self) -> Vec<&str> {
        let mut services: Vec<&str> = Vec::new();
        for (i, m) in self.model.modules.iter().enumerate() {
            if m.version.is_some()
                && self.local_endpoints(ModuleId(i)).next().is_some()
                && !services.contains(&m.service.as_str())
                && !self.base_service(&m.service)
            {
                services.push(&m.service);
            }
        }
        services
    }

    /// The client's entry points: a method per service with calls.
    pub(super) fn client_entry(&self) -> TokenStream {
        let rt = &self.rt;
        let services = self.entry_services();
        if services.is_empty() {
            return TokenStream::new();
        }
        let gates: Vec<TokenStream> = services.iter().map(|s| self.service_gate(s)).collect();
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
        let gate = self.client_gate();
        match self.options.calls {
            Calls::None => TokenStream::new(),
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
                    #gate
                    pub trait ClientExt {
                        #(#decls)*
                    }

                    #gate
                    impl ClientExt for #rt::Client {
                        #(#impls)*
                    }
                }
            }
        }
    }
}

/// The line of a call method's docs saying what awaiting it gives, with the
/// type names short of their module paths.
fn resolves_doc(response: &TokenStream, error: &str) -> String {
    let text = response.to_string().replace(' ', "");
    let mut short = String::with_capacity(text.len());
    for part in text.split_inclusive(['<', '>', ',']) {
        short.push_str(part.rsplit("::").next().unwrap_or(part));
    }
    format!("Resolves to `Result<{short}, Error<{error}>>` when awaited.")
}
