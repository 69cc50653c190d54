"""Who may see what (README, Access): roles, area scope and the pages of each role.

Pure Python: no Streamlit here. ``lib.app.ui`` hands :func:`resolve` the identity token that
``st.user`` holds and the secrets; the semantic layer and the pages ask :func:`restrict`,
:func:`may_open` and :func:`exact_figures`.

Roles, from the ``[akses]`` table of ``.streamlit/secrets.toml`` (lower-case email → role) or, for an
email the table does not list, from the ID-token claim ``pantau_peran`` (same syntax):

* ``pimpinan``: every leadership page, the whole regency;
* ``camat:<kecamatan code>``: the leadership pages, locked to that kecamatan;
* ``operator``: adds ``/data`` (import, quarantine, lists of persons);
* ``admin``: adds the audit log and user-facing settings.

Without ``[auth]`` Pantau runs in local mode: every visitor is admin, and data is served only while the
server listens on a loopback address (see :func:`is_loopback`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lib.core.filters import Filters, Reference, normalise_kecamatan_code

PIMPINAN, CAMAT, OPERATOR, ADMIN = "pimpinan", "camat", "operator", "admin"
ROLES = (PIMPINAN, CAMAT, OPERATOR, ADMIN)
# What a page may require (``lib.app.nav.PageSpec.role``) and what each role reaches.
LEVEL = {PIMPINAN: 1, CAMAT: 1, OPERATOR: 2, ADMIN: 3}
CLAIM = "pantau_peran"  # ID-token claim read for an email that [akses] does not list
AKSES = "akses"  # the secrets table: email -> role
LOCAL, OIDC, SERVER_MODE = "lokal", "oidc", "server"
LOOPBACK_NAMES = {"localhost", "::1", "ip6-localhost"}
_KEC_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")


class AccessDenied(PermissionError):
    """Figures were asked for on behalf of nobody, or of a user without a role."""


@dataclass(frozen=True)
class Access:
    """The person behind the current session and what they may see.

    ``role`` is ``None`` for a logged-in user without a role (the "no access yet" page).
    ``kecamatan`` is set for a camat only. ``mode``: ``oidc`` (logged in), ``lokal`` (local mode, no
    login configured) or ``server`` (the CLI and other server-side jobs).
    """

    email: str
    name: str
    role: str | None
    kecamatan: str | None = None
    mode: str = OIDC

    @property
    def has_role(self) -> bool:
        return self.role in ROLES

    @property
    def level(self) -> int:
        return LEVEL.get(self.role or "", 0)

    @property
    def is_operator(self) -> bool:
        """Operator or admin: lists of persons, imports, exact figures."""
        return self.level >= LEVEL[OPERATOR]

    @property
    def is_admin(self) -> bool:
        return self.level >= LEVEL[ADMIN]

    @property
    def role_text(self) -> str:
        """The role as written in ``[akses]`` (``camat:73.03.01``), or "" without a role."""
        if self.role == CAMAT:
            return f"{CAMAT}:{self.kecamatan}"
        return self.role or ""

    @property
    def who(self) -> str:
        """How the audit log and the import history name this person."""
        if self.mode == LOCAL:
            return "lokal"
        return self.email or self.name or "?"


# Local mode: no login configured, every visitor is admin (data only on a loopback address).
LOCAL_ADMIN = Access(email="", name="Mode lokal", role=ADMIN, mode=LOCAL)


def server(name: str = "cli") -> Access:
    """The server itself (CLI commands, scheduled jobs): admin, exact figures (docs/indicators.md: ``kpi``)."""
    return Access(email="", name=name, role=ADMIN, mode=SERVER_MODE)


def parse_role(
    text: object, kecamatan_codes: Iterable[str] | None = None
) -> tuple[str, str | None]:
    """``"camat:73.03.01"`` → ``("camat", "73.03.01")``; ``"Operator "`` → ``("operator", None)``.

    Raises ``ValueError`` for anything else, including a camat of a kecamatan that is not in
    ``kecamatan_codes`` (when given) or a malformed code (``730301`` is accepted as ``73.03.01``).
    """
    if not isinstance(text, str):
        raise ValueError(f"role is not text: {text!r}")
    role, _, rest = text.strip().partition(":")
    role = role.strip().lower()
    if role == CAMAT:
        code = normalise_kecamatan_code(rest)
        if not _KEC_CODE.match(code):
            raise ValueError(f"not a kecamatan code: {rest!r}")
        if kecamatan_codes is not None and code not in set(kecamatan_codes):
            raise ValueError(f"unknown kecamatan: {code}")
        return CAMAT, code
    if rest or role not in (PIMPINAN, OPERATOR, ADMIN):
        raise ValueError(f"unknown role: {text!r}")
    return role, None


def auth_configured(secrets: Mapping) -> bool:
    """True when the secrets carry Streamlit's ``[auth]`` section (login required)."""
    return isinstance(secrets.get("auth"), Mapping) and bool(secrets.get("auth"))


def akses_table(secrets: Mapping) -> dict[str, str]:
    """The ``[akses]`` table with lower-case, trimmed emails."""
    table = secrets.get(AKSES) or {}
    if not isinstance(table, Mapping):
        return {}
    return {str(k).strip().lower(): v for k, v in table.items()}


def resolve(
    user: Mapping | None,
    secrets: Mapping,
    *,
    kecamatan_codes: Iterable[str] | None = None,
) -> Access | None:
    """The :class:`Access` of a session, from ``st.user`` (as a dict) and the secrets (as a dict).

    * no ``[auth]`` in the secrets: local mode, :data:`LOCAL_ADMIN` (the caller still checks the
      server address with :func:`is_loopback`);
    * ``[auth]`` and nobody logged in: ``None`` (the login page);
    * logged in: the role of the ``[akses]`` table for the email, else of the claim ``pantau_peran``;
      an unknown or malformed role, or none, gives ``role=None`` (the "no access yet" page).

    The ``[akses]`` table is consulted only for an email that the provider has not marked
    unverified (``email_verified: false``): a self-chosen address must not pick up someone's role.
    """
    if not auth_configured(secrets):
        return LOCAL_ADMIN
    user = dict(user or {})
    if not user.get("is_logged_in"):
        return None
    email = str(user.get("email") or "").strip().lower()
    name = str(user.get("name") or email or user.get("sub") or "?").strip()
    verified = user.get("email_verified", True) not in (False, "false", "False", 0)
    table = akses_table(secrets)
    raw = table.get(email) if email and verified and email in table else user.get(CLAIM)
    if isinstance(raw, list | tuple):  # a provider may send a one-element list
        raw = raw[0] if len(raw) == 1 else None
    try:
        role, kec = parse_role(raw, kecamatan_codes)
    except ValueError:
        role, kec = None, None
    return Access(email=email, name=name, role=role, kecamatan=kec, mode=OIDC)


def may_open(required: str, access: Access | None) -> bool:
    """Whether ``access`` reaches a page that requires role ``required`` (``pimpinan`` for every
    leadership page, ``operator`` for ``/data``, ``admin`` for the audit log)."""
    return access is not None and access.has_role and access.level >= LEVEL[required]


def exact_figures(access: Access | None, suppression_on: bool | None = None) -> bool:
    """True when ``access`` sees exact figures: suppression is off in the programme settings
    (``[privasi] supresi_aktif``), or the role is operator or admin (docs/indicators.md). A leadership role
    (pimpinan, camat) and anybody without a role get suppressed figures."""
    if suppression_on is None:
        from lib.core.config import settings

        suppression_on = settings().supresi_aktif
    if not suppression_on:
        return True
    return access is not None and access.is_operator


def restrict(
    filters: Filters, access: Access | None, lang: str = "id", ref: Reference | None = None
) -> tuple[Filters, list[str]]:
    """Narrow ``filters`` to what ``access`` may see; returns the filters and notices (in ``lang``;
    with ``ref``, kecamatan and villages are named, else given by code).

    A camat's filters always carry exactly their kecamatan; villages outside it are dropped (with a
    notice), so that neither the URL nor the controls can widen the view. Other roles keep their
    filters unchanged. Raises :class:`AccessDenied` for ``None`` (nobody) or a user without a role:
    no figure is computed for them. The CLI passes :func:`server`.
    """
    from lib.core.i18n import t

    if access is None or not access.has_role:
        raise AccessDenied("no role: no figures")
    if access.role != CAMAT or access.kecamatan is None:
        return filters, []
    kec = access.kecamatan
    kec_name = (lambda k: ref.kecamatan.get(k, k)) if ref else (lambda k: k)
    desa_name = (lambda d: ref.villages[d][0] if d in ref.villages else d) if ref else (lambda d: d)
    own = kec_name(kec)
    notices = [
        t("akses.notice.kecamatan", lang, value=kec_name(k), own=own)
        for k in filters.kecamatan
        if k != kec
    ]
    inside = tuple(d for d in filters.desa if d.startswith(kec + "."))
    notices += [
        t("akses.notice.desa", lang, value=desa_name(d), own=own)
        for d in filters.desa
        if d not in inside
    ]
    return filters.replace(kecamatan=(kec,), desa=inside), notices


def is_loopback(address: str | None) -> bool:
    """Whether a ``server.address`` setting binds to this machine only.

    Unset (``None`` or ""), ``0.0.0.0`` and ``::`` listen on every interface: not loopback.
    """
    if not address:
        return False
    address = address.strip().strip("[]").lower()
    if address in LOOPBACK_NAMES:
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False
