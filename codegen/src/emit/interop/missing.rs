//! Missing values: what a member ours requires gets when the SDK has none, as Smithy's
//! client error correction fills it (its model default, else its zero value), and the
//! helper functions that build a structure at its zero value.

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::generator::Generator;
use crate::emit::ty::{self, ident};
use crate::typespace::{DefaultImpl, Field, Item, ItemKind, RustType};

/// The value a required member gets when the SDK has none.
enum Zero {
    /// `Default::default()`.
    Default,
    /// This expression.
    Value(TokenStream),
    /// A call to this helper function.
    Helper(Ident),
}

impl Zero {
    /// The value as an expression.
    fn expr(self) -> TokenStream {
        match self {
            Zero::Default => quote!(::core::default::Default::default()),
            Zero::Value(value) => value,
            Zero::Helper(helper) => quote!(#helper()),
        }
    }
}

impl<'a> Generator<'a> {
    /// The value of a required member that the SDK left out: the model default, else the
    /// zero value of Smithy's client error correction.
    pub fn fill_missing(&self, field: &Field, e: TokenStream) -> TokenStream {
        if let Some(default) = &field.default {
            let value = ty::default_value(&field.ty, default);
            if value.to_string() == Zero::Default.expr().to_string() {
                return quote!(#e.unwrap_or_default());
            }
            let value = boxed_value(value, field.boxed);
            return match literal(&field.ty) && !field.boxed {
                true => quote!(#e.unwrap_or(#value)),
                false => quote!(#e.unwrap_or_else(|| #value)),
            };
        }
        match self.zero(&field.ty, field.boxed) {
            Zero::Default => quote!(#e.unwrap_or_default()),
            Zero::Value(value) => quote!(#e.unwrap_or_else(|| #value)),
            Zero::Helper(helper) => quote!(#e.unwrap_or_else(#helper)),
        }
    }

    /// The zero value of a member of this type, boxed when the member is.
    fn zero(&self, ty: &RustType, boxed: bool) -> Zero {
        let zero = match self.named(ty) {
            None => Zero::Default,
            Some(item) => self.item_zero(item),
        };
        match (boxed, zero) {
            (false, zero) | (true, zero @ Zero::Default) => zero,
            (true, zero) => Zero::Value(boxed_value(zero.expr(), true)),
        }
    }

    /// An item's zero value: the empty string or 0 for enums, the unknown variant for
    /// unions, and for structures their `Default`, else a helper function.
    fn item_zero(&self, item: &'a Item) -> Zero {
        let path = self.ours(&item.name);
        match &item.kind {
            ItemKind::Enum { .. } => Zero::Value(quote!(#path::from(""))),
            ItemKind::IntEnum { .. } => Zero::Value(quote!(#path::from(0))),
            ItemKind::Union { unknown, .. } => {
                let unknown = ident(unknown);
                Zero::Value(quote! {
                    #path::#unknown {
                        name: ::std::string::String::new(),
                        value: crate::primitives::Document::Null,
                    }
                })
            }
            ItemKind::Struct { .. } if item.derives.default != DefaultImpl::None => Zero::Default,
            ItemKind::Struct { .. } => {
                self.helpers.borrow_mut().insert(item.name.as_str());
                Zero::Helper(helper_name(item))
            }
        }
    }

    /// The helpers that build a structure with every required member at its zero value.
    pub fn helper_fns(&self) -> TokenStream {
        let mut done = BTreeSet::new();
        let mut out = Vec::new();
        loop {
            let pending: Vec<&str> = self.helpers.borrow().difference(&done).copied().collect();
            if pending.is_empty() {
                break;
            }
            for name in pending {
                done.insert(name);
                out.push(self.helper_fn(self.items[name]));
            }
        }
        quote!(#(#out)*)
    }

    /// One zero-value helper function.
    fn helper_fn(&self, item: &'a Item) -> TokenStream {
        let ItemKind::Struct { fields, .. } = &item.kind else {
            return quote!();
        };
        let name = helper_name(item);
        let path = self.ours(&item.name);
        let values = fields.iter().map(|f| {
            let field = ident(&f.name);
            let value = match (&f.default, f.optional) {
                (_, true) => quote!(::std::option::Option::None),
                (Some(default), false) => boxed_value(ty::default_value(&f.ty, default), f.boxed),
                (None, false) => self.zero(&f.ty, f.boxed).expr(),
            };
            quote!(#field: #value,)
        });
        let doc = format!(
            " `{}` as Smithy's client error correction fills a missing one: required members \
             at their defaults or zero values.",
            item.name
        );
        quote! {
            #[doc = #doc]
            fn #name() -> #path {
                #path { #(#values)* }
            }
        }
    }
}

/// The helper function that builds the structure at its zero value: `missing_<module>`.
fn helper_name(item: &Item) -> Ident {
    format_ident!("missing_{}", item.module.trim_start_matches("r#"))
}

/// The value, in a `Box` when the member is boxed.
fn boxed_value(value: TokenStream, boxed: bool) -> TokenStream {
    match boxed {
        true => quote!(::std::boxed::Box::new(#value)),
        false => value,
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
