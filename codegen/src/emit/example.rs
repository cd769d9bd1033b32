//! Example bodies: a JSON value for any generated item, filled with sample values, for
//! the crate docs' doctest.

use serde_json::{json, Map, Value};

use crate::typespace::{EnumValue, Item, ItemKind, RustType, TypeSpace};

/// How deep nested structures are filled before they are left out.
const MAX_DEPTH: usize = 4;

/// A sample JSON body for the item named `name`: every member that can be shown, with
/// plausible values, nested structures filled to a few levels.
pub fn body(space: &TypeSpace, name: &str) -> Value {
    value(space, &RustType::Named(name.to_owned()), 0).unwrap_or_else(|| json!({}))
}

fn item<'a>(space: &'a TypeSpace, name: &str) -> Option<&'a Item> {
    space.items.values().find(|item| item.name == name)
}

fn value(space: &TypeSpace, ty: &RustType, depth: usize) -> Option<Value> {
    Some(match ty {
        RustType::String => json!("string"),
        RustType::Bool => json!(true),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => json!(1),
        RustType::F32 | RustType::F64 => json!(1.5),
        RustType::BigInteger | RustType::BigDecimal => json!(10),
        RustType::Blob => json!("aGVsbG8="),
        RustType::Timestamp => json!(1_700_000_000.5),
        RustType::Document => json!({ "key": "value" }),
        RustType::List { item, .. } => json!([value(space, item, depth + 1)?]),
        RustType::Map { value: v, .. } => json!({ "key": value(space, v, depth + 1)? }),
        RustType::Named(name) => named(space, item(space, name)?, depth)?,
    })
}

fn named(space: &TypeSpace, item: &Item, depth: usize) -> Option<Value> {
    match &item.kind {
        ItemKind::Struct { fields, .. } => {
            if depth > MAX_DEPTH {
                return None;
            }
            let mut object = Map::new();
            for field in fields.iter().filter(|f| !f.http_bound) {
                match value(space, &field.ty, depth + 1) {
                    Some(v) => {
                        object.insert(field.wire_name.clone(), v);
                    }
                    None if !field.optional => return None,
                    None => {}
                }
            }
            Some(Value::Object(object))
        }
        ItemKind::Enum { variants, .. } | ItemKind::IntEnum { variants, .. } => {
            Some(match &variants.first()?.value {
                EnumValue::String(s) => json!(s),
                EnumValue::Int(i) => json!(i),
            })
        }
        ItemKind::Union { variants, .. } => variants.iter().find_map(|v| {
            let payload = match &v.ty {
                Some(ty) => value(space, ty, depth + 1)?,
                None => json!({}),
            };
            Some(json!({ v.wire_name.clone(): payload }))
        }),
    }
}
