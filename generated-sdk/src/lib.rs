//! Typed bindings of the Feishu / Lark Open Platform, generated at build time
//! from the YAML spec this package carries (`spec/`), over the runtime they
//! call ([lark-runtime], re-exported here: [`client`], [`event`]).
//!
//! Every endpoint has a request type with its facts (path, method, token
//! types, scopes, rate limit, link to its page), a response type and an
//! error enum made from the platform's error table for it; every event has
//! a body type and a handler method. `use lark_sdk::prelude::*` brings the
//! call and handler methods into scope.
//!
//! # A call and its typed error
//!
//! ```no_run
//! use lark_sdk::prelude::*;
//! use lark_sdk::Client;
//! use lark_sdk::client::Error;
//! use lark_sdk::im::v1::{DeleteMessageReactionError, DeleteMessageReactionRequest};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::builder("cli_a1b2c3d4e5f60708", "app secret").build()?;
//! let request = DeleteMessageReactionRequest::new("om_8964d1b4", "ZCaCIjUBVVWSrm5L");
//! match client.im().v1().message_reaction().delete(request).await {
//!     Ok(removed) => println!("removed {:?}", removed.reaction_type),
//!     // A row of this endpoint's error table: code 231007.
//!     Err(Error::Api(DeleteMessageReactionError::NotReactionOwner(e))) => {
//!         println!("not ours to delete (log id {:?})", e.log_id);
//!     }
//!     // Any other code, named or not, keeps its code, message and remedy.
//!     Err(Error::Api(other)) => println!("{}: {}", other.code(), other.message()),
//!     // No answer from the platform, no token, or a request refused
//!     // before it was sent.
//!     Err(other) => return Err(other.into()),
//! }
//! # Ok(()) }
//! ```
//!
//! The client fetches, caches and refreshes tokens (one fetch for any number
//! of concurrent callers), keeps to each endpoint's documented rate limit,
//! retries what cannot have changed anything, and pages with `list_all`, a
//! `futures::Stream` ([`client`] has the details).
//!
//! # Receiving events
//!
//! A [`Dispatcher`](event::Dispatcher) routes each event to its typed
//! handler, drops re-pushed copies and acknowledges once the handler has
//! succeeded. It is fed in one of two ways.
//!
//! Over the long connection, with no public address:
//!
//! ```no_run
//! use lark_sdk::prelude::*;
//! use lark_sdk::event::{Dispatcher, LongConnection};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(|e| async move {
//!     println!("{:?} removed from {:?}", e.event.reaction_type, e.event.message_id);
//!     Ok(())
//! });
//! let connection = LongConnection::builder("cli_a1b2c3d4e5f60708", "app secret", dispatcher).build()?;
//! connection.run(async { tokio::signal::ctrl_c().await.unwrap_or(()) }).await?;
//! # Ok(()) }
//! ```
//!
//! Or by webhook: [`Webhook::handle`](event::Webhook::handle) takes the raw
//! body and headers and fits any framework; with the `axum` feature,
//! [`event::axum::router`] is the whole server:
//!
//! ```no_run
//! use lark_sdk::prelude::*;
//! use lark_sdk::event::{Dispatcher, Webhook};
//!
//! # async fn run() -> std::io::Result<()> {
//! let dispatcher = Dispatcher::new().on_message_reaction_deleted_v1(|e| async move {
//!     println!("{:?}", e.event.reaction_type);
//!     Ok(())
//! });
//! let webhook = Webhook::builder(dispatcher)
//!     .verification_token("the app's Verification Token")
//!     .encrypt_key("the app's Encrypt Key")
//!     .build()
//!     .expect("a token and a key are set");
//! let app = lark_sdk::event::axum::router("/webhook/event", webhook);
//! axum::serve(tokio::net::TcpListener::bind("0.0.0.0:8080").await?, app).await
//! # }
//! ```
//!
//! A webhook refuses requests it cannot authenticate, all with one answer;
//! a handler that fails, panics or is cancelled has its event pushed again.
//!
//! Callbacks are events whose answer carries data: when a user clicks a
//! card's button (`card.action.trigger`), the handler returns the toast to
//! show and, if it likes, the card that replaces the clicked one. The
//! platform waits 3 seconds for it; the handler runs before anything is
//! answered, whatever the [`AckMode`](event::AckMode), and its answer goes
//! back as the webhook's JSON body or in the long connection's reply:
//!
//! ```
//! use lark_sdk::prelude::*;
//! use lark_sdk::card::v1::{CallbackToast, CardActionTriggerAnswer, ToastType};
//! use lark_sdk::event::Dispatcher;
//!
//! let dispatcher = Dispatcher::new().on_card_action_trigger(|e| async move {
//!     let tag = e.event.action.and_then(|a| a.tag).unwrap_or_default();
//!     Ok(CardActionTriggerAnswer::new().toast(
//!         CallbackToast::new().kind(ToastType::Success).content(format!("{tag} clicked")),
//!     ))
//! });
//! # drop(dispatcher);
//! ```
//!
//! # Features
//!
//! | feature | what |
//! |---|---|
//! | `client` (default) | the HTTP client and a call method per endpoint |
//! | `events` (default) | the dispatcher, the webhook and a handler method per event |
//! | `ws` (default) | the long connection |
//! | `axum` | the webhook as an axum router |
//! | `im` (default), `im-v1`, `contact`, `contact-v3`, … | a service of the spec, or one version of it: a service that is off is not generated at all |
//! | `all-services` | every service of the spec (about 1,600 endpoints: about two minutes and 5.2 GiB of compiling) |
//! | `card` (default), `card-v1` | the card callbacks (`card.action.trigger`) and their answers |
//!
//! # Testing a bot offline
//!
//! The lark-devserver crate is a local Open Platform: tokens, these
//! endpoints with the platform's rules and error rows, the long connection
//! and webhook pushes, and users to act as. Point the client at it:
//!
//! ```
//! use lark_devserver::{ChatKind, DevServer, Member};
//! use lark_sdk::prelude::*;
//! use lark_sdk::Client;
//! use lark_sdk::client::Error;
//! use lark_sdk::im::v1::{DeleteMessageReactionError, DeleteMessageReactionRequest};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let server = DevServer::start(Default::default()).await?;
//! let app = server.create_app(Default::default())?;
//! let ada = Member::User(server.create_user(&app.tenant_key, "Ada")?.open_id);
//! let chat = server.create_chat(&app.tenant_key, ChatKind::Group, vec![ada.clone(), Member::App(app.app_id.clone())])?;
//! let message = server.post_message(&chat.chat_id, ada.clone(), "Ship it?")?;
//! let reaction = server.add_reaction(&message.message_id, ada, "THUMBSUP")?;
//!
//! let client = Client::builder(app.app_id, app.app_secret).base_url(server.url()).build()?;
//! let request = DeleteMessageReactionRequest::new(message.message_id, reaction.reaction_id);
//! let answer = client.im().v1().message_reaction().delete(request).await;
//! assert!(matches!(answer, Err(Error::Api(DeleteMessageReactionError::NotReactionOwner(_)))));
//! # server.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! # Your own endpoints
//!
//! An endpoint or event this crate lacks is a YAML file in your crate:
//! `lark_codegen_macro::generate!("spec", base = env!("LARK_SDK_SPEC"))`
//! generates it over this crate's spec (its types, errors and call groups),
//! with the same checks and located errors; see `docs/spec-reference.md` in
//! the repository.
//!
//! [lark-runtime]: https://docs.rs/lark-runtime

extern crate self as lark_sdk;

#[cfg(feature = "client")]
#[doc(inline)]
pub use lark_runtime::client;
#[cfg(feature = "redis")]
#[doc(inline)]
pub use lark_runtime::redis;
#[cfg(any(feature = "client", feature = "events"))]
#[doc(inline)]
pub use lark_runtime::store;
#[doc(inline)]
pub use lark_runtime::{embedded, endpoint, error, event, time, upload};

#[doc(hidden)]
pub use lark_runtime::__private;

pub use lark_runtime::{
    ApiError, Endpoint, EndpointError, EndpointInfo, ErrorDetail, ErrorSpec, FieldScopes,
    FieldViolation, Form, HelpLink, HttpMethod, InvalidRequest, JsonString, NoData, Page,
    Paginated, PermissionViolation, PlatformErrorInfo, RateLimit, TimestampMs, TokenType,
    Unhandled, UnknownContent, UnknownNumber, UnknownValue, UploadFile,
};

#[cfg(feature = "client")]
pub use lark_runtime::{Client, RequestOptions};

lark_codegen_macro::generate!(
    "../spec",
    runtime_features = true,
    service_features = env!("LARK_SDK_FEATURES"),
    serde = "serde-both"
);

#[cfg(feature = "im-v1")]
pub mod content;

/// The README's examples, compiled and run as doc tests (they use every
/// feature; `cargo test --workspace` turns them all on).
#[cfg(all(
    doctest,
    feature = "ws",
    feature = "axum",
    feature = "redis",
    feature = "im"
))]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
