//! Request compression: the bodies of operations that `@requestCompression` marks are
//! gzipped, with the `gzip` feature, once they reach a minimum size.

/// The smallest body that is compressed unless the client says otherwise, as in the
/// AWS SDKs.
pub(crate) const DEFAULT_MIN_SIZE: usize = 10_240;

/// The largest minimum size a client accepts, as in the AWS SDKs.
pub(crate) const MAX_MIN_SIZE: usize = 10_485_760;

/// `body`, gzipped when the operation asks for it (`wanted`), the client allows it
/// (`min_size` is `Some`) and the body is at least that large; with the
/// `Content-Encoding` to send.
pub(crate) fn compress(
    body: Vec<u8>,
    wanted: bool,
    min_size: Option<usize>,
) -> (Vec<u8>, Option<&'static str>) {
    match min_size {
        Some(min) if wanted && body.len() >= min => gzip(body),
        _ => (body, None),
    }
}

#[cfg(feature = "gzip")]
fn gzip(body: Vec<u8>) -> (Vec<u8>, Option<&'static str>) {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail; if it ever did, the body goes uncompressed.
    match encoder.write_all(&body).and_then(|()| encoder.finish()) {
        Ok(compressed) => (compressed, Some("gzip")),
        Err(_) => (body, None),
    }
}

#[cfg(not(feature = "gzip"))]
fn gzip(body: Vec<u8>) -> (Vec<u8>, Option<&'static str>) {
    (body, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn large_bodies_of_operations_that_ask_are_gzipped() {
        let body = vec![b'a'; DEFAULT_MIN_SIZE];
        let (compressed, encoding) = compress(body.clone(), true, Some(DEFAULT_MIN_SIZE));
        assert_eq!(encoding, Some("gzip"));
        let mut read = Vec::new();
        flate2::read::GzDecoder::new(&compressed[..])
            .read_to_end(&mut read)
            .unwrap();
        assert_eq!(read, body);
    }

    #[test]
    fn small_bodies_others_and_disabled_clients_are_left_alone() {
        let small = vec![b'a'; DEFAULT_MIN_SIZE - 1];
        assert_eq!(
            compress(small.clone(), true, Some(DEFAULT_MIN_SIZE)),
            (small, None)
        );
        let large = vec![b'a'; DEFAULT_MIN_SIZE];
        assert_eq!(
            compress(large.clone(), false, Some(0)),
            (large.clone(), None)
        );
        assert_eq!(compress(large.clone(), true, None), (large, None));
    }
}
