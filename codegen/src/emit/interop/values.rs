//! Values crossing to the other side: a member's, a list element's or a map entry's value
//! converted, boxed and unboxed, in an `Option` or not, and what that costs.

use super::generator::Generator;
use super::{error_type, shared};
use crate::emit::expr::{Expr, Pat};
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
    fn convert(&self, ty: &RustType, dir: Dir, e: Expr) -> Expr {
        match (ty, self.cost(ty, dir)) {
            (_, Cost::Same) => e,
            (RustType::List { item, sparse }, cost) => {
                let f = self.callable(item, *sparse, dir);
                collect(e.method("into_iter", vec![]).method("map", vec![f]), cost)
            }
            (RustType::Map { key, value, sparse }, cost) => {
                let k = self.convert(key, dir, Expr::path("k"));
                let v = self.element(value, *sparse, dir, Expr::path("v"));
                let iter = e.method("into_iter", vec![]);
                let entry = || Pat::Tuple(vec![Pat::ident("k"), Pat::ident("v")]);
                match (self.cost(key, dir), self.cost(value, dir)) {
                    (Cost::Same, Cost::Same) => iter.method("collect", vec![]),
                    (_, Cost::Fallible) => {
                        let ok = ok_closure(entry(), Expr::Tuple(vec![k, v.try_()]));
                        collect(iter.method("map", vec![ok]), cost)
                    }
                    _ => {
                        let f = Expr::closure(vec![entry()], Expr::Tuple(vec![k, v]));
                        iter.method("map", vec![f]).method("collect", vec![])
                    }
                }
            }
            (_, Cost::Fallible) => Expr::call(TRY_FROM_TRY_FROM.to_string(), vec![e]),
            _ => Expr::call(INTO_INTO.to_string(), vec![e]),
        }
    }

    /// A list element or map value: `Option`al when the collection is sparse.
    fn element(&self, ty: &RustType, sparse: bool, dir: Dir, e: Expr) -> Expr {
        match (sparse, self.cost(ty, dir)) {
            (false, _) | (true, Cost::Same) => self.convert(ty, dir, e),
            (true, Cost::Infallible) => e.method("map", vec![self.callable(ty, false, dir)]),
            (true, Cost::Fallible) => e
                .method("map", vec![self.callable(ty, false, dir)])
                .method("transpose", vec![]),
        }
    }

    /// A function for `map`: a path where one will do, else a closure.
    fn callable(&self, ty: &RustType, sparse: bool, dir: Dir) -> Expr {
        match (sparse, by_path(ty), self.cost(ty, dir)) {
            (false, true, Cost::Fallible) => Expr::path(TRY_FROM_TRY_FROM.to_string()),
            (false, true, _) => Expr::path(INTO_INTO.to_string()),
            _ => {
                let body = self.element(ty, sparse, dir, Expr::path("v"));
                Expr::closure(vec![Pat::ident("v")], body)
            }
        }
    }

    /// A member's value converted, boxed and unboxed as each side needs, with its cost.
    fn member_value(&self, ty: &RustType, boxed: bool, dir: Dir, e: Expr) -> (Expr, Cost) {
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
                let unboxed = Expr::call(format!("{unbox}::<{sdk}>::unbox"), vec![e]);
                self.convert(ty, dir, unboxed)
            }
            (Dir::ToSdk, Cost::Fallible) => {
                let deref = Expr::Prefix("*", Box::new(e));
                Expr::call(format!("<{sdk} as {TRY_FROM}<_>>::try_from"), vec![deref])
            }
            (Dir::ToSdk, _) => {
                let deref = Expr::Prefix("*", Box::new(e));
                Expr::call(format!("{INTO}::<{sdk}>::into"), vec![deref])
            }
        };
        let rebox = shared("Rebox");
        let wrapped = match (dir, cost) {
            (Dir::FromSdk, Cost::Fallible) => {
                value.method("map", vec![Expr::path(BOX_NEW.to_string())])
            }
            (Dir::FromSdk, _) => Expr::call(BOX_NEW.to_string(), vec![value]),
            (Dir::ToSdk, Cost::Fallible) => {
                value.method("map", vec![Expr::path(format!("{rebox}::rebox"))])
            }
            (Dir::ToSdk, _) => Expr::call(format!("{rebox}::rebox"), vec![value]),
        };
        (wrapped, cost.max(Cost::Infallible))
    }

    /// An `Option`al member converted: `Option` in, `Option` out.
    pub fn optional_value(&self, ty: &RustType, boxed: bool, dir: Dir, e: Expr) -> Expr {
        let (body, cost) = self.member_value(ty, boxed, dir, Expr::path("v"));
        let f = match !boxed && by_path(ty) {
            true => self.callable(ty, false, dir),
            false => Expr::closure(vec![Pat::ident("v")], body),
        };
        match cost {
            Cost::Same => e,
            Cost::Infallible => e.method("map", vec![f]),
            Cost::Fallible => e.method("map", vec![f]).method("transpose", vec![]).try_(),
        }
    }

    /// A required member converted: plain value in, plain value out.
    pub fn required_value(&self, ty: &RustType, boxed: bool, dir: Dir, e: Expr) -> Expr {
        let (value, cost) = self.member_value(ty, boxed, dir, e);
        match cost {
            Cost::Fallible => value.try_(),
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
fn collect(iter: Expr, cost: Cost) -> Expr {
    match cost {
        Cost::Fallible => iter.method(format!("collect::<{RESULT}<_, {}>>", error_type()), vec![]),
        _ => iter.method("collect", vec![]),
    }
}

/// A closure that returns `Ok(value)`, so `?` inside it knows the error type.
fn ok_closure(param: Pat, value: Expr) -> Expr {
    let output = format!("{RESULT}<_, {}>", error_type());
    let body = Expr::Block(Box::new(Expr::call(OK.to_string(), vec![value])));
    Expr::Closure(vec![param], Some(output), Box::new(body))
}
