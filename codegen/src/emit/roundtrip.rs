//! Round-trip tests for JSON crates: every item's sample body is read into its type,
//! written back, and must come out as the same JSON and the same value; with the
//! `arbitrary` feature, hundreds of drawn values of every type go from value to JSON and
//! back to an equal value too.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use super::arbitrary::FEATURE;
use super::example::Samples;
use super::ty::ident;
use super::CodeFile;
use crate::emit::paths::{NONE, PARTIAL_EQ, VEC, VEC_NEW};
use crate::typespace::{Item, ItemKind, RustType, TypeSpace};

/// How many types one test function of drawn values covers, so that the test harness
/// can spread big crates over its threads.
const TYPES_PER_TEST: usize = 64;

/// `tests/roundtrip.rs`, or nothing for crates without serde or without a type that has
/// serde impls (a service of `Unit` operations alone), where it would test nothing.
pub fn tests_file(space: &TypeSpace, crate_name: &str) -> Option<CodeFile> {
    space.json?;
    serde_items(space).next()?;
    let krate = ident(&crate_name.replace('-', "_"));
    let samples = samples_module(space, &krate);
    let drawn = drawn_module(space, &krate);
    let serde = super::wire::FEATURE;
    let tokens = quote! {
        //! Every generated type with a sample body goes from JSON to a value and back to
        //! the same JSON and an equal value. With the `arbitrary` feature, values drawn
        //! from a fixed seed go from value to JSON and back to an equal value.

        #![cfg(feature = #serde)]
        // Deprecated types are tested too.
        #![allow(deprecated)]

        #samples
        #drawn
    };
    Some(CodeFile {
        path: "tests/roundtrip.rs".to_owned(),
        code: tokens.into(),
    })
}

/// The sample body of every item with serde impls that has one, by Rust name, as
/// compact JSON: the bodies `tests/roundtrip.rs` reads and writes back. Empty when the
/// protocol is not JSON.
pub fn sample_bodies(space: &TypeSpace) -> BTreeMap<String, String> {
    let bodies = samples(space).map(|(item, body)| (item.name.clone(), body));
    bodies.collect()
}

/// Every item with serde impls that has a sample body, in model order, with its body.
fn samples(space: &TypeSpace) -> impl Iterator<Item = (&Item, String)> {
    let samples = Samples::new(space);
    let items = space.json.map(|_| serde_items(space)).into_iter().flatten();
    items.filter_map(move |item| {
        let body = serde_json::to_string(&samples.body(&item.name)?).ok()?;
        Some((item, body))
    })
}

/// The sample bodies' test.
fn samples_module(space: &TypeSpace, krate: &proc_macro2::Ident) -> TokenStream {
    let checks: Vec<TokenStream> = samples(space)
        .map(|(item, body)| {
            let name = ident(&item.name);
            quote!(check::<#krate::#name>(#body);)
        })
        .collect();
    quote! {
        // Formatted by the generator, with prettyplease; rustfmt keeps out.
        #[rustfmt::skip]
        mod samples {
        fn check<T>(body: &str)
        where
            T: ::serde::Serialize + ::serde::de::DeserializeOwned + #PARTIAL_EQ + ::std::fmt::Debug,
        {
            let value: T = ::serde_json::from_str(body).unwrap_or_else(|e| panic!("{body}: {e}"));
            let written = ::serde_json::to_value(&value).unwrap();
            let expected: ::serde_json::Value = ::serde_json::from_str(body).unwrap();
            assert_eq!(written, expected, "{body}");
            let again: T = ::serde_json::from_value(written).unwrap();
            assert_eq!(again, value, "{body}");
        }

        #[test]
        fn sample_bodies_round_trip() {
            #(#checks)*
        }
        }
    }
}

/// The drawn values' tests, compiled only with the `arbitrary` feature.
fn drawn_module(space: &TypeSpace, krate: &proc_macro2::Ident) -> TokenStream {
    let skipping = skipping_items(space);
    let checks: Vec<TokenStream> = serde_items(space)
        .map(|item| drawn_check(space, &skipping, item, krate))
        .collect();
    let tests = checks.chunks(TYPES_PER_TEST).enumerate().map(|(i, chunk)| {
        let name = quote::format_ident!("drawn_values_round_trip_{}", i + 1);
        quote! {
            #[test]
            fn #name() {
                #(#chunk)*
            }
        }
    });
    let support = drawn_support();
    quote! {
        // Formatted by the generator, with prettyplease; rustfmt keeps out.
        #[cfg(feature = #FEATURE)]
        #[rustfmt::skip]
        mod drawn {
        #support
        #(#tests)*
        }
    }
}

/// The check of one item: its members that travel outside the body are cleared before
/// the comparison, and an item that holds such a member deeper down is only compared
/// by its JSON.
fn drawn_check(
    space: &TypeSpace,
    skipping: &BTreeSet<&str>,
    item: &Item,
    krate: &proc_macro2::Ident,
) -> TokenStream {
    let name = ident(&item.name);
    let label = &item.name;
    if holds_skipping(space, skipping, item) {
        return quote!(written_round_trip::<#krate::#name>(#label););
    }
    let cleared: Vec<TokenStream> = http_bound_fields(item)
        .map(|field| {
            let field = ident(field);
            quote!(value.#field = #NONE;)
        })
        .collect();
    let clear = match cleared.is_empty() {
        true => quote!(|_| {}),
        false => quote!(|value| { #(#cleared)* }),
    };
    quote!(round_trip::<#krate::#name>(#label, #clear);)
}

/// The helpers of the drawn values' tests: the seeded byte source and the checks.
fn drawn_support() -> TokenStream {
    quote! {
        /// Values drawn for each type.
        const CASES: u64 = 256;
        /// The most bytes one value is drawn from.
        const MAX_BYTES: usize = 1024;

        /// A xorshift64* generator: a fixed seed per type gives the same values on
        /// every run.
        struct Bytes(u64);

        impl Bytes {
            /// A generator seeded with the FNV-1a hash of `name`.
            fn new(name: &str) -> Self {
                let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
                    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
                });
                Bytes(hash | 1)
            }

            fn next(&mut self) -> u64 {
                self.0 ^= self.0 >> 12;
                self.0 ^= self.0 << 25;
                self.0 ^= self.0 >> 27;
                self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
            }

            /// Between none and [`MAX_BYTES`] bytes: few bytes leave the draws their
            /// smallest choices.
            fn fill(&mut self, buffer: &mut #VEC<u8>) {
                let len = (self.next() % (MAX_BYTES as u64 + 1)) as usize;
                buffer.clear();
                while buffer.len() < len {
                    buffer.extend(self.next().to_le_bytes());
                }
                buffer.truncate(len);
            }
        }

        /// Whether a value equals itself: not when a float inside is NaN.
        #[allow(clippy::eq_op)]
        fn reflexive<T: #PARTIAL_EQ>(value: &T) -> bool {
            value == value
        }

        /// Draws [`CASES`] values of `T`, writes each as JSON and reads it back: the
        /// value read must write the same JSON and, once `clear` removed what the body
        /// does not carry, equal the value drawn, unless NaN makes it unequal to itself.
        fn round_trip<T>(name: &str, clear: fn(&mut T))
        where
            T: for<'a> ::arbitrary::Arbitrary<'a> + ::serde::Serialize + ::serde::de::DeserializeOwned + #PARTIAL_EQ + ::std::fmt::Debug,
        {
            each_value::<T>(name, |value, written, again| {
                let mut expected = value;
                clear(&mut expected);
                if reflexive(&expected) {
                    assert_eq!(again, expected, "{name}: {written}");
                }
            });
        }

        /// Like [`round_trip`], but compares only the JSON written: for types that hold
        /// a structure whose HTTP-bound members the body does not carry.
        // Most models have no such type.
        #[allow(dead_code)]
        fn written_round_trip<T>(name: &str)
        where
            T: for<'a> ::arbitrary::Arbitrary<'a> + ::serde::Serialize + ::serde::de::DeserializeOwned + ::std::fmt::Debug,
        {
            each_value::<T>(name, |_, _, _| {});
        }

        /// Draws [`CASES`] values of `T`; each is written as JSON, read back, and the
        /// value read must write the same JSON; then `compare` gets the value drawn, its
        /// JSON and the value read.
        fn each_value<T>(name: &str, compare: impl Fn(T, &str, T))
        where
            T: for<'a> ::arbitrary::Arbitrary<'a> + ::serde::Serialize + ::serde::de::DeserializeOwned + ::std::fmt::Debug,
        {
            let mut bytes = Bytes::new(name);
            let mut buffer = #VEC_NEW();
            for case in 0..CASES {
                bytes.fill(&mut buffer);
                let mut data = ::arbitrary::Unstructured::new(&buffer);
                let value = T::arbitrary(&mut data)
                    .unwrap_or_else(|e| panic!("{name}, case {case}: no value drawn: {e}"));
                let written = ::serde_json::to_string(&value)
                    .unwrap_or_else(|e| panic!("{name}: {value:?} is not written: {e}"));
                let again: T = ::serde_json::from_str(&written)
                    .unwrap_or_else(|e| panic!("{name}: {written} is not read back: {e}"));
                let rewritten = ::serde_json::to_string(&again)
                    .unwrap_or_else(|e| panic!("{name}: {again:?} is not written: {e}"));
                assert_eq!(rewritten, written, "{name}: written again differently");
                compare(value, &written, again);
            }
        }
    }
}

/// The items with serde impls.
fn serde_items(space: &TypeSpace) -> impl Iterator<Item = &Item> {
    space
        .items
        .values()
        .filter(|item| super::wire::item_has_serde(item))
}

/// The fields of a structure that travel outside the JSON body.
fn http_bound_fields(item: &Item) -> impl Iterator<Item = &str> {
    let fields = match &item.kind {
        ItemKind::Struct { fields, .. } => fields.as_slice(),
        _ => &[],
    };
    fields
        .iter()
        .filter(|f| f.http_bound)
        .map(|f| f.name.as_str())
}

/// The names of the structures with members that travel outside the JSON body.
fn skipping_items(space: &TypeSpace) -> BTreeSet<&str> {
    space
        .items
        .values()
        .filter(|item| http_bound_fields(item).next().is_some())
        .map(|item| item.name.as_str())
        .collect()
}

/// Whether a structure with members outside the body is inside `item`, below its top.
fn holds_skipping(space: &TypeSpace, skipping: &BTreeSet<&str>, item: &Item) -> bool {
    if skipping.is_empty() {
        return false;
    }
    let mut seen = BTreeSet::new();
    let mut stack = contained(item);
    while let Some(name) = stack.pop() {
        if skipping.contains(name.as_str()) {
            return true;
        }
        if let Some(inner) = space
            .item_named(&name)
            .filter(|_| seen.insert(name.clone()))
        {
            stack.extend(contained(inner));
        }
    }
    false
}

/// The names of the items that an item's members or payloads mention.
fn contained(item: &Item) -> Vec<String> {
    let types: Vec<&RustType> = match &item.kind {
        ItemKind::Struct { fields, .. } => fields.iter().map(|f| &f.ty).collect(),
        ItemKind::Union { variants, .. } => variants.iter().filter_map(|v| v.ty.as_ref()).collect(),
        _ => Vec::new(),
    };
    let mut named = Vec::new();
    for ty in types {
        ty.named(false, &mut named);
    }
    named.into_iter().map(|(name, _)| name).collect()
}
