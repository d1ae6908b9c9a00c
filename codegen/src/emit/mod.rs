//! Rust tokens from the checked model.
//!
//! The output is placed wherever the macro is invoked: references between
//! generated modules are relative (`super::super::common::UserId`), and
//! references to the runtime go through the configured path (`::lark_sdk`).

mod bounds;
mod calls;
mod endpoint;
mod errors;
mod event;
mod objects;
mod prelude;
mod replay;
mod types;
mod union;

pub use calls::Calls;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::model::{Model, ModuleId, Ty, TypeId};

/// How to emit.
#[derive(Clone)]
pub struct Options {
    /// Path of the runtime crate the generated code calls (`::lark_sdk`).
    pub runtime: syn::Path,
    /// Put each version of a service behind a Cargo feature of its name
    /// (`#[cfg(feature = "im-v1")]`, the service module behind any of its
    /// versions').
    pub service_features: bool,
    /// With `service_features`: the features enabled in this build, when
    /// known (a build script passes them on), compared as Cargo names them
    /// to build scripts: `IM_V1` for `im-v1`. Versions not listed are not
    /// generated at all, so a bot using one service pays for one.
    pub enabled_features: Option<Vec<String>>,
    /// With `service_features`: the features the crate declares, when known
    /// (the macro reads its `Cargo.toml`). A version whose feature is not
    /// declared is generated ungated, so that a spec file of a new service
    /// appears in the bindings with no change beside it; declaring
    /// `<service>-<version>` later makes it optional.
    pub declared_features: Option<Vec<String>>,
    /// Where the call methods' entry points go.
    pub calls: Calls,
    /// The invoking crate forwards the runtime's `client` and `events`
    /// features (a facade such as lark-sdk): the calls are generated behind
    /// `client`, handler registration behind `events`.
    pub runtime_features: bool,
    /// The spec the runtime crate was generated from. Its types, events,
    /// endpoints and platform-wide errors can be referred to and are checked
    /// against, but are not generated again: references go to the runtime
    /// crate, and call methods extend the runtime's call groups.
    pub base: Option<SpecDir>,
    /// Which serde traits the generated types derive.
    pub serde: Serde,
}

/// Which serde traits the generated types derive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Serde {
    /// `Serialize` and `Deserialize` on every type.
    #[default]
    Both,
    /// Each type the traits of the ways it travels: `Serialize` if it is
    /// sent, `Deserialize` if it is received (half the code for most
    /// types, which go one way).
    Directed,
    /// As `Directed`, and both when the invoking crate's feature of this
    /// name is on (`#[cfg_attr(feature = ..)]`).
    DirectedUnless(String),
}

/// A spec folder: where it is, and how messages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecDir {
    /// The folder.
    pub dir: std::path::PathBuf,
    /// How it is shown in messages (`spec`, `../lark-sdk/spec`).
    pub display: String,
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let runtime = &self.runtime;
        f.debug_struct("Options")
            .field("runtime", &quote!(#runtime).to_string())
            .field("service_features", &self.service_features)
            .field("enabled_features", &self.enabled_features)
            .field("declared_features", &self.declared_features)
            .field("calls", &self.calls)
            .field("runtime_features", &self.runtime_features)
            .field("base", &self.base)
            .field("serde", &self.serde)
            .finish()
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            runtime: syn::parse_quote!(::lark_sdk),
            service_features: false,
            enabled_features: None,
            declared_features: None,
            calls: Calls::Trait,
            runtime_features: false,
            base: None,
            serde: Serde::Both,
        }
    }
}

/// Emits the items of a model.
pub fn emit(model: &Model, options: &Options) -> TokenStream {
    let mut out = TokenStream::new();
    emit_into(model, options, &mut |chunk| out.extend(chunk));
    out
}

/// Emits the items of a model a chunk at a time (a service module, the
/// enum over events, …), so that a caller turning them into text never
/// holds the tokens of the whole spec at once.
pub fn emit_into(model: &Model, options: &Options, sink: &mut dyn FnMut(TokenStream)) {
    Emitter::new(model, options).crate_items(sink);
}

/// A function `replay(client, options, id, parts)` that builds the typed
/// request of each endpoint of `ids` from its parts as JSON and sends it
/// (see `emit/replay.rs`), for code placed beside `use <runtime>::*`.
pub fn replay(model: &Model, options: &Options, ids: &[String]) -> TokenStream {
    Emitter::new(model, options).replay(ids)
}

struct Emitter<'a> {
    model: &'a Model,
    rt: TokenStream,
    serde_crate: String,
    options: &'a Options,
    /// Per type: whether it has `impl Check` (bounds inside it).
    checked: Vec<bool>,
}

impl<'a> Emitter<'a> {
    fn new(model: &'a Model, options: &'a Options) -> Self {
        let rt = &options.runtime;
        let serde_crate = format!(
            "{}::__private::serde",
            quote!(#rt).to_string().replace(' ', "")
        );
        Emitter {
            model,
            rt: quote!(#rt),
            serde_crate,
            options,
            checked: bounds::checked_types(model),
        }
    }
}

impl Emitter<'_> {
    fn crate_items(&self, out: &mut dyn FnMut(TokenStream)) {
        let mut services: Vec<&str> = Vec::new();
        for m in &self.model.modules {
            if !services.contains(&m.service.as_str()) {
                services.push(&m.service);
            }
        }
        for service in services {
            let ids: Vec<ModuleId> = (0..self.model.modules.len())
                .map(ModuleId)
                .filter(|id| self.model.modules[id.0].service == service && self.is_local(*id))
                .collect();
            if ids.is_empty() {
                continue;
            }
            let name = ident(service);
            let gate = self.service_gate(service);
            let common = ids
                .iter()
                .find(|id| self.model.modules[id.0].version.is_none());
            if let Some(&id) = common {
                let docs =
                    doc_attrs_inner(&self.module_docs(id, "Platform-wide types and errors."));
                let items = self.module_items(id);
                out(quote! {
                    #gate
                    pub mod #name {
                        #docs
                        #items
                    }
                });
                continue;
            }
            let versions = ids.iter().map(|&id| {
                let version = ident(self.model.modules[id.0].version.as_deref().unwrap_or("v1"));
                let fallback = format!(
                    "Version `{}` of the `{service}` service.",
                    self.model.modules[id.0]
                        .version
                        .as_deref()
                        .unwrap_or_default()
                );
                let docs = doc_attrs_inner(&self.module_docs(id, &fallback));
                let items = self.module_items(id);
                let gate = self.version_gate(id);
                quote! {
                    #gate
                    pub mod #version {
                        #docs
                        #items
                    }
                }
            });
            let docs = doc_attrs_inner(&[format!(" The `{service}` service.")]);
            let calls = self.service_calls(&ids);
            out(quote! {
                #gate
                pub mod #name {
                    #docs
                    #calls
                    #(#versions)*
                }
            });
        }
        out(self.event_enum());
        out(self.endpoint_catalog());
        out(self.client_entry());
        out(self.dispatcher_methods());
        out(self.prelude());
    }

    /// Whether a module is generated in this build: its feature is enabled
    /// (or features are not in use, or not known).
    fn enabled(&self, id: ModuleId) -> bool {
        match (&self.options.enabled_features, self.version_feature(id)) {
            (Some(enabled), Some(feature)) => {
                let feature = feature.to_ascii_uppercase().replace('-', "_");
                enabled
                    .iter()
                    .any(|f| f.to_ascii_uppercase().replace('-', "_") == feature)
            }
            _ => true,
        }
    }

    /// Whether a module has anything generated here, rather than only items
    /// of the base spec (or of a version whose feature is off).
    fn is_local(&self, id: ModuleId) -> bool {
        if !self.enabled(id) {
            return false;
        }
        let m = &self.model.modules[id.0];
        m.types.iter().any(|t| !self.model.types[t.0].external)
            || m.endpoints.iter().any(|e| !e.external)
            || m.events.iter().any(|e| !e.external)
            || (m.version.is_none()
                && !self.model.platform_external
                && !self.model.platform_errors.is_empty())
    }

    /// The Cargo feature of a version module (`im-v1`), with
    /// `service_features`.
    fn version_feature(&self, module: ModuleId) -> Option<String> {
        let m = &self.model.modules[module.0];
        let version = m.version.as_deref()?;
        if !self.options.service_features {
            return None;
        }
        let feature = format!("{}-{version}", m.service);
        match &self.options.declared_features {
            Some(declared) if !declared.contains(&feature) => None,
            _ => Some(feature),
        }
    }

    /// `#[cfg(feature = "im-v1")]` on what a version module holds or needs.
    fn version_gate(&self, module: ModuleId) -> TokenStream {
        match self.version_feature(module) {
            Some(feature) => quote!(#[cfg(feature = #feature)]),
            None => TokenStream::new(),
        }
    }

    /// `#[cfg(any(feature = "im-v1", …))]`: a service is there when one of
    /// its versions is (always, when one of them has no feature).
    fn service_gate(&self, service: &str) -> TokenStream {
        let features: Option<Vec<String>> = (0..self.model.modules.len())
            .map(ModuleId)
            .filter(|id| {
                let m = &self.model.modules[id.0];
                m.service == service && m.version.is_some() && self.is_local(*id)
            })
            .map(|id| self.version_feature(id))
            .collect();
        let features = features.unwrap_or_default();
        if features.is_empty() {
            TokenStream::new()
        } else {
            quote!(#[cfg(any(#(feature = #features),*))])
        }
    }

    fn module_docs(&self, id: ModuleId, fallback: &str) -> Vec<String> {
        let docs = &self.model.modules[id.0].docs;
        if docs.is_empty() {
            vec![format!(" {fallback}")]
        } else {
            docs.iter().map(|l| format!(" {l}")).collect()
        }
    }

    fn module_items(&self, id: ModuleId) -> TokenStream {
        let module = &self.model.modules[id.0];
        let types = module
            .types
            .iter()
            .filter(|t| !self.model.types[t.0].external)
            .map(|&t| self.type_def(t));
        let endpoints = module
            .endpoints
            .iter()
            .filter(|ep| !ep.external)
            .map(|ep| self.endpoint(id, ep));
        let events = module
            .events
            .iter()
            .filter(|ev| !ev.external)
            .map(|ev| self.event_body(ev));
        let (platform, calls) = if module.version.is_none() {
            let table = if self.model.platform_external {
                TokenStream::new()
            } else {
                self.platform_table()
            };
            (table, TokenStream::new())
        } else {
            (TokenStream::new(), self.version_calls(id))
        };
        quote! {
            #(#types)*
            #(#endpoints)*
            #(#events)*
            #platform
            #calls
        }
    }

    /// How deep a module is below the invocation site.
    fn depth(&self, module: Option<ModuleId>) -> usize {
        match module {
            None => 0,
            Some(m) if self.model.modules[m.0].version.is_some() => 2,
            Some(_) => 1,
        }
    }

    /// Path from module `from` (`None`: the invocation site) to a module's items.
    fn module_path(&self, from: Option<ModuleId>, to: ModuleId) -> TokenStream {
        if from == Some(to) {
            return TokenStream::new();
        }
        let supers = (0..self.depth(from)).map(|_| quote!(super::));
        let m = &self.model.modules[to.0];
        let service = ident(&m.service);
        match &m.version {
            Some(v) => {
                let v = ident(v);
                quote!(#(#supers)* #service::#v::)
            }
            None => quote!(#(#supers)* #service::),
        }
    }

    /// Path of a generated type from a module (in the runtime crate for a
    /// type of the base spec).
    fn type_path(&self, from: Option<ModuleId>, id: TypeId) -> TokenStream {
        let def = &self.model.types[id.0];
        let module = if def.external {
            self.runtime_module(def.module)
        } else {
            self.module_path(from, def.module)
        };
        let name = ident(&def.name);
        quote!(#module #name)
    }

    /// The Rust type of a [`Ty`] as seen from a module. Inside generated
    /// modules the prelude's names are used as such (no spec type may take
    /// them); at the invocation site, whose names are the user's, paths are
    /// absolute.
    fn ty(&self, from: Option<ModuleId>, ty: &Ty) -> TokenStream {
        let rt = &self.rt;
        let root = from.is_none();
        match ty {
            Ty::String if root => quote!(::std::string::String),
            Ty::String => quote!(String),
            Ty::I32 => quote!(i32),
            Ty::I64 => quote!(i64),
            Ty::F64 => quote!(f64),
            Ty::Bool => quote!(bool),
            Ty::TimestampMs => quote!(#rt::TimestampMs),
            Ty::Any => quote!(#rt::__private::serde_json::Value),
            Ty::File => quote!(#rt::UploadFile),
            Ty::Named(id) => self.type_path(from, *id),
            Ty::Array(inner) => {
                let inner = self.ty(from, inner);
                if root {
                    quote!(::std::vec::Vec<#inner>)
                } else {
                    quote!(Vec<#inner>)
                }
            }
            Ty::Map(inner) => {
                let inner = self.ty(from, inner);
                if root {
                    quote!(::std::collections::BTreeMap<::std::string::String, #inner>)
                } else {
                    quote!(::std::collections::BTreeMap<String, #inner>)
                }
            }
        }
    }

    /// `ENDPOINTS`: every endpoint of the spec with its method and path.
    fn endpoint_catalog(&self) -> TokenStream {
        let rt = &self.rt;
        let rows = self
            .model
            .modules
            .iter()
            .flat_map(|m| &m.endpoints)
            .filter(|ep| !ep.external)
            .map(|ep| {
                let id = &ep.id;
                let method = endpoint::method_ident(ep.method);
                let path = &ep.path;
                quote!(#rt::EndpointInfo::new(#id, #rt::HttpMethod::#method, #path))
            });
        quote! {
            /// Every endpoint of the spec: id, method and path.
            pub const ENDPOINTS: &[#rt::EndpointInfo] = &[#(#rows),*];
        }
    }

    /// The path from a module to the `common` module holding the
    /// platform-wide error table, if the spec (or its base) has one.
    fn platform_path(&self, from: ModuleId) -> Option<TokenStream> {
        if self.model.platform_errors.is_empty() {
            return None;
        }
        let common = (0..self.model.modules.len())
            .map(ModuleId)
            .find(|id| self.model.modules[id.0].version.is_none())?;
        Some(if self.model.platform_external {
            self.runtime_module(common)
        } else {
            self.module_path(Some(from), common)
        })
    }
}

/// An identifier, raw when written `r#name`.
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// One `#[doc = "…"]` of the lines, each spaced: an attribute per item, not
/// per line, is less text for rustfmt to print and for rustc to read.
pub(crate) fn doc_attrs(lines: &[String]) -> TokenStream {
    if lines.is_empty() {
        return TokenStream::new();
    }
    let text = lines
        .iter()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!(" {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    quote!(#[doc = #text])
}

/// One `#[doc]` of the lines, then a paragraph of the generator's own.
pub(crate) fn docs_then(lines: &[String], more: &str) -> TokenStream {
    let mut all = lines.to_vec();
    if !all.is_empty() {
        all.push(String::new());
    }
    all.push(more.to_owned());
    doc_attrs(&all)
}

/// One `#![doc = "…"]` of the lines (already spaced).
fn doc_attrs_inner(lines: &[String]) -> TokenStream {
    let text = lines.join("\n");
    quote!(#![doc = #text])
}

/// A setter named after a field such as `is_frozen` takes `self` by value,
/// which clippy would read as a conversion or a predicate.
pub(crate) fn setter_allow(name: &str) -> TokenStream {
    let name = name.trim_start_matches("r#");
    if ["is_", "as_", "to_", "into_", "from_"]
        .iter()
        .any(|p| name.starts_with(p))
    {
        quote!(#[allow(clippy::wrong_self_convention)])
    } else {
        TokenStream::new()
    }
}

fn opt_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

fn opt_u32(value: Option<u32>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

/// `FIELD_SCOPES` constant value.
fn field_scopes(scopes: &[(String, Vec<String>)]) -> TokenStream {
    let rows = scopes
        .iter()
        .map(|(path, scopes)| quote!((#path, &[#(#scopes),*])));
    quote!(&[#(#rows),*])
}
