//! What the server knows of its receivers, apart from the world: the long
//! connections that are live and the tickets handed out for new ones, the
//! acknowledgements awaited, and the log of every delivery attempt. Plain
//! records, written by the long connection and the delivery, read by the
//! control API and tests.

use std::collections::HashMap;
use std::time::Instant;

use lark_runtime::event::frame::Frame;
use serde::Serialize;
use tokio::sync::{mpsc, oneshot};

/// A command to one long connection.
#[derive(Debug)]
pub enum WsCommand {
    /// Send these frames.
    Send(Vec<Frame>),
    /// Cut the connection without a close frame.
    Drop,
    /// Stop answering anything, keeping the TCP connection open (half-open).
    Silence,
}

/// A live long connection.
#[derive(Clone, Debug)]
pub struct WsConn {
    /// Connection id (`device_id`).
    pub id: String,
    /// The `service_id` of its URL, put in every frame.
    pub service: i32,
    /// Commands to it.
    pub tx: mpsc::UnboundedSender<WsCommand>,
}

/// One attempt to deliver an event, as tests read it from the log.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct DeliveryRecord {
    /// The event's id (the same on every re-push).
    pub event_id: String,
    /// Its type.
    pub event_type: String,
    /// The receiving app.
    pub app_id: String,
    /// `ws`, `webhook` or `none`.
    pub channel: String,
    /// 1 for the first push.
    pub attempt: u32,
    /// `acked`, `failed` (not acknowledged in time, or refused), or `no_receiver`.
    pub outcome: String,
    /// The receiver's answer: the `code` of the reply frame on a long
    /// connection (200 acknowledges), the HTTP status of a webhook; none
    /// when nothing came back in time.
    pub ack_code: Option<i64>,
    /// A callback's answer, as the receiver gave it: the JSON body of the
    /// webhook's answer, or the JSON in the base64 `data` of the reply
    /// frame. None for events, and when no answer came or it held no JSON.
    pub answer: Option<serde_json::Value>,
}

/// A reply frame's `code`, and the JSON of its `data` when it had one.
pub(crate) type Ack = (i64, Option<serde_json::Value>);

/// Live connections, acknowledgements awaited, and the delivery log.
#[derive(Debug, Default)]
pub struct Deliveries {
    pub(crate) ws: std::sync::Mutex<HashMap<String, Vec<WsConn>>>,
    pub(crate) acks: std::sync::Mutex<HashMap<String, oneshot::Sender<Ack>>>,
    pub(crate) log: std::sync::Mutex<Vec<DeliveryRecord>>,
    pub(crate) http: HttpClient,
    /// Pings received over every long connection.
    pub(crate) pings: std::sync::atomic::AtomicUsize,
}

/// The client pushing to webhooks: header names title-cased, as the
/// platform sends them (`X-Lark-Signature`), for receivers that look them up
/// case-sensitively.
#[derive(Debug)]
pub(crate) struct HttpClient(pub(crate) reqwest::Client);

impl Default for HttpClient {
    fn default() -> Self {
        Self(
            reqwest::Client::builder()
                .http1_title_case_headers()
                .build()
                .unwrap_or_default(),
        )
    }
}

/// A ticket for one connection.
#[derive(Clone, Debug)]
pub struct Ticket {
    pub(crate) app_id: String,
    pub(crate) device_id: String,
    pub(crate) service: i32,
    pub(crate) expires: Instant,
}

/// Tickets handed out and not used yet.
pub type Tickets = std::sync::Mutex<HashMap<String, Ticket>>;
