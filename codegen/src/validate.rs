//! Validate: checks the whole loaded model before anything is generated, collecting every
//! problem instead of stopping at the first.

use crate::error::{Error, Problem};
use crate::load::ast::{Ref, ShapeKind};
use crate::load::shape_id::{self, PRELUDE};
use crate::load::traits::EnumValue;
use crate::load::{Model, Shape};

/// What kind of shape a reference must point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Anything a member may target: not a service, operation or resource.
    Data,
    Operation,
    Resource,
    Structure,
}

/// Checks that every shape id is well formed, every member has a target, every target
/// resolves to the right kind of shape, and the model has exactly one service. The
/// problems found while loading are reported with these, all at once.
pub fn validate(model: &Model, mut problems: Vec<Problem>) -> Result<(), Error> {
    for (id, shape) in &model.shapes {
        if let Err(message) = shape_id::parse(id) {
            problems.push(Problem::shape(id, message));
        }
        check_members(model, id, shape, &mut problems);
        for (field, reference) in shape.kind.bindings() {
            let expect = match field {
                "operations" => Expect::Operation,
                "resources" => Expect::Resource,
                "identifiers" | "properties" => Expect::Data,
                _ => Expect::Structure,
            };
            if let Err(message) = check_ref(model, reference, expect) {
                problems.push(Problem::shape(id, format!("`{field}`: {message}")));
            }
        }
    }
    check_services(model, &mut problems);
    problems.extend(collection_cycles(model));
    match problems.is_empty() {
        true => Ok(()),
        false => Err(Error::model(&model.file, problems)),
    }
}

fn check_members(model: &Model, id: &str, shape: &Shape, problems: &mut Vec<Problem>) {
    for (name, member) in shape.kind.members() {
        if !shape_id::is_identifier(name) {
            problems.push(Problem::member(
                id,
                name,
                "member name is not a valid identifier",
            ));
        }
        let Some(target) = &member.target else {
            problems.push(Problem::member(id, name, "member has no `target`"));
            continue;
        };
        let reference = Ref {
            target: target.clone(),
        };
        if let Err(message) = check_ref(model, &reference, Expect::Data) {
            problems.push(Problem::member(id, name, message));
        }
    }
    if let ShapeKind::IntEnum(aggregate) = &shape.kind {
        for (name, member) in &aggregate.members {
            if !matches!(member.traits.enum_value, Some(EnumValue::Int(_))) {
                problems.push(Problem::member(
                    id,
                    name,
                    "intEnum member needs an integer `enumValue`",
                ));
            }
        }
    }
    if let ShapeKind::Enum(aggregate) = &shape.kind {
        for (name, member) in &aggregate.members {
            if matches!(member.traits.enum_value, Some(EnumValue::Int(_))) {
                problems.push(Problem::member(
                    id,
                    name,
                    "enum member needs a string `enumValue`",
                ));
            }
        }
    }
}

fn check_ref(model: &Model, reference: &Ref, expect: Expect) -> Result<(), String> {
    let target = &reference.target;
    shape_id::parse(target)?;
    if model.broken.contains(target) {
        return Ok(());
    }
    let Some(shape) = model.get(target) else {
        let hint = match shape_id::parse(target) {
            Ok(parts) if parts.namespace == PRELUDE => " (not a prelude shape)",
            _ => "",
        };
        return Err(format!(
            "target `{target}` does not resolve to a shape{hint}"
        ));
    };
    let ok = match expect {
        Expect::Data => !matches!(
            shape.kind,
            ShapeKind::Service(_) | ShapeKind::Operation(_) | ShapeKind::Resource(_)
        ),
        Expect::Operation => matches!(shape.kind, ShapeKind::Operation(_)),
        Expect::Resource => matches!(shape.kind, ShapeKind::Resource(_)),
        Expect::Structure => matches!(shape.kind, ShapeKind::Structure(_)),
    };
    match ok {
        true => Ok(()),
        false => Err(format!(
            "target `{target}` is a {}, which cannot be used here",
            kind_name(&shape.kind)
        )),
    }
}

fn kind_name(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Service(_) => "service",
        ShapeKind::Operation(_) => "operation",
        ShapeKind::Resource(_) => "resource",
        ShapeKind::Structure(_) => "structure",
        ShapeKind::Union(_) => "union",
        ShapeKind::List(_) | ShapeKind::Set(_) => "list",
        ShapeKind::Map(_) => "map",
        ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => "enum",
        _ => "simple shape",
    }
}

fn check_services(model: &Model, problems: &mut Vec<Problem>) {
    let services: Vec<&String> = services(model).collect();
    match services.len() {
        1 => {}
        0 => problems.push(Problem::shape(
            "(model)",
            "the model has no service shape, so there is nothing to generate",
        )),
        _ => problems.push(Problem::shape(
            services[0],
            format!(
                "the model has {} services ({}); exactly one is supported",
                services.len(),
                services
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// The ids of the model's service shapes.
pub fn services(model: &Model) -> impl Iterator<Item = &String> {
    model
        .shapes
        .iter()
        .filter(|(_, shape)| matches!(shape.kind, ShapeKind::Service(_)))
        .map(|(id, _)| id)
}

/// Lists, sets and maps that contain themselves through other collections only. Rust
/// needs a named type (a structure or union) somewhere in a cycle to box, so these
/// models cannot be represented; Smithy rejects them too.
fn collection_cycles(model: &Model) -> Vec<Problem> {
    model
        .shapes
        .iter()
        .filter(|(id, _)| reaches_itself(model, id))
        .map(|(id, _)| {
            Problem::shape(
                id,
                "lists and maps that contain themselves with no structure or union in between \
                 cannot be represented",
            )
        })
        .collect()
}

fn reaches_itself(model: &Model, start: &str) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = collection_targets(model, start);
    while let Some(id) = stack.pop() {
        if id == start {
            return true;
        }
        if seen.insert(id.clone()) {
            stack.extend(collection_targets(model, &id));
        }
    }
    false
}

/// The member targets of a list, set or map; nothing for any other shape.
fn collection_targets(model: &Model, id: &str) -> Vec<String> {
    let Some(shape) = model.get(id) else {
        return Vec::new();
    };
    match &shape.kind {
        ShapeKind::List(_) | ShapeKind::Set(_) | ShapeKind::Map(_) => shape
            .kind
            .members()
            .into_iter()
            .filter_map(|(_, member)| member.target.clone())
            .collect(),
        _ => Vec::new(),
    }
}
