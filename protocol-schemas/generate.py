#!/usr/bin/env python3
"""Writes protocol-schemas/lsp/: a JSON Schema (draft 2020-12) for each LSP message Dateline handles or
sends, derived from the LSP 3.17 meta model.

Usage, from anywhere:

    python3 protocol-schemas/generate.py [--meta-model PATH]

PATH defaults to ../shared/lsp/metaModel-3.17.json beside the repository. The script replaces
protocol-schemas/lsp/ completely and never touches protocol-schemas/dateline/ (hand-written schemas of
Dateline's own extensions). Python 3 standard library only.
"""

import argparse
import json
import re
import sys
from pathlib import Path

# The messages Dateline handles or sends: (method, kind, direction). Kind is "request" or
# "notification"; direction is the meta model's `messageDirection` ("clientToServer",
# "serverToClient" or "both"), checked against it. Add a line here and run the script again.
MESSAGES = [
    # Requests.
    ("initialize", "request", "clientToServer"),
    ("shutdown", "request", "clientToServer"),
    ("workspace/configuration", "request", "serverToClient"),
    ("client/registerCapability", "request", "serverToClient"),
    ("textDocument/documentSymbol", "request", "clientToServer"),
    ("textDocument/foldingRange", "request", "clientToServer"),
    ("textDocument/codeAction", "request", "clientToServer"),
    ("workspace/executeCommand", "request", "clientToServer"),
    ("textDocument/diagnostic", "request", "clientToServer"),
    ("workspace/applyEdit", "request", "serverToClient"),
    ("textDocument/hover", "request", "clientToServer"),
    ("workspace/diagnostic/refresh", "request", "serverToClient"),
    # Notifications.
    ("initialized", "notification", "clientToServer"),
    ("exit", "notification", "clientToServer"),
    ("textDocument/didOpen", "notification", "clientToServer"),
    ("textDocument/didChange", "notification", "clientToServer"),
    ("textDocument/didSave", "notification", "clientToServer"),
    ("textDocument/didClose", "notification", "clientToServer"),
    ("workspace/didChangeConfiguration", "notification", "clientToServer"),
    ("workspace/didChangeWatchedFiles", "notification", "clientToServer"),
    ("$/cancelRequest", "notification", "both"),
    ("$/setTrace", "notification", "clientToServer"),
    ("$/logTrace", "notification", "serverToClient"),
    ("window/logMessage", "notification", "serverToClient"),
    ("window/showMessage", "notification", "serverToClient"),
    ("textDocument/publishDiagnostics", "notification", "serverToClient"),
]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_PREFIX = "urn:dateline:protocol-schemas:"

# LSP's `integer` and `uinteger` are 32-bit (specification, "Base Types").
INTEGER_MIN = -(2**31)
INTEGER_MAX = 2**31 - 1


def file_stem(method):
    """`textDocument/didOpen` -> `textDocument.didOpen`; `$/cancelRequest` -> `dollar.cancelRequest`."""
    return method.replace("$", "dollar").replace("/", ".")


def first_sentence(documentation):
    """The first sentence of a meta-model documentation string, on one line, `{@link X}` as `X`;
    tag lines (`@since 3.16.0`, `@deprecated …`) are left out."""
    documentation = "\n".join(line for line in documentation.splitlines() if not line.lstrip().startswith("@"))
    text = re.sub(r"\{@link\s+([^}\s]+)(?:\s+([^}]+))?\}", lambda m: m.group(2) or m.group(1), documentation)
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


class SchemaBuilder:
    """Turns meta-model types into JSON Schema, collecting the named types they reach into `defs`."""

    def __init__(self, meta_model):
        self.structures = {s["name"]: s for s in meta_model["structures"]}
        self.enumerations = {e["name"]: e for e in meta_model["enumerations"]}
        self.aliases = {a["name"]: a for a in meta_model["typeAliases"]}
        self.defs = {}

    # Types

    def type_schema(self, type_):
        kind = type_["kind"]
        if kind == "base":
            return self.base_schema(type_["name"])
        if kind == "reference":
            self.define(type_["name"])
            return {"$ref": "#/$defs/" + type_["name"]}
        if kind == "array":
            return {"type": "array", "items": self.type_schema(type_["element"])}
        if kind == "map":
            # JSON object keys are strings whatever the key type (DocumentUri, string aliases).
            return {"type": "object", "additionalProperties": self.type_schema(type_["value"])}
        if kind == "or":
            return {"anyOf": [self.type_schema(item) for item in type_["items"]]}
        if kind == "and":
            return {"allOf": [self.type_schema(item) for item in type_["items"]]}
        if kind == "tuple":
            items = [self.type_schema(item) for item in type_["items"]]
            return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}
        if kind == "literal":
            return self.object_schema(type_["value"]["properties"])
        if kind in ("stringLiteral", "integerLiteral", "booleanLiteral"):
            return {"const": type_["value"]}
        raise ValueError(f"unknown meta-model type kind {kind!r}")

    @staticmethod
    def base_schema(name):
        if name in ("string", "DocumentUri", "URI", "RegExp"):
            return {"type": "string"}
        if name == "integer":
            return {"type": "integer", "minimum": INTEGER_MIN, "maximum": INTEGER_MAX}
        if name == "uinteger":
            return {"type": "integer", "minimum": 0, "maximum": INTEGER_MAX}
        if name == "decimal":
            return {"type": "number"}
        if name == "boolean":
            return {"type": "boolean"}
        if name == "null":
            return {"type": "null"}
        raise ValueError(f"unknown meta-model base type {name!r}")

    def object_schema(self, properties):
        """An object with these meta-model properties; open to others (clients send extra fields)."""
        schema = {"type": "object", "properties": {}}
        required = []
        for prop in properties:
            prop_schema = self.type_schema(prop["type"])
            if "deprecated" in prop:
                prop_schema = {**prop_schema, "deprecated": True}
            schema["properties"][prop["name"]] = prop_schema
            if not prop.get("optional", False):
                required.append(prop["name"])
        if required:
            schema["required"] = required
        return schema

    # Named types

    def define(self, name):
        """Adds the named type, and everything it reaches, to `defs` (once)."""
        if name in self.defs:
            return
        self.defs[name] = None  # placeholder: stops recursion through self-referencing types
        if name == "LSPAny":
            schema = {}  # anything at all
            documentation = self.aliases[name].get("documentation", "")
        elif name in self.structures:
            schema = self.object_schema(self.structure_properties(name))
            documentation = self.structures[name].get("documentation", "")
        elif name in self.enumerations:
            schema = self.enumeration_schema(self.enumerations[name])
            documentation = self.enumerations[name].get("documentation", "")
        elif name in self.aliases:
            schema = self.type_schema(self.aliases[name]["type"])
            documentation = self.aliases[name].get("documentation", "")
        else:
            raise ValueError(f"reference to unknown type {name!r}")
        if first_sentence(documentation):
            schema = {"description": first_sentence(documentation), **schema}
        self.defs[name] = schema

    def structure_properties(self, name):
        """A structure's properties with those of `extends` and `mixins` merged in; its own win."""
        structure = self.structures[name]
        merged = {}
        for parent in structure.get("extends", []) + structure.get("mixins", []):
            if parent["kind"] != "reference" or parent["name"] not in self.structures:
                raise ValueError(f"{name} extends or mixes in something that is not a structure: {parent}")
            for prop in self.structure_properties(parent["name"]):
                merged[prop["name"]] = prop
        for prop in structure["properties"]:
            merged[prop["name"]] = prop
        return list(merged.values())

    def enumeration_schema(self, enumeration):
        schema = self.base_schema(enumeration["type"]["name"])
        if not enumeration.get("supportsCustomValues", False):
            schema["enum"] = [value["value"] for value in enumeration["values"]]
        return schema


def message_schema(model, message, kind, direction, part):
    """The whole JSON-RPC message of one part ("request", "response" or "notification") of a method."""
    method = message["method"]
    builder = SchemaBuilder(model)
    properties = {"jsonrpc": {"const": "2.0"}}
    required = ["jsonrpc"]
    if part in ("request", "response"):
        properties["id"] = {"type": ["integer", "string"]}
        required.append("id")
    extra = {}
    if part in ("request", "notification"):
        properties["method"] = {"const": method}
        required.append("method")
        if "params" in message:
            properties["params"] = builder.type_schema(message["params"])
            required.append("params")
        else:
            properties["params"] = False  # the method takes none: no `params` member at all
    else:
        properties["result"] = builder.type_schema(message["result"])
        error_data = builder.type_schema(message["errorData"]) if "errorData" in message else {}
        properties["error"] = {
            "type": "object",
            "properties": {
                "code": {"type": "integer"},
                "message": {"type": "string"},
                "data": error_data,
            },
            "required": ["code", "message"],
        }
        extra["oneOf"] = [{"required": ["result"]}, {"required": ["error"]}]

    documentation = message.get("documentation", "")
    description = first_sentence(documentation) or f"The LSP {kind} `{method}`."
    if part == "response":
        description = f"The response to `{method}`. " + description
    schema = {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{ID_PREFIX}lsp/{file_stem(method)}.{part}.json",
        "title": method,
        "description": description,
        "x-messageDirection": direction,
        "type": "object",
        "properties": properties,
        "required": required,
        **extra,
    }
    if builder.defs:
        schema["$defs"] = {name: builder.defs[name] for name in sorted(builder.defs)}
    return schema


def main():
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--meta-model",
        type=Path,
        default=root.parent / "shared" / "lsp" / "metaModel-3.17.json",
        help="the LSP meta model (default: ../shared/lsp/metaModel-3.17.json beside the repository)",
    )
    args = parser.parse_args()
    if not args.meta_model.is_file():
        sys.exit(f"no meta model at {args.meta_model}; pass --meta-model PATH")
    model = json.loads(args.meta_model.read_text(encoding="utf-8"))

    by_method = {}
    for kind, key in (("request", "requests"), ("notification", "notifications")):
        for message in model[key]:
            by_method[message["method"]] = (kind, message)

    # Build everything first, so a mistake in MESSAGES leaves lsp/ as it was.
    files = {}
    for method, kind, direction in MESSAGES:
        if method not in by_method:
            sys.exit(f"{method}: not in the meta model")
        model_kind, message = by_method[method]
        if model_kind != kind:
            sys.exit(f"{method}: listed as a {kind}, but the meta model has a {model_kind}")
        if message["messageDirection"] != direction:
            sys.exit(f"{method}: listed as {direction}, but the meta model says {message['messageDirection']}")
        parts = ["request", "response"] if kind == "request" else ["notification"]
        for part in parts:
            files[f"{file_stem(method)}.{part}.json"] = message_schema(model, message, kind, direction, part)

    out = Path(__file__).resolve().parent / "lsp"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.json"):
        old.unlink()
    for name, schema in files.items():
        (out / name).write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(files)} schemas to {out}")

if __name__ == "__main__":
    main()
