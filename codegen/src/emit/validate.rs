//! Validation, behind the cargo feature [`FEATURE`] (on by default): each item's
//! `impl Validate` and inherent `validate()`, which walk its members with the checks the
//! type space decided, and `src/patterns.rs`, the table of compiled patterns.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::ty::ident;
use super::CodeFile;
use crate::emit::paths::{NONE, RESULT, SOME};
use crate::load::traits::{Length, Range};
use crate::typespace::{
    Checks, Field, Inner, Item, ItemKind, PatternId, PatternInfo, RustType, TypeSpace, UnionVariant,
};

/// The pattern table of the type space.
type Patterns = BTreeMap<PatternId, PatternInfo>;

/// The cargo feature that turns validation on: the impls, the `patterns` module, the
/// runtime's `validate` module, `build_validated()`, and the regex-lite dependency. On
/// by default; without it the crate has no dependency at all.
pub const FEATURE: &str = "validate";

/// The `Validate` impl and the inherent `validate()` of an item, both compiled only with
/// [`FEATURE`].
pub fn impls(item: &Item, patterns: &Patterns) -> TokenStream {
    let name = ident(&item.name);
    let body = match &item.kind {
        ItemKind::Struct { fields, .. } => fields.iter().map(|f| field(f, patterns)).collect(),
        ItemKind::Union {
            variants, unknown, ..
        } => union(variants, unknown, patterns),
        ItemKind::Enum { unknown, .. } | ItemKind::IntEnum { unknown, .. } => {
            let unknown = ident(unknown);
            quote!(if let Self::#unknown(value) = self { v.unknown_value(value); })
        }
    };
    let param = match body.is_empty() {
        true => quote!(_),
        false => quote!(v),
    };
    let check = super::gated(
        FEATURE,
        quote! {
            impl crate::primitives::Validate for #name {
                // Inline: only the types a user validates are compiled.
                #[inline]
                fn check(&self, #param: &mut crate::primitives::Validator) {
                    #body
                }
            }
        },
    );
    let validate = super::gated(
        FEATURE,
        quote! {
            impl #name {
                /// Checks the value and everything inside it against the model's
                /// constraints; the error lists every violation, each with its path.
                #[inline]
                pub fn validate(&self) -> #RESULT<(), crate::primitives::ValidationError> {
                    crate::primitives::Validate::validate(self)
                }
            }
        },
    );
    quote!(#check #validate)
}

pub(super) fn field(field: &Field, patterns: &Patterns) -> TokenStream {
    let name = ident(&field.name);
    let member = &field.member;
    let value = quote!(value);
    let inner = value_checks(&field.ty, &field.checks, &value, patterns);
    let required = field.required && field.optional;
    let access = match (field.optional, inner.is_empty(), required) {
        (_, true, false) => return TokenStream::new(),
        (false, _, _) => quote!(let value = &self.#name; #inner),
        (true, true, true) => quote!(if self.#name.is_none() { v.missing(); }),
        (true, _, false) => {
            quote!(if let #SOME(value) = &self.#name { #inner })
        }
        (true, _, true) => quote! {
            match &self.#name {
                #SOME(value) => { #inner }
                #NONE => v.missing(),
            }
        },
    };
    let sensitive = field.sensitive;
    quote! {
        v.enter(#member, #sensitive);
        #access
        v.leave();
    }
}

fn union(variants: &[UnionVariant], unknown: &str, patterns: &Patterns) -> TokenStream {
    let arms = variants.iter().map(|variant| {
        let name = ident(&variant.name);
        let Some(ty) = &variant.ty else {
            return quote!(Self::#name => {});
        };
        let checks = value_checks(ty, &variant.checks, &quote!(value), patterns);
        let member = &variant.member;
        let sensitive = variant.sensitive;
        match checks.is_empty() {
            true => quote!(Self::#name(_) => {}),
            false => quote!(Self::#name(value) => {
                v.enter(#member, #sensitive);
                #checks
                v.leave();
            }),
        }
    });
    let unknown = ident(unknown);
    quote! {
        match self {
            #(#arms)*
            Self::#unknown { name, .. } => v.unknown_member(name),
        }
    }
}

/// The statements that check `value`, a reference to a value of type `ty`.
fn value_checks(
    ty: &RustType,
    checks: &Checks,
    value: &TokenStream,
    patterns: &Patterns,
) -> TokenStream {
    let length = checks.length.map(length_bounds);
    let mut out = TokenStream::new();
    match ty {
        RustType::Named(_) => out.extend(quote!(crate::primitives::Validate::check(#value, v);)),
        RustType::String => {
            out.extend(length.map(|b| quote!(v.check_chars(#value, #b);)));
            out.extend(pattern(checks, value, patterns));
        }
        RustType::Blob => out.extend(length.map(|b| quote!(v.check_bytes(#value, #b);))),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => {
            let number = match ty {
                RustType::I64 => quote!(*#value),
                _ => quote!(::std::primitive::i64::from(*#value)),
            };
            out.extend(int_bounds(checks.range.as_ref()).map(|b| quote!(v.check_int(#number, #b);)))
        }
        RustType::F32 | RustType::F64 => {
            let number = match ty {
                RustType::F64 => quote!(*#value),
                _ => quote!(::std::primitive::f64::from(*#value)),
            };
            out.extend(
                float_bounds(checks.range.as_ref()).map(|b| quote!(v.check_float(#number, #b);)),
            )
        }
        RustType::BigInteger | RustType::BigDecimal => out.extend(
            float_bounds(checks.range.as_ref()).map(|b| quote!(v.check_big(#value.as_str(), #b);)),
        ),
        RustType::List { item, sparse } => {
            out.extend(length.map(|b| quote!(v.check_count(#value.len(), #b);)));
            if checks.unique_items {
                out.extend(quote!(v.check_unique(#value);));
            }
            out.extend(items(item, *sparse, &checks.inner, value, patterns));
        }
        RustType::Map {
            key,
            value: ty,
            sparse,
        } => {
            out.extend(length.map(|b| quote!(v.check_count(#value.len(), #b);)));
            out.extend(entries((key, ty), *sparse, &checks.inner, value, patterns));
        }
        RustType::Bool | RustType::Timestamp | RustType::Document => {}
    }
    out
}

fn pattern(checks: &Checks, value: &TokenStream, patterns: &Patterns) -> Option<TokenStream> {
    let info = patterns.get(checks.pattern.as_ref()?)?;
    info.regex.as_ref().ok()?;
    let name = ident(&info.name);
    Some(quote!(v.check_pattern(#value, &crate::patterns::#name);))
}

fn items(
    ty: &RustType,
    sparse: bool,
    inner: &Inner,
    list: &TokenStream,
    patterns: &Patterns,
) -> TokenStream {
    let empty = Checks::default();
    let checks = match inner {
        Inner::Items(checks) => checks,
        _ => &empty,
    };
    let body = value_checks(ty, checks, &quote!(item), patterns);
    if body.is_empty() {
        return body;
    }
    let body = match sparse {
        true => quote!(if let #SOME(item) = item { #body }),
        false => body,
    };
    quote! {
        for (index, item) in #list.iter().enumerate() {
            v.enter_index(index);
            #body
            v.leave();
        }
    }
}

fn entries(
    (key_ty, value_ty): (&RustType, &RustType),
    sparse: bool,
    inner: &Inner,
    map: &TokenStream,
    patterns: &Patterns,
) -> TokenStream {
    let empty = (Checks::default(), Checks::default());
    let (key_checks, value_checks_) = match inner {
        Inner::Entries { key, value } => (key.as_ref(), value.as_ref()),
        _ => (&empty.0, &empty.1),
    };
    let key = value_checks(key_ty, key_checks, &quote!(key), patterns);
    let value = value_checks(value_ty, value_checks_, &quote!(item), patterns);
    if key.is_empty() && value.is_empty() {
        return TokenStream::new();
    }
    let value = match (sparse, value.is_empty()) {
        (true, false) => quote!(if let #SOME(item) = item { #value }),
        _ => value,
    };
    let key_text = match key_ty {
        RustType::String => quote!(key),
        _ => quote!(key.as_str()),
    };
    let key = (!key.is_empty()).then(|| quote!(v.enter_map_key(#key_text); #key v.leave();));
    let value = (!value.is_empty()).then(|| quote!(v.enter_key(#key_text); #value v.leave();));
    match value.is_some() {
        true => quote!(for (key, item) in #map { #key #value }),
        false => quote!(for key in #map.keys() { #key }),
    }
}

fn bounds<T: quote::ToTokens>(min: Option<T>, max: Option<T>) -> TokenStream {
    let path = quote!(crate::primitives::Bounds);
    match (min, max) {
        (Some(min), Some(max)) => quote!(#path::between(#min, #max)),
        (Some(min), None) => quote!(#path::at_least(#min)),
        (None, Some(max)) => quote!(#path::at_most(#max)),
        (None, None) => {
            quote!(#path { min: #NONE, max: #NONE })
        }
    }
}

fn length_bounds(length: Length) -> TokenStream {
    let literal = Literal::u64_suffixed;
    bounds(length.min.map(literal), length.max.map(literal))
}

/// Integer bounds; a fractional bound is rounded inwards, one beyond `i64` is open.
fn int_bounds(range: Option<&Range>) -> Option<TokenStream> {
    let range = range?;
    let side = |n: &serde_json::Number, round: fn(f64) -> f64| {
        let exact = n.as_i64();
        let rounded = n.as_f64().map(round).filter(|f| f.abs() < 9.2e18);
        exact
            .or(rounded.map(|f| f as i64))
            .map(Literal::i64_suffixed)
    };
    let min = range.min.as_ref().and_then(|n| side(n, f64::ceil));
    let max = range.max.as_ref().and_then(|n| side(n, f64::floor));
    Some(bounds(min, max))
}

fn float_bounds(range: Option<&Range>) -> Option<TokenStream> {
    let range = range?;
    let side = |n: &Option<serde_json::Number>| {
        n.as_ref()
            .and_then(serde_json::Number::as_f64)
            .map(Literal::f64_suffixed)
    };
    Some(bounds(side(&range.min), side(&range.max)))
}

/// `src/patterns.rs`: one static per pattern that compiles, or nothing when there is
/// none.
pub fn patterns_file(space: &TypeSpace) -> Option<CodeFile> {
    let statics: Vec<TokenStream> = space
        .patterns
        .values()
        .filter_map(|info| {
            let (regex, source) = (info.regex.as_ref().ok()?, &info.source);
            let name = ident(&info.name);
            let users: Vec<String> = info
                .users
                .iter()
                .map(|(shape, member)| format!("`{}.{member}`", short(shape)))
                .collect();
            let doc = format!(" `{source}`, for {}.", users.join(", "));
            Some(quote! {
                #[doc = #doc]
                pub(crate) static #name: crate::primitives::Pattern =
                    crate::primitives::Pattern::new(#regex, #source);
            })
        })
        .collect();
    if statics.is_empty() {
        return None;
    }
    Some(CodeFile {
        path: "src/patterns.rs".to_owned(),
        code: quote! {
            //! The model's patterns, translated for `regex-lite` when the crate was
            //! generated and compiled on first use.
            #(#statics)*
        }
        .into(),
    })
}

fn short(shape: &str) -> &str {
    shape.rsplit('#').next().unwrap_or(shape)
}
