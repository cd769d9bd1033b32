//! Property-generated JSON response bodies, shaped after a sample body.
//!
//! [`like`] turns a sample body (from [`crate::samples`]) into a proptest
//! strategy for bodies of the same shape, at the JSON level, with no knowledge
//! of the Rust types: the sample's values say what to generate.
//!
//! - `"string"` becomes any text; any other string is an enum value, kept or
//!   replaced by any text (a value the model does not list).
//! - An integer becomes any `i32`; `1700000000.5` (or a number member named
//!   `*Time`/`*Date`) a timestamp in epoch seconds from 2000 to 2100 with 0 to
//!   3 fraction digits; any other number a float `n / 8`, whose short decimal
//!   text both sides read exactly.
//! - A `true` becomes either boolean.
//! - An array becomes 0 to 3 elements shaped after its first, rarely `null`.
//! - An object with the one member `key` is a map: 0 to 2 entries with any
//!   keys, values rarely `null`. Any other object is a structure: each
//!   member is kept, dropped (what shrinking prefers) or `null`, and an
//!   unknown member may be added anywhere.
//!
//! Text is written either with the fewest escapes or with every character
//! escaped (`\n`, `\/`, `\u00e9`, surrogate pairs), member names included.
//! A [`Json`] prints (`Debug`) as the body it writes, for readable failures.

use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{Map, Number, Value};
use std::fmt::{self, Write as _};

/// A JSON value as it will be written: numbers keep their text, and each
/// string its escaping.
#[derive(Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(Text),
    /// An array.
    Array(Vec<Json>),
    /// An object's members, in order.
    Object(Vec<(Text, Json)>),
    /// A map's entries, in order.
    Map(Vec<(Text, Json)>),
    /// The value of a member no model has.
    Unknown(Box<Json>),
}

/// A string and how it is escaped.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Text {
    /// The characters.
    pub value: String,
    /// Every character escaped, rather than the fewest.
    pub escaped: bool,
}

impl Text {
    /// `value` with the fewest escapes.
    pub fn plain(value: &str) -> Self {
        Self {
            value: value.to_owned(),
            escaped: false,
        }
    }

    /// Writes the string literal.
    fn write(&self, out: &mut String) {
        if !self.escaped {
            out.push_str(&serde_json::to_string(&self.value).expect("a string"));
            return;
        }
        out.push('"');
        self.value.chars().for_each(|c| escape(c, out));
        out.push('"');
    }
}

/// Writes `c` escaped: its short escape if it has one, else `\uXXXX` (a
/// surrogate pair beyond the BMP), in upper- or lower-case hex by parity.
fn escape(c: char, out: &mut String) {
    let short = match c {
        '"' => "\\\"",
        '\\' => "\\\\",
        '/' => "\\/",
        '\u{8}' => "\\b",
        '\u{c}' => "\\f",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => "",
    };
    if !short.is_empty() {
        out.push_str(short);
        return;
    }
    for unit in c.encode_utf16(&mut [0; 2]) {
        if u32::from(c) % 2 == 0 {
            write!(out, "\\u{unit:04X}").expect("writing to a String");
        } else {
            write!(out, "\\u{unit:04x}").expect("writing to a String");
        }
    }
}

impl Json {
    /// The body's text.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    /// Writes the value.
    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => s.write(out),
            Json::Array(items) => write_list(out, ['[', ']'], items, |item, out| item.write(out)),
            Json::Object(members) | Json::Map(members) => {
                write_list(out, ['{', '}'], members, |(key, value), out| {
                    key.write(out);
                    out.push(':');
                    value.write(out);
                });
            }
            Json::Unknown(value) => value.write(out),
        }
    }

    /// Whether a list has a `null` element or a map a `null` value (in the
    /// modelled members: unknown ones are skipped whole).
    pub fn has_null_entries(&self) -> bool {
        match self {
            Json::Array(items) => items
                .iter()
                .any(|item| item.is_null() || item.has_null_entries()),
            Json::Map(entries) => entries
                .iter()
                .any(|(_, v)| v.is_null() || v.has_null_entries()),
            Json::Object(members) => members.iter().any(|(_, v)| v.has_null_entries()),
            _ => false,
        }
    }

    /// The same body without the `null` elements of its lists and the `null`
    /// values of its maps.
    pub fn without_null_entries(&self) -> Json {
        let entries = |entries: &[(Text, Json)], keep_null: bool| {
            let kept = entries.iter().filter(|(_, v)| keep_null || !v.is_null());
            kept.map(|(k, v)| (k.clone(), v.without_null_entries()))
                .collect()
        };
        match self {
            Json::Array(items) => Json::Array(
                items
                    .iter()
                    .filter(|item| !item.is_null())
                    .map(Json::without_null_entries)
                    .collect(),
            ),
            Json::Map(map) => Json::Map(entries(map, false)),
            Json::Object(members) => Json::Object(entries(members, true)),
            other => other.clone(),
        }
    }

    /// Whether the value is `null`.
    fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

/// Writes `items` between `brackets`, separated by commas.
fn write_list<T>(
    out: &mut String,
    brackets: [char; 2],
    items: &[T],
    each: impl Fn(&T, &mut String),
) {
    out.push(brackets[0]);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(item, out);
    }
    out.push(brackets[1]);
}

impl fmt::Debug for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

/// The timestamp value of the generated samples.
const SAMPLE_TIMESTAMP: f64 = 1_700_000_000.5;

/// Epoch seconds from 2000-01-01 to 2100-01-01.
const PRESENT_DAY: std::ops::Range<i64> = 946_684_800..4_102_444_800;

/// Characters that often trip JSON readers: quotes, escapes, controls,
/// separators JavaScript treats as line ends, and non-BMP characters.
const SPECIAL: &[char] = &[
    '"',
    '\\',
    '/',
    '\0',
    '\u{8}',
    '\u{c}',
    '\n',
    '\r',
    '\t',
    '\u{1f}',
    '\u{7f}',
    'é',
    '\u{2028}',
    '\u{fffd}',
    '\u{feff}',
    '😀',
    '\u{10ffff}',
];

/// Bodies shaped after `sample`, the body of a structure.
pub fn like(sample: &Value) -> BoxedStrategy<Json> {
    shaped(sample, "")
}

/// Values shaped after `sample`, the value of member `name`.
fn shaped(sample: &Value, name: &str) -> BoxedStrategy<Json> {
    match sample {
        Value::Null => Just(Json::Null).boxed(),
        Value::Bool(_) => any::<bool>().prop_map(Json::Bool).boxed(),
        Value::Number(n) => number(n, name),
        Value::String(s) if s == "string" => text().prop_map(Json::String).boxed(),
        Value::String(s) => enumeration(s),
        Value::Array(items) => array(items.first(), name),
        Value::Object(members) if is_map(members) => map(&members["key"]),
        Value::Object(members) => structure(members),
    }
}

/// Any short text, rich in characters that trip JSON readers, either way
/// escaped.
pub fn text() -> impl Strategy<Value = Text> + Clone {
    let char = prop_oneof![
        3 => any::<char>(),
        2 => select(SPECIAL),
        3 => proptest::char::range(' ', '~'),
    ];
    let escaped = proptest::bool::weighted(0.25);
    (vec(char, 0..10), escaped).prop_map(|(chars, escaped)| Text {
        value: chars.into_iter().collect(),
        escaped,
    })
}

/// An enum value: the sample's, or any text.
fn enumeration(sample: &str) -> BoxedStrategy<Json> {
    let known = (Just(sample.to_owned()), proptest::bool::weighted(0.25))
        .prop_map(|(value, escaped)| Text { value, escaped });
    prop_oneof![known, text()].prop_map(Json::String).boxed()
}

/// A number shaped after `sample`: an integer, a timestamp or a float.
fn number(sample: &Number, name: &str) -> BoxedStrategy<Json> {
    let timestamp = sample.as_f64() == Some(SAMPLE_TIMESTAMP)
        || (!sample.is_i64() && (name.ends_with("Time") || name.ends_with("Date")));
    let text = if sample.is_i64() {
        any::<i32>().prop_map(|n| n.to_string()).boxed()
    } else if timestamp {
        timestamp_text().boxed()
    } else {
        float_text().boxed()
    };
    text.prop_map(Json::Number).boxed()
}

/// Epoch seconds from 2000 to 2100, with 0 to 3 fraction digits.
pub fn timestamp_text() -> impl Strategy<Value = String> {
    (PRESENT_DAY, 0usize..=3, 0u32..1000).prop_map(|(secs, digits, fraction)| {
        if digits == 0 {
            return secs.to_string();
        }
        let fraction = fraction % 10u32.pow(digits as u32);
        format!("{secs}.{fraction:0digits$}")
    })
}

/// A float `n / 8`: exact in binary, with a short decimal text (whole ones
/// written without a fraction).
pub fn float_text() -> impl Strategy<Value = String> {
    (-(1i32 << 24)..(1 << 24)).prop_map(|n| (f64::from(n) / 8.0).to_string())
}

/// 0 to 3 elements shaped after `element` (none when the sample has none).
fn array(element: Option<&Value>, name: &str) -> BoxedStrategy<Json> {
    match element {
        Some(element) => vec(or_null(shaped(element, name)), 0..4)
            .prop_map(Json::Array)
            .boxed(),
        None => Just(Json::Array(Vec::new())).boxed(),
    }
}

/// `value`, or rarely `null`: a list element or map value that the SDK
/// rejects and `forecast-types` skips.
fn or_null(value: BoxedStrategy<Json>) -> BoxedStrategy<Json> {
    prop_oneof![40 => value, 1 => Just(Json::Null)].boxed()
}

/// Whether an object is a sample map: the one member `key` (structure
/// members are capitalized).
fn is_map(members: &Map<String, Value>) -> bool {
    members.len() == 1 && members.contains_key("key")
}

/// A map of 0 to 2 entries with any keys, values shaped after `value`.
fn map(value: &Value) -> BoxedStrategy<Json> {
    btree_map(text(), or_null(shaped(value, "key")), 0..3)
        .prop_map(|entries| Json::Map(entries.into_iter().collect()))
        .boxed()
}

/// A structure: each member kept, dropped or `null`, maybe one unknown
/// member added.
fn structure(members: &Map<String, Value>) -> BoxedStrategy<Json> {
    let members: Vec<_> = members
        .iter()
        .map(|(name, sample)| member(name, sample))
        .collect();
    let extra = option::weighted(0.2, (unknown_name(), unknown_value(), any::<Index>()));
    (members, extra)
        .prop_map(|(members, extra)| {
            let mut members: Vec<_> = members.into_iter().flatten().collect();
            if let Some((name, value, at)) = extra {
                let value = Json::Unknown(Box::new(value));
                members.insert(at.index(members.len() + 1), (name, value));
            }
            Json::Object(members)
        })
        .boxed()
}

/// A member: mostly kept, sometimes dropped (`None`) or `null`.
fn member(name: &str, sample: &Value) -> BoxedStrategy<Option<(Text, Json)>> {
    let key = (Just(name.to_owned()), proptest::bool::weighted(0.1))
        .prop_map(|(value, escaped)| Text { value, escaped });
    let value = prop_oneof![24 => shaped(sample, name), 1 => Just(Json::Null)];
    prop_oneof![1 => Just(None), 24 => (key, value).prop_map(Some)].boxed()
}

/// The name of a member no model has: it starts in lower case.
fn unknown_name() -> impl Strategy<Value = Text> {
    ("[a-z][A-Za-z0-9_]{0,8}", proptest::bool::weighted(0.25))
        .prop_map(|(value, escaped)| Text { value, escaped })
}

/// Any JSON value, nested a little, with numbers both sides can skip.
pub fn unknown_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| Json::Number(n.to_string())),
        float_text().prop_map(Json::Number),
        text().prop_map(Json::String),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Json::Array),
            vec((text(), inner), 0..4).prop_map(Json::Object),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    #[test]
    fn escaped_text_reads_back() {
        let text = Text {
            value: "a\"\\/\u{8}\n\u{1}é😀".to_owned(),
            escaped: true,
        };
        let json = Json::String(text.clone()).text();
        assert_eq!(json, r#""\u0061\"\\\/\b\n\u0001\u00e9\uD83D\uDE00""#);
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), text.value);
    }

    #[test]
    fn generated_bodies_are_json() {
        let sample: Value = serde_json::from_str(
            r#"{"A":"string","E":"RETAIL","N":1,"F":1.5,"CreationTime":1700000000.5,
                "L":[{"B":true}],"M":{"key":["string"]}}"#,
        )
        .unwrap();
        let strategy = like(&sample);
        let mut runner = TestRunner::deterministic();
        for _ in 0..200 {
            let body = strategy.new_tree(&mut runner).unwrap().current().text();
            serde_json::from_str::<Value>(&body).unwrap_or_else(|e| panic!("{e}: {body}"));
        }
    }

    #[test]
    fn timestamps_have_up_to_three_fraction_digits() {
        let mut runner = TestRunner::deterministic();
        for _ in 0..200 {
            let text = timestamp_text().new_tree(&mut runner).unwrap().current();
            let fraction = text.split_once('.').map_or("", |(_, f)| f);
            assert!(fraction.len() <= 3, "{text}");
        }
    }
}
