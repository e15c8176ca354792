"""Quacklake lakes (DuckLake) from Python, over Quacklake's Arrow Flight server.

``connect()`` reaches a running ``quacklake serve`` or starts one for a catalog; tables scan into
Arrow, pandas or Polars and take appends, merges, updates and deletes, each one snapshot (or one
for a whole ``begin()`` transaction).
"""

from ._client import (
    ConflictError,
    InvalidArgumentError,
    Lake,
    NotFoundError,
    QuacklakeError,
    Scan,
    Table,
    Transaction,
    UnauthenticatedError,
    connect,
)

__all__ = [
    "connect",
    "Lake",
    "Table",
    "Scan",
    "Transaction",
    "QuacklakeError",
    "ConflictError",
    "NotFoundError",
    "InvalidArgumentError",
    "UnauthenticatedError",
]
__version__ = "0.1.0"
