"""The official Python SDK (lark-oapi) as the oracle of our spec.

Run by tests/differential/tests/oracle.rs:

  oracle.py BASE APP_ID APP_SECRET PLAN

PLAN is a JSON list of requests the test planned from the spec, each with
the endpoint's id, the service, version, resource and call names, the
request class's name, and the path and query values and the body. For each,
lark-oapi's own request class is filled through its builder (the body
through its body class, from the JSON), sent by lark-oapi's client to the
local server (marked by an `X-Oracle-Id` header with the endpoint's id),
and its answer read into lark-oapi's response class. One JSON
line per request: the platform code and msg the SDK saw, what of the SDK
was missing (a module, a class, a setter), and `lost`: the fields of our
server's `data` that lark-oapi's response class does not keep.
"""

import importlib
import json
import sys
import typing

import lark_oapi as lark
from lark_oapi.core.log import handler as lark_log_handler

# lark-oapi logs to stdout; this script's stdout is for its JSON lines.
lark_log_handler.setStream(sys.stderr)


def lost_fields(sent, kept, path=""):
    """Dotted paths of `sent` that `kept` does not have."""
    lost = []
    if isinstance(sent, dict):
        kept = kept if isinstance(kept, dict) else {}
        for key, value in sent.items():
            here = f"{path}.{key}" if path else key
            if key not in kept:
                lost.append(here)
            else:
                lost.extend(lost_fields(value, kept[key], here))
    elif isinstance(sent, list) and sent:
        kept = kept if isinstance(kept, list) and kept else [None]
        lost.extend(lost_fields(sent[0], kept[0], path + "[]"))
    return lost


def run(client, item):
    out = {"id": item["id"]}
    try:
        module = importlib.import_module(f"lark_oapi.api.{item['service']}.{item['version']}")
    except ImportError:
        out["missing"] = f"module lark_oapi.api.{item['service']}.{item['version']}"
        return out
    request_class = getattr(module, item["request_type"], None)
    if request_class is None:
        out["missing"] = f"class {item['request_type']}"
        return out
    builder = request_class.builder()
    for key, value in {**item["path"], **item["query"]}.items():
        # A Python keyword (`from`) is its setter's name with `_`.
        setter = getattr(builder, key, None) or getattr(builder, key + "_", None)
        if setter is None:
            out["missing"] = f"setter {item['request_type']}.{key}"
            return out
        setter(value)
    if item["body"] is not None:
        # The body's class, as the builder's setter declares it (a
        # `…RequestBody`, or the resource's own model for most writes).
        setter = getattr(builder, "request_body", None)
        hints = typing.get_type_hints(setter) if setter is not None else {}
        body_class = hints.get("request_body")
        if body_class is None:
            out["missing"] = f"setter {item['request_type']}.request_body"
            return out
        builder.request_body(body_class(item["body"]))
    target = client
    for part in (item["service"], item["version"], item["resource"], item["name"]):
        target = getattr(target, part, None)
        if target is None:
            out["missing"] = f"client.{item['service']}.{item['version']}.{item['resource']}.{item['name']}"
            return out
    # Marks the request, so that the test finds it among those the server
    # received and compares it with our client's.
    option = lark.RequestOption.builder().headers({"X-Oracle-Id": item["id"]}).build()
    response = target(builder.build(), option)
    out["code"] = response.code
    out["msg"] = response.msg
    raw = json.loads(response.raw.content or b"{}")
    if response.code != 0:
        out["error_body"] = raw.get("error")
    data = raw.get("data")
    # A response class of a call that answers no data has no `data`.
    parsed = getattr(response, "data", None)
    kept = json.loads(lark.JSON.marshal(parsed)) if parsed is not None else None
    out["lost"] = lost_fields(data, kept) if data else []
    return out


def main():
    base, app_id, app_secret, plan = sys.argv[1:5]
    client = (
        lark.Client.builder()
        .app_id(app_id)
        .app_secret(app_secret)
        .domain(base)
        .log_level(lark.LogLevel.ERROR)
        .build()
    )
    with open(plan, encoding="utf-8") as f:
        items = json.load(f)
    for item in items:
        try:
            out = run(client, item)
        except Exception as e:  # the SDK itself failing is a finding too
            out = {"id": item["id"], "error": f"{type(e).__name__}: {e}"}
        print(json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
