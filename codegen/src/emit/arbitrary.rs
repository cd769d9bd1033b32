//! `arbitrary::Arbitrary` impls behind the cargo feature [`FEATURE`]: one invocation per
//! item of the declarative macros that the runtime's `arbitrary` module defines, so the
//! crate needs no proc-macro even with the feature on.

use proc_macro2::{Delimiter, TokenStream};
use quote::quote;

use super::ty::ident;
use crate::typespace::{Codec, Field, Item, ItemKind, OperationItem, RustType, UnionVariant};

/// The cargo feature that turns the impls on.
pub const FEATURE: &str = "arbitrary";

/// The `Arbitrary` impl of an item as text, compiled only with [`FEATURE`].
pub fn impls(item: &Item) -> String {
    let name = ident(&item.name);
    let (path, delimiter, body) = match &item.kind {
        ItemKind::Struct { fields, .. } => (
            "arbitrary_structure",
            Delimiter::Brace,
            structure(&name, fields),
        ),
        ItemKind::Union {
            variants, unknown, ..
        } => (
            "arbitrary_union",
            Delimiter::Brace,
            union(&name, variants, unknown),
        ),
        ItemKind::Enum { .. } => ("arbitrary_enum", Delimiter::Parenthesis, quote!(#name)),
        ItemKind::IntEnum { .. } => ("arbitrary_int_enum", Delimiter::Parenthesis, quote!(#name)),
    };
    let path = format!("crate::primitives::arbitrary::{path}");
    super::gated_call(FEATURE, &path, delimiter, body)
}

/// The `Arbitrary` impl of an operation's error enum, compiled only with [`FEATURE`].
pub fn error_impls(op: &OperationItem) -> String {
    let name = ident(&op.error_name);
    let unhandled = ident(&op.unhandled);
    let entries = op.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let code = &e.code;
        quote!(#variant: #code;)
    });
    let body = quote! {
        #name { #(#entries)* }
        unhandled: #unhandled;
    };
    let path = "crate::primitives::arbitrary::arbitrary_error";
    super::gated_call(FEATURE, path, Delimiter::Brace, body)
}

/// The body of a structure's `arbitrary_structure!` call.
fn structure(name: &proc_macro2::Ident, fields: &[Field]) -> TokenStream {
    let entries = fields.iter().map(|f| {
        let field = ident(&f.name);
        let presence = match f.optional {
            true => quote!(optional),
            false => quote!(required),
        };
        let strategy = strategy(&f.ty, &f.codec);
        quote!(#field: #presence, #strategy;)
    });
    quote!(#name { #(#entries)* })
}

/// The body of a union's `arbitrary_union!` call.
fn union(name: &proc_macro2::Ident, variants: &[UnionVariant], unknown: &str) -> TokenStream {
    let unknown = ident(unknown);
    let entries = variants.iter().map(|v| {
        let variant = ident(&v.name);
        let wire = &v.wire_name;
        let strategy = match &v.ty {
            None => quote!(unit),
            Some(ty) => strategy(ty, &v.codec),
        };
        quote!(#variant: #wire, #strategy;)
    });
    quote! {
        #name { #(#entries)* }
        unknown: #unknown;
    }
}

/// The runtime strategy that draws a value of `ty`, written with `codec`.
fn strategy(ty: &RustType, codec: &Codec) -> TokenStream {
    match ty {
        RustType::String => quote!(Text),
        RustType::Blob => quote!(Bytes),
        RustType::F32 | RustType::F64 => quote!(Float),
        RustType::Timestamp => match codec {
            Codec::DateTime => quote!(DateTime),
            Codec::HttpDate => quote!(HttpDate),
            _ => quote!(Any),
        },
        RustType::List { item, sparse } => {
            let item = strategy(item, element(codec));
            match sparse {
                true => quote!(SparseListOf<#item>),
                false => quote!(ListOf<#item>),
            }
        }
        RustType::Map { key, value, sparse } => {
            let key = strategy(key, &Codec::Plain);
            let value = strategy(value, element(codec));
            match sparse {
                true => quote!(SparseMapOf<#key, #value>),
                false => quote!(MapOf<#key, #value>),
            }
        }
        _ => quote!(Any),
    }
}

/// The codec of a list's elements or a map's values.
fn element(codec: &Codec) -> &Codec {
    match codec {
        Codec::List { item, .. } => item,
        Codec::Map { value, .. } => value,
        _ => &Codec::Plain,
    }
}
