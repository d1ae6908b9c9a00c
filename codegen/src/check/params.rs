//! Parameters of an endpoint: path parameters, query parameters and
//! headers, their types, defaults and Rust names.

use std::collections::{HashMap, HashSet};

use super::types::push_para;
use super::{Checker, names};
use crate::decode::{Entries, Spanned};
use crate::diag::{Loc, did_you_mean};
use crate::model::{ModuleId, Param, Ty, TypeKind};
use crate::rustdoc;
use crate::spec::{self, Schema};

impl Checker<'_> {
    pub(super) fn params<T: AsSchema>(
        &mut self,
        module: ModuleId,
        entries: &Entries<T>,
        stem: &str,
        kind: ParamKind,
    ) -> Vec<Param> {
        let mut out = Vec::new();
        for (index, (key, def)) in entries.iter().enumerate() {
            if kind == ParamKind::Header && key.value.eq_ignore_ascii_case("authorization") {
                self.diags.error(
                    key.loc,
                    "`Authorization` is set from the endpoint's `tokens`; do not list it as a header",
                );
                continue;
            }
            if kind == ParamKind::Header && key.value.eq_ignore_ascii_case("content-type") {
                self.diags.error(
                    key.loc,
                    "`Content-Type` is set from the body (`content_type: multipart/form-data` for an upload); do not list it as a header",
                );
                continue;
            }
            out.push(self.param(module, key, def.schema(), stem, kind, index));
        }
        out
    }

    pub(super) fn param(
        &mut self,
        module: ModuleId,
        key: &Spanned<String>,
        schema: &Schema,
        stem: &str,
        kind: ParamKind,
        index: usize,
    ) -> Param {
        let ident = self.member_ident(key, schema.rust_name.as_ref(), index, kind.what());
        let ty = self.resolve(
            module,
            schema,
            &format!("{stem}{}", names::pascal(&key.value)),
        );
        let scalar_ok = self.is_scalar(&ty);
        let ok = match (&ty, kind) {
            (Ty::Array(item), ParamKind::Query) => self.is_scalar(item),
            _ => scalar_ok,
        };
        if !ok && !self.stands_in(schema, &ty) {
            let allowed = if kind == ParamKind::Query {
                "a string, number, boolean, timestamp, enum, or an array of those"
            } else {
                "a string, number, boolean, timestamp or enum"
            };
            self.diags.error(
                schema.ty.loc,
                format!("a {} is {allowed}, not `{}`", kind.what(), schema.ty.value),
            );
        }
        let required = kind == ParamKind::Path || schema.required.as_ref().is_some_and(|r| r.value);
        if let Some(default) = &schema.default {
            if required {
                self.diags
                    .error(default.loc, "a required parameter has no default");
            }
            self.check_default(&ty, default);
        }
        let mut param_docs = rustdoc::described(schema.description.as_ref(), &key.value);
        if let Some(default) = &schema.default {
            push_para(
                &mut param_docs,
                format!("Default: {}", rustdoc::code(&default.value)),
            );
        }
        if let Some(example) = &schema.example {
            push_para(
                &mut param_docs,
                format!("Example: {}", rustdoc::code(&example.value)),
            );
        }
        let bounds = self.bounds(schema, &ty);
        Param {
            wire: key.value.clone(),
            ident,
            ty,
            bounds,
            required,
            default: schema.default.as_ref().map(|d| d.value.clone()),
            docs: param_docs,
        }
    }

    /// True for types a parameter can carry as text.
    pub(super) fn is_scalar(&self, ty: &Ty) -> bool {
        match ty {
            Ty::String | Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool | Ty::TimestampMs => true,
            Ty::File => false,
            Ty::Named(id) => match &self.model.types[id.0].kind {
                TypeKind::Enum(_) | TypeKind::IntEnum(_) => true,
                TypeKind::Alias(inner) => self.is_scalar(inner),
                TypeKind::Object(_) | TypeKind::Union(_) => false,
            },
            Ty::Any | Ty::Array(_) | Ty::Map(_) => false,
        }
    }

    /// A documented default must be a value of the parameter's type.
    fn check_default(&mut self, ty: &Ty, default: &Spanned<String>) {
        let text = default.value.as_str();
        let problem = match ty {
            Ty::I32 if text.parse::<i32>().is_err() => Some("a 32-bit integer".to_owned()),
            Ty::I64 | Ty::TimestampMs if text.parse::<i64>().is_err() => {
                Some("an integer".to_owned())
            }
            Ty::F64 if text.parse::<f64>().is_err() => Some("a number".to_owned()),
            Ty::Bool if !matches!(text, "true" | "false") => Some("`true` or `false`".to_owned()),
            Ty::Named(id) => match &self.model.types[id.0].kind {
                TypeKind::Enum(variants) | TypeKind::IntEnum(variants)
                    if !variants.iter().any(|v| v.value == text) =>
                {
                    let values: Vec<&str> = variants.iter().map(|v| v.value.as_str()).collect();
                    Some(match did_you_mean(text, values.iter().copied()) {
                        Some(close) => format!("one of its values (did you mean `{close}`?)"),
                        None => format!("one of its values: {}", crate::diag::one_of(values)),
                    })
                }
                TypeKind::Alias(inner) => {
                    let inner = inner.clone();
                    self.check_default(&inner, default);
                    None
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(expected) = problem {
            self.diags
                .error(default.loc, format!("default `{text}` is not {expected}"));
        }
    }

    /// Parameters become fields and setters of one request type: names must differ.
    pub(super) fn check_member_names(
        &mut self,
        path: &[Param],
        query: &[Param],
        headers: &[Param],
        ep: &spec::Endpoint,
    ) {
        let mut seen: HashSet<&str> = HashSet::from(["body", "new"]);
        let keys: HashMap<&str, Loc> = (ep.path_params.iter().map(|(k, _)| k))
            .chain(ep.query.iter().map(|(k, _)| k))
            .chain(ep.headers.iter().map(|(k, _)| k))
            .map(|k| (k.value.as_str(), k.loc))
            .collect();
        for param in path.iter().chain(query).chain(headers) {
            if !seen.insert(&param.ident) {
                // A path parameter not described is reported at the path.
                let loc = keys
                    .get(param.wire.as_str())
                    .copied()
                    .unwrap_or(ep.path.loc);
                self.diags.error(
                    loc,
                    format!(
                        "parameter `{}` has the Rust name `{}`, already used in this request; give it a `rust_name`",
                        param.wire, param.ident
                    ),
                );
            }
        }
    }
}

/// What kind of parameter is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ParamKind {
    Path,
    Query,
    Header,
}

impl ParamKind {
    fn what(self) -> &'static str {
        match self {
            ParamKind::Path => "path parameter",
            ParamKind::Query => "query parameter",
            ParamKind::Header => "header",
        }
    }
}

/// Parameter definitions of every role give their schema.
pub(super) trait AsSchema {
    fn schema(&self) -> &Schema;
}

impl AsSchema for spec::QueryParam {
    fn schema(&self) -> &Schema {
        &self.0
    }
}

impl AsSchema for spec::HeaderParam {
    fn schema(&self) -> &Schema {
        &self.0
    }
}
