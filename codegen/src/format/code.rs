//! A file's code as emit hands it to format: token streams, which syn parses and
//! prettyplease lays out, and text that an emitter laid out itself. Items whose layout
//! the emitter knows (definitions, statement lists, macro calls, the SDK conversions)
//! are written as text, which spares the parse: it is most of what the generator would
//! otherwise spend.

use proc_macro2::TokenStream;

/// The code of one file, in order.
#[derive(Default)]
pub struct Code {
    pieces: Vec<Piece>,
    /// The names that the text pieces declare, which the file takes (see
    /// `emit/paths.rs`); token pieces are read for theirs.
    declared: Vec<String>,
}

/// A run of code of one kind.
pub enum Piece {
    /// Items for prettyplease.
    Tokens(TokenStream),
    /// Items as they are to be written, each line ended.
    Text(String),
    /// Items of an `impl` or `trait` block for prettyplease, inside a block that text
    /// opens and closes: laid out one level deep, as in the block.
    Members(TokenStream),
}

impl Code {
    /// Appends items to lay out with prettyplease.
    pub fn tokens(&mut self, tokens: TokenStream) {
        if tokens.is_empty() {
            return;
        }
        match self.pieces.last_mut() {
            Some(Piece::Tokens(last)) => last.extend(tokens),
            _ => self.pieces.push(Piece::Tokens(tokens)),
        }
    }

    /// Appends items already laid out.
    pub fn text(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        match self.pieces.last_mut() {
            Some(Piece::Text(last)) => last.push_str(&text),
            _ => self.pieces.push(Piece::Text(text)),
        }
    }

    /// Appends members of the block that the text so far opens, to lay out with
    /// prettyplease.
    pub fn members(&mut self, tokens: TokenStream) {
        if !tokens.is_empty() {
            self.pieces.push(Piece::Members(tokens));
        }
    }

    /// Records that a text piece declares `name`.
    pub fn declare(&mut self, name: &str) {
        self.declared.push(name.to_owned());
    }

    /// The names that the text pieces declare.
    pub fn declared(&self) -> &[String] {
        &self.declared
    }

    /// The token pieces at file scope, in order.
    pub fn token_pieces(&self) -> impl Iterator<Item = &TokenStream> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Tokens(tokens) => Some(tokens),
            Piece::Text(_) | Piece::Members(_) => None,
        })
    }

    /// The pieces, in order.
    pub fn into_pieces(self) -> Vec<Piece> {
        self.pieces
    }
}

impl From<TokenStream> for Code {
    fn from(tokens: TokenStream) -> Self {
        let mut code = Code::default();
        code.tokens(tokens);
        code
    }
}
