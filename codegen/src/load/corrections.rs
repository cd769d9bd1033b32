//! Model corrections: `apply` statements that carry the trait [`TRAIT`], which says why
//! a shape or member's traits differ from the model as published, and on what authority.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;

/// The trait that marks an `apply` statement as a correction. A corrections file defines
/// it (a structure with `smithy.api#trait`) and applies it beside each corrected trait.
pub const TRAIT: &str = "codegen.corrections#correction";

/// Why a shape or member was corrected, as the corrections file states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// The file the correction comes from.
    pub file: String,
    /// What the model gets wrong.
    pub reason: String,
    /// The authority for the corrected value: the service's documentation, or the
    /// request a real client sends.
    pub source: String,
    /// The corrected traits, by absolute trait id, in the order the file gives them.
    pub traits: Vec<String>,
}

/// The value of the correction trait, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stated {
    reason: String,
    source: String,
}

/// The correction an `apply` statement's traits make, if they carry [`TRAIT`]; an error
/// when the trait is malformed or corrects nothing.
pub fn read(file: &str, traits: &IndexMap<String, Value>) -> Result<Option<Correction>, String> {
    let Some(value) = traits.get(TRAIT) else {
        return Ok(None);
    };
    let Stated { reason, source } =
        serde_json::from_value(value.clone()).map_err(|err| format!("trait `{TRAIT}`: {err}"))?;
    if reason.trim().is_empty() || source.trim().is_empty() {
        return Err(format!(
            "trait `{TRAIT}`: `reason` and `source` must not be empty"
        ));
    }
    let corrected: Vec<String> = traits
        .keys()
        .filter(|id| *id != TRAIT && *id != "smithy.api#documentation")
        .cloned()
        .collect();
    if corrected.is_empty() {
        return Err(format!(
            "trait `{TRAIT}`: the statement corrects no trait; apply the corrected trait beside it"
        ));
    }
    Ok(Some(Correction {
        file: file.to_owned(),
        reason,
        source,
        traits: corrected,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn traits(value: Value) -> IndexMap<String, Value> {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn a_correction_names_its_traits_reason_and_source() {
        let applied = traits(json!({
            "smithy.api#pattern": "^a$",
            TRAIT: {"reason": "too strict", "source": "the docs"},
        }));
        let correction = read("c.json", &applied).unwrap().unwrap();
        assert_eq!(correction.traits, ["smithy.api#pattern"]);
        assert_eq!(correction.reason, "too strict");
        assert_eq!(correction.source, "the docs");
        assert_eq!(correction.file, "c.json");
    }

    #[test]
    fn plain_apply_statements_are_no_corrections() {
        let applied = traits(json!({"smithy.api#documentation": "Hi"}));
        assert_eq!(read("c.json", &applied), Ok(None));
    }

    #[test]
    fn malformed_corrections_are_errors() {
        let cases = [
            (json!({"reason": "r"}), "missing field `source`"),
            (json!({"reason": "r", "source": " "}), "must not be empty"),
            (
                json!({"reason": "r", "source": "s", "why": 1}),
                "unknown field `why`",
            ),
            (json!("r"), "invalid type"),
        ];
        for (value, expected) in cases {
            let applied = traits(json!({"smithy.api#pattern": "^a$", TRAIT: value}));
            let err = read("c.json", &applied).unwrap_err();
            assert!(err.contains(expected), "{err}");
        }
        let nothing = traits(json!({TRAIT: {"reason": "r", "source": "s"}}));
        let err = read("c.json", &nothing).unwrap_err();
        assert!(err.contains("corrects no trait"), "{err}");
    }
}
