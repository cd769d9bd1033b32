//! smithy-rs's naming rules: what the AWS SDK for Rust calls a crate, type, member,
//! union variant, operation module and operation error, given the model's names.

/// smithy-rs's `toPascalCase` for type and union variant names: Smithy's `CaseUtils`
/// snake case, then each word capitalized (`AutoML` → `AutoMl`, `KMSKeyArn` →
/// `KmsKeyArn`, `CreateSAMLProviderInput` → `CreateSamlProviderInput`).
pub fn pascal_case(name: &str) -> String {
    let snake = caseutils_snake(name);
    let mut out = String::new();
    let mut capitalize = true;
    for c in snake.chars() {
        if matches!(c, '_' | '-' | ' ') {
            capitalize = true;
            continue;
        }
        match capitalize || out.is_empty() {
            true => out.extend(c.to_uppercase()),
            false => out.push(c),
        }
        capitalize = false;
    }
    out
}

/// Smithy's `CaseUtils.toSnakeCase`: `([A-Z]+)([A-Z][a-z])` and `([a-z\d])([A-Z])` get an
/// underscore between their parts, spaces and dashes become underscores, all lower case.
fn caseutils_snake(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let acronym_end = c.is_ascii_uppercase()
            && prev.is_some_and(|p| p.is_ascii_uppercase())
            && next.is_some_and(|n| n.is_ascii_lowercase());
        let word_start = c.is_ascii_uppercase()
            && prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit());
        if acronym_end || word_start {
            out.push('_');
        }
        match c {
            c if c == '-' || c.is_ascii_whitespace() || c == '\u{b}' => out.push('_'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Words that stay whole whatever their case, in smithy-rs's `toSnakeCase`.
const COMPLETE_WORDS: &[&str] = &["ipv4", "ipv6", "sigv4", "mib", "gib", "kib", "ttl"];

/// smithy-rs's `toSnakeCase` for member and module names: its own word splitter
/// (`KMSKeyArn` → `kms_key_arn`, `ARNs` → `arns`, `IPv4Address` → `ipv4_address`).
fn snake_case(name: &str) -> String {
    split_words(name).join("_")
}

/// The lower-case words of a name, split where smithy-rs splits them.
fn split_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let all_lower = name.to_lowercase() == name;
    let mut words = Vec::new();
    let mut current = String::new();
    let longest = COMPLETE_WORDS.iter().map(|w| w.len()).max().unwrap_or(0);
    for (i, &c) in chars.iter().enumerate() {
        // Whether a complete word is under way: the word so far and what follows, as
        // far as a complete word could reach, start with one. Only read where it
        // decides.
        let in_progress = || {
            let head: String = current
                .chars()
                .chain(chars[i..].iter().copied())
                .take(longest)
                .flat_map(char::to_lowercase)
                .collect();
            COMPLETE_WORDS.iter().any(|w| head.starts_with(w))
                && !COMPLETE_WORDS.contains(&current.to_lowercase().as_str())
        };
        let last = current.chars().last();
        let boundary = match last {
            _ if !c.is_alphanumeric() => true,
            None => false,
            Some(last) => {
                (c.is_uppercase()
                    && (last.is_lowercase() || last.is_ascii_digit())
                    && !in_progress())
                    || (all_lower && last.is_ascii_digit() && c.is_lowercase() && !in_progress())
                    || acronym_ends(last, c, chars.get(i + 1), chars.get(i + 2))
            }
        };
        if boundary {
            if !current.is_empty() {
                words.push(current.to_lowercase());
            }
            current.clear();
            if c.is_alphanumeric() {
                current.push(c);
            }
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        words.push(current.to_lowercase());
    }
    words
}

/// `DB[P]roxy` and `IAM[U]ser` end an acronym; `AR[N]s` and `DynamoD[B]v2` do not.
fn acronym_ends(last: char, c: char, peek: Option<&char>, double_peek: Option<&char>) -> bool {
    if !last.is_uppercase() || !c.is_uppercase() || !peek.is_some_and(|p| p.is_lowercase()) {
        return false;
    }
    let peek = peek.copied();
    if peek == Some('s') && !double_peek.is_some_and(|d| d.is_lowercase()) {
        return false;
    }
    !(peek == Some('v') && double_peek.is_some_and(|d| d.is_ascii_digit()))
}

/// Rust keywords smithy-rs escapes, as `r#word`.
const SDK_KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try",
];

/// smithy-rs's escape for reserved words: `crate_`, `super_`, `self_`, `SelfValue`, else `r#word`.
fn escape_reserved(word: String) -> String {
    match word.as_str() {
        "crate" | "super" | "self" => format!("{word}_"),
        "Self" => "SelfValue".to_owned(),
        "SelfValue" => "SelfValue_".to_owned(),
        w if SDK_KEYWORDS.contains(&w) => format!("r#{w}"),
        _ => word,
    }
}

/// The SDK's name for a structure, union or enum named `name` in the service (after the
/// service's `rename`).
pub fn sdk_type_name(name: &str) -> String {
    escape_reserved(pascal_case(name))
}

/// The SDK's field name for a structure member: snake case, with the names its builders
/// and error metadata use renamed, and reserved words escaped.
pub fn sdk_member_name(member: &str) -> String {
    let base = snake_case(member);
    let renamed = match base.as_str() {
        "build" | "builder" | "default" | "send" | "make_operation" | "presigned" | "customize"
        | "meta" => format!("{base}_value"),
        _ => escape_reserved(base),
    };
    leading_digit(renamed)
}

/// The SDK builder's `set_` method for a member; never escaped.
pub fn sdk_setter(member: &str) -> String {
    format!("set_{}", snake_case(member))
}

/// The SDK's variant name for a union member: `Unknown` is the SDK's own variant, so a
/// member of that name becomes `UnknownValue`.
pub fn sdk_union_variant(member: &str) -> String {
    let base = pascal_case(member);
    let renamed = match base.as_str() {
        "Unknown" => "UnknownValue".to_owned(),
        "UnknownValue" => "UnknownValue_".to_owned(),
        _ => escape_reserved(base),
    };
    leading_digit(renamed)
}

/// An identifier that starts with a digit (after any underscores) gets one more `_`.
fn leading_digit(name: String) -> String {
    match name
        .trim_start_matches('_')
        .starts_with(|c: char| c.is_ascii_digit())
    {
        true => format!("_{name}"),
        false => name,
    }
}

/// The SDK's module for an operation: `operation::describe_forecast_export_job`.
pub fn sdk_operation_module(operation: &str) -> String {
    let base = snake_case(operation);
    match SDK_KEYWORDS.contains(&base.as_str())
        || ["crate", "super", "self"].contains(&base.as_str())
    {
        true => format!("{base}_"),
        false => base,
    }
}

/// The SDK's error enum of an operation: the operation's name, first letter capitalized,
/// and `Error` (`CreateSAMLProvider` → `CreateSAMLProviderError`, not camel-cased).
pub fn sdk_operation_error(operation: &str) -> String {
    let mut chars = operation.chars();
    let first: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .collect();
    format!("{first}{}Error", chars.as_str())
}

/// The SDK crate for an `sdkId`: `Bedrock Runtime` → `aws-sdk-bedrockruntime`.
pub fn crate_for_sdk_id(sdk_id: &str) -> String {
    let module = sdk_id.to_lowercase().replace(' ', "");
    let module = module.strip_suffix("service").unwrap_or(&module);
    let module = module.strip_suffix("api").unwrap_or(module);
    format!("aws-sdk-{module}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_follow_smithy_rs() {
        let cases = [
            ("S3Config", "S3Config"),
            ("AutoMLOverrideStrategy", "AutoMlOverrideStrategy"),
            ("HPOConfig", "HpoConfig"),
            (
                "DescribeForecastExportJobInput",
                "DescribeForecastExportJobInput",
            ),
            ("CreateSAMLProviderInput", "CreateSamlProviderInput"),
            ("IPv4Address", "IPv4Address"),
            ("WhatIfForecastExportSummary", "WhatIfForecastExportSummary"),
            ("Self", "SelfValue"),
            ("my_shape", "MyShape"),
            ("_leading", "Leading"),
            ("ABCDe", "AbcDe"),
        ];
        for (model, sdk) in cases {
            assert_eq!(sdk_type_name(model), sdk, "{model}");
        }
    }

    #[test]
    fn snake_case_splits_words_like_smithy_rs() {
        let cases = [
            ("ACLs", "acls"),
            ("ACLsUpdateStatus", "acls_update_status"),
            ("AllowedAllVPCs", "allowed_all_vpcs"),
            ("BluePrimaryX", "blue_primary_x"),
            ("CIDRs", "cidrs"),
            ("AuthTtL", "auth_ttl"),
            ("CNAMEPrefix", "cname_prefix"),
            ("S3Location", "s3_location"),
            ("signatureS", "signature_s"),
            ("M3u8Settings", "m3u8_settings"),
            ("IAMUser", "iam_user"),
            ("OtaaV1_0_x", "otaa_v1_0_x"),
            ("DynamoDBv2Action", "dynamo_dbv2_action"),
            ("SessionKeyEmv2000", "session_key_emv2000"),
            (
                "UnassignIpv6AddressesRequest",
                "unassign_ipv6_addresses_request",
            ),
            ("TotalGpuMemoryInMiB", "total_gpu_memory_in_mib"),
            ("WriteIOs", "write_ios"),
            ("dynamoDBv2", "dynamo_dbv2"),
            ("ipv4Address", "ipv4_address"),
            ("sigv4", "sigv4"),
            ("s3key", "s3_key"),
            ("sha256sum", "sha256_sum"),
            ("AwsElbv2LoadBalancer", "aws_elbv2_load_balancer"),
            ("SigV4Authorization", "sigv4_authorization"),
            ("IpV6Address", "ipv6_address"),
            ("IpV4Addresses", "ipv4_addresses"),
        ];
        for (model, sdk) in cases {
            assert_eq!(snake_case(model), sdk, "{model}");
        }
    }

    #[test]
    fn member_names_follow_smithy_rs() {
        let cases = [
            ("KMSKeyArn", "kms_key_arn"),
            ("PerformAutoML", "perform_auto_ml"),
            ("PerformHPO", "perform_hpo"),
            ("WAPE", "wape"),
            ("MonitorARN", "monitor_arn"),
            ("TimeSeriesIdentifiers", "time_series_identifiers"),
            ("ARNs", "arns"),
            ("DBProxy", "db_proxy"),
            ("IAMUser", "iam_user"),
            ("IPv6Address", "ipv6_address"),
            ("S3Config", "s3_config"),
            ("type", "r#type"),
            ("self", "self_"),
            ("build", "build_value"),
            ("meta", "meta_value"),
            ("1stPlace", "_1st_place"),
        ];
        for (model, sdk) in cases {
            assert_eq!(sdk_member_name(model), sdk, "{model}");
        }
        assert_eq!(sdk_setter("type"), "set_type");
        assert_eq!(sdk_setter("KMSKeyArn"), "set_kms_key_arn");
    }

    #[test]
    fn crate_names_follow_the_aws_sdk_for_rust() {
        let crate_of = crate_for_sdk_id;
        assert_eq!(crate_of("forecast"), "aws-sdk-forecast");
        assert_eq!(crate_of("Bedrock Runtime"), "aws-sdk-bedrockruntime");
        assert_eq!(crate_of("Cost Explorer"), "aws-sdk-costexplorer");
        assert_eq!(
            crate_of("Marketplace Entitlement Service"),
            "aws-sdk-marketplaceentitlement"
        );
        assert_eq!(crate_of("API Gateway"), "aws-sdk-apigateway");
    }

    #[test]
    fn operation_names_follow_smithy_rs() {
        assert_eq!(
            sdk_operation_module("DescribeForecastExportJob"),
            "describe_forecast_export_job"
        );
        assert_eq!(
            sdk_operation_module("CreateSAMLProvider"),
            "create_saml_provider"
        );
        assert_eq!(
            sdk_operation_error("CreateSAMLProvider"),
            "CreateSAMLProviderError"
        );
        assert_eq!(sdk_operation_error("listTables"), "ListTablesError");
    }

    #[test]
    fn union_variants_follow_smithy_rs() {
        assert_eq!(sdk_union_variant("text"), "Text");
        assert_eq!(sdk_union_variant("Unknown"), "UnknownValue");
        assert_eq!(sdk_union_variant("UnknownValue"), "UnknownValue_");
        assert_eq!(sdk_union_variant("S3Location"), "S3Location");
    }
}
