//! Synthetic specs of realistic shape, for measuring the generator at the
//! platform's scale (about 2,500 endpoints).
//!
//! Each resource file holds four endpoints, as the platform's resources do:
//! `get` (a path parameter, a query enum with a default, a nested response),
//! `list` (paged: `page_token`, `page_size`, `has_more`, items), `create`
//! (a JSON body with nested objects and arrays) and `delete`; an event; its
//! own named types; and an error table of six rows per endpoint. Ten
//! resources make a service (`svc3`), each with one version.

use std::fmt::Write;
use std::path::Path;

/// What was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Endpoints.
    pub endpoints: usize,
    /// Events.
    pub events: usize,
    /// Files.
    pub files: usize,
    /// Bytes of YAML.
    pub bytes: usize,
}

/// Resources per service.
const PER_SERVICE: usize = 10;

/// Writes a spec of `endpoints` endpoints (rounded up to a multiple of four)
/// and one event per four endpoints into `dir`, which is emptied first.
pub fn write_spec(dir: &Path, endpoints: usize) -> std::io::Result<Stats> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    let resources = endpoints.div_ceil(4).max(1);
    let mut stats = Stats::default();
    let common = dir.join("common");
    std::fs::create_dir_all(&common)?;
    let text = common_file();
    stats.bytes += text.len();
    stats.files += 1;
    std::fs::write(common.join("types.yaml"), text)?;
    for r in 0..resources {
        let service = format!("svc{}", r / PER_SERVICE);
        let folder = dir.join(&service).join("v1");
        std::fs::create_dir_all(&folder)?;
        let text = resource_file(&service, r);
        stats.bytes += text.len();
        stats.files += 1;
        stats.endpoints += 4;
        stats.events += 1;
        std::fs::write(folder.join(format!("thing{r}.yaml")), text)?;
    }
    Ok(stats)
}

/// The platform-wide part: the user id triple, the id-type enum and a few
/// platform errors that apply to every endpoint.
fn common_file() -> String {
    r#"types:
  UserId:
    type: object
    description: {en: The IDs of a user., zh: 用户 ID。}
    fields:
      union_id: {type: string, description: {en: union_id, zh: 用户的 union id}}
      user_id: {type: string, description: {en: user_id, zh: 用户的 user id}}
      open_id: {type: string, description: {en: open_id, zh: 用户的 open id}}
  UserIdType:
    type: enum
    description: {en: Which user id to use., zh: 用户 ID 类型}
    values:
      - {value: open_id, description: {en: The open_id., zh: 标识一个用户在某个应用中的身份。}}
      - {value: union_id, description: {en: The union_id., zh: 标识一个用户在某个应用开发商下的身份。}}
      - {value: user_id, description: {en: The user_id., zh: 标识一个用户在某个租户内的身份。}}

platform_errors:
  - code: 99991400
    name: RateLimited
    http: 429
    message: request trigger frequency limit
    remedy: {en: Wait for x-ogw-ratelimit-reset and retry., zh: 请求频率超限}
    applies: [all]
  - code: 99991663
    name: InvalidTenantToken
    http: 400
    message: Invalid access token for authorization.
    applies: [tenant_token]
  - code: 99991672
    name: MissingScope
    http: 400
    message: Access denied.
    applies: [all]
"#
    .to_owned()
}

/// One resource: four endpoints, an event, its types.
fn resource_file(service: &str, r: usize) -> String {
    let thing = format!("Thing{r}");
    let res = format!("thing{r}");
    let mut out = String::new();
    let _ = write!(
        out,
        r#"service: {service}
version: v1
resource: {res}
description:
  en: Things of kind {r}, and their lifecycle.
  zh: 第 {r} 类事物。

types:
  {thing}:
    type: object
    description: {{en: A thing of kind {r}., zh: 一个事物。}}
    fields:
      {res}_id: {{type: string, description: {{en: Its id., zh: ID}}, example: t_1}}
      name: {{type: string, description: {{en: Its name., zh: 名称}}}}
      owner: {{type: UserId, description: {{en: Who owns it., zh: 所有者}}}}
      status:
        type: enum
        type_name: {thing}Status
        description: {{en: Where it is in its life., zh: 状态}}
        values:
          - {{value: active, description: {{en: In use., zh: 使用中}}}}
          - {{value: archived, description: {{en: Put away., zh: 已归档}}}}
          - {{value: deleted, description: {{en: Gone., zh: 已删除}}}}
      tags: {{type: array, items: {{type: string}}, description: {{en: Labels., zh: 标签}}}}
      members:
        type: array
        description: {{en: Who takes part., zh: 成员}}
        items:
          type: object
          type_name: {thing}Member
          fields:
            member: {{type: UserId, description: {{en: The member., zh: 成员}}}}
            role: {{type: string, description: {{en: Their role., zh: 角色}}}}
            joined_at: {{type: timestamp_ms, description: {{en: When they joined., zh: 加入时间}}}}
      settings: {{type: {thing}Settings, description: {{en: How it behaves., zh: 设置}}}}
      created_at: {{type: timestamp_ms, description: {{en: When it was made., zh: 创建时间}}}}
      revision: {{type: int64, description: {{en: Its revision., zh: 版本}}}}
  {thing}Settings:
    type: object
    description: {{en: How a thing of kind {r} behaves., zh: 设置}}
    fields:
      visible: {{type: boolean, description: {{en: Shown to all., zh: 是否可见}}}}
      limit: {{type: int32, description: {{en: At most this many., zh: 上限}}}}
      weight: {{type: number, description: {{en: Its weight., zh: 权重}}}}
      extra: {{type: map, items: {{type: string}}, description: {{en: Anything else., zh: 其他}}}}

endpoints:
"#
    );
    let path = format!("/open-apis/{service}/v1/{res}s");
    for (name, method, suffix, summary) in [
        ("get", "GET", "/:id", "Get a thing"),
        ("list", "GET", "", "List things"),
        ("create", "POST", "", "Create a thing"),
        ("delete", "DELETE", "/:id", "Delete a thing"),
    ] {
        let _ = write!(
            out,
            r#"  - name: {name}
    summary: {{en: {summary} of kind {r}, zh: 事物 {r}}}
    description: {{en: Acts on things of kind {r}., zh: 操作第 {r} 类事物。}}
    method: {method}
    path: {path}{suffix}
    tokens: [tenant, user]
    scopes: [{service}:{res}, {service}:{res}:readonly]
    rate_limit: {{per_second: 50, per_minute: 1000}}
    app_types: [custom, store]
    doc_url: https://open.feishu.cn/document/server-docs/{service}-v1/{res}/{name}
"#
        );
        if suffix == "/:id" {
            out.push_str(
                "    path_params:\n      id: {type: string, description: {en: The thing's id., zh: ID}, example: t_1}\n",
            );
        }
        match name {
            "get" => {
                let _ = write!(
                    out,
                    "    query:\n      user_id_type: {{type: UserIdType, default: open_id, description: {{en: Which user id., zh: 用户 ID 类型}}}}\n    response:\n      type: object\n      fields:\n        {res}: {{type: {thing}, description: {{en: The thing., zh: 事物}}}}\n"
                );
            }
            "list" => {
                let _ = write!(
                    out,
                    "    pagination: {{}}\n    query:\n      page_size: {{type: int32, default: \"20\", description: {{en: Items per page., zh: 分页大小}}}}\n      page_token: {{type: string, description: {{en: Where to go on from., zh: 分页标记}}}}\n      user_id_type: {{type: UserIdType, default: open_id, description: {{en: Which user id., zh: 用户 ID 类型}}}}\n    response:\n      type: object\n      fields:\n        items: {{type: array, items: {{type: {thing}}}, description: {{en: The things., zh: 列表}}}}\n        has_more: {{type: boolean, description: {{en: More pages follow., zh: 是否还有更多}}}}\n        page_token: {{type: string, description: {{en: The next page., zh: 分页标记}}}}\n"
                );
            }
            "create" => {
                let _ = write!(
                    out,
                    "    body:\n      type: object\n      fields:\n        name: {{type: string, required: true, description: {{en: Its name., zh: 名称}}}}\n        tags: {{type: array, items: {{type: string}}, description: {{en: Labels., zh: 标签}}}}\n        settings: {{type: {thing}Settings, description: {{en: How it behaves., zh: 设置}}}}\n    response:\n      type: {thing}\n"
                );
            }
            _ => {}
        }
        out.push_str("    errors:\n");
        for e in 0..6 {
            let code = 1_000_000 + r * 100 + e;
            let _ = writeln!(
                out,
                "      - {{code: {code}, name: Problem{e}, http: 400, message: problem {e} with thing {r}, remedy: {{en: Fix problem {e}., zh: 问题 {e}}}}}"
            );
        }
    }
    let _ = write!(
        out,
        r#"
events:
  - event_type: {service}.{res}.updated_v1
    schema: "2.0"
    summary: {{en: A thing of kind {r} changed, zh: 事物变更}}
    scopes: [{service}:{res}:readonly]
    app_types: [custom, store]
    doc_url: https://open.feishu.cn/document/server-docs/{service}-v1/{res}/events/updated
    fields:
      {res}_id: {{type: string, description: {{en: Which thing., zh: ID}}}}
      operator: {{type: UserId, description: {{en: Who changed it., zh: 操作者}}}}
      before: {{type: {thing}, description: {{en: As it was., zh: 变更前}}}}
      after: {{type: {thing}, description: {{en: As it is., zh: 变更后}}}}
      changed_at: {{type: timestamp_ms, description: {{en: When., zh: 时间}}}}
"#
    );
    out
}
