//! The impl blocks every conversion is written into: `From`, or `TryFrom` when the body
//! may fail with `?`.

use proc_macro2::TokenStream;
use quote::quote;

/// A conversion's body: statements, then the converted value.
pub struct Body {
    pub statements: TokenStream,
    pub value: TokenStream,
}

impl Body {
    /// A body that is just its value.
    pub fn value(value: TokenStream) -> Self {
        Body {
            statements: quote!(),
            value,
        }
    }
}

/// `impl From<from> for to`, or `TryFrom` when the body may fail with `?`: the body's
/// statements, then its value.
pub fn conversion(fallible: bool, from: &TokenStream, to: &TokenStream, body: Body) -> TokenStream {
    let Body { statements, value } = body;
    match fallible {
        true => quote! {
            impl ::std::convert::TryFrom<#from> for #to {
                type Error = UnknownUnionMember;
                fn try_from(value: #from) -> ::std::result::Result<Self, Self::Error> {
                    #statements
                    ::std::result::Result::Ok(#value)
                }
            }
        },
        false => quote! {
            impl ::std::convert::From<#from> for #to {
                fn from(value: #from) -> Self {
                    #statements
                    #value
                }
            }
        },
    }
}

/// Both conversions between our type and the SDK's: from the SDK first, then to it.
pub fn both_ways(
    fallible: bool,
    ours: &TokenStream,
    sdk: &TokenStream,
    from_sdk: Body,
    to_sdk: Body,
) -> TokenStream {
    let from_sdk = conversion(fallible, sdk, ours, from_sdk);
    let to_sdk = conversion(fallible, ours, sdk, to_sdk);
    quote!(#from_sdk #to_sdk)
}
