//! The long connection: `POST /callback/ws/endpoint` hands out a one-time
//! WebSocket URL; the socket speaks pbbp2 frames (ping/pong with the client
//! config, events as data frames, replies acknowledging them).

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::api::Lenient;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use futures_util::{SinkExt, StreamExt};
use lark_runtime::event::frame::{Frame, METHOD_CONTROL, METHOD_DATA};
use rand::Rng;
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use crate::connections::{Ticket, WsCommand, WsConn};
use crate::world::AppKind;
use crate::{Shared, ids};

/// Endpoint codes.
const NO_CREDENTIAL: i64 = 1_000_040_344;
const EXCEED_CONN_LIMIT: i64 = 1_000_040_350;

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/callback/ws/endpoint", post(endpoint))
        .route("/ws/v2", get(connect))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EndpointBody {
    #[serde(rename = "AppID")]
    app_id: String,
    #[serde(rename = "AppSecret")]
    app_secret: String,
}

/// The client config sent with the endpoint and in every pong (seconds).
pub fn client_config(shared: &Shared) -> Value {
    json!({
        "ReconnectCount": -1,
        "ReconnectInterval": shared.config.reconnect_interval_secs,
        "ReconnectNonce": shared.config.reconnect_nonce_secs,
        "PingInterval": shared.config.ping_interval_secs,
    })
}

async fn endpoint(
    State(shared): State<Arc<Shared>>,
    Lenient(body): Lenient<EndpointBody>,
) -> Json<Value> {
    let app = shared.lock_world().apps.get(&body.app_id).cloned();
    let Some(app) = app.filter(|a| a.app_secret == body.app_secret) else {
        return Json(json!({"code": NO_CREDENTIAL, "msg": "app_id or app_secret is invalid"}));
    };
    if app.kind != AppKind::Custom {
        return Json(
            json!({"code": NO_CREDENTIAL, "msg": "only self-built apps may use the long connection"}),
        );
    }
    let live = shared
        .deliveries
        .ws
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&app.app_id)
        .map_or(0, Vec::len);
    if live >= shared.config.max_connections {
        return Json(json!({"code": EXCEED_CONN_LIMIT, "msg": "exceed connection limit"}));
    }
    let ticket = ids::event_id();
    let device_id = ids::event_id()[..16].to_owned();
    let service = rand::rng().random_range(1..i32::MAX);
    shared
        .tickets
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(
            ticket.clone(),
            Ticket {
                app_id: app.app_id.clone(),
                device_id: device_id.clone(),
                service,
                expires: Instant::now() + Duration::from_secs(300),
            },
        );
    let url = format!(
        "{}/ws/v2?fpid=493&aid={}&device_id={device_id}&access_key={}&service_id={service}&ticket={ticket}",
        shared.base_url().replacen("http", "ws", 1),
        app.app_id,
        ids::nonce(),
    );
    Json(
        json!({"code": 0, "msg": "ok", "data": {"URL": url, "ClientConfig": client_config(&shared)}}),
    )
}

#[derive(Deserialize)]
struct ConnectQuery {
    ticket: Option<String>,
}

fn refuse(status: u16, msg: &str, code: i64) -> Response {
    (
        StatusCode::from_u16(status).unwrap_or(StatusCode::FORBIDDEN),
        [
            ("handshake-status", status.to_string()),
            ("handshake-msg", msg.to_owned()),
            ("handshake-autherrcode", code.to_string()),
        ],
    )
        .into_response()
}

async fn connect(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<ConnectQuery>,
    upgrade: WebSocketUpgrade,
) -> Response {
    let ticket = query.ticket.and_then(|t| {
        shared
            .tickets
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&t)
    });
    let Some(ticket) = ticket.filter(|t| t.expires > Instant::now()) else {
        return refuse(514, "ticket is invalid or used", NO_CREDENTIAL);
    };
    upgrade.on_upgrade(move |socket| serve(shared, ticket, socket))
}

async fn serve(shared: Arc<Shared>, ticket: Ticket, socket: WebSocket) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn = WsConn {
        id: ticket.device_id.clone(),
        service: ticket.service,
        tx,
    };
    shared
        .deliveries
        .ws
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry(ticket.app_id.clone())
        .or_default()
        .push(conn);
    let (mut sink, mut stream) = socket.split();
    let mut silent = false;
    loop {
        tokio::select! {
            incoming = stream.next() => {
                let Some(Ok(message)) = incoming else { break };
                if silent {
                    continue;
                }
                let Message::Binary(bytes) = message else { continue };
                let Ok(frame) = Frame::from_bytes(&bytes) else { continue };
                match (frame.method, frame.kind()) {
                    (METHOD_CONTROL, "ping") => {
                        shared.deliveries.pings.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let config = client_config(&shared).to_string().into_bytes();
                        let pong = Frame::pong(ticket.service, Some(config));
                        if sink.send(Message::Binary(pong.to_bytes().into())).await.is_err() {
                            break;
                        }
                    }
                    (METHOD_DATA, _) => shared.acknowledge(&frame),
                    _ => {}
                }
            }
            command = rx.recv() => match command {
                Some(WsCommand::Send(frames)) if !silent => {
                    for frame in frames {
                        if sink.send(Message::Binary(frame.to_bytes().into())).await.is_err() {
                            break;
                        }
                    }
                }
                Some(WsCommand::Send(_)) => {}
                Some(WsCommand::Silence) => silent = true,
                Some(WsCommand::Drop) | None => break,
            },
        }
    }
    let mut ws = shared
        .deliveries
        .ws
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(conns) = ws.get_mut(&ticket.app_id) {
        conns.retain(|c| c.id != ticket.device_id);
    }
}
