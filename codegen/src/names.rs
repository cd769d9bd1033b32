//! Naming: one rule that turns any model name into a valid Rust identifier, and one
//! policy that resolves names that collide after conversion.

use std::collections::{BTreeMap, BTreeSet};

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// Which Rust naming convention an identifier follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `snake_case`: fields and modules.
    Snake,
    /// `UpperCamelCase`: types and variants.
    UpperCamel,
    /// `UPPER_SNAKE_CASE`: statics.
    UpperSnake,
}

/// Keywords that can be used as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized",
    "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore instead.
const NON_RAW_KEYWORDS: &[&str] = &["crate", "self", "super", "Self", "_"];

/// Turns any model name into a valid Rust identifier in the given case.
///
/// - Characters that cannot appear in an identifier separate words.
/// - An empty result becomes `empty` / `Empty`.
/// - A leading digit gets a prefix: `_` for snake case, `V` for camel case.
/// - Keywords become raw identifiers (`r#type`); `self`, `Self`, `crate` and `super`,
///   which cannot be raw, get a trailing `_` (snake) or `Value` (camel).
///
/// The result is what goes into the token stream; [`is_raw`] tells whether it needs the
/// `r#` prefix there.
pub fn rust_ident(name: &str, case: Case) -> String {
    let words: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let converted = match case {
        Case::Snake => words.to_snake_case(),
        Case::UpperCamel => words.to_upper_camel_case(),
        Case::UpperSnake => words.to_shouty_snake_case(),
    };
    let converted: String = converted
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let base = match (converted.is_empty(), case) {
        (true, Case::Snake) => "empty".to_owned(),
        (true, Case::UpperCamel) => "Empty".to_owned(),
        (true, Case::UpperSnake) => "EMPTY".to_owned(),
        (false, _) => converted,
    };
    let base = match (base.starts_with(|c: char| c.is_ascii_digit()), case) {
        (true, Case::Snake | Case::UpperSnake) => format!("_{base}"),
        (true, Case::UpperCamel) => format!("V{base}"),
        (false, _) => base,
    };
    escape_keyword(base, case)
}

fn escape_keyword(base: String, case: Case) -> String {
    if NON_RAW_KEYWORDS.contains(&base.as_str()) {
        return match case {
            Case::Snake | Case::UpperSnake => format!("{base}_"),
            Case::UpperCamel => format!("{base}Value"),
        };
    }
    if RAW_KEYWORDS.contains(&base.as_str()) {
        return format!("r#{base}");
    }
    base
}

/// Whether an identifier from [`rust_ident`] is a raw identifier.
pub fn is_raw(ident: &str) -> bool {
    ident.starts_with("r#")
}

/// A type name for a model shape: the model's own name when it is already a valid,
/// lint-clean Rust type name (`S3Config`, `KMSKeyArn`), otherwise its upper camel case.
pub fn type_name(model_name: &str) -> String {
    let clean = model_name.starts_with(|c: char| c.is_ascii_uppercase())
        && model_name.chars().all(|c| c.is_ascii_alphanumeric())
        && model_name != "Self";
    match clean {
        true => model_name.to_owned(),
        false => rust_ident(model_name, Case::UpperCamel),
    }
}

/// Assigns a distinct name to every key, with a fixed policy for collisions.
///
/// First, every candidate that is not in `reserved` goes to its first claimant, in input
/// order. Then each later claimant gets the smallest numeric suffix, from 2, that is still
/// free (`Id`, `Id2`; `id`, `id_2`). So a name the model spells out is never displaced by
/// a suffixed one, and the result depends only on the order of the input.
pub fn assign<K: Ord + Clone>(
    candidates: impl IntoIterator<Item = (K, String)>,
    reserved: &BTreeSet<String>,
    case: Case,
) -> BTreeMap<K, String> {
    let mut taken = reserved.clone();
    let mut out = BTreeMap::new();
    let mut pending = Vec::new();
    for (key, candidate) in candidates {
        match taken.insert(candidate.clone()) {
            true => {
                out.insert(key, candidate);
            }
            false => pending.push((key, candidate)),
        }
    }
    for (key, candidate) in pending {
        let name = free_name(&candidate, &taken, case);
        taken.insert(name.clone());
        out.insert(key, name);
    }
    out
}

fn free_name(candidate: &str, taken: &BTreeSet<String>, case: Case) -> String {
    if !taken.contains(candidate) {
        return candidate.to_owned();
    }
    let stem = candidate.trim_start_matches("r#");
    (2..)
        .map(|n| match case {
            Case::Snake | Case::UpperSnake => format!("{stem}_{n}"),
            Case::UpperCamel => format!("{stem}{n}"),
        })
        .find(|name| !taken.contains(name))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_fields() {
        assert_eq!(
            rust_ident("ForecastExportJobArn", Case::Snake),
            "forecast_export_job_arn"
        );
        assert_eq!(rust_ident("KMSKeyArn", Case::Snake), "kms_key_arn");
        assert_eq!(rust_ident("S3Config", Case::Snake), "s3_config");
        assert_eq!(rust_ident("foo-bar", Case::Snake), "foo_bar");
        assert_eq!(rust_ident("a.b/c d", Case::Snake), "a_b_c_d");
    }

    #[test]
    fn upper_snake_statics() {
        assert_eq!(rust_ident("S3Config", Case::UpperSnake), "S3_CONFIG");
        assert_eq!(rust_ident("KMSKeyArn", Case::UpperSnake), "KMS_KEY_ARN");
        assert_eq!(rust_ident("type", Case::UpperSnake), "TYPE");
        assert_eq!(rust_ident("2nd", Case::UpperSnake), "_2ND");
        assert_eq!(rust_ident("", Case::UpperSnake), "EMPTY");
        let names = assign(
            [(1, "ARN".to_owned()), (2, "ARN".to_owned())],
            &BTreeSet::new(),
            Case::UpperSnake,
        );
        assert_eq!((names[&1].as_str(), names[&2].as_str()), ("ARN", "ARN_2"));
    }

    #[test]
    fn keywords_become_raw_or_suffixed() {
        assert_eq!(rust_ident("type", Case::Snake), "r#type");
        assert_eq!(rust_ident("Match", Case::Snake), "r#match");
        assert_eq!(rust_ident("async", Case::Snake), "r#async");
        assert_eq!(rust_ident("self", Case::Snake), "self_");
        assert_eq!(rust_ident("Self", Case::UpperCamel), "SelfValue");
        assert_eq!(rust_ident("crate", Case::Snake), "crate_");
        assert_eq!(rust_ident("super", Case::Snake), "super_");
        assert!(is_raw("r#type"));
        assert!(!is_raw("kind"));
    }

    #[test]
    fn leading_digits_and_empty_names() {
        assert_eq!(rust_ident("2ndValue", Case::Snake), "_2nd_value");
        assert_eq!(rust_ident("0", Case::UpperCamel), "V0");
        assert_eq!(rust_ident("m5.large", Case::UpperCamel), "M5Large");
        assert_eq!(rust_ident("", Case::UpperCamel), "Empty");
        assert_eq!(rust_ident("*", Case::UpperCamel), "Empty");
        assert_eq!(rust_ident("", Case::Snake), "empty");
    }

    #[test]
    fn non_ascii_letters_are_dropped_not_kept() {
        assert_eq!(rust_ident("café", Case::UpperCamel), "Caf");
        assert_eq!(rust_ident("ünïcode", Case::Snake), "ncode");
    }

    #[test]
    fn enum_style_values() {
        assert_eq!(
            rust_ident("CREATE_PENDING", Case::UpperCamel),
            "CreatePending"
        );
        assert_eq!(rust_ident("a-b", Case::UpperCamel), "AB");
        assert_eq!(rust_ident("A_B", Case::UpperCamel), "AB");
    }

    #[test]
    fn type_names_keep_clean_model_names() {
        assert_eq!(type_name("KMSKeyArn"), "KMSKeyArn");
        assert_eq!(type_name("S3Config"), "S3Config");
        assert_eq!(type_name("String"), "String");
        assert_eq!(type_name("Foo_Bar"), "FooBar");
        assert_eq!(type_name("lowerName"), "LowerName");
        assert_eq!(type_name("Self"), "SelfValue");
    }

    #[test]
    fn collisions_get_numeric_suffixes_in_input_order() {
        let names = assign(
            [
                (1, "AB".to_owned()),
                (2, "AB".to_owned()),
                (3, "AB2".to_owned()),
                (4, "AB".to_owned()),
            ],
            &BTreeSet::new(),
            Case::UpperCamel,
        );
        assert_eq!(names[&1], "AB");
        assert_eq!(names[&2], "AB3");
        assert_eq!(names[&3], "AB2");
        assert_eq!(names[&4], "AB4");
    }

    #[test]
    fn reserved_names_are_never_assigned() {
        let reserved = BTreeSet::from(["Unknown".to_owned()]);
        let names = assign([(1, "Unknown".to_owned())], &reserved, Case::UpperCamel);
        assert_eq!(names[&1], "Unknown2");
        let fields = assign(
            [("Id", "id".to_owned()), ("ID", "id".to_owned())],
            &BTreeSet::new(),
            Case::Snake,
        );
        assert_eq!(fields["Id"], "id");
        assert_eq!(fields["ID"], "id_2");
        let raw = assign(
            [(1, "r#type".to_owned()), (2, "r#type".to_owned())],
            &BTreeSet::new(),
            Case::Snake,
        );
        assert_eq!(raw[&2], "type_2");
    }
}
