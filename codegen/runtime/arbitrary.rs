//! Random values of every type, for property tests and fuzzing: `arbitrary::Arbitrary`
//! impls behind the cargo feature `arbitrary`, written without `derive_arbitrary`.
//!
//! Generated code invokes [`arbitrary_structure!`], [`arbitrary_union!`],
//! [`arbitrary_enum!`] and [`arbitrary_int_enum!`] once per shape, and
//! [`arbitrary_error!`] once per operation. Each member
//! is drawn through a strategy ([`Draw`]) that the generator picks from the
//! member's type and wire format, so that every value drawn is one that the
//! type's JSON form holds exactly:
//!
//! - Enums draw a listed value, or any other value through the same `From`
//!   conversion that parsing uses, so an unknown value never equals a known one.
//! - Unions draw a listed member or an unknown one, whose name is never a
//!   listed member's wire name nor `__type`, and whose value is never `null`.
//! - Operation error enums draw a modeled error or the unhandled variant, whose
//!   code is never a modeled error's code.
//! - A [`Document`] is never `null` at its top level: a member whose value is
//!   `null` is absent on the wire. Inside arrays and objects `null` is drawn,
//!   numbers are finite (JSON has no NaN), and nesting stops at a fixed depth.
//! - A [`Timestamp`] as epoch seconds is either whole seconds (written as an
//!   integer, exact over the whole `i64` range) or whole microseconds within
//!   2^33 seconds (about 272 years) of 1970: the wire writes a fraction as an
//!   `f64` and reads it back rounded to the microsecond, which is exact only
//!   while half the `f64` spacing stays under half a microsecond. Text forms
//!   (`date-time`, `http-date`) keep nanoseconds but only four-digit years.
//! - A [`BigInteger`] fits `i64` or `u64`, and a [`BigDecimal`] is such an
//!   integer or the shortest text of a finite `f64`: without serde_json's
//!   `arbitrary_precision` the wire writes other numbers through an `f64`.
//!
//! Structures and unions count how deeply they are nested (per thread). Past
//! [`MAX_DEPTH`] optional members stay empty, lists and maps stay empty and
//! unions draw an unknown member, so values of cyclic types are finite even
//! when the data never runs out; when it does run out, every draw takes its
//! first, smallest choice. The impls keep `size_hint`'s default, `(0, None)`,
//! which is correct for every type and cannot recurse through cyclic types.
//!
//! [`UnknownValue`](super::UnknownValue) has no impl of its own: only the
//! enum conversions make one, so that it never holds a listed value.

// Each generated crate uses a different subset of this module (a model
// without unions never invokes `arbitrary_union!`), so unused items are
// expected here.
#![allow(dead_code, unused_macros, unused_imports)]

use ::arbitrary::{Arbitrary, Result, Unstructured};
use ::std::cell::Cell;
use ::std::collections::BTreeMap;
use ::std::marker::PhantomData;

use super::{BigDecimal, BigInteger, Document, Number, Timestamp, UnhandledError};

/// How many structures and unions deep a value goes before it stops growing.
pub(crate) const MAX_DEPTH: u32 = 6;
/// The most elements of a list or entries of a map.
const MAX_LEN: usize = 4;
/// The most characters of a string, and bytes of a blob.
const MAX_TEXT: usize = 12;
/// How deep arrays and objects nest inside a document.
const MAX_DOCUMENT_DEPTH: u32 = 3;
/// Epoch-seconds timestamps with a fraction stay within this many seconds of
/// 1970: there the `f64` on the wire is within half a microsecond of the value.
const EXACT_FRACTION_SECS: i64 = 1 << 33;
/// `0000-01-01T00:00:00Z`, the first instant the text forms can write.
const FIRST_TEXT_SECS: i64 = -62_167_219_200;
/// `9999-12-31T23:59:59Z`, the last whole second the text forms can write.
const LAST_TEXT_SECS: i64 = 253_402_300_799;

thread_local! {
    /// How many structures and unions the value being drawn is inside.
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// One level of nesting, from a structure or union being drawn until it is dropped.
pub(crate) struct Level(());

impl Level {
    /// Enters one more level.
    pub(crate) fn enter() -> Self {
        DEPTH.with(|depth| depth.set(depth.get() + 1));
        Level(())
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
    }
}

/// Whether values are nested past [`MAX_DEPTH`] and should stop growing.
fn too_deep() -> bool {
    DEPTH.with(Cell::get) > MAX_DEPTH
}

/// How a value of type `T` is drawn.
pub(crate) trait Draw<'a, T> {
    /// Draws a value.
    fn draw(u: &mut Unstructured<'a>) -> Result<T>;
}

/// The type's own `Arbitrary` impl: integers, booleans, generated shapes,
/// `Box<T>`, documents, big numbers and epoch-seconds timestamps.
pub(crate) struct Any;
/// Short strings, heavy in characters that JSON escapes.
pub(crate) struct Text;
/// Short byte strings (blobs).
pub(crate) struct Bytes;
/// `f32` and `f64`, heavy in NaN, infinities, zeros and extremes.
pub(crate) struct Float;
/// A timestamp written as RFC 3339 text.
pub(crate) struct DateTime;
/// A timestamp written as IMF-fixdate text.
pub(crate) struct HttpDate;
/// A `Vec<T>` whose elements use strategy `S`.
pub(crate) struct ListOf<S>(PhantomData<S>);
/// A `Vec<Option<T>>` whose present elements use strategy `S`.
pub(crate) struct SparseListOf<S>(PhantomData<S>);
/// A `BTreeMap<K, V>` whose keys use strategy `K` and values strategy `S`.
pub(crate) struct MapOf<K, S>(PhantomData<(K, S)>);
/// A `BTreeMap<K, Option<V>>` whose keys use `K` and present values `S`.
pub(crate) struct SparseMapOf<K, S>(PhantomData<(K, S)>);

/// Draws a value through strategy `S`.
pub(crate) fn draw<'a, S: Draw<'a, T>, T>(u: &mut Unstructured<'a>) -> Result<T> {
    S::draw(u)
}

/// Draws `None`, or a value through strategy `S`; always `None` when too deep.
pub(crate) fn draw_optional<'a, S: Draw<'a, T>, T>(u: &mut Unstructured<'a>) -> Result<Option<T>> {
    if too_deep() || !bool::arbitrary(u)? {
        return Ok(None);
    }
    S::draw(u).map(Some)
}

impl<'a, T: Arbitrary<'a>> Draw<'a, T> for Any {
    fn draw(u: &mut Unstructured<'a>) -> Result<T> {
        T::arbitrary(u)
    }
}

impl<'a> Draw<'a, String> for Text {
    fn draw(u: &mut Unstructured<'a>) -> Result<String> {
        text(u)
    }
}

impl<'a> Draw<'a, Vec<u8>> for Bytes {
    fn draw(u: &mut Unstructured<'a>) -> Result<Vec<u8>> {
        let len = u.int_in_range(0..=MAX_TEXT)?;
        (0..len).map(|_| u8::arbitrary(u)).collect()
    }
}

/// A short string: printable ASCII, characters JSON escapes, and any others.
fn text(u: &mut Unstructured<'_>) -> Result<String> {
    let len = u.int_in_range(0..=MAX_TEXT)?;
    (0..len).map(|_| character(u)).collect()
}

/// Characters that JSON writers escape or that are easy to get wrong.
const AWKWARD: [char; 15] = [
    '"',
    '\\',
    '/',
    '\n',
    '\r',
    '\t',
    '\u{0}',
    '\u{1f}',
    '\u{7f}',
    '\u{a0}',
    'é',
    '\u{2028}',
    '\u{feff}',
    '\u{ffff}',
    '\u{1f600}',
];

fn character(u: &mut Unstructured<'_>) -> Result<char> {
    Ok(match u.choose_index(3)? {
        0 => char::from(u.int_in_range(b' '..=b'~')?),
        1 => *u.choose(&AWKWARD)?,
        _ => char::arbitrary(u)?,
    })
}

/// `f64` values worth drawing more often than their bits would be.
const SPECIAL_F64: [f64; 15] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    0.0,
    -0.0,
    1.0,
    -1.5,
    0.1,
    1e21,
    1e-7,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    f64::EPSILON,
    5e-324,
];

/// `f32` values worth drawing more often than their bits would be.
const SPECIAL_F32: [f32; 15] = [
    f32::NAN,
    f32::INFINITY,
    f32::NEG_INFINITY,
    0.0,
    -0.0,
    1.0,
    -1.5,
    0.1,
    1e21,
    1e-7,
    f32::MAX,
    f32::MIN,
    f32::MIN_POSITIVE,
    f32::EPSILON,
    1e-45,
];

impl<'a> Draw<'a, f64> for Float {
    fn draw(u: &mut Unstructured<'a>) -> Result<f64> {
        Ok(match u.choose_index(3)? {
            0 => f64::from_bits(u64::arbitrary(u)?),
            1 => f64::from(i32::arbitrary(u)?) / 64.0,
            _ => *u.choose(&SPECIAL_F64)?,
        })
    }
}

impl<'a> Draw<'a, f32> for Float {
    fn draw(u: &mut Unstructured<'a>) -> Result<f32> {
        Ok(match u.choose_index(3)? {
            0 => f32::from_bits(u32::arbitrary(u)?),
            1 => f32::from(i16::arbitrary(u)?) / 64.0,
            _ => *u.choose(&SPECIAL_F32)?,
        })
    }
}

/// An instant within `secs` whose nanoseconds are a multiple of `step`.
fn instant(
    u: &mut Unstructured<'_>,
    secs: ::std::ops::RangeInclusive<i64>,
    step: u32,
) -> Result<Timestamp> {
    let secs = u.int_in_range(secs)?;
    let nanos = u.int_in_range(0..=(999_999_999 / step))? * step;
    Ok(Timestamp::from_secs_and_nanos(secs, nanos).unwrap_or(Timestamp::from_secs(secs)))
}

impl<'a> Arbitrary<'a> for Timestamp {
    /// Whole seconds anywhere, or whole milliseconds or microseconds within
    /// 2^33 seconds of 1970: what epoch seconds on the wire hold exactly.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let near = -EXACT_FRACTION_SECS..=EXACT_FRACTION_SECS - 1;
        match u.choose_index(3)? {
            0 => instant(u, near, 1_000),
            1 => instant(u, near, 1_000_000),
            _ => Ok(Timestamp::from_secs(i64::arbitrary(u)?)),
        }
    }
}

impl<'a> Draw<'a, Timestamp> for DateTime {
    fn draw(u: &mut Unstructured<'a>) -> Result<Timestamp> {
        text_instant(u)
    }
}

impl<'a> Draw<'a, Timestamp> for HttpDate {
    fn draw(u: &mut Unstructured<'a>) -> Result<Timestamp> {
        text_instant(u)
    }
}

/// An instant with a four-digit year, in whole seconds, milliseconds or nanoseconds.
fn text_instant(u: &mut Unstructured<'_>) -> Result<Timestamp> {
    let step = *u.choose(&[1, 1_000_000, 1_000_000_000])?;
    instant(u, FIRST_TEXT_SECS..=LAST_TEXT_SECS, step)
}

impl<'a> Arbitrary<'a> for BigInteger {
    /// Any `i64` or `u64`.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match bool::arbitrary(u)? {
            false => BigInteger::from(i64::arbitrary(u)?),
            true => BigInteger::from(u64::arbitrary(u)?),
        })
    }
}

impl<'a> Arbitrary<'a> for BigDecimal {
    /// Any `i64` or `u64`, or the shortest text of a finite `f64`.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.choose_index(3)? {
            0 => BigDecimal::from(i64::arbitrary(u)?),
            1 => BigDecimal::from(u64::arbitrary(u)?),
            _ => BigDecimal::try_from(finite(u)?).unwrap_or(BigDecimal::from(0_i64)),
        })
    }
}

/// A finite `f64`; non-finite draws become `0.5`.
fn finite(u: &mut Unstructured<'_>) -> Result<f64> {
    let value: f64 = Float::draw(u)?;
    Ok(if value.is_finite() { value } else { 0.5 })
}

impl<'a> Arbitrary<'a> for Number {
    /// Any integer, or a finite float.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.choose_index(3)? {
            0 => Number::from(i64::arbitrary(u)?),
            1 => Number::from(u64::arbitrary(u)?),
            _ => Number::Float(finite(u)?),
        })
    }
}

impl<'a> Arbitrary<'a> for Document {
    /// Any JSON value but `null` at the top; see the module docs.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        document(u, 0)
    }
}

/// A document `depth` levels inside another; `null` only when `depth > 0`.
fn document(u: &mut Unstructured<'_>, depth: u32) -> Result<Document> {
    let nested = depth < MAX_DOCUMENT_DEPTH;
    Ok(match u.choose_index(6)? {
        0 => Document::Bool(bool::arbitrary(u)?),
        1 => Document::Number(Number::arbitrary(u)?),
        2 => Document::String(text(u)?),
        3 if nested => Document::Array(entries(u, |u| document(u, depth + 1))?),
        4 if nested => {
            let members = entries(u, |u| Ok((text(u)?, document(u, depth + 1)?)))?;
            Document::Object(members.into_iter().collect())
        }
        5 if depth > 0 => Document::Null,
        _ => Document::Object(BTreeMap::new()),
    })
}

/// Up to [`MAX_LEN`] values drawn with `each`; none when too deep.
fn entries<'a, T>(
    u: &mut Unstructured<'a>,
    mut each: impl FnMut(&mut Unstructured<'a>) -> Result<T>,
) -> Result<Vec<T>> {
    let len = match too_deep() {
        true => 0,
        false => u.int_in_range(0..=MAX_LEN)?,
    };
    (0..len).map(|_| each(u)).collect()
}

impl<'a, T, S: Draw<'a, T>> Draw<'a, Vec<T>> for ListOf<S> {
    fn draw(u: &mut Unstructured<'a>) -> Result<Vec<T>> {
        entries(u, S::draw)
    }
}

impl<'a, T, S: Draw<'a, T>> Draw<'a, Vec<Option<T>>> for SparseListOf<S> {
    fn draw(u: &mut Unstructured<'a>) -> Result<Vec<Option<T>>> {
        entries(u, draw_sparse::<S, T>)
    }
}

impl<'a, K: Ord, V, KS: Draw<'a, K>, S: Draw<'a, V>> Draw<'a, BTreeMap<K, V>> for MapOf<KS, S> {
    fn draw(u: &mut Unstructured<'a>) -> Result<BTreeMap<K, V>> {
        let pairs = entries(u, |u| Ok((KS::draw(u)?, S::draw(u)?)))?;
        Ok(pairs.into_iter().collect())
    }
}

impl<'a, K: Ord, V, KS: Draw<'a, K>, S: Draw<'a, V>> Draw<'a, BTreeMap<K, Option<V>>>
    for SparseMapOf<KS, S>
{
    fn draw(u: &mut Unstructured<'a>) -> Result<BTreeMap<K, Option<V>>> {
        let pairs = entries(u, |u| Ok((KS::draw(u)?, draw_sparse::<S, V>(u)?)))?;
        Ok(pairs.into_iter().collect())
    }
}

/// `None` (a `null` entry) one time in four, else a value through `S`.
fn draw_sparse<'a, S: Draw<'a, T>, T>(u: &mut Unstructured<'a>) -> Result<Option<T>> {
    match u.ratio(1, 4)? {
        true => Ok(None),
        false => S::draw(u).map(Some),
    }
}

/// A listed string enum value, or any other string.
pub(crate) fn enum_text(u: &mut Unstructured<'_>, values: &[&str]) -> Result<String> {
    match values.get(u.choose_index(values.len() + 1)?) {
        Some(value) => Ok((*value).to_owned()),
        None => text(u),
    }
}

/// A listed intEnum value, or any other integer.
pub(crate) fn enum_int(u: &mut Unstructured<'_>, values: &[i32]) -> Result<i32> {
    match values.get(u.choose_index(values.len() + 1)?) {
        Some(value) => Ok(*value),
        None => i32::arbitrary(u),
    }
}

/// Which member of a union with `known` listed members to draw: `known`
/// stands for an unknown member, which is the only choice when too deep.
pub(crate) fn union_choice(u: &mut Unstructured<'_>, known: usize) -> Result<usize> {
    match too_deep() {
        true => Ok(known),
        false => u.choose_index(known + 1),
    }
}

/// The name and value of an unknown union member: a name that is neither a
/// listed wire name nor `__type`, and a document that is not `null`.
pub(crate) fn unknown_member(
    u: &mut Unstructured<'_>,
    known: &[&str],
) -> Result<(String, Document)> {
    let mut name = text(u)?;
    while name == "__type" || known.contains(&name.as_str()) {
        name.push('_');
    }
    Ok((name, Document::arbitrary(u)?))
}

/// An error an operation's model does not name: a code that is none of `known`,
/// the codes of the operation's modeled errors, and any message.
pub(crate) fn unhandled_error(u: &mut Unstructured<'_>, known: &[&str]) -> Result<UnhandledError> {
    let mut code = text(u)?;
    while known.contains(&code.as_str()) {
        code.push('_');
    }
    let message = Option::<String>::arbitrary(u)?;
    Ok(UnhandledError { code, message })
}

// ---------------------------------------------------------------------------
// Macros
//
// Strategy names (`Text`, `ListOf<Float>`, ...) are passed as written and
// resolve through a `use` inside the generated function bodies, which only
// ever name the shape as `Self`, so a shape called `Text` or `Float` still
// works.

/// Implements `Arbitrary` for a generated structure:
///
/// ```text
/// crate::primitives::arbitrary::arbitrary_structure! {
///     S3Config {
///         path: required, Text;
///         kms_key_arn: optional, Text;
///     }
/// }
/// ```
///
/// Each member gives the field, whether it is `required` (type `T`) or
/// `optional` (type `Option<T>`), and its strategy.
macro_rules! arbitrary_structure {
    ($name:ident {}) => {
        impl<'a> ::arbitrary::Arbitrary<'a> for $name {
            fn arbitrary(
                _: &mut ::arbitrary::Unstructured<'a>,
            ) -> ::arbitrary::Result<Self> {
                ::std::result::Result::Ok(Self {})
            }
        }
    };
    ($name:ident { $($field:ident : $presence:ident, $strategy:ty;)+ }) => {
        impl<'a> ::arbitrary::Arbitrary<'a> for $name {
            fn arbitrary(
                u: &mut ::arbitrary::Unstructured<'a>,
            ) -> ::arbitrary::Result<Self> {
                #[allow(unused_imports)]
                use crate::primitives::arbitrary::{
                    Any, Bytes, DateTime, Float, HttpDate, ListOf, MapOf, SparseListOf,
                    SparseMapOf, Text,
                };
                let _level = crate::primitives::arbitrary::Level::enter();
                ::std::result::Result::Ok(Self {
                    $($field: crate::primitives::arbitrary::arbitrary_structure!(
                        @draw $presence u, $strategy
                    ),)+
                })
            }
        }
    };
    (@draw required $u:ident, $strategy:ty) => {
        crate::primitives::arbitrary::draw::<$strategy, _>($u)?
    };
    (@draw optional $u:ident, $strategy:ty) => {
        crate::primitives::arbitrary::draw_optional::<$strategy, _>($u)?
    };
}
pub(crate) use arbitrary_structure;

/// Implements `Arbitrary` for a generated union:
///
/// ```text
/// crate::primitives::arbitrary::arbitrary_union! {
///     AttributeValue {
///         S: "S", Text;
///         Null: "NULL", unit;
///         L: "L", ListOf<Any>;
///     }
///     unknown: Unknown;
/// }
/// ```
///
/// Each member gives the variant, its wire name and its strategy, or `unit`
/// for a variant without payload. The `unknown` variant is drawn as often as
/// any member, and always once values are nested too deep.
macro_rules! arbitrary_union {
    ($name:ident {
        $($variant:ident : $wire:literal, $strategy:ident $(<$($inner:ty),+>)?;)*
    } unknown: $unknown:ident $(;)?) => {
        impl<'a> ::arbitrary::Arbitrary<'a> for $name {
            // The countdown's last decrement is never read.
            #[allow(unused_assignments, unused_mut)]
            fn arbitrary(
                u: &mut ::arbitrary::Unstructured<'a>,
            ) -> ::arbitrary::Result<Self> {
                #[allow(unused_imports)]
                use crate::primitives::arbitrary::{
                    Any, Bytes, DateTime, Float, HttpDate, ListOf, MapOf, SparseListOf,
                    SparseMapOf, Text,
                };
                const KNOWN: &[&str] = &[$($wire),*];
                let _level = crate::primitives::arbitrary::Level::enter();
                let mut choice = crate::primitives::arbitrary::union_choice(u, KNOWN.len())?;
                $(
                    if choice == 0 {
                        return ::std::result::Result::Ok(
                            crate::primitives::arbitrary::arbitrary_union!(
                                @draw $strategy $(<$($inner),+>)?, u, $variant
                            ),
                        );
                    }
                    choice -= 1;
                )*
                let (name, value) = crate::primitives::arbitrary::unknown_member(u, KNOWN)?;
                ::std::result::Result::Ok(Self::$unknown { name, value })
            }
        }
    };
    (@draw unit, $u:ident, $variant:ident) => {
        Self::$variant
    };
    (@draw $strategy:ty, $u:ident, $variant:ident) => {
        Self::$variant(crate::primitives::arbitrary::draw::<$strategy, _>($u)?)
    };
}
pub(crate) use arbitrary_union;

/// Implements `Arbitrary` for an operation's error enum: each modeled error as
/// often as the unhandled variant, whose code is never a modeled one.
///
/// ```text
/// crate::primitives::arbitrary::arbitrary_error! {
///     DescribeForecastExportJobError {
///         InvalidInputException: "InvalidInputException";
///         ResourceNotFoundException: "ResourceNotFoundException";
///     }
///     unhandled: Unhandled;
/// }
/// ```
macro_rules! arbitrary_error {
    ($name:ident {
        $($variant:ident : $code:literal;)*
    } unhandled: $unhandled:ident $(;)?) => {
        impl<'a> ::arbitrary::Arbitrary<'a> for $name {
            // The countdown's last decrement is never read, nor is the choice at all
            // for an operation without modeled errors.
            #[allow(unused_assignments, unused_mut, unused_variables)]
            fn arbitrary(
                u: &mut ::arbitrary::Unstructured<'a>,
            ) -> ::arbitrary::Result<Self> {
                const KNOWN: &[&str] = &[$($code),*];
                let mut choice = u.choose_index(KNOWN.len() + 1)?;
                $(
                    if choice == 0 {
                        return ::std::result::Result::Ok(Self::$variant(
                            ::arbitrary::Arbitrary::arbitrary(u)?,
                        ));
                    }
                    choice -= 1;
                )*
                let error = crate::primitives::arbitrary::unhandled_error(u, KNOWN)?;
                ::std::result::Result::Ok(Self::$unhandled(error))
            }
        }
    };
}
pub(crate) use arbitrary_error;

/// Implements `Arbitrary` for a generated string enum: a listed value, or any
/// other string through `From<&str>`, as parsing reads it.
macro_rules! arbitrary_enum {
    ($name:ident) => {
        impl<'a> ::arbitrary::Arbitrary<'a> for $name {
            fn arbitrary(u: &mut ::arbitrary::Unstructured<'a>) -> ::arbitrary::Result<Self> {
                let text = crate::primitives::arbitrary::enum_text(u, Self::VALUES)?;
                ::std::result::Result::Ok(<Self as ::std::convert::From<&str>>::from(&text))
            }
        }
    };
}
pub(crate) use arbitrary_enum;

/// Implements `Arbitrary` for a generated intEnum: a listed value, or any
/// other `i32` through `From<i32>`, as parsing reads it.
macro_rules! arbitrary_int_enum {
    ($name:ident) => {
        impl<'a> ::arbitrary::Arbitrary<'a> for $name {
            fn arbitrary(u: &mut ::arbitrary::Unstructured<'a>) -> ::arbitrary::Result<Self> {
                let value = crate::primitives::arbitrary::enum_int(u, Self::VALUES)?;
                ::std::result::Result::Ok(<Self as ::std::convert::From<i32>>::from(value))
            }
        }
    };
}
pub(crate) use arbitrary_int_enum;

#[cfg(test)]
mod tests {
    //! Hand-written shapes like the generated ones, and what their values hold.

    use super::*;
    use crate::primitives::UnknownValue;

    #[derive(Debug, PartialEq)]
    enum Color {
        Red,
        Green,
        Unknown(UnknownValue<String>),
    }

    impl Color {
        const VALUES: &'static [&'static str] = &["red", "green"];
    }

    impl From<&str> for Color {
        fn from(value: &str) -> Self {
            match value {
                "red" => Color::Red,
                "green" => Color::Green,
                other => Color::Unknown(UnknownValue::new(other.to_owned())),
            }
        }
    }

    arbitrary_enum!(Color);

    #[derive(Debug, PartialEq)]
    enum Size {
        Small,
        Unknown(UnknownValue<i32>),
    }

    impl Size {
        const VALUES: &'static [i32] = &[1];
    }

    impl From<i32> for Size {
        fn from(value: i32) -> Self {
            match value {
                1 => Size::Small,
                other => Size::Unknown(UnknownValue::new(other)),
            }
        }
    }

    arbitrary_int_enum!(Size);

    #[derive(Debug)]
    enum Tree {
        Leaf(String),
        Empty,
        Branch(Box<Node>),
        Unknown { name: String, value: Document },
    }

    arbitrary_union! {
        Tree {
            Leaf: "leaf", Text;
            Empty: "empty", unit;
            Branch: "branch", Any;
        }
        unknown: Unknown;
    }

    /// A cycle through a required member, an optional one and a list.
    #[derive(Debug)]
    struct Node {
        tree: Box<Tree>,
        next: Option<Box<Node>>,
        children: Vec<Node>,
        scores: BTreeMap<String, Option<f64>>,
        notes: Vec<Option<String>>,
    }

    arbitrary_structure! {
        Node {
            tree: required, Any;
            next: optional, Any;
            children: required, ListOf<Any>;
            scores: required, SparseMapOf<Text, Float>;
            notes: required, SparseListOf<Text>;
        }
    }

    #[derive(Debug)]
    struct Empty {}

    arbitrary_structure!(Empty {});

    /// Seeded xorshift bytes, between none and 2 KiB.
    fn data(seed: u64) -> Vec<u8> {
        let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let len = (next() % 2049) as usize;
        (0..len).map(|_| next() as u8).collect()
    }

    /// `count` values drawn with `draw`, each from its own seeded data.
    fn draws<T>(count: u64, draw: impl Fn(&mut Unstructured<'_>) -> Result<T>) -> Vec<T> {
        (0..count)
            .map(|seed| {
                let bytes = data(seed);
                draw(&mut Unstructured::new(&bytes)).unwrap()
            })
            .collect()
    }

    fn arbitrary<T: for<'a> Arbitrary<'a>>(count: u64) -> Vec<T> {
        draws(count, |u| T::arbitrary(u))
    }

    fn strategy<S: for<'a> Draw<'a, T>, T>(count: u64) -> Vec<T> {
        draws(count, |u| S::draw(u))
    }

    /// How many structures and unions deep a tree goes.
    fn tree_depth(tree: &Tree) -> u32 {
        1 + match tree {
            Tree::Branch(node) => node_depth(node),
            _ => 0,
        }
    }

    fn node_depth(node: &Node) -> u32 {
        let next = node.next.as_deref().map_or(0, node_depth);
        let children = node.children.iter().map(node_depth).max().unwrap_or(0);
        1 + tree_depth(&node.tree).max(next).max(children)
    }

    #[test]
    fn cyclic_values_stop_past_the_maximum_depth() {
        let nodes: Vec<Node> = arbitrary(300);
        let deepest = nodes.iter().map(node_depth).max().unwrap();
        assert!(deepest <= MAX_DEPTH + 2, "{deepest}");
        assert!(deepest > MAX_DEPTH, "{deepest}");
        assert_eq!(DEPTH.with(Cell::get), 0);
        let node = Node::arbitrary(&mut Unstructured::new(&[])).unwrap();
        assert!(node.next.is_none() && node.children.is_empty() && node.scores.is_empty());
        assert!(matches!(*node.tree, Tree::Leaf(ref leaf) if leaf.is_empty()));
        Empty::arbitrary(&mut Unstructured::new(&[])).unwrap();
    }

    #[test]
    fn unions_draw_every_member_and_unknown_ones_with_new_names() {
        let trees: Vec<Tree> = arbitrary(300);
        assert!(trees.iter().any(|t| matches!(t, Tree::Leaf(_))));
        assert!(trees.iter().any(|t| matches!(t, Tree::Empty)));
        assert!(trees.iter().any(|t| matches!(t, Tree::Branch(_))));
        let unknown: Vec<_> = trees
            .iter()
            .filter_map(|t| match t {
                Tree::Unknown { name, value } => Some((name, value)),
                _ => None,
            })
            .collect();
        assert!(unknown.len() > 10);
        for (name, value) in unknown {
            assert!(!["leaf", "empty", "branch", "__type"].contains(&name.as_str()));
            assert!(!value.is_null());
        }
    }

    #[derive(Debug)]
    enum FetchError {
        NotFound(Empty),
        Unhandled(UnhandledError),
    }

    arbitrary_error! {
        FetchError {
            NotFound: "NotFound";
        }
        unhandled: Unhandled;
    }

    #[test]
    fn error_enums_draw_modeled_errors_and_unhandled_codes_no_model_names() {
        let errors: Vec<FetchError> = arbitrary(200);
        assert!(errors.iter().any(|e| matches!(e, FetchError::NotFound(_))));
        let unhandled = errors.iter().filter_map(|e| match e {
            FetchError::Unhandled(error) => Some(error),
            FetchError::NotFound(_) => None,
        });
        let codes: Vec<&str> = unhandled.map(|error| error.code.as_str()).collect();
        assert!(codes.len() > 50, "{}", codes.len());
        assert!(!codes.contains(&"NotFound"));
        let empty = FetchError::arbitrary(&mut Unstructured::new(&[])).unwrap();
        assert!(matches!(empty, FetchError::NotFound(_)));
        // Out of data, the code drawn is empty: a modeled code there too is skipped.
        let skipped = unhandled_error(&mut Unstructured::new(&[]), &["", "_"]).unwrap();
        assert_eq!(skipped.code, "__");
    }

    #[test]
    fn enums_draw_listed_values_and_unknown_ones_through_from() {
        let colors: Vec<Color> = arbitrary(200);
        assert!(colors.contains(&Color::Red) && colors.contains(&Color::Green));
        let unknown = colors.iter().filter_map(|c| match c {
            Color::Unknown(value) => Some(value.as_str()),
            _ => None,
        });
        assert!(
            unknown
                .inspect(|v| assert!(!Color::VALUES.contains(v)))
                .count()
                > 10
        );
        let sizes: Vec<Size> = arbitrary(200);
        assert!(sizes.contains(&Size::Small));
        assert!(sizes
            .iter()
            .any(|s| matches!(s, Size::Unknown(v) if *v.get() != 1)));
    }

    #[test]
    fn sparse_collections_hold_nulls_values_and_nothing() {
        let nodes: Vec<Node> = arbitrary(300);
        let notes = || nodes.iter().flat_map(|n| &n.notes);
        assert!(notes().any(Option::is_none) && notes().any(Option::is_some));
        assert!(nodes.iter().any(|n| n.notes.is_empty()));
        let scores = || nodes.iter().flat_map(|n| n.scores.values());
        assert!(scores().any(Option::is_none) && scores().any(Option::is_some));
    }

    #[test]
    fn floats_include_nan_infinities_and_signed_zeros() {
        let values: Vec<f64> = strategy::<Float, _>(400);
        assert!(values.iter().any(|v| v.is_nan()));
        assert!(values.contains(&f64::INFINITY) && values.contains(&f64::NEG_INFINITY));
        assert!(values.iter().any(|v| *v == 0.0 && v.is_sign_negative()));
        let singles: Vec<f32> = strategy::<Float, _>(400);
        assert!(singles.iter().any(|v| v.is_nan()));
    }

    #[test]
    fn documents_are_null_only_inside_and_nest_to_a_bound() {
        fn depth(document: &Document) -> u32 {
            let inner = match document {
                Document::Array(values) => values.iter().map(depth).max(),
                Document::Object(members) => members.values().map(depth).max(),
                _ => return 0,
            };
            1 + inner.unwrap_or(0)
        }
        fn has_null(document: &Document) -> bool {
            match document {
                Document::Null => true,
                Document::Array(values) => values.iter().any(has_null),
                Document::Object(members) => members.values().any(has_null),
                _ => false,
            }
        }
        let documents: Vec<Document> = arbitrary(400);
        assert!(documents.iter().all(|d| !d.is_null()));
        assert!(documents.iter().any(has_null));
        assert!(documents.iter().all(|d| depth(d) <= MAX_DOCUMENT_DEPTH + 1));
        let finite = |n: &Number| n.as_f64().is_finite();
        assert!(documents.iter().all(|d| d.as_number().is_none_or(finite)));
    }

    #[test]
    fn epoch_second_timestamps_are_whole_seconds_or_microseconds_near_1970() {
        let stamps: Vec<Timestamp> = arbitrary(400);
        for stamp in &stamps {
            let near = (-EXACT_FRACTION_SECS..EXACT_FRACTION_SECS).contains(&stamp.secs());
            assert!(stamp.subsec_nanos() == 0 || near, "{stamp:?}");
            assert_eq!(stamp.subsec_nanos() % 1_000, 0, "{stamp:?}");
        }
        assert!(stamps.iter().any(|s| s.subsec_nanos() % 1_000_000 != 0));
        assert!(stamps.iter().any(|s| s.secs().abs() > EXACT_FRACTION_SECS));
    }

    #[test]
    fn text_timestamps_have_four_digit_years_and_nanoseconds() {
        let stamps: Vec<Timestamp> = strategy::<DateTime, _>(400);
        let years = FIRST_TEXT_SECS..=LAST_TEXT_SECS;
        assert!(stamps.iter().all(|s| years.contains(&s.secs())));
        assert!(stamps.iter().any(|s| s.subsec_nanos() % 1_000 != 0));
        assert!(stamps.iter().any(|s| s.subsec_nanos() == 0));
        assert!(Timestamp::from_secs(FIRST_TEXT_SECS)
            .to_string()
            .starts_with("0000-01-01"));
        assert!(Timestamp::from_secs(LAST_TEXT_SECS)
            .to_string()
            .starts_with("9999-12-31"));
    }

    #[test]
    fn big_numbers_fit_64_bits_or_an_f64() {
        for value in arbitrary::<BigInteger>(200) {
            let text = value.as_str();
            assert!(
                text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok(),
                "{text}"
            );
        }
        for value in arbitrary::<BigDecimal>(200) {
            let text = value.as_str();
            let float = text.parse::<f64>().unwrap();
            let shortest = BigDecimal::try_from(float).unwrap();
            let integer = text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok();
            assert!(integer || shortest == value, "{text}");
        }
    }

    #[test]
    fn text_and_blobs_are_short_and_sometimes_empty() {
        let texts: Vec<String> = strategy::<Text, _>(300);
        assert!(texts.iter().all(|t| t.chars().count() <= MAX_TEXT));
        assert!(texts.iter().any(String::is_empty));
        assert!(texts.iter().any(|t| t.contains(['"', '\\', '\u{0}'])));
        let blobs: Vec<Vec<u8>> = strategy::<Bytes, _>(300);
        assert!(blobs.iter().any(Vec::is_empty) && blobs.iter().any(|b| b.len() > 4));
    }
}
