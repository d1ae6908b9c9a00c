//! Helpers shared by the test targets in `tests/`.

use std::path::{Path, PathBuf};

/// This crate's folder.
pub fn here() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    here().join("..")
}

/// A file of the shared reference material (`../shared/reference/` beside the checkout).
pub fn reference(name: &str) -> PathBuf {
    workspace().join("../shared/reference").join(name)
}

/// The text of a reference file.
///
/// # Panics
/// When the file is missing: the tests need the shared reference material.
pub fn reference_text(name: &str) -> String {
    let path = reference(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The JSON test vectors that the official SDKs accept.
pub fn test_vectors() -> serde_json::Value {
    serde_json::from_str(&reference_text("test-vectors.json")).expect("test-vectors.json is JSON")
}

/// The first fenced ```json block after `marker` in a reference page.
///
/// # Panics
/// When the page has no such block.
pub fn json_example_after(page: &str, marker: &str) -> String {
    let text = reference_text(page);
    let from = text
        .find(marker)
        .unwrap_or_else(|| panic!("{page}: no `{marker}`"));
    let rest = &text[from..];
    let start = rest.find('{').expect("a JSON object");
    let mut depth = 0usize;
    for (i, c) in rest[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return rest[start..=start + i].to_owned();
                }
            }
            _ => {}
        }
    }
    // The delete page's example is cut short by the page: close what is open.
    let mut json = rest[start..].trim_end().to_owned();
    if let Some(end) = json.find("\n\n") {
        json.truncate(end);
    }
    json.push_str(&"}".repeat(depth));
    json
}

/// Compares `actual` with the golden file at `path`; with `UPDATE_GOLDEN=1`
/// in the environment, writes it instead.
///
/// # Panics
/// When they differ (showing the first differing line), or the file cannot be read.
pub fn assert_golden(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("read {}: {e} (UPDATE_GOLDEN=1 writes it)", path.display()));
    if expected == actual {
        return;
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    panic!(
        "{} differs from what was generated, first at line {}:\n  golden:    {:?}\n  generated: {:?}\n(UPDATE_GOLDEN=1 rewrites it)",
        path.display(),
        line + 1,
        expected.lines().nth(line).unwrap_or("<end>"),
        actual.lines().nth(line).unwrap_or("<end>"),
    );
}

/// A small world on a fresh local server: a tenant with a bot app, a user,
/// a group chat with both, a message by the user, and a client for the bot.
pub struct Scene {
    /// The server.
    pub server: lark_devserver::DevServer,
    /// The bot's app.
    pub app: lark_devserver::App,
    /// The bot as a chat member.
    pub bot: lark_devserver::Member,
    /// The user.
    pub user: lark_devserver::User,
    /// The user as a chat member.
    pub member: lark_devserver::Member,
    /// The chat.
    pub chat: lark_devserver::Chat,
    /// A message by the user.
    pub message: lark_devserver::Message,
    /// A client for the bot, without client-side rate limiting.
    pub client: lark_sdk::Client,
}

impl Scene {
    /// Builds the scene with the default server configuration.
    pub async fn new() -> Self {
        Self::with(lark_devserver::Config::default()).await
    }

    /// Builds the scene on a server configured as given.
    pub async fn with(config: lark_devserver::Config) -> Self {
        use lark_devserver::{ChatKind, Member};
        let server = lark_devserver::DevServer::start(config)
            .await
            .expect("server starts");
        let app = server.create_app(Default::default()).expect("app");
        let user = server.create_user(&app.tenant_key, "Ada").expect("user");
        let bot = Member::App(app.app_id.clone());
        let member = Member::User(user.open_id.clone());
        let chat = server
            .create_chat(
                &app.tenant_key,
                ChatKind::Group,
                vec![bot.clone(), member.clone()],
            )
            .expect("chat");
        let message = server
            .post_message(&chat.chat_id, member.clone(), "hello")
            .expect("message");
        let client = lark_sdk::Client::builder(app.app_id.clone(), app.app_secret.clone())
            .base_url(server.url())
            .rate_limit(false)
            .build()
            .expect("client");
        Self {
            server,
            app,
            bot,
            user,
            member,
            chat,
            message,
            client,
        }
    }

    /// A reaction on the scene's message by `who`.
    pub fn react(&self, who: &lark_devserver::Member, emoji: &str) -> String {
        self.server
            .add_reaction(&self.message.message_id, who.clone(), emoji)
            .expect("reaction")
            .reaction_id
    }

    /// Changes the scene's chat in the server's state.
    pub fn chat_mut<R>(&self, change: impl FnOnce(&mut lark_devserver::Chat) -> R) -> R {
        let mut world = self.server.world();
        change(
            world
                .chats
                .get_mut(&self.chat.chat_id)
                .expect("the scene's chat"),
        )
    }

    /// Changes the scene's message in the server's state.
    pub fn message_mut<R>(&self, change: impl FnOnce(&mut lark_devserver::Message) -> R) -> R {
        let mut world = self.server.world();
        change(
            world
                .messages
                .get_mut(&self.message.message_id)
                .expect("the scene's message"),
        )
    }
}

/// The Python with the packages of `tests/python/requirements.txt`:
/// `LARK_PYTHON`, or the `.venv` that `scripts/test` makes.
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("LARK_PYTHON") {
        return p.into();
    }
    let venv = workspace().join(".venv/bin/python");
    assert!(
        venv.exists(),
        "the Python-side checks need tests/python/requirements.txt installed: run ./scripts/test (it creates .venv) or set LARK_PYTHON"
    );
    venv
}
