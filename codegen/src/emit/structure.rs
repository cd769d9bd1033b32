//! Structures: a struct with `pub` fields, derives, a hand-written `Debug` where values
//! are sensitive, and `Display` plus `std::error::Error` for error shapes.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{self, Links};
use super::fallback::{self, Fallbacks};
use super::text::Writer;
use super::ty::{self, ident};
use crate::emit::paths::{BOX_NEW, DEFAULT, DEFAULT_DEFAULT, OK, SOME};
use crate::format::code::Code;
use crate::format::macro_call::inline;
use crate::typespace::{DefaultImpl, ErrorInfo, Field, Item};

/// The marker printed in place of sensitive values.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// A structure item: its definition, laid out as text, then its impls. `item_docs` are
/// its docs, from [`item_docs`], and `docs` those of its fields, from [`field_docs`].
pub fn emit(
    code: &mut Code,
    item: &Item,
    fields: &[Field],
    item_docs: &str,
    docs: &[String],
    error: Option<&ErrorInfo>,
    sensitive: bool,
) {
    let mut w = Writer::default();
    w.docs(item_docs);
    if let Some(attr) = docs::deprecated_attr(item.deprecated.as_ref()) {
        w.attribute(&attr);
    }
    w.line(derives(item));
    match fields.is_empty() {
        true => w.line(format_args!("pub struct {} {{}}", item.name)),
        false => {
            w.open(format_args!("pub struct {} {{", item.name));
            for (f, docs) in fields.iter().zip(docs) {
                field(&mut w, f, docs);
            }
            w.close("}");
        }
    }
    code.text(w.finish());
    code.declare(&item.name);
    let debug = item
        .derives
        .redacted_debug
        .then(|| redacted_debug(&item.name, fields, sensitive));
    let default = (item.derives.default == DefaultImpl::Model).then(|| model_default(item, fields));
    let error = error.map(|e| error_impls(item, e));
    code.tokens(quote!(#debug #default #error));
}

fn derives(item: &Item) -> String {
    let mut names = Vec::new();
    if !item.derives.redacted_debug {
        names.push("Debug");
    }
    names.push("Clone");
    names.push("PartialEq");
    if item.derives.eq_hash {
        names.extend(["Eq", "Hash"]);
    }
    if item.derives.default == DefaultImpl::Derive {
        names.push("Default");
    }
    format!("#[derive({})]", names.join(", "))
}

/// A structure's documentation, or what the generator knows of it.
pub fn item_docs(links: &Links, fallbacks: &Fallbacks, item: &Item) -> String {
    docs::item_docs(links, item.docs.as_deref(), &fallbacks.item(item))
}

/// A field's documentation, which its builder's setters repeat: the member's
/// documentation (or what the generator knows of it), then the model's facts about it.
pub fn field_docs(links: &Links, fallbacks: &Fallbacks, item: &Item, field: &Field) -> String {
    let fallback = fallback::field(fallbacks, item, field);
    let facts = docs::Facts::of_field(field);
    docs::member_docs(links, field.docs.as_deref(), &fallback, &facts)
}

fn field(w: &mut Writer, field: &Field, docs: &str) {
    w.docs(docs);
    if let Some(attr) = docs::deprecated_attr(field.deprecated.as_ref()) {
        w.attribute(&attr);
    }
    let ty = ty::field_type(&field.ty, field.boxed, field.optional);
    w.typed(&format!("pub {}: ", field.name), &inline(ty), ",");
}

/// A `Debug` impl for the type `label` that hides sensitive values, or every value when
/// the whole structure is `sensitive`.
pub fn redacted_debug(label: &str, fields: &[Field], sensitive: bool) -> TokenStream {
    let name = ident(label);
    let body = match sensitive {
        true => quote!(f.debug_struct(#label).finish_non_exhaustive()),
        false => {
            let entries = fields.iter().map(debug_entry);
            quote!(f.debug_struct(#label) #(#entries)* .finish())
        }
    };
    quote! {
        impl ::std::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #body
            }
        }
    }
}

fn debug_entry(field: &Field) -> TokenStream {
    let name = ident(&field.name);
    let label = field.name.trim_start_matches("r#");
    match (field.sensitive, field.optional) {
        (false, _) => quote!(.field(#label, &self.#name)),
        (true, false) => quote!(.field(#label, &#REDACTED)),
        (true, true) => quote!(.field(#label, &self.#name.as_ref().map(|_| #REDACTED))),
    }
}

fn model_default(item: &Item, fields: &[Field]) -> TokenStream {
    let name = ident(&item.name);
    let values = fields.iter().map(|f| {
        let field = ident(&f.name);
        let value = match (&f.default, f.optional) {
            (Some(value), false) => ty::default_value(&f.ty, value),
            _ => quote!(#DEFAULT_DEFAULT()),
        };
        let value = match f.boxed && !f.optional {
            true => quote!(#BOX_NEW(#value)),
            false => value,
        };
        quote!(#field: #value,)
    });
    quote! {
        impl #DEFAULT for #name {
            fn default() -> Self {
                Self { #(#values)* }
            }
        }
    }
}

fn error_impls(item: &Item, error: &ErrorInfo) -> TokenStream {
    let name = ident(&item.name);
    let label = &item.name;
    let message = match (&error.message_field, error.message_optional) {
        (None, _) => quote!(),
        (Some(field), true) => {
            let field = ident(field);
            quote! {
                if let #SOME(message) = &self.#field {
                    write!(f, ": {}", message)?;
                }
            }
        }
        (Some(field), false) => {
            let field = ident(field);
            quote!(write!(f, ": {}", self.#field)?;)
        }
    };
    quote! {
        impl ::std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(#label)?;
                #message
                #OK(())
            }
        }
        impl ::std::error::Error for #name {}
    }
}
