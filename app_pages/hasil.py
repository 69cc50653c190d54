"""/hasil Hasil Pasca Pelatihan: every figure on cards first, then the funnel, the status breakdowns,
income, KUR pipeline and aid in lazy tabs that each fit about a screen."""

import streamlit as st

from lib.app import cache, ui
from lib.render import charts
from lib.render.present import Col, Table, make_table
from lib.semantic.suppression import small as small_marker
from lib.views import outcomes

ctx = ui.page_context()
lang = ctx.lang
ui.header(ctx, "nav.hasil", ctx.t("hasil.intro"))
v = cache.kpi(ctx)


def show_table(table: Table, name: str, key: str) -> None:
    ui.show_prepared_table(table, ctx, name=name, key=f"hasil_tbl_{key}", download_key=key)


def show_chart(builder, name: str, key: str, *args, title: str | None = None, **kw) -> None:
    """A chart of ``lib.render.charts`` through the spec cache, with its PNG download."""
    spec = cache.chart(builder, ctx, *args, title=title, **kw)
    ui.show_chart(spec, name, ctx, key)


def status_label(key: str) -> str:
    return ui.indicator_label(key, lang)


# --- every figure first: latest tracer status, KUR and aid (3 rows of cards) --------------------
st.subheader(ctx.t("hasil.h.status"))
for keys in (
    ("selesai", "bekerja", "wirausaha", "persen_penempatan"),
    ("belum_bekerja", "melanjutkan_pendidikan", "tidak_terlacak", "kompeten"),
    ("kur_disetujui", "kur_nilai_rp", "peralatan", "modal_dusun_rw"),
):
    for col, key in zip(st.columns(4), keys, strict=True):
        ui.metric(col, key, v, ctx)

# --- the details, one screen each: lazy tabs (only the open tab is built; a change reruns) -------
SECTIONS = ("funnel", "paket", "tahun", "bulan", "income", "kur", "aid")
tabs = st.tabs(
    [ctx.t(f"hasil.tab.{name}") for name in SECTIONS],
    on_change="rerun",
    key="hasil_tab",
)
open_tab = dict(zip(SECTIONS, tabs, strict=True))


def section_funnel(out: outcomes.Outcomes) -> None:
    funnel = outcomes.funnel(out, ctx.small)
    hidden = None if ctx.small is None else small_marker(ctx.small)
    show_chart(
        charts.funnel_chart, "hasil-corong", "funnel", funnel, title=ctx.t("hasil.h.funnel"),
        hidden=hidden,
    )  # fmt: skip
    st.caption(ctx.t("hasil.def.funnel"))
    funnel_rows = funnel.assign(
        tahap=[ctx.t(f"hasil.funnel.{s}") for s in funnel["tahap"]],
        ukuran=[status_label(u) if u else "" for u in funnel["ukuran"]],
    )
    show_table(
        make_table(
            funnel_rows,
            [
                Col("tahap", ctx.t("hasil.col.tahap")),
                Col("orang", ctx.t("hasil.col.orang"), "orang"),
                Col("ukuran", ctx.t("hasil.col.ukuran"), help=ctx.t("hasil.def.funnel")),
                Col("persen", ctx.t("hasil.col.persen"), "persen", ctx.t("hasil.def.funnel")),
            ],
        ),
        "hasil-corong",
        "funnel",
    )


def section_status(out: outcomes.Outcomes, by: str) -> None:
    """Latest status of the alumni per package, cohort or months since completion."""
    if not v["selesai"]:
        st.info(ctx.t("hasil.no_selesai"), icon=":material/info:")
        return
    table = outcomes.status_table(out, by)
    st.caption(ctx.t(f"hasil.def.{by}"))
    show_chart(
        charts.status_chart,
        f"hasil-{by}",
        f"status_{by}",
        table,
        by,
        title=f"{ctx.t('hasil.h.status')}: {ctx.t(f'hasil.tab.{by}').lower()}",
    )
    statuses = [s for s in outcomes.STATUSES if s in table.columns]
    if by == "paket":
        first = [
            Col("paket_kode", ctx.t("hasil.col.kode")),
            Col("paket", ctx.t("hasil.col.paket")),
        ]
    elif by == "tahun":
        first = [Col("tahun", ctx.t("hasil.col.tahun"), "tahun")]
    else:
        table = table.assign(bulan=[ctx.t(f"hasil.bulan.{b}") for b in table["bulan"]])
        first = [Col("bulan", ctx.t("hasil.col.bulan"), help=ctx.t("hasil.def.bulan"))]
    total_label = ctx.t("hasil.col.surveyed") if by == "bulan" else status_label("selesai")
    cols = [
        *first,
        Col("selesai", total_label, "orang", ui.indicator_help("selesai", lang)),
        *[Col(s, status_label(s), "orang", ui.indicator_help(s, lang)) for s in statuses],
    ]
    if "persen_penempatan" in table.columns:  # not for month buckets (surveyed only)
        cols.append(
            Col(
                "persen_penempatan",
                status_label("persen_penempatan"),
                "persen",
                ui.indicator_help("persen_penempatan", lang),
            )
        )
    show_table(make_table(table, cols), f"hasil-{by}", f"status_{by}")


def section_income(out: outcomes.Outcomes) -> None:
    st.markdown(f"**{ctx.t('hasil.h.income')}**")
    st.caption(ctx.t("hasil.def.income"))
    if out.income.empty:
        st.info(ctx.t("hasil.income.none"), icon=":material/info:")
    else:
        chart_cols = st.columns(2)
        for col, status in zip(chart_cols, outcomes.INCOME_STATUSES, strict=True):
            with col:
                if (out.income["status"] == status).any():
                    show_chart(
                        charts.income_chart,
                        f"hasil-pendapatan-{status}",
                        f"income_{status}",
                        out.income,
                        status,
                        title=status_label(status),
                        min_n=ctx.settings.ambang_sel_kecil,
                    )
        st.caption(ctx.t("hasil.income.min_n", n=ctx.settings.ambang_sel_kecil))
        income = out.income.assign(
            status=[status_label(s) for s in out.income["status"]],
            paket=[
                p if k else ctx.t("hasil.income.semua")
                for k, p in zip(out.income["paket_kode"], out.income["paket"], strict=True)
            ],
        )
        show_table(
            make_table(
                income,
                [
                    Col("status", ctx.t("hasil.col.status")),
                    Col("paket", ctx.t("hasil.col.paket")),
                    Col(
                        "sebelum",
                        ctx.t("hasil.income.sebelum"),
                        "rupiah",
                        ctx.t("hasil.def.income"),
                    ),
                    Col(
                        "sesudah",
                        ctx.t("hasil.income.sesudah"),
                        "rupiah",
                        ctx.t("hasil.def.income"),
                    ),
                    Col("n", ctx.t("hasil.col.n"), "orang", ctx.t("hasil.def.income")),
                    Col("paket_kode", ctx.t("hasil.col.kode")),
                ],
            ),
            "hasil-pendapatan",
            "income",
        )


def section_kur(out: outcomes.Outcomes) -> None:
    pipeline = outcomes.kur_pipeline(out.aid)
    show_chart(charts.kur_chart, "hasil-kur", "kur", pipeline, title=ctx.t("hasil.h.kur"))
    st.caption(ctx.t("hasil.def.kur"))
    show_table(
        make_table(
            pipeline.assign(tahap=[ctx.t(f"hasil.kur.{s}") for s in pipeline["tahap"]]),
            [
                Col("tahap", ctx.t("hasil.col.tahap"), help=ctx.t("hasil.def.kur")),
                Col("catatan", ctx.t("hasil.col.catatan"), "orang"),
                Col("nilai_rp", ctx.t("hasil.col.nilai"), "rupiah"),
            ],
        ),
        "hasil-kur",
        "kur",
    )


def section_aid(out: outcomes.Outcomes) -> None:
    st.markdown(f"**{ctx.t('hasil.h.aid')}**")
    aid = outcomes.aid_status_table(out.aid)
    st.caption(ctx.t("hasil.def.aid"))
    show_table(
        make_table(
            aid.assign(
                jenis=[ctx.t(f"hasil.jenis.{j}") for j in aid["jenis"]],
                status=[ctx.t(f"hasil.aid.{s}") for s in aid["status"]],
            ),
            [
                Col("jenis", ctx.t("hasil.col.jenis")),
                Col("status", ctx.t("hasil.col.status"), help=ctx.t("hasil.def.aid")),
                Col("catatan", ctx.t("hasil.col.catatan"), "orang"),
                Col("orang", ctx.t("hasil.col.orang"), "orang"),
                Col("nilai_rp", ctx.t("hasil.col.nilai"), "rupiah"),
            ],
        ),
        "hasil-bantuan",
        "aid",
    )


BUILDERS = {
    "funnel": section_funnel,
    "paket": lambda out: section_status(out, "paket"),
    "tahun": lambda out: section_status(out, "tahun"),
    "bulan": lambda out: section_status(out, "bulan"),
    "income": section_income,
    "kur": section_kur,
    "aid": section_aid,
}
for name, tab in open_tab.items():
    if tab.open:
        with tab:  # only the open tab's aggregates are computed
            BUILDERS[name](cache.call(outcomes.compute, ctx, outcomes.SECTION_PARTS[name]))
