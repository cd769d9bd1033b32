//! Enums: string and integer enums with a variant that keeps unknown values, and the
//! conversions users expect (`as_str`, `FromStr`, `From`, `Display`, known values).

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::docs::{self, Links};
use super::fallback::Fallbacks;
use super::ty::ident;
use crate::emit::paths::{AS_REF, FROM, OK, RESULT, STRING, STRING_FROM};
use crate::typespace::{EnumValue, Item, Variant};

/// The tokens of a string enum item.
pub fn emit_string(
    links: &Links,
    fallbacks: &Fallbacks,
    item: &Item,
    variants: &[Variant],
    unknown: &str,
) -> TokenStream {
    let name = ident(&item.name);
    let unknown = ident(unknown);
    let header = header(
        (links, fallbacks),
        item,
        variants,
        quote!(crate::primitives::UnknownValue<#STRING>),
        &unknown,
    );
    let names: Vec<_> = variants.iter().map(|v| ident(&v.name)).collect();
    let values: Vec<_> = variants.iter().map(|v| value_literal(&v.value)).collect();
    quote! {
        #header
        impl #name {
            /// Every value the model lists, in model order.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// The value as it appears on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#names => #values,)*
                    Self::#unknown(value) => value.as_str(),
                }
            }
        }
        impl #FROM<&str> for #name {
            #[inline]
            fn from(value: &str) -> Self {
                match value {
                    #(#values => Self::#names,)*
                    other => Self::#unknown(crate::primitives::UnknownValue::new(#STRING_FROM(other))),
                }
            }
        }
        impl #FROM<#STRING> for #name {
            #[inline]
            fn from(value: #STRING) -> Self {
                Self::from(value.as_str())
            }
        }
        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            #[inline]
            fn from_str(value: &str) -> #RESULT<Self, Self::Err> {
                #OK(Self::from(value))
            }
        }
        impl #AS_REF<str> for #name {
            #[inline]
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

/// The tokens of an intEnum item.
pub fn emit_int(
    links: &Links,
    fallbacks: &Fallbacks,
    item: &Item,
    variants: &[Variant],
    unknown: &str,
) -> TokenStream {
    let name = ident(&item.name);
    let unknown = ident(unknown);
    let header = header(
        (links, fallbacks),
        item,
        variants,
        quote!(crate::primitives::UnknownValue<i32>),
        &unknown,
    );
    let names: Vec<_> = variants.iter().map(|v| ident(&v.name)).collect();
    let values: Vec<_> = variants.iter().map(|v| value_literal(&v.value)).collect();
    quote! {
        #header
        impl #name {
            /// Every value the model lists, in model order.
            pub const VALUES: &'static [i32] = &[#(#values),*];

            /// The value as it appears on the wire.
            pub fn value(&self) -> i32 {
                match self {
                    #(Self::#names => #values,)*
                    Self::#unknown(value) => *value.get(),
                }
            }
        }
        impl #FROM<i32> for #name {
            #[inline]
            fn from(value: i32) -> Self {
                match value {
                    #(#values => Self::#names,)*
                    other => Self::#unknown(crate::primitives::UnknownValue::new(other)),
                }
            }
        }
        impl #FROM<#name> for i32 {
            #[inline]
            fn from(value: #name) -> Self {
                value.value()
            }
        }
        impl ::std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }
    }
}

/// The enum declaration shared by string and integer enums.
fn header(
    (links, fallbacks): (&Links, &Fallbacks),
    item: &Item,
    variants: &[Variant],
    unknown_ty: TokenStream,
    unknown: &proc_macro2::Ident,
) -> TokenStream {
    let name = ident(&item.name);
    let docs = docs::attrs(&docs::item_docs(
        links,
        item.docs.as_deref(),
        &fallbacks.item(item),
    ));
    let deprecated = docs::deprecated(item.deprecated.as_ref());
    let variant_tokens = variants.iter().map(|v| variant(links, v));
    quote! {
        #docs
        #deprecated
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_tokens)*
            /// A value the model does not list, kept exactly as received.
            #unknown(#unknown_ty),
        }
    }
}

fn variant(links: &Links, variant: &Variant) -> TokenStream {
    let name = ident(&variant.name);
    let wire = match &variant.value {
        EnumValue::String(s) => docs::code_span(&format!("{s:?}")),
        EnumValue::Int(i) => docs::code_span(&i.to_string()),
    };
    let fallback = format!("The value {wire}.");
    let body = docs::item_docs(links, variant.docs.as_deref(), &fallback);
    let text = match variant.docs {
        Some(_) => format!("{body}\n\nOn the wire: {wire}."),
        None => body,
    };
    let docs = docs::attrs(&text);
    let deprecated = docs::deprecated(variant.deprecated.as_ref());
    quote! {
        #docs
        #deprecated
        #name,
    }
}

fn value_literal(value: &EnumValue) -> Literal {
    match value {
        EnumValue::String(s) => Literal::string(s),
        EnumValue::Int(i) => Literal::i32_unsuffixed(*i),
    }
}
