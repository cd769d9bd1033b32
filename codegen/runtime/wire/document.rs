//! Documents: any JSON value.

use super::collection::capacity_hint;
use super::number::{number_from_text, NUMBER_TOKEN};
use crate::primitives::{Document, Number};
use ::core::fmt;
use ::serde::de::{self, Unexpected, Visitor};
use ::serde::{Deserialize, Deserializer, Serialize, Serializer};
use ::std::collections::BTreeMap;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::wire::tests::*;

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
}
