//! What can go wrong in a call: the operation's own errors, and each way a call can
//! fail before the service answers or after.

use std::error::Error as StdError;
use std::fmt;

use super::credentials::CredentialsError;
use super::endpoint::EndpointError;
use super::sigv4::SigningError;
use super::transport::{TransportError, TransportErrorKind};

/// Why a call failed. `E` is the operation's own error enum, such as
/// `DescribeForecastExportJobError`.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<E> {
    /// The service answered with an error: one the operation models, or its
    /// unhandled variant with the code and message.
    Service {
        /// The operation's error.
        error: E,
        /// The HTTP status of the response.
        status: u16,
        /// The `x-amzn-RequestId` of the response, for AWS support.
        request_id: Option<String>,
    },
    /// The service answered, but not with what the operation expects: a body that is
    /// not the output's or the error's JSON.
    Response {
        /// What was wrong with the response.
        error: ResponseError,
        /// The HTTP status of the response.
        status: u16,
        /// The `x-amzn-RequestId` of the response, for AWS support.
        request_id: Option<String>,
    },
    /// No answer: the connection failed or broke.
    Transport(TransportError),
    /// No answer in time: connecting, or the whole call, took too long.
    Timeout(TransportError),
    /// No credentials to sign with.
    Credentials(CredentialsError),
    /// The request could not be signed.
    Signing(SigningError),
    /// The request could not be made: no endpoint, a host label that is not valid, or
    /// an input that is not JSON.
    Request(RequestError),
}

impl<E> Error<E> {
    /// The `x-amzn-RequestId` of the service's answer, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Service { request_id, .. } | Error::Response { request_id, .. } => {
                request_id.as_deref()
            }
            _ => None,
        }
    }

    /// The operation's own error, when the service answered with one.
    pub fn service_error(&self) -> Option<&E> {
        match self {
            Error::Service { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The error of a transport that got no response: a timeout or another failure.
    pub(crate) fn transport(error: TransportError) -> Self {
        match error.kind() {
            TransportErrorKind::Timeout => Error::Timeout(error),
            _ => Error::Transport(error),
        }
    }
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Service { error, .. } => write!(f, "{error}"),
            Error::Response { error, status, .. } => {
                write!(f, "unexpected response (HTTP {status}): {error}")
            }
            Error::Transport(error) => write!(f, "{error}"),
            Error::Timeout(error) => write!(f, "{error}"),
            Error::Credentials(error) => write!(f, "no credentials: {error}"),
            Error::Signing(error) => write!(f, "cannot sign the request: {error}"),
            Error::Request(error) => write!(f, "cannot make the request: {error}"),
        }
    }
}

impl<E: StdError + 'static> StdError for Error<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Service { error, .. } => Some(error),
            Error::Response { error, .. } => Some(error),
            Error::Transport(error) | Error::Timeout(error) => Some(error),
            Error::Credentials(error) => Some(error),
            Error::Signing(error) => Some(error),
            Error::Request(error) => Some(error),
        }
    }
}

impl<E> From<CredentialsError> for Error<E> {
    fn from(error: CredentialsError) -> Self {
        Error::Credentials(error)
    }
}

impl<E> From<SigningError> for Error<E> {
    fn from(error: SigningError) -> Self {
        Error::Signing(error)
    }
}

impl<E> From<RequestError> for Error<E> {
    fn from(error: RequestError) -> Self {
        Error::Request(error)
    }
}

/// A response whose body is not what the operation expects.
#[derive(Debug)]
pub struct ResponseError {
    what: &'static str,
    source: ::serde_json::Error,
}

impl ResponseError {
    /// A body that is not the JSON of `what` (the output, or an error).
    pub(crate) fn new(what: &'static str, source: ::serde_json::Error) -> Self {
        ResponseError { what, source }
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the body is not the {}: {}", self.what, self.source)
    }
}

impl StdError for ResponseError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.source)
    }
}

/// A request the client cannot make.
#[derive(Debug)]
#[non_exhaustive]
pub enum RequestError {
    /// The endpoint rules give no endpoint.
    Endpoint(EndpointError),
    /// The endpoint is not a URL a request can go to.
    EndpointUrl {
        /// The endpoint.
        url: String,
        /// Why it cannot be used.
        reason: &'static str,
    },
    /// The `@endpoint` host prefix, with the input's host labels, is not a valid host.
    HostPrefix(String),
    /// The input cannot be written as JSON.
    Body(::serde_json::Error),
    /// The client has no transport to send with: enable the `blocking` feature or
    /// give it one.
    NoTransport,
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Endpoint(error) => write!(f, "no endpoint: {error}"),
            RequestError::EndpointUrl { url, reason } => {
                write!(f, "endpoint `{url}` cannot be used: {reason}")
            }
            RequestError::HostPrefix(prefix) => {
                write!(f, "host prefix `{prefix}` does not make a valid host name")
            }
            RequestError::Body(error) => write!(f, "the input is not JSON: {error}"),
            RequestError::NoTransport => f.write_str(
                "no transport: enable the `blocking` feature or give the client a transport",
            ),
        }
    }
}

impl StdError for RequestError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            RequestError::Endpoint(error) => Some(error),
            RequestError::Body(error) => Some(error),
            _ => None,
        }
    }
}
