//! Select: the operations to generate, and the closure of shapes they reach.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::error::{Error, Problem};
use crate::load::ast::ShapeKind;
use crate::load::shape_id;
use crate::load::{prelude, Model};
use crate::validate::services;

/// The part of the model to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// The service's shape id.
    pub service: String,
    /// The selected operations' shape ids, sorted.
    pub operations: BTreeSet<String>,
    /// Every data shape the operations reach (inputs, outputs, errors and everything
    /// their members target), sorted; the prelude and `Unit` are left out.
    pub shapes: BTreeSet<String>,
    /// The errors each operation can return: its own, then the service's, sorted.
    pub errors: BTreeMap<String, Vec<String>>,
}

/// Selects the service's operations, narrowed to `requested` (operation names or shape
/// ids) when that is not empty, and the closure of shapes they reach.
pub fn select(model: &Model, requested: &[String]) -> Result<Selection, Error> {
    let service = services(model)
        .next()
        .cloned()
        .ok_or_else(|| Error::model(&model.file, vec![Problem::shape("(model)", "no service")]))?;
    let all = service_operations(model, &service);
    let operations = narrow(model, &service, &all, requested)?;
    let service_errors = match &model.shapes[&service].kind {
        ShapeKind::Service(s) => s.errors.iter().map(|r| r.target.clone()).collect(),
        _ => Vec::new(),
    };
    let mut errors = BTreeMap::new();
    let mut roots = Vec::new();
    for op in &operations {
        let ShapeKind::Operation(operation) = &model.shapes[op].kind else {
            continue;
        };
        roots.extend(
            operation
                .input
                .iter()
                .chain(&operation.output)
                .map(|r| r.target.clone()),
        );
        let mut op_errors: Vec<String> =
            operation.errors.iter().map(|r| r.target.clone()).collect();
        op_errors.extend(service_errors.iter().cloned());
        dedup_keep_order(&mut op_errors);
        roots.extend(op_errors.iter().cloned());
        errors.insert(op.clone(), op_errors);
    }
    Ok(Selection {
        shapes: closure(model, roots),
        service,
        operations,
        errors,
    })
}

fn dedup_keep_order(items: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    items.retain(|item| seen.insert(item.clone()));
}

/// Every operation bound to the service, directly or through its resources.
fn service_operations(model: &Model, service: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut queue = VecDeque::from([service.to_owned()]);
    let mut seen = BTreeSet::new();
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(shape) = model.get(&id) else {
            continue;
        };
        for (field, reference) in shape.kind.bindings() {
            match field {
                "operations" => {
                    out.insert(reference.target.clone());
                }
                "resources" => queue.push_back(reference.target.clone()),
                _ => {}
            }
        }
    }
    out
}

fn narrow(
    model: &Model,
    service: &str,
    all: &BTreeSet<String>,
    requested: &[String],
) -> Result<BTreeSet<String>, Error> {
    if requested.is_empty() {
        return Ok(all.clone());
    }
    let mut chosen = BTreeSet::new();
    let mut problems = Vec::new();
    for name in requested {
        match all
            .iter()
            .find(|id| *id == name || shape_id::name(id) == name)
        {
            Some(id) => {
                chosen.insert(id.clone());
            }
            None => problems.push(Problem::shape(
                service,
                format!("--operation `{name}`: the service has no such operation"),
            )),
        }
    }
    match problems.is_empty() {
        true => Ok(chosen),
        false => Err(Error::model(&model.file, problems)),
    }
}

/// Every shape reachable from `roots` through members, prelude and `Unit` excluded.
fn closure(model: &Model, roots: Vec<String>) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from(roots);
    while let Some(id) = queue.pop_front() {
        if prelude::is_unit(&id) || !seen.insert(id.clone()) {
            continue;
        }
        let Some(shape) = model.get(&id) else {
            continue;
        };
        for (_, member) in shape.kind.members() {
            queue.extend(member.target.clone());
        }
    }
    seen.retain(|id| !id.starts_with("smithy.api#"));
    seen
}
