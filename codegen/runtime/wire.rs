//! Serde for the JSON protocols (awsJson1_0, awsJson1_1 and restJson1 bodies),
//! written without `serde_derive`.
//!
//! Each member is read and written through a [`Codec`] that the generator
//! picks from the member's shape: [`Plain`] uses the type's own serde impls,
//! while [`Float`], [`Blob`], [`EpochSeconds`], [`DateTime`], [`HttpDate`]
//! and the list and map codecs follow the protocol's rules for those shapes.
//! Generated code invokes [`json_structure!`], [`json_union!`], [`json_enum!`]
//! and [`json_int_enum!`] once per shape; they expand to hand-rolled
//! `Serialize` and `Deserialize` impls that match member names without
//! allocating and never go through an intermediate `serde_json::Value`.
//!
//! Numbers that JSON cannot hold exactly without serde_json's
//! `arbitrary_precision` feature lose precision: a [`BigInteger`] or
//! [`BigDecimal`] beyond `u64`/`i64` is written and read as an `f64`, and a
//! fractional epoch-seconds timestamp is written as the `f64` nearest to its
//! exact decimal text (exact to the microsecond for present-day dates).
//! Documents write NaN and infinities as `null`, as serde_json does for any
//! `f64`. When serde_json's `arbitrary_precision` feature is on, numbers are
//! read from their exact text instead (writing is unchanged).

// Each generated crate uses a different subset of this module (a model
// without unions never invokes `json_union!`, one without blobs never uses
// `Blob`), so unused items are expected here.
#![allow(dead_code, unused_macros, unused_imports)]

use super::{BigDecimal, BigInteger, Document, Number, Timestamp};
use ::core::fmt;
use ::core::marker::PhantomData;
use ::serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, Unexpected, Visitor};
use ::serde::ser::{self, SerializeMap};
use ::serde::{Deserialize, Deserializer, Serialize, Serializer};
use ::std::collections::BTreeMap;

/// How values of type `T` are written to and read from JSON.
pub(crate) trait Codec<T> {
    /// Writes `value`.
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads a value.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
}

/// The type's own serde impls: strings, booleans, integers, generated
/// shapes, `Box<T>`, [`Document`], [`Timestamp`] (as epoch seconds) and big
/// numbers.
pub(crate) struct Plain;
/// `f32` and `f64`, with NaN and infinities as the strings `"NaN"`,
/// `"Infinity"` and `"-Infinity"`.
pub(crate) struct Float;
/// Bytes (`Vec<u8>`) as a base64 string.
pub(crate) struct Blob;
/// A [`Timestamp`] as a number of seconds since the epoch.
pub(crate) struct EpochSeconds;
/// A [`Timestamp`] as an RFC 3339 string.
pub(crate) struct DateTime;
/// A [`Timestamp`] as an IMF-fixdate string.
pub(crate) struct HttpDate;
/// A [`BigInteger`] or [`BigDecimal`] as a number; the same as [`Plain`].
pub(crate) struct BigNumber;
/// A `Vec<T>` whose elements use codec `C`; `null` elements are skipped.
pub(crate) struct ListOf<C>(PhantomData<C>);
/// A `Vec<Option<T>>` whose elements use codec `C`; `null` is kept.
pub(crate) struct SparseListOf<C>(PhantomData<C>);
/// A `BTreeMap<K, V>` whose values use codec `C`; `null` values are skipped.
pub(crate) struct MapOf<C>(PhantomData<C>);
/// A `BTreeMap<K, Option<V>>` whose values use codec `C`; `null` is kept.
pub(crate) struct SparseMapOf<C>(PhantomData<C>);
/// An `Option<T>` whose value uses codec `C`; `None` is `null`.
pub(crate) struct Nullable<C>(PhantomData<C>);

/// Makes a value `Serialize` through codec `C`.
pub(crate) struct Ser<'a, T, C> {
    value: &'a T,
    codec: PhantomData<fn() -> C>,
}

impl<'a, T, C> Ser<'a, T, C> {
    /// Wraps `value`.
    pub(crate) fn new(value: &'a T) -> Self {
        Ser {
            value,
            codec: PhantomData,
        }
    }
}

impl<T, C: Codec<T>> Serialize for Ser<'_, T, C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        C::serialize(self.value, serializer)
    }
}

/// A seed that reads a `T` through codec `C`.
pub(crate) struct De<T, C>(PhantomData<fn() -> (T, C)>);

impl<T, C> De<T, C> {
    /// The seed.
    pub(crate) fn new() -> Self {
        De(PhantomData)
    }
}

impl<'de, T, C: Codec<T>> DeserializeSeed<'de> for De<T, C> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        C::deserialize(deserializer)
    }
}

impl<T: Serialize + DeserializeOwned> Codec<T> for Plain {
    fn serialize<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

impl<T, C: Codec<T>> Codec<Option<T>> for Nullable<C> {
    fn serialize<S: Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => C::serialize(value, serializer),
            None => serializer.serialize_none(),
        }
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_option(NullableVisitor::<T, C>(PhantomData))
    }
}

/// Reads `null` as `None` and anything else through codec `C`.
struct NullableVisitor<T, C>(PhantomData<fn() -> (T, C)>);

impl<'de, T, C: Codec<T>> Visitor<'de> for NullableVisitor<T, C> {
    type Value = Option<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        C::deserialize(deserializer).map(Some)
    }
}

// ---------------------------------------------------------------------------
// Floats

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

/// The member name under which serde_json hands over a number's exact text,
/// through `visit_map` instead of `visit_f64`, when its `arbitrary_precision`
/// feature is on (any crate in a build can turn it on).
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The text of a number handed over as a map by serde_json's
/// `arbitrary_precision` feature; any other map is an invalid type.
fn number_text<'de, A: de::MapAccess<'de>>(
    mut map: A,
    expected: &dyn de::Expected,
) -> Result<String, A::Error> {
    let is_number = |name: &str| (name == NUMBER_TOKEN).then_some(());
    match map.next_key_seed(FieldSeed(is_number))? {
        Some(Some(())) => map.next_value(),
        _ => Err(de::Error::invalid_type(Unexpected::Map, expected)),
    }
}

// ---------------------------------------------------------------------------
// Blobs

impl Codec<Vec<u8>> for Blob {
    fn serialize<S: Serializer>(value: &Vec<u8>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64_encode(value))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        deserializer.deserialize_str(BlobVisitor)
    }
}

/// Reads a base64 string.
struct BlobVisitor;

impl Visitor<'_> for BlobVisitor {
    type Value = Vec<u8>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a base64 string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Vec<u8>, E> {
        base64_decode(value).ok_or_else(|| E::invalid_value(Unexpected::Str(value), &self))
    }
}

/// The standard base64 alphabet (RFC 4648, section 4).
const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Encodes `bytes` as base64 with the standard alphabet and `=` padding.
fn base64_encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        // The chunk's bytes, most significant first, in the low 24 bits.
        let bits = chunk
            .iter()
            .enumerate()
            .fold(0_u32, |bits, (index, &byte)| {
                bits | u32::from(byte) << (16 - 8 * index)
            });
        // n bytes carry 8n bits, which need n + 1 sextets.
        for index in 0..4 {
            if index <= chunk.len() {
                let sextet = (bits >> (18 - 6 * index)) & 0x3f;
                text.push(char::from(BASE64_ALPHABET[sextet as usize]));
            } else {
                text.push('=');
            }
        }
    }
    text
}

/// Decodes standard base64, with or without `=` padding. Returns `None` for
/// any other character, misplaced padding or an impossible length.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut digits = text.as_bytes();
    if digits.len() % 4 == 0 {
        digits = digits
            .strip_suffix(b"==")
            .or_else(|| digits.strip_suffix(b"="))
            .unwrap_or(digits);
    }
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut bits = 0_u32;
        for (index, &digit) in chunk.iter().enumerate() {
            bits |= base64_sextet(digit)? << (18 - 6 * index);
        }
        // k digits carry 6k bits: k - 1 whole bytes.
        bytes.extend_from_slice(&bits.to_be_bytes()[1..chunk.len()]);
    }
    Some(bytes)
}

/// The value of one base64 digit.
fn base64_sextet(digit: u8) -> Option<u32> {
    let value = match digit {
        b'A'..=b'Z' => digit - b'A',
        b'a'..=b'z' => digit - b'a' + 26,
        b'0'..=b'9' => digit - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

// ---------------------------------------------------------------------------
// Timestamps

impl Serialize for Timestamp {
    /// Writes epoch seconds: an integer when there is no fraction, otherwise
    /// the `f64` nearest to the exact decimal text, which serde_json's
    /// shortest-round-trip printer writes back as that text when the `f64`
    /// holds it (`946845296.123`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.subsec_nanos() == 0 {
            return serializer.serialize_i64(self.secs());
        }
        if let Some(seconds) = whole_micros_as_f64(self) {
            return serializer.serialize_f64(seconds);
        }
        let mut text = ShortText::new();
        self.fmt_epoch_seconds(&mut text)
            .map_err(ser::Error::custom)?;
        let seconds: f64 = text.as_str().parse().map_err(ser::Error::custom)?;
        serializer.serialize_f64(seconds)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    /// Reads epoch seconds from a JSON number. A number with a fraction
    /// arrives as an `f64` and is rounded to the nearest microsecond, so
    /// `946845296.123` gives 946845296 s and 123_000_000 ns.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(EpochSecondsVisitor)
    }
}

/// The seconds as the `f64` nearest to their exact decimal value, computed
/// without text when the instant is a whole number of microseconds that an
/// `f64` holds exactly (within about 285 years of 1970): one correctly rounded
/// division of two exact values.
fn whole_micros_as_f64(timestamp: &Timestamp) -> Option<f64> {
    const EXACT: i64 = 1 << 53;
    if timestamp.subsec_nanos() % 1_000 != 0 {
        return None;
    }
    let micros = timestamp
        .secs()
        .checked_mul(1_000_000)?
        .checked_add(i64::from(timestamp.subsec_nanos() / 1_000))?;
    (-EXACT..=EXACT)
        .contains(&micros)
        .then(|| micros as f64 / 1_000_000.0)
}

/// Text of up to 48 bytes, written without allocating.
struct ShortText {
    bytes: [u8; 48],
    len: usize,
}

impl ShortText {
    /// Empty text.
    fn new() -> Self {
        ShortText {
            bytes: [0; 48],
            len: 0,
        }
    }

    /// The text written so far.
    fn as_str(&self) -> &str {
        // Only whole `&str`s are ever copied in, so this is always UTF-8.
        ::core::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for ShortText {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Reads a JSON number of seconds since the epoch.
struct EpochSecondsVisitor;

impl<'de> Visitor<'de> for EpochSecondsVisitor {
    type Value = Timestamp;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a number of seconds since 1970-01-01T00:00:00Z")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Timestamp, E> {
        Ok(Timestamp::from_secs(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Timestamp, E> {
        let secs = i64::try_from(value)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))?;
        Ok(Timestamp::from_secs(secs))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Timestamp, E> {
        timestamp_from_f64(value).ok_or_else(|| E::invalid_value(Unexpected::Float(value), &self))
    }

    /// With serde_json's `arbitrary_precision`, the text is read exactly.
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Timestamp, A::Error> {
        let text = number_text(map, &self)?;
        Timestamp::parse_epoch_seconds(&text).map_err(de::Error::custom)
    }
}

/// The timestamp `seconds` after the epoch, rounded to the nearest
/// microsecond, or `None` if it is not finite or out of range.
fn timestamp_from_f64(seconds: f64) -> Option<Timestamp> {
    /// 2^63, one past `i64::MAX`; exact in `f64`.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    let whole = seconds.floor();
    if !(-LIMIT..LIMIT).contains(&whole) {
        return None;
    }
    // The fraction is exact for |seconds| >= 1 and within 1e-16 otherwise.
    let micros = ((seconds - whole) * 1e6).round() as u32;
    let secs = whole as i64;
    match micros {
        1_000_000 => Some(Timestamp::from_secs(secs.checked_add(1)?)),
        _ => Timestamp::from_secs_and_nanos(secs, micros * 1000),
    }
}

impl Codec<Timestamp> for EpochSeconds {
    fn serialize<S: Serializer>(value: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        Timestamp::deserialize(deserializer)
    }
}

impl Codec<Timestamp> for DateTime {
    fn serialize<S: Serializer>(value: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        // `Display` writes RFC 3339.
        serializer.collect_str(value)
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        deserializer.deserialize_str(TimestampTextVisitor {
            parse: Timestamp::parse_date_time,
            expected: "an RFC 3339 date-time string",
        })
    }
}

impl Codec<Timestamp> for HttpDate {
    fn serialize<S: Serializer>(value: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&HttpDateText(value))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        deserializer.deserialize_str(TimestampTextVisitor {
            parse: Timestamp::parse_http_date,
            expected: "an IMF-fixdate string",
        })
    }
}

/// Displays a timestamp as an IMF-fixdate.
struct HttpDateText<'a>(&'a Timestamp);

impl fmt::Display for HttpDateText<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_http_date(formatter)
    }
}

/// Reads a timestamp string with `parse`.
struct TimestampTextVisitor {
    parse: fn(&str) -> Result<Timestamp, super::TimestampError>,
    expected: &'static str,
}

impl Visitor<'_> for TimestampTextVisitor {
    type Value = Timestamp;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.expected)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Timestamp, E> {
        (self.parse)(value).map_err(E::custom)
    }
}

// ---------------------------------------------------------------------------
// Big numbers

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

// ---------------------------------------------------------------------------
// Documents

impl Serialize for Document {
    /// Writes the value inline as JSON.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Document::Null => serializer.serialize_unit(),
            Document::Bool(value) => serializer.serialize_bool(*value),
            Document::Number(value) => value.serialize(serializer),
            Document::String(value) => serializer.serialize_str(value),
            Document::Array(values) => serializer.collect_seq(values),
            Document::Object(members) => serializer.collect_map(members),
        }
    }
}

impl Serialize for Number {
    /// Writes a JSON number; serde_json writes NaN and infinities as `null`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Number::PosInt(value) => serializer.serialize_u64(value),
            Number::NegInt(value) => serializer.serialize_i64(value),
            Number::Float(value) => serializer.serialize_f64(value),
        }
    }
}

impl<'de> Deserialize<'de> for Document {
    /// Reads any JSON value.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DocumentVisitor)
    }
}

impl<'de> Deserialize<'de> for Number {
    /// Reads a JSON number.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Document::deserialize(deserializer)? {
            Document::Number(number) => Ok(number),
            _ => Err(de::Error::custom("expected a number")),
        }
    }
}

/// Reads any JSON value as a [`Document`].
struct DocumentVisitor;

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Document;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Document, E> {
        Ok(Document::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Document, D::Error> {
        Document::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Document, E> {
        Ok(Document::Bool(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Document, E> {
        Ok(Document::from(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Document, E> {
        Ok(Document::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Document, E> {
        Ok(Document::from(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Document, E> {
        Ok(Document::from(value))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Document, E> {
        Ok(Document::String(value))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Document, A::Error> {
        let mut values = Vec::with_capacity(capacity_hint(seq.size_hint()));
        while let Some(value) = seq.next_element()? {
            values.push(value);
        }
        Ok(Document::Array(values))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut members = BTreeMap::new();
        while let Some(name) = map.next_key::<String>()? {
            if members.is_empty() && name == NUMBER_TOKEN {
                // serde_json's `arbitrary_precision` hands a number over.
                let text: String = map.next_value()?;
                return number_from_text(&text)
                    .map(Document::Number)
                    .ok_or_else(|| de::Error::invalid_value(Unexpected::Str(&text), &self));
            }
            members.insert(name, map.next_value()?);
        }
        Ok(Document::Object(members))
    }
}

/// The number that decimal text stands for: an integer when it is one that
/// fits, otherwise the nearest `f64`.
fn number_from_text(text: &str) -> Option<Number> {
    if let Ok(value) = text.parse::<u64>() {
        return Some(Number::PosInt(value));
    }
    if let Ok(value) = text.parse::<i64>() {
        return Some(Number::from(value));
    }
    text.parse::<f64>().ok().map(Number::Float)
}

/// A capacity to reserve from a size hint, bounded against hostile input.
fn capacity_hint(hint: Option<usize>) -> usize {
    hint.unwrap_or(0).min(4096)
}

// ---------------------------------------------------------------------------
// Lists and maps

impl<T, C: Codec<T>> Codec<Vec<T>> for ListOf<C> {
    fn serialize<S: Serializer>(values: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(values.iter().map(Ser::<T, C>::new))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(ListVisitor::<T, C, T>::new(::core::convert::identity))
    }
}

impl<T, C: Codec<T>> Codec<Vec<Option<T>>> for SparseListOf<C> {
    fn serialize<S: Serializer>(values: &Vec<Option<T>>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(values.iter().map(Ser::<Option<T>, Nullable<C>>::new))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<T>>, D::Error> {
        deserializer.deserialize_seq(ListVisitor::<T, C, Option<T>>::new(Some))
    }
}

/// Reads a list whose elements are `T`s (through codec `C`) or `null`, and
/// collects what `keep` makes of each: `X = T` skips nulls, `X = Option<T>`
/// keeps them.
struct ListVisitor<T, C, X> {
    keep: fn(Option<T>) -> Option<X>,
    codec: PhantomData<fn() -> C>,
}

impl<T, C, X> ListVisitor<T, C, X> {
    /// The visitor; `keep` turns each element into what is collected.
    fn new(keep: fn(Option<T>) -> Option<X>) -> Self {
        ListVisitor {
            keep,
            codec: PhantomData,
        }
    }
}

impl<'de, T, C: Codec<T>, X> Visitor<'de> for ListVisitor<T, C, X> {
    type Value = Vec<X>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a list")
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<X>, A::Error> {
        let mut values = Vec::with_capacity(capacity_hint(seq.size_hint()));
        while let Some(value) = seq.next_element_seed(De::<Option<T>, Nullable<C>>::new())? {
            values.extend((self.keep)(value));
        }
        Ok(values)
    }
}

impl<K, V, C> Codec<BTreeMap<K, V>> for MapOf<C>
where
    K: Serialize + DeserializeOwned + Ord,
    C: Codec<V>,
{
    fn serialize<S: Serializer>(map: &BTreeMap<K, V>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            map.iter()
                .map(|(key, value)| (key, Ser::<V, C>::new(value))),
        )
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error> {
        deserializer.deserialize_map(MapVisitor::<K, V, C, V>::new(::core::convert::identity))
    }
}

impl<K, V, C> Codec<BTreeMap<K, Option<V>>> for SparseMapOf<C>
where
    K: Serialize + DeserializeOwned + Ord,
    C: Codec<V>,
{
    fn serialize<S: Serializer>(
        map: &BTreeMap<K, Option<V>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let entries = map
            .iter()
            .map(|(key, value)| (key, Ser::<Option<V>, Nullable<C>>::new(value)));
        serializer.collect_map(entries)
    }

    fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<K, Option<V>>, D::Error> {
        deserializer.deserialize_map(MapVisitor::<K, V, C, Option<V>>::new(Some))
    }
}

/// Reads a map whose values are `V`s (through codec `C`) or `null`, and
/// keeps what `keep` makes of each value: `X = V` skips nulls,
/// `X = Option<V>` keeps them.
struct MapVisitor<K, V, C, X> {
    keep: fn(Option<V>) -> Option<X>,
    types: PhantomData<fn() -> (K, C)>,
}

impl<K, V, C, X> MapVisitor<K, V, C, X> {
    /// The visitor; `keep` turns each value into what is kept.
    fn new(keep: fn(Option<V>) -> Option<X>) -> Self {
        MapVisitor {
            keep,
            types: PhantomData,
        }
    }
}

impl<'de, K, V, C, X> Visitor<'de> for MapVisitor<K, V, C, X>
where
    K: DeserializeOwned + Ord,
    C: Codec<V>,
{
    type Value = BTreeMap<K, X>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = BTreeMap::new();
        while let Some(key) = map.next_key::<K>()? {
            let value = map.next_value_seed(De::<Option<V>, Nullable<C>>::new())?;
            if let Some(value) = (self.keep)(value) {
                entries.insert(key, value);
            }
        }
        Ok(entries)
    }
}

// ---------------------------------------------------------------------------
// Helpers for the macros

/// A seed that reads a member name and looks it up with `M` (a `match` on
/// the name that the macros generate), without allocating for it.
pub(crate) struct FieldSeed<M>(pub(crate) M);

impl<'de, F, M: FnOnce(&str) -> Option<F>> DeserializeSeed<'de> for FieldSeed<M> {
    type Value = Option<F>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<F>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, F, M: FnOnce(&str) -> Option<F>> Visitor<'de> for FieldSeed<M> {
    type Value = Option<F>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Option<F>, E> {
        Ok((self.0)(name))
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Option<F>, E> {
        Ok((self.0)(name))
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<Option<F>, E> {
        Ok((self.0)(&name))
    }
}

/// A member name inside a union object.
pub(crate) enum UnionKey<F> {
    /// A member the model names.
    Known(F),
    /// `__type`, which some services add and readers ignore.
    Type,
    /// A member the model does not name.
    Unknown(String),
}

/// A seed that reads a union member name and looks it up with `M`; only
/// names that `M` does not know are copied.
pub(crate) struct UnionKeySeed<M>(pub(crate) M);

impl<'de, F, M: FnOnce(&str) -> Option<F>> DeserializeSeed<'de> for UnionKeySeed<M> {
    type Value = UnionKey<F>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<UnionKey<F>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, F, M: FnOnce(&str) -> Option<F>> Visitor<'de> for UnionKeySeed<M> {
    type Value = UnionKey<F>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a union member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<UnionKey<F>, E> {
        Ok(match (self.0)(name) {
            Some(known) => UnionKey::Known(known),
            None if name == "__type" => UnionKey::Type,
            None => UnionKey::Unknown(name.to_owned()),
        })
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<UnionKey<F>, E> {
        self.visit_str(name)
    }

    fn visit_string<E: de::Error>(self, name: String) -> Result<UnionKey<F>, E> {
        Ok(match (self.0)(&name) {
            Some(known) => UnionKey::Known(known),
            None if name == "__type" => UnionKey::Type,
            None => UnionKey::Unknown(name),
        })
    }
}

/// Writes `{}`: the value of a union member that targets Unit, and an
/// empty structure.
pub(crate) struct EmptyObject;

impl Serialize for EmptyObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}

/// A seed for the value of a union member that targets Unit: accepts any
/// value, and returns whether it was anything but `null`.
pub(crate) struct UnitMember;

impl<'de> DeserializeSeed<'de> for UnitMember {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for UnitMember {
    type Value = bool;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any value")
    }

    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        IgnoredAny::deserialize(deserializer)?;
        Ok(true)
    }
}

/// Reads an object and ignores its members: the body of a structure with no
/// members.
pub(crate) fn ignore_object<'de, D: Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
    deserializer.deserialize_map(IgnoreObject)
}

/// Reads an object and ignores its members.
struct IgnoreObject;

impl<'de> Visitor<'de> for IgnoreObject {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an object")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// Reads a string enum through its `From<&str>`, which keeps unknown values.
pub(crate) struct EnumVisitor<E>(PhantomData<fn() -> E>);

impl<E> EnumVisitor<E> {
    /// The visitor.
    pub(crate) fn new() -> Self {
        EnumVisitor(PhantomData)
    }
}

impl<E: for<'a> From<&'a str>> Visitor<'_> for EnumVisitor<E> {
    type Value = E;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a string")
    }

    fn visit_str<Error: de::Error>(self, value: &str) -> Result<E, Error> {
        Ok(E::from(value))
    }
}

// ---------------------------------------------------------------------------
// Macros
//
// The expansions name everything by absolute path, because generated crates
// may define their own `String`, `Option`, `Result`, `Box` or `Vec`. Codec
// names (`Plain`, `ListOf<Float>`, ...) are passed as written and resolve
// through a `use` inside the generated function bodies; the shape's own name
// is only mentioned outside those scopes, so a shape called `DateTime` or
// `Blob` still works.

/// Implements `Serialize` and `Deserialize` for a generated structure:
///
/// ```text
/// crate::primitives::wire::json_structure! {
///     S3Config {
///         path: "Path", required, Plain;
///         kms_key_arn: "KMSKeyArn", optional, Plain;
///         count: "Count", default(0i32), Plain;
///         message: "Message" | "message", optional, Plain;
///     }
/// }
/// ```
///
/// Each member gives the field, its wire name (then any other names accepted
/// when reading), its presence and its codec. A `required` field has type
/// `T` and is an error when missing or `null`; an `optional` field has type
/// `Option<T>` and is only written when `Some`; a `default(expr)` field has
/// type `T` and reads as `expr` when missing or `null`. A `skip` field has type
/// `Option<T>` and belongs to the HTTP message rather than the body (restJson1
/// headers, labels and query strings): it is never written, and only read if a
/// body happens to carry it. Unknown members are ignored.
macro_rules! json_structure {
    ($name:ident {}) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&crate::primitives::wire::EmptyObject, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                crate::primitives::wire::ignore_object(deserializer)?;
                ::std::result::Result::Ok($name {})
            }
        }
    };
    ($name:ident {
        $($field:ident : $wire:literal $(| $alias:literal)*, $kind:ident $(($default:expr))?, $codec:ty;)+
    }) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                #[allow(unused_imports)]
                use crate::primitives::wire::{
                    BigNumber, Blob, DateTime, EpochSeconds, Float, HttpDate, ListOf, MapOf, Plain,
                    SparseListOf, SparseMapOf,
                };
                use ::serde::ser::SerializeStruct as _;
                let len = 0 $(+ crate::primitives::wire::json_structure!(@count $kind self.$field))+;
                // A structure whose members all travel outside the body writes none.
                #[allow(unused_mut)]
                let mut state =
                    ::serde::Serializer::serialize_struct(serializer, ::std::stringify!($name), len)?;
                $(crate::primitives::wire::json_structure!(@write $kind state, $wire, self.$field, $codec);)+
                state.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                #[allow(non_camel_case_types)]
                enum __JsonField {
                    $($field,)+
                }

                // An alias may repeat another member's name.
                #[allow(unreachable_patterns)]
                fn __json_field(name: &str) -> ::std::option::Option<__JsonField> {
                    match name {
                        $($wire $(| $alias)* => ::std::option::Option::Some(__JsonField::$field),)+
                        _ => ::std::option::Option::None,
                    }
                }

                struct __JsonVisitor;

                impl<'de> ::serde::de::Visitor<'de> for __JsonVisitor {
                    type Value = $name;

                    fn expecting(
                        &self,
                        formatter: &mut ::std::fmt::Formatter<'_>,
                    ) -> ::std::fmt::Result {
                        formatter.write_str(::std::concat!("a ", ::std::stringify!($name), " object"))
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> ::std::result::Result<$name, A::Error> {
                        $(let mut $field = ::std::option::Option::None;)+
                        {
                            #[allow(unused_imports)]
                            use crate::primitives::wire::{
                                BigNumber, Blob, DateTime, EpochSeconds, Float, HttpDate, ListOf,
                                MapOf, Plain, SparseListOf, SparseMapOf,
                            };
                            while let ::std::option::Option::Some(key) =
                                map.next_key_seed(crate::primitives::wire::FieldSeed(__json_field))?
                            {
                                match key {
                                    $(::std::option::Option::Some(__JsonField::$field) => {
                                        $field = map.next_value_seed(crate::primitives::wire::De::<
                                            ::std::option::Option<_>,
                                            crate::primitives::wire::Nullable<$codec>,
                                        >::new())?;
                                    })+
                                    ::std::option::Option::None => {
                                        map.next_value::<::serde::de::IgnoredAny>()?;
                                    }
                                }
                            }
                        }
                        ::std::result::Result::Ok($name {
                            $($field: crate::primitives::wire::json_structure!(
                                @finish $kind $(($default))? $field $wire
                            ),)+
                        })
                    }
                }

                ::serde::Deserializer::deserialize_map(deserializer, __JsonVisitor)
            }
        }
    };
    (@count optional $value:expr) => {
        ::std::primitive::usize::from(::std::option::Option::is_some(&$value))
    };
    (@count required $value:expr) => {
        1
    };
    (@count default $value:expr) => {
        1
    };
    (@count skip $value:expr) => {
        0
    };
    (@write optional $state:ident, $wire:literal, $value:expr, $codec:ty) => {
        if let ::std::option::Option::Some(value) = &$value {
            $state.serialize_field($wire, &crate::primitives::wire::Ser::<_, $codec>::new(value))?;
        }
    };
    (@write skip $state:ident, $wire:literal, $value:expr, $codec:ty) => {};
    (@write $kind:ident $state:ident, $wire:literal, $value:expr, $codec:ty) => {
        $state.serialize_field($wire, &crate::primitives::wire::Ser::<_, $codec>::new(&$value))?;
    };
    (@finish required $field:ident $wire:literal) => {
        match $field {
            ::std::option::Option::Some(value) => value,
            ::std::option::Option::None => {
                return ::std::result::Result::Err(::serde::de::Error::missing_field($wire));
            }
        }
    };
    (@finish optional $field:ident $wire:literal) => {
        $field
    };
    (@finish skip $field:ident $wire:literal) => {
        $field
    };
    (@finish default ($default:expr) $field:ident $wire:literal) => {
        match $field {
            ::std::option::Option::Some(value) => value,
            ::std::option::Option::None => $default,
        }
    };
}
pub(crate) use json_structure;

/// Implements `Serialize` and `Deserialize` for a generated union: an object
/// with exactly one member.
///
/// ```text
/// crate::primitives::wire::json_union! {
///     AttributeValue {
///         S: "S", Plain;
///         Null: "NULL", unit;
///         L: "L", ListOf<Plain>;
///     }
///     unknown: Unknown;
/// }
/// ```
///
/// Each member gives the variant, its wire name and its codec, or `unit` for
/// a variant without payload (written as `{}`, read from any value). The
/// `unknown` variant (`Unknown { name: String, value: Document }`) keeps a
/// member the model does not name, and writes it back unchanged. When
/// reading, `__type` and members whose value is `null` are ignored; zero or
/// several remaining members are an error.
///
/// A codec here is a name, optionally with one type argument (`Plain`,
/// `ListOf<MapOf<Float>>`), so that `unit` can be told apart.
macro_rules! json_union {
    ($name:ident {
        $($variant:ident : $wire:literal, $codec:ident $(<$inner:ty>)?;)*
    } unknown: $unknown:ident $(;)?) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                #[allow(unused_imports)]
                use crate::primitives::wire::{
                    BigNumber, Blob, DateTime, EpochSeconds, Float, HttpDate, ListOf, MapOf, Plain,
                    SparseListOf, SparseMapOf,
                };
                use ::serde::ser::SerializeMap as _;
                let mut map = ::serde::Serializer::serialize_map(
                    serializer,
                    ::std::option::Option::Some(1),
                )?;
                match self {
                    $(crate::primitives::wire::json_union!(@pattern $codec $variant value) => {
                        crate::primitives::wire::json_union!(
                            @write $codec $(<$inner>)?, map, $wire, value
                        );
                    })*
                    Self::$unknown { name, value } => map.serialize_entry(name, value)?,
                }
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                type __JsonUnion = $name;

                enum __JsonVariant {
                    $($variant,)*
                }

                fn __json_variant(name: &str) -> ::std::option::Option<__JsonVariant> {
                    match name {
                        $($wire => ::std::option::Option::Some(__JsonVariant::$variant),)*
                        _ => ::std::option::Option::None,
                    }
                }

                struct __JsonVisitor;

                impl<'de> ::serde::de::Visitor<'de> for __JsonVisitor {
                    type Value = __JsonUnion;

                    fn expecting(
                        &self,
                        formatter: &mut ::std::fmt::Formatter<'_>,
                    ) -> ::std::fmt::Result {
                        formatter.write_str(::std::concat!(
                            "a ",
                            ::std::stringify!($name),
                            " union object with exactly one member",
                        ))
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> ::std::result::Result<__JsonUnion, A::Error> {
                        let mut found = ::std::option::Option::None;
                        while let ::std::option::Option::Some(key) =
                            map.next_key_seed(crate::primitives::wire::UnionKeySeed(__json_variant))?
                        {
                            #[allow(unused_imports)]
                            use crate::primitives::wire::{
                                BigNumber, Blob, DateTime, EpochSeconds, Float, HttpDate, ListOf,
                                MapOf, Plain, SparseListOf, SparseMapOf,
                            };
                            let member: ::std::option::Option<__JsonUnion> = match key {
                                $(crate::primitives::wire::UnionKey::Known(__JsonVariant::$variant) => {
                                    crate::primitives::wire::json_union!(
                                        @read $codec $(<$inner>)?, map, $variant
                                    )
                                })*
                                crate::primitives::wire::UnionKey::Type => {
                                    map.next_value::<::serde::de::IgnoredAny>()?;
                                    ::std::option::Option::None
                                }
                                crate::primitives::wire::UnionKey::Unknown(name) => map
                                    .next_value::<::std::option::Option<crate::primitives::Document>>()?
                                    .map(|value| __JsonUnion::$unknown { name, value }),
                            };
                            if member.is_some() {
                                if found.is_some() {
                                    return ::std::result::Result::Err(::serde::de::Error::custom(
                                        ::std::concat!(
                                            "union ",
                                            ::std::stringify!($name),
                                            " must have exactly one member, found more than one",
                                        ),
                                    ));
                                }
                                found = member;
                            }
                        }
                        match found {
                            ::std::option::Option::Some(member) => ::std::result::Result::Ok(member),
                            ::std::option::Option::None => ::std::result::Result::Err(
                                ::serde::de::Error::custom(::std::concat!(
                                    "union ",
                                    ::std::stringify!($name),
                                    " must have exactly one member, found none",
                                )),
                            ),
                        }
                    }
                }

                ::serde::Deserializer::deserialize_map(deserializer, __JsonVisitor)
            }
        }
    };
    (@pattern unit $variant:ident $value:ident) => {
        Self::$variant
    };
    (@pattern $codec:ident $variant:ident $value:ident) => {
        Self::$variant($value)
    };
    (@write unit, $map:ident, $wire:literal, $value:ident) => {
        $map.serialize_entry($wire, &crate::primitives::wire::EmptyObject)?
    };
    (@write $codec:ty, $map:ident, $wire:literal, $value:ident) => {
        $map.serialize_entry($wire, &crate::primitives::wire::Ser::<_, $codec>::new($value))?
    };
    (@read unit, $map:ident, $variant:ident) => {
        $map.next_value_seed(crate::primitives::wire::UnitMember)?
            .then_some(__JsonUnion::$variant)
    };
    (@read $codec:ty, $map:ident, $variant:ident) => {
        $map.next_value_seed(crate::primitives::wire::De::<
            ::std::option::Option<_>,
            crate::primitives::wire::Nullable<$codec>,
        >::new())?
        .map(__JsonUnion::$variant)
    };
}
pub(crate) use json_union;

/// Implements `Serialize` and `Deserialize` for a generated string enum
/// through its `as_str()` and `From<&str>`, so unknown values round-trip.
macro_rules! json_enum {
    ($name:ident) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                deserializer.deserialize_str(crate::primitives::wire::EnumVisitor::<Self>::new())
            }
        }
    };
}
pub(crate) use json_enum;

/// Implements `Serialize` and `Deserialize` for a generated intEnum through
/// its `value() -> i32` and `From<i32>`, so unknown values round-trip.
macro_rules! json_int_enum {
    ($name:ident) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.value())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::primitive::i32 as ::serde::Deserialize<'de>>::deserialize(
                    deserializer,
                )?;
                ::std::result::Result::Ok(
                    <Self as ::std::convert::From<::std::primitive::i32>>::from(value),
                )
            }
        }
    };
}
pub(crate) use json_int_enum;

// ---------------------------------------------------------------------------
// Error responses

/// The members of an error body that name the error and describe it; any
/// JSON type is accepted so that an odd body never fails to parse.
struct ErrorFields {
    /// `code`.
    code: Option<Document>,
    /// `__type`.
    type_name: Option<Document>,
    /// `message`.
    message: Option<Document>,
    /// `Message`.
    message_capitalized: Option<Document>,
    /// `errorMessage`.
    error_message: Option<Document>,
}

json_structure! {
    ErrorFields {
        code: "code", optional, Plain;
        type_name: "__type", optional, Plain;
        message: "message", optional, Plain;
        message_capitalized: "Message", optional, Plain;
        error_message: "errorMessage", optional, Plain;
    }
}

impl ErrorFields {
    /// The fields of a JSON object body; `None` if the body is not one.
    fn read(body: &[u8]) -> Option<Self> {
        ::serde_json::from_slice(body).ok()
    }
}

/// The text of a document that is a string.
fn into_string(value: Option<Document>) -> Option<String> {
    match value? {
        Document::String(text) => Some(text),
        _ => None,
    }
}

/// The error code of an awsJson or restJson1 error response: from the
/// `X-Amzn-Errortype` header value, else the body's top-level `code`, else
/// its top-level `__type`. The code is cut before the first `:` and after
/// the last `#`, so `aws.protocoltests#ComplexError:http://...` gives
/// `ComplexError`. An empty or non-JSON body only leaves the header.
pub(crate) fn error_code(header: Option<&str>, body: &[u8]) -> Option<String> {
    if let Some(code) = header.and_then(sanitize_error_code) {
        return Some(code.to_owned());
    }
    let fields = ErrorFields::read(body)?;
    [fields.code, fields.type_name]
        .into_iter()
        .filter_map(into_string)
        .find_map(|code| sanitize_error_code(&code).map(str::to_owned))
}

/// The bare error name in an error code, or `None` if nothing is left.
fn sanitize_error_code(code: &str) -> Option<&str> {
    let code = code.split(':').next().unwrap_or_default();
    let code = code.rsplit('#').next().unwrap_or_default().trim();
    (!code.is_empty()).then_some(code)
}

/// The message of an error response body: its top-level `message`,
/// `Message` or `errorMessage` string, in that order.
pub(crate) fn error_message(body: &[u8]) -> Option<String> {
    let fields = ErrorFields::read(body)?;
    [
        fields.message,
        fields.message_capitalized,
        fields.error_message,
    ]
    .into_iter()
    .find_map(into_string)
}

/// Reads a JSON body; an empty or all-whitespace body reads as `{}`.
pub(crate) fn from_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ::serde_json::Error> {
    let blank = body
        .iter()
        .all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'));
    ::serde_json::from_slice(if blank { b"{}" } else { body })
}

#[cfg(test)]
mod tests {
    //! A hand-written sample of what the generator emits, and the protocol
    //! rules checked against it.

    use super::*;
    use crate::primitives::UnknownValue;
    use ::serde_json::json;

    #[derive(Debug, Clone, PartialEq)]
    struct Config {
        path: String,
        role_arn: String,
        kms_key_arn: Option<String>,
        creation_time: Option<Timestamp>,
        count: i32,
        tags: Option<Vec<String>>,
        scores: BTreeMap<String, Option<f64>>,
        next: Option<Box<Config>>,
        r#type: Option<Status>,
        message: Option<String>,
    }

    crate::primitives::wire::json_structure! {
        Config {
            path: "Path", required, Plain;
            role_arn: "RoleArn", required, Plain;
            kms_key_arn: "KMSKeyArn", optional, Plain;
            creation_time: "CreationTime", optional, EpochSeconds;
            count: "Count", default(0i32), Plain;
            tags: "Tags", optional, ListOf<Plain>;
            scores: "Scores", required, SparseMapOf<Float>;
            next: "Next", optional, Plain;
            r#type: "type", optional, Plain;
            message: "Message" | "message", optional, Plain;
        }
    }

    #[derive(Debug, Clone, PartialEq, Default)]
    struct Empty {}

    crate::primitives::wire::json_structure! { Empty {} }

    #[derive(Debug, Clone, PartialEq, Default)]
    struct AllOptional {
        name: Option<String>,
        size: Option<i64>,
    }

    crate::primitives::wire::json_structure! {
        AllOptional {
            name: "Name", optional, Plain;
            size: "Size", optional, Plain;
        }
    }

    #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
    enum Status {
        Active,
        Failed,
        Unknown(UnknownValue<String>),
    }

    impl Status {
        fn as_str(&self) -> &str {
            match self {
                Status::Active => "ACTIVE",
                Status::Failed => "FAILED",
                Status::Unknown(value) => value.as_str(),
            }
        }
    }

    impl From<&str> for Status {
        fn from(value: &str) -> Self {
            match value {
                "ACTIVE" => Status::Active,
                "FAILED" => Status::Failed,
                other => Status::Unknown(UnknownValue::new(other.to_owned())),
            }
        }
    }

    crate::primitives::wire::json_enum!(Status);

    #[derive(Debug, Clone, PartialEq)]
    enum Priority {
        Low,
        High,
        Unknown(UnknownValue<i32>),
    }

    impl Priority {
        fn value(&self) -> i32 {
            match self {
                Priority::Low => 1,
                Priority::High => 2,
                Priority::Unknown(value) => *value.get(),
            }
        }
    }

    impl From<i32> for Priority {
        fn from(value: i32) -> Self {
            match value {
                1 => Priority::Low,
                2 => Priority::High,
                other => Priority::Unknown(UnknownValue::new(other)),
            }
        }
    }

    crate::primitives::wire::json_int_enum!(Priority);

    #[derive(Debug, Clone, PartialEq)]
    enum Choice {
        S(String),
        Null,
        L(Vec<String>),
        M(BTreeMap<String, String>),
        Nested(Box<Choice>),
        When(Timestamp),
        Bytes(Vec<u8>),
        Number(f64),
        Deep(Vec<Option<Vec<BTreeMap<String, f64>>>>),
        Unknown { name: String, value: Document },
    }

    crate::primitives::wire::json_union! {
        Choice {
            S: "S", Plain;
            Null: "NULL", unit;
            L: "L", ListOf<Plain>;
            M: "M", MapOf<Plain>;
            Nested: "Nested", Plain;
            When: "When", DateTime;
            Bytes: "Bytes", Blob;
            Number: "Number", Float;
            Deep: "Deep", SparseListOf<ListOf<MapOf<Float>>>;
        }
        unknown: Unknown;
    }

    /// Every codec, for the round-trip property.
    #[derive(Debug, Clone, PartialEq, Default)]
    struct Rich {
        text: Option<String>,
        flag: Option<bool>,
        long: Option<i64>,
        double: Option<f64>,
        single: Option<f32>,
        blob: Option<Vec<u8>>,
        epoch: Option<Timestamp>,
        date: Option<Timestamp>,
        http: Option<Timestamp>,
        big_integer: Option<BigInteger>,
        big_decimal: Option<BigDecimal>,
        document: Option<Document>,
        list: Vec<i32>,
        sparse_list: Option<Vec<Option<String>>>,
        blobs: Option<BTreeMap<String, Vec<u8>>>,
        dates: Option<BTreeMap<String, Option<Timestamp>>>,
        matrix: Option<Vec<Vec<f64>>>,
        status: Option<Status>,
        priority: Option<Priority>,
        choice: Option<Choice>,
        by_status: Option<BTreeMap<Status, i32>>,
        level: i64,
    }

    crate::primitives::wire::json_structure! {
        Rich {
            text: "text", optional, Plain;
            flag: "flag", optional, Plain;
            long: "long", optional, Plain;
            double: "double", optional, Float;
            single: "single", optional, Float;
            blob: "blob", optional, Blob;
            epoch: "epoch", optional, EpochSeconds;
            date: "date", optional, DateTime;
            http: "http", optional, HttpDate;
            big_integer: "bigInteger", optional, BigNumber;
            big_decimal: "bigDecimal", optional, Plain;
            document: "document", optional, Plain;
            list: "list", required, ListOf<Plain>;
            sparse_list: "sparseList", optional, SparseListOf<Plain>;
            blobs: "blobs", optional, MapOf<Blob>;
            dates: "dates", optional, SparseMapOf<DateTime>;
            matrix: "matrix", optional, ListOf<ListOf<Float>>;
            status: "status", optional, Plain;
            priority: "priority", optional, Plain;
            choice: "choice", optional, Plain;
            by_status: "byStatus", optional, MapOf<Plain>;
            level: "level", default(7), Plain;
        }
    }

    fn ts(secs: i64, nanos: u32) -> Timestamp {
        Timestamp::from_secs_and_nanos(secs, nanos).unwrap()
    }

    fn to_json<T: Serialize>(value: &T) -> String {
        ::serde_json::to_string(value).unwrap()
    }

    fn from_json<T: DeserializeOwned>(text: &str) -> T {
        ::serde_json::from_str(text).unwrap_or_else(|err| panic!("{text}: {err}"))
    }

    fn error_of<T: DeserializeOwned + fmt::Debug>(text: &str) -> String {
        ::serde_json::from_str::<T>(text).unwrap_err().to_string()
    }

    fn config() -> Config {
        Config {
            path: "s3://bucket/key".to_owned(),
            role_arn: "arn:aws:iam::1:role/r".to_owned(),
            kms_key_arn: None,
            creation_time: None,
            count: 0,
            tags: None,
            scores: BTreeMap::new(),
            next: None,
            r#type: None,
            message: None,
        }
    }

    /// Reads `text` through codec `C`.
    fn read<T, C: Codec<T>>(text: &str) -> Result<T, ::serde_json::Error> {
        let mut deserializer = ::serde_json::Deserializer::from_str(text);
        let value = C::deserialize(&mut deserializer)?;
        deserializer.end().map(|()| value)
    }

    /// Writes `value` through codec `C`.
    fn write<T, C: Codec<T>>(value: &T) -> String {
        ::serde_json::to_string(&Ser::<T, C>::new(value)).unwrap()
    }

    #[test]
    fn structure_uses_exact_member_names_in_order() {
        let mut value = config();
        value.kms_key_arn = Some("key".to_owned());
        value.count = 3;
        value.r#type = Some(Status::Active);
        value.message = Some("hi".to_owned());
        let text = to_json(&value);
        assert_eq!(
            text,
            r#"{"Path":"s3://bucket/key","RoleArn":"arn:aws:iam::1:role/r","KMSKeyArn":"key","Count":3,"Scores":{},"type":"ACTIVE","Message":"hi"}"#
        );
        assert_eq!(from_json::<Config>(&text), value);
    }

    #[test]
    fn absent_optional_members_are_not_written() {
        assert_eq!(
            to_json(&config()),
            r#"{"Path":"s3://bucket/key","RoleArn":"arn:aws:iam::1:role/r","Count":0,"Scores":{}}"#
        );
        assert_eq!(to_json(&AllOptional::default()), "{}");
        assert_eq!(to_json(&Empty {}), "{}");
    }

    #[test]
    fn null_members_count_as_absent() {
        let text = r#"{"Path":"p","RoleArn":"r","KMSKeyArn":null,"Count":null,"Tags":null,"Scores":{},"Next":null,"type":null}"#;
        let value: Config = from_json(text);
        assert_eq!(value.kms_key_arn, None);
        assert_eq!(value.count, 0);
        assert_eq!(value.tags, None);
        assert_eq!(value.next, None);
        assert_eq!(value.r#type, None);
    }

    #[test]
    fn missing_or_null_required_member_is_an_error_naming_it() {
        let message = error_of::<Config>(r#"{"RoleArn":"r","Scores":{}}"#);
        assert!(message.starts_with("missing field `Path`"), "{message}");
        let message = error_of::<Config>(r#"{"Path":null,"RoleArn":"r","Scores":{}}"#);
        assert!(message.starts_with("missing field `Path`"), "{message}");
        let message = error_of::<Config>(r#"{"Path":"p","RoleArn":"r"}"#);
        assert!(message.starts_with("missing field `Scores`"), "{message}");
        let message = error_of::<Config>("{}");
        assert!(message.starts_with("missing field `Path`"), "{message}");
    }

    #[test]
    fn default_members_fill_in_when_missing_or_null() {
        let value: Config = from_json(r#"{"Path":"p","RoleArn":"r","Scores":{}}"#);
        assert_eq!(value.count, 0);
        let value: Rich = from_json(r#"{"list":[]}"#);
        assert_eq!(value.level, 7);
        let value: Rich = from_json(r#"{"list":[],"level":null}"#);
        assert_eq!(value.level, 7);
        let value: Rich = from_json(r#"{"list":[],"level":-3}"#);
        assert_eq!(value.level, -3);
        assert!(to_json(&value).ends_with(r#""level":-3}"#));
    }

    #[test]
    fn unknown_members_are_ignored() {
        let text = r#"{"Extra":{"deep":[1,{"__type":"x"}]},"Path":"p","RoleArn":"r","path":"lower","Scores":{},"More":null}"#;
        let value: Config = from_json(text);
        assert_eq!(value.path, "p");
        // Keys with escapes arrive as owned or copied strings.
        let value: Config = from_json(r#"{"\u0050ath":"p","RoleArn":"r","Scores":{}}"#);
        assert_eq!(value.path, "p");
        let value: Config = ::serde_json::from_reader(text.as_bytes()).unwrap();
        assert_eq!(value.role_arn, "r");
        let value: Config =
            ::serde_json::from_value(json!({"Path":"p","RoleArn":"r","Scores":{}})).unwrap();
        assert_eq!(value.path, "p");
    }

    #[test]
    fn empty_body_is_valid_when_every_member_is_optional() {
        assert_eq!(from_json::<AllOptional>("{}"), AllOptional::default());
        assert_eq!(from_json::<Empty>("{}"), Empty {});
        assert_eq!(from_json::<Empty>(r#"{"a":1,"b":[null]}"#), Empty {});
        assert!(::serde_json::from_str::<Empty>("null").is_err());
        assert!(::serde_json::from_str::<AllOptional>("null").is_err());
        assert!(::serde_json::from_str::<AllOptional>("[]").is_err());
        let message = error_of::<AllOptional>("3");
        assert!(
            message.contains("expected a AllOptional object"),
            "{message}"
        );
    }

    #[test]
    fn alias_names_are_accepted_on_input_only() {
        let value: Config = from_json(r#"{"Path":"p","RoleArn":"r","Scores":{},"message":"m"}"#);
        assert_eq!(value.message.as_deref(), Some("m"));
        assert!(to_json(&value).contains(r#""Message":"m""#));
    }

    #[test]
    fn raw_identifier_field_round_trips() {
        let value: Config = from_json(r#"{"Path":"p","RoleArn":"r","Scores":{},"type":"NEW"}"#);
        assert_eq!(value.r#type.as_ref().map(Status::as_str), Some("NEW"));
        assert!(to_json(&value).contains(r#""type":"NEW""#));
    }

    #[test]
    fn recursion_through_box() {
        let mut inner = config();
        inner.path = "inner".to_owned();
        let mut outer = config();
        outer.next = Some(Box::new(inner.clone()));
        let text = to_json(&outer);
        assert!(text.contains(r#""Next":{"Path":"inner""#), "{text}");
        assert_eq!(from_json::<Config>(&text), outer);
    }

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

    #[test]
    fn blobs_are_base64_both_ways() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"binary-value", "YmluYXJ5LXZhbHVl"),
            (&[0xfb, 0xff, 0xbf], "+/+/"),
        ];
        for (bytes, text) in cases {
            assert_eq!(
                write::<Vec<u8>, Blob>(&bytes.to_vec()),
                format!("\"{text}\"")
            );
            assert_eq!(
                read::<Vec<u8>, Blob>(&format!("\"{text}\"")).unwrap(),
                bytes
            );
            let unpadded = text.trim_end_matches('=');
            assert_eq!(
                read::<Vec<u8>, Blob>(&format!("\"{unpadded}\"")).unwrap(),
                bytes
            );
        }
        for bad in [
            "\"Z\"",
            "\"Zm9v=\"",
            "\"Zg=\"",
            "\"Z===\"",
            "\"====\"",
            "\"Zm-v\"",
            "\"Zm 9v\"",
            "\"Zg==Zg==\"",
            "3",
        ] {
            assert!(read::<Vec<u8>, Blob>(bad).is_err(), "{bad}");
        }
        let message = read::<Vec<u8>, Blob>("\"%%\"").unwrap_err().to_string();
        assert!(message.contains("expected a base64 string"), "{message}");
    }

    #[test]
    fn base64_round_trip_property() {
        let mut rng = Rng(3);
        for length in 0..300_usize {
            let bytes: Vec<u8> = (0..length).map(|_| rng.next() as u8).collect();
            let text = base64_encode(&bytes);
            assert_eq!(text.len(), length.div_ceil(3) * 4);
            assert_eq!(base64_decode(&text).as_deref(), Some(&bytes[..]), "{text}");
        }
    }

    #[test]
    fn epoch_seconds_exact_both_ways() {
        assert_eq!(
            write::<Timestamp, EpochSeconds>(&ts(946_845_296, 0)),
            "946845296"
        );
        assert_eq!(
            write::<Timestamp, EpochSeconds>(&ts(946_845_296, 123_000_000)),
            "946845296.123"
        );
        assert_eq!(
            write::<Timestamp, EpochSeconds>(&ts(-2, 500_000_000)),
            "-1.5"
        );
        assert_eq!(
            read::<Timestamp, EpochSeconds>("946845296").unwrap(),
            ts(946_845_296, 0)
        );
        assert_eq!(
            read::<Timestamp, EpochSeconds>("946845296.123").unwrap(),
            ts(946_845_296, 123_000_000)
        );
        assert_eq!(
            read::<Timestamp, EpochSeconds>("1.592862237193E9").unwrap(),
            ts(1_592_862_237, 193_000_000)
        );
        assert_eq!(
            read::<Timestamp, EpochSeconds>("-1.5").unwrap(),
            ts(-2, 500_000_000)
        );
        assert_eq!(
            read::<Timestamp, EpochSeconds>("-946845296.123").unwrap(),
            ts(-946_845_297, 877_000_000)
        );
        // Rounded to the microsecond through f64 (exact when serde_json's
        // `arbitrary_precision` feature is on).
        let rounded = read::<Timestamp, EpochSeconds>("0.9999996").unwrap();
        assert!(
            [ts(1, 0), ts(0, 999_999_600)].contains(&rounded),
            "{rounded:?}"
        );
        assert_eq!(
            read::<Timestamp, EpochSeconds>("946845296.0").unwrap(),
            ts(946_845_296, 0)
        );
        for bad in [
            "\"946845296\"",
            "1e300",
            "-1e300",
            "18446744073709551615",
            "null",
        ] {
            assert!(read::<Timestamp, EpochSeconds>(bad).is_err(), "{bad}");
        }
        // `Plain` uses the same impls.
        assert_eq!(to_json(&ts(946_845_296, 123_000_000)), "946845296.123");
        assert_eq!(
            from_json::<Timestamp>("946845296.123"),
            ts(946_845_296, 123_000_000)
        );
    }

    #[test]
    fn epoch_seconds_microsecond_property() {
        // Present-day instants at microsecond precision survive the f64 trip.
        let mut rng = Rng(11);
        for _ in 0..20_000 {
            let secs = (rng.next() % 4_000_000_000) as i64;
            let nanos = (rng.next() % 1_000_000) as u32 * 1000;
            let t = ts(secs, nanos);
            let text = write::<Timestamp, EpochSeconds>(&t);
            assert_eq!(text, t.to_epoch_seconds_string());
            assert_eq!(read::<Timestamp, EpochSeconds>(&text).unwrap(), t, "{text}");
        }
    }

    #[test]
    fn date_time_and_http_date_codecs() {
        let t = ts(946_845_296, 0);
        assert_eq!(write::<Timestamp, DateTime>(&t), "\"2000-01-02T20:34:56Z\"");
        assert_eq!(
            write::<Timestamp, HttpDate>(&t),
            "\"Sun, 02 Jan 2000 20:34:56 GMT\""
        );
        let f = ts(946_845_296, 123_000_000);
        assert_eq!(
            write::<Timestamp, DateTime>(&f),
            "\"2000-01-02T20:34:56.123Z\""
        );
        assert_eq!(
            write::<Timestamp, HttpDate>(&f),
            "\"Sun, 02 Jan 2000 20:34:56.123 GMT\""
        );
        assert_eq!(
            read::<Timestamp, DateTime>("\"2000-01-02T20:34:56.123Z\"").unwrap(),
            f
        );
        assert_eq!(
            read::<Timestamp, DateTime>("\"2000-01-02T19:34:56-01:00\"").unwrap(),
            t
        );
        assert_eq!(
            read::<Timestamp, HttpDate>("\"Sun, 02 Jan 2000 20:34:56.123 GMT\"").unwrap(),
            f
        );
        let message = read::<Timestamp, DateTime>("\"2000-01-02\"")
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("invalid date-time timestamp"),
            "{message}"
        );
        assert!(read::<Timestamp, HttpDate>("946845296").is_err());
        assert!(read::<Timestamp, DateTime>("\"Sun, 02 Jan 2000 20:34:56 GMT\"").is_err());
    }

    #[test]
    fn non_sparse_lists_and_maps_skip_nulls() {
        let value: Config =
            from_json(r#"{"Path":"p","RoleArn":"r","Scores":{},"Tags":["a",null,"b"]}"#);
        assert_eq!(value.tags, Some(vec!["a".to_owned(), "b".to_owned()]));
        let value: Rich = from_json(r#"{"list":[null,1,null,2],"blobs":{"a":"Zg==","b":null}}"#);
        assert_eq!(value.list, [1, 2]);
        let blobs = value.blobs.unwrap();
        assert_eq!(blobs.len(), 1);
        assert_eq!(blobs["a"], b"f");
    }

    #[test]
    fn sparse_lists_and_maps_keep_nulls() {
        let text =
            r#"{"list":[],"sparseList":["a",null],"dates":{"x":null,"y":"2000-01-02T20:34:56Z"}}"#;
        let value: Rich = from_json(text);
        assert_eq!(value.sparse_list, Some(vec![Some("a".to_owned()), None]));
        let dates = value.dates.as_ref().unwrap();
        assert_eq!(dates["x"], None);
        assert_eq!(dates["y"], Some(ts(946_845_296, 0)));
        assert_eq!(
            to_json(&value),
            r#"{"list":[],"sparseList":["a",null],"dates":{"x":null,"y":"2000-01-02T20:34:56Z"},"level":7}"#
        );
    }

    #[test]
    fn empty_lists_and_maps_are_written() {
        let value = Rich {
            sparse_list: Some(Vec::new()),
            blobs: Some(BTreeMap::new()),
            ..Rich::default()
        };
        assert_eq!(
            to_json(&value),
            r#"{"list":[],"sparseList":[],"blobs":{},"level":0}"#
        );
        assert_eq!(from_json::<Rich>(&to_json(&value)), value);
    }

    #[test]
    fn lists_and_maps_reject_other_types() {
        assert!(::serde_json::from_str::<Rich>(r#"{"list":{}}"#).is_err());
        assert!(::serde_json::from_str::<Rich>(r#"{"list":[],"blobs":[]}"#).is_err());
        assert!(::serde_json::from_str::<Rich>(r#"{"list":["1"]}"#).is_err());
        let message = error_of::<Rich>(r#"{"list":3}"#);
        assert!(message.contains("expected a list"), "{message}");
    }

    #[test]
    fn union_reads_and_writes_one_member() {
        let cases = [
            (Choice::S("x".to_owned()), r#"{"S":"x"}"#),
            (Choice::Null, r#"{"NULL":{}}"#),
            (Choice::L(vec!["a".to_owned()]), r#"{"L":["a"]}"#),
            (
                Choice::M(BTreeMap::from([("k".to_owned(), "v".to_owned())])),
                r#"{"M":{"k":"v"}}"#,
            ),
            (
                Choice::Nested(Box::new(Choice::Null)),
                r#"{"Nested":{"NULL":{}}}"#,
            ),
            (
                Choice::When(ts(946_845_296, 0)),
                r#"{"When":"2000-01-02T20:34:56Z"}"#,
            ),
            (Choice::Bytes(b"foo".to_vec()), r#"{"Bytes":"Zm9v"}"#),
            (Choice::Number(f64::INFINITY), r#"{"Number":"Infinity"}"#),
            (
                Choice::Deep(vec![
                    None,
                    Some(vec![BTreeMap::from([("x".to_owned(), f64::NEG_INFINITY)])]),
                ]),
                r#"{"Deep":[null,[{"x":"-Infinity"}]]}"#,
            ),
        ];
        for (value, text) in cases {
            assert_eq!(to_json(&value), text);
            assert_eq!(from_json::<Choice>(text), value);
        }
    }

    #[test]
    fn union_unit_member_reads_any_value() {
        for text in [
            r#"{"NULL":{}}"#,
            r#"{"NULL":true}"#,
            r#"{"NULL":{"a":[1]}}"#,
            r#"{"NULL":"x"}"#,
        ] {
            assert_eq!(from_json::<Choice>(text), Choice::Null, "{text}");
        }
    }

    #[test]
    fn union_ignores_type_and_null_members() {
        let value: Choice = from_json(r#"{"__type":"aws#Choice","S":"x"}"#);
        assert_eq!(value, Choice::S("x".to_owned()));
        let value: Choice = from_json(r#"{"S":null,"L":["a"],"NULL":null,"Other":null}"#);
        assert_eq!(value, Choice::L(vec!["a".to_owned()]));
    }

    #[test]
    fn union_with_zero_or_two_members_is_an_error() {
        for text in ["{}", r#"{"__type":"x"}"#, r#"{"S":null}"#] {
            let message = error_of::<Choice>(text);
            assert!(
                message.starts_with("union Choice must have exactly one member, found none"),
                "{message}"
            );
        }
        for text in [
            r#"{"S":"x","L":[]}"#,
            r#"{"S":"x","Other":1}"#,
            r#"{"S":"x","S":"y"}"#,
        ] {
            let message = error_of::<Choice>(text);
            assert!(
                message
                    .starts_with("union Choice must have exactly one member, found more than one"),
                "{message}"
            );
        }
        assert!(::serde_json::from_str::<Choice>("\"S\"").is_err());
        assert!(::serde_json::from_str::<Choice>("null").is_err());
    }

    #[test]
    fn union_keeps_unknown_members() {
        let text = r#"{"Future":{"b":[1,-2,2.5,true,null,"s"],"a":{}}}"#;
        let value: Choice = from_json(text);
        let Choice::Unknown {
            name,
            value: document,
        } = &value
        else {
            panic!("{value:?}");
        };
        assert_eq!(name, "Future");
        assert_eq!(document.as_object().unwrap().len(), 2);
        // Members come back sorted, which JSON readers do not care about.
        assert_eq!(
            to_json(&value),
            r#"{"Future":{"a":{},"b":[1,-2,2.5,true,null,"s"]}}"#
        );
        assert_eq!(from_json::<Choice>(&to_json(&value)), value);
        let escaped: Choice = from_json(r#"{"Fu\u0074ure":1}"#);
        assert!(matches!(escaped, Choice::Unknown { name, .. } if name == "Future"));
    }

    #[test]
    fn enum_values_round_trip_including_unknown_ones() {
        assert_eq!(to_json(&Status::Active), "\"ACTIVE\"");
        assert_eq!(from_json::<Status>("\"FAILED\""), Status::Failed);
        let unknown: Status = from_json("\"SOMETHING_NEW\"");
        assert_eq!(unknown.as_str(), "SOMETHING_NEW");
        assert_eq!(to_json(&unknown), "\"SOMETHING_NEW\"");
        assert!(::serde_json::from_str::<Status>("1").is_err());
        let by_status: BTreeMap<Status, i32> =
            read::<_, MapOf<Plain>>(r#"{"ACTIVE":1,"NEW":2}"#).unwrap();
        assert_eq!(by_status[&Status::Active], 1);
        assert_eq!(
            write::<_, MapOf<Plain>>(&by_status),
            r#"{"ACTIVE":1,"NEW":2}"#
        );
    }

    #[test]
    fn int_enum_values_round_trip_including_unknown_ones() {
        assert_eq!(to_json(&Priority::High), "2");
        assert_eq!(from_json::<Priority>("1"), Priority::Low);
        let unknown: Priority = from_json("-40");
        assert_eq!(unknown, Priority::Unknown(UnknownValue::new(-40)));
        assert_eq!(to_json(&unknown), "-40");
        assert!(::serde_json::from_str::<Priority>("\"1\"").is_err());
        assert!(::serde_json::from_str::<Priority>("3000000000").is_err());
        assert!(::serde_json::from_str::<Priority>("1.5").is_err());
    }

    #[test]
    fn documents_round_trip_any_json() {
        let text = r#"{"a":[1,-1,0.5,"x",true,false,null,{}],"b":{"c":18446744073709551615},"d":-9223372036854775808}"#;
        let document: Document = from_json(text);
        assert_eq!(to_json(&document), text);
        let members = document.as_object().unwrap();
        assert_eq!(
            members["b"].as_object().unwrap()["c"],
            Document::from(u64::MAX)
        );
        assert_eq!(members["d"], Document::from(i64::MIN));
        for scalar in ["null", "true", "\"s\"", "1", "-1", "1.5", "[]", "{}"] {
            assert_eq!(to_json(&from_json::<Document>(scalar)), scalar);
        }
        assert_eq!(
            from_json::<Document>("1"),
            Document::Number(Number::PosInt(1))
        );
        assert_eq!(
            from_json::<Document>("-1"),
            Document::Number(Number::NegInt(-1))
        );
        assert_eq!(
            from_json::<Document>("1.0"),
            Document::Number(Number::Float(1.0))
        );
        // NaN has no JSON form; serde_json writes it as null.
        assert_eq!(to_json(&Document::from(f64::NAN)), "null");
        assert_eq!(from_json::<Number>("-7"), Number::NegInt(-7));
        assert!(::serde_json::from_str::<Number>("\"7\"").is_err());
        let rich: Rich = from_json(r#"{"list":[],"document":{"x":null}}"#);
        assert_eq!(
            rich.document,
            Some(Document::Object(BTreeMap::from([(
                "x".to_owned(),
                Document::Null
            )])))
        );
        // A null member is absent, even for a document.
        let rich: Rich = from_json(r#"{"list":[],"document":null}"#);
        assert_eq!(rich.document, None);
    }

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

    /// Drawn timestamps round-trip through their codecs; epoch seconds with a
    /// fraction only within 2^33 seconds of 1970, which is why they are drawn there.
    #[cfg(feature = "arbitrary")]
    #[test]
    fn drawn_timestamps_round_trip_through_their_codecs() {
        use crate::primitives::arbitrary as drawn;
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..4_000 {
            let bytes: Vec<u8> = (0..8)
                .flat_map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state.to_le_bytes()
                })
                .collect();
            let mut u = ::arbitrary::Unstructured::new(&bytes);
            let epoch: Timestamp = drawn::draw::<drawn::Any, _>(&mut u).unwrap();
            assert_eq!(from_json::<Timestamp>(&to_json(&epoch)), epoch, "{epoch:?}");
            let date: Timestamp = drawn::draw::<drawn::DateTime, _>(&mut u).unwrap();
            assert_eq!(read::<_, DateTime>(&write::<_, DateTime>(&date)).unwrap(), date);
            let http: Timestamp = drawn::draw::<drawn::HttpDate, _>(&mut u).unwrap();
            assert_eq!(read::<_, HttpDate>(&write::<_, HttpDate>(&http)).unwrap(), http);
        }
        let limit = 1_i64 << 33;
        for secs in [-limit, -limit + 1, -1, 0, limit - 2, limit - 1] {
            for micros in [1, 499_999, 500_001, 999_999] {
                let stamp = ts(secs, micros * 1_000);
                assert_eq!(from_json::<Timestamp>(&to_json(&stamp)), stamp, "{stamp:?}");
            }
        }
        let lost = (0..1_000_000_u32).step_by(997).find(|micros| {
            let stamp = ts((1 << 35) + 12_345, micros * 1_000);
            from_json::<Timestamp>(&to_json(&stamp)) != stamp
        });
        assert!(lost.is_some(), "past 2^34 seconds some microseconds are lost");
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

    #[test]
    fn error_code_prefers_header_then_code_then_type() {
        let body = br#"{"code":"FromCode","__type":"FromType"}"#;
        assert_eq!(
            error_code(Some("FromHeader"), body).as_deref(),
            Some("FromHeader")
        );
        assert_eq!(error_code(None, body).as_deref(), Some("FromCode"));
        assert_eq!(
            error_code(None, br#"{"__type":"FromType"}"#).as_deref(),
            Some("FromType")
        );
        assert_eq!(
            error_code(Some(""), br#"{"__type":"FromType"}"#).as_deref(),
            Some("FromType")
        );
        assert_eq!(
            error_code(None, br#"{"code":3,"__type":"FromType"}"#).as_deref(),
            Some("FromType")
        );
    }

    #[test]
    fn error_code_sanitizes_smithy_forms() {
        for raw in [
            "FooError",
            "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
            "aws.protocoltests.restjson#FooError",
            "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        ] {
            assert_eq!(error_code(Some(raw), b"").as_deref(), Some("FooError"), "{raw}");
            let body = format!(r#"{{"__type":"{raw}"}}"#);
            assert_eq!(error_code(None, body.as_bytes()).as_deref(), Some("FooError"), "{raw}");
            let body = format!(r#"{{"code":"{raw}"}}"#);
            assert_eq!(error_code(None, body.as_bytes()).as_deref(), Some("FooError"), "{raw}");
        }
    }

    #[test]
    fn error_code_ignores_nested_type_and_bad_bodies() {
        let nested = br#"{"Nested":{"__type":"Inner"},"message":"m"}"#;
        assert_eq!(error_code(None, nested), None);
        assert_eq!(error_code(None, b""), None);
        assert_eq!(error_code(None, b"not json"), None);
        assert_eq!(error_code(None, b"[\"__type\"]"), None);
        assert_eq!(
            error_code(Some("Header"), b"not json").as_deref(),
            Some("Header")
        );
        assert_eq!(
            error_code(Some("aws#Header"), b"").as_deref(),
            Some("Header")
        );
    }

    #[test]
    fn error_message_reads_the_three_spellings() {
        assert_eq!(error_message(br#"{"message":"a"}"#).as_deref(), Some("a"));
        assert_eq!(error_message(br#"{"Message":"b"}"#).as_deref(), Some("b"));
        assert_eq!(
            error_message(br#"{"errorMessage":"c"}"#).as_deref(),
            Some("c")
        );
        assert_eq!(
            error_message(br#"{"Message":"b","message":"a"}"#).as_deref(),
            Some("a")
        );
        assert_eq!(
            error_message(br#"{"message":null,"Message":"b"}"#).as_deref(),
            Some("b")
        );
        assert_eq!(error_message(br#"{"message":1}"#), None);
        assert_eq!(error_message(br#"{"Inner":{"message":"x"}}"#), None);
        assert_eq!(error_message(b""), None);
        assert_eq!(error_message(b"<html>"), None);
    }

    #[test]
    fn from_body_reads_an_empty_body_as_an_empty_object() {
        assert_eq!(
            from_body::<AllOptional>(b"").unwrap(),
            AllOptional::default()
        );
        assert_eq!(
            from_body::<AllOptional>(b" \r\n\t").unwrap(),
            AllOptional::default()
        );
        assert_eq!(from_body::<Empty>(b"").unwrap(), Empty {});
        let value: AllOptional = from_body(br#"{"Name":"n","Size":2}"#).unwrap();
        assert_eq!(value.name.as_deref(), Some("n"));
        let message = from_body::<Config>(b"").unwrap_err().to_string();
        assert!(message.starts_with("missing field `Path`"), "{message}");
        assert!(from_body::<AllOptional>(b"{").is_err());
    }

    /// Deterministic pseudo-random numbers (xorshift64*), for property loops.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn chance(&mut self) -> bool {
            self.next() % 2 == 0
        }

        fn maybe<T>(&mut self, make: impl FnOnce(&mut Self) -> T) -> Option<T> {
            if self.chance() {
                Some(make(self))
            } else {
                None
            }
        }

        fn text(&mut self) -> String {
            let pieces = [
                "a",
                "Z",
                "0",
                " ",
                "\"",
                "\\",
                "\n",
                "é",
                "日本",
                "\u{1f600}",
                "\u{0}",
                "/",
            ];
            let length = self.next() % 6;
            (0..length)
                .map(|_| pieces[(self.next() % pieces.len() as u64) as usize])
                .collect()
        }

        /// A float whose decimal text reads back exactly.
        fn float(&mut self) -> f64 {
            match self.next() % 6 {
                0 => f64::INFINITY,
                1 => f64::NEG_INFINITY,
                2 => 0.1,
                // Few enough digits for serde_json's default float parser,
                // which may be one ulp off for long mantissas.
                _ => ((self.next() as i32) >> 8) as f64 / 64.0,
            }
        }

        fn bytes(&mut self) -> Vec<u8> {
            let length = self.next() % 10;
            (0..length).map(|_| self.next() as u8).collect()
        }

        /// An instant in years 0000 to 9999 with any nanoseconds.
        fn instant(&mut self) -> Timestamp {
            let secs = (self.next() % 315_537_897_600) as i64 - 62_167_219_200;
            ts(secs, (self.next() % 1_000_000_000) as u32)
        }

        fn status(&mut self) -> Status {
            match self.next() % 3 {
                0 => Status::Active,
                1 => Status::Failed,
                _ => Status::from(self.text().as_str()),
            }
        }

        fn document(&mut self, depth: u32) -> Document {
            match self.next() % if depth > 2 { 6 } else { 8 } {
                0 => Document::Null,
                1 => Document::Bool(self.chance()),
                2 => Document::from(self.next()),
                3 => Document::from(-((self.next() >> 1) as i64) - 1),
                4 => Document::from((self.next() as i32) as f64 / 8.0 + 0.5),
                5 => Document::from(self.text()),
                6 => Document::Array(
                    (0..self.next() % 4)
                        .map(|_| self.document(depth + 1))
                        .collect(),
                ),
                _ => Document::Object(
                    (0..self.next() % 4)
                        .map(|_| (self.text(), self.document(depth + 1)))
                        .collect(),
                ),
            }
        }

        fn choice(&mut self, depth: u32) -> Choice {
            match self.next() % if depth > 2 { 8 } else { 9 } {
                0 => Choice::S(self.text()),
                1 => Choice::Null,
                2 => Choice::L((0..self.next() % 3).map(|_| self.text()).collect()),
                3 => Choice::M(
                    (0..self.next() % 3)
                        .map(|_| (self.text(), self.text()))
                        .collect(),
                ),
                4 => Choice::When(self.instant()),
                5 => Choice::Bytes(self.bytes()),
                6 => Choice::Number(self.float()),
                7 => Choice::Unknown {
                    name: format!("New{}", self.text()),
                    value: match self.document(1) {
                        Document::Null => Document::Bool(true),
                        other => other,
                    },
                },
                _ => Choice::Nested(Box::new(self.choice(depth + 1))),
            }
        }

        fn rich(&mut self) -> Rich {
            Rich {
                text: self.maybe(Self::text),
                flag: self.maybe(Self::chance),
                long: self.maybe(|rng| rng.next() as i64),
                double: self.maybe(Self::float),
                single: self.maybe(|rng| (rng.next() as i16) as f32 / 64.0),
                blob: self.maybe(Self::bytes),
                epoch: self.maybe(|rng| {
                    let secs = (rng.next() % 4_000_000_000) as i64 - 1_000_000_000;
                    ts(secs, (rng.next() % 1_000_000) as u32 * 1000)
                }),
                date: self.maybe(Self::instant),
                http: self.maybe(Self::instant),
                big_integer: self.maybe(|rng| BigInteger::from(rng.next() as i64)),
                big_decimal: self
                    .maybe(|rng| BigDecimal::try_from((rng.next() as i32) as f64 / 4.0).unwrap()),
                document: self.maybe(|rng| match rng.document(0) {
                    Document::Null => Document::from("not null"),
                    other => other,
                }),
                list: (0..self.next() % 4).map(|_| self.next() as i32).collect(),
                sparse_list: self
                    .maybe(|rng| (0..rng.next() % 4).map(|_| rng.maybe(Self::text)).collect()),
                blobs: self.maybe(|rng| {
                    (0..rng.next() % 3)
                        .map(|_| (rng.text(), rng.bytes()))
                        .collect()
                }),
                dates: self.maybe(|rng| {
                    (0..rng.next() % 3)
                        .map(|_| (rng.text(), rng.maybe(Self::instant)))
                        .collect()
                }),
                matrix: self.maybe(|rng| {
                    (0..rng.next() % 3)
                        .map(|_| (0..rng.next() % 3).map(|_| rng.float()).collect())
                        .collect()
                }),
                status: self.maybe(Self::status),
                priority: self.maybe(|rng| Priority::from((rng.next() % 5) as i32 - 1)),
                choice: self.maybe(|rng| rng.choice(0)),
                by_status: self.maybe(|rng| {
                    (0..rng.next() % 3)
                        .map(|_| (rng.status(), rng.next() as i32))
                        .collect()
                }),
                level: self.next() as i64,
            }
        }
    }

    #[test]
    fn rich_structure_round_trip_property() {
        let mut rng = Rng(0x1234_5678);
        for _ in 0..3_000 {
            let value = rng.rich();
            let text = to_json(&value);
            let back: Rich = from_json(&text);
            assert_eq!(back, value, "{text}");
            assert_eq!(to_json(&back), text);
            // The same text through serde_json's reader and `Value` paths.
            let from_reader: Rich = ::serde_json::from_reader(text.as_bytes()).unwrap();
            assert_eq!(from_reader, value);
            let tree: ::serde_json::Value = ::serde_json::from_str(&text).unwrap();
            assert_eq!(::serde_json::to_string(&tree).unwrap().len(), text.len());
        }
    }

    mod shadowing {
        //! Generated crates may define types named like std's or like the
        //! codecs; the macros must not pick them up.
        #![allow(dead_code)]

        use crate::primitives::{Document, Timestamp};

        struct String;
        struct Option;
        struct Result;
        struct Vec;
        struct Box;
        struct Error;
        struct Ok;
        trait Default {}
        trait Serialize {}
        trait Deserialize {}
        struct Plain;
        struct Float;
        struct ListOf;

        #[derive(Debug, PartialEq)]
        struct DateTime {
            at: ::std::option::Option<Timestamp>,
            names: ::std::vec::Vec<::std::string::String>,
            count: i32,
        }

        crate::primitives::wire::json_structure! {
            DateTime {
                at: "At", optional, DateTime;
                names: "Names", required, ListOf<Plain>;
                count: "Count", default(1), Plain;
            }
        }

        #[derive(Debug, PartialEq)]
        enum Blob {
            Bytes(::std::vec::Vec<u8>),
            Nothing,
            Inner(::std::boxed::Box<DateTime>),
            Unknown {
                name: ::std::string::String,
                value: Document,
            },
        }

        crate::primitives::wire::json_union! {
            Blob {
                Bytes: "Bytes", Blob;
                Nothing: "Nothing", unit;
                Inner: "Inner", Plain;
            }
            unknown: Unknown;
        }

        #[test]
        fn macros_use_absolute_paths() {
            let value = DateTime {
                at: ::std::option::Option::Some(Timestamp::from_secs(946_845_296)),
                names: ::std::vec!["a".to_owned()],
                count: 1,
            };
            let text = ::serde_json::to_string(&value).unwrap();
            assert_eq!(
                text,
                r#"{"At":"2000-01-02T20:34:56Z","Names":["a"],"Count":1}"#
            );
            let back: DateTime =
                ::serde_json::from_str(r#"{"At":"2000-01-02T20:34:56Z","Names":["a"]}"#).unwrap();
            assert_eq!(back, value);
            let blob = Blob::Inner(::std::boxed::Box::new(value));
            let text = ::serde_json::to_string(&blob).unwrap();
            assert_eq!(::serde_json::from_str::<Blob>(&text).unwrap(), blob);
            let bytes: Blob = ::serde_json::from_str(r#"{"Bytes":"Zm9v"}"#).unwrap();
            assert_eq!(bytes, Blob::Bytes(b"foo".to_vec()));
            let nothing: Blob = ::serde_json::from_str(r#"{"Nothing":{}}"#).unwrap();
            assert_eq!(nothing, Blob::Nothing);
        }
    }
}
