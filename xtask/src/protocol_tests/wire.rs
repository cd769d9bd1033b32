//! botocore's values (a case's params, result and error) in the form the JSON body
//! carries them, so that the generated types can read them.
//!
//! botocore gives blobs as the text of their bytes and timestamps as epoch seconds,
//! whatever the shape's format; on the wire a blob is base64 and a timestamp is written
//! in its shape's format (epoch seconds unless `timestampFormat` says otherwise).
//! Everything else is the same in both: strings, numbers (and `"NaN"`, `"Infinity"`,
//! `"-Infinity"` for floats), booleans, lists, maps, documents and `null`.

use anyhow::{bail, Context, Result};
use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::suite::Shape;

/// `value`, of shape `name`, as the body writes it.
pub fn to_wire(shapes: &IndexMap<String, Shape>, name: &str, value: &Value) -> Result<Value> {
    let shape = shapes
        .get(name)
        .with_context(|| format!("shape `{name}` is not defined"))?;
    if value.is_null() {
        return Ok(Value::Null);
    }
    match shape.kind.as_str() {
        "structure" if shape.document => Ok(value.clone()),
        "structure" => structure(shapes, shape, value).with_context(|| format!("in `{name}`")),
        "list" => {
            let member = shape.member.as_ref().context("a list without `member`")?;
            let items = expect_array(value, name)?;
            let items = items
                .iter()
                .map(|item| to_wire(shapes, &member.shape, item));
            Ok(Value::Array(items.collect::<Result<_>>()?))
        }
        "map" => {
            let value_shape = shape.value.as_ref().context("a map without `value`")?;
            let mut entries = Map::new();
            for (key, item) in expect_object(value, name)? {
                entries.insert(key.clone(), to_wire(shapes, &value_shape.shape, item)?);
            }
            Ok(Value::Object(entries))
        }
        "blob" => match value {
            Value::String(text) => Ok(Value::String(base64(text.as_bytes()))),
            other => bail!("`{name}`: a blob must be given as a string, not {other}"),
        },
        "timestamp" => timestamp(value, shape.timestamp_format.as_deref())
            .with_context(|| format!("timestamp `{name}`")),
        _ => Ok(value.clone()),
    }
}

/// A structure or union: each member by its wire name.
fn structure(shapes: &IndexMap<String, Shape>, shape: &Shape, value: &Value) -> Result<Value> {
    let mut wire = Map::new();
    for (key, item) in expect_object(value, "structure")? {
        let member = shape
            .members
            .get(key)
            .with_context(|| format!("no member `{key}`"))?;
        let name = member.location_name.as_deref().unwrap_or(key);
        let converted =
            to_wire(shapes, &member.shape, item).with_context(|| format!("member `{key}`"))?;
        wire.insert(name.to_owned(), converted);
    }
    Ok(Value::Object(wire))
}

fn expect_object<'a>(value: &'a Value, name: &str) -> Result<&'a Map<String, Value>> {
    match value {
        Value::Object(map) => Ok(map),
        other => bail!("`{name}` must be an object, not {other}"),
    }
}

fn expect_array<'a>(value: &'a Value, name: &str) -> Result<&'a Vec<Value>> {
    match value {
        Value::Array(items) => Ok(items),
        other => bail!("`{name}` must be an array, not {other}"),
    }
}

/// Epoch seconds (botocore's form) in the shape's format: unchanged for epoch
/// seconds, RFC 3339 for `iso8601`, IMF-fixdate for `rfc822`.
fn timestamp(value: &Value, format: Option<&str>) -> Result<Value> {
    let seconds = value
        .as_f64()
        .with_context(|| format!("{value} is not a number of epoch seconds"))?;
    let at = instant(seconds)?;
    match format {
        None | Some("unixTimestamp") => Ok(value.clone()),
        Some("iso8601") => Ok(Value::String(at.to_string())),
        Some("rfc822") => Ok(Value::String(
            at.strftime("%a, %d %b %Y %H:%M:%S GMT").to_string(),
        )),
        Some(other) => bail!("unknown timestampFormat `{other}`"),
    }
}

/// The instant `seconds` after the epoch, to the microsecond (botocore's precision).
fn instant(seconds: f64) -> Result<jiff::Timestamp> {
    let micros = (seconds * 1e6).round();
    if !micros.is_finite() || micros.abs() > i64::MAX as f64 {
        bail!("{seconds} seconds is out of range");
    }
    jiff::Timestamp::from_microsecond(micros as i64)
        .with_context(|| format!("{seconds} seconds is out of range"))
}

/// Standard base64 with padding, as JSON bodies carry blobs.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            match i <= chunk.len() {
                true => out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63])),
                false => out.push('='),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shapes(json: Value) -> IndexMap<String, Shape> {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn base64_matches_the_suites_pairs() {
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"binary-value"), "YmluYXJ5LXZhbHVl");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b""), "");
    }

    #[test]
    fn timestamps_take_their_shapes_format() {
        let at = json!(946845296);
        assert_eq!(timestamp(&at, None).unwrap(), at);
        let iso = timestamp(&at, Some("iso8601")).unwrap();
        assert_eq!(iso, "2000-01-02T20:34:56Z");
        let http = timestamp(&at, Some("rfc822")).unwrap();
        assert_eq!(http, "Sun, 02 Jan 2000 20:34:56 GMT");
        let fraction = timestamp(&json!(946845296.123), Some("iso8601")).unwrap();
        assert_eq!(fraction, "2000-01-02T20:34:56.123Z");
        assert!(timestamp(&json!("soon"), None).is_err());
    }

    #[test]
    fn nested_values_are_converted_by_their_shapes() {
        let shapes = shapes(json!({
            "S": {"type": "structure", "members": {
                "Data": {"shape": "B"},
                "Times": {"shape": "L"},
                "Renamed": {"shape": "B", "locationName": "wire"},
            }},
            "B": {"type": "blob"},
            "L": {"type": "list", "member": {"shape": "T"}},
            "T": {"type": "timestamp", "timestampFormat": "iso8601"},
        }));
        let params = json!({"Data": "foo", "Times": [0], "Renamed": "f"});
        let wire = to_wire(&shapes, "S", &params).unwrap();
        let expected = json!({"Data": "Zm9v", "Times": ["1970-01-01T00:00:00Z"], "wire": "Zg=="});
        assert_eq!(wire, expected);
        let error = to_wire(&shapes, "S", &json!({"Nope": 1})).unwrap_err();
        assert_eq!(format!("{error:#}"), "in `S`: no member `Nope`");
    }
}
