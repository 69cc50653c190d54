"""Text shared by every page: navigation, filters, banners, errors."""

TEXT = {
    "app.title": {"id": "Pantau", "en": "Pantau"},
    "app.subtitle": {
        "id": "Pemantauan Pelatihan Berbasis Kompetensi bagi Penduduk Miskin",
        "en": "Monitoring of competency-based training for poor residents",
    },
    "nav.ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "nav.kuota": {"id": "Kuota & Kemajuan", "en": "Quota & progress"},
    "nav.paket": {"id": "Paket Pelatihan", "en": "Training packages"},
    "nav.peta": {"id": "Peta Desa", "en": "Village map"},
    "nav.hasil": {"id": "Hasil Pascapelatihan", "en": "Post-training outcomes"},
    "nav.rencana": {"id": "Rencana & Prioritas", "en": "Plans & priorities"},
    "nav.briefing": {"id": "Briefing", "en": "Briefing"},
    "nav.data": {"id": "Data & Impor", "en": "Data & import"},
    "nav.glosarium": {"id": "Glosarium", "en": "Glossary"},
    "nav.section.pantau": {"id": "Pemantauan", "en": "Monitoring"},
    "nav.section.kerja": {"id": "Kerja", "en": "Work"},
    "filter.header": {"id": "Filter", "en": "Filters"},
    "filter.tahun": {"id": "Tahun kelas", "en": "Class year"},
    "filter.kecamatan": {"id": "Kecamatan", "en": "District (kecamatan)"},
    "filter.desa": {"id": "Desa/Kelurahan", "en": "Village"},
    "filter.paket": {"id": "Paket pelatihan", "en": "Training package"},
    "filter.kejuruan": {"id": "Kejuruan", "en": "Trade"},
    "filter.jk": {"id": "Jenis kelamin", "en": "Gender"},
    "filter.jk.L": {"id": "Laki-laki", "en": "Male"},
    "filter.jk.P": {"id": "Perempuan", "en": "Female"},
    "filter.all": {"id": "Semua", "en": "All"},
    "filter.reset": {"id": "Atur ulang filter", "en": "Reset filters"},
    "filter.active": {"id": "Filter aktif: {desc}", "en": "Active filters: {desc}"},
    "filter.none": {
        "id": "Seluruh kabupaten, semua tahun dan paket",
        "en": "Whole regency, all years and packages",
    },
    "filter.param.tahun": {"id": "tahun", "en": "year"},
    "filter.param.kecamatan": {"id": "kecamatan", "en": "district"},
    "filter.param.desa": {"id": "desa", "en": "village"},
    "filter.param.paket": {"id": "paket", "en": "package"},
    "filter.param.kejuruan": {"id": "kejuruan", "en": "trade"},
    "filter.param.jk": {"id": "jenis kelamin", "en": "gender"},
    "filter.notice.outside": {
        "id": "Desa {value} tidak berada di kecamatan yang dipilih dan diabaikan.",
        "en": "Village {value} is not in the chosen district and was ignored.",
    },
    "filter.notice.strict": {
        "id": "Filter {name} “{value}” tidak dikenal.",
        "en": "Filter {name} “{value}” is not known.",
    },
    "filter.notice.outside.strict": {
        "id": "Desa {value} tidak berada di kecamatan yang dipilih.",
        "en": "Village {value} is not in the chosen district.",
    },
    "url.lang": {
        "id": "Bahasa di alamat halaman (lang=…) tidak dikenal dan diabaikan; gunakan lang=en "
        "untuk bahasa Inggris, atau tanpa lang untuk Bahasa Indonesia.",
        "en": "The language in the page address (lang=…) is not known and was ignored; use "
        "lang=en for English, or no lang for Indonesian.",
    },
    "filter.notice": {
        "id": "Filter {name} “{value}” tidak dikenal dan diabaikan.",
        "en": "Filter {name} “{value}” is not known and was ignored.",
    },
    "stamp.kecamatan": {"id": "Kecamatan {names}", "en": "District {names}"},
    "stamp.desa": {"id": "Desa/Kel. {names}", "en": "Village {names}"},
    "stamp.tahun": {"id": "Tahun {names}", "en": "Year {names}"},
    "stamp.kejuruan": {"id": "Kejuruan {names}", "en": "Trade {names}"},
    "stamp.paket": {"id": "Paket {names}", "en": "Package {names}"},
    "stamp.and": {"id": " dan ", "en": " and "},
    "lang.label": {"id": "Bahasa", "en": "Language"},
    "page.no_data": {
        "id": "Belum ada data untuk filter ini.",
        "en": "No data for these filters yet.",
    },
    "data.as_of": {"id": "Data per {date}", "en": "Data as of {date}"},
    "demo.banner": {
        "id": "DATA DEMO: semua angka di dasbor ini adalah data sintetis untuk uji coba, bukan data "
        "peserta yang sebenarnya.",
        "en": "DEMO DATA: every figure on this dashboard is synthetic test data, not real participants.",
    },
    "error.db": {
        "id": "Basis data tidak dapat dihubungi. Periksa pengaturan DATABASE_URL atau hubungi "
        "pengelola Pantau. ({detail})",
        "en": "The database cannot be reached. Check DATABASE_URL or contact Pantau's maintainer. "
        "({detail})",
    },
    "error.db.readonly": {
        "id": "Basis data{where} hanya dapat dibaca, jadi tidak ada yang ditulis. Periksa izin "
        "tulis berkas SQLite dan foldernya, atau hak pengguna PostgreSQL. (Rincian: {detail})",
        "en": "The database{where} is read-only, so nothing was written. Check the write "
        "permission of the SQLite file and its folder, or the PostgreSQL user's rights. "
        "(Detail: {detail})",
    },
    "error.db.locked": {
        "id": "Basis data{where} sedang dikunci oleh proses lain (mis. impor lain yang masih "
        "berjalan) dan tidak ada yang ditulis. Tunggu sebentar lalu ulangi. (Rincian: {detail})",
        "en": "The database{where} is locked by another process (e.g. another import still "
        "running) and nothing was written. Wait a moment and try again. (Detail: {detail})",
    },
    "error.db.full": {
        "id": "Penyimpanan basis data{where} penuh, jadi tidak ada yang ditulis. Kosongkan ruang "
        "disk (atau minta pengelola menambahnya) lalu ulangi. (Rincian: {detail})",
        "en": "The storage of the database{where} is full, so nothing was written. Free disk "
        "space (or ask the maintainer to add some) and try again. (Detail: {detail})",
    },
    "error.db.unreachable": {
        "id": "Basis data{where} tidak dapat dibuka atau dihubungi. Periksa --db atau "
        "DATABASE_URL, apakah server PostgreSQL berjalan, atau apakah folder berkas SQLite ada. "
        "(Rincian: {detail})",
        "en": "The database{where} cannot be opened or reached. Check --db or DATABASE_URL, "
        "whether the PostgreSQL server runs, or whether the SQLite file's folder exists. "
        "(Detail: {detail})",
    },
    "error.db.other": {
        "id": "Basis data{where} menolak perintah ini; tidak ada yang ditulis. Hubungi pengelola "
        "Pantau. (Rincian: {detail})",
        "en": "The database{where} refused this command; nothing was written. Contact Pantau's "
        "maintainer. (Detail: {detail})",
    },
    "error.empty": {
        "id": "Basis data masih kosong: belum ada data DTKS/DTSEN maupun kelas. Impor data pada "
        "halaman Data & Impor.",
        "en": "The database is empty: no registry or class data yet. Import data on the Data & "
        "import page.",
    },
    "privacy.note": {
        "id": "Halaman pimpinan hanya menampilkan angka agregat; NIK selalu disamarkan (UU PDP 27/2022).",
        "en": "Leadership pages show aggregates only; NIK is always masked (Law 27/2022 on PDP).",
    },
    "download.csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "download.xlsx": {"id": "Unduh XLSX", "en": "Download XLSX"},
    "download.png": {"id": "Unduh PNG", "en": "Download PNG"},
    "table.head_only": {
        "id": "Tabel menampilkan {shown} baris pertama dari {total}; unduhan CSV/XLSX memuat "
        "semua baris.",
        "en": "The table shows the first {shown} of {total} rows; the CSV/XLSX downloads hold "
        "every row.",
    },
}
