//! What the differential tests send through our client: the plan of
//! requests (`build.rs` picks the endpoints by a rule and samples each
//! request from its contract) and [`replay::replay`], which builds each
//! planned request with lark-sdk's generated request type and setters.

/// The planned requests, as JSON: one object per endpoint with its id,
/// the service, version, resource and call names, the request type's name,
/// its scopes, and the `path`, `query` and `body` to send.
pub const PLAN: &str = include_str!(concat!(env!("OUT_DIR"), "/oracle-plan.json"));

/// The planned requests built with lark-sdk's types.
pub mod replay {
    #![allow(clippy::too_many_lines)]
    use lark_sdk::*;
    include!(concat!(env!("OUT_DIR"), "/replay.rs"));
}
