//! Operations: a unit type that carries the operation's docs and implements the runtime's
//! `Operation` trait, and the error enum of everything the operation can fail with.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{self, Links};
use super::ty::ident;
use crate::emit::paths::{FROM, NONE, OK, OPTION, RESULT, SOME};
use std::collections::BTreeSet;

use crate::typespace::OperationItem;

/// The tokens of an operation's file: the operation type and its error enum.
/// `fallback` is the operation's docs when the model has none. `readable` names the
/// error structures that can be read from a JSON body; `None` means the crate has no
/// serde, so no `from_response` either.
pub fn emit(
    links: &Links,
    op: &OperationItem,
    fallback: &str,
    readable: Option<&BTreeSet<&str>>,
    content_type: &str,
    exchange: Option<String>,
) -> TokenStream {
    let operation = operation_type(links, op, fallback, exchange);
    let operation_impl = operation_impl(op, content_type);
    let error = error_enum(op);
    let from_response = readable.map(|readable| from_response(op, readable));
    quote! {
        #operation
        #operation_impl
        #error
        #from_response
    }
}

/// The operation's unit type; `exchange` is an example section for its docs.
fn operation_type(
    links: &Links,
    op: &OperationItem,
    fallback: &str,
    exchange: Option<String>,
) -> TokenStream {
    let name = ident(&op.name);
    let docs = docs::attrs(&docs::item_docs(links, op.docs.as_deref(), fallback));
    let deprecated = docs::deprecated(op.deprecated.as_ref());
    let error_name = &op.error_name;
    let see = format!(" Errors: [`{error_name}`](crate::{error_name}).");
    let io = io_line(op);
    let exchange = exchange.map(|text| {
        let lines = docs::attrs(&text);
        quote!(#[doc = ""] #lines)
    });
    quote! {
        #docs
        #[doc = ""]
        #[doc = #io]
        #[doc = #see]
        #exchange
        #deprecated
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct #name;
    }
}

fn io_line(op: &OperationItem) -> String {
    let link = |name: &Option<String>| match name {
        Some(name) => format!("[`{name}`](crate::{name})"),
        None => "nothing".to_owned(),
    };
    format!(" Input: {}. Output: {}.", link(&op.input), link(&op.output))
}

fn operation_impl(op: &OperationItem, content_type: &str) -> TokenStream {
    let name = ident(&op.name);
    let label = op.id.rsplit('#').next().unwrap_or(&op.name);
    let io_type = |item: &Option<String>| match item {
        Some(item) => {
            let item = ident(item);
            quote!(crate::#item)
        }
        None => quote!(crate::primitives::Unit),
    };
    let (input, output) = (io_type(&op.input), io_type(&op.output));
    let error = ident(&op.error_name);
    let target = match &op.target {
        Some(target) => quote!(#SOME(#target)),
        None => quote!(#NONE),
    };
    let idempotent = op.idempotent;
    let pagination = pagination(op);
    quote! {
        impl crate::primitives::Operation for #name {
            type Input = #input;
            type Output = #output;
            type Error = crate::#error;
            const NAME: &'static str = #label;
            const TARGET: #OPTION<&'static str> = #target;
            const CONTENT_TYPE: &'static str = #content_type;
            const IDEMPOTENT: bool = #idempotent;
            const PAGINATION: #OPTION<crate::primitives::Pagination> = #pagination;
        }
    }
}

fn pagination(op: &OperationItem) -> TokenStream {
    let Some(paginated) = &op.paginated else {
        return quote!(#NONE);
    };
    let (Some(input_token), Some(output_token)) = (&paginated.input_token, &paginated.output_token)
    else {
        return quote!(#NONE);
    };
    let optional = |value: &Option<String>| match value {
        Some(value) => quote!(#SOME(#value)),
        None => quote!(#NONE),
    };
    let page_size = optional(&paginated.page_size);
    let items = optional(&paginated.items);
    quote! {
        #SOME(crate::primitives::Pagination {
            input_token: #input_token,
            output_token: #output_token,
            page_size: #page_size,
            items: #items,
        })
    }
}

fn error_enum(op: &OperationItem) -> TokenStream {
    let name = ident(&op.error_name);
    let doc = format!(
        " Every error the [`{0}`](crate::{0}) operation can return.",
        op.name
    );
    let unhandled = ident(&op.unhandled);
    let variants = op.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let ty = ident(&e.ty);
        let doc = format!(" See [`{ty}`](crate::{ty}).");
        quote!(#[doc = #doc] #variant(crate::#ty),)
    });
    let display_arms = op.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        quote!(Self::#variant(error) => ::std::fmt::Display::fmt(error, f),)
    });
    let source_arms = op.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        quote!(Self::#variant(error) => #SOME(error),)
    });
    let froms = op.errors.iter().map(|e| {
        let variant = ident(&e.variant);
        let ty = ident(&e.ty);
        quote! {
            impl #FROM<crate::#ty> for #name {
                #[inline]
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
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#display_arms)*
                    Self::#unhandled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }
        impl ::std::error::Error for #name {
            #[inline]
            fn source(&self) -> #OPTION<&(dyn ::std::error::Error + 'static)> {
                match self {
                    #(#source_arms)*
                    Self::#unhandled(error) => #SOME(error),
                }
            }
        }
        #(#froms)*
    }
}

/// `from_response`: the error enum from an error response's type header and body.
fn from_response(op: &OperationItem, readable: &BTreeSet<&str>) -> TokenStream {
    let name = ident(&op.error_name);
    let unhandled = ident(&op.unhandled);
    let unhandled = quote! {
        Self::#unhandled(crate::primitives::UnhandledError {
            code: code.unwrap_or_default(),
            message: crate::primitives::wire::error_message(body),
        })
    };
    let modeled: Vec<_> = op
        .errors
        .iter()
        .filter(|e| readable.contains(e.ty.as_str()))
        .collect();
    let arms = modeled.iter().map(|e| {
        let variant = ident(&e.variant);
        let code = &e.code;
        quote! {
            #SOME(#code) => {
                Self::#variant(crate::primitives::wire::from_body(body)?)
            }
        }
    });
    let error = match modeled.is_empty() {
        true => unhandled,
        false => quote! {
            match code.as_deref() {
                #(#arms)*
                _ => #unhandled,
            }
        },
    };
    super::wire::gated(quote! {
        impl #name {
            /// Reads an error response: the `X-Amzn-Errortype` header value, when the
            /// response has one, and the body. The code comes from the header, else the
            /// body's `code` or `__type`; a code the model does not name for this
            /// operation gives the unhandled variant, with the code and message.
            ///
            /// # Errors
            ///
            /// When the body of a modeled error is not the JSON that error expects.
            // Inline: only the operations a user reads errors of are compiled.
            #[inline]
            pub fn from_response(
                error_type: #OPTION<&str>,
                body: &[u8],
            ) -> #RESULT<Self, ::serde_json::Error> {
                let code = crate::primitives::wire::error_code(error_type, body);
                #OK(#error)
            }
        }
    })
}
