//! Retries in AWS's standard mode: which failures are retried, backoff with jitter,
//! and the quota that stops retries when most calls fail.
