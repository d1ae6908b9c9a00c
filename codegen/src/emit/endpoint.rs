//! Request types, their `Endpoint` impls and error enums.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, doc_attrs, field_scopes, ident, opt_u32};
use crate::model::{Endpoint, ModuleId, Param, Segment, Ty, TypeId, TypeKind};
use crate::rustdoc::code;
use crate::spec::{Method, TokenType};

impl Emitter<'_> {
    pub(super) fn endpoint(&self, module: ModuleId, ep: &Endpoint) -> TokenStream {
        let request = self.request(module, ep);
        let endpoint_impl = self.endpoint_impl(module, ep);
        let paginated = self.paginated_impl(module, ep);
        let error = self.error_enum(module, ep);
        quote! {
            #request
            #endpoint_impl
            #paginated
            #error
        }
    }

    /// The type of a parameter as a request field.
    fn param_type(&self, module: ModuleId, p: &Param) -> TokenStream {
        let ty = self.ty(Some(module), &p.ty);
        match (&p.ty, p.required) {
            (Ty::Array(_), _) | (_, true) => ty,
            (_, false) => quote!(Option<#ty>),
        }
    }

    pub(super) fn body_has_required(&self, ep: &Endpoint) -> bool {
        ep.body
            .is_some_and(|id| match &self.model.types[id.0].kind {
                TypeKind::Object(fields) => fields.iter().any(|f| f.required),
                _ => false,
            })
    }

    fn request(&self, module: ModuleId, ep: &Endpoint) -> TokenStream {
        let name = ident(&ep.request_type);
        let docs = doc_attrs(&request_docs(ep));
        let params: Vec<&Param> = ep
            .path_params
            .iter()
            .chain(&ep.query)
            .chain(&ep.headers)
            .collect();

        let members = params.iter().map(|p| {
            let docs = doc_attrs(&p.docs);
            let field = ident(&p.ident);
            let ty = self.param_type(module, p);
            quote! {
                #docs
                pub #field: #ty,
            }
        });
        let body_ty = ep.body.map(|id| self.type_path(Some(module), id));
        let what = if ep.multipart {
            " The `multipart/form-data` body: its text parts and files."
        } else {
            " The JSON body."
        };
        let body_member = body_ty.as_ref().map(|ty| {
            quote! {
                #[doc = #what]
                pub body: #ty,
            }
        });

        // The constructor takes the required parameters, then the body when it
        // has required fields of its own.
        let mut args = Vec::new();
        let mut inits = Vec::new();
        for p in &params {
            let field = ident(&p.ident);
            let ty = self.ty(Some(module), &p.ty);
            if p.required {
                args.push(quote!(#field: impl Into<#ty>));
                inits.push(quote!(#field: #field.into()));
            } else if matches!(p.ty, Ty::Array(_)) {
                inits.push(quote!(#field: Vec::new()));
            } else {
                inits.push(quote!(#field: None));
            }
        }
        if let Some(ty) = &body_ty {
            if self.body_has_required(ep) {
                args.push(quote!(body: #ty));
                inits.push(quote!(body));
            } else {
                inits.push(quote!(body: <#ty as Default>::default()));
            }
        }
        let setters = params.iter().filter(|p| !p.required).map(|p| {
            let field = ident(&p.ident);
            let ty = self.ty(Some(module), &p.ty);
            let doc = format!(" Sets [`Self::{}`].", p.ident.trim_start_matches("r#"));
            let allow = super::setter_allow(&p.ident);
            let assign = match &p.ty {
                Ty::Array(_) => quote!(self.#field = value.into();),
                _ => quote!(self.#field = Some(value.into());),
            };
            quote! {
                #[doc = #doc]
                #allow
                pub fn #field(mut self, value: impl Into<#ty>) -> Self {
                    #assign
                    self
                }
            }
        });
        let body_setter = body_ty.as_ref().map(|ty| {
            quote! {
                /// Replaces the body.
                pub fn body(mut self, body: #ty) -> Self {
                    self.body = body;
                    self
                }
            }
        });
        let many = (args.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
        // A file is compared by nothing.
        let eq = (!ep.multipart).then(|| quote!(PartialEq));

        quote! {
            #docs
            #[derive(Clone, Debug, #eq)]
            #[non_exhaustive]
            pub struct #name {
                #(#members)*
                #body_member
            }

            impl #name {
                #[doc = " Creates the request from its required parameters; optional\n ones are set with the methods named after them."]
                #many
                pub fn new(#(#args),*) -> Self {
                    Self { #(#inits),* }
                }

                #(#setters)*
                #body_setter
            }
        }
    }

    /// How a parameter's value becomes text.
    fn param_text(&self, p: &Param) -> TokenStream {
        let field = ident(&p.ident);
        match &p.ty {
            Ty::String => quote!(self.#field.as_str()),
            Ty::Named(id) if matches!(self.model.types[id.0].kind, TypeKind::Enum(_)) => {
                quote!(self.#field.as_str())
            }
            _ => quote!(ToString::to_string(&self.#field).as_str()),
        }
    }

    fn endpoint_impl(&self, module: ModuleId, ep: &Endpoint) -> TokenStream {
        let rt = &self.rt;
        let name = ident(&ep.request_type);
        let error = ident(&ep.error_type);
        let response = match &ep.response {
            Some(ty) => self.ty(Some(module), ty),
            None => quote!(#rt::NoData),
        };
        let body_ty = match ep.body.filter(|_| !ep.multipart) {
            Some(id) => self.type_path(Some(module), id),
            None => quote!(#rt::NoData),
        };
        let id = &ep.id;
        let method = method_ident(ep.method);
        let path = &ep.path;
        let tokens = ep.tokens.iter().map(|t| {
            ident(match t {
                TokenType::Tenant => "Tenant",
                TokenType::User => "User",
                TokenType::App => "App",
            })
        });
        let scopes = &ep.scopes;
        let per_second = opt_u32(ep.per_second);
        let per_minute = opt_u32(ep.per_minute);
        let field_scopes = field_scopes(&ep.field_scopes);

        let pushes = ep.segments.iter().map(|s| match s {
            Segment::Literal(text) => quote!(path.push_str(#text);),
            Segment::Param(i) => {
                let p = &ep.path_params[*i];
                let wire = &p.wire;
                let text = self.param_text(p);
                quote!(#rt::__private::push_path_param(&mut path, Self::ID, #wire, #text)?;)
            }
        });
        let query = (!ep.query.is_empty()).then(|| {
            let body = self.pairs(&ep.query);
            quote! {
                fn query_pairs(&self) -> Vec<(&'static str, String)> {
                    #body
                }
            }
        });
        let headers = (!ep.headers.is_empty()).then(|| {
            let body = self.pairs(&ep.headers);
            quote! {
                fn header_pairs(&self) -> Vec<(&'static str, String)> {
                    #body
                }
            }
        });
        let body = match ep.body {
            Some(id) if ep.multipart => self.form_fn(id),
            Some(_) => quote! {
                fn request_body(&self) -> Option<&Self::Body> {
                    Some(&self.body)
                }
            },
            None => TokenStream::new(),
        };
        let validate = self.validate_fn(ep);

        quote! {
            impl #rt::Endpoint for #name {
                type Response = #response;
                type Error = #error;
                type Body = #body_ty;

                const ID: &'static str = #id;
                const METHOD: #rt::HttpMethod = #rt::HttpMethod::#method;
                const PATH: &'static str = #path;
                const TOKEN_TYPES: &'static [#rt::TokenType] = &[#(#rt::TokenType::#tokens),*];
                const SCOPES: &'static [&'static str] = &[#(#scopes),*];
                const RATE_LIMIT: #rt::RateLimit = #rt::RateLimit::new(#per_second, #per_minute);
                const FIELD_SCOPES: #rt::FieldScopes = #field_scopes;

                fn render_path(&self) -> Result<String, #rt::InvalidRequest> {
                    let mut path = String::with_capacity(Self::PATH.len() + 32);
                    #(#pushes)*
                    Ok(path)
                }

                #validate
                #query
                #headers
                #body
            }
        }
    }

    /// The `(name, text)` list of query parameters or headers: those always
    /// sent in a `vec![…]`, then those sent when set.
    fn pairs(&self, params: &[Param]) -> TokenStream {
        let text = |value: TokenStream| quote!(ToString::to_string(#value));
        let fixed = params
            .iter()
            .filter(|p| p.required && !matches!(p.ty, Ty::Array(_)))
            .map(|p| {
                let field = ident(&p.ident);
                let wire = &p.wire;
                let value = text(quote!(&self.#field));
                quote!((#wire, #value))
            });
        let pushes: Vec<TokenStream> = params
            .iter()
            .filter(|p| !p.required || matches!(p.ty, Ty::Array(_)))
            .map(|p| {
                let field = ident(&p.ident);
                let wire = &p.wire;
                let value = text(quote!(value));
                if matches!(p.ty, Ty::Array(_)) {
                    quote! {
                        for value in &self.#field {
                            pairs.push((#wire, #value));
                        }
                    }
                } else {
                    quote! {
                        if let Some(value) = &self.#field {
                            pairs.push((#wire, #value));
                        }
                    }
                }
            })
            .collect();
        if pushes.is_empty() {
            quote!(vec![#(#fixed),*])
        } else {
            quote! {
                let mut pairs = vec![#(#fixed),*];
                #(#pushes)*
                pairs
            }
        }
    }
}

impl Emitter<'_> {
    /// `fn form`: an upload's body as its parts, text and files, in spec order.
    fn form_fn(&self, body: TypeId) -> TokenStream {
        let rt = &self.rt;
        let TypeKind::Object(fields) = &self.model.types[body.0].kind else {
            return TokenStream::new();
        };
        let parts = fields.iter().map(|f| {
            let field = ident(&f.ident);
            let wire = &f.json;
            let add = match &f.ty {
                Ty::File => {
                    let max = f.bounds.bytes.map_or(quote!(None), |n| quote!(Some(#n)));
                    quote!(form.file(#wire, value.clone(), #max))
                }
                Ty::String => quote!(form.text(#wire, value.as_str())),
                Ty::Named(id) if matches!(self.model.types[id.0].kind, TypeKind::Enum(_)) => {
                    quote!(form.text(#wire, value.as_str()))
                }
                _ => quote!(form.text(#wire, ToString::to_string(value))),
            };
            if f.required {
                quote! {
                    let value = &self.body.#field;
                    #add;
                }
            } else {
                quote! {
                    if let Some(value) = &self.body.#field {
                        #add;
                    }
                }
            }
        });
        quote! {
            fn form(&self) -> Option<#rt::Form> {
                let mut form = #rt::Form::new();
                #(#parts)*
                Some(form)
            }
        }
    }
}

/// The `HttpMethod` variant of a method.
pub(super) fn method_ident(method: Method) -> proc_macro2::Ident {
    ident(match method {
        Method::Get => "Get",
        Method::Post => "Post",
        Method::Put => "Put",
        Method::Patch => "Patch",
        Method::Delete => "Delete",
    })
}

impl Emitter<'_> {
    /// `impl Paginated` for a paged list (the checker saw to its fields).
    fn paginated_impl(&self, module: ModuleId, ep: &Endpoint) -> TokenStream {
        let rt = &self.rt;
        let Some(pagination) = &ep.pagination else {
            return TokenStream::new();
        };
        let Some(token_param) = ep.query.iter().find(|q| q.wire == "page_token") else {
            return TokenStream::new();
        };
        let Some(Ty::Named(response)) = &ep.response else {
            return TokenStream::new();
        };
        let TypeKind::Object(fields) = &self.model.types[response.0].kind else {
            return TokenStream::new();
        };
        let field = |pick: &dyn Fn(&crate::model::Field) -> bool| fields.iter().find(|f| pick(f));
        let (Some(items), Some(has_more), Some(page_token)) = (
            field(&|f| f.ident == pagination.items_field),
            field(&|f| f.json == "has_more"),
            field(&|f| f.json == "page_token"),
        ) else {
            return TokenStream::new();
        };
        let request = ident(&ep.request_type);
        let item = self.ty(Some(module), &pagination.item);
        let token = ident(&token_param.ident);
        let set = if token_param.required {
            quote!(self.#token = token.unwrap_or_default();)
        } else {
            quote!(self.#token = token;)
        };
        let (items_ident, more_ident, next_ident) = (
            ident(&items.ident),
            ident(&has_more.ident),
            ident(&page_token.ident),
        );
        let items_expr = if items.required {
            quote!(response.#items_ident)
        } else {
            quote!(response.#items_ident.unwrap_or_default())
        };
        let more_expr = if has_more.required {
            quote!(response.#more_ident)
        } else {
            quote!(response.#more_ident.unwrap_or(false))
        };
        let next_expr = if page_token.required {
            quote!(Some(response.#next_ident))
        } else {
            quote!(response.#next_ident)
        };
        quote! {
            impl #rt::Paginated for #request {
                type Item = #item;

                fn set_page_token(&mut self, token: Option<String>) {
                    #set
                }

                fn page(response: Self::Response) -> #rt::Page<Self::Item> {
                    #rt::Page::new(#items_expr, #more_expr, #next_expr)
                }
            }
        }
    }
}

/// The request type's docs: the spec's prose, then the call's facts.
fn request_docs(ep: &Endpoint) -> Vec<String> {
    let mut out = ep.docs.clone();
    out.push(String::new());
    out.push("# Endpoint".to_owned());
    out.push(String::new());
    out.push(format!("- `{} {}`", ep.method.as_str(), ep.path));
    let tokens: Vec<String> = ep
        .tokens
        .iter()
        .map(|t| format!("`{}_access_token`", t.as_str()))
        .collect();
    out.push(format!(
        "- Access tokens: {} (the first is the default)",
        tokens.join(", ")
    ));
    if !ep.scopes.is_empty() {
        let scopes: Vec<String> = ep.scopes.iter().map(|s| code(s)).collect();
        out.push(format!("- Scopes (any one): {}", scopes.join(", ")));
    }
    let mut limits = Vec::new();
    if let Some(n) = ep.per_second {
        limits.push(format!("{n}/second"));
    }
    if let Some(n) = ep.per_minute {
        limits.push(format!("{n}/minute"));
    }
    if !limits.is_empty() {
        out.push(format!("- Rate limit: {}", limits.join(", ")));
    }
    if !ep.app_types.is_empty() {
        let apps: Vec<&str> = ep.app_types.iter().map(|a| a.as_str()).collect();
        out.push(format!("- App types: {}", apps.join(", ")));
    }
    out.push(format!("- Errors: [`{}`]", ep.error_type));
    if let Some(url) = &ep.doc_url {
        out.push(format!("- Documentation: <{url}>"));
    }
    out
}
