//! The `smithy.api` prelude shapes that every model may target without defining them.

use serde_json::{json, Value};

use super::ast::Shape;
use super::traits::Traits;

/// The prelude shapes: name, shape type, and whether the shape has a zero default
/// (the `Primitive*` ones).
const PRELUDE: &[(&str, &str, bool)] = &[
    ("String", "string", false),
    ("Blob", "blob", false),
    ("BigInteger", "bigInteger", false),
    ("BigDecimal", "bigDecimal", false),
    ("Timestamp", "timestamp", false),
    ("Document", "document", false),
    ("Boolean", "boolean", false),
    ("PrimitiveBoolean", "boolean", true),
    ("Byte", "byte", false),
    ("PrimitiveByte", "byte", true),
    ("Short", "short", false),
    ("PrimitiveShort", "short", true),
    ("Integer", "integer", false),
    ("PrimitiveInteger", "integer", true),
    ("Long", "long", false),
    ("PrimitiveLong", "long", true),
    ("Float", "float", false),
    ("PrimitiveFloat", "float", true),
    ("Double", "double", false),
    ("PrimitiveDouble", "double", true),
    ("Unit", "structure", false),
];

/// The prelude shapes, by absolute shape id.
pub fn shapes() -> impl Iterator<Item = (String, Shape)> {
    PRELUDE.iter().filter_map(|(name, ty, zero)| {
        let kind = super::kind(ty, json!({})).ok().flatten()?;
        let default = match *ty {
            "boolean" => Value::Bool(false),
            _ => Value::from(0),
        };
        let raw = zero.then(|| ("smithy.api#default".to_owned(), default));
        let traits =
            Traits::try_from(raw.into_iter().collect::<indexmap::IndexMap<_, _>>()).ok()?;
        Some((format!("smithy.api#{name}"), Shape { kind, traits }))
    })
}

/// Whether `id` names the unit shape, which stands for "no value".
pub fn is_unit(id: &str) -> bool {
    id == "smithy.api#Unit"
}
