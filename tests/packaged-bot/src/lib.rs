//! A bot on the packaged lark-sdk: the SDK's reaction event and calls, and an
//! endpoint and an event of its own spec (`spec/`, copied in from
//! examples/recall) generated over the packaged SDK's spec.

use lark_sdk::event::Dispatcher;
use lark_sdk::prelude::*;
use tokio::sync::mpsc;

lark_codegen_macro::generate!("../spec", base = env!("LARK_SDK_SPEC"));

/// Sends the message id of every reaction removed, and of every message
/// recalled, to `seen`.
pub fn dispatcher(seen: mpsc::UnboundedSender<String>) -> Dispatcher {
    let recalled = seen.clone();
    Dispatcher::new()
        .on_message_reaction_deleted_v1(move |e| {
            let seen = seen.clone();
            async move {
                let _ = seen.send(e.event.message_id.unwrap_or_default());
                Ok(())
            }
        })
        .on_message_recalled_v1(move |e| {
            let seen = recalled.clone();
            async move {
                let _ = seen.send(e.event.message_id.unwrap_or_default());
                Ok(())
            }
        })
}

/// Recalls a message through this crate's own endpoint.
pub async fn recall(client: &lark_sdk::Client, message_id: &str) -> bool {
    use crate::prelude::*;
    let request = im::v1::DeleteMessageRequest::new(message_id);
    client.im().v1().message().delete(request).await.is_ok()
}
