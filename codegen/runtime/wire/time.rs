//! Timestamps as epoch seconds, RFC 3339 and IMF-fixdate strings.
//!
//! Writing uses the format the member declares. Reading accepts any of them,
//! since some servers write another than the model names: a JSON number is
//! epoch seconds, a JSON string a date-time or an http-date.

use super::number::number_text;
use super::Codec;
use crate::primitives::{Timestamp, TimestampError};
use ::core::fmt;
use ::serde::de::{self, Unexpected, Visitor};
use ::serde::ser;
use ::serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A [`Timestamp`] as a number of seconds since the epoch.
pub(crate) struct EpochSeconds;
/// A [`Timestamp`] as an RFC 3339 string.
pub(crate) struct DateTime;
/// A [`Timestamp`] as an IMF-fixdate string.
pub(crate) struct HttpDate;

/// The text formats a timestamp string may have, for error messages.
const TEXT_FORMATS: &str = "date-time or http-date";
/// What a valid timestamp string looks like, for error messages.
const TEXT_FORMS: &str =
    "RFC 3339 such as `2000-01-02T20:34:56Z` or IMF-fixdate such as `Sun, 02 Jan 2000 20:34:56 GMT`";

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
    /// Reads a timestamp in any of Smithy's formats, whatever the member
    /// declares, since some servers write another: a JSON number is epoch
    /// seconds, a string is an RFC 3339 date-time or an IMF-fixdate. A number
    /// with a fraction arrives as an `f64` and is rounded to the nearest
    /// microsecond, so `946845296.123` gives 946845296 s and 123_000_000 ns;
    /// a string is read exactly.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TimestampVisitor)
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

/// Reads a JSON number of seconds since the epoch, or a string in RFC 3339 or
/// IMF-fixdate.
struct TimestampVisitor;

impl<'de> Visitor<'de> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(
            "a number of seconds since 1970-01-01T00:00:00Z, \
             or an RFC 3339 date-time or IMF-fixdate string",
        )
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Timestamp, E> {
        Timestamp::parse_date_time(value)
            .or_else(|_| Timestamp::parse_http_date(value))
            .map_err(|_| {
                E::custom(TimestampError::invalid_text(
                    TEXT_FORMATS,
                    TEXT_FORMS,
                    value,
                ))
            })
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

    /// Reads any of the formats, as [`Timestamp`]'s `Deserialize` does.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        Timestamp::deserialize(deserializer)
    }
}

impl Codec<Timestamp> for DateTime {
    fn serialize<S: Serializer>(value: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        // `Display` writes RFC 3339.
        serializer.collect_str(value)
    }

    /// Reads any of the formats, as [`Timestamp`]'s `Deserialize` does.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        Timestamp::deserialize(deserializer)
    }
}

impl Codec<Timestamp> for HttpDate {
    fn serialize<S: Serializer>(value: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&HttpDateText(value))
    }

    /// Reads any of the formats, as [`Timestamp`]'s `Deserialize` does.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        Timestamp::deserialize(deserializer)
    }
}

/// Displays a timestamp as an IMF-fixdate.
struct HttpDateText<'a>(&'a Timestamp);

impl fmt::Display for HttpDateText<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_http_date(formatter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::wire::tests::*;

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
    }

    /// Every member reads all three formats, whatever it declares.
    fn read_all_formats<C: Codec<Timestamp>>() {
        let t = ts(946_845_296, 0);
        assert_eq!(read::<Timestamp, C>("946845296").unwrap(), t);
        assert_eq!(
            read::<Timestamp, C>("946845296.123").unwrap(),
            ts(946_845_296, 123_000_000)
        );
        assert_eq!(read::<Timestamp, C>("\"2000-01-02T20:34:56Z\"").unwrap(), t);
        assert_eq!(
            read::<Timestamp, C>("\"2000-01-02T21:34:56+01:00\"").unwrap(),
            t
        );
        assert_eq!(
            read::<Timestamp, C>("\"2026-12-02T10:11:12.123456Z\"").unwrap(),
            ts(1_796_206_272, 123_456_000)
        );
        assert_eq!(
            read::<Timestamp, C>("\"Sun, 02 Jan 2000 20:34:56 GMT\"").unwrap(),
            t
        );
        assert_eq!(
            read::<Timestamp, C>("\"Wed, 02 Dec 2026 10:11:12.123456 GMT\"").unwrap(),
            ts(1_796_206_272, 123_456_000)
        );
    }

    #[test]
    fn every_codec_reads_every_format() {
        read_all_formats::<EpochSeconds>();
        read_all_formats::<DateTime>();
        read_all_formats::<HttpDate>();
        assert_eq!(
            from_json::<Timestamp>("\"2000-01-02T20:34:56Z\""),
            ts(946_845_296, 0)
        );
    }

    #[test]
    fn writing_keeps_the_declared_format() {
        let read = read::<Timestamp, HttpDate>("\"2000-01-02T20:34:56.5Z\"").unwrap();
        assert_eq!(write::<Timestamp, EpochSeconds>(&read), "946845296.5");
        assert_eq!(
            write::<Timestamp, DateTime>(&read),
            "\"2000-01-02T20:34:56.5Z\""
        );
        assert_eq!(
            write::<Timestamp, HttpDate>(&read),
            "\"Sun, 02 Jan 2000 20:34:56.5 GMT\""
        );
    }

    #[test]
    fn a_string_in_no_format_is_a_clear_error() {
        let expected = "invalid date-time or http-date timestamp \"2000-01-02\": expected \
                        RFC 3339 such as `2000-01-02T20:34:56Z` or IMF-fixdate such as \
                        `Sun, 02 Jan 2000 20:34:56 GMT` at line 1 column 12";
        assert_eq!(
            read::<Timestamp, DateTime>("\"2000-01-02\"")
                .unwrap_err()
                .to_string(),
            expected
        );
        assert_eq!(
            read::<Timestamp, EpochSeconds>("\"2000-01-02\"")
                .unwrap_err()
                .to_string(),
            expected
        );
        for bad in ["\"946845296\"", "\"\"", "true", "null", "[1]"] {
            for result in [
                read::<Timestamp, EpochSeconds>(bad),
                read::<Timestamp, DateTime>(bad),
                read::<Timestamp, HttpDate>(bad),
            ] {
                assert!(result.is_err(), "{bad}");
            }
        }
        let message = read::<Timestamp, HttpDate>("null").unwrap_err().to_string();
        assert!(
            message.starts_with(
                "invalid type: null, expected a number of seconds since 1970-01-01T00:00:00Z, \
                 or an RFC 3339 date-time or IMF-fixdate string"
            ),
            "{message}"
        );
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
            assert_eq!(
                read::<_, DateTime>(&write::<_, DateTime>(&date)).unwrap(),
                date
            );
            let http: Timestamp = drawn::draw::<drawn::HttpDate, _>(&mut u).unwrap();
            assert_eq!(
                read::<_, HttpDate>(&write::<_, HttpDate>(&http)).unwrap(),
                http
            );
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
        assert!(
            lost.is_some(),
            "past 2^34 seconds some microseconds are lost"
        );
    }
}
