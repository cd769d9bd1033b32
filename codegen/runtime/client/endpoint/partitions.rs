//! `aws.partition`: which AWS partition a region belongs to, from the vendored
//! `partitions.json` (botocore 1.44.8, Apache-2.0), read once on first use.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::Value as Json;

use super::{EndpointError, Value};

/// botocore's partition data.
const PARTITIONS_JSON: &str = include_str!("partitions.json");

/// AWS partition data, as in botocore's `partitions.json`: which partition each region
/// belongs to, and its DNS suffixes and features. [`RuleSet::resolve`] uses the data
/// built into this module; [`RuleSet::resolve_with`] takes other data.
///
/// [`RuleSet::resolve`]: super::RuleSet::resolve
/// [`RuleSet::resolve_with`]: super::RuleSet::resolve_with
#[derive(Debug, Clone)]
pub struct Partitions(Vec<Partition>);

/// One partition: its id, region pattern, regions and outputs.
#[derive(Debug, Clone)]
struct Partition {
    id: String,
    region_regex: regex_lite::Regex,
    /// Each region with the outputs it overrides.
    regions: BTreeMap<String, BTreeMap<String, Value>>,
    outputs: BTreeMap<String, Value>,
}

impl Partitions {
    /// Reads partition data in the format of botocore's `partitions.json`.
    pub fn from_json(text: &str) -> Result<Partitions, EndpointError> {
        read(text)
            .map(Partitions)
            .map_err(|message| EndpointError::InvalidRuleSet {
                at: "partition data".to_owned(),
                message,
            })
    }

    /// The data built into this module, read on first use.
    pub(super) fn built_in() -> Result<&'static Partitions, EndpointError> {
        static BUILT_IN: OnceLock<Result<Partitions, EndpointError>> = OnceLock::new();
        BUILT_IN
            .get_or_init(|| Partitions::from_json(PARTITIONS_JSON))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The outputs of the partition of `region`: the partition that lists it, else the
    /// first whose pattern matches it, else `aws`.
    pub(super) fn partition(&self, region: &str) -> Option<Value> {
        let partitions = &self.0;
        let listed = partitions
            .iter()
            .find_map(|p| Some((p, p.regions.get(region)?)));
        let (partition, overrides) = match listed {
            Some((partition, overrides)) => (Some(partition), Some(overrides)),
            None => {
                let matched = partitions.iter().find(|p| p.region_regex.is_match(region));
                let fallback = || partitions.iter().find(|p| p.id == "aws");
                (matched.or_else(fallback), None)
            }
        };
        partition.map(|partition| {
            let mut outputs = partition.outputs.clone();
            let overrides = overrides.into_iter().flatten();
            outputs.extend(overrides.map(|(k, v)| (k.clone(), v.clone())));
            Value::Record(outputs)
        })
    }
}

fn read(text: &str) -> Result<Vec<Partition>, String> {
    let json: Json = serde_json::from_str(text).map_err(|err| err.to_string())?;
    json.get("partitions")
        .and_then(Json::as_array)
        .ok_or("no `partitions` array")?
        .iter()
        .map(read_partition)
        .collect()
}

fn read_partition(json: &Json) -> Result<Partition, String> {
    let id = json
        .get("id")
        .and_then(Json::as_str)
        .ok_or("a partition without `id`")?;
    let regex = json
        .get("regionRegex")
        .and_then(Json::as_str)
        .ok_or_else(|| format!("{id}: no `regionRegex`"))?;
    let region_regex = regex_lite::Regex::new(regex)
        .map_err(|error| format!("{id}: regionRegex `{regex}`: {error}"))?;
    let regions = json
        .get("regions")
        .and_then(Json::as_object)
        .ok_or_else(|| format!("{id}: no `regions`"))?
        .iter()
        .map(|(name, json)| (name.clone(), outputs(json, &["description"])))
        .collect();
    let outputs = json
        .get("outputs")
        .map(|json| outputs(json, &[]))
        .ok_or_else(|| format!("{id}: no `outputs`"))?;
    Ok(Partition {
        id: id.to_owned(),
        region_regex,
        regions,
        outputs,
    })
}

/// The string and boolean fields of an object, but `skip`.
fn outputs(json: &Json, skip: &[&str]) -> BTreeMap<String, Value> {
    let Some(object) = json.as_object() else {
        return BTreeMap::new();
    };
    object
        .iter()
        .filter(|(key, _)| !skip.contains(&key.as_str()))
        .filter_map(|(key, json)| {
            let value = match json {
                Json::String(s) => Value::String(s.clone()),
                Json::Bool(b) => Value::Bool(*b),
                _ => return None,
            };
            Some((key.clone(), value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Partitions;
    use crate::primitives::client::endpoint::Value;

    fn name(region: &str) -> Value {
        let partitions = Partitions::built_in().expect("partitions.json reads");
        match partitions.partition(region) {
            Some(Value::Record(fields)) => fields["name"].clone(),
            other => panic!("{region}: {other:?}"),
        }
    }

    #[test]
    fn the_vendored_partitions_read() {
        let partitions = Partitions::built_in().expect("partitions.json reads");
        assert!(partitions.0.len() >= 8);
        assert!(partitions.0.iter().any(|p| p.id == "aws"));
    }

    #[test]
    fn regions_take_their_overrides() {
        let json = r#"{"partitions": [{"id": "aws", "regionRegex": "^us\\-\\w+\\-\\d+$",
            "outputs": {"name": "aws", "dnsSuffix": "amazonaws.com"},
            "regions": {"us-odd-1": {"description": "x", "dnsSuffix": "odd.example"}}}]}"#;
        let partitions = Partitions::from_json(json).expect("reads");
        let suffix = |region: &str| match partitions.partition(region) {
            Some(Value::Record(fields)) => fields["dnsSuffix"].clone(),
            other => panic!("{region}: {other:?}"),
        };
        assert_eq!(suffix("us-odd-1"), Value::from("odd.example"));
        assert_eq!(suffix("us-west-2"), Value::from("amazonaws.com"));
        assert!(Partitions::from_json("{}").is_err());
        assert!(Partitions::from_json(r#"{"partitions": [{"id": "a"}]}"#).is_err());
    }

    #[test]
    fn regions_find_their_partition() {
        assert_eq!(name("us-west-2"), Value::from("aws"));
        assert_eq!(name("aws-global"), Value::from("aws"));
        assert_eq!(name("cn-north-1"), Value::from("aws-cn"));
        assert_eq!(name("cn-south-9"), Value::from("aws-cn"));
        assert_eq!(name("us-gov-west-1"), Value::from("aws-us-gov"));
        assert_eq!(name("us-iso-east-9"), Value::from("aws-iso"));
        assert_eq!(name("us-isob-east-9"), Value::from("aws-iso-b"));
        assert_eq!(name("eusc-de-east-9"), Value::from("aws-eusc"));
        assert_eq!(name("not a region"), Value::from("aws"));
    }
}
