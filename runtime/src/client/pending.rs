//! What a generated call method returns: the call, made when awaited.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::{Client, Download, Error, RequestOptions};
use crate::endpoint::Endpoint;

/// A call of an endpoint, made when it is awaited: it resolves to the
/// endpoint's response data (to a [`Download`] for a [`DownloadCall`]) or to
/// its typed [`Error`].
///
/// Generated call methods return one rather than being `async fn`s: the
/// sending code of an endpoint is then compiled in the crate that awaits a
/// call of it, once per endpoint it uses, and not for every endpoint of the
/// SDK. Awaiting it is the same as awaiting [`Client::call_with`] with the
/// request and options it was made from.
#[must_use = "a call is made when it is awaited"]
pub struct Call<'a, E: Endpoint, K: Answer<E> = AsData> {
    state: State<'a, E, K::Output>,
    kind: PhantomData<fn() -> K>,
}

/// A call of a download endpoint: it resolves to the [`Download`].
pub type DownloadCall<'a, E> = Call<'a, E, AsDownload>;

type Running<'a, T, X> = Pin<Box<dyn Future<Output = Result<T, Error<X>>> + Send + 'a>>;

enum State<'a, E: Endpoint, T> {
    Ready {
        client: &'a Client,
        options: &'a RequestOptions,
        request: E,
    },
    Running(Running<'a, T, E::Error>),
    Done,
}

/// What a call resolves to: the response data ([`AsData`]) or a file
/// ([`AsDownload`]). Sealed.
pub trait Answer<E: Endpoint>: sealed::Sealed {
    /// The value of a successful call.
    type Output: Send + 'static;

    /// Starts the call.
    #[doc(hidden)]
    fn start<'a>(
        client: &'a Client,
        options: &'a RequestOptions,
        request: E,
    ) -> Running<'a, Self::Output, E::Error>
    where
        E: 'a;
}

/// A call answered with the endpoint's response data.
#[derive(Debug)]
pub enum AsData {}

/// A call answered with a file, read as it comes.
#[derive(Debug)]
pub enum AsDownload {}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::AsData {}
    impl Sealed for super::AsDownload {}
}

impl<E: Endpoint> Answer<E> for AsData {
    type Output = E::Response;

    fn start<'a>(
        client: &'a Client,
        options: &'a RequestOptions,
        request: E,
    ) -> Running<'a, E::Response, E::Error>
    where
        E: 'a,
    {
        Box::pin(async move { client.call_with(&request, options).await })
    }
}

impl<E: Endpoint> Answer<E> for AsDownload {
    type Output = Download;

    fn start<'a>(
        client: &'a Client,
        options: &'a RequestOptions,
        request: E,
    ) -> Running<'a, Download, E::Error>
    where
        E: 'a,
    {
        Box::pin(async move { client.download_with(&request, options).await })
    }
}

impl<'a, E: Endpoint, K: Answer<E>> Call<'a, E, K> {
    /// A call of `request` through `client` with `options`, made when awaited.
    pub fn new(client: &'a Client, options: &'a RequestOptions, request: E) -> Self {
        Call {
            state: State::Ready {
                client,
                options,
                request,
            },
            kind: PhantomData,
        }
    }
}

// The request is moved into the running future, never pinned in place.
impl<E: Endpoint, K: Answer<E>> Unpin for Call<'_, E, K> {}

impl<'a, E: Endpoint + 'a, K: Answer<E>> Future for Call<'a, E, K> {
    type Output = Result<K::Output, Error<E::Error>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        loop {
            match std::mem::replace(&mut this.state, State::Done) {
                State::Ready {
                    client,
                    options,
                    request,
                } => this.state = State::Running(K::start(client, options, request)),
                State::Running(mut running) => {
                    return match running.as_mut().poll(cx) {
                        Poll::Ready(out) => Poll::Ready(out),
                        Poll::Pending => {
                            this.state = State::Running(running);
                            Poll::Pending
                        }
                    };
                }
                State::Done => panic!("a `Call` was polled after it completed"),
            }
        }
    }
}

impl<E: Endpoint, K: Answer<E>> fmt::Debug for Call<'_, E, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            State::Ready { .. } => "ready",
            State::Running(_) => "running",
            State::Done => "done",
        };
        f.debug_struct("Call")
            .field("endpoint", &E::ID)
            .field("state", &state)
            .finish()
    }
}
