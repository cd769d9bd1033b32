//! Unions: `TryFrom` both ways. The SDK's `Unknown` variant keeps no name or value and
//! cannot be built outside the SDK, so neither our unknown variant nor the SDK's crosses.

use proc_macro2::TokenStream;
use quote::quote;

use super::conversion::{both_ways, Body};
use super::error_type;
use super::generator::Generator;
use super::naming::sdk_union_variant;
use super::values::Dir;
use crate::emit::paths::{ERR, NONE, SOME};
use crate::emit::ty::ident;
use crate::load::shape_id;
use crate::typespace::{Item, UnionVariant};

impl Generator<'_> {
    /// The conversions of a union; `unknown` is the name of our variant for members this
    /// crate does not know.
    pub fn union_impls(
        &self,
        item: &Item,
        variants: &[UnionVariant],
        unknown: &str,
    ) -> TokenStream {
        let ours = self.ours(&item.name);
        let sdk = self.sdk_path(item);
        let label = shape_id::name(&item.id);
        let unknown = ident(unknown);
        let arms = |dir: Dir| {
            let arms = variants.iter().map(|v| self.union_arm(&ours, &sdk, v, dir));
            quote!(#(#arms)*)
        };
        let (from_sdk_arms, to_sdk_arms) = (arms(Dir::FromSdk), arms(Dir::ToSdk));
        let unknown_sdk = unknown_member(label, quote!(#NONE));
        let unknown_ours = unknown_member(label, quote!(#SOME(name)));
        let from_sdk = Body::value(
            true,
            quote! {
                match value {
                    #from_sdk_arms
                    _ => #unknown_sdk,
                }
            },
        );
        let to_sdk = Body::value(
            true,
            quote! {
                match value {
                    #to_sdk_arms
                    #ours::#unknown { name, .. } => #unknown_ours,
                }
            },
        );
        both_ways(&ours, &sdk, from_sdk, to_sdk)
    }

    /// `From::V(v) => To::W(v converted),` for a variant, or without a value for a unit
    /// variant.
    fn union_arm(
        &self,
        ours: &TokenStream,
        sdk: &TokenStream,
        v: &UnionVariant,
        dir: Dir,
    ) -> TokenStream {
        let (from, to) = dir.order(ours, sdk);
        let (source, dest) = dir.order(ident(&v.name), ident(&sdk_union_variant(&v.member)));
        match &v.ty {
            None => quote!(#from::#source => #to::#dest,),
            Some(ty) => {
                let value = self.required_value(ty, v.boxed, dir, quote!(v));
                quote!(#from::#source(v) => #to::#dest(#value),)
            }
        }
    }
}

/// `return Err(UnknownUnionMember { .. })` for a member of the union `label` that the
/// other side cannot hold; `member` is its name, when known.
fn unknown_member(label: &str, member: TokenStream) -> TokenStream {
    let error = error_type();
    quote! {
        return #ERR(#error::UnknownUnionMember {
            union: #label,
            member: #member,
        })
    }
}
