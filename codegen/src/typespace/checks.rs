//! Checks: what `validate()` tests on each member, from the constraint traits of the
//! member, its target, and the members of the lists and maps it holds; and the table
//! of patterns, each translated once.

use std::collections::{BTreeMap, BTreeSet};

use super::pattern;
use super::{Item, ItemKind};
use crate::error::Problem;
use crate::load::ast::ShapeKind;
use crate::load::traits::{Length, Range, Traits};
use crate::load::Model;

/// What `validate()` tests on one value, and on the values inside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Checks {
    /// `@length`: characters of a string, bytes of a blob, entries of a list or map.
    pub length: Option<Length>,
    /// `@range`.
    pub range: Option<Range>,
    /// `@pattern`, by its model source: a key of [`super::TypeSpace::patterns`].
    pub pattern: Option<String>,
    /// `@uniqueItems`.
    pub unique_items: bool,
    /// The checks of list items or map entries.
    pub inner: Inner,
}

/// The checks inside a list or map value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Inner {
    /// Not a list or map.
    #[default]
    None,
    /// Each list item.
    Items(Box<Checks>),
    /// Each map entry.
    Entries {
        /// The key's checks.
        key: Box<Checks>,
        /// The value's checks.
        value: Box<Checks>,
    },
}

/// A model pattern as the generated crate checks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternInfo {
    /// The Rust name of the generated static.
    pub name: String,
    /// The pattern in `regex-lite` syntax, or why it is not checked.
    pub regex: Result<String, String>,
    /// A short string the pattern matches, for boundary tests.
    pub example: Option<String>,
    /// A short string the pattern does not match, for boundary tests.
    pub counterexample: Option<String>,
    /// Every shape and member that uses it.
    pub users: BTreeSet<(String, String)>,
}

/// The checks of a member that targets `target`. A member's trait wins over its
/// target's; generated items check themselves, so only lists and maps are followed.
pub fn checks(model: &Model, member: &Traits, target: &str) -> Checks {
    let shape = model.get(target);
    let target_traits = shape.map(|s| &s.traits);
    let inner = match shape.map(|s| &s.kind) {
        Some(ShapeKind::List(list) | ShapeKind::Set(list)) => {
            Inner::Items(Box::new(member_checks(model, &list.member)))
        }
        Some(ShapeKind::Map(map)) => Inner::Entries {
            key: Box::new(member_checks(model, &map.key)),
            value: Box::new(member_checks(model, &map.value)),
        },
        _ => Inner::None,
    };
    let is_item = super::rust_type::is_item(model, target);
    Checks {
        length: pick(member, target_traits, |t| t.length).filter(|_| !is_item),
        range: pick(member, target_traits, |t| t.range.clone()).filter(|_| !is_item),
        pattern: pick(member, target_traits, |t| t.pattern.clone()).filter(|_| !is_item),
        unique_items: member.unique_items || target_traits.is_some_and(|t| t.unique_items),
        inner,
    }
}

/// The member's value of a trait, else the target's: the rule for every constraint.
pub(super) fn pick<T>(
    member: &Traits,
    target: Option<&Traits>,
    f: fn(&Traits) -> Option<T>,
) -> Option<T> {
    f(member).or_else(|| target.and_then(f))
}

fn member_checks(model: &Model, member: &crate::load::Member) -> Checks {
    checks(
        model,
        &member.traits,
        member.target.as_deref().unwrap_or_default(),
    )
}

/// Every pattern the items use, translated once and named in source order; and a
/// warning for each one that cannot be checked, naming each shape and member.
pub fn patterns(items: &BTreeMap<String, Item>) -> (BTreeMap<String, PatternInfo>, Vec<Problem>) {
    let mut users: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for item in items.values() {
        for (member, checks) in member_checks_of(item) {
            let mut found = Vec::new();
            sources(checks, &mut found);
            for source in found {
                let user = (item.id.clone(), member.to_owned());
                users.entry(source).or_default().insert(user);
            }
        }
    }
    let mut warnings = Vec::new();
    let table = users
        .into_iter()
        .enumerate()
        .map(|(i, (source, users))| {
            let regex = pattern::translate(&source);
            if let Err(reason) = &regex {
                warnings.extend(users.iter().map(|(shape, member)| {
                    let message = format!("pattern `{source}` is not checked: {reason}");
                    Problem::member(shape, member, message)
                }));
            }
            let example = regex.as_deref().ok().and_then(pattern::example);
            let counterexample = regex.as_deref().ok().and_then(pattern::counterexample);
            let info = PatternInfo {
                name: format!("PATTERN_{i}"),
                regex,
                example,
                counterexample,
                users,
            };
            (source, info)
        })
        .collect();
    (table, warnings)
}

/// Notes on each field whose own pattern cannot be checked, for its docs.
pub fn mark_unchecked(
    items: &mut BTreeMap<String, Item>,
    patterns: &BTreeMap<String, PatternInfo>,
) {
    for item in items.values_mut() {
        let ItemKind::Struct { fields, .. } = &mut item.kind else {
            continue;
        };
        for field in fields {
            let info = field
                .constraints
                .pattern
                .as_ref()
                .and_then(|p| patterns.get(p));
            if let Some(Err(reason)) = info.map(|info| &info.regex) {
                field.constraints.pattern_unchecked = Some(reason.clone());
            }
        }
    }
}

/// The member names and checks of an item's fields or union members.
fn member_checks_of(item: &Item) -> Vec<(&str, &Checks)> {
    match &item.kind {
        ItemKind::Struct { fields, .. } => fields
            .iter()
            .map(|f| (f.member.as_str(), &f.checks))
            .collect(),
        ItemKind::Union { variants, .. } => variants
            .iter()
            .map(|v| (v.member.as_str(), &v.checks))
            .collect(),
        _ => Vec::new(),
    }
}

fn sources(checks: &Checks, out: &mut Vec<String>) {
    out.extend(checks.pattern.clone());
    match &checks.inner {
        Inner::None => {}
        Inner::Items(item) => sources(item, out),
        Inner::Entries { key, value } => {
            sources(key, out);
            sources(value, out);
        }
    }
}
