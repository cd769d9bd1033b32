//! The shared module `src/interop.rs`: its docs, the error type of the `TryFrom`
//! conversions, and the support code the conversions call, each piece only when the
//! model needs it: the unhandled-error functions, the timestamp and document
//! conversions and the box traits.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::errors::unhandled_fns;
use super::generator::Generator;
use super::usage::{is_boxed, uses};
use super::{sdk_crate, ERROR_TYPE};
use crate::emit::paths::{BOX, BOX_NEW, FROM, INTO_INTO, NONE, OPTION, SOME, STRING};
use crate::typespace::RustType;

impl Generator<'_> {
    /// The shared module's tokens.
    pub fn support(&self) -> TokenStream {
        let krate = &self.krate();
        let docs = module_docs(&sdk_crate(self.space).unwrap_or_default());
        let mut out = vec![error_type()];
        if !self.space.operations.is_empty() {
            out.push(unhandled_fns(krate));
        }
        if uses(self.space, &|ty| matches!(ty, RustType::Timestamp)) {
            out.push(timestamp_impls(krate));
        }
        if uses(self.space, &|ty| matches!(ty, RustType::Document)) {
            out.push(document_impls());
        }
        if self.space.items.values().any(is_boxed) {
            out.push(box_traits());
        }
        quote!(#docs #(#out)*)
    }
}

/// The module's docs, for the SDK crate `sdk_crate`.
fn module_docs(sdk_crate: &str) -> TokenStream {
    let first = format!(
        " Conversions between this crate's types and those of `{sdk_crate}`, the service's"
    );
    let error =
        format!(" nothing can go wrong, and `TryFrom`, with the error [`{ERROR_TYPE}`], where the");
    let lines = [
        first.as_str(),
        " AWS SDK crate, both ways. Each type's conversions sit beside the type: `From` where",
        error.as_str(),
        " other side may hold what this side cannot: an SDK value that lacks a member this",
        " crate requires (the SDK keeps every member of an operation input, and every member",
        " that is a structure or union, in an `Option`), a union member the other side does",
        " not know, or a value the SDK's builder refuses. No conversion panics.",
        "",
        " A required member that the SDK left out gets the model's default when the model",
        " gives one, as Smithy's client error correction fills it.",
    ];
    quote!(#(#![doc = #lines])*)
}

/// The error type of the `TryFrom` conversions, [`ERROR_TYPE`].
fn error_type() -> TokenStream {
    let name = format_ident!("{}", ERROR_TYPE);
    quote! {
        /// Why a value cannot cross between this crate and the AWS SDK.
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum #name {
            /// The SDK's value lacks a member that this crate's type requires, and the
            /// model gives the member no default.
            MissingMember {
                /// The structure's name in the model.
                shape: &'static str,
                /// The member's name in the model.
                member: &'static str,
            },
            /// A union value the other side cannot hold: the SDK's `Unknown` variant keeps
            /// no member name or value, and only the SDK can build it.
            UnknownUnionMember {
                /// The union's name in the model.
                union: &'static str,
                /// The member's name, when this crate's value had one.
                member: #OPTION<#STRING>,
            },
            /// The SDK's builder refused the value.
            Refused {
                /// The structure's name in the model.
                shape: &'static str,
                /// The builder's reason.
                reason: #STRING,
            },
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    Self::MissingMember { shape, member } => {
                        write!(f, "{shape}.{member} is required, and the AWS SDK's value has none")
                    }
                    Self::UnknownUnionMember { union, member: #SOME(member) } => {
                        write!(f, "the AWS SDK's {union} has no member {member:?}")
                    }
                    Self::UnknownUnionMember { union, member: #NONE } => {
                        write!(f, "the AWS SDK's {union} holds a member it does not know")
                    }
                    Self::Refused { shape, reason } => {
                        write!(f, "the AWS SDK's builder refused {shape}: {reason}")
                    }
                }
            }
        }
        impl ::std::error::Error for #name {}
        /// So that `?` takes the error of a conversion that cannot fail, as generic code
        /// over both kinds of conversion needs.
        impl #FROM<::std::convert::Infallible> for #name {
            fn from(never: ::std::convert::Infallible) -> Self {
                match never {}
            }
        }
    }
}

/// `Timestamp` and the SDK's `DateTime`, both ways.
fn timestamp_impls(krate: &Ident) -> TokenStream {
    quote! {
        impl #FROM<crate::primitives::Timestamp> for ::#krate::primitives::DateTime {
            fn from(value: crate::primitives::Timestamp) -> Self {
                Self::from_secs_and_nanos(value.secs(), value.subsec_nanos())
            }
        }
        impl #FROM<::#krate::primitives::DateTime> for crate::primitives::Timestamp {
            /// `DateTime::set_subsec_nanos` takes a second or more: it is carried into the
            /// seconds, which saturate at [`Timestamp::MAX`](crate::primitives::Timestamp::MAX).
            fn from(value: ::#krate::primitives::DateTime) -> Self {
                let nanos = value.subsec_nanos();
                value
                    .secs()
                    .checked_add(i64::from(nanos / 1_000_000_000))
                    .and_then(|secs| Self::from_secs_and_nanos(secs, nanos % 1_000_000_000))
                    .unwrap_or(Self::MAX)
            }
        }
    }
}

/// `Document` and `aws-smithy-types`'s, both ways: the same walk, with the sides swapped.
fn document_impls() -> TokenStream {
    let ours = quote!(crate::primitives);
    let sdk = quote!(::aws_smithy_types);
    let to_sdk = document_impl(&ours, &sdk);
    let from_sdk = document_impl(&sdk, &ours);
    quote!(#to_sdk #from_sdk)
}

/// `From<from::Document> for to::Document`, where `from` and `to` are the modules that
/// hold each side's `Document` and `Number`.
fn document_impl(from: &TokenStream, to: &TokenStream) -> TokenStream {
    let value = quote! {
        match value {
            #from::Document::Null => Self::Null,
            #from::Document::Bool(b) => Self::Bool(b),
            #from::Document::Number(n) => Self::Number(match n {
                #from::Number::PosInt(n) => #to::Number::PosInt(n),
                #from::Number::NegInt(n) => #to::Number::NegInt(n),
                #from::Number::Float(n) => #to::Number::Float(n),
            }),
            #from::Document::String(s) => Self::String(s),
            #from::Document::Array(a) => {
                Self::Array(a.into_iter().map(#INTO_INTO).collect())
            }
            #from::Document::Object(o) => {
                Self::Object(o.into_iter().map(|(k, v)| (k, #INTO_INTO(v))).collect())
            }
        }
    };
    quote! {
        impl #FROM<#from::Document> for #to::Document {
            fn from(value: #from::Document) -> Self {
                #value
            }
        }
    }
}

/// `Unbox` and `Rebox`, for members one side boxes and the other may not.
fn box_traits() -> TokenStream {
    quote! {
        /// A value or its box, unboxed: the SDK boxes fewer members than this crate does.
        pub(crate) trait Unbox<T> {
            fn unbox(self) -> T;
        }
        impl<T> Unbox<T> for T {
            fn unbox(self) -> T {
                self
            }
        }
        impl<T> Unbox<T> for #BOX<T> {
            fn unbox(self) -> T {
                *self
            }
        }
        /// A value as is or boxed, whichever the SDK's member holds.
        pub(crate) trait Rebox<T> {
            fn rebox(self) -> T;
        }
        impl<T> Rebox<T> for T {
            fn rebox(self) -> T {
                self
            }
        }
        impl<T> Rebox<#BOX<T>> for T {
            fn rebox(self) -> #BOX<T> {
                #BOX_NEW(self)
            }
        }
    }
}
