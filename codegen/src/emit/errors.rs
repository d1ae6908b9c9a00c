//! Error enums: one per endpoint, and the platform-wide table once.
//!
//! An endpoint's enum has a variant per row of its own table, `Platform`
//! holding `common::PlatformError` for the platform-wide codes (emitted once,
//! with the table, in `common`), and a sealed `Unhandled` for any other code.
//! The accessors (`code()`, `remedy()`, …) are the runtime's `EndpointError`
//! defaults; what an endpoint emits is its rows, the match from a code to a
//! variant and back, and two short impls.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, doc_attrs, ident, opt_str};
use crate::check::names;
use crate::model::{Endpoint, ErrorVariant, ModuleId};

/// The note on a sealed escape hatch.
const SEALED: &str = "match with `_` and read `code()`: an unlisted code may get a variant";

impl Emitter<'_> {
    /// `pub const NAME: ErrorSpec = …;` for each row, and `SPECS` over them.
    fn spec_consts(&self, rows: &[&ErrorVariant]) -> TokenStream {
        let rt = &self.rt;
        let names: Vec<_> = rows
            .iter()
            .map(|v| ident(&names::snake(&v.ident).to_ascii_uppercase()))
            .collect();
        let consts = rows.iter().zip(&names).map(|(v, konst)| {
            let doc = format!(" The row of `{}`.", v.ident);
            let name = &v.ident;
            let code = v.code;
            let status = match v.http {
                Some(h) => quote!(Some(#h)),
                None => quote!(None),
            };
            let message = &v.message;
            let remedy = v.remedy.as_ref().map(|r| quote!(.with_remedy(#r)));
            quote! {
                #[doc = #doc]
                pub const #konst: #rt::ErrorSpec = #rt::ErrorSpec::new(#name, #code, #status, #message)#remedy;
            }
        });
        quote! {
            #(#consts)*

            /// Every row with a variant of its own, in table order.
            pub const SPECS: &'static [#rt::ErrorSpec] = &[#(Self::#names),*];
        }
    }

    /// An endpoint's error enum.
    pub(super) fn error_enum(&self, module: ModuleId, ep: &Endpoint) -> TokenStream {
        let rt = &self.rt;
        let name = ident(&ep.error_type);
        if let Some(first) = &ep.errors_as {
            let doc = format!(
                " Errors of [`{}`]: its error table is that of [`{first}`], whose enum this is.",
                ep.request_type
            );
            let first = ident(first);
            return quote! {
                #[doc = #doc]
                pub type #name = #first;
            };
        }
        let own: Vec<&ErrorVariant> = ep.errors.iter().filter(|v| !v.platform).collect();
        let applying: Vec<String> = ep
            .errors
            .iter()
            .filter(|v| v.platform)
            .map(|v| format!("`{}` ({})", v.ident, v.code))
            .collect();
        let mut docs = vec![format!(
            "Errors of [`{}`]: a variant per row of the endpoint's error table, `Platform` for the platform-wide codes, and `Unhandled` for any code the spec does not list; the `EndpointError` accessors read them all.",
            ep.request_type
        )];
        if !applying.is_empty() {
            docs.push(String::new());
            docs.push(format!(
                "Platform-wide codes it is documented to meet: {}.",
                applying.join(", ")
            ));
        }
        let docs = doc_attrs(&docs);
        let variants: Vec<_> = own.iter().map(|v| ident(&v.ident)).collect();
        let variant_docs = own.iter().map(|v| doc_attrs(&v.docs));
        let codes: Vec<i64> = own.iter().map(|v| v.code).collect();
        let consts = self.spec_consts(&own);
        let common = self.platform_path(module);
        let (platform_variant, platform_arm, platform_spec, rest) = match &common {
            Some(common) => (
                quote! {
                    /// A platform-wide code (通用错误码): rate limits, tokens, scopes.
                    Platform(#common PlatformError),
                },
                quote!(Self::Platform(p) => p.api_error(),),
                quote!(Self::Platform(p) => Some(p.spec()),),
                quote! {
                    match #common PlatformError::classify(error) {
                        Ok(platform) => Self::Platform(platform),
                        Err(unhandled) => Self::Unhandled(unhandled),
                    }
                },
            ),
            None => (
                TokenStream::new(),
                TokenStream::new(),
                TokenStream::new(),
                quote!(Self::Unhandled(#rt::Unhandled::new(error, None))),
            ),
        };
        let spec = if own.is_empty() {
            TokenStream::new()
        } else {
            quote!(_ => Self::SPECS.iter().find(|row| row.code == self.api_error().code),)
        };
        let others_none = if own.is_empty() && common.is_none() {
            TokenStream::new()
        } else {
            quote!(_ => None,)
        };
        let own_arm = if own.is_empty() {
            TokenStream::new()
        } else {
            quote!(#(Self::#variants(e))|* => e,)
        };
        let from = if codes.is_empty() {
            rest
        } else {
            quote! {
                match error.code {
                    #(#codes => Self::#variants(error),)*
                    _ => #rest,
                }
            }
        };
        quote! {
            #docs
            #[derive(Clone, Debug, PartialEq, Eq)]
            #[non_exhaustive]
            pub enum #name {
                #(
                    #variant_docs
                    #variants(Box<#rt::ApiError>),
                )*
                #platform_variant
                /// A code the spec does not list for this endpoint, kept whole.
                #[deprecated(note = #SEALED)]
                Unhandled(#rt::Unhandled),
            }

            impl #name {
                #consts
            }

            #[allow(deprecated)]
            impl #rt::EndpointError for #name {
                fn api_error(&self) -> &#rt::ApiError {
                    match self {
                        #own_arm
                        #platform_arm
                        Self::Unhandled(u) => u.api_error(),
                    }
                }

                fn spec(&self) -> Option<&'static #rt::ErrorSpec> {
                    match self {
                        #platform_spec
                        Self::Unhandled(_) => None,
                        #spec
                    }
                }

                fn platform_info(&self) -> Option<&'static #rt::PlatformErrorInfo> {
                    match self {
                        Self::Unhandled(u) => u.platform_info(),
                        #others_none
                    }
                }
            }

            #[allow(deprecated)]
            impl From<#rt::ApiError> for #name {
                fn from(error: #rt::ApiError) -> Self {
                    let error = Box::new(error);
                    #from
                }
            }

            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    use #rt::EndpointError as _;
                    write!(f, "{}: {}", self.name(), self.api_error())
                }
            }

            impl ::std::error::Error for #name {}
        }
    }

    /// The platform-wide error table, its lookup, and `PlatformError` over
    /// its named codes, in the `common` module.
    pub(super) fn platform_table(&self) -> TokenStream {
        let rt = &self.rt;
        let platform = &self.model.platform_errors;
        if platform.is_empty() {
            return TokenStream::new();
        }
        let rows = platform.iter().map(|p| {
            let code = p.code;
            let name = opt_str(p.name.as_deref());
            let http = match p.http {
                Some(h) => quote!(Some(#h)),
                None => quote!(None),
            };
            let message = &p.message;
            let others = &p.other_messages;
            let description = opt_str(p.description.as_deref());
            let remedy = opt_str(p.remedy.as_deref());
            quote!(#rt::PlatformErrorInfo::new(#code, #name, #http, #message, &[#(#others),*], #description, #remedy))
        });
        let named: Vec<ErrorVariant> = platform
            .iter()
            .filter_map(|p| {
                let name = p.name.as_deref()?;
                Some(crate::check::platform_variant(p, name))
            })
            .collect();
        let named: Vec<&ErrorVariant> = named.iter().collect();
        let variants: Vec<_> = named.iter().map(|v| ident(&v.ident)).collect();
        let variant_docs = named.iter().map(|v| doc_attrs(&v.docs));
        let codes: Vec<i64> = named.iter().map(|v| v.code).collect();
        let indexes = 0..named.len();
        let consts = self.spec_consts(&named);
        let enum_items = (!named.is_empty()).then(|| {
            quote! {
                /// A platform-wide code (通用错误码) the spec names: every
                /// endpoint's error enum holds one in its `Platform` variant.
                #[derive(Clone, Debug, PartialEq, Eq)]
                #[non_exhaustive]
                pub enum PlatformError {
                    #(
                        #variant_docs
                        #variants(Box<#rt::ApiError>),
                    )*
                }

                impl PlatformError {
                    #consts

                    /// A named platform-wide code, or the error kept as
                    /// unhandled (with the table's entry, if it has one).
                    pub fn classify(error: Box<#rt::ApiError>) -> Result<Self, #rt::Unhandled> {
                        match error.code {
                            #(#codes => Ok(Self::#variants(error)),)*
                            code => Err(#rt::Unhandled::new(error, platform_error(code))),
                        }
                    }

                    /// The platform's error as returned.
                    pub fn api_error(&self) -> &#rt::ApiError {
                        match self {
                            #(Self::#variants(e))|* => e,
                        }
                    }

                    /// The row of this code.
                    pub fn spec(&self) -> &'static #rt::ErrorSpec {
                        match self {
                            #(Self::#variants(_) => &Self::SPECS[#indexes],)*
                        }
                    }
                }
            }
        });
        let enum_items = enum_items.unwrap_or_else(|| {
            quote! {
                /// The platform-wide codes the spec names (none here).
                #[derive(Clone, Debug, PartialEq, Eq)]
                #[non_exhaustive]
                pub enum PlatformError {}

                impl PlatformError {
                    /// Every platform-wide code is kept as unhandled.
                    pub fn classify(error: Box<#rt::ApiError>) -> Result<Self, #rt::Unhandled> {
                        let code = error.code;
                        Err(#rt::Unhandled::new(error, platform_error(code)))
                    }

                    /// The platform's error as returned.
                    pub fn api_error(&self) -> &#rt::ApiError {
                        match *self {}
                    }

                    /// The row of this code.
                    pub fn spec(&self) -> &'static #rt::ErrorSpec {
                        match *self {}
                    }
                }
            }
        });
        quote! {
            /// The platform-wide error table (通用错误码), sorted by code.
            pub const PLATFORM_ERRORS: &[#rt::PlatformErrorInfo] = &[#(#rows),*];

            /// The platform-wide table's entry for a code.
            pub fn platform_error(code: i64) -> ::core::option::Option<&'static #rt::PlatformErrorInfo> {
                PLATFORM_ERRORS
                    .binary_search_by_key(&code, |e| e.code)
                    .ok()
                    .map(|i| &PLATFORM_ERRORS[i])
            }

            #enum_items
        }
    }
}
