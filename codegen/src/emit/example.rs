//! Example bodies: a JSON value for any generated item, filled with sample values, for
//! the crate docs' doctest and the round-trip tests of standalone crates.

use serde_json::{json, Map, Value};

use crate::typespace::{Codec, EnumValue, Item, ItemKind, RustType, TypeSpace};

/// How deep nested structures are filled before they are left out.
const MAX_DEPTH: usize = 4;

/// Sample bodies for the items of a type space.
pub struct Samples<'a> {
    space: &'a TypeSpace,
}

impl<'a> Samples<'a> {
    /// Samples of the items of `space`.
    pub fn new(space: &'a TypeSpace) -> Self {
        Samples { space }
    }

    /// A sample JSON body for the item named `name`: every member that can be shown,
    /// with plausible values, nested structures filled to a few levels. `None` when a
    /// required member cannot be filled within that depth.
    pub fn body(&self, name: &str) -> Option<Value> {
        self.value(&RustType::Named(name.to_owned()), &Codec::Plain, 0)
    }

    /// A sample value of a list item or map value type, in its plain JSON form.
    pub fn sample(&self, ty: &RustType) -> Option<Value> {
        self.value(ty, &Codec::Plain, 1)
    }

    /// A sample of a type, in the form its codec gives it on the wire.
    fn value(&self, ty: &RustType, codec: &Codec, depth: usize) -> Option<Value> {
        let element = |codec: &Codec| match codec {
            Codec::List { item, .. } => item.as_ref().clone(),
            Codec::Map { value, .. } => value.as_ref().clone(),
            _ => Codec::Plain,
        };
        Some(match ty {
            RustType::String => json!("string"),
            RustType::Bool => json!(true),
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => json!(1),
            RustType::F32 | RustType::F64 => json!(1.5),
            RustType::BigInteger | RustType::BigDecimal => json!(10),
            RustType::Blob => json!("aGVsbG8="),
            RustType::Timestamp => match codec {
                Codec::DateTime => json!("2023-11-14T22:13:20Z"),
                Codec::HttpDate => json!("Tue, 14 Nov 2023 22:13:20 GMT"),
                _ => json!(1_700_000_000.5),
            },
            RustType::Document => json!({ "key": "value" }),
            RustType::List { item, .. } => json!([self.value(item, &element(codec), depth + 1)?]),
            RustType::Map { value, .. } => {
                json!({ "key": self.value(value, &element(codec), depth + 1)? })
            }
            RustType::Named(name) => self.named(self.space.item_named(name)?, depth)?,
        })
    }

    fn named(&self, item: &Item, depth: usize) -> Option<Value> {
        let recursive = matches!(item.kind, ItemKind::Struct { .. } | ItemKind::Union { .. });
        if recursive && depth > MAX_DEPTH {
            return None;
        }
        match &item.kind {
            ItemKind::Struct { fields, .. } => {
                let mut object = Map::new();
                for field in fields.iter().filter(|f| !f.http_bound) {
                    match self.value(&field.ty, &field.codec, depth + 1) {
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
                    Some(ty) => self.value(ty, &v.codec, depth + 1)?,
                    None => json!({}),
                };
                Some(json!({ v.wire_name.clone(): payload }))
            }),
        }
    }
}
