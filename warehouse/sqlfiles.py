"""The warehouse's SQL lives in .sql files beside this module; this reads them (cached)."""
from __future__ import annotations

import functools
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent
SCHEMA_DIR = ROOT / "schema"
VIEWS_DIR = ROOT / "views"
CHECKS_DIR = ROOT / "checks"
QUERIES_DIR = ROOT / "queries"


@functools.cache
def query(name: str) -> str:
    """The text of warehouse/queries/<name>.sql."""
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every warehouse/schema/NNN_*.sql, in order."""
    found = []
    for path in sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        found.append((int(path.name[:3]), path.name, path.read_text(encoding="utf-8")))
    return found


def views() -> list[tuple[str, str]]:
    """(file name, SQL) of every warehouse/views/NN_*.sql, in order."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(VIEWS_DIR.glob("[0-9][0-9]_*.sql"))]


def view_names() -> list[str]:
    """The view each views/NN_name.sql creates (its file name without the number)."""
    return [name[3:-4] for name, _ in views()]


def checks() -> list[tuple[str, str, str]]:
    """(check name, description from its leading comment, SQL) of every warehouse/checks/*.sql."""
    found = []
    for path in sorted(CHECKS_DIR.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        comment = []
        for line in text.splitlines():
            if not line.startswith("--"):
                break
            comment.append(line[2:].strip())
        body = "\n".join(line for line in text.splitlines() if not line.startswith("--")).strip().rstrip(";")
        found.append((path.stem, " ".join(comment), body))
    return found
