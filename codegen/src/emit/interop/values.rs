//! Values crossing to the other side: a member's, a list element's or a map entry's value
//! converted, boxed and unboxed, in an `Option` or not, and what that costs.

use proc_macro2::TokenStream;
use quote::quote;

use super::generator::Generator;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// How a value of the type crosses.
    fn cost(&self, ty: &RustType) -> Cost {
        match ty {
            RustType::Blob | RustType::Timestamp | RustType::Document => Cost::Infallible,
            RustType::Named(name) if self.fallible.contains(name.as_str()) => Cost::Fallible,
            RustType::Named(_) => Cost::Infallible,
            RustType::List { item, .. } => self.cost(item),
            RustType::Map { key, value, .. } => {
                Cost::Infallible.max(self.cost(key)).max(self.cost(value))
            }
            _ => Cost::Same,
        }
    }

    /// `e` converted to the other side's type; a `Result` when the type is fallible.
    fn convert(&self, ty: &RustType, e: TokenStream) -> TokenStream {
        match (ty, self.cost(ty)) {
            (_, Cost::Same) => e,
            (RustType::List { item, sparse }, cost) => {
                let f = self.callable(item, *sparse);
                collect(quote!(#e.into_iter().map(#f)), cost)
            }
            (RustType::Map { key, value, sparse }, cost) => {
                let k = self.convert(key, quote!(k));
                let v = self.element(value, *sparse, quote!(v));
                match (self.cost(key), self.cost(value)) {
                    (Cost::Same, Cost::Same) => quote!(#e.into_iter().collect()),
                    (_, Cost::Fallible) => {
                        let ok = ok_closure(quote!((#k, #v?)));
                        collect(quote!(#e.into_iter().map(|(k, v)| #ok)), cost)
                    }
                    _ => quote!(#e.into_iter().map(|(k, v)| (#k, #v)).collect()),
                }
            }
            (_, Cost::Fallible) => quote!(::std::convert::TryFrom::try_from(#e)),
            _ => quote!(::std::convert::Into::into(#e)),
        }
    }

    /// A list element or map value: `Option`al when the collection is sparse.
    fn element(&self, ty: &RustType, sparse: bool, e: TokenStream) -> TokenStream {
        match (sparse, self.cost(ty)) {
            (false, _) | (true, Cost::Same) => self.convert(ty, e),
            (true, Cost::Infallible) => {
                let f = self.callable(ty, false);
                quote!(#e.map(#f))
            }
            (true, Cost::Fallible) => {
                let f = self.callable(ty, false);
                quote!(#e.map(#f).transpose())
            }
        }
    }

    /// A function for `map`: a path where one will do, else a closure.
    fn callable(&self, ty: &RustType, sparse: bool) -> TokenStream {
        match (sparse, by_path(ty), self.cost(ty)) {
            (false, true, Cost::Fallible) => quote!(::std::convert::TryFrom::try_from),
            (false, true, _) => quote!(::std::convert::Into::into),
            _ => {
                let body = self.element(ty, sparse, quote!(v));
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
        let cost = self.cost(ty);
        if !boxed {
            return (self.convert(ty, e), cost);
        }
        let sdk = self
            .named(ty)
            .map(|item| self.sdk_path(item))
            .unwrap_or_default();
        // The SDK boxes fewer members than we do: a member may or may not be boxed there.
        let value = match (dir, cost) {
            (Dir::FromSdk, _) => self.convert(ty, quote!(Unbox::<#sdk>::unbox(#e))),
            (Dir::ToSdk, Cost::Fallible) => {
                quote!(<#sdk as ::std::convert::TryFrom<_>>::try_from(*#e))
            }
            (Dir::ToSdk, _) => quote!(::std::convert::Into::<#sdk>::into(*#e)),
        };
        let wrapped = match (dir, cost) {
            (Dir::FromSdk, Cost::Fallible) => quote!(#value.map(::std::boxed::Box::new)),
            (Dir::FromSdk, _) => quote!(::std::boxed::Box::new(#value)),
            (Dir::ToSdk, Cost::Fallible) => quote!(#value.map(Rebox::rebox)),
            (Dir::ToSdk, _) => quote!(Rebox::rebox(#value)),
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
            true => self.callable(ty, false),
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
    match cost {
        Cost::Fallible => quote!(#iter.collect::<::std::result::Result<_, UnknownUnionMember>>()),
        _ => quote!(#iter.collect()),
    }
}

/// A closure body that returns `Ok(value)`, so `?` inside it knows the error type.
fn ok_closure(value: TokenStream) -> TokenStream {
    quote!(-> ::std::result::Result<_, UnknownUnionMember> { ::std::result::Result::Ok(#value) })
}
