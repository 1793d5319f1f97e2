"""Test fixtures shared by every test: no network, no real keyring, a fresh data folder.

- Sockets are disabled for the whole session: Huis clos must never talk to a network.
- An in-memory keyring replaces the OS keyring so no test ever prompts or writes a real secret.
- ``$HUISCLOS_HOME`` points at a fresh temporary folder for each test, and so does
  ``$HUISCLOS_STATE_HOME`` (the journal's anchor): no test touches the user's real folders.
- The session's autostart entry goes to a temporary ``$XDG_CONFIG_HOME`` (and, on Windows, a
  test registry key), never to the real session.
- ``$HUISCLOS_CACHE`` points at ONE folder for the whole run: the compiled matcher of the
  lexicon's generated forms (seconds to compile) is built once and shared by every test, its
  subprocesses and worker processes, whatever their data folder.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import keyring
import pytest

from huisclos.core.audit import keys
from huisclos.core.check import autostart
from memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"


class _NoNetwork(socket.socket):
    def __init__(self, family: int = -1, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if family in (socket.AF_INET, socket.AF_INET6):
            raise RuntimeError("Huis clos tests run without network: a socket was opened.")
        super().__init__(family, *args, **kwargs)


def _refuse_connection(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise RuntimeError("Huis clos tests run without network: a connection was attempted.")


socket.socket = _NoNetwork  # type: ignore[misc]
socket.create_connection = _refuse_connection  # type: ignore[assignment]


@pytest.fixture(scope="session", autouse=True)
def shared_matcher_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One compiled-matcher cache for the whole run (see the module docstring)."""
    folder = Path(os.environ.get("HUISCLOS_TEST_CACHE") or tmp_path_factory.mktemp("matchers"))
    previous = os.environ.get("HUISCLOS_CACHE")
    os.environ["HUISCLOS_CACHE"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("HUISCLOS_CACHE", None)
    else:
        os.environ["HUISCLOS_CACHE"] = previous


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def huisclos_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("huisclos-home")
    monkeypatch.setenv("HUISCLOS_HOME", str(home))
    monkeypatch.setenv("HUISCLOS_STATE_HOME", str(tmp_path_factory.mktemp("huisclos-state")))
    monkeypatch.delenv("HUISCLOS_PASSPHRASE", raising=False)
    return home


@pytest.fixture(autouse=True)
def session_autostart_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    config = tmp_path_factory.mktemp("xdg-config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setattr(autostart, "RUN_KEY", r"Software\HuisClosTests\Run")
    return config


@pytest.fixture(autouse=True)
def cheap_passphrase_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cheaper scrypt for passphrase-wrapped keys, and no passphrase kept between tests."""
    monkeypatch.setattr(keys, "SCRYPT_N", 2**14)
    keys.forget_passphrase()
    yield
    keys.forget_passphrase()
