//! Every `smithy.rules#endpointTests` case of the model of record and of every corpus
//! model, resolved with the model's own `smithy.rules#endpointRuleSet`.
//!
//! The models' cases were written against the partition data of their time (the corpus
//! is of 2025-04-02), when the ISO partitions (`aws-iso`, `aws-iso-b`, `aws-iso-e`,
//! `aws-iso-f`) had no dual stack and their dual-stack DNS suffix was their DNS suffix,
//! as in botocore's `partitions.json` at commit 3fb2049. The vendored data, botocore
//! 1.44.8's, gives them dual stack and `api.aws.*` suffixes. So the cases run against
//! the vendored data with those ISO outputs put back, and, separately, against the
//! vendored data itself, where only ISO dual-stack cases may differ.

use std::fs;
use std::path::{Path, PathBuf};

use runtime::primitives::client::endpoint::{
    Endpoint, EndpointError, Params, Partitions, RuleSet, Value,
};
use serde_json::Value as Json;

/// Cases that cannot pass, by model file and case documentation, with the reason.
const KNOWN_FAILURES: &[(&str, &str, &str)] = &[];

/// The models to read: the model of record, then every model of the corpus.
fn models() -> Vec<PathBuf> {
    let mut corpus: Vec<PathBuf> = fs::read_dir(codegen::checkout::corpus())
        .expect("corpus/ is readable")
        .map(|entry| entry.expect("corpus/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    corpus.sort();
    let mut models = vec![codegen::checkout::model().join("forecast-2018-06-26.json")];
    models.extend(corpus);
    models
}

/// The service shape's endpoint rule set and test cases.
fn service_traits(path: &Path) -> (Json, Vec<Json>) {
    let text = fs::read_to_string(path).expect("model is readable");
    let model: Json = serde_json::from_str(&text).expect("model is JSON");
    let shapes = model["shapes"].as_object().expect("model has shapes");
    let service = shapes
        .values()
        .find(|shape| shape["type"] == "service")
        .expect("model has a service");
    let traits = &service["traits"];
    let rules = traits["smithy.rules#endpointRuleSet"].clone();
    let cases = traits["smithy.rules#endpointTests"]["testCases"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        rules.is_object(),
        "{}: no endpoint rule set",
        path.display()
    );
    (rules, cases)
}

/// A test case's `params` as resolution parameters.
fn params(case: &Json) -> Params {
    let mut params = Params::new();
    for (name, value) in case["params"].as_object().into_iter().flatten() {
        params.set(name.as_str(), value_of(value));
    }
    params
}

fn value_of(json: &Json) -> Value {
    match json {
        Json::Bool(b) => Value::Bool(*b),
        Json::String(s) => Value::String(s.clone()),
        Json::Number(n) => Value::Int(n.as_i64().expect("integer parameter")),
        Json::Array(items) => Value::Array(items.iter().map(value_of).collect()),
        Json::Object(fields) => Value::Record(
            fields
                .iter()
                .map(|(key, value)| (key.clone(), value_of(value)))
                .collect(),
        ),
        Json::Null => panic!("null parameter"),
    }
}

fn json_of(value: &Value) -> Json {
    match value {
        Value::Bool(b) => Json::Bool(*b),
        Value::String(s) => Json::String(s.clone()),
        Value::Int(n) => Json::from(*n),
        Value::Array(items) => Json::Array(items.iter().map(json_of).collect()),
        Value::Record(fields) => Json::Object(
            fields
                .iter()
                .map(|(key, value)| (key.clone(), json_of(value)))
                .collect(),
        ),
    }
}

/// The vendored partition data.
const PARTITIONS_JSON: &str = include_str!("../../codegen/runtime/client/endpoint/partitions.json");

/// The vendored partition data with the ISO partitions' outputs of the corpus's time:
/// no dual stack, and the DNS suffix as the dual-stack suffix.
fn partitions_of_the_corpus() -> Partitions {
    let mut json: Json = serde_json::from_str(PARTITIONS_JSON).expect("partitions.json is JSON");
    let partitions = json["partitions"].as_array_mut().expect("partitions");
    let mut changed = 0;
    for partition in partitions {
        if !partition["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("aws-iso"))
        {
            continue;
        }
        let outputs = &mut partition["outputs"];
        outputs["supportsDualStack"] = Json::Bool(false);
        outputs["dualStackDnsSuffix"] = outputs["dnsSuffix"].clone();
        changed += 1;
    }
    assert_eq!(changed, 4, "the four ISO partitions");
    Partitions::from_json(&json.to_string()).expect("partition data reads")
}

/// Why a case fails, or `None` when it passes; `partitions` if not the built-in data.
fn check(rules: &RuleSet, case: &Json, partitions: Option<&Partitions>) -> Option<String> {
    let expect = &case["expect"];
    let resolved = match partitions {
        Some(partitions) => rules.resolve_with(&params(case), partitions),
        None => rules.resolve(&params(case)),
    };
    if let Some(message) = expect["error"].as_str() {
        return match resolved {
            Err(EndpointError::Rule(got)) if got == message => None,
            other => Some(format!("expected error {message:?}, got {other:?}")),
        };
    }
    let expected = &expect["endpoint"];
    let endpoint = match resolved {
        Ok(endpoint) => endpoint,
        Err(err) => return Some(format!("expected {}, got error {err}", expected["url"])),
    };
    if expected["url"] != endpoint.url() {
        return Some(format!(
            "expected {}, got {}",
            expected["url"],
            endpoint.url()
        ));
    }
    if let Some(headers) = expected.get("headers") {
        let got = serde_json::to_value(endpoint.headers()).expect("headers as JSON");
        if *headers != got {
            return Some(format!("expected headers {headers}, got {got}"));
        }
    }
    if let Some(properties) = expected.get("properties") {
        let got = Json::Object(
            endpoint
                .properties()
                .iter()
                .map(|(key, value)| (key.clone(), json_of(value)))
                .collect(),
        );
        if *properties != got {
            return Some(format!("expected properties {properties}, got {got}"));
        }
        check_auth_schemes(&endpoint, properties)
    } else {
        None
    }
}

/// The typed auth schemes agree with the `authSchemes` the case expects.
fn check_auth_schemes(endpoint: &Endpoint, properties: &Json) -> Option<String> {
    let expected = properties["authSchemes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let got = endpoint.auth_schemes();
    let agree = expected.len() == got.len()
        && expected.iter().zip(&got).all(|(json, scheme)| {
            json["name"] == scheme.name()
                && json["signingName"].as_str() == scheme.signing_name()
                && json["signingRegion"].as_str() == scheme.signing_region()
                && json["disableDoubleEncoding"].as_bool().unwrap_or(false)
                    == scheme.disable_double_encoding()
        });
    (!agree).then(|| format!("auth schemes {got:?} differ from {expected:?}"))
}

#[test]
fn every_endpoint_test_case_of_every_model_resolves_as_expected() {
    let partitions = partitions_of_the_corpus();
    let mut failures = Vec::new();
    let mut forecast_passed = 0;
    for path in models() {
        let file = path
            .file_name()
            .and_then(|name| name.to_str())
            .expect("file name");
        let (rules_json, cases) = service_traits(&path);
        let rules = RuleSet::from_json(&rules_json.to_string())
            .unwrap_or_else(|err| panic!("{file}: {err}"));
        let (mut passed, mut known) = (0, 0);
        for case in &cases {
            let name = case["documentation"].as_str().unwrap_or("(undocumented)");
            let is_known = KNOWN_FAILURES
                .iter()
                .any(|(f, doc, _)| *f == file && *doc == name);
            match check(&rules, case, Some(&partitions)) {
                None => passed += 1,
                Some(_) if is_known => known += 1,
                Some(why) => failures.push(format!("{file}: {name}: {why}")),
            }
        }
        if path.starts_with(codegen::checkout::model()) {
            forecast_passed = passed;
        }
        println!(
            "{file}: {passed} of {} cases pass, {known} known failures",
            cases.len()
        );
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(forecast_passed, 36, "the model of record's cases");
}

/// A known failure that passes has to leave the list.
#[test]
fn known_failures_still_fail() {
    let partitions = partitions_of_the_corpus();
    for path in models() {
        let file = path
            .file_name()
            .and_then(|name| name.to_str())
            .expect("file name");
        let (rules_json, cases) = service_traits(&path);
        let Ok(rules) = RuleSet::from_json(&rules_json.to_string()) else {
            continue;
        };
        for case in &cases {
            let name = case["documentation"].as_str().unwrap_or("");
            if KNOWN_FAILURES
                .iter()
                .any(|(f, doc, _)| *f == file && *doc == name)
            {
                let passes = check(&rules, case, Some(&partitions)).is_none();
                assert!(!passes, "{file}: {name} passes now");
            }
        }
    }
}

/// With the vendored partition data as it is, the cases that differ are those of a
/// region of an ISO partition with dual stack on, and no others; and some do.
#[test]
fn the_vendored_partitions_change_only_iso_dual_stack_cases() {
    let mut differ = 0;
    let mut others = Vec::new();
    for path in models() {
        let file = path
            .file_name()
            .and_then(|name| name.to_str())
            .expect("file name");
        let (rules_json, cases) = service_traits(&path);
        let rules = RuleSet::from_json(&rules_json.to_string())
            .unwrap_or_else(|err| panic!("{file}: {err}"));
        for case in &cases {
            let Some(why) = check(&rules, case, None) else {
                continue;
            };
            let region = case["params"]["Region"].as_str().unwrap_or("");
            let iso = ["us-iso-", "us-isob-", "eu-isoe-", "us-isof-"]
                .iter()
                .any(|prefix| region.starts_with(prefix));
            // A rule set without the dual-stack parameter always takes dual stack.
            let always = rules.parameter_for_built_in("AWS::UseDualStack").is_none();
            let dual_stack = always || case["params"]["UseDualStack"] == true;
            match iso && dual_stack {
                true => differ += 1,
                false => others.push(format!("{file}: {}: {why}", case["documentation"])),
            }
        }
    }
    println!("{differ} ISO dual-stack cases differ with the vendored partition data");
    assert!(others.is_empty(), "{}", others.join("\n"));
    assert!(
        differ > 0,
        "the vendored data is the corpus's: drop the ISO adjustment"
    );
}
