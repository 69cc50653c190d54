"""UI text of the decision measures (``lib.semantic.decisions``): status keys, reasons, score parts,
proposal kinds and the units they add to the glossary (see lib/core/i18n/__init__.py). Sentences
built from these figures belong to the page and the deck."""

TEXT: dict[str, dict[str, str]] = {
    # --- status of the quota (decisions.status().key) ---------------------------------------------
    "keputusan.status.tercapai": {"id": "Kuota tercapai", "en": "Quota reached"},
    "keputusan.status.sesuai": {"id": "Sesuai rencana", "en": "On track"},
    "keputusan.status.tertinggal": {
        "id": "Tertinggal, masih bisa dikejar",
        "en": "Behind, still within reach",
    },
    "keputusan.status.terlambat": {
        "id": "Diperkirakan melewati batas waktu",
        "en": "Expected to miss the deadline",
    },
    "keputusan.status.rule": {
        "id": "Sesuai rencana: peserta mencapai rencana linear. Tertinggal: di bawah rencana, "
        "tetapi laju {bulan} bulan terakhir cukup untuk mencapai kuota sebelum batas waktu. "
        "Diperkirakan melewati batas waktu: laju itu kurang dari laju yang dibutuhkan, atau "
        "batas waktu sudah lewat.",
        "en": "On track: participants reach the linear plan. Behind: under the plan, but the "
        "pace of the last {bulan} months is enough to reach the quota before the deadline. "
        "Expected to miss the deadline: that pace is below the pace needed, or the deadline has "
        "passed.",
    },
    "keputusan.scope.programme": {
        "id": "Angka ini untuk seluruh program; filter tidak berlaku di sini.",
        "en": "This figure is for the whole programme; the filters do not apply here.",
    },
    # --- share of the quota (decisions.fair_share) -------------------------------------------------
    "keputusan.porsi.label": {
        "id": "Porsi dari kuota kabupaten",
        "en": "Share of the regency quota",
    },
    "keputusan.porsi.tanpa_filter": {
        "id": "Tanpa filter wilayah, porsi sama dengan capaian kuota kabupaten; bagian wajar "
        "hanya dihitung untuk kecamatan, desa atau jenis kelamin.",
        "en": "Without an area filter the share is the regency's quota reached; a fair share is "
        "computed only for a kecamatan, village or gender.",
    },
    "keputusan.porsi.hanya_filter_kelas": {
        "id": "Filter tahun, paket atau kejuruan tidak membentuk wilayah, jadi bagian wajar "
        "tidak berlaku.",
        "en": "Year, package or trade filters do not make an area, so a fair share does not apply.",
    },
    # --- packages (decisions.packages) -------------------------------------------------------------
    "keputusan.paket.alasan.belum_berjalan": {
        "id": "Belum ada kelas",
        "en": "No class yet",
    },
    "keputusan.paket.alasan.n_kecil": {
        "id": "Terlalu sedikit orang untuk diperingkat",
        "en": "Too few people to rank",
    },
    "keputusan.paket.urutan": {
        "id": "Diurutkan menurut batas bawah selang kepercayaan 95% (Wilson) dari {ukuran}; paket "
        "dengan kurang dari {ambang} orang tidak diperingkat.",
        "en": "Sorted by the lower bound of the 95% (Wilson) interval of the {ukuran}; packages "
        "with fewer than {ambang} people are not ranked.",
    },
    "keputusan.selang": {"id": "Selang 95%", "en": "95% interval"},
    # --- alumni priority (decisions.alumni_priority) ----------------------------------------------
    "keputusan.skor.kompeten": {"id": "Lulus uji kompetensi", "en": "Tested competent"},
    "keputusan.skor.wirausaha": {
        "id": "Berwirausaha (survei terakhir)",
        "en": "Self-employed (latest survey)",
    },
    "keputusan.skor.belum_dibantu": {
        "id": "Belum menerima KUR atau bantuan peralatan",
        "en": "No KUR or equipment aid yet",
    },
    "keputusan.skor.desil": {"id": "Desil lebih rendah", "en": "Lower desil"},
    "keputusan.skor.kebutuhan_desa": {
        "id": "Kebutuhan desa yang belum terlayani",
        "en": "Unmet need of the village",
    },
    "keputusan.skor.desil.rule": {
        "id": "Desil 1 bernilai 1, lalu berkurang sampai desil {desil}; desil di atasnya 0.",
        "en": "Desil 1 scores 1, decreasing to desil {desil}; higher desils score 0.",
    },
    "keputusan.skor.kebutuhan_desa.rule": {
        "id": "Kebutuhan belum terlayani desanya dibagi kebutuhan desa terbesar di kabupaten.",
        "en": "The village's unmet need divided by the largest village unmet need in the regency.",
    },
    # --- proposal kinds (decisions.proposals) -------------------------------------------------------
    "keputusan.usulan.buka_kelas": {"id": "Buka kelas", "en": "Open classes"},
    "keputusan.usulan.desa_tanpa_peserta": {
        "id": "Jangkau desa tanpa peserta",
        "en": "Reach villages with no participant",
    },
    "keputusan.usulan.desa_kebutuhan_terbesar": {
        "id": "Jangkau desa dengan kebutuhan terbesar",
        "en": "Reach the villages with the largest unmet need",
    },
    "keputusan.usulan.telusur_alumni": {"id": "Telusuri alumni", "en": "Follow up alumni"},
    "keputusan.usulan.percepat_kur": {
        "id": "Percepat pengajuan KUR",
        "en": "Speed up KUR applications",
    },
    "keputusan.usulan.modal_dusun_rw": {
        "id": "Modal usaha dusun/RW",
        "en": "Hamlet/RW business capital",
    },
    # --- units of the decision measures in the glossary -------------------------------------------
    "glos.unit.hari": {"id": "hari", "en": "days"},
    "glos.unit.orang_per_bulan": {"id": "orang per bulan", "en": "people per month"},
    "glos.unit.skor": {"id": "skor", "en": "score"},
    "glos.unit.survei": {"id": "survei", "en": "surveys"},
}
