//! Round-trip tests for JSON crates: every item's sample body is read into its type,
//! written back, and must come out as the same JSON and the same value.

use proc_macro2::TokenStream;
use quote::quote;

use super::example::Samples;
use super::ty::ident;
use super::TokenFile;
use crate::typespace::{ItemKind, TypeSpace};

/// `tests/roundtrip.rs`, or nothing for crates without serde.
pub fn tests_file(space: &TypeSpace, crate_name: &str) -> Option<TokenFile> {
    space.json?;
    let samples = Samples::new(space);
    let krate = ident(&crate_name.replace('-', "_"));
    let checks: Vec<TokenStream> = space
        .items
        .values()
        .filter(|item| has_serde(&item.kind))
        .filter_map(|item| {
            let body = serde_json::to_string(&samples.body(&item.name)?).ok()?;
            let name = ident(&item.name);
            Some(quote!(check::<#krate::#name>(#body);))
        })
        .collect();
    let tokens = quote! {
        //! Every generated type with a sample body goes from JSON to a value and back to
        //! the same JSON and an equal value.

        // Deprecated types are tested too.
        #![allow(deprecated)]

        // Formatted by the generator, with prettyplease; rustfmt keeps out.
        #[rustfmt::skip]
        mod samples {
        fn check<T>(body: &str)
        where
            T: ::serde::Serialize + ::serde::de::DeserializeOwned + ::std::cmp::PartialEq + ::std::fmt::Debug,
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
    };
    Some(TokenFile {
        path: "tests/roundtrip.rs".to_owned(),
        tokens,
    })
}

/// Whether the item has serde impls.
fn has_serde(kind: &ItemKind) -> bool {
    match kind {
        ItemKind::Struct { fields, .. } => super::wire::has_serde(fields),
        _ => true,
    }
}
