//! An exact UTC instant, used for every Smithy `timestamp` member.
//!
//! [`Timestamp`] stores whole seconds since the Unix epoch plus a nanosecond
//! part, so values read from the wire (for example `946845296.123` epoch
//! seconds) are kept exactly instead of being rounded through `f64`.

use ::core::fmt;
use ::std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Nanoseconds in one second.
const NANOS_PER_SEC: u32 = 1_000_000_000;
/// Seconds in one day.
pub(super) const SECS_PER_DAY: i64 = 86_400;
/// Exponents are clamped to this magnitude while parsing; any larger value
/// already overflows (positive) or truncates to zero (negative).
const EXPONENT_LIMIT: i64 = 1_000_000_000_000_000;

/// An instant in time: whole seconds since `1970-01-01T00:00:00Z` plus a
/// nanosecond part.
///
/// The nanosecond part is always below one second and counts forward from
/// `secs`, so `-1.5` seconds is stored as `secs = -2, nanos = 500_000_000`.
/// Ordering, equality and hashing follow the instant on the time line.
///
/// `Display` prints RFC 3339 in UTC, such as `2000-01-02T20:34:56.123Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Timestamp {
    secs: i64,
    nanos: u32,
}

impl Timestamp {
    /// The Unix epoch, `1970-01-01T00:00:00Z`.
    pub const UNIX_EPOCH: Timestamp = Timestamp { secs: 0, nanos: 0 };
    /// The earliest representable instant.
    pub const MIN: Timestamp = Timestamp {
        secs: i64::MIN,
        nanos: 0,
    };
    /// The latest representable instant.
    pub const MAX: Timestamp = Timestamp {
        secs: i64::MAX,
        nanos: NANOS_PER_SEC - 1,
    };

    /// Creates a timestamp from whole seconds since the Unix epoch.
    pub const fn from_secs(secs: i64) -> Self {
        Timestamp { secs, nanos: 0 }
    }

    /// Creates a timestamp from seconds since the Unix epoch plus a forward
    /// nanosecond offset. Returns `None` if `nanos` is one second or more.
    pub const fn from_secs_and_nanos(secs: i64, nanos: u32) -> Option<Self> {
        if nanos < NANOS_PER_SEC {
            Some(Timestamp { secs, nanos })
        } else {
            None
        }
    }

    /// Creates a timestamp from milliseconds since the Unix epoch.
    pub const fn from_millis(millis: i64) -> Self {
        Timestamp {
            secs: millis.div_euclid(1000),
            nanos: millis.rem_euclid(1000) as u32 * 1_000_000,
        }
    }

    /// Whole seconds since the Unix epoch, rounded toward negative infinity.
    pub const fn secs(&self) -> i64 {
        self.secs
    }

    /// Nanoseconds after [`secs`](Self::secs), always below `1_000_000_000`.
    pub const fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Seconds since the Unix epoch as a float (may lose precision).
    pub fn as_secs_f64(&self) -> f64 {
        self.secs as f64 + f64::from(self.nanos) / f64::from(NANOS_PER_SEC)
    }

    /// Parses the decimal text of a JSON number of seconds since the epoch.
    ///
    /// The text is read exactly, digit by digit, without going through `f64`:
    /// `"946845296.123"` gives 946845296 s and 123_000_000 ns. Accepted
    /// syntax is an optional `-` or `+`, one or more digits, an optional `.`
    /// followed by one or more digits, and an optional exponent (`e` or `E`,
    /// optional sign, digits), e.g. `-1.5`, `1.5e3`, `1E+2`.
    ///
    /// Digits finer than one nanosecond are dropped by rounding toward
    /// negative infinity, for positive and negative values alike, so
    /// `0.0000000019` gives 1 ns and `-0.0000000011` gives -2 ns.
    ///
    /// # Errors
    ///
    /// Returns an error if the text is not such a number, or if the value
    /// does not fit in a [`Timestamp`].
    pub fn parse_epoch_seconds(text: &str) -> Result<Self, TimestampError> {
        let number = DecimalText::split(text.as_bytes()).ok_or_else(|| TimestampError {
            kind: ErrorKind::Syntax(snippet(text)),
        })?;
        number
            .floor_nanos()
            .and_then(Self::from_total_nanos)
            .ok_or_else(|| TimestampError {
                kind: ErrorKind::ParseRange(snippet(text)),
            })
    }

    /// Formats the timestamp as decimal epoch seconds: the integer seconds,
    /// followed by a fraction only when it is not zero, without trailing
    /// zeros (`946845296`, `946845296.123`, `-1.5`).
    pub fn to_epoch_seconds_string(&self) -> String {
        let mut text = String::new();
        // Writing into a `String` never fails.
        let _ = self.fmt_epoch_seconds(&mut text);
        text
    }

    /// Writes the text of [`to_epoch_seconds_string`](Self::to_epoch_seconds_string)
    /// into `out` without allocating.
    ///
    /// # Errors
    ///
    /// Returns an error only if `out` fails.
    pub fn fmt_epoch_seconds<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        if self.nanos == 0 {
            write!(out, "{}", self.secs)
        } else if self.secs >= 0 {
            write!(out, "{}", self.secs)?;
            write_fraction(out, self.nanos)
        } else {
            // secs < 0 and nanos > 0: the value is -(|secs + 1| + (1s - nanos)).
            // `secs + 1` cannot overflow because `secs` is negative.
            write!(out, "-{}", (self.secs + 1).unsigned_abs())?;
            write_fraction(out, NANOS_PER_SEC - self.nanos)
        }
    }

    /// Builds a timestamp from a count of nanoseconds since the epoch.
    fn from_total_nanos(total: i128) -> Option<Self> {
        let per_sec = i128::from(NANOS_PER_SEC);
        let secs = i64::try_from(total.div_euclid(per_sec)).ok()?;
        // The remainder is in `0..1_000_000_000`, so it fits in a `u32`.
        let nanos = total.rem_euclid(per_sec) as u32;
        Some(Timestamp { secs, nanos })
    }

    /// Like `from_total_nanos`, clamping to [`MIN`](Self::MIN) and [`MAX`](Self::MAX).
    fn saturating_from_nanos(total: i128) -> Self {
        match Self::from_total_nanos(total) {
            Some(timestamp) => timestamp,
            None if total < 0 => Self::MIN,
            None => Self::MAX,
        }
    }

    /// Nanoseconds since the epoch (never overflows an `i128`).
    fn total_nanos(&self) -> i128 {
        i128::from(self.secs) * i128::from(NANOS_PER_SEC) + i128::from(self.nanos)
    }
}

/// Writes `.` and the nanoseconds as a fraction of a second, without
/// trailing zeros. Writes nothing when `nanos` is zero.
pub(super) fn write_fraction<W: fmt::Write + ?Sized>(out: &mut W, nanos: u32) -> fmt::Result {
    if nanos == 0 {
        return Ok(());
    }
    let (mut digits, mut width) = (nanos, 9);
    while digits % 10 == 0 {
        digits /= 10;
        width -= 1;
    }
    write!(out, ".{digits:0width$}")
}

impl fmt::Display for Timestamp {
    /// Writes RFC 3339 in UTC, e.g. `2000-01-02T20:34:56Z` or
    /// `2000-01-02T20:34:56.123Z` (fraction only when non-zero, without
    /// trailing zeros). Years outside `0000..=9999` are written with a sign
    /// and at least four digits (`-0001`, `+10000`), as ISO 8601 allows.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = civil_from_days(self.secs.div_euclid(SECS_PER_DAY));
        let second_of_day = self.secs.rem_euclid(SECS_PER_DAY);
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}")?;
        } else {
            write!(f, "{year:+05}")?;
        }
        write!(
            f,
            "-{month:02}-{day:02}T{:02}:{:02}:{:02}",
            second_of_day / 3600,
            second_of_day % 3600 / 60,
            second_of_day % 60
        )?;
        write_fraction(f, self.nanos)?;
        f.write_str("Z")
    }
}

/// Converts days since 1970-01-01 into a proleptic Gregorian
/// `(year, month, day)`.
///
/// Days are counted from 0000-03-01 instead, so that the leap day is the
/// last day of each shifted year. The Gregorian calendar repeats every 400
/// years (146_097 days); within such an era, a year is 365 days plus one leap
/// day every 4 years, minus one every 100, plus one every 400.
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // 719_468 days lie between 0000-03-01 and 1970-01-01.
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    // Months counted from March = 0; March..=July and August..=December
    // each follow the 31, 30, 31, 30, 31 pattern, spanning 153 days.
    let march_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * march_month + 2) / 5 + 1;
    let month = if march_month < 10 {
        march_month + 3
    } else {
        march_month - 9
    };
    let year = era * 400 + year_of_era + i64::from(month <= 2);
    (year, month as u32, day as u32)
}

/// The pieces of a decimal number's text: `[sign] int [. frac] [e exp]`.
struct DecimalText<'a> {
    negative: bool,
    int_digits: &'a [u8],
    frac_digits: &'a [u8],
    exponent: i64,
}

impl<'a> DecimalText<'a> {
    /// Splits `text` into its pieces, or returns `None` if it is malformed.
    fn split(text: &'a [u8]) -> Option<Self> {
        let (negative, rest) = split_sign(text);
        let (int_digits, rest) = split_digits(rest);
        if int_digits.is_empty() {
            return None;
        }
        let (frac_digits, rest) = match rest.split_first() {
            Some((b'.', after_dot)) => match split_digits(after_dot) {
                ([], _) => return None,
                found => found,
            },
            _ => (&rest[..0], rest),
        };
        let (exponent, rest) = match rest.split_first() {
            Some((b'e' | b'E', after_e)) => split_exponent(after_e)?,
            _ => (0, rest),
        };
        rest.is_empty().then_some(DecimalText {
            negative,
            int_digits,
            frac_digits,
            exponent,
        })
    }

    /// The value in nanoseconds, rounded toward negative infinity, or `None`
    /// if it does not fit in an `i128`.
    fn floor_nanos(&self) -> Option<i128> {
        let digits = || self.int_digits.iter().chain(self.frac_digits);
        let count = (self.int_digits.len() + self.frac_digits.len()) as i64;
        // Power of ten (in nanoseconds) of the last digit.
        let last_power = self.exponent - self.frac_digits.len() as i64 + 9;
        // Digits whose power is >= 0 count whole nanoseconds; the rest are
        // finer than one nanosecond.
        let kept = (count + last_power).clamp(0, count);
        let mut nanos: i128 = 0;
        for digit in digits().take(kept as usize) {
            nanos = nanos
                .checked_mul(10)?
                .checked_add(i128::from(digit - b'0'))?;
        }
        if nanos != 0 {
            let scale = u32::try_from(last_power + (count - kept)).ok()?;
            nanos = nanos.checked_mul(10_i128.checked_pow(scale)?)?;
        }
        let dropped_nonzero = digits().skip(kept as usize).any(|&digit| digit != b'0');
        Some(match (self.negative, dropped_nonzero) {
            (false, _) => nanos,
            (true, false) => -nanos,
            (true, true) => -nanos - 1,
        })
    }
}

/// Splits an optional leading `-` or `+`; returns whether it was `-`.
fn split_sign(text: &[u8]) -> (bool, &[u8]) {
    match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text),
    }
}

/// Splits the leading ASCII digits from the rest.
fn split_digits(text: &[u8]) -> (&[u8], &[u8]) {
    let end = text
        .iter()
        .position(|byte| !byte.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Parses an exponent's `[sign] digits`, clamping its magnitude to
/// `EXPONENT_LIMIT`, and returns it with the remaining text.
fn split_exponent(text: &[u8]) -> Option<(i64, &[u8])> {
    let (negative, rest) = split_sign(text);
    let (digits, rest) = split_digits(rest);
    if digits.is_empty() {
        return None;
    }
    let magnitude = digits.iter().fold(0_i64, |value, &digit| {
        (value * 10 + i64::from(digit - b'0')).min(EXPONENT_LIMIT)
    });
    Some((if negative { -magnitude } else { magnitude }, rest))
}

/// The input shown in error messages, cut to a readable length.
fn snippet(text: &str) -> String {
    const LIMIT: usize = 64;
    match text.char_indices().nth(LIMIT) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_owned(),
    }
}

/// The error returned when text is not a valid timestamp, or when a
/// timestamp does not fit in another time type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError {
    kind: ErrorKind,
}

/// What went wrong, with the details needed for the message.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    /// The text is not a decimal number.
    Syntax(String),
    /// The text is a number, but too large for a `Timestamp`.
    ParseRange(String),
    /// The timestamp does not fit in the named target type.
    ConvertRange(&'static str),
    /// The text is not in the named text format (`date-time`, `http-date`).
    // Only `timestamp_text.rs` makes it, and a crate may leave that file out.
    #[allow(dead_code)]
    Text {
        format: &'static str,
        expected: &'static str,
        text: String,
    },
}

impl TimestampError {
    /// The error for `text` that is not a valid `format` timestamp;
    /// `expected` describes the valid form.
    // Only `timestamp_text.rs` calls it, and a crate may leave that file out.
    #[allow(dead_code)]
    pub(super) fn invalid_text(format: &'static str, expected: &'static str, text: &str) -> Self {
        TimestampError {
            kind: ErrorKind::Text {
                format,
                expected,
                text: snippet(text),
            },
        }
    }

    fn convert_range(target: &'static str) -> Self {
        TimestampError {
            kind: ErrorKind::ConvertRange(target),
        }
    }
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Syntax(text) => write!(
                f,
                "invalid epoch-seconds timestamp {text:?}: expected a decimal number such as `1700000000` or `-1.5e3`"
            ),
            ErrorKind::ParseRange(text) => write!(
                f,
                "epoch-seconds timestamp {text:?} is too far from 1970 to be represented"
            ),
            ErrorKind::ConvertRange(target) => {
                write!(f, "timestamp is outside the range supported by {target}")
            }
            ErrorKind::Text {
                format,
                expected,
                text,
            } => write!(f, "invalid {format} timestamp {text:?}: expected {expected}"),
        }
    }
}

impl ::std::error::Error for TimestampError {}

impl From<SystemTime> for Timestamp {
    /// Converts exactly, including instants before the epoch. Instants beyond
    /// [`Timestamp::MIN`]/[`Timestamp::MAX`] (not possible on common
    /// platforms) are clamped.
    fn from(time: SystemTime) -> Self {
        // `as_nanos` is at most about 1.8e28, far below `i128::MAX`.
        let total = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => after.as_nanos() as i128,
            Err(before) => -(before.duration().as_nanos() as i128),
        };
        Self::saturating_from_nanos(total)
    }
}

impl TryFrom<Timestamp> for SystemTime {
    type Error = TimestampError;

    /// Converts exactly, or fails if the platform's `SystemTime` cannot hold
    /// the instant.
    fn try_from(timestamp: Timestamp) -> Result<Self, Self::Error> {
        let distance = timestamp.total_nanos().unsigned_abs();
        let per_sec = u128::from(NANOS_PER_SEC);
        // `distance / per_sec` is at most 2^63 and the remainder is below 1e9.
        let offset = Duration::new((distance / per_sec) as u64, (distance % per_sec) as u32);
        let time = if timestamp.secs >= 0 {
            UNIX_EPOCH.checked_add(offset)
        } else {
            UNIX_EPOCH.checked_sub(offset)
        };
        time.ok_or_else(|| TimestampError::convert_range("std::time::SystemTime"))
    }
}

#[cfg(feature = "jiff")]
impl From<::jiff::Timestamp> for Timestamp {
    /// Converts exactly; every `jiff::Timestamp` fits.
    fn from(timestamp: ::jiff::Timestamp) -> Self {
        Self::saturating_from_nanos(timestamp.as_nanosecond())
    }
}

#[cfg(feature = "jiff")]
impl TryFrom<Timestamp> for ::jiff::Timestamp {
    type Error = TimestampError;

    /// Converts exactly, or fails outside jiff's range (years -9999..=9999).
    fn try_from(timestamp: Timestamp) -> Result<Self, Self::Error> {
        ::jiff::Timestamp::from_nanosecond(timestamp.total_nanos())
            .map_err(|_| TimestampError::convert_range("jiff::Timestamp"))
    }
}

#[cfg(feature = "chrono")]
impl From<::chrono::DateTime<::chrono::Utc>> for Timestamp {
    /// Converts exactly; every `chrono::DateTime<Utc>` fits. A leap second
    /// (`23:59:60.x`) becomes the matching instant of the following second.
    fn from(time: ::chrono::DateTime<::chrono::Utc>) -> Self {
        let total = i128::from(time.timestamp()) * i128::from(NANOS_PER_SEC)
            + i128::from(time.timestamp_subsec_nanos());
        Self::saturating_from_nanos(total)
    }
}

#[cfg(feature = "chrono")]
impl TryFrom<Timestamp> for ::chrono::DateTime<::chrono::Utc> {
    type Error = TimestampError;

    /// Converts exactly, or fails outside chrono's range (about ±262,000 years).
    fn try_from(timestamp: Timestamp) -> Result<Self, Self::Error> {
        ::chrono::DateTime::from_timestamp(timestamp.secs, timestamp.nanos)
            .ok_or_else(|| TimestampError::convert_range("chrono::DateTime<Utc>"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(secs: i64, nanos: u32) -> Timestamp {
        Timestamp::from_secs_and_nanos(secs, nanos).unwrap()
    }

    fn parse(text: &str) -> Timestamp {
        Timestamp::parse_epoch_seconds(text)
            .unwrap_or_else(|err| panic!("{text:?} should parse: {err}"))
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

        /// A timestamp with seconds drawn from several magnitudes.
        fn timestamp(&mut self) -> Timestamp {
            let raw = self.next() as i64;
            let secs = match self.next() % 4 {
                0 => raw,
                1 => raw % 100,
                2 => raw % 10_000_000_000,
                _ => raw % 100_000_000_000_000,
            };
            let nanos = match self.next() % 3 {
                0 => 0,
                1 => (self.next() % 1000) as u32 * 1_000_000,
                _ => (self.next() % 1_000_000_000) as u32,
            };
            ts(secs, nanos)
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (test oracle).
    fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
        let is_leap = |y: i64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        let month_days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        // Whole 400-year cycles first, then single years from there.
        let cycles = (year - 1970).div_euclid(400);
        let mut days = cycles * 146_097;
        let mut y = 1970 + cycles * 400;
        while y < year {
            days += if is_leap(y) { 366 } else { 365 };
            y += 1;
        }
        for m in 1..month {
            days += month_days[m as usize - 1] + i64::from(m == 2 && is_leap(year));
        }
        days + i64::from(day) - 1
    }

    #[test]
    fn constructors_and_accessors() {
        assert_eq!(Timestamp::from_secs(42), ts(42, 0));
        assert_eq!(
            Timestamp::from_secs_and_nanos(1, 999_999_999),
            Some(ts(1, 999_999_999))
        );
        assert_eq!(Timestamp::from_secs_and_nanos(1, 1_000_000_000), None);
        assert_eq!(Timestamp::from_secs_and_nanos(1, u32::MAX), None);
        let t = ts(-7, 250);
        assert_eq!((t.secs(), t.subsec_nanos()), (-7, 250));
        assert_eq!(Timestamp::default(), Timestamp::UNIX_EPOCH);
    }

    #[test]
    fn from_millis_floors_negative_values() {
        assert_eq!(Timestamp::from_millis(1_500), ts(1, 500_000_000));
        assert_eq!(Timestamp::from_millis(-1_500), ts(-2, 500_000_000));
        assert_eq!(Timestamp::from_millis(-1), ts(-1, 999_000_000));
        assert_eq!(Timestamp::from_millis(-1_000), ts(-1, 0));
        assert_eq!(Timestamp::from_millis(0), ts(0, 0));
        assert_eq!(Timestamp::from_millis(i64::MIN).secs(), i64::MIN / 1000 - 1);
        assert_eq!(Timestamp::from_millis(i64::MAX).secs(), i64::MAX / 1000);
    }

    #[test]
    fn as_secs_f64_includes_fraction() {
        assert_eq!(ts(-2, 500_000_000).as_secs_f64(), -1.5);
        assert_eq!(ts(10, 250_000_000).as_secs_f64(), 10.25);
        assert!((parse("946845296.123").as_secs_f64() - 946845296.123).abs() < 1e-6);
    }

    #[test]
    fn ordering_follows_the_time_line() {
        let mut values = vec![ts(0, 1), ts(-1, 999_999_999), ts(-2, 0), ts(1, 0), ts(0, 0)];
        values.sort();
        assert_eq!(
            values,
            [ts(-2, 0), ts(-1, 999_999_999), ts(0, 0), ts(0, 1), ts(1, 0)]
        );
        assert!(Timestamp::MIN < Timestamp::UNIX_EPOCH && Timestamp::UNIX_EPOCH < Timestamp::MAX);
    }

    #[test]
    fn parse_keeps_decimal_fractions_exact() {
        assert_eq!(parse("946845296.123"), ts(946_845_296, 123_000_000));
        assert_eq!(parse("946845296"), ts(946_845_296, 0));
        assert_eq!(parse("1.000000001"), ts(1, 1));
        assert_eq!(parse("0.000000001"), ts(0, 1));
        assert_eq!(parse("0.999999999"), ts(0, 999_999_999));
        assert_eq!(parse("1700000000.1"), ts(1_700_000_000, 100_000_000));
        assert_eq!(parse("00012.50"), ts(12, 500_000_000));
        assert_eq!(parse("+3.25"), ts(3, 250_000_000));
    }

    #[test]
    fn parse_zero_forms() {
        for text in [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "+0",
            "0e5",
            "0E-5",
            "-0.000e999999999999999999",
            "000",
        ] {
            assert_eq!(parse(text), Timestamp::UNIX_EPOCH, "{text}");
        }
    }

    #[test]
    fn parse_negative_values_floor() {
        assert_eq!(parse("-1.5"), ts(-2, 500_000_000));
        assert_eq!(parse("-1"), ts(-1, 0));
        assert_eq!(parse("-0.5"), ts(-1, 500_000_000));
        assert_eq!(parse("-0.000000001"), ts(-1, 999_999_999));
        assert_eq!(parse("-946845296.123"), ts(-946_845_297, 877_000_000));
    }

    #[test]
    fn parse_exponents_exactly() {
        assert_eq!(parse("1.5e3"), ts(1500, 0));
        assert_eq!(parse("1E+2"), ts(100, 0));
        assert_eq!(parse("1e0"), ts(1, 0));
        assert_eq!(parse("15e-1"), ts(1, 500_000_000));
        assert_eq!(parse("1.23456789e2"), ts(123, 456_789_000));
        assert_eq!(parse("9.46845296123E8"), ts(946_845_296, 123_000_000));
        assert_eq!(parse("946845296123e-3"), ts(946_845_296, 123_000_000));
        assert_eq!(parse("1e-9"), ts(0, 1));
        assert_eq!(parse("-1e-9"), ts(-1, 999_999_999));
        assert_eq!(parse("-2.5E-1"), ts(-1, 750_000_000));
        assert_eq!(parse("0.001e12"), ts(1_000_000_000, 0));
        assert_eq!(parse("1e18"), ts(1_000_000_000_000_000_000, 0));
    }

    #[test]
    fn parse_truncates_sub_nanosecond_digits_toward_negative_infinity() {
        assert_eq!(parse("0.0000000019"), ts(0, 1));
        assert_eq!(parse("1.1234567899999"), ts(1, 123_456_789));
        assert_eq!(parse("-0.0000000011"), ts(-1, 999_999_998));
        assert_eq!(parse("-0.0000000010"), ts(-1, 999_999_999));
        assert_eq!(parse("-0.00000000100000"), ts(-1, 999_999_999));
        assert_eq!(parse("-1.0000000001"), ts(-2, 999_999_999));
        assert_eq!(parse("1e-10"), ts(0, 0));
        assert_eq!(parse("-1e-10"), ts(-1, 999_999_999));
        assert_eq!(parse("-5e-999999999999999999999"), ts(-1, 999_999_999));
        assert_eq!(parse("5e-999999999999999999999"), ts(0, 0));
    }

    #[test]
    fn parse_range_limits() {
        assert_eq!(parse("9223372036854775807"), ts(i64::MAX, 0));
        assert_eq!(parse("9223372036854775807.999999999"), Timestamp::MAX);
        assert_eq!(parse("-9223372036854775808"), Timestamp::MIN);
        for text in [
            "9223372036854775808",
            "-9223372036854775808.5",
            "-9223372036854775809",
            "1e19",
            "1e30",
            "1e40",
            "1e999999999999999999999",
            "123456789012345678901234567890123456789012345678901234567890",
        ] {
            let err = Timestamp::parse_epoch_seconds(text).unwrap_err();
            assert!(err.to_string().contains("too far"), "{text}: {err}");
        }
    }

    #[test]
    fn parse_rejects_malformed_text() {
        for text in [
            "", " ", "-", "+", ".", "1.", ".5", "-.5", "1e", "1e+", "e5", "1.5.5", "1,5", "abc",
            "1a", " 1", "1 ", "--1", "+-1", "1e5.5", "0x10", "NaN", "inf", "1_000", "١",
        ] {
            let err = Timestamp::parse_epoch_seconds(text).unwrap_err();
            assert!(
                err.to_string().starts_with("invalid epoch-seconds"),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn error_messages_quote_a_bounded_snippet() {
        let err = Timestamp::parse_epoch_seconds("12x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid epoch-seconds timestamp \"12x\": expected a decimal number such as `1700000000` or `-1.5e3`"
        );
        let long = "é".repeat(500);
        let message = Timestamp::parse_epoch_seconds(&long)
            .unwrap_err()
            .to_string();
        assert!(message.len() < 300 && message.contains("..."), "{message}");
        let boxed: Box<dyn ::std::error::Error> = Box::new(err);
        assert!(boxed.to_string().contains("12x"));
    }

    #[test]
    fn epoch_seconds_text() {
        assert_eq!(
            ts(946_845_296, 123_000_000).to_epoch_seconds_string(),
            "946845296.123"
        );
        assert_eq!(ts(946_845_296, 0).to_epoch_seconds_string(), "946845296");
        assert_eq!(ts(-2, 500_000_000).to_epoch_seconds_string(), "-1.5");
        assert_eq!(ts(-1, 500_000_000).to_epoch_seconds_string(), "-0.5");
        assert_eq!(
            ts(-1, 999_999_999).to_epoch_seconds_string(),
            "-0.000000001"
        );
        assert_eq!(ts(-1, 0).to_epoch_seconds_string(), "-1");
        assert_eq!(ts(0, 0).to_epoch_seconds_string(), "0");
        assert_eq!(ts(0, 1).to_epoch_seconds_string(), "0.000000001");
        assert_eq!(ts(0, 100).to_epoch_seconds_string(), "0.0000001");
        assert_eq!(
            Timestamp::MAX.to_epoch_seconds_string(),
            "9223372036854775807.999999999"
        );
        assert_eq!(
            Timestamp::MIN.to_epoch_seconds_string(),
            "-9223372036854775808"
        );
        assert_eq!(
            ts(i64::MIN, 1).to_epoch_seconds_string(),
            "-9223372036854775807.999999999"
        );
    }

    #[test]
    fn fmt_epoch_seconds_appends_to_any_writer() {
        let mut out = String::from("t=");
        ts(5, 50_000_000).fmt_epoch_seconds(&mut out).unwrap();
        assert_eq!(out, "t=5.05");
        let writer: &mut dyn fmt::Write = &mut out;
        ts(-3, 0).fmt_epoch_seconds(writer).unwrap();
        assert_eq!(out, "t=5.05-3");
    }

    #[test]
    fn epoch_seconds_round_trip_property() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let fixed = [
            Timestamp::MIN,
            Timestamp::MAX,
            ts(i64::MIN, 1),
            ts(i64::MAX, 0),
        ];
        for _ in 0..20_000 {
            let t = rng.timestamp();
            for t in [t].into_iter().chain(fixed) {
                let text = t.to_epoch_seconds_string();
                assert_eq!(parse(&text), t, "{text}");
                assert!(!text.ends_with('0') || !text.contains('.'), "{text}");
            }
        }
    }

    #[test]
    fn parse_exponent_forms_property() {
        // The nanosecond count written as `<digits>e-9`, shifted forms of it,
        // and extra sub-nanosecond digits must all parse to the same value.
        let mut rng = Rng(12345);
        for _ in 0..20_000 {
            let t = rng.timestamp();
            let total = t.total_nanos();
            assert_eq!(parse(&format!("{total}e-9")), t, "{total}e-9");
            assert_eq!(parse(&format!("{total}0E-10")), t, "{total}0E-10");
            assert_eq!(parse(&format!("{total}.0e-9")), t);
            // A non-zero sub-nanosecond digit moves negative values down.
            let extra = rng.next() % 9 + 1;
            let expected = if total < 0 {
                Timestamp::from_total_nanos(total - 1)
            } else {
                Some(t)
            };
            if let Some(expected) = expected {
                assert_eq!(
                    parse(&format!("{total}.{extra}e-9")),
                    expected,
                    "{total}.{extra}e-9"
                );
            }
        }
    }

    #[test]
    fn parse_agrees_with_f64_for_short_values() {
        // Values with few digits are exact in f64 at millisecond precision.
        let mut rng = Rng(777);
        for _ in 0..10_000 {
            let millis = (rng.next() % 4_000_000_000_000) as i64 - 2_000_000_000_000;
            let text = format!("{}", millis as f64 / 1000.0);
            assert_eq!(parse(&text), Timestamp::from_millis(millis), "{text}");
        }
    }

    #[test]
    fn display_known_instants() {
        let cases = [
            (ts(0, 0), "1970-01-01T00:00:00Z"),
            (ts(946_845_296, 0), "2000-01-02T20:34:56Z"),
            (ts(946_845_296, 123_000_000), "2000-01-02T20:34:56.123Z"),
            (ts(946_845_296, 120_000_000), "2000-01-02T20:34:56.12Z"),
            (ts(946_845_296, 1), "2000-01-02T20:34:56.000000001Z"),
            (ts(-1, 0), "1969-12-31T23:59:59Z"),
            (ts(-2, 500_000_000), "1969-12-31T23:59:58.5Z"),
            (ts(951_782_400, 0), "2000-02-29T00:00:00Z"),
            (ts(4_107_542_400, 0), "2100-03-01T00:00:00Z"),
            (ts(-2_208_988_800, 0), "1900-01-01T00:00:00Z"),
            (ts(-12_219_292_800, 0), "1582-10-15T00:00:00Z"),
            (ts(-62_135_596_800, 0), "0001-01-01T00:00:00Z"),
            (ts(-62_167_219_200, 0), "0000-01-01T00:00:00Z"),
            (ts(-62_167_219_201, 0), "-0001-12-31T23:59:59Z"),
            (ts(253_402_300_799, 0), "9999-12-31T23:59:59Z"),
            (ts(253_402_300_800, 0), "+10000-01-01T00:00:00Z"),
            (Timestamp::MAX, "+292277026596-12-04T15:30:07.999999999Z"),
            (Timestamp::MIN, "-292277022657-01-27T08:29:52Z"),
        ];
        for (t, expected) in cases {
            assert_eq!(t.to_string(), expected, "{t:?}");
        }
    }

    #[test]
    fn civil_from_days_walks_the_calendar() {
        // Step day by day across ~4400 years; every step must advance the
        // date by exactly one calendar day.
        let start = days_from_civil(-400, 1, 1);
        assert_eq!(civil_from_days(start), (-400, 1, 1));
        let mut previous = civil_from_days(start);
        for days in start + 1..start + 1_600_000 {
            let date = civil_from_days(days);
            let (y, m, d) = previous;
            let next_day = (y, m, d + 1);
            let next_month = (y, m + 1, 1);
            let next_year = (y + 1, 1, 1);
            assert!(
                date == next_day
                    || (date == next_month && m < 12 && d >= 28)
                    || (date == next_year && (m, d) == (12, 31)),
                "{previous:?} -> {date:?}"
            );
            previous = date;
        }
    }

    #[test]
    fn civil_from_days_matches_oracle() {
        let mut rng = Rng(4242);
        for _ in 0..2_000 {
            let days = (rng.next() % 20_000_000) as i64 - 10_000_000;
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }

    #[test]
    fn system_time_round_trip() {
        let after = UNIX_EPOCH + Duration::new(946_845_296, 123_000_000);
        assert_eq!(Timestamp::from(after), ts(946_845_296, 123_000_000));
        let before = UNIX_EPOCH - Duration::new(1, 500_000_000);
        assert_eq!(Timestamp::from(before), ts(-2, 500_000_000));
        assert_eq!(Timestamp::from(UNIX_EPOCH - Duration::new(3, 0)), ts(-3, 0));
        assert_eq!(Timestamp::from(UNIX_EPOCH), Timestamp::UNIX_EPOCH);
        for t in [
            ts(-2, 500_000_000),
            ts(-1, 999_999_999),
            ts(0, 1),
            ts(1_700_000_000, 42),
        ] {
            let system = SystemTime::try_from(t).unwrap();
            assert_eq!(Timestamp::from(system), t);
        }
        assert_eq!(SystemTime::try_from(ts(-2, 500_000_000)).unwrap(), before);
        let now = SystemTime::now();
        assert_eq!(SystemTime::try_from(Timestamp::from(now)).unwrap(), now);
    }

    #[test]
    fn system_time_property() {
        let mut rng = Rng(99);
        for _ in 0..10_000 {
            let t = rng.timestamp();
            // Every platform's SystemTime covers at least +-2^32 seconds.
            let t = ts(t.secs() % (1 << 32), t.subsec_nanos());
            assert_eq!(Timestamp::from(SystemTime::try_from(t).unwrap()), t);
        }
    }

    #[test]
    fn system_time_out_of_range_is_an_error() {
        // On Unix, SystemTime is i64 seconds from the epoch, so MIN fits but
        // MAX does not; elsewhere either may fail. An error must name the type.
        for t in [Timestamp::MIN, Timestamp::MAX] {
            if let Err(err) = SystemTime::try_from(t) {
                assert_eq!(
                    err.to_string(),
                    "timestamp is outside the range supported by std::time::SystemTime"
                );
            }
        }
    }

    #[cfg(feature = "jiff")]
    #[test]
    fn jiff_conversions() {
        let t = ts(-2, 500_000_000);
        let j = ::jiff::Timestamp::try_from(t).unwrap();
        assert_eq!(j.as_nanosecond(), -1_500_000_000);
        assert_eq!(Timestamp::from(j), t);
        let j = ::jiff::Timestamp::new(946_845_296, 123_000_000).unwrap();
        assert_eq!(Timestamp::from(j), ts(946_845_296, 123_000_000));
        assert_eq!(Timestamp::from(j).to_string(), j.to_string());
        for limit in [::jiff::Timestamp::MIN, ::jiff::Timestamp::MAX] {
            let t = Timestamp::from(limit);
            assert_eq!(t.total_nanos(), limit.as_nanosecond());
            assert_eq!(::jiff::Timestamp::try_from(t).unwrap(), limit);
        }
        let err = ::jiff::Timestamp::try_from(Timestamp::MAX).unwrap_err();
        assert_eq!(
            err.to_string(),
            "timestamp is outside the range supported by jiff::Timestamp"
        );
        assert!(::jiff::Timestamp::try_from(Timestamp::MIN).is_err());
    }

    #[cfg(feature = "jiff")]
    #[test]
    fn jiff_property() {
        let mut rng = Rng(2024);
        for _ in 0..10_000 {
            let t = rng.timestamp();
            let t = ts(t.secs() % 250_000_000_000, t.subsec_nanos());
            let j = ::jiff::Timestamp::try_from(t).unwrap();
            assert_eq!(Timestamp::from(j), t);
            // jiff prints RFC 3339 too; it agrees for years 0000..=9999.
            if (-62_167_219_200..253_402_300_800).contains(&t.secs()) {
                assert_eq!(t.to_string(), j.to_string());
            }
        }
    }

    #[cfg(feature = "chrono")]
    #[test]
    fn chrono_conversions() {
        use ::chrono::{DateTime, TimeZone, Utc};
        let t = ts(-2, 500_000_000);
        let c = DateTime::<Utc>::try_from(t).unwrap();
        assert_eq!(
            (c.timestamp(), c.timestamp_subsec_nanos()),
            (-2, 500_000_000)
        );
        assert_eq!(Timestamp::from(c), t);
        let c = Utc.with_ymd_and_hms(2000, 1, 2, 20, 34, 56).unwrap();
        assert_eq!(Timestamp::from(c), ts(946_845_296, 0));
        // 1999-12-31T23:59:60.25Z, a leap second as chrono represents it.
        let leap = DateTime::<Utc>::from_timestamp(946_684_799, 1_250_000_000).unwrap();
        assert_eq!(Timestamp::from(leap), ts(946_684_800, 250_000_000));
        let err = DateTime::<Utc>::try_from(Timestamp::MAX).unwrap_err();
        assert_eq!(
            err.to_string(),
            "timestamp is outside the range supported by chrono::DateTime<Utc>"
        );
        assert!(DateTime::<Utc>::try_from(Timestamp::MIN).is_err());
        let min = Timestamp::from(DateTime::<Utc>::MIN_UTC);
        assert_eq!(
            DateTime::<Utc>::try_from(min).unwrap(),
            DateTime::<Utc>::MIN_UTC
        );
    }

    #[cfg(feature = "chrono")]
    #[test]
    fn chrono_property() {
        let mut rng = Rng(31337);
        for _ in 0..10_000 {
            let t = rng.timestamp();
            let t = ts(t.secs() % 8_000_000_000_000, t.subsec_nanos());
            let c = ::chrono::DateTime::<::chrono::Utc>::try_from(t).unwrap();
            assert_eq!(Timestamp::from(c), t);
            assert_eq!(
                (c.timestamp(), c.timestamp_subsec_nanos()),
                (t.secs(), t.subsec_nanos())
            );
        }
    }
}
