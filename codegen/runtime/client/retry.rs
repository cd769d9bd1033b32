//! Retries in AWS's standard mode: which failures are retried, backoff with jitter,
//! and the quota that stops retries when most calls fail.
//!
//! Nothing here sends or sleeps. A [`RetryPolicy`] is shared by all the calls of a
//! client (its clones share one [`RetryQuota`]); each call asks it for
//! [`Attempts`], reports the [`Outcome`] of every attempt to [`Attempts::next`],
//! and does what the [`Decision`] says:
//!
//! ```ignore
//! let mut attempts = policy.attempts();
//! loop {
//!     let result = transport.send(request.clone(), timeout);
//!     let outcome = match &result {
//!         Ok(response) => Outcome::Response {
//!             status: response.status().as_u16(),
//!             error_code: error_code(response),
//!             retryable: None,
//!         },
//!         Err(error) => Outcome::Failed(error.kind()),
//!     };
//!     match attempts.next(outcome) {
//!         Decision::Retry(delay) => std::thread::sleep(delay),
//!         Decision::Stop => return result,
//!     }
//! }
//! ```

use super::transport::TransportErrorKind;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The error codes by which AWS services ask a client to slow down.
pub const THROTTLING_ERRORS: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// The error codes of failures that pass: the same request may succeed later.
pub const TRANSIENT_ERRORS: &[&str] = &["RequestTimeout", "RequestTimeoutException"];

/// The HTTP statuses of transient server failures.
pub const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// The HTTP status of throttling: Too Many Requests.
const THROTTLING_STATUS: u16 = 429;

/// Why a failed attempt may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryKind {
    /// The service asked to slow down: a throttling error code or status 429.
    Throttling,
    /// A failure that passes: a transient error code, a 5xx status, or a
    /// connection that failed.
    Transient,
    /// Time ran out before a response arrived; its retry costs more quota.
    Timeout,
}

/// What one attempt came to, as [`Attempts::next`] needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome<'a> {
    /// A response arrived.
    Response {
        /// Its HTTP status.
        status: u16,
        /// The error code the response carries, if any, e.g. `ThrottlingException`
        /// (a namespace before `#` and a suffix after `:` are ignored).
        error_code: Option<&'a str>,
        /// The kind of retry the model allows for the error the response carries:
        /// Smithy's `@retryable` trait, `Throttling` when it says `throttling`.
        retryable: Option<RetryKind>,
    },
    /// No response arrived: the transport failed so.
    Failed(TransportErrorKind),
}

impl Outcome<'_> {
    /// A response with `status` and no error code.
    pub fn status(status: u16) -> Self {
        Outcome::Response {
            status,
            error_code: None,
            retryable: None,
        }
    }

    /// Whether the call succeeded: a response with a 2xx status.
    pub fn is_success(&self) -> bool {
        matches!(self, Outcome::Response { status, .. } if (200..300).contains(status))
    }

    /// Why the attempt may be retried, or `None` when it may not: it succeeded,
    /// or failed in a way that sending it again cannot mend.
    pub fn retry_kind(&self) -> Option<RetryKind> {
        match *self {
            _ if self.is_success() => None,
            Outcome::Response {
                status,
                error_code,
                retryable,
            } => retryable.or_else(|| response_kind(status, error_code)),
            Outcome::Failed(kind) => failure_kind(kind),
        }
    }
}

/// Why a failed response may be retried: by its error code, then by its status.
fn response_kind(status: u16, error_code: Option<&str>) -> Option<RetryKind> {
    let code = error_code.map(code_name);
    match code {
        Some(code) if THROTTLING_ERRORS.contains(&code) => Some(RetryKind::Throttling),
        Some(code) if TRANSIENT_ERRORS.contains(&code) => Some(RetryKind::Transient),
        _ if status == THROTTLING_STATUS => Some(RetryKind::Throttling),
        _ if TRANSIENT_STATUSES.contains(&status) => Some(RetryKind::Transient),
        _ => None,
    }
}

/// Why a request without response may be retried.
fn failure_kind(kind: TransportErrorKind) -> Option<RetryKind> {
    match kind {
        TransportErrorKind::Timeout => Some(RetryKind::Timeout),
        TransportErrorKind::Connect | TransportErrorKind::Io => Some(RetryKind::Transient),
        TransportErrorKind::InvalidRequest | TransportErrorKind::ResponseTooLarge => None,
    }
}

/// The bare name of an error code: without the namespace before `#` nor the
/// suffix after `:` (`aws.example#ThrottlingException:http://...`).
fn code_name(code: &str) -> &str {
    let code = code.split_once(':').map_or(code, |(name, _)| name);
    let code = code.rsplit_once('#').map_or(code, |(_, name)| name);
    code.trim()
}

/// What to do after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait this long, then send the request again.
    Retry(Duration),
    /// Keep the attempt's result: it succeeded, cannot be retried, or the
    /// attempts or the quota ran out.
    Stop,
}

/// The retry quota of a client: a bucket of tokens that each retry pays for and
/// each success refills, so that retries stop when most calls fail.
#[derive(Debug)]
pub struct RetryQuota {
    available: AtomicU32,
    capacity: u32,
}

impl RetryQuota {
    /// The tokens a quota starts with, and holds at most, by default.
    pub const CAPACITY: u32 = 500;
    /// What a retry costs.
    pub const RETRY_COST: u32 = 5;
    /// What a retry after a timeout costs.
    pub const TIMEOUT_RETRY_COST: u32 = 10;
    /// What a call that succeeded at its first attempt gives back.
    pub const SUCCESS_REFUND: u32 = 1;

    /// A full quota of `capacity` tokens.
    pub fn new(capacity: u32) -> Self {
        RetryQuota {
            available: AtomicU32::new(capacity),
            capacity,
        }
    }

    /// The tokens left.
    pub fn available(&self) -> u32 {
        self.available.load(Ordering::Acquire)
    }

    /// The tokens the quota holds at most.
    pub fn capacity(&self) -> u32 {
        self.capacity
    }

    /// Takes `amount` tokens if there are so many left, and says whether it did.
    pub fn acquire(&self, amount: u32) -> bool {
        self.available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |left| {
                left.checked_sub(amount)
            })
            .is_ok()
    }

    /// Gives `amount` tokens back, up to the capacity.
    pub fn release(&self, amount: u32) {
        let capacity = self.capacity;
        let refill = |left: u32| Some(left.saturating_add(amount).min(capacity));
        // The closure always returns `Some`: the update cannot fail.
        let _ = self
            .available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, refill);
    }

    /// What a retry of `kind` costs.
    fn cost(kind: RetryKind) -> u32 {
        match kind {
            RetryKind::Timeout => RetryQuota::TIMEOUT_RETRY_COST,
            RetryKind::Throttling | RetryKind::Transient => RetryQuota::RETRY_COST,
        }
    }
}

impl Default for RetryQuota {
    fn default() -> Self {
        RetryQuota::new(RetryQuota::CAPACITY)
    }
}

/// How a client retries: AWS's standard mode by default, i.e. at most 3
/// attempts, exponential backoff with full jitter from 1 s up to 20 s, and a
/// quota of 500 tokens. Clones share the quota.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    quota: Arc<RetryQuota>,
}

impl RetryPolicy {
    /// The attempts of a call at most, its first one included, by default.
    pub const MAX_ATTEMPTS: u32 = 3;
    /// The longest wait before the first retry, by default.
    pub const INITIAL_BACKOFF: Duration = Duration::from_secs(1);
    /// The longest wait before any retry, by default.
    pub const MAX_BACKOFF: Duration = Duration::from_secs(20);

    /// AWS's standard mode, with a quota of its own.
    pub fn standard() -> Self {
        RetryPolicy {
            max_attempts: RetryPolicy::MAX_ATTEMPTS,
            initial_backoff: RetryPolicy::INITIAL_BACKOFF,
            max_backoff: RetryPolicy::MAX_BACKOFF,
            quota: Arc::new(RetryQuota::default()),
        }
    }

    /// No retries: every call makes one attempt.
    pub fn disabled() -> Self {
        RetryPolicy::standard().with_max_attempts(1)
    }

    /// At most `attempts` attempts per call, the first one included; 0 counts
    /// as 1.
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Waits of at most `initial` before the first retry, doubling at each
    /// retry up to `max`.
    pub fn with_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max;
        self
    }

    /// Retries paid from `quota`, which other policies may share.
    pub fn with_quota(mut self, quota: Arc<RetryQuota>) -> Self {
        self.quota = quota;
        self
    }

    /// The attempts of a call at most, its first one included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The quota that retries are paid from.
    pub fn quota(&self) -> &RetryQuota {
        &self.quota
    }

    /// The longest wait after the `attempt`-th attempt (from 1) failed:
    /// `min(max, initial * 2^(attempt - 1))`.
    pub fn backoff_cap(&self, attempt: u32) -> Duration {
        let doubled = 2u32
            .checked_pow(attempt.saturating_sub(1))
            .and_then(|factor| self.initial_backoff.checked_mul(factor));
        doubled.map_or(self.max_backoff, |wait| wait.min(self.max_backoff))
    }

    /// The wait after the `attempt`-th attempt (from 1) failed: a random part
    /// in `[0, 1)` of [`RetryPolicy::backoff_cap`].
    pub fn backoff(&self, attempt: u32) -> Duration {
        jitter(self.backoff_cap(attempt), fastrand::f64())
    }

    /// The attempts of one call, to report each one's outcome to.
    pub fn attempts(&self) -> Attempts {
        Attempts {
            policy: self.clone(),
            made: 0,
            last_cost: None,
            stopped: false,
        }
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::standard()
    }
}

/// The part `random` (in `[0, 1)`) of `cap`, never beyond `cap`.
fn jitter(cap: Duration, random: f64) -> Duration {
    Duration::try_from_secs_f64(cap.as_secs_f64() * random).map_or(cap, |wait| wait.min(cap))
}

/// The attempts of one call: [`Attempts::next`] says after each one whether to
/// retry, pays retries from the quota, and refills it when the call succeeds.
#[derive(Debug)]
pub struct Attempts {
    policy: RetryPolicy,
    made: u32,
    last_cost: Option<u32>,
    stopped: bool,
}

impl Attempts {
    /// The attempts reported so far.
    pub fn made(&self) -> u32 {
        self.made
    }

    /// Takes the outcome of the attempt just made, and says whether to retry it
    /// and after what wait. A success gives back to the quota what the last retry
    /// cost, or [`RetryQuota::SUCCESS_REFUND`] without retry. Once it said
    /// [`Decision::Stop`], it says it again and changes nothing.
    pub fn next(&mut self, outcome: Outcome<'_>) -> Decision {
        if self.stopped {
            return Decision::Stop;
        }
        self.made = self.made.saturating_add(1);
        match self.retry(outcome) {
            Some(wait) => Decision::Retry(wait),
            None => {
                self.stopped = true;
                if outcome.is_success() {
                    self.refund();
                }
                Decision::Stop
            }
        }
    }

    /// The wait before the retry, when the outcome, the attempts left and the
    /// quota allow one; the quota pays for it.
    fn retry(&mut self, outcome: Outcome<'_>) -> Option<Duration> {
        let kind = outcome.retry_kind()?;
        if self.made >= self.policy.max_attempts {
            return None;
        }
        let cost = RetryQuota::cost(kind);
        if !self.policy.quota.acquire(cost) {
            return None;
        }
        self.last_cost = Some(cost);
        Some(self.policy.backoff(self.made))
    }

    /// Refills the quota after a success.
    fn refund(&self) {
        let amount = self.last_cost.unwrap_or(RetryQuota::SUCCESS_REFUND);
        self.policy.quota.release(amount);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(status: u16, code: &str) -> Outcome<'_> {
        Outcome::Response {
            status,
            error_code: Some(code),
            retryable: None,
        }
    }

    #[test]
    fn throttling_codes_are_throttling() {
        for code in THROTTLING_ERRORS {
            assert_eq!(error(400, code).retry_kind(), Some(RetryKind::Throttling));
        }
        let qualified = "com.amazonaws.forecast#ThrottlingException:http://internal/";
        assert_eq!(
            error(400, qualified).retry_kind(),
            Some(RetryKind::Throttling)
        );
    }

    #[test]
    fn transient_codes_and_statuses_are_transient() {
        assert_eq!(
            error(400, "RequestTimeout").retry_kind(),
            Some(RetryKind::Transient)
        );
        assert_eq!(
            error(408, "RequestTimeoutException").retry_kind(),
            Some(RetryKind::Transient)
        );
        for status in [500, 502, 503, 504] {
            assert_eq!(
                Outcome::status(status).retry_kind(),
                Some(RetryKind::Transient)
            );
        }
        assert_eq!(
            Outcome::status(429).retry_kind(),
            Some(RetryKind::Throttling)
        );
    }

    #[test]
    fn other_responses_are_not_retried() {
        for status in [200, 204, 301, 400, 403, 404, 409, 501] {
            assert_eq!(Outcome::status(status).retry_kind(), None, "{status}");
        }
        assert_eq!(error(400, "ValidationException").retry_kind(), None);
        assert_eq!(error(400, "ResourceNotFoundException").retry_kind(), None);
        assert_eq!(error(400, "SlowDownPlease").retry_kind(), None);
    }

    #[test]
    fn the_code_comes_before_the_status() {
        assert_eq!(
            error(503, "SlowDown").retry_kind(),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            error(500, "InternalError").retry_kind(),
            Some(RetryKind::Transient)
        );
    }

    #[test]
    fn a_modeled_retryable_error_is_retried_as_modeled() {
        let outcome = |retryable| Outcome::Response {
            status: 400,
            error_code: Some("ResourceInUseException"),
            retryable,
        };
        assert_eq!(outcome(None).retry_kind(), None);
        let transient = Some(RetryKind::Transient);
        assert_eq!(outcome(transient).retry_kind(), transient);
        let throttling = Some(RetryKind::Throttling);
        assert_eq!(outcome(throttling).retry_kind(), throttling);
    }

    #[test]
    fn transport_failures_are_classified_by_kind() {
        let kind = |kind| Outcome::Failed(kind).retry_kind();
        assert_eq!(kind(TransportErrorKind::Timeout), Some(RetryKind::Timeout));
        assert_eq!(
            kind(TransportErrorKind::Connect),
            Some(RetryKind::Transient)
        );
        assert_eq!(kind(TransportErrorKind::Io), Some(RetryKind::Transient));
        assert_eq!(kind(TransportErrorKind::InvalidRequest), None);
        assert_eq!(kind(TransportErrorKind::ResponseTooLarge), None);
    }

    #[test]
    fn backoff_caps_double_up_to_the_maximum() {
        let policy = RetryPolicy::standard();
        let caps: Vec<u64> = (1..=7).map(|n| policy.backoff_cap(n).as_secs()).collect();
        assert_eq!(caps, [1, 2, 4, 8, 16, 20, 20]);
        assert_eq!(policy.backoff_cap(0), Duration::from_secs(1));
        assert_eq!(policy.backoff_cap(u32::MAX), RetryPolicy::MAX_BACKOFF);
    }

    #[test]
    fn backoff_stays_within_its_cap() {
        let policy = RetryPolicy::standard();
        for attempt in 1..=8 {
            let cap = policy.backoff_cap(attempt);
            for _ in 0..200 {
                assert!(policy.backoff(attempt) <= cap);
            }
        }
        let cap = Duration::from_secs(20);
        assert_eq!(jitter(cap, 0.0), Duration::ZERO);
        assert_eq!(jitter(cap, 0.5), Duration::from_secs(10));
        assert!(jitter(cap, 0.999_999_999_999) <= cap);
        let longest = jitter(Duration::MAX, 0.999_999_999_999);
        assert!(longest > Duration::from_secs(u64::MAX / 2));
    }

    #[test]
    fn backoff_is_random() {
        let policy = RetryPolicy::standard();
        let waits: Vec<Duration> = (0..20).map(|_| policy.backoff(3)).collect();
        assert!(waits.iter().any(|wait| *wait != waits[0]));
    }

    #[test]
    fn quota_pays_and_refills_up_to_its_capacity() {
        let quota = RetryQuota::new(12);
        assert!(quota.acquire(5));
        assert!(quota.acquire(5));
        assert_eq!(quota.available(), 2);
        assert!(!quota.acquire(5));
        assert_eq!(quota.available(), 2);
        quota.release(10);
        assert_eq!(quota.available(), 12);
        quota.release(1);
        assert_eq!(quota.available(), quota.capacity());
    }

    #[test]
    fn a_first_success_refunds_one_token() {
        let policy = RetryPolicy::standard();
        policy.quota().acquire(10);
        let mut attempts = policy.attempts();
        assert_eq!(attempts.next(Outcome::status(200)), Decision::Stop);
        assert_eq!(policy.quota().available(), 491);
        assert_eq!(attempts.next(Outcome::status(200)), Decision::Stop);
        assert_eq!(policy.quota().available(), 491);
    }

    #[test]
    fn retries_cost_five_and_a_success_refunds_the_last_cost() {
        let policy = RetryPolicy::standard();
        let mut attempts = policy.attempts();
        let throttled = error(400, "ThrottlingException");
        assert!(matches!(attempts.next(throttled), Decision::Retry(_)));
        assert!(matches!(
            attempts.next(Outcome::status(503)),
            Decision::Retry(_)
        ));
        assert_eq!(policy.quota().available(), 490);
        assert_eq!(attempts.next(Outcome::status(200)), Decision::Stop);
        assert_eq!(policy.quota().available(), 495);
        assert_eq!(attempts.made(), 3);
    }

    #[test]
    fn a_timeout_costs_ten() {
        let policy = RetryPolicy::standard();
        let mut attempts = policy.attempts();
        let timeout = Outcome::Failed(TransportErrorKind::Timeout);
        assert!(matches!(attempts.next(timeout), Decision::Retry(_)));
        assert_eq!(policy.quota().available(), 490);
    }

    #[test]
    fn attempts_stop_at_the_maximum_without_refund() {
        let policy = RetryPolicy::standard().with_max_attempts(4);
        let mut attempts = policy.attempts();
        let decisions: Vec<Decision> = (0..5)
            .map(|_| attempts.next(Outcome::status(500)))
            .collect();
        let retries = decisions.iter().filter(|d| matches!(d, Decision::Retry(_)));
        assert_eq!(retries.count(), 3);
        assert_eq!(decisions[3], Decision::Stop);
        assert_eq!(policy.quota().available(), 485);
        assert_eq!(attempts.made(), 4);
    }

    #[test]
    fn waits_grow_with_the_attempts() {
        let policy = RetryPolicy::standard()
            .with_max_attempts(5)
            .with_backoff(Duration::from_millis(1), Duration::from_millis(3));
        let mut attempts = policy.attempts();
        for cap in [1, 2, 3, 3] {
            match attempts.next(Outcome::status(500)) {
                Decision::Retry(wait) => assert!(wait <= Duration::from_millis(cap)),
                Decision::Stop => panic!("stopped before the maximum"),
            }
        }
    }

    #[test]
    fn errors_that_are_not_retryable_stop_at_once() {
        let policy = RetryPolicy::standard();
        let mut attempts = policy.attempts();
        assert_eq!(
            attempts.next(error(400, "ValidationException")),
            Decision::Stop
        );
        assert_eq!(policy.quota().available(), RetryQuota::CAPACITY);
    }

    #[test]
    fn an_empty_quota_stops_retries_and_policies_share_it() {
        let policy = RetryPolicy::standard().with_quota(Arc::new(RetryQuota::new(7)));
        let shared = policy.clone();
        let mut first = policy.attempts();
        assert!(matches!(
            first.next(Outcome::status(500)),
            Decision::Retry(_)
        ));
        let mut second = shared.attempts();
        assert_eq!(second.next(Outcome::status(500)), Decision::Stop);
        assert_eq!(shared.quota().available(), 2);
    }

    #[test]
    fn disabled_makes_one_attempt() {
        let policy = RetryPolicy::disabled();
        let mut attempts = policy.attempts();
        assert_eq!(attempts.next(Outcome::status(503)), Decision::Stop);
        assert_eq!(
            RetryPolicy::standard().with_max_attempts(0).max_attempts(),
            1
        );
    }
}
