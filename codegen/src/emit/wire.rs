//! Serde for JSON bodies, behind the cargo feature [`FEATURE`]: one invocation per item of
//! the declarative macros that the runtime's `wire` module defines, so the crate needs no
//! proc-macro at build time.

use proc_macro2::{Delimiter, TokenStream};
use quote::quote;

use super::ty::{self, ident};
use crate::emit::paths::BOX_NEW;
use crate::typespace::{Codec, ErrorInfo, Field, Item, ItemKind, TypeSpace, UnionVariant};

/// The cargo feature that turns serde on: the impls, the runtime's `wire` module and
/// the operations' `from_response`. Off by default, so that a crate that only needs the
/// types does not build serde and serde_json.
pub const FEATURE: &str = "serde";

/// A doctest of `code`, Rust lines that may use `?` on serde_json's errors, which runs
/// with [`FEATURE`] and compiles to nothing without it.
pub fn doctest(code: &str) -> String {
    format!(
        "```\n\
         # #[cfg(feature = \"{FEATURE}\")]\n\
         # fn main() -> Result<(), serde_json::Error> {{\n\
         {code}\
         # Ok(())\n\
         # }}\n\
         # #[cfg(not(feature = \"{FEATURE}\"))]\n\
         # fn main() {{}}\n\
         ```"
    )
}

/// The serde impls of an item as text, compiled only with [`FEATURE`], or nothing when
/// the item has none: a structure with a required member bound to HTTP cannot be read
/// from its body alone.
pub fn impls(item: &Item) -> String {
    let name = ident(&item.name);
    let (path, delimiter, body) = match &item.kind {
        ItemKind::Struct { fields, error, .. } if has_serde(fields) => (
            "json_structure",
            Delimiter::Brace,
            structure(&name, fields, error.as_ref()),
        ),
        ItemKind::Struct { .. } => return String::new(),
        ItemKind::Union {
            variants, unknown, ..
        } => (
            "json_union",
            Delimiter::Brace,
            union(&name, variants, unknown),
        ),
        ItemKind::Enum { .. } => ("json_enum", Delimiter::Parenthesis, quote!(#name)),
        ItemKind::IntEnum { .. } => ("json_int_enum", Delimiter::Parenthesis, quote!(#name)),
    };
    let path = format!("crate::primitives::wire::{path}");
    super::gated_call(FEATURE, &path, delimiter, body)
}

/// The body of a structure's `json_structure!` call.
fn structure(
    name: &proc_macro2::Ident,
    fields: &[Field],
    error: Option<&ErrorInfo>,
) -> TokenStream {
    let entries = fields.iter().map(|f| {
        let field = ident(&f.name);
        let wire = &f.wire_name;
        let aliases = message_aliases(f, error);
        let presence = match (&f.default, f.optional) {
            _ if f.http_bound => quote!(skip),
            (_, true) => quote!(optional),
            (Some(value), false) => {
                let value = ty::default_value(&f.ty, value);
                let value = match f.boxed {
                    true => quote!(#BOX_NEW(#value)),
                    false => value,
                };
                quote!(default(#value))
            }
            (None, false) => quote!(required),
        };
        let codec = codec(&f.codec);
        quote!(#field: #wire #(| #aliases)*, #presence, #codec;)
    });
    quote!(#name { #(#entries)* })
}

/// Error bodies spell the message member both ways; accept the other spelling too.
fn message_aliases(field: &Field, error: Option<&ErrorInfo>) -> Vec<String> {
    let is_message = error
        .and_then(|e| e.message_field.as_deref())
        .is_some_and(|m| m == field.name);
    match is_message {
        true => ["message", "Message"]
            .into_iter()
            .filter(|alias| *alias != field.wire_name)
            .map(str::to_owned)
            .collect(),
        false => Vec::new(),
    }
}

/// The body of a union's `json_union!` call.
fn union(name: &proc_macro2::Ident, variants: &[UnionVariant], unknown: &str) -> TokenStream {
    let unknown = ident(unknown);
    let entries = variants.iter().map(|v| {
        let variant = ident(&v.name);
        let wire = &v.wire_name;
        match &v.ty {
            None => quote!(#variant: #wire, unit;),
            Some(_) => {
                let codec = codec(&v.codec);
                quote!(#variant: #wire, #codec;)
            }
        }
    });
    quote! {
        #name { #(#entries)* }
        unknown: #unknown;
    }
}

/// The runtime codec type for a codec.
fn codec(codec: &Codec) -> TokenStream {
    match codec {
        Codec::Plain => quote!(Plain),
        Codec::Float => quote!(Float),
        Codec::Blob => quote!(Blob),
        Codec::EpochSeconds => quote!(EpochSeconds),
        Codec::DateTime => quote!(DateTime),
        Codec::HttpDate => quote!(HttpDate),
        Codec::List {
            item,
            sparse: false,
        } => {
            let item = self::codec(item);
            quote!(ListOf<#item>)
        }
        Codec::List { item, sparse: true } => {
            let item = self::codec(item);
            quote!(SparseListOf<#item>)
        }
        Codec::Map {
            value,
            sparse: false,
        } => {
            let value = self::codec(value);
            quote!(MapOf<#value>)
        }
        Codec::Map {
            value,
            sparse: true,
        } => {
            let value = self::codec(value);
            quote!(SparseMapOf<#value>)
        }
    }
}

/// Whether a structure's fields allow serde impls: members bound to HTTP must be
/// optional, since a body never carries them.
pub fn has_serde(fields: &[Field]) -> bool {
    fields.iter().all(|f| !f.http_bound || f.optional)
}

/// Whether an item has serde impls: every enum and union, and the structures whose
/// fields allow them ([`has_serde`]).
pub fn item_has_serde(item: &Item) -> bool {
    match &item.kind {
        ItemKind::Struct { fields, .. } => has_serde(fields),
        _ => true,
    }
}

/// Whether the crate has serde and the item named `name` has serde impls, so that a
/// doc example may read and write it with serde_json.
pub fn readable(space: &TypeSpace, name: &str) -> bool {
    space.json.is_some() && space.item_named(name).is_some_and(item_has_serde)
}
