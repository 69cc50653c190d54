"""The deck's pictures kept on disk: each PNG is rendered once and found again by what it draws.

A picture's file name is the SHA-256 of everything that decides its pixels: the complete Vega-Lite
specification (data values, encodings, title, the language's number and month names of the
configured locale), the render scale, the language, the vl-convert version and
:data:`RENDER_REVISION`. The same filters, viewer and data version give the same specification,
hence the same file; new data, another filter or language give another name. The cache therefore
needs to know nothing about data versions, filters or viewers, and can never serve a stale picture.
Only leadership aggregates are drawn (the deck), never records of persons.

Directory: ``PANTAU_CACHE_DIR`` when set, else ``cache/`` in the project folder (git-ignored), under
``deck-png/``. Not the system temp directory: ``/tmp`` is shared with every local user (who could read
the pictures or plant a file under a name they can predict), and is often emptied at reboot, while
the point is to keep pictures across server restarts. The project folder belongs to the service's
user, like the SQLite database in ``data/``.

Size bound: ``PANTAU_CACHE_MAX_MB`` (default :data:`DEFAULT_MAX_MB`). A hit refreshes the file's
modification time; after a write that takes the folder over the bound, the least recently used
files are removed until it is at three quarters of it. A folder that cannot be written (read-only
deployment) only means no caching: pictures are then rendered every time, as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from lib.core import config

log = logging.getLogger(__name__)

RENDER_REVISION = "1"  # bump when the rendering around vl-convert changes (e.g. the alpha removal)
DEFAULT_MAX_MB = 200
SUBDIR = "deck-png"


def root() -> Path:
    """The cache root shared by what the deck keeps on disk: ``PANTAU_CACHE_DIR``, else ``cache/``
    in the project folder (the kept decks of :mod:`lib.briefing.store` go to its ``deck/``)."""
    base = os.environ.get("PANTAU_CACHE_DIR")
    return Path(base) if base else config.PROJECT_DIR / "cache"


def directory() -> Path:
    """The folder of the kept pictures (not created here): ``PANTAU_CACHE_DIR`` itself when set,
    else ``cache/deck-png/``."""
    base = os.environ.get("PANTAU_CACHE_DIR")
    return Path(base) if base else root() / SUBDIR


def max_bytes() -> int:
    raw = os.environ.get("PANTAU_CACHE_MAX_MB", "")
    try:
        mb = float(raw) if raw.strip() else DEFAULT_MAX_MB
    except ValueError:
        log.warning("PANTAU_CACHE_MAX_MB=%r is not a number; using %s", raw, DEFAULT_MAX_MB)
        mb = DEFAULT_MAX_MB
    return int(mb * 1024 * 1024)


def _renderer_version() -> str:
    try:
        import vl_convert as vlc

        return str(getattr(vlc, "__version__", "?"))
    except ImportError:  # pragma: no cover - a dependency of the deck
        return "none"


def key(spec: dict, **params: object) -> str:
    """The content address of ``spec`` rendered with ``params`` (scale, language, …)."""
    payload = json.dumps(
        {
            "spec": spec,
            "params": params,
            "renderer": _renderer_version(),
            "revision": RENDER_REVISION,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def png(spec: dict, render: Callable[[], bytes], **params: object) -> bytes:
    """The PNG of ``spec``: from the folder when it was rendered before, else ``render()`` and kept."""
    folder = directory()
    path = folder / f"{key(spec, **params)}.png"
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    if data:
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: the clean-up keeps it
        return data
    data = render()
    keep(folder, path, data)
    return data


def keep(folder: Path, path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` in ``folder`` atomically (a reader never sees half a file), then
    bound the folder's size (:func:`cleanup` of files with ``path``'s suffix); whether it was kept.
    Errors only log: a folder that cannot be written means no caching. Shared with
    :mod:`lib.briefing.store`."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".part-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        cleanup(folder, suffix=path.suffix)
    except OSError as exc:
        log.warning("%s not kept in %s: %s", path.name, folder, exc)
        return False
    return True


def cleanup(folder: Path | None = None, limit: int | None = None, suffix: str = ".png") -> int:
    """Remove the least recently used files ending in ``suffix`` while the folder holds more than
    ``limit`` bytes of them, down to three quarters of it; returns the number of files removed."""
    folder = folder or directory()
    limit = max_bytes() if limit is None else limit
    files = []
    for entry in os.scandir(folder) if folder.is_dir() else ():
        if entry.is_file() and entry.name.endswith(suffix) and not entry.name.startswith("."):
            st = entry.stat()
            files.append((st.st_mtime, st.st_size, entry.path))
    total = sum(size for _, size, _ in files)
    if total <= limit:
        return 0
    removed = 0
    for _, size, name in sorted(files):
        if total <= limit * 3 // 4:
            break
        try:
            os.unlink(name)
        except OSError:
            continue
        total -= size
        removed += 1
    return removed
