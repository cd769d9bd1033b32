//! Every `@pattern` of the AWS models in `corpus/` either translates into a `regex-lite`
//! pattern that compiles, or is refused for look-around, the one documented fallback.

mod common;

use std::collections::BTreeSet;

use codegen::typespace::pattern::translate;
use serde_json::Value;

/// Every `smithy.api#pattern` value in a JSON document.
fn patterns(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("smithy.api#pattern", Value::String(p)) => {
                        out.insert(p.clone());
                    }
                    _ => patterns(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| patterns(v, out)),
        _ => {}
    }
}

fn corpus_patterns() -> BTreeSet<String> {
    let dir = codegen::checkout::corpus();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut out = BTreeSet::new();
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let json: Value = serde_json::from_str(&text).unwrap();
            patterns(&json, &mut out);
        }
    }
    out
}

#[test]
fn every_corpus_pattern_compiles_or_needs_look_around() {
    let all = corpus_patterns();
    assert!(all.len() > 300, "only {} patterns found", all.len());
    let mut refused = Vec::new();
    for pattern in &all {
        if let Err(reason) = translate(pattern) {
            refused.push(format!("{pattern}: {reason}"));
        }
    }
    let other: Vec<&String> = refused.iter().filter(|r| !r.contains("look-")).collect();
    assert!(other.is_empty(), "refused for other reasons:\n{other:#?}");
    // Today 12 of the 367 distinct patterns use look-around.
    assert!(refused.len() <= 12, "{refused:#?}");
}

#[test]
fn every_forecast_pattern_is_checked() {
    let model: Value = serde_json::from_str(&common::forecast_model()).unwrap();
    let mut all = BTreeSet::new();
    patterns(&model, &mut all);
    for pattern in &all {
        assert!(translate(pattern).is_ok(), "{pattern}");
    }
}

#[test]
fn an_unchecked_pattern_is_a_warning_naming_shape_and_member() {
    let model = common::model_with(
        r#",
    "ex#Thing": { "type": "structure", "members": {
        "Name": { "target": "ex#NoDots", "traits": { "smithy.api#required": {} } }
    } },
    "ex#NoDots": { "type": "string", "traits": { "smithy.api#pattern": "^(?!.*\\.).*$" } }"#,
    );
    let generated = codegen::generate_with_warnings(&model, &common::options(&[])).unwrap();
    let warnings: Vec<String> = generated.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        warnings,
        [
            "shape `ex#Thing`, member `Name`: pattern `^(?!.*\\.).*$` is not checked: \
          look-ahead is not supported"
        ]
    );
    let thing = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("src/types/thing.rs"))
        .unwrap();
    assert!(
        thing.contents.contains("does not check it: look-ahead"),
        "{}",
        thing.contents
    );
    assert!(!generated
        .files
        .iter()
        .any(|f| f.path.ends_with("src/patterns.rs")));
}

/// A restJson1 input with a required label has no serde impls, so no boundary test can
/// read one; its body-only sibling still gets one.
#[test]
fn boundary_tests_skip_structures_without_serde() {
    let model = r#"{
  "smithy": "2.0",
  "shapes": {
    "ex#Svc": { "type": "service", "version": "1", "operations": [{ "target": "ex#Get" }],
                "traits": { "aws.protocols#restJson1": {} } },
    "ex#Get": { "type": "operation", "input": { "target": "ex#GetInput" },
                "output": { "target": "ex#GetOutput" },
                "traits": { "smithy.api#http": { "method": "GET", "uri": "/things/{id}" } } },
    "ex#GetInput": { "type": "structure", "members": {
        "id": { "target": "ex#Id", "traits": { "smithy.api#required": {}, "smithy.api#httpLabel": {} } }
    } },
    "ex#GetOutput": { "type": "structure", "members": { "name": { "target": "ex#Id" } } },
    "ex#Id": { "type": "string", "traits": { "smithy.api#length": { "min": 1, "max": 8 } } }
  }
}"#;
    let files = codegen::generate(model, &common::options(&[])).unwrap();
    let tests = files
        .iter()
        .find(|f| f.path.ends_with("tests/constraints.rs"))
        .expect("GetOutput has a boundary test");
    assert!(tests.contents.contains("GetOutput"), "{}", tests.contents);
    assert!(!tests.contents.contains("GetInput"), "{}", tests.contents);
}

mod fuzz {
    use codegen::typespace::pattern::{counterexample, example, translate};
    use proptest::prelude::*;

    /// Patterns made of regex syntax, valid or not.
    fn pattern() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            Just("a".to_owned()),
            Just("[a-z]".to_owned()),
            Just("\\d".to_owned()),
            Just("\\s".to_owned()),
            Just("\\p{L}".to_owned()),
            Just("\\P{N}".to_owned()),
            Just("\\uD800\\uDC00".to_owned()),
            Just("\\u00e9".to_owned()),
            Just(".".to_owned()),
            Just("(".to_owned()),
            Just(")".to_owned()),
            Just("(?:".to_owned()),
            Just("(?!".to_owned()),
            Just("[".to_owned()),
            Just("]".to_owned()),
            Just("{2}".to_owned()),
            Just("{1000}".to_owned()),
            Just("{".to_owned()),
            Just("*".to_owned()),
            Just("+?".to_owned()),
            Just("|".to_owned()),
            Just("^".to_owned()),
            Just("$".to_owned()),
            Just("\\".to_owned()),
            Just("&&".to_owned()),
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(pieces, 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Any pattern translates or is refused with a reason; never a panic. A
        /// translation compiles, its example matches and its counterexample does not.
        #[test]
        fn translation_never_panics_and_examples_hold(source in pattern()) {
            let Ok(regex) = translate(&source) else {
                return Ok(());
            };
            let compiled = regex_lite::Regex::new(&regex).expect("translations compile");
            if let Some(yes) = example(&regex) {
                prop_assert!(compiled.is_match(&yes), "{source} / {regex}: {yes:?}");
            }
            if let Some(no) = counterexample(&regex) {
                prop_assert!(!compiled.is_match(&no), "{source} / {regex}: {no:?}");
            }
        }
    }

    #[test]
    fn nested_repetitions_give_no_example_rather_than_a_huge_one() {
        // regex-lite refuses the billion-character case itself ...
        assert!(translate("^((a{1000}){1000}){1000}$").is_err());
        // ... and the examples stop at a few thousand characters.
        let regex = translate("^((a{100}){100})$").unwrap();
        assert_eq!(example(&regex), None);
        let regex = translate("^((a{10}){10})$").unwrap();
        assert_eq!(example(&regex).map(|e| e.len()), Some(100));
    }
}

/// Strings every translated pattern is tried on beside its own example and
/// counterexample: scripts, spaces, line terminators, astral characters, ARN shapes.
const PROBES: &[&str] = &[
    "",
    "a",
    "A",
    "z",
    "0",
    "9",
    "_",
    "-",
    ".",
    " ",
    "\t",
    "\n",
    "\r",
    "\u{2028}",
    "\u{a0}",
    "\u{3000}",
    "é",
    "東京",
    "😀",
    "٣",
    "ﬀ",
    "abc-def_ghi",
    "arn:aws:forecast:us-west-2:1:f/x",
    "arn:aws:iam::123:role/x",
    "s3://bucket/key",
    "Hello, World!",
    "a b",
    "$LATEST",
    "x.y",
    "aws:tag",
    "\u{0}",
    "\u{7f}",
    "1234",
    "12:34",
    "2020-01-01T00:00:00",
    "a/b",
    "\\",
    "\"",
    "'",
    "{}",
    "[]",
];

/// Runs every translated corpus pattern in Node.js's ECMA 262 engine beside regex-lite
/// and reports where they disagree, leaving out the two known, intended differences:
/// Java's ASCII classes (`\p{Alnum}`, which ECMA reads as the letters `p{Alnum}`) and
/// characters beyond U+FFFF (ECMA without the `u` flag matches UTF-16 code units; the
/// translation matches code points, as Smithy counts lengths).
const NODE_SCRIPT: &str = r#"
let input = '';
process.stdin.on('data', d => input += d);
process.stdin.on('end', () => {
  const out = [];
  let checked = 0;
  for (const c of JSON.parse(input)) {
    let re = null;
    const flags = /\\[pP]\{/.test(c.pattern) ? ['u', ''] : ['', 'u'];
    for (const f of flags) { try { re = new RegExp(c.pattern, f); break; } catch (e) {} }
    if (!re) continue;
    c.strings.forEach((s, i) => {
      checked++;
      if (re.test(s) !== c.results[i]) out.push({ pattern: c.pattern, string: s });
    });
  }
  console.log(JSON.stringify({ checked, mismatches: out }));
});
"#;

#[test]
#[ignore = "needs Node.js; .ci/run runs it where `node` is installed"]
fn an_ecma_262_engine_agrees_with_every_translation() {
    use std::io::Write;
    use std::process::{Command, Stdio};

    let mut cases = Vec::new();
    for source in corpus_patterns() {
        let Ok(regex) = translate(&source) else {
            continue;
        };
        let compiled = regex_lite::Regex::new(&regex).unwrap();
        let mut strings: Vec<String> = PROBES.iter().map(|s| s.to_string()).collect();
        strings.extend(codegen::typespace::pattern::example(&regex));
        strings.extend(codegen::typespace::pattern::counterexample(&regex));
        let results: Vec<bool> = strings.iter().map(|s| compiled.is_match(s)).collect();
        cases
            .push(serde_json::json!({ "pattern": source, "strings": strings, "results": results }));
    }
    let mut node = Command::new("node")
        .args(["-e", NODE_SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    let input = serde_json::to_vec(&cases).unwrap();
    node.stdin.take().unwrap().write_all(&input).unwrap();
    let output = node.wait_with_output().unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(report["checked"].as_u64().unwrap() > 10_000, "{report}");
    let unexpected: Vec<&Value> = report["mismatches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| {
            let pattern = m["pattern"].as_str().unwrap();
            let string = m["string"].as_str().unwrap();
            let java = ["\\p{Print}", "\\p{Alnum}"]
                .iter()
                .any(|j| pattern.contains(j));
            let astral = string.chars().any(|c| u32::from(c) > 0xffff);
            !java && !astral
        })
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}
