"""Access (README): roles from [akses] or the ID-token claim, the camat's locked scope, page rights,
local mode, and the app's login gate through AppTest with ``at.user`` and ``at.secrets``."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import select
from streamlit import config as st_config
from streamlit.navigation.page import calc_hash
from streamlit.testing.v1 import AppTest

from lib.app import nav
from lib.core import access, audit, db
from lib.core.access import Access, AccessDenied, exact_figures, may_open, parse_role, restrict
from lib.core.filters import Filters
from lib.core.models import AuditLog, ImportLog
from lib.semantic import analytics, query
from tests.builders import BISSAPPU, BONTO_JAI, TAPPANJENG, dataset
from tests.conftest import ROOT
from tests.test_pages import as_read

KEC = {"73.03.01", "73.03.02"}
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "uji-rahasia-cookie-yang-cukup-panjang-0123456789",
    "client_id": "pantau",
    "client_secret": "uji",
    "server_metadata_url": "http://localhost:9/.well-known/openid-configuration",
}
AKSES = {
    "Bupati@Bantaeng.go.id": "pimpinan",
    "camat@bantaeng.go.id": "camat:73.03.01",
    "operator@bantaeng.go.id": "operator",
    "admin@bantaeng.go.id": "admin",
    "salah@bantaeng.go.id": "kepala",
}
SECRETS = {"auth": AUTH, "akses": AKSES}


def logged_in(email: str, **claims) -> dict:
    return {"is_logged_in": True, "email": email, "name": email.split("@")[0].title(), **claims}


# --- the model ------------------------------------------------------------------------------------


def test_roles_parse_and_bad_ones_are_refused():
    assert parse_role("pimpinan") == ("pimpinan", None)
    assert parse_role(" Operator ") == ("operator", None)
    assert parse_role("camat:73.03.01") == ("camat", "73.03.01")
    assert parse_role("camat:730301", KEC) == ("camat", "73.03.01")
    for bad in ("kepala", "camat", "camat:73.03", "camat:73.03.99", "admin:73.03.01", "", None, 3):
        with pytest.raises(ValueError):
            parse_role(bad, KEC)


def test_resolve_reads_the_table_then_the_claim():
    assert access.resolve({}, {}) is access.LOCAL_ADMIN  # no [auth]: local mode
    assert access.resolve({"is_logged_in": False}, SECRETS) is None
    bupati = access.resolve(logged_in("bupati@bantaeng.go.id"), SECRETS, kecamatan_codes=KEC)
    assert (bupati.role, bupati.kecamatan, bupati.mode) == ("pimpinan", None, "oidc")
    camat = access.resolve(logged_in("CAMAT@bantaeng.go.id"), SECRETS, kecamatan_codes=KEC)
    assert (camat.role, camat.kecamatan, camat.role_text) == ("camat", "73.03.01", "camat:73.03.01")
    # An unlisted email takes the claim; a listed one keeps the table's role whatever the claim.
    claim = access.resolve(logged_in("lain@x.id", pantau_peran="operator"), SECRETS)
    assert claim.role == "operator"
    assert (
        access.resolve(logged_in("bupati@bantaeng.go.id", pantau_peran="admin"), SECRETS).role
        == "pimpinan"
    )
    assert access.resolve(logged_in("lain@x.id", pantau_peran=["camat:73.03.02"]), SECRETS).role
    # Unknown email without claim, a bad role in the table, a camat of an unknown kecamatan.
    assert access.resolve(logged_in("siapa@x.id"), SECRETS).role is None
    assert access.resolve(logged_in("salah@bantaeng.go.id"), SECRETS).role is None
    odd = logged_in("lain@x.id", pantau_peran="camat:73.03.77")
    assert access.resolve(odd, SECRETS, kecamatan_codes=KEC).role is None
    # An address the provider did not verify does not pick up the table's role.
    unverified = logged_in("admin@bantaeng.go.id", email_verified=False)
    assert access.resolve(unverified, SECRETS).role is None


def test_page_rights_per_role():
    roles = {
        "pimpinan": Access("p@x", "P", "pimpinan"),
        "camat": Access("c@x", "C", "camat", "73.03.01"),
        "operator": Access("o@x", "O", "operator"),
        "admin": Access("a@x", "A", "admin"),
    }
    data = nav.by_path("data")
    for name, who in roles.items():
        assert may_open("pimpinan", who)
        assert may_open(data.role, who) == (name in ("operator", "admin"))
        assert may_open("admin", who) == (name == "admin")
        assert exact_figures(who, True) == (name in ("operator", "admin"))
        assert exact_figures(who, False)
    nobody = Access("n@x", "N", None)
    assert not may_open("pimpinan", nobody) and not may_open("pimpinan", None)
    assert not exact_figures(None, True)
    assert access.LOCAL_ADMIN.is_admin and access.server().is_admin


def test_restrict_locks_a_camat_to_their_kecamatan():
    camat = Access("c@x", "C", "camat", "73.03.01")
    wide = Filters(kecamatan=("73.03.02",), desa=(TAPPANJENG, BONTO_JAI), tahun=(2023,))
    narrowed, notices = restrict(wide, camat)
    assert narrowed == Filters(kecamatan=(BISSAPPU,), desa=(BONTO_JAI,), tahun=(2023,))
    assert len(notices) == 2 and "73.03.02" in notices[0] and TAPPANJENG in notices[1]
    assert restrict(Filters(), camat)[0] == Filters(kecamatan=(BISSAPPU,))
    assert "outside your area" in restrict(wide, camat, "en")[1][0]
    # Other roles keep their filters; nobody gets no figures at all.
    assert restrict(wide, Access("p@x", "P", "pimpinan")) == (wide, [])
    with pytest.raises(AccessDenied):
        restrict(wide, None)
    with pytest.raises(AccessDenied):
        restrict(wide, Access("n@x", "N", None))


def test_loopback_addresses():
    for address in ("localhost", "127.0.0.1", "127.0.1.1", "::1", "[::1]"):
        assert access.is_loopback(address), address
    for address in (None, "", "0.0.0.0", "::", "192.168.1.10", "pantau.example.go.id"):
        assert not access.is_loopback(address), address


# --- the app ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app_db(tmp_path_factory):
    """A small dataset: Bissappu has 6 participants, Bantaeng 2."""
    url = f"sqlite:///{tmp_path_factory.mktemp('akses') / 'pantau.db'}"
    analytics.ensure_ready(url)
    with dataset(url) as d:
        kelas = d.kelas("GAR-01", tahun=2023)
        for i in range(6):
            d.enrol(d.person(f"Bissappu {i}", desa=BONTO_JAI), kelas, "selesai", uji="kompeten")
        for i in range(2):
            d.enrol(d.person(f"Bantaeng {i}", desa=TAPPANJENG, lahir=date(2008, 1, 1)), kelas)
    return url


def app(url, monkeypatch, user: dict | None, *, secrets=SECRETS, params=None) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    if secrets:
        at.secrets = secrets
    if user is not None:
        at.user = user
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def open_path(at: AppTest, path: str) -> AppTest:
    """Open a page by its URL path, as a typed URL does (also a page the role may not open)."""
    at._page_hash = calc_hash(path)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


ELEMENTS = (
    "title", "markdown", "caption", "info", "warning", "error", "success", "text", "metric",
    "dataframe", "button",
)  # fmt: skip


def every_tab(at: AppTest, key: str) -> SimpleNamespace:
    """What a page of lazy tabs (``st.tabs(..., on_change="rerun", key=key)``) shows in all of
    them: each tab is opened in turn, and its elements are gathered with those outside the tabs
    (taken once). The result has the ``AppTest`` element lists of :data:`ELEMENTS`."""
    labels = [tab.label for tab in at.tabs]
    seen: dict[str, list] = {name: list(getattr(at, name)) for name in ELEMENTS}
    for label in labels[1:]:
        at.session_state[key] = label
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        tab = next(t for t in at.tabs if t.label == label)
        for name in ELEMENTS:
            seen[name].extend(getattr(tab, name))
    return SimpleNamespace(**seen)


def texts(at: AppTest) -> str:
    return "\n".join(
        as_read(e.value)
        for e in (*at.title, *at.markdown, *at.caption, *at.info, *at.warning, *at.error)
    )


def audit_rows(url: str, action: str) -> list[tuple[str, str, str]]:
    with db.get_engine(url).connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                select(AuditLog.who, AuditLog.what, AuditLog.filters)
                .where(AuditLog.action == action)
                .order_by(AuditLog.id)
            )
        ]


def test_anonymous_visitors_see_the_login_page_only(app_db, monkeypatch):
    at = app(app_db, monkeypatch, {"is_logged_in": False})
    assert [t.value for t in at.title] == ["Masuk ke Pantau"]
    assert [b.label for b in at.button] == ["Masuk"]
    assert not at.metric and not at.dataframe and not at.multiselect
    # A deep link shows the same page and nothing of the page asked for.
    at = app(app_db, monkeypatch, {"is_logged_in": False}, params={"kecamatan": "73.03.01"})
    at = open_path(at, "data")
    assert [t.value for t in at.title] == ["Masuk ke Pantau"] and not at.dataframe


def test_a_user_without_a_role_sees_no_figure(app_db, monkeypatch):
    at = app(app_db, monkeypatch, logged_in("tamu@lain.id"))
    assert at.title[0].value == "Belum ada akses"
    assert "tamu@lain.id" in as_read(at.info[0].value)
    assert not at.metric and not at.dataframe and not at.multiselect
    assert ("tamu@lain.id", "tanpa peran", "") in audit_rows(app_db, audit.REFUSED)


def test_pimpinan_sees_the_regency_and_is_refused_data(app_db, monkeypatch):
    at = app(app_db, monkeypatch, logged_in("bupati@bantaeng.go.id", iat=1700000001))
    assert at.title[0].value == "Ringkasan" and at.metric
    side = "\n".join(m.value for m in at.sidebar.markdown) + "\n".join(
        c.value for c in at.sidebar.caption
    )
    assert "Bupati" in side and "Pimpinan (seluruh kabupaten)" in side
    assert not at.multiselect(key="f_kecamatan").disabled
    open_path(at, "data")
    assert at.title[0].value == "Data & Impor"
    assert "hanya dapat dibuka oleh peran operator atau admin" in at.error[0].value
    assert not at.dataframe and not at.file_uploader
    assert ("bupati@bantaeng.go.id", "/data", "") in audit_rows(app_db, audit.REFUSED)


def test_login_is_audited_once_per_token(app_db, monkeypatch):
    user = logged_in("operator@bantaeng.go.id", iat=1700000777)
    app(app_db, monkeypatch, user)
    app(app_db, monkeypatch, user)  # a reload, a second tab: the same login
    rows = [r for r in audit_rows(app_db, audit.LOGIN) if r[1] == "token 1700000777"]
    assert rows == [("operator@bantaeng.go.id", "token 1700000777", "")]


def test_camat_is_locked_to_their_kecamatan_whatever_the_url(app_db, monkeypatch):
    at = app(
        app_db, monkeypatch, logged_in("camat@bantaeng.go.id"), params={"kecamatan": "73.03.02"}
    )
    kec = at.multiselect(key="f_kecamatan")
    assert kec.value == [BISSAPPU] and kec.disabled and kec.options == ["Bissappu"]
    assert "Filter kecamatan “Bantaeng” di luar wilayah Anda diabaikan" in texts(at)
    assert at.query_params["kecamatan"] == BISSAPPU

    params = {"desa": f"{TAPPANJENG},{BONTO_JAI}", "tahun": "2023"}
    at = app(app_db, monkeypatch, logged_in("camat@bantaeng.go.id"), params=params)
    assert at.multiselect(key="f_kecamatan").value == [BISSAPPU]
    assert at.multiselect(key="f_desa").value == [BONTO_JAI]
    assert at.query_params["kecamatan"] == BISSAPPU and at.query_params["desa"] == BONTO_JAI
    assert "Desa “Tappanjeng” di luar kecamatan Anda (Bissappu) diabaikan." in texts(at)
    # The figures are Bissappu's (6 participants), not the regency's (8).
    expected = query.indicators(
        db.get_engine(app_db), Filters(kecamatan=(BISSAPPU,), desa=(BONTO_JAI,), tahun=(2023,))
    )
    assert expected["peserta"] == 6
    assert {m.label: m.value for m in at.metric}["Peserta"] == "6"
    # A later link that asks for another kecamatan does not widen it either.
    at.query_params["kecamatan"] = "73.03.02"
    at.run()
    assert at.multiselect(key="f_kecamatan").value == [BISSAPPU]
    assert {m.label: m.value for m in at.metric}["Peserta"] == "6"
    # Nor does the reset button.
    at.button(key="f_reset").click().run()
    assert at.multiselect(key="f_kecamatan").value == [BISSAPPU]
    assert at.query_params["kecamatan"] == BISSAPPU


def test_operator_imports_as_themselves_and_only_admin_sees_the_audit_log(app_db, monkeypatch):
    at = open_path(app(app_db, monkeypatch, logged_in("operator@bantaeng.go.id")), "data")
    assert at.title[0].value == "Data & Impor"
    assert "Diimpor sebagai: operator@bantaeng.go.id" in [as_read(c.value) for c in at.caption]
    assert "Log audit" not in [t.label for t in at.tabs]
    assert not [t for t in at.text_input if t.key == "imp_user"]

    # A refusal to audit, made here (tests may run in any order and on any worker): the bupati
    # (pimpinan) opens /data by URL.
    open_path(app(app_db, monkeypatch, logged_in("bupati@bantaeng.go.id")), "data")
    at = open_path(app(app_db, monkeypatch, logged_in("admin@bantaeng.go.id")), "data")
    assert "Log audit" in [t.label for t in at.tabs]
    log = next(df.value for df in at.dataframe if "Tindakan" in df.value.columns)
    assert {"Waktu", "Pengguna", "Peran", "Keterangan", "Filter"} <= set(log.columns)
    assert "akses ditolak" in set(log["Tindakan"])


def test_a_claimed_role_works_like_a_listed_one(app_db, monkeypatch):
    at = app(app_db, monkeypatch, logged_in("kasi@lain.id", pantau_peran="camat:73.03.02"))
    assert at.multiselect(key="f_kecamatan").value == ["73.03.02"]
    # Bantaeng has 2 participants: a camat is leadership, so the small count is hidden.
    assert {m.label: m.value for m in at.metric}["Peserta"] == "<5"


def test_logout_returns_to_the_login_page_and_is_audited(app_db, monkeypatch):
    at = app(app_db, monkeypatch, logged_in("admin@bantaeng.go.id"))
    at.button(key="akses_logout").click().run()
    assert at.user == {"is_logged_in": False}
    at.run()
    assert [t.value for t in at.title] == ["Masuk ke Pantau"] and not at.metric
    assert ("admin@bantaeng.go.id", "", "") in audit_rows(app_db, audit.LOGOUT)


def test_local_mode_serves_data_on_loopback_only(app_db, monkeypatch):
    at = app(app_db, monkeypatch, None, secrets=None)
    assert at.title[0].value == "Ringkasan" and at.metric
    assert "Mode lokal" in "\n".join(c.value for c in at.sidebar.caption)
    before = st_config.get_option("server.address")
    try:
        st_config.set_option("server.address", "0.0.0.0")
        at = app(app_db, monkeypatch, None, secrets=None)
    finally:
        st_config.set_option("server.address", before)
    assert at.title[0].value == "Login belum dikonfigurasi"
    assert "0.0.0.0" in at.warning[0].value and "[auth]" in at.code[0].value
    assert not at.metric and not at.dataframe


def test_web_import_history_names_the_logged_in_user(app_db, monkeypatch, tmp_path):
    from lib.intake import importer
    from tests.intake_files import DTKS, csv_bytes, dtks_row

    who = Access("operator@bantaeng.go.id", "Operator", "operator")
    data = csv_bytes(DTKS, [dtks_row(41)])
    result = importer.run(data, url=app_db, kind="dtks", file_name="dtks.csv", user=who)
    assert result.outcome == "dimuat"
    with db.get_engine(app_db).connect() as conn:
        user = conn.execute(select(ImportLog.user).where(ImportLog.id == result.import_id))
        assert user.scalar_one() == "operator@bantaeng.go.id"
    rows = audit_rows(app_db, audit.IMPORT)
    assert rows[-1][0] == "operator@bantaeng.go.id" and "dtks.csv" in rows[-1][1]
