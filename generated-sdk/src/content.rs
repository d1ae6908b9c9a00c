//! Message content without JSON by hand: mentions for a text message, and
//! interactive cards built from the common elements of card JSON 2.0.
//!
//! The content types themselves are generated from the spec
//! ([`im::v1::MessageContent`] when sending, [`im::v1::ReceivedContent`]
//! when receiving, one variant per `msg_type`); this module adds what the
//! platform's formats leave to string building.
//!
//! ```
//! use lark_sdk::content::{Button, Card, mention};
//! use lark_sdk::im::v1::{MessageContent, TextContent};
//!
//! let text: MessageContent = TextContent::new(format!("{} hi", mention("ou_1", "Ada"))).into();
//! assert_eq!(text.tag(), "text");
//!
//! let card: MessageContent = Card::new()
//!     .title("Build finished")
//!     .markdown("**main** is green")
//!     .divider()
//!     .button(Button::new("Deploy").primary().value(serde_json::json!({"action": "deploy"})))
//!     .into();
//! assert_eq!(card.tag(), "interactive");
//! ```
//!
//! [`im::v1::MessageContent`]: crate::im::v1::MessageContent
//! [`im::v1::ReceivedContent`]: crate::im::v1::ReceivedContent

use serde_json::{Map, Value, json};

use crate::im::v1::{CardContent, CardTemplate, MessageContent};

/// `<at user_id="…">name</at>`: mentions a user (by open_id) in a text
/// message; the name is what readers see if the ID cannot be resolved.
/// The name is escaped, so it cannot close the tag early.
pub fn mention(open_id: &str, name: &str) -> String {
    format!("<at user_id=\"{}\">{}</at>", escape(open_id), escape(name))
}

/// `<at user_id="all"></at>`: mentions everyone in the chat (where the
/// chat lets the bot).
pub fn mention_all() -> String {
    "<at user_id=\"all\"></at>".to_owned()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn plain_text(content: impl Into<String>) -> Value {
    json!({"tag": "plain_text", "content": content.into()})
}

/// A card in card JSON 2.0 (`schema: "2.0"`): a header with a title, and a
/// body of elements in order. [`Card::element`] takes any other element
/// as JSON; [`CardContent::from_json`] takes a whole card written by hand.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Card {
    title: Option<String>,
    color: Option<String>,
    wide_screen: bool,
    elements: Vec<Value>,
}

impl Card {
    /// An empty card.
    pub fn new() -> Self {
        Self::default()
    }

    /// The header's title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The header's color theme (`blue`, `green`, `red`, `orange`, `grey`, …).
    pub fn color(mut self, template: impl Into<String>) -> Self {
        self.color = Some(template.into());
        self
    }

    /// Lets the card use the whole width of a wide screen.
    pub fn wide_screen(mut self) -> Self {
        self.wide_screen = true;
        self
    }

    /// A markdown text (`tag: markdown`).
    pub fn markdown(self, content: impl Into<String>) -> Self {
        self.element(json!({"tag": "markdown", "content": content.into()}))
    }

    /// A horizontal rule (`tag: hr`).
    pub fn divider(self) -> Self {
        self.element(json!({"tag": "hr"}))
    }

    /// An image uploaded with `im.v1.image.create` (`tag: img`); `alt` is
    /// read out by screen readers and shown while it loads.
    pub fn image(self, image_key: impl Into<String>, alt: impl Into<String>) -> Self {
        self.element(json!({"tag": "img", "img_key": image_key.into(), "alt": plain_text(alt)}))
    }

    /// A button.
    pub fn button(self, button: Button) -> Self {
        self.element(button.into_json())
    }

    /// Columns side by side (`tag: column_set`).
    pub fn columns(self, columns: impl IntoIterator<Item = Column>) -> Self {
        let columns: Vec<Value> = columns.into_iter().map(Column::into_json).collect();
        self.element(json!({"tag": "column_set", "columns": columns}))
    }

    /// Any element, as card JSON.
    pub fn element(mut self, element: Value) -> Self {
        self.elements.push(element);
        self
    }

    /// The card's JSON, as a card callback's raw answer takes it.
    pub fn into_json(self) -> Value {
        let (config, header, body) = self.parts();
        let mut card = Map::new();
        card.insert("schema".into(), json!("2.0"));
        if let Some(config) = config {
            card.insert("config".into(), config);
        }
        if let Some(header) = header {
            card.insert("header".into(), header);
        }
        card.insert("body".into(), body);
        Value::Object(card)
    }

    /// The card as a message's content.
    pub fn into_content(self) -> CardContent {
        let (config, header, body) = self.parts();
        let mut content = CardContent::new().schema("2.0").body(body);
        content.config = config;
        content.header = header;
        content
    }

    /// `config`, `header` and `body`.
    fn parts(self) -> (Option<Value>, Option<Value>, Value) {
        let config = self.wide_screen.then(|| json!({"wide_screen_mode": true}));
        let header = (self.title.is_some() || self.color.is_some()).then(|| {
            let mut header = Map::new();
            header.insert("title".into(), plain_text(self.title.unwrap_or_default()));
            if let Some(color) = self.color {
                header.insert("template".into(), Value::String(color));
            }
            Value::Object(header)
        });
        (config, header, json!({"elements": self.elements}))
    }
}

impl From<Card> for CardContent {
    fn from(card: Card) -> Self {
        card.into_content()
    }
}

impl From<Card> for MessageContent {
    fn from(card: Card) -> Self {
        MessageContent::from(card.into_content())
    }
}

impl CardContent {
    /// A card made in the card builder, by its template ID and variables.
    pub fn template(template_id: impl Into<String>, variables: Map<String, Value>) -> Self {
        let mut data = CardTemplate::new(template_id);
        if !variables.is_empty() {
            data.template_variable = Some(variables.into_iter().collect());
        }
        CardContent::new().kind("template").data(data)
    }

    /// A card written as card JSON; fails, naming the key, when a key this
    /// type knows has a value of another JSON type.
    pub fn from_json(card: Value) -> Result<Self, serde_json::Error> {
        serde_json::from_value(card)
    }
}

/// The style of a [`Button`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum ButtonStyle {
    /// `default`
    #[default]
    Default,
    /// `primary`
    Primary,
    /// `danger`
    Danger,
}

impl ButtonStyle {
    /// As card JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::Primary => "primary",
            Self::Danger => "danger",
        }
    }
}

/// A button: a click sends `card.action.trigger` with its value to the
/// app, or opens a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Button {
    text: String,
    style: ButtonStyle,
    value: Option<Value>,
    url: Option<String>,
}

impl Button {
    /// A button showing `text`.
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: ButtonStyle::Default,
            value: None,
            url: None,
        }
    }

    /// Styled as the card's main action.
    pub fn primary(self) -> Self {
        self.style(ButtonStyle::Primary)
    }

    /// Its style.
    pub fn style(mut self, style: ButtonStyle) -> Self {
        self.style = style;
        self
    }

    /// What `card.action.trigger` carries in `action.value` when clicked.
    pub fn value(mut self, value: Value) -> Self {
        self.value = Some(value);
        self
    }

    /// Opens a link when clicked.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    fn into_json(self) -> Value {
        let mut behaviors = Vec::new();
        if let Some(value) = self.value {
            behaviors.push(json!({"type": "callback", "value": value}));
        }
        if let Some(url) = self.url {
            behaviors.push(json!({"type": "open_url", "default_url": url}));
        }
        json!({
            "tag": "button",
            "text": plain_text(self.text),
            "type": self.style.as_str(),
            "behaviors": behaviors,
        })
    }
}

/// A column of [`Card::columns`], weighted against the others.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    weight: u32,
    elements: Vec<Value>,
}

impl Column {
    /// A column of weight 1.
    pub fn new() -> Self {
        Self {
            weight: 1,
            elements: Vec::new(),
        }
    }

    /// Its share of the width against the other columns' (1 to 5).
    pub fn weight(mut self, weight: u32) -> Self {
        self.weight = weight;
        self
    }

    /// A markdown text in the column.
    pub fn markdown(self, content: impl Into<String>) -> Self {
        self.element(json!({"tag": "markdown", "content": content.into()}))
    }

    /// Any element in the column, as card JSON.
    pub fn element(mut self, element: Value) -> Self {
        self.elements.push(element);
        self
    }

    fn into_json(self) -> Value {
        json!({
            "tag": "column",
            "width": "weighted",
            "weight": self.weight,
            "elements": self.elements,
        })
    }
}

impl Default for Column {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_escapes_the_name() {
        assert_eq!(
            mention("ou_1", "<b>\"A&B\"</b>"),
            "<at user_id=\"ou_1\">&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;</at>"
        );
        assert_eq!(mention_all(), "<at user_id=\"all\"></at>");
    }

    #[test]
    fn a_card_is_card_json_2_0() {
        let card = Card::new()
            .title("Hello")
            .color("blue")
            .markdown("**hi**")
            .divider()
            .image("img_1", "a cat")
            .columns([
                Column::new().markdown("a"),
                Column::new().weight(2).markdown("b"),
            ])
            .button(Button::new("Go").primary().value(json!({"k": "v"})))
            .button(Button::new("Docs").url("https://open.feishu.cn"))
            .into_json();
        assert_eq!(
            card,
            json!({
                "schema": "2.0",
                "header": {"title": {"tag": "plain_text", "content": "Hello"}, "template": "blue"},
                "body": {"elements": [
                    {"tag": "markdown", "content": "**hi**"},
                    {"tag": "hr"},
                    {"tag": "img", "img_key": "img_1", "alt": {"tag": "plain_text", "content": "a cat"}},
                    {"tag": "column_set", "columns": [
                        {"tag": "column", "width": "weighted", "weight": 1, "elements": [{"tag": "markdown", "content": "a"}]},
                        {"tag": "column", "width": "weighted", "weight": 2, "elements": [{"tag": "markdown", "content": "b"}]},
                    ]},
                    {"tag": "button", "text": {"tag": "plain_text", "content": "Go"}, "type": "primary",
                     "behaviors": [{"type": "callback", "value": {"k": "v"}}]},
                    {"tag": "button", "text": {"tag": "plain_text", "content": "Docs"}, "type": "default",
                     "behaviors": [{"type": "open_url", "default_url": "https://open.feishu.cn"}]},
                ]},
            })
        );
    }
}
