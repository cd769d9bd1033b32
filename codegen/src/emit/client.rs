//! The client's generated half: `src/service.rs`, what the client knows of the service,
//! and for each operation its `Call` impl and, when it is paginated, its `Paginated`
//! impls. Only crates of the awsJson protocols get them, behind the `client` feature.

use proc_macro2::TokenStream;
use quote::quote;

use heck::ToKebabCase;

use super::docs::Links;
use super::paths::{NONE, OPTION, RESULT, SOME, STRING, VEC};
use super::root::{CLIENT_FEATURE, DYNAMIC_FEATURE};
use super::text::{cfg_feature, string, Writer};
use super::CodeFile;
use crate::format::code::Code;
use crate::format::macro_call::inline;
use crate::typespace::{Field, ItemKind, JsonProtocol, OperationItem, RustType, TypeSpace};

/// Whether any operation asks for its requests to be gzipped.
pub fn uses_gzip(space: &TypeSpace) -> bool {
    space.operations.values().any(|op| op.gzip)
}

/// Whether the crate gets a client: its protocol is awsJson 1.0 or 1.1.
pub fn has_client(space: &TypeSpace) -> bool {
    matches!(
        space.json,
        Some(JsonProtocol::AwsJson1_0 | JsonProtocol::AwsJson1_1)
    )
}

/// `src/service.rs`: the service as the client calls it, and the constructors of a
/// client of it.
pub fn service_file(space: &TypeSpace, links: &Links) -> Option<CodeFile> {
    if !has_client(space) {
        return None;
    }
    let title = &space.service.title;
    let mut w = Writer::default();
    w.inner_docs(&format!(
        "{title} as the client calls it: its names, its endpoint rules and its operations by name."
    ));
    service_static(&mut w, space);
    w.docs(
        "Every operation of the service by name, for tools that call them with JSON,\n\
         such as a command line (the `dynamic` feature).",
    );
    w.line(cfg_feature(DYNAMIC_FEATURE));
    let head = "pub static OPERATIONS: &[crate::client::OperationInfo] = &[";
    match space.operations.is_empty() {
        true => w.line(format_args!("{head}];")),
        false => {
            w.open(head);
            for op in space.operations.values() {
                operation_info(&mut w, space, links, op);
            }
            w.close("];");
        }
    }
    client_constructors(&mut w);
    let mut code = Code::default();
    code.text(w.finish());
    code.declare("SERVICE");
    code.declare("OPERATIONS");
    Some(CodeFile {
        path: "src/service.rs".to_owned(),
        code,
    })
}

/// `SERVICE`: the names of the service and its endpoint rules.
fn service_static(w: &mut Writer, space: &TypeSpace) {
    let service = &space.service;
    let title = &service.title;
    let sdk_id = service.sdk_id.as_deref().unwrap_or(title);
    let signing_name = service.signing_name.as_deref().unwrap_or(sdk_id);
    w.docs(&format!("{title}: what the client needs to call it."));
    w.open("pub static SERVICE: crate::client::Service = crate::client::Service {");
    w.line(format_args!("title: {},", string(title)));
    w.line(format_args!("sdk_id: {},", string(sdk_id)));
    w.line(format_args!("signing_name: {},", string(signing_name)));
    w.line(format_args!("version: {},", string(&service.version)));
    match &service.endpoint_rules {
        Some(rules) => {
            w.open(format_args!("endpoint_rules: {SOME}("));
            // Only the literal's first line is indented; the rest is its text.
            w.line(format_args!("{},", raw_string(rules)));
            w.close("),");
        }
        None => w.line(format_args!("endpoint_rules: {NONE},")),
    }
    w.close("};");
}

/// The client's constructors, the same for every service.
fn client_constructors(w: &mut Writer) {
    w.open("impl crate::client::Client {");
    w.docs(
        "A client set up as the AWS CLI is: region, endpoint and retries from the\n\
         environment and the profile, credentials from the default chain.\n\n\
         # Errors\n\n\
         When no region is set, or the endpoint rules give no endpoint for it.",
    );
    w.open(format_args!(
        "pub fn from_env() -> {RESULT}<Self, crate::client::ConfigError> {{"
    ));
    w.line("Self::builder().from_env().build()");
    w.close("}");
    w.docs("A builder of a client of the service, with nothing set.");
    w.open("pub fn builder() -> crate::client::ClientBuilder {");
    w.line("crate::client::ClientBuilder::new(&SERVICE)");
    w.close("}");
    w.close("}");
}

/// `text` as a raw string literal, its lines kept, so that a change to the text is a
/// change to its lines; an escaped literal when no raw one can hold it.
fn raw_string(text: &str) -> String {
    let delimiter = "#".repeat(3);
    let closing = format!("\"{delimiter}");
    match text.contains(&closing) {
        false => format!("r{delimiter}\"{text}\"{delimiter}"),
        true => string(text),
    }
}

/// The declaration of `src/service.rs` in `src/lib.rs`.
pub fn lib_rs_module(space: &TypeSpace) -> TokenStream {
    if !has_client(space) {
        return TokenStream::new();
    }
    let feature = CLIENT_FEATURE;
    quote! {
        #[cfg(feature = #feature)]
        #[rustfmt::skip]
        mod service;
    }
}

/// The exports of `src/service.rs` from `src/lib.rs`, in the order rustfmt keeps uses.
pub fn lib_rs_exports(space: &TypeSpace) -> TokenStream {
    if !has_client(space) {
        return TokenStream::new();
    }
    let (feature, dynamic) = (CLIENT_FEATURE, DYNAMIC_FEATURE);
    quote! {
        #[cfg(feature = #dynamic)]
        pub use service::OPERATIONS;
        #[cfg(feature = #feature)]
        pub use service::SERVICE;
    }
}

/// The entry of `op` in `OPERATIONS`.
fn operation_info(w: &mut Writer, space: &TypeSpace, links: &Links, op: &OperationItem) {
    let summary = op
        .docs
        .as_deref()
        .map(|html| plain_summary(&links.markdown(html)))
        .unwrap_or_default();
    w.open("crate::client::OperationInfo {");
    w.line(format_args!("name: {},", string(&op.name)));
    w.line(format_args!(
        "kebab_name: {},",
        string(&op.name.to_kebab_case())
    ));
    w.line(format_args!("summary: {},", string(&summary)));
    let fields = op.input.as_deref().and_then(|name| fields(space, name));
    match fields.unwrap_or_default() {
        [] => w.line("input: &[],"),
        fields => {
            w.open("input: &[");
            for field in fields {
                let values = [
                    format!("name: {}", string(&field.wire_name)),
                    format!("shape: {}", string(&shape_words(&field.ty))),
                    format!("required: {}", field.required),
                ];
                w.fields("crate::client::MemberInfo", &values, ",");
            }
            w.close("],");
        }
    }
    let call = format!("crate::client::call_json::<crate::{}>", op.name);
    w.typed_last("call: ", &call, ",");
    w.close("},");
}

/// A type in words, as a command line's help shows it.
fn shape_words(ty: &RustType) -> String {
    match ty {
        RustType::String => "string".to_owned(),
        RustType::Bool => "boolean".to_owned(),
        RustType::I8 | RustType::I16 | RustType::I32 => "integer".to_owned(),
        RustType::I64 => "long".to_owned(),
        RustType::F32 | RustType::F64 => "double".to_owned(),
        RustType::BigInteger => "big integer".to_owned(),
        RustType::BigDecimal => "big decimal".to_owned(),
        RustType::Blob => "blob (base64)".to_owned(),
        RustType::Timestamp => "timestamp".to_owned(),
        RustType::Document => "document".to_owned(),
        RustType::Named(name) => name.clone(),
        RustType::List { item, .. } => format!("list of {}", shape_words(item)),
        RustType::Map { key, value, .. } => {
            format!("map of {} to {}", shape_words(key), shape_words(value))
        }
    }
}

/// The first sentence of Markdown docs, as plain text on one line.
fn plain_summary(markdown: &str) -> String {
    let sentence = super::fallback::first_sentence(markdown).unwrap_or_default();
    strip_markdown(sentence.lines().next().unwrap_or_default())
}

/// `text` without Markdown's code spans, emphasis and link targets.
fn strip_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' | '*' | '[' | '\\' => {}
            ']' => match chars.peek() {
                Some('(') => skip_past(&mut chars, ')'),
                Some('[') => skip_past(&mut chars, ']'),
                _ => {}
            },
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

fn skip_past(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, end: char) {
    for c in chars.by_ref() {
        if c == end {
            break;
        }
    }
}

/// The `Call` impl of `op`, and its `Paginated` impls when it has them.
pub fn operation_impls(space: &TypeSpace, op: &OperationItem) -> String {
    if !has_client(space) {
        return String::new();
    }
    let mut w = Writer::default();
    let input = op.input.as_deref().and_then(|name| fields(space, name));
    call_impl(&mut w, op, input);
    paginated_impls(&mut w, space, op);
    w.finish()
}

/// The fields of the structure named `name`.
fn fields<'a>(space: &'a TypeSpace, name: &str) -> Option<&'a [Field]> {
    match &space.item_named(name)?.kind {
        ItemKind::Struct { fields, .. } => Some(fields),
        _ => None,
    }
}

fn field<'a>(fields: Option<&'a [Field]>, member: &str) -> Option<&'a Field> {
    fields?.iter().find(|f| f.member == member)
}

fn call_impl(w: &mut Writer, op: &OperationItem, input: Option<&[Field]>) {
    w.line(cfg_feature(CLIENT_FEATURE));
    w.open(format_args!("impl crate::client::Call for {} {{", op.name));
    let retryable: Vec<String> = op
        .errors
        .iter()
        .filter_map(|e| Some(format!("({}, {})", string(&e.code), e.retryable?)))
        .collect();
    if !retryable.is_empty() {
        let head = "const RETRYABLE: &'static [(&'static str, bool)] = &[";
        w.list(head, &retryable, "];");
    }
    if op.gzip {
        w.line("const GZIP: bool = true;");
    }
    w.line("#[inline]");
    w.open("fn read_error(");
    w.line(format_args!("error_type: {OPTION}<&str>,"));
    w.line("body: &[u8],");
    w.reopen(format_args!(
        ") -> {RESULT}<Self::Error, ::serde_json::Error> {{"
    ));
    let read = format!("crate::{}::from_response(error_type, body)", op.error_name);
    w.call(&read, "");
    w.close("}");
    let token = op.idempotency_token.as_deref();
    if let Some(token) = token.and_then(|member| field(input, member)) {
        prepare_fn(w, token);
    }
    if let Some(prefix) = op.host_prefix.as_deref() {
        host_prefix_fn(w, prefix, input);
    }
    w.close("}");
}

/// `prepare`: a fresh token in the `@idempotencyToken` member when it is unset.
fn prepare_fn(w: &mut Writer, token: &Field) {
    let name = &token.name;
    w.open("fn prepare(input: &mut Self::Input, token: fn() -> String) {");
    match token.optional {
        true => {
            w.open(format_args!("if input.{name}.is_none() {{"));
            w.line(format_args!("input.{name} = {SOME}(token());"));
        }
        false => {
            w.open(format_args!("if input.{name}.is_empty() {{"));
            w.line(format_args!("input.{name} = token();"));
        }
    }
    w.close("}");
    w.close("}");
}

/// `host_prefix`: the `@endpoint` host prefix, each `{label}` the input's member.
fn host_prefix_fn(w: &mut Writer, prefix: &str, input: Option<&[Field]>) {
    let mut template = String::new();
    let mut args = Vec::new();
    for (i, part) in prefix.split(['{', '}']).enumerate() {
        match i % 2 {
            0 => template.push_str(&part.replace('{', "{{").replace('}', "}}")),
            _ => {
                template.push_str("{}");
                args.push(label_value(field(input, part)));
            }
        }
    }
    w.open(format_args!(
        "fn host_prefix(input: &Self::Input) -> {OPTION}<{STRING}> {{"
    ));
    if args.is_empty() {
        w.line("let _ = input;");
    }
    args.insert(0, string(&template));
    w.call(&format!("{SOME}(format!({}))", args.join(", ")), "");
    w.close("}");
}

/// The text of a host label's member; empty when the input lacks it.
fn label_value(field: Option<&Field>) -> String {
    match field {
        Some(field) if field.optional => {
            format!("input.{}.as_deref().unwrap_or_default()", field.name)
        }
        Some(field) => format!("input.{}", field.name),
        None => string(""),
    }
}

/// `Paginated` (and `PaginatedItems`) for an operation whose tokens are string members
/// of its input and output; nothing for one whose tokens are not.
fn paginated_impls(w: &mut Writer, space: &TypeSpace, op: &OperationItem) {
    let Some(paginated) = &op.paginated else {
        return;
    };
    let input = op.input.as_deref().and_then(|name| fields(space, name));
    let output = op.output.as_deref().and_then(|name| fields(space, name));
    let string = |fields, member: &Option<String>| {
        field(fields, member.as_deref()?).filter(|f| f.ty == RustType::String)
    };
    let (Some(input_token), Some(output_token)) = (
        string(input, &paginated.input_token),
        string(output, &paginated.output_token),
    ) else {
        return;
    };
    let set = &input_token.name;
    let (set_token, token) = match input_token.optional {
        true => (
            format!("input.{set} = token;"),
            format!("input.{set}.as_deref()"),
        ),
        false => (
            format!("input.{set} = token.unwrap_or_default();"),
            format!("{SOME}(input.{set}.as_str())"),
        ),
    };
    let get = &output_token.name;
    let next = match output_token.optional {
        true => format!("output.{get}.as_deref()"),
        false => format!("{SOME}(output.{get}.as_str())"),
    };
    w.line(cfg_feature(CLIENT_FEATURE));
    w.open(format_args!(
        "impl crate::client::Paginated for {} {{",
        op.name
    ));
    let methods = [
        (
            format!("fn set_token(input: &mut Self::Input, token: {OPTION}<{STRING}>) {{"),
            set_token,
        ),
        (
            format!("fn token(input: &Self::Input) -> {OPTION}<&str> {{"),
            token,
        ),
        (
            format!("fn next_token(output: &Self::Output) -> {OPTION}<&str> {{"),
            next,
        ),
    ];
    for (signature, body) in methods {
        w.line("#[inline]");
        w.open(signature);
        w.line(body);
        w.close("}");
    }
    w.close("}");
    let items = paginated.items.as_deref();
    if let Some(items) = items.and_then(|member| field(output, member)) {
        items_impl(w, &op.name, items);
    }
}

/// `PaginatedItems` for a page whose items are a list member.
fn items_impl(w: &mut Writer, name: &str, items: &Field) {
    let RustType::List { item, sparse } = &items.ty else {
        return;
    };
    let item = inline(super::ty::optional(super::ty::tokens(item), *sparse));
    let take = match items.optional {
        true => format!("output.{}.unwrap_or_default()", items.name),
        false => format!("output.{}", items.name),
    };
    w.line(cfg_feature(CLIENT_FEATURE));
    w.open(format_args!(
        "impl crate::client::PaginatedItems for {name} {{"
    ));
    w.typed("type Item = ", &item, ";");
    w.line("#[inline]");
    w.open(format_args!(
        "fn items(output: Self::Output) -> {VEC}<Self::Item> {{"
    ));
    w.line(take);
    w.close("}");
    w.close("}");
}
