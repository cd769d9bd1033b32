//! Which types the model uses: whether the crate gets the module, and which support code
//! and dependencies it needs.

use crate::typespace::{Item, ItemKind, RustType, TypeSpace};

/// The types of a structure's members or a union's variants; none for enums.
pub fn field_types(item: &Item) -> Vec<&RustType> {
    match &item.kind {
        ItemKind::Struct { fields, .. } => fields.iter().map(|f| &f.ty).collect(),
        ItemKind::Union { variants, .. } => variants.iter().filter_map(|v| v.ty.as_ref()).collect(),
        _ => Vec::new(),
    }
}

/// Whether the type, or a list item, map key or map value inside it, matches.
fn contains(ty: &RustType, pred: &dyn Fn(&RustType) -> bool) -> bool {
    pred(ty)
        || match ty {
            RustType::List { item, .. } => contains(item, pred),
            RustType::Map { key, value, .. } => contains(key, pred) || contains(value, pred),
            _ => false,
        }
}

/// Whether any member or variant of the model has a type that matches.
pub fn uses(space: &TypeSpace, pred: &dyn Fn(&RustType) -> bool) -> bool {
    space
        .items
        .values()
        .flat_map(field_types)
        .any(|ty| contains(ty, pred))
}

/// Whether any member or variant of the item is boxed.
pub fn is_boxed(item: &Item) -> bool {
    match &item.kind {
        ItemKind::Struct { fields, .. } => fields.iter().any(|f| f.boxed),
        ItemKind::Union { variants, .. } => variants.iter().any(|v| v.boxed),
        _ => false,
    }
}
