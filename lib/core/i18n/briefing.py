"""UI text of the briefing (page, PDF, PPTX) and its narrative sentences (see lib/i18n/__init__.py).

Narrative keys (``nar.*``) are whole sentences, one per case (zero, one, several, exceeded, ...);
``lib.briefing.narrative`` picks the case and fills in numbers formatted by ``lib.core.fmt``. The
Indonesian text needs no plural forms; English templates take a unit chosen by count.
"""

TEXT: dict[str, dict[str, str]] = {
    # --- page ------------------------------------------------------------------------------------
    "brief.intro": {
        "id": "Dek briefing untuk filter yang sedang aktif: satu pesan per slide, kalimat disusun "
        "otomatis dari indikator. Unduh sebagai PDF atau PowerPoint, atau tampilkan di proyektor "
        "dengan mode presentasi.",
        "en": "A briefing deck for the active filters: one message per slide, sentences written "
        "automatically from the indicators. Download it as PDF or PowerPoint, or show it on a "
        "projector in presentation mode.",
    },
    "brief.present": {"id": "Mode presentasi", "en": "Presentation mode"},
    "brief.present.help": {
        "id": "Menyembunyikan menu dan filter; slide tampil besar untuk proyektor.",
        "en": "Hides the menu and filters; the slide fills the screen for a projector.",
    },
    "brief.prev": {"id": "Sebelumnya", "en": "Previous"},
    "brief.next": {"id": "Berikutnya", "en": "Next"},
    "brief.counter": {"id": "Slide {n} dari {total}", "en": "Slide {n} of {total}"},
    "brief.goto": {"id": "Pilih slide", "en": "Go to slide"},
    "brief.url.slide": {
        "id": "Nomor slide di alamat halaman (slide=…) tidak sah dan diabaikan; gunakan angka "
        "1 sampai 999. Slide pertama ditampilkan.",
        "en": "The slide number in the page address (slide=…) is not valid and was ignored; use "
        "a number from 1 to 999. The first slide is shown.",
    },
    "brief.url.present": {
        "id": "Nilai mode presentasi di alamat halaman (present=…) tidak sah dan diabaikan; "
        "gunakan present=1.",
        "en": "The presentation-mode value in the page address (present=…) is not valid and was "
        "ignored; use present=1.",
    },
    "brief.download.pdf": {"id": "Unduh PDF", "en": "Download PDF"},
    "brief.download.pptx": {"id": "Unduh PowerPoint", "en": "Download PowerPoint"},
    "brief.building": {"id": "Menyusun slide…", "en": "Building the slides…"},
    # --- deck furniture --------------------------------------------------------------------------
    "brief.kicker": {"id": "Briefing pimpinan", "en": "Leadership briefing"},
    "brief.demo": {
        "id": "DATA DEMO: angka sintetis untuk uji coba",
        "en": "DEMO DATA: synthetic test figures",
    },
    "brief.source": {
        "id": "Disusun otomatis oleh Pantau dari data DTKS/DTSEN, kelas BLK, survei penelusuran "
        "dan bantuan.",
        "en": "Compiled automatically by Pantau from registry, BLK class, tracer and aid data.",
    },
    "brief.page": {"id": "{n}/{total}", "en": "{n}/{total}"},
    # --- slide titles ----------------------------------------------------------------------------
    "brief.slide.kuota": {"id": "Capaian kuota", "en": "Quota progress"},
    "brief.slide.laju": {"id": "Laju dan proyeksi", "en": "Pace and projection"},
    "brief.slide.laju.whole": {
        "id": "Laju dan proyeksi seluruh program",
        "en": "Pace and projection of the whole programme",
    },
    "brief.slide.paket": {"id": "Paket pelatihan", "en": "Training packages"},
    "brief.slide.peta": {"id": "Sebaran desa/kelurahan", "en": "Villages"},
    "brief.slide.hasil": {"id": "Hasil pasca pelatihan", "en": "Post-training outcomes"},
    "brief.slide.bantuan": {"id": "KUR dan bantuan", "en": "KUR and aid"},
    "brief.slide.peringatan": {"id": "Perlu perhatian", "en": "Needs attention"},
    # --- metric tiles (labels not in indicators.DEFINITIONS) ---------------------------------------
    "brief.m.sisa": {"id": "Sisa kuota", "en": "Quota remaining"},
    "brief.m.kelas_lagi": {"id": "Kelas @{size} lagi", "en": "Classes of {size} to go"},
    "brief.m.rencana": {"id": "Rencana per tanggal data", "en": "Plan at the data date"},
    "brief.m.peserta_program": {"id": "Peserta seluruh program", "en": "Programme participants"},
    "brief.m.selisih": {"id": "Selisih dari rencana", "en": "Difference from plan"},
    "brief.m.proyeksi": {"id": "Kuota tercapai (proyeksi)", "en": "Quota reached (projected)"},
    "brief.m.desa_peserta": {"id": "Desa/kel. dengan peserta", "en": "Villages with participants"},
    "brief.m.desa_terbanyak": {"id": "Peserta terbanyak", "en": "Most participants"},
    "brief.m.of": {"id": "{a} dari {b}", "en": "{a} of {b}"},
    "brief.m.kur_diproses": {"id": "KUR masih diproses", "en": "KUR pending"},
    # --- chart text ------------------------------------------------------------------------------
    "brief.c.tahun": {"id": "Tahun kelas", "en": "Class year"},
    "brief.c.peserta": {"id": "Peserta (orang)", "en": "Participants (people)"},
    "brief.c.target": {"id": "Target tahunan", "en": "Annual target"},
    "brief.c.tanggal": {"id": "Tanggal", "en": "Date"},
    "brief.c.kumulatif": {"id": "Peserta kumulatif", "en": "Cumulative participants"},
    "brief.c.s.program": {"id": "Peserta seluruh program", "en": "Programme participants"},
    "brief.c.s.cakupan": {"id": "Peserta dalam filter", "en": "Participants in the filter"},
    "brief.c.s.rencana": {"id": "Rencana linear", "en": "Linear plan"},
    "brief.c.s.proyeksi": {"id": "Proyeksi laju saat ini", "en": "Projection at current pace"},
    "brief.c.kuota": {"id": "Kuota {kuota}", "en": "Quota {kuota}"},
    "brief.c.paket": {"id": "Paket", "en": "Package"},
    "brief.c.paket.title": {
        "id": "Peserta per paket (paket terbanyak)",
        "en": "Participants per package (largest packages)",
    },
    "brief.c.desa.title": {
        "id": "Desa/kelurahan dengan peserta terbanyak",
        "en": "Villages with the most participants",
    },
    "brief.c.peta.title": {
        "id": "Peserta menurut desa/kelurahan tempat tinggal",
        "en": "Participants by village of residence",
    },
    "brief.c.peta.none": {"id": "Tanpa peserta", "en": "No participants"},
    "brief.c.status": {"id": "Status", "en": "Status"},
    "brief.c.orang": {"id": "Orang", "en": "People"},
    "brief.c.catatan": {"id": "Jumlah catatan", "en": "Records"},
    "brief.c.jenis": {"id": "Jenis bantuan", "en": "Kind of aid"},
    "brief.c.hasil.title": {
        "id": "Status terakhir alumni (survei penelusuran)",
        "en": "Latest status of alumni (tracer survey)",
    },
    "brief.c.bantuan.title": {
        "id": "Bantuan menurut jenis dan status",
        "en": "Aid by kind and status",
    },
    "brief.c.empty": {"id": "Belum ada data untuk cakupan ini", "en": "No data for this scope yet"},
    "brief.outcome.bekerja": {"id": "Bekerja", "en": "Employed"},
    "brief.outcome.wirausaha": {"id": "Wirausaha", "en": "Self-employed"},
    "brief.outcome.belum_bekerja": {"id": "Belum bekerja", "en": "Not yet working"},
    "brief.outcome.melanjutkan_pendidikan": {
        "id": "Melanjutkan pendidikan",
        "en": "In further education",
    },
    "brief.outcome.tidak_terlacak": {"id": "Tidak terlacak", "en": "Not traced"},
    "brief.aid.kur": {"id": "KUR", "en": "KUR"},
    "brief.aid.peralatan": {"id": "Peralatan", "en": "Equipment"},
    "brief.aid.modal_dusun_rw": {"id": "Modal usaha dusun/RW", "en": "Hamlet/RW capital"},
    "brief.aidstatus.diajukan": {"id": "Diajukan", "en": "Submitted"},
    "brief.aidstatus.disetujui": {"id": "Disetujui", "en": "Approved"},
    "brief.aidstatus.disalurkan": {"id": "Disalurkan", "en": "Disbursed"},
    "brief.aidstatus.ditolak": {"id": "Ditolak", "en": "Rejected"},
    # --- narrative: pieces -----------------------------------------------------------------------
    "nar.lead.date": {"id": "Sampai {date}", "en": "As of {date}"},
    "nar.lead.now": {"id": "Sampai saat ini", "en": "So far"},
    "nar.lead.whole": {"id": "Untuk seluruh program", "en": "Across the whole programme"},
    "nar.u.person": {"id": "orang", "en": "people"},
    "nar.u.person.1": {"id": "orang", "en": "person"},
    "nar.u.class": {"id": "kelas", "en": "classes"},
    "nar.u.class.1": {"id": "kelas", "en": "class"},
    "nar.u.package": {"id": "paket", "en": "packages"},
    "nar.u.package.1": {"id": "paket", "en": "package"},
    "nar.u.alumnus": {"id": "alumni", "en": "alumni"},
    "nar.u.alumnus.1": {"id": "alumni", "en": "alumnus"},
    "nar.u.village": {"id": "desa/kelurahan", "en": "villages"},
    "nar.u.village.1": {"id": "desa/kelurahan", "en": "village"},
    "nar.u.record": {"id": "catatan", "en": "records"},
    "nar.u.record.1": {"id": "catatan", "en": "record"},
    "nar.u.application": {"id": "pengajuan", "en": "applications"},
    "nar.u.application.1": {"id": "pengajuan", "en": "application"},
    "nar.place.desa": {"id": "Desa {nama}", "en": "Desa {nama}"},
    "nar.place.kelurahan": {"id": "Kelurahan {nama}", "en": "Kelurahan {nama}"},
    "nar.count": {"id": "{place} ({n} orang)", "en": "{place} ({n} {u})"},
    "nar.outcome.bekerja": {"id": "{n} bekerja", "en": "{n} employed"},
    "nar.outcome.wirausaha": {"id": "{n} berwirausaha", "en": "{n} self-employed"},
    "nar.outcome.belum_bekerja": {"id": "{n} belum bekerja", "en": "{n} not yet working"},
    "nar.outcome.melanjutkan_pendidikan": {
        "id": "{n} melanjutkan pendidikan",
        "en": "{n} in further education",
    },
    "nar.outcome.tidak_terlacak": {"id": "{n} belum terlacak", "en": "{n} not yet traced"},
    "nar.status1.bekerja": {"id": "telah bekerja", "en": "is employed"},
    "nar.status1.wirausaha": {"id": "telah berwirausaha", "en": "is self-employed"},
    "nar.status1.belum_bekerja": {"id": "belum bekerja", "en": "is not yet working"},
    "nar.status1.melanjutkan_pendidikan": {
        "id": "melanjutkan pendidikan",
        "en": "is in further education",
    },
    # --- narrative: quota progress ----------------------------------------------------------------
    "nar.progress.zero": {
        "id": "{lead}, belum ada orang yang mengikuti pelatihan; seluruh kuota {kuota} orang masih "
        "diperlukan, atau {kelas} kelas berisi {size}.",
        "en": "{lead}, nobody has taken part in training yet; the whole quota of {kuota} people is "
        "still needed, or {kelas} {u_kelas} of {size}.",
    },
    "nar.progress.some": {
        "id": "{lead}, {peserta} dari {kuota} orang ({persen}) telah mengikuti pelatihan; {sisa} "
        "orang lagi diperlukan, atau {kelas} kelas berisi {size}.",
        "en": "{lead}, training has reached {peserta} of {kuota} people ({persen}); {sisa} more "
        "{u_sisa} to go, or {kelas} {u_kelas} of {size}.",
    },
    "nar.progress.last_class": {
        "id": "{lead}, {peserta} dari {kuota} orang ({persen}) telah mengikuti pelatihan; {sisa} "
        "orang lagi diperlukan, cukup dengan satu kelas lagi.",
        "en": "{lead}, training has reached {peserta} of {kuota} people ({persen}); {sisa} more "
        "{u_sisa} to go, which one more class covers.",
    },
    "nar.progress.met": {
        "id": "{lead}, {peserta} dari {kuota} orang ({persen}) telah mengikuti pelatihan; kuota "
        "program telah terpenuhi.",
        "en": "{lead}, training has reached {peserta} of {kuota} people ({persen}); the programme "
        "quota has been met.",
    },
    "nar.progress.over": {
        "id": "{lead}, {peserta} orang telah mengikuti pelatihan ({persen} dari kuota), melampaui "
        "kuota {kuota} orang sebanyak {lebih} orang.",
        "en": "{lead}, training has reached {peserta} people ({persen} of the quota), {lebih} "
        "{u_lebih} above the quota of {kuota}.",
    },
    "nar.scope.zero": {
        "id": "{lead}, belum ada peserta pelatihan dalam cakupan ini ({desc}).",
        "en": "{lead}, there are no training participants in this scope ({desc}) yet.",
    },
    "nar.scope.some": {
        "id": "{lead}, {peserta} orang dalam cakupan ini ({desc}) telah mengikuti pelatihan, "
        "setara {persen} dari kuota program {kuota} orang.",
        "en": "{lead}, training has reached {peserta} {u_peserta} in this scope ({desc}), "
        "equal to {persen} of the programme quota of {kuota}.",
    },
    "nar.completion.none": {
        "id": "Belum ada peserta yang menyelesaikan pelatihan.",
        "en": "Nobody has completed training yet.",
    },
    "nar.completion.some": {
        "id": "Sebanyak {selesai} orang telah menyelesaikan pelatihan; {kompeten} di antaranya "
        "dinyatakan kompeten.",
        "en": "{selesai} {u_selesai} completed training; {kompeten} of them were assessed "
        "competent.",
    },
    "nar.completion.no_kompeten": {
        "id": "Sebanyak {selesai} orang telah menyelesaikan pelatihan; belum ada yang dinyatakan "
        "kompeten.",
        "en": "{selesai} {u_selesai} completed training; none has yet been assessed competent.",
    },
    # --- narrative: packages ---------------------------------------------------------------------
    "nar.paket.none": {
        "id": "Belum ada kelas pelatihan dalam cakupan ini; {total} paket dalam katalog belum "
        "dijalankan.",
        "en": "There are no training classes in this scope yet; none of the {total} catalogue "
        "packages has run.",
    },
    "nar.paket.some": {
        "id": "Sebanyak {berjalan} dari {total} paket pelatihan telah dijalankan dalam {kelas} "
        "kelas, dengan keterisian kursi {persen}.",
        "en": "{berjalan} of {total} training packages have run in {kelas} {u_kelas}, with "
        "{persen} of seats filled.",
    },
    "nar.paket.all": {
        "id": "Seluruh {total} paket pelatihan telah dijalankan dalam {kelas} kelas, dengan "
        "keterisian kursi {persen}.",
        "en": "All {total} training packages have run in {kelas} {u_kelas}, with {persen} of "
        "seats filled.",
    },
    "nar.paket.some.regency": {
        "id": "Di seluruh kabupaten, {berjalan} dari {total} paket pelatihan telah dijalankan "
        "dalam {kelas} kelas, dengan keterisian kursi {persen}.",
        "en": "Across the regency, {berjalan} of {total} training packages have run in {kelas} "
        "{u_kelas}, with {persen} of seats filled.",
    },
    "nar.paket.all.regency": {
        "id": "Di seluruh kabupaten, semua {total} paket pelatihan telah dijalankan dalam {kelas} "
        "kelas, dengan keterisian kursi {persen}.",
        "en": "Across the regency, all {total} training packages have run in {kelas} {u_kelas}, "
        "with {persen} of seats filled.",
    },
    "nar.paket.top": {
        "id": "Peserta terbanyak ada di paket {nama} ({n} orang).",
        "en": "The most participants are in {nama} ({n} {u}).",
    },
    "nar.paket.top.regency": {
        "id": "Di antara peserta dalam cakupan ini, paket terbanyak adalah {nama} ({n} orang).",
        "en": "Among the participants in this scope, the largest package is {nama} ({n} {u}).",
    },
    "nar.paket.no_people": {
        "id": "Belum ada peserta dalam cakupan ini di kelas-kelas tersebut.",
        "en": "None of the participants in those classes is in this scope.",
    },
    # --- narrative: villages ---------------------------------------------------------------------
    "nar.desa.zero": {
        "id": "Belum ada peserta dari {total} desa/kelurahan dalam cakupan ini.",
        "en": "None of the {total} {u_total} in this scope has participants yet.",
    },
    "nar.desa.zero_one": {
        "id": "Belum ada peserta dari {place}.",
        "en": "There are no participants from {place} yet.",
    },
    "nar.desa.only_one": {
        "id": "Seluruh {n} peserta dalam cakupan ini berasal dari {place}.",
        "en": "All {n} participants in this scope live in {place}.",
    },
    "nar.desa.only_one_person": {
        "id": "Satu-satunya peserta dalam cakupan ini berasal dari {place}.",
        "en": "The only participant in this scope lives in {place}.",
    },
    "nar.desa.all": {
        "id": "Peserta berasal dari seluruh {total} desa/kelurahan dalam cakupan ini; terbanyak "
        "dari {top}.",
        "en": "Participants come from all {total} villages in this scope; most from {top}.",
    },
    "nar.desa.single": {
        "id": "Semua peserta berasal dari satu desa/kelurahan, yaitu {top}.",
        "en": "All participants come from a single village: {top}.",
    },
    "nar.desa.some": {
        "id": "Peserta berasal dari {with_} dari {total} desa/kelurahan; terbanyak dari {top}.",
        "en": "Participants come from {with_} of {total} villages; most from {top}.",
    },
    "nar.desa.missing_names": {
        "id": "{names} belum memiliki peserta.",
        "en": "Still without participants: {names}.",
    },
    "nar.desa.missing_count": {
        "id": "Masih ada {n} desa/kelurahan yang belum memiliki peserta.",
        "en": "{n} villages still have no participants.",
    },
    # --- narrative: outcomes ---------------------------------------------------------------------
    "nar.hasil.none": {
        "id": "Belum ada peserta yang menyelesaikan pelatihan dalam cakupan ini, sehingga hasil "
        "pasca pelatihan belum dapat diukur.",
        "en": "Nobody in this scope has completed training yet, so post-training outcomes cannot "
        "be measured.",
    },
    "nar.hasil.untraced_one": {
        "id": "Satu alumni telah menyelesaikan pelatihan tetapi belum terlacak melalui survei "
        "penelusuran (tracer study); tingkat penempatan belum dapat dinilai.",
        "en": "One alumnus has completed training but has not been reached by a tracer survey; "
        "the placement rate cannot be judged yet.",
    },
    "nar.hasil.untraced": {
        "id": "Sebanyak {selesai} alumni telah menyelesaikan pelatihan, tetapi belum satu pun "
        "terlacak melalui survei penelusuran (tracer study); tingkat penempatan belum dapat "
        "dinilai.",
        "en": "{selesai} alumni have completed training, but none has been reached by a tracer "
        "survey; the placement rate cannot be judged yet.",
    },
    "nar.hasil.one": {
        "id": "Satu-satunya alumni dalam cakupan ini {status} (tingkat penempatan {persen}).",
        "en": "The only alumnus in this scope {status} (placement rate {persen}).",
    },
    "nar.hasil.placed": {
        "id": "Dari {selesai} alumni, {placed}, sehingga tingkat penempatan {persen}.",
        "en": "Of {selesai} alumni, {placed}, a placement rate of {persen}.",
    },
    "nar.hasil.unplaced": {
        "id": "Dari {selesai} alumni, belum ada yang tercatat bekerja atau berwirausaha "
        "(tingkat penempatan {persen}).",
        "en": "Of {selesai} alumni, none is recorded as employed or self-employed (placement "
        "rate {persen}).",
    },
    "nar.hasil.rest": {"id": "Sisanya, {rest}.", "en": "Of the rest, {rest}."},
    "nar.hasil.breakdown": {"id": "Rinciannya: {rest}.", "en": "In detail: {rest}."},
    # --- narrative: KUR and aid ------------------------------------------------------------------
    "nar.aid.nothing": {
        "id": "Belum ada KUR, bantuan peralatan, maupun modal usaha dusun/RW yang diajukan atau "
        "disetujui bagi peserta dalam cakupan ini.",
        "en": "No KUR, equipment or hamlet/RW capital aid has been requested or approved for "
        "participants in this scope yet.",
    },
    "nar.kur.some": {
        "id": "Sebanyak {n} pengajuan KUR telah disetujui atau disalurkan dengan nilai {rp}.",
        "en": "KUR approved or disbursed: {n} {u}, worth {rp}.",
    },
    "nar.kur.some_pending": {
        "id": "Sebanyak {n} pengajuan KUR telah disetujui atau disalurkan dengan nilai {rp}, dan "
        "{p} pengajuan lagi masih diproses.",
        "en": "KUR approved or disbursed: {n} {u}, worth {rp}; a further {p} {u_p} pending.",
    },
    "nar.kur.pending": {
        "id": "Belum ada KUR yang disetujui; {p} pengajuan masih diproses.",
        "en": "No KUR has been approved yet; {p} {u_p} pending.",
    },
    "nar.kur.none": {
        "id": "Belum ada pengajuan KUR bagi peserta dalam cakupan ini.",
        "en": "No KUR has been requested for participants in this scope yet.",
    },
    "nar.aid.both": {
        "id": "Selain itu, {a} bantuan peralatan dan {b} bantuan modal usaha dusun/RW telah "
        "disetujui atau disalurkan.",
        "en": "In addition, aid approved or disbursed: {a} for equipment and {b} for hamlet/RW "
        "capital.",
    },
    "nar.aid.alat_only": {
        "id": "Selain itu, {a} bantuan peralatan telah disetujui atau disalurkan; bantuan modal "
        "usaha dusun/RW belum ada.",
        "en": "In addition, equipment aid approved or disbursed: {a} {u}; no hamlet/RW capital "
        "aid yet.",
    },
    "nar.aid.modal_only": {
        "id": "Selain itu, {b} bantuan modal usaha dusun/RW telah disetujui atau disalurkan; "
        "bantuan peralatan belum ada.",
        "en": "In addition, hamlet/RW capital aid approved or disbursed: {b} {u}; no equipment "
        "aid yet.",
    },
    "nar.aid.neither": {
        "id": "Bantuan peralatan maupun modal usaha dusun/RW belum ada yang disetujui.",
        "en": "No equipment or hamlet/RW capital aid has been approved yet.",
    },
    # --- narrative: alerts -----------------------------------------------------------------------
    "nar.alert.none": {
        "id": "Tidak ada peringatan untuk cakupan ini.",
        "en": "There are no alerts for this scope.",
    },
    "nar.alert.one": {
        "id": "Ada satu hal yang perlu mendapat perhatian.",
        "en": "One matter needs attention.",
    },
    "nar.alert.many": {
        "id": "Ada {n} hal yang perlu mendapat perhatian.",
        "en": "{n} matters need attention.",
    },
    # --- narrative: title slide ------------------------------------------------------------------
    "nar.title": {
        "id": "Briefing untuk {desc}, berdasarkan data per {date}.",
        "en": "Briefing for {desc}, based on data as of {date}.",
    },
    "nar.title.nodate": {
        "id": "Briefing untuk {desc}; belum ada tanggal data.",
        "en": "Briefing for {desc}; no data date yet.",
    },
}
