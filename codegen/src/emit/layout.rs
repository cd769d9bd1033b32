//! How the trees of [`expr`](super::expr) become lines, greedily: a node goes on the
//! current line as it is, flat, when it fits in the margin together with what must follow
//! it on that line; otherwise it breaks by the rule for its kind, and its children are
//! laid out the same way from where they land. A node that cannot break (a path without
//! generic arguments, a literal) stays on its line however long.
//!
//! The rules, one level of indentation a break:
//! - a call: `f(` then an argument a line, each with a comma, then `)`; a lone struct
//!   literal, closure, block or `match` argument keeps its opening on the call's line,
//!   `Ok(Self {` ... `})`.
//! - a method chain: its receiver on the first line, then every `.method(args)` and
//!   `.field` on a line of its own, `?` kept on; a receiver of a few letters keeps the
//!   first link, `v.into_iter()`. A path and fields then one call is a call instead:
//!   `value.name.map(|v| {`.
//! - a struct literal: `Path {` then a field a line, then `}`; one with two fields or more
//!   that are not all shorthand always breaks.
//! - a closure: `|v| body`; a body that breaks goes in a block, `|v| {` ... `}`, unless it
//!   opens a block of its own (a struct literal, `match`).
//! - `match`: always broken, an arm a line, `pat => value,`, or `pat => {` value `}`.
//! - `let pat = e;`: the pattern breaks first, a struct pattern a field a line, then `e`.
//! - a path or type: at its generic arguments, an argument a line.

use super::expr::{Expr, Impl, Method, Pat, Stmt};
use super::text::{generic_args, Writer, MARGIN};

/// The width of one level of indentation.
const INDENT: usize = 4;

/// Where flat text goes: the lines being written, or a count of its width.
trait Sink {
    fn put(&mut self, text: &str);

    /// Marks text that must not be written flat: a `match`, a busy struct literal.
    fn never_flat(&mut self);
}

/// The width of a node's flat text, more than any line holds when it must break.
#[derive(Default)]
struct Width(usize);

impl Sink for Width {
    fn put(&mut self, text: &str) {
        self.0 += text.len();
    }

    fn never_flat(&mut self) {
        self.0 += MARGIN + 1;
    }
}

/// Lines being written: the text, the depth of the current line and its column.
struct Lines {
    out: String,
    depth: usize,
    col: usize,
}

impl Sink for Lines {
    fn put(&mut self, text: &str) {
        self.out.push_str(text);
        self.col += text.len();
    }

    fn never_flat(&mut self) {}
}

impl Lines {
    /// Starts a line at the current depth.
    fn start(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
        self.col = self.depth * INDENT;
    }

    /// Ends the current line and starts the next.
    fn newline(&mut self) {
        self.out.push('\n');
        self.start();
    }

    /// Ends the current line and starts the next one level deeper.
    fn indent(&mut self) {
        self.depth += 1;
        self.newline();
    }

    /// Ends the current line and starts the next one level up.
    fn dedent(&mut self) {
        self.depth -= 1;
        self.newline();
    }

    /// Whether `width` more columns fit on the current line.
    fn fits(&self, width: usize) -> bool {
        self.col + width <= MARGIN
    }
}

/// Items written flat, `sep` between them.
fn flat_list<T, S: Sink>(s: &mut S, items: &[T], sep: &str, flat: impl Fn(&T, &mut S)) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            s.put(sep);
        }
        flat(item, s);
    }
}

/// `open`, then the items a line one level deeper, each with a comma, then `close` on a
/// line of its own.
fn broken_list<T>(
    l: &mut Lines,
    open: &str,
    items: &[T],
    close: &str,
    lay: impl Fn(&T, &mut Lines),
) {
    l.put(open);
    l.depth += 1;
    for item in items {
        l.newline();
        lay(item, l);
        l.put(",");
    }
    l.dedent();
    l.put(close);
}

/// A node that can be written on one line.
trait Flat {
    /// The node on one line.
    fn flat<S: Sink>(&self, s: &mut S);

    /// The width of the node on one line, more than the margin when it must break.
    fn width(&self) -> usize {
        let mut w = Width::default();
        self.flat(&mut w);
        w.0
    }
}

impl Flat for Expr {
    fn flat<S: Sink>(&self, s: &mut S) {
        match self {
            Expr::Path(text) | Expr::Lit(text) => s.put(text),
            Expr::Call(f, args) => {
                f.flat(s);
                flat_args(s, args);
            }
            Expr::Method(receiver, method, args) => {
                receiver.flat(s);
                s.put(".");
                s.put(method);
                flat_args(s, args);
            }
            Expr::Field(base, field) => {
                base.flat(s);
                s.put(".");
                s.put(field);
            }
            Expr::Try(e) => {
                e.flat(s);
                s.put("?");
            }
            Expr::Closure(params, output, body) => {
                s.put("|");
                flat_list(s, params, ", ", Pat::flat);
                s.put("| ");
                if let Some(output) = output {
                    s.put("-> ");
                    s.put(output);
                    s.put(" ");
                }
                body.flat(s);
            }
            Expr::Struct(name, fields) => {
                s.put(name);
                if fields.is_empty() {
                    return s.put(" {}");
                }
                if busy(fields) {
                    s.never_flat();
                }
                s.put(" { ");
                flat_list(s, fields, ", ", |(field, value), s| {
                    s.put(field);
                    if let Some(value) = value {
                        s.put(": ");
                        value.flat(s);
                    }
                });
                s.put(" }");
            }
            Expr::Match(e, _) => {
                s.never_flat();
                s.put("match ");
                e.flat(s);
            }
            Expr::Return(e) => {
                s.put("return ");
                e.flat(s);
            }
            Expr::Prefix(op, e) => {
                s.put(op);
                e.flat(s);
            }
            Expr::Tuple(elems) => {
                s.put("(");
                flat_list(s, elems, ", ", Expr::flat);
                if elems.len() == 1 {
                    s.put(",");
                }
                s.put(")");
            }
            Expr::Block(e) => {
                s.put("{ ");
                e.flat(s);
                s.put(" }");
            }
            Expr::Assign(left, right) => {
                left.flat(s);
                s.put(" = ");
                right.flat(s);
            }
            Expr::IfLet(..) => s.never_flat(),
        }
    }
}

impl Expr {
    /// The expression from the current column, `trail` columns to follow it on its last
    /// line: flat where it fits, else broken by the rule for its kind.
    fn lay(&self, l: &mut Lines, trail: usize) {
        if l.fits(self.width() + trail) {
            return self.flat(l);
        }
        match self {
            Expr::Path(text) => path(l, text, trail),
            Expr::Lit(text) => l.put(text),
            Expr::Call(f, args) => {
                f.lay(l, 1);
                lay_args(l, args, trail);
            }
            Expr::Try(e) => {
                e.lay(l, trail + 1);
                l.put("?");
            }
            Expr::Method(..) | Expr::Field(..) => chain(l, self, trail),
            Expr::Closure(params, output, body) => {
                l.put("|");
                flat_list(l, params, ", ", Pat::flat);
                l.put("| ");
                if let Some(output) = output {
                    l.put("-> ");
                    path(l, output, " {".len());
                    l.put(" ");
                    return body.lay(l, trail);
                }
                match body.opens_block() && l.fits(body.head()) {
                    true => body.lay(l, trail),
                    false => block(l, body),
                }
            }
            Expr::Struct(name, fields) => {
                l.put(name);
                broken_list(l, " {", fields, "}", |(field, value), l| {
                    l.put(field);
                    if let Some(value) = value {
                        l.put(": ");
                        value.lay(l, 1);
                    }
                });
            }
            Expr::Match(e, arms) => {
                l.put("match ");
                e.lay(l, 2);
                l.put(" {");
                l.depth += 1;
                for (pat, value) in arms {
                    l.newline();
                    arm(l, pat, value);
                }
                l.dedent();
                l.put("}");
            }
            Expr::Return(e) => {
                l.put("return ");
                e.lay(l, trail);
            }
            Expr::Prefix(op, e) => {
                l.put(op);
                e.lay(l, trail);
            }
            Expr::Tuple(elems) => broken_list(l, "(", elems, ")", |e, l| e.lay(l, 1)),
            Expr::Block(e) => block(l, e),
            Expr::Assign(left, right) => {
                left.flat(l);
                l.put(" = ");
                right.lay(l, trail);
            }
            Expr::IfLet(pat, e, stmts) => {
                l.put("if let ");
                pat.lay(l, 3);
                l.put(" = ");
                e.lay(l, 2);
                l.put(" {");
                l.depth += 1;
                for stmt in stmts {
                    l.newline();
                    stmt.lay(l);
                }
                l.dedent();
                l.put("}");
            }
        }
    }

    /// Whether the expression, broken, opens a block on its first line and closes it on
    /// its last: a struct literal, a `match`, a block.
    fn opens_block(&self) -> bool {
        match self {
            Expr::Struct(_, fields) => !fields.is_empty(),
            Expr::Match(..) | Expr::Block(_) => true,
            _ => false,
        }
    }

    /// Whether a call whose lone argument this is keeps the argument's first line on its
    /// own: what opens a block, and a closure, which can always take one.
    fn hugs(&self) -> bool {
        self.opens_block() || matches!(self, Expr::Closure(..))
    }

    /// The width of the first line of the expression broken, for one that
    /// [`hugs`](Self::hugs).
    fn head(&self) -> usize {
        match self {
            Expr::Struct(name, _) => name.len() + " {".len(),
            Expr::Match(e, _) => "match ".len() + e.width() + " {".len(),
            Expr::Closure(params, output, body) => {
                let mut w = Width::default();
                w.put("|");
                flat_list(&mut w, params, ", ", Pat::flat);
                w.put("| ");
                match output {
                    Some(output) => w.0 + "-> ".len() + output.len() + " {".len(),
                    None if body.opens_block() => w.0 + body.head(),
                    None => w.0 + "{".len(),
                }
            }
            _ => "{".len(),
        }
    }

    /// Whether it takes a `;` where it ends a block.
    fn adds_semi(&self) -> bool {
        matches!(self, Expr::Assign(..) | Expr::Return(_))
    }

    /// The expression as a block's last statement, on lines of its own.
    fn lay_last(&self, l: &mut Lines) {
        let semi = self.adds_semi();
        self.lay(l, usize::from(semi));
        if semi {
            l.put(";");
        }
    }
}

/// Whether a struct literal has too much in it to sit on one line: two fields or more,
/// not all shorthand.
fn busy(fields: &[(String, Option<Expr>)]) -> bool {
    fields.len() > 1 && fields.iter().any(|(_, value)| value.is_some())
}

/// A call's arguments, in parentheses, on one line.
fn flat_args<S: Sink>(s: &mut S, args: &[Expr]) {
    s.put("(");
    flat_list(s, args, ", ", Expr::flat);
    s.put(")");
}

/// A call's arguments from its `(`, `trail` columns to follow the `)`: flat where they
/// fit, a lone argument that hugs opened on the call's line, else an argument a line.
fn lay_args(l: &mut Lines, args: &[Expr], trail: usize) {
    let mut w = Width::default();
    flat_args(&mut w, args);
    if args.is_empty() || l.fits(w.0 + trail) {
        return flat_args(l, args);
    }
    match args {
        [arg] if arg.hugs() && l.fits("(".len() + arg.head()) => {
            l.put("(");
            arg.lay(l, ")".len() + trail);
            l.put(")");
        }
        _ => broken_list(l, "(", args, ")", |e, l| e.lay(l, 1)),
    }
}

/// `e` in a block of its own lines, `{` on the current line.
fn block(l: &mut Lines, e: &Expr) {
    l.put("{");
    l.indent();
    e.lay_last(l);
    l.dedent();
    l.put("}");
}

/// A link of a method chain after its receiver.
enum Link<'a> {
    Method(&'a str, &'a [Expr]),
    Field(&'a str),
}

impl Link<'_> {
    /// The link, then `tries` `?`, `trail` columns to follow.
    fn lay(&self, l: &mut Lines, tries: usize, trail: usize) {
        match self {
            Link::Method(method, args) => {
                l.put(".");
                path(l, method, "(".len());
                lay_args(l, args, tries + trail);
            }
            Link::Field(field) => {
                l.put(".");
                l.put(field);
            }
        }
        put_tries(l, tries);
    }

    /// Its width on one line, its `?` aside.
    fn width(&self) -> usize {
        match self {
            Link::Method(method, args) => {
                let mut w = Width::default();
                flat_args(&mut w, args);
                ".".len() + method.len() + w.0
            }
            Link::Field(field) => ".".len() + field.len(),
        }
    }
}

/// A method chain that does not fit on its line, `trail` columns to follow it.
fn chain(l: &mut Lines, e: &Expr, trail: usize) {
    // The links from the outermost in, each with the number of `?` after it.
    let mut links: Vec<(Link, usize)> = Vec::new();
    let mut tries = 0;
    let mut root = e;
    loop {
        match root {
            Expr::Method(receiver, method, args) => {
                links.push((Link::Method(method, args), tries));
                root = receiver;
            }
            Expr::Field(base, field) => {
                links.push((Link::Field(field), tries));
                root = base;
            }
            Expr::Try(inner) => {
                tries += 1;
                root = inner;
                continue;
            }
            _ => break,
        }
        tries = 0;
    }
    // `?` on the receiver itself, `f()?.g()`.
    let root_tries = tries;
    links.reverse();
    let last = links.len() - 1;
    let trail_of = |at: usize| if at == last { trail } else { 0 };
    // One call at the end of a path and fields: a call of `value.field.method`.
    let calls = links
        .iter()
        .filter(|(link, _)| matches!(link, Link::Method(..)))
        .count();
    let plain = matches!(root, Expr::Path(_)) && root_tries == 0;
    if let (1, true, (Link::Method(method, _), _)) = (calls, plain, &links[last]) {
        let before: usize = links[..last].iter().map(|(link, t)| link.width() + t).sum();
        let head = root.width() + before + ".".len() + method.len() + "(".len();
        if l.fits(head) {
            root.flat(l);
            for (at, (link, tries)) in links.iter().enumerate() {
                link.lay(l, *tries, trail_of(at));
            }
            return;
        }
    }
    let short = matches!(root, Expr::Path(name) if name.len() <= INDENT
        && name.chars().all(|c| c.is_alphanumeric() || c == '_'));
    let attached = usize::from(short && root_tries == 0);
    let first_width: usize = links[..attached]
        .iter()
        .map(|(link, t)| link.width() + t)
        .sum();
    root.lay(l, root_tries + first_width);
    put_tries(l, root_tries);
    for (at, (link, tries)) in links.iter().enumerate().take(attached) {
        link.lay(l, *tries, trail_of(at));
    }
    l.depth += 1;
    for (at, (link, tries)) in links.iter().enumerate().skip(attached) {
        l.newline();
        link.lay(l, *tries, trail_of(at));
    }
    l.depth -= 1;
}

fn put_tries(l: &mut Lines, tries: usize) {
    for _ in 0..tries {
        l.put("?");
    }
}

/// A match arm: `pat => value,` where it fits, else the value in a block.
fn arm(l: &mut Lines, pat: &Pat, value: &Expr) {
    let arrow = " => ".len();
    if l.fits(pat.width() + arrow + value.width() + ",".len()) {
        pat.flat(l);
        l.put(" => ");
        value.flat(l);
        return l.put(",");
    }
    pat.lay(l, " => {".len());
    if l.fits(arrow + value.width() + ",".len()) {
        l.put(" => ");
        value.flat(l);
        return l.put(",");
    }
    l.put(" => ");
    block(l, value);
}

impl Flat for Pat {
    fn flat<S: Sink>(&self, s: &mut S) {
        match self {
            Pat::Ident(name) => s.put(name),
            Pat::TupleStruct(name, elems) => {
                s.put(name);
                s.put("(");
                flat_list(s, elems, ", ", Pat::flat);
                s.put(")");
            }
            Pat::Tuple(elems) => {
                s.put("(");
                flat_list(s, elems, ", ", Pat::flat);
                if elems.len() == 1 {
                    s.put(",");
                }
                s.put(")");
            }
            Pat::Struct(name, fields, rest) => {
                s.put(name);
                if fields.is_empty() && !rest {
                    return s.put(" {}");
                }
                s.put(" { ");
                flat_list(s, fields, ", ", |field, s| s.put(field));
                match (fields.is_empty(), rest) {
                    (_, false) => s.put(" }"),
                    (true, true) => s.put(".. }"),
                    (false, true) => s.put(", .. }"),
                }
            }
        }
    }
}

impl Pat {
    /// The pattern from the current column, `trail` columns to follow it: flat where it
    /// fits, else its elements or fields a line each.
    fn lay(&self, l: &mut Lines, trail: usize) {
        if l.fits(self.width() + trail) {
            return self.flat(l);
        }
        match self {
            Pat::Ident(name) => l.put(name),
            Pat::TupleStruct(name, elems) => {
                l.put(name);
                broken_list(l, "(", elems, ")", |p, l| p.lay(l, 1));
            }
            Pat::Tuple(elems) => broken_list(l, "(", elems, ")", |p, l| p.lay(l, 1)),
            Pat::Struct(name, fields, rest) => {
                l.put(name);
                l.put(" {");
                l.depth += 1;
                for field in fields {
                    l.newline();
                    l.put(field);
                    l.put(",");
                }
                if *rest {
                    l.newline();
                    l.put("..");
                }
                l.dedent();
                l.put("}");
            }
        }
    }
}

impl Stmt {
    /// The statement from the start of its line.
    fn lay(&self, l: &mut Lines) {
        match self {
            Stmt::Let(pat, e) => {
                l.put("let ");
                let rest = " = ".len() + e.width() + ";".len();
                if l.fits(pat.width() + rest) {
                    pat.flat(l);
                    l.put(" = ");
                    e.flat(l);
                    return l.put(";");
                }
                // A value that cannot break stays on the pattern's last line.
                let unbreakable = matches!(e, Expr::Path(_) | Expr::Lit(_));
                pat.lay(l, if unbreakable { rest } else { " =".len() });
                l.put(" = ");
                e.lay(l, ";".len());
                l.put(";");
            }
            Stmt::Semi(e) => {
                e.lay(l, ";".len());
                l.put(";");
            }
            Stmt::Expr(e) => e.lay_last(l),
        }
    }
}

impl Impl {
    /// The impl as an item at the file's top level, behind `attr`.
    pub fn text(&self, attr: &str) -> String {
        let mut w = Writer::default();
        w.line(attr);
        w.open_impl(&self.trait_, &self.ty);
        for (name, ty) in &self.types {
            w.typed(&format!("type {name} = "), ty, ";");
        }
        self.method.open(&mut w);
        let mut l = Lines {
            out: w.finish(),
            depth: 2,
            col: 0,
        };
        for stmt in &self.method.body {
            l.start();
            stmt.lay(&mut l);
            l.out.push('\n');
        }
        l.out.push_str("    }\n}\n");
        l.out
    }
}

impl Method {
    /// The signature, `fn name(params) -> T {`, on one line where it fits, else a
    /// parameter a line; the body's lines after it are one level deeper.
    fn open(&self, w: &mut Writer) {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|(pat, ty)| format!("{pat}: {ty}"))
            .collect();
        let line = format!(
            "fn {}({}) -> {} {{",
            self.name,
            params.join(", "),
            self.output
        );
        if INDENT + line.len() <= MARGIN {
            return w.open(line);
        }
        w.open(format_args!("fn {}(", self.name));
        for (pat, ty) in &self.params {
            w.typed(&format!("{pat}: "), ty, ",");
        }
        w.reopen(format_args!(") -> {} {{", self.output));
    }
}

/// A path or type that does not fit on its line, broken at its first generic arguments,
/// an argument a line, the rest laid out the same way; a qualified path's `<A as B>` on a
/// line of its own.
fn path(l: &mut Lines, text: &str, trail: usize) {
    if l.fits(text.len() + trail) {
        return l.put(text);
    }
    let Some(open) = text.find('<') else {
        return l.put(text);
    };
    let close = open + 1 + matching(&text[open + 1..]);
    let (head, inner, rest) = (&text[..open], &text[open + 1..close], &text[close + 1..]);
    l.put(head);
    match (head.is_empty(), inner.split_once(" as ")) {
        (true, Some((qself, trait_))) => {
            l.put("<");
            l.indent();
            path(l, qself, " as ".len());
            l.put(" as ");
            path(l, trait_, 0);
            l.dedent();
            l.put(">");
        }
        _ => {
            let args = generic_args(inner);
            broken_list(l, "<", &args, ">", |arg, l| path(l, arg, 1));
        }
    }
    path(l, rest, trail);
}

/// The index of the `>` that closes a `<` just before `text`.
fn matching(text: &str) -> usize {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '<' => depth += 1,
            '>' if depth == 0 => return at,
            '>' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The statement laid out on lines `depth` levels deep.
    fn lay(depth: usize, stmt: Stmt) -> String {
        let mut l = Lines {
            out: String::new(),
            depth,
            col: 0,
        };
        l.start();
        stmt.lay(&mut l);
        l.out.push('\n');
        l.out
    }

    fn path(text: &str) -> Expr {
        Expr::path(text)
    }

    fn structure<'a>(
        name: &str,
        fields: impl IntoIterator<Item = (&'a str, Option<Expr>)>,
    ) -> Expr {
        let fields = fields.into_iter().map(|(f, v)| (f.to_owned(), v));
        Expr::Struct(name.into(), fields.collect())
    }

    fn long(name: &str) -> Expr {
        path(&format!("crate::some::long::module::path::{name}"))
    }

    #[test]
    fn a_call_that_fits_stays_flat_else_takes_an_argument_a_line() {
        let call = Expr::call("f", vec![path("a"), path("b")]);
        assert_eq!(lay(1, Stmt::Semi(call)), "    f(a, b);\n");
        let call = Expr::call("f", vec![long("first_argument"), long("second_argument")]);
        assert_eq!(
            lay(1, Stmt::Semi(call)),
            "    f(\n        crate::some::long::module::path::first_argument,\n        \
             crate::some::long::module::path::second_argument,\n    );\n"
        );
    }

    #[test]
    fn a_call_hugs_a_lone_struct_literal() {
        let value = Expr::call("g", vec![long("value_of_the_first_field")]);
        let fields = [("first", Some(value)), ("second", None)];
        let call = Expr::call("Ok", vec![structure("Self", fields)]);
        assert_eq!(
            lay(2, Stmt::Expr(call)),
            "        Ok(Self {\n            first: g(crate::some::long::module::path::value_of_the_first_field),\n            \
             second,\n        })\n"
        );
    }

    #[test]
    fn a_struct_literal_with_values_breaks_a_shorthand_one_does_not() {
        let fields = [("a", None), ("b", None)];
        assert_eq!(
            lay(0, Stmt::Expr(structure("Self", fields))),
            "Self { a, b }\n"
        );
        let fields = [("a", Some(path("x"))), ("b", None)];
        assert_eq!(
            lay(0, Stmt::Expr(structure("Self", fields))),
            "Self {\n    a: x,\n    b,\n}\n"
        );
        assert_eq!(lay(0, Stmt::Expr(structure("Self", []))), "Self {}\n");
    }

    #[test]
    fn a_long_chain_takes_a_line_a_link() {
        let mut e = Expr::call("::aws_sdk_glue::types::Action::builder", vec![]);
        for name in ["job_name", "arguments", "timeout"] {
            let value = Expr::Field(Box::new(path("value")), name.into());
            e = e.method(format!("set_{name}"), vec![value]);
        }
        let e = e.method("build", vec![]).try_();
        assert_eq!(
            lay(2, Stmt::Expr(e)),
            "        ::aws_sdk_glue::types::Action::builder()\n            .set_job_name(value.job_name)\n            \
             .set_arguments(value.arguments)\n            .set_timeout(value.timeout)\n            .build()?\n"
        );
    }

    #[test]
    fn a_short_receiver_keeps_its_first_link() {
        let e = path("v")
            .method("into_iter", vec![])
            .method("map", vec![long("convert_the_value")])
            .method("collect", vec![]);
        assert_eq!(
            lay(6, Stmt::Expr(e)),
            "                        v.into_iter()\n                            \
             .map(crate::some::long::module::path::convert_the_value)\n                            .collect()\n"
        );
    }

    #[test]
    fn a_chain_with_one_call_at_its_end_breaks_as_a_call() {
        let error = structure(
            "crate::interop::ConversionError::MissingMember",
            [
                ("shape", Some(path("\"S\""))),
                ("member", Some(path("\"M\""))),
            ],
        );
        let e = Expr::Field(Box::new(path("value")), "name".into())
            .method("ok_or", vec![error])
            .try_();
        assert_eq!(
            lay(2, Stmt::Expr(e)),
            "        value.name.ok_or(crate::interop::ConversionError::MissingMember {\n            \
             shape: \"S\",\n            member: \"M\",\n        })?\n"
        );
    }

    #[test]
    fn a_closure_body_that_breaks_goes_in_a_block_unless_it_opens_one() {
        let body = Expr::call("Box::new", vec![long("a_value_long_enough_to_break")]);
        let e = path("not").method("map", vec![Expr::closure(vec![Pat::ident("v")], body)]);
        assert_eq!(
            lay(3, Stmt::Expr(e)),
            "            not.map(|v| {\n                \
             Box::new(crate::some::long::module::path::a_value_long_enough_to_break)\n            })\n"
        );
        let error = structure(
            "crate::interop::ConversionError::Refused",
            [("shape", Some(path("\"S\""))), ("reason", Some(path("r")))],
        );
        let e = path("built").method("map_err", vec![Expr::closure(vec![Pat::ident("e")], error)]);
        assert_eq!(
            lay(2, Stmt::Expr(e)),
            "        built.map_err(|e| crate::interop::ConversionError::Refused {\n            \
             shape: \"S\",\n            reason: r,\n        })\n"
        );
        let short = Expr::closure(vec![Pat::ident("v")], path("v"));
        assert_eq!(lay(0, Stmt::Expr(short)), "|v| v\n");
    }

    #[test]
    fn a_match_takes_an_arm_a_line_and_a_block_for_a_long_value() {
        let arms = vec![
            (Pat::ident("A"), path("B")),
            (
                Pat::TupleStruct("Self::C".into(), vec![Pat::ident("e")]),
                Expr::Return(Box::new(Expr::call(
                    "Err",
                    vec![long("an_error_long_enough")],
                ))),
            ),
        ];
        let e = Expr::Match(Box::new(path("value")), arms);
        assert_eq!(
            lay(2, Stmt::Expr(e)),
            "        match value {\n            A => B,\n            Self::C(e) => {\n                \
             return Err(crate::some::long::module::path::an_error_long_enough);\n            }\n        }\n"
        );
    }

    #[test]
    fn a_long_arm_pattern_breaks_and_the_value_follows_it() {
        let variant = format!("::aws_sdk_x::operation::{}::Error::Variant", "o".repeat(50));
        let arms = vec![(
            Pat::TupleStruct(variant.clone(), vec![Pat::ident("e")]),
            Expr::call("Self::Variant", vec![path("e")]),
        )];
        let e = Expr::Match(Box::new(path("value")), arms);
        assert_eq!(
            lay(2, Stmt::Expr(e)),
            format!(
                "        match value {{\n            {variant}(\n                e,\n            ) => \
                 Self::Variant(e),\n        }}\n"
            )
        );
    }

    #[test]
    fn a_long_struct_pattern_takes_a_field_a_line() {
        let fields = [
            "first_member",
            "second_member",
            "third_member",
            "fourth_member",
        ];
        let pat = Pat::Struct(
            "::aws_sdk_x::types::Shape".into(),
            fields.iter().map(|f| f.to_string()).collect(),
            true,
        );
        assert_eq!(
            lay(2, Stmt::Let(pat, path("value"))),
            "        let ::aws_sdk_x::types::Shape {\n            first_member,\n            \
             second_member,\n            third_member,\n            fourth_member,\n            ..\n        } = value;\n"
        );
        let pat = Pat::Struct("Shape".into(), vec!["a".into()], true);
        assert_eq!(
            lay(0, Stmt::Let(pat, path("value"))),
            "let Shape { a, .. } = value;\n"
        );
    }

    #[test]
    fn a_long_let_value_breaks_after_the_pattern() {
        let builder = format!(
            "::aws_sdk_{}::error::ErrorMetadata::builder",
            "x".repeat(30)
        );
        let e = Expr::call(builder.clone(), vec![]).method("code", vec![path("\"Code\"")]);
        assert_eq!(
            lay(2, Stmt::Let(Pat::ident("mut meta"), e)),
            format!("        let mut meta = {builder}()\n            .code(\"Code\");\n")
        );
    }

    #[test]
    fn a_long_path_breaks_at_its_generic_arguments() {
        let e = Expr::call(
            format!(
                "crate::interop::Unbox::<::aws_sdk_{}::types::Shape>::unbox",
                "x".repeat(40)
            ),
            vec![path("v")],
        );
        assert_eq!(
            lay(1, Stmt::Expr(e)),
            format!(
                "    crate::interop::Unbox::<\n        ::aws_sdk_{}::types::Shape,\n    >::unbox(v)\n",
                "x".repeat(40)
            )
        );
        let e = Expr::call(
            format!(
                "<::aws_sdk_{}::types::Shape as TryFrom<_>>::try_from",
                "x".repeat(40)
            ),
            vec![path("v")],
        );
        assert_eq!(
            lay(1, Stmt::Expr(e)),
            format!(
                "    <\n        ::aws_sdk_{}::types::Shape as TryFrom<_>\n    >::try_from(v)\n",
                "x".repeat(40)
            )
        );
    }

    #[test]
    fn no_arguments_stay_together() {
        let e = path(&"a".repeat(90)).method("build", vec![]);
        assert_eq!(
            lay(0, Stmt::Expr(e)),
            format!("{}\n    .build()\n", "a".repeat(90))
        );
    }

    #[test]
    fn a_closure_with_a_return_type_keeps_its_block() {
        let ok = Expr::call("Ok", vec![Expr::Tuple(vec![path("k"), path("v").try_()])]);
        let param = Pat::Tuple(vec![Pat::ident("k"), Pat::ident("v")]);
        let f = Expr::Closure(
            vec![param],
            Some("Result<_, E>".into()),
            Box::new(Expr::Block(Box::new(ok))),
        );
        assert_eq!(
            lay(0, Stmt::Expr(f)),
            "|(k, v)| -> Result<_, E> { Ok((k, v?)) }\n"
        );
    }

    #[test]
    fn an_impl_signature_breaks_its_parameters() {
        let sdk = "::aws_sdk_freetier::operation::get_free_tier_usage::GetFreeTierUsageInput";
        let item = Impl {
            trait_: format!("From<{sdk}>"),
            ty: "crate::GetFreeTierUsageRequest".into(),
            types: vec![("Error".into(), "E".into())],
            method: Method {
                name: "from".into(),
                params: vec![("value".into(), sdk.into())],
                output: "Self".into(),
                body: vec![Stmt::Expr(path("x"))],
            },
        };
        assert_eq!(
            item.text("#[a]"),
            format!(
                "#[a]\nimpl From<{sdk}>\nfor crate::GetFreeTierUsageRequest {{\n    type Error = E;\n    \
                 fn from(\n        value: {sdk},\n    ) -> Self {{\n        x\n    }}\n}}\n"
            )
        );
    }

    #[test]
    fn an_if_let_opens_a_block() {
        let set = Expr::Assign(
            Box::new(path("meta")),
            Box::new(path("meta").method("message", vec![path("m")])),
        );
        let e = Expr::IfLet(
            Pat::TupleStruct("Some".into(), vec![Pat::ident("m")]),
            Box::new(Expr::Prefix("&", Box::new(path("value.message")))),
            vec![Stmt::Semi(set)],
        );
        assert_eq!(
            lay(1, Stmt::Expr(e)),
            "    if let Some(m) = &value.message {\n        meta = meta.message(m);\n    }\n"
        );
    }
}
