"""UI text of the dashboard pages (see lib/i18n/__init__.py): Ringkasan, Kuota, Paket, Glosarium,
the pace/projection sentences of ``lib.semantic.plan`` and the alerts of ``lib.views.alerts``."""

TEXT: dict[str, dict[str, str]] = {
    # --- lib.semantic.plan ---------------------------------------------------------------------------------
    "plan.persons.one": {"id": "{n} orang", "en": "{n} person"},
    "plan.persons.many": {"id": "{n} orang", "en": "{n} people"},
    "plan.seats.one": {"id": "{n} kursi", "en": "{n} seat"},
    "plan.seats.many": {"id": "{n} kursi", "en": "{n} seats"},
    "plan.days.one": {"id": "{n} hari", "en": "{n} day"},
    "plan.days.many": {"id": "{n} hari", "en": "{n} days"},
    "plan.months.one": {"id": "{n} bulan", "en": "{n} month"},
    "plan.months.many": {"id": "{n} bulan", "en": "{n} months"},
    "plan.status.reached": {"id": "Kuota tercapai", "en": "Quota reached"},
    "plan.status.on_track": {"id": "Sesuai jadwal", "en": "On schedule"},
    "plan.status.behind": {"id": "Tertinggal {persons}", "en": "Behind by {persons}"},
    "plan.pace.not_started": {
        "id": "Per {date}, program belum dimulai; rencana linear belum mengharapkan peserta.",
        "en": "As of {date}, the programme has not started; the linear plan expects no one yet.",
    },
    "plan.pace.reached_exact": {
        "id": "Per {date}, kuota {kuota} orang sudah tercapai tepat.",
        "en": "As of {date}, the quota of {kuota} people has been reached exactly.",
    },
    "plan.pace.exceeded": {
        "id": "Per {date}, kuota {kuota} orang sudah tercapai: {peserta} peserta, melampaui kuota "
        "{persons}.",
        "en": "As of {date}, the quota of {kuota} people has been reached: {peserta} participants, "
        "{persons} above the quota.",
    },
    "plan.pace.behind": {
        "id": "Per {date}, rencana linear mengharapkan {planned} orang; tercatat {peserta} peserta, "
        "tertinggal {persons}.",
        "en": "As of {date}, the linear plan expects {planned} people; {peserta} participants are "
        "recorded, {persons} behind.",
    },
    "plan.pace.exact": {
        "id": "Per {date}, rencana linear mengharapkan {planned} orang dan tercatat {peserta} "
        "peserta: sesuai jadwal.",
        "en": "As of {date}, the linear plan expects {planned} people and {peserta} participants are "
        "recorded: on schedule.",
    },
    "plan.pace.ahead": {
        "id": "Per {date}, rencana linear mengharapkan {planned} orang; tercatat {peserta} peserta, "
        "sesuai jadwal dan {persons} di atas rencana.",
        "en": "As of {date}, the linear plan expects {planned} people; {peserta} participants are "
        "recorded, on schedule and {persons} ahead of the plan.",
    },
    "plan.proj.reached": {
        "id": "Kuota sudah tercapai; tidak perlu proyeksi.",
        "en": "The quota has been reached; no projection is needed.",
    },
    "plan.proj.none": {
        "id": "Belum ada peserta sejak program dimulai, sehingga laju belum dapat diukur.",
        "en": "No participants since the programme started, so no pace can be measured yet.",
    },
    "plan.proj.in_time": {
        "id": "Dengan laju rata-rata {rate} peserta per bulan, kuota tercapai sekitar {date}, "
        "sebelum batas program {end}.",
        "en": "At the average pace of {rate} participants a month, the quota is reached around "
        "{date}, before the programme end on {end}.",
    },
    "plan.proj.late": {
        "id": "Dengan laju rata-rata {rate} peserta per bulan, kuota baru tercapai sekitar {date}, "
        "{months} setelah batas program {end}.",
        "en": "At the average pace of {rate} participants a month, the quota would only be reached "
        "around {date}, {months} after the programme end on {end}.",
    },
    "plan.need.none": {
        "id": "Tidak ada kursi yang masih perlu diisi: kuota sudah terpenuhi.",
        "en": "No seats remain to be filled: the quota is met.",
    },
    "plan.need.classes": {
        "id": "Masih dibutuhkan {seats}, setara {classes} kelas @{size} orang.",
        "en": "Still needed: {seats}, that is {classes} classes of {size}.",
    },
    "plan.need.one_class": {
        "id": "Masih dibutuhkan {seats}, setara 1 kelas @{size} orang.",
        "en": "Still needed: {seats}, that is 1 class of {size}.",
    },
    # --- lib.views.alerts -------------------------------------------------------------------------------
    "alert.paket.one": {
        "id": "**{n} paket** dari katalog belum pernah dibuka kelasnya.",
        "en": "**{n} package** of the catalogue has never had a class.",
    },
    "alert.paket.many": {
        "id": "**{n} paket** dari katalog belum pernah dibuka kelasnya.",
        "en": "**{n} packages** of the catalogue have never had a class.",
    },
    "alert.desa.one": {
        "id": "**{n} desa/kelurahan** dengan banyak warga sasaran (sedikitnya {threshold} orang, "
        "median desa) belum punya peserta.",
        "en": "**{n} village** with many eligible residents (at least {threshold}, the village "
        "median) has no participant yet.",
    },
    "alert.desa.many": {
        "id": "**{n} desa/kelurahan** dengan banyak warga sasaran (sedikitnya {threshold} orang, "
        "median desa) belum punya peserta.",
        "en": "**{n} villages** with many eligible residents (at least {threshold}, the village "
        "median) have no participant yet.",
    },
    "alert.kelas.one": {
        "id": "**{n} kelas** terisi kurang dari {pct}% kapasitasnya (kelas 16 orang: 11 orang atau "
        "kurang).",
        "en": "**{n} class** is filled below {pct}% of its capacity (a class of 16: 11 or fewer).",
    },
    "alert.kelas.many": {
        "id": "**{n} kelas** terisi kurang dari {pct}% kapasitasnya (kelas 16 orang: 11 orang atau "
        "kurang).",
        "en": "**{n} classes** are filled below {pct}% of their capacity (a class of 16: 11 or "
        "fewer).",
    },
    "alert.telusur.one": {
        "id": "**{n} alumni** dari {total} peserta selesai belum pernah ditelusuri (tracer study); "
        "{late} di antaranya selesai lebih dari {months} bulan lalu.",
        "en": "**{n} graduate** of {total} completers has never been traced (tracer study); "
        "{late} of them completed more than {months} months ago.",
    },
    "alert.telusur.many": {
        "id": "**{n} alumni** dari {total} peserta selesai belum pernah ditelusuri (tracer study); "
        "{late} di antaranya selesai lebih dari {months} bulan lalu.",
        "en": "**{n} graduates** of {total} completers have never been traced (tracer study); "
        "{late} of them completed more than {months} months ago.",
    },
    "alert.telusur.one.recent": {
        "id": "**{n} alumni** dari {total} peserta selesai belum pernah ditelusuri (tracer study); "
        "semuanya selesai kurang dari {months} bulan lalu.",
        "en": "**{n} graduate** of {total} completers has never been traced (tracer study); "
        "they completed less than {months} months ago.",
    },
    "alert.telusur.many.recent": {
        "id": "**{n} alumni** dari {total} peserta selesai belum pernah ditelusuri (tracer study); "
        "semuanya selesai kurang dari {months} bulan lalu.",
        "en": "**{n} graduates** of {total} completers have never been traced (tracer study); "
        "all completed less than {months} months ago.",
    },
    "alert.items.paket_belum_jalan": {"id": "Paket yang belum dibuka", "en": "Packages never run"},
    "alert.items.desa_tanpa_peserta": {
        "id": "Desa/kelurahan (jumlah warga sasaran)",
        "en": "Villages (eligible residents)",
    },
    "alert.items.kelas_kurang": {
        "id": "Kelas (terisi/kapasitas)",
        "en": "Classes (enrolled/capacity)",
    },
    "alert.items.belum_ditelusuri": {"id": "Alumni", "en": "Graduates"},
    "alert.more": {"id": "… dan {n} lainnya.", "en": "… and {n} more."},
    # --- shared by the pace texts ------------------------------------------------------------------
    "plan.whole_programme": {
        "id": "Laju, proyeksi dan kebutuhan kelas dihitung untuk seluruh program (tanpa filter), "
        "karena kuota 1.444 orang berlaku untuk seluruh kabupaten.",
        "en": "Pace, projection and classes needed are for the whole programme (no filters), "
        "because the quota applies to the whole regency.",
    },
    # --- charts -------------------------------------------------------------------------------------
    "chart.series": {"id": "Garis", "en": "Line"},
    "chart.series.peserta": {"id": "Peserta", "en": "Participants"},
    "chart.series.selesai": {"id": "Selesai", "en": "Completed"},
    "chart.series.plan": {"id": "Rencana linear", "en": "Linear plan"},
    "chart.date": {"id": "Tanggal", "en": "Date"},
    "chart.persons": {"id": "Orang", "en": "People"},
    "chart.year": {"id": "Tahun", "en": "Year"},
    "chart.target": {"id": "Target tahunan", "en": "Annual target"},
    "chart.of_target": {"id": "Capaian target", "en": "Of target"},
    "chart.quota_label": {"id": "Kuota {kuota} orang", "en": "Quota {kuota} people"},
    "chart.fill.threshold": {"id": "Batas kurang terisi {pct}", "en": "Under-filled below {pct}"},
    "chart.fill.full": {"id": "Kelas penuh", "en": "Full class"},
    # --- Ringkasan ----------------------------------------------------------------------------------
    "ringkasan.intro": {
        "id": "Apakah program di jalur menuju kuota, paket dan desa mana yang tertinggal, dan "
        "apakah alumni bekerja atau berwirausaha?",
        "en": "Is the programme on track to its quota, which packages and villages lag, and are "
        "graduates working or in business?",
    },
    "ringkasan.h.indikator": {"id": "Indikator utama", "en": "Headline indicators"},
    "ringkasan.h.laju": {"id": "Laju terhadap rencana", "en": "Pace against the plan"},
    "ringkasan.h.peringatan": {"id": "Perlu perhatian", "en": "Needs attention"},
    "ringkasan.h.filtered": {"id": "Dalam filter: {desc}", "en": "Within the filters: {desc}"},
    "ringkasan.h.lainnya": {"id": "Indikator lain", "en": "Other indicators"},
    "ringkasan.chart.kemajuan": {
        "id": "Peserta seluruh kabupaten terhadap rencana",
        "en": "Participants of the whole regency against the plan",
    },
    "ringkasan.link.rencana": {
        "id": "Rencana & Prioritas: kelas mana yang dibuka berikutnya",
        "en": "Plans & priorities: which classes to open next",
    },
    "ringkasan.progress": {
        "id": "{peserta} dari kuota {kuota} orang ({pct})",
        "en": "{peserta} of the quota of {kuota} people ({pct})",
    },
    "ringkasan.of_total": {"id": "{n} dari {total}", "en": "{n} of {total}"},
    "ringkasan.no_alerts": {
        "id": "Tidak ada peringatan untuk filter ini.",
        "en": "No alerts for these filters.",
    },
    "ringkasan.link.kuota": {
        "id": "Rincian kuota, proyeksi dan kebutuhan kelas",
        "en": "Quota details, projection and classes needed",
    },
    "ringkasan.link.paket": {"id": "Rincian per paket", "en": "Details per package"},
    "ringkasan.link.hasil": {"id": "Hasil Pascapelatihan", "en": "Post-training outcomes"},
    # --- Kuota & Kemajuan ---------------------------------------------------------------------------
    "kuota.intro": {
        "id": "Kemajuan menuju kuota: kumulatif terhadap rencana, per tahun terhadap target "
        "tahunan, per kecamatan, dan proyeksi dengan laju saat ini.",
        "en": "Progress to the quota: cumulative against the plan, per year against the annual "
        "targets, per district, and a projection at the current pace.",
    },
    "kuota.card.kursi": {
        "id": "Sisa kursi",
        "en": "Seats to fill",
    },
    "kuota.card.kelas": {
        "id": "Sisa kelas @{size} orang",
        "en": "Classes of {size} to run",
    },
    "kuota.h.kumulatif": {
        "id": "Kemajuan kumulatif",
        "en": "Cumulative progress",
    },
    "kuota.chart.kum_f": {
        "id": "Peserta dan selesai (kumulatif) dalam cakupan filter",
        "en": "Participants and completers (cumulative) within the filters",
    },
    "kuota.kumulatif.filtered": {
        "id": "Dengan filter, grafik hanya memuat peserta dalam cakupan filter; rencana menuju "
        "kuota berlaku untuk seluruh kabupaten.",
        "en": "With filters the chart shows only the participants within them; the plan to the "
        "quota applies to the whole regency.",
    },
    "kuota.chart.tahun_f": {
        "id": "Peserta per tahun kelas dalam cakupan filter",
        "en": "Participants per class year within the filters",
    },
    "kuota.tahun.no_target": {
        "id": "Target tahunan berlaku untuk seluruh kabupaten dan semua paket, sehingga tidak "
        "ditampilkan saat filter wilayah, jenis kelamin, paket atau kejuruan aktif.",
        "en": "The annual targets are for the whole regency and all packages, so they are not "
        "shown while a place, gender, package or trade filter is active.",
    },
    "kuota.h.tahun": {
        "id": "Per tahun terhadap target tahunan",
        "en": "Per year against the annual targets",
    },
    "kuota.chart.tahun": {
        "id": "Peserta per tahun kelas (garis hitam: target tahunan)",
        "en": "Participants per class year (black mark: annual target)",
    },
    "kuota.tahun.note": {
        "id": "Tahun menurut tahun kelas. Orang yang ikut kelas di dua tahun dihitung di kedua "
        "tahun, sehingga jumlah per tahun bisa melebihi total peserta.",
        "en": "Years are class years. A person trained in two years counts in both, so the yearly "
        "figures can add up to more than the total.",
    },
    "kuota.h.kecamatan": {"id": "Per kecamatan", "en": "Per district"},
    "kuota.chart.kecamatan": {
        "id": "Peserta per 1.000 warga sasaran",
        "en": "Participants per 1,000 eligible residents",
    },
    "kuota.col.tahun": {"id": "Tahun", "en": "Year"},
    "kuota.col.kecamatan": {"id": "Kecamatan", "en": "District"},
    "kuota.col.share": {"id": "Bagian dari peserta", "en": "Share of participants"},
    "kuota.col.sasaran": {"id": "Warga sasaran", "en": "Eligible residents"},
    "kuota.col.per_1000": {"id": "Peserta per 1.000 sasaran", "en": "Per 1,000 eligible"},
    "kuota.sasaran.note": {
        "id": "Warga sasaran: orang dalam DTKS/DTSEN berusia {min}–{max} tahun pada {date} dengan "
        "desil 1–{desil}.",
        "en": "Eligible residents: registry persons aged {min}–{max} on {date} in desil 1–{desil}.",
    },
    "kuota.link.peta": {"id": "Lihat per desa di peta", "en": "See per village on the map"},
    "kuota.h.proyeksi": {
        "id": "Proyeksi dan kelas yang masih dibutuhkan",
        "en": "Projection and classes still needed",
    },
    "kuota.proj.none": {"id": "Belum dapat diproyeksikan", "en": "Cannot be projected yet"},
    # --- Paket Pelatihan ----------------------------------------------------------------------------
    "paket.intro": {
        "id": "Per paket: kelas, kursi, keterisian, penyelesaian, kompetensi dan penempatan; "
        "paket yang belum pernah dibuka.",
        "en": "Per package: classes, seats, fill, completion, competence and placement; packages "
        "never opened.",
    },
    "paket.h.tabel": {"id": "Semua paket ({n})", "en": "All packages ({n})"},
    "paket.tabel.note": {
        "id": "Klik judul kolom untuk mengurutkan. Kelas, kapasitas kursi dan keterisian hanya "
        "mengikuti filter kelas (tahun, paket, kejuruan); kolom orang mengikuti semua filter.",
        "en": "Click a column header to sort. Classes, seats and fill follow the class filters only "
        "(year, package, trade); the person columns follow all filters.",
    },
    "paket.col.kode": {"id": "Kode", "en": "Code"},
    "paket.col.paket": {"id": "Paket", "en": "Package"},
    "paket.col.kelas": {"id": "Kelas", "en": "Classes"},
    "paket.col.kursi": {"id": "Kapasitas kursi", "en": "Seat capacity"},
    "paket.col.terisi": {"id": "Terdaftar", "en": "Enrolled"},
    "paket.col.terisi_kursi": {"id": "Terdaftar / kapasitas", "en": "Enrolled / capacity"},
    "paket.col.isi": {"id": "Keterisian %", "en": "Fill %"},
    "paket.col.selesai": {"id": "Selesai %", "en": "Completion %"},
    "paket.col.kompeten": {"id": "Kompeten %", "en": "Competent %"},
    "paket.col.penempatan": {"id": "Penempatan %", "en": "Placement %"},
    "paket.h.isi": {"id": "Keterisian kelas per paket", "en": "Class fill rate per package"},
    "paket.h.heatmap": {
        "id": "Peserta per paket dan tahun",
        "en": "Participants per package and year",
    },
    "paket.h.belum": {
        "id": "Paket yang belum pernah dibuka ({n})",
        "en": "Packages never opened ({n})",
    },
    "paket.belum.none": {
        "id": "Semua paket dalam cakupan filter sudah pernah dibuka kelasnya.",
        "en": "Every package within the filters has had a class.",
    },
    "paket.belum.note": {
        "id": "Paket katalog tanpa kelas dalam cakupan filter kelas (dengan filter tahun: belum "
        "dibuka pada tahun itu).",
        "en": "Catalogue packages without a class within the class filters (with a year filter: "
        "not opened in that year).",
    },
    # --- Glosarium ----------------------------------------------------------------------------------
    "glos.intro": {
        "id": "Definisi setiap angka di Pantau. Angka yang sama dihitung dengan definisi yang sama "
        "di dasbor, baris perintah (kpi) dan briefing.",
        "en": "The definition of every figure in Pantau. The dashboard, the command line (kpi) and "
        "the briefing use the same definitions.",
    },
    "glos.h.indikator": {"id": "Indikator", "en": "Indicators"},
    "glos.h.cakupan": {"id": "Cakupan filter", "en": "What the filters select"},
    "glos.h.halaman": {"id": "Ukuran pada halaman", "en": "Page measures"},
    "glos.h.peringatan": {"id": "Aturan peringatan", "en": "Alert rules"},
    "glos.h.filter": {"id": "Filter dan tautan", "en": "Filters and links"},
    "glos.unit.orang": {"id": "orang", "en": "people"},
    "glos.unit.pendaftaran": {"id": "pendaftaran", "en": "enrolments"},
    "glos.unit.kelas": {"id": "kelas", "en": "classes"},
    "glos.unit.kursi": {"id": "kursi", "en": "seats"},
    "glos.unit.paket": {"id": "paket", "en": "packages"},
    "glos.unit.persen": {"id": "persen", "en": "percent"},
    "glos.unit.rupiah": {"id": "rupiah", "en": "rupiah"},
    "glos.unit.catatan": {"id": "pengajuan", "en": "applications"},
    "glos.unit.tanggal": {"id": "tanggal", "en": "date"},
    "glos.unit.per_1000": {"id": "per 1.000 warga", "en": "per 1,000 residents"},
    "glos.scope_note": {
        "id": (
            "Filter tahun, paket dan kejuruan memilih kelas; filter kecamatan, desa dan jenis kelamin memilih "
            "orang menurut data DTKS/DTSEN. Angka kelas (kelas, kursi, terisi, keterisian, paket berjalan) hanya "
            "mengikuti filter kelas. Angka bantuan menghitung bantuan milik orang dalam cakupan yang pernah "
            "terdaftar di kelas dalam cakupan; tanggal bantuan tidak disaring menurut tahun."
        ),
        "en": "The year, package and trade filters select classes; the district, village and "
        "gender filters select persons by their DTKS/DTSEN record. Class figures (classes, seats, "
        "filled, fill rate, packages run) follow the class filters only. Aid figures count the aid "
        "of persons in scope who were enrolled in a class in scope; aid dates are not filtered by "
        "year.",
    },
    "glos.rounding": {
        "id": "Persentase dibulatkan setengah ke atas menjadi satu desimal; persentase dengan "
        "penyebut nol ditampilkan sebagai “–”.",
        "en": "Percentages are rounded half-up to one decimal; a percentage with a zero "
        "denominator is shown as “–”.",
    },
    "glos.alerts": {
        "id": "- **Paket belum dibuka**: paket katalog tanpa kelas dalam cakupan filter.\n"
        "- **Desa tanpa peserta**: desa/kelurahan tanpa peserta padahal warga sasarannya "
        "sedikitnya sama dengan median desa dalam cakupan.\n"
        "- **Kelas kurang terisi**: kelas yang terisi kurang dari {pct}% kapasitasnya.\n"
        "- **Alumni belum ditelusuri**: peserta selesai tanpa survei penelusuran, dengan jumlah "
        "yang selesai lebih dari {months} bulan sebelum tanggal data.",
        "en": "- **Packages never run**: catalogue packages without a class within the filters.\n"
        "- **Villages without participants**: villages without a participant although their "
        "eligible residents are at least the median village in scope.\n"
        "- **Under-filled classes**: classes filled below {pct}% of their capacity.\n"
        "- **Graduates never traced**: completers without a tracer survey, with how many completed "
        "more than {months} months before the data date.",
    },
    "glos.filters": {
        "id": "Filter di bilah samping (tahun, kecamatan, desa, paket, kejuruan, jenis kelamin) "
        "tersimpan di alamat halaman, misalnya `/kuota?tahun=2023&kecamatan=73.03.01`. Salin "
        "alamat itu untuk membagikan tampilan yang sama; filter tetap berlaku saat berpindah "
        "halaman. Nilai yang tidak dikenal diabaikan dengan pemberitahuan. Tombol *Atur ulang "
        "filter* menghapus semua filter; `?lang=en` menampilkan bahasa Inggris.",
        "en": "The sidebar filters (year, district, village, package, trade, gender) live in the "
        "page address, e.g. `/kuota?tahun=2023&kecamatan=73.03.01`. Copy the address to share "
        "the same view; filters stay when you switch pages. Unknown values are ignored with a "
        "notice. *Reset filters* clears them all; `?lang=en` shows English.",
    },
}
