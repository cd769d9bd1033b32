//! The default chain of providers, and the cache in front of it.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use super::container::ContainerProvider;
use super::env::{Env, EnvProvider};
use super::imds::ImdsProvider;
use super::profile::ProfileProvider;
use super::{Credentials, CredentialsError, CredentialsErrorKind, ProvideCredentials};
use crate::primitives::client::transport::Transport;

/// Providers tried in turn: the first that has credentials gives them. A provider
/// that has none ([`CredentialsErrorKind::NotFound`]) passes to the next; any other
/// error stops the chain, since credentials were configured there but are broken.
#[derive(Default)]
pub struct ChainProvider {
    providers: Vec<Box<dyn ProvideCredentials>>,
}

impl ChainProvider {
    /// An empty chain.
    pub fn new() -> Self {
        ChainProvider::default()
    }

    /// The chain with `provider` tried after the others.
    #[must_use]
    pub fn with(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.providers.push(Box::new(provider));
        self
    }

    /// The chain of the AWS SDKs: the environment, the shared files' profile, the
    /// container endpoint, then the EC2 instance metadata service.
    pub fn default_chain(env: Env, transport: Arc<dyn Transport>) -> Self {
        ChainProvider::new()
            .with(EnvProvider::new(env.clone()))
            .with(ProfileProvider::new(env.clone()))
            .with(ContainerProvider::new(env.clone(), transport.clone()))
            .with(ImdsProvider::new(env, transport))
    }
}

impl ProvideCredentials for ChainProvider {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        let mut reasons = Vec::new();
        for provider in &self.providers {
            match provider.provide() {
                Ok(credentials) => return Ok(credentials),
                Err(err) if err.kind() == CredentialsErrorKind::NotFound => {
                    reasons.push(err.to_string());
                }
                Err(err) => return Err(err),
            }
        }
        let message = match reasons.is_empty() {
            true => "the chain has no providers".to_owned(),
            false => reasons.join("; "),
        };
        Err(CredentialsError::new(
            CredentialsErrorKind::NotFound,
            "no credentials found",
            message,
        ))
    }
}

/// How long before their expiry cached credentials are refreshed.
pub const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(5 * 60);

/// The clock of a cache.
type Clock = Box<dyn Fn() -> SystemTime + Send + Sync>;

/// Keeps the credentials a provider gives until [`REFRESH_BEFORE_EXPIRY`] before
/// they expire, then asks again; credentials without an expiry are kept for good.
/// When a refresh fails while the kept credentials have not yet expired, they are
/// given once more. Threads share one cache; one refreshes while the others wait.
pub struct CachedProvider<P> {
    inner: P,
    clock: Clock,
    cached: Mutex<Option<Credentials>>,
}

impl<P: ProvideCredentials> CachedProvider<P> {
    /// Caches what `inner` gives, by the system clock.
    pub fn new(inner: P) -> Self {
        CachedProvider::with_clock(inner, SystemTime::now)
    }

    /// Caches what `inner` gives, by the time `clock` tells.
    pub fn with_clock(inner: P, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        CachedProvider {
            inner,
            clock: Box::new(clock),
            cached: Mutex::new(None),
        }
    }

    /// Forgets the cached credentials, so the next call asks the provider.
    pub fn clear(&self) {
        *self.cached.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// Whether `credentials` are still good at `now`, `margin` ahead.
fn fresh(credentials: &Credentials, now: SystemTime, margin: Duration) -> bool {
    match credentials.expires() {
        None => true,
        Some(expires) => now.checked_add(margin).is_some_and(|then| then < expires),
    }
}

impl<P: ProvideCredentials> ProvideCredentials for CachedProvider<P> {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        let mut cached = self.cached.lock().unwrap_or_else(PoisonError::into_inner);
        let now = (self.clock)();
        if let Some(credentials) = cached.as_ref() {
            if fresh(credentials, now, REFRESH_BEFORE_EXPIRY) {
                return Ok(credentials.clone());
            }
        }
        match self.inner.provide() {
            Ok(credentials) => {
                *cached = Some(credentials.clone());
                Ok(credentials)
            }
            Err(err) => match cached.as_ref() {
                Some(old) if fresh(old, now, Duration::ZERO) => Ok(old.clone()),
                _ => Err(err),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
    use std::time::UNIX_EPOCH;

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET";

    /// Gives credentials expiring `lifetime` seconds after the clock, numbered by
    /// call, or fails once `fail` is set.
    struct Counting {
        calls: Arc<AtomicUsize>,
        now: Arc<AtomicU64>,
        lifetime: Option<u64>,
        fail: Arc<AtomicUsize>,
    }

    impl ProvideCredentials for Counting {
        fn provide(&self) -> Result<Credentials, CredentialsError> {
            let call = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
            if self.fail.load(Ordering::SeqCst) != 0 {
                return Err(CredentialsError::new(
                    CredentialsErrorKind::Failed,
                    "test",
                    "down",
                ));
            }
            let credentials = Credentials::new(format!("AKID{call}"), SECRET);
            Ok(match self.lifetime {
                Some(secs) => {
                    let now = self.now.load(Ordering::SeqCst);
                    credentials.with_expiry(UNIX_EPOCH + Duration::from_secs(now + secs))
                }
                None => credentials,
            })
        }
    }

    struct Fixture {
        calls: Arc<AtomicUsize>,
        now: Arc<AtomicU64>,
        fail: Arc<AtomicUsize>,
        cache: CachedProvider<Counting>,
    }

    fn fixture(lifetime: Option<u64>) -> Fixture {
        let calls = Arc::new(AtomicUsize::new(0));
        let now = Arc::new(AtomicU64::new(1_000_000));
        let fail = Arc::new(AtomicUsize::new(0));
        let inner = Counting {
            calls: calls.clone(),
            now: now.clone(),
            lifetime,
            fail: fail.clone(),
        };
        let clock_now = now.clone();
        let clock = move || UNIX_EPOCH + Duration::from_secs(clock_now.load(Ordering::SeqCst));
        Fixture {
            calls,
            now,
            fail,
            cache: CachedProvider::with_clock(inner, clock),
        }
    }

    fn key(cache: &CachedProvider<Counting>) -> String {
        cache.provide().unwrap().access_key_id().to_owned()
    }

    #[test]
    fn refreshes_five_minutes_before_expiry() {
        let f = fixture(Some(3600));
        assert_eq!(key(&f.cache), "AKID1");
        f.now.fetch_add(3600 - 301, Ordering::SeqCst);
        assert_eq!(key(&f.cache), "AKID1");
        f.now.fetch_add(1, Ordering::SeqCst);
        assert_eq!(key(&f.cache), "AKID2");
        assert_eq!(key(&f.cache), "AKID2");
        assert_eq!(f.calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn credentials_without_expiry_are_kept() {
        let f = fixture(None);
        assert_eq!(key(&f.cache), "AKID1");
        f.now.fetch_add(10 * 365 * 86_400, Ordering::SeqCst);
        assert_eq!(key(&f.cache), "AKID1");
        assert_eq!(f.calls.load(Ordering::SeqCst), 1);
        f.cache.clear();
        assert_eq!(key(&f.cache), "AKID2");
    }

    #[test]
    fn failed_refresh_keeps_unexpired_credentials() {
        let f = fixture(Some(3600));
        assert_eq!(key(&f.cache), "AKID1");
        f.fail.store(1, Ordering::SeqCst);
        f.now.fetch_add(3500, Ordering::SeqCst);
        assert_eq!(key(&f.cache), "AKID1");
        f.now.fetch_add(100, Ordering::SeqCst);
        let err = f.cache.provide().unwrap_err();
        assert_eq!(err.to_string(), "test: down");
        f.fail.store(0, Ordering::SeqCst);
        assert_eq!(key(&f.cache), "AKID4");
    }

    #[test]
    fn cache_is_shared_between_threads() {
        let f = fixture(Some(3600));
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| assert_eq!(key(&f.cache), "AKID1"));
            }
        });
        assert_eq!(f.calls.load(Ordering::SeqCst), 1);
    }

    fn failing(kind: CredentialsErrorKind, message: &'static str) -> impl ProvideCredentials {
        struct Failing(CredentialsErrorKind, &'static str);
        impl ProvideCredentials for Failing {
            fn provide(&self) -> Result<Credentials, CredentialsError> {
                Err(CredentialsError::new(self.0, "place", self.1))
            }
        }
        Failing(kind, message)
    }

    #[test]
    fn chain_takes_the_first_found() {
        let chain = ChainProvider::new()
            .with(failing(CredentialsErrorKind::NotFound, "nothing"))
            .with(Credentials::new("AKIDSECOND", SECRET))
            .with(Credentials::new("AKIDTHIRD", SECRET));
        assert_eq!(chain.provide().unwrap().access_key_id(), "AKIDSECOND");
    }

    #[test]
    fn chain_stops_at_a_broken_provider() {
        let chain = ChainProvider::new()
            .with(failing(CredentialsErrorKind::Failed, "broken"))
            .with(Credentials::new("AKID", SECRET));
        assert_eq!(chain.provide().unwrap_err().to_string(), "place: broken");
    }

    #[test]
    fn chain_lists_every_place() {
        let chain = ChainProvider::new()
            .with(failing(CredentialsErrorKind::NotFound, "one"))
            .with(failing(CredentialsErrorKind::NotFound, "two"));
        let err = chain.provide().unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
        assert_eq!(
            err.to_string(),
            "no credentials found: place: one; place: two"
        );
        let err = ChainProvider::new().provide().unwrap_err();
        assert_eq!(
            err.to_string(),
            "no credentials found: the chain has no providers"
        );
    }
}
