//! Endpoints: names, path template and parameters, body and response, paging.

use super::params::ParamKind;
use super::{Checker, names};
use crate::diag::did_you_mean;
use crate::model::{self, ModuleId, Param, Segment, Ty, TypeKind};
use crate::rustdoc;
use crate::spec::{self, ContentType, Method, Schema, SpecFile, TokenType};

impl Checker<'_> {
    /// Checks the endpoints of a file, whose resource is checked and its
    /// call groups named (`claim_calls`).
    pub(super) fn endpoints(&mut self, module: ModuleId, file: &SpecFile, resource: &str) {
        for ep in &file.endpoints {
            let checked = self.endpoint(module, resource, ep);
            let endpoints = &mut self.model.modules[module.0].endpoints;
            let loc = ep.response.as_ref().map_or(ep.loc, |r| r.0.loc);
            self.scope_places
                .insert((module.0, endpoints.len(), false), loc);
            endpoints.push(checked);
        }
        self.share_error_tables(module);
    }

    /// An endpoint whose table is the same as an earlier one's of the
    /// module (same rows, names, texts and platform codes) gets that one's
    /// enum, under its own name as an alias.
    fn share_error_tables(&mut self, module: ModuleId) {
        let endpoints = &mut self.model.modules[module.0].endpoints;
        for i in 1..endpoints.len() {
            if endpoints[i].errors_as.is_some() || endpoints[i].errors.iter().all(|e| e.platform) {
                continue;
            }
            let first = endpoints[..i].iter().find(|e| {
                e.errors_as.is_none()
                    && e.external == endpoints[i].external
                    && e.errors == endpoints[i].errors
            });
            endpoints[i].errors_as = first.map(|e| e.error_type.clone());
        }
    }

    fn endpoint(
        &mut self,
        module: ModuleId,
        resource: &str,
        ep: &spec::Endpoint,
    ) -> model::Endpoint {
        let name = self.endpoint_name(module, resource, ep);
        let stem = match &ep.id {
            Some(id) if names::is_pascal(&id.value) => id.value.clone(),
            Some(id) => {
                self.diags.error(
                    id.loc,
                    format!(
                        "endpoint id `{}` is not a PascalCase Rust identifier",
                        id.value
                    ),
                );
                names::pascal(&name) + &names::pascal(resource)
            }
            None => names::pascal(&name) + &names::pascal(resource),
        };
        let what = format!("the request of endpoint `{name}`");
        let request_type = self.reserve(module, &format!("{stem}Request"), ep.loc, &what);
        let what = format!("the error enum of endpoint `{name}`");
        let error_type = self.reserve(module, &format!("{stem}Error"), ep.loc, &what);

        let (segments, path_params) = self.path(module, ep, &stem);
        let query = self.params(module, &ep.query, &stem, ParamKind::Query);
        let headers = self.params(module, &ep.headers, &stem, ParamKind::Header);
        self.check_member_names(&path_params, &query, &headers, ep);

        let multipart = ep
            .content_type
            .as_ref()
            .is_some_and(|c| c.value == ContentType::Multipart);
        if let Some(given) = ep.content_type.as_ref().filter(|_| ep.body.is_none()) {
            self.diags.error(
                given.loc,
                "`content_type` is how the body is sent, and the endpoint has no `body`",
            );
        }
        let body = ep.body.as_ref().and_then(|b| {
            if ep.method.value == Method::Get {
                self.diags
                    .error(b.0.loc, "a GET endpoint has no request body");
            }
            let hint = format!("{stem}RequestBody");
            if multipart {
                self.form_body(module, &b.0, &hint)
            } else {
                self.body(module, &b.0, &hint)
            }
        });
        let download = ep
            .response
            .as_ref()
            .is_some_and(|r| r.0.builtin() == Some(spec::Builtin::Binary));
        let response = ep
            .response
            .as_ref()
            .filter(|_| !download)
            .map(|r| self.response(module, &r.0, &stem, &request_type));
        let tokens = self.tokens(ep);
        let (per_second, per_minute) = self.rate_limit(ep);
        let pagination = ep
            .pagination
            .as_ref()
            .and_then(|p| self.pagination(p, &query, response.as_ref()));
        let errors = self.error_variants(ep, &tokens);

        model::Endpoint {
            id: format!("{}.{resource}.{name}", self.model.modules[module.0].key()),
            resource: resource.to_owned(),
            name: names::field_ident(&name),
            request_type,
            error_type,
            method: ep.method.value,
            path: ep.path.value.clone(),
            segments,
            path_params,
            query,
            headers,
            body,
            multipart,
            response,
            download,
            tokens,
            scopes: ep.scopes.iter().map(|s| s.value.clone()).collect(),
            per_second,
            per_minute,
            app_types: ep.app_types.iter().map(|a| a.value).collect(),
            doc_url: ep.doc_url.as_ref().map(|u| u.value.clone()),
            docs: rustdoc::prose(
                &ep.summary,
                ep.description.as_ref(),
                [
                    ("Prerequisites", &ep.prerequisites),
                    ("Limits", &ep.limits),
                    ("Notes", &ep.notes),
                ],
            ),
            errors,
            errors_as: None,
            pagination,
            field_scopes: Vec::new(),
            external: self.external,
        }
    }

    /// Splits the path template and matches its `:params` with `path_params`.
    fn path(
        &mut self,
        module: ModuleId,
        ep: &spec::Endpoint,
        stem: &str,
    ) -> (Vec<Segment>, Vec<Param>) {
        let path = &ep.path;
        if !path.value.starts_with('/') {
            self.diags.error(
                path.loc,
                "path must start with `/` (`/open-apis/im/v1/...`)",
            );
        }
        if path.value.contains(['?', '#']) {
            self.diags.error(
                path.loc,
                "path must not hold a query or fragment; describe query parameters under `query`",
            );
        }
        let mut segments = Vec::new();
        let mut params: Vec<Param> = Vec::new();
        let mut literal = String::new();
        for (i, piece) in path.value.split('/').enumerate() {
            if i > 0 {
                literal.push('/');
            }
            if piece.starts_with('{') && piece.ends_with('}') {
                self.diags.error(
                    path.loc,
                    format!("write path parameters as `:name`, not `{piece}`"),
                );
            }
            let Some(param) = piece.strip_prefix(':') else {
                literal.push_str(piece);
                continue;
            };
            if !names::is_ident(param) {
                self.diags.error(
                    path.loc,
                    format!("path parameter `:{param}` is not a valid name (letters, digits, `_`)"),
                );
                literal.push_str(piece);
                continue;
            }
            if params.iter().any(|p| p.wire == param) {
                self.diags
                    .error(path.loc, format!("path parameter `:{param}` appears twice"));
                literal.push_str(piece);
                continue;
            }
            segments.push(Segment::Literal(std::mem::take(&mut literal)));
            segments.push(Segment::Param(params.len()));
            let declared = ep.path_params.iter().find(|(k, _)| k.value == param);
            let param = match declared {
                Some((key, def)) => {
                    self.param(module, key, &def.0, stem, ParamKind::Path, params.len())
                }
                None => {
                    let hint = match did_you_mean(
                        param,
                        ep.path_params.iter().map(|(k, _)| k.value.as_str()),
                    ) {
                        Some(close) => format!(" (`{close}` is; a typo?)"),
                        None => String::new(),
                    };
                    self.diags.error(
                        path.loc,
                        format!(
                            "path parameter `:{param}` is not described under `path_params`{hint}"
                        ),
                    );
                    Param {
                        wire: param.to_owned(),
                        ident: names::field_ident(&names::snake(param)),
                        ty: Ty::String,
                        required: true,
                        default: None,
                        docs: Vec::new(),
                        bounds: Default::default(),
                    }
                }
            };
            params.push(param);
        }
        if !literal.is_empty() {
            segments.push(Segment::Literal(literal));
        }
        segments.retain(|s| !matches!(s, Segment::Literal(l) if l.is_empty()));
        for (key, _) in ep.path_params.iter() {
            if !params.iter().any(|p| p.wire == key.value) {
                self.diags.error(
                    key.loc,
                    format!(
                        "path parameter `{}` does not appear in the path `{}`",
                        key.value, path.value
                    ),
                );
            }
        }
        (segments, params)
    }

    /// The response `data` type. It is always reachable as `{stem}Response`:
    /// an inline object gets that name, anything else an alias of it.
    fn response(&mut self, module: ModuleId, schema: &Schema, stem: &str, request: &str) -> Ty {
        let name = format!("{stem}Response");
        let ty = self.resolve(module, schema, &name);
        if let Ty::Named(id) = &ty
            && self.model.types[id.0].name == name
        {
            return ty;
        }
        let name = self.reserve(
            module,
            &name,
            schema.loc,
            "the response alias of an endpoint",
        );
        let alias = self.new_type(module, name, schema.loc);
        let def = &mut self.model.types[alias.0];
        def.kind = TypeKind::Alias(ty.clone());
        def.docs = vec![format!("The `data` of a [`{request}`] response.")];
        ty
    }

    /// The request body: an object type.
    fn body(&mut self, module: ModuleId, schema: &Schema, hint: &str) -> Option<model::TypeId> {
        match self.resolve(module, schema, hint) {
            Ty::Named(id) if matches!(self.model.types[id.0].kind, TypeKind::Object(_)) => Some(id),
            ty if self.stands_in(schema, &ty) => None,
            _ => {
                self.diags.error(
                    schema.ty.loc,
                    "a request body is an object (`type: object` with `fields`, or an object type's name)",
                );
                None
            }
        }
    }

    /// The body of an upload: an inline object whose fields are the form's
    /// parts, each text or a file (`type: binary`, allowed only here).
    fn form_body(
        &mut self,
        module: ModuleId,
        schema: &Schema,
        hint: &str,
    ) -> Option<model::TypeId> {
        if schema.builtin() != Some(spec::Builtin::Object) {
            self.diags.error(
                schema.ty.loc,
                "an upload's body is written inline (`type: object` with `fields`): its fields are the form's parts",
            );
            return None;
        }
        self.files_allowed = true;
        let id = self.body(module, schema, hint);
        self.files_allowed = false;
        let id = id?;
        self.model.types[id.0].form = true;
        let TypeKind::Object(fields) = &self.model.types[id.0].kind else {
            return Some(id);
        };
        let refused: Vec<String> = fields
            .iter()
            .filter(|f| !self.is_part(&f.ty) || f.in_string)
            .map(|f| f.json.clone())
            .collect();
        let written = schema
            .fields
            .as_ref()
            .map(|f| f.items.as_slice())
            .unwrap_or_default();
        for (key, field) in written.iter().filter(|(k, _)| refused.contains(&k.value)) {
            self.diags.error(
                field.0.ty.loc,
                format!(
                    "`{}`: a part of an upload's body is text (a string, number, boolean or enum) or a file (`type: binary`)",
                    key.value
                ),
            );
        }
        // Reported: the form goes on without them.
        if let TypeKind::Object(fields) = &mut self.model.types[id.0].kind {
            fields.retain(|f| !refused.contains(&f.json));
        }
        Some(id)
    }

    /// Whether a value can be a part of a form: text or a file.
    fn is_part(&self, ty: &Ty) -> bool {
        *ty == Ty::File || self.is_scalar(ty)
    }

    fn tokens(&mut self, ep: &spec::Endpoint) -> Vec<TokenType> {
        let mut out: Vec<TokenType> = Vec::new();
        for token in &ep.tokens.0 {
            if out.contains(&token.value) {
                self.diags.error(
                    token.loc,
                    format!("token type `{}` is listed twice", token.value.as_str()),
                );
            } else {
                out.push(token.value);
            }
        }
        if out.is_empty() {
            // Already reported while decoding; a tenant token stands in.
            out.push(TokenType::Tenant);
        }
        out
    }

    fn rate_limit(&mut self, ep: &spec::Endpoint) -> (Option<u32>, Option<u32>) {
        let Some(limit) = &ep.rate_limit else {
            return (None, None);
        };
        if limit.per_second.is_none() && limit.per_minute.is_none() {
            self.diags.error(
                limit.loc,
                "a rate limit gives `per_second`, `per_minute` or both",
            );
        }
        for value in [&limit.per_second, &limit.per_minute].into_iter().flatten() {
            if value.value == 0 {
                self.diags.error(value.loc, "a rate limit is at least 1");
            }
        }
        (
            limit.per_second.as_ref().map(|v| v.value),
            limit.per_minute.as_ref().map(|v| v.value),
        )
    }
}
