//! Event bodies' `EventBody` impls, and the enum over every event of the spec.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, field_scopes, ident};
use crate::model::{Event, ModuleId};
use crate::rustdoc::code;
use crate::spec::EnvelopeVersion;

impl Emitter<'_> {
    pub(super) fn event_body(&self, ev: &Event) -> TokenStream {
        let rt = &self.rt;
        let body = ident(&self.model.types[ev.body.0].name);
        let event_type = &ev.event_type;
        let (schema, envelope) = match ev.envelope {
            EnvelopeVersion::V2 => (quote!(V2), quote!(EventEnvelope)),
            EnvelopeVersion::V1 => (quote!(V1), quote!(EventV1Envelope)),
        };
        let scopes = &ev.scopes;
        let field_scopes = field_scopes(&ev.field_scopes);
        let callback = ev.answer.map(|answer| {
            let module = self.model.types[ev.body.0].module;
            let answer = self.type_path(Some(module), answer);
            quote! {
                impl #rt::event::CallbackBody for #body {
                    type Answer = #answer;
                }
            }
        });
        quote! {
            impl #body {
                /// The event type, as in the envelope.
                pub const EVENT_TYPE: &'static str = #event_type;
            }

            impl #rt::event::EventBody for #body {
                const EVENT_TYPE: &'static str = #event_type;
                const SCHEMA: #rt::event::EventSchema = #rt::event::EventSchema::#schema;
                const SCOPES: &'static [&'static str] = &[#(#scopes),*];
                const FIELD_SCOPES: #rt::FieldScopes = #field_scopes;
                type Envelope = #rt::event::#envelope<Self>;
            }

            #callback
        }
    }

    /// `Event`: every event of the spec, and `Unknown` for the rest.
    pub(super) fn event_enum(&self) -> TokenStream {
        let rt = &self.rt;
        let events: Vec<(ModuleId, &Event)> = self
            .model
            .modules
            .iter()
            .enumerate()
            .flat_map(|(i, m)| m.events.iter().map(move |e| (ModuleId(i), e)))
            .filter(|(m, e)| !e.external && self.enabled(*m))
            .collect();
        let variants: Vec<_> = events.iter().map(|(_, e)| ident(&e.variant)).collect();
        let bodies: Vec<_> = events
            .iter()
            .map(|(_, e)| self.type_path(None, e.body))
            .collect();
        let envelopes = events
            .iter()
            .zip(&bodies)
            .map(|((_, e), body)| match e.envelope {
                EnvelopeVersion::V2 => quote!(#rt::event::EventEnvelope<#body>),
                EnvelopeVersion::V1 => quote!(#rt::event::EventV1Envelope<#body>),
            });
        let types: Vec<&str> = events.iter().map(|(_, e)| e.event_type.as_str()).collect();
        let gates: Vec<TokenStream> = events.iter().map(|(m, _)| self.version_gate(*m)).collect();
        let docs = events.iter().map(|(_, e)| {
            let summary = self.model.types[e.body.0]
                .docs
                .first()
                .cloned()
                .unwrap_or_default();
            format!(" `{}`: {summary}", e.event_type)
        });
        let unknown = quote!(Self::Unknown(#rt::event::RawEvent::new(envelope, json)?));
        let decode = if events.is_empty() {
            quote!(::core::result::Result::Ok(#unknown))
        } else {
            quote! {
                ::core::result::Result::Ok(match envelope.event_type() {
                    #(#gates #types => Self::#variants(::std::boxed::Box::new(envelope.decode::<#bodies>()?)),)*
                    _ => #unknown,
                })
            }
        };
        quote! {
            /// Every event of the spec, decoded by its type; any other type is
            /// kept whole in `Unknown`.
            #[derive(::core::clone::Clone, ::core::fmt::Debug)]
            #[non_exhaustive]
            pub enum Event {
                #(
                    #[doc = #docs]
                    #gates
                    #variants(::std::boxed::Box<#envelopes>),
                )*
                /// An event type the spec does not describe.
                Unknown(#rt::event::RawEvent),
            }

            impl Event {
                /// Every event type the spec describes (with per-service
                /// features: also those of services not compiled in).
                pub const TYPES: &'static [&'static str] = &[#(#types),*];

                /// Decodes a plaintext event (a decrypted webhook body or a
                /// long-connection payload), 2.0 or 1.0.
                // `inline`: compiled in the crate that decodes an `Event`,
                // not here, so that a crate using none does not compile a
                // decoder for every event of the spec.
                #[inline]
                pub fn from_slice(json: &[u8]) -> ::core::result::Result<Self, #rt::event::EventDecodeError> {
                    let envelope = #rt::event::EnvelopeRef::parse(json)?;
                    Self::from_envelope(&envelope, json)
                }

                /// Decodes an event whose envelope is already read.
                #[inline]
                pub fn from_envelope(
                    envelope: &#rt::event::EnvelopeRef<'_>,
                    json: &[u8],
                ) -> ::core::result::Result<Self, #rt::event::EventDecodeError> {
                    #decode
                }

                /// The event type.
                pub fn event_type(&self) -> &str {
                    match self {
                        #(#gates Self::#variants(_) => #types,)*
                        Self::Unknown(raw) => raw.event_type(),
                    }
                }
            }
        }
    }

    /// The dispatcher's `on_…` methods, one per event.
    pub(super) fn dispatcher_methods(&self) -> TokenStream {
        let rt = &self.rt;
        let events: Vec<(ModuleId, &Event)> = self
            .model
            .modules
            .iter()
            .enumerate()
            .flat_map(|(i, m)| m.events.iter().map(move |e| (ModuleId(i), e)))
            .filter(|(m, e)| !e.external && self.enabled(*m))
            .collect();
        if events.is_empty() || self.options.calls == super::calls::Calls::None {
            return TokenStream::new();
        }
        let method = |(module, ev): &(ModuleId, &Event), body_only: bool| {
            let gate = self.version_gate(*module);
            let name = ident(&ev.handler);
            let body = self.type_path(None, ev.body);
            let envelope = match ev.envelope {
                EnvelopeVersion::V2 => quote!(#rt::event::EventEnvelope<#body>),
                EnvelopeVersion::V1 => quote!(#rt::event::EventV1Envelope<#body>),
            };
            let (docs, output, register) = match ev.answer {
                None => (
                    vec![format!(" Handles `{}` events.", ev.event_type)],
                    quote!(#rt::event::HandlerResult),
                    quote!(on),
                ),
                Some(answer) => {
                    let answer = self.type_path(None, answer);
                    let docs = vec![
                        format!(
                            " Handles `{}` callbacks: the handler's answer goes back to the platform.",
                            ev.event_type
                        ),
                        String::new(),
                        " The platform waits 3 seconds for the answer, so the handler runs"
                            .to_owned(),
                        " before anything is answered, in every `AckMode`. A handler that fails"
                            .to_owned(),
                        " is answered as failed, and the user sees that the action failed."
                            .to_owned(),
                    ];
                    (
                        docs,
                        quote!(#rt::event::CallbackResult<#answer>),
                        quote!(on_callback),
                    )
                }
            };
            let signature = quote! {
                #(#[doc = #docs])*
                #gate
                fn #name<F, Fut>(self, handler: F) -> Self
                where
                    F: ::core::ops::Fn(#envelope) -> Fut + ::core::marker::Send + ::core::marker::Sync + 'static,
                    Fut: ::core::future::Future<Output = #output> + ::core::marker::Send + 'static
            };
            if body_only {
                quote!(#signature;)
            } else {
                quote! {
                    #signature
                    {
                        self.#register::<#body, F, Fut>(handler)
                    }
                }
            }
        };
        let gate = self.events_gate();
        let decls = events.iter().map(|ev| method(ev, true));
        let impls = events.iter().map(|ev| method(ev, false));
        quote! {
            /// Handler registration for this spec's events: `dispatcher.on_…(handler)`.
            #gate
            pub trait DispatcherExt: ::core::marker::Sized {
                #(#decls)*
            }

            #gate
            impl DispatcherExt for #rt::event::Dispatcher {
                #(#impls)*
            }
        }
    }
}

/// An event body's docs: the spec's prose, then the event's facts.
pub(super) fn body_docs(prose: &[String], ev: &Event, answer: Option<&str>) -> Vec<String> {
    let mut out = prose.to_vec();
    if !out.is_empty() {
        out.push(String::new());
    }
    out.push("# Event".to_owned());
    out.push(String::new());
    out.push(format!("- Event type: `{}`", ev.event_type));
    out.push(match ev.envelope {
        EnvelopeVersion::V2 => "- Envelope: schema 2.0, with `header`".to_owned(),
        EnvelopeVersion::V1 => "- Envelope: schema 1.0 (`uuid`, `token`, `type`)".to_owned(),
    });
    if let Some(answer) = answer {
        out.push(format!(
            "- Callback: the receiver answers with a [`{answer}`], within 3 seconds"
        ));
    }
    if !ev.scopes.is_empty() {
        let scopes: Vec<String> = ev.scopes.iter().map(|s| code(s)).collect();
        out.push(format!(
            "- Scopes to subscribe (any one): {}",
            scopes.join(", ")
        ));
    }
    if !ev.app_types.is_empty() {
        let apps: Vec<&str> = ev.app_types.iter().map(|a| a.as_str()).collect();
        out.push(format!("- App types: {}", apps.join(", ")));
    }
    if let Some(url) = &ev.doc_url {
        out.push(format!("- Documentation: <{url}>"));
    }
    out
}
