//! Whole calls over the client's transport: sign, send, retry what AWS's standard
//! mode retries, and read the answer.

use std::time::{Instant, SystemTime};

use super::call::{Call, Paginated, PaginatedItems};
use super::calls::{read, response_code, Client, Prepared};
use super::error::{Error, RequestError};
use super::pages::{Items, Pages};
use super::retry::Decision;

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
        let mut attempts = self.settings.retry.start();
        loop {
            let request = self.sign(&prepared, SystemTime::now())?;
            let remaining = self
                .settings
                .call_timeout
                .map(|total| total.saturating_sub(started.elapsed()));
            let decision = match transport.send(request, remaining) {
                Ok(response) if response.status().is_success() => {
                    attempts.succeeded();
                    return read::<O>(response);
                }
                Ok(response) => {
                    let code = response_code(&response);
                    let modeled = code
                        .as_deref()
                        .and_then(|code| O::RETRYABLE.iter().find(|(c, _)| *c == code));
                    match attempts.after_response(
                        response.status().as_u16(),
                        code.as_deref(),
                        modeled.map(|(_, throttling)| *throttling),
                    ) {
                        Decision::Retry(delay) => delay,
                        Decision::Stop => return read::<O>(response),
                    }
                }
                Err(error) => match attempts.after_transport_error(error.kind()) {
                    Decision::Retry(delay) => delay,
                    Decision::Stop => return Err(Error::transport(error)),
                },
            };
            std::thread::sleep(delay_within(decision, started, self.settings.call_timeout));
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
