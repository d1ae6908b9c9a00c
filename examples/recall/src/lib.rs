//! Recalling messages, an endpoint and an event lark-sdk does not ship,
//! generated from `spec/` over the SDK's own spec.
//!
//! The macro reads the SDK's spec as a base: this spec's types may use its
//! types (`UserId`, `Emoji`…), its error enums get the platform-wide codes,
//! and its calls extend the SDK's, so that with [`prelude`] (and lark-sdk's) in scope
//! `client.im().v1().message().delete(request)` sits beside the SDK's
//! `client.im().v1().message_reaction()`.
//!
//! ```no_run
//! use lark_example_recall::im::v1::{DeleteMessageError, DeleteMessageRequest};
//! use lark_example_recall::prelude::*;
//! use lark_sdk::prelude::*;
//! use lark_sdk::client::Error;
//!
//! # async fn run(client: lark_sdk::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let request = DeleteMessageRequest::new("om_dc13264520392913993dd051dba21dcf");
//! match client.im().v1().message().delete(request).await {
//!     Ok(_) => println!("recalled"),
//!     Err(Error::Api(DeleteMessageError::NoRecallPermission(e))) => {
//!         println!("a bot recalls only its own messages ({:?})", e.log_id)
//!     }
//!     Err(other) => return Err(other.into()),
//! }
//!
//! let dispatcher = lark_sdk::event::Dispatcher::new().on_message_recalled_v1(|e| async move {
//!     println!("{:?} recalled by {:?}", e.event.message_id, e.event.recall_type);
//!     Ok(())
//! });
//! # Ok(())
//! # }
//! ```

lark_codegen_macro::generate!("../spec", base = env!("LARK_SDK_SPEC"));
