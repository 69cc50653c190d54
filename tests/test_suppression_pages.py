"""Small counts on the pages a leadership role sees: the cards, the one table renderer, the charts
and the downloads get the registry's policies through ``lib.semantic.guard``; an admin sees exact
figures. Hand-built data whose every cell is small."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from lib.app import cache
from lib.core import db
from lib.core.filters import Filters
from lib.semantic import analytics, guard, measures, query
from tests.builders import BONTO_CINDE, BONTO_JAI, TAPPANJENG, dataset
from tests.test_access import app, logged_in, open_path

SMALL = re.compile(r"^[1-4]$")
# Cards of counts of persons or records (classes, seats and packages are not suppressed).
PERSON_LABELS = {m.label for m in measures.REGISTRY if m.policy != "none"}


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    """Two packages with 3 and 9 participants; 2 completers placed in GAR-01; one KUR."""
    url = f"sqlite:///{tmp_path_factory.mktemp('kecil') / 'pantau.db'}"
    analytics.ensure_ready(url)
    with dataset(url) as d:
        d.data_date(date(2024, 6, 30))
        a = d.kelas("GAR-01", tahun=2023)
        b = d.kelas("OTO-01", tahun=2023)
        for i in range(3):
            person = d.person(f"A{i}", desa=BONTO_JAI)
            e = d.enrol(person, a, "selesai", uji="kompeten")
            if i < 2:
                d.survey(e, date(2023, 9, 1), "bekerja")
        d.aid(person, "kur", tanggal=date(2023, 10, 1), nilai=8_500_000)
        for i in range(9):
            d.enrol(d.person(f"B{i}", desa=TAPPANJENG if i % 2 else BONTO_CINDE), b, "aktif")
    return url


def test_guard_policies_come_from_the_registry():
    frame = pd.DataFrame(
        {
            "paket": ["X", "Y"],
            "peserta": [3, 9],
            "selesai": [3, 0],
            "persen_penempatan": [66.7, None],
        }
    )
    out, hidden = guard.frame(frame, 5)
    assert hidden
    assert out.loc[0, "peserta"] == "<5" and out.loc[1, "peserta"] != "<5"
    assert out.loc[0, "persen_penempatan"] == "–"  # its base (selesai = 3) is small
    assert guard.value("kur_nilai_rp", {"kur_nilai_rp": 8_500_000, "kur_disetujui": 1}, 5) == "–"
    assert guard.value("peserta", {"peserta": 0}, 5) == 0  # zero is shown as 0


def test_leadership_sees_no_small_count_and_admin_sees_exact_figures(small_db, monkeypatch):
    exact = query.indicators(db.get_engine(small_db), Filters(paket=("GAR-01",)))
    assert exact["peserta"] == 3 and exact["bekerja"] == 2  # the cells below must be hidden
    cache.clear()
    for path in ("", "paket", "hasil", "kuota"):
        at = open_path(app(small_db, monkeypatch, logged_in("bupati@bantaeng.go.id"),
                           params={"paket": "GAR-01"}), path)  # fmt: skip
        cards = {m.label: m.value for m in at.metric}
        people = {k: v for k, v in cards.items() if k in PERSON_LABELS}
        assert cards and not [v for v in people.values() if SMALL.match(str(v))], (path, cards)
        for df in at.dataframe:
            for col in df.value.columns:
                values = [v for v in df.value[col] if isinstance(v, int | float) and not pd.isna(v)]
                assert not [v for v in values if 1 <= v <= 4 and float(v).is_integer()
                            and not col.startswith(("Tahun", "Kelas"))], (path, col, values)  # fmt: skip
    at = open_path(
        app(small_db, monkeypatch, logged_in("admin@bantaeng.go.id"), params={"paket": "GAR-01"}),
        "",
    )
    assert {m.label: m.value for m in at.metric}["Peserta"] == "3"
