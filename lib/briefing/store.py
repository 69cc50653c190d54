"""Whole decks kept on disk: built once per data version, filter, language and viewer, then read back.

Building a :class:`lib.briefing.slides.Deck` runs every query of the briefing (seconds at demo scale
20); reading a kept one takes milliseconds. A deck is written as JSON (never pickle: a file planted
in the folder must never run code) and read back exactly: every value is encoded and checked
against the deck's own dataclass annotations (tuples stay tuples, dates dates, ``int`` and ``float``
apart, bytes as base64, and a picture must be a PNG). A file that does not parse or does not match
the types is ignored and removed, never shown (fail closed); the deck is then built again.

The file name is a SHA-256 (:func:`key`) of everything that decides a deck: the database identity
(its URL without any password), the data version (bumped by every import and seed), the data date
(and today's date when there is none, as the deck then counts from today), the filters (field by
field, in their order), the language, whether the viewer sees exact figures, the programme
settings (small-count threshold and suppression among them, and everything else the deck quotes),
which pictures the deck carries, the village-boundary file, the picture renderer,
:data:`DECK_REVISION` and a digest of the source code of ``lib/``.

Directory: ``deck/`` under the cache root of :mod:`lib.briefing.png_cache` (``PANTAU_CACHE_DIR``,
else ``cache/``), with the same size bound (``PANTAU_CACHE_MAX_MB``, this folder counted on its
own) and least-recently-used clean-up. A folder that cannot be written only means no keeping.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import functools
import hashlib
import json
import logging
import os
import stat
import types
import typing
from collections.abc import Callable
from datetime import date
from pathlib import Path

from lib.briefing import png_cache, slides
from lib.core import config, db
from lib.core.filters import Filters

log = logging.getLogger(__name__)

# Bump when the deck's content or its types change (a new field, a sentence written differently,
# another figure): every kept deck then misses and is built again. The digest of lib/'s source in
# the key catches a forgotten bump in a deployment that ships the .py files; this constant is the
# contract (docs/architecture.md).
DECK_REVISION = "1"
SUBDIR = "deck"
SUFFIX = ".json"
FORMAT = "pantau-deck"
MAX_FILE_BYTES = 64 * 1024 * 1024  # a deck is about 1.5 MB; anything far larger is not one
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
IMAGES = ("all", "map", "none")  # slides.build's with_images / chart_images


class Invalid(ValueError):
    """A kept file that is not a deck of the current types."""


def directory() -> Path:
    """The folder of the kept decks (not created here)."""
    return png_cache.root() / SUBDIR


# --- the key -------------------------------------------------------------------------------------


def _public_url(url: str) -> str:
    """The database identity: the normalised URL with any password masked."""
    return db.get_engine(url).url.render_as_string(hide_password=True)


@functools.lru_cache(maxsize=1)
def source_digest() -> str:
    """SHA-256 of every ``.py`` file of ``lib/`` (path and bytes), once per process."""
    base = config.PROJECT_DIR / "lib"
    h = hashlib.sha256()
    for path in sorted(base.rglob("*.py")):
        h.update(path.relative_to(base).as_posix().encode() + b"\0")
        with contextlib.suppress(OSError):
            h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def _boundaries(settings: config.Settings) -> list | None:
    path = settings.boundaries_path()
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return [str(path)]
    return [str(path), st.st_size, st.st_mtime_ns]


def key(
    url: str,
    version: str,
    filters: Filters,
    lang: str,
    *,
    exact: bool,
    as_of: date | None,
    images: str = "all",
    settings: config.Settings | None = None,
    db_id: str = "",
) -> str:
    """The file name (without suffix) of the deck of these inputs (``db_id``: the database's
    :func:`lib.core.db.database_id`, so a database recreated at the same URL misses)."""
    if images not in IMAGES:
        raise ValueError(images)
    s = settings or config.settings()
    payload = {
        "db": _public_url(url),
        "db_id": db_id,
        "version": str(version),
        "as_of": as_of.isoformat() if as_of else None,
        "today": None if as_of else date.today().isoformat(),
        "filters": {f.name: list(getattr(filters, f.name)) for f in dataclasses.fields(filters)},
        "lang": lang,
        "exact": bool(exact),
        "threshold": s.ambang_sel_kecil,
        "suppression": s.supresi_aktif,
        "settings": {
            **{f.name: getattr(s, f.name) for f in dataclasses.fields(s) if f.name != "extra"},
            "toml": s.extra,
        },
        "images": images,
        "boundaries": _boundaries(s),
        "renderer": [png_cache._renderer_version(), png_cache.RENDER_REVISION],
        "revision": DECK_REVISION,
        "source": source_digest(),
    }
    text = json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- encoding and decoding -----------------------------------------------------------------------


@functools.cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def _encode(value: object, tp: object, where: str) -> object:
    """``value`` as JSON data, checked against the annotation ``tp``."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(tp):
            try:
                return _encode(value, option, where)
            except Invalid:
                continue
        raise Invalid(f"{where}: {type(value).__name__} is not {tp}")
    if tp is type(None):
        if value is None:
            return None
    elif origin is tuple:
        args = typing.get_args(tp)
        if isinstance(value, tuple) and len(args) == 2 and args[1] is Ellipsis:
            return [_encode(v, args[0], f"{where}[{i}]") for i, v in enumerate(value)]
    elif dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if type(value) is tp:
            hints = _hints(tp)
            return {
                f.name: _encode(getattr(value, f.name), hints[f.name], f"{where}.{f.name}")
                for f in dataclasses.fields(tp)
            }
    elif tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return int(value)
        if _is_numpy(value, "integer"):
            return int(value)  # type: ignore[call-overload]
    elif tp is float:
        if isinstance(value, float):
            return float(value)
        if _is_numpy(value, "floating"):
            return float(value)  # type: ignore[arg-type]
    elif tp is str:
        if isinstance(value, str):
            return value
    elif tp is bytes:
        if isinstance(value, bytes):
            return base64.b64encode(value).decode("ascii")
    elif tp is date:
        if type(value) is date:  # not a datetime
            return value.isoformat()
    else:
        raise Invalid(f"{where}: no encoding for {tp}")
    raise Invalid(f"{where}: {type(value).__name__} is not {tp}")


def _is_numpy(value: object, kind: str) -> bool:
    mod = type(value).__module__
    if not mod.startswith("numpy"):
        return False
    import numpy as np

    return isinstance(value, getattr(np, kind))


def _decode(data: object, tp: object, where: str) -> object:
    """The value of annotation ``tp`` that ``data`` (parsed JSON) encodes; :class:`Invalid` if none."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(tp):
            try:
                return _decode(data, option, where)
            except Invalid:
                continue
    elif tp is type(None):
        if data is None:
            return None
    elif origin is tuple:
        args = typing.get_args(tp)
        if isinstance(data, list) and len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(v, args[0], f"{where}[{i}]") for i, v in enumerate(data))
    elif dataclasses.is_dataclass(tp) and isinstance(tp, type):
        names = [f.name for f in dataclasses.fields(tp)]
        if isinstance(data, dict) and sorted(data) == sorted(names):
            hints = _hints(tp)
            values = {n: _decode(data[n], hints[n], f"{where}.{n}") for n in names}
            return tp(**values)
    elif tp is bool:
        if isinstance(data, bool):
            return data
    elif tp is int:
        if isinstance(data, int) and not isinstance(data, bool):
            return data
    elif tp is float:
        if isinstance(data, float):
            return data
    elif tp is str:
        if isinstance(data, str):
            return data
    elif tp is bytes:
        if isinstance(data, str):
            try:
                raw = base64.b64decode(data.encode("ascii"), validate=True)
            except (binascii.Error, UnicodeEncodeError) as exc:
                raise Invalid(f"{where}: not base64") from exc
            if not raw.startswith(PNG_SIGNATURE):  # the deck's only bytes are PNG pictures
                raise Invalid(f"{where}: not a PNG")
            return raw
    elif tp is date and isinstance(data, str) and len(data) == 10:
        try:
            return date.fromisoformat(data)
        except ValueError as exc:
            raise Invalid(f"{where}: not a date") from exc
    raise Invalid(f"{where}: {type(data).__name__} does not encode {tp}")


def encode(deck: slides.Deck, name: str = "") -> bytes:
    """``deck`` as the bytes of a kept file (``name``: its key, written inside and checked on
    reading). :class:`Invalid` when a value does not match the deck's types."""
    body = {
        "format": FORMAT,
        "revision": DECK_REVISION,
        "key": name,
        "deck": _encode(deck, slides.Deck, "deck"),
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(data: bytes, name: str = "") -> slides.Deck:
    """The deck of a kept file; :class:`Invalid` when it is not one of the current types."""
    try:
        body = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError, JSONDecodeError
        raise Invalid(f"not JSON: {exc}") from exc
    if not isinstance(body, dict) or sorted(body) != ["deck", "format", "key", "revision"]:
        raise Invalid("not a kept deck")
    if body["format"] != FORMAT or body["revision"] != DECK_REVISION or body["key"] != name:
        raise Invalid("another format, revision or key")
    try:
        deck = _decode(body["deck"], slides.Deck, "deck")
    except RecursionError as exc:
        raise Invalid("nested too deep") from exc
    assert isinstance(deck, slides.Deck)
    return deck


# --- the folder ----------------------------------------------------------------------------------


def _path(name: str) -> Path:
    if len(name) != 64 or any(c not in "0123456789abcdef" for c in name):
        raise ValueError(f"not a key: {name!r}")
    return directory() / f"{name}{SUFFIX}"


def _read(path: Path) -> bytes | None:
    """The file's bytes (never through a symbolic link, at most :data:`MAX_FILE_BYTES` + 1);
    ``None`` when there is no file to open, ``b""`` (not a deck) for anything but a regular file
    (a planted FIFO does not block: it is opened without waiting for a writer)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        try:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return b""
            return fh.read(MAX_FILE_BYTES + 1)
        except OSError:
            return b""


def load(name: str) -> slides.Deck | None:
    """The kept deck of key ``name``, or ``None``. A file that is not a valid deck (truncated,
    planted, of older types) is removed and ``None`` returned: it is never shown."""
    path = _path(name)
    data = _read(path)
    if data is None:
        if path.is_symlink():
            _discard(path, "a symbolic link")
        return None
    try:
        if len(data) > MAX_FILE_BYTES:
            raise Invalid("too large")
        deck = decode(data, name)
    except Invalid as exc:
        _discard(path, str(exc))
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: the clean-up keeps it
    return deck


def _discard(path: Path, reason: str) -> None:
    log.warning("kept deck %s ignored and removed: %s", path.name, reason[:200])
    with contextlib.suppress(OSError):
        path.unlink()


def save(name: str, deck: slides.Deck) -> bool:
    """Keep ``deck`` under key ``name``; whether it was kept (a deck that does not match its
    types, or a folder that cannot be written, is only logged)."""
    path = _path(name)
    try:
        data = encode(deck, name)
    except Invalid as exc:
        log.warning("deck not kept: %s", exc)
        return False
    return png_cache.keep(directory(), path, data)


def deck(
    url: str,
    version: str,
    filters: Filters,
    lang: str,
    *,
    exact: bool,
    as_of: date | None,
    build: Callable[[], slides.Deck],
    images: str = "all",
    db_id: str = "",
) -> slides.Deck:
    """The kept deck of these inputs, else ``build()``, kept for next time (``db_id`` as in
    :func:`key`)."""
    name = key(url, version, filters, lang, exact=exact, as_of=as_of, images=images, db_id=db_id)
    found = load(name)
    if found is not None:
        return found
    built = build()
    save(name, built)
    return built
