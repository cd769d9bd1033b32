//! Building a [`Client`]: region, endpoint, credentials, transport, retries and
//! timeouts, set by hand or read from the environment as the AWS CLI reads them.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use super::calls::Client;
use super::compress::{DEFAULT_MIN_SIZE, MAX_MIN_SIZE};
use super::credentials::{
    self, CachedProvider, ChainProvider, CredentialsError, ProvideCredentials,
};
use super::endpoint::{EndpointError, Params, RuleSet, Value};
use super::retry::RetryPolicy;
use super::service::Service;
use super::transport::Transport;

/// Sets up a [`Client`] for a service.
pub struct ClientBuilder {
    service: &'static Service,
    region: Option<String>,
    endpoint_url: Option<String>,
    use_fips: bool,
    use_dual_stack: bool,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    transport: Option<Arc<dyn Transport>>,
    retry: RetryPolicy,
    call_timeout: Option<Duration>,
    idempotency_token: fn() -> String,
    min_compression_size: Option<usize>,
    /// The environment the default credentials chain reads.
    env: Option<credentials::Env>,
    /// A shared config file that could not be read, for `build` to report.
    profile_error: Option<CredentialsError>,
}

/// What a client holds, shared by its clones.
pub(crate) struct Settings {
    pub(crate) service: &'static Service,
    pub(crate) region: String,
    pub(crate) endpoint: Endpoint,
    pub(crate) credentials: Arc<dyn ProvideCredentials>,
    pub(crate) transport: Option<Arc<dyn Transport>>,
    pub(crate) retry: RetryPolicy,
    pub(crate) call_timeout: Option<Duration>,
    pub(crate) idempotency_token: fn() -> String,
    /// The smallest request body that is gzipped; `None`: never.
    pub(crate) min_compression_size: Option<usize>,
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("service", &self.service.sdk_id)
            .field("region", &self.region)
            .field("endpoint", &self.endpoint.url)
            .field("retry", &self.retry)
            .field("call_timeout", &self.call_timeout)
            .finish_non_exhaustive()
    }
}

/// The endpoint requests go to, split as requests need it.
#[derive(Debug, Clone)]
pub(crate) struct Endpoint {
    pub(crate) url: String,
    pub(crate) scheme: String,
    pub(crate) host: String,
    /// The endpoint's path without its last `/`: requests go to `<path>/`.
    pub(crate) path: String,
    pub(crate) signing_region: String,
    pub(crate) signing_name: String,
}

impl ClientBuilder {
    /// A builder for a client of `service`, with nothing set: no region, the
    /// endpoint its rules give, the default credentials chain, the standard retries.
    pub fn new(service: &'static Service) -> Self {
        ClientBuilder {
            service,
            region: None,
            endpoint_url: None,
            use_fips: false,
            use_dual_stack: false,
            credentials: None,
            transport: None,
            retry: RetryPolicy::default(),
            call_timeout: None,
            idempotency_token: super::call::idempotency_token,
            min_compression_size: Some(DEFAULT_MIN_SIZE),
            env: None,
            profile_error: None,
        }
    }

    /// The region to call, such as `us-west-2`.
    #[must_use]
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// An endpoint to call instead of the one the rules give, such as a local server:
    /// `http://127.0.0.1:5000`. Plain `http://` is used only when set here.
    #[must_use]
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Whether to call the service's FIPS endpoint.
    #[must_use]
    pub fn use_fips(mut self, on: bool) -> Self {
        self.use_fips = on;
        self
    }

    /// Whether to call the service's dual-stack (IPv4 and IPv6) endpoint.
    #[must_use]
    pub fn use_dual_stack(mut self, on: bool) -> Self {
        self.use_dual_stack = on;
        self
    }

    /// Where the client gets its credentials, instead of the default chain.
    #[must_use]
    pub fn credentials(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// The transport that carries calls, instead of the built-in one.
    #[must_use]
    pub fn transport(mut self, transport: impl Transport + 'static) -> Self {
        self.transport = Some(Arc::new(transport));
        self
    }

    /// How failed calls are retried.
    #[must_use]
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The longest a whole call may take, retries included.
    #[must_use]
    pub fn call_timeout(mut self, timeout: Duration) -> Self {
        self.call_timeout = Some(timeout);
        self
    }

    /// Where unset `@idempotencyToken` members get their tokens, instead of random
    /// UUIDs: for tests that need to know the token.
    #[must_use]
    pub fn idempotency_tokens(mut self, token: fn() -> String) -> Self {
        self.idempotency_token = token;
        self
    }

    /// The smallest request body gzipped for operations that ask for compression
    /// (10 KiB unless set; at most 10 MiB); `None` never compresses.
    #[must_use]
    pub fn min_compression_size(mut self, bytes: Option<usize>) -> Self {
        self.min_compression_size = bytes.map(|bytes| bytes.min(MAX_MIN_SIZE));
        self
    }

    /// What the environment and the shared config files set, as the AWS CLI reads
    /// them: the region (`AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`),
    /// the endpoint (`AWS_ENDPOINT_URL_<SDK_ID>`, then `AWS_ENDPOINT_URL`, unless
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true`), `AWS_USE_FIPS_ENDPOINT`,
    /// `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_MAX_ATTEMPTS`, `AWS_DISABLE_REQUEST_COMPRESSION`
    /// and `AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES`. What is already set stays.
    #[must_use]
    pub fn from_env(self) -> Self {
        self.from_lookup(&credentials::Env::process())
    }

    /// [`from_env`](Self::from_env), reading variables from `env`.
    #[must_use]
    pub fn from_lookup(mut self, env: &credentials::Env) -> Self {
        if self.region.is_none() {
            match credentials::region(env) {
                Ok(region) => self.region = region,
                Err(error) => self.profile_error = Some(error),
            }
        }
        self.env = Some(env.clone());
        let ignore = env
            .get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            .is_some_and(|v| is_true(&v));
        if self.endpoint_url.is_none() && !ignore {
            self.endpoint_url = env
                .get(&self.service.endpoint_variable())
                .or_else(|| env.get("AWS_ENDPOINT_URL"));
        }
        self.use_fips |= env
            .get("AWS_USE_FIPS_ENDPOINT")
            .is_some_and(|v| is_true(&v));
        self.use_dual_stack |= env
            .get("AWS_USE_DUALSTACK_ENDPOINT")
            .is_some_and(|v| is_true(&v));
        if env
            .get("AWS_DISABLE_REQUEST_COMPRESSION")
            .is_some_and(|v| is_true(&v))
        {
            self.min_compression_size = None;
        }
        let min_size = env.get("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES");
        if let Some(bytes) = min_size.and_then(|v| v.trim().parse().ok()) {
            self = self.min_compression_size(Some(bytes));
        }
        if let Some(attempts) = env
            .get("AWS_MAX_ATTEMPTS")
            .and_then(|v| v.trim().parse().ok())
        {
            self.retry = self.retry.with_max_attempts(attempts);
        }
        self
    }

    /// The client.
    ///
    /// # Errors
    ///
    /// When no region is set, the endpoint rules give no endpoint for it, or the
    /// endpoint is not a URL a request can go to.
    pub fn build(self) -> Result<Client, ConfigError> {
        if let Some(error) = self.profile_error {
            return Err(ConfigError::Profile(error));
        }
        let region = self.region.clone().ok_or(ConfigError::NoRegion)?;
        let endpoint = self.endpoint(&region)?;
        let transport = self.transport.clone().or_else(default_transport);
        let credentials = match self.credentials.clone() {
            Some(provider) => provider,
            None => default_credentials(self.env.clone(), transport.clone()),
        };
        let settings = Settings {
            service: self.service,
            region,
            endpoint,
            credentials,
            transport,
            retry: self.retry,
            call_timeout: self.call_timeout,
            idempotency_token: self.idempotency_token,
            min_compression_size: self.min_compression_size,
        };
        Ok(Client {
            settings: Arc::new(settings),
        })
    }

    /// The endpoint the rules give for `region` and the builder's settings.
    fn endpoint(&self, region: &str) -> Result<Endpoint, ConfigError> {
        let (url, signing) = match self.service.endpoint_rules {
            Some(rules) => self.resolve(rules, region)?,
            None => match &self.endpoint_url {
                Some(url) => (url.clone(), Signing::default()),
                None => return Err(ConfigError::NoEndpoint),
            },
        };
        let (scheme, host, path) = split_url(&url)?;
        if scheme == "http" && self.endpoint_url.is_none() {
            let reason = "plain http is used only for an endpoint set by hand";
            return Err(ConfigError::EndpointUrl { url, reason });
        }
        Ok(Endpoint {
            signing_region: signing.region.unwrap_or_else(|| region.to_owned()),
            signing_name: signing
                .name
                .unwrap_or_else(|| self.service.signing_name.to_owned()),
            url,
            scheme,
            host,
            path,
        })
    }
}

impl ClientBuilder {
    /// The endpoint URL that `rules` give for `region` and the builder's settings,
    /// and the signing region and name they set.
    fn resolve(&self, rules: &str, region: &str) -> Result<(String, Signing), ConfigError> {
        let rules = RuleSet::from_json(rules).map_err(ConfigError::Endpoint)?;
        let mut params = Params::new();
        let mut set = |built_in: &str, value: Value| {
            if let Some(name) = rules.parameter_for_built_in(built_in) {
                params.set(name, value);
            }
        };
        set("AWS::Region", region.into());
        set("AWS::UseFIPS", self.use_fips.into());
        set("AWS::UseDualStack", self.use_dual_stack.into());
        if let Some(url) = &self.endpoint_url {
            set("SDK::Endpoint", url.as_str().into());
        }
        let resolved = rules.resolve(&params).map_err(ConfigError::Endpoint)?;
        let sigv4 = resolved
            .auth_schemes()
            .into_iter()
            .find(|scheme| scheme.name() == "sigv4");
        let signing = Signing {
            region: sigv4
                .as_ref()
                .and_then(|s| s.signing_region().map(str::to_owned)),
            name: sigv4
                .as_ref()
                .and_then(|s| s.signing_name().map(str::to_owned)),
        };
        Ok((resolved.url().to_owned(), signing))
    }
}

/// The signing region and name an endpoint sets, if any.
#[derive(Default)]
struct Signing {
    region: Option<String>,
    name: Option<String>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("service", &self.service.sdk_id)
            .field("region", &self.region)
            .field("endpoint_url", &self.endpoint_url)
            .field("use_fips", &self.use_fips)
            .field("use_dual_stack", &self.use_dual_stack)
            .field("retry", &self.retry)
            .field("call_timeout", &self.call_timeout)
            .finish_non_exhaustive()
    }
}

/// The default chain over `env` (the process's when `None`): environment, profile,
/// and with a transport the container endpoint and IMDS; cached.
fn default_credentials(
    env: Option<credentials::Env>,
    transport: Option<Arc<dyn Transport>>,
) -> Arc<dyn ProvideCredentials> {
    let env = env.unwrap_or_else(credentials::Env::process);
    let chain = match transport {
        Some(transport) => ChainProvider::default_chain(env, transport),
        None => ChainProvider::new()
            .with(credentials::EnvProvider::new(env.clone()))
            .with(credentials::ProfileProvider::new(env)),
    };
    Arc::new(CachedProvider::new(chain))
}

/// `true` as the AWS CLI reads a boolean setting.
fn is_true(value: &str) -> bool {
    value.trim().eq_ignore_ascii_case("true")
}

/// The built-in transport, with the `blocking` feature.
fn default_transport() -> Option<Arc<dyn Transport>> {
    #[cfg(feature = "blocking")]
    {
        Some(Arc::new(super::transport::BlockingTransport::new()))
    }
    #[cfg(not(feature = "blocking"))]
    {
        None
    }
}

/// An endpoint URL's scheme, host (with its port) and path without its last `/`.
fn split_url(url: &str) -> Result<(String, String, String), ConfigError> {
    let bad = |reason| ConfigError::EndpointUrl {
        url: url.to_owned(),
        reason,
    };
    let uri: http::Uri = url.parse().map_err(|_| bad("not a URL"))?;
    let scheme = match uri.scheme_str() {
        Some(scheme @ ("http" | "https")) => scheme.to_owned(),
        _ => return Err(bad("the scheme is neither http nor https")),
    };
    let host = uri
        .authority()
        .ok_or_else(|| bad("no host"))?
        .as_str()
        .to_owned();
    if host.contains('@') {
        return Err(bad("a user name or password in the URL"));
    }
    if uri.query().is_some() {
        return Err(bad("a query string in the URL"));
    }
    let path = uri.path().trim_end_matches('/').to_owned();
    Ok((scheme, host, path))
}

/// Why a client cannot be built.
#[derive(Debug)]
#[non_exhaustive]
pub enum ConfigError {
    /// No region: set one with `AWS_REGION`, the profile's `region`, or the builder.
    NoRegion,
    /// The model has no endpoint rules, and no endpoint URL is set.
    NoEndpoint,
    /// The shared config file cannot be read.
    Profile(CredentialsError),
    /// The endpoint rules give no endpoint.
    Endpoint(EndpointError),
    /// The endpoint is not a URL requests can go to.
    EndpointUrl {
        /// The endpoint.
        url: String,
        /// Why it cannot be used.
        reason: &'static str,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::NoRegion => f.write_str(
                "no region: set AWS_REGION, or `region` in the profile of ~/.aws/config",
            ),
            ConfigError::NoEndpoint => {
                f.write_str("no endpoint: the model has no endpoint rules; set AWS_ENDPOINT_URL")
            }
            ConfigError::Endpoint(error) => write!(f, "no endpoint: {error}"),
            ConfigError::Profile(error) => write!(f, "cannot read the config: {error}"),
            ConfigError::EndpointUrl { url, reason } => {
                write!(f, "endpoint `{url}` cannot be used: {reason}")
            }
        }
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ConfigError::Endpoint(error) => Some(error),
            ConfigError::Profile(error) => Some(error),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SERVICE: Service = Service {
        title: "Amazon Forecast Service",
        sdk_id: "forecast",
        signing_name: "forecast",
        version: "2018-06-26",
        endpoint_rules: None,
    };

    /// A builder that reads `vars` and no file (HOME names an empty place).
    fn from_vars(vars: &[(&str, &str)]) -> ClientBuilder {
        let mut all = vec![
            ("HOME", "/nonexistent"),
            ("AWS_EC2_METADATA_DISABLED", "true"),
        ];
        all.extend_from_slice(vars);
        ClientBuilder::new(&SERVICE).from_lookup(&credentials::Env::from_vars(all))
    }

    #[test]
    fn the_service_endpoint_variable_wins_over_the_general_one() {
        let both = from_vars(&[
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
            ("AWS_ENDPOINT_URL_FORECAST", "http://127.0.0.1:2"),
        ]);
        assert_eq!(both.endpoint_url.as_deref(), Some("http://127.0.0.1:2"));
        assert_eq!(both.region.as_deref(), Some("eu-west-1"));
        let general = from_vars(&[("AWS_ENDPOINT_URL", "http://127.0.0.1:1")]);
        assert_eq!(general.endpoint_url.as_deref(), Some("http://127.0.0.1:1"));
        let ignored = from_vars(&[
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"),
        ]);
        assert_eq!(ignored.endpoint_url, None);
    }

    #[test]
    fn settings_from_the_environment_keep_what_is_set_by_hand() {
        let builder = ClientBuilder::new(&SERVICE)
            .region("us-west-2")
            .from_lookup(&credentials::Env::from_vars([
                ("AWS_REGION", "eu-west-1"),
                ("AWS_DEFAULT_REGION", "ap-south-1"),
                ("AWS_USE_FIPS_ENDPOINT", "TRUE"),
                ("AWS_USE_DUALSTACK_ENDPOINT", "false"),
                ("AWS_DISABLE_REQUEST_COMPRESSION", "true"),
                ("HOME", "/nonexistent"),
            ]));
        assert_eq!(builder.region.as_deref(), Some("us-west-2"));
        assert!(builder.use_fips);
        assert!(!builder.use_dual_stack);
        assert_eq!(builder.min_compression_size, None);
        let default_region = from_vars(&[("AWS_DEFAULT_REGION", "ap-south-1")]);
        assert_eq!(default_region.region.as_deref(), Some("ap-south-1"));
    }

    #[test]
    fn a_client_needs_a_region() {
        let error = from_vars(&[("AWS_ENDPOINT_URL", "http://127.0.0.1:1")])
            .build()
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "no region: set AWS_REGION, or `region` in the profile of ~/.aws/config"
        );
    }

    #[test]
    fn endpoint_urls_split_into_scheme_host_and_path() {
        let split = |url| split_url(url).map_err(|e| e.to_string());
        assert_eq!(
            split("https://example.com/custom/"),
            Ok(("https".into(), "example.com".into(), "/custom".into()))
        );
        assert_eq!(
            split("http://127.0.0.1:5000"),
            Ok(("http".into(), "127.0.0.1:5000".into(), String::new()))
        );
        assert!(split("ftp://example.com").is_err());
        assert!(split("https://user:pw@example.com").is_err());
        assert!(split("not a url").is_err());
    }
}
