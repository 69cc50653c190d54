"""UI text of data intake: the /data page, the import report, the CLI and the data-quality panel
(see lib/i18n/__init__.py). Messages of the import report are ``imp.msg.<code>``; their short labels
``imp.code.<code>``; column descriptions ``imp.col.[<kind>.]<column>``."""

_EXCEL_FIX = (
    "Di Excel: blok kolom {field}, klik kanan → Format Cells → Text, lalu ketik atau tempel ulang "
    "nomor dari sumber aslinya (bukan dari sel yang sudah rusak) dan simpan lagi."
)
_EXCEL_FIX_EN = (
    "In Excel: select the {field} column, right-click → Format Cells → Text, then type or paste the "
    "numbers again from the original source (not from the damaged cells) and save again."
)

TEXT: dict[str, dict[str, str]] = {
    # --- kinds ------------------------------------------------------------------------------------
    "imp.kind.paket": {"id": "Paket pelatihan", "en": "Training packages"},
    "imp.kind.kelas": {"id": "Kelas pelatihan", "en": "Training classes"},
    "imp.kind.dtks": {"id": "Registri DTKS/DTSEN", "en": "DTKS/DTSEN registry"},
    "imp.kind.peserta": {"id": "Peserta (pendaftaran kelas)", "en": "Participants (enrolments)"},
    "imp.kind.tracer": {"id": "Tracer study alumni", "en": "Alumni tracer study"},
    "imp.kind.bantuan": {
        "id": "Bantuan (peralatan, KUR, modal dusun/RW)",
        "en": "Aid (equipment, KUR, hamlet/RW capital)",
    },
    # --- unusable files (exit 2) ------------------------------------------------------------------
    "imp.file.too_big": {
        "id": "Berkas terlalu besar ({mb} MB; batas {max_mb} MB). Pecah berkas menjadi beberapa "
        "bagian, atau minta pengelola menaikkan batas (PANTAU_IMPORT_MAX_MB).",
        "en": "The file is too big ({mb} MB; limit {max_mb} MB). Split it into parts, or ask the "
        "maintainer to raise the limit (PANTAU_IMPORT_MAX_MB).",
    },
    "imp.file.empty": {
        "id": "Berkas kosong: tidak ada baris judul kolom maupun data.",
        "en": "The file is empty: no header row and no data.",
    },
    "imp.file.no_rows": {
        "id": "Berkas hanya berisi baris judul kolom, tanpa baris data.",
        "en": "The file holds only the header row, no data rows.",
    },
    "imp.file.xls_old": {
        "id": "Format Excel lama (.xls) tidak didukung. Buka di Excel lalu Simpan Sebagai "
        '"Excel Workbook (.xlsx)" atau "CSV UTF-8".',
        "en": "The old Excel format (.xls) is not supported. Open it in Excel and Save As "
        '"Excel Workbook (.xlsx)" or "CSV UTF-8".',
    },
    "imp.file.mislabelled_xlsx": {
        "id": 'Berkas "{name}" bernama .xlsx tetapi isinya bukan buku kerja Excel (mungkin CSV '
        "atau teks yang diganti namanya). Simpan ulang dari Excel sebagai .xlsx, atau beri nama .csv "
        "bila isinya CSV.",
        "en": 'The file "{name}" is named .xlsx but is not an Excel workbook (perhaps a renamed CSV '
        "or text). Save it again from Excel as .xlsx, or name it .csv if it is a CSV.",
    },
    "imp.file.mislabelled_csv": {
        "id": 'Berkas "{name}" bernama .csv tetapi isinya buku kerja Excel (.xlsx) atau berkas '
        'terkompresi. Beri nama .xlsx, atau Simpan Sebagai "CSV UTF-8" dari Excel.',
        "en": 'The file "{name}" is named .csv but holds an Excel workbook (.xlsx) or a compressed '
        'file. Name it .xlsx, or Save As "CSV UTF-8" from Excel.',
    },
    "imp.file.suffix": {
        "id": 'Jenis berkas "{name}" tidak didukung. Gunakan .csv atau .xlsx.',
        "en": 'The file type of "{name}" is not supported. Use .csv or .xlsx.',
    },
    "imp.file.binary": {
        "id": "Berkas ini bukan teks CSV (berisi data biner, misalnya gambar, PDF atau dokumen). "
        "Unggah CSV atau XLSX dari templat.",
        "en": "This file is not CSV text (it holds binary data such as an image, PDF or document). "
        "Upload a CSV or XLSX made from the template.",
    },
    "imp.file.xlsx_broken": {
        "id": 'Berkas "{name}" tidak dapat dibaca sebagai buku kerja Excel (rusak atau bukan '
        ".xlsx). Buka di Excel dan simpan ulang sebagai .xlsx.",
        "en": 'The file "{name}" cannot be read as an Excel workbook (damaged or not .xlsx). Open '
        "it in Excel and save it again as .xlsx.",
    },
    "imp.file.missing_columns": {
        "id": 'Kolom wajib untuk jenis "{kind}" tidak ada: {columns}. Periksa baris judul '
        "(baris 1) atau gunakan templat.",
        "en": 'Required columns of kind "{kind}" are missing: {columns}. Check the header (row 1) '
        "or use the template.",
    },
    "imp.file.wrong_kind": {
        "id": 'Berkas ini tampaknya berjenis "{detected}", bukan "{kind}": kolom wajib jenis '
        '"{kind}" yang tidak ada: {columns}. Pilih jenis yang benar atau periksa berkasnya.',
        "en": 'This file looks like kind "{detected}", not "{kind}": the required columns of kind '
        '"{kind}" that it lacks: {columns}. Choose the right kind or check the file.',
    },
    "imp.file.dup_column": {
        "id": 'Kolom "{column}" muncul dua kali di baris judul. Hapus salah satunya.',
        "en": 'Column "{column}" appears twice in the header. Remove one of them.',
    },
    "imp.file.kind_unknown": {
        "id": "Jenis data tidak dapat dikenali dari judul kolom. Pilih jenisnya, atau gunakan "
        "templat agar judul kolomnya tepat.",
        "en": "The kind of data cannot be recognised from the header. Choose the kind, or use the "
        "template so that the column names are right.",
    },
    "imp.file.too_many_rows": {
        "id": "Berkas melebihi batas {max} baris data (pembacaan dihentikan di baris {row}). Pecah "
        "berkas menjadi beberapa bagian, masing-masing dengan baris judul, lalu impor satu per satu.",
        "en": "The file exceeds the limit of {max} data rows (reading stopped at row {row}). Split "
        "it into parts, each with the header row, and import them one by one.",
    },
    "imp.file.too_many_columns": {
        "id": "Baris {row} berisi lebih dari {max} kolom. Hapus kolom yang tidak dipakai (atau "
        "mulai dari templat) lalu simpan ulang.",
        "en": "Row {row} holds more than {max} columns. Delete the columns that are not used (or "
        "start from the template) and save again.",
    },
    "imp.file.too_many_cells": {
        "id": "Berkas berisi lebih dari {max} sel (pembacaan dihentikan di baris {row}). Hapus "
        "kolom yang tidak dipakai atau pecah berkas menjadi beberapa bagian.",
        "en": "The file holds more than {max} cells (reading stopped at row {row}). Delete the "
        "columns that are not used or split the file into parts.",
    },
    "imp.file.line_too_long": {
        "id": "Baris {row} terlalu panjang (lebih dari {max} karakter dalam satu baris). Berkas ini "
        "kemungkinan bukan CSV hasil ekspor spreadsheet; simpan ulang dari Excel sebagai CSV.",
        "en": "Row {row} is too long (more than {max} characters on one line). This is probably "
        "not a CSV exported from a spreadsheet; save it again from Excel as CSV.",
    },
    "imp.file.quote_open": {
        "id": 'Tanda petik (") yang dibuka di baris {row} tidak pernah ditutup, sehingga baris-'
        "baris sesudahnya terbaca sebagai satu sel. Periksa sel yang diawali tanda petik di baris "
        "{row}: tutup dengan tanda petik, atau hapus tanda petiknya.",
        "en": 'A quote (") opened in row {row} is never closed, so the rows after it read as one '
        "cell. Check the cell that starts with a quote in row {row}: close it with a quote, or "
        "remove the quote.",
    },
    "imp.file.header_row": {
        "id": "Baris judul kolom (baris {row}) tidak dapat dibaca: berisi karakter NUL, huruf "
        "bersandi salah, tanda petik yang salah atau sel yang terlalu panjang. Ketik ulang baris "
        "judulnya atau salin dari templat.",
        "en": "The header row (row {row}) cannot be read: it holds a NUL character, wrongly "
        "encoded letters, a misplaced quote or an over-long cell. Type the header again or copy "
        "it from the template.",
    },
    "imp.file.unzipped_too_big": {
        "id": "Isi buku kerja ini terlalu besar setelah dibuka ({mb} MB; batas {max_mb} MB), "
        "walaupun berkasnya kecil. Hapus lembar, kolom dan baris yang tidak dipakai, atau pecah "
        "berkas menjadi beberapa bagian.",
        "en": "This workbook is too large once unpacked ({mb} MB; limit {max_mb} MB), even though "
        "the file is small. Delete unused sheets, columns and rows, or split the file into parts.",
    },
    "imp.file.unzipped_part": {
        "id": 'Bagian "{part}" buku kerja ini terlalu besar setelah dibuka ({mb} MB; batas '
        "{max_mb} MB). Buka di Excel, salin datanya ke buku kerja baru, lalu simpan sebagai .xlsx.",
        "en": 'The part "{part}" of this workbook is too large once unpacked ({mb} MB; limit '
        "{max_mb} MB). Open it in Excel, copy the data into a new workbook and save it as .xlsx.",
    },
    "imp.file.zip_entries": {
        "id": "Buku kerja ini terdiri dari terlalu banyak bagian ({n}; batas {max}). Buka di "
        "Excel, salin datanya ke buku kerja baru, lalu simpan sebagai .xlsx.",
        "en": "This workbook has too many parts ({n}; limit {max}). Open it in Excel, copy the "
        "data into a new workbook and save it as .xlsx.",
    },
    "imp.file.too_heavy": {
        "id": "Berkas ini terlalu berat untuk dibaca (memerlukan memori lebih dari batas). Hapus "
        "kolom dan baris yang tidak dipakai atau pecah berkas menjadi beberapa bagian.",
        "en": "This file is too heavy to read (it needs more memory than allowed). Delete unused "
        "columns and rows or split the file into parts.",
    },
    "imp.file.too_slow": {
        "id": "Pembacaan berkas dihentikan karena melebihi {s} detik. Pecah berkas menjadi "
        "beberapa bagian, atau simpan sebagai CSV (lebih cepat dibaca daripada XLSX).",
        "en": "Reading the file was stopped after {s} seconds. Split the file into parts, or save "
        "it as CSV (read faster than XLSX).",
    },
    # --- row messages: errors ---------------------------------------------------------------------
    "imp.msg.wajib": {
        "id": "Wajib diisi, tetapi kosong.",
        "en": "Required, but empty.",
    },
    "imp.code.wajib": {"id": "Nilai wajib kosong", "en": "Required value missing"},
    "imp.msg.id_format": {
        "id": "{field} harus tepat 16 digit angka; yang tertulis berisi {n} digit.",
        "en": "{field} must be exactly 16 digits; this one has {n} digits.",
    },
    "imp.code.id_format": {
        "id": "NIK/No. KK bukan 16 digit",
        "en": "NIK/family number not 16 digits",
    },
    "imp.msg.id_excel": {
        "id": "{field} tersimpan sebagai angka oleh Excel (mis. 7.30301E+15 atau ...900.0), sehingga "
        "digit terakhirnya hilang. " + _EXCEL_FIX,
        "en": "{field} was stored as a number by Excel (e.g. 7.30301E+15 or ...900.0), so its last "
        "digit is lost. " + _EXCEL_FIX_EN,
    },
    "imp.code.id_excel": {
        "id": "NIK/No. KK dirusak Excel menjadi angka",
        "en": "NIK/family number turned into a number by Excel",
    },
    "imp.msg.desa_format": {
        "id": "Kode desa harus berbentuk 73.03.01.2001 atau 7303012001 (kode Kemendagri 10 digit).",
        "en": "The village code must look like 73.03.01.2001 or 7303012001 (10-digit Kemendagri code).",
    },
    "imp.code.desa_format": {"id": "Format kode desa salah", "en": "Village code malformed"},
    "imp.msg.tanggal_mustahil": {
        "id": "Tanggal ini tidak ada di kalender (mis. 31/02 atau bulan 13).",
        "en": "This date does not exist (e.g. 31/02 or month 13).",
    },
    "imp.code.tanggal_mustahil": {"id": "Tanggal mustahil", "en": "Impossible date"},
    "imp.msg.tanggal_tahun": {
        "id": "Tahun pada tanggal ini harus antara {min} dan {max}.",
        "en": "The year of this date must be between {min} and {max}.",
    },
    "imp.code.tanggal_tahun": {"id": "Tahun tanggal tidak wajar", "en": "Implausible year"},
    "imp.msg.tanggal_format": {
        "id": "Format tanggal tidak dikenali. Gunakan 2022-02-07, 07/02/2022 atau 07-02-2022, atau "
        "sel tanggal Excel.",
        "en": "Date format not recognised. Use 2022-02-07, 07/02/2022 or 07-02-2022, or an Excel "
        "date cell.",
    },
    "imp.code.tanggal_format": {"id": "Format tanggal salah", "en": "Date malformed"},
    "imp.msg.rupiah_format": {
        "id": "Nilai rupiah tidak dikenali. Tulis 1500000, 1.500.000, Rp 1.500.000 atau "
        "Rp1.500.000,00.",
        "en": "Rupiah amount not recognised. Write 1500000, 1.500.000, Rp 1.500.000 or "
        "Rp1.500.000,00.",
    },
    "imp.code.rupiah_format": {"id": "Format rupiah salah", "en": "Rupiah amount malformed"},
    "imp.msg.rupiah_besar": {
        "id": "Nilai rupiah terlalu besar untuk masuk akal.",
        "en": "The rupiah amount is implausibly large.",
    },
    "imp.code.rupiah_besar": {"id": "Nilai rupiah terlalu besar", "en": "Amount too large"},
    "imp.msg.angka_format": {
        "id": "Harus berupa angka (mis. 87,5).",
        "en": "Must be a number (e.g. 87.5).",
    },
    "imp.code.angka_format": {"id": "Bukan angka", "en": "Not a number"},
    "imp.msg.bulat_format": {
        "id": "Harus berupa bilangan bulat (mis. 3).",
        "en": "Must be a whole number (e.g. 3).",
    },
    "imp.code.bulat_format": {"id": "Bukan bilangan bulat", "en": "Not a whole number"},
    "imp.msg.rentang": {
        "id": "Nilai harus antara {min} dan {max}.",
        "en": "The value must be between {min} and {max}.",
    },
    "imp.code.rentang": {"id": "Nilai di luar rentang", "en": "Value out of range"},
    "imp.msg.rentang_min": {
        "id": "Nilai harus sedikitnya {min}.",
        "en": "The value must be at least {min}.",
    },
    "imp.code.rentang_min": {"id": "Nilai terlalu kecil", "en": "Value too small"},
    "imp.msg.pilihan": {
        "id": "Nilai tidak dikenal. Pilihan yang sah: {allowed}.",
        "en": "Unknown value. Valid choices: {allowed}.",
    },
    "imp.code.pilihan": {"id": "Nilai di luar pilihan", "en": "Value not among the choices"},
    "imp.msg.teks_panjang": {
        "id": "Teks terlalu panjang (paling banyak {max} karakter).",
        "en": "Text too long (at most {max} characters).",
    },
    "imp.code.teks_panjang": {"id": "Teks terlalu panjang", "en": "Text too long"},
    "imp.msg.nilai_negatif": {
        "id": "Nilai rupiah tidak boleh negatif.",
        "en": "The rupiah amount must not be negative.",
    },
    "imp.code.nilai_negatif": {"id": "Nilai negatif", "en": "Negative amount"},
    "imp.msg.mulai_setelah_selesai": {
        "id": "Tanggal mulai jatuh sesudah tanggal selesai.",
        "en": "The start date falls after the end date.",
    },
    "imp.code.mulai_setelah_selesai": {
        "id": "Kelas mulai sesudah selesai",
        "en": "Class starts after it ends",
    },
    "imp.msg.uji_belum_selesai": {
        "id": "Hasil uji hanya boleh diisi untuk peserta berstatus selesai (status di baris ini: "
        "{status}). Kosongkan hasil_uji atau perbaiki status.",
        "en": "A test result is only allowed for completed participants (status here: {status}). "
        "Empty hasil_uji or correct the status.",
    },
    "imp.code.uji_belum_selesai": {
        "id": "Hasil uji pada peserta yang belum selesai",
        "en": "Test result on an enrolment not completed",
    },
    "imp.msg.tidak_sah": {"id": "Nilai tidak sah.", "en": "Invalid value."},
    "imp.msg.nul": {
        "id": "Sel ini berisi karakter NUL (bita nol, ditampilkan sebagai ␀) yang tidak dapat "
        "disimpan; baris ditolak utuh, tidak dipotong diam-diam. Ketik ulang isi sel itu, atau "
        "simpan ulang berkas dari Excel.",
        "en": "This cell holds a NUL character (a zero byte, shown as ␀) that cannot be stored; "
        "the row is rejected whole, not silently stripped. Type the cell again, or save the file "
        "again from Excel.",
    },
    "imp.code.nul": {"id": "Karakter NUL di dalam sel", "en": "NUL character in a cell"},
    "imp.msg.sandi": {
        "id": "Baris ini bukan teks UTF-8 yang sah (huruf yang rusak ditampilkan sebagai �), "
        "padahal baris lain berkas ini UTF-8: kemungkinan disalin dari berkas bersandi lain "
        "(Windows-1252/ANSI). Ketik ulang huruf beraksennya, atau simpan seluruh berkas sebagai "
        '"CSV UTF-8".',
        "en": "This row is not valid UTF-8 text (the broken letters are shown as �) while the "
        "other rows of the file are UTF-8: it was probably pasted from a file in another "
        "encoding (Windows-1252/ANSI). Type the accented letters again, or save the whole file as "
        '"CSV UTF-8".',
    },
    "imp.code.sandi": {"id": "Baris bukan teks UTF-8", "en": "Row is not UTF-8 text"},
    "imp.msg.kutip": {
        "id": 'Tanda petik (") di baris ini tidak sesuai aturan CSV, sehingga selnya tidak dapat '
        "dipisahkan dengan pasti. Sel yang memuat tanda petik harus diapit tanda petik, dan setiap "
        'tanda petik di dalamnya ditulis dua kali ("").',
        "en": 'A quote (") in this row breaks the CSV rules, so its cells cannot be told apart '
        "for certain. A cell that holds a quote must be enclosed in quotes, with every quote "
        'inside written twice ("").',
    },
    "imp.code.kutip": {"id": "Tanda petik salah tempat", "en": "Misplaced quote"},
    "imp.msg.sel_panjang": {
        "id": "Sel terlalu panjang ({n} karakter; batas {max}, batas satu sel di Excel).",
        "en": "Cell too long ({n} characters; limit {max}, Excel's limit for one cell).",
    },
    "imp.code.sel_panjang": {"id": "Sel terlalu panjang", "en": "Cell too long"},
    "imp.code.tidak_sah": {"id": "Nilai tidak sah", "en": "Invalid value"},
    "imp.msg.desa_tidak_dikenal": {
        "id": "Kode desa ini tidak ada dalam daftar desa/kelurahan {wilayah}.",
        "en": "This village code is not in the village list of {wilayah}.",
    },
    "imp.code.desa_tidak_dikenal": {"id": "Desa tidak dikenal", "en": "Unknown village"},
    "imp.msg.nik_ganda": {
        "id": "NIK yang sama muncul lagi di baris {rows}. Satu orang hanya boleh satu baris; "
        "hapus baris yang salah.",
        "en": "The same NIK appears again in row(s) {rows}. One person, one row; remove the wrong "
        "row.",
    },
    "imp.code.nik_ganda": {"id": "NIK ganda dalam berkas", "en": "Duplicate NIK in the file"},
    "imp.msg.peserta_ganda": {
        "id": "Orang yang sama di kelas yang sama muncul lagi di baris {rows}. Hapus baris yang "
        "salah.",
        "en": "The same person in the same class appears again in row(s) {rows}. Remove the wrong "
        "row.",
    },
    "imp.code.peserta_ganda": {
        "id": "Orang yang sama dua kali di satu kelas",
        "en": "Same person twice in one class",
    },
    "imp.msg.kunci_ganda": {
        "id": "Baris dengan {kunci} yang sama muncul lagi di baris {rows}. Hapus baris yang salah.",
        "en": "A row with the same {kunci} appears again in row(s) {rows}. Remove the wrong row.",
    },
    "imp.code.kunci_ganda": {"id": "Baris ganda dalam berkas", "en": "Duplicate row in the file"},
    "imp.msg.paket_tidak_dikenal": {
        "id": "Kode paket ini belum ada di katalog paket. Impor paketnya dulu (jenis paket) atau "
        "perbaiki kodenya.",
        "en": "This package code is not in the catalogue. Import the package first (kind paket) or "
        "correct the code.",
    },
    "imp.code.paket_tidak_dikenal": {"id": "Paket tidak dikenal", "en": "Unknown package"},
    "imp.msg.kelas_tidak_dikenal": {
        "id": "Kode kelas ini belum ada. Impor kelasnya dulu (jenis kelas) atau perbaiki kodenya.",
        "en": "This class code does not exist. Import the class first (kind kelas) or correct the "
        "code.",
    },
    "imp.code.kelas_tidak_dikenal": {"id": "Kelas tidak dikenal", "en": "Unknown class"},
    "imp.msg.nik_tidak_terdaftar": {
        "id": "NIK ini tidak ada di registri DTKS/DTSEN Pantau. Impor data registrinya dulu (jenis "
        "dtks) atau periksa NIK-nya.",
        "en": "This NIK is not in Pantau's DTKS/DTSEN registry. Import the registry record first "
        "(kind dtks) or check the NIK.",
    },
    "imp.code.nik_tidak_terdaftar": {
        "id": "NIK tidak ada di registri",
        "en": "NIK not in the registry",
    },
    "imp.msg.kelas_penuh": {
        "id": "Kelas sudah penuh: kapasitasnya {kapasitas} orang (pendaftaran yang sudah ada "
        "ditambah baris-baris sebelumnya di berkas ini).",
        "en": "The class is full: its capacity is {kapasitas} (existing enrolments plus the earlier "
        "rows of this file).",
    },
    "imp.code.kelas_penuh": {"id": "Kelas melebihi kapasitas", "en": "Class over capacity"},
    "imp.msg.tracer_tanpa_pendaftaran": {
        "id": "Orang ini tidak terdaftar di kelas ini, jadi tidak dapat ditelusuri sebagai alumni "
        "kelas ini.",
        "en": "This person is not enrolled in this class, so cannot be traced as its alumnus.",
    },
    "imp.code.tracer_tanpa_pendaftaran": {
        "id": "Tracer tanpa pendaftaran",
        "en": "Tracer without enrolment",
    },
    "imp.msg.tracer_belum_selesai": {
        "id": "Pendaftaran orang ini di kelas ini berstatus {status}, bukan selesai; tracer study "
        "hanya untuk alumni yang selesai.",
        "en": "This person's enrolment in this class is {status}, not completed; tracer surveys are "
        "for completers only.",
    },
    "imp.code.tracer_belum_selesai": {
        "id": "Tracer untuk peserta yang belum selesai",
        "en": "Tracer for a participant not completed",
    },
    "imp.msg.survei_sebelum_selesai": {
        "id": "Tanggal survei jatuh sebelum kelas selesai ({tanggal}). Survei pada hari kelas "
        "selesai atau sesudahnya.",
        "en": "The survey date falls before the class ended ({tanggal}). Surveys are on or after the "
        "class's last day.",
    },
    "imp.code.survei_sebelum_selesai": {
        "id": "Survei sebelum kelas selesai",
        "en": "Survey before the class ended",
    },
    "imp.msg.bukan_peserta": {
        "id": "NIK ini belum pernah menjadi peserta pelatihan (tidak ada pendaftaran berstatus "
        "terdaftar, aktif atau selesai). Bantuan hanya dicatat untuk peserta.",
        "en": "This NIK has never been a participant (no enrolment that is registered, active or "
        "completed). Aid is recorded for participants only.",
    },
    "imp.code.bukan_peserta": {"id": "Penerima bukan peserta", "en": "Recipient not a participant"},
    # --- row messages: warnings -------------------------------------------------------------------
    "imp.msg.nik_tanggal_lahir": {
        "id": "Digit tanggal lahir pada NIK (digit ke-7 s.d. ke-12) tidak cocok dengan tanggal_lahir. "
        "Periksa salah satunya pada baris ini di berkas Anda.",
        "en": "The birth-date digits of the NIK (digits 7 to 12) disagree with tanggal_lahir. Check "
        "one of them in this row of your file.",
    },
    "imp.code.nik_tanggal_lahir": {
        "id": "NIK tidak cocok dengan tanggal lahir",
        "en": "NIK disagrees with birth date",
    },
    "imp.msg.nik_jenis_kelamin": {
        "id": "Digit NIK menunjukkan jenis kelamin {nik_jk} (perempuan: tanggal + 40), tetapi "
        "jenis_kelamin tertulis {jk}.",
        "en": "The NIK digits indicate gender {nik_jk} (women: day + 40), but jenis_kelamin says "
        "{jk}.",
    },
    "imp.code.nik_jenis_kelamin": {
        "id": "NIK tidak cocok dengan jenis kelamin",
        "en": "NIK disagrees with gender",
    },
    "imp.msg.nik_wilayah": {
        "id": "NIK diterbitkan di luar {wilayah} (kode wilayah {kode}).",
        "en": "The NIK was issued outside {wilayah} (region code {kode}).",
    },
    "imp.code.nik_wilayah": {"id": "NIK dari luar kabupaten", "en": "NIK from outside the regency"},
    "imp.msg.usia_produktif": {
        "id": "Usia saat kelas mulai {usia} tahun, di luar usia produktif program ({min}–{max}).",
        "en": "Age at class start is {usia}, outside the programme's productive age ({min}–{max}).",
    },
    "imp.code.usia_produktif": {
        "id": "Usia di luar usia produktif",
        "en": "Age outside productive range",
    },
    "imp.msg.usia_anak": {
        "id": "Usia saat kelas mulai {usia} tahun, di bawah {min} tahun (data anak: data pribadi "
        "spesifik menurut UU PDP).",
        "en": "Age at class start is {usia}, under {min} (a child's data: specific personal data "
        "under the PDP law).",
    },
    "imp.code.usia_anak": {"id": "Peserta di bawah 18 tahun", "en": "Participant under 18"},
    # --- report and CLI ---------------------------------------------------------------------------
    "imp.level.galat": {"id": "galat", "en": "error"},
    "imp.level.peringatan": {"id": "peringatan", "en": "warning"},
    "imp.outcome.dimuat": {
        "id": "Hasil: dimuat, {written} baris ditulis ke basis data.",
        "en": "Outcome: loaded, {written} rows written to the database.",
    },
    "imp.outcome.ditolak": {
        "id": "Hasil: DITOLAK, tidak ada yang ditulis. Perbaiki galat di bawah lalu impor ulang, "
        "atau gunakan --partial untuk memuat baris yang sah saja.",
        "en": "Outcome: REJECTED, nothing was written. Fix the errors below and import again, or "
        "use --partial to load the valid rows only.",
    },
    "imp.outcome.uji": {
        "id": "Hasil: uji coba (--dry-run), tidak ada yang ditulis.",
        "en": "Outcome: dry run (--dry-run), nothing was written.",
    },
    "imp.outcome.gagal": {
        "id": "Hasil: gagal, berkas tidak dapat dipakai.",
        "en": "Outcome: failed, the file cannot be used.",
    },
    "imp.cli.unusable": {
        "id": "Berkas {file} tidak dapat diimpor: {reason}",
        "en": "The file {file} cannot be imported: {reason}",
    },
    "imp.cli.head": {
        "id": "Berkas {file} (jenis {kind}): {total} baris data; {valid} sah, {rejected} ditolak, "
        "{warnings} peringatan.",
        "en": "File {file} (kind {kind}): {total} data rows; {valid} valid, {rejected} rejected, "
        "{warnings} warnings.",
    },
    "imp.cli.by_kind": {"id": "Ringkasan masalah:", "en": "Problems by kind:"},
    "imp.cli.details": {
        "id": "Rincian (baris seperti di spreadsheet):",
        "en": "Details (rows as in the spreadsheet):",
    },
    "imp.cli.where": {"id": "baris {row}, kolom {column}", "en": "row {row}, column {column}"},
    "imp.cli.more": {
        "id": "… dan {n} masalah lain: lihat berkas laporan.",
        "en": "… and {n} more: see the report file.",
    },
    "imp.cli.report": {"id": "Laporan lengkap: {path}", "en": "Full report: {path}"},
    "imp.cli.report_failed": {
        "id": "Laporan tidak dapat ditulis, baik di sebelah berkas maupun di {folder} ({detail}). "
        "Atur PANTAU_REPORT_DIR ke folder yang dapat ditulis.",
        "en": "The report cannot be written, neither next to the file nor in {folder} ({detail}). "
        "Set PANTAU_REPORT_DIR to a folder you can write to.",
    },
    "imp.cli.no_file": {"id": "Berkas tidak ditemukan: {file}", "en": "File not found: {file}"},
    "imp.cli.template_suffix": {
        "id": "Nama berkas templat harus berakhiran .csv atau .xlsx: {file}",
        "en": "The template file name must end in .csv or .xlsx: {file}",
    },
    "imp.cli.template_write": {
        "id": "Templat tidak dapat ditulis ke {file}: {detail}",
        "en": "The template cannot be written to {file}: {detail}",
    },
    "imp.cli.template_done": {
        "id": "Templat {kind} ditulis ke {file}",
        "en": "Template {kind} written to {file}",
    },
    # --- templates --------------------------------------------------------------------------------
    "imp.tpl.sheet": {"id": "Petunjuk", "en": "Guide"},
    "imp.tpl.col": {"id": "Kolom", "en": "Column"},
    "imp.tpl.required": {"id": "Wajib", "en": "Required"},
    "imp.tpl.format": {"id": "Isi dan format", "en": "Content and format"},
    "imp.tpl.yes": {"id": "wajib", "en": "required"},
    "imp.tpl.no": {"id": "opsional", "en": "optional"},
    "imp.col.kode_paket": {
        "id": "Kode paket pelatihan, mis. GAR-01 (sama dengan katalog paket).",
        "en": "Package code, e.g. GAR-01 (as in the package catalogue).",
    },
    "imp.col.nama_paket": {
        "id": "Nama paket, mis. Menjahit Pakaian Wanita.",
        "en": "Package name.",
    },
    "imp.col.kejuruan": {"id": "Kejuruan, mis. Garmen, Otomotif.", "en": "Trade, e.g. Garmen."},
    "imp.col.durasi_jp": {
        "id": "Lama pelatihan dalam jam pelajaran (JP), bilangan bulat, mis. 280.",
        "en": "Training length in lesson hours (JP), a whole number, e.g. 280.",
    },
    "imp.col.paket.kapasitas": {
        "id": "Kapasitas kelas baku paket ini; kosong = 16 (pengaturan program).",
        "en": "Standard class size of this package; empty = 16 (programme settings).",
    },
    "imp.col.kelas.kapasitas": {
        "id": "Kapasitas kelas; kosong = kapasitas paketnya.",
        "en": "Class capacity; empty = its package's.",
    },
    "imp.col.kode_kelas": {
        "id": "Kode kelas yang unik, mis. GAR-01-2022-1.",
        "en": "Unique class code, e.g. GAR-01-2022-1.",
    },
    "imp.col.tahun": {"id": "Tahun anggaran kelas, mis. 2022.", "en": "Class year, e.g. 2022."},
    "imp.col.angkatan": {
        "id": "Angkatan ke-, bilangan bulat mulai 1.",
        "en": "Intake number (1, 2, …).",
    },
    "imp.col.tanggal_mulai": {
        "id": "Tanggal kelas mulai: 2022-02-07, 07/02/2022, 07-02-2022 atau sel tanggal Excel.",
        "en": "Class start date: 2022-02-07, 07/02/2022, 07-02-2022 or an Excel date cell.",
    },
    "imp.col.tanggal_selesai": {
        "id": "Tanggal kelas selesai (tidak boleh sebelum tanggal mulai).",
        "en": "Class end date (not before the start date).",
    },
    "imp.col.lokasi": {"id": "Tempat pelatihan (teks bebas).", "en": "Training venue (free text)."},
    "imp.col.nik": {
        "id": "NIK 16 digit. Format kolom sebagai Teks di Excel sebelum mengetik atau menempel, "
        "agar tidak berubah menjadi 7.30301E+15.",
        "en": "16-digit NIK. Format the column as Text in Excel before typing or pasting, so that "
        "it does not become 7.30301E+15.",
    },
    "imp.col.no_kk": {
        "id": "Nomor Kartu Keluarga 16 digit (format kolom sebagai Teks).",
        "en": "16-digit family card number (format the column as Text).",
    },
    "imp.col.nama": {"id": "Nama lengkap.", "en": "Full name."},
    "imp.col.jenis_kelamin": {"id": "L atau P.", "en": "L (male) or P (female)."},
    "imp.col.tanggal_lahir": {
        "id": "Tanggal lahir (format tanggal seperti di atas).",
        "en": "Birth date (date formats as above).",
    },
    "imp.col.kode_desa": {
        "id": "Kode desa/kelurahan Kemendagri: 73.03.01.2001 atau 7303012001.",
        "en": "Kemendagri village code: 73.03.01.2001 or 7303012001.",
    },
    "imp.col.desil": {"id": "Desil kesejahteraan DTKS/DTSEN, 1–10.", "en": "Welfare decile, 1–10."},
    "imp.col.dusun": {"id": "Nama dusun/lingkungan.", "en": "Hamlet name."},
    "imp.col.rw": {"id": "Nomor RW (format kolom sebagai Teks).", "en": "RW number."},
    "imp.col.rt": {"id": "Nomor RT (format kolom sebagai Teks).", "en": "RT number."},
    "imp.col.sumber": {"id": "DTKS atau DTSEN.", "en": "DTKS or DTSEN."},
    "imp.col.tanggal_data": {
        "id": "Tanggal ekstrak data registri (DTSEN diperbarui tiap triwulan).",
        "en": "Date of the registry extract (DTSEN is updated quarterly).",
    },
    "imp.col.peserta.status": {
        "id": "terdaftar, aktif, selesai atau keluar.",
        "en": "terdaftar, aktif, selesai or keluar.",
    },
    "imp.col.bantuan.status": {
        "id": "diajukan, disetujui, ditolak atau disalurkan.",
        "en": "diajukan, disetujui, ditolak or disalurkan.",
    },
    "imp.col.tanggal_daftar": {"id": "Tanggal pendaftaran.", "en": "Registration date."},
    "imp.col.kehadiran_persen": {
        "id": "Persentase kehadiran 0–100, mis. 87,5.",
        "en": "Attendance percentage 0–100, e.g. 87.5.",
    },
    "imp.col.hasil_uji": {
        "id": "kompeten atau belum_kompeten; hanya untuk status selesai, kosong bila belum diuji.",
        "en": "kompeten or belum_kompeten; completed only, empty if not tested.",
    },
    "imp.col.tanggal_survei": {
        "id": "Tanggal survei tracer (pada atau sesudah kelas selesai).",
        "en": "Tracer survey date (on or after the class's last day).",
    },
    "imp.col.status_kerja": {
        "id": "bekerja, wirausaha, belum_bekerja atau melanjutkan_pendidikan.",
        "en": "bekerja, wirausaha, belum_bekerja or melanjutkan_pendidikan.",
    },
    "imp.col.pendapatan_bulanan": {
        "id": "Pendapatan per bulan sekarang, rupiah: 1500000, 1.500.000 atau Rp 1.500.000.",
        "en": "Current monthly income in rupiah: 1500000, 1.500.000 or Rp 1.500.000.",
    },
    "imp.col.pendapatan_sebelum": {
        "id": "Pendapatan per bulan sebelum pelatihan, rupiah.",
        "en": "Monthly income before training, rupiah.",
    },
    "imp.col.tempat_kerja_usaha": {
        "id": "Nama tempat kerja atau usaha.",
        "en": "Workplace or business name.",
    },
    "imp.col.jenis": {
        "id": "peralatan, kur atau modal_dusun_rw.",
        "en": "peralatan, kur or modal_dusun_rw.",
    },
    "imp.col.tanggal": {"id": "Tanggal bantuan.", "en": "Aid date."},
    "imp.col.nilai_rupiah": {
        "id": "Nilai bantuan dalam rupiah, tidak negatif: 1500000, 1.500.000, Rp1.500.000,00.",
        "en": "Aid value in rupiah, not negative: 1500000, 1.500.000, Rp1.500.000,00.",
    },
    "imp.col.penyalur": {
        "id": "Penyalur, mis. BRI atau Diskoperindag.",
        "en": "Channel, e.g. BRI.",
    },
    "imp.col.keterangan": {"id": "Catatan bebas.", "en": "Free note."},
    # --- /data page -------------------------------------------------------------------------------
    "imp.page.intro": {
        "id": "Halaman operator BLK dan Disnaker: unduh templat, impor spreadsheet dengan pemeriksaan "
        "lebih dulu, lihat riwayat impor, karantina dan mutu data. NIK selalu disamarkan.",
        "en": "For BLK and Disnaker operators: download templates, import spreadsheets after a "
        "check, see the import history, the quarantine and data quality. NIK is always masked.",
    },
    "imp.page.tab.import": {"id": "Impor", "en": "Import"},
    "imp.page.tab.history": {"id": "Riwayat impor", "en": "Import history"},
    "imp.page.tab.quarantine": {"id": "Karantina", "en": "Quarantine"},
    "imp.page.tab.quality": {"id": "Mutu data", "en": "Data quality"},
    "imp.page.tab.templates": {"id": "Templat", "en": "Templates"},
    "imp.page.kind.label": {"id": "Jenis data", "en": "Kind of data"},
    "imp.page.kind.auto": {
        "id": "Kenali otomatis dari judul kolom",
        "en": "Detect from the column names",
    },
    "imp.page.upload.label": {"id": "Berkas CSV atau XLSX", "en": "CSV or XLSX file"},
    "imp.page.upload.help": {
        "id": "CSV (koma atau titik koma; UTF-8 atau Windows-1252) atau XLSX (lembar pertama). "
        "Berkas diperiksa dulu; tidak ada yang ditulis sebelum Anda menekan tombol Muat.",
        "en": "CSV (comma or semicolon; UTF-8 or Windows-1252) or XLSX (first sheet). The file is "
        "checked first; nothing is written before you press Load.",
    },
    "imp.page.partial.label": {
        "id": "Muat sebagian: tulis baris yang sah, karantina baris yang salah",
        "en": "Partial load: write the valid rows, quarantine the rejected ones",
    },
    "imp.page.partial.help": {
        "id": "Tanpa pilihan ini satu galat saja membuat seluruh berkas ditolak dan tidak ada yang "
        "ditulis.",
        "en": "Without this, a single error rejects the whole file and nothing is written.",
    },
    "imp.page.checking": {"id": "Memeriksa berkas…", "en": "Checking the file…"},
    "imp.page.detected": {"id": "Jenis data: {kind}", "en": "Kind of data: {kind}"},
    "imp.page.metric.rows": {"id": "Baris data", "en": "Data rows"},
    "imp.page.metric.valid": {"id": "Sah", "en": "Valid"},
    "imp.page.metric.rejected": {"id": "Ditolak", "en": "Rejected"},
    "imp.page.metric.warnings": {"id": "Peringatan", "en": "Warnings"},
    "imp.page.will_reject": {
        "id": "Berkas ini akan DITOLAK seluruhnya karena ada galat. Perbaiki baris yang disebut di "
        "bawah lalu unggah ulang, atau pilih Muat sebagian.",
        "en": "This file would be REJECTED as a whole because of errors. Fix the rows listed below "
        "and upload again, or choose Partial load.",
    },
    "imp.page.will_partial": {
        "id": "Baris yang sah akan dimuat; baris bergalat masuk karantina beserta alasannya.",
        "en": "The valid rows will be loaded; rows with errors go to the quarantine with their "
        "reasons.",
    },
    "imp.page.all_ok": {
        "id": "Tidak ada galat. Periksa pratinjau, lalu tekan Muat.",
        "en": "No errors. Check the preview, then press Load.",
    },
    "imp.page.issues.title": {
        "id": "Galat dan peringatan (baris seperti di spreadsheet)",
        "en": "Errors and warnings (rows as in the spreadsheet)",
    },
    "imp.page.report.download": {"id": "Unduh laporan (CSV)", "en": "Download report (CSV)"},
    "imp.page.preview.title": {"id": "Pratinjau baris pertama", "en": "Preview of the first rows"},
    "imp.page.confirm": {
        "id": "Muat {n} baris ke basis data",
        "en": "Load {n} rows into the database",
    },
    "imp.page.done": {
        "id": "Impor {kind} dari {file} selesai: {written} baris ditulis, {rejected} dikarantina, "
        "{warnings} peringatan. Angka dasbor sudah diperbarui.",
        "en": "Import of {kind} from {file} done: {written} rows written, {rejected} quarantined, "
        "{warnings} warnings. The dashboard figures are updated.",
    },
    "imp.page.not_done": {
        "id": "Impor {kind} dari {file} tidak dimuat: {rejected} baris bergalat, tidak ada yang "
        "ditulis.",
        "en": "Import of {kind} from {file} not loaded: {rejected} rows with errors, nothing "
        "written.",
    },
    "imp.page.history.empty": {"id": "Belum ada impor.", "en": "No imports yet."},
    "imp.page.quarantine.intro": {
        "id": "Baris yang ditolak pada impor sebagian, beserta alasannya. Perbaiki di berkas asli "
        "(nomor baris sama) lalu impor ulang; baris yang sudah dimuat tidak akan berganda.",
        "en": "Rows rejected by partial imports, with their reasons. Fix them in the original file "
        "(same row numbers) and import again; rows already loaded will not be duplicated.",
    },
    "imp.page.quarantine.empty": {"id": "Karantina kosong.", "en": "The quarantine is empty."},
    "imp.page.quarantine.select": {"id": "Impor", "en": "Import"},
    "imp.page.quarantine.option": {
        "id": "#{id} · {file} ({kind}) · {time} · {n} baris",
        "en": "#{id} · {file} ({kind}) · {time} · {n} rows",
    },
    "imp.page.quality.intro": {
        "id": "Pemeriksaan mutu data pada seluruh basis data (tanpa filter). Buka setiap butir untuk "
        "melihat baris yang terkena (NIK disamarkan) dan mengunduhnya.",
        "en": "Data-quality checks over the whole database (no filters). Open an item to see the "
        "affected rows (NIK masked) and download them.",
    },
    "imp.page.quality.item": {"id": "{title}: {n}", "en": "{title}: {n}"},
    "imp.page.quality.none": {"id": "Tidak ada temuan.", "en": "Nothing found."},
    "imp.page.quality.truncated": {
        "id": "Menampilkan {n} baris pertama.",
        "en": "Showing the first {n} rows.",
    },
    "imp.page.templates.intro": {
        "id": "Unduh templat, isi satu baris per data, dan impor. Di Excel, format kolom NIK dan "
        "No. KK sebagai Teks sebelum mengetik atau menempel (templat XLSX sudah demikian), agar "
        "tidak berubah menjadi 7.30301E+15. Templat CSV memakai titik koma, seperti Excel berbahasa "
        "Indonesia.",
        "en": "Download a template, fill one row per record and import it. In Excel, format the NIK "
        "and family-number columns as Text before typing or pasting (the XLSX template already "
        "does), so that they do not become 7.30301E+15. The CSV template uses semicolons, as Excel "
        "with Indonesian settings does.",
    },
    "imp.page.templates.kind": {"id": "Jenis data", "en": "Kind of data"},
    "imp.page.templates.csv": {"id": "Templat CSV", "en": "CSV template"},
    "imp.page.templates.xlsx": {"id": "Templat XLSX", "en": "XLSX template"},
    # --- tables ---------------------------------------------------------------------------------
    "imp.rep.baris": {"id": "Baris", "en": "Row"},
    "imp.rep.kolom": {"id": "Kolom", "en": "Column"},
    "imp.rep.nilai": {"id": "Nilai", "en": "Value"},
    "imp.rep.tingkat": {"id": "Tingkat", "en": "Level"},
    "imp.rep.kode": {"id": "Kode", "en": "Code"},
    "imp.rep.pesan": {"id": "Pesan", "en": "Message"},
    "imp.hist.id": {"id": "No.", "en": "No."},
    "imp.hist.waktu": {"id": "Waktu", "en": "Time"},
    "imp.hist.pengguna": {"id": "Pengguna", "en": "User"},
    "imp.hist.berkas": {"id": "Berkas", "en": "File"},
    "imp.hist.jenis": {"id": "Jenis", "en": "Kind"},
    "imp.hist.mode": {"id": "Mode", "en": "Mode"},
    "imp.hist.hasil": {"id": "Hasil", "en": "Outcome"},
    "imp.hist.baris": {"id": "Baris", "en": "Rows"},
    "imp.hist.ditulis": {"id": "Ditulis", "en": "Written"},
    "imp.hist.ditolak": {"id": "Ditolak", "en": "Rejected"},
    "imp.hist.peringatan": {"id": "Peringatan", "en": "Warnings"},
    "imp.hist.sha256": {"id": "SHA-256", "en": "SHA-256"},
    "imp.hist.alasan": {"id": "Alasan", "en": "Reasons"},
    "imp.hist.outcome.dimuat": {"id": "dimuat", "en": "loaded"},
    "imp.hist.outcome.ditolak": {"id": "ditolak", "en": "rejected"},
    "imp.hist.outcome.gagal": {"id": "berkas tak terpakai", "en": "unusable file"},
    "imp.hist.outcome.uji": {"id": "uji coba", "en": "dry run"},
    "imp.hist.mode.semua": {"id": "semua atau tidak sama sekali", "en": "all or nothing"},
    "imp.hist.mode.sebagian": {"id": "sebagian", "en": "partial"},
    # --- data-quality panel (lib/quality.py) -----------------------------------------------------
    "dq.nik_tanggal_lahir.title": {
        "id": "NIK tidak cocok dengan tanggal lahir",
        "en": "NIK disagrees with birth date",
    },
    "dq.nik_tanggal_lahir.desc": {
        "id": "Digit ke-7 s.d. 12 NIK adalah tanggal lahir (DDMMYY, perempuan: tanggal + 40). Yang "
        "tidak cocok dengan tanggal_lahir menandakan salah ketik di salah satunya.",
        "en": "NIK digits 7–12 are the birth date (DDMMYY, women: day + 40). A mismatch with "
        "tanggal_lahir means a typo in one of them.",
    },
    "dq.nik_jenis_kelamin.title": {
        "id": "NIK tidak cocok dengan jenis kelamin",
        "en": "NIK disagrees with gender",
    },
    "dq.nik_jenis_kelamin.desc": {
        "id": "Pada NIK perempuan tanggal lahir ditambah 40. Baris ini jenis kelaminnya berbeda "
        "dari yang ditunjukkan NIK.",
        "en": "Women's NIKs add 40 to the birth day. These rows' gender differs from the one the "
        "NIK indicates.",
    },
    "dq.nik_wilayah.title": {"id": "NIK dari luar kabupaten", "en": "NIK from outside the regency"},
    "dq.nik_wilayah.desc": {
        "id": "Empat digit pertama NIK adalah kode provinsi dan kabupaten tempat NIK diterbitkan. "
        "Warga pindahan sah, tetapi periksa bahwa domisilinya memang di kabupaten ini.",
        "en": "The first four NIK digits are the province and regency where it was issued. Movers "
        "are fine, but check that they really live in the regency.",
    },
    "dq.usia_produktif.title": {
        "id": "Peserta di luar usia produktif",
        "en": "Participants outside productive age",
    },
    "dq.usia_produktif.desc": {
        "id": "Usia saat kelas mulai di luar rentang usia produktif pengaturan program.",
        "en": "Age at class start outside the productive range of the programme settings.",
    },
    "dq.usia_anak.title": {"id": "Peserta di bawah 18 tahun", "en": "Participants under 18"},
    "dq.usia_anak.desc": {
        "id": "Data anak adalah data pribadi spesifik (UU PDP 27/2022): pastikan ada dasar dan "
        "persetujuan wali.",
        "en": "A child's data is specific personal data (Law 27/2022): make sure there is a legal "
        "basis and guardian consent.",
    },
    "dq.kelas_tumpang.title": {
        "id": "Orang yang sama di kelas yang waktunya bertumpuk",
        "en": "Same person in overlapping classes",
    },
    "dq.kelas_tumpang.desc": {
        "id": "Satu orang terdaftar di dua kelas yang periodenya bertumpuk (peserta keluar tidak "
        "dihitung). Biasanya salah satu pendaftaran keliru.",
        "en": "One person enrolled in two classes whose periods overlap (dropouts excepted). "
        "Usually one enrolment is wrong.",
    },
    "dq.tidak_terlacak.title": {
        "id": "Alumni belum ditelusuri {months} bulan setelah selesai",
        "en": "Alumni not traced {months} months after completion",
    },
    "dq.tidak_terlacak.desc": {
        "id": "Peserta selesai yang belum pernah disurvei padahal kelasnya berakhir sedikitnya "
        "{months} bulan sebelum tanggal data (aturan yang sama dengan peringatan di Ringkasan). "
        "Jadwalkan penelusurannya.",
        "en": "Completers never surveyed although their class ended at least {months} months "
        "before the data date (the same rule as the alert on the Summary page). Schedule the "
        "follow-up.",
    },
    "dq.kelas_sepi.title": {
        "id": "Kelas kurang terisi",
        "en": "Under-filled classes",
    },
    "dq.kelas_sepi.desc": {
        "id": "Kelas yang terisi kurang dari {pct}% kapasitasnya (aturan yang sama dengan "
        "peringatan di Ringkasan).",
        "en": "Classes filled below {pct}% of their capacity (the same rule as the alert on the "
        "Summary page).",
    },
    "dq.registri_usang.title": {
        "id": "Data registri lebih tua dari 3 bulan",
        "en": "Registry extract older than 3 months",
    },
    "dq.registri_usang.desc": {
        "id": "DTSEN diperbarui tiap triwulan. Jumlah orang di registri Pantau yang tanggal datanya "
        "lebih dari 3 bulan lalu atau tidak diketahui: impor ekstrak terbaru.",
        "en": "DTSEN is updated quarterly. Registry persons whose data date is more than 3 months "
        "old or unknown: import the latest extract.",
    },
    "dq.unknown_date": {"id": "tidak diketahui", "en": "unknown"},
    "dq.col.nik": {"id": "NIK", "en": "NIK"},
    "dq.col.nama": {"id": "Nama", "en": "Name"},
    "dq.col.jenis": {"id": "Jenis data", "en": "Kind"},
    "dq.col.kunci": {"id": "Kunci", "en": "Key"},
    "dq.col.baris": {"id": "Baris", "en": "Row"},
    "dq.col.kolom": {"id": "Kolom", "en": "Column"},
    "dq.col.nilai": {"id": "Nilai", "en": "Value"},
    "dq.col.pesan": {"id": "Pesan", "en": "Message"},
    "dq.col.impor": {"id": "Impor no.", "en": "Import no."},
    "dq.col.kelas_1": {"id": "Kelas 1", "en": "Class 1"},
    "dq.col.mulai_1": {"id": "Mulai 1", "en": "Start 1"},
    "dq.col.selesai_1": {"id": "Selesai 1", "en": "End 1"},
    "dq.col.kelas_2": {"id": "Kelas 2", "en": "Class 2"},
    "dq.col.mulai_2": {"id": "Mulai 2", "en": "Start 2"},
    "dq.col.selesai_2": {"id": "Selesai 2", "en": "End 2"},
    "dq.col.kelas": {"id": "Kelas", "en": "Class"},
    "dq.col.selesai": {"id": "Kelas selesai", "en": "Class ended"},
    "dq.col.bulan_sejak": {"id": "Bulan sejak selesai", "en": "Months since"},
    "dq.col.paket": {"id": "Paket", "en": "Package"},
    "dq.col.tahun": {"id": "Tahun", "en": "Year"},
    "dq.col.mulai": {"id": "Mulai", "en": "Start"},
    "dq.col.kapasitas": {"id": "Kapasitas", "en": "Capacity"},
    "dq.col.terisi": {"id": "Terisi", "en": "Filled"},
    "dq.col.keterisian": {"id": "Keterisian", "en": "Fill rate"},
    "dq.col.sumber": {"id": "Sumber", "en": "Source"},
    "dq.col.tanggal_data": {"id": "Tanggal data", "en": "Data date"},
    "dq.col.orang": {"id": "Orang", "en": "Persons"},
}
