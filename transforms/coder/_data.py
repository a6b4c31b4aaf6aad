"""Read the coder's own YAML data files once (pure: reads only transforms/data/)."""
from __future__ import annotations

import functools
import pathlib
from typing import Any

import yaml

from transforms.coder._cache import cached

DATA_DIR = pathlib.Path(__file__).resolve().parents[1] / "data"


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    return cached(f"yaml.{name}", functools.partial(_parse_yaml, name))


def _parse_yaml(name: str) -> Any:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)
