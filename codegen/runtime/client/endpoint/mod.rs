//! Endpoints: the model's `smithy.rules#endpointRuleSet`, evaluated for a region and
//! the other parameters the rules declare.
//!
//! ```ignore
//! let rules = RuleSet::from_json(SERVICE_RULES)?;
//! let mut params = Params::new();
//! params.set("Region", "us-west-2").set("UseFIPS", false);
//! let endpoint = rules.resolve(&params)?;
//! let url = endpoint.url();
//! ```
//!
//! [`RuleSet::resolve_with`] takes other [`Partitions`] data than the built-in one.
//!
//! The rules call the functions of Smithy's rules engine (`isSet`, `not`, `getAttr`,
//! `booleanEquals`, `stringEquals`, `isValidHostLabel`, `substring`, `uriEncode`,
//! `parseURL`, `split`) and of AWS (`aws.partition`, `aws.parseArn`,
//! `aws.isVirtualHostableS3Bucket`).
//!
//! `partitions.json`, the partition data behind `aws.partition`, is botocore 1.44.8's
//! `botocore/data/partitions.json`, unmodified: Copyright Amazon.com, Inc. or its
//! affiliates, under the Apache License 2.0; the generator's source keeps the license
//! and notice beside it, as `PARTITIONS-LICENSE` and `PARTITIONS-NOTICE`.

mod eval;
mod functions;
pub(crate) use functions::is_valid_host_label;
mod params;
mod partitions;
mod rules;

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt;

pub use params::{Params, Value};
pub use partitions::Partitions;
pub use rules::RuleSet;

/// A resolved endpoint: the URL to send requests to, headers to add, and properties
/// such as the auth schemes to sign with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    url: String,
    headers: BTreeMap<String, Vec<String>>,
    properties: BTreeMap<String, Value>,
}

impl Endpoint {
    /// The URL, such as `https://forecast.us-west-2.amazonaws.com`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Headers to send with every request to the endpoint, each with its values.
    pub fn headers(&self) -> &BTreeMap<String, Vec<String>> {
        &self.headers
    }

    /// The endpoint's properties, by name, such as `authSchemes`.
    pub fn properties(&self) -> &BTreeMap<String, Value> {
        &self.properties
    }

    /// The auth schemes of the `authSchemes` property, in order of preference; empty
    /// when the rules give none.
    pub fn auth_schemes(&self) -> Vec<AuthScheme> {
        let schemes = self.properties.get("authSchemes").and_then(Value::as_array);
        schemes
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_record)
            .filter_map(AuthScheme::from_record)
            .collect()
    }
}

/// An auth scheme of an endpoint: how to sign requests sent to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthScheme {
    name: String,
    signing_name: Option<String>,
    signing_region: Option<String>,
    signing_region_set: Vec<String>,
    disable_double_encoding: bool,
}

impl AuthScheme {
    fn from_record(fields: &BTreeMap<String, Value>) -> Option<AuthScheme> {
        let text = |key: &str| fields.get(key).and_then(Value::as_str).map(str::to_owned);
        let region_set = fields.get("signingRegionSet").and_then(Value::as_array);
        Some(AuthScheme {
            name: text("name")?,
            signing_name: text("signingName"),
            signing_region: text("signingRegion"),
            signing_region_set: region_set
                .unwrap_or_default()
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            disable_double_encoding: fields
                .get("disableDoubleEncoding")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        })
    }

    /// The scheme's name, such as `sigv4` or `sigv4a`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The service name to sign with, if the rules give one.
    pub fn signing_name(&self) -> Option<&str> {
        self.signing_name.as_deref()
    }

    /// The region to sign with (SigV4), if the rules give one.
    pub fn signing_region(&self) -> Option<&str> {
        self.signing_region.as_deref()
    }

    /// The regions to sign for (SigV4a); empty if the rules give none.
    pub fn signing_region_set(&self) -> &[String] {
        &self.signing_region_set
    }

    /// Whether the path must not be percent-encoded a second time when signing.
    pub fn disable_double_encoding(&self) -> bool {
        self.disable_double_encoding
    }
}

/// Why no endpoint was resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndpointError {
    /// An `error` rule applied: its message, such as
    /// `Invalid Configuration: Missing Region`.
    Rule(String),
    /// A parameter the rule set requires has no value and no default.
    MissingParam(String),
    /// A parameter was set to a value of another type than the rule set declares.
    ParamType {
        /// The parameter.
        name: String,
        /// Its declared type: `String`, `Boolean` or `stringArray`.
        expected: &'static str,
    },
    /// No rule applied to the parameters.
    NoMatch,
    /// The rule set is malformed.
    InvalidRuleSet {
        /// Where: a path into the rule set's JSON, such as `rules[2].conditions[0]`.
        at: String,
        /// What is wrong there.
        message: String,
    },
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointError::Rule(message) => write!(f, "endpoint rules: {message}"),
            EndpointError::MissingParam(name) => {
                write!(f, "endpoint parameter `{name}` is required and not set")
            }
            EndpointError::ParamType { name, expected } => {
                write!(f, "endpoint parameter `{name}` must be of type {expected}")
            }
            EndpointError::NoMatch => write!(f, "no endpoint rule applies to the parameters"),
            EndpointError::InvalidRuleSet { at, message } => {
                write!(f, "invalid endpoint rule set at {at}: {message}")
            }
        }
    }
}

impl Error for EndpointError {}
