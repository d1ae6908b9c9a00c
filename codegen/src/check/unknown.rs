//! Unknown type names: reported once, with what may help (a close name, an
//! inline type of that name, the base spec), and their stand-ins, whose uses
//! are not reported again.

use std::collections::{BTreeMap, HashMap};

use super::Checker;
use crate::decode::{Entries, Spanned};
use crate::diag::edit_distance;
use crate::model::{ModuleId, Ty, TypeId, TypeKind};
use crate::spec::{Builtin, Schema, SpecFile};

/// Candidate names compared in all for "did you mean" in one check: beyond
/// this, unknown names are reported without a suggestion, so that a spec
/// with many thousands of them is still checked in linear time.
const SUGGESTION_BUDGET: usize = 1 << 24;

/// The names of a module, to suggest one close to an unknown name.
#[derive(Default)]
pub(crate) struct Suggestions {
    /// Lowercased name, its [`letters`], and name, by length in characters.
    by_len: BTreeMap<usize, Vec<(String, u64, String)>>,
}

impl Suggestions {
    fn add(&mut self, name: &str) {
        let lower = name.to_lowercase();
        let set = letters(&lower);
        let len = lower.chars().count();
        self.by_len
            .entry(len)
            .or_default()
            .push((lower, set, name.to_owned()));
    }

    /// The closest name within `limit` edits of `lower` (a lowercased
    /// word), the first in name order among the closest; `work` counts the
    /// candidates looked at, up to [`SUGGESTION_BUDGET`].
    fn closest(&self, lower: &str, limit: usize, work: &mut usize) -> Option<(usize, String)> {
        let len = lower.chars().count();
        let set = letters(lower);
        let mut best: Option<(usize, &str)> = None;
        for names in self
            .by_len
            .range(len.saturating_sub(limit)..=len + limit)
            .map(|(_, n)| n)
        {
            for (candidate, candidate_set, name) in names {
                if *work >= SUGGESTION_BUDGET {
                    return None;
                }
                *work += 1;
                if (set ^ candidate_set).count_ones() as usize > 2 * limit {
                    continue;
                }
                let distance = edit_distance(lower, candidate);
                if distance <= limit && best.is_none_or(|b| (distance, name.as_str()) < b) {
                    best = Some((distance, name));
                }
            }
        }
        best.map(|(d, name)| (d, name.to_owned()))
    }
}

/// The letters and digits in a name, as a set of bits: names whose sets
/// differ by more than twice an edit distance cannot be that close.
fn letters(name: &str) -> u64 {
    name.bytes().fold(0, |set, b| {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + b - b'0',
            _ => 36 + b % 28,
        };
        set | 1 << bit
    })
}

impl Checker<'_> {
    /// Records every inline type's `type_name` of a file, so that a reference
    /// to one by name elsewhere can say where it is.
    pub(super) fn note_inline_names(&mut self, file: &SpecFile) {
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
        }
        while let Some(schema) = stack.pop() {
            if let Some(name) = &schema.type_name
                && matches!(schema.builtin(), Some(Builtin::Object | Builtin::Enum))
            {
                let loc = self
                    .inline_names
                    .entry(name.value.clone())
                    .or_insert(name.loc);
                *loc = (*loc).min(name.loc);
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

    /// Reports a type name that names no type, and returns its stand-in.
    pub(super) fn unknown_type(&mut self, module: ModuleId, name: &Spanned<String>) -> Ty {
        let text = name.value.as_str();
        let short = text.rsplit_once('.').map_or(text, |(_, short)| short);
        let message = if let Some(&inline) = self.inline_names.get(short) {
            format!(
                "unknown type `{text}`: `{short}` is the `type_name` of an inline type at {}, which only its own field can use; declare it under `types:` and refer to it by name from both places",
                self.at(inline)
            )
        } else if let Some(close) = self.suggest(module, text) {
            format!("unknown type `{text}` (did you mean `{close}`?)")
        } else if !self.has_base {
            format!(
                "unknown type `{text}` (not defined in this spec; if it is a type of the SDK's spec, check with that spec as the base: `lark-spec check DIR --base <its spec folder>`, or `base = \"…\"` in `generate!`)"
            )
        } else {
            format!("unknown type `{text}`")
        };
        self.diags.error(name.loc, message);
        Ty::Any
    }

    /// The visible name closest to `word` (a type of the module or of
    /// `common`, or a built-in type), if close enough to be a likely typo.
    fn suggest(&mut self, module: ModuleId, word: &str) -> Option<String> {
        if let Some(made) = self.suggestions_made.get(&(module, word.to_owned())) {
            return made.clone();
        }
        if self.suggestions.is_empty() {
            let mut by_module: HashMap<ModuleId, Suggestions> = HashMap::new();
            for (m, name) in self.named.keys() {
                by_module.entry(*m).or_default().add(name);
            }
            let builtins = by_module.entry(super::ROOT).or_default();
            for name in Builtin::names() {
                builtins.add(name);
            }
            self.suggestions = by_module;
        }
        let lower = word.to_lowercase();
        let limit = (lower.chars().count() / 3).clamp(1, 3);
        let mut best: Option<(usize, String)> = None;
        let common = self.module_by_key("common");
        let scopes = [
            Some(module),
            common.filter(|c| *c != module),
            Some(super::ROOT),
        ];
        for scope in scopes.into_iter().flatten() {
            if let Some(index) = self.suggestions.get(&scope) {
                let found = index.closest(&lower, limit, &mut self.suggestion_work);
                if let Some(found) = found
                    && best
                        .as_ref()
                        .is_none_or(|b| (found.0, &found.1) < (b.0, &b.1))
                {
                    best = Some(found);
                }
            }
        }
        let best = best.map(|(_, name)| name);
        self.suggestions_made
            .insert((module, word.to_owned()), best.clone());
        best
    }

    /// Whether a resolved type stands in for a mistake already reported:
    /// a type name that names nothing (or an empty `type`), or a named
    /// type that is such a stand-in, inside arrays and maps too.
    pub(super) fn stands_in(&self, schema: &Schema, ty: &Ty) -> bool {
        schema_stands_in(schema, ty) || self.ty_stands_in(ty)
    }

    fn ty_stands_in(&self, ty: &Ty) -> bool {
        match ty {
            Ty::Named(id) => {
                self.stand_ins.contains(id)
                    || matches!(&self.model.types[id.0].kind, TypeKind::Alias(inner) if self.ty_stands_in(inner))
            }
            Ty::Array(inner) | Ty::Map(inner) => self.ty_stands_in(inner),
            _ => false,
        }
    }

    /// Marks a type defined by a schema as a stand-in when it is an alias
    /// of a type name that names nothing.
    pub(super) fn note_stand_in(&mut self, id: TypeId, schema: &Schema) {
        if let TypeKind::Alias(ty) = &self.model.types[id.0].kind
            && schema_stands_in(schema, ty)
        {
            self.stand_ins.insert(id);
        }
    }
}

/// A type expression whose type could not be resolved (reported then):
/// its stand-in is free-form JSON though the spec did not say `any`.
fn schema_stands_in(schema: &Schema, ty: &Ty) -> bool {
    match ty {
        Ty::Any => schema.builtin() != Some(Builtin::Any),
        Ty::Array(inner) | Ty::Map(inner) => schema
            .items
            .as_deref()
            .is_some_and(|items| schema_stands_in(items, inner)),
        _ => false,
    }
}
