//! Bad models: every problem is reported at once, each naming the file, the shape and
//! the member, and nothing is generated.

mod common;

use codegen::{generate, Error};
use common::{model_with, options, problems};

#[test]
fn malformed_json_reports_line_and_column() {
    let text = "{\n  \"smithy\": \"2.0\",\n  \"shapes\": {\n    \"ex#A\": { \"type\": \"string\" ,, }\n  }\n}";
    match generate(text, &options(&[])) {
        Err(Error::Json {
            file, line, column, ..
        }) => {
            assert_eq!(file, "test.json");
            assert_eq!(line, 4);
            assert!(column > 30, "column {column}");
        }
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn truncated_and_empty_files_are_json_errors() {
    for text in ["", "{\"smithy\": \"2.0\", \"shapes\": {", "[1, 2]"] {
        let error = generate(text, &options(&[])).unwrap_err();
        assert!(matches!(error, Error::Json { .. }), "{text:?} gave {error}");
        assert!(error.to_string().starts_with("test.json:"), "{error}");
    }
}

#[test]
fn wrong_json_types_name_the_shape_and_member() {
    let text =
        model_with(r#", "ex#Thing": { "type": "structure", "members": { "b": { "target": 5 } } }"#);
    let found = problems(generate(&text, &options(&[])));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].shape, "ex#Thing");
    assert_eq!(found[0].member.as_deref(), Some("b"));
    assert!(
        found[0].message.contains("members.b.target"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_dangling_target_names_shape_member_and_target() {
    let text = model_with(
        r#", "ex#Thing": { "type": "structure", "members": { "b": { "target": "ex#Missing" } } }"#,
    );
    let error = generate(&text, &options(&[])).unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("test.json: 1 problem"), "{message}");
    assert!(
        message.contains("shape `ex#Thing`, member `b`: target `ex#Missing` does not resolve"),
        "{message}"
    );
}

#[test]
fn an_unknown_shape_type_is_named() {
    let text = model_with(r#", "ex#Thing": { "type": "tuple" }"#);
    let found = problems(generate(&text, &options(&[])));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].shape, "ex#Thing");
    assert!(
        found[0].message.contains("unknown shape type `tuple`"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_bad_shape_id_is_named() {
    let text =
        model_with(r#", "ex#Thing": { "type": "string" }, "not an id": { "type": "string" }"#);
    let found = problems(generate(&text, &options(&[])));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].shape, "not an id");
    assert!(found[0].message.contains("no `#`"), "{}", found[0].message);
}

#[test]
fn a_member_without_target_is_named() {
    let text = model_with(r#", "ex#Thing": { "type": "structure", "members": { "b": {} } }"#);
    let found = problems(generate(&text, &options(&[])));
    assert_eq!(found[0].member.as_deref(), Some("b"));
    assert!(found[0].message.contains("no `target`"));
}

#[test]
fn every_problem_is_reported_together() {
    let text = model_with(
        r#", "ex#Thing": { "type": "structure", "members": {
              "b": { "target": "ex#Missing" },
              "c": {},
              "d": { "target": "smithy.api#Strin" } } },
            "ex#Bad": { "type": "blob2" },
            "ex#1Bad": { "type": "string" }"#,
    );
    let found = problems(generate(&text, &options(&[])));
    let located: Vec<(String, Option<String>)> = found
        .iter()
        .map(|p| (p.shape.clone(), p.member.clone()))
        .collect();
    assert_eq!(
        located,
        vec![
            ("ex#1Bad".to_owned(), None),
            ("ex#Bad".to_owned(), None),
            ("ex#Thing".to_owned(), Some("b".to_owned())),
            ("ex#Thing".to_owned(), Some("c".to_owned())),
            ("ex#Thing".to_owned(), Some("d".to_owned())),
        ]
    );
    assert!(
        found[4].message.contains("not a prelude shape"),
        "{}",
        found[4].message
    );
}

#[test]
fn a_model_without_service_is_rejected() {
    let text = r#"{ "smithy": "2.0", "shapes": { "ex#A": { "type": "string" } } }"#;
    let found = problems(generate(text, &options(&[])));
    assert!(found[0].message.contains("no service"), "{found:?}");
}

#[test]
fn an_operation_that_is_not_in_the_service_is_rejected() {
    let text = model_with(r#", "ex#Thing": { "type": "string" }"#);
    let found = problems(generate(&text, &options(&["Nope"])));
    assert_eq!(found[0].shape, "ex#Svc");
    assert!(found[0].message.contains("--operation `Nope`"), "{found:?}");
}

#[test]
fn a_binding_to_the_wrong_kind_of_shape_is_rejected() {
    let text = r#"{ "smithy": "2.0", "shapes": {
        "ex#Svc": { "type": "service", "operations": [{ "target": "ex#Thing" }] },
        "ex#Thing": { "type": "string" } } }"#;
    let found = problems(generate(text, &options(&[])));
    assert!(found[0].message.contains("is a simple shape"), "{found:?}");
}

#[test]
fn an_apply_to_nothing_is_rejected() {
    let text = model_with(
        r#", "ex#Thing": { "type": "string" },
            "ex#Nope$x": { "type": "apply", "traits": { "smithy.api#documentation": "x" } }"#,
    );
    let found = problems(generate(&text, &options(&[])));
    assert_eq!(found[0].shape, "ex#Nope$x");
}

#[test]
fn a_bad_trait_value_names_the_trait() {
    let text = model_with(
        r#", "ex#Thing": { "type": "string", "traits": { "smithy.api#length": { "min": "one" } } }"#,
    );
    let found = problems(generate(&text, &options(&[])));
    assert_eq!(found[0].shape, "ex#Thing");
    assert!(found[0].message.contains("smithy.api#length"), "{found:?}");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = model_with(&format!(
        r#", "ex#Thing": {{ "type": "string", "traits": {{ "ex#deep": {deep} }} }}"#
    ));
    assert!(matches!(
        generate(&text, &options(&[])),
        Err(Error::Json { .. })
    ));
}

#[test]
fn a_cycle_of_lists_and_maps_is_rejected_not_a_crash() {
    let text = model_with(
        r#", "ex#Thing": { "type": "structure", "members": { "l": { "target": "ex#L" } } },
            "ex#L": { "type": "list", "member": { "target": "ex#M" } },
            "ex#M": { "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": "ex#L" } }"#,
    );
    let found = problems(generate(&text, &options(&[])));
    let shapes: Vec<&str> = found.iter().map(|p| p.shape.as_str()).collect();
    assert_eq!(shapes, ["ex#L", "ex#M"], "{found:?}");
    assert!(found[0].message.contains("cannot be represented"));
}

#[test]
fn a_union_whose_first_member_recurses_generates() {
    let text = r#"{"smithy":"2.0","shapes":{
        "ex#Svc":{"type":"service","version":"1","operations":[{"target":"ex#Op"}],"traits":{"aws.protocols#awsJson1_0":{}}},
        "ex#Op":{"type":"operation","output":{"target":"ex#Out"}},
        "ex#Out":{"type":"structure","members":{"u":{"target":"ex#U"}}},
        "ex#U":{"type":"union","members":{"nested":{"target":"ex#U"},"s":{"target":"smithy.api#String"}}}}}"#;
    let files = generate(text, &options(&[])).unwrap();
    let roundtrip = files
        .iter()
        .find(|f| f.path.ends_with("tests/roundtrip.rs"))
        .unwrap();
    assert!(
        roundtrip.contents.contains("test_types::U,"),
        "{}",
        roundtrip.contents
    );
}
