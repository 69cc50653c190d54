"""What ``/glosarium`` and ``docs/indicators.md`` show: the measure registry as readable entries."""

from __future__ import annotations

from dataclasses import dataclass

from lib.core.i18n import t
from lib.semantic import measures


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    unit: str
    definition: str


def entries(lang: str = "id", *, indicators: bool) -> list[Entry]:
    """The measures of docs/indicators.md (``indicators=True``) or every other declared measure."""
    return [
        Entry(m.key, m.label_for(lang), t(f"glos.unit.{m.unit}", lang), m.definition_for(lang))
        for m in measures.REGISTRY
        if m.indicator == indicators
    ]


def alert_rules(lang: str = "id") -> str:
    """The rules behind the alerts, with their parameters from the programme settings."""
    return t(
        "glos.alerts",
        lang,
        pct=measures.under_capacity_pct(),
        months=measures.untraced_after_months(),
    )


# --- docs/indicators.md ----------------------------------------------------------------------------

POLICY_TEXT = {
    "count": "jumlah orang/catatan: 1–{ambang_1} ditampilkan `<{ambang}`",
    "rate": "rasio: `–` bila dasarnya `{base}` 1–{ambang_1}",
    "money": "nilai uang: `–` bila dasarnya `{base}` 1–{ambang_1}",
    "median": "median: `–` bila dasarnya `{base}` 1–{ambang_1}",
    "none": "tidak disupresi (bukan hitungan orang)",
}


def _how(m: measures.Measure) -> str:
    if m.ratio:
        num, den, scale = m.ratio
        return f"`{num}` / `{den}` × {scale:,}".replace(",", ".")
    if m.derive:
        return "dari " + ", ".join(f"`{d}`" for d in m.derive[0])
    if m.median:
        return f"median per orang dari `{m.median}` (tabel `{m.cube}`)"
    if m.constant or m.key == "paket_total":
        return "pengaturan program / katalog"
    if m.plan:
        return "`lib.semantic.plan` / `lib.semantic.decisions`"
    if m.sql is not None:
        return f"agregat SQL atas tabel `{m.cube}`"
    return "label dan definisi saja (dihitung di `lib.semantic.decisions`)"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown() -> str:
    """``docs/indicators.md``: the registry as a document (a test fails when the file is stale)."""
    from lib.core.config import settings

    s = settings()
    ambang = s.ambang_sel_kecil
    lines = [
        "# Indikator dan ukuran Pantau",
        "",
        "<!-- Dibuat dari lib/semantic/measures.py oleh `make docs`; jangan disunting dengan tangan."
        " -->",
        "",
        "Setiap angka yang ditampilkan Pantau (halaman, ekspor, bahan paparan, `kpi`) didefinisikan "
        "sekali di registri ukuran `lib/semantic/measures.py` dan dihitung oleh satu fungsi kueri "
        "(`lib/semantic/query.py`) atas tabel analitik yang dibangun ulang setiap kali data berubah. "
        "Dokumen ini dibuat dari registri itu, dengan angka pengaturan program saat ini "
        f"(kuota {measures.text_values()['kuota']} orang, kelas {s.kapasitas_kelas} kursi, ambang "
        f"angka kecil {ambang}).",
        "",
        "## Cakupan filter",
        "",
        t("glos.scope_note"),
        "",
        t("glos.rounding"),
        "",
    ]

    def table(rows: list[measures.Measure]) -> None:
        lines.append(
            "| kunci | label (id / en) | satuan | tingkat | cara hitung | angka kecil | definisi |"
        )
        lines.append("|---|---|---|---|---|---|---|")
        for m in rows:
            policy = POLICY_TEXT[m.policy].format(
                ambang=ambang, ambang_1=ambang - 1, base=m.base or ""
            )
            lines.append(
                f"| `{m.key}` | {_cell(m.label)} / {_cell(m.label_en)} | {m.unit} | {m.level} | "
                f"{_how(m)} | {policy} | {_cell(m.definition_for('id'))} |"
            )
        lines.append("")

    lines += ["## Indikator (keluaran `kpi --json`, urutan ini)", ""]
    table([m for m in measures.REGISTRY if m.indicator])
    lines += ["## Ukuran halaman, paparan dan keputusan", ""]
    table([m for m in measures.REGISTRY if not m.indicator])
    lines += [
        "## Dimensi",
        "",
        "| kunci | label (id / en) | kolom | tabel yang memilikinya |",
        "|---|---|---|---|",
    ]
    for d in measures.DIMENSIONS.values():
        cubes = ", ".join(f"`{c.key}`" for c in measures.CUBES.values() if d.key in c.dims)
        lines.append(f"| `{d.key}` | {d.label} / {d.label_en} | `{d.column}` | {cubes} |")
    lines += [
        "",
        "## Tabel analitik (kubus) dan filter yang berlaku",
        "",
        "| kubus | tabel | filter yang berlaku |",
        "|---|---|---|",
    ]
    for c in measures.CUBES.values():
        lines.append(
            f"| `{c.key}` | `{getattr(c.table, 'name', c.key)}` | {', '.join(c.filters)} |"
        )
    lines += [
        "",
        "## Aturan bersama (satu aturan, parameternya di `data/programme.toml`)",
        "",
        f"- Ditempatkan: status survei terakhir {' atau '.join(measures.PLACED)}.",
        f"- Kelas kurang terisi: terisi di bawah {measures.under_capacity_pct()}% kapasitas "
        "(`[aturan] keterisian_rendah_persen`).",
        f"- Belum ditelusuri lewat waktu: kelas selesai sedikitnya "
        f"{measures.untraced_after_months()} bulan sebelum tanggal data "
        "(`[aturan] telusur_setelah_bulan`).",
        "- Target tahunan berlaku untuk seluruh kabupaten: ditampilkan hanya bila tidak ada filter "
        "selain tahun.",
        "",
        t("glos.h.peringatan") + ":",
        "",
        alert_rules("id"),
        "",
        "## Palet (aman bagi buta warna, dipakai halaman, peta dan paparan)",
        "",
        "| status | warna |",
        "|---|---|",
    ]
    for key, colour in measures.OUTCOME_COLOURS.items():
        lines.append(f"| {key} | `{colour}` |")
    return "\n".join(lines) + "\n"
