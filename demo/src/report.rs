//! What the bot reports: a transcript a person can read, and what it did,
//! for whoever drives it.

use std::time::Instant;

/// Prints what happens, with the time since start.
#[derive(Clone)]
pub struct Transcript {
    start: Instant,
}

impl Transcript {
    pub fn new() -> Self {
        Self {
            start: Instant::now(),
        }
    }

    pub fn say(&self, line: impl AsRef<str>) {
        let t = self.start.elapsed().as_secs_f64();
        let mut lines = line.as_ref().lines();
        println!("[{t:7.3}s] {}", lines.next().unwrap_or_default());
        for rest in lines {
            println!("           {rest}");
        }
    }
}

/// What the bot did, for whoever drives it.
#[derive(Debug)]
pub enum Done {
    /// It replied to a message with a card.
    Replied { card: String },
    /// It answered a click on its card.
    Answered,
    /// It echoed a reaction.
    Echoed,
    /// It handled a removal; `refused` says whether deleting the user's
    /// reaction was refused with `NotReactionOwner`.
    Removed { refused: bool },
}

/// The first 12 characters of an id, enough to tell ids apart.
pub fn short(id: &str) -> &str {
    id.char_indices().nth(12).map_or(id, |(at, _)| &id[..at])
}
