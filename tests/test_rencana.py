"""/rencana (Rencana & Prioritas) through AppTest on a hand-built dataset: each list against the
scenario worked out by hand and against ``lib.semantic.decisions`` (remaining classes, Wilson
intervals, ranking order, score parts, follow-up due dates), the filters, and who sees persons.

The scenario (data date 30 June 2023):

- class A, GAR-01 2022 (1 March – 30 April 2022): six women of Bonto Jai complete it, four tested
  kompeten; three were surveyed on 10 August 2022 (two self-employed, one employed), so 3 of 6 are
  placed; the first one applied for KUR on 1 May 2023 (still pending);
- class B, TIK-01 2023 (1 March – 30 April 2023): two residents of Tappanjeng (n under the
  small-count threshold, so TIK-01 is not ranked);
- two more eligible residents of Bonto Jai and three of Bonto Cinde never enrolled: Bonto Cinde
  has eligible people and no participant.
"""

from __future__ import annotations

import math
from datetime import date
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from lib.core import db, fmt
from lib.core.config import settings
from lib.core.filters import Filters
from lib.semantic import analytics, decisions
from tests.builders import BONTO_CINDE, BONTO_JAI, TAPPANJENG, dataset
from tests.conftest import ROOT
from tests.test_access import every_tab

AS_OF = date(2023, 6, 30)
SECRETS = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "uji-rahasia-cookie-yang-cukup-panjang-0123456789",
        "client_id": "pantau",
        "client_secret": "uji",
        "server_metadata_url": "http://localhost:9/.well-known/openid-configuration",
    },
    "akses": {"bupati@bantaeng.go.id": "pimpinan", "operator@bantaeng.go.id": "operator"},
}
NAMES = ("Ani", "Budi", "Citra", "Dewi", "Eka", "Fajar")


@pytest.fixture(scope="module")
def plan_db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('rencana') / 'pantau.db'}"
    analytics.ensure_ready(url)
    with dataset(url) as d:
        d.data_date(AS_OF)
        a = d.kelas("GAR-01", tahun=2022, mulai=date(2022, 3, 1), selesai=date(2022, 4, 30))
        b = d.kelas("TIK-01", tahun=2023, mulai=date(2023, 3, 1), selesai=date(2023, 4, 30))
        people = []
        for i, name in enumerate(NAMES):
            p = d.person(name, desa=BONTO_JAI, nik=f"73030110{i:08d}")
            e = d.enrol(p, a, "selesai", uji="kompeten" if i < 4 else "belum_kompeten")
            if i < 3:
                d.survey(e, date(2022, 8, 10), "wirausaha" if i < 2 else "bekerja")
            people.append(p)
        d.aid(people[0], "kur", tanggal=date(2023, 5, 1), nilai=10_000_000, status="diajukan")
        for i in range(2):
            d.enrol(d.person(f"Tappanjeng {i}", desa=TAPPANJENG), b, "selesai")
        for i in range(2):
            d.person(f"Menunggu {i}", desa=BONTO_JAI)
        for i in range(3):
            d.person(f"Cinde {i}", desa=BONTO_CINDE)
    return url


def open_rencana(url, monkeypatch, params=None, user=None) -> SimpleNamespace:
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    if user:
        at.secrets = SECRETS
        at.user = {"is_logged_in": True, "email": user, "name": user.split("@")[0]}
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page("app_pages/rencana.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return every_tab(at, "rencana_tab")  # the tabs are lazy: each is built when opened


def table(at: SimpleNamespace, column: str, nth: int = 0):
    """The ``nth`` grid on the page that has a column headed ``column``."""
    found = [df.value for df in at.dataframe if column in df.value.columns]
    assert len(found) > nth, (column, [list(df.value.columns) for df in at.dataframe])
    return found[nth]


def cards(at: SimpleNamespace) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_remaining_quota_as_classes_of_sixteen(plan_db, monkeypatch):
    at = open_rencana(plan_db, monkeypatch)
    s = settings()
    peserta = len(NAMES) + 2
    classes = math.ceil((s.kuota - peserta) / s.kapasitas_kelas)
    st_ = decisions.status(db.get_engine(plan_db))
    assert (st_.peserta, st_.kelas_dibutuhkan) == (peserta, classes)
    c = cards(at)
    assert c["Sisa kuota"] == fmt.number(s.kuota - peserta)
    assert c["Kelas yang masih dibutuhkan"] == fmt.number(classes)
    # The pace needed: whole persons with the unit (remaining quota over the months left).
    assert st_.laju_dibutuhkan is not None
    assert c["Laju yang dibutuhkan"] == f"{fmt.number(st_.laju_dibutuhkan)} orang/bulan"
    # One row per month from July 2023 to February 2025, the classes adding up, the last
    # cumulative target the quota (the last class has more seats than the quota still needs).
    months = (2025 - 2023) * 12 + 2 - 7 + 1
    sched = table(at, "Peserta baru")
    assert len(sched) == months
    assert sched["Kelas"].sum() == classes
    assert sched["Peserta baru"].sum() == s.kuota - peserta
    assert sched["Target kumulatif"].iloc[-1] == s.kuota
    assert list(sched["Dari"])[:2] == ["1 Juli 2023", "1 Agustus 2023"]
    assert sched["Sampai"].iloc[-1] == fmt.tanggal(s.tanggal_selesai)
    assert max(sched["Kelas"]) - min(sched["Kelas"]) <= 1  # spread evenly
    # The headline answers in words: behind, by how much.
    assert at.error and f"kurang {fmt.number(s.kuota - peserta)} orang" in at.error[0].value


def test_packages_with_wilson_intervals_and_small_groups_unranked(plan_db, monkeypatch):
    at = open_rencana(plan_db, monkeypatch)
    pk = table(at, "Selang 95% penempatan").set_index("Paket")
    gar = pk.loc["Menjahit Pakaian Wanita"]
    low, high = decisions.wilson(3, 6)  # three of six completers placed
    assert gar["Peringkat"] == 1 and gar["n (penempatan)"] == 6
    assert gar["Penempatan"] == pytest.approx(50.0)
    assert gar["Selang 95% penempatan"] == (
        f"{fmt.number(round(low * 100, 1), 1)}–{fmt.pct(round(high * 100, 1))}"
    )
    # Two completers of TIK-01: under the threshold of 5, listed without a rank and with the reason.
    tik = pk[pk["Keterangan"] == "Terlalu sedikit orang untuk diperingkat"]
    assert len(tik) == 1 and tik["Peringkat"].isna().all()
    # Packages that never ran come last, unranked.
    never = pk[pk["Keterangan"] == "Belum ada kelas"]
    assert len(never) == 38 and never["Peringkat"].isna().all()


def test_villages_by_unmet_need_list_the_ones_without_participants(plan_db, monkeypatch):
    at = open_rencana(plan_db, monkeypatch)
    villages = table(at, "Belum terlayani", 1)
    # Bonto Cinde: 3 eligible, nobody trained; Bonto Jai: 8 eligible, 6 trained.
    assert list(villages["Desa/kelurahan"][:2]) == ["Bonto Cinde", "Bonto Jai"]
    assert list(villages["Belum terlayani"][:2]) == [3, 2]
    flagged = villages[villages["Catatan"] == "Belum ada peserta"]
    assert list(flagged["Desa/kelurahan"]) == ["Bonto Cinde"]
    expected = decisions.villages_by_need(db.get_engine(plan_db)).table
    assert list(villages["Desa/kelurahan"]) == list(expected["nama_desa"])
    assert any("Bonto Cinde" in w.value for w in at.warning)
    # Each row links to the map and to the filtered overview of that village.
    links = at.dataframe[
        [i for i, df in enumerate(at.dataframe) if "Belum terlayani" in df.value.columns][1]
    ].value
    assert links["Peta"].iloc[0] == f"./peta?desa={BONTO_CINDE}"
    assert links["Tampilan terfilter"].iloc[0] == f"./?desa={BONTO_CINDE}"


def test_alumni_score_parts_and_weights(plan_db, monkeypatch):
    at = open_rencana(plan_db, monkeypatch)
    w = dict(decisions.parameters().bobot_prioritas)
    weights = table(at, "Bobot")
    assert list(weights["Bobot"]) == [w[p] for p in decisions.SCORE_PARTS]
    people = table(at, "Skor").set_index("Nama")
    ani = people.loc["Ani"]  # kompeten, self-employed, no KUR approved yet, desil 1
    need = 2 / 3  # Bonto Jai's unmet need (2) over the largest, Bonto Cinde's (3)
    expected = (
        w["kompeten"]
        + w["wirausaha"]
        + w["belum_dibantu"]
        + w["desil"]
        + w["kebutuhan_desa"] * need
    )
    assert ani["Skor"] == pytest.approx(round(expected, 3))
    assert ani["Kebutuhan desa"] == pytest.approx(round(need, 4))
    assert ani["NIK (disamarkan)"] == fmt.mask_nik("7303011000000000")
    assert "7303011000000000" not in people.to_string()
    fajar = people.loc["Fajar"]  # not kompeten, never surveyed
    assert (fajar["Kompeten"], fajar["Wirausaha"]) == (0, 0)
    # The per-dusun/RW counts: Ani and Budi are self-employed and not yet helped.
    groups = table(at, "Prioritas (berwirausaha, belum dibantu)")
    assert groups["Prioritas (berwirausaha, belum dibantu)"].sum() == 2


def test_follow_ups_due_most_overdue_first(plan_db, monkeypatch):
    at = open_rencana(plan_db, monkeypatch)
    due = table(at, "Jatuh tempo")
    # Class A ended 30 April 2022: the 3-month survey was due 30 July 2022, overdue 30 days later.
    first = due.iloc[0]
    assert first["Jatuh tempo"] == fmt.tanggal(date(2022, 8, 29))
    assert first["Hari terlambat"] == (AS_OF - date(2022, 8, 29)).days
    three = due[due["Survei bulan ke-"] == 3]
    assert sorted(three["Nama"]) == ["Dewi", "Eka", "Fajar"]  # the others were surveyed
    # 6 and 12 months: every completer of class A (the survey at 3 months does not settle them).
    assert (
        len(due[due["Survei bulan ke-"] == 6]) == 6 and len(due[due["Survei bulan ke-"] == 12]) == 6
    )
    assert list(due["Hari terlambat"]) == sorted(due["Hari terlambat"], reverse=True)
    assert cards(at)["Survei lanjutan terlambat"] == fmt.number(3 + 6 + 6)
    kur = table(at, "Hari menunggu")
    assert (
        list(kur["Nama"]) == ["Ani"]
        and kur["Hari menunggu"].iloc[0] == (AS_OF - date(2023, 5, 1)).days
    )


def test_filters_narrow_the_lists_and_label_the_share(plan_db, monkeypatch):
    at = open_rencana(plan_db, monkeypatch, {"desa": TAPPANJENG})
    villages = table(at, "Belum terlayani", 1)
    assert list(villages["Desa/kelurahan"]) == ["Tappanjeng"]
    share = decisions.fair_share(db.get_engine(plan_db), Filters(desa=(TAPPANJENG,)))
    info = " ".join(i.value for i in at.info)
    assert f"Porsi dari kuota kabupaten: {fmt.pct(share.porsi_kuota)}" in info
    assert "Capaian kuota" not in info
    # The status stays the programme's, and says so.
    assert "seluruh kabupaten" in at.error[0].value
    assert [b.label for b in at.button if b.label.startswith("Desa")] == [
        "Desa/Kelurahan: Tappanjeng"
    ]


def test_leadership_sees_counts_never_persons(plan_db, monkeypatch):
    at = open_rencana(plan_db, monkeypatch, user="bupati@bantaeng.go.id")
    headers = {c for df in at.dataframe for c in df.value.columns}
    assert "Nama" not in headers and "NIK (disamarkan)" not in headers
    shown = " ".join(df.value.to_string() for df in at.dataframe)
    assert not any(name in shown for name in NAMES)
    assert "Prioritas (berwirausaha, belum dibantu)" in headers
    assert any("hanya dapat dilihat operator" in c.value for c in at.caption)
