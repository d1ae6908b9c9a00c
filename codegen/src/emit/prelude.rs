//! `prelude`: every extension trait of the generated code, to glob-import.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::calls::Calls;
use super::{Emitter, ident};
use crate::check::names;
use crate::model::ModuleId;

impl Emitter<'_> {
    /// `prelude`: every extension trait generated, to glob-import.
    pub(super) fn prelude(&self) -> TokenStream {
        if self.options.calls != Calls::Trait {
            return TokenStream::new();
        }
        let mut traits = Vec::new();
        let client = self.client_gate();
        if !self.entry_services().is_empty() {
            let rt = &self.rt;
            traits.push(quote!(
                #client pub use super::ClientExt as _;
                pub use #rt::EndpointError as _;
            ));
        }
        if self
            .model
            .modules
            .iter()
            .enumerate()
            .any(|(i, m)| self.enabled(ModuleId(i)) && m.events.iter().any(|e| !e.external))
        {
            let events = self.events_gate();
            traits.push(quote!(
                #events pub use super::DispatcherExt as _;
            ));
        }
        if self.extending() {
            let mut services: Vec<&str> = Vec::new();
            for (i, m) in self.model.modules.iter().enumerate() {
                let id = ModuleId(i);
                let Some(version) = &m.version else { continue };
                let resources = self.local_resources(id);
                if resources.is_empty() {
                    continue;
                }
                let service = ident(&m.service);
                let v = ident(version);
                let gate = self.version_gate(id);
                if self.base_version(id) {
                    if resources.iter().any(|r| !self.base_resource(id, r)) {
                        traits.push(quote!(#gate pub use super::#service::#v::CallsExt as _;));
                    }
                } else if self.base_service(&m.service) && !services.contains(&m.service.as_str()) {
                    services.push(&m.service);
                    let gate = self.service_gate(&m.service);
                    traits.push(quote!(#gate pub use super::#service::CallsExt as _;));
                }
                for r in resources.iter().filter(|r| self.base_resource(id, r)) {
                    let ext = format_ident!("{}CallsExt", names::pascal(r));
                    traits.push(quote!(#gate pub use super::#service::#v::#ext as _;));
                }
            }
        }
        if traits.is_empty() {
            return TokenStream::new();
        }
        quote! {
            /// Every extension trait of this spec, for `use …::prelude::*;`.
            // Unused where the macro is invoked in a private module.
            #[allow(unused_imports)]
            pub mod prelude {
                #(#traits)*
            }
        }
    }
}
