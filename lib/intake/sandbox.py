"""Reading an import file in a worker process with a memory and a time limit (the web upload and
``python -m lib.cli import``).

A file crafted to exhaust memory or time must not stall or kill the Streamlit server, which serves
every user, nor take the memory of the machine the command line runs on: the reader's limits bound
rows, columns, cells and sizes, but not every shape of XML a workbook can hold (a sheet of
millions of empty elements costs gigabytes inside the XML parser before one row is returned). :func:`read` runs :func:`lib.intake.reader.read_bytes` in a child Python process
(``python -m lib.intake.sandbox``): the child caps its own address space
(``resource.setrlimit(RLIMIT_AS)``) and CPU time (``RLIMIT_CPU``) before it touches the file, and
the parent kills it after ``Limits.worker_seconds``. Either way the upload is refused with a plain
message (:class:`~lib.intake.reader.UnusableFile` ``too_heavy`` or ``too_slow``) and the server
carries on. The child's answer comes back pickled and is unpickled with only the classes that a
sheet holds.

A subprocess rather than ``multiprocessing``: under ``streamlit run`` the main module is
Streamlit's, which ``spawn`` would re-import in the child, and ``fork`` would copy a threaded
server; the child here imports only the reader.
"""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

from lib.core import config
from lib.intake.reader import Limits, Sheet, UnusableFile

# What the child's answer may contain (module, name); anything else is refused when unpickling.
_ALLOWED = {
    ("lib.intake.reader", "Sheet"),
    ("lib.intake.reader", "_unusable"),
    ("lib.intake.schemas", "Selection"),
    ("datetime", "datetime"),
    ("datetime", "date"),
    ("datetime", "time"),
    ("datetime", "timedelta"),
}


class _AnswerUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"unexpected {module}.{name} from the upload worker")
        return super().find_class(module, name)


def read(
    source: bytes | str | Path, file_name: str, lim: Limits | None = None, select=None
) -> Sheet:
    """:func:`lib.intake.reader.read` in a worker process; the same result or refusal.

    ``source`` is the uploaded bytes or a path (whose size is checked before it is read).
    ``select`` must be picklable (``functools.partial(schemas.select, kind)`` is)."""
    from lib.intake import reader

    lim = lim or reader.limits()
    if isinstance(source, str | Path):
        size = Path(source).stat().st_size
        if size > lim.max_bytes:  # never read a file that is over the cap into memory
            raise UnusableFile("too_big", mb=reader._mb(size), max_mb=reader._mb(lim.max_bytes))
        source = Path(source).read_bytes()
    data = bytes(source)
    if len(data) > lim.max_bytes:  # no need to start a worker for that
        return reader.read_bytes(data, file_name, lim, select)
    payload = pickle.dumps((data, file_name, lim, select), protocol=pickle.HIGHEST_PROTOCOL)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(config.PROJECT_DIR), env.get("PYTHONPATH", "")) if p
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "lib.intake.sandbox"],
            input=payload,
            capture_output=True,
            timeout=lim.worker_seconds,
            cwd=config.PROJECT_DIR,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the worker
        raise UnusableFile("too_slow", s=str(lim.worker_seconds)) from None
    if proc.returncode != 0 or not proc.stdout:  # killed by its limits (or out of memory)
        raise UnusableFile("too_heavy")
    status, body = _AnswerUnpickler(io.BytesIO(proc.stdout)).load()
    if status == "ok":
        return body
    if status == "unusable":
        raise body
    raise RuntimeError(f"the upload worker failed: {body}")  # a bug, not the file's fault


def _limit_self(lim: Limits) -> None:
    """Cap this process's address space and CPU time (never above a hard limit already set)."""
    import resource

    for which, wanted in (
        (resource.RLIMIT_AS, lim.worker_memory),
        (resource.RLIMIT_CPU, lim.worker_seconds + 5),  # a backstop; the parent's clock is first
    ):
        _, hard = resource.getrlimit(which)
        cap = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(which, (cap, hard))


def main() -> int:
    """The worker: read (data, name, limits, select) from stdin, write the answer to stdout."""
    data, file_name, lim, select = pickle.loads(sys.stdin.buffer.read())  # from our parent
    _limit_self(lim)
    from lib.intake import reader

    answer: tuple[str, object]
    try:
        answer = ("ok", reader.read_bytes(data, file_name, lim, select))
    except UnusableFile as exc:
        answer = ("unusable", exc)
    except MemoryError:
        answer = ("unusable", UnusableFile("too_heavy"))
    except Exception as exc:  # noqa: BLE001 - reported to the parent as a bug
        answer = ("error", f"{type(exc).__name__}: {exc}")
    del data
    try:
        out = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        out = pickle.dumps(("unusable", UnusableFile("too_heavy")))
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
