//! Operations: a unit type that carries the operation's docs and name, and the error enum
//! of everything the operation can fail with.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{self, Links};
use super::ty::ident;
use crate::typespace::OperationItem;

/// The tokens of an operation's file: the operation type and its error enum.
pub fn emit(links: &Links, op: &OperationItem) -> TokenStream {
    let operation = operation_type(links, op);
    let error = error_enum(op);
    quote! {
        #operation
        #error
    }
}

fn operation_type(links: &Links, op: &OperationItem) -> TokenStream {
    let name = ident(&op.name);
    let label = &op.name;
    let docs = docs::attrs(&docs::item_docs(
        links,
        op.docs.as_deref(),
        &format!("The `{}` operation.", op.name),
    ));
    let deprecated = docs::deprecated(op.deprecated.as_ref());
    let error_name = &op.error_name;
    let see = format!(" Errors: [`{error_name}`](crate::{error_name}).");
    let io = io_line(op);
    quote! {
        #docs
        #[doc = ""]
        #[doc = #io]
        #[doc = #see]
        #deprecated
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct #name;

        impl #name {
            /// The operation's name in the model.
            pub const NAME: &'static str = #label;
        }
    }
}

fn io_line(op: &OperationItem) -> String {
    let link = |name: &Option<String>| match name {
        Some(name) => format!("[`{name}`](crate::{name})"),
        None => "nothing".to_owned(),
    };
    format!(" Input: {}. Output: {}.", link(&op.input), link(&op.output))
}

fn error_enum(op: &OperationItem) -> TokenStream {
    let name = ident(&op.error_name);
    let doc = format!(
        " Every error the [`{0}`](crate::{0}) operation can return.",
        op.name
    );
    let unhandled = ident(&op.unhandled);
    let variants = op.errors.iter().map(|(variant, ty)| {
        let variant = ident(variant);
        let ty = ident(ty);
        let doc = format!(" See [`{ty}`](crate::{ty}).");
        quote!(#[doc = #doc] #variant(crate::#ty),)
    });
    let display_arms = op.errors.iter().map(|(variant, _)| {
        let variant = ident(variant);
        quote!(Self::#variant(error) => ::std::fmt::Display::fmt(error, f),)
    });
    let source_arms = op.errors.iter().map(|(variant, _)| {
        let variant = ident(variant);
        quote!(Self::#variant(error) => ::std::option::Option::Some(error),)
    });
    let froms = op.errors.iter().map(|(variant, ty)| {
        let variant = ident(variant);
        let ty = ident(ty);
        quote! {
            impl ::std::convert::From<crate::#ty> for #name {
                fn from(error: crate::#ty) -> Self {
                    Self::#variant(error)
                }
            }
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// An error the model does not name for this operation: its code and message.
            #unhandled(crate::primitives::UnhandledError),
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#display_arms)*
                    Self::#unhandled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }
        impl ::std::error::Error for #name {
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(#source_arms)*
                    Self::#unhandled(error) => ::std::option::Option::Some(error),
                }
            }
        }
        #(#froms)*
    }
}
