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
