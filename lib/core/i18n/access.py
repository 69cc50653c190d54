"""Text of login, roles, refusals, the audit log, suppression footnotes and person lists."""

TEXT = {
    # --- login --------------------------------------------------------------------------------
    "akses.login.title": {"id": "Masuk ke Pantau", "en": "Sign in to Pantau"},
    "akses.login.intro": {
        "id": "Pantau berisi data program pelatihan {wilayah}. Masuk dengan akun kantor Anda untuk "
        "melihatnya.",
        "en": "Pantau holds the training programme data of {wilayah}. Sign in with your office "
        "account to see it.",
    },
    "akses.login.button": {"id": "Masuk", "en": "Sign in"},
    "akses.logout.button": {"id": "Keluar", "en": "Sign out"},
    "akses.sidebar.user": {"id": "Masuk sebagai **{name}**", "en": "Signed in as **{name}**"},
    "akses.sidebar.role": {"id": "Peran: {role}", "en": "Role: {role}"},
    "akses.sidebar.local": {
        "id": "Mode lokal (tanpa login): setiap pengunjung komputer ini adalah admin.",
        "en": "Local mode (no login): every visitor on this computer is admin.",
    },
    "akses.role.pimpinan": {
        "id": "Pimpinan (seluruh kabupaten)",
        "en": "Leadership (whole regency)",
    },
    "akses.role.camat": {"id": "Camat {name}", "en": "Head of district {name}"},
    "akses.role.operator": {"id": "Operator data", "en": "Data operator"},
    "akses.role.admin": {"id": "Admin", "en": "Admin"},
    "akses.role.none": {"id": "belum ada", "en": "none yet"},
    # --- no access, refusal, local mode on a public address -------------------------------------
    "akses.none.title": {"id": "Belum ada akses", "en": "No access yet"},
    "akses.none.body": {
        "id": "Akun Anda ({email}) sudah masuk, tetapi belum diberi peran di Pantau. Mintalah admin "
        "Pantau menambahkan email Anda ke tabel akses. Setelah itu, keluar lalu masuk lagi.",
        "en": "Your account ({email}) is signed in but has no role in Pantau yet. Ask Pantau's admin "
        "to add your email to the access table, then sign out and in again.",
    },
    "akses.refused.title": {"id": "Halaman ini bukan untuk peran Anda", "en": "Not for your role"},
    "akses.refused.body": {
        "id": "Halaman {page} hanya dapat dibuka oleh peran {needed}. Peran Anda: {role}. Pilih "
        "halaman lain di menu.",
        "en": "The page {page} is for the role {needed} only. Your role: {role}. Choose another "
        "page in the menu.",
    },
    "akses.needed.operator": {"id": "operator atau admin", "en": "operator or admin"},
    "akses.needed.admin": {"id": "admin", "en": "admin"},
    "akses.needed.pimpinan": {"id": "apa pun", "en": "any"},
    "akses.public.title": {
        "id": "Login belum dikonfigurasi",
        "en": "Login is not configured",
    },
    "akses.public.body": {
        "id": "Pantau berjalan tanpa login (mode lokal) tetapi server mendengarkan pada alamat "
        "“{address}”, yang dapat dijangkau komputer lain. Tanpa login setiap pengunjung akan menjadi "
        "admin, jadi data tidak ditampilkan. Pilih salah satu:\n\n"
        '1. Jalankan di komputer ini saja: `server.address = "localhost"` pada '
        "`.streamlit/config.toml`.\n"
        "2. Atau aktifkan login OpenID Connect: tambahkan bagian `[auth]` dan tabel `[akses]` pada "
        "`.streamlit/secrets.toml` seperti contoh di bawah (lihat README, bagian Akses), lalu mulai "
        "ulang Pantau.",
        "en": "Pantau runs without login (local mode) but the server listens on “{address}”, which "
        "other computers can reach. Without login every visitor would be admin, so no data is "
        "shown. Either:\n\n"
        '1. Serve this computer only: `server.address = "localhost"` in `.streamlit/config.toml`.\n'
        "2. Or turn on OpenID Connect login: add an `[auth]` section and an `[akses]` table to "
        "`.streamlit/secrets.toml` as in the example below (see the README, Access), then restart "
        "Pantau.",
    },
    "akses.public.unset": {"id": "semua antarmuka", "en": "all interfaces"},
    "akses.notice.kecamatan": {
        "id": "Filter kecamatan “{value}” di luar wilayah Anda diabaikan; tampilan dikunci ke "
        "kecamatan {own}.",
        "en": "District filter “{value}” is outside your area and was ignored; the view is locked "
        "to district {own}.",
    },
    "akses.notice.desa": {
        "id": "Desa “{value}” di luar kecamatan Anda ({own}) diabaikan.",
        "en": "Village “{value}” is outside your district ({own}) and was ignored.",
    },
    "akses.locked.help": {
        "id": "Dikunci ke wilayah peran Anda.",
        "en": "Locked to the area of your role.",
    },
    # --- suppression -----------------------------------------------------------------------------
    "supresi.footnote": {
        "id": "{small} = kurang dari {n} orang atau catatan; – = angka turunan dari kelompok sekecil "
        "itu; × = disembunyikan agar angka kecil tidak dapat dihitung dari total. Perlindungan data "
        "pribadi (UU PDP 27/2022).",
        "en": "{small} = fewer than {n} persons or records; – = a figure computed from such a small "
        "group; × = hidden so that a small figure cannot be worked out from a total. Personal data "
        "protection (Law 27/2022).",
    },
    # --- person lists ----------------------------------------------------------------------------
    "privacy.col.umur": {"id": "Umur", "en": "Age"},
    "privacy.col.anak": {"id": "Di bawah {n} th", "en": "Under {n}"},
    "privacy.minors": {
        "id": "{count} orang dalam daftar ini berumur di bawah {n} tahun: data anak adalah data "
        "pribadi spesifik (UU PDP); tangani dengan hati-hati.",
        "en": "{count} persons in this list are under {n}: a child's data is specific personal data "
        "(PDP law); handle with care.",
    },
    "privacy.operators_only": {
        "id": "Daftar orang hanya untuk operator dan admin.",
        "en": "Lists of persons are for operators and admins only.",
    },
    # --- audit log -------------------------------------------------------------------------------
    "audit.tab": {"id": "Log audit", "en": "Audit log"},
    "audit.intro": {
        "id": "Siapa melakukan apa dan kapan: login, impor, unduhan, tampilan daftar orang, "
        "penolakan akses, dan perintah demo/cadangan. Log ini tidak pernah dihapus oleh Pantau.",
        "en": "Who did what and when: logins, imports, downloads, views of lists of persons, refused "
        "access, and demo/backup commands. Pantau never deletes this log.",
    },
    "audit.empty": {"id": "Log audit masih kosong.", "en": "The audit log is empty."},
    "audit.filter": {"id": "Tindakan", "en": "Action"},
    "audit.col.id": {"id": "ID", "en": "ID"},
    "audit.col.waktu": {"id": "Waktu", "en": "Time"},
    "audit.col.pengguna": {"id": "Pengguna", "en": "User"},
    "audit.col.peran": {"id": "Peran", "en": "Role"},
    "audit.col.tindakan": {"id": "Tindakan", "en": "Action"},
    "audit.col.apa": {"id": "Keterangan", "en": "Details"},
    "audit.col.filter": {"id": "Filter", "en": "Filters"},
    "audit.action.masuk": {"id": "masuk", "en": "sign-in"},
    "audit.action.keluar": {"id": "keluar", "en": "sign-out"},
    "audit.action.impor": {"id": "impor", "en": "import"},
    "audit.action.seed": {"id": "muat demo", "en": "load demo"},
    "audit.action.hapus_demo": {"id": "hapus demo", "en": "clear demo"},
    "audit.action.cadangan": {"id": "cadangan", "en": "backup"},
    "audit.action.unduh": {"id": "unduh", "en": "download"},
    "audit.action.daftar_orang": {"id": "lihat daftar orang", "en": "view list of persons"},
    "audit.action.ditolak": {"id": "akses ditolak", "en": "access refused"},
    "imp.page.demo_first_import": {
        "id": "Basis data ini masih berisi data demo. Impor pertama yang menulis data akan menghapus "
        "data demo terlebih dahulu (riwayat impor tetap disimpan).",
        "en": "This database still holds the demo. The first import that writes rows deletes the "
        "demo first (the import history is kept).",
    },
    "imp.page.user.by": {"id": "Diimpor sebagai: {who}", "en": "Imported as: {who}"},
}
