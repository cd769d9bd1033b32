//! Errors: the SDK's metadata of an error structure, and the operation error enums,
//! `From` or `TryFrom` each way, where an error the model does not name becomes our
//! unhandled variant and back the SDK's `Unhandled` through `generic`.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::conversion::{both_ways, Body};
use super::generator::{model_name, Generator};
use super::naming::sdk_operation_error;
use super::shared;
use super::values::Dir;
use crate::emit::paths::{SOME, TO_OWNED_TO_OWNED};
use crate::emit::ty::ident;
use crate::load::shape_id;
use crate::typespace::{Item, ItemKind, OperationItem, RustType};

impl Generator<'_> {
    /// For error structures: the statements that make the SDK's error metadata, with the
    /// error's code and message, and the builder call that sets it.
    pub fn error_meta(&self, item: &Item) -> (TokenStream, TokenStream) {
        let ItemKind::Struct {
            error: Some(error), ..
        } = &item.kind
        else {
            return (quote!(), quote!());
        };
        let krate = &self.krate();
        let code = shape_id::name(&item.id);
        let message = match (&error.message_field, error.message_optional) {
            (None, _) => quote!(),
            (Some(field), true) => {
                let field = ident(field);
                quote! {
                    if let #SOME(message) = &value.#field {
                        meta = meta.message(message.clone());
                    }
                }
            }
            (Some(field), false) => {
                let field = ident(field);
                quote!(meta = meta.message(value.#field.clone());)
            }
        };
        let mutable = error.message_field.as_ref().map(|_| quote!(mut));
        let meta_let = quote! {
            let #mutable meta = ::#krate::error::ErrorMetadata::builder().code(#code);
            #message
        };
        (meta_let, quote!(.meta(meta.build())))
    }

    /// The conversions of an operation's error enum and the SDK's.
    pub fn operation_error_impls(&self, op: &OperationItem) -> TokenStream {
        let ours = self.ours(&op.error_name);
        let sdk = self.operation_path(op, &sdk_operation_error(model_name(op)));
        let errors: Vec<(&Item, Ident)> = op
            .errors
            .iter()
            .filter_map(|e| Some((*self.items.get(e.ty.as_str())?, ident(&e.variant))))
            .collect();
        let fails = |dir| errors.iter().any(|(item, _)| self.fails(item, dir));
        let unhandled = ident(&op.unhandled);
        let (unhandled_error, unhandled_metadata) =
            (shared("unhandled_error"), shared("unhandled_metadata"));
        let arms = |dir: Dir| {
            let arms = errors.iter().map(|(item, variant)| {
                let ours = (&ours, variant.clone());
                let sdk = (&sdk, self.sdk_ident(&item.id));
                let (from, to) = dir.order(ours, sdk);
                self.error_arm(item, from, to, dir)
            });
            quote!(#(#arms)*)
        };
        let from_sdk_arms = arms(Dir::FromSdk);
        let from_sdk = match errors.is_empty() {
            true => quote!(Self::#unhandled(#unhandled_error(&value))),
            false => quote! {
                match value {
                    #from_sdk_arms
                    other => Self::#unhandled(#unhandled_error(&other)),
                }
            },
        };
        let to_sdk_arms = arms(Dir::ToSdk);
        let to_sdk = quote! {
            match value {
                #to_sdk_arms
                #ours::#unhandled(e) => Self::generic(#unhandled_metadata(e)),
            }
        };
        let from_sdk = Body::value(fails(Dir::FromSdk), from_sdk);
        let to_sdk = Body::value(fails(Dir::ToSdk), to_sdk);
        both_ways(&ours, &sdk, from_sdk, to_sdk)
    }

    /// `From::V(e) => To::W(e converted),` for a modeled error.
    fn error_arm(
        &self,
        item: &Item,
        (from, source): (&TokenStream, Ident),
        (to, dest): (&TokenStream, Ident),
        dir: Dir,
    ) -> TokenStream {
        let ty = RustType::Named(item.name.clone());
        let value = self.required_value(&ty, false, dir, quote!(e));
        quote!(#from::#source(e) => #to::#dest(#value),)
    }
}

/// The functions the operation error conversions call for errors the model does not name.
pub fn unhandled_fns(krate: &Ident) -> TokenStream {
    quote! {
        /// An error the model does not name, from the SDK: its code and message.
        pub(crate) fn unhandled_error(
            error: &impl ::#krate::error::ProvideErrorMetadata,
        ) -> crate::primitives::UnhandledError {
            crate::primitives::UnhandledError {
                code: error.code().unwrap_or_default().to_owned(),
                message: error.message().map(#TO_OWNED_TO_OWNED),
            }
        }
        /// The SDK's metadata for an error the model does not name: its code (none
        /// when empty) and message.
        pub(crate) fn unhandled_metadata(error: crate::primitives::UnhandledError) -> ::#krate::error::ErrorMetadata {
            let mut meta = ::#krate::error::ErrorMetadata::builder();
            if !error.code.is_empty() {
                meta = meta.code(error.code);
            }
            if let #SOME(message) = error.message {
                meta = meta.message(message);
            }
            meta.build()
        }
    }
}
