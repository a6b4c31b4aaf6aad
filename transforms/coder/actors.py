"""The actor dictionary (transforms/data/actors.yaml) as table rows and as a lookup.

`load_actor_table()` gives the rows for the warehouse `actors` and `actor_aliases` tables.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from transforms.coder._data import load_yaml

ALIAS_KINDS = ("name", "short", "demonym", "capital", "office", "person", "ministry")


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[tuple[dict, ...], tuple[dict, ...]]:
    data = load_yaml("actors.yaml")
    actors: list[dict] = []
    aliases: list[dict] = []
    seen: set[tuple] = set()
    for entry in data["actors"]:
        code = entry["code"]
        actors.append({"code": code, "name": entry["name"], "kind": entry["kind"],
                       "country": entry.get("country")})
        rows = [{"alias": entry["name"], "code": code, "kind": "name", "valid_from": None, "valid_to": None,
                 "office": None}]
        for kind, words in (entry.get("aliases") or {}).items():
            if kind not in ALIAS_KINDS:
                raise ValueError(f"actors.yaml: unknown alias kind {kind!r} for {code}")
            for word in words:
                rows.append({"alias": str(word), "code": code, "kind": kind, "valid_from": None,
                             "valid_to": None, "office": None})
        for person in entry.get("people") or []:
            rows.append({"alias": str(person["alias"]), "code": code, "kind": "person",
                         "valid_from": _iso(person.get("from")), "valid_to": _iso(person.get("to")),
                         "office": person.get("office")})
        for row in rows:
            key = (row["alias"].lower(), row["code"], row["kind"], row["valid_from"], row["valid_to"])
            if key in seen:
                continue
            seen.add(key)
            aliases.append(row)
    return tuple(actors), tuple(aliases)


ALIAS_COLUMNS = ("alias", "code", "kind", "valid_from", "valid_to")


def load_actor_table() -> tuple[list[dict], list[dict]]:
    """Rows for `actors` {code, name, kind, country} and `actor_aliases`
    {alias, code, kind, valid_from, valid_to} (dates as ISO strings, None when open)."""
    actors, aliases = _tables()
    return [dict(r) for r in actors], [{k: r[k] for k in ALIAS_COLUMNS} for r in aliases]


def load_office_holders() -> list[dict]:
    """Person aliases with their office: {alias, code, office, valid_from, valid_to}."""
    _, aliases = _tables()
    return [{"alias": r["alias"], "code": r["code"], "office": r["office"], "valid_from": r["valid_from"],
             "valid_to": r["valid_to"]} for r in aliases if r["kind"] == "person"]


@dataclass(frozen=True)
class Alias:
    alias: str
    code: str
    kind: str
    valid_from: dt.date | None
    valid_to: dt.date | None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@functools.lru_cache(maxsize=1)
def alias_index() -> tuple[Alias, ...]:
    _, aliases = _tables()
    return tuple(Alias(r["alias"], r["code"], r["kind"], _date(r["valid_from"]), _date(r["valid_to"]))
                 for r in aliases)


@functools.lru_cache(maxsize=1)
def actor_kinds() -> dict[str, str]:
    actors, _ = _tables()
    return {a["code"]: a["kind"] for a in actors}
