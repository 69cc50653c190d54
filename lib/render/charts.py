"""Altair chart builders for the dashboard pages (and the briefing's PNG exports).

Every chart goes through :func:`finish`, which sets the Vega number and time locale from Babel's
``id_ID`` (decimal ``,``, thousands ``.``, Indonesian month names) so that axis labels read the
Indonesian way, and sizes the text for a projector. Tooltip values are pre-formatted with
:mod:`lib.core.fmt` (text fields ending in ``_teks``), so they are right in any renderer.
Builders take the DataFrames of :mod:`lib.views.queries` and the UI language; they never query.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import altair as alt
import pandas as pd
from babel.dates import get_day_names, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from lib.core import fmt
from lib.core.i18n import t

PRIMARY = "#0b5d7a"
SECONDARY = "#e07b39"
PLAN = "#7a8793"
GOOD = "#2e7d32"
FONT_SIZE = 13


@lru_cache(maxsize=4)
def locale(lang: str = "id") -> alt.Locale:
    """The Vega format locale of ``lang`` (``id_ID`` or ``en_US``) from Babel."""
    loc = fmt.LOCALES.get(lang, "id_ID")
    months = get_month_names("wide", locale=loc)
    short_months = get_month_names("abbreviated", locale=loc)
    days = get_day_names("wide", locale=loc)
    short_days = get_day_names("abbreviated", locale=loc)
    week = [6, 0, 1, 2, 3, 4, 5]  # Vega starts on Sunday, Babel on Monday
    return alt.Locale(
        number=alt.NumberLocale(
            decimal=get_decimal_symbol(loc),
            thousands=get_group_symbol(loc),
            grouping=[3],
            currency=["Rp", ""] if lang == "id" else ["IDR ", ""],
        ),
        time=alt.TimeLocale(
            dateTime="%A, %e %B %Y %X",
            date="%d/%m/%Y",
            time="%H.%M.%S",
            periods=["AM", "PM"],
            days=[days[i] for i in week],
            shortDays=[short_days[i] for i in week],
            months=[months[i] for i in range(1, 13)],
            shortMonths=[short_months[i].rstrip(".") for i in range(1, 13)],
        ),
    )


def finish(chart, lang: str = "id", title: str | None = None, subtitle: str | None = None):
    """Locale, readable font sizes and an optional title (with the filter stamp as subtitle)."""
    if title:
        chart = chart.properties(
            title=alt.TitleParams(title, subtitle=subtitle or "", anchor="start", fontSize=15)
        )
    return (
        chart.configure(locale=locale(lang))
        .configure_axis(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, labelLimit=190)
        .configure_legend(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, orient="bottom")
    )


def _n(value, lang: str) -> str:
    return fmt.number(value, lang=lang)


# --- Kuota & Kemajuan ----------------------------------------------------------------------------


def cumulative_chart(
    cum: pd.DataFrame,
    start: date,
    end: date,
    kuota: int,
    as_of: date | None,
    lang: str = "id",
    with_plan: bool = True,
):
    """Cumulative peserta and selesai (steps) against the linear plan to ``kuota``.

    ``with_plan=False`` (a filtered view, to which the regency-wide plan does not apply) draws the
    two series alone, so that the axis fits them.
    """
    s_peserta = t("chart.series.peserta", lang)
    s_selesai = t("chart.series.selesai", lang)
    s_plan = t("chart.series.plan", lang)
    rows = []
    for r in cum.itertuples():
        rows.append((r.tanggal, s_peserta, r.peserta))
        rows.append((r.tanggal, s_selesai, r.selesai))
    last_day = max([end, *(cum["tanggal"] if not cum.empty else [])])
    if as_of and not cum.empty:  # carry the counts on to the data date
        last = cum.iloc[-1]
        day = max(as_of, last["tanggal"])
        rows += [(day, s_peserta, last["peserta"]), (day, s_selesai, last["selesai"])]
    if with_plan:
        rows += [(start, s_plan, 0), (end, s_plan, kuota)]
        if last_day > end:
            rows.append((last_day, s_plan, kuota))
    df = pd.DataFrame(rows, columns=["tanggal", "seri", "orang"])
    df["tanggal"] = pd.to_datetime(df["tanggal"])
    df["tanggal_teks"] = [fmt.tanggal(d.date(), lang) for d in df["tanggal"]]
    df["orang_teks"] = [_n(v, lang) for v in df["orang"]]
    color = alt.Color(
        "seri:N",
        title=None,
        scale=alt.Scale(
            domain=[s_peserta, s_selesai, s_plan][: 3 if with_plan else 2],
            range=[PRIMARY, SECONDARY, PLAN][: 3 if with_plan else 2],
        ),
    )
    tooltip = [
        alt.Tooltip("seri:N", title=t("chart.series", lang)),
        alt.Tooltip("tanggal_teks:N", title=t("chart.date", lang)),
        alt.Tooltip("orang_teks:N", title=t("chart.persons", lang)),
    ]
    x = alt.X("tanggal:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0))
    y = alt.Y("orang:Q", title=t("chart.persons", lang), axis=alt.Axis(format=",d"))
    actual = (
        alt.Chart(df[df["seri"] != s_plan])
        .mark_line(interpolate="step-after", strokeWidth=3)
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    plan_line = (
        alt.Chart(df[df["seri"] == s_plan])
        .mark_line(strokeDash=[6, 4], strokeWidth=2)
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    quota = pd.DataFrame(
        {"orang": [kuota], "teks": [t("chart.quota_label", lang, kuota=_n(kuota, lang))]}
    )
    rule = alt.Chart(quota).mark_rule(color=PLAN, strokeDash=[2, 2]).encode(y="orang:Q")
    label = (
        alt.Chart(quota)
        .mark_text(align="left", dx=4, dy=-8, color=PLAN, fontSize=FONT_SIZE)
        .encode(y="orang:Q", x=alt.value(0), text="teks:N")
    )
    if not with_plan:
        return actual.properties(height=360)
    return alt.layer(plan_line, actual, rule, label).properties(height=360)


def per_year_chart(years: pd.DataFrame, lang: str = "id", with_target: bool = True):
    """Peserta per class year (bars) against the annual target (black ticks; left out with
    ``with_target=False``, for views the regency-wide targets do not apply to)."""
    df = years.copy()
    df["tahun"] = df["tahun"].astype(str)
    df["peserta_teks"] = [_n(v, lang) for v in df["peserta"]]
    df["target_teks"] = [_n(v, lang) if v else fmt.DASH for v in df["target"]]
    df["persen_teks"] = [
        fmt.pct(p * 100 / g, lang) if g else fmt.DASH
        for p, g in zip(df["peserta"], df["target"], strict=True)
    ]
    tooltip = [
        alt.Tooltip("tahun:N", title=t("chart.year", lang)),
        alt.Tooltip("peserta_teks:N", title=t("chart.series.peserta", lang)),
    ]
    if with_target:
        tooltip += [
            alt.Tooltip("target_teks:N", title=t("chart.target", lang)),
            alt.Tooltip("persen_teks:N", title=t("chart.of_target", lang)),
        ]
    x = alt.X("tahun:N", title=None, axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(df)
        .mark_bar(color=PRIMARY, size=48)
        .encode(
            x=x,
            y=alt.Y("peserta:Q", title=t("chart.persons", lang), axis=alt.Axis(format=",d")),
            tooltip=tooltip,
        )
    )
    text = (
        alt.Chart(df)
        .mark_text(dy=12, fontSize=FONT_SIZE, color="white", fontWeight="bold")
        .encode(x=x, y="peserta:Q", text="peserta_teks:N")
    )
    target = (
        alt.Chart(df[df["target"] > 0])
        .mark_tick(color="#1d2731", thickness=3, size=70)
        .encode(x=x, y="target:Q", tooltip=tooltip)
    )
    if not with_target:
        return alt.layer(bars, text).properties(height=300)
    return alt.layer(bars, text, target).properties(height=300)


def kecamatan_chart(kec: pd.DataFrame, lang: str = "id"):
    """Peserta per 1,000 eligible residents per kecamatan (horizontal bars, highest first)."""
    df = kec.copy()
    df["rasio"] = df["per_1000_sasaran"].fillna(0)
    df["rasio_teks"] = [fmt.number(v, 1, lang) if pd.notna(v) else fmt.DASH for v in df["rasio"]]
    df["peserta_teks"] = [_n(v, lang) for v in df["peserta"]]
    df["sasaran_teks"] = [_n(v, lang) for v in df["warga_sasaran"]]
    y = alt.Y("nama:N", title=None, sort="-x")
    tooltip = [
        alt.Tooltip("nama:N", title=t("kuota.col.kecamatan", lang)),
        alt.Tooltip("peserta_teks:N", title=t("chart.series.peserta", lang)),
        alt.Tooltip("sasaran_teks:N", title=t("kuota.col.sasaran", lang)),
        alt.Tooltip("rasio_teks:N", title=t("kuota.col.per_1000", lang)),
    ]
    bars = (
        alt.Chart(df)
        .mark_bar(color=PRIMARY)
        .encode(
            x=alt.X("rasio:Q", title=t("kuota.col.per_1000", lang), axis=alt.Axis(format=",d")),
            y=y,
            tooltip=tooltip,
        )
    )
    text = (
        alt.Chart(df)
        .mark_text(align="left", dx=4, fontSize=FONT_SIZE, color="#1d2731")
        .encode(x="rasio:Q", y=y, text="rasio_teks:N")
    )
    return alt.layer(bars, text).properties(height=alt.Step(30))


# --- Paket Pelatihan -----------------------------------------------------------------------------


def fill_rate_chart(pk: pd.DataFrame, lang: str = "id"):
    """Fill rate per package that ran (horizontal bars, lowest first; 100 % marked)."""
    df = pk[pk["kelas"] > 0].copy()
    df["label"] = df["kode"] + " · " + df["nama"]
    df["isi_teks"] = [fmt.pct(v, lang) for v in df["persen_keterisian"]]
    df["kursi_teks"] = [
        f"{_n(a, lang)} / {_n(b, lang)}" for a, b in zip(df["terisi"], df["kursi"], strict=True)
    ]
    y = alt.Y("label:N", title=None, sort="x")
    tooltip = [
        alt.Tooltip("label:N", title=t("paket.col.paket", lang)),
        alt.Tooltip("isi_teks:N", title=t("paket.col.isi", lang)),
        alt.Tooltip("kursi_teks:N", title=t("paket.col.terisi_kursi", lang)),
    ]
    bars = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X(
                "persen_keterisian:Q",
                title=t("paket.col.isi", lang),
                scale=alt.Scale(domain=[0, max(100, float(df["persen_keterisian"].max() or 0))]),
                axis=alt.Axis(format=",d"),
            ),
            y=y,
            color=alt.condition(
                alt.datum.persen_keterisian < 75, alt.value(SECONDARY), alt.value(PRIMARY)
            ),
            tooltip=tooltip,
        )
    )
    text = (
        alt.Chart(df)
        .mark_text(align="left", dx=4, fontSize=12, color="#1d2731")
        .encode(x="persen_keterisian:Q", y=y, text="isi_teks:N")
    )
    full = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(color=PLAN, strokeDash=[4, 3])
    return alt.layer(bars, text, full.encode(x="x:Q")).properties(height=alt.Step(22))


def package_year_heatmap(py: pd.DataFrame, pk: pd.DataFrame, lang: str = "id"):
    """Package × class year: participants (colour and number) of the packages that ran."""
    names = dict(zip(pk["kode"], pk["nama"], strict=True))
    df = py.copy()
    df["label"] = [f"{k} · {names.get(k, k)}" for k in df["paket"]]
    df["tahun"] = df["tahun"].astype(str)
    df["peserta_teks"] = [_n(v, lang) for v in df["peserta"]]
    df["kelas_teks"] = [_n(v, lang) for v in df["kelas"]]
    threshold = 0.55 * float(df["peserta"].max()) if not df.empty else 0.0
    y = alt.Y("label:N", title=None, sort=alt.SortField("paket"))
    x = alt.X("tahun:N", title=None, axis=alt.Axis(orient="top", labelAngle=0))
    tooltip = [
        alt.Tooltip("label:N", title=t("paket.col.paket", lang)),
        alt.Tooltip("tahun:N", title=t("chart.year", lang)),
        alt.Tooltip("kelas_teks:N", title=t("paket.col.kelas", lang)),
        alt.Tooltip("peserta_teks:N", title=t("chart.series.peserta", lang)),
    ]
    rect = (
        alt.Chart(df)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "peserta:Q",
                title=t("chart.series.peserta", lang),
                scale=alt.Scale(scheme="blues"),
                legend=alt.Legend(format=",d"),
            ),
            tooltip=tooltip,
        )
    )
    text = (
        alt.Chart(df)
        .mark_text(fontSize=12)
        .encode(
            x=x,
            y=y,
            text="peserta_teks:N",
            color=alt.condition(
                alt.datum.peserta > threshold, alt.value("white"), alt.value("#1d2731")
            ),
        )
    )
    return alt.layer(rect, text).properties(height=alt.Step(24))
