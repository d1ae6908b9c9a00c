//! Rust names from spec names: case conversion, keywords, validity.

/// Words of a name: split at separators, at lower→upper and at the end of an
/// acronym (`VRHeadset` → `VR`, `Headset`); digits stay in their word (`i18n`).
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let chars: Vec<char> = chunk.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            if i > 0 {
                let prev = chars[i - 1];
                let next = chars.get(i + 1).copied();
                let boundary = (prev.is_ascii_lowercase() && c.is_ascii_uppercase())
                    || (prev.is_ascii_uppercase()
                        && c.is_ascii_uppercase()
                        && next.is_some_and(|n| n.is_ascii_lowercase()));
                if boundary && !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            word.push(c);
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

/// `delete_message_reaction`, `VRHeadset` → `DeleteMessageReaction`, `VrHeadset`.
pub fn pascal(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => {
                    first.to_ascii_uppercase().to_string() + &cs.as_str().to_ascii_lowercase()
                }
                None => String::new(),
            }
        })
        .collect()
}

/// `reactionType`, `Status_PrivateMessage` → `reaction_type`, `status_private_message`.
pub fn snake(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_")
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Names of Rust's prelude that generated modules use as such: a spec type
/// may not take one, or it would hide Rust's own in the generated code.
pub const PRELUDE_NAMES: &[&str] = &[
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Eq",
    "Err",
    "From",
    "Hash",
    "Into",
    "None",
    "Ok",
    "Option",
    "PartialEq",
    "Result",
    "Some",
    "String",
    "ToOwned",
    "ToString",
    "Vec",
];

/// True when `name` is a Rust keyword (strict, reserved or edition 2024).
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// The identifier text to emit for a snake_case name: `r#type`, `self_`.
pub fn field_ident(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if is_keyword(name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// A plain ASCII identifier: letter or `_` first, then letters, digits, `_`.
pub fn is_ident(name: &str) -> bool {
    let mut cs = name.chars();
    cs.next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
}

/// An identifier starting with an uppercase letter, with no `_`: `MessageReaction`.
pub fn is_pascal(name: &str) -> bool {
    is_ident(name)
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && !name.contains('_')
        && name != "Self"
}

/// An identifier in lowercase with `_` between words: `message_reaction`.
pub fn is_snake(name: &str) -> bool {
    is_ident(name)
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && !name.chars().any(|c| c.is_ascii_uppercase())
}

/// A field name for a JSON key, if one can be made (`2fa` cannot: give `rust_name`).
pub fn snake_for_json(json: &str) -> Option<String> {
    let s = snake(json);
    is_ident(&s).then_some(s)
}

/// A variant name for a wire value, if one can be made (`2022` cannot: give `name`).
pub fn pascal_for_value(value: &str) -> Option<String> {
    let p = pascal(value);
    is_pascal(&p).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case() {
        assert_eq!(pascal("delete_message_reaction"), "DeleteMessageReaction");
        assert_eq!(pascal("THUMBSUP"), "Thumbsup");
        assert_eq!(pascal("OnIt"), "OnIt");
        assert_eq!(pascal("VRHeadset"), "VrHeadset");
        assert_eq!(pascal("Status_PrivateMessage"), "StatusPrivateMessage");
        assert_eq!(pascal("LGTM"), "Lgtm");
        assert_eq!(
            pascal("message.reaction.deleted_v1"),
            "MessageReactionDeletedV1"
        );
        assert_eq!(pascal("i18n_name"), "I18nName");
        assert_eq!(pascal("open_id"), "OpenId");
    }

    #[test]
    fn snake_case() {
        assert_eq!(snake("reactionType"), "reaction_type");
        assert_eq!(snake("page_token"), "page_token");
        assert_eq!(snake("X-Request-Id"), "x_request_id");
        assert_eq!(snake("AppID"), "app_id");
        assert_eq!(snake("deleted_v1"), "deleted_v1");
        assert_eq!(snake("i18n_name"), "i18n_name");
    }

    #[test]
    fn identifiers() {
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(field_ident("message_id"), "message_id");
        assert!(is_pascal("MessageReaction"));
        assert!(!is_pascal("message_reaction"));
        assert!(!is_pascal("Self"));
        assert!(is_snake("message_reaction"));
        assert!(!is_snake("Message"));
        assert_eq!(pascal_for_value("2022"), None);
        assert_eq!(pascal_for_value("SMILE").as_deref(), Some("Smile"));
        assert_eq!(snake_for_json("2fa"), None);
        assert_eq!(snake_for_json("--"), None);
    }
}
