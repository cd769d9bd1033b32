//! Assembly: one or more model files become one model, the way Smithy assembles them:
//! the shapes of every file, the prelude, then every file's `apply` statements in order.
//! Each problem is charged to the file it comes from.

use std::collections::{BTreeMap, BTreeSet};

use indexmap::IndexMap;
use serde_json::Value;

use super::corrections::{self, Correction};
use super::{load_shape, prelude, traits::Traits, Model, RawModel, Shape};
use crate::error::{Error, Problem};

/// An `apply` statement: the file it is in, its target, and its traits as written.
struct Apply {
    file: usize,
    target: String,
    traits: IndexMap<String, Value>,
}

/// The model being assembled, and the problems found so far, by file.
#[derive(Default)]
pub(super) struct Assembly {
    files: Vec<String>,
    problems: Vec<Vec<Problem>>,
    smithy: Option<String>,
    metadata: IndexMap<String, Value>,
    shapes: BTreeMap<String, Shape>,
    origin: BTreeMap<String, usize>,
    broken: BTreeSet<String>,
    applies: Vec<Apply>,
    corrections: BTreeMap<String, Correction>,
}

impl Assembly {
    /// Adds the shapes and metadata of one file; its `apply` statements wait for
    /// [`Assembly::finish`], so they may target shapes of any file.
    pub(super) fn add(&mut self, file: &str, raw: RawModel) {
        let index = self.files.len();
        self.files.push(file.to_owned());
        self.problems.push(Vec::new());
        self.smithy = self.smithy.take().or(raw.smithy);
        for (key, value) in raw.metadata {
            self.add_metadata(index, key, value);
        }
        for (id, value) in raw.shapes {
            self.add_shape(index, id, value);
        }
    }

    fn add_metadata(&mut self, file: usize, key: String, value: Value) {
        match (self.metadata.get_mut(&key), value) {
            (None, value) => {
                self.metadata.insert(key, value);
            }
            (Some(Value::Array(first)), Value::Array(more)) => first.extend(more),
            (Some(first), value) if *first == value => {}
            (Some(_), _) => self.problems[file].push(Problem::shape(
                "(metadata)",
                format!("metadata `{key}` conflicts with an earlier file's"),
            )),
        }
    }

    fn add_shape(&mut self, file: usize, id: String, value: Value) {
        if is_apply(&value) {
            match apply_traits(&id, value) {
                Ok(traits) => self.applies.push(Apply {
                    file,
                    target: id,
                    traits,
                }),
                Err(problem) => self.problems[file].push(problem),
            }
            return;
        }
        let shape = match load_shape(&id, value) {
            Ok(shape) => shape,
            Err(problem) => {
                self.broken.insert(id);
                self.problems[file].push(problem);
                return;
            }
        };
        match self.shapes.get(&id) {
            Some(first) if *first != shape => {
                let first_file = &self.files[self.origin[&id]];
                let message = format!("defined differently in `{first_file}` already");
                self.problems[file].push(Problem::shape(id, message));
            }
            Some(_) => {}
            None => {
                self.origin.insert(id.clone(), file);
                self.shapes.insert(id, shape);
            }
        }
    }

    /// Adds the prelude and merges every `apply` statement. The problems of the first
    /// file come back beside the model, for validation to add its own; a problem in any
    /// other file (a corrections file, say) is an error naming that file.
    pub(super) fn finish(mut self) -> Result<(Model, Vec<Problem>), Error> {
        self.shapes.extend(prelude::shapes());
        for apply in std::mem::take(&mut self.applies) {
            if let Err(problem) = self.apply(&apply) {
                self.problems[apply.file].push(problem);
            }
        }
        let mut problems = self.problems.into_iter();
        let first = problems.next().unwrap_or_default();
        let mut rest = self.files.iter().skip(1).zip(problems);
        if let Some((file, more)) = rest.find(|(_, p)| !p.is_empty()) {
            return Err(Error::model(file, more));
        }
        let model = Model {
            file: self.files.first().cloned().unwrap_or_default(),
            smithy: self.smithy.unwrap_or_default(),
            metadata: self.metadata,
            shapes: self.shapes,
            broken: self.broken,
            corrections: self.corrections,
        };
        Ok((model, first))
    }

    /// Merges one `apply` statement's traits into the shape or member it targets, and
    /// records the correction it makes, if any.
    fn apply(&mut self, apply: &Apply) -> Result<(), Problem> {
        let target = apply.target.as_str();
        let problem = |message: String| Problem::shape(target, message);
        let file = &self.files[apply.file];
        let correction = corrections::read(file, &apply.traits).map_err(problem)?;
        let traits = Traits::try_from(apply.traits.clone()).map_err(problem)?;
        self.traits_of(target)?.merge(&traits).map_err(problem)?;
        match correction {
            Some(correction) => self.record(target, correction),
            None => Ok(()),
        }
    }

    /// The traits of the shape or member (`ns#Shape$member`) an `apply` statement targets.
    fn traits_of(&mut self, target: &str) -> Result<&mut Traits, Problem> {
        let dangling = || {
            Problem::shape(
                target,
                "`apply` targets a shape or member that does not exist",
            )
        };
        let (shape_id, member) = match target.split_once('$') {
            Some((shape, member)) => (shape, Some(member)),
            None => (target, None),
        };
        let shape = self.shapes.get_mut(shape_id).ok_or_else(dangling)?;
        match member {
            Some(member) => Ok(&mut shape.kind.member_mut(member).ok_or_else(dangling)?.traits),
            None => Ok(&mut shape.traits),
        }
    }

    /// Records a correction; a second correction of the same target is a problem.
    fn record(&mut self, target: &str, correction: Correction) -> Result<(), Problem> {
        if let Some(first) = self.corrections.get(target) {
            let message = format!("corrected in `{}` already", first.file);
            return Err(Problem::shape(target, message));
        }
        self.corrections.insert(target.to_owned(), correction);
        Ok(())
    }
}

fn is_apply(value: &Value) -> bool {
    value.get("type").and_then(Value::as_str) == Some("apply")
}

/// The traits of an `apply` statement, as written, once the statement reads like any
/// other shape.
fn apply_traits(id: &str, value: Value) -> Result<IndexMap<String, Value>, Problem> {
    let written = match value.get("traits") {
        Some(Value::Object(traits)) => traits.clone().into_iter().collect(),
        _ => IndexMap::new(),
    };
    load_shape(id, value)?;
    Ok(written)
}
