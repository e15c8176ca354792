"""Where the tests find the quacklake command, the DuckDB peer and the golden lakes."""

import os
import pathlib
import subprocess

import pytest

import quacklake

ROOT = pathlib.Path(os.environ.get("QUACKLAKE_HOME") or pathlib.Path(__file__).parents[3]).resolve()
CLI = ROOT / "quacklake"
PEER = pathlib.Path(os.environ.get("QUACKLAKE_DUCKDB") or ROOT / ".." / "shared" / "peer" / "duckdb")
GOLDEN = pathlib.Path(os.environ.get("QUACKLAKE_SHARED_GOLDEN") or ROOT / ".." / "shared" / "golden")


def need(path, what):
    """Fails under CI=true when something the test needs is missing; skips loudly otherwise."""
    if not pathlib.Path(path).exists():
        message = f"{what} is not at {path}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def cli(*args):
    return subprocess.run([str(CLI), *map(str, args)], check=True, capture_output=True, text=True)


@pytest.fixture
def sqlite_lake(tmp_path):
    """A new lake: (catalog, data path)."""
    catalog, data = tmp_path / "lake.sqlite", tmp_path / "data"
    cli("--catalog", catalog, "--data-path", f"{data}/", "init")
    return str(catalog), f"{data}/"


@pytest.fixture(scope="module")
def lake(tmp_path_factory):
    """One server started by the client for a new SQLite lake, shared by the tests that need no
    server of their own: a JVM started once, not per test. Each test uses tables of its own."""
    directory = tmp_path_factory.mktemp("shared")
    with quacklake.connect(catalog=str(directory / "lake.sqlite"),
                           data_path=f"{directory / 'data'}/", create=True) as shared:
        yield shared
