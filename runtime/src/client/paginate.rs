//! Following `page_token` through a paged list.

use std::collections::{HashSet, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures_util::stream::{FusedStream, Stream};

use super::error::{Error, TransportError};
use super::{Client, RequestOptions};
use crate::endpoint::{Endpoint, Paginated};

/// Every item of a paged list, as a [`Stream`]: each page is fetched when
/// the items before it have been taken.
///
/// The stream ends after the page that says `has_more: false`. A page that
/// says `has_more` but gives no `page_token`, or gives a `page_token`
/// already followed, would make paging go round for ever: its items still
/// come, then the stream ends with
/// [`TransportError::PageTokenMissing`] or
/// [`TransportError::PageTokenRepeated`]. Any error ends the stream.
///
/// lark-sdk gives every paginated endpoint a `list_all` that makes one
/// (`client.im().v1().message_reaction().list_all(request)`); read it as
/// any stream, with `StreamExt::next`, or gather it with
/// [`Paginator::try_collect`].
pub struct Paginator<E: Paginated> {
    client: Client,
    request: E,
    options: RequestOptions,
    buffer: VecDeque<E::Item>,
    /// The next page's token (`None`: the first page).
    token: Option<String>,
    /// Every token followed or about to be.
    seen: HashSet<String>,
    /// Pages answered so far.
    pages: u64,
    /// The page being fetched.
    fetching: Option<PageFuture<E>>,
    /// What ends the walk after the page just given.
    fault: Option<TransportError>,
    done: bool,
}

/// One page's items, or why there is none.
type PageResult<E> = Result<Vec<<E as Paginated>::Item>, Error<<E as Endpoint>::Error>>;
type PageFuture<E> = Pin<
    Box<
        dyn Future<Output = Result<<E as Endpoint>::Response, Error<<E as Endpoint>::Error>>>
            + Send
            + 'static,
    >,
>;

/// Why a page cannot be followed.
#[derive(Debug, PartialEq, Eq)]
enum Stuck {
    Missing,
    Repeated(String),
}

/// Where paging goes after a page: the next token, `None` at the end, or
/// why it cannot go on. `seen` holds every token followed; the next one
/// joins it.
fn follow(
    seen: &mut HashSet<String>,
    has_more: bool,
    page_token: Option<String>,
) -> Result<Option<String>, Stuck> {
    if !has_more {
        return Ok(None);
    }
    match page_token.filter(|t| !t.is_empty()) {
        None => Err(Stuck::Missing),
        Some(token) if seen.contains(&token) => Err(Stuck::Repeated(token)),
        Some(token) => {
            seen.insert(token.clone());
            Ok(Some(token))
        }
    }
}

// Nothing is pinned in place: the page future is boxed.
impl<E: Paginated> Unpin for Paginator<E> {}

impl<E: Paginated> std::fmt::Debug for Paginator<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator")
            .field("endpoint", &E::ID)
            .field("pages", &self.pages)
            .field("buffered", &self.buffer.len())
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<E: Paginated + 'static> Paginator<E> {
    /// The next page's items; `None` after the last page. Items the
    /// [`Stream`] has fetched but not yet given are not among them.
    pub async fn next_page(&mut self) -> Option<PageResult<E>> {
        std::future::poll_fn(|cx| self.poll_page(cx)).await
    }

    /// Every remaining item.
    pub async fn try_collect(mut self) -> Result<Vec<E::Item>, Error<E::Error>> {
        let mut all: Vec<E::Item> = self.buffer.drain(..).collect();
        while let Some(page) = self.next_page().await {
            all.extend(page?);
        }
        Ok(all)
    }

    fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<PageResult<E>>> {
        if let Some(fault) = self.fault.take() {
            self.done = true;
            return Poll::Ready(Some(Err(fault.into())));
        }
        if self.done {
            return Poll::Ready(None);
        }
        let fetching = self.fetching.get_or_insert_with(|| {
            let client = self.client.clone();
            let mut request = self.request.clone();
            request.set_page_token(self.token.clone());
            let options = self.options.clone();
            Box::pin(async move { client.call_with(&request, &options).await })
        });
        let fetched = ready!(fetching.as_mut().poll(cx));
        self.fetching = None;
        let page = match fetched {
            Ok(response) => E::page(response),
            Err(e) => {
                self.done = true;
                return Poll::Ready(Some(Err(e)));
            }
        };
        self.pages = self.pages.saturating_add(1);
        let (endpoint, number) = (E::ID, self.pages);
        match follow(&mut self.seen, page.has_more, page.page_token) {
            Ok(Some(next)) => self.token = Some(next),
            Ok(None) => self.done = true,
            Err(Stuck::Missing) => {
                self.fault = Some(TransportError::PageTokenMissing {
                    endpoint,
                    page: number,
                });
            }
            Err(Stuck::Repeated(token)) => {
                self.fault = Some(TransportError::PageTokenRepeated {
                    endpoint,
                    page: number,
                    token,
                });
            }
        }
        Poll::Ready(Some(Ok(page.items)))
    }
}

impl<E: Paginated + 'static> Stream for Paginator<E> {
    type Item = Result<E::Item, Error<E::Error>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buffer.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(this.poll_page(cx)) {
                Some(Ok(items)) => this.buffer.extend(items),
                Some(Err(e)) => return Poll::Ready(Some(Err(e))),
                None => return Poll::Ready(None),
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let buffered = self.buffer.len();
        if self.done && self.fault.is_none() {
            (buffered, Some(buffered))
        } else {
            (buffered, None)
        }
    }
}

impl<E: Paginated + 'static> FusedStream for Paginator<E> {
    fn is_terminated(&self) -> bool {
        self.done && self.fault.is_none() && self.buffer.is_empty()
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
            seen: HashSet::new(),
            pages: 0,
            fetching: None,
            fault: None,
            done: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(t: Option<&str>) -> Option<String> {
        t.map(str::to_owned)
    }

    #[test]
    fn paging_ends_where_has_more_is_not_true() {
        let mut seen = HashSet::new();
        assert_eq!(follow(&mut seen, false, token(Some("t1"))), Ok(None));
        assert_eq!(follow(&mut seen, false, None), Ok(None));
        assert!(seen.is_empty());
    }

    #[test]
    fn has_more_without_a_token_is_stuck() {
        let mut seen = HashSet::new();
        for token in [None, Some("")] {
            assert_eq!(
                follow(&mut seen, true, self::token(token)),
                Err(Stuck::Missing)
            );
        }
    }

    #[test]
    fn any_token_seen_before_is_stuck() {
        let mut seen = HashSet::new();
        for token in ["a", "b", "c"] {
            assert_eq!(
                follow(&mut seen, true, Some(token.to_owned())),
                Ok(Some(token.to_owned()))
            );
        }
        // Not the last one: the first.
        assert_eq!(
            follow(&mut seen, true, token(Some("a"))),
            Err(Stuck::Repeated("a".into()))
        );
    }
}
