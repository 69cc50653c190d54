"""The briefing's sentences: exact Indonesian text for every case, and no holes for any input."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.briefing import narrative as n
from lib.semantic import plan

DAY = date(2024, 10, 31)


# --- quota progress ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("peserta", "expected"),
    [
        (
            1248,
            "Sampai 31 Oktober 2024, 1.248 dari 1.444 orang (86,4%) telah mengikuti pelatihan; "
            "196 orang lagi diperlukan, atau 13 kelas berisi 16.",
        ),
        (
            0,
            "Sampai 31 Oktober 2024, belum ada orang yang mengikuti pelatihan; seluruh kuota "
            "1.444 orang masih diperlukan, atau 91 kelas berisi 16.",
        ),
        (
            1,
            "Sampai 31 Oktober 2024, 1 dari 1.444 orang (0,1%) telah mengikuti pelatihan; "
            "1.443 orang lagi diperlukan, atau 91 kelas berisi 16.",
        ),
        (
            1440,
            "Sampai 31 Oktober 2024, 1.440 dari 1.444 orang (99,7%) telah mengikuti pelatihan; "
            "4 orang lagi diperlukan, cukup dengan satu kelas lagi.",
        ),
        (
            1444,
            "Sampai 31 Oktober 2024, 1.444 dari 1.444 orang (100,0%) telah mengikuti pelatihan; "
            "kuota program telah terpenuhi.",
        ),
        (
            1500,
            "Sampai 31 Oktober 2024, 1.500 orang telah mengikuti pelatihan (103,9% dari kuota), "
            "melampaui kuota 1.444 orang sebanyak 56 orang.",
        ),
    ],
    ids=["several", "zero", "one", "last-class", "met", "exceeded"],
)
def test_progress_sentence(peserta, expected):
    assert n.progress(peserta, 1444, 16, DAY) == expected


def test_progress_without_data_date_and_for_the_whole_programme():
    assert n.progress(16, 32, 16, None) == (
        "Sampai saat ini, 16 dari 32 orang (50,0%) telah mengikuti pelatihan; 16 orang lagi "
        "diperlukan, cukup dengan satu kelas lagi."
    )
    assert n.progress(1248, 1444, 16, DAY, whole=True).startswith(
        "Untuk seluruh program, 1.248 dari 1.444 orang (86,4%)"
    )


def test_progress_in_english_counts_people():
    assert n.progress(1443, 1444, 16, DAY, "en") == (
        "As of October 31, 2024, training has reached 1,443 of 1,444 people (99.9%); 1 more "
        "person to go, which one more class covers."
    )
    assert "1 of 1,444 people (0.1%); 1,443 more people to go, or 91 classes of 16" in (
        n.progress(1, 1444, 16, DAY, "en")
    )


def test_scope_progress():
    desc = "Kecamatan Bissappu · Tahun 2024"
    assert n.scope_progress(0, 1444, 0.0, desc, DAY) == (
        "Sampai 31 Oktober 2024, belum ada peserta pelatihan dalam cakupan ini "
        "(Kecamatan Bissappu; Tahun 2024)."
    )
    assert n.scope_progress(1, 1444, 0.1, desc, DAY) == (
        "Sampai 31 Oktober 2024, 1 orang dalam cakupan ini (Kecamatan Bissappu; Tahun 2024) "
        "telah mengikuti pelatihan, setara 0,1% dari kuota program 1.444 orang."
    )
    assert "training has reached 1 person in this scope" in n.scope_progress(
        1, 1444, 0.1, desc, DAY, "en"
    )


def test_completion():
    assert n.completion(0, 0) == "Belum ada peserta yang menyelesaikan pelatihan."
    assert n.completion(1, 0) == (
        "Sebanyak 1 orang telah menyelesaikan pelatihan; belum ada yang dinyatakan kompeten."
    )
    assert n.completion(1296, 1096) == (
        "Sebanyak 1.296 orang telah menyelesaikan pelatihan; 1.096 di antaranya dinyatakan "
        "kompeten."
    )


def test_pace_and_projection_come_from_lib_plan():
    start, end = date(2022, 2, 7), date(2025, 2, 6)
    p = plan.pace(1368, date(2025, 1, 31), start, end, 1444)
    pr = plan.project(1368, date(2025, 1, 31), start, end, 1444)
    assert n.pace(p) == plan.pace_sentence(p) and "tertinggal 68 orang" in n.pace(p)
    assert n.projection(pr) == plan.projection_sentence(pr)


# --- packages ------------------------------------------------------------------------------------


def test_packages_no_classes():
    assert n.packages(0, 40, 0, None, None) == [
        "Belum ada kelas pelatihan dalam cakupan ini; 40 paket dalam katalog belum dijalankan."
    ]


def test_packages_some_and_top():
    assert n.packages(13, 40, 13, 100.0, ("Barista", 16)) == [
        "Sebanyak 13 dari 40 paket pelatihan telah dijalankan dalam 13 kelas, dengan keterisian "
        "kursi 100,0%.",
        "Peserta terbanyak ada di paket Barista (16 orang).",
    ]


def test_packages_all_run_with_a_person_filter_and_nobody_in_scope():
    first, second = n.packages(40, 40, 96, 96.2, None, regency=True)
    assert first == (
        "Di seluruh kabupaten, semua 40 paket pelatihan telah dijalankan dalam 96 kelas, dengan "
        "keterisian kursi 96,2%."
    )
    assert second == "Belum ada peserta dalam cakupan ini di kelas-kelas tersebut."
    assert n.packages(1, 40, 1, 6.3, ("Barista", 1), regency=True)[1] == (
        "Di antara peserta dalam cakupan ini, paket terbanyak adalah Barista (1 orang)."
    )


def test_packages_in_english_singular_class():
    assert n.packages(1, 40, 1, 6.3, ("Barista", 1), "en") == [
        "1 of 40 training packages have run in 1 class, with 6.3% of seats filled.",
        "The most participants are in Barista (1 person).",
    ]


# --- villages ------------------------------------------------------------------------------------

JAI = ("Bonto Jai", "desa")
TAPPANJENG = ("Tappanjeng", "kelurahan")


def test_villages_nobody():
    assert n.villages([(*JAI, 0), (*TAPPANJENG, 0)]) == [
        "Belum ada peserta dari 2 desa/kelurahan dalam cakupan ini."
    ]
    assert n.villages([(*TAPPANJENG, 0)]) == ["Belum ada peserta dari Kelurahan Tappanjeng."]


def test_villages_a_single_village_in_scope():
    assert n.villages([(*JAI, 1)]) == [
        "Satu-satunya peserta dalam cakupan ini berasal dari Desa Bonto Jai."
    ]
    assert n.villages([(*JAI, 7)]) == [
        "Seluruh 7 peserta dalam cakupan ini berasal dari Desa Bonto Jai."
    ]


def test_villages_all_reached_names_the_top_three():
    rows = [(*JAI, 5), (*TAPPANJENG, 9), ("Bonto Cinde", "desa", 5), ("Lembang", "kelurahan", 2)]
    assert n.villages(rows) == [
        "Peserta berasal dari seluruh 4 desa/kelurahan dalam cakupan ini; terbanyak dari "
        "Kelurahan Tappanjeng (9 orang), Desa Bonto Cinde (5 orang), dan Desa Bonto Jai "
        "(5 orang)."
    ]


def test_villages_some_missing_by_name_or_count():
    rows = [(*JAI, 3), (*TAPPANJENG, 1), ("Bonto Cinde", "desa", 0)]
    assert n.villages(rows) == [
        "Peserta berasal dari 2 dari 3 desa/kelurahan; terbanyak dari Desa Bonto Jai (3 orang) "
        "dan Kelurahan Tappanjeng (1 orang).",
        "Desa Bonto Cinde belum memiliki peserta.",
    ]
    many = [(*JAI, 3)] + [(f"Desa{i}", "desa", 0) for i in range(4)]
    assert n.villages(many) == [
        "Semua peserta berasal dari satu desa/kelurahan, yaitu Desa Bonto Jai (3 orang).",
        "Masih ada 4 desa/kelurahan yang belum memiliki peserta.",
    ]


# --- outcomes ------------------------------------------------------------------------------------


def outcome_values(selesai=0, bekerja=0, wirausaha=0, belum=0, lanjut=0):
    from lib.semantic.query import percent

    traced = bekerja + wirausaha + belum + lanjut
    return {
        "selesai": selesai,
        "bekerja": bekerja,
        "wirausaha": wirausaha,
        "belum_bekerja": belum,
        "melanjutkan_pendidikan": lanjut,
        "tidak_terlacak": selesai - traced,
        "persen_penempatan": percent(bekerja + wirausaha, selesai),
    }


def test_outcomes_nobody_completed_placement_null():
    values = outcome_values()
    assert values["persen_penempatan"] is None
    assert n.outcomes(values) == [
        "Belum ada peserta yang menyelesaikan pelatihan dalam cakupan ini, sehingga hasil pasca "
        "pelatihan belum dapat diukur."
    ]


def test_outcomes_none_traced():
    assert n.outcomes(outcome_values(selesai=1)) == [
        "Satu alumni telah menyelesaikan pelatihan tetapi belum terlacak melalui survei "
        "penelusuran (tracer study); tingkat penempatan belum dapat dinilai."
    ]
    assert n.outcomes(outcome_values(selesai=40)) == [
        "Sebanyak 40 alumni telah menyelesaikan pelatihan, tetapi belum satu pun terlacak melalui "
        "survei penelusuran (tracer study); tingkat penempatan belum dapat dinilai."
    ]


def test_outcomes_exactly_one_alumnus():
    assert n.outcomes(outcome_values(selesai=1, wirausaha=1)) == [
        "Satu-satunya alumni dalam cakupan ini telah berwirausaha (tingkat penempatan 100,0%)."
    ]
    assert n.outcomes(outcome_values(selesai=1, belum=1)) == [
        "Satu-satunya alumni dalam cakupan ini belum bekerja (tingkat penempatan 0,0%)."
    ]


def test_outcomes_placed_and_the_rest():
    assert n.outcomes(outcome_values(1296, 355, 378, 335, 50)) == [
        "Dari 1.296 alumni, 355 bekerja dan 378 berwirausaha, sehingga tingkat penempatan 56,6%.",
        "Sisanya, 335 belum bekerja, 50 melanjutkan pendidikan, dan 178 belum terlacak.",
    ]
    assert n.outcomes(outcome_values(16, bekerja=16)) == [
        "Dari 16 alumni, 16 bekerja, sehingga tingkat penempatan 100,0%."
    ]


def test_outcomes_nobody_placed():
    assert n.outcomes(outcome_values(10, belum=6)) == [
        "Dari 10 alumni, belum ada yang tercatat bekerja atau berwirausaha (tingkat penempatan "
        "0,0%).",
        "Rinciannya: 6 belum bekerja dan 4 belum terlacak.",
    ]


# --- KUR and aid ---------------------------------------------------------------------------------


def aid_values(kur=0, rp=0, alat=0, modal=0):
    return {"kur_disetujui": kur, "kur_nilai_rp": rp, "peralatan": alat, "modal_dusun_rw": modal}


def test_aid_nothing_at_all():
    assert n.aid(aid_values()) == [
        "Belum ada KUR, bantuan peralatan, maupun modal usaha dusun/RW yang diajukan atau "
        "disetujui bagi peserta dalam cakupan ini."
    ]


def test_aid_kur_and_both_kinds():
    assert n.aid(aid_values(166, 3_403_500_000, 593, 239), kur_pending=16) == [
        "Sebanyak 166 pengajuan KUR telah disetujui atau disalurkan dengan nilai Rp3,4 miliar, "
        "dan 16 pengajuan lagi masih diproses.",
        "Selain itu, 593 bantuan peralatan dan 239 bantuan modal usaha dusun/RW telah disetujui "
        "atau disalurkan.",
    ]


def test_aid_partial_cases():
    assert n.aid(aid_values(1, 15_000_000)) == [
        "Sebanyak 1 pengajuan KUR telah disetujui atau disalurkan dengan nilai Rp15 juta.",
        "Bantuan peralatan maupun modal usaha dusun/RW belum ada yang disetujui.",
    ]
    assert n.aid(aid_values(alat=2), kur_pending=1) == [
        "Belum ada KUR yang disetujui; 1 pengajuan masih diproses.",
        "Selain itu, 2 bantuan peralatan telah disetujui atau disalurkan; bantuan modal usaha "
        "dusun/RW belum ada.",
    ]
    assert n.aid(aid_values(modal=3)) == [
        "Belum ada pengajuan KUR bagi peserta dalam cakupan ini.",
        "Selain itu, 3 bantuan modal usaha dusun/RW telah disetujui atau disalurkan; bantuan "
        "peralatan belum ada.",
    ]


# --- alerts and title ----------------------------------------------------------------------------


def test_alerts_and_title():
    assert n.alerts(0) == "Tidak ada peringatan untuk cakupan ini."
    assert n.alerts(1) == "Ada satu hal yang perlu mendapat perhatian."
    assert n.alerts(4) == "Ada 4 hal yang perlu mendapat perhatian."
    assert n.title("Seluruh kabupaten, semua tahun dan paket", DAY, unfiltered=True) == (
        "Briefing untuk seluruh kabupaten, semua tahun dan paket, berdasarkan data per "
        "31 Oktober 2024."
    )
    assert n.title("Kecamatan Bissappu · Tahun 2024", None) == (
        "Briefing untuk Kecamatan Bissappu; Tahun 2024; belum ada tanggal data."
    )


# --- no holes, whatever the numbers --------------------------------------------------------------

WELL_FORMED = re.compile(r"^[A-Z1-9][^{}]*[.]$")
counts = st.integers(min_value=0, max_value=3000)


def _well_formed(sentence: str) -> None:
    assert WELL_FORMED.match(sentence), sentence
    assert "  " not in sentence and " ," not in sentence and " ." not in sentence, sentence
    # "None of the …" is English; a leaked None or NaN stands inside the sentence as a word.
    assert not re.search(r"(?<!^)\bNone\b|\bnan\b", sentence), sentence


@settings(max_examples=60, deadline=None)
@given(
    peserta=counts,
    selesai=counts,
    split=st.lists(st.integers(0, 500), min_size=4, max_size=4),
    money=st.integers(0, 10**10),
    lang=st.sampled_from(["id", "en"]),
    as_of=st.none() | st.dates(date(2022, 1, 1), date(2026, 12, 31)),
)
def test_every_sentence_is_whole(peserta, selesai, split, money, lang, as_of):
    bekerja, wirausaha, belum, lanjut = split
    selesai = max(selesai, sum(split))
    sentences = [
        n.progress(peserta, 1444, 16, as_of, lang),
        n.progress(peserta, 1444, 16, as_of, lang, whole=True),
        n.scope_progress(peserta, 1444, 1.0, "Kecamatan Bissappu", as_of, lang),
        n.completion(selesai, min(selesai, peserta), lang),
        *n.packages(min(peserta, 40), 40, peserta, 50.0, ("Barista", selesai), lang),
        *n.villages([("A", "desa", peserta), ("B", "kelurahan", selesai % 3)], lang),
        *n.outcomes(outcome_values(selesai, bekerja, wirausaha, belum, lanjut), lang),
        *n.aid(aid_values(bekerja, money, wirausaha, belum), lanjut, lang),
        n.alerts(peserta, lang),
    ]
    for sentence in sentences:
        _well_formed(sentence)
