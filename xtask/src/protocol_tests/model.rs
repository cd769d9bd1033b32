//! botocore's shapes and operations, for one protocol, as a Smithy JSON AST model.
//!
//! The suites of a protocol (input and output files, one suite per operation) are merged
//! into one service: a shape defined by several suites must be the same everywhere, and
//! an operation takes its input from the input cases, its output and errors from the
//! output cases. The service's shape name is botocore's `targetPrefix`, which makes
//! `X-Amz-Target` `<targetPrefix>.<operation>` as in botocore.
//!
//! The conversion: structures (unions with `union`, documents with `document`,
//! errors with `exception` or `fault`, awsQuery codes with `error`), lists, maps,
//! strings (enums with `enum`), numbers, booleans, blobs and timestamps (with their
//! `timestampFormat`); members keep `required`, `locationName` (as `jsonName`),
//! `hostLabel`, `idempotencyToken` and their documentation; operations keep
//! `idempotent`, the endpoint's host prefix and request compression. `box` and
//! `jsonvalue` have no Smithy counterpart that changes a JSON body, and `http` is always
//! `POST /` in these protocols, so they are left out.

use anyhow::{bail, Context, Result};
use indexmap::IndexMap;
use serde_json::{json, Map, Value};

use super::suite::{self, Member, Metadata, Shape, ShapeRef};

/// One protocol's merged shapes and operations, with the file each came from.
#[derive(Debug, Clone)]
pub struct Service {
    pub metadata: Metadata,
    pub shapes: IndexMap<String, Shape>,
    pub operations: IndexMap<String, Operation>,
}

/// An operation, merged from every case that calls it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Operation {
    pub input: Option<String>,
    pub output: Option<String>,
    pub errors: Vec<String>,
    pub idempotent: bool,
    pub host_prefix: Option<String>,
    pub compression: Option<Vec<String>>,
    pub documentation: Option<String>,
}

impl Service {
    /// Merges the suites of `files` (name and contents), which must all be of one
    /// protocol.
    pub fn merge(files: &[(String, suite::File)]) -> Result<Service> {
        let mut service: Option<Service> = None;
        for (name, file) in files {
            for suite in file {
                let context = || format!("{name}: suite `{}`", suite.description);
                let service = service.get_or_insert_with(|| Service {
                    metadata: suite.metadata.clone(),
                    shapes: IndexMap::new(),
                    operations: IndexMap::new(),
                });
                service.add(suite).with_context(context)?;
            }
        }
        service.context("no suites to merge")
    }

    fn add(&mut self, suite: &suite::Suite) -> Result<()> {
        if suite.metadata != self.metadata {
            bail!(
                "metadata {:?} differs from the first suite's {:?}",
                suite.metadata,
                self.metadata
            );
        }
        for (name, shape) in &suite.shapes {
            match self.shapes.get(name) {
                Some(known) if without_docs(known) != without_docs(shape) => {
                    bail!("shape `{name}` differs from its definition in an earlier suite")
                }
                Some(_) => {}
                None => {
                    self.shapes.insert(name.clone(), shape.clone());
                }
            }
        }
        for case in &suite.cases {
            let operation = self.operations.entry(case.given.name.clone()).or_default();
            operation
                .add(&case.given)
                .with_context(|| format!("case `{}`, operation `{}`", case.id, case.given.name))?;
        }
        Ok(())
    }

    /// The Smithy namespace: `aws.protocoltests.` and the target prefix in lower case.
    pub fn namespace(&self) -> String {
        format!(
            "aws.protocoltests.{}",
            self.metadata.target_prefix.to_ascii_lowercase()
        )
    }

    /// The protocol trait's id: `aws.protocols#awsJson1_0` or `aws.protocols#awsJson1_1`.
    pub fn protocol(&self) -> Result<&'static str> {
        match self.metadata.json_version.as_str() {
            "1.0" => Ok("aws.protocols#awsJson1_0"),
            "1.1" => Ok("aws.protocols#awsJson1_1"),
            other => bail!("jsonVersion `{other}` is not an awsJson protocol"),
        }
    }

    /// The Smithy JSON AST model of the service, its operations and shapes.
    pub fn smithy(&self) -> Result<Value> {
        let namespace = self.namespace();
        let mut shapes = Map::new();
        let service_id = format!("{namespace}#{}", self.metadata.target_prefix);
        shapes.insert(service_id, self.service_shape()?);
        for (name, operation) in &self.operations {
            shapes.insert(format!("{namespace}#{name}"), operation.smithy(&namespace));
        }
        for (name, shape) in &self.shapes {
            let converted =
                smithy_shape(&namespace, shape).with_context(|| format!("shape `{name}`"))?;
            shapes.insert(format!("{namespace}#{name}"), converted);
        }
        Ok(json!({ "smithy": "2.0", "shapes": shapes }))
    }

    fn service_shape(&self) -> Result<Value> {
        let namespace = self.namespace();
        let operations: Vec<Value> = self
            .operations
            .keys()
            .map(|name| target(&namespace, name))
            .collect();
        let title = format!("the {} protocol tests", self.protocol()?);
        Ok(json!({
            "type": "service",
            "version": self.metadata.api_version,
            "operations": operations,
            "traits": {
                self.protocol()?: {},
                "smithy.api#title": title,
            },
        }))
    }
}

impl Operation {
    /// Adds what one case says about the operation; a contradiction is an error.
    fn add(&mut self, given: &suite::Operation) -> Result<()> {
        let name = |shape: &Option<ShapeRef>| shape.as_ref().map(|s| s.shape.clone());
        set_once(&mut self.input, name(&given.input), "input")?;
        set_once(&mut self.output, name(&given.output), "output")?;
        let prefix = given.endpoint.as_ref().map(|e| e.host_prefix.clone());
        set_once(&mut self.host_prefix, prefix, "endpoint hostPrefix")?;
        let encodings = given.request_compression.as_ref();
        set_once(
            &mut self.compression,
            encodings.map(|c| c.encodings.clone()),
            "requestcompression",
        )?;
        for error in &given.errors {
            if !self.errors.contains(&error.shape) {
                self.errors.push(error.shape.clone());
            }
        }
        self.idempotent |= given.idempotent;
        if self.documentation.is_none() {
            self.documentation.clone_from(&given.documentation);
        }
        Ok(())
    }

    fn smithy(&self, namespace: &str) -> Value {
        let mut shape = Map::new();
        shape.insert("type".into(), "operation".into());
        if let Some(input) = &self.input {
            shape.insert("input".into(), target(namespace, input));
        }
        if let Some(output) = &self.output {
            shape.insert("output".into(), target(namespace, output));
        }
        if !self.errors.is_empty() {
            let errors = self.errors.iter().map(|e| target(namespace, e)).collect();
            shape.insert("errors".into(), Value::Array(errors));
        }
        let mut traits = Map::new();
        if self.idempotent {
            traits.insert("smithy.api#idempotent".into(), json!({}));
        }
        if let Some(prefix) = &self.host_prefix {
            traits.insert(
                "smithy.api#endpoint".into(),
                json!({ "hostPrefix": prefix }),
            );
        }
        if let Some(encodings) = &self.compression {
            let value = json!({ "encodings": encodings });
            traits.insert("smithy.api#requestCompression".into(), value);
        }
        documentation(&mut traits, self.documentation.as_deref());
        with_traits(shape, traits)
    }
}

/// Sets `slot` to `value`, unless it already holds another value.
fn set_once<T: PartialEq + std::fmt::Debug>(
    slot: &mut Option<T>,
    value: Option<T>,
    what: &str,
) -> Result<()> {
    match (&slot, value) {
        (_, None) => Ok(()),
        (None, value) => {
            *slot = value;
            Ok(())
        }
        (Some(known), Some(value)) if *known == value => Ok(()),
        (Some(known), Some(value)) => {
            bail!("{what} {value:?} contradicts {known:?} from an earlier case")
        }
    }
}

/// A shape without its documentation, which suites may word differently.
fn without_docs(shape: &Shape) -> Shape {
    Shape {
        documentation: None,
        ..shape.clone()
    }
}

/// `{"target": "<namespace>#<name>"}`.
fn target(namespace: &str, name: &str) -> Value {
    json!({ "target": format!("{namespace}#{name}") })
}

/// One botocore shape as a Smithy shape.
fn smithy_shape(namespace: &str, shape: &Shape) -> Result<Value> {
    let mut traits = shape_traits(shape)?;
    let mut smithy = Map::new();
    let kind = match shape.kind.as_str() {
        "structure" if shape.document => "document",
        "structure" => {
            let members = members(namespace, shape)?;
            smithy.insert("members".into(), Value::Object(members));
            if shape.union {
                "union"
            } else {
                "structure"
            }
        }
        "list" => {
            let member = shape.member.as_ref().context("a list without `member`")?;
            smithy.insert("member".into(), target(namespace, &member.shape));
            "list"
        }
        "map" => {
            let key = shape.key.as_ref().context("a map without `key`")?;
            let value = shape.value.as_ref().context("a map without `value`")?;
            smithy.insert("key".into(), target(namespace, &key.shape));
            smithy.insert("value".into(), target(namespace, &value.shape));
            "map"
        }
        "string" if shape.enum_values.is_some() => {
            let values = shape.enum_values.as_deref().unwrap_or_default();
            smithy.insert("members".into(), Value::Object(enum_members(values)));
            "enum"
        }
        "timestamp" => {
            if let Some(format) = &shape.timestamp_format {
                let format = timestamp_format(format)?;
                traits.insert("smithy.api#timestampFormat".into(), format.into());
            }
            "timestamp"
        }
        kind @ ("string" | "blob" | "boolean" | "byte" | "short" | "integer" | "long" | "float"
        | "double") => kind,
        "bigdecimal" => "bigDecimal",
        "biginteger" => "bigInteger",
        other => bail!("unknown shape type `{other}`"),
    };
    smithy.insert("type".into(), kind.into());
    Ok(with_traits(smithy, traits))
}

/// The traits of a shape itself: documentation, and those of an error.
fn shape_traits(shape: &Shape) -> Result<Map<String, Value>> {
    let mut traits = Map::new();
    documentation(&mut traits, shape.documentation.as_deref());
    match (shape.exception, shape.fault) {
        (_, true) => {
            traits.insert("smithy.api#error".into(), "server".into());
        }
        (true, false) => {
            traits.insert("smithy.api#error".into(), "client".into());
        }
        (false, false) => {}
    }
    if let Some(error) = &shape.error {
        if !(shape.exception || shape.fault) {
            bail!("`error` on a shape that is not an exception");
        }
        let mut query = json!({ "code": error.code });
        if let Some(status) = error.http_status_code {
            query["httpResponseCode"] = status.into();
            traits.insert("smithy.api#httpError".into(), status.into());
        }
        traits.insert("aws.protocols#awsQueryError".into(), query);
    }
    Ok(traits)
}

/// The members of a structure or union, with their traits.
fn members(namespace: &str, shape: &Shape) -> Result<Map<String, Value>> {
    for name in &shape.required {
        if !shape.members.contains_key(name) {
            bail!("`required` names `{name}`, which is not a member");
        }
    }
    let mut members = Map::new();
    for (name, member) in &shape.members {
        let required = shape.required.contains(name);
        let mut smithy = target(namespace, &member.shape);
        let traits = member_traits(member, required);
        if !traits.is_empty() {
            smithy["traits"] = Value::Object(traits);
        }
        members.insert(name.clone(), smithy);
    }
    Ok(members)
}

fn member_traits(member: &Member, required: bool) -> Map<String, Value> {
    let mut traits = Map::new();
    let flags = [
        (required, "smithy.api#required"),
        (member.host_label, "smithy.api#hostLabel"),
        (member.idempotency_token, "smithy.api#idempotencyToken"),
    ];
    for (_, id) in flags.iter().filter(|(set, _)| *set) {
        traits.insert((*id).into(), json!({}));
    }
    if let Some(name) = &member.location_name {
        traits.insert("smithy.api#jsonName".into(), name.as_str().into());
    }
    documentation(&mut traits, member.documentation.as_deref());
    traits
}

/// An enum's members: each value under a name Smithy accepts (`V0` for `0`), unique.
fn enum_members(values: &[String]) -> Map<String, Value> {
    let mut members = Map::new();
    for value in values {
        let base = enum_member_name(value);
        let mut name = base.clone();
        let mut n = 2;
        while members.contains_key(&name) {
            name = format!("{base}_{n}");
            n += 1;
        }
        let member = json!({
            "target": "smithy.api#Unit",
            "traits": { "smithy.api#enumValue": value },
        });
        members.insert(name, member);
    }
    members
}

/// A Smithy identifier for an enum value: other characters become `_`, and a name that
/// would not start with a letter gets a `V` in front.
fn enum_member_name(value: &str) -> String {
    let name: String = value
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    match name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        true => name,
        false => format!("V{name}"),
    }
}

/// botocore's timestamp format names in Smithy's words.
fn timestamp_format(botocore: &str) -> Result<&'static str> {
    match botocore {
        "iso8601" => Ok("date-time"),
        "rfc822" => Ok("http-date"),
        "unixTimestamp" => Ok("epoch-seconds"),
        other => bail!("unknown timestampFormat `{other}`"),
    }
}

fn documentation(traits: &mut Map<String, Value>, docs: Option<&str>) {
    if let Some(docs) = docs {
        traits.insert("smithy.api#documentation".into(), docs.into());
    }
}

/// `shape` with `traits`, when there are any.
fn with_traits(mut shape: Map<String, Value>, traits: Map<String, Value>) -> Value {
    if !traits.is_empty() {
        shape.insert("traits".into(), Value::Object(traits));
    }
    Value::Object(shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(json: Value) -> Shape {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn enum_values_get_smithy_member_names() {
        let members = enum_members(&["Foo".into(), "0".into(), "a-b".into(), "a_b".into()]);
        let names: Vec<&str> = members.keys().map(String::as_str).collect();
        assert_eq!(names, ["Foo", "V0", "a_b", "a_b_2"]);
        assert_eq!(members["V0"]["traits"]["smithy.api#enumValue"], "0");
    }

    #[test]
    fn timestamps_keep_their_format() {
        let converted = smithy_shape(
            "ns",
            &shape(json!({"type": "timestamp", "timestampFormat": "rfc822"})),
        )
        .unwrap();
        let expected = json!({
            "type": "timestamp",
            "traits": {"smithy.api#timestampFormat": "http-date"},
        });
        assert_eq!(converted, expected);
        let bad = shape(json!({"type": "timestamp", "timestampFormat": "someday"}));
        let error = smithy_shape("ns", &bad).unwrap_err().to_string();
        assert_eq!(error, "unknown timestampFormat `someday`");
    }

    #[test]
    fn structures_keep_required_members_and_error_traits() {
        let error = shape(json!({
            "type": "structure",
            "members": {"Message": {"shape": "String", "locationName": "message"}},
            "required": ["Message"],
            "exception": true,
            "error": {"code": "Invalid", "httpStatusCode": 400, "senderFault": true},
        }));
        let converted = smithy_shape("ns", &error).unwrap();
        let member = &converted["members"]["Message"];
        assert_eq!(member["target"], "ns#String");
        assert_eq!(member["traits"]["smithy.api#required"], json!({}));
        assert_eq!(member["traits"]["smithy.api#jsonName"], "message");
        assert_eq!(converted["traits"]["smithy.api#error"], "client");
        let query = &converted["traits"]["aws.protocols#awsQueryError"];
        assert_eq!(*query, json!({"code": "Invalid", "httpResponseCode": 400}));
    }

    #[test]
    fn a_required_member_that_does_not_exist_is_named() {
        let bad = shape(json!({"type": "structure", "members": {}, "required": ["Gone"]}));
        let error = smithy_shape("ns", &bad).unwrap_err().to_string();
        assert_eq!(error, "`required` names `Gone`, which is not a member");
    }

    #[test]
    fn operations_merge_input_from_one_case_and_output_from_another() {
        let given = |json: Value| -> suite::Operation { serde_json::from_value(json).unwrap() };
        let mut op = Operation::default();
        let http = json!({"method": "POST", "requestUri": "/"});
        op.add(&given(
            json!({"name": "Op", "http": http, "input": {"shape": "In"}}),
        ))
        .unwrap();
        let output = json!({"name": "Op", "http": http, "output": {"shape": "Out"},
                            "errors": [{"shape": "E"}], "idempotent": true});
        op.add(&given(output)).unwrap();
        assert_eq!(op.input.as_deref(), Some("In"));
        assert_eq!(op.output.as_deref(), Some("Out"));
        assert_eq!(op.errors, ["E"]);
        assert!(op.idempotent);
        let other = given(json!({"name": "Op", "http": http, "input": {"shape": "Other"}}));
        let error = op.add(&other).unwrap_err().to_string();
        assert_eq!(
            error,
            r#"input "Other" contradicts "In" from an earlier case"#
        );
    }
}
