//! Derives: which items can have `Eq`, `Hash` and `Default`, and which need a `Debug`
//! written by hand to hide sensitive values.

use std::collections::{BTreeMap, BTreeSet};

use super::build::payload_types;
use serde_json::Value;

use super::{DefaultImpl, Item, ItemKind, RustType};

/// Fills in [`Item::derives`] for every item.
pub fn decide(items: &mut BTreeMap<String, Item>) {
    let without_eq = without_eq_hash(items);
    for item in items.values_mut() {
        item.derives.eq_hash = !without_eq.contains(&item.name);
        item.derives.default = default_impl(&item.kind);
        item.derives.redacted_debug = redacted(&item.kind);
    }
}

/// Items that cannot be `Eq`/`Hash`: they hold a float or a document, directly or
/// through other items. Unions always hold a document, for unknown members. Computed
/// as a fixpoint, so recursive items are handled.
fn without_eq_hash(items: &BTreeMap<String, Item>) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = items
        .values()
        .filter(|item| matches!(item.kind, ItemKind::Union { .. }))
        .map(|item| item.name.clone())
        .collect();
    loop {
        let before = out.len();
        for item in items.values() {
            let blocked = payload_types(&item.kind).iter().any(|ty| !is_eq(ty, &out));
            if blocked {
                out.insert(item.name.clone());
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

fn is_eq(ty: &RustType, without: &BTreeSet<String>) -> bool {
    match ty {
        RustType::F32 | RustType::F64 | RustType::Document => false,
        RustType::Named(name) => !without.contains(name),
        RustType::List { item, .. } => is_eq(item, without),
        RustType::Map { key, value, .. } => is_eq(key, without) && is_eq(value, without),
        _ => true,
    }
}

/// Structures get `Default` when no field needs a value the model does not give.
fn default_impl(kind: &ItemKind) -> DefaultImpl {
    let ItemKind::Struct { fields, .. } = kind else {
        return DefaultImpl::None;
    };
    if fields.iter().all(|f| f.optional) {
        return DefaultImpl::Derive;
    }
    if !fields.iter().all(|f| f.optional || f.default.is_some()) {
        return DefaultImpl::None;
    }
    let all_plain = fields
        .iter()
        .all(|f| f.default.as_ref().is_none_or(|v| is_type_default(&f.ty, v)));
    match all_plain {
        true => DefaultImpl::Derive,
        false => DefaultImpl::Model,
    }
}

/// Whether a model default is what `Default::default()` gives for the Rust type anyway.
fn is_type_default(ty: &RustType, value: &Value) -> bool {
    match (ty, value) {
        (RustType::Named(_) | RustType::BigInteger | RustType::BigDecimal, _) => false,
        (RustType::Document, _) => value.is_null(),
        (_, Value::Bool(b)) => !b,
        (_, Value::Number(n)) => n.as_f64() == Some(0.0),
        (RustType::String | RustType::Blob, Value::String(s)) => s.is_empty(),
        (RustType::List { .. }, Value::Array(items)) => items.is_empty(),
        (RustType::Map { .. }, Value::Object(entries)) => entries.is_empty(),
        _ => false,
    }
}

fn redacted(kind: &ItemKind) -> bool {
    match kind {
        ItemKind::Struct {
            fields, sensitive, ..
        } => *sensitive || fields.iter().any(|f| f.sensitive),
        ItemKind::Union {
            variants,
            sensitive,
            ..
        } => *sensitive || variants.iter().any(|v| v.sensitive),
        _ => false,
    }
}
