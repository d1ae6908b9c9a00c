//! Who acts in the world, and how names of field-less enums are read.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

/// Who acts: a user or an app's bot, written `{"kind": "user", "id": "ou_…"}`
/// or `{"kind": "app", "id": "cli_…"}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Member {
    /// A user, by open_id.
    User(String),
    /// An app's bot, by app_id.
    App(String),
}

impl std::fmt::Display for Member {
    /// `user `ou_…`` or `app `cli_…``.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Member::User(id) => write!(f, "user `{id}`"),
            Member::App(id) => write!(f, "app `{id}`"),
        }
    }
}

impl Member {
    /// The open_id or app_id.
    pub fn id(&self) -> &str {
        match self {
            Member::User(id) | Member::App(id) => id,
        }
    }
}

/// Reads a member from an object only: the derived reading of an adjacently
/// tagged enum would also take `["user", "ou_…"]`.
impl<'de> Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MemberVisitor)
    }
}

struct MemberVisitor;

impl<'de> Visitor<'de> for MemberVisitor {
    type Value = Member;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(r#"an object {"kind": "user" or "app", "id": …}"#)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Member, A::Error> {
        const FIELDS: &[&str] = &["kind", "id"];
        let (mut kind, mut id) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "kind" if kind.is_some() => return Err(de::Error::duplicate_field("kind")),
                "kind" => kind = Some(map.next_value::<MemberKind>()?),
                "id" if id.is_some() => return Err(de::Error::duplicate_field("id")),
                "id" => id = Some(map.next_value::<String>()?),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let kind = kind.ok_or_else(|| de::Error::missing_field("kind"))?;
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        Ok(match kind {
            MemberKind::User => Member::User(id),
            MemberKind::App => Member::App(id),
        })
    }
}

/// Reads a value of a field-less enum from its name, a string, only (the
/// derived reading also takes `{"name": null}`).
pub(super) fn by_name<'de, D: Deserializer<'de>, T: Copy>(
    deserializer: D,
    names: &'static [&'static str],
    values: &[T],
) -> Result<T, D::Error> {
    let name = String::deserialize(deserializer)?;
    names
        .iter()
        .zip(values)
        .find_map(|(n, v)| (*n == name).then_some(*v))
        .ok_or_else(|| de::Error::unknown_variant(&name, names))
}

/// A member's `kind`.
#[derive(Clone, Copy)]
enum MemberKind {
    User,
    App,
}

impl<'de> Deserialize<'de> for MemberKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        by_name(
            deserializer,
            &["user", "app"],
            &[MemberKind::User, MemberKind::App],
        )
    }
}
