//! Missing values: a member ours requires that the SDK left out gets its model default,
//! as Smithy's client error correction fills it; without a default, the conversion
//! fails with an error naming the shape and member.

use proc_macro2::TokenStream;
use quote::quote;

use super::error_type;
use super::generator::Generator;
use crate::emit::paths::{BOX_NEW, DEFAULT_DEFAULT};
use crate::emit::ty;
use crate::typespace::{Field, RustType};

impl Generator<'_> {
    /// `e`, an `Option` of the value of a member of `shape` that ours requires: its model
    /// default when `None`, else a `MissingMember` error returned with `?`.
    pub fn fill_missing(&self, shape: &str, field: &Field, e: TokenStream) -> TokenStream {
        let Some(default) = &field.default else {
            let (error, member) = (error_type(), &field.member);
            return quote!(#e.ok_or(#error::MissingMember { shape: #shape, member: #member })?);
        };
        let value = ty::default_value(&field.ty, default);
        if value.to_string() == quote!(#DEFAULT_DEFAULT()).to_string() {
            return quote!(#e.unwrap_or_default());
        }
        let value = match field.boxed {
            true => quote!(#BOX_NEW(#value)),
            false => value,
        };
        match literal(&field.ty) && !field.boxed {
            true => quote!(#e.unwrap_or(#value)),
            false => quote!(#e.unwrap_or_else(|| #value)),
        }
    }
}

/// Whether the model default of this type is a plain literal.
fn literal(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::Bool
            | RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::F32
            | RustType::F64
    )
}
