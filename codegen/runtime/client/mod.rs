//! A client for the service: requests signed with SigV4, sent to the endpoint the
//! model's rules resolve, retried, and read back into each operation's output or error.
//!
//! The core is sans-IO: [`Client::request`] turns an operation's input into a signed
//! `http::Request`, and [`Client::response`] reads an `http::Response` into the output
//! or the operation's typed error, so any HTTP stack can carry the calls. With the
//! `blocking` feature, [`Client::send`] does both over a built-in HTTPS transport,
//! with retries and timeouts.

pub mod credentials;
pub mod endpoint;
pub mod retry;
pub mod sigv4;
pub mod transport;

pub use credentials::Credentials;
pub use retry::{Attempts, Decision, Outcome, RetryKind, RetryPolicy, RetryQuota};
#[cfg(feature = "blocking")]
pub use transport::BlockingTransport;
pub use transport::{Transport, TransportError, TransportErrorKind};
