//! Load: Smithy JSON AST text becomes a typed [`Model`], with `apply` statements merged
//! and the prelude added.

mod assemble;
pub mod ast;
pub mod corrections;
pub mod prelude;
pub mod shape_id;
pub mod traits;

use std::collections::{BTreeMap, BTreeSet};

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;

use crate::error::{Error, Problem};
pub use ast::{Member, Shape, ShapeKind};
pub use corrections::Correction;
pub use traits::Traits;

/// A loaded model: every shape by absolute id, prelude included, sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The model's file name, for messages and headers.
    pub file: String,
    /// The `smithy` version the model declares.
    pub smithy: String,
    /// The model's metadata, as raw JSON.
    pub metadata: IndexMap<String, Value>,
    /// Every shape by absolute id.
    pub shapes: BTreeMap<String, Shape>,
    /// Shapes that failed to load. They were reported already, so references to them
    /// are not reported again as dangling.
    pub broken: BTreeSet<String>,
    /// The corrections merged into the model, by the shape or member id they target
    /// (`ns#Shape$Member`).
    pub corrections: BTreeMap<String, Correction>,
}

impl Model {
    /// The shape with this id.
    pub fn get(&self, id: &str) -> Option<&Shape> {
        self.shapes.get(id)
    }

    /// The correction behind a member's constraints: its own, or else its target's, as
    /// long as the member does not set every corrected trait itself.
    pub fn correction(&self, shape: &str, member: &str) -> Option<&Correction> {
        if let Some(own) = self.corrections.get(&format!("{shape}${member}")) {
            return Some(own);
        }
        let kind = &self.get(shape)?.kind;
        let member = kind
            .members()
            .into_iter()
            .find(|(name, _)| *name == member)?
            .1;
        let inherited = self.corrections.get(member.target.as_deref()?)?;
        let overridden = |id: &String| sets(&member.traits, id);
        (!inherited.traits.iter().all(overridden)).then_some(inherited)
    }
}

/// Whether traits set the trait `id` themselves: the constraint traits by their typed
/// fields, any other by its raw value.
fn sets(traits: &Traits, id: &str) -> bool {
    match id {
        "smithy.api#pattern" => traits.pattern.is_some(),
        "smithy.api#length" => traits.length.is_some(),
        "smithy.api#range" => traits.range.is_some(),
        _ => traits.other().any(|(other, _)| other == id),
    }
}

#[derive(Deserialize)]
pub(crate) struct RawModel {
    #[serde(default)]
    smithy: Option<String>,
    #[serde(default)]
    metadata: IndexMap<String, Value>,
    #[serde(default)]
    shapes: IndexMap<String, Value>,
}

/// One model file: its name, for messages, and its text.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The file name, as errors should name it.
    pub name: &'a str,
    /// The JSON AST text.
    pub text: &'a str,
}

/// Parses model text. Malformed JSON is an error that gives its line and column. Problems
/// inside shapes are returned beside the model, each naming its shape and member, so
/// that validation can add its own and report them all together.
pub fn load(text: &str, file: &str) -> Result<(Model, Vec<Problem>), Error> {
    load_all(&[Source { name: file, text }])
}

/// Parses several files as one model: the model of record first, then files such as
/// corrections whose `apply` statements change it. Problems of the first file come back
/// beside the model, as with [`load`]; malformed JSON or a problem in any other file is
/// an error naming that file.
pub fn load_all(sources: &[Source]) -> Result<(Model, Vec<Problem>), Error> {
    let mut assembly = assemble::Assembly::default();
    for source in sources {
        assembly.add(source.name, parse_json(source.text, source.name)?);
    }
    assembly.finish()
}

/// What the model carries that the generator ignores but Smithy accepts with a
/// warning: members of typed trait values that the trait does not define, each naming
/// its shape, member and trait.
pub fn warnings(model: &Model) -> Vec<Problem> {
    let mut warnings = Vec::new();
    for (id, shape) in &model.shapes {
        for message in shape.traits.ignored() {
            warnings.push(Problem::shape(id, message));
        }
        for (name, member) in shape.kind.members() {
            for message in member.traits.ignored() {
                warnings.push(Problem::member(id, name, message));
            }
        }
    }
    warnings
}

fn parse_json(text: &str, file: &str) -> Result<RawModel, Error> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let message = match path.as_str() {
            "." | "" => inner.to_string(),
            _ => format!("at `{path}`: {inner}"),
        };
        Error::Json {
            file: file.to_owned(),
            line: inner.line(),
            column: inner.column(),
            message,
        }
    })
}

/// Reads one shape. Traits are read apart from the kind so that a problem in either
/// names the right place.
fn load_shape(id: &str, value: Value) -> Result<Shape, Problem> {
    let Value::Object(mut object) = value else {
        return Err(Problem::shape(id, "a shape must be a JSON object"));
    };
    let ty = match object.remove("type") {
        Some(Value::String(ty)) => ty,
        Some(_) => return Err(Problem::shape(id, "`type` must be a string")),
        None => return Err(Problem::shape(id, "missing `type`")),
    };
    let traits = match object.remove("traits") {
        Some(raw) => from_value(raw).map_err(|(_, msg)| Problem::shape(id, msg))?,
        None => Traits::default(),
    };
    let kind = kind(&ty, Value::Object(object)).map_err(|(path, msg)| match member_of(&path) {
        Some(member) => Problem::member(id, member, msg),
        None => Problem::shape(id, msg),
    })?;
    let kind = kind.ok_or_else(|| {
        let expected = ast::SHAPE_TYPES.join(", ");
        Problem::shape(
            id,
            format!("unknown shape type `{ty}`; expected one of {expected}"),
        )
    })?;
    Ok(Shape { kind, traits })
}

/// The shape kind for a `type`, read from the rest of the shape's object; `None` for a
/// type Smithy does not have.
pub(crate) fn kind(ty: &str, body: Value) -> Result<Option<ShapeKind>, (String, String)> {
    let kind = match ty {
        "blob" => ShapeKind::Blob,
        "boolean" => ShapeKind::Boolean,
        "string" => ShapeKind::String,
        "byte" => ShapeKind::Byte,
        "short" => ShapeKind::Short,
        "integer" => ShapeKind::Integer,
        "long" => ShapeKind::Long,
        "float" => ShapeKind::Float,
        "double" => ShapeKind::Double,
        "bigInteger" => ShapeKind::BigInteger,
        "bigDecimal" => ShapeKind::BigDecimal,
        "timestamp" => ShapeKind::Timestamp,
        "document" => ShapeKind::Document,
        "apply" => ShapeKind::Apply,
        "enum" => ShapeKind::Enum(from_value(body)?),
        "intEnum" => ShapeKind::IntEnum(from_value(body)?),
        "list" => ShapeKind::List(Box::new(from_value(body)?)),
        "set" => ShapeKind::Set(Box::new(from_value(body)?)),
        "map" => ShapeKind::Map(Box::new(from_value(body)?)),
        "structure" => ShapeKind::Structure(from_value(body)?),
        "union" => ShapeKind::Union(from_value(body)?),
        "service" => ShapeKind::Service(Box::new(from_value(body)?)),
        "operation" => ShapeKind::Operation(from_value(body)?),
        "resource" => ShapeKind::Resource(Box::new(from_value(body)?)),
        _ => return Ok(None),
    };
    Ok(Some(kind))
}

/// Deserializes a value, returning the path inside it and a message on failure.
fn from_value<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let message = match path.as_str() {
            "." | "" => err.into_inner().to_string(),
            _ => format!("at `{path}`: {}", err.into_inner()),
        };
        (path, message)
    })
}

/// The member a path inside a shape points into: `members.Foo.target` is in `Foo`.
fn member_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("members.")?;
    Some(rest.split('.').next().unwrap_or(rest))
}
