//! The impl blocks every conversion is written into: `From`, or `TryFrom` when the
//! conversion can fail, each behind the feature, laid out as text.

use crate::emit::text::cfg_feature;

use super::{error_type, FEATURE};
use crate::emit::expr::{Expr, Impl, Method, Stmt};
use crate::emit::paths::{FROM, OK, RESULT, TRY_FROM};

/// A conversion's body: statements, then the converted value.
pub struct Body {
    pub statements: Vec<Stmt>,
    pub value: Expr,
    /// Whether the conversion can fail: the body uses `?`, or `value` is a `Result`.
    pub fallible: bool,
    /// Whether `value` is a `Result` already.
    pub result: bool,
}

impl Body {
    /// A body that is just its value; `fallible` when it may use `?`.
    pub fn value(fallible: bool, value: Expr) -> Self {
        Body {
            statements: Vec::new(),
            value,
            fallible,
            result: false,
        }
    }
}

/// `impl From<from> for to`, or `TryFrom` when the body can fail: the body's
/// statements, then its value; behind the feature.
pub fn conversion(from: &str, to: &str, body: Body) -> String {
    let Body {
        mut statements,
        value,
        fallible,
        result,
    } = body;
    let infallible = !fallible && !result;
    let value = match infallible || result {
        true => value,
        false => Expr::call(OK.to_string(), vec![value]),
    };
    statements.push(Stmt::Expr(value));
    let param = vec![("value".to_owned(), from.to_owned())];
    let item = match infallible {
        true => Impl {
            trait_: format!("{FROM}<{from}>"),
            ty: to.to_owned(),
            types: Vec::new(),
            method: Method {
                name: "from".to_owned(),
                params: param,
                output: "Self".to_owned(),
                body: statements,
            },
        },
        false => Impl {
            trait_: format!("{TRY_FROM}<{from}>"),
            ty: to.to_owned(),
            types: vec![("Error".to_owned(), error_type())],
            method: Method {
                name: "try_from".to_owned(),
                params: param,
                output: format!("{RESULT}<Self, Self::Error>"),
                body: statements,
            },
        },
    };
    item.text(&cfg_feature(FEATURE))
}

/// Both conversions between our type and the SDK's: from the SDK first, then to it.
pub fn both_ways(ours: &str, sdk: &str, from_sdk: Body, to_sdk: Body) -> String {
    let mut text = conversion(sdk, ours, from_sdk);
    text.push_str(&conversion(ours, sdk, to_sdk));
    text
}
