//! The `smithy.api` prelude shapes that every model may target without defining them.

use serde_json::Value;

use super::ast::{Shape, ShapeKind};
use super::traits::Traits;

/// The prelude shapes: id, kind, and the default value of the `Primitive*` ones.
const PRELUDE: &[(&str, fn() -> ShapeKind, Option<fn() -> Value>)] = &[
    ("String", || ShapeKind::String, None),
    ("Blob", || ShapeKind::Blob, None),
    ("BigInteger", || ShapeKind::BigInteger, None),
    ("BigDecimal", || ShapeKind::BigDecimal, None),
    ("Timestamp", || ShapeKind::Timestamp, None),
    ("Document", || ShapeKind::Document, None),
    ("Boolean", || ShapeKind::Boolean, None),
    (
        "PrimitiveBoolean",
        || ShapeKind::Boolean,
        Some(|| Value::Bool(false)),
    ),
    ("Byte", || ShapeKind::Byte, None),
    ("PrimitiveByte", || ShapeKind::Byte, Some(zero)),
    ("Short", || ShapeKind::Short, None),
    ("PrimitiveShort", || ShapeKind::Short, Some(zero)),
    ("Integer", || ShapeKind::Integer, None),
    ("PrimitiveInteger", || ShapeKind::Integer, Some(zero)),
    ("Long", || ShapeKind::Long, None),
    ("PrimitiveLong", || ShapeKind::Long, Some(zero)),
    ("Float", || ShapeKind::Float, None),
    ("PrimitiveFloat", || ShapeKind::Float, Some(zero)),
    ("Double", || ShapeKind::Double, None),
    ("PrimitiveDouble", || ShapeKind::Double, Some(zero)),
    ("Unit", unit, None),
];

fn zero() -> Value {
    Value::from(0)
}

fn unit() -> ShapeKind {
    ShapeKind::Structure(Default::default())
}

/// The prelude shapes, by absolute shape id.
pub fn shapes() -> impl Iterator<Item = (String, Shape)> {
    PRELUDE.iter().map(|(name, kind, default)| {
        let mut raw = indexmap::IndexMap::new();
        if let Some(default) = default {
            raw.insert("smithy.api#default".to_owned(), default());
        }
        let traits = Traits::try_from(raw).unwrap_or_default();
        let shape = Shape {
            kind: kind(),
            traits,
        };
        (format!("smithy.api#{name}"), shape)
    })
}

/// Whether `id` names the unit shape, which stands for "no value".
pub fn is_unit(id: &str) -> bool {
    id == "smithy.api#Unit"
}
