"""The /data page in AppTest: upload → dry-run preview → confirm → history, quarantine, quality,
and the dashboard's figures right after the import (no restart)."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from lib.core import fmt
from lib.semantic import analytics, measures
from tests.builders import dataset
from tests.intake_files import DTKS, counts, csv_bytes, dtks_row
from tests.test_pages import as_read

ROOT_APP = "dashboard.py"


@pytest.fixture
def app(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'pantau.db'}"
    analytics.ensure_ready(url)
    with dataset(url) as d:
        d.kelas("GAR-01", kode="K-2024-1", tahun=2024, mulai=date(2024, 3, 1))
        d.person("Penghuni")
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(f"../{ROOT_APP}", default_timeout=60).run()
    at.switch_page("app_pages/data.py").run()
    assert not at.exception
    return at, url


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def upload(at, name: str, data: bytes):
    at.file_uploader[0].set_value((name, data, "text/csv")).run()
    assert not at.exception


def test_preview_then_partial_load_then_history_quarantine_and_quality(app):
    at, url = app
    rows = [dtks_row(1, jenis_kelamin="L"), dtks_row(2, desil=11), dtks_row(3)]
    before = counts(url)
    upload(at, "dtks.csv", csv_bytes(DTKS, rows))
    assert metrics(at) == {"Baris data": "3", "Sah": "2", "Ditolak": "1", "Peringatan": "1"}
    assert any("akan DITOLAK" in e.value for e in at.error)
    issues = at.dataframe[0].value
    assert list(issues["Baris"]) == [2, 3]
    assert list(issues["Nilai"]) == [fmt.mask_nik(rows[0][0]), "11"]  # NIK masked
    preview = at.dataframe[1].value
    assert list(preview["nik"]) == [fmt.mask_nik(r[0]) for r in rows]
    confirm = at.button(key="imp_confirm")
    assert confirm.disabled and counts(url) == before  # the dry run wrote nothing

    at.checkbox(key="imp_partial").check().run()
    assert not at.button(key="imp_confirm").disabled
    at.button(key="imp_confirm").click().run()
    assert not at.exception
    assert "2 baris ditulis, 1 dikarantina, 1 peringatan" in at.success[0].value
    assert counts(url)["person"] == before["person"] + 2

    history = next(df.value for df in at.dataframe if "Pengguna" in df.value.columns)
    # The importer is the visitor (local mode: "lokal"), not a typed name.
    assert list(history["Pengguna"]) == ["lokal"] and list(history["Ditolak"]) == [1]
    quarantine = next(df.value for df in at.dataframe if "Alasan" in df.value.columns)
    assert list(quarantine["nik"]) == [fmt.mask_nik(rows[1][0])]
    labels = [e.label for e in at.expander]
    assert "NIK tidak cocok dengan jenis kelamin: 1" in labels


def test_the_dashboard_shows_the_new_figures_right_after_an_import(app):
    at, url = app
    label = measures.get("peserta").label
    at.switch_page("app_pages/ringkasan.py").run()
    assert metrics(at)[label] == "0"
    people = [dtks_row(i) for i in range(1, 4)]
    at.switch_page("app_pages/data.py").run()
    upload(at, "dtks.csv", csv_bytes(DTKS, people))
    at.button(key="imp_confirm").click().run()
    upload(
        at,
        "peserta.csv",
        csv_bytes(["nik", "kode_kelas", "status"], [[p[0], "K-2024-1", "aktif"] for p in people]),
    )
    assert "Jenis data: Peserta (pendaftaran kelas) (peserta)" in [c.value for c in at.caption]
    at.button(key="imp_confirm").click().run()
    assert not at.exception
    at.switch_page("app_pages/ringkasan.py").run()
    assert metrics(at)[label] == "3"


def test_unusable_and_wrong_kind_files_are_explained(app):
    at, _ = app
    at.selectbox(key="imp_kind").select("bantuan").run()
    upload(at, "dtks.csv", csv_bytes(DTKS, [dtks_row(1)]))
    assert 'tampaknya berjenis "dtks", bukan "bantuan"' in as_read(at.error[0].value)
    assert "yang tidak ada: jenis, tanggal, nilai_rupiah, status" in as_read(at.error[0].value)
    upload(at, "kosong.csv", csv_bytes(DTKS, []))
    assert "tanpa baris data" in as_read(at.error[0].value)
    assert not [b for b in at.button if b.key == "imp_confirm"]


def test_templates_tab_describes_every_column(app):
    at, _ = app
    at.selectbox(key="imp_tpl_kind").select("dtks").run()
    guide = next(
        df.value
        for df in at.dataframe
        if "Kolom" in df.value.columns and "Wajib" in df.value.columns
    )
    assert list(guide["Kolom"]) == [*DTKS, "dusun", "rw", "rt", "sumber", "tanggal_data"]
    assert "Teks" in guide.set_index("Kolom").loc["nik", "Isi dan format"]
