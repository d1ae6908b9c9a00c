//! The long connection's binary frames (protobuf `pbbp2.Frame`, proto2).
//!
//! ```proto
//! message Header { required string key = 1; required string value = 2; }
//! message Frame {
//!   required uint64 SeqID = 1;  required uint64 LogID = 2;
//!   required int32 service = 3; required int32 method = 4;
//!   repeated Header headers = 5;
//!   optional string payload_encoding = 6; optional string payload_type = 7;
//!   optional bytes payload = 8;           optional string LogIDNew = 9;
//! }
//! ```
//!
//! Fields 1–4 are proto2 `required`: they are written even when zero, or
//! peers using gogo-protobuf refuse the frame. Unknown fields are skipped.

use bytes::{Buf, BufMut};
use prost::encoding::{DecodeContext, WireType, int32, message, skip_field, string, uint64};
use prost::{DecodeError, Message};

/// `method` of a control frame (ping, pong).
pub const METHOD_CONTROL: i32 = 0;
/// `method` of a data frame (an event, or the reply to one).
pub const METHOD_DATA: i32 = 1;

/// Header keys.
pub mod headers {
    /// `event`, `card`, `ping` or `pong`.
    pub const TYPE: &str = "type";
    /// Same on every fragment of one message.
    pub const MESSAGE_ID: &str = "message_id";
    /// Number of fragments (1: not fragmented).
    pub const SUM: &str = "sum";
    /// Index of this fragment, from 0.
    pub const SEQ: &str = "seq";
    /// Trace id.
    pub const TRACE_ID: &str = "trace_id";
    /// Milliseconds the handler took, added to the reply.
    pub const BIZ_RT: &str = "biz_rt";
}

/// A `key: value` header of a frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// Key.
    pub key: String,
    /// Value.
    pub value: String,
}

impl Header {
    /// A header.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            key: key.into(),
            value: value.into(),
        }
    }
}

impl Message for Header {
    fn encode_raw(&self, buf: &mut impl BufMut) {
        string::encode(1, &self.key, buf);
        string::encode(2, &self.value, buf);
    }

    fn merge_field(
        &mut self,
        tag: u32,
        wire_type: WireType,
        buf: &mut impl Buf,
        ctx: DecodeContext,
    ) -> Result<(), DecodeError> {
        match tag {
            1 => string::merge(wire_type, &mut self.key, buf, ctx),
            2 => string::merge(wire_type, &mut self.value, buf, ctx),
            _ => skip_field(wire_type, tag, buf, ctx),
        }
    }

    fn encoded_len(&self) -> usize {
        string::encoded_len(1, &self.key) + string::encoded_len(2, &self.value)
    }

    fn clear(&mut self) {
        *self = Self::default();
    }
}

/// One frame of the long connection.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frame {
    /// `SeqID`.
    pub seq_id: u64,
    /// `LogID`.
    pub log_id: u64,
    /// The `service_id` of the connection URL.
    pub service: i32,
    /// [`METHOD_CONTROL`] or [`METHOD_DATA`].
    pub method: i32,
    /// Headers, in order.
    pub headers: Vec<Header>,
    /// `payload_encoding`.
    pub payload_encoding: Option<String>,
    /// `payload_type`.
    pub payload_type: Option<String>,
    /// The payload: an event's JSON, a reply, or a pong's client config.
    pub payload: Option<Vec<u8>>,
    /// `LogIDNew`.
    pub log_id_new: Option<String>,
}

impl Message for Frame {
    fn encode_raw(&self, buf: &mut impl BufMut) {
        uint64::encode(1, &self.seq_id, buf);
        uint64::encode(2, &self.log_id, buf);
        int32::encode(3, &self.service, buf);
        int32::encode(4, &self.method, buf);
        message::encode_repeated(5, &self.headers, buf);
        if let Some(v) = &self.payload_encoding {
            string::encode(6, v, buf);
        }
        if let Some(v) = &self.payload_type {
            string::encode(7, v, buf);
        }
        if let Some(v) = &self.payload {
            prost::encoding::bytes::encode(8, v, buf);
        }
        if let Some(v) = &self.log_id_new {
            string::encode(9, v, buf);
        }
    }

    fn merge_field(
        &mut self,
        tag: u32,
        wire_type: WireType,
        buf: &mut impl Buf,
        ctx: DecodeContext,
    ) -> Result<(), DecodeError> {
        fn optional<T: Default>(slot: &mut Option<T>) -> &mut T {
            slot.get_or_insert_with(T::default)
        }
        match tag {
            1 => uint64::merge(wire_type, &mut self.seq_id, buf, ctx),
            2 => uint64::merge(wire_type, &mut self.log_id, buf, ctx),
            3 => int32::merge(wire_type, &mut self.service, buf, ctx),
            4 => int32::merge(wire_type, &mut self.method, buf, ctx),
            5 => message::merge_repeated(wire_type, &mut self.headers, buf, ctx),
            6 => string::merge(wire_type, optional(&mut self.payload_encoding), buf, ctx),
            7 => string::merge(wire_type, optional(&mut self.payload_type), buf, ctx),
            8 => prost::encoding::bytes::merge(wire_type, optional(&mut self.payload), buf, ctx),
            9 => string::merge(wire_type, optional(&mut self.log_id_new), buf, ctx),
            _ => skip_field(wire_type, tag, buf, ctx),
        }
    }

    fn encoded_len(&self) -> usize {
        uint64::encoded_len(1, &self.seq_id)
            + uint64::encoded_len(2, &self.log_id)
            + int32::encoded_len(3, &self.service)
            + int32::encoded_len(4, &self.method)
            + message::encoded_len_repeated(5, &self.headers)
            + self
                .payload_encoding
                .as_ref()
                .map_or(0, |v| string::encoded_len(6, v))
            + self
                .payload_type
                .as_ref()
                .map_or(0, |v| string::encoded_len(7, v))
            + self
                .payload
                .as_ref()
                .map_or(0, |v| prost::encoding::bytes::encoded_len(8, v))
            + self
                .log_id_new
                .as_ref()
                .map_or(0, |v| string::encoded_len(9, v))
    }

    fn clear(&mut self) {
        *self = Self::default();
    }
}

impl Frame {
    /// A ping: a control frame with `type: ping` and no payload.
    pub fn ping(service: i32) -> Self {
        Self {
            service,
            method: METHOD_CONTROL,
            headers: vec![Header::new(headers::TYPE, "ping")],
            ..Self::default()
        }
    }

    /// A pong carrying the client config as JSON.
    pub fn pong(service: i32, config: Option<Vec<u8>>) -> Self {
        Self {
            service,
            method: METHOD_CONTROL,
            headers: vec![Header::new(headers::TYPE, "pong")],
            payload: config,
            ..Self::default()
        }
    }

    /// The value of the first header with `key`.
    pub fn header(&self, key: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|h| h.key == key)
            .map(|h| h.value.as_str())
    }

    /// The `type` header.
    pub fn kind(&self) -> &str {
        self.header(headers::TYPE).unwrap_or_default()
    }

    /// The reply to a data frame: the same frame with `biz_rt` added and the
    /// payload replaced by `{"code":200}` or `{"code":500}`.
    pub fn reply(&self, ok: bool, biz_rt_ms: u64) -> Self {
        let mut reply = self.clone();
        reply
            .headers
            .push(Header::new(headers::BIZ_RT, biz_rt_ms.to_string()));
        let body: &[u8] = if ok {
            b"{\"code\":200}"
        } else {
            b"{\"code\":500}"
        };
        reply.payload = Some(body.to_vec());
        reply
    }

    /// The reply to a callback that was answered: as [`Self::reply`] with
    /// success, the payload `{"code":200,"data":"<base64 of answer>"}`.
    pub fn reply_answer(&self, answer: &[u8], biz_rt_ms: u64) -> Self {
        use base64::Engine;
        let mut reply = self.reply(true, biz_rt_ms);
        let data = base64::engine::general_purpose::STANDARD.encode(answer);
        reply.payload = Some(format!(r#"{{"code":200,"data":"{data}"}}"#).into_bytes());
        reply
    }

    /// Encodes to bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.encode_to_vec()
    }

    /// Decodes from bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, DecodeError> {
        Self::decode(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn zero_required_fields_are_still_written() {
        let bytes = Frame::ping(0).to_bytes();
        assert_eq!(&bytes[..8], [0x08, 0, 0x10, 0, 0x18, 0, 0x20, 0]);
    }

    #[test]
    fn unknown_fields_are_skipped() {
        let mut bytes = Frame::ping(5).to_bytes();
        bytes.extend_from_slice(&[0x50, 0x01]); // field 10, varint 1
        assert_eq!(Frame::from_bytes(&bytes).unwrap(), Frame::ping(5));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for junk in [&b"\xff\xff\xff"[..], b"\x2a\x05\x0a", b"\x0b"] {
            assert!(Frame::from_bytes(junk).is_err());
        }
        let ping = hex("0800100018f681801020002a0c0a0474797065120470696e67");
        assert_eq!(Frame::from_bytes(&ping).unwrap().kind(), "ping");
    }

    #[test]
    fn a_callback_answer_goes_base64_in_data() {
        let event = Frame::ping(3);
        let reply = event.reply_answer(br#"{"toast":{"content":"ok"}}"#, 7);
        assert_eq!(reply.header(headers::BIZ_RT), Some("7"));
        assert_eq!(
            reply.payload.as_deref(),
            Some(&br#"{"code":200,"data":"eyJ0b2FzdCI6eyJjb250ZW50Ijoib2sifX0="}"#[..])
        );
    }
}
