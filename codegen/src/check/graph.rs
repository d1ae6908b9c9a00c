//! Facts about the whole type graph, settled once every type is known:
//! which fields must be boxed, which types can derive `Eq`, and which fields
//! need a scope of their own.

use crate::model::{Model, Ty, TypeId, TypeKind};

/// Settles the graph facts of a checked model.
pub(super) fn finish(model: &mut Model) {
    box_cycles(model);
    derive_eq(model);
    field_scopes(model);
}

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
        TypeKind::Enum(_) | TypeKind::IntEnum(_) => Vec::new(),
    }
}

/// Strongly connected components (Tarjan's algorithm, iterative).
fn components(model: &Model) -> Vec<usize> {
    let n = model.types.len();
    let graph: Vec<Vec<TypeId>> = (0..n).map(|i| edges(model, TypeId(i))).collect();
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
    let component = components(model);
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

/// `Eq` holds for types with no floating-point number anywhere inside.
fn derive_eq(model: &mut Model) {
    fn has_float(model: &Model, ty: &Ty) -> bool {
        match ty {
            Ty::F64 => true,
            Ty::Named(id) => !model.types[id.0].eq,
            Ty::Array(inner) | Ty::Map(inner) => has_float(model, inner),
            _ => false,
        }
    }
    loop {
        let mut changed = false;
        for i in 0..model.types.len() {
            if !model.types[i].eq {
                continue;
            }
            let float = match &model.types[i].kind {
                TypeKind::Object(fields) => fields.iter().any(|f| has_float(model, &f.ty)),
                TypeKind::Alias(ty) => has_float(model, ty),
                TypeKind::Enum(_) | TypeKind::IntEnum(_) => false,
            };
            if float {
                model.types[i].eq = false;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Dotted paths of fields with scopes of their own, reachable from a type.
fn scopes_under(
    model: &Model,
    ty: &Ty,
    prefix: &str,
    seen: &mut Vec<TypeId>,
    out: &mut Vec<(String, Vec<String>)>,
) {
    match ty {
        Ty::Array(inner) | Ty::Map(inner) => scopes_under(model, inner, prefix, seen, out),
        Ty::Named(id) if !seen.contains(id) => {
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
                        scopes_under(model, &field.ty, &path, seen, out);
                    }
                }
                TypeKind::Alias(inner) => scopes_under(model, inner, prefix, seen, out),
                TypeKind::Enum(_) | TypeKind::IntEnum(_) => {}
            }
            seen.pop();
        }
        _ => {}
    }
}

fn field_scopes(model: &mut Model) {
    for m in 0..model.modules.len() {
        for e in 0..model.modules[m].endpoints.len() {
            let mut out = Vec::new();
            if let Some(ty) = model.modules[m].endpoints[e].response.clone() {
                scopes_under(model, &ty, "", &mut Vec::new(), &mut out);
            }
            model.modules[m].endpoints[e].field_scopes = out;
        }
        for e in 0..model.modules[m].events.len() {
            let mut out = Vec::new();
            let body = Ty::Named(model.modules[m].events[e].body);
            scopes_under(model, &body, "", &mut Vec::new(), &mut out);
            model.modules[m].events[e].field_scopes = out;
        }
    }
}
