"""The status headline of ``/`` and ``/rencana``: "are we on track, and if not by how much and
until when", in words and a tone, from :func:`lib.semantic.decisions.status`.

The figures are the programme's (the quota is the regency's): a page under a filter says so beside
the headline.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.core import fmt
from lib.core.i18n import t
from lib.semantic.decisions import Status

TONES = {"tercapai": "good", "sesuai": "good", "tertinggal": "warn", "terlambat": "bad"}


@dataclass(frozen=True)
class Headline:
    key: str  # decisions.STATUS_KEYS
    tone: str  # good | warn | bad
    title: str  # one sentence: the answer
    detail: str  # the figures behind it


def _n(v, lang: str) -> str:
    return fmt.number(v, lang=lang)


def headline(st: Status, lang: str = "id") -> Headline:
    """The headline for ``st`` in ``lang``."""
    d = {
        "peserta": _n(st.peserta, lang),
        "kuota": _n(st.kuota, lang),
        "pct": fmt.pct(st.persen_kuota, lang),
        "sisa": _n(st.sisa_kuota, lang),
        "kelas": _n(st.kelas_dibutuhkan, lang),
        "end": fmt.tanggal(st.tanggal_selesai, lang),
        "as_of": fmt.tanggal(st.as_of, lang),
        "hari": _n(st.hari_tersisa, lang),
        "gap": _n(abs(st.selisih_rencana), lang),
        "proyeksi": fmt.tanggal(st.proyeksi, lang) if st.proyeksi else "",
        "telat": _n(st.proyeksi_selisih_hari or 0, lang),
        "laju": _n(round(st.laju_dibutuhkan), lang) if st.laju_dibutuhkan is not None else "",
        "terkini": _n(round(st.laju_terkini), lang) if st.laju_terkini is not None else "",
        "bulan": _n(st.bulan_laju_terkini, lang),
    }
    key = st.key
    if key == "tercapai":
        title = t("status.title.tercapai", lang, **d)
        detail = t("status.detail.tercapai", lang, **d)
    elif key == "sesuai":
        title = t("status.title.sesuai", lang, **d)
        detail = t("status.detail.sesuai", lang, **d)
    else:
        which = "proyeksi" if st.proyeksi else "tanpa_proyeksi"
        title = t(f"status.title.{key}.{which}", lang, **d)
        parts = [t("status.detail.gap", lang, **d)]
        if st.hari_tersisa > 0 and st.laju_dibutuhkan is not None:
            parts.append(t("status.detail.pace", lang, **d))
        else:
            parts.append(t("status.detail.passed", lang, **d))
        if st.laju_terkini is not None:
            parts.append(t("status.detail.recent", lang, **d))
        detail = " ".join(parts)
    return Headline(key, TONES[key], title, detail)


def change_since_last_month(st: Status, lang: str = "id") -> str:
    """ "+68 sejak 31 Desember 2024" for a metric's delta."""
    return t(
        "status.delta",
        lang,
        n=fmt.number(st.perubahan_bulan_lalu, lang=lang),
        date=fmt.tanggal(st.akhir_bulan_lalu, lang),
    )
