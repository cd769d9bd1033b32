//! Big numbers, and the exact text of numbers under serde_json's
//! `arbitrary_precision`.

use super::member::FieldSeed;
use super::Codec;
use crate::primitives::{BigDecimal, BigInteger, Number};
use ::core::fmt;
use ::serde::de::{self, Unexpected, Visitor};
use ::serde::ser;
use ::serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A [`BigInteger`] or [`BigDecimal`] as a number; the same as [`Plain`].
pub(crate) struct BigNumber;

/// The member name under which serde_json hands over a number's exact text,
/// through `visit_map` instead of `visit_f64`, when its `arbitrary_precision`
/// feature is on (any crate in a build can turn it on).
pub(super) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The text of a number handed over as a map by serde_json's
/// `arbitrary_precision` feature; any other map is an invalid type.
pub(super) fn number_text<'de, A: de::MapAccess<'de>>(
    mut map: A,
    expected: &dyn de::Expected,
) -> Result<String, A::Error> {
    let is_number = |name: &str| (name == NUMBER_TOKEN).then_some(());
    match map.next_key_seed(FieldSeed(is_number))? {
        Some(Some(())) => map.next_value(),
        _ => Err(de::Error::invalid_type(Unexpected::Map, expected)),
    }
}

impl Serialize for BigInteger {
    /// Writes a JSON number; beyond `u64`/`i64` it is rounded to an `f64`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_number_text(self.as_str(), serializer)
    }
}

impl Serialize for BigDecimal {
    /// Writes a JSON number; a fraction, an exponent or a value beyond
    /// `u64`/`i64` is rounded to an `f64`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_number_text(self.as_str(), serializer)
    }
}

/// Writes decimal text as an integer when it is one that fits, otherwise as
/// the nearest `f64`; fails if even that overflows. Negative zero (`-0`, which
/// a [`BigDecimal`] read from `-0.0` holds) is written as the `f64` `-0.0`, so
/// that its sign survives: as an integer it would be `0`.
fn serialize_number_text<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    if let Ok(value) = text.parse::<u64>() {
        return serializer.serialize_u64(value);
    }
    match text.parse::<i64>() {
        Ok(0) => {}
        Ok(value) => return serializer.serialize_i64(value),
        Err(_) => {}
    }
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => serializer.serialize_f64(value),
        _ => Err(ser::Error::custom(format_args!(
            "the number {text} is too large for JSON without arbitrary precision"
        ))),
    }
}

impl<'de> Deserialize<'de> for BigInteger {
    /// Reads a JSON number (integers beyond `u64`/`i64` arrive as `f64`) or
    /// a string of decimal digits.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BigIntegerVisitor)
    }
}

/// Reads a [`BigInteger`].
struct BigIntegerVisitor;

impl<'de> Visitor<'de> for BigIntegerVisitor {
    type Value = BigInteger;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an integer")
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<BigInteger, E> {
        Ok(BigInteger::from(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<BigInteger, E> {
        Ok(BigInteger::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<BigInteger, E> {
        if !value.is_finite() || value.fract() != 0.0 {
            return Err(E::invalid_type(Unexpected::Float(value), &self));
        }
        format!("{value:.0}").parse().map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<BigInteger, E> {
        value.parse().map_err(E::custom)
    }

    /// With serde_json's `arbitrary_precision`, every digit is kept.
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<BigInteger, A::Error> {
        number_text(map, &self)?.parse().map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for BigDecimal {
    /// Reads a JSON number (anything but an integer that fits `u64`/`i64`
    /// arrives as `f64`) or a string holding a decimal number.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BigDecimalVisitor)
    }
}

/// Reads a [`BigDecimal`].
struct BigDecimalVisitor;

impl<'de> Visitor<'de> for BigDecimalVisitor {
    type Value = BigDecimal;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a number")
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<BigDecimal, E> {
        Ok(BigDecimal::from(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<BigDecimal, E> {
        Ok(BigDecimal::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<BigDecimal, E> {
        BigDecimal::try_from(value).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<BigDecimal, E> {
        value.parse().map_err(E::custom)
    }

    /// With serde_json's `arbitrary_precision`, every digit is kept.
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<BigDecimal, A::Error> {
        number_text(map, &self)?.parse().map_err(de::Error::custom)
    }
}

impl Codec<BigInteger> for BigNumber {
    fn serialize<S: Serializer>(value: &BigInteger, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BigInteger, D::Error> {
        BigInteger::deserialize(deserializer)
    }
}

impl Codec<BigDecimal> for BigNumber {
    fn serialize<S: Serializer>(value: &BigDecimal, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BigDecimal, D::Error> {
        BigDecimal::deserialize(deserializer)
    }
}

/// The number that decimal text stands for: an integer when it is one that
/// fits, otherwise the nearest `f64`.
pub(super) fn number_from_text(text: &str) -> Option<Number> {
    if let Ok(value) = text.parse::<u64>() {
        return Some(Number::PosInt(value));
    }
    if let Ok(value) = text.parse::<i64>() {
        return Some(Number::from(value));
    }
    text.parse::<f64>().ok().map(Number::Float)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::wire::tests::*;
    use crate::primitives::wire::*;

    #[test]
    fn big_numbers_are_json_numbers() {
        let big: BigInteger = from_json("123456789");
        assert_eq!(big.as_str(), "123456789");
        assert_eq!(to_json(&big), "123456789");
        assert_eq!(from_json::<BigInteger>("-5").as_str(), "-5");
        assert_eq!(to_json(&from_json::<BigInteger>("-5")), "-5");
        // Beyond u64, serde_json hands over an f64 and digits are lost
        // (unless its `arbitrary_precision` feature is on).
        let huge: BigInteger = from_json("123456789012345678901234567890");
        let read_back = [
            "123456789012345677877719597056",
            "123456789012345678901234567890",
        ];
        assert!(read_back.contains(&huge.as_str()), "{huge}");
        assert_eq!(to_json(&huge), "1.2345678901234568e+29");
        assert!(::serde_json::from_str::<BigInteger>("1.5").is_err());
        assert_eq!(
            from_json::<BigInteger>("\"98765432109876543210\"").as_str(),
            "98765432109876543210"
        );
        let decimal: BigDecimal = from_json("1.25");
        assert_eq!(decimal.as_str(), "1.25");
        assert_eq!(to_json(&decimal), "1.25");
        assert_eq!(to_json(&from_json::<BigDecimal>("-3")), "-3");
    }

    #[test]
    fn big_decimal_negative_zero_keeps_its_sign() {
        // Found by the round trip of drawn values: `-0` was written as `0`.
        let zero: BigDecimal = from_json("-0.0");
        assert_eq!(zero.as_str(), "-0");
        assert_eq!(to_json(&zero), "-0.0");
        assert_eq!(from_json::<BigDecimal>(&to_json(&zero)), zero);
        let text: BigDecimal = "-0".parse().unwrap();
        assert_eq!(from_json::<BigDecimal>(&to_json(&text)), text);
        assert_eq!(to_json(&from_json::<BigDecimal>("0")), "0");
    }

    #[test]
    fn big_number_overflowing_f64_is_an_error() {
        let value: BigDecimal = "1e400".parse().unwrap();
        let message = ::serde_json::to_string(&value).unwrap_err().to_string();
        assert!(message.contains("too large for JSON"), "{message}");
    }

    /// Reads `text` through codec `C` the way serde_json hands numbers over
    /// when its `arbitrary_precision` feature is on.
    fn read_precise<T, C: Codec<T>>(text: &str) -> Result<T, ::serde::de::value::Error> {
        let entries = ::std::iter::once((NUMBER_TOKEN, text.to_owned()));
        C::deserialize(::serde::de::value::MapDeserializer::new(entries))
    }

    #[test]
    fn arbitrary_precision_numbers_are_read_exactly() {
        assert_eq!(read_precise::<f64, Float>("1.5").unwrap(), 1.5);
        assert_eq!(
            read_precise::<Timestamp, EpochSeconds>("946845296.123456789").unwrap(),
            ts(946_845_296, 123_456_789)
        );
        let digits = "123456789012345678901234567890";
        let big: BigInteger = read_precise::<_, Plain>(digits).unwrap();
        assert_eq!(big.as_str(), digits);
        let decimal: BigDecimal = read_precise::<_, Plain>("1.10").unwrap();
        assert_eq!(decimal.as_str(), "1.10");
        let number = |text| read_precise::<Document, Plain>(text).unwrap();
        assert_eq!(number("7"), Document::Number(Number::PosInt(7)));
        assert_eq!(number("-3"), Document::Number(Number::NegInt(-3)));
        assert_eq!(
            number("1e400"),
            Document::Number(Number::Float(f64::INFINITY))
        );
        assert!(read_precise::<Document, Plain>("x").is_err());
        assert!(read_precise::<BigInteger, Plain>("1.5").is_err());
        // Any other map is still the wrong type.
        let entries = ::std::iter::once(("other", "1"));
        let map = ::serde::de::value::MapDeserializer::<_, ::serde::de::value::Error>::new(entries);
        let message = <Float as Codec<f64>>::deserialize(map)
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("invalid type: map"), "{message}");
    }
}
