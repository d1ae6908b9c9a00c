//! A YAML document as a tree whose every node and key keeps its position.
//!
//! Built from the parser's events rather than through serde, so that a scalar's
//! meaning is decided by the spec type that reads it (`2022` is an emoji value
//! where a string is expected, `No` stays `No`), duplicate keys are caught, and
//! decoding can go on after a mistake to report the next one.

use std::collections::HashMap;

use granit_parser::{Event, Marker, Parser, ScalarStyle, Span};

use crate::diag::{Diagnostics, FileId, Loc, Pos};

/// Nesting deeper than this is refused (a spec never needs it; recursion would).
pub const MAX_DEPTH: usize = 64;
/// Nodes that aliases may copy into one document (guards against alias
/// bombs: an alias copies its anchor's whole value, aliases within it too).
pub const MAX_ALIAS_NODES: usize = 2_000_000;
/// Bytes of text (scalars and keys) that aliases may copy into one document:
/// 16 MiB, so that a long anchored value repeated many times cannot exhaust
/// memory.
pub const MAX_ALIAS_BYTES: usize = 16 << 20;
/// Mappings with more keys than this find duplicate keys through an index.
const INDEXED_FROM: usize = 16;

/// A YAML node with the place it starts.
#[derive(Clone, Debug)]
pub struct Node {
    /// Where the node starts.
    pub loc: Loc,
    /// What it holds.
    pub kind: NodeKind,
}

/// The three shapes of YAML data.
#[derive(Clone, Debug)]
pub enum NodeKind {
    /// A scalar with its text after escapes; `plain` when written unquoted.
    Scalar {
        /// The text.
        text: String,
        /// Written without quotes or block indicators (so `null`, `~`, empty mean nothing).
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order; keys are unique.
    Map(Vec<(Key, Node)>),
}

/// A mapping key with its place.
#[derive(Clone, Debug)]
pub struct Key {
    /// The key text.
    pub text: String,
    /// Where the key is written.
    pub loc: Loc,
}

impl Node {
    /// True for an empty value or `null`/`~` written plain.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// "a string", "a mapping", "a list": for messages about a wrong shape.
    pub fn describe(&self) -> &'static str {
        match &self.kind {
            _ if self.is_null() => "nothing",
            NodeKind::Scalar { .. } => "a scalar",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }
}

enum Frame {
    Seq(Loc, Vec<Node>, usize),
    Map(MapFrame),
}

/// A mapping being read.
struct MapFrame {
    start: Loc,
    entries: Vec<(Key, Node)>,
    /// What the next node is, once a key has been read.
    pending: Option<Pending>,
    anchor: usize,
    /// Position of each key in `entries`, once there are many.
    index: HashMap<String, usize>,
}

impl MapFrame {
    /// The entry with a key already read, if any.
    fn find(&self, key: &str) -> Option<&Key> {
        let at = if self.entries.len() > INDEXED_FROM {
            self.index.get(key).copied()
        } else {
            self.entries.iter().position(|(k, _)| k.text == key)
        };
        at.map(|i| &self.entries[i].0)
    }

    fn push(&mut self, key: Key, value: Node) {
        if self.entries.len() == INDEXED_FROM {
            self.index = (self.entries.iter().enumerate())
                .map(|(i, (k, _))| (k.text.clone(), i))
                .collect();
        }
        if self.entries.len() >= INDEXED_FROM {
            self.index.insert(key.text.clone(), self.entries.len());
        }
        self.entries.push((key, value));
    }
}

/// An anchored value, with what an alias of it copies.
struct Anchored {
    node: Node,
    nodes: usize,
    bytes: usize,
}

/// What a mapping waits for after reading a key.
enum Pending {
    /// The value of this key.
    Value(Key),
    /// The value of a duplicate key, already reported: dropped.
    Dropped,
}

fn loc_of(file: FileId, marker: &Marker) -> Loc {
    Loc {
        file,
        pos: Pos {
            line: u32::try_from(marker.line()).unwrap_or(u32::MAX),
            col: u32::try_from(marker.col() + 1).unwrap_or(u32::MAX),
        },
    }
}

/// Parses one YAML file into its single document.
///
/// Returns `None` (after recording why) when the text is not YAML, holds more
/// than one document, or holds none.
pub fn parse(file: FileId, text: &str, diags: &mut Diagnostics) -> Option<Node> {
    let mut builder = Builder {
        file,
        diags,
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        documents: 0,
        copied_nodes: 0,
        copied_bytes: 0,
        failed: false,
    };
    for item in Parser::new_from_str(text) {
        match item {
            Ok((event, span)) => {
                builder.event(event, &span);
                if builder.failed {
                    return None;
                }
            }
            Err(err) => {
                let loc = loc_of(file, err.marker());
                builder
                    .diags
                    .error(loc, format!("invalid YAML: {}", err.info()));
                return None;
            }
        }
    }
    match builder.root {
        Some(root) => Some(root),
        None => {
            builder.diags.error(
                Loc {
                    file,
                    pos: Pos { line: 1, col: 1 },
                },
                "empty file: a spec file is a mapping with at least one key",
            );
            None
        }
    }
}

struct Builder<'d> {
    file: FileId,
    diags: &'d mut Diagnostics,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Anchored>,
    root: Option<Node>,
    documents: usize,
    /// Nodes and bytes of text copied by aliases so far.
    copied_nodes: usize,
    copied_bytes: usize,
    failed: bool,
}

impl Builder<'_> {
    fn fail(&mut self, loc: Loc, message: impl Into<String>) {
        self.diags.error(loc, message);
        self.failed = true;
    }

    fn event(&mut self, event: Event<'_>, span: &Span) {
        let loc = loc_of(self.file, &span.start);
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.fail(
                        loc,
                        "a spec file holds one YAML document; split the others into their own files",
                    );
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if let Some(tag) = tag
                    && !tag.is_yaml_core_schema()
                {
                    self.fail(
                        loc,
                        format!("YAML tag `{tag}` is not supported in spec files"),
                    );
                    return;
                }
                let plain = style == ScalarStyle::Plain;
                let node = Node {
                    loc,
                    kind: NodeKind::Scalar {
                        text: text.into_owned(),
                        plain,
                    },
                };
                self.finish(node, anchor);
            }
            Event::SequenceStart(_, anchor, _) => {
                if self.depth_exceeded(loc) {
                    return;
                }
                self.stack.push(Frame::Seq(loc, Vec::new(), anchor));
            }
            Event::MappingStart(_, anchor, _) => {
                if self.depth_exceeded(loc) {
                    return;
                }
                self.stack.push(Frame::Map(MapFrame {
                    start: loc,
                    entries: Vec::new(),
                    pending: None,
                    anchor,
                    index: HashMap::new(),
                }));
            }
            Event::SequenceEnd => {
                if let Some(Frame::Seq(start, items, anchor)) = self.stack.pop() {
                    self.finish(
                        Node {
                            loc: start,
                            kind: NodeKind::Seq(items),
                        },
                        anchor,
                    );
                }
            }
            Event::MappingEnd => {
                if let Some(Frame::Map(map)) = self.stack.pop() {
                    self.finish(
                        Node {
                            loc: map.start,
                            kind: NodeKind::Map(map.entries),
                        },
                        map.anchor,
                    );
                }
            }
            Event::Alias(id) => match self.anchors.get(&id) {
                Some(anchored) => {
                    self.copied_nodes += anchored.nodes;
                    self.copied_bytes += anchored.bytes;
                    if self.copied_nodes > MAX_ALIAS_NODES {
                        self.fail(
                            loc,
                            format!("aliases expand to too much: more than {MAX_ALIAS_NODES} nodes copied"),
                        );
                    } else if self.copied_bytes > MAX_ALIAS_BYTES {
                        self.fail(
                            loc,
                            format!(
                                "aliases expand to too much: more than {} MiB of text copied (each alias copies its anchor's whole value)",
                                MAX_ALIAS_BYTES >> 20
                            ),
                        );
                    } else {
                        let node = anchored.node.clone();
                        self.finish(node, 0);
                    }
                }
                None => self.fail(
                    loc,
                    "alias refers to an anchor that is not defined before it",
                ),
            },
            _ => {}
        }
    }

    fn depth_exceeded(&mut self, loc: Loc) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.fail(loc, format!("nesting deeper than {MAX_DEPTH} levels"));
            return true;
        }
        false
    }

    fn finish(&mut self, node: Node, anchor: usize) {
        if anchor != 0 {
            let (nodes, bytes) = measure(&node);
            self.anchors.insert(
                anchor,
                Anchored {
                    node: node.clone(),
                    nodes,
                    bytes,
                },
            );
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq(_, items, _)) => items.push(node),
            Some(Frame::Map(map)) => match map.pending.take() {
                Some(Pending::Value(key)) => map.push(key, node),
                Some(Pending::Dropped) => {}
                None => {
                    let NodeKind::Scalar { text, .. } = node.kind else {
                        self.fail(node.loc, "mapping keys must be plain text");
                        return;
                    };
                    map.pending = Some(match map.find(&text) {
                        Some(first) => {
                            let first = first.loc.pos;
                            self.diags.error(
                                node.loc,
                                format!(
                                    "duplicate key `{text}` (first written at line {}, column {})",
                                    first.line, first.col
                                ),
                            );
                            Pending::Dropped
                        }
                        None => Pending::Value(Key {
                            text,
                            loc: node.loc,
                        }),
                    });
                }
            },
        }
    }
}

/// The nodes of a value and the bytes of text (scalars and keys) in it.
fn measure(node: &Node) -> (usize, usize) {
    match &node.kind {
        NodeKind::Scalar { text, .. } => (1, text.len()),
        NodeKind::Seq(items) => items.iter().map(measure).fold((1, 0), add),
        NodeKind::Map(entries) => entries
            .iter()
            .map(|(key, value)| {
                let (nodes, bytes) = measure(value);
                (nodes + 1, bytes + key.text.len())
            })
            .fold((1, 0), add),
    }
}

fn add(a: (usize, usize), b: (usize, usize)) -> (usize, usize) {
    (a.0 + b.0, a.1 + b.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> (Option<Node>, Vec<String>) {
        let mut diags = Diagnostics::default();
        let node = parse(FileId(0), text, &mut diags);
        let msgs = diags
            .sorted()
            .into_iter()
            .map(|d| match &d.place {
                crate::diag::Place::At(l) => format!("{}:{}: {}", l.pos.line, l.pos.col, d.message),
                crate::diag::Place::Path(p) => format!("{p}: {}", d.message),
            })
            .collect();
        (node, msgs)
    }

    fn map_keys(node: &Node) -> Vec<(String, u32, u32)> {
        let NodeKind::Map(entries) = &node.kind else {
            panic!("not a map")
        };
        entries
            .iter()
            .map(|(k, _)| (k.text.clone(), k.loc.pos.line, k.loc.pos.col))
            .collect()
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let (node, errs) = parse_str("a: 1\nb:\n  c: \"x\"\n  d: [2022, No]\n");
        assert!(errs.is_empty(), "{errs:?}");
        let node = node.unwrap();
        assert_eq!(map_keys(&node), [("a".into(), 1, 1), ("b".into(), 2, 1)]);
        let NodeKind::Map(entries) = &node.kind else {
            unreachable!()
        };
        let b = &entries[1].1;
        assert_eq!(map_keys(b), [("c".into(), 3, 3), ("d".into(), 4, 3)]);
        let NodeKind::Map(inner) = &b.kind else {
            unreachable!()
        };
        let NodeKind::Seq(items) = &inner[1].1.kind else {
            unreachable!()
        };
        assert!(matches!(&items[0].kind, NodeKind::Scalar { text, plain: true } if text == "2022"));
        assert!(matches!(&items[1].kind, NodeKind::Scalar { text, .. } if text == "No"));
        assert_eq!(items[1].loc.pos, Pos { line: 4, col: 13 });
    }

    #[test]
    fn reports_duplicate_keys_and_keeps_the_first() {
        let (node, errs) = parse_str("a: 1\nb: 2\na: 3\n");
        assert_eq!(
            errs,
            ["3:1: duplicate key `a` (first written at line 1, column 1)"]
        );
        assert_eq!(map_keys(&node.unwrap()).len(), 2);
    }

    #[test]
    fn reports_syntax_errors_with_position() {
        let (node, errs) = parse_str("a: [1, 2\nb: 3\n");
        assert!(node.is_none());
        assert_eq!(errs.len(), 1);
        assert!(errs[0].contains("invalid YAML"), "{errs:?}");
    }

    #[test]
    fn rejects_several_documents_and_empty_files() {
        let (_, errs) = parse_str("a: 1\n---\nb: 2\n");
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].starts_with("2:1: a spec file holds one YAML document"),
            "{errs:?}"
        );
        let (_, errs) = parse_str("# only a comment\n");
        assert_eq!(
            errs,
            ["1:1: empty file: a spec file is a mapping with at least one key"]
        );
    }

    #[test]
    fn expands_aliases_but_not_bombs() {
        let (node, errs) = parse_str("base: &b {x: 1}\nother: *b\n");
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(map_keys(&node.unwrap()).len(), 2);

        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            let p = i - 1;
            bomb.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let (node, errs) = parse_str(&bomb);
        assert!(node.is_none());
        assert!(errs[0].contains("aliases expand to too much"), "{errs:?}");
    }

    #[test]
    fn bounds_the_text_aliases_copy() {
        let long = "x".repeat(1 << 20);
        let mut text = format!("a: &a {long}\n");
        for i in 0..16 {
            text.push_str(&format!("b{i}: *a\n"));
        }
        let (node, errs) = parse_str(&text);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(map_keys(&node.unwrap()).len(), 17);

        text.push_str("c: *a\n");
        let (node, errs) = parse_str(&text);
        assert!(node.is_none());
        assert_eq!(
            errs,
            [
                "18:4: aliases expand to too much: more than 16 MiB of text copied (each alias copies its anchor's whole value)"
            ]
        );
    }

    #[test]
    fn finds_duplicates_in_large_mappings() {
        let mut text: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
        text.push_str("k7: again\nk99: again\n");
        let (node, errs) = parse_str(&text);
        assert_eq!(
            errs,
            [
                "101:1: duplicate key `k7` (first written at line 8, column 1)",
                "102:1: duplicate key `k99` (first written at line 100, column 1)",
            ]
        );
        assert_eq!(map_keys(&node.unwrap()).len(), 100);
    }

    #[test]
    fn refuses_deep_nesting_and_unknown_tags() {
        let deep = "[".repeat(200) + &"]".repeat(200);
        let (node, errs) = parse_str(&deep);
        assert!(node.is_none());
        assert!(!errs.is_empty());
        let (_, errs) = parse_str("a: !custom 1\n");
        assert!(errs[0].contains("YAML tag"), "{errs:?}");
        let (node, errs) = parse_str("a: !!str 2022\n");
        assert!(errs.is_empty(), "{errs:?}");
        assert!(node.is_some());
    }
}
