//! Builds the [`TypeSpace`] from a validated model and a selection.

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
    let item_ids: Vec<&String> = selection
        .shapes
        .iter()
        .filter(|id| is_item(model, id))
        .collect();
    let names = type_names(model, selection, &item_ids);
    let mut problems = Vec::new();
    let modules = module_names(&item_ids, &names);
    let mut items = BTreeMap::new();
    for id in &item_ids {
        let shape = &model.shapes[id.as_str()];
        let name = names[id.as_str()].clone();
        let module = modules[id.as_str()].clone();
        match item_kind(model, &names, json, id, shape) {
            Ok(kind) => {
                let item = Item {
                    id: (*id).clone(),
                    name,
                    module,
                    docs: shape.traits.documentation.clone(),
                    deprecated: shape.traits.deprecated.clone(),
                    kind,
                    derives: Derives::default(),
                };
                items.insert((*id).clone(), item);
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    if !problems.is_empty() {
        return Err(Error::model(&model.file, problems));
    }
    box_cycles(&mut items);
    derives::decide(&mut items);
    let operations = operations(model, selection, &names, json);
    let (patterns, warnings) = checks::patterns(&items);
    checks::mark_unchecked(&mut items, &patterns);
    Ok(TypeSpace {
        patterns,
        warnings,
        service,
        items,
        operations,
        names,
        json,
    })
}

/// Rust names for items, operations and operation error enums, in that priority.
fn type_names(model: &Model, selection: &Selection, items: &[&String]) -> BTreeMap<String, String> {
    let renames = match &model.shapes[&selection.service].kind {
        ShapeKind::Service(service) => service.rename.clone(),
        _ => Default::default(),
    };
    let model_name = |id: &str| -> String {
        let name = renames.get(id).map_or(shape_id::name(id), |n| n.as_str());
        names::type_name(name)
    };
    let mut candidates: Vec<(String, String)> = items
        .iter()
        .map(|id| ((*id).clone(), model_name(id)))
        .collect();
    candidates.extend(
        selection
            .operations
            .iter()
            .map(|id| (id.clone(), model_name(id))),
    );
    candidates.extend(
        selection
            .operations
            .iter()
            .map(|id| (error_key(id), format!("{}Error", model_name(id)))),
    );
    assign(candidates, &BTreeSet::new(), Case::UpperCamel)
}

/// The key under which an operation's error enum name is kept in the name table.
pub fn error_key(operation_id: &str) -> String {
    format!("{operation_id}#Error")
}

fn module_names(items: &[&String], names: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let reserved = BTreeSet::from(["r#mod".to_owned()]);
    let candidates = items.iter().map(|id| {
        (
            (*id).clone(),
            names::rust_ident(&names[id.as_str()], Case::Snake),
        )
    });
    assign(candidates, &reserved, Case::Snake)
}

fn item_kind(
    model: &Model,
    names: &BTreeMap<String, String>,
    json: Option<JsonProtocol>,
    id: &str,
    shape: &Shape,
) -> Result<ItemKind, Vec<Problem>> {
    let context = Context { model, names, json };
    match &shape.kind {
        ShapeKind::Structure(aggregate) => Ok(structure(&context, shape, aggregate)),
        ShapeKind::Union(aggregate) => Ok(union(&context, shape, aggregate)),
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

/// What every item builder reads: the model, the item names and the protocol.
struct Context<'a> {
    model: &'a Model,
    names: &'a BTreeMap<String, String>,
    json: Option<JsonProtocol>,
}

fn structure(context: &Context<'_>, shape: &Shape, aggregate: &Aggregate) -> ItemKind {
    let field_names = member_names(aggregate, Case::Snake, &BTreeSet::new());
    let mut fields: Vec<Field> = aggregate
        .members
        .iter()
        .map(|(member, m)| field(context, member, field_names[member].clone(), m))
        .collect();
    let idents: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let setters = setter_names(&idents);
    for (f, (setter, replace)) in fields.iter_mut().zip(setters) {
        f.setter = setter;
        f.replace_setter = replace;
    }
    let error = shape.traits.error.map(|fault| error_info(&fields, fault));
    ItemKind::Struct {
        fields,
        error,
        sensitive: shape.traits.sensitive,
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

fn field(context: &Context<'_>, member: &str, name: String, m: &Member) -> Field {
    let (model, names) = (context.model, context.names);
    let target_id = m.target.as_deref().unwrap_or_default();
    let target = model.get(target_id);
    let target_traits = target.map(|t| &t.traits);
    let default = m.traits.default.clone().filter(|v| !v.is_null());
    let optional = m.traits.client_optional || (!m.traits.required && default.is_none());
    let docs = m.traits.documentation.clone().or_else(|| {
        target
            .filter(|_| !is_item(model, target_id))
            .and_then(|t| t.traits.documentation.clone())
    });
    Field {
        member: member.to_owned(),
        name,
        ty: rust_type(model, names, target_id),
        optional,
        boxed: false,
        default: if optional { None } else { default.clone() },
        docs,
        sensitive: m.traits.sensitive || is_sensitive(model, target_id),
        constraints: constraints(&m.traits, target_traits, default),
        checks: checks::checks(model, &m.traits, target_id),
        deprecated: m.traits.deprecated.clone(),
        wire_name: wire::wire_name(context.json, member, &m.traits),
        codec: wire::codec(model, target_id, &m.traits),
        http_bound: context.json == Some(JsonProtocol::RestJson1) && wire::is_http_bound(&m.traits),
        setter: String::new(),
        replace_setter: String::new(),
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

fn constraints(
    member: &traits::Traits,
    target: Option<&traits::Traits>,
    default: Option<Value>,
) -> Constraints {
    let either = |f: fn(&traits::Traits) -> bool| f(member) || target.is_some_and(f);
    Constraints {
        required: member.required,
        length: checks::pick(member, target, |t| t.length),
        range: checks::pick(member, target, |t| t.range.clone()),
        pattern: checks::pick(member, target, |t| t.pattern.clone()),
        pattern_unchecked: None,
        unique_items: either(|t| t.unique_items),
        sensitive: either(|t| t.sensitive),
        default: default.map(|v| v.to_string()),
        deprecated: checks::pick(member, target, |t| t.deprecated.clone()),
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

fn union(context: &Context<'_>, shape: &Shape, aggregate: &Aggregate) -> ItemKind {
    let (model, names) = (context.model, context.names);
    let variant_names = member_names(aggregate, Case::UpperCamel, &BTreeSet::new());
    let variants: Vec<UnionVariant> = aggregate
        .members
        .iter()
        .map(|(member, m)| {
            let target = m.target.as_deref().unwrap_or_default();
            UnionVariant {
                member: member.clone(),
                name: variant_names[member].clone(),
                ty: (!crate::load::prelude::is_unit(target))
                    .then(|| rust_type(model, names, target)),
                boxed: false,
                docs: m.traits.documentation.clone(),
                sensitive: m.traits.sensitive || is_sensitive(model, target),
                checks: checks::checks(model, &m.traits, target),
                wire_name: wire::wire_name(context.json, member, &m.traits),
                codec: wire::codec(model, target, &m.traits),
            }
        })
        .collect();
    let unknown = catch_all("Unknown", variants.iter().map(|v| v.name.as_str()));
    ItemKind::Union {
        variants,
        unknown,
        sensitive: shape.traits.sensitive,
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

/// Boxes every field and union payload that closes a cycle of direct containment.
fn box_cycles(items: &mut BTreeMap<String, Item>) {
    let mut edges = Edges::new();
    for item in items.values() {
        let entry = edges.entry(item.name.clone()).or_default();
        for ty in payload_types(&item.kind) {
            let mut named = Vec::new();
            ty.named(false, &mut named);
            entry.extend(named.into_iter().filter(|(_, heap)| !heap).map(|(n, _)| n));
        }
    }
    let components = cycles::components(&edges);
    for item in items.values_mut() {
        let from = item.name.clone();
        let boxed = |ty: &RustType| matches!(ty, RustType::Named(to) if cycles::needs_box(&components, &from, to));
        match &mut item.kind {
            ItemKind::Struct { fields, .. } => {
                fields.iter_mut().for_each(|f| f.boxed = boxed(&f.ty))
            }
            ItemKind::Union { variants, .. } => variants
                .iter_mut()
                .for_each(|v| v.boxed = v.ty.as_ref().is_some_and(boxed)),
            _ => {}
        }
    }
}

/// The types an item holds: its fields' or union payloads' types.
pub fn payload_types(kind: &ItemKind) -> Vec<&RustType> {
    match kind {
        ItemKind::Struct { fields, .. } => fields.iter().map(|f| &f.ty).collect(),
        ItemKind::Union { variants, .. } => variants.iter().filter_map(|v| v.ty.as_ref()).collect(),
        _ => Vec::new(),
    }
}

fn operations(
    model: &Model,
    selection: &Selection,
    names: &BTreeMap<String, String>,
    json: Option<JsonProtocol>,
) -> BTreeMap<String, OperationItem> {
    let service = &model.shapes[&selection.service];
    let service_name = shape_id::name(&selection.service);
    let candidates = selection
        .operations
        .iter()
        .map(|id| (id.clone(), names::rust_ident(&names[id], Case::Snake)));
    let modules = assign(
        candidates,
        &BTreeSet::from(["r#mod".to_owned()]),
        Case::Snake,
    );
    selection
        .operations
        .iter()
        .filter_map(|id| {
            let shape = model.get(id)?;
            let ShapeKind::Operation(operation) = &shape.kind else {
                return None;
            };
            let item_name = |r: &Option<crate::load::ast::Ref>| {
                r.as_ref().and_then(|r| names.get(&r.target)).cloned()
            };
            let errors: Vec<OperationError> = selection.errors[id]
                .iter()
                .filter_map(|e| {
                    let ty = names.get(e)?.clone();
                    let code = shape_id::name(e).to_owned();
                    Some(OperationError {
                        variant: ty.clone(),
                        ty,
                        code,
                    })
                })
                .collect();
            let unhandled = catch_all("Unhandled", errors.iter().map(|e| e.variant.as_str()));
            let is_aws_json = matches!(
                json,
                Some(JsonProtocol::AwsJson1_0 | JsonProtocol::AwsJson1_1)
            );
            let target = is_aws_json.then(|| format!("{service_name}.{}", shape_id::name(id)));
            Some((
                id.clone(),
                OperationItem {
                    id: id.clone(),
                    name: names[id].clone(),
                    error_name: names[&error_key(id)].clone(),
                    module: modules[id].clone(),
                    docs: shape.traits.documentation.clone(),
                    input: item_name(&operation.input),
                    output: item_name(&operation.output),
                    errors,
                    unhandled,
                    idempotent: shape.traits.idempotent,
                    paginated: paginated(&shape.traits, &service.traits),
                    target,
                    deprecated: shape.traits.deprecated.clone(),
                },
            ))
        })
        .collect()
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
