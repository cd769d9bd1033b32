//! How a request reaches the service: the [`Transport`] trait, and with the
//! `blocking` feature a built-in HTTPS transport.

use std::error::Error;
use std::fmt;
use std::time::Duration;

/// Sends one HTTP request and reads its whole response. The built-in transport
/// implements it with the `blocking` feature; implement it to carry calls over
/// another HTTP stack.
pub trait Transport: Send + Sync {
    /// Sends `request` and reads the response, giving up after `timeout` in all when
    /// there is one.
    ///
    /// # Errors
    ///
    /// When no response arrives: the connection, TLS or I/O failed, or time ran out.
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
        timeout: Option<Duration>,
    ) -> Result<http::Response<Vec<u8>>, TransportError>;
}

/// Why a transport got no response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection: the host did not resolve, refused, or TLS failed.
    Connect,
    /// Time ran out, connecting or waiting for the response.
    Timeout,
    /// The connection broke while the request or the response was under way.
    Io,
}

/// A request that got no response: what kind of failure, and its cause.
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    source: Box<dyn Error + Send + Sync>,
}

impl TransportError {
    /// A failure of `kind`, caused by `source`.
    pub fn new(kind: TransportErrorKind, source: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        TransportError {
            kind,
            source: source.into(),
        }
    }

    /// What kind of failure it was.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportErrorKind::Connect => "cannot connect",
            TransportErrorKind::Timeout => "timed out",
            TransportErrorKind::Io => "connection failed",
        };
        write!(f, "{what}: {}", self.source)
    }
}

impl Error for TransportError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&*self.source)
    }
}
