//! Listing a help desk's knowledge-base categories and receiving its
//! ticket messages: a call and an event lark-sdk does not ship, generated
//! from `spec/` over the SDK's own spec.
//!
//! The macro reads the SDK's spec as a base: this spec's types may use its
//! types (`UserId`, the help desk's `Categories` and `Ticket`), its error
//! enums get the platform-wide codes, and its calls extend the SDK's, so
//! that with [`prelude`] (and lark-sdk's) in scope
//! `client.helpdesk().v1().category().list(request)` sits beside the SDK's
//! `client.helpdesk().v1().category().get(request)`.
//!
//! ```no_run
//! use lark_example_helpdesk::helpdesk::v1::{ListCategoryError, ListCategoryRequest};
//! use lark_example_helpdesk::prelude::*;
//! use lark_sdk::prelude::*;
//! use lark_sdk::client::Error;
//!
//! # async fn run(client: lark_sdk::Client) -> Result<(), Box<dyn std::error::Error>> {
//! let request = ListCategoryRequest::new().lang("en_us");
//! match client.helpdesk().v1().category().list(request).await {
//!     Ok(listed) => println!("{} categories", listed.categories.unwrap_or_default().len()),
//!     Err(Error::Api(ListCategoryError::Unauthorized(e))) => {
//!         println!("not this app's help desk ({:?})", e.log_id)
//!     }
//!     Err(other) => return Err(other.into()),
//! }
//!
//! let dispatcher = lark_sdk::event::Dispatcher::new().on_ticket_message_created_v1(|e| async move {
//!     println!("{:?} in ticket chat {:?}", e.event.text, e.event.chat_id);
//!     Ok(())
//! });
//! # Ok(())
//! # }
//! ```

lark_codegen_macro::generate!("../spec", base = env!("LARK_SDK_SPEC"));
