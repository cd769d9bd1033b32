//! What the rest of the generated crate needs for the interop module: the crates behind
//! the feature in `Cargo.toml`, and the module and its error type in `src/lib.rs`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::usage::uses;
use super::{sdk_crate, supported, ERROR_TYPE, FEATURE, MODULE};
use crate::typespace::{RustType, TypeSpace};

/// The crates the feature needs, the SDK crate first; `aws-smithy-types` too when the
/// model has documents, which the SDK crates do not re-export. Empty when the crate gets
/// no interop module.
pub fn dependencies(space: &TypeSpace) -> Vec<String> {
    if !supported(space) {
        return Vec::new();
    }
    let mut crates: Vec<String> = sdk_crate(space).into_iter().collect();
    if uses(space, &|ty| matches!(ty, RustType::Document)) {
        crates.push("aws-smithy-types".to_owned());
    }
    crates
}

/// What `src/lib.rs` needs for the interop module: the module behind the feature and,
/// unless a model type takes its name, the error type of the `TryFrom` conversions at
/// the crate root.
pub fn lib_rs_items(space: &TypeSpace) -> TokenStream {
    if !supported(space) {
        return quote!();
    }
    let module = format_ident!("{}", MODULE);
    let taken = space.by_name.contains_key(ERROR_TYPE);
    let export = (!taken).then(|| {
        let name = format_ident!("{}", ERROR_TYPE);
        quote!(#[cfg(feature = #FEATURE)] pub use #module::#name;)
    });
    quote! {
        #[cfg(feature = #FEATURE)]
        #[rustfmt::skip]
        pub mod #module;
        #export
    }
}
