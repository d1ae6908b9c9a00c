//! A function that builds an endpoint's typed request from the request's
//! parts as JSON (path, query and header parameters by their wire names,
//! and the body) and sends it through a client: how a differential test
//! sends, through the generated types and setters, the same logical
//! request that another SDK sent.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, ident};
use crate::model::{Endpoint, ModuleId, Param, Ty};

impl Emitter<'_> {
    /// `replay(client, options, id, parts)` over the endpoints of `ids`
    /// (uploads and downloads are left out: their parts are not JSON).
    pub(super) fn replay(&self, ids: &[String]) -> TokenStream {
        let rt = &self.rt;
        let arms = self
            .model
            .modules
            .iter()
            .enumerate()
            .flat_map(|(m, module)| module.endpoints.iter().map(move |ep| (ModuleId(m), ep)))
            .filter(|(_, ep)| ids.contains(&ep.id) && !ep.multipart && !ep.download)
            .map(|(m, ep)| self.replay_arm(m, ep));
        quote! {
            /// How a replayed call failed.
            #[derive(Debug)]
            pub enum Failed {
                /// The endpoint answered with an error of its table, or an
                /// unlisted one: its `code`, and the error as text.
                Refused(i64, ::std::string::String),
                /// The request could not be built, sent, or its answer read.
                Broken(::std::string::String),
            }

            impl ::core::fmt::Display for Failed {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match self {
                        Failed::Refused(_, text) | Failed::Broken(text) => f.write_str(text),
                    }
                }
            }

            /// Builds the typed request of endpoint `id` from `parts`
            /// (`{"path": {…}, "query": {…}, "headers": {…}, "body": …}`,
            /// parameters by their wire names) and sends it with `options`:
            /// `None` for an endpoint this function does not build, else
            /// the call's outcome.
            pub async fn replay(
                client: &#rt::Client,
                options: &#rt::RequestOptions,
                id: &str,
                parts: &#rt::__private::serde_json::Value,
            ) -> ::core::option::Option<::core::result::Result<(), Failed>> {
                match id {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                }
            }

            /// A part of the request, or `None` when `parts` has none.
            fn lookup<'a>(
                parts: &'a #rt::__private::serde_json::Value,
                section: &str,
                name: ::core::option::Option<&str>,
            ) -> ::core::option::Option<&'a #rt::__private::serde_json::Value> {
                let value = parts.get(section)?;
                let value = match name {
                    ::core::option::Option::Some(name) => value.get(name)?,
                    ::core::option::Option::None => value,
                };
                (!value.is_null()).then_some(value)
            }

            /// A part read as its typed value.
            fn read<T: #rt::__private::serde::de::DeserializeOwned>(
                value: ::core::option::Option<&#rt::__private::serde_json::Value>,
                section: &str,
                name: ::core::option::Option<&str>,
            ) -> ::core::result::Result<T, Failed> {
                let at = match name {
                    ::core::option::Option::Some(name) => ::std::format!("{section}.{name}"),
                    ::core::option::Option::None => section.to_owned(),
                };
                let value = value.ok_or_else(|| Failed::Broken(::std::format!("{at}: missing")))?;
                #rt::__private::serde_json::from_value(value.clone())
                    .map_err(|e| Failed::Broken(::std::format!("{at}: {e}")))
            }
        }
    }

    fn replay_arm(&self, module: ModuleId, ep: &Endpoint) -> TokenStream {
        let rt = &self.rt;
        let id = &ep.id;
        let request = ident(&ep.request_type);
        let path = self.module_path(None, module);
        let sections = [
            ("path", &ep.path_params),
            ("query", &ep.query),
            ("headers", &ep.headers),
        ];
        let mut args = Vec::new();
        let mut sets = Vec::new();
        for (section, params) in sections {
            for p in params {
                let (arg, set) = self.replay_param(section, p);
                args.extend(arg);
                sets.extend(set);
            }
        }
        if let Some(body) = ep.body {
            if self.body_has_required(ep) {
                let ty = self.type_path(None, body);
                args.push(quote!(read::<#ty>(lookup(parts, "body", None), "body", None)?));
            } else {
                sets.push(quote! {
                    if let Some(value) = lookup(parts, "body", None) {
                        request.body = read(Some(value), "body", None)?;
                    }
                });
            }
        }
        let build = if sets.is_empty() {
            quote!(let request = #path #request::new(#(#args),*);)
        } else {
            quote! {
                #[allow(unused_mut)]
                let mut request = #path #request::new(#(#args),*);
                #(#sets)*
            }
        };
        quote! {
            #id => ::core::option::Option::Some(
                async {
                    #build
                    client
                        .call_with(&request, options)
                        .await
                        .map(drop)
                        .map_err(|e| {
                            let text = ::std::string::ToString::to_string(&e);
                            match e.api() {
                                ::core::option::Option::Some(api) => {
                                    Failed::Refused(#rt::EndpointError::code(api), text)
                                }
                                ::core::option::Option::None => Failed::Broken(text),
                            }
                        })
                }
                .await,
            ),
        }
    }

    /// A required parameter as an argument of `new` (typed: `new` takes
    /// `impl Into<T>`), an optional one as an assignment to its field.
    fn replay_param(&self, section: &str, p: &Param) -> (Option<TokenStream>, Option<TokenStream>) {
        let wire = &p.wire;
        if p.required {
            let ty = self.ty(None, &p.ty);
            let arg =
                quote!(read::<#ty>(lookup(parts, #section, Some(#wire)), #section, Some(#wire))?);
            return (Some(arg), None);
        }
        let field = ident(&p.ident);
        let value = match p.ty {
            Ty::Array(_) => quote!(read(Some(value), #section, Some(#wire))?),
            _ => quote!(Some(read(Some(value), #section, Some(#wire))?)),
        };
        let set = quote! {
            if let Some(value) = lookup(parts, #section, Some(#wire)) {
                request.#field = #value;
            }
        };
        (None, Some(set))
    }
}
