#!/usr/bin/env python3
"""The API as a contract (issue 19): lints server/docs/openapi.yaml and checks recorded exchanges against it.

usage: check_openapi.py OPENAPI.yaml [TRACE.jsonl ...]

Lint (always): the YAML has no duplicate keys; every operation has a unique operationId and responses whose
objects hold only description/content/headers/$ref (an unquoted comma in a flow mapping silently makes new keys);
every $ref resolves; every operation behind the bearer scheme documents 401 and 403; every path parameter is
declared.

Conformance (per trace line written by tests/server/support/HttpsClient.cpp when DANTOC_API_TRACE is set): the
route and method are documented, the status is one the operation documents, 304 and HEAD answers carry no JSON
Content-Type, a JSON response validates against its documented schema, and a request body sent to an operation
is declared (and, when the server accepted it, validates against the declared schema).

Needs python3-yaml and python3-jsonschema (Debian; installer/packages.txt). Exit status 1 on any finding.
"""
import json
import re
import sys

import jsonschema
import yaml

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RESPONSE_KEYS = {"description", "content", "headers", "$ref", "links"}


class UniqueKeyLoader(yaml.SafeLoader):
    pass


def construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping_orig(node, deep)


UniqueKeyLoader.construct_mapping_orig = yaml.SafeLoader.construct_mapping
UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)


def resolve(doc, ref):
    node = doc
    for part in ref.lstrip("#/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def deref(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        node = resolve(doc, node["$ref"])
    return node


def walk_refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.append(value)
            else:
                walk_refs(value, found)
    elif isinstance(node, list):
        for value in node:
            walk_refs(value, found)


def operations(doc):
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method in METHODS:
                yield path, method, op


def lint(doc):
    errors = []
    ids = {}
    for path, method, op in operations(doc):
        where = f"{method.upper()} {path}"
        op_id = op.get("operationId")
        if not op_id:
            errors.append(f"{where}: no operationId")
        elif op_id in ids:
            errors.append(f"{where}: operationId {op_id} also used by {ids[op_id]}")
        else:
            ids[op_id] = where
        responses = op.get("responses") or {}
        if not responses:
            errors.append(f"{where}: no responses")
        for status, response in responses.items():
            if not isinstance(response, dict):
                errors.append(f"{where} {status}: not an object")
                continue
            extra = set(response) - RESPONSE_KEYS
            if extra:
                errors.append(f"{where} {status}: unexpected keys {sorted(map(str, extra))} (an unquoted comma?)")
            if "$ref" not in response and "description" not in response:
                errors.append(f"{where} {status}: no description")
        security = op.get("security", doc.get("security", []))
        if security:
            for status in ("401", "403"):
                if status not in map(str, responses):
                    errors.append(f"{where}: authenticated but {status} is not documented")
        declared = {p.get("name") for p in doc["paths"][path].get("parameters", []) + op.get("parameters", [])
                    if deref(doc, p).get("in") == "path"}
        for name in re.findall(r"\{([^}]+)\}", path):
            if name not in declared:
                errors.append(f"{where}: path parameter {name} not declared")
    refs = []
    walk_refs(doc, refs)
    for ref in sorted(set(refs)):
        if resolve(doc, ref) is None:
            errors.append(f"unresolved $ref {ref}")
    return errors


def match_route(doc, path):
    best = None
    for template in doc.get("paths", {}):
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path):
            literal = len(re.sub(r"\{[^}]+\}", "", template))
            if best is None or literal > best[0]:
                best = (literal, template)
    return best[1] if best else None


def json_schema_of(doc, node):
    """The application/json schema of a response or request body object, or None."""
    node = deref(doc, node) or {}
    content = node.get("content") or {}
    media = content.get("application/json")
    if not media or "schema" not in media:
        return None
    return media["schema"]


def validate(doc, schema, instance):
    root = dict(schema)
    root["components"] = doc.get("components", {})
    try:
        jsonschema.validate(instance, root, cls=jsonschema.Draft4Validator)
        return None
    except jsonschema.ValidationError as error:
        # Not error.message: it quotes the instance, which may be a token.
        return f"fails {error.validator}: {error.validator_value!r} at /{'/'.join(map(str, error.absolute_path))}"


def conform(doc, trace_files):
    errors = set()
    checked = 0
    for trace in trace_files:
        with open(trace, encoding="utf-8") as lines:
            for line in lines:
                ex = json.loads(line)
                path = ex["target"].split("?", 1)[0]
                template = match_route(doc, path)
                if template is None:
                    continue  # unrouted paths (probes of 404) are not part of the contract
                method = ex["method"].lower()
                op = doc["paths"][template].get(method)
                status = str(ex["status"])
                where = f"{ex['method']} {template}"
                if op is None:
                    if status not in ("404", "405"):
                        errors.add(f"{where}: undocumented method answered {status}")
                    continue
                checked += 1
                responses = {str(k): v for k, v in (op.get("responses") or {}).items()}
                response = responses.get(status) or responses.get(status[0] + "XX") or responses.get("default")
                if response is None:
                    errors.add(f"{where}: status {status} is not documented")
                    continue
                content_type = ex["response_headers"].get("content-type", "")
                if (status == "304" or method == "head") and content_type.startswith("application/json"):
                    errors.add(f"{where} {status}: Content-Type application/json on an answer without a body")
                schema = json_schema_of(doc, response)
                if schema is not None and content_type.startswith("application/json"):
                    if ex["response_json"] is None:
                        errors.add(f"{where} {status}: documented as JSON but the body is not")
                    else:
                        problem = validate(doc, schema, ex["response_json"])
                        if problem:
                            errors.add(f"{where} {status}: response does not match its schema: {problem}")
                if ex["request_body_size"] > 0:
                    body = op.get("requestBody")
                    if body is None:
                        if status.startswith("2"):
                            errors.add(f"{where}: accepted a request body that is not declared")
                    elif status.startswith("2") and ex["request_json"] is not None:
                        request_schema = json_schema_of(doc, body)
                        if request_schema is not None:
                            problem = validate(doc, request_schema, ex["request_json"])
                            if problem:
                                errors.add(f"{where}: accepted a request its schema refuses: {problem}")
    return sorted(errors), checked


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        try:
            doc = yaml.load(f, Loader=UniqueKeyLoader)
        except yaml.YAMLError as error:
            print(f"openapi: {error}")
            return 1
    errors = lint(doc)
    conformance, checked = conform(doc, argv[2:])
    errors += conformance
    for error in errors:
        print(f"openapi: {error}")
    print(f"openapi: {len(errors)} finding(s); {checked} exchange(s) checked from {len(argv) - 2} trace file(s)")
    if len(argv) > 2 and checked == 0:
        print("openapi: the traces hold no documented exchange: was DANTOC_API_TRACE set?")
        return 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
