//! The [`Client`]: an operation's input into a signed request, a response into its
//! output or error, and with the `blocking` feature the whole call, retried.

use std::sync::Arc;
use std::time::SystemTime;

use super::call::Call;
use super::compress::compress;
use super::config::Settings;
use super::endpoint::is_valid_host_label;
use super::error::{Error, RequestError, ResponseError};
use super::sigv4::{self, SigningParams};
use crate::primitives::wire::error_code;
use crate::primitives::JsonBody;

/// A client of the service. Cheap to clone: clones share their configuration,
/// credentials cache, transport and retry quota.
///
/// Build one with `Client::from_env()` (region, endpoint and credentials as the AWS
/// CLI finds them) or with [`ClientBuilder`](super::ClientBuilder).
#[derive(Clone, Debug)]
pub struct Client {
    pub(crate) settings: Arc<Settings>,
}

/// The parts of a response the client reads: status, headers and the whole body.
pub type Response = http::Response<Vec<u8>>;

/// A request ready to send: signed, with its whole body.
pub type Request = http::Request<Vec<u8>>;

impl Client {
    /// The region the client calls.
    pub fn region(&self) -> &str {
        &self.settings.region
    }

    /// The endpoint the client sends requests to.
    pub fn endpoint(&self) -> &str {
        &self.settings.endpoint.url
    }

    /// The signed request that calls `operation` with `input`: the first half of a
    /// call, for any HTTP stack to send. Unset `@idempotencyToken` members get a
    /// fresh token.
    ///
    /// # Errors
    ///
    /// When there are no credentials, or the request cannot be made or signed.
    pub fn request<O: Call>(
        &self,
        operation: O,
        input: O::Input,
    ) -> Result<Request, Error<O::Error>> {
        let _ = operation;
        let prepared = Prepared::<O>::new(input, &self.settings)?;
        self.sign::<O>(&prepared, SystemTime::now())
    }

    /// The output or the error in `response` to a request of `operation`: the second
    /// half of a call.
    ///
    /// # Errors
    ///
    /// The operation's error when the service answered with one, or
    /// [`Error::Response`] when the body is not what the operation expects.
    pub fn response<O: Call>(
        &self,
        operation: O,
        response: Response,
    ) -> Result<O::Output, Error<O::Error>> {
        let _ = operation;
        read::<O>(response)
    }

    /// Signs the prepared request with the client's credentials, at `time`.
    pub(crate) fn sign<O: Call>(
        &self,
        prepared: &Prepared<O>,
        time: SystemTime,
    ) -> Result<Request, Error<O::Error>> {
        let settings = &self.settings;
        let mut request = prepared.unsigned(settings)?;
        let credentials = settings.credentials.provide()?;
        let params = SigningParams {
            credentials: &credentials,
            region: &settings.endpoint.signing_region,
            service: &settings.endpoint.signing_name,
            time,
        };
        sigv4::sign(&mut request, &params)?;
        Ok(request)
    }
}

/// An input made ready to send once for all attempts: tokens filled in, its body
/// written and its host prefix known.
pub(crate) struct Prepared<O: Call> {
    body: Vec<u8>,
    content_encoding: Option<&'static str>,
    host_prefix: Option<String>,
    operation: std::marker::PhantomData<O>,
}

impl<O: Call> Prepared<O> {
    pub(crate) fn new(mut input: O::Input, settings: &Settings) -> Result<Self, RequestError> {
        O::prepare(&mut input, settings.idempotency_token);
        let body = O::write_input(&input).map_err(RequestError::Body)?;
        let (body, content_encoding) = compress(body, O::GZIP, settings.min_compression_size);
        Ok(Prepared {
            body,
            content_encoding,
            host_prefix: O::host_prefix(&input),
            operation: std::marker::PhantomData,
        })
    }

    /// The request before signing: method, URI, headers and body.
    fn unsigned(&self, settings: &Settings) -> Result<Request, RequestError> {
        let endpoint = &settings.endpoint;
        let host = match &self.host_prefix {
            Some(prefix) => prefixed_host(prefix, &endpoint.host)?,
            None => endpoint.host.clone(),
        };
        let uri = format!("{}://{host}{}/", endpoint.scheme, endpoint.path);
        // SigV4 signs the host of the URI; the transport sends it as `Host`.
        let mut builder = http::Request::post(uri)
            .header("content-type", O::CONTENT_TYPE)
            .header("user-agent", USER_AGENT);
        if let Some(target) = O::TARGET {
            builder = builder.header("x-amz-target", target);
        }
        if let Some(encoding) = self.content_encoding {
            builder = builder.header("content-encoding", encoding);
        }
        builder
            .body(self.body.clone())
            .map_err(|_| RequestError::HostPrefix(self.host_prefix.clone().unwrap_or_default()))
    }
}

/// The `User-Agent` of every request: the crate and its version.
const USER_AGENT: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

/// `prefix` before `host`, when together they make a valid host name.
fn prefixed_host(prefix: &str, host: &str) -> Result<String, RequestError> {
    let (name, _port) = host.split_once(':').unwrap_or((host, ""));
    match is_valid_host_label(&format!("{prefix}{name}"), true) {
        true => Ok(format!("{prefix}{host}")),
        false => Err(RequestError::HostPrefix(prefix.to_owned())),
    }
}

/// The `x-amzn-RequestId` of a response.
fn request_id(response: &Response) -> Option<String> {
    let headers = response.headers();
    let value = headers
        .get("x-amzn-requestid")
        .or_else(|| headers.get("x-amz-request-id"))?;
    value.to_str().ok().map(str::to_owned)
}

/// The output of a successful response, the operation's error otherwise.
pub(crate) fn read<O: Call>(response: Response) -> Result<O::Output, Error<O::Error>> {
    let status = response.status().as_u16();
    let request_id = request_id(&response);
    let failed = |error| Error::Response {
        error,
        status,
        request_id: request_id.clone(),
    };
    if response.status().is_success() {
        return O::read_output(response.body())
            .map_err(|e| failed(ResponseError::new("output", e)));
    }
    match O::read_error(error_type(&response), response.body()) {
        Ok(error) => Err(Error::Service {
            error,
            status,
            request_id,
        }),
        Err(e) => Err(failed(ResponseError::new("error", e))),
    }
}

/// The error code of an error response, for deciding whether to retry it.
pub(crate) fn response_code(response: &Response) -> Option<String> {
    error_code(error_type(response), response.body())
}

/// The `X-Amzn-Errortype` header of a response.
fn error_type(response: &Response) -> Option<&str> {
    let value = response.headers().get("x-amzn-errortype")?;
    value.to_str().ok()
}
