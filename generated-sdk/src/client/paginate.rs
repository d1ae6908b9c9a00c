//! Following `page_token` through a paged list.

use std::collections::VecDeque;

use super::error::Error;
use super::{Client, RequestOptions};
use crate::endpoint::Paginated;

/// Walks every page of a list, fetching each when needed.
///
/// ```no_run
/// # async fn demo(client: lark_sdk::Client) -> Result<(), Box<dyn std::error::Error>> {
/// use lark_sdk::im::v1::ListMessageReactionRequest;
///
/// let mut reactions = client.im().v1().message_reaction().list_all(ListMessageReactionRequest::new("om_1"));
/// while let Some(reaction) = reactions.next().await {
///     println!("{:?}", reaction?.reaction_id);
/// }
/// # Ok(()) }
/// ```
pub struct Paginator<E: Paginated> {
    client: Client,
    request: E,
    options: RequestOptions,
    buffer: VecDeque<E::Item>,
    token: Option<String>,
    done: bool,
}

impl<E: Paginated> std::fmt::Debug for Paginator<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator")
            .field("endpoint", &E::ID)
            .field("buffered", &self.buffer.len())
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<E: Paginated> Paginator<E> {
    /// The next page's items; `None` after the last page.
    pub async fn next_page(&mut self) -> Option<Result<Vec<E::Item>, Error<E::Error>>> {
        if self.done {
            return None;
        }
        let mut request = self.request.clone();
        request.set_page_token(self.token.clone());
        let response = match self.client.call_with(&request, &self.options).await {
            Ok(response) => response,
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        let page = E::page(response);
        match page.next_page_token {
            // A token that does not move would loop for ever.
            Some(next) if Some(&next) != self.token.as_ref() => self.token = Some(next),
            _ => self.done = true,
        }
        Some(Ok(page.items))
    }

    /// The next item, fetching the next page when needed; `None` at the end.
    pub async fn next(&mut self) -> Option<Result<E::Item, Error<E::Error>>> {
        while self.buffer.is_empty() {
            match self.next_page().await? {
                Ok(items) => self.buffer.extend(items),
                Err(e) => return Some(Err(e)),
            }
        }
        self.buffer.pop_front().map(Ok)
    }

    /// Every remaining item.
    pub async fn try_collect(mut self) -> Result<Vec<E::Item>, Error<E::Error>> {
        let mut all: Vec<E::Item> = self.buffer.drain(..).collect();
        while let Some(page) = self.next_page().await {
            all.extend(page?);
        }
        Ok(all)
    }
}

impl Client {
    /// Walks every page of a paged list.
    pub fn paginate<E: Paginated>(&self, request: E) -> Paginator<E> {
        self.paginate_with(request, RequestOptions::default())
    }

    /// Walks every page of a paged list with per-call options.
    pub fn paginate_with<E: Paginated>(&self, request: E, options: RequestOptions) -> Paginator<E> {
        Paginator {
            client: self.clone(),
            request,
            options,
            buffer: VecDeque::new(),
            token: None,
            done: false,
        }
    }
}
