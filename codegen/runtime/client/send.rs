//! Whole calls over the client's transport: sign, send, retry what AWS's standard
//! mode retries, and read the answer.

use std::time::{Instant, SystemTime};

use super::call::{Call, Paginated, PaginatedItems};
use super::calls::{read, response_code, Client, Prepared};
use super::error::{Error, RequestError};
use super::pages::{Items, Pages};
use super::retry::{Decision, Outcome, RetryKind};

impl Client {
    /// Calls `operation` with `input` and reads its output, retrying throttling and
    /// transient failures.
    ///
    /// # Errors
    ///
    /// The operation's own error when the service answers with one
    /// ([`Error::Service`]), else what kept the call from an answer.
    pub fn send<O: Call>(
        &self,
        operation: O,
        input: O::Input,
    ) -> Result<O::Output, Error<O::Error>> {
        let _ = operation;
        let prepared = Prepared::<O>::new(input, &self.settings)?;
        let Some(transport) = self.settings.transport.as_deref() else {
            return Err(Error::Request(RequestError::NoTransport));
        };
        let started = Instant::now();
        let mut attempts = self.settings.retry.attempts();
        loop {
            let request = self.sign(&prepared, SystemTime::now())?;
            let remaining = self
                .settings
                .call_timeout
                .map(|total| total.saturating_sub(started.elapsed()));
            let result = transport.send(request, remaining);
            let failed = result.as_ref().ok().filter(|r| !r.status().is_success());
            let code = failed.and_then(response_code);
            let outcome = match &result {
                Ok(response) => Outcome::Response {
                    status: response.status().as_u16(),
                    error_code: code.as_deref(),
                    retryable: code.as_deref().and_then(modeled::<O>),
                },
                Err(error) => Outcome::Failed(error.kind()),
            };
            match attempts.next(outcome) {
                Decision::Retry(delay) => {
                    std::thread::sleep(delay_within(delay, started, self.settings.call_timeout));
                }
                Decision::Stop => {
                    return match result {
                        Ok(response) => read::<O>(response),
                        Err(error) => Err(Error::transport(error)),
                    };
                }
            }
        }
    }

    /// The pages of a paginated operation's results, from `input` on: each item is
    /// one call's output or its error, after which the iterator ends.
    pub fn pages<O: Paginated>(&self, operation: O, input: O::Input) -> Pages<'_, O> {
        Pages::new(self, operation, input)
    }

    /// The items of every page of a paginated operation's results, from `input` on.
    pub fn items<O: PaginatedItems>(&self, operation: O, input: O::Input) -> Items<'_, O> {
        Items::new(self.pages(operation, input))
    }
}

/// How the model marks the error with `code`, if it is `@retryable`.
fn modeled<O: Call>(code: &str) -> Option<RetryKind> {
    let (_, throttling) = O::RETRYABLE.iter().find(|(modeled, _)| *modeled == code)?;
    Some(match throttling {
        true => RetryKind::Throttling,
        false => RetryKind::Transient,
    })
}

/// A retry delay, cut short so that the call's time limit is not slept through.
fn delay_within(
    delay: std::time::Duration,
    started: Instant,
    limit: Option<std::time::Duration>,
) -> std::time::Duration {
    match limit {
        Some(limit) => delay.min(limit.saturating_sub(started.elapsed())),
        None => delay,
    }
}
