//! Iterators over the pages of a paginated operation, and over their items.

use std::collections::VecDeque;

use super::call::{Paginated, PaginatedItems};
use super::calls::Client;
use super::error::Error;

/// The pages of a paginated operation's results, one call each, until the service
/// gives no next token (or gives back the token it was sent).
pub struct Pages<'c, O: Paginated> {
    client: &'c Client,
    operation: O,
    next: Option<O::Input>,
}

impl<'c, O: Paginated> Pages<'c, O> {
    pub(crate) fn new(client: &'c Client, operation: O, input: O::Input) -> Self {
        Pages {
            client,
            operation,
            next: Some(input),
        }
    }
}

impl<O: Paginated> Iterator for Pages<'_, O> {
    type Item = Result<O::Output, Error<O::Error>>;

    fn next(&mut self) -> Option<Self::Item> {
        let input = self.next.take()?;
        let sent = input.clone();
        let output = match self.client.send(self.operation, input) {
            Ok(output) => output,
            Err(error) => return Some(Err(error)),
        };
        if let Some(token) = O::next_token(&output).filter(|token| !token.is_empty()) {
            let mut next = sent;
            let repeated = O::token(&next) == Some(token);
            if !repeated {
                O::set_token(&mut next, Some(token.to_owned()));
                self.next = Some(next);
            }
        }
        Some(Ok(output))
    }
}

/// The items of every page of a paginated operation's results.
pub struct Items<'c, O: PaginatedItems> {
    pages: Pages<'c, O>,
    items: VecDeque<O::Item>,
}

impl<'c, O: PaginatedItems> Items<'c, O> {
    pub(crate) fn new(pages: Pages<'c, O>) -> Self {
        Items {
            pages,
            items: VecDeque::new(),
        }
    }
}

impl<O: PaginatedItems> Iterator for Items<'_, O> {
    type Item = Result<O::Item, Error<O::Error>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.items.pop_front() {
                return Some(Ok(item));
            }
            match self.pages.next()? {
                Ok(page) => self.items.extend(O::items(page)),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}
