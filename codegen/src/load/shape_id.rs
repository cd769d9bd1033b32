//! Smithy shape ids: `namespace#Name` and `namespace#Name$member`.

/// The namespace of the prelude shapes.
pub const PRELUDE: &str = "smithy.api";

/// A shape id split into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShapeIdParts<'a> {
    /// Dotted namespace, such as `com.amazonaws.forecast`.
    pub namespace: &'a str,
    /// Shape name, such as `S3Config`.
    pub name: &'a str,
    /// Member name, for ids like `ns#Shape$member`.
    pub member: Option<&'a str>,
}

/// Splits and checks an absolute shape id, explaining what is wrong with a bad one.
pub fn parse(id: &str) -> Result<ShapeIdParts<'_>, String> {
    let Some((namespace, rest)) = id.split_once('#') else {
        return Err(format!(
            "shape id `{id}` has no `#` between namespace and name"
        ));
    };
    let (name, member) = match rest.split_once('$') {
        Some((name, member)) => (name, Some(member)),
        None => (rest, None),
    };
    if namespace.is_empty() || !namespace.split('.').all(is_identifier) {
        return Err(format!(
            "shape id `{id}` has a malformed namespace `{namespace}`"
        ));
    }
    if !is_identifier(name) {
        return Err(format!("shape id `{id}` has a malformed name `{name}`"));
    }
    if let Some(member) = member.filter(|m| !is_identifier(m)) {
        return Err(format!(
            "shape id `{id}` has a malformed member name `{member}`"
        ));
    }
    Ok(ShapeIdParts {
        namespace,
        name,
        member,
    })
}

/// Whether `text` is a Smithy identifier: underscores, a letter, then letters, digits
/// and underscores.
pub fn is_identifier(text: &str) -> bool {
    let rest = text.trim_start_matches('_');
    let mut chars = rest.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The name part of a shape id: `S3Config` for `com.amazonaws.forecast#S3Config`.
pub fn name(id: &str) -> &str {
    let rest = id.split_once('#').map_or(id, |(_, rest)| rest);
    rest.split_once('$').map_or(rest, |(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_shape_and_member_ids() {
        let parts = parse("com.amazonaws.forecast#S3Config$KMSKeyArn").unwrap();
        assert_eq!(parts.namespace, "com.amazonaws.forecast");
        assert_eq!(parts.name, "S3Config");
        assert_eq!(parts.member, Some("KMSKeyArn"));
        assert_eq!(parse("smithy.api#String").unwrap().member, None);
    }

    #[test]
    fn rejects_malformed_ids() {
        for bad in [
            "NoHash",
            "#Name",
            "ns#",
            "ns..x#Name",
            "ns#1Name",
            "ns#Na-me",
            "ns#Name$",
            "ns#Name$1x",
            "ns#_",
            "n s#Name",
        ] {
            assert!(parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn identifiers_may_start_with_underscores_before_a_letter() {
        assert!(is_identifier("_private"));
        assert!(is_identifier("a_1"));
        assert!(!is_identifier("__"));
        assert!(!is_identifier("1a"));
        assert!(!is_identifier(""));
    }

    #[test]
    fn name_drops_namespace_and_member() {
        assert_eq!(name("a.b#Shape$m"), "Shape");
        assert_eq!(name("a.b#Shape"), "Shape");
    }
}
