//! Values crossing to the other side: a member's, a list element's or a map entry's value
//! converted, boxed and unboxed, in an `Option` or not, and what that costs.

use proc_macro2::TokenStream;
use quote::quote;

use super::generator::Generator;
use super::{error_type, shared};
use crate::emit::paths::{BOX_NEW, INTO, INTO_INTO, OK, RESULT, TRY_FROM, TRY_FROM_TRY_FROM};
use crate::typespace::RustType;

/// How a value crosses to the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cost {
    /// The same Rust type on both sides: moved as is.
    Same,
    /// `Into::into`, or a collection of such.
    Infallible,
    /// `TryFrom::try_from`: it holds a union.
    Fallible,
}

/// Which way a conversion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dir {
    ToSdk,
    FromSdk,
}

impl Dir {
    /// The source, then the destination, of a conversion this way, given our side and
    /// the SDK's.
    pub fn order<T>(self, ours: T, sdk: T) -> (T, T) {
        match self {
            Dir::FromSdk => (sdk, ours),
            Dir::ToSdk => (ours, sdk),
        }
    }
}

impl Generator<'_> {
    /// How a value of the type crosses `dir`.
    fn cost(&self, ty: &RustType, dir: Dir) -> Cost {
        match ty {
            RustType::Blob | RustType::Timestamp | RustType::Document => Cost::Infallible,
            RustType::Named(name) if self.fallible.contains(&(dir, name.as_str())) => {
                Cost::Fallible
            }
            RustType::Named(_) => Cost::Infallible,
            RustType::List { item, .. } => self.cost(item, dir),
            RustType::Map { key, value, .. } => Cost::Infallible
                .max(self.cost(key, dir))
                .max(self.cost(value, dir)),
            _ => Cost::Same,
        }
    }

    /// Whether a value of the type can fail to cross `dir`.
    pub fn type_fails(&self, ty: &RustType, dir: Dir) -> bool {
        self.cost(ty, dir) == Cost::Fallible
    }

    /// `e` converted to the other side's type; a `Result` when the type is fallible.
    fn convert(&self, ty: &RustType, dir: Dir, e: TokenStream) -> TokenStream {
        match (ty, self.cost(ty, dir)) {
            (_, Cost::Same) => e,
            (RustType::List { item, sparse }, cost) => {
                let f = self.callable(item, *sparse, dir);
                collect(quote!(#e.into_iter().map(#f)), cost)
            }
            (RustType::Map { key, value, sparse }, cost) => {
                let k = self.convert(key, dir, quote!(k));
                let v = self.element(value, *sparse, dir, quote!(v));
                match (self.cost(key, dir), self.cost(value, dir)) {
                    (Cost::Same, Cost::Same) => quote!(#e.into_iter().collect()),
                    (_, Cost::Fallible) => {
                        let ok = ok_closure(quote!((#k, #v?)));
                        collect(quote!(#e.into_iter().map(|(k, v)| #ok)), cost)
                    }
                    _ => quote!(#e.into_iter().map(|(k, v)| (#k, #v)).collect()),
                }
            }
            (_, Cost::Fallible) => quote!(#TRY_FROM_TRY_FROM(#e)),
            _ => quote!(#INTO_INTO(#e)),
        }
    }

    /// A list element or map value: `Option`al when the collection is sparse.
    fn element(&self, ty: &RustType, sparse: bool, dir: Dir, e: TokenStream) -> TokenStream {
        match (sparse, self.cost(ty, dir)) {
            (false, _) | (true, Cost::Same) => self.convert(ty, dir, e),
            (true, Cost::Infallible) => {
                let f = self.callable(ty, false, dir);
                quote!(#e.map(#f))
            }
            (true, Cost::Fallible) => {
                let f = self.callable(ty, false, dir);
                quote!(#e.map(#f).transpose())
            }
        }
    }

    /// A function for `map`: a path where one will do, else a closure.
    fn callable(&self, ty: &RustType, sparse: bool, dir: Dir) -> TokenStream {
        match (sparse, by_path(ty), self.cost(ty, dir)) {
            (false, true, Cost::Fallible) => quote!(#TRY_FROM_TRY_FROM),
            (false, true, _) => quote!(#INTO_INTO),
            _ => {
                let body = self.element(ty, sparse, dir, quote!(v));
                quote!(|v| #body)
            }
        }
    }

    /// A member's value converted, boxed and unboxed as each side needs, with its cost.
    fn member_value(
        &self,
        ty: &RustType,
        boxed: bool,
        dir: Dir,
        e: TokenStream,
    ) -> (TokenStream, Cost) {
        let cost = self.cost(ty, dir);
        if !boxed {
            return (self.convert(ty, dir, e), cost);
        }
        let sdk = self
            .named(ty)
            .map(|item| self.sdk_path(item))
            .unwrap_or_default();
        // The SDK boxes fewer members than we do: a member may or may not be boxed there.
        let value = match (dir, cost) {
            (Dir::FromSdk, _) => {
                let unbox = shared("Unbox");
                self.convert(ty, dir, quote!(#unbox::<#sdk>::unbox(#e)))
            }
            (Dir::ToSdk, Cost::Fallible) => {
                quote!(<#sdk as #TRY_FROM<_>>::try_from(*#e))
            }
            (Dir::ToSdk, _) => quote!(#INTO::<#sdk>::into(*#e)),
        };
        let rebox = shared("Rebox");
        let wrapped = match (dir, cost) {
            (Dir::FromSdk, Cost::Fallible) => quote!(#value.map(#BOX_NEW)),
            (Dir::FromSdk, _) => quote!(#BOX_NEW(#value)),
            (Dir::ToSdk, Cost::Fallible) => quote!(#value.map(#rebox::rebox)),
            (Dir::ToSdk, _) => quote!(#rebox::rebox(#value)),
        };
        (wrapped, cost.max(Cost::Infallible))
    }

    /// An `Option`al member converted: `Option` in, `Option` out.
    pub fn optional_value(
        &self,
        ty: &RustType,
        boxed: bool,
        dir: Dir,
        e: TokenStream,
    ) -> TokenStream {
        let (body, cost) = self.member_value(ty, boxed, dir, quote!(v));
        let f = match !boxed && by_path(ty) {
            true => self.callable(ty, false, dir),
            false => quote!(|v| #body),
        };
        match cost {
            Cost::Same => e,
            Cost::Infallible => quote!(#e.map(#f)),
            Cost::Fallible => quote!(#e.map(#f).transpose()?),
        }
    }

    /// A required member converted: plain value in, plain value out.
    pub fn required_value(
        &self,
        ty: &RustType,
        boxed: bool,
        dir: Dir,
        e: TokenStream,
    ) -> TokenStream {
        let (value, cost) = self.member_value(ty, boxed, dir, e);
        match cost {
            Cost::Fallible => quote!(#value?),
            _ => value,
        }
    }
}

/// Whether a value of the type converts with a plain function path, `Into::into` or
/// `TryFrom::try_from`, rather than a closure.
fn by_path(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::Named(_) | RustType::Blob | RustType::Timestamp | RustType::Document
    )
}

/// `iter.collect()`, or for fallible elements a collected `Result`.
fn collect(iter: TokenStream, cost: Cost) -> TokenStream {
    let error = error_type();
    match cost {
        Cost::Fallible => quote!(#iter.collect::<#RESULT<_, #error>>()),
        _ => quote!(#iter.collect()),
    }
}

/// A closure body that returns `Ok(value)`, so `?` inside it knows the error type.
fn ok_closure(value: TokenStream) -> TokenStream {
    let error = error_type();
    quote!(-> #RESULT<_, #error> { #OK(#value) })
}
