"""Shared test set-up: no network, the repository as working directory, seed fixtures."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


# Property tests draw the same examples on every run ("repeatable"), so a red run of make
# test or CI is always the code's doing and reproduces on another machine. To hunt for
# new cases: HYPOTHESIS_PROFILE=hunt PROPERTY_EXAMPLES=2000 pytest tests/test_properties.py
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("hunt", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to reach the network."""


def _is_local(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
    else:  # Unix sockets and the like are local.
        return True
    if host in {"localhost", ""}:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _guarded_connect(self, address):  # type: ignore[no-untyped-def]
    if not _is_local(address):
        raise NetworkBlocked(f"tests run offline: connection to {address!r} blocked")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):  # type: ignore[no-untyped-def]
    if not _is_local(address):
        raise NetworkBlocked(f"tests run offline: connection to {address!r} blocked")
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
    if host not in (None, "localhost") and not _is_local((host,)):
        raise NetworkBlocked(f"tests run offline: name lookup of {host!r} blocked")
    return _real_getaddrinfo(host, *args, **kwargs)


def pytest_configure(config: pytest.Config) -> None:
    """Block every non-loopback connection for the whole test session."""
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]
    os.chdir(ROOT)


@pytest.fixture(scope="session")
def corpus():
    """The five seed articles, loaded and cleaned."""
    from analysis import load_corpus

    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def sentences(corpus):
    """The seeds split into sentences."""
    from analysis import split_sentences

    return split_sentences(corpus)


def planted_frame_corpus(n: int, frame: str, present: str, absent: str, outlet_of):  # type: ignore[no-untyped-def]
    """A small corpus for frame-model tests: article ``i`` opens with ``present`` (coded as
    showing ``frame`` and no other) when ``i`` is even, else with ``absent`` (coded as every
    other frame); ``outlet_of(i)`` names its outlet. Returns (corpus, gold)."""
    import pandas as pd

    from analysis.framing._common import FRAMES

    texts, gold = [], []
    for i in range(n):
        shown = i % 2 == 0
        texts.append((present if shown else absent) + f" Item {i}.")
        gold.append({f: (shown if f == frame else not shown) for f in FRAMES})
    corpus = pd.DataFrame({"article_id": [str(i) for i in range(n)],
                           "outlet": [outlet_of(i) for i in range(n)], "text": texts})
    return corpus, pd.DataFrame(gold)
