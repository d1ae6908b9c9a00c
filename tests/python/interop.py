"""The official Python SDK (lark-oapi), unchanged, against the local Open Platform.

Run by tests/tests/python_sdk.rs, which sets up the world and reads the lines
this prints (one JSON object each):

  interop.py client  BASE APP_ID APP_SECRET MESSAGE_ID OWN_REACTION OTHER_REACTION
  interop.py ws      BASE APP_ID APP_SECRET
  interop.py webhook ENCRYPT_KEY VERIFICATION_TOKEN
"""

import http.server
import json
import os
import sys
import threading

import lark_oapi as lark
from lark_oapi.api.im.v1 import DeleteMessageReactionRequest
from lark_oapi.core.log import handler as lark_log_handler

# lark-oapi logs to stdout; this script's stdout is for its JSON lines.
lark_log_handler.setStream(sys.stderr)


def say(**fields):
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def event_fields(data):
    """What the typed event the SDK hands over says."""
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


def client(base, app_id, app_secret, message_id, own, other):
    """The SDK's client calls the delete endpoint: its own reaction, then a user's."""
    cli = lark.Client.builder().app_id(app_id).app_secret(app_secret).domain(base).build()
    for reaction_id in (own, other):
        request = DeleteMessageReactionRequest.builder().message_id(message_id).reaction_id(reaction_id).build()
        response = cli.im.v1.message_reaction.delete(request)
        data = response.data
        say(
            call="delete",
            code=response.code,
            msg=response.msg,
            log_id=response.get_log_id(),
            reaction_id=data.reaction_id if data else None,
        )


def ws(base, app_id, app_secret):
    """The SDK's long-connection client receives the event and exits."""
    def handle(data):
        say(received=event_fields(data))
        os._exit(0)

    handler = lark.EventDispatcherHandler.builder("", "").register_p2_im_message_reaction_deleted_v1(handle).build()
    cli = lark.ws.Client(app_id, app_secret, event_handler=handler, domain=base, log_level=lark.LogLevel.WARNING)
    threading.Thread(target=cli.start, daemon=True).start()
    say(started=True)
    threading.Event().wait(30)
    say(error="no event within 30 s")
    os._exit(1)


def webhook(encrypt_key, verification_token):
    """The SDK's webhook handler answers the challenge and accepts the signed, encrypted push."""
    def handle(data):
        say(received=event_fields(data))
        threading.Timer(0.2, lambda: os._exit(0)).start()

    handler = (
        lark.EventDispatcherHandler.builder(encrypt_key, verification_token)
        .register_p2_im_message_reaction_deleted_v1(handle)
        .build()
    )

    class Endpoint(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            request = lark.RawRequest()
            request.uri = self.path
            request.body = body
            # As lark-oapi's Flask adapter passes them: werkzeug title-cases names.
            request.headers = {k.title(): v for k, v in self.headers.items()}
            response = handler.do(request)
            say(answered=response.status_code, body=(response.content or b"").decode())
            self.send_response(response.status_code)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.end_headers()
            self.wfile.write(response.content or b"")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
    say(url=f"http://127.0.0.1:{server.server_address[1]}/webhook/event")
    threading.Timer(30, lambda: (say(error="no event within 30 s"), os._exit(1))).start()
    server.serve_forever()


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"client": client, "ws": ws, "webhook": webhook}[command](*args)
