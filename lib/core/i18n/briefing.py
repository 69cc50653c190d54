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
    "brief.kicker": {"id": "Bahan Paparan Pimpinan", "en": "Leadership briefing"},
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
    # --- the decision deck (docs/indicators.md): storyline, conclusion titles, proposals -------------------
    "brief.slide.ringkasan": {"id": "Ringkasan", "en": "Summary"},
    "brief.slide.usulan": {"id": "Usulan tindak lanjut", "en": "Proposed follow-up"},
    "brief.m.peserta_kuota": {"id": "Peserta dari kuota", "en": "Participants of the quota"},
    "brief.m.peserta_filter": {
        "id": "Peserta filter: porsi {porsi} dari kuota kabupaten",
        "en": "In the filter: {porsi} of the regency quota",
    },
    "brief.m.sisa_waktu": {"id": "Sisa waktu sampai {date}", "en": "Time left until {date}"},
    "brief.m.kec_bawah": {
        "id": "Kecamatan di bawah bagian wajar",
        "en": "Kecamatan below their fair share",
    },
    "brief.m.kekurangan": {
        "id": "Kekurangan dari bagian wajar",
        "en": "Shortfall against the fair share",
    },
    "brief.m.desa_tanpa": {"id": "Desa/kel. tanpa peserta", "en": "Villages with no participant"},
    "brief.m.survei_terlambat": {
        "id": "Survei penelusuran terlambat",
        "en": "Tracer surveys overdue",
    },
    "brief.m.kur_menunggu": {"id": "Pengajuan KUR menunggu", "en": "KUR applications pending"},
    "brief.m.median_tunggu": {"id": "Median lama menunggu", "en": "Median waiting time"},
    "brief.m.laju_perlu": {"id": "Laju dibutuhkan per bulan", "en": "Pace needed per month"},
    "brief.v.hari": {"id": "{n} hari", "en": "{n} days"},
    "brief.v.orang": {"id": "{n} orang", "en": "{n} people"},
    "brief.v.kurang": {"id": "kurang {n} orang", "en": "{n} short"},
    "brief.v.lebih": {"id": "lebih {n} orang", "en": "{n} ahead"},
    "brief.v.pas": {"id": "sesuai rencana", "en": "on plan"},
    "brief.c.s.peserta": {"id": "Peserta", "en": "Participants"},
    "brief.c.s.bagian_wajar": {"id": "Bagian wajar", "en": "Fair share"},
    "brief.c.laju.title": {
        "id": "Peserta kumulatif dan rencana linear (orang)",
        "en": "Cumulative participants and the linear plan (people)",
    },
    "brief.c.wilayah.title": {
        "id": "Peserta dan bagian wajar kuota per kecamatan (orang)",
        "en": "Participants and fair share of the quota by kecamatan (people)",
    },
    "brief.c.paket.rate": {
        "id": "{ukuran} per paket (%): tertinggi dan terendah",
        "en": "{ukuran} by package (%): highest and lowest",
    },
    "brief.c.hasil.status": {
        "id": "Status kerja terakhir alumni (orang)",
        "en": "Latest work status of alumni (people)",
    },
    "brief.c.kur.title": {"id": "Pengajuan KUR menurut status", "en": "KUR applications by status"},
    "brief.c.need.title": {
        "id": "Kebutuhan belum terlayani terbesar (orang)",
        "en": "Largest unmet need (people)",
    },
    "brief.c.peta.cakupan": {
        "id": "Cakupan menurut desa/kelurahan (% warga sasaran yang telah ikut)",
        "en": "Coverage by village (% of eligible residents who joined)",
    },
    "brief.c.cakupan": {"id": "Cakupan (%)", "en": "Coverage (%)"},
    "brief.notes.figures": {"id": "Angka pada slide ini:", "en": "Figures on this slide:"},
    "brief.notes.chart": {"id": "Data grafik ({title}):", "en": "Chart data ({title}):"},
    "brief.notes.regency": {
        "id": "Status kuota, laju, dan kebutuhan kelas berlaku untuk seluruh kabupaten; filter "
        "tidak mempersempitnya.",
        "en": "Quota status, pace and classes needed are regency-wide; the filters do not narrow "
        "them.",
    },
    "brief.notes.class_regency": {
        "id": "Jumlah kelas dan keterisian mengikuti filter tahun/paket/kejuruan saja, jadi "
        "angka itu milik seluruh kabupaten.",
        "en": "Class counts and fill follow the year/package/trade filters only, so they are "
        "regency-wide figures.",
    },
    "brief.notes.source": {
        "id": "Sumber: Pantau (lapisan semantik), {stamp}; {date}.",
        "en": "Source: Pantau (semantic layer), {stamp}; {date}.",
    },
    "brief.def.bagian_wajar": {
        "id": "Bagian wajar: kuota kabupaten × warga sasaran wilayah ÷ warga sasaran kabupaten "
        "(dibulatkan ke orang).",
        "en": "Fair share: the regency quota × the area's eligible residents ÷ the regency's "
        "eligible residents (whole people).",
    },
    "brief.def.wilson": {
        "id": "Selang 95%: selang skor Wilson dari persentase; makin sedikit orang, makin lebar "
        "selangnya. Paket diurutkan menurut batas bawahnya.",
        "en": "95% interval: the Wilson score interval of the percentage; the fewer people, the "
        "wider it is. Packages are ranked by its lower bound.",
    },
    "brief.def.status": {
        "id": "Status kuota: {rule}",
        "en": "Quota status: {rule}",
    },
    "brief.def.telusur": {
        "id": "Survei penelusuran terlambat: survei {waves} bulan setelah kelas selesai yang belum "
        "dilakukan {tol} hari setelah tanggalnya.",
        "en": "Tracer surveys overdue: the {waves}-month surveys after a class ended that are "
        "still not done {tol} days after their date.",
    },
    "brief.def.kur_tunggu": {
        "id": "Lama menunggu: tanggal data dikurangi tanggal pengajuan KUR yang masih diajukan.",
        "en": "Waiting time: the data date minus the date of a KUR application still pending.",
    },
    "brief.copy.title": {"id": "Salin ringkasan", "en": "Copy the summary"},
    "brief.copy.help": {
        "id": "Ringkasan untuk WhatsApp (paling banyak 1.500 karakter); tombol salin ada di pojok "
        "kanan atas kotak.",
        "en": "A summary for WhatsApp (at most 1,500 characters); the copy button is in the "
        "box's top-right corner.",
    },
    # --- narrative: money ------------------------------------------------------------------------
    # --- narrative: conclusion titles ------------------------------------------------------------
    "nar.t.status.tercapai": {
        "id": "Kuota tercapai: {peserta} dari {kuota} orang",
        "en": "Quota reached: {peserta} of {kuota} people",
    },
    "nar.t.status.sesuai": {
        "id": "Kuota sesuai rencana: {peserta} dari {kuota} orang, {hari} hari tersisa",
        "en": "Quota on track: {peserta} of {kuota} people, {hari} days left",
    },
    "nar.t.status.tertinggal": {
        "id": "Tertinggal dari rencana, masih bisa dikejar: kurang {sisa} orang, {kelas} kelas",
        "en": "Behind plan but within reach: {sisa} people, {kelas} classes to go",
    },
    "nar.t.status.terlambat": {
        "id": "Kuota terancam terlambat {hari} hari: kurang {sisa} orang, {kelas} kelas",
        "en": "Quota set to be {hari} days late: {sisa} people, {kelas} classes short",
    },
    "nar.t.status.terlambat.none": {
        "id": "Kuota terancam tidak tercapai: kurang {sisa} orang, {kelas} kelas",
        "en": "Quota at risk: {sisa} people, {kelas} classes short",
    },
    "nar.t.status.lewat": {
        "id": "Batas waktu telah lewat: kuota kurang {sisa} orang, {kelas} kelas",
        "en": "The deadline has passed: {sisa} people, {kelas} classes short",
    },
    "nar.t.laju.behind": {
        "id": "Peserta {gap} orang di bawah rencana; perlu {laju} orang per bulan sampai {akhir}",
        "en": "Participants {gap} under plan; {laju} people a month needed until {akhir}",
    },
    "nar.t.laju.behind_late": {
        "id": "Peserta {gap} orang di bawah rencana; batas waktu {akhir} telah lewat",
        "en": "Participants {gap} under plan; the deadline {akhir} has passed",
    },
    "nar.t.laju.ok": {
        "id": "Peserta sesuai rencana: {peserta} orang, rencana {rencana} orang",
        "en": "Participants on plan: {peserta} people against {rencana} planned",
    },
    "nar.t.laju.reached": {
        "id": "Kuota {kuota} orang telah tercapai",
        "en": "The quota of {kuota} people has been reached",
    },
    "nar.t.wilayah.below": {
        "id": "{n} kecamatan di bawah bagian wajarnya; terjauh {nama} (kurang {k} orang)",
        "en": "{n} kecamatan below their fair share; furthest {nama} ({k} people short)",
    },
    "nar.t.wilayah.ok": {
        "id": "Semua kecamatan mencapai bagian wajar kuotanya",
        "en": "Every kecamatan has reached its fair share of the quota",
    },
    "nar.t.wilayah.one_below": {
        "id": "Kecamatan {nama}: kurang {k} orang dari bagian wajarnya",
        "en": "Kecamatan {nama}: {k} people short of its fair share",
    },
    "nar.t.wilayah.one_ok": {
        "id": "Kecamatan {nama}: {persen} dari bagian wajarnya",
        "en": "Kecamatan {nama}: {persen} of its fair share",
    },
    "nar.t.desa.none": {
        "id": "{n} desa/kelurahan dengan warga sasaran belum punya peserta: {names}",
        "en": "{n} villages with eligible residents have no participant: {names}",
    },
    "nar.t.desa.need": {
        "id": "Kebutuhan terbesar di {place}: {k} warga sasaran belum terlayani",
        "en": "Largest need in {place}: {k} eligible residents not yet reached",
    },
    "nar.t.desa.nothing": {
        "id": "Belum ada warga sasaran tercatat dalam cakupan ini",
        "en": "No eligible residents are recorded in this scope",
    },
    "nar.t.desa.more": {"id": "{names}, dan {n} lainnya", "en": "{names}, and {n} more"},
    "nar.t.paket.open": {
        "id": "Paket untuk dibuka berikutnya: {names}",
        "en": "Packages to open next: {names}",
    },
    "nar.t.paket.none": {
        "id": "Belum ada paket dengan cukup alumni untuk diperingkat",
        "en": "No package has enough alumni to be ranked yet",
    },
    "nar.t.hasil": {
        "id": "{persen} alumni bekerja atau berwirausaha (selang 95%: {lo}–{hi})",
        "en": "{persen} of alumni employed or self-employed (95% interval {lo}–{hi})",
    },
    "nar.t.hasil.none": {
        "id": "Hasil pelatihan belum dapat dinilai: belum ada alumni yang terlacak",
        "en": "Outcomes cannot be judged yet: no alumnus has been traced",
    },
    "nar.t.kur.waiting": {
        "id": "{n} pengajuan KUR masih menunggu; terlama {hari} hari",
        "en": "{n} KUR applications pending; the longest for {hari} days",
    },
    "nar.t.kur.none": {
        "id": "Tidak ada pengajuan KUR yang menunggu",
        "en": "No KUR application is pending",
    },
    # --- narrative: status and pace sentences ----------------------------------------------------
    "nar.st.terlambat": {
        "id": "{lead}, {peserta} dari {kuota} orang ({persen}) telah mengikuti pelatihan; dengan "
        "laju rata-rata saat ini kuota baru tercapai sekitar {proyeksi}, {hari} hari setelah "
        "batas waktu {akhir}.",
        "en": "{lead}, {peserta} of {kuota} people ({persen}) have joined; at the current average "
        "pace the quota is reached around {proyeksi}, {hari} days after the deadline {akhir}.",
    },
    "nar.st.terlambat.none": {
        "id": "{lead}, {peserta} dari {kuota} orang ({persen}) telah mengikuti pelatihan; dengan "
        "laju saat ini kuota tidak tercapai sebelum batas waktu {akhir}.",
        "en": "{lead}, {peserta} of {kuota} people ({persen}) have joined; at the current pace the "
        "quota is not reached before the deadline {akhir}.",
    },
    "nar.st.tertinggal": {
        "id": "{lead}, {peserta} dari {kuota} orang ({persen}) telah mengikuti pelatihan, {gap} "
        "orang di bawah rencana; laju {bulan} bulan terakhir cukup untuk mencapai kuota sebelum "
        "{akhir} bila dipertahankan.",
        "en": "{lead}, {peserta} of {kuota} people ({persen}) have joined, {gap} under plan; the "
        "pace of the last {bulan} months reaches the quota before {akhir} if it is kept up.",
    },
    "nar.st.sesuai": {
        "id": "{lead}, {peserta} dari {kuota} orang ({persen}) telah mengikuti pelatihan, sesuai "
        "rencana; batas waktu {akhir}.",
        "en": "{lead}, {peserta} of {kuota} people ({persen}) have joined, on plan; the deadline "
        "is {akhir}.",
    },
    "nar.st.tercapai": {
        "id": "{lead}, {peserta} orang telah mengikuti pelatihan: kuota {kuota} orang tercapai.",
        "en": "{lead}, {peserta} people have joined: the quota of {kuota} is reached.",
    },
    "nar.st.scope": {
        "id": "Cakupan filter ({desc}) mencatat {peserta} peserta, porsi {porsi} dari kuota "
        "kabupaten; status kuota berlaku untuk seluruh kabupaten.",
        "en": "The filtered scope ({desc}) has {peserta} participants, {porsi} of the regency "
        "quota; the quota status is regency-wide.",
    },
    "nar.st.fair": {
        "id": "Bagian wajar wilayah ini {wajar} orang; tercatat {peserta} orang ({persen}).",
        "en": "This area's fair share is {wajar} people; {peserta} recorded ({persen}).",
    },
    "nar.laju.recent": {
        "id": "Laju {bulan} bulan terakhir {terkini} orang per bulan (rata-rata sejak awal "
        "{rata}); sampai batas waktu dibutuhkan {perlu} orang per bulan, sekitar {kelas} kelas.",
        "en": "The pace of the last {bulan} months is {terkini} people a month (average since the "
        "start {rata}); {perlu} people a month, about {kelas} classes, are needed until the "
        "deadline.",
    },
    "nar.wilayah.cakupan": {
        "id": "Cakupan tertinggi di {hi} ({hi_p} dari warga sasaran), terendah di {lo} ({lo_p}).",
        "en": "Coverage is highest in {hi} ({hi_p} of eligible residents), lowest in {lo} "
        "({lo_p}).",
    },
    "nar.wilayah.one": {
        "id": "Cakupan {nama}: {cakupan} dari {sasaran} warga sasaran.",
        "en": "Coverage of {nama}: {cakupan} of {sasaran} eligible residents.",
    },
    "nar.desa.need": {
        "id": "Kebutuhan belum terlayani terbesar: {items}.",
        "en": "Largest unmet need: {items}.",
    },
    "nar.desa.need_item": {
        "id": "{place} ({k} orang, cakupan {cakupan})",
        "en": "{place} ({k} people, coverage {cakupan})",
    },
    "nar.paket.best": {
        "id": "Terbaik menurut batas bawah selang 95%: {items}.",
        "en": "Best by the lower bound of the 95% interval: {items}.",
    },
    "nar.paket.worst": {"id": "Perlu ditinjau: {items}.", "en": "To review: {items}."},
    "nar.paket.item": {
        "id": "{nama} {persen} ({lo}–{hi}; {n} orang)",
        "en": "{nama} {persen} ({lo}–{hi}; {n} people)",
    },
    "nar.paket.never": {
        "id": "{n} paket belum pernah dibuka.",
        "en": "{n} packages have never run.",
    },
    "nar.hasil.followup": {
        "id": "{n} survei penelusuran terlambat ({waves}); terlama {hari} hari.",
        "en": "{n} tracer surveys overdue ({waves}); the longest by {hari} days.",
    },
    "nar.hasil.wave": {"id": "{bulan} bulan: {n}", "en": "{bulan} months: {n}"},
    "nar.kur.wait": {
        "id": "Dari {n} pengajuan yang menunggu, {lama} sudah lebih dari {batas} hari (median "
        "{median} hari).",
        "en": "Of {n} applications pending, {lama} have waited over {batas} days (median "
        "{median} days).",
    },
    "nar.usulan.lead": {
        "id": "Usulan disusun dari data per {date}; angka di setiap usulan dapat dicek di "
        "halaman Rencana.",
        "en": "Proposals derived from the data as of {date}; each figure can be checked on the "
        "Plan page.",
    },
    "nar.usulan.none": {
        "id": "Data saat ini tidak menunjukkan tindak lanjut yang mendesak.",
        "en": "The current data show no urgent follow-up.",
    },
    # --- narrative: gaps (summary) and proposals (closing slide) ---------------------------------
    "nar.gap.kecamatan": {
        "id": "**Kecamatan {nama}** kurang {k} orang dari bagian wajarnya ({peserta} dari "
        "{wajar} orang)",
        "en": "**Kecamatan {nama}** is {k} people short of its fair share ({peserta} of {wajar})",
    },
    "nar.gap.desa": {
        "id": "**{n} desa/kelurahan** dengan {sasaran} warga sasaran belum punya peserta",
        "en": "**{n} villages** with {sasaran} eligible residents have no participant",
    },
    "nar.gap.telusur": {
        "id": "**{n} survei penelusuran alumni** terlambat; terlama {hari} hari",
        "en": "**{n} alumni tracer surveys** overdue; the longest by {hari} days",
    },
    "nar.gap.kur": {
        "id": "**{n} pengajuan KUR** menunggu; {lama} lebih dari {batas} hari",
        "en": "**{n} KUR applications** pending; {lama} over {batas} days",
    },
    "nar.gap.paket": {
        "id": "**{n} paket** belum pernah dibuka",
        "en": "**{n} packages** have never run",
    },
    "nar.usul.buka_kelas.bagian_wajar": {
        "id": "**Buka {n} kelas** di Kecamatan {kec} (kurang {k} orang dari bagian wajarnya), "
        "paket {paket}",
        "en": "**Open {n} classes** in Kecamatan {kec} ({k} people short of its fair share), "
        "packages {paket}",
    },
    "nar.usul.buka_kelas.kebutuhan_belum_terlayani": {
        "id": "**Buka {n} kelas** di Kecamatan {kec} ({k} warga sasaran belum terlayani), paket "
        "{paket}",
        "en": "**Open {n} classes** in Kecamatan {kec} ({k} eligible residents not yet reached), "
        "packages {paket}",
    },
    "nar.usul.paket": {"id": "{nama} ({persen})", "en": "{nama} ({persen})"},
    "nar.usul.desa_tanpa_peserta": {
        "id": "**Jangkau {n} desa/kelurahan tanpa peserta** ({sasaran} warga sasaran): {names}",
        "en": "**Reach {n} villages with no participant** ({sasaran} eligible residents): {names}",
    },
    "nar.usul.desa_kebutuhan_terbesar": {
        "id": "**Jangkau {n} warga sasaran** di desa dengan kebutuhan terbesar: {names}",
        "en": "**Reach {n} eligible residents** in the villages of largest need: {names}",
    },
    "nar.usul.telusur_alumni": {
        "id": "**Telusuri {n} survei alumni yang terlambat** ({p} pendaftaran, terlama {hari} "
        "hari); terbanyak di kelas {names}",
        "en": "**Follow up {n} overdue alumni surveys** ({p} enrolments, longest {hari} days); "
        "most in classes {names}",
    },
    "nar.usul.percepat_kur": {
        "id": "**Selesaikan {n} pengajuan KUR yang menunggu**: {lama} lebih dari {batas} hari, "
        "terlama {maks} hari",
        "en": "**Settle {n} pending KUR applications**: {lama} over {batas} days, the longest "
        "{maks} days",
    },
    "nar.usul.modal_dusun_rw": {
        "id": "**Salurkan modal usaha dusun/RW** untuk {n} alumni berwirausaha yang belum dibantu "
        "di {g} dusun/RW; terbanyak di {names}",
        "en": "**Give hamlet/RW business capital** to {n} self-employed alumni without help yet "
        "in {g} hamlets/RW; most in {names}",
    },
    "nar.usul.dusun": {"id": "{dusun} RW {rw} ({desa})", "en": "{dusun} RW {rw} ({desa})"},
    "nar.usul.dusun_norw": {"id": "{dusun} ({desa})", "en": "{dusun} ({desa})"},
    "nar.usul.kelas": {"id": "{kode} ({nama})", "en": "{kode} ({nama})"},
    # --- small counts hidden for leadership (docs/indicators.md, "angka kecil") -----------------
    "nar.hasil.kecil": {
        "id": "{selesai} orang telah menyelesaikan pelatihan dalam cakupan ini; tingkat penempatan "
        "dan rinciannya tidak ditampilkan untuk kelompok sekecil ini.",
        "en": "{selesai} people in this scope have completed training; the placement rate and its "
        "breakdown are not shown for so small a group.",
    },
    "nar.t.hasil.kecil": {
        "id": "Hasil pelatihan belum dapat ditampilkan: alumni dalam cakupan ini terlalu sedikit",
        "en": "Outcomes cannot be shown yet: too few alumni in this scope",
    },
    "nar.kur.some.norp": {
        "id": "Sebanyak {n} pengajuan KUR telah disetujui atau disalurkan.",
        "en": "KUR approved or disbursed: {n} {u}.",
    },
    "nar.kur.some_pending.norp": {
        "id": "Sebanyak {n} pengajuan KUR telah disetujui atau disalurkan, dan {p} pengajuan lagi "
        "masih diproses.",
        "en": "KUR approved or disbursed: {n} {u}; a further {p} {u_p} pending.",
    },
    "nar.t.kur.waiting.kecil": {
        "id": "{n} pengajuan KUR masih menunggu keputusan",
        "en": "{n} KUR applications pending",
    },
    "brief.supresi.wa": {
        "id": "{small} = kurang dari {n} orang atau catatan; – = angka dari kelompok sekecil itu.",
        "en": "{small} = fewer than {n} persons or records; – = a figure from such a small group.",
    },
    # --- WhatsApp summary ------------------------------------------------------------------------
    "wa.head": {"id": "*{programme}*", "en": "*{programme}*"},
    "wa.status": {
        "id": "Peserta: *{peserta} dari {kuota} orang* ({persen}); batas waktu {akhir}.",
        "en": "Participants: *{peserta} of {kuota} people* ({persen}); deadline {akhir}.",
    },
    "wa.scope": {
        "id": "Dalam filter: {peserta} peserta, porsi {porsi} dari kuota kabupaten.",
        "en": "In the filter: {peserta} participants, {porsi} of the regency quota.",
    },
    "wa.penempatan": {
        "id": "Alumni bekerja/berwirausaha: {persen} dari {selesai} alumni.",
        "en": "Alumni employed/self-employed: {persen} of {selesai} alumni.",
    },
    "wa.kur": {
        "id": "KUR disetujui/disalurkan: {n} pengajuan, {rp}.",
        "en": "KUR approved/disbursed: {n} applications, {rp}.",
    },
    "wa.gaps": {"id": "*Perlu ditindaklanjuti:*", "en": "*Needs follow-up:*"},
    "wa.filter": {"id": "Filter: {desc}", "en": "Filter: {desc}"},
    "wa.more": {
        "id": "Selengkapnya di Pantau, halaman Briefing.",
        "en": "More in Pantau, Briefing.",
    },
}
