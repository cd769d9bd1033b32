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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partitions(Vec<Partition>);

/// One partition: its id, region pattern, regions and outputs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Partition {
    id: String,
    region_regex: Pattern,
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
                let matched = partitions.iter().find(|p| p.region_regex.matches(region));
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
    let region_regex =
        Pattern::new(regex).ok_or_else(|| format!("{id}: unsupported regex `{regex}`"))?;
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

/// The regular expressions of `partitions.json`: anchored sequences of literal
/// characters, `\`-escapes, `\w` and `\d`, groups of literal alternatives, each
/// optionally followed by `+`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern(Vec<(Atom, bool)>);

/// One element of a [`Pattern`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Atom {
    Char(char),
    Word,
    Digit,
    Alternatives(Vec<String>),
}

impl Pattern {
    /// Reads `^...$`; `None` if it uses anything else.
    fn new(regex: &str) -> Option<Pattern> {
        let body = regex.strip_prefix('^')?.strip_suffix('$')?;
        let mut chars = body.chars().peekable();
        let mut atoms = Vec::new();
        while let Some(c) = chars.next() {
            let atom = match c {
                '\\' => match chars.next()? {
                    'w' => Atom::Word,
                    'd' => Atom::Digit,
                    c if c.is_ascii_punctuation() => Atom::Char(c),
                    _ => return None,
                },
                '(' => {
                    let mut group = String::new();
                    loop {
                        match chars.next()? {
                            ')' => break,
                            c => group.push(c),
                        }
                    }
                    let words: Vec<String> = group.split('|').map(str::to_owned).collect();
                    let literal = |w: &String| {
                        !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    };
                    if !words.iter().all(literal) {
                        return None;
                    }
                    Atom::Alternatives(words)
                }
                c if c.is_ascii_alphanumeric() || c == '-' => Atom::Char(c),
                _ => return None,
            };
            let repeated = chars.next_if_eq(&'+').is_some();
            atoms.push((atom, repeated));
        }
        Some(Pattern(atoms))
    }

    /// Whether the whole of `text` matches.
    fn matches(&self, text: &str) -> bool {
        matches_from(&self.0, text)
    }
}

fn matches_from(atoms: &[(Atom, bool)], text: &str) -> bool {
    let Some(((atom, repeated), rest)) = atoms.split_first() else {
        return text.is_empty();
    };
    // Every place one match (or, repeated, any number of matches) can end; each match
    // takes at least one character, so this ends.
    let mut ends = Vec::new();
    let mut frontier = vec![text];
    while !frontier.is_empty() {
        let next: Vec<&str> = frontier
            .iter()
            .flat_map(|text| atom.strip(text).unwrap_or_default())
            .collect();
        ends.extend(next.iter().copied());
        if !repeated {
            break;
        }
        frontier = next;
    }
    // Longest first, as a greedy regex would.
    ends.iter().rev().any(|after| matches_from(rest, after))
}

impl Atom {
    /// What may follow one match of the atom at the start of `text`.
    fn strip<'a>(&self, text: &'a str) -> Option<Vec<&'a str>> {
        let first = text.chars().next()?;
        let one = |ok: bool| ok.then(|| vec![&text[first.len_utf8()..]]);
        match self {
            Atom::Char(c) => one(first == *c),
            Atom::Word => one(first.is_ascii_alphanumeric() || first == '_'),
            Atom::Digit => one(first.is_ascii_digit()),
            Atom::Alternatives(words) => {
                let ends: Vec<&str> = words
                    .iter()
                    .filter_map(|w| text.strip_prefix(w.as_str()))
                    .collect();
                (!ends.is_empty()).then_some(ends)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Partitions, Pattern};
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

    #[test]
    fn patterns() {
        let pattern = Pattern::new(r"^(us|eu)\-\w+\-\d+$").expect("supported");
        assert!(pattern.matches("us-west-2"));
        assert!(pattern.matches("eu-a_b-10"));
        assert!(!pattern.matches("us-west-"));
        assert!(!pattern.matches("ap-west-2"));
        assert!(!pattern.matches("us-west-2x"));
        assert!(!pattern.matches("us--2"));
        let greedy = Pattern::new(r"^\w+\-\w+\-\d+$").expect("supported");
        assert!(greedy.matches("us-gov-1"));
        assert!(!greedy.matches("us-1"));
        assert_eq!(Pattern::new("us.*"), None);
        assert_eq!(Pattern::new("^a*$"), None);
        assert_eq!(Pattern::new("^(a|b$"), None);
        assert_eq!(Pattern::new("^(a||b)$"), None);
    }
}
