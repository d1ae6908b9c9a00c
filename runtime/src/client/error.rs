//! What a call can fail with.

use std::fmt;
use std::time::Duration;

use crate::error::{ApiError, EndpointError, InvalidRequest};

/// A failed call: the platform's answer (the endpoint's error enum), or a
/// failure to get there.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<E> {
    /// The platform answered with a non-zero `code`: the endpoint's error enum.
    Api(E),
    /// The request never got a usable answer (connect, timeout, non-JSON body).
    Transport(TransportError),
    /// No access token could be had.
    Token(TokenError),
    /// The request was refused before sending.
    InvalidRequest(InvalidRequest),
}

impl<E: EndpointError> Error<E> {
    /// The platform's error, when it answered.
    pub fn api(&self) -> Option<&E> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The platform's `code`, when it answered (the token endpoint's too).
    pub fn code(&self) -> Option<i64> {
        match self {
            Error::Api(e) => Some(e.api_error().code),
            Error::Token(TokenError::Api(e)) => Some(e.code),
            _ => None,
        }
    }

    /// The log id to quote to support, when there is one.
    pub fn log_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.api_error().log_id.as_deref(),
            Error::Token(TokenError::Api(e)) => e.log_id.as_deref(),
            _ => None,
        }
    }
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(e) => write!(f, "{e}"),
            Error::Transport(e) => write!(f, "{e}"),
            Error::Token(e) => write!(f, "{e}"),
            Error::InvalidRequest(e) => write!(f, "invalid request: {e}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Api(e) => Some(e),
            Error::Transport(e) => Some(e),
            Error::Token(e) => Some(e),
            Error::InvalidRequest(e) => Some(e),
        }
    }
}

impl<E> From<InvalidRequest> for Error<E> {
    fn from(e: InvalidRequest) -> Self {
        Error::InvalidRequest(e)
    }
}

impl<E> From<TransportError> for Error<E> {
    fn from(e: TransportError) -> Self {
        Error::Transport(e)
    }
}

impl<E> From<TokenError> for Error<E> {
    fn from(e: TokenError) -> Self {
        Error::Token(e)
    }
}

/// A request that got no usable answer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TransportError {
    /// No connection could be made (retried before giving up).
    #[error("cannot connect to {url}: {source}")]
    Connect {
        /// Where.
        url: String,
        /// Why.
        #[source]
        source: reqwest::Error,
    },
    /// No answer within the timeout.
    #[error("no answer from {url} within {timeout:?}")]
    Timeout {
        /// Where.
        url: String,
        /// The timeout.
        timeout: Duration,
    },
    /// The answer is not the platform's JSON envelope.
    #[error(
        "HTTP {status} from {url} is not the platform's JSON (content-type {content_type:?}): {snippet:?}"
    )]
    UnexpectedBody {
        /// Where.
        url: String,
        /// HTTP status.
        status: u16,
        /// The content type given.
        content_type: Option<String>,
        /// The start of the body.
        snippet: String,
    },
    /// `code` 0, but `data` does not fit the endpoint's response type.
    #[error("{endpoint}: `data` does not fit its type at `{path}`: {source}")]
    Decode {
        /// Endpoint id.
        endpoint: &'static str,
        /// Dotted path of the offending field.
        path: String,
        /// What serde said.
        #[source]
        source: serde_json::Error,
    },
    /// A paged list answered `has_more` without a `page_token`: there is
    /// no way to the next page, and asking again would give the same page.
    #[error("{endpoint}: page {page} says has_more but gives no page_token")]
    PageTokenMissing {
        /// Endpoint id.
        endpoint: &'static str,
        /// Which page (the first is 1).
        page: u64,
    },
    /// A paged list answered a `page_token` it had given before: following
    /// it would go round for ever.
    #[error("{endpoint}: page {page} gives page_token {token:?}, which was already followed")]
    PageTokenRepeated {
        /// Endpoint id.
        endpoint: &'static str,
        /// Which page (the first is 1).
        page: u64,
        /// The token.
        token: String,
    },
    /// Anything else the HTTP client reported.
    #[error("HTTP request to {url} failed: {source}")]
    Http {
        /// Where.
        url: String,
        /// Why.
        #[source]
        source: reqwest::Error,
    },
}

/// No access token could be had.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The token endpoint answered with a non-zero code (wrong secret, …).
    #[error("token request refused: {0}")]
    Api(Box<ApiError>),
    /// The token endpoint could not be reached.
    #[error("token request failed: {0}")]
    Transport(#[from] TransportError),
    /// A store app has no app_ticket yet; one was asked for (app_ticket/resend)
    /// and did not arrive in time. It comes as the `app_ticket` event.
    #[error(
        "store app has no app_ticket (a resend was requested; it arrives as the app_ticket event)"
    )]
    NoAppTicket,
    /// A store app's tenant token needs the tenant's key (`RequestOptions::tenant_key`).
    #[error("store app calls need a tenant_key")]
    NoTenantKey,
    /// The endpoint does not accept the token type asked for.
    #[error("{endpoint} does not accept a {token}")]
    NotAccepted {
        /// Endpoint id.
        endpoint: &'static str,
        /// The token type.
        token: &'static str,
    },
}
