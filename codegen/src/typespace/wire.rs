//! Wire facts: the JSON protocol a service speaks, and for each member its name in a
//! JSON body and the codec that reads and writes its value there.

use crate::load::ast::ShapeKind;
use crate::load::traits::{TimestampFormat, Traits};
use crate::load::Model;

/// The JSON-based protocols, whose bodies the generated serde impls read and write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonProtocol {
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#restJson1`.
    RestJson1,
}

impl JsonProtocol {
    /// The protocol of a service, from its protocol trait; `None` for XML and query
    /// protocols, which get no serde.
    pub fn of(protocol: Option<&str>) -> Option<Self> {
        match protocol? {
            "aws.protocols#awsJson1_0" => Some(JsonProtocol::AwsJson1_0),
            "aws.protocols#awsJson1_1" => Some(JsonProtocol::AwsJson1_1),
            "aws.protocols#restJson1" => Some(JsonProtocol::RestJson1),
            _ => None,
        }
    }

    /// The request and response content type.
    pub fn content_type(self) -> &'static str {
        match self {
            JsonProtocol::AwsJson1_0 => "application/x-amz-json-1.0",
            JsonProtocol::AwsJson1_1 => "application/x-amz-json-1.1",
            JsonProtocol::RestJson1 => "application/json",
        }
    }

    /// Whether `@jsonName` renames members: only restJson1 honors it.
    pub fn honors_json_name(self) -> bool {
        self == JsonProtocol::RestJson1
    }
}

/// How a value is read and written in a JSON body: the codec types of the runtime's
/// `wire` module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Codec {
    /// serde's own impl: strings, booleans, integers, generated items.
    Plain,
    /// `f32`/`f64`, with NaN and infinities as strings.
    Float,
    /// Bytes as base64.
    Blob,
    /// A timestamp as epoch seconds.
    EpochSeconds,
    /// A timestamp as RFC 3339 text.
    DateTime,
    /// A timestamp as IMF-fixdate text.
    HttpDate,
    /// A list; nulls are skipped, or kept when sparse.
    List {
        /// The element codec.
        item: Box<Codec>,
        /// Whether elements may be null.
        sparse: bool,
    },
    /// A map; null values are skipped, or kept when sparse.
    Map {
        /// The value codec.
        value: Box<Codec>,
        /// Whether values may be null.
        sparse: bool,
    },
}

/// The codec of a member's value, from its target shape and the member's own
/// `@timestampFormat`.
pub fn codec(model: &Model, target: &str, member: &Traits) -> Codec {
    let Some(shape) = model.get(target) else {
        return Codec::Plain;
    };
    let element =
        |m: &crate::load::Member| codec(model, m.target.as_deref().unwrap_or_default(), &m.traits);
    match &shape.kind {
        ShapeKind::Float | ShapeKind::Double => Codec::Float,
        ShapeKind::Blob => Codec::Blob,
        ShapeKind::Timestamp => match member.timestamp_format.or(shape.traits.timestamp_format) {
            Some(TimestampFormat::DateTime) => Codec::DateTime,
            Some(TimestampFormat::HttpDate) => Codec::HttpDate,
            _ => Codec::EpochSeconds,
        },
        ShapeKind::List(list) | ShapeKind::Set(list) => Codec::List {
            item: Box::new(element(&list.member)),
            sparse: shape.traits.sparse,
        },
        ShapeKind::Map(map) => Codec::Map {
            value: Box::new(element(&map.value)),
            sparse: shape.traits.sparse,
        },
        _ => Codec::Plain,
    }
}

/// The traits that bind a member to the HTTP message instead of the body.
const HTTP_BINDINGS: &[&str] = &[
    "smithy.api#httpHeader",
    "smithy.api#httpLabel",
    "smithy.api#httpQuery",
    "smithy.api#httpQueryParams",
    "smithy.api#httpPrefixHeaders",
    "smithy.api#httpResponseCode",
    "smithy.api#httpPayload",
];

/// Whether a member travels outside the JSON body (restJson1 HTTP bindings).
pub fn is_http_bound(member: &Traits) -> bool {
    member.other().any(|(id, _)| HTTP_BINDINGS.contains(&id))
}

/// A member's name in a JSON body.
pub fn wire_name(protocol: Option<JsonProtocol>, member: &str, traits: &Traits) -> String {
    match (protocol, &traits.json_name) {
        (Some(p), Some(name)) if p.honors_json_name() => name.clone(),
        _ => member.to_owned(),
    }
}
