//! Chats and their members: a bot creates a group, reads a chat it is in,
//! adds and removes members, lists them in pages and asks whether it is in
//! a chat. Ids that name no one are given back in the answer's lists, as
//! the platform does; a bot added to a chat is pushed
//! `im.chat.member.bot.added_v1`.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Uri};
use lark_runtime::Endpoint;
use lark_sdk::im::v1::{
    CreateChatMembersRequest, CreateChatRequest, DeleteChatMembersRequest, GetChatMembersRequest,
    GetChatRequest, IsInChatChatMembersRequest, SearchChatRequest,
};
use serde::Deserialize;
use serde_json::{Value, json};

use super::message::{Refused, called, field_violation};
use super::paging::Paging;
use super::{Reply, endpoint};
use crate::Shared;
use crate::events::envelope;
use crate::world::{Chat, ChatKind, Member, World};

pub fn routes(router: Router<Arc<Shared>>) -> Router<Arc<Shared>> {
    let router = endpoint::<CreateChatRequest, _, _>(router, create);
    let router = endpoint::<GetChatRequest, _, _>(router, get);
    let router = endpoint::<CreateChatMembersRequest, _, _>(router, add_members);
    let router = endpoint::<DeleteChatMembersRequest, _, _>(router, remove_members);
    let router = endpoint::<GetChatMembersRequest, _, _>(router, list_members);
    let router = endpoint::<IsInChatChatMembersRequest, _, _>(router, is_in_chat);
    // `/chats/search` is the search, by contract, not a chat named `search`.
    router.route(
        &super::axum_path(<SearchChatRequest as Endpoint>::PATH),
        axum::routing::get(super::contract::answer),
    )
}

/// A chat's members, in pages of up to 100.
const MEMBER_PAGES: Paging = Paging::new("cm_", 20, 100);

const OUT_OF_CHAT: Refused = Refused(232_011, "Operator can NOT be out of the chat.");
const NO_CHAT: Refused = Refused(
    232_006,
    "Your request specifies a chat_id which is invalid.",
);
const DISSOLVED: Refused = Refused(
    232_009,
    "Your request specifies a chat which has already been dissolved.",
);

/// A chat the caller is in, not dissolved.
fn member_chat<'w>(world: &'w World, caller: &Member, chat_id: &str) -> Result<&'w Chat, Refused> {
    let chat = world.chats.get(chat_id).ok_or(NO_CHAT)?;
    if chat.dissolved {
        return Err(DISSOLVED);
    }
    if !chat.members.contains(caller) {
        return Err(OUT_OF_CHAT);
    }
    Ok(chat)
}

/// The member an id names, by `member_id_type` (`app_id` names a bot).
fn member_of(world: &World, id_type: &str, id: &str) -> Option<Member> {
    if id_type == "app_id" || id.starts_with("cli_") {
        return world
            .apps
            .contains_key(id)
            .then(|| Member::App(id.to_owned()));
    }
    world
        .users
        .values()
        .find(|u| match id_type {
            "user_id" => u.user_id == id,
            "union_id" => u.union_id == id,
            _ => u.open_id == id,
        })
        .map(|u| Member::User(u.open_id.clone()))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IdQuery {
    member_id_type: Option<String>,
    user_id_type: Option<String>,
    page_size: Option<String>,
    page_token: Option<String>,
}

impl IdQuery {
    fn id_type(&self) -> &str {
        self.member_id_type
            .as_deref()
            .or(self.user_id_type.as_deref())
            .unwrap_or("open_id")
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NewChat {
    name: Option<String>,
    user_id_list: Vec<String>,
    bot_id_list: Vec<String>,
}

fn chat_json(chat: &Chat) -> Value {
    let users = chat
        .members
        .iter()
        .filter(|m| matches!(m, Member::User(_)))
        .count();
    let (owner_id, owner_id_type) = match &chat.owner {
        Some(Member::App(id)) => (id.clone(), "app_id"),
        Some(Member::User(id)) => (id.clone(), "open_id"),
        None => (String::new(), "open_id"),
    };
    json!({
        "chat_id": chat.chat_id,
        "name": chat.name,
        "owner_id": owner_id,
        "owner_id_type": owner_id_type,
        "chat_mode": match chat.kind { ChatKind::P2p => "p2p", ChatKind::Group => "group" },
        "chat_type": "private",
        "external": chat.external,
        "tenant_key": chat.tenant_key,
        "user_count": users.to_string(),
        "bot_count": (chat.members.len() - users).to_string(),
    })
}

async fn create(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<IdQuery>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Reply {
    let (caller, new) =
        match called::<CreateChatRequest, NewChat>(&shared, &headers, &uri, &body).await {
            Ok(called) => called,
            Err(reply) => return reply,
        };
    let (chat, added) = {
        let mut world = shared.lock_world();
        let mut members = vec![caller.member.clone()];
        for (field, ids, id_type) in [
            ("user_id_list", &new.user_id_list, query.id_type()),
            ("bot_id_list", &new.bot_id_list, "app_id"),
        ] {
            for id in ids {
                match member_of(&world, id_type, id) {
                    Some(member) if !members.contains(&member) => members.push(member),
                    Some(_) => {}
                    None => return field_violation(field, &format!("`{id}` names no one")),
                }
            }
        }
        let added: Vec<Member> = members[1..]
            .iter()
            .filter(|m| matches!(m, Member::App(_)))
            .cloned()
            .collect();
        match world.create_chat(&caller.tenant_key, new.name, ChatKind::Group, members) {
            Ok(chat) => (chat, added),
            Err(e) => return Reply::error(400, 232_001, &e.to_string()),
        }
    };
    bots_added(&shared, &chat.chat_id, &caller.member, &added);
    Reply::ok(chat_json(&chat))
}

async fn get(
    State(shared): State<Arc<Shared>>,
    Path(chat_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Reply {
    let caller = match called::<GetChatRequest, Value>(&shared, &headers, &uri, &Bytes::new()).await
    {
        Ok((caller, _)) => caller,
        Err(reply) => return reply,
    };
    let world = shared.lock_world();
    match member_chat(&world, &caller.member, &chat_id) {
        Ok(chat) => {
            let mut json = chat_json(chat);
            if let Some(map) = json.as_object_mut() {
                map.remove("chat_id");
            }
            Reply::ok(json)
        }
        Err(refused) => refused.reply::<GetChatRequest>(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IdList {
    id_list: Vec<String>,
}

async fn add_members(
    State(shared): State<Arc<Shared>>,
    Path(chat_id): Path<String>,
    Query(query): Query<IdQuery>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Reply {
    type E = CreateChatMembersRequest;
    let (caller, list) = match called::<E, IdList>(&shared, &headers, &uri, &body).await {
        Ok(called) => called,
        Err(reply) => return reply,
    };
    let (missing, added) = {
        let mut world = shared.lock_world();
        if let Err(refused) = member_chat(&world, &caller.member, &chat_id) {
            return refused.reply::<E>();
        }
        let (mut missing, mut found) = (Vec::new(), Vec::new());
        for id in &list.id_list {
            match member_of(&world, query.id_type(), id) {
                Some(member) => found.push(member),
                None => missing.push(id.clone()),
            }
        }
        let Some(chat) = world.chats.get_mut(&chat_id) else {
            return NO_CHAT.reply::<E>();
        };
        let added: Vec<Member> = found
            .into_iter()
            .filter(|m| chat.members.insert(m.clone()))
            .filter(|m| matches!(m, Member::App(_)))
            .collect();
        (missing, added)
    };
    bots_added(&shared, &chat_id, &caller.member, &added);
    Reply::ok(json!({
        "invalid_id_list": [],
        "not_existed_id_list": missing,
        "pending_approval_id_list": [],
    }))
}

async fn remove_members(
    State(shared): State<Arc<Shared>>,
    Path(chat_id): Path<String>,
    Query(query): Query<IdQuery>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> Reply {
    type E = DeleteChatMembersRequest;
    let (caller, list) = match called::<E, IdList>(&shared, &headers, &uri, &body).await {
        Ok(called) => called,
        Err(reply) => return reply,
    };
    let mut world = shared.lock_world();
    if let Err(refused) = member_chat(&world, &caller.member, &chat_id) {
        return refused.reply::<E>();
    }
    let found: Vec<(String, Option<Member>)> = list
        .id_list
        .iter()
        .map(|id| (id.clone(), member_of(&world, query.id_type(), id)))
        .collect();
    let Some(chat) = world.chats.get_mut(&chat_id) else {
        return NO_CHAT.reply::<E>();
    };
    let invalid: Vec<String> = found
        .into_iter()
        .filter(|(_, member)| !member.as_ref().is_some_and(|m| chat.members.remove(m)))
        .map(|(id, _)| id)
        .collect();
    Reply::ok(json!({ "invalid_id_list": invalid }))
}

async fn list_members(
    State(shared): State<Arc<Shared>>,
    Path(chat_id): Path<String>,
    Query(query): Query<IdQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Reply {
    type E = GetChatMembersRequest;
    let caller = match called::<E, Value>(&shared, &headers, &uri, &Bytes::new()).await {
        Ok((caller, _)) => caller,
        Err(reply) => return reply,
    };
    let size = match MEMBER_PAGES.size(query.page_size.as_deref()) {
        Ok(size) => size,
        Err(why) => return field_violation("page_size", &why),
    };
    let Some(start) = MEMBER_PAGES.start(query.page_token.as_deref()) else {
        return field_violation("page_token", "not a page_token this API gave");
    };
    let world = shared.lock_world();
    let chat = match member_chat(&world, &caller.member, &chat_id) {
        Ok(chat) => chat,
        Err(refused) => return refused.reply::<E>(),
    };
    // Members are users; bots are not listed.
    let users: Vec<_> = chat
        .members
        .iter()
        .filter_map(|m| match m {
            Member::User(id) => world.users.get(id),
            Member::App(_) => None,
        })
        .collect();
    let items: Vec<Value> = users
        .iter()
        .skip(start)
        .take(size)
        .map(|u| {
            let (id_type, id) = match query.id_type() {
                "user_id" => ("user_id", &u.user_id),
                "union_id" => ("union_id", &u.union_id),
                _ => ("open_id", &u.open_id),
            };
            json!({"member_id_type": id_type, "member_id": id, "name": u.name, "tenant_key": u.tenant_key})
        })
        .collect();
    let next = start + items.len();
    let has_more = next < users.len();
    let mut page = json!({"items": items, "has_more": has_more, "member_total": users.len()});
    if has_more {
        page["page_token"] = Value::String(MEMBER_PAGES.token(next));
    }
    Reply::ok(page)
}

async fn is_in_chat(
    State(shared): State<Arc<Shared>>,
    Path(chat_id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Reply {
    type E = IsInChatChatMembersRequest;
    let caller = match called::<E, Value>(&shared, &headers, &uri, &Bytes::new()).await {
        Ok((caller, _)) => caller,
        Err(reply) => return reply,
    };
    let world = shared.lock_world();
    match world.chats.get(&chat_id) {
        None => NO_CHAT.reply::<E>(),
        Some(chat) if chat.dissolved => DISSOLVED.reply::<E>(),
        Some(chat) => Reply::ok(json!({ "is_in_chat": chat.members.contains(&caller.member) })),
    }
}

/// Pushes `im.chat.member.bot.added_v1` to each bot added to a chat.
fn bots_added(shared: &Arc<Shared>, chat_id: &str, operator: &Member, added: &[Member]) {
    let outgoing: Vec<_> = {
        let world = shared.lock_world();
        let Some(chat) = world.chats.get(chat_id) else {
            return;
        };
        let operator_id = match operator {
            Member::User(id) => world.users.get(id).map_or_else(
                || json!({ "open_id": id }),
                |u| json!({"open_id": u.open_id, "union_id": u.union_id, "user_id": u.user_id}),
            ),
            Member::App(id) => json!({ "open_id": id }),
        };
        added
            .iter()
            .filter_map(|m| match m {
                Member::App(id) => world.apps.get(id),
                Member::User(_) => None,
            })
            .map(|app| {
                let body = json!({
                    "chat_id": chat.chat_id,
                    "operator_id": operator_id,
                    "external": chat.external,
                    "operator_tenant_key": chat.tenant_key,
                    "name": chat.name,
                });
                envelope(app, &chat.tenant_key, "im.chat.member.bot.added_v1", &body)
            })
            .collect()
    };
    for event in outgoing {
        shared.deliver(event);
    }
}
