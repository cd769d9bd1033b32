//! What the corpus table tells about a model besides its run: its protocol and its number of shapes.

use anyhow::{Context, Result};
use serde_json::{Map, Value};

/// The protocol traits the table knows, in the order it lists them, without their
/// `aws.protocols#` namespace.
const PROTOCOLS: [&str; 6] = [
    "awsJson1_0",
    "awsJson1_1",
    "restJson1",
    "restXml",
    "awsQuery",
    "ec2Query",
];

/// The facts about one model that do not depend on the generator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelInfo {
    /// The service's protocol traits, short (`awsJson1_1`); empty when it has none.
    pub protocols: Vec<&'static str>,
    /// How many shapes the model defines.
    pub shapes: usize,
}

impl ModelInfo {
    /// Reads the facts from the text of a Smithy JSON AST model.
    pub fn parse(text: &str) -> Result<ModelInfo> {
        let model: Value = serde_json::from_str(text).context("the model is not valid JSON")?;
        let shapes = model
            .get("shapes")
            .and_then(Value::as_object)
            .context("the model has no `shapes` object")?;
        Ok(ModelInfo {
            protocols: service_protocols(shapes),
            shapes: shapes.len(),
        })
    }

    /// The protocol column: `awsJson1_0+awsQuery` when there are several, `-` for none.
    pub fn protocol(&self) -> String {
        match self.protocols.is_empty() {
            true => "-".to_owned(),
            false => self.protocols.join("+"),
        }
    }
}

/// The known protocol traits of the first service shape.
fn service_protocols(shapes: &Map<String, Value>) -> Vec<&'static str> {
    let traits = shapes
        .values()
        .find(|shape| shape.get("type").and_then(Value::as_str) == Some("service"))
        .and_then(|service| service.get("traits"))
        .and_then(Value::as_object);
    let Some(traits) = traits else {
        return Vec::new();
    };
    PROTOCOLS
        .into_iter()
        .filter(|name| traits.contains_key(&format!("aws.protocols#{name}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(text: &str) -> ModelInfo {
        ModelInfo::parse(text).unwrap()
    }

    #[test]
    fn finds_the_service_protocol() {
        let model = r#"{"smithy": "2.0", "shapes": {
            "a#Input": {"type": "structure", "members": {}},
            "a#Service": {"type": "service", "version": "1", "traits": {
                "aws.api#service": {"sdkId": "A"},
                "aws.protocols#awsJson1_1": {}
            }}
        }}"#;
        let info = info(model);
        assert_eq!(info.protocols, ["awsJson1_1"]);
        assert_eq!(info.protocol(), "awsJson1_1");
        assert_eq!(info.shapes, 2);
    }

    #[test]
    fn lists_every_known_protocol_in_table_order() {
        let model = r#"{"shapes": {"a#S": {"type": "service", "traits": {
            "aws.protocols#awsQuery": {},
            "aws.protocols#awsQueryCompatible": {},
            "aws.protocols#awsJson1_0": {}
        }}}}"#;
        assert_eq!(info(model).protocol(), "awsJson1_0+awsQuery");
    }

    #[test]
    fn no_service_or_no_protocol_shows_a_dash() {
        let no_service = r#"{"shapes": {"a#S": {"type": "string"}}}"#;
        assert_eq!(info(no_service).protocol(), "-");
        let no_protocol = r#"{"shapes": {"a#S": {"type": "service", "traits": {
            "smithy.protocols#rpcv2Cbor": {}
        }}}}"#;
        assert_eq!(info(no_protocol).protocol(), "-");
        assert_eq!(info(r#"{"shapes": {}}"#).shapes, 0);
    }

    #[test]
    fn rejects_what_is_not_a_model() {
        assert!(ModelInfo::parse("not json").is_err());
        let err = ModelInfo::parse(r#"{"smithy": "2.0"}"#).unwrap_err();
        assert!(err.to_string().contains("no `shapes`"), "{err}");
    }
}
