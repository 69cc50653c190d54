"""UI text of ``/rencana`` (Rencana & Prioritas), the status headline of ``/`` and ``/rencana``,
the filter chips and the cumulative-vs-plan chart (see lib/core/i18n/__init__.py)."""

TEXT: dict[str, dict[str, str]] = {
    # --- status headline (lib.views.status) --------------------------------------------------------
    "status.title.tercapai": {
        "id": "Kuota tercapai: {peserta} dari {kuota} orang",
        "en": "Quota reached: {peserta} of {kuota} people",
    },
    "status.title.sesuai": {
        "id": "Sesuai rencana: {peserta} dari {kuota} orang ({pct})",
        "en": "On track: {peserta} of {kuota} people ({pct})",
    },
    "status.title.tertinggal.proyeksi": {
        "id": "Tertinggal dari rencana, masih bisa dikejar: kurang {sisa} orang ({kelas} kelas)",
        "en": "Behind the plan, still within reach: {sisa} people short ({kelas} classes)",
    },
    "status.title.tertinggal.tanpa_proyeksi": {
        "id": "Tertinggal dari rencana: kurang {sisa} orang ({kelas} kelas)",
        "en": "Behind the plan: {sisa} people short ({kelas} classes)",
    },
    "status.title.terlambat.proyeksi": {
        "id": "Kuota terancam terlambat: kurang {sisa} orang ({kelas} kelas), perkiraan tercapai "
        "{proyeksi}",
        "en": "Quota expected to be late: {sisa} people short ({kelas} classes), expected to be "
        "reached on {proyeksi}",
    },
    "status.title.terlambat.tanpa_proyeksi": {
        "id": "Kuota terancam tidak tercapai: kurang {sisa} orang ({kelas} kelas)",
        "en": "Quota at risk: {sisa} people short ({kelas} classes)",
    },
    "status.detail.tercapai": {
        "id": "Per {as_of}. Batas waktu program {end}.",
        "en": "As of {as_of}. Programme deadline {end}.",
    },
    "status.detail.sesuai": {
        "id": "Per {as_of}. Sisa {sisa} orang ({kelas} kelas) sampai batas waktu {end}, "
        "{hari} hari lagi.",
        "en": "As of {as_of}. {sisa} people ({kelas} classes) to go until the deadline of {end}, "
        "{hari} days away.",
    },
    "status.detail.gap": {
        "id": "Per {as_of}: {peserta} dari {kuota} orang ({pct}), {gap} orang di bawah rencana.",
        "en": "As of {as_of}: {peserta} of {kuota} people ({pct}), {gap} below the plan.",
    },
    "status.detail.pace": {
        "id": "Batas waktu {end} ({hari} hari lagi): perlu {laju} peserta baru per bulan.",
        "en": "Deadline {end} ({hari} days away): {laju} new participants a month are needed.",
    },
    "status.detail.passed": {
        "id": "Batas waktu {end} sudah lewat.",
        "en": "The deadline of {end} has passed.",
    },
    "status.detail.recent": {
        "id": "Laju {bulan} bulan terakhir: {terkini} orang per bulan.",
        "en": "Pace over the last {bulan} months: {terkini} people a month.",
    },
    "status.whole_programme": {
        "id": "_Status ini untuk seluruh kabupaten; filter tidak berlaku di sini._",
        "en": "_This status is for the whole regency; the filters do not apply here._",
    },
    "status.delta": {"id": "{n} sejak {date}", "en": "{n} since {date}"},
    "status.porsi.wajar": {
        "id": "Porsi dari kuota kabupaten: {share} ({peserta} peserta dari wilayah ini). Bagian "
        "wajarnya {wajar} orang, menurut jumlah warga sasaran; tercapai {pct}.",
        "en": "Share of the regency quota: {share} ({peserta} participants from this area). Its "
        "fair share is {wajar} people, by eligible residents; {pct} reached.",
    },
    "status.porsi.plain": {
        "id": "Porsi dari kuota kabupaten: {share} ({peserta} peserta dalam filter ini).",
        "en": "Share of the regency quota: {share} ({peserta} participants in this filter).",
    },
    # --- filter chips (lib.app.widgets) -----------------------------------------------------------
    "chips.label": {"id": "Filter:", "en": "Filters:"},
    "chips.remove": {"id": "Hapus filter ini", "en": "Remove this filter"},
    "chips.clear": {"id": "Hapus semua", "en": "Clear all"},
    # --- cumulative chart (lib.render.charts.progress_chart) -------------------------------------
    "chart.progress.deadline": {"id": "Batas waktu {date}", "en": "Deadline {date}"},
    "chart.progress.proyeksi": {
        "id": "Perkiraan tercapai {date}",
        "en": "Expected {date}",
    },
    "chart.progress.peserta": {"id": "Peserta {n}", "en": "Participants {n}"},
    "chart.progress.gap_behind": {"id": "{n} di bawah rencana", "en": "{n} below plan"},
    "chart.progress.gap_ahead": {"id": "{n} di atas rencana", "en": "{n} above plan"},
    "chart.progress.plan": {"id": "Rencana linear", "en": "Linear plan"},
    # --- /rencana -----------------------------------------------------------------------------------
    "rencana.intro": {
        "id": "Kelas mana yang dibuka berikutnya, untuk siapa dan di mana; alumni mana yang "
        "didahulukan untuk modal usaha; siapa yang perlu ditelusuri.",
        "en": "Which classes to open next, for whom and where; which alumni come first for "
        "business capital; who needs a follow-up.",
    },
    "rencana.tab.kuota": {"id": "Sisa kuota & kelas", "en": "Quota left & classes"},
    "rencana.tab.paket": {"id": "Paket yang dibuka", "en": "Packages to open"},
    "rencana.tab.desa": {"id": "Desa prioritas", "en": "Priority villages"},
    "rencana.tab.alumni": {"id": "Modal dusun/RW", "en": "Hamlet/RW capital"},
    "rencana.tab.telusur": {"id": "Penelusuran alumni", "en": "Alumni follow-up"},
    "rencana.tab.kur": {"id": "Pengajuan KUR", "en": "KUR applications"},
    "rencana.h.kuota": {
        "id": "Sisa kuota dan kelas yang perlu dibuka",
        "en": "Quota left and classes to open",
    },
    "rencana.chart.kemajuan": {
        "id": "Peserta seluruh program terhadap rencana",
        "en": "Participants of the whole programme against the plan",
    },
    "rencana.h.jadwal": {
        "id": "Kelas per bulan sampai akhir program",
        "en": "Classes per month until the end",
    },
    "rencana.jadwal.caption": {
        "id": "{kelas} kelas berisi {size} orang, dibagi rata per bulan sampai {end}.",
        "en": "{kelas} classes of {size}, spread evenly over the months until {end}.",
    },
    "rencana.jadwal.none": {
        "id": "Tidak ada kelas yang perlu dijadwalkan: kuota sudah tercapai atau batas waktu "
        "sudah lewat.",
        "en": "No class to schedule: the quota is reached or the deadline has passed.",
    },
    "rencana.h.paket": {"id": "Paket yang layak dibuka lagi", "en": "Packages worth opening again"},
    "rencana.h.desa": {"id": "Kebutuhan yang belum terlayani", "en": "Unmet need"},
    "rencana.h.kecamatan": {"id": "Per kecamatan", "en": "By kecamatan"},
    "rencana.h.desa_list": {"id": "Per desa/kelurahan", "en": "By village"},
    "rencana.desa.tanpa_peserta": {
        "id": "{n} desa/kelurahan punya warga sasaran tetapi belum satu pun peserta: {names}.",
        "en": "{n} villages have eligible residents but no participant yet: {names}.",
    },
    "rencana.desa.flag": {"id": "Belum ada peserta", "en": "No participant yet"},
    "rencana.link.peta": {"id": "Peta", "en": "Map"},
    "rencana.link.ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "rencana.h.alumni": {
        "id": "Prioritas alumni untuk modal usaha dusun/RW",
        "en": "Alumni priority for hamlet/RW business capital",
    },
    "rencana.alumni.intro": {
        "id": "Skor setiap alumni adalah jumlah bagian di bawah (masing-masing 0 sampai 1) dikali "
        "bobotnya; skor tertinggi {max}.",
        "en": "Each graduate's score is the sum of the parts below (each 0 to 1) times their "
        "weights; the highest possible score is {max}.",
    },
    "rencana.alumni.settings": {
        "id": "Bobot diatur dalam pengaturan program ([keputusan.bobot_prioritas]).",
        "en": "The weights are set in the programme settings ([keputusan.bobot_prioritas]).",
    },
    "rencana.alumni.excluded": {
        "id": "{n} alumni yang sudah menerima modal dusun/RW tidak dimasukkan.",
        "en": "{n} graduates who already received hamlet/RW capital are left out.",
    },
    "rencana.h.dusun_rw": {"id": "Per dusun/RW", "en": "By hamlet/RW"},
    "rencana.h.alumni_persons": {"id": "Daftar alumni (operator)", "en": "Graduates (operators)"},
    "rencana.persons.note": {
        "id": "Daftar nama hanya untuk operator; setiap tampilan dicatat. NIK disamarkan.",
        "en": "Name lists are for operators only; every view is logged. NIKs are masked.",
    },
    "rencana.persons.operators_only": {
        "id": "Daftar nama hanya dapat dilihat operator.",
        "en": "Name lists are for operators only.",
    },
    "rencana.h.telusur": {
        "id": "Survei lanjutan yang terlambat",
        "en": "Follow-up surveys overdue",
    },
    "rencana.telusur.rule": {
        "id": "Survei dijadwalkan 3, 6 dan 12 bulan setelah kelas selesai dan dihitung terlambat "
        "{tol} hari setelah tanggal itu.",
        "en": "Surveys are due 3, 6 and 12 months after the class ended and count as overdue "
        "{tol} days after that date.",
    },
    "rencana.telusur.wave": {"id": "Survei bulan ke-{n}", "en": "Month-{n} survey"},
    "rencana.telusur.oldest": {
        "id": "Paling lama terlambat {days} hari.",
        "en": "The oldest is {days} days overdue.",
    },
    "rencana.h.telusur_kecamatan": {"id": "Per kecamatan", "en": "By kecamatan"},
    "rencana.h.telusur_kelas": {"id": "Per angkatan kelas", "en": "By class"},
    "rencana.h.telusur_persons": {"id": "Daftar alumni (operator)", "en": "Graduates (operators)"},
    "rencana.h.kur": {"id": "Pengajuan KUR", "en": "KUR applications"},
    "rencana.h.kur_tunggu": {"id": "Lama menunggu", "en": "Waiting time"},
    "rencana.h.kur_persons": {
        "id": "Pengajuan yang menunggu (operator)",
        "en": "Pending (operators)",
    },
    "rencana.kur.diajukan": {"id": "Masih menunggu", "en": "Still pending"},
    "rencana.kur.median": {"id": "Median lama menunggu", "en": "Median wait"},
    "rencana.kur.lama": {"id": "Menunggu lebih dari {days} hari", "en": "Waiting over {days} days"},
    "rencana.kur.status.diajukan": {"id": "Diajukan", "en": "Applied"},
    "rencana.kur.status.disetujui": {"id": "Disetujui", "en": "Approved"},
    "rencana.kur.status.disalurkan": {"id": "Disalurkan", "en": "Disbursed"},
    "rencana.kur.status.ditolak": {"id": "Ditolak", "en": "Rejected"},
    "rencana.kur.bucket": {"id": "{lo}–{hi} hari", "en": "{lo}–{hi} days"},
    "rencana.kur.bucket_open": {"id": "{lo} hari atau lebih", "en": "{lo} days or more"},
    "rencana.days": {"id": "{n} hari", "en": "{n} days"},
    # --- column headers -----------------------------------------------------------------------------
    "rencana.col.mulai": {"id": "Dari", "en": "From"},
    "rencana.col.akhir": {"id": "Sampai", "en": "To"},
    "rencana.col.kelas": {"id": "Kelas", "en": "Classes"},
    "rencana.col.kursi": {"id": "Kapasitas kursi", "en": "Seats"},
    "rencana.col.peserta_baru": {"id": "Peserta baru", "en": "New participants"},
    "rencana.col.target_kumulatif": {"id": "Target kumulatif", "en": "Cumulative target"},
    "rencana.col.peringkat": {"id": "Peringkat", "en": "Rank"},
    "rencana.col.paket": {"id": "Paket", "en": "Package"},
    "rencana.col.kode_paket": {"id": "Paket", "en": "Package"},
    "rencana.col.keterisian": {"id": "Keterisian", "en": "Fill"},
    "rencana.col.selesai": {"id": "Selesai", "en": "Completion"},
    "rencana.col.kompeten": {"id": "Kompeten", "en": "Competent"},
    "rencana.col.penempatan": {"id": "Penempatan", "en": "Placement"},
    "rencana.col.selang_keterisian": {"id": "Selang 95% keterisian", "en": "95% interval, fill"},
    "rencana.col.selang_selesai": {"id": "Selang 95% selesai", "en": "95% interval, completion"},
    "rencana.col.selang_kompeten": {"id": "Selang 95% kompeten", "en": "95% interval, competent"},
    "rencana.col.selang_penempatan": {
        "id": "Selang 95% penempatan",
        "en": "95% interval, placement",
    },
    "rencana.col.n": {"id": "n (penempatan)", "en": "n (placement)"},
    "rencana.col.pernah_terdaftar": {"id": "Pernah terdaftar", "en": "Ever enrolled"},
    "rencana.col.pendapatan": {"id": "Median perubahan pendapatan", "en": "Median income change"},
    "rencana.col.n_pendapatan": {"id": "n (pendapatan)", "en": "n (income)"},
    "rencana.col.keterangan": {"id": "Keterangan", "en": "Note"},
    "rencana.col.kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "rencana.col.desa": {"id": "Desa/kelurahan", "en": "Village"},
    "rencana.col.sasaran": {"id": "Warga sasaran", "en": "Eligible"},
    "rencana.col.peserta": {"id": "Peserta", "en": "Participants"},
    "rencana.col.cakupan": {"id": "Cakupan", "en": "Coverage"},
    "rencana.col.kebutuhan": {"id": "Belum terlayani", "en": "Unmet need"},
    "rencana.col.bagian_wajar": {"id": "Bagian wajar", "en": "Fair share"},
    "rencana.col.kurang_wajar": {"id": "Kurang dari bagian wajar", "en": "Short of fair share"},
    "rencana.col.peserta_wilayah": {
        "id": "Peserta seluruh program",
        "en": "Participants, whole programme",
    },
    "rencana.col.tanda": {"id": "Catatan", "en": "Note"},
    "rencana.col.peta": {"id": "Peta", "en": "Map"},
    "rencana.col.ringkasan": {"id": "Tampilan terfilter", "en": "Filtered view"},
    "rencana.col.bagian": {"id": "Bagian skor", "en": "Score part"},
    "rencana.col.bobot": {"id": "Bobot", "en": "Weight"},
    "rencana.col.dusun": {"id": "Dusun/lingkungan", "en": "Hamlet"},
    "rencana.col.rw": {"id": "RW", "en": "RW"},
    "rencana.col.alumni": {"id": "Alumni", "en": "Graduates"},
    "rencana.col.n_kompeten": {"id": "Kompeten", "en": "Competent"},
    "rencana.col.n_wirausaha": {"id": "Berwirausaha", "en": "Self-employed"},
    "rencana.col.n_belum_dibantu": {"id": "Belum dibantu", "en": "Not yet helped"},
    "rencana.col.prioritas": {
        "id": "Prioritas (berwirausaha, belum dibantu)",
        "en": "Priority (self-employed, not yet helped)",
    },
    "rencana.col.skor_rata": {"id": "Skor rata-rata", "en": "Mean score"},
    "rencana.col.nama": {"id": "Nama", "en": "Name"},
    "rencana.col.nik": {"id": "NIK (disamarkan)", "en": "NIK (masked)"},
    "rencana.col.p_kompeten": {"id": "Kompeten", "en": "Competent"},
    "rencana.col.p_wirausaha": {"id": "Wirausaha", "en": "Self-employed"},
    "rencana.col.p_belum_dibantu": {"id": "Belum dibantu", "en": "Not yet helped"},
    "rencana.col.p_desil": {"id": "Desil", "en": "Desil"},
    "rencana.col.p_kebutuhan_desa": {"id": "Kebutuhan desa", "en": "Village need"},
    "rencana.col.skor": {"id": "Skor", "en": "Score"},
    "rencana.col.wave": {"id": "Bulan ke-{n}", "en": "Month {n}"},
    "rencana.col.jumlah": {"id": "Jumlah", "en": "Total"},
    "rencana.col.terlama": {"id": "Terlambat paling lama (hari)", "en": "Longest overdue (days)"},
    "rencana.col.kelas_kode": {"id": "Kelas", "en": "Class"},
    "rencana.col.tanggal_selesai": {"id": "Selesai", "en": "Ended"},
    "rencana.col.bulan_survei": {"id": "Survei bulan ke-", "en": "Survey month"},
    "rencana.col.jatuh_tempo": {"id": "Jatuh tempo", "en": "Due"},
    "rencana.col.hari_terlambat": {"id": "Hari terlambat", "en": "Days overdue"},
    "rencana.col.status": {"id": "Status", "en": "Status"},
    "rencana.col.pengajuan": {"id": "Pengajuan", "en": "Applications"},
    "rencana.col.penerima": {"id": "Penerima", "en": "Recipients"},
    "rencana.col.nilai": {"id": "Nilai", "en": "Amount"},
    "rencana.col.lama_tunggu": {"id": "Lama menunggu", "en": "Waiting"},
    "rencana.col.tanggal_pengajuan": {"id": "Tanggal pengajuan", "en": "Applied on"},
    "rencana.col.hari_menunggu": {"id": "Hari menunggu", "en": "Days waiting"},
}
