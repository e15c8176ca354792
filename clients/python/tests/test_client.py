"""The Python client against a real `quacklake serve` started by the client itself, real lakes,
DuckDB's golden lakes and the DuckDB peer."""

import datetime
import decimal
import json
import math
import os
import pathlib
import shutil
import subprocess
import threading
import zoneinfo
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.flight as flight
import pytest

import quacklake
from conftest import GOLDEN, PEER, cli, need

def _trim(text):
    """Drops trailing zeros of a fraction of seconds, as DuckDB prints times."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def _interval(v):
    """An Arrow month-day-nano interval as DuckDB prints an INTERVAL."""
    def unit(n, name):
        return f"{n} {name}" + ("" if abs(n) == 1 else "s")

    years = int(v.months / 12)
    parts = [unit(n, name) for n, name in ((years, "year"), (v.months - 12 * years, "month"),
                                           (v.days, "day")) if n]
    if v.nanoseconds or not parts:
        micros = abs(v.nanoseconds) // 1000
        hours, rest = divmod(micros, 3_600_000_000)
        minutes, rest = divmod(rest, 60_000_000)
        seconds, fraction = divmod(rest, 1_000_000)
        time = f"{hours:02d}:{minutes:02d}:{seconds:02d}" + _trim(f".{fraction:06d}")
        parts.append(("-" if v.nanoseconds < 0 else "") + time)
    return " ".join(parts)


def _plain(value, arrow_type):
    """A nested value as the JSON DuckDB's to_json writes (maps as objects)."""
    if value is None:
        return None
    if pa.types.is_map(arrow_type):
        return {k: _plain(v, arrow_type.item_type) for k, v in value}
    if pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type):
        return [_plain(v, arrow_type.value_type) for v in value]
    if pa.types.is_struct(arrow_type):
        return {f.name: _plain(value[f.name], f.type) for f in arrow_type}
    return value


def _text(value, arrow_type):
    """A value of the pandas frame as DuckDB's CAST(... AS VARCHAR) prints it (to_json for nested
    values); floats and decimals stay numbers, compared as numbers."""
    if value is None:
        return None
    if pa.types.is_boolean(arrow_type):
        return str(value).lower()
    if pa.types.is_floating(arrow_type):
        return float(value)
    if pa.types.is_decimal(arrow_type):
        return decimal.Decimal(value)
    if pa.types.is_timestamp(arrow_type):
        moment = pd.Timestamp(value)
        if arrow_type.tz is None:
            return _trim(str(moment))
        return _trim(str(moment.tz_convert("UTC").tz_localize(None))) + "+00"
    if pa.types.is_time(arrow_type):
        return _trim(value.isoformat())
    if pa.types.is_date(arrow_type):
        return value.isoformat()
    if pa.types.is_interval(arrow_type):
        return _interval(value)
    if pa.types.is_binary(arrow_type):
        return "".join(chr(b) if 32 <= b < 127 else f"\\x{b:02X}" for b in value)
    if pa.types.is_nested(arrow_type):
        return json.dumps(_plain(value, arrow_type), separators=(",", ":"), ensure_ascii=False)
    return str(value)


def _expected(text, duck_type):
    if text is None:
        return None
    if duck_type in ("FLOAT", "DOUBLE"):
        return float(text)
    if duck_type.startswith("DECIMAL"):
        return decimal.Decimal(text)
    return text


def _same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-6)
    return a == b


def _order(row):
    """A sort key equal for rows that compare the same (FLOATs differ in their last digits)."""
    return str(tuple(f"{v:.6g}" if isinstance(v, float) else v for v in row))


def test_every_golden_lake_reads_as_duckdb_answered_into_pandas(tmp_path):
    """Every column of every table at every snapshot, all types included: numbers, decimals, times
    and timestamps of every precision with and without a zone, intervals, blobs, UUIDs, JSON,
    lists, structs and maps (nested values compared as DuckDB's to_json text)."""
    need(GOLDEN, "the golden lakes")
    compared = 0
    for lake_dir in sorted(p for p in GOLDEN.iterdir() if (p / "catalog.ducklake").is_file()):
        copy = tmp_path / lake_dir.name
        shutil.copytree(lake_dir, copy)
        expected_files = sorted((copy / "expected").glob("*@*.json"))
        with quacklake.connect(catalog=f"duckdb:{copy / 'catalog.ducklake'}",
                               data_path=f"{copy / 'data'}/") as lake:

            def frame(expected_file):
                table, snapshot = expected_file.stem.split("@")
                return lake.table(table).scan(as_of=int(snapshot)).to_pandas(
                    types_mapper=pd.ArrowDtype)

            with ThreadPoolExecutor(max_workers=4) as pool:
                frames = list(pool.map(frame, expected_files))
        for expected_file, got in zip(expected_files, frames):
            where = f"{lake_dir.name} {expected_file.name}"
            expected = json.loads(expected_file.read_text())
            names = [c for c, _ in expected["columns"]]
            assert list(got.columns) == names, where
            assert len(got) == len(expected["rows"]), where
            columns = [[_text(v, got[c].dtype.pyarrow_dtype)
                        for v in got[c].array.__arrow_array__().to_pylist()] for c in names]
            want = sorted((tuple(_expected(v, t) for v, (_, t) in zip(r, expected["columns"]))
                           for r in expected["rows"]), key=_order)
            have = sorted(zip(*columns), key=_order)
            for w, h in zip(want, have):
                assert all(_same(x, y) for x, y in zip(w, h)), f"{where}: {w} != {h}"
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
        result = events.merge(pl.DataFrame({"id": [7, 1050, 5001], "kind": ["pm", "pm", "pn"],
                                            "amount": [3.5, 3.5, 3.5]}), on="id")
        assert (result["updated"], result["inserted"]) == (2, 1)
        ours = events.scan(columns=["id", "kind", "amount"]).to_pandas().sort_values("id")
    peer = subprocess.run(
        [str(PEER), "-batch", "-json", "-c",
         f"ATTACH 'ducklake:{catalog}' AS l (DATA_PATH '{data}', READ_ONLY); "
         "SELECT id, kind, CAST(amount AS VARCHAR) AS amount FROM l.main.events ORDER BY id"],
        check=True, capture_output=True, text=True, timeout=120)
    theirs = json.loads(peer.stdout)
    assert len(theirs) == len(ours) == 1102
    for mine, duck in zip(ours.itertuples(index=False), theirs):
        assert (mine.id, mine.kind, str(mine.amount)) == (duck["id"], duck["kind"], duck["amount"])
    assert [r for r in theirs if r["id"] in (4, 5, 6, 7, 1049, 1050, 5000, 5001)] == [
        {"id": 4, "kind": "a", "amount": "1.25"},
        {"id": 5, "kind": "m", "amount": "9.00"}, {"id": 6, "kind": "m", "amount": "9.00"},
        {"id": 7, "kind": "pm", "amount": "3.50"}, {"id": 1049, "kind": "p", "amount": "2.50"},
        {"id": 1050, "kind": "pm", "amount": "3.50"}, {"id": 5000, "kind": "new", "amount": "9.00"},
        {"id": 5001, "kind": "pn", "amount": "3.50"}]


def test_types_round_trip(lake):
    utc = datetime.timezone.utc
    kolkata = zoneinfo.ZoneInfo("Asia/Kolkata")
    table = pa.table({
        "id": pa.array([1, 2, 3], pa.int64()),
        "d": pa.array([decimal.Decimal("123.45"), None, decimal.Decimal("-0.01")], pa.decimal128(10, 2)),
        "ts": pa.array([datetime.datetime(2026, 1, 2, 3, 4, 5, 123456), None,
                        datetime.datetime(1969, 12, 31, 23, 59, 59)], pa.timestamp("us")),
        "tz": pa.array([datetime.datetime(2026, 6, 1, 12, 0, tzinfo=utc), None,
                        datetime.datetime(2000, 1, 1, tzinfo=utc)], pa.timestamp("us", tz="UTC")),
        "local": pa.array([datetime.datetime(2026, 3, 29, 1, 30, tzinfo=kolkata), None,
                           datetime.datetime(1999, 12, 31, 23, 59, 59, 1, tzinfo=kolkata)],
                          pa.timestamp("us", tz="Asia/Kolkata")),
        "tags": pa.array([["a", None], [], None], pa.list_(pa.string())),
        "point": pa.array([{"x": 1.5, "y": None}, None, {"x": -2.0, "y": 3.0}],
                          pa.struct([("x", pa.float64()), ("y", pa.float64())])),
        "day": pa.array([datetime.date(2026, 2, 28), None, datetime.date(1900, 1, 1)], pa.date32()),
        "flag": pa.array([True, None, False]),
    })
    lake.create_table(
        "round_trip", "id BIGINT, d DECIMAL(10,2), ts TIMESTAMP, tz TIMESTAMPTZ, local TIMESTAMPTZ,"
             " tags VARCHAR[], point STRUCT(x DOUBLE, y DOUBLE), day DATE, flag BOOLEAN")
    lake.table("round_trip").append(table)
    back = lake.table("round_trip").scan().to_arrow().sort_by("id")
    assert back.to_pylist() == table.to_pylist(), "the same instants (aware datetimes)"
    assert back.schema.field("local").type == pa.timestamp("us", tz="UTC"), (
        "TIMESTAMPTZ holds instants; they come back in UTC, the zone name is not stored")
    assert back.column("local")[0].as_py() == datetime.datetime(2026, 3, 28, 20, 0, tzinfo=utc)
    frame = lake.table("round_trip").to_pandas().sort_values("id")
    assert str(frame["tz"].dtype).endswith("UTC]")
    berlin = pd.DataFrame({name: [None] for name in table.column_names})
    berlin["id"], berlin["local"] = 4, pd.Timestamp("2026-07-01 02:30", tz="Europe/Berlin")
    lake.table("round_trip").append(berlin)
    assert lake.table("round_trip").scan(columns=["local"], where="id = 4").to_pandas()["local"][0] == \
        pd.Timestamp("2026-07-01 00:30", tz="UTC")
    assert frame["d"].iloc[0] == decimal.Decimal("123.45")


def test_scans_filter_project_time_travel_limit_and_stream(lake):
    lake.create_table("main.scans", "id BIGINT, kind VARCHAR")
    events = lake.table("main.scans")
    first = events.append(pd.DataFrame({"id": range(0, 100_000), "kind": "a"}))["snapshot_id"]
    second = events.append(pl.DataFrame({"id": list(range(100_000, 200_000)),
                                         "kind": ["b"] * 100_000}))["snapshot_id"]
    assert events.scan(columns=["id", "kind"], where="id > 10", as_of=first).to_pandas()[
        "id"].min() == 11
    assert len(events.scan(as_of=first).to_arrow()) == 100_000
    assert len(events.scan().to_polars()) == 200_000
    assert list(events.scan(columns=["kind"]).to_arrow().schema.names) == ["kind"]
    assert len(events.scan(limit=10).to_pandas()) == 10
    sizes = [b.num_rows for b in events.scan(where="kind = 'b'").to_batches()]
    assert sum(sizes) == 100_000
    assert len(sizes) > 2 and max(sizes) <= 65_536, "streamed in batches of bounded size"
    times = {s["snapshot_id"]: s["time"] for s in lake.snapshots()}
    assert events.scan(as_of=times[first]).to_arrow().num_rows == 100_000, "ISO-8601 text"
    first_time = datetime.datetime.fromisoformat(times[first].replace("Z", "+00:00"))
    after_first = first_time + (datetime.datetime.fromisoformat(
        times[second].replace("Z", "+00:00")) - first_time) / 2
    older = events.scan(as_of=after_first.astimezone(zoneinfo.ZoneInfo("America/New_York")))
    assert older.to_arrow().num_rows == 100_000, "the snapshot current at that time"
    assert events.scan(as_of=first_time - datetime.timedelta(microseconds=1)).to_arrow(
        ).num_rows == 0, "before the first append: the empty table"


def test_to_batches_hands_over_batches_before_the_scan_has_arrived(sqlite_lake):
    """The server is killed once the first batch is in hand: the rest of a 50 MB scan (more than
    gRPC buffers) never arrives, so reading on fails; a client that gathered the whole scan before
    yielding would read on from memory."""
    catalog, data = sqlite_lake
    rows = 200_000
    with quacklake.connect(catalog=catalog, data_path=data) as lake:
        lake.create_table("wide", "id BIGINT, text VARCHAR")
        lake.table("wide").append(pa.table({"id": pa.array(range(rows), pa.int64()),
                                            "text": pa.array(["x" * 250] * rows)}))
        batches = lake.table("wide").scan().to_batches()
        received = next(batches).num_rows
        lake._server._process.kill()
        lake._server._process.wait()
        with pytest.raises(quacklake.QuacklakeError):
            for batch in batches:
                received += batch.num_rows
        assert 0 < received < rows


def test_deletes_updates_and_transactions(lake):
    lake.create_table("changes", "id BIGINT, kind VARCHAR")
    events = lake.table("changes")
    events.append(pa.table({"id": list(range(10)), "kind": ["x"] * 10}))
    assert events.delete("id < 3")["rows"] == 3
    assert events.update({"kind": "u"}, "id = 5")["rows"] == 1
    before = len(lake.snapshots())
    with lake.begin() as tx:
        tx.create_table("audit_log", "id BIGINT")
        tx.table("audit_log").append(pd.DataFrame({"id": [1, 2]}))
        tx.table("changes").delete("id = 9")
        assert tx.table("audit_log").to_pandas()["id"].tolist() == [1, 2], "reads its own writes"
        assert 9 not in tx.table("changes").to_pandas()["id"].tolist()
        with pytest.raises(quacklake.NotFoundError):
            tx.table("no_such_table").to_pandas()
    assert len(lake.snapshots()) == before + 1
    with pytest.raises(RuntimeError):
        with lake.begin() as tx:
            tx.table("changes").delete("id >= 0")
            raise RuntimeError("changed my mind")
    assert len(lake.snapshots()) == before + 1
    rows = events.to_pandas().sort_values("id")
    assert rows["id"].tolist() == [3, 4, 5, 6, 7, 8]
    assert rows.set_index("id").loc[5, "kind"] == "u"
    assert lake.table("audit_log").to_pandas()["id"].tolist() == [1, 2]


def test_bad_requests_are_clear_and_change_nothing(lake):
    lake.create_table("strict", "id INTEGER, kind VARCHAR")
    before = len(lake.snapshots())
    with pytest.raises(quacklake.InvalidArgumentError, match="unknown column"):
        lake.table("strict").append(pd.DataFrame({"id": [1], "nope": ["x"]}))
    with pytest.raises(quacklake.InvalidArgumentError, match="does not fit"):
        lake.table("strict").append(pd.DataFrame({"id": [2**40], "kind": ["x"]}))
    with pytest.raises(quacklake.NotFoundError):
        lake.table("missing").to_pandas()
    with pytest.raises(quacklake.InvalidArgumentError):
        lake.table("strict").delete("id >")
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


def test_a_server_started_for_a_catalog_answers_only_its_client(lake):
    assert isinstance(lake.tables(), list), "its own client is admitted"
    stranger = quacklake.connect(f"grpc://127.0.0.1:{lake._server.port}")
    with pytest.raises(quacklake.UnauthenticatedError):
        stranger.tables()
    stranger.close()


def test_concurrent_clients_each_commit(lake):
    lake.create_table("concurrent", "id BIGINT, kind VARCHAR")
    port = lake._server.port
    token = lake._token
    errors = []

    def writer(n):
        try:
            with quacklake.connect(f"grpc://127.0.0.1:{port}", token=token) as own:
                for k in range(5):
                    start = (n * 5 + k) * 100
                    own.table("concurrent").append(
                        pd.DataFrame({"id": range(start, start + 100), "kind": str(n)}))
        except Exception as e:  # collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    ids = lake.table("concurrent").scan(columns=["id"]).to_pandas()["id"]
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
    rows = cli("--catalog", "lake.sqlite", "scan", "main.events", "--format", "csv").stdout
    assert sorted(rows.splitlines()[1:]) == ["1,a", "2,c", "4,d"], (
        "the merge replaced 2 and inserted 4, the delete removed 3")


def test_a_server_is_found_on_path_and_close_stops_it(sqlite_lake, tmp_path, monkeypatch):
    from conftest import CLI

    catalog, data = sqlite_lake
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    command = bin_dir / "quacklake"
    command.write_text(f'#!/bin/sh\nexec "{CLI}" "$@"\n')
    command.chmod(0o755)
    monkeypatch.delenv("QUACKLAKE_HOME", raising=False)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    assert quacklake._server.find_cli() == str(command)
    lake = quacklake.connect(catalog=catalog, data_path=data)
    process = lake._server._process
    lake.create_table("events", "id BIGINT")
    snapshots = len(lake.snapshots())
    lake.begin().table("events").append(pd.DataFrame({"id": range(1000)}))
    assert list(pathlib.Path(data).rglob("*.parquet")), "the held transaction wrote a file"
    lake.close()
    assert process.returncode == 143, "ended by SIGTERM (128 + 15), after shutting down"
    with pytest.raises(ProcessLookupError):
        os.kill(process.pid, 0)
    listed = cli("--catalog", catalog, "snapshots", "--format", "csv").stdout.splitlines()
    assert len(listed) - 1 == snapshots, "the transaction it still held rolled back"
    assert not list(pathlib.Path(data).rglob("*.parquet")), "and its file is deleted"


def test_serve_with_a_token_file_admits_that_token_only(sqlite_lake, tmp_path):
    from conftest import CLI

    catalog, data = sqlite_lake
    token = tmp_path / "token"
    token.write_text("s3cret\n")
    serve = subprocess.Popen([str(CLI), "--catalog", catalog, "--data-path", data, "serve",
                              "--port", "0", "--token-file", str(token)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        port = int(serve.stdout.readline())
        for wrong in (None, "guess"):
            with quacklake.connect(f"grpc://127.0.0.1:{port}", token=wrong) as refused:
                with pytest.raises(quacklake.UnauthenticatedError):
                    refused.tables()
        with quacklake.connect(f"grpc://127.0.0.1:{port}", token="s3cret") as admitted:
            assert admitted.tables() == []
    finally:
        serve.terminate()
        serve.wait(timeout=60)
        serve.stdout.close()
        errors = serve.stderr.read().decode()
        serve.stderr.close()
    assert serve.returncode == 143, errors
    assert "Exception" not in errors


def test_a_client_killed_mid_upload_commits_nothing(sqlite_lake):
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
