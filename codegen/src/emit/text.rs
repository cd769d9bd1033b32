//! Code an emitter lays out itself, a line at a time, as prettyplease prints it: four
//! spaces a level, docs as `///` comments.

use std::fmt::{Display, Write};

use proc_macro2::Literal;

/// One level of indentation.
const INDENT: &str = "    ";

/// Lines of code being written.
#[derive(Default)]
pub struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    /// A line at the current depth.
    pub fn line(&mut self, line: impl Display) {
        for _ in 0..self.depth {
            self.out.push_str(INDENT);
        }
        // Writing to a `String` cannot fail.
        let _ = writeln!(self.out, "{line}");
    }

    /// A line that opens a block: the lines after it are one level deeper.
    pub fn open(&mut self, line: impl Display) {
        self.line(line);
        self.depth += 1;
    }

    /// A line that closes a block, one level up.
    pub fn close(&mut self, line: impl Display) {
        self.depth = self.depth.saturating_sub(1);
        self.line(line);
    }

    /// A line that closes a block and opens another: `) -> T {`, `} else {`.
    pub fn reopen(&mut self, line: impl Display) {
        self.close(line);
        self.depth += 1;
    }

    /// `markdown` as `///` comments, as prettyplease prints the `#[doc]` attributes of
    /// [`docs::attrs`](super::docs::attrs).
    pub fn docs(&mut self, markdown: &str) {
        for line in markdown.lines() {
            match line.trim_end_matches(' ') {
                "" => self.line("///"),
                line => self.line(format_args!("/// {line}")),
            }
        }
    }

    /// `markdown` as `//!` comments, the docs of the module the file is.
    pub fn inner_docs(&mut self, markdown: &str) {
        for line in markdown.lines() {
            match line.trim_end_matches(' ') {
                "" => self.line("//!"),
                line => self.line(format_args!("//! {line}")),
            }
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }
}

/// The width prettyplease fits lines in.
pub const MARGIN: usize = 89;

impl Writer {
    /// `{prefix}{ty}{suffix}` on one line where it fits in the margin, as prettyplease
    /// writes a field; otherwise the type's generic arguments one per line, each broken
    /// the same way. `ty` is the type's text on one line.
    pub fn typed(&mut self, prefix: &str, ty: &str, suffix: &str) {
        self.typed_within(prefix, ty, suffix, suffix.len());
    }

    /// [`typed`](Self::typed) for the last field of a struct expression, whose comma
    /// prettyplease leaves out of the width.
    pub fn typed_last(&mut self, prefix: &str, ty: &str, suffix: &str) {
        self.typed_within(prefix, ty, suffix, 0);
    }

    /// [`typed`](Self::typed), `counted` bytes of the suffix taking room on the line.
    fn typed_within(&mut self, prefix: &str, ty: &str, suffix: &str, counted: usize) {
        let width = INDENT.len() * self.depth + prefix.len() + ty.len() + counted;
        match generic(ty) {
            Some((head, args)) if width > MARGIN => {
                self.open(format_args!("{prefix}{head}<"));
                for arg in args {
                    self.typed("", arg, ",");
                }
                self.close(format_args!(">{suffix}"));
            }
            _ => self.line(format_args!("{prefix}{ty}{suffix}")),
        }
    }
}

impl Writer {
    /// An attribute, `#[name(args)]`, on one line where it fits in the margin, else with
    /// its arguments on a line of their own.
    pub fn attribute(&mut self, attr: &str) {
        let width = INDENT.len() * self.depth + attr.len();
        let parts = attr
            .strip_prefix("#[")
            .and_then(|rest| rest.strip_suffix(")]"))
            .and_then(|rest| rest.split_once('('));
        match parts {
            Some((name, args)) if width > MARGIN => {
                self.open(format_args!("#[{name}("));
                self.line(args);
                self.close(")]");
            }
            _ => self.line(attr),
        }
    }
}

impl Writer {
    /// A call, `head(args)`, then `suffix`: on one line where it fits in the margin, as
    /// prettyplease writes it; otherwise its arguments one per line, each broken the same
    /// way, the last with a trailing comma that the margin does not count.
    pub fn call(&mut self, call: &str, suffix: &str) {
        self.expr(call, suffix, suffix.len());
    }

    fn expr(&mut self, expr: &str, suffix: &str, counted: usize) {
        let width = INDENT.len() * self.depth + expr.len() + counted;
        match call_parts(expr) {
            Some((head, args)) if width > MARGIN => {
                self.open(format_args!("{head}("));
                let last = args.len() - 1;
                for (at, arg) in args.iter().enumerate() {
                    self.expr(arg, ",", usize::from(at != last));
                }
                self.close(format_args!("){suffix}"));
            }
            _ => self.line(format_args!("{expr}{suffix}")),
        }
    }

    /// A match arm whose value is a call, `{pattern} => {value},`, where it fits in the
    /// margin (the comma aside), else with the call in a block, itself broken as
    /// [`call`](Self::call) breaks it.
    pub fn arm(&mut self, pattern: &str, value: &str) {
        let width = INDENT.len() * self.depth + pattern.len() + " => ".len() + value.len();
        if width <= MARGIN {
            return self.line(format_args!("{pattern} => {value},"));
        }
        self.open(format_args!("{pattern} => {{"));
        self.call(value, "");
        self.close("}");
    }

    /// An impl's first line, `impl {trait_} for {self_ty} {`, opening its block: on one
    /// line where it fits in the margin, else with `for` on a line of its own, else also
    /// with the trait's generic arguments one per line.
    pub fn open_impl(&mut self, trait_: &str, self_ty: &str) {
        let indent = INDENT.len() * self.depth;
        let one_line = format!("impl {trait_} for {self_ty} {{");
        if indent + one_line.len() <= MARGIN {
            return self.open(one_line);
        }
        match generic(trait_) {
            Some((head, args)) if indent + "impl ".len() + trait_.len() > MARGIN => {
                self.open(format_args!("impl {head}<"));
                for arg in args {
                    self.typed("", arg, ",");
                }
                self.reopen(format_args!("> for {self_ty} {{"));
            }
            _ => {
                self.line(format_args!("impl {trait_}"));
                self.open(format_args!("for {self_ty} {{"));
            }
        }
    }

    /// A list, `{head}{items}{close}` where `head` opens it: on one line where it fits in
    /// the margin, else an item a line, each with a comma.
    pub fn list(&mut self, head: &str, items: &[String], close: &str) {
        let one_line = format!("{head}{}{close}", items.join(", "));
        if INDENT.len() * self.depth + one_line.len() <= MARGIN || items.is_empty() {
            return self.line(one_line);
        }
        self.open(head);
        for item in items {
            self.line(format_args!("{item},"));
        }
        self.close(close);
    }

    /// A struct expression as an element of an array that takes lines, `{path} {`, a
    /// field a line, `}{suffix}`: prettyplease breaks such an element however short.
    pub fn fields(&mut self, path: &str, fields: &[String], suffix: &str) {
        self.open(format_args!("{path} {{"));
        for field in fields {
            self.line(format_args!("{field},"));
        }
        self.close(format_args!("}}{suffix}"));
    }
}

/// A string literal's text, escaped as prettyplease prints it.
pub fn string(value: &str) -> String {
    Literal::string(value).to_string()
}

/// The attribute that compiles an item only with the cargo feature `feature`.
pub fn cfg_feature(feature: &str) -> String {
    format!("#[cfg(feature = {})]", string(feature))
}

/// Whether every line of `text` fits in the margin, so that prettyplease would have
/// written it as it is.
pub fn fits(text: &str) -> bool {
    text.lines().all(|line| line.len() <= MARGIN)
}

/// A call's callee and its arguments, split at the commas outside brackets and string
/// literals: `f(a, g(b, c))` gives `f` and `[a, g(b, c)]`. `None` for anything else: a
/// call without arguments, or a method call on a receiver that is itself a call.
fn call_parts(expr: &str) -> Option<(&str, Vec<&str>)> {
    let open = expr.find('(')?;
    let inner = expr.get(open + 1..)?.strip_suffix(')')?;
    let mut args = Vec::new();
    let (mut depth, mut start, mut quoted, mut escaped) = (0usize, 0, false, false);
    for (at, c) in inner.char_indices() {
        match (quoted, c) {
            (true, _) if escaped => escaped = false,
            (true, '\\') => escaped = true,
            (true, '"') | (false, '"') => quoted = !quoted,
            (true, _) => {}
            (false, '(' | '[' | '{') => depth += 1,
            (false, ')' | ']' | '}') => depth = depth.checked_sub(1)?,
            (false, ',') if depth == 0 => {
                args.push(inner[start..at].trim());
                start = at + 1;
            }
            _ => {}
        }
    }
    args.push(inner[start..].trim());
    match args.as_slice() {
        [""] => None,
        _ => Some((&expr[..open], args)),
    }
}

/// A generic type's path and its arguments: `Vec<u8>` gives `Vec` and `[u8]`.
fn generic(ty: &str) -> Option<(&str, Vec<&str>)> {
    let open = ty.find('<')?;
    let inner = ty.get(open + 1..)?.strip_suffix('>')?;
    Some((&ty[..open], generic_args(inner)))
}

/// Generic arguments, the text between a type's `<` and `>`, split at their top-level
/// commas.
pub fn generic_args(inner: &str) -> Vec<&str> {
    let mut args = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (at, c) in inner.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                args.push(inner[start..at].trim());
                start = at + 1;
            }
            _ => {}
        }
    }
    args.push(inner[start..].trim());
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(depth: usize, prefix: &str, ty: &str) -> String {
        let mut w = Writer {
            depth,
            ..Writer::default()
        };
        w.typed(prefix, ty, ",");
        w.finish()
    }

    #[test]
    fn a_type_that_fits_takes_one_line() {
        assert_eq!(
            typed(1, "pub a: ", "Option<Vec<String>>"),
            "    pub a: Option<Vec<String>>,\n"
        );
    }

    #[test]
    fn a_long_type_breaks_at_its_generic_arguments_as_deep_as_needed() {
        let map = "::std::collections::BTreeMap<String, ::std::collections::BTreeMap<crate::FillingTypeOfSomeKind, String>>";
        assert_eq!(
            typed(1, "pub filling: ", &format!("Option<{map}>")),
            "    pub filling: Option<\n        ::std::collections::BTreeMap<\n            String,\n            \
             ::std::collections::BTreeMap<crate::FillingTypeOfSomeKind, String>,\n        >,\n    >,\n"
        );
    }

    #[test]
    fn a_long_path_stays_on_its_line() {
        let ty = "crate::AutoScalingTargetTrackingScalingPolicyConfigurationUpdateWithALongName";
        assert_eq!(typed(1, "pub a: ", ty), format!("    pub a: {ty},\n"));
    }

    #[test]
    fn a_long_attribute_takes_its_arguments_to_a_line_of_their_own() {
        let mut w = Writer::default();
        w.attribute("#[deprecated]");
        let note = "n".repeat(80);
        w.attribute(&format!("#[deprecated(note = \"{note}\")]"));
        assert_eq!(
            w.finish(),
            format!("#[deprecated]\n#[deprecated(\n    note = \"{note}\"\n)]\n")
        );
    }

    #[test]
    fn a_long_arm_takes_a_block() {
        let mut w = Writer::default();
        w.arm("Self::A(error)", "f(error)");
        let long = format!("f{}(", "a".repeat(70));
        w.arm("Self::B(error)", &format!("{long}error)"));
        let longer = format!("f{}(", "a".repeat(90));
        w.arm("Self::C(error)", &format!("{longer}error)"));
        assert_eq!(
            w.finish(),
            format!(
                "Self::A(error) => f(error),\nSelf::B(error) => {{\n    {long}error)\n}}\n\
                 Self::C(error) => {{\n    {longer}\n        error,\n    )\n}}\n"
            )
        );
    }

    #[test]
    fn a_long_impl_line_breaks_before_for_then_in_the_trait() {
        let mut w = Writer::default();
        w.open_impl("From<crate::A>", "B");
        w.close("}");
        let long = format!("crate::{}", "A".repeat(60));
        w.open_impl(&format!("From<{long}>"), "crate::B");
        w.close("}");
        let longer = format!("crate::{}", "A".repeat(90));
        w.open_impl(&format!("From<{longer}>"), "crate::B");
        w.close("}");
        assert_eq!(
            w.finish(),
            format!(
                "impl From<crate::A> for B {{\n}}\nimpl From<{long}>\nfor crate::B {{\n}}\n\
                 impl From<\n    {longer},\n> for crate::B {{\n}}\n"
            )
        );
    }

    #[test]
    fn docs_become_comments() {
        let mut w = Writer::default();
        w.docs("Text.  \n\n  Indented.");
        assert_eq!(w.finish(), "/// Text.\n///\n///   Indented.\n");
    }

    fn call(depth: usize, call: &str) -> String {
        let mut w = Writer {
            depth,
            ..Writer::default()
        };
        w.call(call, ";");
        w.finish()
    }

    #[test]
    fn a_call_that_fits_takes_one_line() {
        let text = "v.check_chars(value, crate::primitives::Bounds::between(1u64, 8192u64))";
        assert_eq!(call(3, text), format!("            {text};\n"));
    }

    #[test]
    fn a_long_call_takes_its_arguments_one_a_line() {
        let text = "v.check_int(::std::primitive::i64::from(*value), crate::primitives::Bounds::between(1i64, 1000i64))";
        assert_eq!(
            call(2, text),
            "        v.check_int(\n            ::std::primitive::i64::from(*value),\n            \
             crate::primitives::Bounds::between(1i64, 1000i64),\n        );\n"
        );
    }

    #[test]
    fn a_long_argument_breaks_the_same_way() {
        let long =
            "crate::primitives::Bounds::between(-9223372036854775808i64, 9223372036854775807i64)";
        let text = format!("v.check_int(*value, {long})");
        assert_eq!(
            call(1, &text),
            "    v.check_int(\n        *value,\n        crate::primitives::Bounds::between(\n            \
             -9223372036854775808i64,\n            9223372036854775807i64,\n        ),\n    );\n"
        );
    }

    #[test]
    fn the_margin_does_not_count_the_last_arguments_comma() {
        let inner = format!("g({}, b)", "a".repeat(75));
        assert_eq!(inner.len(), 81);
        let text = format!("f(x, {inner})");
        assert_eq!(
            call(1, &text),
            format!("    f(\n        x,\n        {inner},\n    );\n")
        );
        let text = format!("f({inner}, x)");
        assert!(call(1, &text).starts_with("    f(\n        g(\n"));
    }

    #[test]
    fn arguments_split_outside_brackets_and_strings() {
        assert_eq!(
            call_parts("f(\"a, \\\"b\", g(c, d), S { e, f })"),
            Some(("f", vec!["\"a, \\\"b\"", "g(c, d)", "S { e, f }"]))
        );
        assert_eq!(call_parts("value.len()"), None);
        assert_eq!(call_parts("value.iter().enumerate()"), None);
    }

    #[test]
    fn fits_measures_every_line() {
        assert!(fits(&format!("{}\nb\n", "a".repeat(89))));
        assert!(!fits(&format!("b\n{}\n", "a".repeat(90))));
    }
}
