//! Type space: decides every Rust name, type, `Option` and `Box` before any code is
//! emitted. Everything is kept in `BTreeMap`s, so the output never depends on hash order.

mod build;
pub mod checks;
pub mod cycles;
mod derives;
pub mod ids;
pub mod pattern;
pub mod rust_type;
pub mod wire;

use std::collections::BTreeMap;

use serde_json::Value;

pub use build::build;
pub use checks::{Checks, Inner, PatternInfo};
pub use ids::{ItemId, OperationId, PatternId, TypeKey};
pub use rust_type::RustType;
pub use wire::{Codec, JsonProtocol};

use crate::load::traits::{Deprecated, Paginated};
use crate::load::Correction;

/// Everything the emitter needs, decided.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeSpace {
    /// Facts about the service.
    pub service: ServiceInfo,
    /// Generated items by shape id.
    pub items: BTreeMap<ItemId, Item>,
    /// Operations by shape id.
    pub operations: BTreeMap<OperationId, OperationItem>,
    /// What each Rust type name at the crate root names: items, operations and their
    /// error enums.
    pub by_name: BTreeMap<String, TypeKey>,
    /// The JSON protocol whose bodies the serde impls follow; `None` means no serde.
    pub json: Option<JsonProtocol>,
    /// Every `@pattern` the items check, by where the model declares it.
    pub patterns: BTreeMap<PatternId, PatternInfo>,
    /// What the generated crate cannot check, by shape and member.
    pub warnings: Vec<crate::Problem>,
}

/// The service the crate is generated from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ServiceInfo {
    /// The service shape id.
    pub id: String,
    /// `smithy.api#title`, or the shape name.
    pub title: String,
    /// The API version.
    pub version: String,
    /// The service documentation (HTML).
    pub docs: Option<String>,
    /// The protocol trait id, such as `aws.protocols#awsJson1_1`, when there is one.
    pub protocol: Option<String>,
    /// The `sdkId` of the `aws.api#service` trait, such as `forecast`: AWS services only.
    pub sdk_id: Option<String>,
    /// The service's `rename` map: shape id to the name the service gives the shape.
    pub renames: BTreeMap<String, String>,
    /// The `name` of `aws.auth#sigv4`: the name requests are signed for.
    pub signing_name: Option<String>,
    /// The `smithy.rules#endpointRuleSet`, as pretty JSON.
    pub endpoint_rules: Option<String>,
}

/// A generated item: a struct or an enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The model's shape id.
    pub id: ItemId,
    /// The Rust type name.
    pub name: String,
    /// The file module the item lives in.
    pub module: String,
    /// Model documentation (HTML).
    pub docs: Option<String>,
    /// `@deprecated`.
    pub deprecated: Option<Deprecated>,
    /// What kind of item.
    pub kind: ItemKind,
    /// Which standard traits it can derive.
    pub derives: Derives,
}

/// The kinds of generated item.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// A structure; `error` is set for `@error` structures.
    Struct {
        /// Fields in model order.
        fields: Vec<Field>,
        /// The error fault and the field that holds the message, for `@error` shapes.
        error: Option<ErrorInfo>,
        /// Whether the whole structure is `@sensitive`: its `Debug` shows no field.
        sensitive: bool,
    },
    /// A string enum (an enum shape, or a string with the 1.0 `enum` trait).
    Enum {
        /// Known values, in model order.
        variants: Vec<Variant>,
        /// The name of the variant that keeps unknown values.
        unknown: String,
    },
    /// An intEnum.
    IntEnum {
        /// Known values, in model order.
        variants: Vec<Variant>,
        /// The name of the variant that keeps unknown values.
        unknown: String,
    },
    /// A union.
    Union {
        /// Members, in model order.
        variants: Vec<UnionVariant>,
        /// The name of the variant that keeps unknown members.
        unknown: String,
        /// Whether the whole union is `@sensitive`.
        sensitive: bool,
    },
}

/// What an error structure needs for `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// `client` or `server`.
    pub fault: &'static str,
    /// The Rust name of the message field, when there is a string member named
    /// `message` in any case.
    pub message_field: Option<String>,
    /// Whether the message field is an `Option`.
    pub message_optional: bool,
}

/// A structure field. Each fact about the member is recorded here once; its docs, its
/// `Debug`, its checks and its serde impl all read this record.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The member name in the model, which is also its name on the wire.
    pub member: String,
    /// The Rust field name.
    pub name: String,
    /// The field's type, without `Option` or `Box`.
    pub ty: RustType,
    /// `@required` on the member.
    pub required: bool,
    /// Whether the field is an `Option`.
    pub optional: bool,
    /// Whether the value is boxed to break a cycle.
    pub boxed: bool,
    /// The model's default value, for non-optional fields that have one.
    pub default: Option<Value>,
    /// Documentation (HTML), from the member or else its target.
    pub docs: Option<String>,
    /// Whether the value is hidden from `Debug` output: the member, its target, the
    /// items or entries of its target, or the whole structure is `@sensitive`.
    pub sensitive: bool,
    /// What `validate()` tests on the value and the values inside it.
    pub checks: Checks,
    /// `@deprecated` on the member, or else on its target.
    pub deprecated: Option<Deprecated>,
    /// The correction of the model behind the member's constraints, its own or its
    /// target's, from a corrections file.
    pub correction: Option<Correction>,
    /// The member's name in a JSON body.
    pub wire_name: String,
    /// How the value is read and written in a JSON body.
    pub codec: Codec,
    /// Whether the member travels outside the body (restJson1 HTTP bindings).
    pub http_bound: bool,
    /// The builder method that sets the value, appends one item to a list or inserts
    /// one entry into a map.
    pub setter: String,
    /// The builder method that replaces the whole value, or clears it.
    pub replace_setter: String,
}

/// The name of a structure's builder: `S3ConfigBuilder` for `S3Config`. Builders live
/// in their own module, so the name cannot collide with a model shape.
pub fn builder_name(item_name: &str) -> String {
    format!("{item_name}Builder")
}

/// Methods a builder has besides its setters: `build`, `build_validated`, and those of
/// the traits it implements, which a setter of the same name would hide.
pub const BUILDER_METHODS: &[&str] = &[
    "build",
    "build_validated",
    "clone",
    "clone_from",
    "default",
    "eq",
    "ne",
    "fmt",
];

/// A known enum value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The Rust variant name.
    pub name: String,
    /// The value on the wire.
    pub value: EnumValue,
    /// Documentation (HTML).
    pub docs: Option<String>,
    /// Whether the value is deprecated.
    pub deprecated: Option<Deprecated>,
}

/// An enum value on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumValue {
    /// A string enum's value.
    String(String),
    /// An intEnum's value.
    Int(i32),
}

/// A union member.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// The member name in the model.
    pub member: String,
    /// The Rust variant name.
    pub name: String,
    /// The payload type; `None` for a member that targets `Unit`.
    pub ty: Option<RustType>,
    /// Whether the payload is boxed to break a cycle.
    pub boxed: bool,
    /// Documentation (HTML).
    pub docs: Option<String>,
    /// Whether the payload is hidden from `Debug` output: the member, its target, the
    /// items or entries of its target, or the whole union is `@sensitive`.
    pub sensitive: bool,
    /// What `validate()` tests on the payload.
    pub checks: Checks,
    /// The correction of the model behind the member's constraints, its own or its
    /// target's, from a corrections file.
    pub correction: Option<Correction>,
    /// The member's name in a JSON body.
    pub wire_name: String,
    /// How the payload is read and written in a JSON body.
    pub codec: Codec,
}

/// What an item can derive beyond `Debug`, `Clone` and `PartialEq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Derives {
    /// `Eq` and `Hash`: no floats or documents inside.
    pub eq_hash: bool,
    /// How the item gets `Default`, if at all.
    pub default: DefaultImpl,
    /// Whether `Debug` is written by hand to hide sensitive values.
    pub redacted_debug: bool,
}

/// How an item implements `Default`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DefaultImpl {
    /// It does not: a required member has no default to invent.
    #[default]
    None,
    /// `#[derive(Default)]`: every field is optional.
    Derive,
    /// A written `impl Default` that uses the model's defaults.
    Model,
}

/// An operation: its name, its error enum and what it takes and returns.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationItem {
    /// The model's shape id.
    pub id: OperationId,
    /// The operation's name in the model.
    pub name: String,
    /// The Rust name of the operation's error enum.
    pub error_name: String,
    /// The file module.
    pub module: String,
    /// Documentation (HTML).
    pub docs: Option<String>,
    /// The Rust name of the input item, `None` for `Unit`.
    pub input: Option<String>,
    /// The Rust name of the output item, `None` for `Unit`.
    pub output: Option<String>,
    /// The modeled errors.
    pub errors: Vec<OperationError>,
    /// The name of the variant for errors the model does not name.
    pub unhandled: String,
    /// `@idempotent`.
    pub idempotent: bool,
    /// `@paginated`, completed from the service's `@paginated`.
    pub paginated: Option<Paginated>,
    /// The `X-Amz-Target` header value, for the awsJson protocols.
    pub target: Option<String>,
    /// `@deprecated`.
    pub deprecated: Option<Deprecated>,
    /// The `hostPrefix` of `@endpoint`, with `{label}` for input members.
    pub host_prefix: Option<String>,
    /// The input member that `@idempotencyToken` marks, by its model name.
    pub idempotency_token: Option<String>,
    /// Whether `@requestCompression` lists `gzip`.
    pub gzip: bool,
}

/// One modeled error of an operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationError {
    /// The variant name in the operation's error enum.
    pub variant: String,
    /// The Rust name of the error structure.
    pub ty: String,
    /// The error code on the wire: the error shape's name.
    pub code: String,
    /// `@retryable`: `Some(throttling)`.
    pub retryable: Option<bool>,
}

impl TypeSpace {
    /// The item with this Rust name.
    pub fn item_named(&self, name: &str) -> Option<&Item> {
        match self.by_name.get(name)? {
            TypeKey::Item(id) => self.items.get(id),
            _ => None,
        }
    }

    /// The operation with this Rust name.
    pub fn operation_named(&self, name: &str) -> Option<&OperationItem> {
        match self.by_name.get(name)? {
            TypeKey::Operation(id) => self.operations.get(id),
            _ => None,
        }
    }
}

impl ItemKind {
    /// The types an item holds: its fields' or union payloads' types.
    pub fn payload_types(&self) -> Vec<&RustType> {
        match self {
            ItemKind::Struct { fields, .. } => fields.iter().map(|f| &f.ty).collect(),
            ItemKind::Union { variants, .. } => {
                variants.iter().filter_map(|v| v.ty.as_ref()).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// The first operation, by name, whose output holds a structure; else the first with
/// an output. The crate docs' example reads one of its responses.
pub fn example_operation(space: &TypeSpace) -> Option<String> {
    let output_of = |op: &OperationItem| space.item_named(op.output.as_deref()?);
    let holds_structure = |item: &Item| match &item.kind {
        ItemKind::Struct { fields, .. } => {
            fields.iter().any(|f| matches!(f.ty, RustType::Named(_)))
        }
        _ => false,
    };
    let operations = || {
        space.by_name.values().filter_map(|key| match key {
            TypeKey::Operation(id) => space.operations.get(id),
            _ => None,
        })
    };
    let chosen = operations()
        .find(|op| output_of(op).is_some_and(holds_structure))
        .or_else(|| operations().find(|op| output_of(op).is_some()))?;
    Some(chosen.name.clone())
}
