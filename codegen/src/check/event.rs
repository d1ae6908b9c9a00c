//! Events: type strings, body types and their docs.

use super::{Checker, names};
use crate::model::{self, ModuleId, Ty, TypeId, TypeKind};
use crate::rustdoc;
use crate::spec::{self, EnvelopeVersion, SpecFile};

impl Checker<'_> {
    /// Checks the events of a file.
    pub(super) fn events(&mut self, module: ModuleId, file: &SpecFile) {
        for ev in &file.events {
            if let Some(checked) = self.event(module, ev) {
                let events = &mut self.model.modules[module.0].events;
                self.scope_places
                    .insert((module.0, events.len(), true), ev.loc);
                events.push(checked);
            }
        }
    }

    /// The checked event; `None` for a second description of a type (reported).
    fn event(&mut self, module: ModuleId, ev: &spec::Event) -> Option<model::Event> {
        let ty = &ev.event_type;
        let valid = !ty.value.is_empty()
            && ty.value.split('.').all(|part| {
                !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
        if !valid {
            self.diags.error(
                ty.loc,
                format!(
                    "event type `{}` is not dotted words (`im.message.reaction.deleted_v1`)",
                    ty.value
                ),
            );
        }
        if let Some(first) = self.event_types.get(&ty.value).copied() {
            let first = self.at(first);
            self.diags.error(
                ty.loc,
                format!(
                    "event type `{}` is described twice (first at {first})",
                    ty.value
                ),
            );
            return None;
        }
        self.event_types.insert(ty.value.clone(), ty.loc);

        let service = self.model.modules[module.0].service.clone();
        let derived = names::pascal(
            ty.value
                .strip_prefix(&format!("{service}."))
                .unwrap_or(&ty.value),
        );
        let name = match &ev.name {
            Some(n) if names::is_pascal(&n.value) => n.value.clone(),
            Some(n) => {
                self.diags.error(
                    n.loc,
                    format!(
                        "event name `{}` is not a PascalCase Rust identifier",
                        n.value
                    ),
                );
                derived
            }
            None if names::is_pascal(&derived) => derived,
            None => {
                self.diags.error(
                    ty.loc,
                    format!(
                        "event type `{}` does not make a Rust type name; give it a `name`",
                        ty.value
                    ),
                );
                "Event".to_owned()
            }
        };
        let what = format!("the body of event `{}`", ty.value);
        let name = self.reserve(module, &name, ev.loc, &what);
        let body = self.new_type(module, name.clone(), ev.loc);
        let fields = self.fields(module, &name, Some(&ev.fields));
        self.model.types[body.0].kind = TypeKind::Object(fields);
        let answer = self.answer(module, ev, &name);

        // One spelling per event: the variant of `Event` is the body's name,
        // and the handler its snake case.
        let variant = self.reserve(
            super::ROOT,
            &name,
            ty.loc,
            &format!("the variant of event `{}`", ty.value),
        );
        let handler = self.reserve(
            super::ROOT,
            &format!("on_{}", names::snake(&name)),
            ty.loc,
            &format!("the handler method of event `{}`", ty.value),
        );
        let event = model::Event {
            event_type: ty.value.clone(),
            body,
            variant,
            handler,
            envelope: ev.schema.value,
            answer,
            scopes: ev.scopes.iter().map(|s| s.value.clone()).collect(),
            app_types: ev.app_types.iter().map(|a| a.value).collect(),
            doc_url: ev.doc_url.as_ref().map(|u| u.value.clone()),
            field_scopes: Vec::new(),
            external: self.external,
        };
        self.model.types[body.0].docs = event_docs(ev);
        Some(event)
    }
}

impl Checker<'_> {
    /// A callback's answer type: an object, of a 2.0 event.
    fn answer(&mut self, module: ModuleId, ev: &spec::Event, body: &str) -> Option<TypeId> {
        let schema = &ev.answer.as_ref()?.0;
        if ev.schema.value != EnvelopeVersion::V2 {
            self.diags.error(
                schema.loc,
                format!(
                    "`answer` makes event `{}` a callback, and callbacks come in schema 2.0 envelopes (this one says `schema: \"1.0\"`)",
                    ev.event_type.value
                ),
            );
        }
        match self.resolve(module, schema, &format!("{body}Answer")) {
            Ty::Named(id) if matches!(self.model.types[id.0].kind, TypeKind::Object(_)) => Some(id),
            ty if self.stands_in(schema, &ty) => None,
            _ => {
                self.diags.error(
                    schema.ty.loc,
                    "a callback's answer is an object (`type: object` with `fields`, or an object type's name)",
                );
                None
            }
        }
    }
}

/// The body type's docs: summary, description and rules. The event's facts
/// (type, envelope, scopes…) are added where it is emitted.
fn event_docs(ev: &spec::Event) -> Vec<String> {
    rustdoc::prose(
        &ev.summary,
        ev.description.as_ref(),
        [
            ("Prerequisites", &ev.prerequisites),
            ("Limits", &ev.limits),
            ("Notes", &ev.notes),
        ],
    )
}
