//! The environment variables the providers read, and credentials from them.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use super::{parse_expiration, Credentials, CredentialsError, CredentialsErrorKind};

/// Where the providers read environment variables: the process environment, or a
/// fixed set of variables (for tests, or to configure a client apart from its
/// process). `Debug` shows the names only, never the values.
#[derive(Clone, Default)]
pub struct Env {
    /// The fixed variables; `None` reads the process environment.
    vars: Option<Arc<HashMap<String, String>>>,
}

impl Env {
    /// The process environment.
    pub fn process() -> Self {
        Env { vars: None }
    }

    /// A fixed set of variables, in place of the process environment.
    pub fn from_vars<K, V>(vars: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        let vars = vars
            .into_iter()
            .map(|(name, value)| (name.into(), value.into()))
            .collect();
        Env {
            vars: Some(Arc::new(vars)),
        }
    }

    /// The value of the variable `name`; `None` when it is unset, empty or not
    /// Unicode.
    pub fn get(&self, name: &str) -> Option<String> {
        let value = match &self.vars {
            Some(vars) => vars.get(name).cloned(),
            None => std::env::var(name).ok(),
        };
        value.filter(|value| !value.is_empty())
    }
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.vars {
            None => f.write_str("Env::process()"),
            Some(vars) => {
                let mut names: Vec<&String> = vars.keys().collect();
                names.sort();
                f.debug_struct("Env").field("names", &names).finish()
            }
        }
    }
}

/// The variable of the access key id.
pub const ACCESS_KEY_ID: &str = "AWS_ACCESS_KEY_ID";
/// The variable of the secret access key.
pub const SECRET_ACCESS_KEY: &str = "AWS_SECRET_ACCESS_KEY";
/// The variable of the session token.
pub const SESSION_TOKEN: &str = "AWS_SESSION_TOKEN";
/// The variable of the expiry, RFC 3339.
pub const CREDENTIAL_EXPIRATION: &str = "AWS_CREDENTIAL_EXPIRATION";

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, and optionally
/// `AWS_SESSION_TOKEN` and `AWS_CREDENTIAL_EXPIRATION`.
#[derive(Debug, Clone, Default)]
pub struct EnvProvider {
    env: Env,
}

impl EnvProvider {
    /// Reads the variables from `env`.
    pub fn new(env: Env) -> Self {
        EnvProvider { env }
    }
}

impl super::ProvideCredentials for EnvProvider {
    fn provide(&self) -> Result<Credentials, CredentialsError> {
        let error = |kind, message: String| CredentialsError::new(kind, "environment", message);
        let access_key_id = self.env.get(ACCESS_KEY_ID).ok_or_else(|| {
            error(
                CredentialsErrorKind::NotFound,
                format!("{ACCESS_KEY_ID} not set"),
            )
        })?;
        let secret = self.env.get(SECRET_ACCESS_KEY).ok_or_else(|| {
            error(
                CredentialsErrorKind::Invalid,
                format!("{ACCESS_KEY_ID} is set but {SECRET_ACCESS_KEY} is not"),
            )
        })?;
        let mut credentials = Credentials::new(access_key_id, secret);
        if let Some(token) = self.env.get(SESSION_TOKEN) {
            credentials = credentials.with_session_token(token);
        }
        if let Some(expiration) = self.env.get(CREDENTIAL_EXPIRATION) {
            let expires = parse_expiration(&expiration).map_err(|message| {
                error(
                    CredentialsErrorKind::Invalid,
                    format!("{CREDENTIAL_EXPIRATION}: {message}"),
                )
            })?;
            credentials = credentials.with_expiry(expires);
        }
        Ok(credentials)
    }
}

#[cfg(test)]
mod tests {
    use super::super::ProvideCredentials;
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET";
    const TOKEN: &str = "IQoJb3JpZ2luX2VjSESSIONTOKEN";

    fn provide(vars: &[(&str, &str)]) -> Result<Credentials, CredentialsError> {
        EnvProvider::new(Env::from_vars(vars.iter().copied())).provide()
    }

    fn assert_no_secret(err: &CredentialsError) {
        for text in [format!("{err}"), format!("{err:?}")] {
            assert!(!text.contains(SECRET), "{text}");
            assert!(!text.contains(TOKEN), "{text}");
        }
    }

    #[test]
    fn reads_keys_token_and_expiry() {
        let credentials = provide(&[
            (ACCESS_KEY_ID, "AKIDENV"),
            (SECRET_ACCESS_KEY, SECRET),
            (SESSION_TOKEN, TOKEN),
            (CREDENTIAL_EXPIRATION, "2030-01-02T03:04:05Z"),
        ])
        .unwrap();
        assert_eq!(credentials.access_key_id(), "AKIDENV");
        assert_eq!(credentials.secret_access_key(), SECRET);
        assert_eq!(credentials.session_token(), Some(TOKEN));
        let expected = UNIX_EPOCH + Duration::from_secs(1_893_553_445);
        assert_eq!(credentials.expires(), Some(expected));
    }

    #[test]
    fn long_term_keys_have_no_token_or_expiry() {
        let credentials = provide(&[(ACCESS_KEY_ID, "AKID"), (SECRET_ACCESS_KEY, SECRET)]).unwrap();
        assert_eq!(credentials.session_token(), None);
        assert_eq!(credentials.expires(), None);
    }

    #[test]
    fn missing_or_empty_key_id_is_not_found() {
        for vars in [
            &[(SECRET_ACCESS_KEY, SECRET)][..],
            &[(ACCESS_KEY_ID, ""), (SECRET_ACCESS_KEY, SECRET)][..],
        ] {
            let err = provide(vars).unwrap_err();
            assert_eq!(err.kind(), CredentialsErrorKind::NotFound);
            assert_eq!(err.to_string(), "environment: AWS_ACCESS_KEY_ID not set");
            assert_no_secret(&err);
        }
    }

    #[test]
    fn key_id_without_secret_is_invalid() {
        let err = provide(&[(ACCESS_KEY_ID, "AKID"), (SESSION_TOKEN, TOKEN)]).unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Invalid);
        assert!(err.to_string().contains(SECRET_ACCESS_KEY), "{err}");
        assert_no_secret(&err);
    }

    #[test]
    fn bad_expiration_is_invalid_and_hides_secrets() {
        let err = provide(&[
            (ACCESS_KEY_ID, "AKID"),
            (SECRET_ACCESS_KEY, SECRET),
            (SESSION_TOKEN, TOKEN),
            (CREDENTIAL_EXPIRATION, "tomorrow"),
        ])
        .unwrap_err();
        assert_eq!(err.kind(), CredentialsErrorKind::Invalid);
        assert!(err.to_string().contains(CREDENTIAL_EXPIRATION), "{err}");
        assert_no_secret(&err);
    }

    #[test]
    fn env_debug_shows_names_not_values() {
        let env = Env::from_vars([(SECRET_ACCESS_KEY, SECRET), ("HOME", "/home/me")]);
        let text = format!("{env:?}");
        assert!(text.contains(SECRET_ACCESS_KEY), "{text}");
        assert!(!text.contains(SECRET), "{text}");
        assert_eq!(env.get("HOME").as_deref(), Some("/home/me"));
        assert_eq!(env.get("USER"), None);
    }
}
