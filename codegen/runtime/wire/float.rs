//! Floats: NaN and infinities as the protocol's strings.

use super::number::number_text;
use super::Codec;
use ::core::fmt;
use ::serde::de::{self, Unexpected, Visitor};
use ::serde::{Deserializer, Serializer};

/// `f32` and `f64`, with NaN and infinities as the strings `"NaN"`,
/// `"Infinity"` and `"-Infinity"`.
pub(crate) struct Float;

impl Codec<f64> for Float {
    fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        match non_finite_name(*value) {
            Some(name) => serializer.serialize_str(name),
            None => serializer.serialize_f64(*value),
        }
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(FloatVisitor)
    }
}

impl Codec<f32> for Float {
    fn serialize<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        match non_finite_name(f64::from(*value)) {
            Some(name) => serializer.serialize_str(name),
            None => serializer.serialize_f32(*value),
        }
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        // The nearest `f32` to the number, as Rust's `as` rounds.
        deserializer
            .deserialize_any(FloatVisitor)
            .map(|value| value as f32)
    }
}

/// The protocol's string for NaN or an infinity, or `None` for finite values.
fn non_finite_name(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value == f64::INFINITY {
        Some("Infinity")
    } else if value == f64::NEG_INFINITY {
        Some("-Infinity")
    } else {
        None
    }
}

/// Reads a JSON number, or one of the strings of [`non_finite_name`].
struct FloatVisitor;

impl<'de> Visitor<'de> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a number, \"NaN\", \"Infinity\" or \"-Infinity\"")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<f64, E> {
        Ok(value)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<f64, E> {
        Ok(value as f64)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<f64, E> {
        match value {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(Unexpected::Str(value), &self)),
        }
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<f64, A::Error> {
        number_text(map, &self)?.parse().map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::wire::tests::*;

    #[test]
    fn floats_write_non_finite_values_as_strings() {
        let mut value = config();
        value.scores.insert("nan".to_owned(), Some(f64::NAN));
        value.scores.insert("inf".to_owned(), Some(f64::INFINITY));
        value
            .scores
            .insert("neg".to_owned(), Some(f64::NEG_INFINITY));
        value.scores.insert("half".to_owned(), Some(0.5));
        value.scores.insert("none".to_owned(), None);
        let text = to_json(&value);
        assert!(
            text.contains(r#""Scores":{"half":0.5,"inf":"Infinity","nan":"NaN","neg":"-Infinity","none":null}"#),
            "{text}"
        );
        let back: Config = from_json(&text);
        assert!(back.scores["nan"].unwrap().is_nan());
        assert_eq!(back.scores["inf"], Some(f64::INFINITY));
        assert_eq!(back.scores["neg"], Some(f64::NEG_INFINITY));
        assert_eq!(back.scores["half"], Some(0.5));
        assert_eq!(back.scores["none"], None);
    }

    #[test]
    fn float_codec_reads_numbers_and_the_three_strings() {
        assert_eq!(read::<f64, Float>("1").unwrap(), 1.0);
        assert_eq!(read::<f64, Float>("-2").unwrap(), -2.0);
        assert_eq!(read::<f64, Float>("1.5e3").unwrap(), 1500.0);
        assert!(read::<f64, Float>("\"NaN\"").unwrap().is_nan());
        assert_eq!(
            read::<f32, Float>("\"-Infinity\"").unwrap(),
            f32::NEG_INFINITY
        );
        assert_eq!(read::<f32, Float>("1.1").unwrap(), 1.1_f32);
        assert!(read::<f64, Float>("\"nan\"").is_err());
        assert!(read::<f64, Float>("\"1.5\"").is_err());
        assert!(read::<f64, Float>("true").is_err());
        assert_eq!(write::<f32, Float>(&1.1), "1.1");
        assert_eq!(write::<f32, Float>(&f32::NAN), "\"NaN\"");
        assert_eq!(write::<f64, Float>(&f64::INFINITY), "\"Infinity\"");
        assert_eq!(write::<f64, Float>(&-0.25), "-0.25");
    }
}
