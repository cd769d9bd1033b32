//! Missing values: a member ours requires that the SDK left out gets its model default,
//! as Smithy's client error correction fills it; without a default, the conversion
//! fails with an error naming the shape and member.

use crate::emit::text::string;

use super::error_type;
use super::generator::Generator;
use crate::emit::expr::Expr;
use crate::emit::paths::{BOX_NEW, DEFAULT_DEFAULT};
use crate::emit::ty;
use crate::format::macro_call::inline;
use crate::typespace::{Field, RustType};

impl Generator<'_> {
    /// `e`, an `Option` of the value of a member of `shape` that ours requires: its model
    /// default when `None`, else a `MissingMember` error returned with `?`.
    pub fn fill_missing(&self, shape: &str, field: &Field, e: Expr) -> Expr {
        let Some(default) = &field.default else {
            let fields = vec![
                ("shape".to_owned(), Some(Expr::lit(string(shape)))),
                ("member".to_owned(), Some(Expr::lit(string(&field.member)))),
            ];
            let error = Expr::Struct(format!("{}::MissingMember", error_type()), fields);
            return e.method("ok_or", vec![error]).try_();
        };
        let value = inline(ty::default_value(&field.ty, default));
        if value == format!("{DEFAULT_DEFAULT}()") {
            return e.method("unwrap_or_default", vec![]);
        }
        let value = call_or_literal(&value);
        let value = match field.boxed {
            true => Expr::call(BOX_NEW.to_string(), vec![value]),
            false => value,
        };
        match literal(&field.ty) && !field.boxed {
            true => e.method("unwrap_or", vec![value]),
            false => e.method("unwrap_or_else", vec![Expr::closure(vec![], value)]),
        }
    }
}

/// A default value's text as an expression: a call of a path with literal arguments,
/// `String::from("a")`, or a literal.
fn call_or_literal(text: &str) -> Expr {
    let call = text
        .strip_suffix(')')
        .and_then(|call| call.split_once('('))
        .filter(|(f, _)| !f.starts_with('"'));
    match call {
        Some((f, "")) => Expr::call(f, vec![]),
        Some((f, arg)) => Expr::call(f, vec![Expr::lit(arg)]),
        None => Expr::lit(text),
    }
}

/// Whether the model default of this type is a plain literal.
fn literal(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::Bool
            | RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::F32
            | RustType::F64
    )
}
