"""Read the coder's own YAML data files once (pure: reads only transforms/data/)."""
from __future__ import annotations

import functools
import pathlib
from typing import Any

import yaml

DATA_DIR = pathlib.Path(__file__).resolve().parents[1] / "data"


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)
