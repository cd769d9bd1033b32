//! The typed Smithy 2.0 JSON AST: shapes, members and references, as serde reads them.

use indexmap::IndexMap;
use serde::Deserialize;

use super::traits::Traits;

/// A reference to another shape: `{"target": "ns#Name"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ref {
    /// The absolute id of the shape referred to.
    pub target: String,
}

/// A member of an aggregate shape. The target is optional here so that a missing target
/// becomes a validation problem naming the member, not a parse error.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Member {
    /// The absolute id of the member's target shape.
    pub target: Option<String>,
    /// The member's traits.
    #[serde(default)]
    pub traits: Traits,
}

/// Members in model order, keyed by member name.
pub type Members = IndexMap<String, Member>;

/// A list or (Smithy 1.0) set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct List {
    /// The element member, conventionally named `member`.
    pub member: Member,
}

/// A map from keys to values.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Map {
    /// The key member.
    pub key: Member,
    /// The value member.
    pub value: Member,
}

/// A structure, union, enum or intEnum: named members.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Aggregate {
    /// The members, in model order.
    #[serde(default)]
    pub members: Members,
}

/// A service: the root of the shapes a client uses.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Service {
    /// The API version, such as `2018-06-26`.
    #[serde(default)]
    pub version: Option<String>,
    /// Operations bound directly to the service.
    #[serde(default)]
    pub operations: Vec<Ref>,
    /// Resources bound to the service.
    #[serde(default)]
    pub resources: Vec<Ref>,
    /// Errors every operation of the service can return.
    #[serde(default)]
    pub errors: Vec<Ref>,
    /// Shape renames that resolve name conflicts in the service closure.
    #[serde(default)]
    pub rename: IndexMap<String, String>,
}

/// An operation: input, output and errors.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Operation {
    /// The input structure; absent means `smithy.api#Unit`.
    #[serde(default)]
    pub input: Option<Ref>,
    /// The output structure; absent means `smithy.api#Unit`.
    #[serde(default)]
    pub output: Option<Ref>,
    /// The errors the operation can return.
    #[serde(default)]
    pub errors: Vec<Ref>,
}

/// A resource: identifiers, lifecycle operations and child resources.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Resource {
    /// Identifier names and the shapes they target.
    #[serde(default)]
    pub identifiers: IndexMap<String, Ref>,
    /// Property names and the shapes they target.
    #[serde(default)]
    pub properties: IndexMap<String, Ref>,
    /// Lifecycle operations.
    #[serde(default)]
    pub create: Option<Ref>,
    /// Lifecycle operation.
    #[serde(default)]
    pub put: Option<Ref>,
    /// Lifecycle operation.
    #[serde(default)]
    pub read: Option<Ref>,
    /// Lifecycle operation.
    #[serde(default)]
    pub update: Option<Ref>,
    /// Lifecycle operation.
    #[serde(default)]
    pub delete: Option<Ref>,
    /// Lifecycle operation.
    #[serde(default)]
    pub list: Option<Ref>,
    /// Instance operations.
    #[serde(default)]
    pub operations: Vec<Ref>,
    /// Collection operations.
    #[serde(default)]
    pub collection_operations: Vec<Ref>,
    /// Child resources.
    #[serde(default)]
    pub resources: Vec<Ref>,
}

impl Resource {
    /// Every operation bound to the resource itself, lifecycle ones first.
    pub fn all_operations(&self) -> impl Iterator<Item = &Ref> {
        let lifecycle = [
            &self.create,
            &self.put,
            &self.read,
            &self.update,
            &self.delete,
            &self.list,
        ];
        lifecycle
            .into_iter()
            .flatten()
            .chain(&self.operations)
            .chain(&self.collection_operations)
    }
}

/// A shape: what kind it is, and its traits.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The kind of shape and its members or bindings.
    pub kind: ShapeKind,
    /// The shape's traits.
    pub traits: Traits,
}

/// Every kind of shape in a Smithy 2.0 JSON AST, named by its `type`. Traits are read
/// separately into [`Shape::traits`].
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeKind {
    /// Uninterpreted bytes.
    Blob,
    /// `true` or `false`.
    Boolean,
    /// UTF-8 text.
    String,
    /// 8-bit signed integer.
    Byte,
    /// 16-bit signed integer.
    Short,
    /// 32-bit signed integer.
    Integer,
    /// 64-bit signed integer.
    Long,
    /// 32-bit float.
    Float,
    /// 64-bit float.
    Double,
    /// Arbitrary-precision integer.
    BigInteger,
    /// Arbitrary-precision decimal.
    BigDecimal,
    /// An instant in time.
    Timestamp,
    /// Untyped, JSON-like data.
    Document,
    /// A closed set of string values.
    Enum(Aggregate),
    /// A closed set of integer values.
    IntEnum(Aggregate),
    /// Ordered elements.
    List(Box<List>),
    /// Unique elements (Smithy 1.0; a list with `@uniqueItems` in 2.0).
    Set(Box<List>),
    /// Keys to values.
    Map(Box<Map>),
    /// Named members.
    Structure(Aggregate),
    /// Exactly one of its members.
    Union(Aggregate),
    /// A service.
    Service(Box<Service>),
    /// An operation.
    Operation(Operation),
    /// A resource.
    Resource(Box<Resource>),
    /// Traits applied to another shape or member.
    Apply,
}

impl ShapeKind {
    /// The members by name, in model order: an aggregate's members, a list's `member`,
    /// a map's `key` and `value`.
    pub fn members(&self) -> Vec<(&str, &Member)> {
        match self {
            ShapeKind::Enum(a)
            | ShapeKind::IntEnum(a)
            | ShapeKind::Structure(a)
            | ShapeKind::Union(a) => a.members.iter().map(|(n, m)| (n.as_str(), m)).collect(),
            ShapeKind::List(l) | ShapeKind::Set(l) => vec![("member", &l.member)],
            ShapeKind::Map(m) => vec![("key", &m.key), ("value", &m.value)],
            _ => Vec::new(),
        }
    }

    /// A member by name, mutably.
    pub fn member_mut(&mut self, name: &str) -> Option<&mut Member> {
        match self {
            ShapeKind::Enum(a)
            | ShapeKind::IntEnum(a)
            | ShapeKind::Structure(a)
            | ShapeKind::Union(a) => a.members.get_mut(name),
            ShapeKind::List(l) | ShapeKind::Set(l) => (name == "member").then_some(&mut l.member),
            ShapeKind::Map(m) => match name {
                "key" => Some(&mut m.key),
                "value" => Some(&mut m.value),
                _ => None,
            },
            _ => None,
        }
    }

    /// References to other shapes that are not members: an operation's input, output
    /// and errors, a service's or resource's operations, resources and errors.
    pub fn bindings(&self) -> Vec<(&'static str, &Ref)> {
        let mut out = Vec::new();
        match self {
            ShapeKind::Service(s) => {
                out.extend(s.operations.iter().map(|r| ("operations", r)));
                out.extend(s.resources.iter().map(|r| ("resources", r)));
                out.extend(s.errors.iter().map(|r| ("errors", r)));
            }
            ShapeKind::Operation(o) => {
                out.extend(o.input.iter().map(|r| ("input", r)));
                out.extend(o.output.iter().map(|r| ("output", r)));
                out.extend(o.errors.iter().map(|r| ("errors", r)));
            }
            ShapeKind::Resource(r) => {
                out.extend(r.identifiers.values().map(|r| ("identifiers", r)));
                out.extend(r.properties.values().map(|r| ("properties", r)));
                out.extend(r.all_operations().map(|r| ("operations", r)));
                out.extend(r.resources.iter().map(|r| ("resources", r)));
            }
            _ => {}
        }
        out
    }
}

/// The names of every shape type, for error messages.
pub const SHAPE_TYPES: &[&str] = &[
    "blob",
    "boolean",
    "string",
    "byte",
    "short",
    "integer",
    "long",
    "float",
    "double",
    "bigInteger",
    "bigDecimal",
    "timestamp",
    "document",
    "enum",
    "intEnum",
    "list",
    "set",
    "map",
    "structure",
    "union",
    "service",
    "operation",
    "resource",
    "apply",
];
