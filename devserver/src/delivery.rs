//! Event delivery: to one of an app's long connections, else to its verified
//! webhook; re-pushed when not acknowledged in time, as the platform does.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use lark_runtime::event::crypto::EncryptKey;
use lark_runtime::event::frame::{Frame, Header, METHOD_DATA, headers};
use rand::Rng;
use serde_json::json;
use tokio::sync::oneshot;

use crate::world::ControlError;
use crate::{Shared, ids};

use crate::connections::Ack;
pub use crate::connections::{DeliveryRecord, WsCommand, WsConn};

/// An event on its way to one app.
#[derive(Clone, Debug)]
pub struct Outgoing {
    /// The receiving app.
    pub app_id: String,
    /// Event id.
    pub event_id: String,
    /// Event type.
    pub event_type: String,
    /// The plaintext envelope.
    pub json: Vec<u8>,
    /// A callback, whose receiver's answer is kept (and which is pushed
    /// once: the user who acted sees its failure, nothing is re-pushed).
    pub callback: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Acked,
    Failed,
    NoReceiver,
}

/// One push: where it went, what came of it, and the receiver's answer.
#[derive(Clone, Debug)]
struct Pushed {
    channel: &'static str,
    outcome: Outcome,
    ack_code: Option<i64>,
    answer: Option<serde_json::Value>,
}

impl Pushed {
    /// A push to `channel` answered with `ack_code` (none: no answer in time).
    fn answered(
        channel: &'static str,
        ack_code: Option<i64>,
        acked: bool,
        answer: Option<serde_json::Value>,
    ) -> Self {
        Self {
            channel,
            outcome: if acked {
                Outcome::Acked
            } else {
                Outcome::Failed
            },
            ack_code,
            answer,
        }
    }
}

impl Shared {
    /// Registers an app's webhook after its url_verification challenge: the
    /// app must exist and the URL be `http://` or `https://`.
    pub async fn set_webhook(&self, app_id: &str, url: &str) -> Result<(), ControlError> {
        if !self.lock_world().apps.contains_key(app_id) {
            return Err(ControlError::not_found("app_id", "app", app_id));
        }
        let web = reqwest::Url::parse(url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.has_host());
        if web.is_none() {
            return Err(ControlError::invalid(
                Some("url"),
                format!("`{url}` is not an http:// or https:// URL"),
            ));
        }
        self.verify_webhook(app_id, url)
            .await
            .map_err(|e| ControlError::invalid(Some("url"), e))
    }

    /// Delivers an event in the background, re-pushing until acknowledged.
    pub fn deliver(self: &Arc<Self>, event: Outgoing) {
        let shared = Arc::clone(self);
        tokio::spawn(async move { shared.deliver_until_acked(event).await });
    }

    async fn deliver_until_acked(self: Arc<Self>, event: Outgoing) {
        let duplicate = self.lock_faults().duplicate_deliveries;
        let delays = self.config.repush_delays.clone();
        for attempt in 0..=delays.len() {
            let pushed = self.push_once(&event).await;
            let acked = pushed.outcome == Outcome::Acked;
            self.record(&event, attempt as u32 + 1, pushed);
            if acked {
                if duplicate {
                    let pushed = self.push_once(&event).await;
                    self.record(&event, attempt as u32 + 2, pushed);
                }
                return;
            }
            if let Some(delay) = delays.get(attempt) {
                tokio::time::sleep(*delay).await;
            }
        }
    }

    /// Pushes a callback once and waits for its answer: the record of the
    /// push, with the answer the receiver gave.
    pub(crate) async fn deliver_callback(&self, event: Outgoing) -> DeliveryRecord {
        let pushed = self.push_once(&event).await;
        self.record(&event, 1, pushed)
    }

    fn record(&self, event: &Outgoing, attempt: u32, pushed: Pushed) -> DeliveryRecord {
        let outcome = match pushed.outcome {
            Outcome::Acked => "acked",
            Outcome::Failed => "failed",
            Outcome::NoReceiver => "no_receiver",
        };
        let record = DeliveryRecord {
            event_id: event.event_id.clone(),
            event_type: event.event_type.clone(),
            app_id: event.app_id.clone(),
            channel: pushed.channel.to_owned(),
            attempt,
            outcome: outcome.to_owned(),
            ack_code: pushed.ack_code,
            answer: pushed.answer,
        };
        self.deliveries
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(record.clone());
        record
    }

    async fn push_once(&self, event: &Outgoing) -> Pushed {
        let conn = {
            let ws = self.deliveries.ws.lock().unwrap_or_else(|e| e.into_inner());
            ws.get(&event.app_id).and_then(|conns| {
                (!conns.is_empty()).then(|| conns[rand::rng().random_range(0..conns.len())].clone())
            })
        };
        if let Some(conn) = conn {
            let ack = self.push_ws(&conn, event).await;
            let code = ack.as_ref().map(|(code, _)| *code);
            let answer = ack
                .and_then(|(_, answer)| answer)
                .filter(|_| event.callback);
            return Pushed::answered("ws", code, code == Some(200), answer);
        }
        let webhook = self.lock_world().apps.get(&event.app_id).and_then(|app| {
            app.webhook_url
                .clone()
                .map(|url| (url, app.encrypt_key.clone()))
        });
        match webhook {
            Some((url, key)) => {
                let answered = self.push_webhook(&url, key.as_deref(), &event.json).await;
                let status = answered.as_ref().map(|(status, _)| *status);
                let ok = status.is_some_and(|s| (200..300).contains(&s));
                let answer = answered
                    .and_then(|(_, body)| serde_json::from_slice(&body).ok())
                    .filter(|_| event.callback && ok);
                Pushed::answered("webhook", status, ok, answer)
            }
            None => Pushed {
                channel: "none",
                outcome: Outcome::NoReceiver,
                ack_code: None,
                answer: None,
            },
        }
    }

    /// Sends the event's frames; the `code` of the reply and its `data`,
    /// none when none came in time.
    async fn push_ws(&self, conn: &WsConn, event: &Outgoing) -> Option<Ack> {
        let message_id = ids::event_id();
        let (size, reorder) = {
            let faults = self.lock_faults();
            (faults.fragment_size, faults.reorder_fragments)
        };
        let chunks: Vec<&[u8]> = if size == 0 || event.json.len() <= size {
            vec![&event.json[..]]
        } else {
            event.json.chunks(size).collect()
        };
        let trace = ids::event_id();
        let mut frames: Vec<Frame> = chunks
            .iter()
            .enumerate()
            .map(|(seq, chunk)| Frame {
                seq_id: seq as u64,
                log_id: 0,
                service: conn.service,
                method: METHOD_DATA,
                headers: vec![
                    Header::new(headers::TYPE, "event"),
                    Header::new(headers::MESSAGE_ID, message_id.clone()),
                    Header::new(headers::SUM, chunks.len().to_string()),
                    Header::new(headers::SEQ, seq.to_string()),
                    Header::new(headers::TRACE_ID, trace.clone()),
                ],
                payload: Some(chunk.to_vec()),
                ..Frame::default()
            })
            .collect();
        if reorder {
            frames.reverse();
        }
        let (tx, rx) = oneshot::channel();
        self.deliveries
            .acks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(message_id.clone(), tx);
        if conn.tx.send(WsCommand::Send(frames)).is_err() {
            self.forget_ack(&message_id);
            return None;
        }
        let code = tokio::time::timeout(self.config.ack_timeout, rx)
            .await
            .ok()
            .and_then(Result::ok);
        self.forget_ack(&message_id);
        code
    }

    fn forget_ack(&self, message_id: &str) {
        self.deliveries
            .acks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(message_id);
    }

    /// A reply frame arrived: resolve the push waiting for it.
    pub(crate) fn acknowledge(&self, frame: &Frame) {
        let Some(message_id) = frame.header(headers::MESSAGE_ID) else {
            return;
        };
        let reply = frame
            .payload
            .as_deref()
            .and_then(|p| serde_json::from_slice::<serde_json::Value>(p).ok());
        let code = reply
            .as_ref()
            .and_then(|v| v["code"].as_i64())
            .unwrap_or(500);
        // A callback's answer: JSON, base64-encoded into `data`.
        let answer = reply
            .as_ref()
            .and_then(|v| v["data"].as_str())
            .and_then(|data| STANDARD.decode(data).ok())
            .and_then(|json| serde_json::from_slice(&json).ok());
        let waiting = self
            .deliveries
            .acks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(message_id);
        if let Some(tx) = waiting {
            let _ = tx.send((code, answer));
        }
    }

    /// POSTs a body to a webhook: encrypted and signed when the app has a key.
    /// The HTTP status and body of the answer, none when none came in time.
    async fn push_webhook(
        &self,
        url: &str,
        key: Option<&str>,
        plaintext: &[u8],
    ) -> Option<(i64, Vec<u8>)> {
        let body = webhook_body(key, plaintext);
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
            .to_string();
        let nonce = ids::nonce();
        let mut request = self
            .deliveries
            .http
            .0
            .post(url)
            .timeout(self.config.ack_timeout)
            .header("content-type", "application/json; charset=utf-8")
            .header("x-lark-request-timestamp", &timestamp)
            .header("x-lark-request-nonce", &nonce);
        if let Some(key) = key {
            let signature = EncryptKey::new(key).signature(&timestamp, &nonce, &body);
            request = request.header("x-lark-signature", signature);
        }
        let response = request.body(body).send().await.ok()?;
        let status = i64::from(response.status().as_u16());
        // A body cut off or too slow counts as none (the status stands).
        let body = response
            .bytes()
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default();
        Some((status, body))
    }

    /// Sends the url_verification challenge; the URL is kept when it answers right.
    pub async fn verify_webhook(&self, app_id: &str, url: &str) -> Result<(), String> {
        let (key, token) = {
            let world = self.lock_world();
            let app = world
                .apps
                .get(app_id)
                .ok_or_else(|| format!("no app `{app_id}`"))?;
            (app.encrypt_key.clone(), app.verification_token.clone())
        };
        let challenge = ids::event_id();
        let plain =
            json!({"challenge": challenge, "token": token, "type": "url_verification"}).to_string();
        let body = webhook_body(key.as_deref(), plain.as_bytes());
        let response = self
            .deliveries
            .http
            .0
            .post(url)
            .timeout(Duration::from_secs(3))
            .header("content-type", "application/json; charset=utf-8")
            .body(body)
            .send()
            .await
            .map_err(|e| format!("challenge not delivered: {e}"))?;
        let status = response.status();
        let answer: serde_json::Value = response
            .json()
            .await
            .map_err(|e| format!("challenge answer is not JSON (HTTP {status}): {e}"))?;
        if !status.is_success() || answer["challenge"] != challenge.as_str() {
            return Err(format!("challenge not answered (HTTP {status}): {answer}"));
        }
        if let Some(app) = self.lock_world().apps.get_mut(app_id) {
            app.webhook_url = Some(url.to_owned());
        }
        Ok(())
    }
}

/// The HTTP body of a push: the plaintext, or `{"encrypt": …}` under a key.
pub fn webhook_body(key: Option<&str>, plaintext: &[u8]) -> Vec<u8> {
    match key {
        Some(key) => {
            let encrypted = EncryptKey::new(key).encrypt(plaintext, ids::iv());
            json!({"encrypt": encrypted}).to_string().into_bytes()
        }
        None => plaintext.to_vec(),
    }
}
