//! Derives: which items can have `Eq`, `Hash` and `Default`, and which need a `Debug`
//! written by hand to hide sensitive values.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{DefaultImpl, Derives, ItemKind, RustType};

/// The derives of every item, from the kinds of all items by Rust name.
pub fn decide<'a>(kinds: &BTreeMap<&'a str, &ItemKind>) -> BTreeMap<&'a str, Derives> {
    let without_eq = without_eq_hash(kinds);
    kinds
        .iter()
        .map(|(name, kind)| {
            let derives = Derives {
                eq_hash: !without_eq.contains(name),
                default: default_impl(kind),
                redacted_debug: redacted(kind),
            };
            (*name, derives)
        })
        .collect()
}

/// Items that cannot be `Eq`/`Hash`: they hold a float or a document, directly or
/// through other items. Unions always hold a document, for unknown members. Computed
/// as a fixpoint, so recursive items are handled.
fn without_eq_hash<'a>(kinds: &BTreeMap<&'a str, &ItemKind>) -> BTreeSet<&'a str> {
    let mut out: BTreeSet<&str> = kinds
        .iter()
        .filter(|(_, kind)| matches!(kind, ItemKind::Union { .. }))
        .map(|(name, _)| *name)
        .collect();
    loop {
        let before = out.len();
        for (name, kind) in kinds {
            let blocked = kind.payload_types().iter().any(|ty| !is_eq(ty, &out));
            if blocked {
                out.insert(name);
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

fn is_eq(ty: &RustType, without: &BTreeSet<&str>) -> bool {
    match ty {
        RustType::F32 | RustType::F64 | RustType::Document => false,
        RustType::Named(name) => !without.contains(name.as_str()),
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
