//! Blobs as base64 strings.

use super::Codec;
use ::core::fmt;
use ::serde::de::{self, Unexpected, Visitor};
use ::serde::{Deserializer, Serializer};

/// Bytes (`Vec<u8>`) as a base64 string.
pub(crate) struct Blob;

impl Codec<Vec<u8>> for Blob {
    fn serialize<S: Serializer>(value: &Vec<u8>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64_encode(value))
    }

    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        deserializer.deserialize_str(BlobVisitor)
    }
}

/// Reads a base64 string.
struct BlobVisitor;

impl Visitor<'_> for BlobVisitor {
    type Value = Vec<u8>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a base64 string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Vec<u8>, E> {
        base64_decode(value).ok_or_else(|| E::invalid_value(Unexpected::Str(value), &self))
    }
}

/// The standard base64 alphabet (RFC 4648, section 4).
const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Encodes `bytes` as base64 with the standard alphabet and `=` padding.
fn base64_encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        // The chunk's bytes, most significant first, in the low 24 bits.
        let bits = chunk
            .iter()
            .enumerate()
            .fold(0_u32, |bits, (index, &byte)| {
                bits | u32::from(byte) << (16 - 8 * index)
            });
        // n bytes carry 8n bits, which need n + 1 sextets.
        for index in 0..4 {
            if index <= chunk.len() {
                let sextet = (bits >> (18 - 6 * index)) & 0x3f;
                text.push(char::from(BASE64_ALPHABET[sextet as usize]));
            } else {
                text.push('=');
            }
        }
    }
    text
}

/// Decodes standard base64, with or without `=` padding. Returns `None` for
/// any other character, misplaced padding or an impossible length.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let mut digits = text.as_bytes();
    if digits.len() % 4 == 0 {
        digits = digits
            .strip_suffix(b"==")
            .or_else(|| digits.strip_suffix(b"="))
            .unwrap_or(digits);
    }
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut bits = 0_u32;
        for (index, &digit) in chunk.iter().enumerate() {
            bits |= base64_sextet(digit)? << (18 - 6 * index);
        }
        // k digits carry 6k bits: k - 1 whole bytes.
        bytes.extend_from_slice(&bits.to_be_bytes()[1..chunk.len()]);
    }
    Some(bytes)
}

/// The value of one base64 digit.
fn base64_sextet(digit: u8) -> Option<u32> {
    let value = match digit {
        b'A'..=b'Z' => digit - b'A',
        b'a'..=b'z' => digit - b'a' + 26,
        b'0'..=b'9' => digit - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::primitives::wire::tests::*;

    #[test]
    fn blobs_are_base64_both_ways() {
        let cases: [(&[u8], &str); 7] = [
            (b"", ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"binary-value", "YmluYXJ5LXZhbHVl"),
            (&[0xfb, 0xff, 0xbf], "+/+/"),
        ];
        for (bytes, text) in cases {
            assert_eq!(
                write::<Vec<u8>, Blob>(&bytes.to_vec()),
                format!("\"{text}\"")
            );
            assert_eq!(
                read::<Vec<u8>, Blob>(&format!("\"{text}\"")).unwrap(),
                bytes
            );
            let unpadded = text.trim_end_matches('=');
            assert_eq!(
                read::<Vec<u8>, Blob>(&format!("\"{unpadded}\"")).unwrap(),
                bytes
            );
        }
        for bad in [
            "\"Z\"",
            "\"Zm9v=\"",
            "\"Zg=\"",
            "\"Z===\"",
            "\"====\"",
            "\"Zm-v\"",
            "\"Zm 9v\"",
            "\"Zg==Zg==\"",
            "3",
        ] {
            assert!(read::<Vec<u8>, Blob>(bad).is_err(), "{bad}");
        }
        let message = read::<Vec<u8>, Blob>("\"%%\"").unwrap_err().to_string();
        assert!(message.contains("expected a base64 string"), "{message}");
    }

    #[test]
    fn base64_round_trip_property() {
        let mut rng = Rng(3);
        for length in 0..300_usize {
            let bytes: Vec<u8> = (0..length).map(|_| rng.next() as u8).collect();
            let text = base64_encode(&bytes);
            assert_eq!(text.len(), length.div_ceil(3) * 4);
            assert_eq!(base64_decode(&text).as_deref(), Some(&bytes[..]), "{text}");
        }
    }
}
