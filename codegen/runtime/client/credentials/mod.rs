//! Credentials: where the client finds them, and the values it signs with.
//!
//! Each place credentials can come from is a [`ProvideCredentials`]: the environment
//! ([`EnvProvider`]), the shared `~/.aws` files ([`ProfileProvider`], which may run a
//! `credential_process` with [`ProcessProvider`]), the ECS/EKS container endpoint
//! ([`ContainerProvider`]) and EC2's instance metadata ([`ImdsProvider`]).
//! [`ChainProvider::default_chain`] tries them in the order of the AWS SDKs, and
//! [`CachedProvider`] keeps what it found until shortly before it expires;
//! [`default_provider`] is both.

pub mod chain;
pub mod container;
pub mod env;
pub mod imds;
pub mod process;
pub mod profile;

pub use chain::{CachedProvider, ChainProvider};
pub use container::ContainerProvider;
pub use env::{Env, EnvProvider};
pub use imds::ImdsProvider;
pub use process::ProcessProvider;
pub use profile::{region, ProfileProvider};

use std::error::Error;
use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

use super::transport::Transport;

/// AWS credentials: an access key id, its secret, and for temporary credentials a
/// session token and an expiry. `Debug` never shows the secret or the token.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    expires: Option<SystemTime>,
}

impl Credentials {
    /// Long-term credentials: an access key id and its secret.
    pub fn new(access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token: None,
            expires: None,
        }
    }

    /// The same credentials with a session token, as temporary credentials have.
    #[must_use]
    pub fn with_session_token(mut self, token: impl Into<String>) -> Self {
        self.session_token = Some(token.into());
        self
    }

    /// The same credentials, valid until `expires`.
    #[must_use]
    pub fn with_expiry(mut self, expires: SystemTime) -> Self {
        self.expires = Some(expires);
        self
    }

    /// The access key id.
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }

    /// The secret access key.
    pub fn secret_access_key(&self) -> &str {
        &self.secret_access_key
    }

    /// The session token of temporary credentials.
    pub fn session_token(&self) -> Option<&str> {
        self.session_token.as_deref()
    }

    /// When temporary credentials expire.
    pub fn expires(&self) -> Option<SystemTime> {
        self.expires
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"** redacted **")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "** redacted **"),
            )
            .field("expires", &self.expires)
            .finish()
    }
}

/// A place credentials come from.
pub trait ProvideCredentials: Send + Sync {
    /// Loads the credentials.
    ///
    /// # Errors
    ///
    /// [`CredentialsErrorKind::NotFound`] when this place has no credentials
    /// configured (a chain then tries the next place); another kind when it has some
    /// but they cannot be loaded.
    fn provide(&self) -> Result<Credentials, CredentialsError>;
}

impl ProvideCredentials for Credentials {
    /// Fixed credentials provide themselves.
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        Ok(self.clone())
    }
}

impl<P: ProvideCredentials + ?Sized> ProvideCredentials for Arc<P> {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        (**self).provide()
    }
}

impl<P: ProvideCredentials + ?Sized> ProvideCredentials for Box<P> {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        (**self).provide()
    }
}

/// The default provider: the default chain over the process environment, cached.
pub fn default_provider(transport: Arc<dyn Transport>) -> CachedProvider<ChainProvider> {
    CachedProvider::new(ChainProvider::default_chain(Env::process(), transport))
}

/// Why credentials could not be loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CredentialsErrorKind {
    /// The place has no credentials configured; a chain tries the next place.
    NotFound,
    /// The place is configured, but its configuration is wrong.
    Invalid,
    /// The place is configured in a way this client does not support.
    Unsupported,
    /// The place is configured, but loading failed: a command or a server failed or
    /// answered something unreadable.
    Failed,
}

/// Credentials that could not be loaded: the place looked at, what was wrong, and
/// the underlying cause. It never holds a secret.
#[derive(Debug)]
pub struct CredentialsError {
    kind: CredentialsErrorKind,
    place: String,
    message: String,
    source: Option<Box<dyn Error + Send + Sync>>,
}

impl CredentialsError {
    /// An error of `kind` at `place` (such as `environment`), saying `message`.
    pub fn new(
        kind: CredentialsErrorKind,
        place: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        CredentialsError {
            kind,
            place: place.into(),
            message: message.into(),
            source: None,
        }
    }

    /// The same error, caused by `source`.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// What kind of failure it was.
    pub fn kind(&self) -> CredentialsErrorKind {
        self.kind
    }

    /// The place looked at, such as `environment` or ``profile `default` ``.
    pub fn place(&self) -> &str {
        &self.place
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)?;
        if let Some(source) = &self.source {
            write!(f, " ({source})")?;
        }
        Ok(())
    }
}

impl Error for CredentialsError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.source {
            Some(source) => Some(&**source),
            None => None,
        }
    }
}

/// The names of the fields of a JSON credentials document.
struct JsonFields {
    /// The session token's field: `SessionToken` or `Token`.
    token: &'static str,
}

/// Reads a JSON object. The error says what was wrong without quoting the text.
fn json_object(body: &[u8]) -> Result<serde_json::Map<String, serde_json::Value>, String> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|err| {
        format!(
            "not a JSON document (line {}, column {})",
            err.line(),
            err.column()
        )
    })?;
    match value {
        serde_json::Value::Object(object) => Ok(object),
        _ => Err("not a JSON object".to_owned()),
    }
}

/// Reads credentials from a JSON object's fields `AccessKeyId`, `SecretAccessKey`,
/// the session token and `Expiration`. The error says what was wrong without
/// quoting any value.
fn credentials_from_json(
    object: &serde_json::Map<String, serde_json::Value>,
    fields: &JsonFields,
) -> Result<Credentials, String> {
    let text = |name: &str| -> Result<Option<&str>, String> {
        match object.get(name) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(format!("`{name}` is not a string")),
        }
    };
    let required = |name: &str| -> Result<&str, String> {
        text(name)?
            .filter(|value| !value.is_empty())
            .ok_or_else(|| format!("`{name}` is missing"))
    };
    let mut credentials = Credentials::new(required("AccessKeyId")?, required("SecretAccessKey")?);
    if let Some(token) = text(fields.token)?.filter(|token| !token.is_empty()) {
        credentials = credentials.with_session_token(token);
    }
    if let Some(expiration) = text("Expiration")? {
        credentials = credentials.with_expiry(parse_expiration(expiration)?);
    }
    Ok(credentials)
}

/// Reads an RFC 3339 expiry, such as `2026-01-02T03:04:05Z`.
fn parse_expiration(text: &str) -> Result<SystemTime, String> {
    let timestamp = crate::primitives::Timestamp::parse_date_time(text)
        .map_err(|err| format!("bad `Expiration`: {err}"))?;
    SystemTime::try_from(timestamp).map_err(|err| format!("bad `Expiration`: {err}"))
}
