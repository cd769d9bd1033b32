//! Unions: a Rust enum with one variant per member, and a variant that keeps the name and
//! payload of a member the model does not know.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{self, Links};
use super::fallback::Fallbacks;
use super::structure::REDACTED;
use super::ty::{self, ident};
use crate::emit::paths::STRING;
use crate::typespace::{Item, UnionVariant};

/// The tokens of a union item.
pub fn emit(
    links: &Links,
    fallbacks: &Fallbacks,
    item: &Item,
    variants: &[UnionVariant],
    unknown: &str,
) -> TokenStream {
    let name = ident(&item.name);
    let docs = docs::attrs(&docs::item_docs(
        links,
        item.docs.as_deref(),
        &fallbacks.item(item),
    ));
    let deprecated = docs::deprecated(item.deprecated.as_ref());
    let unknown = ident(unknown);
    let variant_tokens = variants.iter().map(|v| variant(links, fallbacks, v));
    let derive_debug = (!item.derives.redacted_debug).then(|| quote!(Debug,));
    let eq_hash = item.derives.eq_hash.then(|| quote!(Eq, Hash,));
    let debug = item
        .derives
        .redacted_debug
        .then(|| redacted_debug(item, variants, &unknown));
    quote! {
        #docs
        #deprecated
        #[derive(#derive_debug Clone, PartialEq, #eq_hash)]
        #[non_exhaustive]
        // Members hold what the model says; boxing the big ones would change the API.
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variant_tokens)*
            /// A member the model does not know: its name and its JSON value, kept so
            /// that it writes back unchanged.
            #unknown {
                /// The member's name on the wire.
                name: #STRING,
                /// The member's value.
                value: crate::primitives::Document,
            },
        }
        #debug
    }
}

fn variant(links: &Links, fallbacks: &Fallbacks, variant: &UnionVariant) -> TokenStream {
    let name = ident(&variant.name);
    let ty = variant.ty.as_ref().filter(|_| variant.docs.is_none());
    let fallback = fallbacks.member(&variant.member, ty, false);
    let facts = docs::Facts::of_variant(variant);
    let docs = docs::attrs(&docs::member_docs(
        links,
        variant.docs.as_deref(),
        &fallback,
        &facts,
    ));
    match &variant.ty {
        None => quote!(#docs #name,),
        Some(payload) => {
            let payload = ty::field_type(payload, variant.boxed, false);
            quote!(#docs #name(#payload),)
        }
    }
}

fn redacted_debug(
    item: &Item,
    variants: &[UnionVariant],
    unknown: &proc_macro2::Ident,
) -> TokenStream {
    let name = ident(&item.name);
    let arms = variants.iter().map(|v| {
        let variant = ident(&v.name);
        let label = &v.name;
        match (&v.ty, v.sensitive) {
            (None, _) => quote!(Self::#variant => f.write_str(#label),),
            (Some(_), true) => {
                quote!(Self::#variant(_) => f.debug_tuple(#label).field(&#REDACTED).finish(),)
            }
            (Some(_), false) => {
                quote!(Self::#variant(value) => f.debug_tuple(#label).field(value).finish(),)
            }
        }
    });
    let unknown_label = unknown.to_string();
    quote! {
        impl ::std::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#arms)*
                    Self::#unknown { name, .. } => f.debug_struct(#unknown_label).field("name", name).finish_non_exhaustive(),
                }
            }
        }
    }
}
