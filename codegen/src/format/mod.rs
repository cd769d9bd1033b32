//! Format: a file's code becomes source text behind a header that names the model and the
//! command that regenerates the file: its token streams through prettyplease (macro
//! calls laid out by [`macro_call`], one member per line), its text as it is.

pub mod code;
pub mod macro_call;

use proc_macro2::TokenStream;

use crate::error::Error;
use crate::GENERATED_MARKER;
use code::{Code, Piece};

/// The comment lines that start every generated Rust file.
pub fn header(model_name: &str, command: &str) -> String {
    format!(
        "{GENERATED_MARKER}\n// Model: {model_name}\n// Regenerate with `{command}`; do not edit by hand.\n\n"
    )
}

/// A file's text behind `header`: its token pieces formatted with prettyplease, its
/// text pieces as they are.
pub fn format(path: &str, code: Code, header: &str) -> Result<String, Error> {
    let mut out = header.to_owned();
    for piece in code.into_pieces() {
        match piece {
            Piece::Tokens(tokens) => out.push_str(&format_tokens(path, tokens)?),
            Piece::Text(text) => out.push_str(&text),
            Piece::Members(tokens) => out.push_str(&format_members(path, tokens)?),
        }
    }
    Ok(out)
}

/// Members of a block laid out by prettyplease as they are inside one: the block is
/// formatted around them, then its first and last lines dropped.
fn format_members(path: &str, tokens: TokenStream) -> Result<String, Error> {
    let block = format_tokens(path, quote::quote!(impl Block { #tokens }))?;
    let inside = block
        .split_once('\n')
        .and_then(|(_, rest)| rest.strip_suffix("}\n"));
    inside.map(str::to_owned).ok_or_else(|| Error::Internal {
        path: path.to_owned(),
        message: format!("prettyplease laid out a block unexpectedly: {block}"),
    })
}

/// Items' tokens laid out by prettyplease, their macro calls by [`macro_call`].
fn format_tokens(path: &str, tokens: TokenStream) -> Result<String, Error> {
    let mut file: syn::File = syn::parse2(tokens).map_err(|err| Error::Internal {
        path: path.to_owned(),
        message: err.to_string(),
    })?;
    let calls = macro_call::take(&mut file);
    let text = prettyplease::unparse(&file);
    Ok(macro_call::put_back(&text, &calls))
}

/// A runtime support file: the header, then the text as written.
pub fn verbatim(text: &str, header: &str) -> String {
    format!("{header}{text}")
}
