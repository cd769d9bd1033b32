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
#![allow(dead_code, unused_macros)]

mod blob;
mod collection;
mod document;
mod error;
mod float;
mod macros;
mod member;
mod number;
mod time;

// What generated code names, at the paths it names them by.
#[allow(unused_imports)]
pub(crate) use blob::Blob;
#[allow(unused_imports)]
pub(crate) use collection::{ListOf, MapOf, SparseListOf, SparseMapOf};
#[allow(unused_imports)]
pub(crate) use error::{error_code, error_message, from_body};
#[allow(unused_imports)]
pub(crate) use float::Float;
#[allow(unused_imports)]
pub(crate) use macros::{json_enum, json_int_enum, json_structure, json_union};
#[allow(unused_imports)]
pub(crate) use member::{
    ignore_object, read_member, read_variant, EmptyObject, EnumVisitor, FieldSeed, UnionKey,
    UnionKeySeed, UnitMember,
};
#[allow(unused_imports)]
pub(crate) use number::BigNumber;
#[allow(unused_imports)]
pub(crate) use time::{DateTime, EpochSeconds, HttpDate};

use ::core::fmt;
use ::core::marker::PhantomData;
use ::serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use ::serde::{Deserializer, Serialize, Serializer};

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

#[cfg(test)]
mod tests {
    //! A hand-written sample of what the generator emits, and the protocol
    //! rules checked against it.

    use super::*;
    pub(super) use crate::primitives::{BigDecimal, BigInteger, Document, Timestamp, UnknownValue};
    pub(super) use ::serde_json::json;
    pub(super) use ::std::collections::BTreeMap;

    #[derive(Debug, Clone, PartialEq)]
    pub(super) struct Config {
        pub(super) path: String,
        pub(super) role_arn: String,
        pub(super) kms_key_arn: Option<String>,
        pub(super) creation_time: Option<Timestamp>,
        pub(super) count: i32,
        pub(super) tags: Option<Vec<String>>,
        pub(super) scores: BTreeMap<String, Option<f64>>,
        pub(super) next: Option<Box<Config>>,
        pub(super) r#type: Option<Status>,
        pub(super) message: Option<String>,
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
    pub(super) struct Empty {}

    crate::primitives::wire::json_structure! { Empty {} }

    #[derive(Debug, Clone, PartialEq, Default)]
    pub(super) struct AllOptional {
        pub(super) name: Option<String>,
        pub(super) size: Option<i64>,
    }

    crate::primitives::wire::json_structure! {
        AllOptional {
            name: "Name", optional, Plain;
            size: "Size", optional, Plain;
        }
    }

    #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
    pub(super) enum Status {
        Active,
        Failed,
        Unknown(UnknownValue<String>),
    }

    impl Status {
        pub(super) fn as_str(&self) -> &str {
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
    pub(super) enum Priority {
        Low,
        High,
        Unknown(UnknownValue<i32>),
    }

    impl Priority {
        pub(super) fn value(&self) -> i32 {
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
    pub(super) enum Choice {
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
    pub(super) struct Rich {
        pub(super) text: Option<String>,
        pub(super) flag: Option<bool>,
        pub(super) long: Option<i64>,
        pub(super) double: Option<f64>,
        pub(super) single: Option<f32>,
        pub(super) blob: Option<Vec<u8>>,
        pub(super) epoch: Option<Timestamp>,
        pub(super) date: Option<Timestamp>,
        pub(super) http: Option<Timestamp>,
        pub(super) big_integer: Option<BigInteger>,
        pub(super) big_decimal: Option<BigDecimal>,
        pub(super) document: Option<Document>,
        pub(super) list: Vec<i32>,
        pub(super) sparse_list: Option<Vec<Option<String>>>,
        pub(super) blobs: Option<BTreeMap<String, Vec<u8>>>,
        pub(super) dates: Option<BTreeMap<String, Option<Timestamp>>>,
        pub(super) matrix: Option<Vec<Vec<f64>>>,
        pub(super) status: Option<Status>,
        pub(super) priority: Option<Priority>,
        pub(super) choice: Option<Choice>,
        pub(super) by_status: Option<BTreeMap<Status, i32>>,
        pub(super) level: i64,
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

    pub(super) fn ts(secs: i64, nanos: u32) -> Timestamp {
        Timestamp::from_secs_and_nanos(secs, nanos).unwrap()
    }

    pub(super) fn to_json<T: Serialize>(value: &T) -> String {
        ::serde_json::to_string(value).unwrap()
    }

    pub(super) fn from_json<T: DeserializeOwned>(text: &str) -> T {
        ::serde_json::from_str(text).unwrap_or_else(|err| panic!("{text}: {err}"))
    }

    pub(super) fn error_of<T: DeserializeOwned + fmt::Debug>(text: &str) -> String {
        ::serde_json::from_str::<T>(text).unwrap_err().to_string()
    }

    pub(super) fn config() -> Config {
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
    pub(super) fn read<T, C: Codec<T>>(text: &str) -> Result<T, ::serde_json::Error> {
        let mut deserializer = ::serde_json::Deserializer::from_str(text);
        let value = C::deserialize(&mut deserializer)?;
        deserializer.end().map(|()| value)
    }

    /// Writes `value` through codec `C`.
    pub(super) fn write<T, C: Codec<T>>(value: &T) -> String {
        ::serde_json::to_string(&Ser::<T, C>::new(value)).unwrap()
    }

    /// Deterministic pseudo-random numbers (xorshift64*), for property loops.
    pub(super) struct Rng(pub(super) u64);

    impl Rng {
        pub(super) fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        pub(super) fn chance(&mut self) -> bool {
            self.next() % 2 == 0
        }

        pub(super) fn maybe<T>(&mut self, make: impl FnOnce(&mut Self) -> T) -> Option<T> {
            if self.chance() {
                Some(make(self))
            } else {
                None
            }
        }

        pub(super) fn text(&mut self) -> String {
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
        pub(super) fn float(&mut self) -> f64 {
            match self.next() % 6 {
                0 => f64::INFINITY,
                1 => f64::NEG_INFINITY,
                2 => 0.1,
                // Few enough digits for serde_json's default float parser,
                // which may be one ulp off for long mantissas.
                _ => ((self.next() as i32) >> 8) as f64 / 64.0,
            }
        }

        pub(super) fn bytes(&mut self) -> Vec<u8> {
            let length = self.next() % 10;
            (0..length).map(|_| self.next() as u8).collect()
        }

        /// An instant in years 0000 to 9999 with any nanoseconds.
        pub(super) fn instant(&mut self) -> Timestamp {
            let secs = (self.next() % 315_537_897_600) as i64 - 62_167_219_200;
            ts(secs, (self.next() % 1_000_000_000) as u32)
        }

        pub(super) fn status(&mut self) -> Status {
            match self.next() % 3 {
                0 => Status::Active,
                1 => Status::Failed,
                _ => Status::from(self.text().as_str()),
            }
        }

        pub(super) fn document(&mut self, depth: u32) -> Document {
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

        pub(super) fn choice(&mut self, depth: u32) -> Choice {
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

        pub(super) fn rich(&mut self) -> Rich {
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
}
