//! Untyped JSON-like values, used for Smithy `document` members.

use ::std::collections::BTreeMap;

/// A Smithy document: an untyped value shaped like JSON.
///
/// Object keys are kept sorted, so two documents with the same members
/// compare equal whatever order the members arrived in.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Document {
    /// The absence of a value (JSON `null`).
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number; see [`Number`].
    Number(Number),
    /// A string.
    String(String),
    /// An ordered list of documents.
    Array(Vec<Document>),
    /// Named documents, sorted by name.
    Object(BTreeMap<String, Document>),
}

/// A number inside a [`Document`].
///
/// The `From` conversions store every integer that is zero or above as
/// [`PosInt`](Number::PosInt), so `NegInt` only holds negative values.
/// Equality compares variants first: `PosInt(1)` differs from `Float(1.0)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// An integer that is zero or above.
    PosInt(u64),
    /// An integer below zero.
    NegInt(i64),
    /// A floating-point number.
    Float(f64),
}

impl Number {
    /// The value as an `f64`; integers above 2^53 in magnitude are rounded.
    pub fn as_f64(&self) -> f64 {
        match *self {
            Number::PosInt(value) => value as f64,
            Number::NegInt(value) => value as f64,
            Number::Float(value) => value,
        }
    }

    /// The value as an `i64`, if it is a whole number in `i64`'s range.
    /// Floats with a fractional part, NaN and infinities give `None`.
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Number::PosInt(value) => i64::try_from(value).ok(),
            Number::NegInt(value) => Some(value),
            Number::Float(value) => {
                is_whole_in(value, -TWO_POW_63, TWO_POW_63).then_some(value as i64)
            }
        }
    }

    /// The value as a `u64`, if it is a whole number in `u64`'s range.
    /// Floats with a fractional part, NaN and infinities give `None`.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::PosInt(value) => Some(value),
            Number::NegInt(value) => u64::try_from(value).ok(),
            Number::Float(value) => is_whole_in(value, 0.0, TWO_POW_64).then_some(value as u64),
        }
    }
}

/// 2^63 (one past `i64::MAX`), exact in `f64`.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;
/// 2^64 (one past `u64::MAX`), exact in `f64`.
const TWO_POW_64: f64 = 18_446_744_073_709_551_616.0;

/// Whether `value` is a whole number in `start..end`; false for NaN and
/// infinities. Inside such a range, casting to the integer type is exact.
fn is_whole_in(value: f64, start: f64, end: f64) -> bool {
    value.fract() == 0.0 && (start..end).contains(&value)
}

impl From<u64> for Number {
    fn from(value: u64) -> Self {
        Number::PosInt(value)
    }
}

impl From<i64> for Number {
    /// Stores values that are zero or above as [`Number::PosInt`].
    fn from(value: i64) -> Self {
        match u64::try_from(value) {
            Ok(positive) => Number::PosInt(positive),
            Err(_) => Number::NegInt(value),
        }
    }
}

impl From<f64> for Number {
    fn from(value: f64) -> Self {
        Number::Float(value)
    }
}

impl Document {
    /// Whether this is [`Document::Null`].
    pub fn is_null(&self) -> bool {
        matches!(self, Document::Null)
    }

    /// The boolean, if this is [`Document::Bool`].
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Document::Bool(value) => Some(*value),
            _ => None,
        }
    }

    /// The number, if this is [`Document::Number`].
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Document::Number(value) => Some(value),
            _ => None,
        }
    }

    /// The text, if this is [`Document::String`].
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Document::String(value) => Some(value),
            _ => None,
        }
    }

    /// The elements, if this is [`Document::Array`].
    pub fn as_array(&self) -> Option<&[Document]> {
        match self {
            Document::Array(values) => Some(values),
            _ => None,
        }
    }

    /// The members, if this is [`Document::Object`].
    pub fn as_object(&self) -> Option<&BTreeMap<String, Document>> {
        match self {
            Document::Object(members) => Some(members),
            _ => None,
        }
    }
}

impl From<bool> for Document {
    fn from(value: bool) -> Self {
        Document::Bool(value)
    }
}

impl From<Number> for Document {
    fn from(value: Number) -> Self {
        Document::Number(value)
    }
}

impl From<u64> for Document {
    fn from(value: u64) -> Self {
        Document::Number(value.into())
    }
}

impl From<i64> for Document {
    /// Stores values that are zero or above as [`Number::PosInt`].
    fn from(value: i64) -> Self {
        Document::Number(value.into())
    }
}

impl From<f64> for Document {
    fn from(value: f64) -> Self {
        Document::Number(value.into())
    }
}

impl From<String> for Document {
    fn from(value: String) -> Self {
        Document::String(value)
    }
}

impl From<&str> for Document {
    fn from(value: &str) -> Self {
        Document::String(value.to_owned())
    }
}

impl From<Vec<Document>> for Document {
    fn from(values: Vec<Document>) -> Self {
        Document::Array(values)
    }
}

impl From<BTreeMap<String, Document>> for Document {
    fn from(members: BTreeMap<String, Document>) -> Self {
        Document::Object(members)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let mut members = BTreeMap::new();
        members.insert("name".to_owned(), Document::from("forecast"));
        members.insert("count".to_owned(), Document::from(3_u64));
        members.insert("ratio".to_owned(), Document::from(0.5));
        members.insert("enabled".to_owned(), Document::from(true));
        members.insert("nothing".to_owned(), Document::Null);
        let list = vec![Document::from(-1_i64), Document::from("x".to_owned())];
        members.insert("list".to_owned(), Document::from(list));
        Document::from(members)
    }

    #[test]
    fn default_is_null() {
        assert_eq!(Document::default(), Document::Null);
        assert!(Document::default().is_null());
        assert!(!Document::from(false).is_null());
    }

    #[test]
    fn from_conversions_pick_the_variant() {
        assert_eq!(Document::from(true), Document::Bool(true));
        assert_eq!(Document::from("a"), Document::String("a".to_owned()));
        assert_eq!(
            Document::from("a".to_owned()),
            Document::String("a".to_owned())
        );
        assert_eq!(Document::from(7_u64), Document::Number(Number::PosInt(7)));
        assert_eq!(Document::from(7_i64), Document::Number(Number::PosInt(7)));
        assert_eq!(Document::from(0_i64), Document::Number(Number::PosInt(0)));
        assert_eq!(Document::from(-7_i64), Document::Number(Number::NegInt(-7)));
        assert_eq!(
            Document::from(i64::MIN),
            Document::Number(Number::NegInt(i64::MIN))
        );
        assert_eq!(Document::from(1.5), Document::Number(Number::Float(1.5)));
        assert_eq!(
            Document::from(Number::Float(2.0)),
            Document::Number(Number::Float(2.0))
        );
        assert_eq!(Document::from(Vec::new()), Document::Array(Vec::new()));
        assert_eq!(
            Document::from(BTreeMap::new()),
            Document::Object(BTreeMap::new())
        );
    }

    #[test]
    fn accessors_match_only_their_variant() {
        let doc = sample();
        let members = doc.as_object().unwrap();
        assert_eq!(members.len(), 6);
        assert_eq!(members["name"].as_str(), Some("forecast"));
        assert_eq!(members["enabled"].as_bool(), Some(true));
        assert_eq!(
            members["count"].as_number().and_then(Number::as_u64),
            Some(3)
        );
        assert_eq!(members["ratio"].as_number().map(Number::as_f64), Some(0.5));
        assert!(members["nothing"].is_null());
        let list = members["list"].as_array().unwrap();
        assert_eq!(list[0].as_number().and_then(Number::as_i64), Some(-1));
        assert_eq!(list[1].as_str(), Some("x"));

        assert_eq!(doc.as_str(), None);
        assert_eq!(doc.as_bool(), None);
        assert_eq!(doc.as_array(), None);
        assert_eq!(doc.as_number(), None);
        assert_eq!(members["name"].as_object(), None);
        assert_eq!(members["name"].as_bool(), None);
        assert!(!doc.is_null());
    }

    #[test]
    fn object_equality_ignores_insertion_order() {
        let mut first = BTreeMap::new();
        first.insert("a".to_owned(), Document::from(1_u64));
        first.insert("b".to_owned(), Document::from(2_u64));
        let mut second = BTreeMap::new();
        second.insert("b".to_owned(), Document::from(2_u64));
        second.insert("a".to_owned(), Document::from(1_u64));
        assert_eq!(Document::from(first), Document::from(second));
        assert_ne!(sample(), Document::Null);
        assert_eq!(sample().clone(), sample());
    }

    #[test]
    fn number_as_f64() {
        assert_eq!(Number::PosInt(3).as_f64(), 3.0);
        assert_eq!(Number::NegInt(-3).as_f64(), -3.0);
        assert_eq!(Number::Float(-0.25).as_f64(), -0.25);
        assert_eq!(
            Number::PosInt(u64::MAX).as_f64(),
            18_446_744_073_709_551_616.0
        );
    }

    #[test]
    fn number_as_i64() {
        assert_eq!(Number::PosInt(5).as_i64(), Some(5));
        assert_eq!(Number::PosInt(i64::MAX as u64).as_i64(), Some(i64::MAX));
        assert_eq!(Number::PosInt(i64::MAX as u64 + 1).as_i64(), None);
        assert_eq!(Number::NegInt(i64::MIN).as_i64(), Some(i64::MIN));
        assert_eq!(Number::Float(-42.0).as_i64(), Some(-42));
        assert_eq!(Number::Float(-0.0).as_i64(), Some(0));
        assert_eq!(Number::Float(1.5).as_i64(), None);
        assert_eq!(
            Number::Float(-9_223_372_036_854_775_808.0).as_i64(),
            Some(i64::MIN)
        );
        assert_eq!(Number::Float(9_223_372_036_854_775_808.0).as_i64(), None);
        assert_eq!(Number::Float(f64::NAN).as_i64(), None);
        assert_eq!(Number::Float(f64::INFINITY).as_i64(), None);
        assert_eq!(Number::Float(f64::NEG_INFINITY).as_i64(), None);
    }

    #[test]
    fn number_as_u64() {
        assert_eq!(Number::PosInt(u64::MAX).as_u64(), Some(u64::MAX));
        assert_eq!(Number::NegInt(-1).as_u64(), None);
        assert_eq!(Number::Float(3.0).as_u64(), Some(3));
        assert_eq!(Number::Float(-0.0).as_u64(), Some(0));
        assert_eq!(Number::Float(-1.0).as_u64(), None);
        assert_eq!(Number::Float(0.5).as_u64(), None);
        assert_eq!(
            Number::Float(18_446_744_073_709_549_568.0).as_u64(),
            Some(18_446_744_073_709_549_568)
        );
        assert_eq!(Number::Float(18_446_744_073_709_551_616.0).as_u64(), None);
        assert_eq!(Number::Float(f64::NAN).as_u64(), None);
        assert_eq!(Number::Float(f64::INFINITY).as_u64(), None);
    }

    #[test]
    fn integer_conversions_round_trip_property() {
        let mut state: u64 = 0x1234_5678_9abc_def0;
        for _ in 0..10_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let signed = state as i64;
            let number = Number::from(signed);
            assert_eq!(number.as_i64(), Some(signed));
            assert_eq!(number.as_u64(), u64::try_from(signed).ok());
            assert_eq!(matches!(number, Number::NegInt(_)), signed < 0);
            assert_eq!(Number::from(state).as_u64(), Some(state));
        }
    }
}
