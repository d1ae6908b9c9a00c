//! Helpers shared by the test targets in `tests/`.

pub mod control;
pub mod events;
pub mod redis_server;
pub mod webhook_rig;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// This crate's folder.
pub fn here() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    here().join("..")
}

/// A file of the platform facts in `tests/platform/` (see its README
/// for where each comes from).
pub fn platform_fixture(name: &str) -> PathBuf {
    here().join("platform").join(name)
}

/// The text of a platform fixture.
///
/// # Panics
/// When the file cannot be read.
pub fn platform_text(name: &str) -> String {
    let path = platform_fixture(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A platform fixture parsed as JSON.
///
/// # Panics
/// When the file cannot be read or is not JSON.
pub fn platform_json(name: &str) -> serde_json::Value {
    serde_json::from_str(&platform_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The rows of a tab-separated platform fixture, each a map from the header
/// line's column names to the row's values.
///
/// # Panics
/// When the file cannot be read, or a row has not as many columns as the header.
pub fn platform_tsv(name: &str) -> Vec<BTreeMap<String, String>> {
    let text = platform_text(name);
    let mut lines = text.lines();
    let columns: Vec<&str> = lines
        .next()
        .unwrap_or_else(|| panic!("{name}: no header line"))
        .split('\t')
        .collect();
    lines
        .enumerate()
        .map(|(i, line)| {
            let values: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                values.len(),
                columns.len(),
                "{name}:{}: {} columns, the header has {}",
                i + 2,
                values.len(),
                columns.len()
            );
            columns
                .iter()
                .zip(values)
                .map(|(c, v)| ((*c).to_owned(), v.to_owned()))
                .collect()
        })
        .collect()
}

/// The JSON test vectors that the official SDKs accept.
pub fn test_vectors() -> serde_json::Value {
    platform_json("test-vectors.json")
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

    /// Has the scene's user react to the scene's message and take the
    /// reaction back: the bot is pushed `im.message.reaction.deleted_v1`.
    pub fn react_and_remove(&self, emoji: &str) {
        events::react_and_remove(&self.server, &self.message.message_id, &self.member, emoji);
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

/// Serves `router` on a free loopback port, in the background; its base URL.
///
/// # Panics
/// When no port can be bound.
pub async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("its address"));
    tokio::spawn(async move { axum::serve(listener, router).await });
    url
}

/// The local server with extra routes (endpoints of a fixture, with rules
/// written in the test), and a client of a new app on it.
///
/// # Panics
/// When the server cannot start.
pub async fn server_with(
    routes: axum::Router<std::sync::Arc<lark_devserver::Shared>>,
) -> (lark_devserver::DevServer, lark_sdk::Client) {
    let server = lark_devserver::DevServer::start_with(lark_devserver::Config::default(), routes)
        .await
        .expect("the local server starts");
    let app = server.create_app(Default::default()).expect("an app");
    let client = lark_sdk::Client::builder(app.app_id, app.app_secret)
        .base_url(server.url())
        .build()
        .expect("a client");
    (server, client)
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

/// Spec files (path under a folder, text), written to a folder of their
/// own, checked and generated; both must find no problem. The generated
/// items, formatted.
pub fn checks_and_generates<'a>(
    files: impl IntoIterator<Item = (&'a PathBuf, &'a String)>,
    label: &str,
) -> String {
    let dir = std::env::temp_dir().join(format!("lark-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder made");
        std::fs::write(&path, text).expect("written");
    }
    let options = lark_codegen::Options::default();
    let checked = lark_codegen::check_folder(&dir, label, &options);
    let out = lark_codegen::generate(&dir, label, &options);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(checked.errors.is_empty(), "{:#?}", checked.errors);
    assert!(out.errors.is_empty(), "{:#?}", out.errors);
    lark_codegen::format(&out.tokens)
}
