//! Rust types and default values as tokens. Standard names are written through
//! `emit/paths.rs`, absolute wherever a model shape named `String`, `Option` or
//! `Vec` could shadow them.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};
use serde_json::Value;

use crate::emit::paths::{BOX, DEFAULT_DEFAULT, OPTION, STRING, STRING_FROM, VEC};
use crate::typespace::RustType;

/// An identifier from the type space, raw (`r#type`) where needed.
pub fn ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => format_ident!("r#{}", raw),
        None => format_ident!("{}", name),
    }
}

/// The tokens of a type.
pub fn tokens(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(#STRING),
        RustType::Bool => quote!(bool),
        RustType::I8 => quote!(i8),
        RustType::I16 => quote!(i16),
        RustType::I32 => quote!(i32),
        RustType::I64 => quote!(i64),
        RustType::F32 => quote!(f32),
        RustType::F64 => quote!(f64),
        RustType::BigInteger => quote!(crate::primitives::BigInteger),
        RustType::BigDecimal => quote!(crate::primitives::BigDecimal),
        RustType::Blob => quote!(#VEC<u8>),
        RustType::Timestamp => quote!(crate::primitives::Timestamp),
        RustType::Document => quote!(crate::primitives::Document),
        RustType::Named(name) => {
            let name = ident(name);
            quote!(crate::#name)
        }
        RustType::List { item, sparse } => {
            let item = optional(tokens(item), *sparse);
            quote!(#VEC<#item>)
        }
        RustType::Map { key, value, sparse } => {
            let key = tokens(key);
            let value = optional(tokens(value), *sparse);
            quote!(::std::collections::BTreeMap<#key, #value>)
        }
    }
}

/// Wraps a type in `Option` when `yes`.
pub fn optional(ty: TokenStream, yes: bool) -> TokenStream {
    match yes {
        true => quote!(#OPTION<#ty>),
        false => ty,
    }
}

/// The full type of a field: boxed when it breaks a cycle, optional when it may be
/// absent.
pub fn field_type(ty: &RustType, boxed: bool, is_optional: bool) -> TokenStream {
    let inner = tokens(ty);
    let inner = match boxed {
        true => quote!(#BOX<#inner>),
        false => inner,
    };
    optional(inner, is_optional)
}

/// An expression for a model default value of the given type; falls back to
/// `Default::default()` where the value is the type's own default.
pub fn default_value(ty: &RustType, value: &Value) -> TokenStream {
    let fallback = quote!(#DEFAULT_DEFAULT());
    match (ty, value) {
        (RustType::String, Value::String(s)) => quote!(#STRING_FROM(#s)),
        (RustType::Bool, Value::Bool(b)) => quote!(#b),
        (RustType::Named(name), Value::String(s)) => {
            let name = ident(name);
            quote!(crate::#name::from(#s))
        }
        (RustType::Named(name), Value::Number(n)) if n.is_i64() => {
            let name = ident(name);
            let n = proc_macro2::Literal::i64_unsuffixed(n.as_i64().unwrap_or_default());
            quote!(crate::#name::from(#n))
        }
        (RustType::BigInteger | RustType::BigDecimal, Value::Number(n)) if n.is_i64() => {
            let path = tokens(ty);
            let n = proc_macro2::Literal::i64_suffixed(n.as_i64().unwrap_or_default());
            quote!(#path::from(#n))
        }
        (RustType::Timestamp, Value::Number(n)) => {
            let secs = proc_macro2::Literal::i64_unsuffixed(n.as_i64().unwrap_or_default());
            quote!(crate::primitives::Timestamp::from_secs(#secs))
        }
        (_, Value::Number(n)) => number(ty, n).unwrap_or(fallback),
        _ => fallback,
    }
}

/// `option`, an `Option` of the type, unwrapped to the model default when it is `None`:
/// `unwrap_or(0i32)` for a literal, `unwrap_or_default()` where the type's own default
/// is the value, `unwrap_or_else(|| ...)` otherwise.
pub fn unwrap_default(ty: &RustType, value: &Value, option: TokenStream) -> TokenStream {
    let expr = default_value(ty, value);
    let fallback = quote!(#DEFAULT_DEFAULT());
    let literal = matches!(
        ty,
        RustType::Bool
            | RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::F32
            | RustType::F64
    );
    match (expr.to_string() == fallback.to_string(), literal) {
        (true, _) => quote!(#option.unwrap_or_default()),
        (false, true) => quote!(#option.unwrap_or(#expr)),
        (false, false) => quote!(#option.unwrap_or_else(|| #expr)),
    }
}

fn number(ty: &RustType, n: &serde_json::Number) -> Option<TokenStream> {
    let int = n.as_i64();
    let float = n.as_f64()?;
    Some(match ty {
        RustType::I8 => {
            proc_macro2::Literal::i8_suffixed(int?.try_into().ok()?).into_token_stream()
        }
        RustType::I16 => {
            proc_macro2::Literal::i16_suffixed(int?.try_into().ok()?).into_token_stream()
        }
        RustType::I32 => {
            proc_macro2::Literal::i32_suffixed(int?.try_into().ok()?).into_token_stream()
        }
        RustType::I64 => proc_macro2::Literal::i64_suffixed(int?).into_token_stream(),
        RustType::F32 => proc_macro2::Literal::f32_suffixed(float as f32).into_token_stream(),
        RustType::F64 => proc_macro2::Literal::f64_suffixed(float).into_token_stream(),
        _ => return None,
    })
}
