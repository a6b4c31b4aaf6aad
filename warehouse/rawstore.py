"""Raw bytes on disk, addressed by their sha256: <root>/ab/<hash>. Immutable; written atomically."""
from __future__ import annotations

import hashlib
import os
import pathlib
import re
import tempfile

from warehouse.db import WarehouseError

HASH = re.compile(r"^[0-9a-f]{64}$")


class RawStore:
    def __init__(self, root: pathlib.Path):
        self.root = pathlib.Path(root)

    @classmethod
    def for_warehouse(cls, db_path) -> "RawStore":
        """The store beside a warehouse file: <db dir>/raw."""
        return cls(pathlib.Path(db_path).resolve().parent / "raw")

    def path(self, content_hash: str) -> pathlib.Path:
        if not HASH.match(content_hash or ""):
            raise WarehouseError(f"not a sha256 content hash: {content_hash!r}")
        return self.root / content_hash[:2] / content_hash

    def put(self, body: bytes) -> str:
        """Store `body` (once) and return its sha256; a body already stored is not written again."""
        digest = hashlib.sha256(body).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(body)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            pathlib.Path(tmp).unlink(missing_ok=True)
            raise
        return digest

    def has(self, content_hash: str) -> bool:
        return self.path(content_hash).exists()

    def get(self, content_hash: str) -> bytes:
        target = self.path(content_hash)
        try:
            body = target.read_bytes()
        except FileNotFoundError:
            raise WarehouseError(f"raw store {self.root} has no body {content_hash}") from None
        if hashlib.sha256(body).hexdigest() != content_hash:
            raise WarehouseError(f"raw body {target} is damaged (its hash does not match)")
        return body
