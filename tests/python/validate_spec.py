"""Validates YAML spec files against the JSON Schema of the spec format.

Run by tests/tests/spec_schema.rs:

  validate_spec.py SCHEMA FILE...

prints one JSON line per file: {"file": ..., "errors": [...]}, each error
with its path in the document and the validator's message.
"""

import json
import sys

import jsonschema
import yaml


def main(schema_path, files):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in files:
        with open(path, encoding="utf-8") as f:
            document = yaml.safe_load(f)
        errors = [
            {"at": "/".join(str(p) for p in error.absolute_path), "message": error.message}
            for error in validator.iter_errors(document)
        ]
        print(json.dumps({"file": path, "errors": errors}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
