//! Which way each type travels as JSON: sent (request bodies, callbacks'
//! answers), received (responses, events), both; a type that does neither
//! (defined, used by nothing) counts as both. With `serde = directed` a type
//! derives only the serde traits of its ways.

use super::graph::{all_edges, named_in};
use crate::model::{Model, TypeId};

pub(super) fn directions(model: &mut Model) {
    let graph = all_edges(model);
    let mut sent_roots = Vec::new();
    let mut received_roots = Vec::new();
    for module in &model.modules {
        for ep in &module.endpoints {
            if let Some(body) = ep.body {
                sent_roots.push(body);
            }
            if let Some(response) = &ep.response {
                named_in(response, &mut received_roots);
            }
        }
        for ev in &module.events {
            received_roots.push(ev.body);
            if let Some(answer) = ev.answer {
                sent_roots.push(answer);
            }
        }
    }
    let sent = reached(&graph, sent_roots);
    let received = reached(&graph, received_roots);
    for (i, def) in model.types.iter_mut().enumerate() {
        def.travels = match (sent[i], received[i]) {
            (false, false) => (true, true),
            ways => ways,
        };
    }
}

/// The types the roots hold, anywhere, the roots included.
fn reached(graph: &[Vec<TypeId>], roots: Vec<TypeId>) -> Vec<bool> {
    let mut seen = vec![false; graph.len()];
    let mut work = roots;
    while let Some(TypeId(i)) = work.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        work.extend(graph[i].iter().copied().filter(|w| !seen[w.0]));
    }
    seen
}
