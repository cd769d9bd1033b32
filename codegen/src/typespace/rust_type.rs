//! The Rust type a member's target maps to: simple shapes become plain Rust types,
//! aggregates refer to generated items by name.

use std::collections::BTreeMap;

use super::ItemId;
use crate::load::ast::ShapeKind;
use crate::load::Model;

/// A Rust type, before it is turned into tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// The runtime's arbitrary-precision integer.
    BigInteger,
    /// The runtime's arbitrary-precision decimal.
    BigDecimal,
    /// `Vec<u8>`.
    Blob,
    /// The runtime's timestamp.
    Timestamp,
    /// The runtime's document.
    Document,
    /// A generated item, by its Rust name.
    Named(String),
    /// `Vec<T>`, or `Vec<Option<T>>` when sparse.
    List {
        /// The element type.
        item: Box<RustType>,
        /// Whether elements may be null.
        sparse: bool,
    },
    /// `BTreeMap<K, V>`, or `BTreeMap<K, Option<V>>` when sparse.
    Map {
        /// The key type.
        key: Box<RustType>,
        /// The value type.
        value: Box<RustType>,
        /// Whether values may be null.
        sparse: bool,
    },
}

impl RustType {
    /// Every generated item this type mentions, directly or inside lists and maps,
    /// with whether the mention is behind a heap indirection (a list or map).
    pub fn named(&self, behind_heap: bool, out: &mut Vec<(String, bool)>) {
        match self {
            RustType::Named(name) => out.push((name.clone(), behind_heap)),
            RustType::List { item, .. } => item.named(true, out),
            RustType::Map { key, value, .. } => {
                key.named(true, out);
                value.named(true, out);
            }
            _ => {}
        }
    }
}

/// Maps a target shape id to its Rust type. `names` holds the Rust names of generated
/// items by shape id.
pub fn rust_type(model: &Model, names: &BTreeMap<ItemId, String>, target: &str) -> RustType {
    if let Some(name) = names.get(target) {
        return RustType::Named(name.clone());
    }
    let Some(shape) = model.get(target) else {
        return RustType::Document;
    };
    let member_type = |member: &crate::load::Member| {
        Box::new(rust_type(
            model,
            names,
            member.target.as_deref().unwrap_or_default(),
        ))
    };
    match &shape.kind {
        ShapeKind::Blob => RustType::Blob,
        ShapeKind::Boolean => RustType::Bool,
        ShapeKind::String => RustType::String,
        ShapeKind::Byte => RustType::I8,
        ShapeKind::Short => RustType::I16,
        ShapeKind::Integer => RustType::I32,
        ShapeKind::Long => RustType::I64,
        ShapeKind::Float => RustType::F32,
        ShapeKind::Double => RustType::F64,
        ShapeKind::BigInteger => RustType::BigInteger,
        ShapeKind::BigDecimal => RustType::BigDecimal,
        ShapeKind::Timestamp => RustType::Timestamp,
        ShapeKind::List(list) | ShapeKind::Set(list) => RustType::List {
            item: member_type(&list.member),
            sparse: shape.traits.sparse,
        },
        ShapeKind::Map(map) => RustType::Map {
            key: member_type(&map.key),
            value: member_type(&map.value),
            sparse: shape.traits.sparse,
        },
        _ => RustType::Document,
    }
}

/// Whether the shape becomes a generated item of its own (a struct or an enum), rather
/// than a plain Rust type.
pub fn is_item(model: &Model, id: &str) -> bool {
    let Some(shape) = model.get(id) else {
        return false;
    };
    match &shape.kind {
        ShapeKind::Structure(_)
        | ShapeKind::Union(_)
        | ShapeKind::Enum(_)
        | ShapeKind::IntEnum(_) => true,
        ShapeKind::String => shape.traits.enum_definitions.is_some(),
        _ => false,
    }
}
