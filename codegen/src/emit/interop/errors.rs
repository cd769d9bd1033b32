//! Errors: the SDK's metadata of an error structure, and the operation error enums,
//! `From` or `TryFrom` each way, where an error the model does not name becomes our
//! unhandled variant and back the SDK's `Unhandled` through `generic`.

use crate::emit::text::string;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::conversion::{both_ways, Body};
use super::generator::{model_name, Generator};
use super::naming::sdk_operation_error;
use super::shared;
use super::values::Dir;
use crate::emit::expr::{Expr, Pat, Stmt};
use crate::emit::paths::{SOME, TO_OWNED_TO_OWNED};
use crate::load::shape_id;
use crate::typespace::{Item, ItemKind, OperationItem, RustType};

impl Generator<'_> {
    /// For error structures: the statements that make the SDK's error metadata, with the
    /// error's code and message, and the metadata the builder takes.
    pub fn error_meta(&self, item: &Item) -> Option<(Vec<Stmt>, Expr)> {
        let ItemKind::Struct {
            error: Some(error), ..
        } = &item.kind
        else {
            return None;
        };
        let code = Expr::lit(string(shape_id::name(&item.id)));
        let builder = format!("::{}::error::ErrorMetadata::builder", self.krate);
        let meta = Expr::call(builder, vec![]).method("code", vec![code]);
        let binding = match error.message_field {
            Some(_) => "mut meta",
            None => "meta",
        };
        let mut statements = vec![Stmt::Let(Pat::ident(binding), meta)];
        let set_message = |message: Expr| {
            let message = message.method("clone", vec![]);
            let set = Expr::path("meta").method("message", vec![message]);
            Stmt::Semi(Expr::Assign(Box::new(Expr::path("meta")), Box::new(set)))
        };
        if let Some(field) = &error.message_field {
            let value = Expr::Field(Box::new(Expr::path("value")), field.clone());
            statements.push(match error.message_optional {
                true => Stmt::Expr(Expr::IfLet(
                    Pat::TupleStruct(SOME.to_string(), vec![Pat::ident("message")]),
                    Box::new(Expr::Prefix("&", Box::new(value))),
                    vec![set_message(Expr::path("message"))],
                )),
                false => set_message(value),
            });
        }
        let built = Expr::path("meta").method("build", vec![]);
        Some((statements, built))
    }

    /// The conversions of an operation's error enum and the SDK's.
    pub fn operation_error_impls(&self, op: &OperationItem) -> String {
        let ours = self.ours(&op.error_name);
        let sdk = self.operation_path(op, &sdk_operation_error(model_name(op)));
        let errors: Vec<(&Item, &str)> = op
            .errors
            .iter()
            .filter_map(|e| Some((*self.items.get(e.ty.as_str())?, e.variant.as_str())))
            .collect();
        let fails = |dir| errors.iter().any(|(item, _)| self.fails(item, dir));
        let unhandled = &op.unhandled;
        let unhandled_call = |value: Expr| {
            let value = Expr::Prefix("&", Box::new(value));
            let call = Expr::call(shared("unhandled_error"), vec![value]);
            Expr::call(format!("Self::{unhandled}"), vec![call])
        };
        let arms = |dir: Dir| -> Vec<(Pat, Expr)> {
            errors
                .iter()
                .map(|(item, variant)| {
                    let ours = (ours.as_str(), variant.to_string());
                    let sdk = (sdk.as_str(), self.sdk_ident(&item.id));
                    let (from, to) = dir.order(ours, sdk);
                    self.error_arm(item, from, to, dir)
                })
                .collect()
        };
        let from_sdk = match errors.is_empty() {
            true => unhandled_call(Expr::path("value")),
            false => {
                let mut arms = arms(Dir::FromSdk);
                arms.push((Pat::ident("other"), unhandled_call(Expr::path("other"))));
                Expr::Match(Box::new(Expr::path("value")), arms)
            }
        };
        let mut to_sdk_arms = arms(Dir::ToSdk);
        let metadata = Expr::call(shared("unhandled_metadata"), vec![Expr::path("e")]);
        to_sdk_arms.push((
            Pat::TupleStruct(format!("{ours}::{unhandled}"), vec![Pat::ident("e")]),
            Expr::call("Self::generic", vec![metadata]),
        ));
        let to_sdk = Expr::Match(Box::new(Expr::path("value")), to_sdk_arms);
        let from_sdk = Body::value(fails(Dir::FromSdk), from_sdk);
        let to_sdk = Body::value(fails(Dir::ToSdk), to_sdk);
        both_ways(&ours, &sdk, from_sdk, to_sdk)
    }

    /// `From::V(e) => To::W(e converted),` for a modeled error.
    fn error_arm(
        &self,
        item: &Item,
        (from, source): (&str, String),
        (to, dest): (&str, String),
        dir: Dir,
    ) -> (Pat, Expr) {
        let ty = RustType::Named(item.name.clone());
        let value = self.required_value(&ty, false, dir, Expr::path("e"));
        let pat = Pat::TupleStruct(format!("{from}::{source}"), vec![Pat::ident("e")]);
        (pat, Expr::call(format!("{to}::{dest}"), vec![value]))
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
