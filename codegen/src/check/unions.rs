//! Unions (`type: union`): the variants, and each place one is held (an
//! object's field named as its content, with no sibling named as its tag).

use std::collections::HashMap;

use super::{Checker, names};
use crate::diag::Loc;
use crate::model::{self, ModuleId, Ty, TypeKind, UnionVariant};
use crate::spec::Schema;

impl Checker<'_> {
    /// The union a schema defines, named `name`.
    pub(super) fn union(&mut self, module: ModuleId, schema: &Schema, name: &str) -> model::Union {
        let tag = schema
            .tag
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default();
        let content = schema
            .content
            .as_ref()
            .map(|c| c.value.clone())
            .unwrap_or_default();
        if let (Some(t), Some(c)) = (&schema.tag, &schema.content)
            && t.value == c.value
        {
            self.diags
                .error(c.loc, "a union's `content` and `tag` are two keys, not one");
        }
        let mut seen: HashMap<String, Loc> = HashMap::new();
        let mut variants = Vec::new();
        for (value, variant) in schema.variants.iter().flat_map(|v| v.iter()) {
            let ident = names::pascal(&value.value);
            if !names::is_pascal(&ident) || ident == "Unknown" {
                let why = if ident == "Unknown" {
                    "kept for tags the spec does not list"
                } else {
                    "not a PascalCase identifier"
                };
                self.diags.error(
                    value.loc,
                    format!(
                        "tag value `{}` would be the variant `{ident}`, {why}",
                        value.value
                    ),
                );
                continue;
            }
            if let Some(first) = seen.get(&ident) {
                let first = self.at(*first);
                self.diags.error(
                    value.loc,
                    format!(
                        "tag value `{}` gives the variant name `{ident}` of the value at {first}",
                        value.value
                    ),
                );
                continue;
            }
            seen.insert(ident.clone(), value.loc);
            let ty = self.resolve(module, &variant.0, &format!("{name}{ident}"));
            variants.push(UnionVariant {
                value: value.value.clone(),
                docs: crate::rustdoc::described(variant.0.description.as_ref(), &value.value),
                ident,
                ty,
            });
        }
        model::Union {
            tag,
            content,
            in_string: schema.encoding.is_some(),
            variants,
        }
    }

    /// Every field holding a union is named as its content, beside no field
    /// named as its tag, and is the union itself (not in an array or map).
    pub(super) fn union_uses(&mut self) {
        let mut problems: Vec<(Loc, String)> = Vec::new();
        let union_of = |ty: &Ty| match ty {
            Ty::Named(id) => match &self.model.types[id.0].kind {
                TypeKind::Union(u) => Some((self.model.types[id.0].name.clone(), u.clone())),
                _ => None,
            },
            _ => None,
        };
        for def in &self.model.types {
            let TypeKind::Object(fields) = &def.kind else {
                continue;
            };
            for field in fields {
                let (inner, collected) = match &field.ty {
                    Ty::Array(inner) | Ty::Map(inner) => (&**inner, true),
                    ty => (ty, false),
                };
                let Some((name, union)) = union_of(inner) else {
                    continue;
                };
                if collected {
                    problems.push((
                        field.loc,
                        format!(
                            "`{name}` is a union: an object's field holds it, not an array or map"
                        ),
                    ));
                } else if field.json != union.content {
                    problems.push((
                        field.loc,
                        format!(
                            "the field holding union `{name}` is named as its content, `{}`",
                            union.content
                        ),
                    ));
                } else if let Some(sibling) = fields.iter().find(|f| f.json == union.tag) {
                    problems.push((
                        sibling.loc,
                        format!(
                            "`{}` is the tag of union `{name}`, held in `{}`; the union carries it, so do not list it",
                            union.tag, union.content
                        ),
                    ));
                } else if field.in_string {
                    problems.push((
                        field.loc,
                        format!("`encoding` of a union's content goes on the union `{name}`"),
                    ));
                }
            }
        }
        for (loc, message) in problems {
            self.diags.error(loc, message);
        }
    }
}
