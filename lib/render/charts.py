"""Altair chart builders for the dashboard pages (and the briefing's PNG exports).

Every chart goes through :func:`finish`, which sets the Vega number and time locale from Babel's
``id_ID`` (decimal ``,``, thousands ``.``, Indonesian month names) so that axis labels read the
Indonesian way, and sizes the text for a projector. Tooltip values are pre-formatted with
:mod:`lib.core.fmt` (text fields ending in ``_teks``), so they are right in any renderer.
Builders take the DataFrames of :mod:`lib.views` (``queries``, ``outcomes``) and the UI language;
they never query. Status colours are the registry's one palette (:mod:`lib.semantic.measures`).
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
from lib.semantic import measures

PRIMARY = "#0b5d7a"
SECONDARY = "#e07b39"
PLAN = "#7a8793"
GOOD = "#2e7d32"
BAD = measures.BAD
FONT_SIZE = 14  # axis and label text: at least 14 px at 1920 (read on a projector)
# Streamlit fits the whole chart (title, filter stamp, axes, legend) into its height: room for those.
FRAME_PX = 120
INK = "#1d2731"


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
            currency=["Rp", ""],  # the rupiah's sign in both languages, as lib.core.fmt writes it
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
    """Locale, readable font sizes and an optional title (with the filter stamp as subtitle).

    Set on a shallow copy, as ``configure`` does: ``configure``, ``configure_axis`` and
    ``configure_legend`` each copied the chart again and ``properties`` checks its values against
    the Vega-Lite schema (~20 ms of a layered chart on a cold page); the builders' output is
    validated by the tests, and the spec is the same."""
    out = chart.copy(deep=False)
    if title:
        out.title = alt.TitleParams(title, subtitle=subtitle or "", anchor="start", fontSize=16)
    out.config = alt.Config(
        locale=locale(lang),
        axis=alt.AxisConfig(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, labelLimit=190),
        legend=alt.LegendConfig(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, orient="bottom"),
    )
    return out


def _top(values: pd.Series) -> float:
    """The largest number of a column, 0 for none (hidden small counts are missing numbers)."""
    top = pd.to_numeric(values, errors="coerce").max()
    return 0.0 if pd.isna(top) else float(top)


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
    series_scale = alt.Scale(
        domain=[s_peserta, s_selesai, s_plan][: 3 if with_plan else 2],
        range=[PRIMARY, SECONDARY, PLAN][: 3 if with_plan else 2],
    )
    color = alt.Color(
        "seri:N",
        title=None,
        scale=series_scale,
        legend=None,  # the lines are labelled at their ends
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
    # Direct labels at the end of each line (name and count) instead of a legend far below.
    ends = df[df["seri"] != s_plan].sort_values("tanggal").groupby("seri", sort=False).tail(1)
    ends = ends.assign(
        teks=[f"{a} {b}" for a, b in zip(ends["seri"], ends["orang_teks"], strict=True)]
    )
    # Peserta above its line, selesai below its own: apart even where the two lines meet.
    end_labels = [
        alt.Chart(ends[ends["seri"] == name])
        .mark_text(align="right", dx=-6, dy=dy, fontSize=FONT_SIZE + 1, fontWeight="bold")
        .encode(x=x, y=y, text="teks:N", color=alt.Color("seri:N", scale=series_scale, legend=None))
        for name, dy in ((s_peserta, -12), (s_selesai, 16))
    ]
    actual = alt.layer(actual, *end_labels)
    if not with_plan:
        return actual.properties(height=FRAME_PX + 380)
    return alt.layer(plan_line, actual, rule, label).properties(height=FRAME_PX + 380)


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


def fill_rate_chart(pk: pd.DataFrame, lang: str = "id", threshold: float | None = None):
    """Fill rate per package that ran: one dot per package, lowest first, so the packages under the
    under-capacity threshold (:func:`lib.semantic.measures.under_capacity_pct`) come first and in
    orange. The threshold and the full class (100 %, the target) are vertical lines labelled on
    the chart; the axis starts just under the lowest rate instead of at 0 (dots, not bars, so a
    cut axis does not mislead)."""
    limit = float(measures.under_capacity_pct() if threshold is None else threshold)
    df = pk[pk["kelas"] > 0].copy()
    df["persen_keterisian"] = pd.to_numeric(df["persen_keterisian"], errors="coerce")
    df = df[df["persen_keterisian"].notna()]
    df["label"] = df["kode"] + " · " + df["nama"]
    df["isi_teks"] = [fmt.pct(v, lang) for v in df["persen_keterisian"]]
    df["kursi_teks"] = [
        f"{_n(a, lang)} / {_n(b, lang)}" for a, b in zip(df["terisi"], df["kursi"], strict=True)
    ]
    df["kurang"] = df["persen_keterisian"] < limit
    df = df.sort_values(["persen_keterisian", "kode"])
    order = list(df["label"])
    low = float(df["persen_keterisian"].min()) if not df.empty else limit
    lo = max(0.0, (min(low, limit) - 10) // 10 * 10)
    hi = max(100.0, _top(df["persen_keterisian"])) + 4
    x_scale = alt.Scale(domain=[lo, hi], nice=False, clamp=True)
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelOverlap=False))
    x = alt.X(
        "persen_keterisian:Q",
        title=t("paket.col.isi", lang),
        scale=x_scale,
        axis=alt.Axis(format=",d", tickCount=6),
    )
    tooltip = [
        alt.Tooltip("label:N", title=t("paket.col.paket", lang)),
        alt.Tooltip("isi_teks:N", title=t("paket.col.isi", lang)),
        alt.Tooltip("kursi_teks:N", title=t("paket.col.terisi_kursi", lang)),
    ]
    colour = alt.condition(alt.datum.kurang, alt.value(SECONDARY), alt.value(PRIMARY))
    stems = (
        alt.Chart(df)
        .mark_rule(strokeWidth=2, opacity=0.5)
        .encode(
            y=y,
            x=alt.X("awal:Q", scale=x_scale, title=t("paket.col.isi", lang)),
            x2="persen_keterisian:Q",
            color=colour,
        )
        .transform_calculate(awal=str(lo))
    )
    dots = (
        alt.Chart(df)
        .mark_circle(size=150, opacity=1)
        .encode(y=y, x=x, color=colour, tooltip=tooltip)
    )
    text = (
        alt.Chart(df)
        .mark_text(align="left", dx=9, fontSize=FONT_SIZE, color=INK)
        .encode(y=y, x=x, text="isi_teks:N")
    )
    lines = pd.DataFrame(
        {
            "x": [limit, 100.0],
            "teks": [
                t("chart.fill.threshold", lang, pct=fmt.pct(limit, lang)),
                t("chart.fill.full", lang),
            ],
            "warna": [SECONDARY, INK],
        }
    )
    rules = (
        alt.Chart(lines)
        .mark_rule(strokeWidth=2, strokeDash=[6, 3])
        .encode(
            x=alt.X("x:Q", scale=x_scale, title=t("paket.col.isi", lang)),
            color=alt.Color("warna:N", scale=None),
        )
    )
    # The two labels on two lines above the plot: on a phone 75 % and 100 % are close together.
    rule_texts = [
        alt.Chart(lines.iloc[[i]])
        .mark_text(
            align="right", dx=-5, dy=dy, fontSize=FONT_SIZE, fontWeight="bold", baseline="bottom"
        )
        .encode(
            x=alt.X("x:Q", scale=x_scale, title=t("paket.col.isi", lang)),
            y=alt.value(0),
            text="teks:N",
            color=alt.Color("warna:N", scale=None),
        )
        for i, dy in ((0, -4), (1, -22))
    ]
    return (
        alt.layer(rules, stems, dots, text, *rule_texts)
        .resolve_scale(color="independent")
        .properties(height=FRAME_PX + 28 * max(1, len(df)))  # every package named
    )


def package_year_heatmap(py: pd.DataFrame, pk: pd.DataFrame, lang: str = "id"):
    """Package × class year: participants (colour and number) of the packages that ran."""
    names = dict(zip(pk["kode"], pk["nama"], strict=True))
    df = py.copy()
    df["label"] = [f"{k} · {names.get(k, k)}" for k in df["paket"]]
    df["tahun"] = df["tahun"].astype(str)
    df["peserta_teks"] = [_n(v, lang) for v in df["peserta"]]
    df["kelas_teks"] = [_n(v, lang) for v in df["kelas"]]
    threshold = 0.55 * _top(df["peserta"])
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
        .mark_text(fontSize=FONT_SIZE)
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


# --- Hasil Pasca Pelatihan (/hasil) --------------------------------------------------------------
# Builders of the small frames of ``lib.views.outcomes``. Outcome and aid-status colours are the one
# palette of the registry (lib.semantic.measures), shared with the map and the briefing deck.


def status_label(status: str, lang: str) -> str:
    return measures.get(status).label_for(lang)


def category_labels(table: pd.DataFrame, by: str, lang: str) -> list[str]:
    """Row labels of a ``lib.views.outcomes.status_table``: name and number of completers."""
    names: list[str] | pd.Series
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
    statuses = [s for s in measures.STATUSES if s in df.columns]
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
        scale=alt.Scale(domain=labels, range=[measures.OUTCOME_COLOURS[s] for s in statuses]),
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


def funnel_chart(funnel: pd.DataFrame, lang: str = "id", hidden: str | None = None):
    """Ever enrolled → completed → competent → employed/self-employed → KUR, as horizontal bars
    labelled with the count and, where the stage has one, its own declared rate by name.
    ``hidden``: the label of a hidden small count (a missing number here, e.g. ``<5``), drawn
    at zero so that a stage never goes unlabelled."""
    df = funnel.copy()
    df["tahap_teks"] = [t(f"hasil.funnel.{s}", lang) for s in df["tahap"]]
    df["ukuran_teks"] = [measures.get(u).label_for(lang) if u else fmt.DASH for u in df["ukuran"]]
    df["orang_teks"] = [
        hidden if hidden and pd.isna(o) else fmt.number(o, lang=lang) for o in df["orang"]
    ]
    df["persen_teks"] = [
        fmt.pct(p, lang) if u and not pd.isna(p) else fmt.DASH
        for u, p in zip(df["ukuran"], df["persen"], strict=True)
    ]
    df["label"] = [
        f"{o} · {u} {p}" if p != fmt.DASH else o
        for o, u, p in zip(df["orang_teks"], df["ukuran_teks"], df["persen_teks"], strict=True)
    ]
    df = df[["tahap_teks", "orang", "orang_teks", "ukuran_teks", "persen_teks", "label"]]
    order = list(df["tahap_teks"])
    y = alt.Y("tahap_teks:N", title=None, sort=order)
    xmax = max(1.0, _top(df["orang"])) * 1.8  # room for the labels
    bars = (
        alt.Chart(df)
        .mark_bar(color=PRIMARY)
        .encode(
            y=y,
            x=alt.X(
                "orang:Q",
                title=t("hasil.col.orang", lang),
                scale=alt.Scale(domain=[0, xmax]),
                axis=alt.Axis(format=",d", tickCount=5, tickMinStep=1),
            ),
            tooltip=[
                alt.Tooltip("tahap_teks:N", title=t("hasil.col.tahap", lang)),
                alt.Tooltip("orang_teks:N", title=t("hasil.col.orang", lang)),
                alt.Tooltip("ukuran_teks:N", title=t("hasil.col.ukuran", lang)),
                alt.Tooltip("persen_teks:N", title=t("hasil.col.persen", lang)),
            ],
        )
    )
    text = (
        alt.Chart(df.assign(x=df["orang"].fillna(0)))
        .mark_text(align="left", dx=5, fontSize=FONT_SIZE, color=INK)
        .encode(y=y, x="x:Q", text="label:N")
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
    df["sebelum"] = df["sebelum"].astype("float64")  # <NA> → NaN, which Vega reads as null
    df["sesudah"] = df["sesudah"].astype("float64")
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
    """KUR records per stage (diajukan, disetujui, disalurkan, ditolak) with their rupiah value,
    each bar in its aid-status colour."""
    df = pipeline.copy()
    df["tahap_teks"] = [t(f"hasil.kur.{s}", lang) for s in df["tahap"]]
    df["label"] = [
        f"{fmt.number(c, lang=lang)} · {fmt.rupiah_compact(v, lang)}"
        for c, v in zip(df["catatan"], df["nilai_rp"], strict=True)
    ]
    df["nilai_teks"] = [fmt.rupiah(v, lang) for v in df["nilai_rp"]]
    order = list(df["tahap_teks"])
    y = alt.Y("tahap_teks:N", title=None, sort=order)
    xmax = max(1.0, _top(df["catatan"])) * 1.45
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
            color=alt.Color(
                "tahap_teks:N",
                scale=alt.Scale(
                    domain=order,
                    range=[measures.AID_STATUS_COLOURS[s] for s in df["tahap"]],
                ),
                legend=None,
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


# --- decision support (/ and /rencana) -----------------------------------------------------------


def progress_chart(
    series: pd.DataFrame,
    as_of: date,
    end: date,
    kuota: int,
    proyeksi: date | None,
    lang: str = "id",
    height: int = 380,
):
    """Cumulative peserta of the whole programme against the linear plan, with the deadline, the
    quota as a target line, the projection at the average pace and the gap to the plan at the
    data date, each labelled on the chart (no legend far away).

    ``series`` is :func:`lib.semantic.decisions.progress_series` (``tanggal``, ``peserta``,
    ``rencana``).
    """
    df = series.copy()
    df["tanggal"] = pd.to_datetime(df["tanggal"])
    actual = df[df["peserta"].notna()].copy()
    actual["orang"] = actual["peserta"].astype(float)
    actual["tanggal_teks"] = [fmt.tanggal(d.date(), lang) for d in actual["tanggal"]]
    actual["orang_teks"] = [_n(int(v), lang) for v in actual["orang"]]
    plan = df[["tanggal", "rencana"]].rename(columns={"rencana": "orang"})
    plan["tanggal_teks"] = [fmt.tanggal(d.date(), lang) for d in plan["tanggal"]]
    plan["orang_teks"] = [_n(int(v), lang) for v in plan["orang"]]
    last_x = max([end, *([proyeksi] if proyeksi else [])])
    x_scale = alt.Scale(domain=[df["tanggal"].min().isoformat(), pd.Timestamp(last_x).isoformat()])
    # Room above the quota, and above the participants when the programme has gone past it.
    top = max([kuota, *actual["orang"].tolist()[-1:]])
    y_scale = alt.Scale(domain=[0, top * 1.08], nice=False)
    x = alt.X(
        "tanggal:T",
        title=None,
        scale=x_scale,
        axis=alt.Axis(format="%b %Y", labelAngle=0, labelFlush=True),  # the last label not cut
    )
    y = alt.Y("orang:Q", title=None, scale=y_scale, axis=alt.Axis(format=",d"))
    tooltip = [
        alt.Tooltip("tanggal_teks:N", title=t("chart.date", lang)),
        alt.Tooltip("orang_teks:N", title=t("chart.persons", lang)),
    ]
    layers = [
        alt.Chart(plan)
        .mark_line(strokeDash=[6, 4], strokeWidth=2, color=PLAN)
        .encode(x=x, y=y, tooltip=tooltip),
        alt.Chart(actual)
        .mark_line(interpolate="step-after", strokeWidth=3, color=PRIMARY)
        .encode(x=x, y=y, tooltip=tooltip),
    ]
    now = actual.iloc[-1] if not actual.empty else None
    planned_now = int(plan.loc[plan["tanggal"] == pd.Timestamp(as_of), "orang"].max() or 0)
    if now is not None and proyeksi and int(now["orang"]) < kuota:
        proj = pd.DataFrame(
            {"tanggal": [now["tanggal"], pd.Timestamp(proyeksi)], "orang": [now["orang"], kuota]}
        )
        layers.append(
            alt.Chart(proj)
            .mark_line(strokeDash=[2, 3], strokeWidth=2.5, color=SECONDARY)
            .encode(x=x, y=y)
        )
        layers.append(
            alt.Chart(proj.tail(1).assign(teks=t("chart.progress.proyeksi", lang,
                                                 date=fmt.tanggal(proyeksi, lang))))
            .mark_text(align="right", dx=-6, dy=-10, color=SECONDARY, fontSize=FONT_SIZE + 1,
                       fontWeight="bold")
            .encode(x=x, y=y, text="teks:N")
        )  # fmt: skip
    # The quota: a target line, labelled.
    quota = pd.DataFrame(
        {"orang": [kuota], "teks": [t("chart.quota_label", lang, kuota=_n(kuota, lang))]}
    )
    layers.append(alt.Chart(quota).mark_rule(color="#1d2731", strokeWidth=1.5).encode(y=y))
    layers.append(
        alt.Chart(quota)
        .mark_text(align="left", dx=4, dy=14, color="#1d2731", fontSize=FONT_SIZE + 1)
        .encode(y=y, x=alt.value(0), text="teks:N")
    )
    # The deadline: a vertical rule, labelled.
    deadline = pd.DataFrame(
        {"tanggal": [pd.Timestamp(end)],
         "teks": [t("chart.progress.deadline", lang, date=fmt.tanggal(end, lang))]}
    )  # fmt: skip
    layers.append(alt.Chart(deadline).mark_rule(color=BAD, strokeWidth=2).encode(x=x))
    deadline["orang"] = kuota * 0.06  # near the foot of the rule, where the lines are not
    layers.append(
        alt.Chart(deadline)
        .mark_text(align="right", dx=-6, color=BAD, fontSize=FONT_SIZE + 1, fontWeight="bold")
        .encode(x=x, y=y, text="teks:N")
    )
    # Direct labels for the two lines and the gap at the data date.
    if now is not None:
        gap = planned_now - int(now["orang"])
        key = "chart.progress.gap_behind" if gap > 0 else "chart.progress.gap_ahead"
        label = pd.DataFrame(
            {
                "tanggal": [now["tanggal"]],
                "orang": [now["orang"]],
                "teks": [
                    t("chart.progress.peserta", lang, n=_n(int(now["orang"]), lang))
                    + (" · " + t(key, lang, n=_n(abs(gap), lang)) if gap else "")
                ],
            }
        )
        # Under the quota label, top left, where the lines are not (next to the point it would
        # cross the last steps of the line; above it, the projection label on a phone).
        label["orang"] = kuota
        layers.append(
            alt.Chart(label)
            .mark_text(align="left", dx=4, dy=34, color=PRIMARY, fontSize=FONT_SIZE + 1,
                       fontWeight="bold")
            .encode(x=alt.value(0), y=y, text="teks:N")
        )  # fmt: skip
        layers.append(
            alt.Chart(label.assign(orang=now["orang"]))
            .mark_point(color=PRIMARY, filled=True, size=70)
            .encode(x=x, y=y)
        )
    mid = plan.iloc[len(plan) // 2 : len(plan) // 2 + 1].assign(teks=t("chart.progress.plan", lang))
    layers.append(
        alt.Chart(mid)
        .mark_text(align="left", dx=8, dy=10, color=PLAN, fontSize=FONT_SIZE)
        .encode(x=x, y=y, text="teks:N")
    )
    # ``height`` is the plot; Streamlit fits title, filter stamp and axes into the spec's height.
    # Room on the right for a month label just before the end of the axis ("Mar 2025" beside the
    # projection's 6 March 2025), which flushing does not move.
    return alt.layer(*layers).properties(
        height=height + FRAME_PX,
        width="container",
        padding={"left": 5, "top": 5, "bottom": 5, "right": 28},
    )
