//! Member names, unit members, empty objects and enum values: what the
//! macros expand to.

use super::{Codec, De, Nullable};
use ::core::fmt;
use ::core::marker::PhantomData;
use ::serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use ::serde::ser::SerializeMap;
use ::serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Reads the value of a structure member through codec `C` into `slot`; `null` leaves
/// it `None`. The value goes straight into its slot, and the function has a frame of
/// its own, so that reading a structure keeps few copies of a nested value on the
/// stack while the value's own members are read.
#[inline(never)]
pub(crate) fn read_member<'de, T, C: Codec<T>, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    map.next_value_seed(Slot::<T, C> {
        slot,
        codec: PhantomData,
    })
}

/// Reads the value of a union member through codec `C` and makes it a boxed `variant`;
/// `null` gives `None`. A function of its own, so that reading a union keeps only the
/// member being read on the stack, not a temporary for every variant.
#[inline(never)]
pub(crate) fn read_variant<'de, T, C: Codec<T>, U, A: MapAccess<'de>>(
    map: &mut A,
    variant: fn(T) -> U,
) -> Result<Option<Box<U>>, A::Error> {
    let value = map.next_value_seed(De::<Option<T>, Nullable<C>>::new())?;
    Ok(value.map(|value| Box::new(variant(value))))
}

/// A seed that reads `null` as `None` and anything else through codec `C`, into a
/// member's slot.
struct Slot<'a, T, C> {
    slot: &'a mut Option<T>,
    codec: PhantomData<fn() -> C>,
}

impl<'de, T, C: Codec<T>> DeserializeSeed<'de> for Slot<'_, T, C> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T, C: Codec<T>> Visitor<'de> for Slot<'_, T, C> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        *self.slot = None;
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        *self.slot = None;
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        *self.slot = Some(C::deserialize(deserializer)?);
        Ok(())
    }
}

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
