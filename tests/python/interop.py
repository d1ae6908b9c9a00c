"""The official Python SDK (lark-oapi), unchanged, against the local Open Platform.

Run by tests/tests/python_sdk.rs, which sets up the world and reads the lines
this prints (one JSON object each):

  interop.py client  BASE APP_ID APP_SECRET MESSAGE_ID OWN_REACTION OTHER_REACTION
  interop.py ws      BASE APP_ID APP_SECRET
  interop.py webhook ENCRYPT_KEY VERIFICATION_TOKEN   (ENCRYPT_KEY "" for plaintext pushes)
  interop.py upload  BASE APP_ID APP_SECRET FILE
  interop.py send_image BASE APP_ID APP_SECRET FILE CHAT_ID
  interop.py ws_card BASE APP_ID APP_SECRET

`client`, `upload` and `send_image` exit when their calls are done. `ws`,
`ws_card` and `webhook` receive events (and callbacks) until their stdin closes, so the SDK has sent every acknowledgement by the
time the test lets them go.
"""

import http.server
import json
import os
import sys
import threading

import lark_oapi as lark
from lark_oapi.api.im.v1 import (
    CreateFileRequest,
    CreateFileRequestBody,
    CreateImageRequest,
    CreateImageRequestBody,
    CreateMessageReactionRequest,
    CreateMessageReactionRequestBody,
    CreateMessageRequest,
    CreateMessageRequestBody,
    GetFileRequest,
    GetImageRequest,
    DeleteMessageReactionRequest,
    Emoji,
    ListMessageReactionRequest,
)
from lark_oapi.core.log import handler as lark_log_handler
from lark_oapi.event.callback.model.p2_card_action_trigger import P2CardActionTriggerResponse

# lark-oapi logs to stdout; this script's stdout is for its JSON lines.
lark_log_handler.setStream(sys.stderr)


_stdout = threading.Lock()


def say(**fields):
    line = json.dumps(fields, ensure_ascii=False)
    with _stdout:
        print(line, flush=True)


def event_fields(data):
    """What the typed event the SDK hands over says (created and deleted alike)."""
    event = data.event
    return {
        "event_id": data.header.event_id,
        "event_type": data.header.event_type,
        "message_id": event.message_id,
        "emoji_type": event.reaction_type.emoji_type,
        "operator_type": event.operator_type,
        "open_id": event.user_id.open_id if event.user_id else None,
        "action_time": event.action_time,
    }


def reaction_fields(reaction):
    """What the SDK made of one reaction in an answer."""
    operator = reaction.operator
    return {
        "reaction_id": reaction.reaction_id,
        "emoji_type": reaction.reaction_type.emoji_type if reaction.reaction_type else None,
        "operator_id": operator.operator_id if operator else None,
        "operator_type": operator.operator_type if operator else None,
    }


def answer(call, response, **fields):
    say(call=call, code=response.code, msg=response.msg, log_id=response.get_log_id(), **fields)


def client(base, app_id, app_secret, message_id, own, other):
    """The SDK's client adds a reaction, lists them page by page and by type,
    then deletes its own reaction and a user's."""
    cli = lark.Client.builder().app_id(app_id).app_secret(app_secret).domain(base).build()

    body = CreateMessageReactionRequestBody.builder().reaction_type(Emoji.builder().emoji_type("THUMBSUP").build())
    request = CreateMessageReactionRequest.builder().message_id(message_id).request_body(body.build()).build()
    response = cli.im.v1.message_reaction.create(request)
    answer("create", response, reaction=reaction_fields(response.data) if response.data else None)

    page_token = None
    for _ in range(10):
        request = ListMessageReactionRequest.builder().message_id(message_id).page_size(2)
        if page_token:
            request = request.page_token(page_token)
        response = cli.im.v1.message_reaction.list(request.build())
        data = response.data
        answer(
            "list",
            response,
            items=[reaction_fields(r) for r in (data.items or [])] if data else None,
            has_more=data.has_more if data else None,
            page_token=data.page_token if data else None,
        )
        page_token = data.page_token if data else None
        if not (data and data.has_more and page_token):
            break

    request = ListMessageReactionRequest.builder().message_id(message_id).reaction_type("THUMBSUP").build()
    response = cli.im.v1.message_reaction.list(request)
    data = response.data
    answer("list_by_type", response, items=[reaction_fields(r) for r in (data.items or [])] if data else None)

    for reaction_id in (own, other):
        request = DeleteMessageReactionRequest.builder().message_id(message_id).reaction_id(reaction_id).build()
        response = cli.im.v1.message_reaction.delete(request)
        data = response.data
        answer("delete", response, reaction_id=data.reaction_id if data else None)


def upload(base, app_id, app_secret, path):
    """The SDK's client uploads a file as an image and as a file, and
    downloads both back."""
    cli = lark.Client.builder().app_id(app_id).app_secret(app_secret).domain(base).build()

    with open(path, "rb") as f:
        body = CreateImageRequestBody.builder().image_type("message").image(f).build()
        response = cli.im.v1.image.create(CreateImageRequest.builder().request_body(body).build())
    image_key = response.data.image_key if response.data else None
    answer("image", response, image_key=image_key)

    with open(path, "rb") as f:
        body = CreateFileRequestBody.builder().file_type("stream").file_name(os.path.basename(path)).file(f).build()
        response = cli.im.v1.file.create(CreateFileRequest.builder().request_body(body).build())
    file_key = response.data.file_key if response.data else None
    answer("file", response, file_key=file_key)

    for call, request in (
        ("get_image", cli.im.v1.image.get(GetImageRequest.builder().image_key(image_key).build())),
        ("get_file", cli.im.v1.file.get(GetFileRequest.builder().file_key(file_key).build())),
    ):
        data = request.file.read() if request.file else None
        say(call=call, code=request.code, file_name=request.file_name, size=len(data) if data is not None else None,
            hex=data.hex() if data is not None else None)


def send_image(base, app_id, app_secret, path, chat_id):
    """The SDK's client uploads an image and sends it to a chat."""
    cli = lark.Client.builder().app_id(app_id).app_secret(app_secret).domain(base).build()
    with open(path, "rb") as f:
        body = CreateImageRequestBody.builder().image_type("message").image(f).build()
        response = cli.im.v1.image.create(CreateImageRequest.builder().request_body(body).build())
    image_key = response.data.image_key if response.data else None
    answer("image", response, image_key=image_key)

    body = (
        CreateMessageRequestBody.builder()
        .receive_id(chat_id)
        .msg_type("image")
        .content(json.dumps({"image_key": image_key}))
        .build()
    )
    request = CreateMessageRequest.builder().receive_id_type("chat_id").request_body(body).build()
    response = cli.im.v1.message.create(request)
    data = response.data
    answer(
        "message",
        response,
        message_id=data.message_id if data else None,
        msg_type=data.msg_type if data else None,
        chat_id=data.chat_id if data else None,
        content=data.body.content if data and data.body else None,
    )


def ws_card(base, app_id, app_secret):
    """The SDK's long-connection client answers a click on a card with a
    toast and a new card."""
    def clicked(data):
        event = data.event
        say(clicked={
            "value": event.action.value if event.action else None,
            "tag": event.action.tag if event.action else None,
            "open_message_id": event.context.open_message_id if event.context else None,
            "open_id": event.operator.open_id if event.operator else None,
        })
        return P2CardActionTriggerResponse({
            "toast": {"type": "success", "content": "Approved", "i18n": {"zh_cn": "已通过", "en_us": "Approved"}},
            "card": {"type": "raw", "data": {"schema": "2.0", "body": {"elements": [
                {"tag": "markdown", "content": "Approved"},
            ]}}},
        })

    handler = lark.EventDispatcherHandler.builder("", "").register_p2_card_action_trigger(clicked).build()
    cli = lark.ws.Client(app_id, app_secret, event_handler=handler, domain=base, log_level=lark.LogLevel.WARNING)
    threading.Thread(target=cli.start, daemon=True).start()
    say(started=True)
    until_stdin_closes()


def event_handler(encrypt_key, verification_token):
    """A handler for both reaction events that prints what each says."""
    def handle(data):
        say(received=event_fields(data))

    return (
        lark.EventDispatcherHandler.builder(encrypt_key, verification_token)
        .register_p2_im_message_reaction_created_v1(handle)
        .register_p2_im_message_reaction_deleted_v1(handle)
        .build()
    )


def until_stdin_closes():
    sys.stdin.read()
    os._exit(0)


def ws(base, app_id, app_secret):
    """The SDK's long-connection client receives the events and acknowledges them."""
    handler = event_handler("", "")
    cli = lark.ws.Client(app_id, app_secret, event_handler=handler, domain=base, log_level=lark.LogLevel.WARNING)
    threading.Thread(target=cli.start, daemon=True).start()
    say(started=True)
    until_stdin_closes()


def webhook(encrypt_key, verification_token):
    """The SDK's webhook handler answers the challenge and accepts the pushes:
    signed and encrypted under a key, plaintext with only the token otherwise."""
    handler = event_handler(encrypt_key, verification_token)

    class Endpoint(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            request = lark.RawRequest()
            request.uri = self.path
            request.body = body
            # As lark-oapi's Flask adapter passes them: werkzeug title-cases names.
            request.headers = {k.title(): v for k, v in self.headers.items()}
            response = handler.do(request)
            say(
                answered=response.status_code,
                body=(response.content or b"").decode(),
                encrypted="encrypt" in json.loads(body),
                signed="X-Lark-Signature" in request.headers,
            )
            self.send_response(response.status_code)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.end_headers()
            self.wfile.write(response.content or b"")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    say(url=f"http://127.0.0.1:{server.server_address[1]}/webhook/event")
    until_stdin_closes()


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    commands = {
        "client": client,
        "ws": ws,
        "ws_card": ws_card,
        "webhook": webhook,
        "upload": upload,
        "send_image": send_image,
    }
    commands[command](*args)
