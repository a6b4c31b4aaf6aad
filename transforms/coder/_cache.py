"""Data the coder builds at start-up (parsed YAML, the lemma classes' inflected forms, the trigger indexes),
kept on disk between processes so that a fresh worker does not rebuild it.

A value is stored under a key that hashes the coder's own source files (transforms/coder/*.py), its data
files (transforms/data/*), the Python version and the versions of the libraries that build it: any change
to any of them is a new key, so a stale value is never read. The files are written atomically (a temporary
file, then a rename), so processes starting together at worst build the same value twice. A missing,
unreadable or corrupt file is rebuilt; a cache folder that cannot be written is ignored.

Folder: $CARAVAN_CACHE_DIR, else $XDG_CACHE_HOME/caravan/coder, else ~/.cache/caravan/coder.
CARAVAN_CODER_CACHE=0 turns the cache off (everything is built in memory, as before).
The files are pickles: the folder must be writable only by the user who runs the coder (like __pycache__).
"""
from __future__ import annotations

import array
import functools
import hashlib
import os
import pathlib
import pickle
import sys
import tempfile
from typing import Any, Callable

_CODER_DIR = pathlib.Path(__file__).resolve().parent
_DATA_DIR = _CODER_DIR.parent / "data"


def _enabled() -> bool:
    return os.environ.get("CARAVAN_CODER_CACHE", "1") != "0"


def _folder() -> pathlib.Path:
    explicit = os.environ.get("CARAVAN_CACHE_DIR")
    if explicit:
        return pathlib.Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return pathlib.Path(base) / "caravan" / "coder"


def _version(dist: str) -> str:
    try:
        from importlib.metadata import version

        return version(dist)
    except Exception:           # not installed (or no metadata): still a stable key
        return "-"


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of everything a cached value may depend on."""
    h = hashlib.sha256()
    h.update(sys.version.encode())
    for dist in ("PyYAML", "lemminflect", "spacy"):
        h.update(f"\0{dist}={_version(dist)}".encode())
    for folder, pattern in ((_CODER_DIR, "*.py"), (_DATA_DIR, "*")):
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                h.update(f"\0{path.name}\0".encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:32]


def cached(name: str, build: Callable[[], Any]) -> Any:
    """`build()`, or the value an earlier process stored for `name` under the same fingerprint."""
    if not _enabled():
        return build()
    try:
        path = _folder() / f"{name}-{fingerprint()}.pickle"
    except Exception:           # no home folder, an unreadable source file: no cache
        return build()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except Exception:           # missing, unreadable, corrupt, from another layout: rebuild
        pass
    value = build()
    _store(path, value)
    return value


def _store(path: pathlib.Path, value: Any) -> None:
    tmp = None
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
        stem = path.name.rpartition("-")[0]
        for old in path.parent.glob(f"{stem}-*.pickle"):     # earlier fingerprints of this value
            if old != path and len(old.name) == len(path.name) and old.name.rpartition("-")[0] == stem:
                try:
                    old.unlink()
                except OSError:
                    pass
    except Exception:           # a read-only or full disk: run without the cache
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


# Compiled regexes. Compiling the coder's big trigger alternations is pure Python (re._parser, re._compiler) and
# costs 10-40 ms each; a fresh process compiles a few hundred. What sre builds from a pattern (its code words and
# group tables) is a pure function of the pattern, the flags and the Python build, so it is kept on disk with
# the other values, and a pattern seen by an earlier process is rebuilt with one `_sre.compile` call. The Pattern
# is the one `re.compile` returns (same pattern, flags, groups, code).
_RX: dict | None = None        # (pattern, flags) -> (flags, code, groups, groupindex, indexgroup)
_RX_NEW = 0                    # entries added since the file was last written
_RX_SAVE_EVERY = 256           # and at exit
# At most this many patterns are kept on disk, the most recently used (the narrowed trigger buckets depend on the
# words of the texts coded, so a cache that kept every one would grow with each new corpus: ~1,500 entries, 30 MB,
# after a few thousand pages). A pattern evicted is compiled again when next needed (10-40 ms).
_RX_CAP = 2048


def _rx_path() -> pathlib.Path:
    return _folder() / f"regex-{fingerprint()}.pickle"     # the fingerprint holds the Python version


def _rx_table() -> dict:
    global _RX
    if _RX is None:
        _RX = {}
        if _enabled():
            try:
                with open(_rx_path(), "rb") as fh:
                    table = pickle.load(fh)
                if isinstance(table, dict):
                    _RX = table
            except Exception:   # missing, unreadable, corrupt: start empty
                pass
            import atexit

            atexit.register(_rx_save)
    return _RX


def _rx_save() -> None:
    global _RX_NEW
    if not _RX_NEW or not _enabled():
        return
    try:
        path = _rx_path()
        try:                    # keep what other processes stored meanwhile
            with open(path, "rb") as fh:
                theirs = pickle.load(fh)
        except Exception:
            theirs = {}
        merged = dict(theirs) if isinstance(theirs, dict) else {}
        for key in _RX:             # this process's patterns count as the most recently used
            merged.pop(key, None)
        merged.update(_RX)
        if len(merged) > _RX_CAP:
            merged = dict(list(merged.items())[-_RX_CAP:])
        _RX_NEW = 0
        _store(path, merged)
    except Exception:           # no home folder, a read-only disk: run without the cache
        pass


def compile_regex(pattern: str, flags: int = 0) -> "re.Pattern":
    """`re.compile(pattern, flags)` for a str pattern, its compiled form kept across processes."""
    import re

    flags = int(flags)
    if not isinstance(pattern, str) or flags & (re.DEBUG | getattr(re, "TEMPLATE", 0)):
        return re.compile(pattern, flags)
    try:
        import _sre
        from re import _compiler, _parser       # Python >= 3.11
    except ImportError:                         # pragma: no cover - Python 3.10: compile as usual
        return re.compile(pattern, flags)
    if array.array("I").itemsize != _sre.CODESIZE:
        return re.compile(pattern, flags)       # pragma: no cover - code words of another width
    table = _rx_table()
    key = (pattern, flags)
    hit = table.pop(key, None)
    if hit is not None:
        table[key] = hit        # moved to the end: the table's order is that of last use
    else:
        parsed = _parser.parse(pattern, flags)  # what re._compiler.compile does, keeping the code
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        hit = (flags | parsed.state.flags, array.array("I", code), parsed.state.groups - 1, groupindex,
               tuple(indexgroup))
        table[key] = hit
        global _RX_NEW
        _RX_NEW += 1
        if _RX_NEW >= _RX_SAVE_EVERY:
            _rx_save()
    final_flags, code, groups, groupindex, indexgroup = hit
    try:
        return _sre.compile(pattern, final_flags, code.tolist(), groups, groupindex, indexgroup)
    except Exception:           # pragma: no cover - internals this build does not take: compile as usual
        table.pop(key, None)
        return re.compile(pattern, flags)
