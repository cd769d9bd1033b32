//! Enums: `From` both ways through the wire string, so unknown values survive. (smithy-rs
//! keeps intEnums as plain `i32`, which the item's own conversions cover.)

use proc_macro2::TokenStream;
use quote::quote;

use super::conversion::{conversion, Body};
use super::generator::Generator;
use crate::typespace::Item;

impl Generator<'_> {
    /// The conversions of a string enum: to the SDK's first, then from it.
    pub fn enum_impls(&self, item: &Item) -> TokenStream {
        let ours = self.ours(&item.name);
        let sdk = self.sdk_path(item);
        let body = || Body::value(false, quote!(Self::from(value.as_str())));
        let to_sdk = conversion(&ours, &sdk, body());
        let from_sdk = conversion(&sdk, &ours, body());
        quote!(#to_sdk #from_sdk)
    }
}
