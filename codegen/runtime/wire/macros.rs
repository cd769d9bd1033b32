//! The macros that implement serde for each generated shape.
//!
//! The expansions name everything by absolute path, because generated crates
//! may define their own `String`, `Option`, `Result`, `Box` or `Vec`. Codec
//! names (`Plain`, `ListOf<Float>`, ...) are passed as written and resolve
//! through a `use` inside the generated function bodies; the shape's own name
//! is only mentioned outside those scopes, so a shape called `DateTime` or
//! `Blob` still works.

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

                // The value comes back boxed, so that the deserializer's frames between
                // one level of nesting and the next hold a pointer, not the structure.
                impl<'de> ::serde::de::Visitor<'de> for __JsonVisitor {
                    type Value = ::std::boxed::Box<$name>;

                    fn expecting(
                        &self,
                        formatter: &mut ::std::fmt::Formatter<'_>,
                    ) -> ::std::fmt::Result {
                        formatter.write_str(::std::concat!("a ", ::std::stringify!($name), " object"))
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> ::std::result::Result<::std::boxed::Box<$name>, A::Error> {
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
                                        crate::primitives::wire::read_member::<_, $codec, _>(
                                            &mut map,
                                            &mut $field,
                                        )?;
                                    })+
                                    ::std::option::Option::None => {
                                        map.next_value::<::serde::de::IgnoredAny>()?;
                                    }
                                }
                            }
                        }
                        // Built in a frame of its own, so that the structure's
                        // temporaries are not on the stack while nested values are read.
                        let mut __json_build = || {
                            $(let $field = $field.take();)+
                            ::std::result::Result::Ok(::std::boxed::Box::new($name {
                                $($field: crate::primitives::wire::json_structure!(
                                    @finish $kind $(($default))? $field $wire
                                ),)+
                            }))
                        };
                        __json_build()
                    }
                }

                match ::serde::Deserializer::deserialize_map(deserializer, __JsonVisitor) {
                    ::std::result::Result::Ok(value) => ::std::result::Result::Ok(*value),
                    ::std::result::Result::Err(error) => ::std::result::Result::Err(error),
                }
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

                // Boxed, like a structure, and each member read in a frame of its own, so
                // that the stack holds no temporary of every variant's type.
                impl<'de> ::serde::de::Visitor<'de> for __JsonVisitor {
                    type Value = ::std::boxed::Box<__JsonUnion>;

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
                    ) -> ::std::result::Result<::std::boxed::Box<__JsonUnion>, A::Error> {
                        let mut found = ::std::option::Option::None;
                        while let ::std::option::Option::Some(key) =
                            map.next_key_seed(crate::primitives::wire::UnionKeySeed(__json_variant))?
                        {
                            #[allow(unused_imports)]
                            use crate::primitives::wire::{
                                BigNumber, Blob, DateTime, EpochSeconds, Float, HttpDate, ListOf,
                                MapOf, Plain, SparseListOf, SparseMapOf,
                            };
                            let member: ::std::option::Option<::std::boxed::Box<__JsonUnion>> = match key {
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
                                    .map(|value| ::std::boxed::Box::new(__JsonUnion::$unknown { name, value })),
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

                match ::serde::Deserializer::deserialize_map(deserializer, __JsonVisitor) {
                    ::std::result::Result::Ok(value) => ::std::result::Result::Ok(*value),
                    ::std::result::Result::Err(error) => ::std::result::Result::Err(error),
                }
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
            .then(|| ::std::boxed::Box::new(__JsonUnion::$variant))
    };
    (@read $codec:ty, $map:ident, $variant:ident) => {
        crate::primitives::wire::read_variant::<_, $codec, _, _>(&mut $map, __JsonUnion::$variant)?
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

#[cfg(test)]
mod tests {

    use crate::primitives::wire::tests::*;
    use crate::primitives::wire::*;

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
