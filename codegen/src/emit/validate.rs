//! Validation, behind the cargo feature [`FEATURE`] (on by default): each item's
//! `impl Validate` and inherent `validate()`, which walk its members with the checks the
//! type space decided, and `src/patterns.rs`, the table of compiled patterns.

use std::collections::BTreeMap;

use proc_macro2::Literal;

use super::text::{self, Writer};
use super::CodeFile;
use crate::emit::paths::{NONE, RESULT, SOME};
use crate::format::code::Code;
use crate::load::traits::{Length, Range};
use crate::typespace::{
    Checks, Field, Inner, Item, ItemKind, PatternId, PatternInfo, RustType, TypeSpace, UnionVariant,
};

/// The pattern table of the type space.
type Patterns = BTreeMap<PatternId, PatternInfo>;

/// The cargo feature that turns validation on: the impls, the `patterns` module, the
/// runtime's `validate` module, `build_validated()`, and the regex-lite dependency. On
/// by default; without it the crate has no dependency at all.
pub const FEATURE: &str = "validate";

/// A statement of a check, before it is laid out.
enum Stmt {
    /// A call, ended with `;`, broken at its arguments where it is too long.
    Call(String),
    /// A line as it is.
    Line(String),
    /// A block: the line that opens it, its statements and the line that closes it.
    Block(String, Vec<Stmt>, &'static str),
}

/// Appends an item's [`impls`]: as text where every line fits in the margin, else (a
/// long member name in a condition, a long type name) as tokens for prettyplease.
pub fn emit(code: &mut Code, item: &Item, patterns: &Patterns) {
    let text = impls(item, patterns);
    match text::fits(&text) {
        true => code.text(text),
        false => code.tokens(text.parse().expect("validation code is Rust")),
    }
}

/// The `Validate` impl and the inherent `validate()` of an item, both compiled only with
/// [`FEATURE`].
pub fn impls(item: &Item, patterns: &Patterns) -> String {
    let name = &item.name;
    let body = match &item.kind {
        ItemKind::Struct { fields, .. } => fields.iter().flat_map(|f| field(f, patterns)).collect(),
        ItemKind::Union {
            variants, unknown, ..
        } => vec![union(variants, unknown, patterns)],
        ItemKind::Enum { unknown, .. } | ItemKind::IntEnum { unknown, .. } => vec![Stmt::Block(
            format!("if let Self::{unknown}(value) = self {{"),
            vec![call("v.unknown_value(value)")],
            "}",
        )],
    };
    let gate = text::cfg_feature(FEATURE);
    let mut w = Writer::default();
    w.line(&gate);
    w.open(format_args!(
        "impl crate::primitives::Validate for {name} {{"
    ));
    w.line("#[inline]");
    match body.is_empty() {
        true => w.line("fn check(&self, _: &mut crate::primitives::Validator) {}"),
        false => {
            w.open("fn check(&self, v: &mut crate::primitives::Validator) {");
            write(&mut w, &body);
            w.close("}");
        }
    }
    w.close("}");
    w.line(&gate);
    w.open(format_args!("impl {name} {{"));
    w.docs(
        "Checks the value and everything inside it against the model's\n\
         constraints; the error lists every violation, each with its path.",
    );
    w.line("#[inline]");
    w.open(format_args!(
        "pub fn validate(&self) -> {RESULT}<(), crate::primitives::ValidationError> {{"
    ));
    w.line("crate::primitives::Validate::validate(self)");
    w.close("}");
    w.close("}");
    w.finish()
}

fn write(w: &mut Writer, stmts: &[Stmt]) {
    for stmt in stmts {
        match stmt {
            Stmt::Call(call) => w.call(call, ";"),
            Stmt::Line(line) => w.line(line),
            Stmt::Block(open, body, close) => {
                w.open(open);
                write(w, body);
                w.close(close);
            }
        }
    }
}

/// A call statement.
fn call(text: impl Into<String>) -> Stmt {
    Stmt::Call(text.into())
}

/// The checks of a field between `v.enter(..)` and `v.leave()`, or nothing.
fn field(field: &Field, patterns: &Patterns) -> Vec<Stmt> {
    let name = &field.name;
    let inner = value_checks(&field.ty, &field.checks, "value", patterns);
    let required = field.required && field.optional;
    let access = match (field.optional, inner.is_empty(), required) {
        (_, true, false) => return Vec::new(),
        (false, _, _) => {
            let mut access = vec![Stmt::Line(format!("let value = &self.{name};"))];
            access.extend(inner);
            access
        }
        (true, true, true) => vec![Stmt::Block(
            format!("if self.{name}.is_none() {{"),
            vec![call("v.missing()")],
            "}",
        )],
        (true, _, false) => vec![Stmt::Block(
            format!("if let {SOME}(value) = &self.{name} {{"),
            inner,
            "}",
        )],
        (true, _, true) => vec![Stmt::Block(
            format!("match &self.{name} {{"),
            vec![
                Stmt::Block(format!("{SOME}(value) => {{"), inner, "}"),
                Stmt::Line(format!("{NONE} => v.missing(),")),
            ],
            "}",
        )],
    };
    entered(enter(&field.member, field.sensitive), access)
}

fn enter(member: &str, sensitive: bool) -> String {
    format!("v.enter({}, {sensitive})", text::string(member))
}

/// `body` between the call `enter` and `v.leave()`.
fn entered(enter: impl Into<String>, body: Vec<Stmt>) -> Vec<Stmt> {
    let mut stmts = vec![call(enter)];
    stmts.extend(body);
    stmts.push(call("v.leave()"));
    stmts
}

fn union(variants: &[UnionVariant], unknown: &str, patterns: &Patterns) -> Stmt {
    let mut arms: Vec<Stmt> = variants
        .iter()
        .map(|variant| {
            let name = &variant.name;
            let Some(ty) = &variant.ty else {
                return Stmt::Line(format!("Self::{name} => {{}}"));
            };
            let checks = value_checks(ty, &variant.checks, "value", patterns);
            match checks.is_empty() {
                true => Stmt::Line(format!("Self::{name}(_) => {{}}")),
                false => Stmt::Block(
                    format!("Self::{name}(value) => {{"),
                    entered(enter(&variant.member, variant.sensitive), checks),
                    "}",
                ),
            }
        })
        .collect();
    arms.push(Stmt::Line(format!(
        "Self::{unknown} {{ name, .. }} => v.unknown_member(name),"
    )));
    Stmt::Block("match self {".to_owned(), arms, "}")
}

/// The statements that check `value`, a reference to a value of type `ty`.
fn value_checks(ty: &RustType, checks: &Checks, value: &str, patterns: &Patterns) -> Vec<Stmt> {
    let length = checks.length.map(length_bounds);
    let mut out = Vec::new();
    let mut check = |method: &str, subject: &str, bounds: Option<String>| {
        if let Some(bounds) = bounds {
            out.push(call(format!("v.{method}({subject}, {bounds})")));
        }
    };
    match ty {
        RustType::Named(_) => out.push(call(format!(
            "crate::primitives::Validate::check({value}, v)"
        ))),
        RustType::String => {
            check("check_chars", value, length);
            out.extend(pattern(checks, value, patterns));
        }
        RustType::Blob => check("check_bytes", value, length),
        RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64 => {
            let number = match ty {
                RustType::I64 => format!("*{value}"),
                _ => format!("::std::primitive::i64::from(*{value})"),
            };
            check("check_int", &number, int_bounds(checks.range.as_ref()));
        }
        RustType::F32 | RustType::F64 => {
            let number = match ty {
                RustType::F64 => format!("*{value}"),
                _ => format!("::std::primitive::f64::from(*{value})"),
            };
            check("check_float", &number, float_bounds(checks.range.as_ref()));
        }
        RustType::BigInteger | RustType::BigDecimal => {
            let text = format!("{value}.as_str()");
            check("check_big", &text, float_bounds(checks.range.as_ref()));
        }
        RustType::List { item, sparse } => {
            check("check_count", &format!("{value}.len()"), length);
            if checks.unique_items {
                out.push(call(format!("v.check_unique({value})")));
            }
            out.extend(items(item, *sparse, &checks.inner, value, patterns));
        }
        RustType::Map {
            key,
            value: ty,
            sparse,
        } => {
            check("check_count", &format!("{value}.len()"), length);
            out.extend(entries((key, ty), *sparse, &checks.inner, value, patterns));
        }
        RustType::Bool | RustType::Timestamp | RustType::Document => {}
    }
    out
}

fn pattern(checks: &Checks, value: &str, patterns: &Patterns) -> Option<Stmt> {
    let info = patterns.get(checks.pattern.as_ref()?)?;
    info.regex.as_ref().ok()?;
    let name = &info.name;
    Some(call(format!(
        "v.check_pattern({value}, &crate::patterns::{name})"
    )))
}

/// `body`, which checks `name`, run only where the `Option` `name` holds a value.
fn if_some(name: &str, body: Vec<Stmt>) -> Vec<Stmt> {
    vec![Stmt::Block(
        format!("if let {SOME}({name}) = {name} {{"),
        body,
        "}",
    )]
}

fn items(
    ty: &RustType,
    sparse: bool,
    inner: &Inner,
    list: &str,
    patterns: &Patterns,
) -> Option<Stmt> {
    let empty = Checks::default();
    let checks = match inner {
        Inner::Items(checks) => checks,
        _ => &empty,
    };
    let body = value_checks(ty, checks, "item", patterns);
    if body.is_empty() {
        return None;
    }
    let body = match sparse {
        true => if_some("item", body),
        false => body,
    };
    Some(Stmt::Block(
        format!("for (index, item) in {list}.iter().enumerate() {{"),
        entered("v.enter_index(index)", body),
        "}",
    ))
}

fn entries(
    (key_ty, value_ty): (&RustType, &RustType),
    sparse: bool,
    inner: &Inner,
    map: &str,
    patterns: &Patterns,
) -> Option<Stmt> {
    let empty = (Checks::default(), Checks::default());
    let (key_checks, value_checks_) = match inner {
        Inner::Entries { key, value } => (key.as_ref(), value.as_ref()),
        _ => (&empty.0, &empty.1),
    };
    let key = value_checks(key_ty, key_checks, "key", patterns);
    let value = value_checks(value_ty, value_checks_, "item", patterns);
    if key.is_empty() && value.is_empty() {
        return None;
    }
    let value = match (sparse, value.is_empty()) {
        (true, false) => if_some("item", value),
        _ => value,
    };
    let key_text = match key_ty {
        RustType::String => "key",
        _ => "key.as_str()",
    };
    let has_value = !value.is_empty();
    let mut body = Vec::new();
    if !key.is_empty() {
        body.extend(entered(format!("v.enter_map_key({key_text})"), key));
    }
    if has_value {
        body.extend(entered(format!("v.enter_key({key_text})"), value));
    }
    let head = match has_value {
        true => format!("for (key, item) in {map} {{"),
        false => format!("for key in {map}.keys() {{"),
    };
    Some(Stmt::Block(head, body, "}"))
}

fn bounds(min: Option<String>, max: Option<String>) -> String {
    let path = "crate::primitives::Bounds";
    match (min, max) {
        (Some(min), Some(max)) => format!("{path}::between({min}, {max})"),
        (Some(min), None) => format!("{path}::at_least({min})"),
        (None, Some(max)) => format!("{path}::at_most({max})"),
        (None, None) => format!("{path} {{ min: {NONE}, max: {NONE} }}"),
    }
}

fn length_bounds(length: Length) -> String {
    let literal = |n| Literal::u64_suffixed(n).to_string();
    bounds(length.min.map(literal), length.max.map(literal))
}

/// Integer bounds; a fractional bound is rounded inwards, one beyond `i64` is open.
fn int_bounds(range: Option<&Range>) -> Option<String> {
    let range = range?;
    let side = |n: &serde_json::Number, round: fn(f64) -> f64| {
        let exact = n.as_i64();
        let rounded = n.as_f64().map(round).filter(|f| f.abs() < 9.2e18);
        exact
            .or(rounded.map(|f| f as i64))
            .map(|n| Literal::i64_suffixed(n).to_string())
    };
    let min = range.min.as_ref().and_then(|n| side(n, f64::ceil));
    let max = range.max.as_ref().and_then(|n| side(n, f64::floor));
    Some(bounds(min, max))
}

fn float_bounds(range: Option<&Range>) -> Option<String> {
    let range = range?;
    let side = |n: &Option<serde_json::Number>| {
        n.as_ref()
            .and_then(serde_json::Number::as_f64)
            .map(|n| Literal::f64_suffixed(n).to_string())
    };
    Some(bounds(side(&range.min), side(&range.max)))
}

/// `src/patterns.rs`: one static per pattern that compiles, or nothing when there is
/// none.
pub fn patterns_file(space: &TypeSpace) -> Option<CodeFile> {
    let mut w = Writer::default();
    let mut code = Code::default();
    w.inner_docs(
        "The model's patterns, translated for `regex-lite` when the crate was\n\
         generated and compiled on first use.",
    );
    for info in space.patterns.values() {
        let Ok(regex) = &info.regex else {
            continue;
        };
        let users: Vec<String> = info
            .users
            .iter()
            .map(|(shape, member)| format!("`{}.{member}`", short(shape)))
            .collect();
        w.docs(&format!("`{}`, for {}.", info.source, users.join(", ")));
        // Never fits in the margin: the arguments take a line each.
        w.open(format_args!(
            "pub(crate) static {}: crate::primitives::Pattern = crate::primitives::Pattern::new(",
            info.name
        ));
        w.line(format_args!("{},", text::string(regex)));
        w.line(format_args!("{},", text::string(&info.source)));
        w.close(");");
        code.declare(&info.name);
    }
    if code.declared().is_empty() {
        return None;
    }
    code.text(w.finish());
    Some(CodeFile {
        path: "src/patterns.rs".to_owned(),
        code,
    })
}

fn short(shape: &str) -> &str {
    shape.rsplit('#').next().unwrap_or(shape)
}
