"""Prompt templates shipped as editable files under `medcorpus/prompts/` (English and Chinese).

A template file `<name>.<lang>.txt` holds optional `# version: N` / `# comment` header lines, then
sections `### system` and `### user` (either may be absent). Placeholders are `$name` / `${name}`
(Python's string.Template; a literal dollar is `$$`), so JSON braces in prompts need no escaping.
`--prompt-file PATH` overrides a template with a file of the same layout, or a directory holding
`<name>.<lang>.txt` files.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

PROMPT_DIR = Path(__file__).resolve().parents[1] / "prompts"
_SECTION = re.compile(r"^###\s*(system|user)\s*$", re.M)


class PromptError(ValueError):
    pass


@dataclass(frozen=True)
class Prompt:
    name: str
    lang: str
    version: str
    system: str
    user: str
    path: str

    @property
    def digest(self) -> str:
        return hashlib.sha256(f"{self.system}\x1f{self.user}".encode()).hexdigest()[:12]

    @property
    def tag(self) -> str:
        """What synthesised records carry in meta: name, language, version and content hash."""
        return f"{self.name}.{self.lang}@v{self.version}-{self.digest}"

    def _fill(self, text: str, values: dict[str, object]) -> str:
        try:
            return Template(text).substitute({k: str(v) for k, v in values.items()})
        except KeyError as exc:
            raise PromptError(f"prompt {self.path}: placeholder ${exc.args[0]} has no value "
                              f"(available: {', '.join(sorted(values))})") from None
        except ValueError as exc:
            raise PromptError(f"prompt {self.path}: {exc} (write a literal $ as $$)") from None

    def render_system(self, **values: object) -> str:
        return self._fill(self.system, values)

    def render(self, **values: object) -> list[dict[str, str]]:
        """[system?, user?] messages with the placeholders filled."""
        messages = []
        if self.system:
            messages.append({"role": "system", "content": self._fill(self.system, values)})
        if self.user:
            messages.append({"role": "user", "content": self._fill(self.user, values)})
        return messages


def parse_prompt(text: str, name: str, lang: str, path: str) -> Prompt:
    version = "0"
    header_end = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("###"):
            break
        if stripped.startswith("#"):
            m = re.match(r"#\s*version\s*:\s*(\S+)", stripped)
            if m:
                version = m.group(1)
        elif stripped:
            break
        header_end += len(line)
    body = text[header_end:]
    parts = _SECTION.split(body)
    sections: dict[str, str] = {}
    if parts[0].strip():
        sections["user"] = parts[0].strip()  # no headers: the whole file is the user message
    for key, content in zip(parts[1::2], parts[2::2]):
        sections[key] = content.strip()
    if not sections:
        raise PromptError(f"prompt {path}: empty (expected '### system' and/or '### user' sections)")
    return Prompt(name, lang, version, sections.get("system", ""), sections.get("user", ""), path)


def load_prompt(name: str, lang: str = "en", override_path: str | Path | None = None) -> Prompt:
    """The template `name` in `lang`, from `override_path` (file or directory) or the shipped files."""
    candidates: list[Path] = []
    if override_path:
        p = Path(override_path)
        if p.is_dir():
            candidates.append(p / f"{name}.{lang}.txt")
        elif p.exists():
            candidates.append(p)
        else:
            raise PromptError(f"prompt file {p} does not exist")
    candidates.append(PROMPT_DIR / f"{name}.{lang}.txt")
    for path in candidates:
        if path.is_file():
            return parse_prompt(path.read_text(encoding="utf-8"), name, lang, str(path))
    available = sorted(f.name for f in PROMPT_DIR.glob(f"{name}.*.txt"))
    raise PromptError(f"no prompt {name!r} for language {lang!r} (shipped: {', '.join(available) or 'none'})")
