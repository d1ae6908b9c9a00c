//! TLS for the HTTP client and the long connection: rustls with the ring
//! provider, named here rather than taken from the process default (so a
//! program whose other dependencies turn on a second rustls provider still
//! gets a client), and the operating system's certificate verifier.

use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt;

/// The client configuration both transports use.
pub(crate) fn client_config() -> Result<rustls::ClientConfig, rustls::Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_platform_verifier()?
        .with_no_client_auth())
}
