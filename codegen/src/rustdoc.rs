//! Spec prose to rustdoc lines: English then Chinese, escaped for markdown.
//! The checker puts the prose into the model with these; the emitter adds
//! the facts around it.

use crate::spec::Text;

/// The one-line form for summaries: `English (中文)`, or whichever exists.
pub fn summary(text: &Text) -> String {
    let en = text.en.as_deref().map(str::trim);
    let zh = text.zh.as_deref().map(str::trim);
    let plain = text.plain.as_deref().map(str::trim);
    let line = match (en, zh) {
        (Some(en), Some(zh)) => format!("{en} ({zh})"),
        (Some(one), None) | (None, Some(one)) => one.to_owned(),
        (None, None) => plain.unwrap_or_default().to_owned(),
    };
    escape(&line.replace('\n', " "))
}

/// Paragraphs: English first, then Chinese, blank line between.
pub fn paragraphs(text: &Text) -> Vec<String> {
    let mut out = Vec::new();
    for part in [&text.plain, &text.en, &text.zh].into_iter().flatten() {
        if !out.is_empty() {
            out.push(String::new());
        }
        prose_lines(part.trim(), &mut out);
    }
    out
}

/// A code block being copied.
enum Block {
    /// A fence of `len` times `marker`.
    Fenced { marker: char, len: usize },
    /// An indented block, made a fence at `base` columns; blank lines met
    /// in it wait until the next line tells whether the block goes on.
    Indented { base: usize, blanks: usize },
}

/// The lines of one text, for rustdoc: prose escaped, code blocks kept as
/// written. No code block runs as a doctest: a fence rustdoc would read as
/// Rust (no language, `rust`, or only rustdoc's test attributes) is marked
/// `text`, an indented block becomes a `text` fence, and a fence the text
/// leaves open is closed, so that what follows is not taken for code.
fn prose_lines(text: &str, out: &mut Vec<String>) {
    let mut block: Option<Block> = None;
    let mut after_blank = true;
    // The content column of the list item the lines are in, if any.
    let mut list: Option<usize> = None;
    for raw in text.lines() {
        let line = expand_tabs(raw.trim_end());
        let indent = line.len() - line.trim_start().len();
        match &mut block {
            Some(Block::Fenced { marker, len }) => {
                let rest = line.trim_start();
                let run = rest.chars().take_while(|c| c == marker).count();
                if run >= *len && rest[run * marker.len_utf8()..].trim().is_empty() {
                    block = None;
                }
                out.push(line);
                continue;
            }
            Some(Block::Indented { base, blanks }) => {
                if line.is_empty() {
                    *blanks += 1;
                    continue;
                }
                if indent >= *base + 4 {
                    out.extend(std::iter::repeat_n(String::new(), *blanks));
                    *blanks = 0;
                    out.push(format!("{}{}", " ".repeat(*base), &line[*base + 4..]));
                    continue;
                }
                let (base, blanks) = (*base, *blanks);
                out.push(format!("{}```", " ".repeat(base)));
                out.extend(std::iter::repeat_n(String::new(), blanks));
                block = None;
                after_blank = blanks > 0;
            }
            None => {}
        }
        if line.is_empty() {
            out.push(line);
            after_blank = true;
            continue;
        }
        let base = list.unwrap_or(0);
        if let Some((marker, len, info)) = fence_open(&line, base) {
            let info = if runs_as_rust(info) { "text" } else { info };
            let fence: String = std::iter::repeat_n(marker, len).collect();
            out.push(format!("{}{fence}{info}", &line[..indent]));
            block = Some(Block::Fenced { marker, len });
        } else if after_blank && indent >= base + 4 {
            out.push(format!("{}```text", " ".repeat(base)));
            out.push(format!("{}{}", " ".repeat(base), &line[base + 4..]));
            block = Some(Block::Indented { base, blanks: 0 });
        } else {
            list = match list_item(&line[indent..]) {
                Some(width) => Some(indent + width),
                None => list.filter(|&content| indent >= content || !after_blank),
            };
            out.push(escape(&line));
        }
        after_blank = false;
    }
    match block {
        Some(Block::Fenced { marker, len }) => out.push(std::iter::repeat_n(marker, len).collect()),
        Some(Block::Indented { base, .. }) => out.push(format!("{}```", " ".repeat(base))),
        None => {}
    }
}

/// Leading tabs as spaces, to the next multiple of 4.
fn expand_tabs(line: &str) -> String {
    let rest = line.trim_start_matches([' ', '\t']);
    let mut width = 0;
    for c in line[..line.len() - rest.len()].chars() {
        width = if c == '\t' {
            (width / 4 + 1) * 4
        } else {
            width + 1
        };
    }
    format!("{}{rest}", " ".repeat(width))
}

/// An opening code fence (at most 3 columns past `base`): its marker, its
/// length and its info string.
fn fence_open(line: &str, base: usize) -> Option<(char, usize, &str)> {
    let rest = line.trim_start();
    if line.len() - rest.len() > base + 3 {
        return None;
    }
    let marker = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = rest.chars().take_while(|&c| c == marker).count();
    let info = rest[len..].trim();
    (len >= 3 && !(marker == '`' && info.contains('`'))).then_some((marker, len, info))
}

/// Whether rustdoc reads a fence's info string as Rust code to test.
fn runs_as_rust(info: &str) -> bool {
    let words: Vec<&str> = info
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let attribute = |w: &&str| {
        matches!(
            *w,
            "ignore"
                | "should_panic"
                | "no_run"
                | "compile_fail"
                | "test_harness"
                | "standalone_crate"
        ) || w.starts_with("edition")
            || w.starts_with("ignore-")
    };
    words.contains(&"rust") || words.iter().all(attribute)
}

/// The width of a list item's marker and the space after it (`- `, `12. `).
fn list_item(text: &str) -> Option<usize> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let marker = match text[digits..].chars().next()? {
        '-' | '*' | '+' if digits == 0 => 1,
        '.' | ')' if (1..=9).contains(&digits) => digits + 1,
        _ => return None,
    };
    let after = &text[marker..];
    (after.is_empty() || after.starts_with(' ')).then_some(marker + 1)
}

/// A description's paragraphs, or the item's wire name when the spec has none,
/// so that every generated item is documented.
pub fn described(text: Option<&Text>, name: &str) -> Vec<String> {
    match text {
        Some(text) => paragraphs(text),
        None => vec![code(name)],
    }
}

/// Both languages on one line, for short accessors: `English / 中文`.
pub fn joined(text: &Text) -> String {
    [&text.plain, &text.en, &text.zh]
        .into_iter()
        .flatten()
        .map(|s| s.trim().replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// What the spec says about an endpoint or event: the summary line, the
/// description, and each section that has items.
pub fn prose(
    summary: &Text,
    description: Option<&Text>,
    sections: [(&str, &[Text]); 3],
) -> Vec<String> {
    let mut out = vec![self::summary(summary)];
    if let Some(text) = description {
        out.push(String::new());
        out.extend(paragraphs(text));
    }
    for (heading, items) in sections {
        out.extend(section(heading, items));
    }
    out
}

/// A bulleted list under a heading, or nothing when empty.
pub fn section(heading: &str, items: &[Text]) -> Vec<String> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut out = vec![String::new(), format!("# {heading}"), String::new()];
    for item in items {
        let mut lines = paragraphs(item).into_iter();
        if let Some(first) = lines.next() {
            out.push(format!("- {first}"));
        }
        out.extend(lines.map(|l| if l.is_empty() { l } else { format!("  {l}") }));
    }
    out
}

/// Escapes what rustdoc would misread (`[x]`, `<tag>`) outside code spans, and
/// turns bare URLs into links.
pub fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            let end = rest[1..].find('`').map_or(rest.len(), |i| i + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let author_link = c == '<' && starts_url(&rest[1..]) && rest.contains('>');
        if author_link || starts_url(rest) {
            let start = usize::from(author_link);
            let len = rest[start..]
                .find(|c: char| c.is_whitespace() || "<>\"'`，。；、）)".contains(c))
                .unwrap_or(rest.len() - start);
            let url = rest[start..start + len].trim_end_matches(['.', ',', ';', ':']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[start + url.len()..];
            if author_link {
                rest = rest.strip_prefix('>').unwrap_or(rest);
            }
            continue;
        }
        match c {
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '*' => out.push_str("\\*"),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn starts_url(s: &str) -> bool {
    s.starts_with("https://") || s.starts_with("http://")
}

/// Text as a code span, whatever backticks it holds, on one line.
pub fn code(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(en: Option<&str>, zh: Option<&str>) -> Text {
        Text {
            en: en.map(Into::into),
            zh: zh.map(Into::into),
            ..Text::default()
        }
    }

    #[test]
    fn summaries_carry_both_languages() {
        let t = text(Some("Delete a message reaction"), Some("删除消息表情回复"));
        assert_eq!(summary(&t), "Delete a message reaction (删除消息表情回复)");
        assert_eq!(summary(&text(None, Some("仅中文"))), "仅中文");
    }

    #[test]
    fn paragraphs_put_english_first() {
        let t = text(Some("One.\nTwo."), Some("一。"));
        assert_eq!(paragraphs(&t), ["One.", "Two.", "", "一。"]);
    }

    #[test]
    fn escapes_markdown_and_links_urls() {
        assert_eq!(
            escape("scopes: [a:b] <token> `[kept]` see https://open.feishu.cn/x。"),
            "scopes: \\[a:b\\] &lt;token&gt; `[kept]` see <https://open.feishu.cn/x>。"
        );
        assert_eq!(escape("<https://a.b/c>."), "<https://a.b/c>.");
        assert_eq!(escape("om_89***13"), "om_89\\*\\*\\*13");
    }

    fn lines(text: &str) -> Vec<String> {
        paragraphs(&Text {
            plain: Some(text.to_owned()),
            ..Text::default()
        })
    }

    #[test]
    fn code_blocks_are_kept_and_never_run_as_doctests() {
        assert_eq!(
            lines("Call it:\n```\nlet x = [1];\n```\nDone [x]."),
            [
                "Call it:",
                "```text",
                "let x = [1];",
                "```",
                "Done \\[x\\]."
            ]
        );
        assert_eq!(
            lines("```rust,no_run\nfn f() {}\n```\n~~~ignore\ng()\n~~~"),
            ["```text", "fn f() {}", "```", "~~~text", "g()", "~~~"]
        );
        // A language other than Rust stays; so does a longer closing fence.
        assert_eq!(
            lines("````json\n{\"a\": [1]}\n`````"),
            ["````json", "{\"a\": [1]}", "`````"]
        );
        // A fence left open is closed, so that later docs are not code.
        assert_eq!(lines("See:\n```\n<x>"), ["See:", "```text", "<x>", "```"]);
        // Backticks within a line are a code span, not a fence.
        assert_eq!(lines("a ```b``` c"), ["a ```b``` c"]);
    }

    #[test]
    fn indented_blocks_become_text_fences() {
        assert_eq!(
            lines("Run:\n\n    cargo run [x]\n\n    again\nafter"),
            [
                "Run:",
                "",
                "```text",
                "cargo run [x]",
                "",
                "again",
                "```",
                "after"
            ]
        );
        assert_eq!(
            lines("Run:\n\n\tmake\n"),
            ["Run:", "", "```text", "make", "```"]
        );
        // Indented lines that continue a paragraph or a list item are prose.
        assert_eq!(lines("one\n    two"), ["one", "    two"]);
        assert_eq!(
            lines("- item\n\n  more\n\n      code"),
            ["- item", "", "  more", "", "  ```text", "  code", "  ```"]
        );
    }

    #[test]
    fn code_spans_stay_on_one_line() {
        assert_eq!(code("a\n\n    b"), "`a      b`");
    }
}
