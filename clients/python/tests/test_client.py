"""The Python client against a real `quacklake serve` started by the client itself, real lakes,
DuckDB's golden lakes and the DuckDB peer."""

import datetime
import decimal
import json
import math
import os
import shutil
import subprocess
import threading

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.flight as flight
import pytest

import quacklake
from conftest import GOLDEN, PEER, cli, need

SIMPLE = ("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "UTINYINT", "USMALLINT",
          "UINTEGER", "UBIGINT", "VARCHAR", "FLOAT", "DOUBLE", "DATE", "TIMESTAMP")


def _text(value, duck_type):
    """A pandas value as DuckDB prints it."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if duck_type == "BOOLEAN":
        return str(bool(value)).lower()
    if duck_type in ("FLOAT", "DOUBLE"):
        return float(value)
    if duck_type.startswith("DECIMAL"):
        return decimal.Decimal(value)
    if duck_type == "TIMESTAMP":
        text = str(pd.Timestamp(value))
        return text.rstrip("0").rstrip(".") if "." in text else text
    if duck_type == "DATE":
        return str(value)[:10]
    return str(value)


def _expected(text, duck_type):
    if text is None:
        return None
    if duck_type in ("FLOAT", "DOUBLE"):
        return float({"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(text, text))
    if duck_type.startswith("DECIMAL"):
        return decimal.Decimal(text)
    return text


def _same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-6)
    return a == b


def test_every_golden_lake_reads_as_duckdb_answered_into_pandas(tmp_path):
    need(GOLDEN, "the golden lakes")
    compared = 0
    for lake_dir in sorted(p for p in GOLDEN.iterdir() if (p / "catalog.ducklake").is_file()):
        copy = tmp_path / lake_dir.name
        shutil.copytree(lake_dir, copy)
        with quacklake.connect(catalog=f"duckdb:{copy / 'catalog.ducklake'}",
                               data_path=f"{copy / 'data'}/") as lake:
            for expected_file in sorted((copy / "expected").glob("*@*.json")):
                table, snapshot = expected_file.stem.split("@")
                expected = json.loads(expected_file.read_text())
                types = dict((name, t) for name, t in expected["columns"])
                columns = [c for c, t in expected["columns"]
                           if t in SIMPLE or t.startswith("DECIMAL")]
                frame = lake.table(table).scan(as_of=int(snapshot)).to_pandas(
                    types_mapper=pd.ArrowDtype)
                assert len(frame) == len(expected["rows"]), f"{lake_dir.name} {expected_file.name}"
                names = [c for c, _ in expected["columns"]]
                want = sorted((tuple(_expected(r[names.index(c)], types[c]) for c in columns)
                               for r in expected["rows"]), key=str)
                got = sorted((tuple(_text(v, types[c]) for c, v in zip(columns, row))
                              for row in frame[columns].astype(object).itertuples(index=False)),
                             key=str)
                for w, g in zip(want, got):
                    assert all(_same(x, y) for x, y in zip(w, g)), (
                        f"{lake_dir.name} {expected_file.name}: {w} != {g}")
                compared += 1
    assert compared > 20


def test_pandas_and_polars_writes_are_read_back_by_duckdb(tmp_path):
    need(PEER, "the DuckDB peer")
    catalog, data = tmp_path / "lake.ducklake", f"{tmp_path / 'data'}/"
    cli("--catalog", f"duckdb:{catalog}", "--data-path", data, "init")
    with quacklake.connect(catalog=f"duckdb:{catalog}", data_path=data) as lake:
        lake.create_table("main.events", "id BIGINT, kind VARCHAR, amount DECIMAL(10,2)")
        events = lake.table("main.events")
        events.append(pd.DataFrame({"id": range(1000), "kind": ["a", "b"] * 500,
                                    "amount": [decimal.Decimal("1.25")] * 1000}))
        events.append(pl.DataFrame({"id": list(range(1000, 1100)), "kind": ["p"] * 100,
                                    "amount": [2.5] * 100}))
        result = events.merge(pd.DataFrame({"id": [5, 6, 5000], "kind": ["m", "m", "new"],
                                            "amount": [9.0, 9.0, 9.0]}), on="id")
        assert (result["updated"], result["inserted"]) == (2, 1)
        ours = events.scan(columns=["id", "kind", "amount"]).to_pandas().sort_values("id")
    peer = subprocess.run(
        [str(PEER), "-batch", "-json", "-c",
         f"ATTACH 'ducklake:{catalog}' AS l (DATA_PATH '{data}', READ_ONLY); "
         "SELECT id, kind, CAST(amount AS VARCHAR) AS amount FROM l.main.events ORDER BY id"],
        check=True, capture_output=True, text=True, timeout=120)
    theirs = json.loads(peer.stdout)
    assert len(theirs) == len(ours) == 1101
    for mine, duck in zip(ours.itertuples(index=False), theirs):
        assert (mine.id, mine.kind, str(mine.amount)) == (duck["id"], duck["kind"], duck["amount"])
    assert [r for r in theirs if r["id"] in (5, 6, 5000)] == [
        {"id": 5, "kind": "m", "amount": "9.00"}, {"id": 6, "kind": "m", "amount": "9.00"},
        {"id": 5000, "kind": "new", "amount": "9.00"}]


def test_types_round_trip(sqlite_lake):
    catalog, data = sqlite_lake
    utc = datetime.timezone.utc
    table = pa.table({
        "id": pa.array([1, 2, 3], pa.int64()),
        "d": pa.array([decimal.Decimal("123.45"), None, decimal.Decimal("-0.01")], pa.decimal128(10, 2)),
        "ts": pa.array([datetime.datetime(2026, 1, 2, 3, 4, 5, 123456), None,
                        datetime.datetime(1969, 12, 31, 23, 59, 59)], pa.timestamp("us")),
        "tz": pa.array([datetime.datetime(2026, 6, 1, 12, 0, tzinfo=utc), None,
                        datetime.datetime(2000, 1, 1, tzinfo=utc)], pa.timestamp("us", tz="UTC")),
        "tags": pa.array([["a", None], [], None], pa.list_(pa.string())),
        "point": pa.array([{"x": 1.5, "y": None}, None, {"x": -2.0, "y": 3.0}],
                          pa.struct([("x", pa.float64()), ("y", pa.float64())])),
        "day": pa.array([datetime.date(2026, 2, 28), None, datetime.date(1900, 1, 1)], pa.date32()),
        "flag": pa.array([True, None, False]),
    })
    with quacklake.connect(catalog=catalog, data_path=data) as lake:
        lake.create_table(
            "t", "id BIGINT, d DECIMAL(10,2), ts TIMESTAMP, tz TIMESTAMPTZ, tags VARCHAR[],"
                 " point STRUCT(x DOUBLE, y DOUBLE), day DATE, flag BOOLEAN")
        lake.table("t").append(table)
        back = lake.table("t").scan().to_arrow().sort_by("id")
        assert back.to_pylist() == table.to_pylist()
        frame = lake.table("t").to_pandas().sort_values("id")
        assert str(frame["tz"].dtype).endswith("UTC]")
        assert frame["d"].iloc[0] == decimal.Decimal("123.45")


def test_scans_filter_project_time_travel_limit_and_stream(sqlite_lake):
    catalog, data = sqlite_lake
    with quacklake.connect(catalog=catalog, data_path=data) as lake:
        lake.create_table("main.events", "id BIGINT, kind VARCHAR")
        events = lake.table("main.events")
        first = events.append(pd.DataFrame({"id": range(0, 100_000), "kind": "a"}))["snapshot_id"]
        events.append(pl.DataFrame({"id": list(range(100_000, 200_000)), "kind": ["b"] * 100_000}))
        assert events.scan(columns=["id", "kind"], where="id > 10", as_of=first).to_pandas()[
            "id"].min() == 11
        assert len(events.scan(as_of=first).to_arrow()) == 100_000
        assert len(events.scan().to_polars()) == 200_000
        assert list(events.scan(columns=["kind"]).to_arrow().schema.names) == ["kind"]
        assert len(events.scan(limit=10).to_pandas()) == 10
        streamed = sum(b.num_rows for b in events.scan(where="kind = 'b'").to_batches())
        assert streamed == 100_000
        when = datetime.datetime.fromisoformat(lake.snapshots()[-1]["time"].replace("Z", "+00:00"))
        assert len(events.scan(as_of=when).to_arrow()) == 200_000


def test_deletes_updates_and_transactions(sqlite_lake):
    catalog, data = sqlite_lake
    with quacklake.connect(catalog=catalog, data_path=data) as lake:
        lake.create_table("events", "id BIGINT, kind VARCHAR")
        events = lake.table("events")
        events.append(pa.table({"id": list(range(10)), "kind": ["x"] * 10}))
        assert events.delete("id < 3")["rows"] == 3
        assert events.update({"kind": "u"}, "id = 5")["rows"] == 1
        before = len(lake.snapshots())
        with lake.begin() as tx:
            tx.create_table("audit", "id BIGINT")
            tx.table("audit").append(pd.DataFrame({"id": [1, 2]}))
            tx.table("events").delete("id = 9")
            assert tx.table("audit").to_pandas()["id"].tolist() == [1, 2], "reads its own writes"
            assert 9 not in tx.table("events").to_pandas()["id"].tolist()
            with pytest.raises(quacklake.NotFoundError):
                tx.table("no_such_table").to_pandas()
        assert len(lake.snapshots()) == before + 1
        with pytest.raises(RuntimeError):
            with lake.begin() as tx:
                tx.table("events").delete("id >= 0")
                raise RuntimeError("changed my mind")
        assert len(lake.snapshots()) == before + 1
        rows = events.to_pandas().sort_values("id")
        assert rows["id"].tolist() == [3, 4, 5, 6, 7, 8]
        assert rows.set_index("id").loc[5, "kind"] == "u"
        assert lake.table("audit").to_pandas()["id"].tolist() == [1, 2]


def test_bad_requests_are_clear_and_change_nothing(sqlite_lake):
    catalog, data = sqlite_lake
    with quacklake.connect(catalog=catalog, data_path=data) as lake:
        lake.create_table("events", "id INTEGER, kind VARCHAR")
        before = len(lake.snapshots())
        with pytest.raises(quacklake.InvalidArgumentError, match="unknown column"):
            lake.table("events").append(pd.DataFrame({"id": [1], "nope": ["x"]}))
        with pytest.raises(quacklake.InvalidArgumentError, match="does not fit"):
            lake.table("events").append(pd.DataFrame({"id": [2**40], "kind": ["x"]}))
        with pytest.raises(quacklake.NotFoundError):
            lake.table("missing").to_pandas()
        with pytest.raises(quacklake.InvalidArgumentError):
            lake.table("events").delete("id >")
        assert len(lake.snapshots()) == before


def test_the_token_is_required(sqlite_lake):
    catalog, data = sqlite_lake
    with quacklake.connect(catalog=catalog, data_path=data, token="s3cret") as lake:
        assert lake.tables() == []
        port = lake._server.port
        anonymous = quacklake.connect(f"grpc://127.0.0.1:{port}")
        with pytest.raises(quacklake.UnauthenticatedError):
            anonymous.tables()
        anonymous.close()


def test_a_server_started_for_a_catalog_answers_only_its_client(sqlite_lake):
    catalog, data = sqlite_lake
    with quacklake.connect(catalog=catalog, data_path=data) as lake:
        assert lake.tables() == []
        stranger = quacklake.connect(f"grpc://127.0.0.1:{lake._server.port}")
        with pytest.raises(quacklake.UnauthenticatedError):
            stranger.tables()
        stranger.close()


def test_concurrent_clients_each_commit(sqlite_lake):
    catalog, data = sqlite_lake
    with quacklake.connect(catalog=catalog, data_path=data) as lake:
        lake.create_table("events", "id BIGINT, kind VARCHAR")
        port = lake._server.port
        token = lake._token
        errors = []

        def writer(n):
            try:
                with quacklake.connect(f"grpc://127.0.0.1:{port}", token=token) as own:
                    for k in range(5):
                        start = (n * 5 + k) * 100
                        own.table("events").append(
                            pd.DataFrame({"id": range(start, start + 100), "kind": str(n)}))
            except Exception as e:  # collected and asserted below
                errors.append(e)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        ids = lake.table("events").scan(columns=["id"]).to_pandas()["id"]
        assert len(ids) == 4000 and ids.is_unique


def test_the_client_under_test_is_the_installed_package():
    assert "site-packages" in quacklake.__file__ or os.environ.get("QUACKLAKE_CLIENT_FROM_SOURCE")


def test_the_readme_example_runs_as_written(tmp_path, monkeypatch):
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Python \(pandas.*?```python\n(.*?)```", readme, re.S)
    assert block, "README.md has a Python example"
    monkeypatch.chdir(tmp_path)
    scope = {}
    exec(compile(block.group(1), "README.md", "exec"), scope)
    assert scope["df"]["id"].tolist() == [2, 3]
    assert (tmp_path / "lake.sqlite").is_file()


def test_a_client_killed_mid_upload_commits_nothing(sqlite_lake):
    import pathlib
    import sys
    import time

    catalog, data = sqlite_lake
    with quacklake.connect(catalog=catalog, data_path=data) as lake:
        lake.create_table("events", "id BIGINT, kind VARCHAR")
        before = len(lake.snapshots())
        script = "\n".join([
            "import json, time, pyarrow as pa, pyarrow.flight as fl",
            f"c = fl.connect('grpc://127.0.0.1:{lake._server.port}')",
            "b = pa.record_batch({'id': pa.array(range(300000), pa.int64()),",
            "                     'kind': pa.array(['k'] * 300000)})",
            f"o = fl.FlightCallOptions(headers=[(b'authorization', b'Bearer {lake._token}')])",
            "w, r = c.do_put(fl.FlightDescriptor.for_command(json.dumps({'table': 'events'})),"
            " b.schema, o)",
            "w.write_batch(b)",
            "print('sent', flush=True)",
            "time.sleep(120)",
        ])
        client = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
        assert client.stdout.readline().strip() == b"sent"

        def files():
            return list(pathlib.Path(data).rglob("*.parquet"))

        deadline = time.monotonic() + 30
        while not files() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert files(), "the server had written the first 262,144 rows to a file"
        client.kill()
        client.wait()
        client.stdout.close()
        deadline = time.monotonic() + 30
        while files() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert files() == [], "the broken-off upload's file is deleted"
        assert len(lake.snapshots()) == before
        assert lake.table("events").to_arrow().num_rows == 0
