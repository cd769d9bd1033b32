//! The crate root, the module indexes, the runtime support files and, for standalone
//! crates, `Cargo.toml`.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{self, Links};
use super::ty::ident;
use super::CodeFile;
use crate::typespace::{ItemKind, JsonProtocol, RustType, TypeSpace};

/// One runtime support module, copied verbatim into `src/primitives/`.
struct Runtime {
    /// The module's name.
    stem: &'static str,
    files: Files,
    /// What the module exports, re-exported from `primitives` and the crate root.
    exports: &'static [&'static str],
    /// The cargo feature the module is compiled with; `None` for always.
    feature: Option<&'static str>,
    /// Whether only crates of JSON protocols get the module.
    json_only: bool,
    /// Whether only crates of the awsJson protocols get the module.
    aws_json_only: bool,
    /// Whether the module itself is public, at `primitives::<stem>` and the crate root.
    public: bool,
}

/// The text of a runtime module: one file, `<stem>.rs`, or a folder, `<stem>/`, of
/// named files, `mod.rs` first.
enum Files {
    One(&'static str),
    Folder(&'static [(&'static str, &'static str)]),
}

impl Runtime {
    /// A module of one file that every crate gets and always compiles.
    const fn always(
        stem: &'static str,
        text: &'static str,
        exports: &'static [&'static str],
    ) -> Self {
        Runtime::folder(stem, Files::One(text), exports)
    }

    /// A module of one or more files that every crate gets and always compiles.
    const fn folder(stem: &'static str, files: Files, exports: &'static [&'static str]) -> Self {
        Runtime {
            stem,
            files,
            exports,
            feature: None,
            json_only: false,
            aws_json_only: false,
            public: false,
        }
    }

    /// A module compiled only with the cargo feature `feature`.
    const fn with(self, feature: &'static str) -> Self {
        Runtime {
            feature: Some(feature),
            ..self
        }
    }

    /// A module only crates of JSON protocols get.
    const fn json_only(self) -> Self {
        Runtime {
            json_only: true,
            ..self
        }
    }

    /// A module only crates of the awsJson protocols get.
    const fn aws_json_only(self) -> Self {
        Runtime {
            aws_json_only: true,
            ..self
        }
    }

    /// Whether a crate of `json` (`None`: not a JSON protocol) gets the module.
    fn is_for(&self, json: Option<JsonProtocol>) -> bool {
        let aws_json = matches!(
            json,
            Some(JsonProtocol::AwsJson1_0 | JsonProtocol::AwsJson1_1)
        );
        (json.is_some() || !self.json_only) && (aws_json || !self.aws_json_only)
    }

    /// A module users reach by its path, not only through its exports.
    const fn public(self) -> Self {
        Runtime {
            public: true,
            ..self
        }
    }

    /// The module's files, tests included: path under `src/primitives/` and text.
    fn files(&self) -> Vec<(String, &'static str)> {
        match self.files {
            Files::One(text) => vec![(format!("{}.rs", self.stem), text)],
            Files::Folder(files) => files
                .iter()
                .map(|(name, text)| (format!("{}/{name}", self.stem), *text))
                .collect(),
        }
    }

    /// The `cfg` attribute of the module, if it has a feature.
    fn cfg(&self) -> Option<TokenStream> {
        self.feature
            .map(|feature| quote!(#[cfg(feature = #feature)]))
    }
}

/// The runtime support files, in the order `src/primitives/mod.rs` declares them.
const RUNTIME: &[Runtime] = &[
    Runtime::always(
        "big_number",
        include_str!("../../runtime/big_number.rs"),
        &["BigDecimal", "BigInteger", "ParseBigNumberError"],
    ),
    Runtime::always(
        "build",
        include_str!("../../runtime/build.rs"),
        &["BuildError"],
    ),
    Runtime::always(
        "document",
        include_str!("../../runtime/document.rs"),
        &["Document", "Number"],
    ),
    Runtime::always(
        "operation",
        include_str!("../../runtime/operation.rs"),
        &["Operation", "Pagination", "Unit"],
    ),
    Runtime::always(
        "timestamp",
        include_str!("../../runtime/timestamp.rs"),
        &["Timestamp", "TimestampError"],
    ),
    Runtime::always(
        "unknown",
        include_str!("../../runtime/unknown.rs"),
        &["UnhandledError", "UnknownValue"],
    ),
    Runtime::always(
        "validate",
        include_str!("../../runtime/validate.rs"),
        &[
            "Bounds",
            "Constraint",
            "Pattern",
            "Validate",
            "ValidationError",
            "Validator",
            "Violation",
        ],
    )
    .with(super::validate::FEATURE),
    // serde for the body format.
    Runtime::always(
        "timestamp_text",
        include_str!("../../runtime/timestamp_text.rs"),
        &[],
    )
    .with(super::wire::FEATURE)
    .json_only(),
    Runtime::folder(
        "wire",
        Files::Folder(&[
            ("mod.rs", include_str!("../../runtime/wire/mod.rs")),
            ("blob.rs", include_str!("../../runtime/wire/blob.rs")),
            (
                "collection.rs",
                include_str!("../../runtime/wire/collection.rs"),
            ),
            (
                "document.rs",
                include_str!("../../runtime/wire/document.rs"),
            ),
            ("error.rs", include_str!("../../runtime/wire/error.rs")),
            ("float.rs", include_str!("../../runtime/wire/float.rs")),
            ("macros.rs", include_str!("../../runtime/wire/macros.rs")),
            ("member.rs", include_str!("../../runtime/wire/member.rs")),
            ("number.rs", include_str!("../../runtime/wire/number.rs")),
            ("time.rs", include_str!("../../runtime/wire/time.rs")),
        ]),
        &[],
    )
    .with(super::wire::FEATURE)
    .json_only(),
    Runtime::always("body", include_str!("../../runtime/body.rs"), &["JsonBody"])
        .with(super::wire::FEATURE)
        .json_only(),
    // The `Arbitrary` impls' macros and strategies.
    Runtime::always("arbitrary", include_str!("../../runtime/arbitrary.rs"), &[])
        .with(super::arbitrary::FEATURE),
    // The client: signing, endpoints, credentials, retries, transport.
    Runtime::folder("client", Files::Folder(CLIENT), &[])
        .with(CLIENT_FEATURE)
        .json_only()
        .aws_json_only()
        .public(),
];

/// The cargo feature of the client.
pub const CLIENT_FEATURE: &str = "client";

/// The cargo feature of the operations by name (`OPERATIONS`), for tools such as a
/// command line: every operation's JSON call is compiled, which a client user who calls
/// a few operations need not pay for.
pub const DYNAMIC_FEATURE: &str = "dynamic";

/// The client's files, `mod.rs` first.
const CLIENT: &[(&str, &str)] = &[
    ("mod.rs", include_str!("../../runtime/client/mod.rs")),
    ("call.rs", include_str!("../../runtime/client/call.rs")),
    ("calls.rs", include_str!("../../runtime/client/calls.rs")),
    (
        "compress.rs",
        include_str!("../../runtime/client/compress.rs"),
    ),
    ("config.rs", include_str!("../../runtime/client/config.rs")),
    (
        "dynamic.rs",
        include_str!("../../runtime/client/dynamic.rs"),
    ),
    ("error.rs", include_str!("../../runtime/client/error.rs")),
    ("pages.rs", include_str!("../../runtime/client/pages.rs")),
    ("send.rs", include_str!("../../runtime/client/send.rs")),
    (
        "service.rs",
        include_str!("../../runtime/client/service.rs"),
    ),
    (
        "credentials/mod.rs",
        include_str!("../../runtime/client/credentials/mod.rs"),
    ),
    (
        "credentials/chain.rs",
        include_str!("../../runtime/client/credentials/chain.rs"),
    ),
    (
        "credentials/container.rs",
        include_str!("../../runtime/client/credentials/container.rs"),
    ),
    (
        "credentials/env.rs",
        include_str!("../../runtime/client/credentials/env.rs"),
    ),
    (
        "credentials/imds.rs",
        include_str!("../../runtime/client/credentials/imds.rs"),
    ),
    (
        "credentials/process.rs",
        include_str!("../../runtime/client/credentials/process.rs"),
    ),
    (
        "credentials/profile.rs",
        include_str!("../../runtime/client/credentials/profile.rs"),
    ),
    (
        "endpoint/mod.rs",
        include_str!("../../runtime/client/endpoint/mod.rs"),
    ),
    (
        "endpoint/eval.rs",
        include_str!("../../runtime/client/endpoint/eval.rs"),
    ),
    (
        "endpoint/functions.rs",
        include_str!("../../runtime/client/endpoint/functions.rs"),
    ),
    (
        "endpoint/params.rs",
        include_str!("../../runtime/client/endpoint/params.rs"),
    ),
    (
        "endpoint/partitions.rs",
        include_str!("../../runtime/client/endpoint/partitions.rs"),
    ),
    (
        "endpoint/partitions.json",
        include_str!("../../runtime/client/endpoint/partitions.json"),
    ),
    (
        "endpoint/rules.rs",
        include_str!("../../runtime/client/endpoint/rules.rs"),
    ),
    ("retry.rs", include_str!("../../runtime/client/retry.rs")),
    ("sigv4.rs", include_str!("../../runtime/client/sigv4.rs")),
    (
        "transport.rs",
        include_str!("../../runtime/client/transport.rs"),
    ),
];

/// The runtime files a crate of the JSON protocol `json`, or of another (`None`), gets.
fn runtime(json: Option<JsonProtocol>) -> impl Iterator<Item = &'static Runtime> {
    RUNTIME.iter().filter(move |file| file.is_for(json))
}

/// The runtime files a crate gets, without their unit tests (the workspace's `runtime`
/// crate runs those): path under `src/primitives/` and text.
pub fn runtime_files(json: Option<JsonProtocol>) -> Vec<(String, &'static str)> {
    runtime(json)
        .flat_map(Runtime::files)
        .map(|(path, text)| (path, without_tests(text)))
        .collect()
}

/// Where a runtime file's unit tests start: the `#[cfg(test)] mod tests` that closes
/// every runtime file that has one.
const TESTS_START: &str = "\n#[cfg(test)]\nmod tests {";

/// A runtime file without its closing test module.
fn without_tests(text: &'static str) -> &'static str {
    let Some(at) = text.find(TESTS_START) else {
        return text;
    };
    // Keep the code's own last newline, not the blank line before the tests.
    let end = text[..at].trim_end().len();
    &text[..=end]
}

/// The `Content-Type` of request bodies under the service's protocol.
pub fn content_type(space: &TypeSpace) -> &'static str {
    if let Some(json) = space.json {
        return json.content_type();
    }
    match space.service.protocol.as_deref() {
        Some("aws.protocols#restXml") => "application/xml",
        Some("aws.protocols#awsQuery" | "aws.protocols#ec2Query") => {
            "application/x-www-form-urlencoded"
        }
        _ => "application/json",
    }
}

/// `src/lib.rs`: crate docs from the service, modules and re-exports.
pub fn lib_rs(
    space: &TypeSpace,
    links: &Links,
    crate_name: &str,
    example: Option<&str>,
) -> CodeFile {
    let docs = docs::inner_attrs(&crate_docs(space, links, crate_name, example));
    let public = runtime(space.json).filter(|file| file.public).map(|file| {
        let (module, cfg) = (ident(file.stem), file.cfg());
        quote!(#cfg pub use primitives::#module;)
    });
    let mut exports: Vec<(&str, &Runtime)> = runtime(space.json)
        .flat_map(|file| file.exports.iter().map(move |name| (*name, file)))
        .filter(|(name, _)| !space.by_name.contains_key(*name))
        .collect();
    exports.sort_unstable_by_key(|(name, _)| *name);
    let runtime = exports.into_iter().map(|(name, file)| {
        let (name, cfg) = (ident(name), file.cfg());
        quote!(#cfg pub use primitives::#name;)
    });
    let validate = super::validate::FEATURE;
    let interop = super::interop::lib_rs_items(space);
    let client = super::client::lib_rs_module(space);
    let client_exports = super::client::lib_rs_exports(space);
    let has_patterns = space.patterns.values().any(|p| p.regex.is_ok());
    // A model of operations alone (every input and output `Unit`) has no types to export.
    let types = (!space.items.is_empty()).then(|| {
        quote!(
            pub use types::*;
        )
    });
    let patterns = has_patterns.then(|| {
        quote! {
            #[cfg(feature = #validate)]
            #[rustfmt::skip]
            mod patterns;
        }
    });
    let tokens = quote! {
        #docs
        #![deny(missing_docs)]
        #![forbid(unsafe_code)]
        // The model deprecates some items; generated code still has to use them.
        #![allow(deprecated)]

        // The modules are formatted by the generator, with prettyplease; rustfmt keeps out.
        #[rustfmt::skip]
        pub mod builders;
        #[rustfmt::skip]
        mod operations;
        #[rustfmt::skip]
        pub mod primitives;
        #[rustfmt::skip]
        mod types;
        #patterns
        #interop
        #client

        pub use operations::*;
        #(#public)*
        #(#runtime)*
        #client_exports
        #types
    };
    CodeFile {
        path: "src/lib.rs".to_owned(),
        code: tokens.into(),
    }
}

fn crate_docs(space: &TypeSpace, links: &Links, crate_name: &str, example: Option<&str>) -> String {
    let service = &space.service;
    let body = docs::item_docs(links, service.docs.as_deref(), "");
    let protocol = service.protocol.as_deref().unwrap_or("none");
    let first_op = space
        .operations
        .values()
        .next()
        .map_or("", |op| op.name.as_str());
    let mut docs = format!(
        "Rust types for {title}, generated from its Smithy model.\n\n\
         {body}\n\n\
         | | |\n|---|---|\n\
         | Service | `{id}` |\n\
         | API version | `{version}` |\n\
         | Protocol | `{protocol}` |\n\
         | Operations | {ops} |\n\
         | Types | {types} |\n\n\
         Every type is at the crate root under its model name. Each operation has a type\n\
         that implements [`primitives::Operation`] and an error enum\n\
         named after it, such as `{first_op}Error`.\n\n\
         Every structure has a builder in [`builders`]: `Foo::builder()` gives a\n\
         `FooBuilder` whose `build()` names every required member left unset.\n\n",
        title = service.title,
        id = service.id,
        version = service.version,
        ops = space.operations.len(),
        types = space.items.len(),
    );
    docs.push_str(&serde_docs(space));
    docs.push_str(&validation_docs(space));
    docs.push_str(&feature_docs(space));
    if let Some(example) = example.and_then(|name| example_docs(space, crate_name, name)) {
        docs.push_str(&example);
    }
    docs.push_str(&format!(
        "The crate `{crate_name}` is generated; do not edit it by hand."
    ));
    docs
}

fn serde_docs(space: &TypeSpace) -> String {
    match space.json {
        Some(_) => format!(
            "With the `{}` feature, every type implements serde's `Serialize` and \
             `Deserialize` exactly as the service puts it in a JSON body: member names as in \
             the model, timestamps as epoch seconds, blobs as base64, unknown enum values \
             and union members kept. No proc-macro is involved.\n\n",
            super::wire::FEATURE
        ),
        None => "The service's protocol is not JSON-based, so the types have no serde impls: \
                 a JSON form would look right and be wrong on the wire.\n\n"
            .to_owned(),
    }
}

fn validation_docs(space: &TypeSpace) -> String {
    let unchecked = match space.warnings.len() {
        0 => String::new(),
        n => format!(
            " {n} pattern use(s) need look-around, which `regex-lite` lacks; the members' \
             docs say so, and `validate()` skips those patterns."
        ),
    };
    format!(
        "With the `{}` feature, on by default, every structure, union and enum has \
         `validate()`, which checks a value and \
         everything inside it against the model's constraints (`@required`, `@length`, \
         `@range`, `@pattern`, `@uniqueItems`, known enum values) and returns every \
         [`primitives::Violation`], each with its path, such as \
         `Outer.Items[0].Name`. Patterns are matched with `regex-lite`.{unchecked}\n\n",
        super::validate::FEATURE
    )
}

/// The crate's cargo features; only `validate` is on by default.
fn feature_docs(space: &TypeSpace) -> String {
    let serde = super::wire::FEATURE;
    let mut features = vec![format!(
        "- `{}` (on by default): `validate()` on every type and `build_validated()` on \
         every builder; it adds regex-lite. Without it the crate has no dependencies.",
        super::validate::FEATURE
    )];
    if space.json.is_some() {
        features.push(format!(
            "- `{serde}`: `Serialize` and `Deserialize` for every type, \
             `primitives::JsonBody` to write an operation's request body and read its \
             response body, and `from_response` on every operation's error enum; it adds \
             serde and serde_json. Without it, the \
             types, their builders and `validate()` build without either."
        ));
    }
    let round_trip = match space.json {
        Some(_) => format!(
            " With it and `{serde}`, `tests/roundtrip.rs` also writes and reads back \
             hundreds of drawn values of every type."
        ),
        None => String::new(),
    };
    features.push(format!(
        "- `{}`: implements `arbitrary::Arbitrary` for every type, for property tests \
         and fuzzing, through `macro_rules!` macros, so no proc-macro is built.\
         {round_trip}",
        super::arbitrary::FEATURE
    ));
    features.push(
        "- `chrono`, `jiff`: conversions between `Timestamp` and those crates' instants."
            .to_owned(),
    );
    if !super::interop::dependencies(space).is_empty() {
        features.push(format!(
            "- `{}`: conversions to and from the types of the service's AWS SDK crate.",
            super::interop::FEATURE
        ));
    }
    format!("# Cargo features\n\n{}\n\n", features.join("\n"))
}

/// A doctest that parses a sample output body of `operation` and reads a member of it;
/// `None` unless the output has serde impls.
fn example_docs(space: &TypeSpace, crate_name: &str, operation: &str) -> Option<String> {
    let op = space.operation_named(operation)?;
    let output = op.output.as_deref()?;
    if !super::wire::readable(space, output) {
        return None;
    }
    let ItemKind::Struct { fields, .. } = &space.item_named(output)?.kind else {
        return None;
    };
    let field = fields
        .iter()
        .find(|f| matches!(f.ty, RustType::Named(_)))
        .or(fields.first())?;
    let sample = super::example::Samples::new(space).body(output)?;
    let body = serde_json::to_string_pretty(&sample).ok()?;
    let krate = crate_name.replace('-', "_");
    let (field_name, member) = (&field.name, &field.wire_name);
    // A local variable cannot be a raw identifier inside `println!`'s format string.
    let name = match field_name.strip_prefix("r#") {
        Some(bare) => format!("{bare}_"),
        None => field_name.clone(),
    };
    let read = match field.optional {
        true => {
            format!("let {name} = output.{field_name}.as_ref().expect(\"the body has {member}\");")
        }
        false => format!("let {name} = &output.{field_name};"),
    };
    let code = format!(
        "use {krate}::{output};\n\n\
         let body = r#\"{body}\"#;\n\
         let output: {output} = serde_json::from_str(body)?;\n\
         {read}\n\
         println!(\"{{{name}:?}}\");\n"
    );
    Some(format!(
        "# Example\n\n\
         Parse a `{operation}` response body and read its `{member}` (with the `{feature}` \
         feature):\n\n\
         {doctest}\n\n",
        feature = super::wire::FEATURE,
        doctest = super::wire::doctest(&code),
    ))
}

/// `src/types/mod.rs`: one private module per item, re-exported.
pub fn types_index(space: &TypeSpace) -> CodeFile {
    let entries = space
        .items
        .values()
        .map(|item| (item.module.as_str(), item.name.as_str()));
    // The builders module re-exports each structure's builder from its file.
    index(
        "src/types/mod.rs",
        " The model's structures, unions and enums, one file each.",
        quote!(pub(crate)),
        entries,
    )
}

/// `src/operations/mod.rs`: one private module per operation, re-exported.
pub fn operations_index(space: &TypeSpace) -> CodeFile {
    let mut entries = Vec::new();
    for op in space.operations.values() {
        entries.push((op.module.as_str(), op.name.as_str()));
        entries.push((op.module.as_str(), op.error_name.as_str()));
    }
    index(
        "src/operations/mod.rs",
        " The service's operations and their error enums, one file each.",
        TokenStream::new(),
        entries.into_iter(),
    )
}

fn index<'a>(
    path: &str,
    doc: &str,
    visibility: TokenStream,
    entries: impl Iterator<Item = (&'a str, &'a str)>,
) -> CodeFile {
    let mut modules = Vec::new();
    let mut uses = Vec::new();
    for (module, name) in entries {
        let module = ident(module);
        if modules.last().map(|m: &TokenStream| m.to_string()) != Some(quote!(#module).to_string())
        {
            modules.push(quote!(#module));
        }
        let name = ident(name);
        uses.push(quote!(pub use #module::#name;));
    }
    CodeFile {
        path: path.to_owned(),
        code: quote! {
            #![doc = #doc]
            #(#visibility mod #modules;)*
            #(#uses)*
        }
        .into(),
    }
}

/// `src/primitives/mod.rs`: the runtime support modules.
pub fn primitives_index(json: Option<JsonProtocol>) -> CodeFile {
    let modules = runtime(json).map(|file| {
        let (module, cfg) = (ident(file.stem), file.cfg());
        let names = file.exports.iter().map(|n| ident(n));
        let exports =
            (!file.exports.is_empty()).then(|| quote!(#cfg pub use #module::{#(#names),*};));
        let visibility = match file.public {
            true => quote!(pub),
            false => quote!(pub(crate)),
        };
        quote! {
            #cfg
            #visibility mod #module;
            #exports
        }
    });
    CodeFile {
        path: "src/primitives/mod.rs".to_owned(),
        code: quote! {
            //! Types that the model's simple shapes map to, the values the model does not
            //! name, operations as types, and the error of structure builders.
            #(#modules)*
        }
        .into(),
    }
}

/// The dependencies and features of the JSON protocols: serde and serde_json for the
/// body format, and for the awsJson protocols the client's.
fn wire_dependencies(json: Option<JsonProtocol>, gzip: bool) -> (String, String) {
    let wire = super::wire::FEATURE;
    let mut dependencies = String::from(
        "serde = { version = \"1.0.229\", default-features = false, features = [\"std\"], optional = true }\n\
         serde_json = { version = \"1.0.154\", features = [\"float_roundtrip\"], optional = true }\n",
    );
    let mut features = format!("{wire} = [\"dep:serde\", \"dep:serde_json\"]\n");
    match json {
        None => return (String::new(), String::new()),
        Some(JsonProtocol::RestJson1) => {}
        Some(JsonProtocol::AwsJson1_0 | JsonProtocol::AwsJson1_1) => {
            dependencies.push_str(
                "fastrand = { version = \"2.5.0\", optional = true }\n\
                 hmac = { version = \"0.12.1\", optional = true }\n\
                 http = { version = \"1.5.0\", optional = true }\n\
                 sha2 = { version = \"0.10.9\", optional = true }\n\
                 ureq = { version = \"3.5.2\", default-features = false, features = [\"rustls\"], optional = true }\n\
                 flate2 = { version = \"1.1.11\", optional = true }\n",
            );
            let gzip = if gzip { ", \"gzip\"" } else { "" };
            features.push_str(&format!(
                "{CLIENT_FEATURE} = [\"{wire}\", \"dep:fastrand\", \"dep:hmac\", \"dep:http\", \"dep:regex-lite\", \"dep:sha2\"{gzip}]\n\
                 blocking = [\"{CLIENT_FEATURE}\", \"dep:ureq\"]\n\
                 {DYNAMIC_FEATURE} = [\"{CLIENT_FEATURE}\"]\n\
                 gzip = [\"dep:flate2\"]\n"
            ));
        }
    }
    (dependencies, features)
}

/// `Cargo.toml` for a standalone crate: regex-lite for the `validate` feature, the only
/// one on by default; for JSON protocols serde (without its derive) and serde_json
/// behind the `serde` feature; timestamp conversions and `arbitrary` behind features.
pub fn cargo_toml(crate_name: &str, space: &TypeSpace, sdk: &[String], header: &str) -> String {
    let title = &space.service.title;
    let sdk_dependencies: String = sdk
        .iter()
        .map(|name| match name.starts_with("aws-sdk-") {
            true => format!(
                "{name} = {{ version = \"1\", default-features = false, optional = true }}\n"
            ),
            false => format!("{name} = {{ version = \"1\", optional = true }}\n"),
        })
        .collect();
    let sdk_feature = match sdk.is_empty() {
        true => String::new(),
        false => {
            let deps: Vec<String> = sdk.iter().map(|name| format!("\"dep:{name}\"")).collect();
            format!("{} = [{}]\n", super::interop::FEATURE, deps.join(", "))
        }
    };
    let (serde, serde_feature) = wire_dependencies(space.json, super::client::uses_gzip(space));
    format!(
        "{header}\
[package]
name = \"{crate_name}\"
version = \"0.1.0\"
edition = \"2021\"
rust-version = \"1.85\"
description = \"Rust types for {title}, generated from its Smithy model.\"
publish = false

[dependencies]
chrono = {{ version = \"0.4.45\", default-features = false, optional = true }}
jiff = {{ version = \"1.0.2\", default-features = false, optional = true }}
arbitrary = {{ version = \"1.5.0\", optional = true }}
regex-lite = {{ version = \"0.1.9\", optional = true }}
{serde}{sdk_dependencies}
[features]
default = [\"validate\"]
validate = [\"dep:regex-lite\"]
chrono = [\"dep:chrono\"]
jiff = [\"dep:jiff\"]
arbitrary = [\"dep:arbitrary\"]
{serde_feature}{sdk_feature}
# A crate of its own, even when generated inside another workspace.
[workspace]
",
        title = title.replace('"', "'"),
    )
}

#[cfg(test)]
mod tests {
    use super::{runtime, runtime_files, Runtime, RUNTIME};
    use crate::typespace::JsonProtocol;

    fn is_test_module(item: &syn::Item) -> bool {
        let syn::Item::Mod(module) = item else {
            return false;
        };
        let cfg_test = module.attrs.iter().any(|a| {
            a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test")
        });
        cfg_test && module.ident == "tests"
    }

    /// Each runtime file's tests are its last item, so cutting there leaves all of its
    /// code and none of its tests.
    #[test]
    fn runtime_files_lose_exactly_their_test_module() {
        let full: Vec<_> = runtime(Some(JsonProtocol::AwsJson1_1))
            .flat_map(Runtime::files)
            .collect();
        let bare = runtime_files(Some(JsonProtocol::AwsJson1_1));
        let rust = |((stem, _), _): &(&(String, &str), &(String, &str))| stem.ends_with(".rs");
        for ((stem, full), (_, bare)) in full.iter().zip(&bare).filter(rust) {
            let full = syn::parse_file(full).unwrap_or_else(|e| panic!("{stem}: {e}"));
            let bare_file = syn::parse_file(bare).unwrap_or_else(|e| panic!("{stem}: {e}"));
            let tests = full.items.iter().filter(|i| is_test_module(i)).count();
            assert!(tests <= 1, "{stem}");
            if tests == 1 {
                assert!(
                    is_test_module(full.items.last().unwrap()),
                    "{stem}: tests not last"
                );
            }
            assert_eq!(bare_file.items.len() + tests, full.items.len(), "{stem}");
            assert!(!bare_file.items.iter().any(is_test_module), "{stem}");
            assert!(bare.ends_with('\n') && !bare.ends_with("\n\n"), "{stem}");
        }
    }

    /// The workspace's `runtime` crate compiles every runtime module from its source, at
    /// the path and with the exports that a generated crate gives it.
    #[test]
    fn runtime_crate_declares_every_runtime_module() {
        // Compared without whitespace and trailing commas, which rustfmt decides.
        let bare = |text: &str| {
            text.split_whitespace()
                .collect::<String>()
                .replace(",}", "}")
        };
        let index = bare(include_str!("../../../runtime/src/primitives/mod.rs"));
        for module in RUNTIME {
            let (path, _) = module.files().swap_remove(0);
            let stem = module.stem;
            let visibility = if module.public { "pub" } else { "pub(crate)" };
            let declaration =
                format!("#[path = \"../../../codegen/runtime/{path}\"] {visibility} mod {stem};");
            assert!(index.contains(&bare(&declaration)), "{declaration}");
            let exports = match module.exports {
                [] => continue,
                [one] => format!("pub use {stem}::{one};"),
                many => format!("pub use {stem}::{{{}}};", many.join(", ")),
            };
            assert!(index.contains(&bare(&exports)), "{exports}");
        }
        let modules = index.matches("pub(crate)mod").count() + index.matches("]pubmod").count();
        assert_eq!(modules, RUNTIME.len());
    }
}
