//! A client for the service: requests signed with SigV4, sent to the endpoint the
//! model's rules resolve, retried, and read back into each operation's output or error.
//!
//! The core is sans-IO: [`Client::request`] turns an operation's input into a signed
//! `http::Request`, and [`Client::response`] reads an `http::Response` into the output
//! or the operation's typed error, so any HTTP stack can carry the calls.
//! [`Client::send`] does both over a [`Transport`], with retries and timeouts, and
//! [`Client::pages`] and [`Client::items`] page through results; the `blocking`
//! feature builds in an HTTPS transport, which the client then uses unless given
//! another. The `dynamic` feature adds the operations by name, for tools such as a
//! command line.

mod call;
mod calls;
mod compress;
mod config;
pub mod credentials;
#[cfg(feature = "dynamic")]
mod dynamic;
pub mod endpoint;
mod error;
mod pages;
pub mod retry;
mod send;
mod service;
pub mod sigv4;
pub mod transport;

pub use call::{idempotency_token, Call, Paginated, PaginatedItems};
pub use calls::{Client, Request, Response};
pub use config::{ClientBuilder, ConfigError};
pub use credentials::Credentials;
#[cfg(feature = "dynamic")]
pub use dynamic::{call_json, JsonCallError, MemberInfo, OperationInfo};
pub use error::{Error, RequestError, ResponseError};
pub use pages::{Items, Pages};
pub use retry::{Attempts, Decision, Outcome, RetryKind, RetryPolicy, RetryQuota};
pub use service::Service;
#[cfg(feature = "blocking")]
pub use transport::BlockingTransport;
pub use transport::{Transport, TransportError, TransportErrorKind};
