"""Altair chart builders of ``/hasil`` (Hasil Pasca Pelatihan).

They take the small frames of :mod:`lib.views.outcomes` and the UI language and never query. Pages
render them through ``cache.chart`` (which finishes them with :func:`lib.render.charts.finish`: the
Indonesian number locale, projector-sized text, title and filter stamp, and caches the spec) and
``ui.show_chart``. Values in tooltips and labels are pre-formatted with :mod:`lib.core.fmt`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib.core import fmt
from lib.core.i18n import t
from lib.render.charts import FONT_SIZE, PLAN, PRIMARY, SECONDARY
from lib.semantic.measures import BY_KEY
from lib.views import outcomes

# Status colours: the two "placed" outcomes in greens/blues, the rest warm or grey.
STATUS_COLORS = {
    "bekerja": "#1b7837",
    "wirausaha": "#0b5d7a",
    "belum_bekerja": "#e07b39",
    "melanjutkan_pendidikan": "#8c6bb1",
    "tidak_terlacak": "#b8bec4",
}
INK = "#1d2731"
# Streamlit fits the whole chart (title, filter stamp, axes, legend) into its height: room for those.
FRAME_PX = 120


def status_label(status: str, lang: str) -> str:
    ind = BY_KEY[status]
    return ind.label if lang == "id" else ind.label_en


def category_labels(table: pd.DataFrame, by: str, lang: str) -> list[str]:
    """Row labels of a :func:`lib.views.outcomes.status_table`: name and number of completers."""
    if by == "paket":
        names = table["paket"].fillna(table["paket_kode"])
    elif by == "bulan":
        names = [t(f"hasil.bulan.{b}", lang) for b in table["bulan"]]
    else:
        names = table["tahun"].astype(str)
    return [
        f"{n} ({fmt.number(s, lang=lang)})" for n, s in zip(names, table["selesai"], strict=True)
    ]


def status_chart(table: pd.DataFrame, by: str, lang: str = "id"):
    """100 % stacked bars: the latest status of the alumni of each package / year / month bucket."""
    df = table.copy()
    df["kategori"] = category_labels(df, by, lang)
    statuses = [s for s in outcomes.STATUSES if s in df.columns]
    long = df.melt(id_vars=["kategori", "selesai"], value_vars=statuses, var_name="status")
    long = long.rename(columns={"value": "orang"})
    long["persen"] = [
        round(o * 100 / s, 2) if s else 0.0
        for o, s in zip(long["orang"], long["selesai"], strict=True)
    ]
    long["status_teks"] = [status_label(s, lang) for s in long["status"]]
    long["orang_teks"] = [fmt.number(v, lang=lang) for v in long["orang"]]
    long["persen_teks"] = [fmt.pct(round(p, 1), lang) for p in long["persen"]]
    long["urutan"] = long["status"].map({s: i for i, s in enumerate(statuses)})
    long = long[long["orang"] > 0]  # an empty segment draws nothing; a smaller spec builds faster
    long = long[["kategori", "status_teks", "persen", "orang_teks", "persen_teks", "urutan"]]
    order = list(df["kategori"])
    labels = [status_label(s, lang) for s in statuses]
    color = alt.Color(
        "status_teks:N",
        title=None,
        scale=alt.Scale(domain=labels, range=[STATUS_COLORS[s] for s in statuses]),
        sort=labels,
        legend=alt.Legend(orient="bottom", columns=3, labelLimit=220),  # wraps on a phone
    )
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("kategori:N", title=None, sort=order),
            x=alt.X(
                "persen:Q",
                title=t("hasil.chart.persen_alumni", lang),
                stack="zero",
                scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(format=",d", values=[0, 25, 50, 75, 100]),
            ),
            color=color,
            order=alt.Order("urutan:Q"),
            tooltip=[
                alt.Tooltip("kategori:N", title=t(f"hasil.col.{by}", lang)),
                alt.Tooltip("status_teks:N", title=t("hasil.col.status", lang)),
                alt.Tooltip("orang_teks:N", title=t("hasil.col.orang", lang)),
                alt.Tooltip("persen_teks:N", title=t("hasil.col.persen", lang)),
            ],
        )
        .properties(height=FRAME_PX + 60 + 30 * len(order))
    )
    return chart


def funnel_chart(funnel: pd.DataFrame, lang: str = "id"):
    """Registered → completed → competent → employed/self-employed → KUR, as horizontal bars."""
    df = funnel.copy()
    df["tahap_teks"] = [t(f"hasil.funnel.{s}", lang) for s in df["tahap"]]
    df["label"] = [
        f"{fmt.number(o, lang=lang)} ({fmt.pct(p, lang)})" if p is not None and not pd.isna(p)
        else fmt.number(o, lang=lang)
        for o, p in zip(df["orang"], df["persen"], strict=True)
    ]  # fmt: skip
    order = list(df["tahap_teks"])
    y = alt.Y("tahap_teks:N", title=None, sort=order)
    xmax = max(1, int(df["orang"].max() or 0)) * 1.3  # room for the labels
    bars = (
        alt.Chart(df)
        .mark_bar(color=PRIMARY)
        .encode(
            y=y,
            x=alt.X(
                "orang:Q",
                title=t("hasil.col.orang", lang),
                scale=alt.Scale(domain=[0, xmax]),
                axis=alt.Axis(format=",d"),
            ),
            tooltip=[
                alt.Tooltip("tahap_teks:N", title=t("hasil.col.tahap", lang)),
                alt.Tooltip("label:N", title=t("hasil.col.orang", lang)),
            ],
        )
    )
    text = (
        alt.Chart(df)
        .mark_text(align="left", dx=5, fontSize=FONT_SIZE, color=INK)
        .encode(y=y, x="orang:Q", text="label:N")
    )
    return alt.layer(bars, text).properties(height=FRAME_PX + 40 * len(df))


def income_chart(income: pd.DataFrame, status: str, lang: str = "id", min_n: int = 5):
    """Median income before (grey) and after (orange) per package, in millions of rupiah, for one
    latest status; packages with fewer than ``min_n`` persons stay in the table only."""
    df = income[(income["status"] == status) & (income["n"] >= min_n)].copy()
    everyone = t("hasil.income.semua", lang)
    df["label"] = [
        f"{everyone if k == '' else p} (n={fmt.number(n, lang=lang)})"
        for k, p, n in zip(df["paket_kode"], df["paket"], df["n"], strict=True)
    ]
    df["urut"] = [0 if k == "" else 1 for k in df["paket_kode"]]
    df = df.sort_values(["urut", "sesudah"], ascending=[True, False], na_position="last")
    df["sebelum_jt"] = df["sebelum"] / 1e6
    df["sesudah_jt"] = df["sesudah"] / 1e6
    order = list(df["label"])
    before, after = t("hasil.income.sebelum", lang), t("hasil.income.sesudah", lang)
    long = df.melt(id_vars=["label"], value_vars=["sebelum", "sesudah"], var_name="kapan")
    long = long.dropna(subset=["value"])
    long["juta"] = long["value"] / 1e6
    long["kapan_teks"] = long["kapan"].map({"sebelum": before, "sesudah": after})
    long["nilai_teks"] = [fmt.rupiah(v, lang) for v in long["value"]]
    y = alt.Y("label:N", title=None, sort=order)
    x = alt.X("juta:Q", title=t("hasil.chart.median", lang), axis=alt.Axis(format=",.1f"))
    rule = (
        alt.Chart(df.dropna(subset=["sebelum", "sesudah"]))
        .mark_rule(color=PLAN, strokeWidth=2)
        .encode(y=y, x="sebelum_jt:Q", x2="sesudah_jt:Q")
    )
    points = (
        alt.Chart(long)
        .mark_circle(size=140, opacity=1)
        .encode(
            y=y,
            x=x,
            color=alt.Color(
                "kapan_teks:N",
                title=None,
                scale=alt.Scale(domain=[before, after], range=[PLAN, SECONDARY]),
            ),
            tooltip=[
                alt.Tooltip("label:N", title=t("hasil.col.paket", lang)),
                alt.Tooltip("kapan_teks:N", title=" "),
                alt.Tooltip("nilai_teks:N", title=t("hasil.chart.median", lang)),
            ],
        )
    )
    return alt.layer(rule, points).properties(height=FRAME_PX + 30 + 28 * len(order))


def kur_chart(pipeline: pd.DataFrame, lang: str = "id"):
    """KUR records per stage (diajukan, disetujui, disalurkan, ditolak) with their rupiah value."""
    df = pipeline.copy()
    df["tahap_teks"] = [t(f"hasil.kur.{s}", lang) for s in df["tahap"]]
    df["label"] = [
        f"{fmt.number(c, lang=lang)} · {fmt.rupiah_compact(v, lang)}"
        for c, v in zip(df["catatan"], df["nilai_rp"], strict=True)
    ]
    df["nilai_teks"] = [fmt.rupiah(v, lang) for v in df["nilai_rp"]]
    order = list(df["tahap_teks"])
    y = alt.Y("tahap_teks:N", title=None, sort=order)
    xmax = max(1, int(df["catatan"].max() or 0)) * 1.45
    bars = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "catatan:Q",
                title=t("hasil.col.catatan", lang),
                scale=alt.Scale(domain=[0, xmax]),
                axis=alt.Axis(format=",d"),
            ),
            color=alt.condition(
                alt.datum.tahap == "ditolak", alt.value("#b2182b"), alt.value(PRIMARY)
            ),
            tooltip=[
                alt.Tooltip("tahap_teks:N", title=t("hasil.col.tahap", lang)),
                alt.Tooltip("catatan:Q", title=t("hasil.col.catatan", lang), format=",d"),
                alt.Tooltip("nilai_teks:N", title=t("hasil.col.nilai", lang)),
            ],
        )
    )
    text = (
        alt.Chart(df)
        .mark_text(align="left", dx=5, fontSize=FONT_SIZE, color=INK)
        .encode(y=y, x="catatan:Q", text="label:N")
    )
    return alt.layer(bars, text).properties(height=FRAME_PX + 40 * len(df))
