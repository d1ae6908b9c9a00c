//! The world's lookups for changes and its checks that ids name something,
//! each refusal naming the field at fault.

use super::{App, Chat, ControlError, Member, Message, User, World};

impl World {
    /// Checks that a member exists; a refusal names `{field}.id`.
    pub fn check_member(&self, member: &Member, field: &str) -> Result<(), ControlError> {
        let (known, what) = match member {
            Member::User(id) => (self.users.contains_key(id), "user"),
            Member::App(id) => (self.apps.contains_key(id), "app"),
        };
        if known {
            Ok(())
        } else {
            Err(ControlError::not_found(
                &format!("{field}.id"),
                what,
                member.id(),
            ))
        }
    }

    /// Checks that every member of a list exists; a refusal names
    /// `{field}[i].id`.
    pub fn check_members<'a>(
        &self,
        members: impl IntoIterator<Item = &'a Member>,
        field: &str,
    ) -> Result<(), ControlError> {
        members
            .into_iter()
            .enumerate()
            .try_for_each(|(i, m)| self.check_member(m, &format!("{field}[{i}]")))
    }

    /// Checks that every open_id of a list names a user; a refusal names
    /// `{field}[i]`.
    pub fn check_users<'a>(
        &self,
        open_ids: impl IntoIterator<Item = &'a String>,
        field: &str,
    ) -> Result<(), ControlError> {
        check_ids(open_ids, field, "user", |id| self.users.contains_key(id))
    }

    /// Checks that every app_id of a list names an app; a refusal names
    /// `{field}[i]`.
    pub fn check_apps<'a>(
        &self,
        app_ids: impl IntoIterator<Item = &'a String>,
        field: &str,
    ) -> Result<(), ControlError> {
        check_ids(app_ids, field, "app", |id| self.apps.contains_key(id))
    }

    /// The chat, for changes.
    pub fn chat_mut(&mut self, chat_id: &str) -> Result<&mut Chat, ControlError> {
        self.chats
            .get_mut(chat_id)
            .ok_or_else(|| ControlError::not_found("chat_id", "chat", chat_id))
    }

    /// The message, for changes.
    pub fn message_mut(&mut self, message_id: &str) -> Result<&mut Message, ControlError> {
        self.messages
            .get_mut(message_id)
            .ok_or_else(|| ControlError::not_found("message_id", "message", message_id))
    }

    /// The app, for changes.
    pub fn app_mut(&mut self, app_id: &str) -> Result<&mut App, ControlError> {
        self.apps
            .get_mut(app_id)
            .ok_or_else(|| ControlError::not_found("app_id", "app", app_id))
    }

    /// The user, for changes.
    pub fn user_mut(&mut self, open_id: &str) -> Result<&mut User, ControlError> {
        self.users
            .get_mut(open_id)
            .ok_or_else(|| ControlError::not_found("open_id", "user", open_id))
    }
}

/// Checks that every id of a list is `known`; a refusal names `{field}[i]`
/// and says there is no such `what`.
fn check_ids<'a>(
    ids: impl IntoIterator<Item = &'a String>,
    field: &str,
    what: &str,
    known: impl Fn(&str) -> bool,
) -> Result<(), ControlError> {
    ids.into_iter().enumerate().try_for_each(|(i, id)| {
        if known(id) {
            Ok(())
        } else {
            Err(ControlError::not_found(&format!("{field}[{i}]"), what, id))
        }
    })
}
