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
        out.extend(part.trim().lines().map(|l| escape(l.trim_end())));
    }
    out
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

/// Text as a code span, whatever backticks it holds.
pub fn code(text: &str) -> String {
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
}
