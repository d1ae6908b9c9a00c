// A few handlers in the shape of the Node SDK's code-gen/events-template.ts
// (larksuite/node-sdk at f54b49f): event types, field names and types as
// there; titles shortened.
export interface IHandles {
    /**
     * {@link https://open.feishu.cn/document/uAjLw4CM/ukTMukTMukTM/reference/im-v1/chat/events/disbanded document }
     *
     * 解散群
     */
    "im.chat.disbanded_v1"?: (data: {
        event_id?: string;
        token?: string;
        create_time?: string;
        event_type?: string;
        tenant_key?: string;
        ts?: string;
        uuid?: string;
        type?: string;
        app_id?: string;
        chat_id?: string;
        operator_id?: { union_id?: string; user_id?: string; open_id?: string };
        external?: boolean;
        operator_tenant_key?: string;
        name?: string;
        i18n_names?: { zh_cn?: string; en_us?: string; ja_jp?: string };
    }) => Promise<any> | any;
    /**
     * 接收消息
     */
    "im.message.receive_v1"?: (data: {
        event_id?: string;
        token?: string;
        create_time?: string;
        event_type?: string;
        tenant_key?: string;
        ts?: string;
        uuid?: string;
        type?: string;
        app_id?: string;
        sender: {
            sender_id?: { union_id?: string; user_id?: string; open_id?: string };
            sender_type: string;
            tenant_key?: string;
        };
        message: {
            message_id: string;
            create_time: string;
            chat_id: string;
            chat_type:
                | "p2p"
                | "group";
            message_type: string;
            content: string;
            mentions?: Array<{
                key: string;
                id: { union_id?: string; user_id?: string; open_id?: string };
                name: string;
            }>;
            user_agent?: string;
        };
    }) => Promise<any> | any;
    /**
     * {@link https://open.feishu.cn/document/server-docs/im-v1/message-reaction/events/deleted document }
     *
     * 删除消息表情回复
     */
    "im.message.reaction.deleted_v1"?: (data: {
        event_id?: string;
        token?: string;
        create_time?: string;
        event_type?: string;
        tenant_key?: string;
        ts?: string;
        uuid?: string;
        type?: string;
        app_id?: string;
        message_id?: string;
        reaction_type?: { emoji_type?: string };
        action_time?: string;
    }) => Promise<any> | any;
    /**
     * 群配置修改
     */
    "im.chat.updated_v1"?: (data: {
        event_id?: string;
        token?: string;
        create_time?: string;
        event_type?: string;
        tenant_key?: string;
        ts?: string;
        uuid?: string;
        type?: string;
        app_id?: string;
        chat_id?: string;
        member_count?: number;
        score?: number;
    }) => Promise<any> | any;
}
