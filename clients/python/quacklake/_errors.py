"""The client's errors, from the kind the server puts first in each message."""

import pyarrow.flight as flight


class QuacklakeError(Exception):
    """Anything the lake or the server refused; the message says what and how to fix it."""


class ConflictError(QuacklakeError):
    """A concurrent commit conflicted; nothing was committed: run the change again."""


class NotFoundError(QuacklakeError):
    """A table, snapshot or transaction that does not exist."""


class InvalidArgumentError(QuacklakeError):
    """A request the lake cannot take (wrong column, type or filter); nothing was changed."""


class UnauthenticatedError(QuacklakeError):
    """The server needs a token (connect(..., token=...))."""


_KINDS = {
    "CONFLICT": ConflictError,
    "NOT_FOUND": NotFoundError,
    "INVALID_ARGUMENT": InvalidArgumentError,
    "UNAUTHENTICATED": UnauthenticatedError,
}


def translate(error):
    """The client error for a Flight error."""
    message = str(error)
    for kind, cls in _KINDS.items():
        marker = kind + ": "
        at = message.find(marker)
        if at >= 0:
            detail = message[at + len(marker):]
            detail = detail.split(". gRPC client debug context")[0].split(". Detail:")[0]
            return cls(detail)
    if isinstance(error, flight.FlightUnauthenticatedError):
        return UnauthenticatedError(message)
    return QuacklakeError(message)
