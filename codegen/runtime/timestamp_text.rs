//! The text forms of a [`Timestamp`]: RFC 3339 (Smithy's `date-time`) and
//! IMF-fixdate (Smithy's `http-date`).

use super::timestamp::{civil_from_days, write_fraction, Timestamp, TimestampError, SECS_PER_DAY};
use ::core::fmt;

/// Abbreviated weekday names, starting with Sunday.
const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/// Abbreviated month names, starting with January.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// What a valid `date-time` looks like, for error messages.
const DATE_TIME_FORM: &str =
    "RFC 3339 such as `2000-01-02T20:34:56Z` or `2000-01-02T21:34:56.123+01:00`";
/// What a valid `http-date` looks like, for error messages.
const HTTP_DATE_FORM: &str = "IMF-fixdate such as `Sun, 02 Jan 2000 20:34:56 GMT`";

impl Timestamp {
    /// Parses an RFC 3339 date-time, such as `2000-01-02T20:34:56Z`,
    /// `2000-01-02t20:34:56.123z` or `2000-01-02T19:34:56-01:00`.
    ///
    /// The year has exactly four digits. A fraction of a second may have any
    /// number of digits; digits finer than a nanosecond are dropped. An
    /// offset is converted to UTC. A leap second (`23:59:60`) reads as the
    /// first second of the next minute.
    ///
    /// # Errors
    ///
    /// Returns an error if the text is not such a date-time, or names a day
    /// or time that does not exist (`2001-02-29`, `24:00:00`).
    pub fn parse_date_time(text: &str) -> Result<Timestamp, TimestampError> {
        parse_date_time_bytes(text.as_bytes())
            .ok_or_else(|| TimestampError::invalid_text("date-time", DATE_TIME_FORM, text))
    }

    /// Formats the timestamp as an RFC 3339 date-time in UTC, such as
    /// `2000-01-02T20:34:56Z` or `2000-01-02T20:34:56.123Z`: the same text as
    /// `Display`. Years outside `0000..=9999` get a sign and more digits,
    /// which [`parse_date_time`](Self::parse_date_time) does not read back.
    pub fn to_date_time_string(&self) -> String {
        self.to_string()
    }

    /// Parses an IMF-fixdate (RFC 7231), such as
    /// `Sun, 02 Jan 2000 20:34:56 GMT`, also accepting a fraction of a second
    /// (`20:34:56.123`).
    ///
    /// The weekday must be one of the seven English abbreviations, but it is
    /// not checked against the date.
    ///
    /// # Errors
    ///
    /// Returns an error if the text is not such a date, or names a day or
    /// time that does not exist.
    pub fn parse_http_date(text: &str) -> Result<Timestamp, TimestampError> {
        parse_http_date_bytes(text.as_bytes())
            .ok_or_else(|| TimestampError::invalid_text("http-date", HTTP_DATE_FORM, text))
    }

    /// Formats the timestamp as an IMF-fixdate, such as
    /// `Sun, 02 Jan 2000 20:34:56 GMT`, with a fraction of a second only
    /// when it is not zero (`Sun, 02 Jan 2000 20:34:56.123 GMT`).
    pub fn to_http_date_string(&self) -> String {
        let mut text = String::with_capacity(29);
        // Writing into a `String` never fails.
        let _ = self.fmt_http_date(&mut text);
        text
    }

    /// Writes the text of [`to_http_date_string`](Self::to_http_date_string)
    /// into `out` without allocating. Years outside `0000..=9999` get a sign
    /// and more digits, which [`parse_http_date`](Self::parse_http_date) does
    /// not read back.
    ///
    /// # Errors
    ///
    /// Returns an error only if `out` fails.
    pub fn fmt_http_date<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        let days = self.secs().div_euclid(SECS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        // 1970-01-01 was a Thursday.
        let weekday = WEEKDAYS[(days + 4).rem_euclid(7) as usize];
        let month = MONTHS[month as usize - 1];
        write!(out, "{weekday}, {day:02} {month} ")?;
        if (0..=9999).contains(&year) {
            write!(out, "{year:04}")?;
        } else {
            write!(out, "{year:+05}")?;
        }
        let second_of_day = self.secs().rem_euclid(SECS_PER_DAY);
        write!(
            out,
            " {:02}:{:02}:{:02}",
            second_of_day / 3600,
            second_of_day % 3600 / 60,
            second_of_day % 60
        )?;
        write_fraction(out, self.subsec_nanos())?;
        out.write_str(" GMT")
    }
}

/// `YYYY-MM-DD(T|t)hh:mm:ss[.fraction](Z|z|+hh:mm|-hh:mm)`, or `None`.
fn parse_date_time_bytes(text: &[u8]) -> Option<Timestamp> {
    let mut cursor = Cursor(text);
    let year = cursor.digits(4)?;
    cursor.expect(b"-")?;
    let month = cursor.digits(2)?;
    cursor.expect(b"-")?;
    let day = cursor.digits(2)?;
    let days = days_from_date(year, month, day)?;
    cursor.expect_one_of(b"Tt")?;
    let (second_of_day, nanos) = cursor.time_of_day()?;
    let offset = cursor.utc_offset()?;
    cursor.finish()?;
    let secs = days * SECS_PER_DAY + second_of_day - offset;
    Timestamp::from_secs_and_nanos(secs, nanos)
}

/// `Www, DD Mon YYYY hh:mm:ss[.fraction] GMT`, or `None`.
fn parse_http_date_bytes(text: &[u8]) -> Option<Timestamp> {
    let mut cursor = Cursor(text);
    cursor.name(&WEEKDAYS)?;
    cursor.expect(b", ")?;
    let day = cursor.digits(2)?;
    cursor.expect(b" ")?;
    let month = cursor.name(&MONTHS)? as u32 + 1;
    cursor.expect(b" ")?;
    let year = cursor.digits(4)?;
    let days = days_from_date(year, month, day)?;
    cursor.expect(b" ")?;
    let (second_of_day, nanos) = cursor.time_of_day()?;
    cursor.expect(b" GMT")?;
    cursor.finish()?;
    Timestamp::from_secs_and_nanos(days * SECS_PER_DAY + second_of_day, nanos)
}

/// Days since 1970-01-01 for a proleptic Gregorian date, or `None` if the
/// date does not exist.
fn days_from_date(year: u32, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // The inverse of `civil_from_days`: years start on March 1st, so the
    // leap day is the last day of a shifted year.
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let march_month = i64::from((month + 9) % 12);
    let day_of_year = (153 * march_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // 719_468 days lie between 0000-03-01 and 1970-01-01.
    Some(era * 146_097 + day_of_era - 719_468)
}

/// The number of days in `month` (1 to 12) of `year`.
fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The unread rest of the text being parsed. Every method consumes what it
/// reads and returns `None` if the text does not match.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    /// Reads exactly `count` ASCII digits as a number.
    fn digits(&mut self, count: usize) -> Option<u32> {
        let digits = self.0.get(..count)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = &self.0[count..];
        Some(
            digits
                .iter()
                .fold(0, |value, digit| value * 10 + u32::from(digit - b'0')),
        )
    }

    /// Reads exactly the bytes `expected`.
    fn expect(&mut self, expected: &[u8]) -> Option<()> {
        self.0 = self.0.strip_prefix(expected)?;
        Some(())
    }

    /// Reads one byte that is one of `choices`, and returns it.
    fn expect_one_of(&mut self, choices: &[u8]) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        choices.contains(&first).then_some(first)
    }

    /// Reads one of `names` (all three bytes long), and returns its index.
    fn name(&mut self, names: &[&str]) -> Option<usize> {
        let word = self.0.get(..3)?;
        let index = names.iter().position(|name| name.as_bytes() == word)?;
        self.0 = &self.0[3..];
        Some(index)
    }

    /// Reads `hh:mm:ss[.fraction]`, and returns the second of the day (up
    /// to 86_400 for a leap second) and the nanoseconds.
    fn time_of_day(&mut self) -> Option<(i64, u32)> {
        let hour = self.digits(2)?;
        self.expect(b":")?;
        let minute = self.digits(2)?;
        self.expect(b":")?;
        let second = self.digits(2)?;
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        let nanos = self.fraction()?;
        Some((i64::from(hour * 3600 + minute * 60 + second), nanos))
    }

    /// Reads an optional `.` followed by one or more digits, as nanoseconds;
    /// digits after the ninth are dropped.
    fn fraction(&mut self) -> Option<u32> {
        if self.expect(b".").is_none() {
            return Some(0);
        }
        let count = self
            .0
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count();
        if count == 0 {
            return None;
        }
        let kept = count.min(9);
        let nanos = self.digits(kept)? * 10_u32.pow(9 - kept as u32);
        self.0 = &self.0[count - kept..];
        Some(nanos)
    }

    /// Reads `Z`, `z`, `+hh:mm` or `-hh:mm`, and returns the offset from UTC
    /// in seconds.
    fn utc_offset(&mut self) -> Option<i64> {
        let sign = match self.expect_one_of(b"Zz+-")? {
            b'+' => 1,
            b'-' => -1,
            _ => return Some(0),
        };
        let hours = self.digits(2)?;
        self.expect(b":")?;
        let minutes = self.digits(2)?;
        if hours > 23 || minutes > 59 {
            return None;
        }
        Some(sign * i64::from(hours * 3600 + minutes * 60))
    }

    /// Succeeds if all the text has been read.
    fn finish(&self) -> Option<()> {
        self.0.is_empty().then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(secs: i64, nanos: u32) -> Timestamp {
        Timestamp::from_secs_and_nanos(secs, nanos).unwrap()
    }

    fn date_time(text: &str) -> Timestamp {
        Timestamp::parse_date_time(text).unwrap_or_else(|err| panic!("{text:?}: {err}"))
    }

    fn http_date(text: &str) -> Timestamp {
        Timestamp::parse_http_date(text).unwrap_or_else(|err| panic!("{text:?}: {err}"))
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

        /// A timestamp in years 0000 to 9999, with a fraction of any length.
        fn timestamp(&mut self) -> Timestamp {
            let secs = (self.next() % 315_537_897_600) as i64 - 62_167_219_200;
            let nanos = match self.next() % 3 {
                0 => 0,
                1 => (self.next() % 1000) as u32 * 1_000_000,
                _ => (self.next() % 1_000_000_000) as u32,
            };
            ts(secs, nanos)
        }
    }

    #[test]
    fn smithy_protocol_test_values() {
        let t = ts(946_845_296, 0);
        assert_eq!(date_time("2000-01-02T20:34:56Z"), t);
        assert_eq!(t.to_date_time_string(), "2000-01-02T20:34:56Z");
        assert_eq!(http_date("Sun, 02 Jan 2000 20:34:56 GMT"), t);
        assert_eq!(t.to_http_date_string(), "Sun, 02 Jan 2000 20:34:56 GMT");
        let fractional = ts(946_845_296, 123_000_000);
        assert_eq!(date_time("2000-01-02T20:34:56.123Z"), fractional);
        assert_eq!(fractional.to_date_time_string(), "2000-01-02T20:34:56.123Z");
        assert_eq!(http_date("Sun, 02 Jan 2000 20:34:56.123 GMT"), fractional);
        assert_eq!(
            fractional.to_http_date_string(),
            "Sun, 02 Jan 2000 20:34:56.123 GMT"
        );
        assert_eq!(date_time("2000-01-02T19:34:56-01:00"), t);
        assert_eq!(date_time("2000-01-02T21:34:56+01:00"), t);
    }

    #[test]
    fn date_time_fractions_of_any_length() {
        let cases = [
            ("2000-01-02T20:34:56.1Z", 100_000_000),
            ("2000-01-02T20:34:56.12Z", 120_000_000),
            ("2000-01-02T20:34:56.000000001Z", 1),
            ("2000-01-02T20:34:56.123456789Z", 123_456_789),
            ("2000-01-02T20:34:56.1234567899999Z", 123_456_789),
            ("2000-01-02T20:34:56.000Z", 0),
        ];
        for (text, nanos) in cases {
            assert_eq!(date_time(text), ts(946_845_296, nanos), "{text}");
        }
    }

    #[test]
    fn date_time_lowercase_and_offsets() {
        let t = ts(946_845_296, 0);
        assert_eq!(date_time("2000-01-02t20:34:56z"), t);
        assert_eq!(date_time("2000-01-02T20:34:56+00:00"), t);
        assert_eq!(date_time("2000-01-02T20:34:56-00:00"), t);
        assert_eq!(date_time("2000-01-03T02:04:56+05:30"), t);
        assert_eq!(
            date_time("2000-01-02T08:34:56.5-12:00"),
            ts(946_845_296, 500_000_000)
        );
        // An offset can move the instant across midnight and years.
        assert_eq!(date_time("1970-01-01T00:00:00+01:00"), ts(-3600, 0));
        assert_eq!(date_time("1969-12-31T23:00:00-01:00"), ts(0, 0));
    }

    #[test]
    fn date_time_calendar_edges() {
        assert_eq!(date_time("1970-01-01T00:00:00Z"), ts(0, 0));
        assert_eq!(date_time("1969-12-31T23:59:59Z"), ts(-1, 0));
        assert_eq!(date_time("2000-02-29T00:00:00Z"), ts(951_782_400, 0));
        assert_eq!(date_time("0000-01-01T00:00:00Z"), ts(-62_167_219_200, 0));
        assert_eq!(date_time("9999-12-31T23:59:59Z"), ts(253_402_300_799, 0));
        // A leap second reads as the next minute's first second.
        assert_eq!(
            date_time("1998-12-31T23:59:60Z"),
            date_time("1999-01-01T00:00:00Z")
        );
    }

    #[test]
    fn date_time_rejects_malformed_text() {
        for text in [
            "",
            "2000-01-02",
            "2000-01-02T20:34:56",
            "2000-01-02 20:34:56Z",
            "2000-01-02T20:34Z",
            "2000-01-02T20:34:56.Z",
            "2000-01-02T20:34:56+01",
            "2000-01-02T20:34:56+0100",
            "2000-01-02T20:34:56+24:00",
            "2000-01-02T20:34:56ZZ",
            "2000-01-02T20:34:56Z ",
            " 2000-01-02T20:34:56Z",
            "2000-1-02T20:34:56Z",
            "200-01-02T20:34:56Z",
            "+2000-01-02T20:34:56Z",
            "2000-13-02T20:34:56Z",
            "2000-00-02T20:34:56Z",
            "2000-01-00T20:34:56Z",
            "2000-01-32T20:34:56Z",
            "2001-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2000-04-31T00:00:00Z",
            "2000-01-02T24:00:00Z",
            "2000-01-02T20:60:00Z",
            "2000-01-02T20:34:61Z",
            "2000-01-02T2a:34:56Z",
            "Sun, 02 Jan 2000 20:34:56 GMT",
            "946845296",
        ] {
            let err = Timestamp::parse_date_time(text).unwrap_err();
            assert!(
                err.to_string().starts_with("invalid date-time timestamp"),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn date_time_error_message() {
        let err = Timestamp::parse_date_time("2000-13-01T00:00:00Z").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid date-time timestamp \"2000-13-01T00:00:00Z\": expected RFC 3339 such as \
             `2000-01-02T20:34:56Z` or `2000-01-02T21:34:56.123+01:00`"
        );
    }

    #[test]
    fn http_date_names_and_fractions() {
        // The weekday is not checked against the date.
        assert_eq!(
            http_date("Mon, 02 Jan 2000 20:34:56 GMT"),
            ts(946_845_296, 0)
        );
        assert_eq!(
            http_date("Sun, 02 Jan 2000 20:34:56.000000001 GMT"),
            ts(946_845_296, 1)
        );
        assert_eq!(http_date("Thu, 01 Jan 1970 00:00:00 GMT"), ts(0, 0));
        assert_eq!(http_date("Wed, 31 Dec 1969 23:59:59 GMT"), ts(-1, 0));
        for (index, name) in MONTHS.iter().enumerate() {
            let text = format!("Sat, 15 {name} 2022 12:00:00 GMT");
            let month = index as u32 + 1;
            let expected = days_from_date(2022, month, 15).unwrap() * SECS_PER_DAY + 43_200;
            assert_eq!(http_date(&text), ts(expected, 0), "{text}");
        }
    }

    #[test]
    fn http_date_formats_weekdays() {
        // 2000-01-02 was a Sunday; walk a week forward and back.
        for offset in -7_i64..14 {
            let t = ts(946_845_296 + offset * SECS_PER_DAY, 0);
            let text = t.to_http_date_string();
            let expected = WEEKDAYS[offset.rem_euclid(7) as usize];
            assert!(text.starts_with(expected), "{text}");
        }
        assert_eq!(
            ts(0, 0).to_http_date_string(),
            "Thu, 01 Jan 1970 00:00:00 GMT"
        );
        assert_eq!(
            ts(-1, 0).to_http_date_string(),
            "Wed, 31 Dec 1969 23:59:59 GMT"
        );
        assert_eq!(
            ts(-1, 500_000_000).to_http_date_string(),
            "Wed, 31 Dec 1969 23:59:59.5 GMT"
        );
        assert_eq!(
            ts(253_402_300_800, 0).to_http_date_string(),
            "Sat, 01 Jan +10000 00:00:00 GMT"
        );
    }

    #[test]
    fn http_date_rejects_malformed_text() {
        for text in [
            "",
            "Sun, 02 Jan 2000 20:34:56",
            "Sun, 02 Jan 2000 20:34:56 UTC",
            "Sun, 02 Jan 2000 20:34:56 gmt",
            "Xyz, 02 Jan 2000 20:34:56 GMT",
            "sun, 02 Jan 2000 20:34:56 GMT",
            "Sunday, 02 Jan 2000 20:34:56 GMT",
            "Sun, 2 Jan 2000 20:34:56 GMT",
            "Sun, 02 January 2000 20:34:56 GMT",
            "Sun, 02 Foo 2000 20:34:56 GMT",
            "Sun, 02 jan 2000 20:34:56 GMT",
            "Sun, 30 Feb 2000 20:34:56 GMT",
            "Sun, 02 Jan 00 20:34:56 GMT",
            "Sun, 02 Jan 2000 20:34:56. GMT",
            "Sun, 02 Jan 2000 25:34:56 GMT",
            "Sun, 02 Jan 2000 20:34:56 GMT ",
            "Sun 02 Jan 2000 20:34:56 GMT",
            "Sunday, 02-Jan-00 20:34:56 GMT",
            "Sun Jan  2 20:34:56 2000",
            "2000-01-02T20:34:56Z",
        ] {
            let err = Timestamp::parse_http_date(text).unwrap_err();
            assert!(
                err.to_string().starts_with("invalid http-date timestamp"),
                "{text}: {err}"
            );
        }
        let err = Timestamp::parse_http_date("x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid http-date timestamp \"x\": expected IMF-fixdate such as \
             `Sun, 02 Jan 2000 20:34:56 GMT`"
        );
    }

    #[test]
    fn fmt_http_date_appends_to_any_writer() {
        let mut out = String::from("Date: ");
        ts(946_845_296, 0).fmt_http_date(&mut out).unwrap();
        assert_eq!(out, "Date: Sun, 02 Jan 2000 20:34:56 GMT");
    }

    #[test]
    fn days_from_date_inverts_civil_from_days() {
        let mut rng = Rng(7);
        for _ in 0..20_000 {
            let days = (rng.next() % 3_652_425) as i64 - 719_528;
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_date(year as u32, month, day), Some(days));
        }
    }

    #[test]
    fn round_trip_property() {
        let mut rng = Rng(0x5eed);
        for _ in 0..20_000 {
            let t = rng.timestamp();
            let text = t.to_date_time_string();
            assert_eq!(date_time(&text), t, "{text}");
            let text = t.to_http_date_string();
            assert_eq!(http_date(&text), t, "{text}");
            // The same instant written with an offset reads back the same.
            let (hours, minutes) = (rng.next() % 24, rng.next() % 60);
            let shift = (hours * 3600 + minutes * 60) as i64;
            let local = ts(t.secs() + shift, t.subsec_nanos()).to_date_time_string();
            if let Some(local) = local.strip_suffix('Z') {
                let text = format!("{local}+{hours:02}:{minutes:02}");
                assert_eq!(date_time(&text), t, "{text}");
            }
        }
    }
}
