//! Operations: a unit type that carries the operation's docs and implements the runtime's
//! `Operation` trait, and the error enum of everything the operation can fail with.

use super::docs::{self, Links};
use super::text::{cfg_feature, string, Writer};
use crate::emit::paths::{FROM, NONE, OK, OPTION, RESULT, SOME};
use crate::format::code::Code;
use std::collections::BTreeSet;

use crate::typespace::OperationItem;

/// An operation's items, laid out as text: the operation type, its impl, its error enum
/// and, with serde, the error's `from_response`. `fallback` is the operation's docs when
/// the model has none. `readable` names the error structures that can be read from a
/// JSON body; `None` means the crate has no serde, so no `from_response` either.
pub fn emit(
    code: &mut Code,
    links: &Links,
    op: &OperationItem,
    fallback: &str,
    readable: Option<&BTreeSet<&str>>,
    content_type: &str,
    exchange: Option<String>,
) {
    let mut w = Writer::default();
    operation_type(&mut w, links, op, fallback, exchange);
    operation_impl(&mut w, op, content_type);
    error_enum(&mut w, op);
    if let Some(readable) = readable {
        from_response(&mut w, op, readable);
    }
    code.text(w.finish());
    code.declare(&op.name);
    code.declare(&op.error_name);
}

/// The operation's unit type; `exchange` is an example section for its docs.
fn operation_type(
    w: &mut Writer,
    links: &Links,
    op: &OperationItem,
    fallback: &str,
    exchange: Option<String>,
) {
    w.docs(&docs::item_docs(links, op.docs.as_deref(), fallback));
    w.line("///");
    w.docs(&io_line(op));
    let error_name = &op.error_name;
    w.docs(&format!("Errors: [`{error_name}`](crate::{error_name})."));
    if let Some(exchange) = exchange {
        w.line("///");
        w.docs(&exchange);
    }
    if let Some(attr) = docs::deprecated_attr(op.deprecated.as_ref()) {
        w.attribute(&attr);
    }
    w.line("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]");
    w.line(format_args!("pub struct {};", op.name));
}

fn io_line(op: &OperationItem) -> String {
    let link = |name: &Option<String>| match name {
        Some(name) => format!("[`{name}`](crate::{name})"),
        None => "nothing".to_owned(),
    };
    format!("Input: {}. Output: {}.", link(&op.input), link(&op.output))
}

fn operation_impl(w: &mut Writer, op: &OperationItem, content_type: &str) {
    let label = op.id.rsplit('#').next().unwrap_or(&op.name);
    let io_type = |item: &Option<String>| match item {
        Some(item) => format!("crate::{item}"),
        None => "crate::primitives::Unit".to_owned(),
    };
    w.open(format_args!(
        "impl crate::primitives::Operation for {} {{",
        op.name
    ));
    w.line(format_args!("type Input = {};", io_type(&op.input)));
    w.line(format_args!("type Output = {};", io_type(&op.output)));
    w.line(format_args!("type Error = crate::{};", op.error_name));
    w.line(format_args!(
        "const NAME: &'static str = {};",
        string(label)
    ));
    let target = format!("const TARGET: {OPTION}<&'static str> = ");
    match &op.target {
        Some(value) => w.call(&format!("{target}{SOME}({})", string(value)), ";"),
        None => w.line(format_args!("{target}{NONE};")),
    }
    w.line(format_args!(
        "const CONTENT_TYPE: &'static str = {};",
        string(content_type)
    ));
    w.line(format_args!("const IDEMPOTENT: bool = {};", op.idempotent));
    pagination(w, op);
    w.close("}");
}

fn pagination(w: &mut Writer, op: &OperationItem) {
    let head = format!("const PAGINATION: {OPTION}<crate::primitives::Pagination> = ");
    let tokens = op.paginated.as_ref().and_then(|paginated| {
        Some((
            paginated.input_token.as_ref()?,
            paginated.output_token.as_ref()?,
            paginated,
        ))
    });
    let Some((input_token, output_token, paginated)) = tokens else {
        return w.line(format_args!("{head}{NONE};"));
    };
    let optional = |value: &Option<String>| match value {
        Some(value) => format!("{SOME}({})", string(value)),
        None => NONE.to_string(),
    };
    w.open(format_args!(
        "{head}{SOME}(crate::primitives::Pagination {{"
    ));
    w.line(format_args!("input_token: {},", string(input_token)));
    w.line(format_args!("output_token: {},", string(output_token)));
    w.line(format_args!(
        "page_size: {},",
        optional(&paginated.page_size)
    ));
    w.line(format_args!("items: {},", optional(&paginated.items)));
    w.close("});");
}

fn error_enum(w: &mut Writer, op: &OperationItem) {
    let name = &op.error_name;
    w.docs(&format!(
        "Every error the [`{0}`](crate::{0}) operation can return.",
        op.name
    ));
    w.line("#[derive(Debug, Clone, PartialEq)]");
    w.line("#[non_exhaustive]");
    w.open(format_args!("pub enum {name} {{"));
    for e in &op.errors {
        w.docs(&format!("See [`{0}`](crate::{0}).", e.ty));
        w.call(&format!("{}(crate::{})", e.variant, e.ty), ",");
    }
    w.line("/// An error the model does not name for this operation: its code and message.");
    w.line(format_args!(
        "{}(crate::primitives::UnhandledError),",
        op.unhandled
    ));
    w.close("}");
    let variants: Vec<&str> = op.errors.iter().map(|e| e.variant.as_str()).collect();
    let all = || variants.iter().copied().chain([op.unhandled.as_str()]);
    w.open(format_args!("impl ::std::fmt::Display for {name} {{"));
    w.line("#[inline]");
    w.open("fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {");
    w.open("match self {");
    for variant in all() {
        let pattern = format!("Self::{variant}(error)");
        w.arm(&pattern, "::std::fmt::Display::fmt(error, f)");
    }
    w.close("}");
    w.close("}");
    w.close("}");
    w.open(format_args!("impl ::std::error::Error for {name} {{"));
    w.line("#[inline]");
    w.open(format_args!(
        "fn source(&self) -> {OPTION}<&(dyn ::std::error::Error + 'static)> {{"
    ));
    w.open("match self {");
    for variant in all() {
        let pattern = format!("Self::{variant}(error)");
        w.arm(&pattern, &format!("{SOME}(error)"));
    }
    w.close("}");
    w.close("}");
    w.close("}");
    for e in &op.errors {
        w.open_impl(&format!("{FROM}<crate::{}>", e.ty), name);
        w.line("#[inline]");
        w.open(format_args!("fn from(error: crate::{}) -> Self {{", e.ty));
        w.line(format_args!("Self::{}(error)", e.variant));
        w.close("}");
        w.close("}");
    }
}

/// `from_response`: the error enum from an error response's type header and body.
fn from_response(w: &mut Writer, op: &OperationItem, readable: &BTreeSet<&str>) {
    w.line(cfg_feature(super::wire::FEATURE));
    w.open(format_args!("impl {} {{", op.error_name));
    w.docs(FROM_RESPONSE_DOCS);
    w.line("#[inline]");
    w.open("pub fn from_response(");
    w.line(format_args!("error_type: {OPTION}<&str>,"));
    w.line("body: &[u8],");
    w.reopen(format_args!(") -> {RESULT}<Self, ::serde_json::Error> {{"));
    w.line("let code = crate::primitives::wire::error_code(error_type, body);");
    w.open(format_args!("{OK}("));
    let modeled = op
        .errors
        .iter()
        .filter(|e| readable.contains(e.ty.as_str()));
    let mut modeled = modeled.peekable();
    if modeled.peek().is_none() {
        unhandled(w, op, ",");
    } else {
        w.open("match code.as_deref() {");
        let value = "crate::primitives::wire::from_body(body)?";
        for e in modeled {
            let pattern = format!("{SOME}({})", string(&e.code));
            w.arm(&pattern, &format!("Self::{}({value})", e.variant));
        }
        w.open("_ => {");
        unhandled(w, op, "");
        w.close("}");
        w.close("},");
    }
    w.close(")");
    w.close("}");
    w.close("}");
}

/// The docs of `from_response`.
const FROM_RESPONSE_DOCS: &str = "\
Reads an error response: the `X-Amzn-Errortype` header value, when the
response has one, and the body. The code comes from the header, else the
body's `code` or `__type`; a code the model does not name for this
operation gives the unhandled variant, with the code and message.

# Errors

When the body of a modeled error is not the JSON that error expects.";

/// The unhandled variant of an error that the model does not name, then `suffix`.
fn unhandled(w: &mut Writer, op: &OperationItem, suffix: &str) {
    w.open(format_args!(
        "Self::{}(crate::primitives::UnhandledError {{",
        op.unhandled
    ));
    w.line("code: code.unwrap_or_default(),");
    w.line("message: crate::primitives::wire::error_message(body),");
    w.close(format_args!("}}){suffix}"));
}
