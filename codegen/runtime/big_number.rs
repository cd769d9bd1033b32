//! Arbitrary-precision numbers, used for Smithy `bigInteger` and
//! `bigDecimal` members.
//!
//! Both types keep the number as checked decimal text, so no precision is
//! ever lost; convert the text with the big-number library of your choice.

use ::core::fmt;
use ::core::str::FromStr;

/// An integer of any size, kept as its decimal text.
///
/// The text is normalized when parsed: no `+` sign and no leading zeros, and
/// zero is always `0`. Equal values therefore have equal text, so equality
/// and hashing follow the value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BigInteger(String);

/// A decimal number of any size and precision, kept as its decimal text.
///
/// The text follows JSON's number syntax, e.g. `-12.50` or `6.02e23`. When
/// parsed, a leading `+` and extra leading zeros of the integer part are
/// removed; everything else is kept as written. Equality and hashing compare
/// that text, so `1.0`, `1.00` and `1e0` are different values here.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BigDecimal(String);

impl BigInteger {
    /// The decimal text, e.g. `-123456789012345678901234567890`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl BigDecimal {
    /// The decimal text, e.g. `6.02e23`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for BigInteger {
    type Err = ParseBigNumberError;

    /// Accepts an optional `-` or `+` followed by one or more ASCII digits.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (negative, digits) = split_sign(text);
        if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(ParseBigNumberError::syntax(Kind::Integer, text));
        }
        let digits = digits.trim_start_matches('0');
        Ok(BigInteger(match (negative, digits) {
            (_, "") => "0".to_owned(),
            (true, digits) => format!("-{digits}"),
            (false, digits) => digits.to_owned(),
        }))
    }
}

impl FromStr for BigDecimal {
    type Err = ParseBigNumberError;

    /// Accepts an optional `-` or `+`, one or more digits, an optional `.`
    /// followed by one or more digits, and an optional exponent (`e` or `E`,
    /// optional sign, one or more digits).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || ParseBigNumberError::syntax(Kind::Decimal, text);
        let (negative, unsigned) = split_sign(text);
        let (int_digits, tail) = split_digits(unsigned);
        if int_digits.is_empty() {
            return Err(error());
        }
        let mut rest = tail;
        if let Some(after_dot) = rest.strip_prefix('.') {
            rest = split_nonempty_digits(after_dot).ok_or_else(error)?;
        }
        if let Some(after_e) = rest.strip_prefix(['e', 'E']) {
            rest = split_nonempty_digits(split_sign(after_e).1).ok_or_else(error)?;
        }
        if !rest.is_empty() {
            return Err(error());
        }
        let int_digits = match int_digits.trim_start_matches('0') {
            "" => "0",
            trimmed => trimmed,
        };
        let sign = if negative { "-" } else { "" };
        Ok(BigDecimal(format!("{sign}{int_digits}{tail}")))
    }
}

/// Splits an optional leading `-` or `+`; returns whether it was `-`.
fn split_sign(text: &str) -> (bool, &str) {
    match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    }
}

/// Splits the leading ASCII digits from the rest.
fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// Skips one or more leading digits and returns the rest, or `None` if the
/// text does not start with a digit.
fn split_nonempty_digits(text: &str) -> Option<&str> {
    match split_digits(text) {
        ("", _) => None,
        (_, rest) => Some(rest),
    }
}

impl fmt::Display for BigInteger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for BigDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<i64> for BigInteger {
    fn from(value: i64) -> Self {
        BigInteger(value.to_string())
    }
}

impl From<u64> for BigInteger {
    fn from(value: u64) -> Self {
        BigInteger(value.to_string())
    }
}

impl From<i128> for BigInteger {
    fn from(value: i128) -> Self {
        BigInteger(value.to_string())
    }
}

impl From<u128> for BigInteger {
    fn from(value: u128) -> Self {
        BigInteger(value.to_string())
    }
}

impl From<BigInteger> for BigDecimal {
    /// Every integer is also a decimal; the text is kept.
    fn from(value: BigInteger) -> Self {
        BigDecimal(value.0)
    }
}

impl From<i64> for BigDecimal {
    fn from(value: i64) -> Self {
        BigDecimal(value.to_string())
    }
}

impl From<u64> for BigDecimal {
    fn from(value: u64) -> Self {
        BigDecimal(value.to_string())
    }
}

impl TryFrom<f64> for BigDecimal {
    type Error = ParseBigNumberError;

    /// Writes the shortest text that reads back as the same `f64`, in plain
    /// notation for magnitudes from 1e-6 up to 1e21 and in exponent notation
    /// otherwise (`0.1`, `-2.5`, `1e300`, `5e-324`). Fails for NaN and
    /// infinities.
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if !value.is_finite() {
            return Err(ParseBigNumberError {
                kind: Kind::NonFinite,
                input: value.to_string(),
            });
        }
        let magnitude = value.abs();
        let text = if magnitude == 0.0 || (1e-6..1e21).contains(&magnitude) {
            value.to_string()
        } else {
            format!("{value:e}")
        };
        Ok(BigDecimal(text))
    }
}

/// The error returned when text is not a valid [`BigInteger`] or
/// [`BigDecimal`], or when a float is not finite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseBigNumberError {
    kind: Kind,
    input: String,
}

/// What was being made when the error happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Integer,
    Decimal,
    NonFinite,
}

impl ParseBigNumberError {
    /// A syntax error, quoting at most 64 characters of the input.
    fn syntax(kind: Kind, text: &str) -> Self {
        let input = match text.char_indices().nth(64) {
            Some((end, _)) => format!("{}...", &text[..end]),
            None => text.to_owned(),
        };
        ParseBigNumberError { kind, input }
    }
}

impl fmt::Display for ParseBigNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = &self.input;
        match self.kind {
            Kind::Integer => write!(
                f,
                "invalid big integer {input:?}: expected an optional sign followed by decimal digits"
            ),
            Kind::Decimal => write!(
                f,
                "invalid big decimal {input:?}: expected a decimal number such as `-12.5` or `6.02e23`"
            ),
            Kind::NonFinite => write!(f, "cannot make a big decimal from the float {input}"),
        }
    }
}

impl ::std::error::Error for ParseBigNumberError {}

#[cfg(test)]
mod tests {
    use super::*;
    use ::std::collections::HashSet;

    fn integer(text: &str) -> BigInteger {
        text.parse()
            .unwrap_or_else(|err| panic!("{text:?} should parse: {err}"))
    }

    fn decimal(text: &str) -> BigDecimal {
        text.parse()
            .unwrap_or_else(|err| panic!("{text:?} should parse: {err}"))
    }

    #[test]
    fn integer_parse_keeps_digits() {
        let huge = "123456789012345678901234567890123456789012345678901234567890";
        assert_eq!(integer(huge).as_str(), huge);
        assert_eq!(integer(&format!("-{huge}")).as_str(), format!("-{huge}"));
        assert_eq!(integer("42").as_str(), "42");
        assert_eq!(integer("0").as_str(), "0");
    }

    #[test]
    fn integer_parse_normalizes() {
        let cases = [
            ("+42", "42"),
            ("0042", "42"),
            ("-0042", "-42"),
            ("-0", "0"),
            ("+0", "0"),
            ("000", "0"),
        ];
        for (text, expected) in cases {
            assert_eq!(integer(text).as_str(), expected, "{text}");
        }
        assert_eq!(integer("-0"), integer("0"));
    }

    #[test]
    fn integer_parse_rejects_malformed_text() {
        for text in [
            "", "-", "+", "1.0", "1e3", " 1", "1 ", "--1", "+-1", "0x1F", "1_000", "abc", "١٢",
        ] {
            let err = text.parse::<BigInteger>().unwrap_err();
            assert!(
                err.to_string().starts_with("invalid big integer"),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn decimal_parse_keeps_text() {
        for text in [
            "0",
            "-0",
            "-0.0",
            "1.0",
            "1.00",
            "-12.50",
            "6.02e23",
            "6.02E+23",
            "1e-7",
            "0.000",
            "123456789012345678901234567890.123456789012345678901234567890e-12345678901234567890",
        ] {
            assert_eq!(decimal(text).as_str(), text);
        }
    }

    #[test]
    fn decimal_parse_normalizes_sign_and_leading_zeros() {
        let cases = [
            ("+1.5", "1.5"),
            ("007.5", "7.5"),
            ("-007.5e3", "-7.5e3"),
            ("000.001", "0.001"),
            ("+00e5", "0e5"),
        ];
        for (text, expected) in cases {
            assert_eq!(decimal(text).as_str(), expected, "{text}");
        }
    }

    #[test]
    fn decimal_parse_rejects_malformed_text() {
        for text in [
            "",
            "-",
            "+",
            ".",
            ".5",
            "5.",
            "-.5",
            "1e",
            "1e+",
            "1E-",
            "e5",
            "1.5.5",
            "1,5",
            "1e5.5",
            "1e5e5",
            " 1",
            "1 ",
            "NaN",
            "inf",
            "-infinity",
            "0x10",
            "1_0",
            "1.5f",
        ] {
            let err = text.parse::<BigDecimal>().unwrap_err();
            assert!(
                err.to_string().starts_with("invalid big decimal"),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn error_messages() {
        let err = "1.5".parse::<BigInteger>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid big integer \"1.5\": expected an optional sign followed by decimal digits"
        );
        let err = "x".parse::<BigDecimal>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid big decimal \"x\": expected a decimal number such as `-12.5` or `6.02e23`"
        );
        let long = "ü".repeat(1000);
        let message = long.parse::<BigDecimal>().unwrap_err().to_string();
        assert!(message.len() < 300 && message.contains("..."), "{message}");
        let boxed: Box<dyn ::std::error::Error> = Box::new(err);
        assert!(boxed.to_string().contains("\"x\""));
    }

    #[test]
    fn display_matches_as_str() {
        assert_eq!(integer("-17").to_string(), "-17");
        assert_eq!(decimal("6.02e23").to_string(), "6.02e23");
    }

    #[test]
    fn integer_from_primitives() {
        assert_eq!(BigInteger::from(-5_i64).as_str(), "-5");
        assert_eq!(BigInteger::from(i64::MIN).as_str(), "-9223372036854775808");
        assert_eq!(BigInteger::from(u64::MAX).as_str(), "18446744073709551615");
        assert_eq!(BigInteger::from(i128::MIN).as_str(), i128::MIN.to_string());
        assert_eq!(BigInteger::from(u128::MAX).as_str(), u128::MAX.to_string());
        assert_eq!(BigInteger::from(0_u64), integer("-0"));
    }

    #[test]
    fn integer_round_trip_property() {
        let mut state: u128 = 0x0123_4567_89ab_cdef_fedc_ba98_7654_3210;
        for _ in 0..10_000 {
            state = state
                .wrapping_mul(0x2360_ed05_1fc6_5da4_4385_df64_9fcc_f645)
                .wrapping_add(0x5851_f42d_4c95_7f2d_1405_7b7e_f767_814f);
            let value = state as i128 >> (state % 127);
            let big = BigInteger::from(value);
            assert_eq!(big.as_str().parse::<i128>().unwrap(), value);
            assert_eq!(integer(big.as_str()), big);
            assert_eq!(integer(&format!("{value:+}")), big);
        }
    }

    #[test]
    fn decimal_from_integers() {
        assert_eq!(BigDecimal::from(-5_i64).as_str(), "-5");
        assert_eq!(BigDecimal::from(u64::MAX).as_str(), "18446744073709551615");
        assert_eq!(BigDecimal::from(integer("-0012")).as_str(), "-12");
    }

    #[test]
    fn decimal_from_f64() {
        let cases = [
            (0.1, "0.1"),
            (-2.5, "-2.5"),
            (0.0, "0"),
            (-0.0, "-0"),
            (1.0, "1"),
            (1e20, "100000000000000000000"),
            (1e21, "1e21"),
            (1e300, "1e300"),
            (0.000001, "0.000001"),
            (0.0000001, "1e-7"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e308"),
            (-1.5e-10, "-1.5e-10"),
        ];
        for (value, expected) in cases {
            assert_eq!(
                BigDecimal::try_from(value).unwrap().as_str(),
                expected,
                "{value}"
            );
        }
    }

    #[test]
    fn decimal_from_non_finite_f64_fails() {
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let err = BigDecimal::try_from(value).unwrap_err();
            assert!(
                err.to_string().starts_with("cannot make a big decimal"),
                "{err}"
            );
        }
        let err = BigDecimal::try_from(f64::NEG_INFINITY).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot make a big decimal from the float -inf"
        );
    }

    #[test]
    fn decimal_from_f64_round_trip_property() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = f64::from_bits(state);
            if !value.is_finite() {
                continue;
            }
            let big = BigDecimal::try_from(value).unwrap();
            assert_eq!(
                big.as_str().parse::<f64>().unwrap().to_bits(),
                value.to_bits()
            );
            assert_eq!(decimal(big.as_str()), big, "{big}");
        }
    }

    #[test]
    fn equality_and_hashing() {
        let mut integers = HashSet::new();
        integers.insert(integer("007"));
        integers.insert(integer("+7"));
        integers.insert(BigInteger::from(7_i64));
        assert_eq!(integers.len(), 1);
        let mut decimals = HashSet::new();
        decimals.insert(decimal("1.0"));
        decimals.insert(decimal("+1.0"));
        decimals.insert(decimal("1.00"));
        assert_eq!(decimals.len(), 2);
        assert_eq!(decimal("1.5").clone(), decimal("1.5"));
    }
}
