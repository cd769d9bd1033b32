//! Builds the [`TypeSpace`] from a validated model and a selection, in stages: names
//! first, then what depends only on names (types, boxes, setters), then each item whole,
//! then what depends on all items (derives, the pattern table). No record is patched
//! after it is built.

use std::collections::{BTreeMap, BTreeSet};

use super::cycles::{self, Edges};
use super::derives;
use super::rust_type::{is_item, rust_type};
use super::*;
use crate::error::{Error, Problem};
use crate::load::ast::{Aggregate, ShapeKind};
use crate::load::shape_id;
use crate::load::traits::{self, EnumDefinition};
use crate::load::{Member, Model, Shape};
use crate::names::{self, assign, Case};
use crate::select::Selection;

/// Decides names, types and derives for everything in the selection.
pub fn build(model: &Model, selection: &Selection) -> Result<TypeSpace, Error> {
    let service = service_info(model, &selection.service);
    let json = JsonProtocol::of(service.protocol.as_deref());
    let item_ids: Vec<ItemId> = selection
        .shapes
        .iter()
        .filter(|id| is_item(model, id))
        .map(ItemId::new)
        .collect();
    let names = type_names(model, selection, &item_ids);
    let item_names: BTreeMap<ItemId, String> = names
        .iter()
        .filter_map(|(key, name)| match key {
            TypeKey::Item(id) => Some((id.clone(), name.clone())),
            _ => None,
        })
        .collect();
    let components = cycles::components(&edges(model, &item_names));
    let context = Context {
        model,
        names: &item_names,
        json,
        components: &components,
    };
    let kinds =
        item_kinds(&context, &item_ids).map_err(|problems| Error::model(&model.file, problems))?;
    let items = items(model, kinds, &item_names);
    let operations = operations(model, selection, &names, json);
    let (patterns, warnings) = checks::patterns(model, &items);
    Ok(TypeSpace {
        patterns,
        warnings,
        service,
        items,
        operations,
        by_name: names.into_iter().map(|(key, name)| (name, key)).collect(),
        json,
    })
}

/// Rust names for items, operations and operation error enums, in that priority.
fn type_names(model: &Model, selection: &Selection, items: &[ItemId]) -> BTreeMap<TypeKey, String> {
    let renames = match &model.shapes[&selection.service].kind {
        ShapeKind::Service(service) => service.rename.clone(),
        _ => Default::default(),
    };
    let model_name = |id: &str| -> String {
        let name = renames.get(id).map_or(shape_id::name(id), |n| n.as_str());
        names::type_name(name)
    };
    let operations = || selection.operations.iter().map(OperationId::new);
    let candidates = items
        .iter()
        .map(|id| (TypeKey::Item(id.clone()), model_name(id)))
        .chain(operations().map(|id| {
            let name = model_name(&id);
            (TypeKey::Operation(id), name)
        }))
        .chain(operations().map(|id| {
            let name = format!("{}Error", model_name(&id));
            (TypeKey::Errors(id), name)
        }));
    assign(candidates, &BTreeSet::new(), Case::UpperCamel)
}

/// The names no file module may take: `mod`, and the modules of the crate root, which
/// the root's glob re-exports of `types` and `operations` would make ambiguous.
fn reserved_modules() -> BTreeSet<String> {
    [
        "r#mod",
        "builders",
        "interop",
        "operations",
        "patterns",
        "primitives",
        "service",
        "types",
    ]
    .map(str::to_owned)
    .into()
}

/// The file module of every item.
fn module_names(names: &BTreeMap<ItemId, String>) -> BTreeMap<ItemId, String> {
    let reserved = reserved_modules();
    let candidates = names
        .iter()
        .map(|(id, name)| (id.clone(), names::rust_ident(name, Case::Snake)));
    assign(candidates, &reserved, Case::Snake)
}

/// Direct-containment edges between items, by Rust name: the members of a structure or
/// union whose type is an item not behind a list or map.
fn edges(model: &Model, names: &BTreeMap<ItemId, String>) -> Edges {
    names
        .iter()
        .map(|(id, name)| {
            let mut named = Vec::new();
            for member in aggregate(&model.shapes[&**id])
                .into_iter()
                .flat_map(|a| a.members.values())
            {
                let target = member.target.as_deref().unwrap_or_default();
                rust_type(model, names, target).named(false, &mut named);
            }
            let direct = named.into_iter().filter(|(_, heap)| !heap).map(|(n, _)| n);
            (name.clone(), direct.collect())
        })
        .collect()
}

fn aggregate(shape: &Shape) -> Option<&Aggregate> {
    match &shape.kind {
        ShapeKind::Structure(a) | ShapeKind::Union(a) => Some(a),
        _ => None,
    }
}

/// The finished items: each kind with its shape's docs and the derives, which depend
/// on every item.
fn items(
    model: &Model,
    kinds: BTreeMap<ItemId, ItemKind>,
    names: &BTreeMap<ItemId, String>,
) -> BTreeMap<ItemId, Item> {
    let mut modules = module_names(names);
    let by_name: BTreeMap<&str, &ItemKind> = kinds
        .iter()
        .map(|(id, kind)| (names[id].as_str(), kind))
        .collect();
    let derives = derives::decide(&by_name);
    let derives: BTreeMap<ItemId, Derives> = kinds
        .keys()
        .map(|id| (id.clone(), derives[names[id].as_str()]))
        .collect();
    kinds
        .into_iter()
        .map(|(id, kind)| {
            let shape = &model.shapes[&*id];
            let item = Item {
                name: names[&id].clone(),
                module: modules.remove(&id).unwrap_or_default(),
                docs: shape.traits.documentation.clone(),
                deprecated: shape.traits.deprecated.clone(),
                derives: derives[&id],
                kind,
                id: id.clone(),
            };
            (id, item)
        })
        .collect()
}

/// The kind of every item, or every problem found in any of them.
fn item_kinds(
    context: &Context<'_>,
    ids: &[ItemId],
) -> Result<BTreeMap<ItemId, ItemKind>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut kinds = BTreeMap::new();
    for id in ids {
        match item_kind(context, id) {
            Ok(kind) => {
                kinds.insert(id.clone(), kind);
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    match problems.is_empty() {
        true => Ok(kinds),
        false => Err(problems),
    }
}

fn item_kind(context: &Context<'_>, id: &ItemId) -> Result<ItemKind, Vec<Problem>> {
    let shape = &context.model.shapes[&**id];
    let owner = Owner {
        id,
        name: &context.names[id],
        sensitive: shape.traits.sensitive,
    };
    match &shape.kind {
        ShapeKind::Structure(aggregate) => Ok(structure(context, &owner, shape, aggregate)),
        ShapeKind::Union(aggregate) => Ok(union(context, &owner, aggregate)),
        ShapeKind::Enum(aggregate) => Ok(string_enum(enum_members(aggregate))),
        ShapeKind::IntEnum(aggregate) => int_enum(id, aggregate),
        _ => Ok(string_enum(
            shape
                .traits
                .enum_definitions
                .iter()
                .flatten()
                .map(legacy_enum_member)
                .collect(),
        )),
    }
}

/// What every item builder reads: the model, the item names, the protocol and the
/// cycles.
struct Context<'a> {
    model: &'a Model,
    names: &'a BTreeMap<ItemId, String>,
    json: Option<JsonProtocol>,
    components: &'a BTreeMap<String, usize>,
}

impl Context<'_> {
    /// Whether a member of the item `from` of type `ty` needs a box to break a cycle.
    fn boxed(&self, from: &str, ty: &RustType) -> bool {
        matches!(ty, RustType::Named(to) if cycles::needs_box(self.components, from, to))
    }
}

/// The structure or union whose members are being built.
struct Owner<'a> {
    id: &'a ItemId,
    name: &'a str,
    /// `@sensitive` on the whole shape.
    sensitive: bool,
}

/// A field's Rust names: the field and its two builder setters.
struct FieldNames {
    field: String,
    setter: String,
    replace_setter: String,
}

fn structure(
    context: &Context<'_>,
    owner: &Owner<'_>,
    shape: &Shape,
    aggregate: &Aggregate,
) -> ItemKind {
    let field_names = member_names(aggregate, Case::Snake, &BTreeSet::new());
    let idents: Vec<&str> = aggregate
        .members
        .keys()
        .map(|member| field_names[member].as_str())
        .collect();
    let setters = setter_names(&idents);
    let fields: Vec<Field> = aggregate
        .members
        .iter()
        .zip(setters)
        .map(|((member, m), (setter, replace_setter))| {
            let names = FieldNames {
                field: field_names[member].clone(),
                setter,
                replace_setter,
            };
            field(context, owner, member, m, names)
        })
        .collect();
    let error = shape.traits.error.map(|fault| error_info(&fields, fault));
    ItemKind::Struct {
        fields,
        error,
        sensitive: owner.sensitive,
    }
}

fn member_names(
    aggregate: &Aggregate,
    case: Case,
    reserved: &BTreeSet<String>,
) -> BTreeMap<String, String> {
    let candidates = aggregate
        .members
        .keys()
        .map(|member| (member.clone(), names::rust_ident(member, case)));
    assign(candidates, reserved, case)
}

/// The builder's setters for each field, in order: the plain setter (`path`, `tags`)
/// and the one that replaces the whole value (`set_path`, `set_tags`). Plain setters
/// claim their names first, so a member `SetTags` keeps `set_tags` and the replacing
/// setter of `Tags` becomes `set_tags_2`; none is ever a [`BUILDER_METHODS`] name.
fn setter_names(fields: &[&str]) -> Vec<(String, String)> {
    let reserved = BUILDER_METHODS.iter().map(|m| m.to_string()).collect();
    let plain = fields
        .iter()
        .enumerate()
        .map(|(i, f)| ((0, i), f.to_string()));
    let replace = fields.iter().enumerate().map(|(i, f)| {
        let stem = f.trim_start_matches("r#");
        (
            (1, i),
            names::rust_ident(&format!("set_{stem}"), Case::Snake),
        )
    });
    let names = assign(plain.chain(replace), &reserved, Case::Snake);
    (0..fields.len())
        .map(|i| (names[&(0, i)].clone(), names[&(1, i)].clone()))
        .collect()
}

fn field(
    context: &Context<'_>,
    owner: &Owner<'_>,
    member: &str,
    m: &Member,
    names: FieldNames,
) -> Field {
    let model = context.model;
    let target_id = m.target.as_deref().unwrap_or_default();
    let target = model.get(target_id);
    let default = m.traits.default.clone().filter(|v| !v.is_null());
    let optional = m.traits.client_optional || (!m.traits.required && default.is_none());
    let docs = m.traits.documentation.clone().or_else(|| {
        target
            .filter(|_| !is_item(model, target_id))
            .and_then(|t| t.traits.documentation.clone())
    });
    let ty = rust_type(model, context.names, target_id);
    Field {
        member: member.to_owned(),
        name: names.field,
        boxed: context.boxed(owner.name, &ty),
        ty,
        required: m.traits.required,
        optional,
        default: if optional { None } else { default },
        docs,
        sensitive: owner.sensitive || m.traits.sensitive || is_sensitive(model, target_id),
        checks: checks::checks(model, owner.id, (member, &m.traits), target_id),
        deprecated: checks::pick(&m.traits, target.map(|t| &t.traits), |t| {
            t.deprecated.clone()
        }),
        correction: model.correction(owner.id, member).cloned(),
        wire_name: wire::wire_name(context.json, member, &m.traits),
        codec: wire::codec(model, target_id, &m.traits),
        http_bound: context.json == Some(JsonProtocol::RestJson1) && wire::is_http_bound(&m.traits),
        setter: names.setter,
        replace_setter: names.replace_setter,
    }
}

/// Whether values of a shape are sensitive: the shape says so, or it is a list or map
/// of sensitive values.
fn is_sensitive(model: &Model, id: &str) -> bool {
    let Some(shape) = model.get(id) else {
        return false;
    };
    if shape.traits.sensitive {
        return true;
    }
    match &shape.kind {
        ShapeKind::List(list) | ShapeKind::Set(list) => {
            list.member.traits.sensitive
                || is_sensitive(model, list.member.target.as_deref().unwrap_or_default())
        }
        ShapeKind::Map(map) => [&map.key, &map.value].iter().any(|m| {
            m.traits.sensitive || is_sensitive(model, m.target.as_deref().unwrap_or_default())
        }),
        _ => false,
    }
}

fn error_info(fields: &[Field], fault: traits::ErrorFault) -> ErrorInfo {
    let message = fields
        .iter()
        .find(|f| f.member.eq_ignore_ascii_case("message") && f.ty == RustType::String);
    ErrorInfo {
        fault: match fault {
            traits::ErrorFault::Client => "client",
            traits::ErrorFault::Server => "server",
        },
        message_field: message.map(|f| f.name.clone()),
        message_optional: message.is_some_and(|f| f.optional),
    }
}

fn union(context: &Context<'_>, owner: &Owner<'_>, aggregate: &Aggregate) -> ItemKind {
    let model = context.model;
    let variant_names = member_names(aggregate, Case::UpperCamel, &BTreeSet::new());
    let variants: Vec<UnionVariant> = aggregate
        .members
        .iter()
        .map(|(member, m)| {
            let target = m.target.as_deref().unwrap_or_default();
            let ty = (!crate::load::prelude::is_unit(target))
                .then(|| rust_type(model, context.names, target));
            UnionVariant {
                member: member.clone(),
                name: variant_names[member].clone(),
                boxed: ty.as_ref().is_some_and(|ty| context.boxed(owner.name, ty)),
                ty,
                docs: m.traits.documentation.clone(),
                sensitive: owner.sensitive || m.traits.sensitive || is_sensitive(model, target),
                checks: checks::checks(model, owner.id, (member, &m.traits), target),
                correction: model.correction(owner.id, member).cloned(),
                wire_name: wire::wire_name(context.json, member, &m.traits),
                codec: wire::codec(model, target, &m.traits),
            }
        })
        .collect();
    let unknown = catch_all("Unknown", variants.iter().map(|v| v.name.as_str()));
    ItemKind::Union {
        variants,
        unknown,
        sensitive: owner.sensitive,
    }
}

/// The name of a catch-all variant: `base`, else `{base}Value`, else numbered.
fn catch_all<'a>(base: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: BTreeSet<String> = taken.map(str::to_owned).collect();
    let preferred = format!("{base}Value");
    match (taken.contains(base), taken.contains(&preferred)) {
        (false, _) => base.to_owned(),
        (true, false) => preferred,
        (true, true) => assign([(0, base.to_owned())], &taken, Case::UpperCamel)[&0].clone(),
    }
}

/// A string enum member before naming: its symbolic name, value, docs and deprecation.
struct EnumMember {
    name: String,
    value: String,
    docs: Option<String>,
    deprecated: Option<traits::Deprecated>,
}

fn enum_members(aggregate: &Aggregate) -> Vec<EnumMember> {
    aggregate
        .members
        .iter()
        .map(|(name, m)| EnumMember {
            name: name.clone(),
            value: match &m.traits.enum_value {
                Some(traits::EnumValue::String(value)) => value.clone(),
                _ => name.clone(),
            },
            docs: m.traits.documentation.clone(),
            deprecated: m.traits.deprecated.clone(),
        })
        .collect()
}

fn legacy_enum_member(definition: &EnumDefinition) -> EnumMember {
    EnumMember {
        name: definition
            .name
            .clone()
            .unwrap_or_else(|| definition.value.clone()),
        value: definition.value.clone(),
        docs: definition.documentation.clone(),
        deprecated: definition.deprecated.then(Default::default),
    }
}

fn string_enum(members: Vec<EnumMember>) -> ItemKind {
    let variant_names = assign(
        members
            .iter()
            .enumerate()
            .map(|(i, m)| (i, names::rust_ident(&m.name, Case::UpperCamel))),
        &BTreeSet::new(),
        Case::UpperCamel,
    );
    let variants: Vec<Variant> = members
        .into_iter()
        .enumerate()
        .map(|(i, m)| Variant {
            name: variant_names[&i].clone(),
            value: EnumValue::String(m.value),
            docs: m.docs,
            deprecated: m.deprecated,
        })
        .collect();
    let unknown = catch_all("Unknown", variants.iter().map(|v| v.name.as_str()));
    ItemKind::Enum { variants, unknown }
}

fn int_enum(id: &str, aggregate: &Aggregate) -> Result<ItemKind, Vec<Problem>> {
    let variant_names = member_names(aggregate, Case::UpperCamel, &BTreeSet::new());
    let mut problems = Vec::new();
    let mut variants = Vec::new();
    for (member, m) in &aggregate.members {
        let value = match m.traits.enum_value {
            Some(traits::EnumValue::Int(v)) => i32::try_from(v).ok(),
            _ => None,
        };
        let Some(value) = value else {
            problems.push(Problem::member(
                id,
                member,
                "intEnum value must be a 32-bit integer",
            ));
            continue;
        };
        variants.push(Variant {
            name: variant_names[member].clone(),
            value: EnumValue::Int(value),
            docs: m.traits.documentation.clone(),
            deprecated: m.traits.deprecated.clone(),
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let unknown = catch_all("Unknown", variants.iter().map(|v| v.name.as_str()));
    Ok(ItemKind::IntEnum { variants, unknown })
}

fn operations(
    model: &Model,
    selection: &Selection,
    names: &BTreeMap<TypeKey, String>,
    json: Option<JsonProtocol>,
) -> BTreeMap<OperationId, OperationItem> {
    let ids: Vec<OperationId> = selection.operations.iter().map(OperationId::new).collect();
    let candidates = ids.iter().map(|id| {
        let name = &names[&TypeKey::Operation(id.clone())];
        (id.clone(), names::rust_ident(name, Case::Snake))
    });
    let mut modules = assign(candidates, &reserved_modules(), Case::Snake);
    let context = OperationContext {
        model,
        selection,
        names,
        json,
    };
    ids.into_iter()
        .filter_map(|id| {
            let module = modules.remove(&id).unwrap_or_default();
            let op = operation(&context, &id, module)?;
            Some((id, op))
        })
        .collect()
}

/// What every operation reads: the model, the selection, the type names and the
/// protocol.
struct OperationContext<'a> {
    model: &'a Model,
    selection: &'a Selection,
    names: &'a BTreeMap<TypeKey, String>,
    json: Option<JsonProtocol>,
}

impl OperationContext<'_> {
    fn item_name(&self, id: &str) -> Option<String> {
        self.names.get(&TypeKey::Item(ItemId::new(id))).cloned()
    }
}

fn operation(
    context: &OperationContext<'_>,
    id: &OperationId,
    module: String,
) -> Option<OperationItem> {
    let (model, names) = (context.model, context.names);
    let shape = model.get(id)?;
    let ShapeKind::Operation(operation) = &shape.kind else {
        return None;
    };
    let io =
        |r: &Option<crate::load::ast::Ref>| r.as_ref().and_then(|r| context.item_name(&r.target));
    let errors: Vec<OperationError> = context.selection.errors[&**id]
        .iter()
        .filter_map(|e| {
            let ty = context.item_name(e)?;
            Some(OperationError {
                variant: ty.clone(),
                ty,
                code: shape_id::name(e).to_owned(),
                retryable: model
                    .get(e)?
                    .traits
                    .retryable
                    .as_ref()
                    .map(|r| r.throttling),
            })
        })
        .collect();
    let unhandled = catch_all("Unhandled", errors.iter().map(|e| e.variant.as_str()));
    let is_aws_json = matches!(
        context.json,
        Some(JsonProtocol::AwsJson1_0 | JsonProtocol::AwsJson1_1)
    );
    let service_name = shape_id::name(&context.selection.service);
    let service = &model.shapes[&context.selection.service];
    Some(OperationItem {
        id: id.clone(),
        name: names[&TypeKey::Operation(id.clone())].clone(),
        error_name: names[&TypeKey::Errors(id.clone())].clone(),
        module,
        docs: shape.traits.documentation.clone(),
        input: io(&operation.input),
        output: io(&operation.output),
        errors,
        unhandled,
        idempotent: shape.traits.idempotent,
        paginated: paginated(&shape.traits, &service.traits),
        target: is_aws_json.then(|| format!("{service_name}.{}", id.name())),
        deprecated: shape.traits.deprecated.clone(),
        host_prefix: shape
            .traits
            .other()
            .find(|(id, _)| *id == "smithy.api#endpoint")
            .and_then(|(_, value)| value.get("hostPrefix")?.as_str().map(str::to_owned)),
        idempotency_token: operation
            .input
            .as_ref()
            .and_then(|input| idempotency_token(model, &input.target)),
        gzip: shape
            .traits
            .other()
            .find(|(id, _)| *id == "smithy.api#requestCompression")
            .and_then(|(_, value)| value.get("encodings")?.as_array().cloned())
            .is_some_and(|encodings| encodings.iter().any(|e| e == "gzip")),
    })
}

/// The member of `input` that `@idempotencyToken` marks.
fn idempotency_token(model: &Model, input: &str) -> Option<String> {
    let shape = model.get(input)?;
    shape.kind.members().into_iter().find_map(|(name, member)| {
        let marked = member
            .traits
            .other()
            .any(|(id, _)| id == "smithy.api#idempotencyToken");
        marked.then(|| name.to_owned())
    })
}

/// An operation's `@paginated`, with members it leaves out taken from the service's.
fn paginated(operation: &traits::Traits, service: &traits::Traits) -> Option<traits::Paginated> {
    let own = operation.paginated.clone()?;
    let Some(defaults) = &service.paginated else {
        return Some(own);
    };
    Some(traits::Paginated {
        input_token: own.input_token.or_else(|| defaults.input_token.clone()),
        output_token: own.output_token.or_else(|| defaults.output_token.clone()),
        page_size: own.page_size.or_else(|| defaults.page_size.clone()),
        items: own.items.or_else(|| defaults.items.clone()),
    })
}

const PROTOCOLS: &[&str] = &[
    "aws.protocols#awsJson1_0",
    "aws.protocols#awsJson1_1",
    "aws.protocols#restJson1",
    "aws.protocols#restXml",
    "aws.protocols#awsQuery",
    "aws.protocols#ec2Query",
];

fn service_info(model: &Model, id: &str) -> ServiceInfo {
    let shape = &model.shapes[id];
    let (version, renames) = match &shape.kind {
        ShapeKind::Service(service) => (
            service.version.clone().unwrap_or_default(),
            service
                .rename
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        _ => (String::new(), BTreeMap::new()),
    };
    let other: BTreeMap<&str, &Value> = shape.traits.other().collect();
    let title = other
        .get("smithy.api#title")
        .and_then(|v| v.as_str())
        .map_or_else(|| shape_id::name(id).to_owned(), str::to_owned);
    ServiceInfo {
        id: id.to_owned(),
        title,
        version,
        docs: shape.traits.documentation.clone(),
        protocol: PROTOCOLS
            .iter()
            .find(|p| other.contains_key(**p))
            .map(|p| p.to_string()),
        sdk_id: other
            .get("aws.api#service")
            .and_then(|v| v.get("sdkId"))
            .and_then(|v| v.as_str())
            .map(str::to_owned),
        renames,
        signing_name: other
            .get("aws.auth#sigv4")
            .and_then(|v| v.get("name"))
            .and_then(|v| v.as_str())
            .map(str::to_owned),
        endpoint_rules: other
            .get("smithy.rules#endpointRuleSet")
            .and_then(|v| serde_json::to_string_pretty(v).ok()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(plain: &str, replace: &str) -> (String, String) {
        (plain.to_owned(), replace.to_owned())
    }

    #[test]
    fn setters_are_the_field_name_and_set_field() {
        assert_eq!(
            setter_names(&["path", "r#type", "self_", "_2nd_value"]),
            [
                pair("path", "set_path"),
                pair("r#type", "set_type"),
                pair("self_", "set_self"),
                pair("_2nd_value", "set_2nd_value"),
            ]
        );
    }

    #[test]
    fn plain_setters_keep_their_names_over_replacing_ones() {
        assert_eq!(
            setter_names(&["tags", "set_tags"]),
            [pair("tags", "set_tags_2"), pair("set_tags", "set_set_tags")]
        );
        assert_eq!(
            setter_names(&["set_tags", "tags"]),
            [pair("set_tags", "set_set_tags"), pair("tags", "set_tags_2")]
        );
    }

    #[test]
    fn setters_never_take_a_builder_method_name() {
        let names = setter_names(&["build", "build_validated", "default", "clone"]);
        assert_eq!(
            names,
            [
                pair("build_2", "set_build"),
                pair("build_validated_2", "set_build_validated"),
                pair("default_2", "set_default"),
                pair("clone_2", "set_clone"),
            ]
        );
        for (plain, replace) in &names {
            assert!(!BUILDER_METHODS.contains(&plain.as_str()));
            assert!(!BUILDER_METHODS.contains(&replace.as_str()));
        }
    }
}
