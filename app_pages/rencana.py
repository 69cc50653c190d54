"""/rencana Rencana & Prioritas: which classes next, for whom, where, and who to follow up.

Layout only: every list comes from ``lib.views.rencana`` (the decision measures of
``lib.semantic.decisions``). Lists of persons are shown to operators only, and each view is logged.
"""

import streamlit as st

from lib.app import cache, ui, widgets
from lib.core import fmt
from lib.render import charts
from lib.semantic import guard
from lib.semantic.suppression import SECONDARY
from lib.views import privacy, rencana

ctx = ui.page_context()
lang = ctx.lang
small = ctx.small
ui.header(ctx, "nav.rencana", ctx.t("rencana.intro"))
persons_ok = ui.may_see_persons(ctx)

qp = cache.call(rencana.quota_plan, ctx)
st_ = qp.status
widgets.status_headline(ctx, st_)


def n(v) -> str:
    return fmt.number(v, lang=lang)


def count(v) -> str:
    """A count of persons or records (``<5`` for leadership when small)."""
    return n(v) if small is None else guard.count_text(v, small, n)


# Lazy tabs (as on /hasil): only the open tab is built, and choosing another reruns the page; each
# list costs its own queries, and a visitor rarely opens all six.
SECTIONS = ("kuota", "paket", "desa", "alumni", "telusur", "kur")
tabs = st.tabs(
    [ctx.t(f"rencana.tab.{name}") for name in SECTIONS], on_change="rerun", key="rencana_tab"
)

# --- 1. remaining quota as classes ---------------------------------------------------------------


def section_kuota() -> None:
    st.subheader(ctx.t("rencana.h.kuota"))
    row = st.columns([0.8, 1.35, 1.7, 0.7])  # room for "218 orang/bulan" at 1366
    row[0].metric(
        ui.measure_label("sisa_kuota", lang),
        ui.format_value("orang", st_.sisa_kuota, lang),
        help=ui.measure_help("sisa_kuota", lang),
        border=True,
    )
    row[1].metric(
        ui.measure_label("kelas_dibutuhkan", lang),
        ui.format_value("kelas", st_.kelas_dibutuhkan, lang),
        help=ui.measure_help("kelas_dibutuhkan", lang),
        border=True,
    )
    row[2].metric(
        ui.measure_label("laju_dibutuhkan", lang),
        ui.format_value(ui.measure_unit("laju_dibutuhkan"), st_.laju_dibutuhkan, lang),
        help=ui.measure_help("laju_dibutuhkan", lang),
        border=True,
    )
    row[3].metric(
        ui.measure_label("hari_tersisa", lang),
        n(st_.hari_tersisa),
        help=ui.measure_help("hari_tersisa", lang),
        border=True,
    )
    st.caption(ctx.t("keputusan.scope.programme"))
    widgets.fair_share_note(ctx, qp.fair)
    spec = cache.chart(
        charts.progress_chart,
        ctx,
        qp.series,
        st_.as_of,
        st_.tanggal_selesai,
        st_.kuota,
        st_.proyeksi,
        title=ctx.t("rencana.chart.kemajuan"),
    )
    ui.show_chart(spec, "kemajuan-kuota", ctx, key="rencana_kemajuan")
    st.markdown(f"**{ctx.t('rencana.h.jadwal')}**")
    if qp.schedule.empty:
        st.info(ctx.t("rencana.jadwal.none"), icon=":material/info:")
    else:
        st.caption(
            ctx.t(
                "rencana.jadwal.caption",
                kelas=n(st_.kelas_dibutuhkan),
                size=n(st_.kapasitas_kelas),
                end=fmt.tanggal(st_.tanggal_selesai, lang),
            )
        )
        ui.show_table(
            qp.schedule.assign(
                mulai=[fmt.tanggal(d, lang) for d in qp.schedule["mulai"]],
                akhir=[fmt.tanggal(d, lang) for d in qp.schedule["akhir"]],
            ),
            ctx,
            columns={
                "mulai": ("rencana.col.mulai", "text"),
                "akhir": ("rencana.col.akhir", "text"),
                "kelas": ("rencana.col.kelas", "int"),
                "kursi": ("rencana.col.kursi", "int"),
                "peserta_baru": ("rencana.col.peserta_baru", "int"),
                "target_kumulatif": ("rencana.col.target_kumulatif", "int"),
            },
            measures={"peserta_baru": "sisa_kuota", "target_kumulatif": "laju"},
            name="rencana-kelas",
            key="rencana_jadwal",
        )


# --- 2. packages to open -------------------------------------------------------------------------


def section_paket() -> None:
    st.subheader(ctx.t("rencana.h.paket"))
    pr = cache.call(rencana.package_ranking, ctx)
    st.caption(
        ctx.t(
            "keputusan.paket.urutan",
            ukuran=ui.measure_label(pr.sort_key, lang).lower(),
            ambang=n(pr.ambang),
        )
    )
    table = rencana.package_table(pr, lang)
    ui.show_table(
        table,
        ctx,
        columns={
            "peringkat": ("rencana.col.peringkat", "int"),
            "nama": ("rencana.col.paket", "text"),
            "kelas": ("rencana.col.kelas", "int"),
            "persen_keterisian": ("rencana.col.keterisian", "pct"),
            "selang_keterisian": ("rencana.col.selang_keterisian", "text"),
            "pernah_terdaftar": ("rencana.col.pernah_terdaftar", "int"),
            "persen_selesai": ("rencana.col.selesai", "pct"),
            "selang_selesai": ("rencana.col.selang_selesai", "text"),
            "persen_kompeten": ("rencana.col.kompeten", "pct"),
            "selang_kompeten": ("rencana.col.selang_kompeten", "text"),
            "persen_penempatan": ("rencana.col.penempatan", "pct"),
            "selang_penempatan": ("rencana.col.selang_penempatan", "text"),
            "persen_penempatan_n": ("rencana.col.n", "int"),
            "median_perubahan_pendapatan": ("rencana.col.pendapatan", "rupiah"),
            "perubahan_pendapatan_n": ("rencana.col.n_pendapatan", "int"),
            "keterangan": ("rencana.col.keterangan", "text"),
        },
        name="rencana-paket",
        key="rencana_paket",
        pin=("nama",),
    )


# --- 3. villages by unmet need -------------------------------------------------------------------


def section_desa() -> None:
    need = cache.call(rencana.need, ctx)
    vil = need.villages
    st.subheader(ctx.t("rencana.h.desa"))
    if vil.tanpa_peserta:
        none = vil.table[vil.table["tanpa_peserta"]]
        st.warning(
            ctx.t(
                "rencana.desa.tanpa_peserta",
                n=n(vil.tanpa_peserta),
                names=fmt.md_text(
                    ", ".join(f"{r.nama_desa} ({r.nama_kecamatan})" for r in none.itertuples())
                ),
            ),
            icon=":material/priority_high:",
        )
    st.markdown(f"**{ctx.t('rencana.h.kecamatan')}**")
    kec = rencana.area_links(need.kecamatan.table, "kecamatan", "kecamatan", lang)
    # under a year, package or kejuruan filter the fair share is still compared with the
    # participants of the whole programme: that column is shown too
    whole_programme = ("peserta_wilayah",) if ctx.filters.has_class_filter() else ()
    kec_measures = {
        c: c
        for c in (
            "sasaran",
            "peserta",
            "cakupan",
            "kebutuhan_belum_terlayani",
            "bagian_wajar",
            *whole_programme,
            "kurang_dari_bagian_wajar",
        )
    }
    vil_measures = {c: c for c in ("sasaran", "peserta", "cakupan", "kebutuhan_belum_terlayani")}
    forced = (
        []
        if small is None
        else privacy.nested_forced(
            kec,
            vil.table,
            outer_key="kecamatan",
            inner_key="kecamatan",
            outer_columns=kec_measures,
            inner_columns=vil_measures,
            threshold=small,
        )
    )
    ui.show_table(
        kec,
        ctx,
        columns={
            "peringkat": ("rencana.col.peringkat", "int"),
            "nama_kecamatan": ("rencana.col.kecamatan", "text"),
            "sasaran": ("rencana.col.sasaran", "int"),
            "peserta": ("rencana.col.peserta", "int"),
            "cakupan": ("rencana.col.cakupan", "pct"),
            "kebutuhan_belum_terlayani": ("rencana.col.kebutuhan", "int"),
            "bagian_wajar": ("rencana.col.bagian_wajar", "int"),
            **{c: ("rencana.col.peserta_wilayah", "int") for c in whole_programme},
            "kurang_dari_bagian_wajar": ("rencana.col.kurang_wajar", "int"),
        },
        links={
            "link_peta": ("rencana.col.peta", ctx.t("rencana.link.peta")),
            "link_ringkasan": ("rencana.col.ringkasan", ctx.t("rencana.link.ringkasan")),
        },
        name="rencana-kecamatan",
        key="rencana_kecamatan",
    )
    st.markdown(f"**{ctx.t('rencana.h.desa_list')}**")
    villages = rencana.area_links(vil.table, "desa", "desa", lang)
    villages = villages.assign(
        tanda=[ctx.t("rencana.desa.flag") if x else "" for x in villages["tanpa_peserta"]]
    )
    ui.show_table(
        villages,
        ctx,
        columns={
            "peringkat": ("rencana.col.peringkat", "int"),
            "nama_desa": ("rencana.col.desa", "text"),
            "nama_kecamatan": ("rencana.col.kecamatan", "text"),
            "sasaran": ("rencana.col.sasaran", "int"),
            "peserta": ("rencana.col.peserta", "int"),
            "cakupan": ("rencana.col.cakupan", "pct"),
            "kebutuhan_belum_terlayani": ("rencana.col.kebutuhan", "int"),
            "tanda": ("rencana.col.tanda", "text"),
        },
        links={
            "link_peta": ("rencana.col.peta", ctx.t("rencana.link.peta")),
            "link_ringkasan": ("rencana.col.ringkasan", ctx.t("rencana.link.ringkasan")),
        },
        name="rencana-desa",
        key="rencana_desa",
        # the kecamatan table above shows each kecamatan's totals: suppress within each one
        suppress={"group_by": "nama_kecamatan", "forced": forced},
        pin=("nama_desa",),
    )


# --- 4. alumni priority for dusun/RW capital aid -------------------------------------------------


def section_alumni() -> None:
    st.subheader(ctx.t("rencana.h.alumni"))
    alumni = cache.call(rencana.alumni, ctx, persons_ok)  # the list is for operators only
    ap = alumni.figures
    st.markdown(ctx.t("rencana.alumni.intro", max=fmt.number(ap.max_skor, 0, lang)))
    parts = rencana.score_parts(ap).assign(
        label=lambda d: [ctx.t(f"keputusan.skor.{p}") for p in d["bagian"]]
    )
    ui.show_table(
        parts,
        ctx,
        columns={"label": ("rencana.col.bagian", "text"), "bobot": ("rencana.col.bobot", "dec1")},
        name="rencana-bobot",
        key="rencana_bobot",
    )
    st.caption(
        ctx.t("keputusan.skor.desil.rule", desil=ctx.settings.desil_sasaran_max)
        + " "
        + ctx.t("keputusan.skor.kebutuhan_desa.rule")
        + " "
        + ctx.t("rencana.alumni.settings")
    )
    if ap.excluded:
        st.caption(ctx.t("rencana.alumni.excluded", n=count(ap.excluded)))
    st.markdown(f"**{ctx.t('rencana.h.dusun_rw')}**")
    ui.show_table(
        ap.by_dusun_rw,
        ctx,
        columns={
            "nama_kecamatan": ("rencana.col.kecamatan", "text"),
            "nama_desa": ("rencana.col.desa", "text"),
            "dusun": ("rencana.col.dusun", "text"),
            "rw": ("rencana.col.rw", "text"),
            "alumni": ("rencana.col.alumni", "int"),
            "kompeten": ("rencana.col.n_kompeten", "int"),
            "wirausaha": ("rencana.col.n_wirausaha", "int"),
            "belum_dibantu": ("rencana.col.n_belum_dibantu", "int"),
            "prioritas": ("rencana.col.prioritas", "int"),
            "skor_rata": ("rencana.col.skor_rata", "dec1"),
        },
        name="rencana-dusun-rw",
        key="rencana_dusun_rw",
    )
    if persons_ok:
        st.markdown(f"**{ctx.t('rencana.h.alumni_persons')}**")
        st.caption(ctx.t("rencana.persons.note"))
        ui.audit_person_list(ctx, "rencana: prioritas modal dusun/RW")
        ui.show_table(
            alumni.persons,
            ctx,
            columns={
                "peringkat": ("rencana.col.peringkat", "int"),
                "nama": ("rencana.col.nama", "text"),
                "nik_samar": ("rencana.col.nik", "text"),
                "nama_desa": ("rencana.col.desa", "text"),
                "dusun": ("rencana.col.dusun", "text"),
                "rw": ("rencana.col.rw", "text"),
                "paket": ("rencana.col.kode_paket", "text"),
                "bagian_kompeten": ("rencana.col.p_kompeten", "dec1"),
                "bagian_wirausaha": ("rencana.col.p_wirausaha", "dec1"),
                "bagian_belum_dibantu": ("rencana.col.p_belum_dibantu", "dec1"),
                "bagian_desil": ("rencana.col.p_desil", "dec1"),
                "bagian_kebutuhan_desa": ("rencana.col.p_kebutuhan_desa", "dec1"),
                "skor": ("rencana.col.skor", "dec1"),
            },
            name="rencana-prioritas-alumni",
            key="rencana_alumni_persons",
            pin=("nama",),
        )
    else:
        st.caption(ctx.t("rencana.persons.operators_only"))


# --- 5. tracer follow-ups due --------------------------------------------------------------------


def section_telusur() -> None:
    st.subheader(ctx.t("rencana.h.telusur"))
    followups = cache.call(rencana.followups, ctx, persons_ok)  # the list: operators only
    fu = followups.figures
    st.caption(ctx.t("rencana.telusur.rule", tol=n(fu.tolerance_days)))
    cols = st.columns(len(fu.waves) + 1)
    cols[0].metric(
        ui.measure_label("telusur_terlambat", lang),
        count(fu.total),
        help=ui.measure_help("telusur_terlambat", lang),
        border=True,
    )
    for col, r in zip(cols[1:], fu.by_wave.itertuples(), strict=True):
        col.metric(
            ctx.t("rencana.telusur.wave", n=n(r.bulan_survei)),
            count(r.jumlah),
            help=ctx.t(
                "rencana.telusur.oldest",
                days=fmt.DASH
                if small and guard.hides(r.jumlah, small)
                else n(r.hari_terlambat_maks),
            ),
            border=True,
        )
    wave_cols = {f"bulan_{w}": (ctx.t("rencana.col.wave", n=n(w)), "int") for w in fu.waves}
    # every wave column and their sum count overdue surveys; the sum is each row's total
    wave_measures = {
        **{c: "telusur_terlambat" for c in wave_cols},
        "jumlah": "telusur_terlambat",
    }
    wave_totals = {"row_totals": {"jumlah": list(wave_cols)}} if len(wave_cols) > 1 else None
    st.markdown(f"**{ctx.t('rencana.h.telusur_kecamatan')}**")
    ui.show_table(
        fu.by_kecamatan,
        ctx,
        columns={
            "nama_kecamatan": ("rencana.col.kecamatan", "text"),
            **wave_cols,
            "jumlah": ("rencana.col.jumlah", "int"),
            "hari_terlambat_maks": ("rencana.col.terlama", "int"),
        },
        measures=wave_measures,
        suppress=wave_totals,
        name="rencana-telusur-kecamatan",
        key="rencana_telusur_kec",
    )
    st.markdown(f"**{ctx.t('rencana.h.telusur_kelas')}**")
    ui.show_table(
        fu.by_kelas.assign(
            tanggal_selesai=[fmt.tanggal(d, lang) for d in fu.by_kelas["tanggal_selesai"]]
        ),
        ctx,
        columns={
            "kelas_kode": ("rencana.col.kelas_kode", "text"),
            "nama_paket": ("rencana.col.paket", "text"),
            "tanggal_selesai": ("rencana.col.tanggal_selesai", "text"),
            **wave_cols,
            "jumlah": ("rencana.col.jumlah", "int"),
            "hari_terlambat_maks": ("rencana.col.terlama", "int"),
        },
        measures=wave_measures,
        suppress=wave_totals,
        name="rencana-telusur-kelas",
        key="rencana_telusur_kelas",
    )
    if persons_ok:
        st.markdown(f"**{ctx.t('rencana.h.telusur_persons')}**")
        ui.audit_person_list(ctx, "rencana: survei lanjutan terlambat")
        due = followups.persons
        ui.show_table(
            due.assign(jatuh_tempo=[fmt.tanggal(d, lang) for d in due["jatuh_tempo"]]),
            ctx,
            columns={
                "nama": ("rencana.col.nama", "text"),
                "nik_samar": ("rencana.col.nik", "text"),
                "nama_desa": ("rencana.col.desa", "text"),
                "kelas_kode": ("rencana.col.kelas_kode", "text"),
                "bulan_survei": ("rencana.col.bulan_survei", "int"),
                "jatuh_tempo": ("rencana.col.jatuh_tempo", "text"),
                "hari_terlambat": ("rencana.col.hari_terlambat", "int"),
            },
            name="rencana-telusur-alumni",
            key="rencana_telusur_persons",
            pin=("nama",),
        )
    else:
        st.caption(ctx.t("rencana.persons.operators_only"))


# --- 6. KUR pipeline -----------------------------------------------------------------------------


def section_kur() -> None:
    st.subheader(ctx.t("rencana.h.kur"))
    kur = cache.call(rencana.kur, ctx, persons_ok)  # the list is for operators only
    kp = kur.figures
    cols = st.columns(3)
    cols[0].metric(ctx.t("rencana.kur.diajukan"), count(kp.diajukan), border=True)
    waiting_hidden = small is not None and guard.hides(kp.diajukan, small)
    cols[1].metric(
        ctx.t("rencana.kur.median"),
        ctx.t("rencana.days", n=n(kp.median_hari))
        if kp.median_hari is not None and not waiting_hidden
        else fmt.DASH,
        help=ui.measure_help("hari_menunggu_kur", lang),
        border=True,
    )
    lama = count(kp.lama)
    if small is not None and guard.hides(kp.diajukan - kp.lama, small):
        lama = SECONDARY  # with the applications card, it would give the small rest away
    cols[2].metric(ctx.t("rencana.kur.lama", days=n(kp.batas_lama_hari)), lama, border=True)
    stages = kp.by_status.assign(
        label=[ctx.t(f"rencana.kur.status.{s}") for s in kp.by_status["status"]]
    )
    ui.show_table(
        stages,
        ctx,
        columns={
            "label": ("rencana.col.status", "text"),
            "catatan": ("rencana.col.pengajuan", "int"),
            "penerima": ("rencana.col.penerima", "int"),
            "nilai_rp": ("rencana.col.nilai", "rupiah"),
        },
        name="rencana-kur",
        key="rencana_kur",
    )
    buckets = rencana.waiting_buckets(kp)
    buckets = buckets.assign(
        label=[
            ctx.t("rencana.kur.bucket", lo=n(a), hi=n(b))
            if b is not None and b == b
            else ctx.t("rencana.kur.bucket_open", lo=n(a))
            for a, b in zip(buckets["dari_hari"], buckets["sampai_hari"], strict=True)
        ]
    )
    st.markdown(f"**{ctx.t('rencana.h.kur_tunggu')}**")
    ui.show_table(
        buckets,
        ctx,
        columns={
            "label": ("rencana.col.lama_tunggu", "text"),
            "jumlah": ("rencana.col.pengajuan", "int"),
        },
        measures={"jumlah": "catatan_bantuan"},
        name="rencana-kur-tunggu",
        key="rencana_kur_tunggu",
    )
    if persons_ok:
        st.markdown(f"**{ctx.t('rencana.h.kur_persons')}**")
        ui.audit_person_list(ctx, "rencana: pengajuan KUR menunggu")
        waiting = kur.persons
        ui.show_table(
            waiting.assign(tanggal=[fmt.tanggal(d, lang) for d in waiting["tanggal"]]),
            ctx,
            columns={
                "nama": ("rencana.col.nama", "text"),
                "nik_samar": ("rencana.col.nik", "text"),
                "nama_desa": ("rencana.col.desa", "text"),
                "tanggal": ("rencana.col.tanggal_pengajuan", "text"),
                "nilai_rupiah": ("rencana.col.nilai", "rupiah"),
                "hari_menunggu": ("rencana.col.hari_menunggu", "int"),
            },
            name="rencana-kur-menunggu",
            key="rencana_kur_persons",
            pin=("nama",),
        )
    else:
        st.caption(ctx.t("rencana.persons.operators_only"))


BUILDERS = {
    "kuota": section_kuota,
    "paket": section_paket,
    "desa": section_desa,
    "alumni": section_alumni,
    "telusur": section_telusur,
    "kur": section_kur,
}
for name, tab in zip(SECTIONS, tabs, strict=True):
    if tab.open:
        with tab:
            BUILDERS[name]()
