//! Sample JSON bodies for every generated type, scanned out of
//! `forecast-types/tests/roundtrip.rs`.
//!
//! That file is generated (by `codegen/src/emit/roundtrip.rs`, with bodies from
//! `codegen/src/emit/example.rs`) and committed; each sample is a call
//! `check::<forecast_types::Type>("escaped JSON")`. The scan finds each call,
//! takes the type's last path segment and unescapes the Rust string literal.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Where the generated round-trip test lives, from this crate.
const ROUNDTRIP: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../forecast-types/tests/roundtrip.rs"
);

/// Every sample body, by the type's name (`DescribeForecastExportJobResponse`).
pub fn all() -> &'static BTreeMap<String, String> {
    static SAMPLES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let text = std::fs::read_to_string(ROUNDTRIP)
            .unwrap_or_else(|e| panic!("reading {ROUNDTRIP}: {e}"));
        scan(&text)
    })
}

/// The sample body of type `T`, if the generated test has one.
pub fn of<T>() -> Option<&'static str> {
    all().get(type_name::<T>()).map(String::as_str)
}

/// The last path segment of `T`'s name: `forecast_types::a::B` gives `B`.
pub fn type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

/// Every `check::<path::Type>("…")` call in `text`, by type name.
pub fn scan(text: &str) -> BTreeMap<String, String> {
    let mut samples = BTreeMap::new();
    let mut rest = text;
    while let Some(start) = rest.find("check::<") {
        rest = &rest[start + "check::<".len()..];
        let Some((name, after)) = call_type(rest) else {
            continue;
        };
        let Some((body, after)) = string_literal(after) else {
            continue;
        };
        samples.insert(name, body);
        rest = after;
    }
    samples
}

/// The type of a call (`  forecast_types::T,\n>(`), with the text after `>(`.
fn call_type(text: &str) -> Option<(String, &str)> {
    let end = text.find(">(")?;
    let path: String = text[..end].chars().filter(|c| !c.is_whitespace()).collect();
    let path = path.trim_end_matches(',');
    let name = path.rsplit("::").next()?.to_owned();
    Some((name, &text[end + 2..]))
}

/// The first `"…"` literal in `text`, unescaped, with the text after it.
fn string_literal(text: &str) -> Option<(String, &str)> {
    let open = text.find('"')?;
    let mut chars = text[open + 1..].char_indices();
    let mut value = String::new();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((value, &text[open + 1 + i + 1..])),
            '\\' => value.push(escape(&mut chars)?),
            c => value.push(c),
        }
    }
    None
}

/// The character a Rust escape stands for, after its backslash.
fn escape(chars: &mut std::str::CharIndices<'_>) -> Option<char> {
    Some(match chars.next()?.1 {
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        '0' => '\0',
        'u' => {
            let hex: String = chars
                .by_ref()
                .map(|(_, c)| c)
                .take_while(|c| *c != '}')
                .collect();
            char::from_u32(u32::from_str_radix(hex.trim_start_matches('{'), 16).ok()?)?
        }
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_both_call_layouts() {
        let text = "check::<forecast_types::A>(\"\\\"x\\u{e9}\\\\\");\n\
                    check::<\n    forecast_types::B,\n>(\n    \"{\\\"K\\\":1}\",\n);";
        let samples = scan(text);
        assert_eq!(samples["A"], "\"x\u{e9}\\");
        assert_eq!(samples["B"], "{\"K\":1}");
    }
}
