//! Operations as types: what a client needs to call each operation over HTTP.

/// One operation of the service. Each operation of the model is a unit type that
/// implements this trait, so a client can be written once for all of them.
pub trait Operation {
    /// What the operation takes; [`Unit`] when the model's input is `Unit`.
    type Input;
    /// What the operation returns; [`Unit`] when the model's output is `Unit`.
    type Output;
    /// Every error the operation can return.
    type Error: ::std::error::Error;

    /// The operation's name in the model.
    const NAME: &'static str;
    /// The `X-Amz-Target` header value, for the awsJson protocols.
    const TARGET: ::std::option::Option<&'static str>;
    /// The `Content-Type` of the request body.
    const CONTENT_TYPE: &'static str;
    /// Whether calling the operation twice has the same effect as calling it once.
    const IDEMPOTENT: bool;
    /// How results are paged, for `@paginated` operations.
    const PAGINATION: ::std::option::Option<Pagination>;
}

/// The input or output of an operation that the model gives none (`Unit`). Its body
/// is still JSON: with serde it is written as `{}`, and read from any body, even one
/// with members the operation does not expect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Unit;

/// The members that page an operation's results, by their names on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pagination {
    /// The input member that takes the token of the page to fetch.
    pub input_token: &'static str,
    /// The output member that holds the token of the next page.
    pub output_token: &'static str,
    /// The input member that limits the page size, if there is one.
    pub page_size: ::std::option::Option<&'static str>,
    /// The output member that holds the page's items, if there is one.
    pub items: ::std::option::Option<&'static str>,
}
