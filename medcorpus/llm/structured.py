"""Schema-constrained replies: how a task's JSON schema is sent to an endpoint, and how a reply is checked.

Endpoints differ in what they accept (`response_format`):
- `json_schema`: {"type": "json_schema", "json_schema": {"name", "schema", "strict"}} (OpenAI, vLLM, llama.cpp's
  native server, recent Ollama): decoding is constrained to the schema;
- `json_object_schema`: {"type": "json_object", "schema": ...} (llama-cpp-python's server, Anyscale's form):
  constrained by a grammar built from the schema;
- `json_object`: {"type": "json_object"}: some JSON object, shape unchecked;
- `off`: nothing sent; the reply is parsed as JSON (``` fences and prose around it tolerated).
The client probes an endpoint once (`PROBE_SCHEMA`) and walks down this list on a refusal (400/422). A schema
the endpoint cannot compile (llama.cpp: "failed to parse grammar") is asked again, for that schema only, in
the first form without it (`json_object`, else plain), instead of being retried.
Whatever the mode, every reply is validated against the schema (`jsonschema`) before the task sees it.
"""
from __future__ import annotations

import json
import re
from typing import Any

PLAIN = r'[^"\\{}<>\[\]]'  # text without JSON punctuation: a constrained model cannot wander into structure
_SAFE = re.compile(r"[\w ,'’-]*")

MODES = ("json_schema", "json_object_schema", "json_object", "off")
SCHEMA_MODES = ("json_schema", "json_object_schema")  # the forms that send the schema (compiled to a grammar)
PROBE_SCHEMA = {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"],
                "additionalProperties": False}
PROBE_MESSAGES = [{"role": "user", "content": 'Reply with the JSON object {"ok": true} and nothing else.'}]
_FENCE = re.compile(r"^\s*```[a-zA-Z0-9_-]*\s*\n?(.*?)\n?```\s*$", re.S)


def modes_from(setting: str) -> list[str]:
    """The modes to try for a config's `structured` setting, best first."""
    if setting == "auto":
        return list(MODES)
    if setting == "json_schema":
        return ["json_schema", "json_object_schema"]
    if setting == "json_object":
        return ["json_object", "off"]
    return ["off"]


def response_format(mode: str, schema: dict | None, name: str = "reply") -> dict | None:
    """The `response_format` body field for `mode` (None: send none)."""
    if mode == "off":
        return None
    if schema is None or mode == "json_object":
        return {"type": "json_object"}
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}
    return {"type": "json_object", "schema": schema}


def parse_json(text: str) -> Any:
    """Parse a JSON reply, tolerating ``` fences and prose around one object. ValueError if not JSON."""
    s = text.strip()
    m = _FENCE.match(s)
    if m:
        s = m.group(1).strip()
    try:
        return json.loads(s)
    except json.JSONDecodeError:
        start, end = s.find("{"), s.rfind("}")
        if 0 <= start < end:
            try:
                return json.loads(s[start:end + 1])
            except json.JSONDecodeError:
                pass
        raise ValueError("not valid JSON") from None


def check_schema(obj: Any, schema: dict) -> None:
    """ValueError('wrong shape: ...') when `obj` does not match `schema`."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)
    error = next(iter(sorted(validator.iter_errors(obj), key=lambda e: e.path)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "reply"
        raise ValueError(f"wrong shape: {where}: {error.message[:160]}")


def is_probe_answer(text: str) -> bool:
    try:
        obj = json.loads(text.strip())
    except (json.JSONDecodeError, AttributeError):
        return False
    return isinstance(obj, dict) and set(obj) == {"ok"} and isinstance(obj["ok"], bool)


def obj(properties: dict[str, dict]) -> dict:
    """An object schema whose every property is required and nothing else is allowed (OpenAI strict mode's form)."""
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def enum_values(values: list[str], max_len: int = 120) -> list[str]:
    """Values fit for an `enum`: distinct, short, without quotes or backslashes (llama-cpp-python's grammar
    converter breaks on escaped characters in literals and the server then refuses every request)."""
    return [v for v in dict.fromkeys(values) if v and len(v) <= max_len and '"' not in v and "\\" not in v]


def pick(options: list[str], lo: int = 1, hi: int = 3) -> dict:
    """An array of 1..hi values from `options` (the constrained names of a task); callers check that
    `enum_values(options)` is not empty."""
    options = enum_values(options)
    return {"type": "array", "items": {"type": "string", "enum": options}, "minItems": min(lo, len(options)),
            "maxItems": max(1, min(hi, len(options)))}


def plain(max_len: int, min_len: int = 1) -> dict:
    """Free text of min..max characters without JSON punctuation."""
    return {"type": "string", "pattern": f"^{PLAIN}{{{min_len},{max_len}}}$"}


def opened(opening: str, lo: int, hi: int) -> dict:
    """A string that starts with `opening` and goes on with lo..hi characters of plain text: a small model
    continues from a fixed opening instead of drifting off. The opening is cut before its first character
    that a regex reads as syntax (llama.cpp's schema-to-grammar converter mistranslates escapes such as
    `\\.`): "Alzheimer (early onset)" opens as "Alzheimer "."""
    literal = _SAFE.match(opening).group(0)
    return {"type": "string", "pattern": f"^{literal}{PLAIN}{{{lo},{hi}}}$"}


def relaxed(schema: dict) -> dict:
    """What is checked of a reply from an endpoint that could not be constrained: the top-level keys and
    their types. Openings, lengths, enums and nested shapes steer a constrained decoder; unconstrained,
    the task's own checks judge the content (a self-instruct reply keeps its good pairs beside bad ones)."""
    props = {k: {"type": v["type"]} if "type" in v else {} for k, v in (schema.get("properties") or {}).items()}
    return {"type": schema.get("type", "object"), "properties": props, "required": schema.get("required", [])}


def mentioning(opening: str, names: list[str], lo: int, hi: int) -> dict:
    """Like `opened`, and the text must name one of `names` within its first `hi // 2` characters (grounding
    by grammar: a constrained model writes freely until it names one). Names that a regex would read as
    syntax are left out; with none left, this is `opened`."""
    literal = _SAFE.match(opening).group(0)
    safe = [n for n in dict.fromkeys(names) if n and _SAFE.fullmatch(n) and len(n) <= 80]
    if not safe:
        return opened(opening, lo, hi)
    head = max(1, hi // 2)  # a space before the name: glued to the word before it, it would not count as named
    return {"type": "string", "pattern": f"^{literal}{PLAIN}{{0,{head}}} ({'|'.join(safe)}){PLAIN}{{0,{hi - head}}}$"}
