//! The rules' standard library: the functions conditions call, Smithy's own and AWS's.

use std::collections::BTreeMap;

use super::{Partitions, Value};

/// A library function a rule set can call (`getAttr` is read as its own expression).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Function {
    BooleanEquals,
    StringEquals,
    IsSet,
    Not,
    IsValidHostLabel,
    Substring,
    UriEncode,
    ParseUrl,
    Split,
    Partition,
    ParseArn,
    IsVirtualHostableS3Bucket,
}

/// Every function, for looking names up.
const FUNCTIONS: [Function; 12] = [
    Function::BooleanEquals,
    Function::StringEquals,
    Function::IsSet,
    Function::Not,
    Function::IsValidHostLabel,
    Function::Substring,
    Function::UriEncode,
    Function::ParseUrl,
    Function::Split,
    Function::Partition,
    Function::ParseArn,
    Function::IsVirtualHostableS3Bucket,
];

impl Function {
    /// The function called `name` in rule sets.
    pub(super) fn from_name(name: &str) -> Option<Function> {
        FUNCTIONS.into_iter().find(|f| f.name() == name)
    }

    /// The function's name in rule sets.
    pub(super) fn name(self) -> &'static str {
        match self {
            Function::BooleanEquals => "booleanEquals",
            Function::StringEquals => "stringEquals",
            Function::IsSet => "isSet",
            Function::Not => "not",
            Function::IsValidHostLabel => "isValidHostLabel",
            Function::Substring => "substring",
            Function::UriEncode => "uriEncode",
            Function::ParseUrl => "parseURL",
            Function::Split => "split",
            Function::Partition => "aws.partition",
            Function::ParseArn => "aws.parseArn",
            Function::IsVirtualHostableS3Bucket => "aws.isVirtualHostableS3Bucket",
        }
    }

    /// How many arguments the function takes.
    pub(super) fn arity(self) -> usize {
        match self {
            Function::IsSet
            | Function::Not
            | Function::UriEncode
            | Function::ParseUrl
            | Function::Partition
            | Function::ParseArn => 1,
            Function::BooleanEquals
            | Function::StringEquals
            | Function::IsValidHostLabel
            | Function::IsVirtualHostableS3Bucket => 2,
            Function::Split => 3,
            Function::Substring => 4,
        }
    }

    /// Calls the function on values that are all set (`isSet` is evaluated by the
    /// caller). `None` is the rules' "no value"; `Err` says which argument had the
    /// wrong type.
    pub(super) fn call(
        self,
        args: &[Value],
        partitions: &Partitions,
    ) -> Result<Option<Value>, String> {
        let args = Args {
            function: self,
            values: args,
        };
        Ok(match self {
            Function::BooleanEquals => Some(Value::Bool(args.bool(0)? == args.bool(1)?)),
            Function::StringEquals => Some(Value::Bool(args.str(0)? == args.str(1)?)),
            Function::IsSet => Some(Value::Bool(true)),
            Function::Not => Some(Value::Bool(!args.bool(0)?)),
            Function::IsValidHostLabel => Some(Value::Bool(is_valid_host_label(
                args.str(0)?,
                args.bool(1)?,
            ))),
            Function::Substring => {
                substring(args.str(0)?, args.int(1)?, args.int(2)?, args.bool(3)?)
                    .map(|s| Value::String(s.to_owned()))
            }
            Function::UriEncode => Some(Value::String(uri_encode(args.str(0)?))),
            Function::ParseUrl => parse_url(args.str(0)?),
            Function::Split => split(args.str(0)?, args.str(1)?, args.int(2)?),
            Function::Partition => partitions.partition(args.str(0)?),
            Function::ParseArn => parse_arn(args.str(0)?),
            Function::IsVirtualHostableS3Bucket => Some(Value::Bool(
                is_virtual_hostable_s3_bucket(args.str(0)?, args.bool(1)?),
            )),
        })
    }
}

/// A call's arguments, read by position and type.
struct Args<'a> {
    function: Function,
    values: &'a [Value],
}

impl<'a> Args<'a> {
    fn get(&self, i: usize) -> Result<&'a Value, String> {
        self.values
            .get(i)
            .ok_or_else(|| format!("`{}` has no argument {}", self.function.name(), i + 1))
    }

    fn mismatch(&self, i: usize, expected: &str) -> String {
        format!(
            "argument {} of `{}` is not {expected}",
            i + 1,
            self.function.name()
        )
    }

    fn str(&self, i: usize) -> Result<&'a str, String> {
        match self.get(i)? {
            Value::String(s) => Ok(s),
            _ => Err(self.mismatch(i, "a string")),
        }
    }

    fn bool(&self, i: usize) -> Result<bool, String> {
        match self.get(i)? {
            Value::Bool(b) => Ok(*b),
            _ => Err(self.mismatch(i, "a boolean")),
        }
    }

    fn int(&self, i: usize) -> Result<i64, String> {
        match self.get(i)? {
            Value::Int(n) => Ok(*n),
            _ => Err(self.mismatch(i, "an integer")),
        }
    }
}

/// Whether `value` is a valid DNS host label, or with `allow_dots` a dotted series of
/// them: 1 to 63 letters, digits and hyphens, not starting with a hyphen.
pub(crate) fn is_valid_host_label(value: &str, allow_dots: bool) -> bool {
    if allow_dots {
        value.split('.').all(is_host_label)
    } else {
        is_host_label(value)
    }
}

fn is_host_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    (1..=63).contains(&bytes.len())
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// `input[start..stop]`, counted from the end when `reverse`; `None` when the range
/// does not fit or the input is not ASCII.
pub(super) fn substring(input: &str, start: i64, stop: i64, reverse: bool) -> Option<&str> {
    let start = usize::try_from(start).ok()?;
    let stop = usize::try_from(stop).ok()?;
    if start >= stop || stop > input.len() || !input.is_ascii() {
        return None;
    }
    let (start, stop) = match reverse {
        false => (start, stop),
        true => (input.len() - stop, input.len() - start),
    };
    input.get(start..stop)
}

/// Percent-encodes every byte but the unreserved characters of RFC 3986.
pub(super) fn uri_encode(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// An `http` or `https` URL without query or fragment, as a record: `scheme`,
/// `authority`, `path`, `normalizedPath` (the path between slashes) and `isIp`.
pub(super) fn parse_url(url: &str) -> Option<Value> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") || rest.contains(['?', '#']) {
        return None;
    }
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if authority.is_empty() || authority.contains(char::is_whitespace) {
        return None;
    }
    let normalized = match path.ends_with('/') {
        true => path.to_owned(),
        false => format!("{path}/"),
    };
    Some(record([
        ("scheme", Value::String(scheme.to_owned())),
        ("authority", Value::String(authority.to_owned())),
        ("path", Value::String(path.to_owned())),
        ("normalizedPath", Value::String(normalized)),
        ("isIp", Value::Bool(is_ip(host(authority)))),
    ]))
}

/// The host of an authority: without user info and port.
fn host(authority: &str) -> &str {
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if host.starts_with('[') {
        return host.find(']').map_or(host, |end| &host[..=end]);
    }
    host.split_once(':').map_or(host, |(host, _)| host)
}

/// Whether a host is an IP address: bracketed IPv6, or four decimal numbers to 255.
fn is_ip(host: &str) -> bool {
    if host.starts_with('[') && host.ends_with(']') {
        return true;
    }
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|part| {
            !part.is_empty()
                && part.bytes().all(|b| b.is_ascii_digit())
                && part.parse::<u8>().is_ok()
        })
}

/// `value` split at `delimiter` into at most `limit` parts (`0`: no limit).
pub(super) fn split(value: &str, delimiter: &str, limit: i64) -> Option<Value> {
    if delimiter.is_empty() {
        return None;
    }
    let parts: Vec<Value> = match usize::try_from(limit).ok()? {
        0 => value.split(delimiter).map(Value::from).collect(),
        limit => value.splitn(limit, delimiter).map(Value::from).collect(),
    };
    Some(Value::Array(parts))
}

/// An ARN, `arn:partition:service:region:account:resource`, as a record: `partition`,
/// `service`, `region`, `accountId` and `resourceId`, the resource split at `:` and `/`.
pub(super) fn parse_arn(arn: &str) -> Option<Value> {
    let mut parts = arn.splitn(6, ':');
    let mut next = || parts.next();
    let (prefix, partition, service, region, account, resource) =
        (next()?, next()?, next()?, next()?, next()?, next()?);
    if prefix != "arn" || partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    let resource_id = resource.split([':', '/']).map(Value::from).collect();
    Some(record([
        ("partition", Value::from(partition)),
        ("service", Value::from(service)),
        ("region", Value::from(region)),
        ("accountId", Value::from(account)),
        ("resourceId", Value::Array(resource_id)),
    ]))
}

/// Whether a bucket name can be the first label of a virtual-hosted S3 host name: 3
/// to 63 lowercase letters, digits, hyphens and (with `allow_dots`) dots, starting and
/// ending with a letter or digit, not shaped like an IPv4 address.
pub(super) fn is_virtual_hostable_s3_bucket(bucket: &str, allow_dots: bool) -> bool {
    let bytes = bucket.as_bytes();
    let inner_ok = |b: &u8| {
        b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || (allow_dots && *b == b'.')
    };
    let edge_ok = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    (3..=63).contains(&bytes.len())
        && edge_ok(bytes.first())
        && edge_ok(bytes.last())
        && bytes.iter().all(inner_ok)
        && !bucket.contains("..")
        && !bucket.contains(".-")
        && !bucket.contains("-.")
        && !is_ip(bucket)
}

fn record<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Record(
        fields
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect::<BTreeMap<_, _>>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<'a>(record: &'a Value, key: &str) -> &'a Value {
        match record {
            Value::Record(fields) => &fields[key],
            other => panic!("not a record: {other:?}"),
        }
    }

    #[test]
    fn every_function_is_found_by_its_name() {
        for function in FUNCTIONS {
            assert_eq!(Function::from_name(function.name()), Some(function));
        }
        assert_eq!(Function::from_name("getAttr"), None);
    }

    #[test]
    fn host_labels() {
        assert!(is_valid_host_label("us-west-2", false));
        assert!(is_valid_host_label("a", false));
        assert!(is_valid_host_label("9abc", false));
        assert!(!is_valid_host_label("", false));
        assert!(!is_valid_host_label("-abc", false));
        assert!(!is_valid_host_label("a b", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label("a.", true));
        assert!(is_valid_host_label(&"a".repeat(63), false));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
    }

    #[test]
    fn substrings() {
        assert_eq!(substring("abcdef", 0, 4, false), Some("abcd"));
        assert_eq!(substring("abcdef", 0, 4, true), Some("cdef"));
        assert_eq!(substring("abcdef", 1, 6, false), Some("bcdef"));
        assert_eq!(substring("abcdef", 0, 7, false), None);
        assert_eq!(substring("abcdef", 3, 3, false), None);
        assert_eq!(substring("abcdef", -1, 3, false), None);
        assert_eq!(substring("abcdé", 0, 2, false), None);
    }

    #[test]
    fn uri_encoding() {
        assert_eq!(uri_encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(uri_encode("a b/c:d+é"), "a%20b%2Fc%3Ad%2B%C3%A9");
        assert_eq!(uri_encode("*"), "%2A");
    }

    #[test]
    fn urls() {
        let url = parse_url("https://example.com:8443/a/b").expect("parsed");
        assert_eq!(field(&url, "scheme"), &Value::from("https"));
        assert_eq!(field(&url, "authority"), &Value::from("example.com:8443"));
        assert_eq!(field(&url, "path"), &Value::from("/a/b"));
        assert_eq!(field(&url, "normalizedPath"), &Value::from("/a/b/"));
        assert_eq!(field(&url, "isIp"), &Value::Bool(false));
        let bare = parse_url("http://example.com").expect("parsed");
        assert_eq!(field(&bare, "path"), &Value::from(""));
        assert_eq!(field(&bare, "normalizedPath"), &Value::from("/"));
        let ip = parse_url("http://192.168.0.1:80/").expect("parsed");
        assert_eq!(field(&ip, "isIp"), &Value::Bool(true));
        let ipv6 = parse_url("https://[::1]:443").expect("parsed");
        assert_eq!(field(&ipv6, "isIp"), &Value::Bool(true));
        let not_ip = parse_url("http://192.168.0.256").expect("parsed");
        assert_eq!(field(&not_ip, "isIp"), &Value::Bool(false));
        for bad in [
            "example.com",
            "ftp://example.com",
            "https://a.com?x=1",
            "https://",
            "https://a b",
        ] {
            assert_eq!(parse_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn arns() {
        let arn =
            parse_arn("arn:aws:s3:us-west-2:123456789012:accesspoint/my-ap:x").expect("parsed");
        assert_eq!(field(&arn, "partition"), &Value::from("aws"));
        assert_eq!(field(&arn, "service"), &Value::from("s3"));
        assert_eq!(field(&arn, "region"), &Value::from("us-west-2"));
        assert_eq!(field(&arn, "accountId"), &Value::from("123456789012"));
        assert_eq!(
            field(&arn, "resourceId"),
            &Value::from(vec!["accesspoint", "my-ap", "x"])
        );
        let empty_region = parse_arn("arn:aws:iam::123:user/x").expect("parsed");
        assert_eq!(field(&empty_region, "region"), &Value::from(""));
        for bad in [
            "arn:aws:s3:::",
            "arn::s3:r:a:res",
            "urn:aws:s3:r:a:res",
            "arn:aws:s3",
        ] {
            assert_eq!(parse_arn(bad), None, "{bad}");
        }
    }

    #[test]
    fn splits() {
        assert_eq!(
            split("a--b--c", "--", 0),
            Some(Value::from(vec!["a", "b", "c"]))
        );
        assert_eq!(
            split("a--b--c", "--", 2),
            Some(Value::from(vec!["a", "b--c"]))
        );
        assert_eq!(split("abc", "", 0), None);
    }

    #[test]
    fn virtual_hostable_buckets() {
        assert!(is_virtual_hostable_s3_bucket("my-bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("my.bucket", false));
        assert!(is_virtual_hostable_s3_bucket("my.bucket", true));
        assert!(!is_virtual_hostable_s3_bucket("My-Bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("ab", false));
        assert!(!is_virtual_hostable_s3_bucket("-bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("192.168.5.4", true));
        assert!(!is_virtual_hostable_s3_bucket("a..b", true));
    }

    #[test]
    fn calls_check_argument_types() {
        let partitions = Partitions::built_in().expect("partitions.json reads");
        let error = Function::Not.call(&[Value::from("x")], partitions);
        assert_eq!(
            error,
            Err("argument 1 of `not` is not a boolean".to_owned())
        );
        let equal = Function::StringEquals.call(&[Value::from("a"), Value::from("a")], partitions);
        assert_eq!(equal, Ok(Some(Value::Bool(true))));
    }
}
