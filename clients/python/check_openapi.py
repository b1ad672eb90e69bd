#!/usr/bin/env python3
"""Checks docs/openapi.json: well-formed and internally consistent (standard library only).

    python3 clients/python/check_openapi.py [PATH]

Reports (and exits 1 on) duplicate keys, a version other than OpenAPI 3.1, a local ``$ref`` that
does not resolve, a path parameter that is not declared (or a declared one not in the path), a
duplicate ``operationId``, an operation without responses, a security requirement naming no
scheme, and an endpoint of docs/server-api.md's table that the file does not describe.
"""

import json
import os
import re
import sys

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def default_path():
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "openapi.json")


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError("duplicate key(s) %s" % ", ".join(repr(k) for k in duplicates))
    return dict(pairs)


def resolve(document, ref):
    """The node a local reference (``#/components/schemas/X``) points at; KeyError when none."""
    if not ref.startswith("#"):
        raise KeyError("only local references are used here, but found %r" % ref)
    node = document
    for token in ref[1:].split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            raise KeyError(ref)
    return node


def _refs(node, where="#"):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield where, value
            else:
                yield from _refs(value, "%s/%s" % (where, key.replace("~", "~0").replace("/", "~1")))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _refs(value, "%s/%d" % (where, i))


def _deref(document, node):
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        node = resolve(document, node["$ref"])
        seen += 1
    return node


def documented_endpoints(markdown):
    """The ``METHOD /path`` pairs of docs/server-api.md's endpoint table."""
    found = []
    for match in re.finditer(r"^\| `(GET|POST|PUT|PATCH|DELETE) (/[^`?]*)(?:\?[^`]*)?` \|", markdown, re.M):
        found.append((match.group(1).lower(), match.group(2)))
    return found


def check(path, api_markdown=None):
    """The problems found in the OpenAPI file at ``path`` (an empty list when it is sound)."""
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f, object_pairs_hook=_no_duplicates)
    except OSError as e:
        return ["%s: cannot be read: %s" % (path, e)]
    except ValueError as e:
        return ["%s: not well-formed JSON: %s" % (path, e)]
    problems = []
    if not str(document.get("openapi", "")).startswith("3.1"):
        problems.append("openapi: must be 3.1.x, but was %r" % document.get("openapi"))
    for field in ("title", "version"):
        if not (document.get("info") or {}).get(field):
            problems.append("info.%s: missing" % field)
    for where, ref in _refs(document):
        try:
            resolve(document, ref)
        except KeyError:
            problems.append("%s: $ref %r does not resolve" % (where, ref))
    schemes = set(((document.get("components") or {}).get("securitySchemes") or {}).keys())
    operation_ids = {}
    paths = document.get("paths") or {}
    if not paths:
        problems.append("paths: empty")
    for route, item in paths.items():
        if not route.startswith("/"):
            problems.append("paths: %r does not start with /" % route)
        in_path = set(re.findall(r"{([^}]+)}", route))
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            name = "%s %s" % (method.upper(), route)
            op_id = operation.get("operationId")
            if not op_id:
                problems.append("%s: no operationId" % name)
            elif op_id in operation_ids:
                problems.append("%s: operationId %r is also used by %s" % (name, op_id, operation_ids[op_id]))
            else:
                operation_ids[op_id] = name
            if not operation.get("responses"):
                problems.append("%s: no responses" % name)
            declared = set()
            for parameter in shared + operation.get("parameters", []):
                try:
                    parameter = _deref(document, parameter)
                except KeyError:
                    continue  # reported above
                if parameter.get("in") == "path":
                    declared.add(parameter.get("name"))
                    if parameter.get("required") is not True:
                        problems.append("%s: path parameter %r must be required" % (name, parameter.get("name")))
            for missing in sorted(in_path - declared):
                problems.append("%s: path parameter {%s} is not declared" % (name, missing))
            for extra in sorted(declared - in_path):
                problems.append("%s: declares path parameter %r that the path does not have" % (name, extra))
            for requirement in operation.get("security", document.get("security", [])):
                for scheme in requirement:
                    if scheme not in schemes:
                        problems.append("%s: security scheme %r is not in components.securitySchemes" % (name, scheme))
    if api_markdown is None:
        sibling = os.path.join(os.path.dirname(os.path.abspath(path)), "server-api.md")
        if os.path.exists(sibling):
            with open(sibling, encoding="utf-8") as f:
                api_markdown = f.read()
    if api_markdown:
        for method, route in documented_endpoints(api_markdown):
            if method not in (paths.get(route) or {}):
                problems.append("%s %s: in docs/server-api.md but not in the OpenAPI file" % (method.upper(), route))
    return problems


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    path = args[0] if args else default_path()
    problems = check(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("%s: well-formed OpenAPI 3.1, every $ref resolves" % os.path.normpath(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
