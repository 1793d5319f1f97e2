"""A keyring for benchmarks run in several processes: kept in one JSON file, so every run of
``huisclos`` finds the log key the first run stored, as the OS keyring of a practice PC does.

Benchmarks only (secrets in clear in a temporary folder): ``PYTHON_KEYRING_BACKEND=
bench_keyring.FileKeyring`` with ``$HUISCLOS_BENCH_KEYRING`` naming the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend


class FileKeyring(keyring.backend.KeyringBackend):
    """Secrets in the JSON file ``$HUISCLOS_BENCH_KEYRING``."""

    priority = 1  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        return Path(os.environ["HUISCLOS_BENCH_KEYRING"])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._load()
        secrets[f"{service}\n{username}"] = password
        self._path.write_text(json.dumps(secrets), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._load()
        secrets.pop(f"{service}\n{username}", None)
        self._path.write_text(json.dumps(secrets), encoding="utf-8")
