//! botocore's protocol test files, read into typed values: suites of shapes and cases.
//!
//! Every field botocore writes for the awsJson suites is named here, and anything else is
//! an error naming the file and the JSON path, so that a newer suite cannot be half read.

use std::fs;
use std::path::Path;

use anyhow::{anyhow, Context, Result};
use indexmap::IndexMap;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::Value;

/// One file: a list of suites.
pub type File = Vec<Suite>;

/// Reads a suite file, naming it and the JSON path of anything unexpected.
pub fn read(path: &Path) -> Result<File> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut json = serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(&mut json)
        .map_err(|err| anyhow!("{}: at `{}`: {}", path.display(), err.path(), err.inner()))
}

/// The cases of one operation, with the shapes they use.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Suite {
    pub description: String,
    pub metadata: Metadata,
    pub shapes: IndexMap<String, Shape>,
    pub cases: Vec<Case>,
    /// The endpoint the client is configured with, for the host cases.
    #[serde(rename = "clientEndpoint")]
    pub client_endpoint: Option<String>,
}

/// The service: protocol and `X-Amz-Target` prefix.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Metadata {
    pub protocol: String,
    pub protocols: Vec<String>,
    pub api_version: String,
    pub json_version: String,
    pub target_prefix: String,
}

/// A shape in botocore's format.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Shape {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub members: IndexMap<String, Member>,
    pub member: Option<Member>,
    pub key: Option<Member>,
    pub value: Option<Member>,
    #[serde(default)]
    pub required: Vec<String>,
    #[serde(rename = "enum")]
    pub enum_values: Option<Vec<String>>,
    pub timestamp_format: Option<String>,
    #[serde(default)]
    pub exception: bool,
    #[serde(default)]
    pub fault: bool,
    #[serde(default)]
    pub union: bool,
    #[serde(default)]
    pub document: bool,
    /// botocore's nullable scalar marker; every member is optional here anyway.
    #[serde(default, rename = "box")]
    pub boxed: bool,
    pub documentation: Option<String>,
    /// An awsQuery error code.
    pub error: Option<QueryError>,
}

/// A member, or the member, key or value of a list or map.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Member {
    pub shape: String,
    pub location_name: Option<String>,
    #[serde(default)]
    pub host_label: bool,
    /// A string member that holds JSON text; in a JSON body it is a plain string.
    #[serde(default, rename = "jsonvalue")]
    pub json_value: bool,
    #[serde(default)]
    pub idempotency_token: bool,
    pub documentation: Option<String>,
}

/// An error's awsQuery code and HTTP status.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct QueryError {
    pub code: String,
    pub http_status_code: Option<u16>,
    #[serde(default)]
    pub sender_fault: bool,
}

/// One test case: an input case has `params` and `serialized`; an output case has
/// `response` and either `result` or `error`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Case {
    pub id: String,
    pub given: Operation,
    #[serde(rename = "description")]
    pub _description: Option<String>,
    pub params: Option<Value>,
    pub serialized: Option<Request>,
    pub response: Option<Response>,
    pub result: Option<Value>,
    pub error: Option<Value>,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
}

/// The operation a case calls, in botocore's format.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Operation {
    pub name: String,
    /// Method and URI; the expected request of each input case names them again.
    #[serde(rename = "http")]
    pub _http: IgnoredAny,
    pub documentation: Option<String>,
    #[serde(default)]
    pub idempotent: bool,
    pub input: Option<ShapeRef>,
    pub output: Option<ShapeRef>,
    #[serde(default)]
    pub errors: Vec<ShapeRef>,
    pub endpoint: Option<Endpoint>,
    #[serde(rename = "requestcompression")]
    pub request_compression: Option<RequestCompression>,
}

/// A reference to a shape by name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShapeRef {
    pub shape: String,
}

/// The endpoint trait: a prefix the client puts before the host.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Endpoint {
    pub host_prefix: String,
}

/// The request compression trait: the encodings the client may apply.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestCompression {
    pub encodings: Vec<String>,
}

/// The request an input case expects.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Request {
    pub method: Option<String>,
    pub uri: Option<String>,
    pub body: Option<String>,
    #[serde(default)]
    pub headers: IndexMap<String, String>,
    /// Headers that must be present, whatever their value (`Content-Length`): the
    /// transport's business.
    #[serde(default, rename = "requireHeaders")]
    pub _require_headers: Vec<String>,
    pub host: Option<String>,
}

/// The response an output case gives.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub status_code: u16,
    #[serde(default)]
    pub headers: IndexMap<String, String>,
    pub body: Option<String>,
}

impl Response {
    /// The value of header `name`, whatever its case.
    pub fn header(&self, name: &str) -> Option<&str> {
        let mut headers = self.headers.iter();
        let found = headers.find(|(key, _)| key.eq_ignore_ascii_case(name));
        found.map(|(_, value)| value.as_str())
    }
}
