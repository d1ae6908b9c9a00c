//! A bot on the packaged lark-sdk: the SDK's reaction event and calls, and an
//! endpoint and an event of its own spec (`spec/`, copied in from
//! examples/helpdesk) generated over the packaged SDK's spec.

use lark_sdk::event::Dispatcher;
use lark_sdk::prelude::*;
use tokio::sync::mpsc;

lark_codegen_macro::generate!("../spec", base = env!("LARK_SDK_SPEC"));

/// Sends the message id of every reaction removed, and of every help desk
/// ticket message, to `seen`.
pub fn dispatcher(seen: mpsc::UnboundedSender<String>) -> Dispatcher {
    let ticket = seen.clone();
    Dispatcher::new()
        .on_message_reaction_deleted_v1(move |e| {
            let seen = seen.clone();
            async move {
                let _ = seen.send(e.event.message_id.unwrap_or_default());
                Ok(())
            }
        })
        .on_ticket_message_created_v1(move |e| {
            let seen = ticket.clone();
            async move {
                let _ = seen.send(e.event.message_id.unwrap_or_default());
                Ok(())
            }
        })
}

/// Lists the help desk's categories through this crate's own call.
pub async fn categories(client: &lark_sdk::Client) -> bool {
    use crate::prelude::*;
    let request = helpdesk::v1::ListCategoryRequest::new();
    client.helpdesk().v1().category().list(request).await.is_ok()
}
