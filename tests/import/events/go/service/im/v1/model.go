// In the shape of the Go SDK's service/im/v1/model.go (larksuite/oapi-sdk-go
// at 9494618e), cut to the structs the events below use; `member_count`
// and `score` stand for a whole number and a fraction.
package larkim

type UserId struct {
	UserId  *string `json:"user_id,omitempty"`
	OpenId  *string `json:"open_id,omitempty"`
	UnionId *string `json:"union_id,omitempty"`
}

type I18nNames struct {
	ZhCn *string `json:"zh_cn,omitempty"`
	EnUs *string `json:"en_us,omitempty"`
	JaJp *string `json:"ja_jp,omitempty"`
}

type P2ChatDisbandedV1Data struct {
	ChatId            *string    `json:"chat_id,omitempty"`
	OperatorId        *UserId    `json:"operator_id,omitempty"`
	External          *bool      `json:"external,omitempty"`
	OperatorTenantKey *string    `json:"operator_tenant_key,omitempty"`
	Name              *string    `json:"name,omitempty"`
	I18nNames         *I18nNames `json:"i18n_names,omitempty"`
}

type EventSender struct {
	SenderId   *UserId `json:"sender_id,omitempty"`
	SenderType *string `json:"sender_type,omitempty"`
	TenantKey  *string `json:"tenant_key,omitempty"`
}

type MentionEvent struct {
	Key  *string `json:"key,omitempty"`
	Id   *UserId `json:"id,omitempty"`
	Name *string `json:"name,omitempty"`
}

type EventMessage struct {
	MessageId   *string         `json:"message_id,omitempty"`
	CreateTime  *string         `json:"create_time,omitempty"`
	ChatId      *string         `json:"chat_id,omitempty"`
	ChatType    *string         `json:"chat_type,omitempty"`
	MessageType *string         `json:"message_type,omitempty"`
	Content     *string         `json:"content,omitempty"`
	Mentions    []*MentionEvent `json:"mentions,omitempty"`
}

type P2MessageReceiveV1Data struct {
	Sender  *EventSender  `json:"sender,omitempty"`
	Message *EventMessage `json:"message,omitempty"`
}

type P2ChatUpdatedV1Data struct {
	ChatId      *string  `json:"chat_id,omitempty"`
	AppId       *string  `json:"app_id,omitempty"`
	MemberCount *int     `json:"member_count,omitempty"`
	Score       *float64 `json:"score,omitempty"`
}
