//! Loading: the fixture model reads into typed shapes and traits, with `apply` merged,
//! the prelude added and unknown traits kept as raw JSON.

mod common;

use codegen::load::ast::ShapeKind;
use codegen::load::traits::{EnumValue, ErrorFault, TimestampFormat};
use codegen::load::{load, Model};

fn everything() -> Model {
    let text = std::fs::read_to_string(common::fixtures().join("everything.json")).unwrap();
    let (model, problems) = load(&text, "everything.json").unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    model
}

fn shape<'m>(model: &'m Model, name: &str) -> &'m codegen::load::Shape {
    let id = format!("example.everything#{name}");
    model.get(&id).unwrap_or_else(|| panic!("{id} is missing"))
}

#[test]
fn every_shape_type_loads() {
    let model = everything();
    let mut kinds: Vec<&str> = model
        .shapes
        .values()
        .map(|s| match &s.kind {
            ShapeKind::Blob => "blob",
            ShapeKind::Boolean => "boolean",
            ShapeKind::String => "string",
            ShapeKind::Byte => "byte",
            ShapeKind::Short => "short",
            ShapeKind::Integer => "integer",
            ShapeKind::Long => "long",
            ShapeKind::Float => "float",
            ShapeKind::Double => "double",
            ShapeKind::BigInteger => "bigInteger",
            ShapeKind::BigDecimal => "bigDecimal",
            ShapeKind::Timestamp => "timestamp",
            ShapeKind::Document => "document",
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::List(_) => "list",
            ShapeKind::Set(_) => "set",
            ShapeKind::Map(_) => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Service(_) => "service",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Resource(_) => "resource",
            ShapeKind::Apply => "apply",
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut expected: Vec<&str> = codegen::load::ast::SHAPE_TYPES.to_vec();
    expected.retain(|t| *t != "apply");
    expected.sort_unstable();
    assert_eq!(kinds, expected);
}

#[test]
fn prelude_shapes_are_present_with_their_defaults() {
    let model = everything();
    assert!(matches!(
        model.get("smithy.api#String").unwrap().kind,
        ShapeKind::String
    ));
    assert!(matches!(
        model.get("smithy.api#Unit").unwrap().kind,
        ShapeKind::Structure(_)
    ));
    let long = model.get("smithy.api#PrimitiveLong").unwrap();
    assert!(matches!(long.kind, ShapeKind::Long));
    assert_eq!(long.traits.default, Some(serde_json::json!(0)));
}

#[test]
fn apply_adds_documentation_to_a_member() {
    let model = everything();
    let ShapeKind::Structure(summary) = &shape(&model, "WidgetSummary").kind else {
        panic!("WidgetSummary is a structure");
    };
    assert!(summary.members["name"].traits.documentation.is_some());
}

#[test]
fn constraint_traits_are_typed() {
    let model = everything();
    let name = &shape(&model, "Name").traits;
    assert_eq!(
        name.length.map(|l| (l.min, l.max)),
        Some((Some(1), Some(64)))
    );
    assert_eq!(name.pattern.as_deref(), Some("^[A-Za-z][A-Za-z0-9_.-]*$"));
    let paginated = shape(&model, "ListWidgets")
        .traits
        .paginated
        .clone()
        .unwrap();
    assert_eq!(paginated.page_size.as_deref(), Some("maxResults"));
    assert_eq!(
        shape(&model, "InternalFailure").traits.error,
        Some(ErrorFault::Server)
    );
    assert!(
        shape(&model, "ThrottlingError")
            .traits
            .retryable
            .unwrap()
            .throttling
    );
}

#[test]
fn member_traits_are_typed() {
    let model = everything();
    let ShapeKind::Structure(summary) = &shape(&model, "WidgetSummary").kind else {
        panic!("WidgetSummary is a structure");
    };
    let created = &summary.members["createdAt"].traits;
    assert_eq!(
        created.timestamp_format,
        Some(TimestampFormat::EpochSeconds)
    );
    assert!(summary.members["widgetId"].traits.required);
    let ShapeKind::IntEnum(priority) = &shape(&model, "Priority").kind else {
        panic!("Priority is an intEnum");
    };
    assert!(priority
        .members
        .values()
        .all(|m| matches!(m.traits.enum_value, Some(EnumValue::Int(_)))));
}

#[test]
fn unknown_traits_are_kept_as_raw_json() {
    let model = everything();
    let traits = &shape(&model, "WidgetSummary").traits;
    let other: Vec<(&str, &serde_json::Value)> = traits.other().collect();
    assert_eq!(
        other,
        vec![(
            "example.custom#meta",
            &serde_json::json!({"owner": "team", "tags": ["a"]})
        )]
    );
}

#[test]
fn members_keep_model_order() {
    let text = common::forecast_model();
    let (model, _) = load(&text, "forecast.json").unwrap();
    let shape = model
        .get("com.amazonaws.forecast#DescribeForecastExportJobResponse")
        .unwrap();
    let names: Vec<&str> = shape.kind.members().into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "ForecastExportJobArn",
            "ForecastExportJobName",
            "ForecastArn",
            "Destination",
            "Message",
            "Status",
            "CreationTime",
            "LastModificationTime",
            "Format"
        ]
    );
}

#[test]
fn unknown_members_of_typed_traits_are_warnings_naming_shape_member_and_trait() {
    let text = common::model_with(
        r#",
    "ex#Thing": { "type": "string", "traits": {
        "smithy.api#length": { "min": 1, "minimum": 1 },
        "smithy.api#deprecated": { "message": "old", "reason": "r" },
        "smithy.api#enum": [{ "value": "A", "tags": ["t"], "label": "a" }] } },
    "ex#Fault": { "type": "structure",
        "members": { "n": { "target": "smithy.api#Integer",
            "traits": { "smithy.api#range": { "max": 3, "step": 1 } } } },
        "traits": { "smithy.api#error": "client",
            "smithy.api#retryable": { "throttling": true, "after": 1 } } }"#,
    );
    let (model, problems) = load(&text, "m.json").unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let warnings: Vec<String> = codegen::load::warnings(&model)
        .iter()
        .map(ToString::to_string)
        .collect();
    let ignored = |shape: &str, trait_id: &str, member: &str| {
        format!("{shape}: trait `smithy.api#{trait_id}` has no member `{member}`; it is ignored")
    };
    let expected = [
        ignored("shape `ex#Fault`", "retryable", "after"),
        ignored("shape `ex#Fault`, member `n`", "range", "step"),
        ignored("shape `ex#Thing`", "length", "minimum"),
        ignored("shape `ex#Thing`", "deprecated", "reason"),
        ignored("shape `ex#Thing`", "enum", "0.label"),
    ];
    assert_eq!(warnings, expected);
    let thing = &model.get("ex#Thing").unwrap().traits;
    assert_eq!(thing.length.unwrap().min, Some(1));
    assert_eq!(thing.enum_definitions.as_ref().unwrap()[0].tags, ["t"]);
}
