//! Lists and maps, sparse or not.

use super::{Codec, De, Nullable, Ser};
use ::core::fmt;
use ::core::marker::PhantomData;
use ::serde::de::{self, DeserializeOwned, Visitor};
use ::serde::{Deserializer, Serialize, Serializer};
use ::std::collections::BTreeMap;

/// A `Vec<T>` whose elements use codec `C`; `null` elements are skipped.
pub(crate) struct ListOf<C>(PhantomData<C>);
/// A `Vec<Option<T>>` whose elements use codec `C`; `null` is kept.
pub(crate) struct SparseListOf<C>(PhantomData<C>);
/// A `BTreeMap<K, V>` whose values use codec `C`; `null` values are skipped.
pub(crate) struct MapOf<C>(PhantomData<C>);
/// A `BTreeMap<K, Option<V>>` whose values use codec `C`; `null` is kept.
pub(crate) struct SparseMapOf<C>(PhantomData<C>);

/// A capacity to reserve from a size hint, bounded against hostile input.
pub(super) fn capacity_hint(hint: Option<usize>) -> usize {
    hint.unwrap_or(0).min(4096)
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::wire::tests::*;

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
}
