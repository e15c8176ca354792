"""Starting and stopping a local ``quacklake serve`` for a catalog."""

import os
import shutil
import subprocess
import tempfile
import time

from ._errors import QuacklakeError


def find_cli(cli=None):
    """The quacklake command: given, under $QUACKLAKE_HOME, or on PATH."""
    if cli:
        return cli
    home = os.environ.get("QUACKLAKE_HOME")
    if home:
        for candidate in (os.path.join(home, "bin", "quacklake"), os.path.join(home, "quacklake")):
            if os.access(candidate, os.X_OK):
                return candidate
        raise QuacklakeError(
            f"QUACKLAKE_HOME={home} holds neither bin/quacklake nor quacklake; point it at a "
            "Quacklake distribution or the repository"
        )
    found = shutil.which("quacklake")
    if not found:
        raise QuacklakeError(
            "the quacklake command is not on PATH; set QUACKLAKE_HOME to a Quacklake distribution "
            "or connect to a running server with connect('grpc://host:port')"
        )
    return found


class LocalServer:
    """A ``quacklake serve --port 0`` child process, stopped with :meth:`stop`."""

    def __init__(self, catalog, data_path=None, token=None, cli=None, args=(), timeout=120,
                 create=False):
        command = [find_cli(cli), "--catalog", str(catalog)]
        if data_path is not None:
            command += ["--data-path", str(data_path)]
        command += list(args)
        if create:
            created = subprocess.run(command + ["init"], capture_output=True, text=True)
            if created.returncode != 0 and "already exists" not in created.stderr:
                raise QuacklakeError(f"cannot create the lake: {created.stderr.strip()}")
        command += ["serve", "--port", "0"]
        env = dict(os.environ)
        if token is not None:
            env["QUACKLAKE_FLIGHT_TOKEN"] = token
        self._log = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=self._log, env=env
        )
        line = self._process.stdout.readline().decode().strip()
        if not line.isdigit():
            self._process.wait(timeout=timeout)
            raise QuacklakeError(f"quacklake serve did not start: {self._errors() or line}")
        self.port = int(line)

    def _errors(self):
        self._log.seek(0)
        return self._log.read().decode(errors="replace").strip()

    def stop(self, timeout=30):
        """Stops the server gracefully (SIGTERM), then for good."""
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process.stdout.close()
        self._log.close()

    def wait_gone(self, seconds):
        deadline = time.monotonic() + seconds
        while self._process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
