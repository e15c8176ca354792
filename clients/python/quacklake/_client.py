"""The client: a lake behind a Flight server, its tables, scans and transactions."""

import contextlib
import secrets
import datetime
import json
from concurrent.futures import ThreadPoolExecutor

import pyarrow as pa
import pyarrow.flight as flight

from ._errors import (
    ConflictError,
    InvalidArgumentError,
    NotFoundError,
    QuacklakeError,
    UnauthenticatedError,
    translate,
)
from ._server import LocalServer


def connect(uri=None, *, token=None, catalog=None, data_path=None, cli=None, args=(),
            tls_root_certs=None, create=False):
    """Opens a lake.

    ``connect("grpc://host:port", token=...)`` talks to a running ``quacklake serve``;
    ``connect(catalog="lake.sqlite", data_path="data/")`` starts a server for that catalog in a
    child process (found through ``QUACKLAKE_HOME`` or ``PATH``) and stops it on ``close()``.
    ``args`` are extra global CLI options for that server (``["--config", "lake.properties"]``);
    ``create=True`` creates the lake first when the catalog holds none.
    """
    if (uri is None) == (catalog is None):
        raise QuacklakeError("connect takes a server uri or a catalog, one of the two")
    server = None
    if catalog is not None and token is None:
        # a server of our own answers only us, also on a shared machine
        token = secrets.token_urlsafe(32)
    if catalog is not None:
        server = LocalServer(catalog, data_path=data_path, token=token, cli=cli, args=args,
                             create=create)
        uri = f"grpc://127.0.0.1:{server.port}"
    try:
        kwargs = {}
        if tls_root_certs is not None:
            kwargs["tls_root_certs"] = tls_root_certs
        client = flight.FlightClient(uri, **kwargs)
        return Lake(client, token, server)
    except Exception:
        if server is not None:
            server.stop()
        raise


def _arrow(data):
    """pandas, Polars or Arrow data as a pyarrow Table."""
    if isinstance(data, pa.Table):
        return data
    if isinstance(data, pa.RecordBatch):
        return pa.Table.from_batches([data])
    if isinstance(data, pa.RecordBatchReader):
        return data.read_all()
    module = type(data).__module__.split(".")[0]
    if module == "pandas":
        return pa.Table.from_pandas(data, preserve_index=False)
    if module == "polars":
        return data.to_arrow()
    raise InvalidArgumentError(
        f"cannot write a {type(data).__name__}; pass a pandas or Polars DataFrame or a pyarrow "
        "Table, RecordBatch or RecordBatchReader"
    )


def _fit(table, schema):
    """Casts the columns the table shares with the lake's schema to the lake's types (safely)."""
    by_name = {f.name.lower(): f for f in schema}
    fields = []
    for f in table.schema:
        target = by_name.get(f.name.lower())
        fields.append(pa.field(f.name, target.type, f.nullable) if target is not None else f)
    wanted = pa.schema(fields)
    if wanted.equals(table.schema, check_metadata=False):
        return table
    try:
        return table.cast(wanted, safe=True)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as e:
        raise InvalidArgumentError(f"the data does not fit the table's columns: {e}") from e


class Lake:
    """A lake behind a Flight server. Close it (or use ``with``) to stop a server it started."""

    def __init__(self, client, token=None, server=None):
        self._client = client
        self._server = server
        self._token = token
        headers = [(b"authorization", f"Bearer {token}".encode())] if token else []
        self._options = flight.FlightCallOptions(headers=headers)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Closes the connection, and stops the server if :func:`connect` started it."""
        self._client.close()
        if self._server is not None:
            self._server.stop()
            self._server = None

    def table(self, name):
        return Table(self, name, None)

    def tables(self):
        """The names of the tables at the newest snapshot."""
        return self._action("tables", {})

    def snapshots(self):
        """Every snapshot: ``snapshot_id``, ``time``, ``changes``, ``author``, ``message``."""
        return self._action("snapshots", {})

    def create_table(self, name, columns, partition_by=None):
        """Creates a table: ``columns`` as ``"id BIGINT, kind VARCHAR"``."""
        body = {"table": name, "columns": columns}
        if partition_by:
            body["partition_by"] = list(partition_by)
        return self._action("create_table", body)

    def drop_table(self, name):
        return self._action("drop_table", {"table": name})

    def begin(self):
        """A transaction held by the server: everything in it is one snapshot at ``commit()``."""
        return Transaction(self, self._action("begin", {})["transaction"])

    def maintenance(self, action, **options):
        """A maintenance action: ``checkpoint``, ``flush_inlined_data``, ``merge_adjacent_files``,
        ``expire_snapshots``, ``cleanup_old_files``, ``delete_orphaned_files``."""
        return self._action(action, options)

    def _action(self, kind, body):
        try:
            results = list(self._client.do_action(
                flight.Action(kind, json.dumps(body).encode()), self._options))
        except pa.ArrowException as e:
            raise translate(e) from None
        return json.loads(results[0].body.to_pybytes()) if results else None

    def _put(self, command, table):
        descriptor = flight.FlightDescriptor.for_command(json.dumps(command))
        try:
            writer, reader = self._client.do_put(descriptor, table.schema, self._options)
            with writer:
                writer.write_table(table, max_chunksize=65536)
                writer.done_writing()
                answer = reader.read()
        except pa.ArrowException as e:
            raise translate(e) from None
        return json.loads(answer.to_pybytes()) if answer is not None else {}

    def _schema(self, name, transaction=None):
        request = {"table": name}
        if transaction is not None:
            request["transaction"] = transaction.id
        try:
            return self._client.get_schema(
                flight.FlightDescriptor.for_command(json.dumps(request)), self._options
            ).schema
        except pa.ArrowException as e:
            raise translate(e) from None


class Transaction:
    """A transaction the server holds; commits on leaving a ``with`` block, rolls back on error."""

    def __init__(self, lake, transaction_id):
        self._lake = lake
        self.id = transaction_id
        self._open = True

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        if self._open:
            if kind is None:
                self.commit()
            else:
                with contextlib.suppress(QuacklakeError):
                    self.rollback()

    def table(self, name):
        return Table(self._lake, name, self)

    def create_table(self, name, columns, partition_by=None):
        body = {"table": name, "columns": columns, "transaction": self.id}
        if partition_by:
            body["partition_by"] = list(partition_by)
        return self._lake._action("create_table", body)

    def commit(self):
        """Commits; returns the new snapshot id."""
        self._open = False
        return self._lake._action("commit", {"transaction": self.id})["snapshot_id"]

    def rollback(self):
        self._open = False
        self._lake._action("rollback", {"transaction": self.id})


class Table:
    """One table of a lake (inside a transaction when it came from one)."""

    def __init__(self, lake, name, transaction):
        self._lake = lake
        self.name = name
        self._transaction = transaction

    def _with_tx(self, body):
        if self._transaction is not None:
            body["transaction"] = self._transaction.id
        return body

    def schema(self):
        """The table's Arrow schema (as the transaction sees it, for a table of one)."""
        return self._lake._schema(self.name, self._transaction)

    def scan(self, columns=None, where=None, as_of=None, limit=None):
        """A scan; ``as_of`` is a snapshot id, or a datetime / ISO-8601 text for a time. Inside a
        transaction it reads the transaction's base snapshot with its own writes (no ``as_of``)."""
        if self._transaction is not None and as_of is not None:
            raise InvalidArgumentError("a scan inside a transaction reads its base snapshot; "
                                       "drop as_of")
        return Scan(self._lake, self.name, columns, where, as_of, limit,
                    None if self._transaction is None else self._transaction.id)

    def to_pandas(self, **options):
        return self.scan().to_pandas(**options)

    def to_arrow(self):
        return self.scan().to_arrow()

    def append(self, data):
        """Appends rows (pandas, Polars or Arrow); returns ``{"snapshot_id", "rows"}``."""
        table = _fit(_arrow(data), self.schema())
        return self._lake._put(
            self._with_tx({"mode": "append", "table": self.name, "rows": table.num_rows}), table)

    def merge(self, data, on):
        """Upserts on key columns: matching rows are replaced, the others inserted."""
        keys = [on] if isinstance(on, str) else list(on)
        table = _fit(_arrow(data), self.schema())
        return self._lake._put(
            self._with_tx({"mode": "merge", "table": self.name, "on": keys,
                           "rows": table.num_rows}), table)

    def delete(self, where):
        """Deletes the rows matching ``where`` (``"kind = 'test'"``)."""
        return self._lake._action("delete", self._with_tx({"table": self.name, "where": where}))

    def update(self, set, where):
        """Sets columns (``{"kind": "x"}``) of the rows matching ``where``."""
        return self._lake._action(
            "update", self._with_tx({"table": self.name, "set": set, "where": where}))


class Scan:
    """A planned read: stream it with :meth:`to_batches` or collect it."""

    def __init__(self, lake, table, columns, where, as_of, limit, transaction=None):
        request = {"table": table}
        if transaction is not None:
            request["transaction"] = transaction
        if columns is not None:
            request["columns"] = list(columns)
        if where is not None:
            request["where"] = where
        if isinstance(as_of, bool):
            raise InvalidArgumentError("as_of is a snapshot id or a time")
        if isinstance(as_of, int):
            request["snapshot"] = as_of
        elif isinstance(as_of, datetime.datetime):
            moment = as_of if as_of.tzinfo else as_of.replace(tzinfo=datetime.timezone.utc)
            request["timestamp"] = moment.astimezone(datetime.timezone.utc).isoformat().replace(
                "+00:00", "Z")
        elif isinstance(as_of, str):
            request["timestamp"] = as_of
        if limit is not None:
            request["limit"] = int(limit)
        self._lake = lake
        self._request = request

    def _info(self):
        descriptor = flight.FlightDescriptor.for_command(json.dumps(self._request))
        try:
            return self._lake._client.get_flight_info(descriptor, self._lake._options)
        except pa.ArrowException as e:
            raise translate(e) from None

    def _read(self, endpoint):
        try:
            return self._lake._client.do_get(endpoint.ticket, self._lake._options).read_all()
        except pa.ArrowException as e:
            raise translate(e) from None

    def to_batches(self):
        """Yields record batches as they arrive, one endpoint after the other."""
        info = self._info()
        for endpoint in info.endpoints:
            try:
                reader = self._lake._client.do_get(endpoint.ticket, self._lake._options)
                for chunk in reader:
                    yield chunk.data
            except pa.ArrowException as e:
                raise translate(e) from None

    def to_arrow(self):
        """The rows as a pyarrow Table (the scan's endpoints read in parallel)."""
        info = self._info()
        if len(info.endpoints) == 1:
            return self._read(info.endpoints[0])
        with ThreadPoolExecutor(max_workers=len(info.endpoints)) as pool:
            parts = list(pool.map(self._read, info.endpoints))
        return pa.concat_tables(parts)

    def to_pandas(self, **options):
        """The rows as a pandas DataFrame; ``options`` go to pyarrow's ``to_pandas`` (for example
        ``types_mapper=pandas.ArrowDtype`` keeps integers with NULLs exact)."""
        return self.to_arrow().to_pandas(**options)

    def to_polars(self):
        import polars

        return polars.from_arrow(self.to_arrow())

