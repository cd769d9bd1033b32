//! Which types the model uses: whether the crate gets the module, which support code and
//! dependencies it needs, and which items' conversions can fail.

use std::collections::{BTreeMap, BTreeSet};

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

/// Whether the model has a union.
pub fn has_unions(space: &TypeSpace) -> bool {
    space
        .items
        .values()
        .any(|i| matches!(i.kind, ItemKind::Union { .. }))
}

/// Whether any member or variant of the item is boxed.
pub fn is_boxed(item: &Item) -> bool {
    match &item.kind {
        ItemKind::Struct { fields, .. } => fields.iter().any(|f| f.boxed),
        ItemKind::Union { variants, .. } => variants.iter().any(|v| v.boxed),
        _ => false,
    }
}

/// Items whose conversions can fail: unions, and every item that holds one.
pub fn fallible_items<'a>(items: &BTreeMap<&'a str, &'a Item>) -> BTreeSet<&'a str> {
    let mut fallible: BTreeSet<&str> = items
        .iter()
        .filter(|(_, i)| matches!(i.kind, ItemKind::Union { .. }))
        .map(|(name, _)| *name)
        .collect();
    loop {
        let before = fallible.len();
        for (name, item) in items {
            let holds = field_types(item).into_iter().any(|ty| {
                contains(
                    ty,
                    &|t| matches!(t, RustType::Named(n) if fallible.contains(n.as_str())),
                )
            });
            if holds {
                fallible.insert(name);
            }
        }
        if fallible.len() == before {
            return fallible;
        }
    }
}
