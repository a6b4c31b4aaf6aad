"""sources.yaml: load and validate into typed models (pydantic).

An invalid file stops the run with one line naming the entry and the key, never a traceback.
"""
from __future__ import annotations

import pathlib
import re
from typing import Annotated, Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from transforms.errors import CaravanError

SLUG = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,99}$")


class ConfigError(CaravanError):
    """sources.yaml cannot be used."""


class Schedule(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cron: str | None = None
    interval: Annotated[int, Field(gt=0)] | None = None
    timezone: str = "UTC"

    @model_validator(mode="after")
    def _one_of(self) -> "Schedule":
        if (self.cron is None) == (self.interval is None):
            raise ValueError("give exactly one of 'cron' or 'interval' (seconds)")
        if self.cron is not None and len(self.cron.split()) not in (5, 6):
            raise ValueError(f"cron {self.cron!r} must have 5 fields")
        return self


class FetchSettings(BaseModel):
    """How politely and defensively to fetch. Defaults suit a public website."""

    model_config = ConfigDict(extra="forbid")
    user_agent: str = "CaravanBot/0.1 (+https://github.com/caravan-pipeline/caravan; research event pipeline)"
    contact_url: str | None = None
    timeout: Annotated[float, Field(gt=0)] = 20.0           # seconds, per network wait
    total_timeout: Annotated[float, Field(gt=0)] = 90.0     # seconds, whole request incl. body
    retries: Annotated[int, Field(ge=0, le=10)] = 3
    backoff: Annotated[float, Field(ge=0)] = 1.0            # base seconds; doubles per attempt, with jitter
    max_retry_after: Annotated[float, Field(ge=0)] = 120.0  # longest Retry-After we honour
    max_bytes: Annotated[int, Field(gt=0)] = 10_000_000     # decompressed response cap
    max_redirects: Annotated[int, Field(ge=0)] = 5
    per_host_delay: Annotated[float, Field(ge=0)] = 1.0     # seconds between requests to one host
    per_host_concurrency: Annotated[int, Field(ge=1)] = 1
    concurrency: Annotated[int, Field(ge=1)] = 8            # across hosts
    obey_robots: bool = True
    max_items: Annotated[int, Field(gt=0)] = 500            # feed items / sitemap URLs taken per source
    clock_skew: Annotated[float, Field(ge=0)] = 600.0       # seconds a site's clock may be behind ours (lastmod)
    recheck_days: Annotated[float, Field(ge=0)] = 30.0      # trust a listing's date this long per page; 0: always


class _SourceBase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    enabled: bool = True
    schedule: Schedule | None = None
    allow_private: bool = False   # follow links to loopback/private addresses (local test sources)
    max_items: Annotated[int, Field(gt=0)] | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"id {value!r} must be a lower-case slug (letters, digits, - _ .)")
        return value


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+", value or ""):
        raise ValueError(f"url {value!r} must be an absolute http(s) URL")
    return value


# when to request a page we already have (flows/fetch.py skip_reason): `listing` skips it while its last response
# is fresh (Cache-Control max-age / Expires) or while the sitemap <lastmod> / feed item date says it has not
# changed since we had it; `cache` only the former; `always` asks the server every run (conditional GET)
Revalidate = Literal["listing", "cache", "always"]


class PageSource(_SourceBase):
    kind: Literal["page"]
    url: str
    revalidate: Revalidate = "listing"
    _check = field_validator("url")(classmethod(lambda cls, v: _http_url(v)))


class FeedSource(_SourceBase):
    kind: Literal["feed"]
    url: str | None = None
    path: str | None = None       # a feed file on disk
    fetch_pages: bool = True      # fetch each item's linked page; fall back to the item's content
    revalidate: Revalidate = "listing"

    @model_validator(mode="after")
    def _where(self) -> "FeedSource":
        if (self.url is None) == (self.path is None):
            raise ValueError("a feed needs exactly one of 'url' or 'path'")
        if self.url is not None:
            _http_url(self.url)
        return self


class SitemapSource(_SourceBase):
    kind: Literal["sitemap"]
    url: str
    include: str | None = None    # regex a page URL must match
    revalidate: Revalidate = "listing"
    _check = field_validator("url")(classmethod(lambda cls, v: _http_url(v)))


class FilesSource(_SourceBase):
    kind: Literal["files"]
    path: str                     # glob, relative to sources.yaml; .html .htm .txt (.xml/.rss/.atom as feeds)


Source = Annotated[Union[PageSource, FeedSource, SitemapSource, FilesSource], Field(discriminator="kind")]


class TaskRunner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["thread", "dask"] = "thread"
    address: str | None = None    # dask scheduler address, e.g. tcp://10.0.0.5:8786; env CARAVAN_DASK_ADDRESS


class SourcesConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schedule: Schedule | None = None
    fetch: FetchSettings = FetchSettings()
    task_runner: TaskRunner = TaskRunner()
    batch_size: Annotated[int, Field(gt=0, le=10_000)] = 200
    sources: list[Source]
    base_dir: pathlib.Path = pathlib.Path(".")   # folder of sources.yaml (set on load)

    @model_validator(mode="after")
    def _unique_ids(self) -> "SourcesConfig":
        seen: set[str] = set()
        for src in self.sources:
            if src.id in seen:
                raise ValueError(f"duplicate source id {src.id!r}")
            seen.add(src.id)
        return self

    def enabled_sources(self, only: list[str] | None = None) -> list:
        picked = [s for s in self.sources if s.enabled and (not only or s.id in only)]
        if only:
            unknown = sorted(set(only) - {s.id for s in self.sources})
            if unknown:
                raise ConfigError(f"unknown source id(s): {', '.join(unknown)}")
        return picked


def _where(loc: tuple, raw: dict) -> str:
    """Name the entry (by id when it has one) and the key of a validation error."""
    parts = list(loc)
    if len(parts) >= 2 and parts[0] == "sources" and isinstance(parts[1], int):
        idx = parts[1]
        entries = raw.get("sources") or []
        entry = entries[idx] if idx < len(entries) and isinstance(entries[idx], dict) else {}
        name = f"sources[{idx}]" + (f" (id {entry.get('id')!r})" if entry.get("id") else "")
        rest = [str(p) for p in parts[2:] if p not in ("page", "feed", "sitemap", "files")]
        return name + (": key '" + ".".join(rest) + "'" if rest else "")
    return "key '" + ".".join(str(p) for p in parts) + "'" if parts else "top level"


def load_config(path: str | pathlib.Path) -> SourcesConfig:
    path = pathlib.Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: invalid YAML{where}: {problem}") from None
    if raw is None:
        raise ConfigError(f"{path}: the file is empty; it needs a 'sources:' list")
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the top level must be a mapping with a 'sources:' list")
    if "sources" not in raw:
        raise ConfigError(f"{path}: missing key 'sources'")
    if not isinstance(raw.get("sources"), list):
        raise ConfigError(f"{path}: key 'sources' must be a list of entries")
    seen_ids: dict[str, int] = {}
    for idx, entry in enumerate(raw["sources"]):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            if entry["id"] in seen_ids:
                raise ConfigError(f"{path}: {_where(('sources', idx), raw)}: key 'id': duplicate of "
                                  f"sources[{seen_ids[entry['id']]}]")
            seen_ids[entry["id"]] = idx
        if not isinstance(entry, dict):
            raise ConfigError(f"{path}: sources[{idx}] must be a mapping with 'id' and 'kind'")
        if "kind" not in entry:
            raise ConfigError(f"{path}: {_where(('sources', idx), raw)}: missing key 'kind'")
        if entry["kind"] not in ("page", "feed", "sitemap", "files"):
            raise ConfigError(f"{path}: {_where(('sources', idx), raw)}: key 'kind': unknown kind "
                              f"{entry['kind']!r} (expected page, feed, sitemap or files)")
    try:
        config = SourcesConfig.model_validate({**raw, "base_dir": path.resolve().parent})
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            msg = "missing"
        elif err["type"] == "extra_forbidden":
            msg = "unknown key"
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise ConfigError(f"{path}: {_where(loc, raw)}: {msg}{more}") from None
    return config
