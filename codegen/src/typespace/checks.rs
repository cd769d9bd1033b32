//! Checks: what `validate()` tests on each member, from the constraint traits of the
//! member, its target, and the members of the lists and maps it holds; and the table
//! of patterns, each translated once.

use std::collections::{BTreeMap, BTreeSet};

use super::pattern;
use super::{Item, ItemId, ItemKind, PatternId};
use crate::error::Problem;
use crate::load::ast::ShapeKind;
use crate::load::traits::{Length, Range, Traits};
use crate::load::{Member, Model};
use crate::names::{self, Case};

/// What `validate()` tests on one value, and on the values inside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Checks {
    /// `@length`: characters of a string, bytes of a blob, entries of a list or map.
    pub length: Option<Length>,
    /// `@range`.
    pub range: Option<Range>,
    /// `@pattern`, by where the model declares it: a key of
    /// [`super::TypeSpace::patterns`].
    pub pattern: Option<PatternId>,
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
    /// The Rust name of the generated static, after the shape or member that declares
    /// the pattern.
    pub name: String,
    /// The pattern as the model writes it (ECMA 262).
    pub source: String,
    /// The pattern in `regex-lite` syntax, or why it is not checked.
    pub regex: Result<String, String>,
    /// A short string the pattern matches, for boundary tests.
    pub example: Option<String>,
    /// A short string the pattern does not match, for boundary tests.
    pub counterexample: Option<String>,
    /// Every shape and member that uses it.
    pub users: BTreeSet<(String, String)>,
}

/// The checks of the member `member` of the shape `owner`, which targets `target`. A
/// member's trait wins over its target's; generated items check themselves, so only
/// lists and maps are followed.
pub fn checks(model: &Model, owner: &str, member: (&str, &Traits), target: &str) -> Checks {
    let (member_name, traits) = member;
    let shape = model.get(target);
    let target_traits = shape.map(|s| &s.traits);
    let inner = match shape.map(|s| &s.kind) {
        Some(ShapeKind::List(list) | ShapeKind::Set(list)) => Inner::Items(Box::new(
            member_checks(model, target, "member", &list.member),
        )),
        Some(ShapeKind::Map(map)) => Inner::Entries {
            key: Box::new(member_checks(model, target, "key", &map.key)),
            value: Box::new(member_checks(model, target, "value", &map.value)),
        },
        _ => Inner::None,
    };
    let is_item = super::rust_type::is_item(model, target);
    let pattern = match (
        &traits.pattern,
        target_traits.and_then(|t| t.pattern.as_ref()),
    ) {
        (Some(_), _) => Some(PatternId {
            shape: owner.to_owned(),
            member: Some(member_name.to_owned()),
        }),
        (None, Some(_)) => Some(PatternId {
            shape: target.to_owned(),
            member: None,
        }),
        (None, None) => None,
    };
    Checks {
        length: pick(traits, target_traits, |t| t.length).filter(|_| !is_item),
        range: pick(traits, target_traits, |t| t.range.clone()).filter(|_| !is_item),
        pattern: pattern.filter(|_| !is_item),
        unique_items: traits.unique_items || target_traits.is_some_and(|t| t.unique_items),
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

fn member_checks(model: &Model, owner: &str, name: &str, member: &Member) -> Checks {
    let target = member.target.as_deref().unwrap_or_default();
    checks(model, owner, (name, &member.traits), target)
}

/// The model source of a declared pattern.
fn source(model: &Model, id: &PatternId) -> Option<String> {
    let shape = model.get(&id.shape)?;
    let traits = match (&id.member, &shape.kind) {
        (None, _) => &shape.traits,
        (Some(member), kind) => &aggregate_member(kind, member)?.traits,
    };
    traits.pattern.clone()
}

/// The member `name` of a structure, union, list or map.
fn aggregate_member<'a>(kind: &'a ShapeKind, name: &str) -> Option<&'a Member> {
    match (kind, name) {
        (ShapeKind::Structure(a) | ShapeKind::Union(a), _) => a.members.get(name),
        (ShapeKind::List(list) | ShapeKind::Set(list), "member") => Some(&list.member),
        (ShapeKind::Map(map), "key") => Some(&map.key),
        (ShapeKind::Map(map), "value") => Some(&map.value),
        _ => None,
    }
}

/// Every pattern the items use, translated once, each named after the shape or member
/// that declares it (`ARN`, `S3_CONFIG__PATH`), so that a model change renames nothing
/// else; and a warning for each one that cannot be checked, naming each shape and
/// member that uses it.
pub fn patterns(
    model: &Model,
    items: &BTreeMap<ItemId, Item>,
) -> (BTreeMap<PatternId, PatternInfo>, Vec<Problem>) {
    let mut users: BTreeMap<PatternId, BTreeSet<(String, String)>> = BTreeMap::new();
    for item in items.values() {
        for (member, checks) in member_checks_of(item) {
            let mut found = Vec::new();
            declarations(checks, &mut found);
            for id in found {
                let user = (item.id.to_string(), member.to_owned());
                users.entry(id).or_default().insert(user);
            }
        }
    }
    let static_names = static_names(users.keys());
    let mut warnings = Vec::new();
    let table = users
        .into_iter()
        .filter_map(|(id, users)| {
            let source = source(model, &id)?;
            let compiled = pattern::compile(&source);
            if let Err(reason) = &compiled {
                warnings.extend(users.iter().map(|(shape, member)| {
                    let message = format!("pattern `{source}` is not checked: {reason}");
                    Problem::member(shape, member, message)
                }));
            }
            let info = PatternInfo {
                name: static_names[&id].clone(),
                example: compiled
                    .as_ref()
                    .ok()
                    .and_then(|(regex, compiled)| pattern::example_of(regex, compiled)),
                counterexample: compiled
                    .as_ref()
                    .ok()
                    .and_then(|(_, compiled)| pattern::counterexample_of(compiled)),
                regex: compiled.map(|(regex, _)| regex),
                source,
                users,
            };
            Some((id, info))
        })
        .collect();
    (table, warnings)
}

/// The name of each pattern's static: the declaring shape's name in upper snake case,
/// and for a member's own pattern the member's name after a double underscore, which
/// no shape name gives. Names that still collide get the suffix of [`names::assign`].
fn static_names<'a>(ids: impl Iterator<Item = &'a PatternId>) -> BTreeMap<PatternId, String> {
    let candidates = ids.map(|id| {
        let shape = names::rust_ident(crate::load::shape_id::name(&id.shape), Case::UpperSnake);
        let name = match &id.member {
            Some(member) => format!("{shape}__{}", names::rust_ident(member, Case::UpperSnake)),
            None => shape,
        };
        (id.clone(), name)
    });
    names::assign(candidates, &BTreeSet::new(), Case::UpperSnake)
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

fn declarations(checks: &Checks, out: &mut Vec<PatternId>) {
    out.extend(checks.pattern.clone());
    match &checks.inner {
        Inner::None => {}
        Inner::Items(item) => declarations(item, out),
        Inner::Entries { key, value } => {
            declarations(key, out);
            declarations(value, out);
        }
    }
}
