//! AWS Signature Version 4: the canonical request, the string to sign, the signing
//! key and the `Authorization` header.
