//! What the client needs of each operation beyond [`Operation`]: how to read its
//! errors, what to fill in before sending, and how its results are paged. The
//! generator implements these traits for every operation of the model.

use crate::primitives::Operation;
use ::serde::de::DeserializeOwned;
use ::serde::Serialize;

/// An operation the client can call. Generated for every operation.
pub trait Call: Operation<Input: Serialize + Clone, Output: DeserializeOwned> + Copy {
    /// The codes of the modeled errors that the model marks `@retryable`, each with
    /// whether it means throttling.
    const RETRYABLE: &'static [(&'static str, bool)] = &[];

    /// Whether `@requestCompression` asks for the request body to be gzipped (with
    /// the `gzip` feature, which the `client` feature turns on for such services).
    const GZIP: bool = false;

    /// Reads an error response: the `X-Amzn-Errortype` header, if any, and the body.
    ///
    /// # Errors
    ///
    /// When the body of a modeled error is not the JSON that error expects.
    fn read_error(
        error_type: Option<&str>,
        body: &[u8],
    ) -> Result<Self::Error, ::serde_json::Error>;

    /// Fills in what the client sets when the caller leaves it unset: the
    /// `@idempotencyToken` member gets a fresh token from `token`.
    fn prepare(input: &mut Self::Input, token: fn() -> String) {
        let _ = (input, token);
    }

    /// The `@endpoint` host prefix, its host labels filled in from `input`, to put
    /// before the endpoint's host.
    fn host_prefix(input: &Self::Input) -> Option<String> {
        let _ = input;
        None
    }
}

/// A `@paginated` operation whose tokens are strings: how to ask for a page and
/// where the next page's token is. Generated for such operations.
pub trait Paginated: Call {
    /// Sets the input member that takes the token of the page to fetch.
    fn set_token(input: &mut Self::Input, token: Option<String>);

    /// The token `input` asks for, when it has one.
    fn token(input: &Self::Input) -> Option<&str>;

    /// The output member that holds the next page's token, when there is one.
    fn next_token(output: &Self::Output) -> Option<&str>;
}

/// A paginated operation whose pages hold a list of items. Generated for such
/// operations.
pub trait PaginatedItems: Paginated {
    /// One item of a page.
    type Item;

    /// The page's items, in order; none when the page has none.
    fn items(output: Self::Output) -> Vec<Self::Item>;
}

/// A fresh idempotency token: a random (version 4) UUID.
pub fn idempotency_token() -> String {
    let mut bits = fastrand::u128(..);
    bits = (bits & !(0xF << 76)) | (0x4 << 76);
    bits = (bits & !(0x3 << 62)) | (0x2 << 62);
    let hex = format!("{bits:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_tokens_are_version_4_uuids() {
        let token = idempotency_token();
        let groups: Vec<&str> = token.split('-').collect();
        let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        assert_eq!(lengths, [8, 4, 4, 4, 12]);
        assert!(groups[2].starts_with('4'), "{token}");
        assert!(matches!(&groups[3][..1], "8" | "9" | "a" | "b"), "{token}");
        assert_ne!(token, idempotency_token());
    }
}
