//! The impl blocks every conversion is written into: `From`, or `TryFrom` when the
//! conversion can fail, each behind the feature.

use proc_macro2::TokenStream;
use quote::quote;

use super::{error_type, FEATURE};
use crate::emit::gated;
use crate::emit::paths::{FROM, OK, RESULT, TRY_FROM};

/// A conversion's body: statements, then the converted value.
pub struct Body {
    pub statements: TokenStream,
    pub value: TokenStream,
    /// Whether the conversion can fail: the body uses `?`, or `value` is a `Result`.
    pub fallible: bool,
    /// Whether `value` is a `Result` already.
    pub result: bool,
}

impl Body {
    /// A body that is just its value; `fallible` when it may use `?`.
    pub fn value(fallible: bool, value: TokenStream) -> Self {
        Body {
            statements: quote!(),
            value,
            fallible,
            result: false,
        }
    }
}

/// `impl From<from> for to`, or `TryFrom` when the body can fail: the body's
/// statements, then its value; behind the feature.
pub fn conversion(from: &TokenStream, to: &TokenStream, body: Body) -> TokenStream {
    gated(FEATURE, plain_conversion(from, to, body))
}

/// [`conversion`], not behind the feature: for the module that is behind it whole.
pub fn plain_conversion(from: &TokenStream, to: &TokenStream, body: Body) -> TokenStream {
    let Body {
        statements,
        value,
        fallible,
        result,
    } = body;
    if !fallible && !result {
        return quote! {
            impl #FROM<#from> for #to {
                fn from(value: #from) -> Self {
                    #statements
                    #value
                }
            }
        };
    }
    let error = error_type();
    let value = match result {
        true => value,
        false => quote!(#OK(#value)),
    };
    quote! {
        impl #TRY_FROM<#from> for #to {
            type Error = #error;
            fn try_from(value: #from) -> #RESULT<Self, Self::Error> {
                #statements
                #value
            }
        }
    }
}

/// Both conversions between our type and the SDK's: from the SDK first, then to it.
pub fn both_ways(
    ours: &TokenStream,
    sdk: &TokenStream,
    from_sdk: Body,
    to_sdk: Body,
) -> TokenStream {
    let from_sdk = conversion(sdk, ours, from_sdk);
    let to_sdk = conversion(ours, sdk, to_sdk);
    quote!(#from_sdk #to_sdk)
}
