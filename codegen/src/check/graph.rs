//! Facts about the whole type graph, settled once every type is known:
//! aliases that contain themselves (reported), which fields must be boxed,
//! which types can derive `Eq`, and which fields need a scope of their own.

use std::collections::VecDeque;

use super::Checker;
use crate::model::{Model, Ty, TypeId, TypeKind};

impl Checker<'_> {
    /// Reports each cycle of aliases (`A` is `B`, `B` is `A`, or `A` a list
    /// of `A`), which no Rust type can be, once, at the member defined
    /// first; its members become stand-ins for free-form JSON.
    pub(super) fn alias_cycles(&mut self) {
        let types = &self.model.types;
        let graph: Vec<Vec<TypeId>> = types
            .iter()
            .map(|t| match &t.kind {
                TypeKind::Alias(ty) => {
                    let mut out = Vec::new();
                    named_in(ty, &mut out);
                    out.retain(|id| matches!(types[id.0].kind, TypeKind::Alias(_)));
                    out
                }
                _ => Vec::new(),
            })
            .collect();
        let component = components(&graph);
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, &c) in component.iter().enumerate() {
            if members.len() <= c {
                members.resize(c + 1, Vec::new());
            }
            members[c].push(i);
        }
        for group in members {
            let Some(&first) = group.iter().min_by_key(|&&i| self.type_locs[i]) else {
                continue;
            };
            let cyclic = group.len() > 1 || graph[first].contains(&TypeId(first));
            if !cyclic {
                continue;
            }
            let path = cycle_from(first, &graph, &component);
            let names: Vec<String> = path
                .iter()
                .map(|&i| format!("`{}`", self.model.types[i].name))
                .collect();
            let others: Vec<String> = path[1..path.len() - 1]
                .iter()
                .map(|&i| {
                    format!(
                        "`{}` at {}",
                        self.model.types[i].name,
                        self.at(self.type_locs[i])
                    )
                })
                .collect();
            let others = if others.is_empty() {
                String::new()
            } else {
                format!(" ({})", others.join(", "))
            };
            self.diags.error(
                self.type_locs[first],
                format!(
                    "alias cycle: {}{others}, each an alias of the next (or a list or map of it); a type alias cannot contain itself: make one of them an object",
                    names.join(" → ")
                ),
            );
            for &i in &group {
                self.model.types[i].kind = TypeKind::Alias(Ty::Any);
                self.stand_ins.insert(TypeId(i));
            }
        }
    }
}

/// The named types anywhere in a type (inside arrays and maps too).
pub(super) fn named_in(ty: &Ty, out: &mut Vec<TypeId>) {
    match ty {
        Ty::Named(id) => out.push(*id),
        Ty::Array(inner) | Ty::Map(inner) => named_in(inner, out),
        _ => {}
    }
}

/// A shortest way from `start` back to itself within its component:
/// `[start, …, start]`.
fn cycle_from(start: usize, graph: &[Vec<TypeId>], component: &[usize]) -> Vec<usize> {
    let mut parent = vec![usize::MAX; graph.len()];
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &TypeId(w) in &graph[v] {
            if component[w] != component[start] {
                continue;
            }
            if w == start {
                let mut path = vec![start];
                let mut at = v;
                while at != start {
                    path.push(at);
                    at = parent[at];
                }
                path[1..].reverse();
                path.push(start);
                return path;
            }
            if parent[w] == usize::MAX && w != start {
                parent[w] = v;
                queue.push_back(w);
            }
        }
    }
    vec![start, start]
}

/// Settles the graph facts of a checked model.
/// Returns the endpoints and events whose fields with scopes are too many
/// to list (see [`MAX_SCOPED_PATHS`]).
pub(super) fn finish(model: &mut Model) -> Vec<ScopedPlace> {
    box_cycles(model);
    derive_eq(model);
    field_scopes(model)
}

/// Dotted paths of fields with scopes listed at most for one endpoint or
/// event: types that reach one another through many fields would make
/// exponentially many.
pub(crate) const MAX_SCOPED_PATHS: usize = 1024;

/// An endpoint (`false`) or event (`true`) of a module, by index.
pub(super) type ScopedPlace = (usize, usize, bool);

/// Types a type holds directly (not behind a `Vec` or map, which already allocate).
fn direct(ty: &Ty) -> Option<TypeId> {
    match ty {
        Ty::Named(id) => Some(*id),
        _ => None,
    }
}

fn edges(model: &Model, id: TypeId) -> Vec<TypeId> {
    match &model.types[id.0].kind {
        TypeKind::Object(fields) => fields.iter().filter_map(|f| direct(&f.ty)).collect(),
        TypeKind::Alias(ty) => direct(ty).into_iter().collect(),
        TypeKind::Union(u) => u.variants.iter().filter_map(|v| direct(&v.ty)).collect(),
        TypeKind::Enum(_) | TypeKind::IntEnum(_) => Vec::new(),
    }
}

/// Strongly connected components of a graph of types (Tarjan's
/// algorithm, iterative): each type's component, numbered so that a
/// component comes after every component it reaches.
fn components(graph: &[Vec<TypeId>]) -> Vec<usize> {
    let n = graph.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut component = vec![usize::MAX; n];
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some(&(v, child)) = work.last() {
            if child == 0 && index[v] == usize::MAX {
                index[v] = next_index;
                low[v] = next_index;
                next_index += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&TypeId(w)) = graph[v].get(child) {
                if let Some(top) = work.last_mut() {
                    top.1 += 1;
                }
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = next_component;
                    if w == v {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

/// A field that leads back to its own type (directly or through others)
/// would make an infinitely large struct: it is boxed.
fn box_cycles(model: &mut Model) {
    let graph: Vec<Vec<TypeId>> = (0..model.types.len())
        .map(|i| edges(model, TypeId(i)))
        .collect();
    let component = components(&graph);
    for i in 0..model.types.len() {
        let TypeKind::Object(fields) = &mut model.types[i].kind else {
            continue;
        };
        for field in fields {
            if let Some(target) = direct(&field.ty) {
                field.boxed = component[target.0] == component[i];
            }
        }
    }
}

/// Every type a type holds, anywhere (inside arrays and maps too).
pub(super) fn all_edges(model: &Model) -> Vec<Vec<TypeId>> {
    model
        .types
        .iter()
        .map(|t| {
            let mut out = Vec::new();
            match &t.kind {
                TypeKind::Object(fields) => fields.iter().for_each(|f| named_in(&f.ty, &mut out)),
                TypeKind::Alias(ty) => named_in(ty, &mut out),
                TypeKind::Union(u) => u.variants.iter().for_each(|v| named_in(&v.ty, &mut out)),
                TypeKind::Enum(_) | TypeKind::IntEnum(_) => {}
            }
            out
        })
        .collect()
}

/// Whether each type has `own` or holds a type that has it (anywhere,
/// through any number of types): each component in turn, those it reaches
/// first, so that every edge is followed once.
fn reaching(graph: &[Vec<TypeId>], own: impl Fn(usize) -> bool) -> Vec<bool> {
    let component = components(graph);
    let count = component.iter().map(|c| c + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, &c) in component.iter().enumerate() {
        members[c].push(i);
    }
    let mut reaches = vec![false; graph.len()];
    for group in &members {
        let any = group.iter().any(|&i| {
            own(i)
                || graph[i]
                    .iter()
                    .any(|&TypeId(w)| component[w] != component[i] && reaches[w])
        });
        for &i in group {
            reaches[i] = any;
        }
    }
    reaches
}

/// `Eq` holds for types with no floating-point number anywhere inside.
fn derive_eq(model: &mut Model) {
    fn has_float(ty: &Ty) -> bool {
        match ty {
            Ty::F64 => true,
            Ty::Array(inner) | Ty::Map(inner) => has_float(inner),
            _ => false,
        }
    }
    let graph = all_edges(model);
    let floats = reaching(&graph, |i| {
        let def = &model.types[i];
        !def.eq
            || match &def.kind {
                TypeKind::Object(fields) => fields.iter().any(|f| has_float(&f.ty)),
                TypeKind::Alias(ty) => has_float(ty),
                TypeKind::Union(u) => u.variants.iter().any(|v| has_float(&v.ty)),
                TypeKind::Enum(_) | TypeKind::IntEnum(_) => false,
            }
    });
    for (def, float) in model.types.iter_mut().zip(floats) {
        def.eq = !float;
    }
}

/// Dotted paths of fields with scopes of their own, reachable from a type.
fn scopes_under(
    model: &Model,
    ty: &Ty,
    prefix: &str,
    seen: &mut Vec<TypeId>,
    out: &mut Vec<(String, Vec<String>)>,
    scoped: &[bool],
) {
    if out.len() > MAX_SCOPED_PATHS {
        return;
    }
    match ty {
        Ty::Array(inner) | Ty::Map(inner) => scopes_under(model, inner, prefix, seen, out, scoped),
        Ty::Named(id) if scoped[id.0] && !seen.contains(id) => {
            seen.push(*id);
            match &model.types[id.0].kind {
                TypeKind::Object(fields) => {
                    for field in fields {
                        let path = if prefix.is_empty() {
                            field.json.clone()
                        } else {
                            format!("{prefix}.{}", field.json)
                        };
                        if !field.scopes.is_empty() {
                            out.push((path.clone(), field.scopes.clone()));
                        }
                        scopes_under(model, &field.ty, &path, seen, out, scoped);
                    }
                }
                TypeKind::Alias(inner) => scopes_under(model, inner, prefix, seen, out, scoped),
                TypeKind::Union(u) => {
                    for v in &u.variants {
                        scopes_under(model, &v.ty, prefix, seen, out, scoped);
                    }
                }
                TypeKind::Enum(_) | TypeKind::IntEnum(_) => {}
            }
            seen.pop();
        }
        _ => {}
    }
}

/// Each endpoint's and event's fields with scopes, walking only into the
/// types that hold one.
fn field_scopes(model: &mut Model) -> Vec<ScopedPlace> {
    let mut over = Vec::new();
    let mut keep = |out: Vec<(String, Vec<String>)>, place: ScopedPlace| {
        if out.len() > MAX_SCOPED_PATHS {
            over.push(place);
            Vec::new()
        } else {
            out
        }
    };
    let graph = all_edges(model);
    let scoped = reaching(&graph, |i| match &model.types[i].kind {
        TypeKind::Object(fields) => fields.iter().any(|f| !f.scopes.is_empty()),
        _ => false,
    });
    for m in 0..model.modules.len() {
        for e in 0..model.modules[m].endpoints.len() {
            let mut out = Vec::new();
            if let Some(ty) = model.modules[m].endpoints[e].response.clone() {
                scopes_under(model, &ty, "", &mut Vec::new(), &mut out, &scoped);
            }
            model.modules[m].endpoints[e].field_scopes = keep(out, (m, e, false));
        }
        for e in 0..model.modules[m].events.len() {
            let mut out = Vec::new();
            let body = Ty::Named(model.modules[m].events[e].body);
            scopes_under(model, &body, "", &mut Vec::new(), &mut out, &scoped);
            model.modules[m].events[e].field_scopes = keep(out, (m, e, true));
        }
    }
    over
}
