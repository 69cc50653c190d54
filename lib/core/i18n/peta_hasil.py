"""UI text of the /peta and /hasil pages (see lib/i18n/__init__.py)."""

TEXT: dict[str, dict[str, str]] = {
    # --- /peta -------------------------------------------------------------------------------------
    "peta.intro": {
        "id": "Sebaran peserta dan warga sasaran DTKS/DTSEN per desa/kelurahan. Klik desa pada peta "
        "atau pilih baris tabel untuk menyaring seluruh dasbor ke desa itu.",
        "en": "Participants and eligible registry residents per village. Click a village on the map "
        "or pick a table row to filter the whole dashboard to that village.",
    },
    "peta.metric": {"id": "Ukuran pada peta", "en": "Mapped measure"},
    "peta.metric.peserta": {"id": "Peserta", "en": "Participants"},
    "peta.metric.warga_sasaran": {"id": "Warga sasaran", "en": "Eligible residents"},
    "peta.metric.cakupan": {"id": "Cakupan", "en": "Coverage"},
    "peta.metric.kebutuhan_belum_terlayani": {
        "id": "Kebutuhan belum terlayani",
        "en": "Unmet need",
    },
    "peta.boundaries.indicative": {
        "id": "Batas desa indikatif (bukan batas hukum).",
        "en": "Indicative village boundaries (not legal boundaries).",
    },
    "peta.tanpa_peserta": {
        "id": "{n} desa/kelurahan punya warga sasaran tetapi belum ada peserta (nama merah di "
        "peta): {names}.",
        "en": "{n} villages have eligible residents but no participant (red names on the map): "
        "{names}.",
    },
    "peta.metric.persen_penempatan": {"id": "Tingkat penempatan", "en": "Placement rate"},
    "peta.def.cakupan": {
        "id": "Peserta dibagi warga sasaran × 100, per desa tempat tinggal peserta menurut "
        "DTKS/DTSEN.",
        "en": "Participants / eligible residents × 100, by the participants' registry village.",
    },
    "peta.mode.choropleth": {
        "id": "Peta batas desa (choropleth) dari berkas {file}.",
        "en": "Village boundary map (choropleth) from the file {file}.",
    },
    "peta.mode.circles": {
        "id": "Lingkaran proporsional di titik desa: belum ada berkas batas desa "
        "(PANTAU_BOUNDARIES atau [peta] batas_desa di data/programme.toml).",
        "en": "Proportional circles at the village points: no village boundary file is configured "
        "(PANTAU_BOUNDARIES or [peta] batas_desa in data/programme.toml).",
    },
    "peta.boundary_error": {
        "id": "Berkas batas desa tidak dapat dibaca ({detail}); peta memakai lingkaran.",
        "en": "The village boundary file cannot be read ({detail}); the map uses circles.",
    },
    "peta.missing_boundaries": {
        "id": "{n} desa tidak ada di berkas batas desa dan ditampilkan sebagai lingkaran.",
        "en": "{n} villages are missing from the boundary file and are drawn as circles.",
    },
    "peta.legend.no_data": {
        "id": "Tidak ada data (penyebut nol)",
        "en": "No data (zero denominator)",
    },
    "peta.legend.hidden": {
        "id": "{small} / disembunyikan (angka kecil)",
        "en": "{small} / hidden (small numbers)",
    },
    "peta.legend.context": {
        "id": "Abu-abu muda: desa di luar filter",
        "en": "Light grey: villages outside the filters",
    },
    "peta.legend.size": {
        "id": "Luas lingkaran sebanding dengan {what}.",
        "en": "Circle area is proportional to {what}.",
    },
    "peta.size.peserta": {"id": "jumlah peserta", "en": "the number of participants"},
    "peta.size.warga_sasaran": {
        "id": "jumlah warga sasaran",
        "en": "the number of eligible residents",
    },
    "peta.size.selesai": {
        "id": "jumlah peserta selesai",
        "en": "the number of completers",
    },
    "peta.map_alt": {
        "id": "Peta desa/kelurahan: {metric} per desa",
        "en": "Village map: {metric} per village",
    },
    "peta.tooltip.kecamatan": {"id": "Kec.", "en": "District"},
    "peta.h.ringkas": {"id": "Dalam filter ini", "en": "Within these filters"},
    "peta.h.kecamatan": {"id": "Ringkasan per kecamatan", "en": "Summary per district"},
    "peta.h.desa": {"id": "Desa/kelurahan", "en": "Villages"},
    "peta.pick.kecamatan": {
        "id": "Pilih baris untuk menyaring ke kecamatan itu.",
        "en": "Pick a row to filter to that district.",
    },
    "peta.pick.desa": {
        "id": "Pilih baris (kotak di kiri) untuk menyaring ke desa itu.",
        "en": "Pick a row (box on the left) to filter to that village.",
    },
    "peta.up.kabupaten": {"id": "Tampilkan seluruh kabupaten", "en": "Show the whole regency"},
    "peta.up.kecamatan": {
        "id": "Tampilkan semua desa di kecamatan",
        "en": "Show every village of the district",
    },
    "peta.empty": {
        "id": "Tidak ada desa dalam filter ini.",
        "en": "No village within these filters.",
    },
    "peta.col.kode": {"id": "Kode", "en": "Code"},
    "peta.col.desa": {"id": "Desa/kelurahan", "en": "Village"},
    "peta.col.jenis": {"id": "Jenis", "en": "Type"},
    "peta.col.kecamatan": {"id": "Kecamatan", "en": "District"},
    "peta.col.jumlah_desa": {"id": "Desa", "en": "Villages"},
    "peta.col.selesai": {"id": "Selesai", "en": "Completed"},
    "peta.col.ditempatkan": {"id": "Bekerja/wirausaha", "en": "Employed/self-employed"},
    "peta.def.ditempatkan": {
        "id": "Peserta selesai yang survei penelusuran terakhirnya berstatus bekerja atau "
        "wirausaha.",
        "en": "Completers whose latest tracer survey says employed or self-employed.",
    },
    "peta.jenis.desa": {"id": "desa", "en": "rural village"},
    "peta.jenis.kelurahan": {"id": "kelurahan", "en": "urban village"},
    # --- /hasil ------------------------------------------------------------------------------------
    "hasil.intro": {
        "id": "Apa yang terjadi pada alumni setelah pelatihan: status kerja menurut survei "
        "penelusuran (tracer study) terakhir, pendapatan, KUR dan bantuan usaha.",
        "en": "What alumni do after training: work status from the latest tracer survey, income, "
        "KUR credit and business aid.",
    },
    "hasil.h.status": {"id": "Status terakhir alumni", "en": "Latest status of alumni"},
    "hasil.h.funnel": {
        "id": "Dari pendaftaran sampai usaha",
        "en": "From registration to work and credit",
    },
    "hasil.h.income": {
        "id": "Median pendapatan per bulan, sebelum dan sesudah pelatihan",
        "en": "Median monthly income, before and after training",
    },
    "hasil.h.kur": {"id": "Alur KUR (Kredit Usaha Rakyat)", "en": "KUR credit pipeline"},
    "hasil.h.aid": {
        "id": "Bantuan peralatan dan modal usaha dusun/RW",
        "en": "Equipment aid and hamlet/RW business capital",
    },
    "hasil.tab.funnel": {"id": "Corong hasil", "en": "Outcome funnel"},
    "hasil.tab.paket": {"id": "Per paket", "en": "By package"},
    "hasil.tab.tahun": {"id": "Per angkatan (tahun kelas)", "en": "By cohort (class year)"},
    "hasil.tab.bulan": {"id": "Per lama sejak lulus", "en": "By months since completion"},
    "hasil.tab.income": {"id": "Pendapatan", "en": "Income"},
    "hasil.tab.kur": {"id": "KUR", "en": "KUR credit"},
    "hasil.tab.aid": {"id": "Bantuan usaha", "en": "Business aid"},
    "hasil.def.paket": {
        "id": "Per paket: orang yang menyelesaikan kelas paket itu dalam cakupan filter, dengan "
        "status survei terakhirnya (semua pendaftarannya). Satu baris sama dengan angka indikator "
        "bila paket itu dipilih sebagai filter; orang yang lulus dua paket dihitung di keduanya.",
        "en": "Per package: persons who completed a class of that package within the filters, "
        "with the status of their latest survey (over all their enrolments). A row equals the "
        "indicators with that package as a filter; a person who completed two packages counts "
        "in both.",
    },
    "hasil.def.tahun": {
        "id": "Per tahun kelas: orang yang menyelesaikan kelas tahun itu, dengan status survei "
        "terakhirnya. Satu baris sama dengan angka indikator bila tahun itu dipilih sebagai filter.",
        "en": "Per class year: persons who completed a class of that year, with the status of "
        "their latest survey. A row equals the indicators with that year as a filter.",
    },
    "hasil.def.bulan": {
        "id": "Bulan penuh dari tanggal selesai kelas acuan (kelas terakhir yang diselesaikan "
        "dalam cakupan) sampai tanggal survei terakhir; survei bertanggal sebelum kelas acuan "
        "selesai dihitung 0 bulan. Hanya alumni yang pernah disurvei.",
        "en": "Whole months from the end of the reference class (the latest class completed within "
        "the filters) to the latest survey date; a survey dated before that class ended counts as "
        "0 months. Surveyed alumni only.",
    },
    "hasil.bulan.le3": {"id": "≤ 3 bulan", "en": "≤ 3 months"},
    "hasil.bulan.4_6": {"id": "4–6 bulan", "en": "4–6 months"},
    "hasil.bulan.7_12": {"id": "7–12 bulan", "en": "7–12 months"},
    "hasil.bulan.gt12": {"id": "> 12 bulan", "en": "> 12 months"},
    "hasil.def.income": {
        "id": "Median pendapatan per bulan pada survei terakhir (sesudah) dan pendapatan sebelum "
        "pelatihan yang dilaporkan pada survei itu, di antara alumni yang status terakhirnya "
        "bekerja atau wirausaha dan melaporkan angkanya. n = jumlah orang.",
        "en": "Median monthly income at the latest survey (after) and the pre-training income "
        "reported in that survey, among alumni whose latest status is employed or self-employed "
        "and who reported it. n = persons.",
    },
    "hasil.income.sebelum": {"id": "Sebelum", "en": "Before"},
    "hasil.income.sesudah": {"id": "Sesudah", "en": "After"},
    "hasil.income.semua": {"id": "Semua paket", "en": "All packages"},
    "hasil.income.none": {
        "id": "Belum ada data pendapatan dalam filter ini.",
        "en": "No income data within these filters.",
    },
    "hasil.def.kur": {
        "id": "Pengajuan KUR oleh peserta dalam cakupan. Diajukan: semua pengajuan (termasuk yang "
        "kemudian disetujui atau ditolak); disetujui: berstatus disetujui atau disalurkan (= indikator KUR disetujui); "
        "disalurkan: sudah cair; ditolak: ditolak bank.",
        "en": "KUR records of persons in scope. Submitted: every record; approved: approved or "
        "disbursed (= the KUR approved indicator); disbursed: paid out; rejected: declined.",
    },
    "hasil.kur.diajukan": {"id": "Diajukan", "en": "Submitted"},
    "hasil.kur.disetujui": {"id": "Disetujui", "en": "Approved"},
    "hasil.kur.disalurkan": {"id": "Disalurkan", "en": "Disbursed"},
    "hasil.kur.ditolak": {"id": "Ditolak", "en": "Rejected"},
    "hasil.def.aid": {
        "id": "Pengajuan bantuan oleh peserta dalam cakupan menurut status terakhirnya; tanggal "
        "bantuan tidak ikut disaring menurut tahun.",
        "en": "Aid records of persons in scope by their current status; aid dates are not filtered "
        "by year.",
    },
    "hasil.jenis.kur": {"id": "KUR", "en": "KUR"},
    "hasil.jenis.peralatan": {"id": "Bantuan peralatan", "en": "Equipment aid"},
    "hasil.jenis.modal_dusun_rw": {"id": "Modal usaha dusun/RW", "en": "Hamlet/RW capital"},
    "hasil.funnel.terdaftar": {"id": "Pernah terdaftar", "en": "Ever enrolled"},
    "hasil.funnel.selesai": {"id": "Selesai", "en": "Completed"},
    "hasil.funnel.kompeten": {"id": "Kompeten", "en": "Competent"},
    "hasil.funnel.bekerja_wirausaha": {
        "id": "Bekerja atau wirausaha",
        "en": "Employed or self-employed",
    },
    "hasil.funnel.penerima_kur": {"id": "Menerima KUR", "en": "Received KUR"},
    "hasil.def.funnel": {
        "id": "Jumlah orang di setiap tahap. Pernah terdaftar: punya pendaftaran apa pun (termasuk "
        "yang keluar) di kelas dalam cakupan; selesai, kompeten, bekerja/wirausaha: indikator yang "
        "sama dengan Ringkasan; menerima KUR: orang dengan sedikitnya satu KUR disetujui atau "
        "disalurkan. Persen adalah ukuran tahap itu sendiri: tingkat penyelesaian (selesai dibagi "
        "pernah terdaftar), tingkat kompeten (kompeten dibagi selesai) dan tingkat penempatan "
        "(bekerja atau wirausaha dibagi selesai).",
        "en": "Persons at each stage. Ever enrolled: any enrolment (dropouts included) in a class "
        "in scope; completed, competent, employed/self-employed: the same indicators as the "
        "Overview; received KUR: persons with at least one approved or disbursed KUR. The percent "
        "is the stage's own measure: completion rate (completed / ever enrolled), competence rate "
        "(competent / completed) and placement rate (employed or self-employed / completed).",
    },
    "hasil.no_selesai": {
        "id": "Belum ada peserta selesai dalam filter ini, jadi belum ada hasil untuk ditampilkan.",
        "en": "No completer within these filters yet, so there is no outcome to show.",
    },
    "hasil.col.paket": {"id": "Paket", "en": "Package"},
    "hasil.col.kode": {"id": "Kode", "en": "Code"},
    "hasil.col.tahun": {"id": "Tahun kelas", "en": "Class year"},
    "hasil.col.bulan": {"id": "Sejak lulus", "en": "Since completion"},
    "hasil.col.status": {"id": "Status", "en": "Status"},
    "hasil.col.orang": {"id": "Orang", "en": "Persons"},
    "hasil.col.persen": {"id": "Persen", "en": "Percent"},
    "hasil.col.ukuran": {"id": "Ukuran", "en": "Measure"},
    "hasil.col.n": {"id": "Jumlah orang", "en": "Persons"},
    "hasil.col.tahap": {"id": "Tahap", "en": "Stage"},
    "hasil.col.catatan": {"id": "Pengajuan", "en": "Applications"},
    "hasil.col.nilai": {"id": "Nilai", "en": "Value"},
    "hasil.col.jenis": {"id": "Jenis bantuan", "en": "Aid kind"},
    "hasil.col.surveyed": {"id": "Alumni disurvei", "en": "Surveyed alumni"},
    "hasil.aid.diajukan": {"id": "Diajukan", "en": "Submitted"},
    "hasil.aid.disetujui": {"id": "Disetujui", "en": "Approved"},
    "hasil.aid.disalurkan": {"id": "Disalurkan", "en": "Disbursed"},
    "hasil.aid.ditolak": {"id": "Ditolak", "en": "Rejected"},
    "hasil.chart.persen_alumni": {"id": "Persen alumni", "en": "Percent of alumni"},
    "hasil.chart.median": {
        "id": "Median pendapatan (juta rupiah per bulan)",
        "en": "Median income (million rupiah per month)",
    },
    "hasil.income.min_n": {
        "id": "Grafik hanya memuat paket dengan sedikitnya {n} orang; semua paket ada di tabel.",
        "en": "The charts show packages with at least {n} persons; every package is in the table.",
    },
}
