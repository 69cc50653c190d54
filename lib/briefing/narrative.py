"""The sentences of the briefing: pure functions from figures to grammatical text.

Each function picks one whole sentence of the catalogue (``nar.*`` in ``lib/i18n/briefing.py``) for
its case (nobody, one person, several, none traced, quota met or exceeded, ...) and fills in numbers
and dates formatted by :mod:`lib.core.fmt`, so no sentence is ever a template with a hole in it. Lists
are joined the way the language does it (``A, B, dan C``) by Babel.

The pace and projection sentences are those of :mod:`lib.semantic.plan` (one wording across the dashboard).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from babel.lists import format_list

from lib.briefing.privacy import EXACT, Privacy
from lib.core import fmt
from lib.core.i18n import t
from lib.semantic import measures, plan

OUTCOME_ORDER = measures.OUTCOMES


def _n(value: int | float | None, lang: str) -> str:
    return fmt.number(value, lang=lang)


def unit(name: str, count: int, lang: str) -> str:
    """The unit word for ``count`` (``orang``; English ``person``/``people``)."""
    return t(f"nar.u.{name}.1" if count == 1 else f"nar.u.{name}", lang)


def join(items: Sequence[str], lang: str) -> str:
    """``A, B, dan C`` / ``A, B, and C``."""
    return format_list(list(items), locale=fmt.LOCALES.get(lang, "id_ID"))


def lead(as_of: date | None, lang: str) -> str:
    """``Sampai 31 Oktober 2024`` (or ``Sampai saat ini`` without a data date)."""
    if as_of is None:
        return t("nar.lead.now", lang)
    return t("nar.lead.date", lang, date=fmt.tanggal(as_of, lang))


def scope_text(description: str) -> str:
    """A filter stamp fit for the inside of a sentence (``·`` separators become ``;``)."""
    return description.replace(" · ", "; ")


def place(nama: str, jenis: str, lang: str) -> str:
    """``Desa Bonto Jai`` / ``Kelurahan Tappanjeng``."""
    key = "nar.place.kelurahan" if jenis == "kelurahan" else "nar.place.desa"
    return t(key, lang, nama=nama)


# --- quota ---------------------------------------------------------------------------------------


def progress(
    peserta: int,
    kuota: int,
    class_size: int,
    as_of: date | None,
    lang: str = "id",
    *,
    whole: bool = False,
) -> str:
    """Participants against the quota, with what is still needed in classes of ``class_size``.

    ``Sampai 31 Oktober 2024, 1.248 dari 1.444 orang (86,4%) telah mengikuti pelatihan; 196 orang
    lagi diperlukan, atau 13 kelas berisi 16.`` With ``whole`` the sentence opens "Untuk seluruh
    program" (used after a sentence on a filtered scope, which carries the date).
    """
    from lib.semantic.query import percent

    opening = t("nar.lead.whole", lang) if whole else lead(as_of, lang)
    sisa = plan.seats_needed(kuota, peserta)
    kelas = plan.classes_needed(sisa, class_size)
    values = {
        "lead": opening,
        "peserta": _n(peserta, lang),
        "kuota": _n(kuota, lang),
        "persen": fmt.pct(percent(peserta, kuota), lang),
        "sisa": _n(sisa, lang),
        "u_sisa": unit("person", sisa, lang),
        "kelas": _n(kelas, lang),
        "u_kelas": unit("class", kelas, lang),
        "size": _n(class_size, lang),
        "lebih": _n(peserta - kuota, lang),
        "u_lebih": unit("person", peserta - kuota, lang),
    }
    if peserta <= 0:
        key = "nar.progress.zero"
    elif peserta > kuota:
        key = "nar.progress.over"
    elif peserta == kuota:
        key = "nar.progress.met"
    elif kelas == 1:
        key = "nar.progress.last_class"
    else:
        key = "nar.progress.some"
    return t(key, lang, **values)


def scope_progress(
    peserta: int,
    kuota: int,
    persen_kuota: float | None,
    description: str,
    as_of: date | None,
    lang: str = "id",
) -> str:
    """Participants of a filtered scope as a share of the programme quota."""
    values = {
        "lead": lead(as_of, lang),
        "desc": scope_text(description),
        "peserta": _n(peserta, lang),
        "u_peserta": unit("person", peserta, lang),
        "persen": fmt.pct(persen_kuota, lang),
        "kuota": _n(kuota, lang),
    }
    key = "nar.scope.zero" if peserta <= 0 else "nar.scope.some"
    return t(key, lang, **values)


def completion(selesai: int, kompeten: int, lang: str = "id") -> str:
    """Completers and, among them, those assessed competent."""
    if selesai <= 0:
        return t("nar.completion.none", lang)
    key = "nar.completion.some" if kompeten > 0 else "nar.completion.no_kompeten"
    return t(
        key,
        lang,
        selesai=_n(selesai, lang),
        u_selesai=unit("person", selesai, lang),
        kompeten=_n(kompeten, lang),
    )


# --- pace (lib.semantic.plan) -----------------------------------------------------------------------------


def pace(p: plan.Pace, lang: str = "id") -> str:
    return plan.pace_sentence(p, lang)


def projection(pr: plan.Projection, lang: str = "id") -> str:
    return plan.projection_sentence(pr, lang)


# --- packages ------------------------------------------------------------------------------------


def packages(
    berjalan: int,
    total: int,
    kelas: int,
    persen_keterisian: float | None,
    top: tuple[str, int] | None,
    lang: str = "id",
    *,
    regency: bool = False,
) -> list[str]:
    """Packages run, classes and fill rate; then the package with the most participants.

    With ``regency`` (a person filter is active) the class figures are said to be the regency's:
    class indicators follow the class filters only (docs/indicators.md).
    """
    if kelas <= 0:
        return [t("nar.paket.none", lang, total=_n(total, lang))]
    suffix = ".regency" if regency else ""
    key = ("nar.paket.all" if berjalan >= total else "nar.paket.some") + suffix
    first = t(
        key,
        lang,
        berjalan=_n(berjalan, lang),
        total=_n(total, lang),
        kelas=_n(kelas, lang),
        u_kelas=unit("class", kelas, lang),
        persen=fmt.pct(persen_keterisian, lang),
    )
    if top is None or top[1] <= 0:
        return [first, t("nar.paket.no_people", lang)]
    nama, n = top
    return [
        first,
        t("nar.paket.top" + suffix, lang, nama=nama, n=_n(n, lang), u=unit("person", n, lang)),
    ]


# --- villages ------------------------------------------------------------------------------------


def villages(rows: Sequence[tuple[str, str, int]], lang: str = "id", top_n: int = 3) -> list[str]:
    """Where participants live. ``rows``: every village in scope as ``(nama, jenis, peserta)``.

    Names the villages with most participants (up to ``top_n``) and those without any (by name
    when there are at most three, else as a count).
    """
    total = len(rows)
    with_people = sorted((r for r in rows if r[2] > 0), key=lambda r: (-r[2], r[0]))
    without = [r for r in rows if r[2] <= 0]
    if not with_people:
        if total == 1:
            return [t("nar.desa.zero_one", lang, place=place(rows[0][0], rows[0][1], lang))]
        return [
            t("nar.desa.zero", lang, total=_n(total, lang), u_total=unit("village", total, lang))
        ]
    if total == 1:
        nama, jenis, n = with_people[0]
        key = "nar.desa.only_one_person" if n == 1 else "nar.desa.only_one"
        return [t(key, lang, n=_n(n, lang), place=place(nama, jenis, lang))]

    def counted(r: tuple[str, str, int]) -> str:
        return t(
            "nar.count", lang, place=place(r[0], r[1], lang), n=_n(r[2], lang),
            u=unit("person", r[2], lang),
        )  # fmt: skip

    top = join([counted(r) for r in with_people[:top_n]], lang)
    if not without:
        return [t("nar.desa.all", lang, total=_n(total, lang), top=top)]
    if len(with_people) == 1:
        first = t("nar.desa.single", lang, top=counted(with_people[0]))
    else:
        first = t(
            "nar.desa.some", lang, with_=_n(len(with_people), lang), total=_n(total, lang), top=top
        )
    if len(without) <= 3:
        names = join([place(r[0], r[1], lang) for r in sorted(without)], lang)
        second = t("nar.desa.missing_names", lang, names=names)
    else:
        second = t("nar.desa.missing_count", lang, n=_n(len(without), lang))
    return [first, second]


# --- outcomes ------------------------------------------------------------------------------------


def outcomes(
    values: Mapping[str, int | float | None],
    lang: str = "id",
    *,
    privacy: Privacy = EXACT,
    shown: Mapping[str, str] | None = None,
) -> list[str]:
    """Latest tracer status of the completers (indicator keys of ``lib.semantic.measures``).

    For a leadership viewer (``privacy``) fewer completers than the threshold give one sentence
    without a rate or a breakdown; ``shown`` holds the outcome counts as the deck's masked outcome
    table writes them (``<5``, ``×``)."""
    selesai = int(values.get("selesai") or 0)
    persen = values.get("persen_penempatan")
    if selesai <= 0 or persen is None:
        return [t("nar.hasil.none", lang)]
    if privacy.small(selesai):
        return [t("nar.hasil.kecil", lang, selesai=privacy.count(selesai, lang))]
    untraced = int(values.get("tidak_terlacak") or 0)
    if untraced >= selesai:
        if selesai == 1:
            return [t("nar.hasil.untraced_one", lang)]
        return [t("nar.hasil.untraced", lang, selesai=_n(selesai, lang))]
    counts = {k: int(values.get(k) or 0) for k in OUTCOME_ORDER}
    rate = fmt.pct(persen, lang)
    if selesai == 1:
        status = next(k for k in OUTCOME_ORDER if counts[k] > 0)
        return [t("nar.hasil.one", lang, status=t(f"nar.status1.{status}", lang), persen=rate)]

    def part(key: str, n: int) -> str:
        text = shown[key] if shown and key in shown else privacy.count(n, lang)
        return t(f"nar.outcome.{key}", lang, n=text)

    placed = [part(k, counts[k]) for k in measures.PLACED if counts[k] > 0]
    rest = [part(k, counts[k]) for k in OUTCOME_ORDER if k not in measures.PLACED and counts[k]]
    if untraced > 0:
        rest.append(part("tidak_terlacak", untraced))
    if placed:
        first = t(
            "nar.hasil.placed", lang, selesai=_n(selesai, lang), placed=join(placed, lang),
            persen=rate,
        )  # fmt: skip
        rest_key = "nar.hasil.rest"
    else:
        first = t("nar.hasil.unplaced", lang, selesai=_n(selesai, lang), persen=rate)
        rest_key = "nar.hasil.breakdown"
    if not rest:
        return [first]
    return [first, t(rest_key, lang, rest=join(rest, lang))]


# --- KUR and aid ---------------------------------------------------------------------------------


def aid(
    values: Mapping[str, int | float | None],
    kur_pending: int = 0,
    lang: str = "id",
    *,
    privacy: Privacy = EXACT,
) -> list[str]:
    """KUR approved (count and value) and pending; equipment and hamlet/RW capital aid approved.

    For a leadership viewer (``privacy``) a small count reads ``<5`` and the value of fewer than
    the threshold of KUR records is left out of the sentence."""
    kur = int(values.get("kur_disetujui") or 0)
    rp = int(values.get("kur_nilai_rp") or 0)
    alat = int(values.get("peralatan") or 0)
    modal = int(values.get("modal_dusun_rw") or 0)
    if not (kur or kur_pending or alat or modal):
        return [t("nar.aid.nothing", lang)]
    c = lambda v: privacy.count(v, lang)  # noqa: E731
    common = {
        "n": c(kur),
        "u": unit("application", 2 if privacy.small(kur) else kur, lang),
        "rp": money(rp, lang),
        "p": c(kur_pending),
        "u_p": unit("application", 2 if privacy.small(kur_pending) else kur_pending, lang),
    }
    hidden_rp = privacy.small(kur)
    if hidden_rp:
        privacy.derived("", kur)  # the value is left out: remember it for the footnote
    if kur and kur_pending:
        first = t("nar.kur.some_pending" + (".norp" if hidden_rp else ""), lang, **common)
    elif kur:
        first = t("nar.kur.some" + (".norp" if hidden_rp else ""), lang, **common)
    elif kur_pending:
        first = t("nar.kur.pending", lang, **common)
    else:
        first = t("nar.kur.none", lang)
    u = unit("record", 2 if privacy.small(alat or modal) else alat or modal, lang)
    if alat and modal:
        second = t("nar.aid.both", lang, a=c(alat), b=c(modal), u=u)
    elif alat:
        second = t("nar.aid.alat_only", lang, a=c(alat), u=u)
    elif modal:
        second = t("nar.aid.modal_only", lang, b=c(modal), u=u)
    else:
        second = t("nar.aid.neither", lang)
    return [first, second]


# --- alerts and title ----------------------------------------------------------------------------


def alerts(count: int, lang: str = "id") -> str:
    if count <= 0:
        return t("nar.alert.none", lang)
    if count == 1:
        return t("nar.alert.one", lang)
    return t("nar.alert.many", lang, n=_n(count, lang))


def title(
    description: str, as_of: date | None, lang: str = "id", *, unfiltered: bool = False
) -> str:
    """``Briefing untuk Kecamatan Bissappu; Tahun 2024, berdasarkan data per 31 Januari 2025.``"""
    desc = scope_text(description)
    if unfiltered:  # the "no filter" description is a phrase, not a name: no capital inside
        desc = desc[:1].lower() + desc[1:]
    if as_of is None:
        return t("nar.title.nodate", lang, desc=desc)
    return t("nar.title", lang, desc=desc, date=fmt.tanggal(as_of, lang))


# --- the decision deck (lib.semantic.decisions): money, conclusion titles, gaps, proposals -------

MINUS = "\u2212"


def money(value: int | float | None, lang: str = "id") -> str:
    """The deck's money: ``Rp3,99 miliar``, ``Rp438 juta``, ``Rp750.000`` (the figure of the cards'
    ``Rp3,99 M``, :func:`lib.core.fmt.rupiah_compact`, in words), with a true minus sign."""
    text = fmt.rupiah_compact(value, lang, words=True)
    return MINUS + text[1:] if text.startswith("-") else text


def signed(value: int | float | None, lang: str = "id") -> str:
    """A number with a true minus sign (``−35``) instead of a hyphen."""
    text = _n(value, lang)
    return text.replace("-", MINUS, 1) if text.startswith("-") else text


def gap_words(behind: int, lang: str = "id") -> str:
    """``kurang 35 orang`` / ``lebih 5 orang`` / ``sesuai rencana`` (``behind`` = plan − actual)."""
    if behind > 0:
        return t("brief.v.kurang", lang, n=_n(behind, lang))
    if behind < 0:
        return t("brief.v.lebih", lang, n=_n(-behind, lang))
    return t("brief.v.pas", lang)


def names(items: Sequence[str], lang: str = "id", limit: int = 3) -> str:
    """``A, B, dan C`` for up to ``limit`` items, else ``A, B, C, dan 4 lainnya``."""
    items = list(items)
    if len(items) <= limit:
        return join(items, lang)
    return t(
        "nar.t.desa.more", lang, names=", ".join(items[:limit]), n=_n(len(items) - limit, lang)
    )


def _status_values(st, lang: str, privacy: Privacy = EXACT) -> dict[str, str]:
    return {
        "peserta": privacy.count(st.peserta, lang),
        "kuota": _n(st.kuota, lang),
        "persen": privacy.pct(st.persen_kuota, st.peserta, lang),
        "sisa": _n(st.sisa_kuota, lang),
        "kelas": _n(st.kelas_dibutuhkan, lang),
        "hari": _n(st.hari_tersisa, lang),
        "akhir": fmt.tanggal(st.tanggal_selesai, lang),
        "gap": _n(st.selisih_rencana, lang),
        "bulan": _n(st.bulan_laju_terkini, lang),
        "lead": lead(st.as_of, lang),
    }


def status_title(st, lang: str = "id", privacy: Privacy = EXACT) -> str:
    """The deck's headline: the quota status (``decisions.status``) as a conclusion."""
    v = _status_values(st, lang, privacy)
    if st.key == "terlambat":
        if st.hari_tersisa <= 0:
            return t("nar.t.status.lewat", lang, **v)
        if st.proyeksi_selisih_hari and st.proyeksi_selisih_hari > 0:
            return t(
                "nar.t.status.terlambat", lang, **{**v, "hari": _n(st.proyeksi_selisih_hari, lang)}
            )
        return t("nar.t.status.terlambat.none", lang, **v)
    return t(f"nar.t.status.{st.key}", lang, **v)


def status_sentence(st, lang: str = "id", privacy: Privacy = EXACT) -> str:
    """The quota status in one sentence."""
    v = _status_values(st, lang, privacy)
    if st.key == "terlambat":
        if st.proyeksi and st.proyeksi_selisih_hari and st.proyeksi_selisih_hari > 0:
            return t(
                "nar.st.terlambat", lang, **{**v, "proyeksi": fmt.tanggal(st.proyeksi, lang),
                                             "hari": _n(st.proyeksi_selisih_hari, lang)},
            )  # fmt: skip
        return t("nar.st.terlambat.none", lang, **v)
    return t(f"nar.st.{st.key}", lang, **v)


def pace_title(st, lang: str = "id", privacy: Privacy = EXACT) -> str:
    v = _status_values(st, lang, privacy)
    if st.key == "tercapai":
        return t("nar.t.laju.reached", lang, **v)
    if st.selisih_rencana > 0:
        if st.laju_dibutuhkan is None:
            return t("nar.t.laju.behind_late", lang, **v)
        return t("nar.t.laju.behind", lang, **{**v, "laju": _n(st.laju_dibutuhkan, lang)})
    return t("nar.t.laju.ok", lang, **{**v, "rencana": _n(st.rencana, lang)})


def recent_pace(st, lang: str = "id") -> str | None:
    if st.laju_dibutuhkan is None or st.laju_terkini is None or st.key == "tercapai":
        return None
    return t(
        "nar.laju.recent", lang, bulan=_n(st.bulan_laju_terkini, lang),
        terkini=_n(st.laju_terkini, lang), rata=_n(st.laju_rata, lang),
        perlu=_n(st.laju_dibutuhkan, lang), kelas=_n(st.kelas_per_bulan, lang),
    )  # fmt: skip
