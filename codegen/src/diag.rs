//! Where things are in the spec, and the problems found there.
//!
//! Every stage (YAML parsing, decoding, checking) records its problems into one
//! [`Diagnostics`] and carries on, so a spec author sees every mistake at once.

use std::fmt;
use std::path::PathBuf;

/// A position in a file: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1, counted in characters.
    pub col: u32,
}

/// Identifies one file of a [`Sources`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub(crate) u32);

/// A place in the spec: a file and a position in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    /// The file.
    pub file: FileId,
    /// The position in the file.
    pub pos: Pos,
}

impl Loc {
    /// The place of a stand-in for a value at `self` that is missing or
    /// could not be read: column 0 of its line, where no text is. The
    /// value's problem is reported where it is; problems found later with
    /// the stand-in are follow-ons, and are not kept.
    pub fn stand_in(self) -> Loc {
        Loc {
            pos: Pos {
                line: self.pos.line,
                col: 0,
            },
            ..self
        }
    }

    /// Whether this is the place of a stand-in (see [`Loc::stand_in`]).
    pub fn is_stand_in(&self) -> bool {
        self.pos.col == 0 && self.pos.line > 0
    }
}

/// One spec file as read from disk.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Absolute path, for `include_bytes!` tracking and tools.
    pub path: PathBuf,
    /// Path as shown in messages (relative to where the user works).
    pub display: String,
    /// The file's text.
    pub text: String,
}

/// Every file that went into one generation.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(file);
        id
    }

    /// The file behind an id.
    ///
    /// # Panics
    /// Never for an id this `Sources` returned.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// All files with their ids, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }
}

/// Where a diagnostic points.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// A position in a loaded file.
    At(Loc),
    /// A whole file or folder that could not be read as a spec (shown as given).
    Path(String),
}

/// One problem in the spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where it is.
    pub place: Place,
    /// What is wrong, in one sentence.
    pub message: String,
}

/// The collector every stage writes into (the "context" of serde_derive).
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a problem at a place in a file; one found with a stand-in
    /// (at [`Loc::stand_in`]) is a follow-on of a problem already recorded,
    /// and is dropped.
    pub fn error(&mut self, loc: Loc, message: impl Into<String>) {
        if loc.is_stand_in() {
            return;
        }
        self.list.push(Diagnostic {
            place: Place::At(loc),
            message: message.into(),
        });
    }

    /// Records a problem with a whole file or folder.
    pub fn error_path(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.list.push(Diagnostic {
            place: Place::Path(path.into()),
            message: message.into(),
        });
    }

    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// How many problems were found.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The problems in file and position order, each once.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut out: Vec<&Diagnostic> = self.list.iter().collect();
        out.sort_by(|a, b| (&a.place, &a.message).cmp(&(&b.place, &b.message)));
        out.dedup_by(|a, b| a == b);
        out
    }

    /// Renders every problem as `file:line:col: message`, in order.
    pub fn render(&self, sources: &Sources) -> Vec<String> {
        self.sorted()
            .into_iter()
            .map(|d| d.render(sources).to_string())
            .collect()
    }
}

impl Diagnostic {
    /// A displayable form: `file:line:col: message`.
    pub fn render<'a>(&'a self, sources: &'a Sources) -> impl fmt::Display + 'a {
        Rendered {
            diag: self,
            sources,
        }
    }
}

struct Rendered<'a> {
    diag: &'a Diagnostic,
    sources: &'a Sources,
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.diag.place {
            Place::At(loc) => write!(
                f,
                "{}:{}:{}: {}",
                self.sources.get(loc.file).display,
                loc.pos.line,
                loc.pos.col,
                self.diag.message
            ),
            Place::Path(path) => write!(f, "{path}: {}", self.diag.message),
        }
    }
}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `one of "a", "b" or "c"` for messages.
pub(crate) fn one_of<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| format!("`{s}`")).collect();
    match items.as_slice() {
        [] => String::from("nothing"),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["summary", "description", "method", "path"];
        assert_eq!(did_you_mean("sumary", keys), Some("summary"));
        assert_eq!(did_you_mean("Method", keys), Some("method"));
        assert_eq!(did_you_mean("patth", keys), Some("path"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn lists_alternatives() {
        assert_eq!(one_of(["a"]), "`a`");
        assert_eq!(one_of(["a", "b", "c"]), "`a`, `b` or `c`");
    }

    #[test]
    fn sorts_and_dedups() {
        let mut sources = Sources::default();
        let f = sources.add(SourceFile {
            path: PathBuf::from("/x.yaml"),
            display: "x.yaml".into(),
            text: String::new(),
        });
        let mut d = Diagnostics::default();
        let at = |line| Loc {
            file: f,
            pos: Pos { line, col: 1 },
        };
        d.error(at(9), "later");
        d.error(at(2), "earlier");
        d.error(at(2), "earlier");
        assert_eq!(
            d.render(&sources),
            ["x.yaml:2:1: earlier", "x.yaml:9:1: later"]
        );
    }
}
