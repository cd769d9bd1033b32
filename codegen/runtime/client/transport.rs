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

/// A shared transport is a transport.
impl<T: Transport + ?Sized> Transport for std::sync::Arc<T> {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
        timeout: Option<Duration>,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        (**self).send(request, timeout)
    }
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
    /// The request cannot be sent as it is: its URI, a header or its length is
    /// malformed. Sending it again cannot help.
    InvalidRequest,
    /// The response's head or body is larger than the transport accepts.
    ResponseTooLarge,
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
            TransportErrorKind::InvalidRequest => "invalid request",
            TransportErrorKind::ResponseTooLarge => "response too large",
        };
        write!(f, "{what}: {}", self.source)
    }
}

impl Error for TransportError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&*self.source)
    }
}

#[cfg(feature = "blocking")]
pub use blocking::{BlockingTransport, BlockingTransportBuilder};

/// The built-in transport: blocking HTTP/1.1 over `ureq`, TLS by rustls.
#[cfg(feature = "blocking")]
mod blocking {
    use super::{Transport, TransportError, TransportErrorKind};
    use std::fmt;
    use std::io;
    use std::time::Duration;

    /// How long the built-in transport waits for a connection by default, as the
    /// AWS SDKs do.
    const CONNECT_TIMEOUT: Duration = Duration::from_millis(3100);

    /// The largest response body the built-in transport reads by default: 64 MiB.
    const MAX_BODY_SIZE: u64 = 64 * 1024 * 1024;

    /// The built-in blocking HTTPS transport.
    ///
    /// It sends each request as it is and hands back every response, whatever its
    /// status: it follows no redirect, retries nothing, and reads the whole body up
    /// to a maximum size. TLS certificates are always verified, against the Mozilla
    /// roots (`webpki-roots`). Proxies named by `HTTPS_PROXY`, `HTTP_PROXY`,
    /// `ALL_PROXY` and `NO_PROXY` are honoured. Connections are kept and reused;
    /// clones share them.
    #[derive(Clone)]
    pub struct BlockingTransport {
        agent: ureq::Agent,
        connect_timeout: Option<Duration>,
        max_body_size: u64,
    }

    /// Settings of a [`BlockingTransport`]: [`BlockingTransport::builder`].
    #[derive(Debug, Clone)]
    pub struct BlockingTransportBuilder {
        connect_timeout: Option<Duration>,
        max_body_size: u64,
    }

    impl BlockingTransport {
        /// A transport with the default settings: 3.1 s to connect, bodies up to
        /// 64 MiB.
        pub fn new() -> Self {
            BlockingTransport::builder().build()
        }

        /// Settings to change before building a transport.
        pub fn builder() -> BlockingTransportBuilder {
            BlockingTransportBuilder {
                connect_timeout: Some(CONNECT_TIMEOUT),
                max_body_size: MAX_BODY_SIZE,
            }
        }

        /// Runs `request` with the per-call `timeout`, and reads the response.
        fn run<B: ureq::AsSendBody>(
            &self,
            request: http::Request<B>,
            timeout: Option<Duration>,
        ) -> Result<http::Response<Vec<u8>>, TransportError> {
            let request = self
                .agent
                .configure_request(request)
                .timeout_global(timeout)
                .build();
            let response = self.agent.run(request).map_err(send_error)?;
            let (mut parts, mut body) = response.into_parts();
            let body = body
                .with_config()
                .limit(self.max_body_size)
                .read_to_vec()
                .map_err(read_error)?;
            parts.extensions = http::Extensions::new();
            Ok(http::Response::from_parts(parts, body))
        }
    }

    impl Default for BlockingTransport {
        fn default() -> Self {
            BlockingTransport::new()
        }
    }

    impl BlockingTransportBuilder {
        /// How long to wait for a connection, TLS included; `None` waits as long
        /// as the per-call timeout allows. 3.1 s by default.
        pub fn connect_timeout(mut self, timeout: Option<Duration>) -> Self {
            self.connect_timeout = timeout;
            self
        }

        /// The largest response body to read, in bytes: a longer one fails with
        /// [`TransportErrorKind::ResponseTooLarge`]. 64 MiB by default.
        pub fn max_body_size(mut self, bytes: u64) -> Self {
            self.max_body_size = bytes;
            self
        }

        /// The transport with these settings.
        pub fn build(self) -> BlockingTransport {
            let config = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects(0)
                .max_redirects_will_error(false)
                .user_agent("")
                .accept("")
                .timeout_connect(self.connect_timeout)
                .build();
            BlockingTransport {
                agent: ureq::Agent::new_with_config(config),
                connect_timeout: self.connect_timeout,
                max_body_size: self.max_body_size,
            }
        }
    }

    impl Transport for BlockingTransport {
        fn send(
            &self,
            request: http::Request<Vec<u8>>,
            timeout: Option<Duration>,
        ) -> Result<http::Response<Vec<u8>>, TransportError> {
            if request.body().is_empty() && !expects_body(request.method()) {
                let (parts, _) = request.into_parts();
                return self.run(http::Request::from_parts(parts, ()), timeout);
            }
            self.run(request, timeout)
        }
    }

    impl fmt::Debug for BlockingTransport {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("BlockingTransport")
                .field("connect_timeout", &self.connect_timeout)
                .field("max_body_size", &self.max_body_size)
                .finish_non_exhaustive()
        }
    }

    /// Whether requests of `method` carry a body, if only an empty one: those
    /// send `Content-Length: 0`, the others no body at all.
    fn expects_body(method: &http::Method) -> bool {
        matches!(
            *method,
            http::Method::POST | http::Method::PUT | http::Method::PATCH
        )
    }

    /// The failure to send a request or read a response's head.
    fn send_error(error: ureq::Error) -> TransportError {
        let kind = match &error {
            ureq::Error::BadUri(_)
            | ureq::Error::Http(_)
            | ureq::Error::RequireHttpsOnly(_)
            | ureq::Error::BodyExceedsLimit(_) => TransportErrorKind::InvalidRequest,
            _ => kind_of(&error),
        };
        TransportError::new(kind, error)
    }

    /// The failure to read a response's body.
    fn read_error(error: ureq::Error) -> TransportError {
        let kind = match &error {
            ureq::Error::BodyExceedsLimit(_) => TransportErrorKind::ResponseTooLarge,
            _ => kind_of(&error),
        };
        TransportError::new(kind, error)
    }

    /// The kind of a failure that does not depend on when it happened.
    fn kind_of(error: &ureq::Error) -> TransportErrorKind {
        match error {
            ureq::Error::Timeout(_) => TransportErrorKind::Timeout,
            ureq::Error::Io(error) => io_kind(error),
            ureq::Error::HostNotFound
            | ureq::Error::ConnectionFailed
            | ureq::Error::ConnectProxyFailed(_)
            | ureq::Error::InvalidProxyUrl
            | ureq::Error::Tls(_)
            | ureq::Error::Pem(_)
            | ureq::Error::Rustls(_)
            | ureq::Error::TlsRequired => TransportErrorKind::Connect,
            ureq::Error::LargeResponseHeader(..) => TransportErrorKind::ResponseTooLarge,
            _ => TransportErrorKind::Io,
        }
    }

    /// The kind of an I/O failure: no connection, time out, or a broken one.
    /// TLS failures, a certificate refused among them, come as invalid data.
    fn io_kind(error: &io::Error) -> TransportErrorKind {
        match error.kind() {
            io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => TransportErrorKind::Timeout,
            io::ErrorKind::InvalidData
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::AddrNotAvailable
            | io::ErrorKind::NetworkUnreachable
            | io::ErrorKind::HostUnreachable => TransportErrorKind::Connect,
            _ if is_lookup_failure(error) => TransportErrorKind::Connect,
            _ => TransportErrorKind::Io,
        }
    }

    /// Whether `error` is the standard library's failure to resolve a host name,
    /// which has no kind of its own, only its message.
    fn is_lookup_failure(error: &io::Error) -> bool {
        error
            .to_string()
            .starts_with("failed to lookup address information")
    }
}
