//! Types: named definitions, inline objects and enums hoisted into named types
//! (parent name + field name), and references between modules.

use std::collections::HashMap;

use super::{Checker, names};
use crate::decode::{Entries, Spanned};
use crate::diag::{Loc, did_you_mean, one_of};
use crate::model::{self, ModuleId, Ty, TypeDef, TypeId, TypeKind, Variant};
use crate::rustdoc;
use crate::spec::{self, Builtin, EnumValue, Repr, Schema, SpecFile};

impl Checker<'_> {
    /// Registers every named type of a file, so references resolve in any order.
    pub(super) fn declare_types(&mut self, module: ModuleId, file: &SpecFile) -> Vec<TypeId> {
        let mut ids = Vec::new();
        for (name, _) in file.types.iter() {
            let rust = if names::is_pascal(&name.value) {
                name.value.clone()
            } else {
                let fixed = names::pascal(&name.value);
                self.diags.error(
                    name.loc,
                    format!(
                        "type name `{}` is not a PascalCase Rust identifier (try `{fixed}`)",
                        name.value
                    ),
                );
                if names::is_pascal(&fixed) {
                    fixed
                } else {
                    format!("Type{}", self.model.types.len())
                }
            };
            let rust = self.reserve(module, &rust, name.loc, "a type");
            let id = self.new_type(module, rust, name.loc);
            self.named
                .entry((module, name.value.clone()))
                .or_insert((id, name.loc));
            ids.push(id);
        }
        ids
    }

    /// Fills in the named types of a file, declared before by [`Self::declare_types`].
    pub(super) fn define_types(&mut self, module: ModuleId, file: &SpecFile, ids: &[TypeId]) {
        for ((_, def), &id) in file.types.iter().zip(ids) {
            let schema = &def.0;
            let name = self.model.types[id.0].name.clone();
            if let Some(encoding) = &schema.encoding
                && schema.builtin() != Some(Builtin::Union)
            {
                self.diags.error(
                    encoding.loc,
                    "`encoding` on a named type goes with `type: union` (its content); a field takes it too",
                );
            }
            let kind = self.kind_of(module, schema, &name);
            let ty = &mut self.model.types[id.0];
            ty.kind = kind;
            ty.docs = rustdoc::described(schema.description.as_ref(), &name);
            self.note_stand_in(id, schema);
        }
    }

    /// A new type, registered in its module, with a stand-in kind.
    pub(super) fn new_type(&mut self, module: ModuleId, name: String, loc: Loc) -> TypeId {
        let id = TypeId(self.model.types.len());
        self.type_locs.push(loc);
        self.model.types.push(TypeDef {
            module,
            name,
            docs: Vec::new(),
            kind: TypeKind::Alias(Ty::Any),
            eq: true,
            external: self.external,
            form: false,
            travels: (true, true),
        });
        self.model.modules[module.0].types.push(id);
        id
    }

    /// The kind of a type defined by a schema: a struct, an enum, or an alias.
    fn kind_of(&mut self, module: ModuleId, schema: &Schema, name: &str) -> TypeKind {
        match schema.builtin() {
            Some(Builtin::Object) => {
                TypeKind::Object(self.fields(module, name, schema.fields.as_ref()))
            }
            Some(Builtin::Enum) => {
                let values = schema.values.as_deref().unwrap_or_default();
                let variants = self.variants(values);
                match schema.repr.as_ref().map(|r| r.value) {
                    Some(Repr::Integer) => {
                        for value in values {
                            if value.value.value.parse::<i64>().is_err() {
                                self.diags.error(
                                    value.value.loc,
                                    format!(
                                        "enum value `{}` is not a whole number, as `repr: integer` needs",
                                        value.value.value
                                    ),
                                );
                            }
                        }
                        TypeKind::IntEnum(variants)
                    }
                    _ => TypeKind::Enum(variants),
                }
            }
            Some(Builtin::Union) => TypeKind::Union(self.union(module, schema, name)),
            _ => TypeKind::Alias(self.resolve(module, schema, name)),
        }
    }

    /// The type a schema stands for. An inline object or enum becomes a named
    /// type called `hint` (or its `type_name`).
    pub(super) fn resolve(&mut self, module: ModuleId, schema: &Schema, hint: &str) -> Ty {
        let Some(builtin) = schema.builtin() else {
            return self.lookup(module, &schema.ty);
        };
        match builtin {
            Builtin::String => Ty::String,
            Builtin::Int32 => Ty::I32,
            Builtin::Int64 => Ty::I64,
            Builtin::Number => Ty::F64,
            Builtin::Boolean => Ty::Bool,
            Builtin::TimestampMs => Ty::TimestampMs,
            Builtin::Any => Ty::Any,
            Builtin::Union => {
                self.diags.error(
                    schema.ty.loc,
                    "a union is a named type: define it under `types:` and name it here",
                );
                Ty::Any
            }
            Builtin::Binary if self.files_allowed => Ty::File,
            Builtin::Binary => {
                self.diags.error(
                    schema.ty.loc,
                    "`type: binary` is a file: a field of an upload's body (with `content_type: multipart/form-data`), or an endpoint's `response` (a download)",
                );
                Ty::Any
            }
            Builtin::Object | Builtin::Enum => Ty::Named(self.hoist(module, schema, hint)),
            Builtin::Array | Builtin::Map => {
                let item = match &schema.items {
                    Some(items) => self.resolve(module, items, &format!("{hint}Item")),
                    None => Ty::Any,
                };
                if builtin == Builtin::Array {
                    Ty::Array(Box::new(item))
                } else {
                    Ty::Map(Box::new(item))
                }
            }
        }
    }

    /// Makes a named type of an inline object or enum.
    pub(super) fn hoist(&mut self, module: ModuleId, schema: &Schema, hint: &str) -> TypeId {
        let name = match &schema.type_name {
            Some(given) if names::is_pascal(&given.value) => given.value.clone(),
            Some(given) => {
                self.diags.error(
                    given.loc,
                    format!(
                        "type_name `{}` is not a PascalCase Rust identifier",
                        given.value
                    ),
                );
                hint.to_owned()
            }
            None => hint.to_owned(),
        };
        let what = format!("the inline {} at {}", schema.ty.value, self.at(schema.loc));
        let name = self.reserve(module, &name, schema.loc, &what);
        let id = self.new_type(module, name.clone(), schema.loc);
        let kind = self.kind_of(module, schema, &name);
        let ty = &mut self.model.types[id.0];
        ty.kind = kind;
        ty.docs = rustdoc::described(schema.description.as_ref(), &name);
        id
    }

    /// The fields of an object named `owner`.
    pub(super) fn fields(
        &mut self,
        module: ModuleId,
        owner: &str,
        entries: Option<&Entries<spec::Field>>,
    ) -> Vec<model::Field> {
        let mut out: Vec<model::Field> = Vec::new();
        let mut seen: HashMap<String, Loc> = HashMap::new();
        for (index, (json, field)) in entries.into_iter().flat_map(Entries::iter).enumerate() {
            let schema = &field.0;
            let ident = self.member_ident(json, schema.rust_name.as_ref(), index, "field");
            if let Some(first) = seen.get(&ident) {
                let first = self.at(*first);
                self.diags.error(
                    json.loc,
                    format!("field `{}` of `{owner}` has the Rust name `{ident}` of the field at {first}; give one a `rust_name`", json.value),
                );
                continue;
            }
            let required = schema.required.as_ref().is_some_and(|r| r.value);
            if ident == "new" && !required {
                self.diags.error(
                    json.loc,
                    format!("optional field `new` of `{owner}` would have a setter `new`, the name of the constructor; give it a `rust_name`"),
                );
                continue;
            }
            seen.insert(ident.clone(), json.loc);
            let ty = self.resolve(
                module,
                schema,
                &format!("{owner}{}", names::pascal(&json.value)),
            );
            let mut field_docs = rustdoc::described(schema.description.as_ref(), &json.value);
            if let Some(example) = &schema.example {
                push_para(
                    &mut field_docs,
                    format!("Example: {}", rustdoc::code(&example.value)),
                );
            }
            let scopes: Vec<String> = schema.scopes.iter().map(|s| s.value.clone()).collect();
            if !scopes.is_empty() {
                let list: Vec<String> = scopes.iter().map(|s| rustdoc::code(s)).collect();
                push_para(
                    &mut field_docs,
                    format!(
                        "Filled only when the app has one of the scopes {} (字段权限).",
                        list.join(", ")
                    ),
                );
            }
            let bounds = self.bounds(schema, &ty);
            out.push(model::Field {
                json: json.value.clone(),
                ident,
                ty,
                bounds,
                in_string: schema.encoding.is_some(),
                loc: json.loc,
                required,
                boxed: false,
                docs: field_docs,
                scopes,
            });
        }
        out
    }

    /// The Rust identifier of a field or parameter: `rust_name`, or the JSON name in snake_case.
    pub(super) fn member_ident(
        &mut self,
        json: &Spanned<String>,
        rust_name: Option<&Spanned<String>>,
        index: usize,
        what: &str,
    ) -> String {
        if let Some(given) = rust_name {
            if names::is_snake(&given.value) {
                return names::field_ident(&given.value);
            }
            self.diags.error(
                given.loc,
                format!(
                    "rust_name `{}` is not a snake_case Rust identifier",
                    given.value
                ),
            );
        } else if let Some(snake) = names::snake_for_json(&json.value) {
            return names::field_ident(&snake);
        } else {
            self.diags.error(
                json.loc,
                format!(
                    "{what} `{}` does not make a Rust identifier; give it a `rust_name`",
                    json.value
                ),
            );
        }
        format!("{what}_{index}")
    }

    /// The variants of an open enum.
    fn variants(&mut self, values: &[EnumValue]) -> Vec<Variant> {
        let mut out: Vec<Variant> = Vec::new();
        let mut seen: HashMap<String, Loc> = HashMap::new();
        let mut listed: HashMap<String, Loc> = HashMap::new();
        for (index, value) in values.iter().enumerate() {
            let wire = &value.value;
            if let Some(first) = listed.get(&wire.value) {
                let first = self.at(*first);
                self.diags.error(
                    wire.loc,
                    format!(
                        "enum value `{}` is listed twice (first at {first})",
                        wire.value
                    ),
                );
                continue;
            }
            let ident = match &value.name {
                Some(name) if names::is_pascal(&name.value) => name.value.clone(),
                Some(name) => {
                    self.diags.error(
                        name.loc,
                        format!(
                            "variant name `{}` is not a PascalCase Rust identifier",
                            name.value
                        ),
                    );
                    format!("Value{index}")
                }
                None => match names::pascal_for_value(&wire.value) {
                    Some(ident) => ident,
                    None => {
                        self.diags.error(
                            wire.loc,
                            format!(
                                "enum value `{}` does not make a Rust variant name; give it a `name` (`{{value: \"{}\", name: ...}}`)",
                                wire.value, wire.value
                            ),
                        );
                        format!("Value{index}")
                    }
                },
            };
            let loc = value.name.as_ref().map_or(wire.loc, |n| n.loc);
            if ident == "Unknown" {
                self.diags.error(
                    loc,
                    "variant name `Unknown` is kept for values the SDK does not know; give this value another `name`",
                );
                continue;
            }
            if let Some(first) = seen.get(&ident) {
                let first = self.at(*first);
                self.diags.error(
                    loc,
                    format!(
                        "variant name `{ident}` is used twice (first at {first}); give one a `name`"
                    ),
                );
                continue;
            }
            seen.insert(ident.clone(), loc);
            listed.insert(wire.value.clone(), loc);
            let mut variant_docs = vec![format!("`{}`", wire.value)];
            if let Some(text) = &value.description {
                variant_docs.push(String::new());
                variant_docs.extend(rustdoc::paragraphs(text));
            }
            out.push(Variant {
                value: wire.value.clone(),
                ident,
                docs: variant_docs,
            });
        }
        out
    }

    /// A reference to a named type: `Name` (this module, then `common`) or `im.v1.Name`.
    fn lookup(&mut self, module: ModuleId, name: &Spanned<String>) -> Ty {
        let text = name.value.as_str();
        if text.is_empty() || looks_builtin(text) {
            // Reported by `check_builtin_names`, wherever it is written.
            return Ty::Any;
        }
        let found = match text.rsplit_once('.') {
            Some((key, short)) => self
                .module_by_key(key)
                .and_then(|m| self.named.get(&(m, short.to_owned()))),
            None => self.named.get(&(module, text.to_owned())).or_else(|| {
                self.module_by_key("common")
                    .and_then(|m| self.named.get(&(m, text.to_owned())))
            }),
        };
        if let Some((id, _)) = found {
            return Ty::Named(*id);
        }
        self.unknown_type(module, name)
    }
}

impl Checker<'_> {
    /// Reports every `type` of a file that is spelled like a built-in type
    /// (lowercase, unqualified) but is none, nested type expressions
    /// included, whether or not the type expression is used.
    pub(super) fn check_builtin_names(&mut self, file: &SpecFile) {
        let mut stack: Vec<&Schema> = Vec::new();
        stack.extend(file.types.iter().map(|(_, def)| &def.0));
        for ep in &file.endpoints {
            stack.extend(ep.path_params.iter().map(|(_, p)| &p.0));
            stack.extend(ep.query.iter().map(|(_, p)| &p.0));
            stack.extend(ep.headers.iter().map(|(_, p)| &p.0));
            stack.extend(ep.body.iter().chain(&ep.response).map(|b| &b.0));
        }
        for ev in &file.events {
            stack.extend(ev.fields.iter().map(|(_, f)| &f.0));
            stack.extend(ev.answer.iter().map(|a| &a.0));
        }
        while let Some(schema) = stack.pop() {
            let ty = &schema.ty;
            if looks_builtin(&ty.value) && schema.builtin().is_none() {
                let hint = match did_you_mean(&ty.value, Builtin::names()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!(
                        "expected {}, or the PascalCase name of a type",
                        one_of(Builtin::names())
                    ),
                };
                self.diags
                    .error(ty.loc, format!("unknown type `{}` ({hint})", ty.value));
            }
            stack.extend(
                schema
                    .fields
                    .iter()
                    .flat_map(Entries::iter)
                    .map(|(_, f)| &f.0),
            );
            stack.extend(schema.items.as_deref());
        }
    }
}

/// Whether a type name is of the built-in kind: lowercase and unqualified
/// (a named type is PascalCase, qualified with its module or not).
fn looks_builtin(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase()) && !name.contains('.')
}

/// Adds a paragraph to doc lines.
pub(super) fn push_para(lines: &mut Vec<String>, para: String) {
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(para);
}
