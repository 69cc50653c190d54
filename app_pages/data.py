"""/data Data & Impor (operators and admins): templates, import with a dry-run preview and
confirmation, import history, quarantine, the data-quality panel and, for admins, the audit log.
Layout only: ``lib.intake`` imports and quality checks, ``lib.core.audit`` records; rows are shown
with NIK masked and birth dates as ages. The importer is the logged-in user."""

from datetime import date

import pandas as pd
import streamlit as st

from lib.app import cache, ui
from lib.core import audit, dberrors, fmt, privacy
from lib.intake import history, importer, quality, report, templates
from lib.intake.schemas import KINDS

ctx = ui.page_context()
tr = ctx.t
ui.header(ctx, "nav.data", intro=tr("imp.page.intro"))

PREVIEW, DONE, NONCE, DB_ERROR = "imp_preview", "imp_done", "imp_nonce", "imp_db_error"
st.session_state.setdefault(NONCE, 0)


AUTO = "auto"


def _kind_label(kind):
    return tr("imp.page.kind.auto") if kind == AUTO else f"{tr(f'imp.kind.{kind}')} ({kind})"


def _metrics(result) -> None:
    cols = st.columns(4)
    cols[0].metric(tr("imp.page.metric.rows"), fmt.number(result.rows_total))
    cols[1].metric(tr("imp.page.metric.valid"), fmt.number(result.rows_valid))
    cols[2].metric(tr("imp.page.metric.rejected"), fmt.number(result.rows_rejected))
    cols[3].metric(tr("imp.page.metric.warnings"), fmt.number(result.warnings))


def _person_list(df, what: str) -> None:
    """A list of persons (already masked): flag minors, and write the view to the audit log."""
    minor = privacy.MINOR if privacy.MINOR in df else tr("privacy.col.anak", n=adult)
    if minor in df and int(df[minor].fillna(False).astype(bool).sum()):
        n = int(df[minor].fillna(False).astype(bool).sum())
        st.warning(tr("privacy.minors", count=fmt.number(n), n=adult), icon=":material/child_care:")
    ui.audit_person_list(ctx, what)


adult = ctx.settings.usia_dewasa


def _issues(result, key: str) -> None:
    if not result.issues:
        return
    st.subheader(tr("imp.page.issues.title"))
    st.dataframe(
        report.frame(result.issues, ctx.lang),
        hide_index=True,
        width="stretch",
        column_config={tr("imp.rep.pesan"): st.column_config.TextColumn(width="large")},
    )
    st.download_button(
        tr("imp.page.report.download"),
        data=ui.audited(
            ctx,
            f"laporan impor {result.file_name}",
            lambda: report.csv_bytes(result.issues, ctx.lang),
        ),
        file_name=f"{result.file_name.rsplit('.', 1)[0]}.laporan.csv",
        mime="text/csv",
        key=f"dl_report_{key}",
        on_click="ignore",
        icon=":material/download:",
    )


def _import(data: bytes, name: str, kind, partial: bool, **options):
    """``importer.run`` for an upload, as (result, None) or (None, message): the file is read in a
    worker process with a memory and time limit, and a database that cannot be used (read-only,
    locked, full, unreachable) is a plain message, never an exception box with SQL."""
    try:
        return importer.run(
            data, url=ctx.url, kind=kind, file_name=name, partial=partial, isolated=True, **options
        ), None  # fmt: skip
    except Exception as exc:
        if not dberrors.is_database_error(exc):
            raise
        return None, dberrors.message(exc, lang=ctx.lang)


def _load(data: bytes, name: str, kind: str, partial: bool) -> None:
    result, error = _import(data, name, kind, partial, user=ctx.access)
    if error is not None:
        st.session_state[DB_ERROR] = error  # shown once, above the uploader
        return
    st.session_state[DONE] = result
    st.session_state.pop(PREVIEW, None)
    st.session_state[NONCE] += 1  # a fresh uploader: the loaded file is not offered again


labels = [
    tr("imp.page.tab.import"),
    tr("imp.page.tab.history"),
    tr("imp.page.tab.quarantine"),
    tr("imp.page.tab.quality"),
    tr("imp.page.tab.templates"),
]
is_admin = ctx.access is not None and ctx.access.is_admin
tabs = st.tabs(labels + ([tr("audit.tab")] if is_admin else []))
tab_import, tab_history, tab_quarantine, tab_quality, tab_templates = tabs[:5]

# --- import ---------------------------------------------------------------------------------------
with tab_import:
    if st.session_state.get(DB_ERROR):
        st.error(fmt.md_text(st.session_state.pop(DB_ERROR)), icon=":material/database:")
    done = st.session_state.get(DONE)
    if done is not None:
        counts = {
            "kind": tr(f"imp.kind.{done.kind}") if done.kind else "-",
            "file": fmt.md_text(done.file_name),
            "written": fmt.number(done.rows_written),
            "rejected": fmt.number(done.rows_rejected),
            "warnings": fmt.number(done.warnings),
        }
        if done.outcome == "dimuat":
            st.success(tr("imp.page.done", **counts), icon=":material/check_circle:")
        else:
            st.error(tr("imp.page.not_done", **counts), icon=":material/error:")
        _issues(done, "done")

    kind = st.selectbox(
        tr("imp.page.kind.label"), [AUTO, *KINDS], format_func=_kind_label, key="imp_kind"
    )
    kind = None if kind == AUTO else kind
    st.caption(tr("imp.page.user.by", who=fmt.md_text(ctx.access.who if ctx.access else "?")))
    upload = st.file_uploader(
        tr("imp.page.upload.label"),
        type=["csv", "xlsx"],
        help=tr("imp.page.upload.help"),
        key=f"imp_file_{st.session_state[NONCE]}",
    )
    partial = st.checkbox(
        tr("imp.page.partial.label"), key="imp_partial", help=tr("imp.page.partial.help")
    )

    if upload is not None:
        st.session_state.pop(DONE, None)
        data = upload.getvalue()
        token = (upload.file_id, kind, partial, ctx.version)
        cached = st.session_state.get(PREVIEW)
        error = None
        if cached is None or cached[0] != token:
            with st.spinner(tr("imp.page.checking")):
                preview, error = _import(data, upload.name, kind, partial, dry_run=True)
            if error is None:
                st.session_state[PREVIEW] = (token, preview)
        preview = None if error else st.session_state[PREVIEW][1]

        if error is not None:  # the database cannot be used: said plainly
            st.error(fmt.md_text(error), icon=":material/database:")
        elif preview.fatal is not None:
            st.error(fmt.md_text(preview.fatal.message(ctx.lang)), icon=":material/block:")
        else:
            st.caption(tr("imp.page.detected", kind=_kind_label(preview.kind)))
            _metrics(preview)
            if preview.errors and not partial:
                st.error(tr("imp.page.will_reject"), icon=":material/error:")
            elif preview.errors:
                st.warning(tr("imp.page.will_partial"), icon=":material/warning:")
            else:
                st.success(tr("imp.page.all_ok"), icon=":material/check_circle:")
            if preview.clears_demo:
                st.info(tr("imp.page.demo_first_import"), icon=":material/science:")
            _issues(preview, "preview")
            st.subheader(tr("imp.page.preview.title"))
            preview_rows = pd.DataFrame(preview.preview)
            st.dataframe(preview_rows, hide_index=True, width="stretch")
            _person_list(preview_rows, f"pratinjau impor {upload.name}")
            can_load = preview.rows_valid > 0 and (partial or not preview.errors)
            st.button(
                tr("imp.page.confirm", n=fmt.number(preview.rows_valid)),
                type="primary",
                disabled=not can_load,
                key="imp_confirm",
                icon=":material/upload:",
                on_click=_load,
                args=(data, upload.name, preview.kind, partial),
            )

# --- history --------------------------------------------------------------------------------------
with tab_history:
    hist = cache.intake(history.imports, ctx, ctx.lang)
    if hist.empty:
        st.info(tr("imp.page.history.empty"))
    else:
        st.dataframe(hist, hide_index=True, width="stretch")
        ui.table_downloads(hist, "riwayat-impor", ctx, "history")

# --- quarantine -----------------------------------------------------------------------------------
with tab_quarantine:
    st.caption(tr("imp.page.quarantine.intro"))
    held = cache.intake(history.quarantined_imports, ctx)
    if not held:
        st.info(tr("imp.page.quarantine.empty"))
    else:
        chosen = st.selectbox(
            tr("imp.page.quarantine.select"),
            held,
            format_func=lambda h: tr(
                "imp.page.quarantine.option",
                id=h["id"],
                file=h["file_name"],
                kind=h["kind"],
                n=fmt.number(h["n"]),
                time=fmt.tanggal(h["started_at"], ctx.lang),
            ),
            key="imp_quarantine",
        )
        rows = cache.intake(history.quarantine_rows, ctx, chosen["id"], ctx.lang)
        st.dataframe(rows, hide_index=True, width="stretch")
        _person_list(rows, f"karantina impor #{chosen['id']}")
        ui.table_downloads(rows, f"karantina-{chosen['id']}", ctx, "quarantine")

# --- data quality ---------------------------------------------------------------------------------
with tab_quality:
    st.caption(tr("imp.page.quality.intro"))
    for check in cache.quality_checks(ctx, date.today(), ctx.data_as_of):
        label = tr(
            "imp.page.quality.item",
            title=quality.title(check.key, ctx.lang),
            n=fmt.number(check.count),
        )
        icon = ":material/warning:" if check.count else ":material/check_circle:"
        with st.expander(label, icon=icon, expanded=False):
            st.markdown(quality.description(check.key, ctx.lang))
            if check.count == 0:
                st.caption(tr("imp.page.quality.none"))
                continue
            if check.truncated:
                st.caption(tr("imp.page.quality.truncated", n=fmt.number(len(check.rows))))
            st.dataframe(check.rows, hide_index=True, width="stretch")
            ui.table_downloads(check.rows, f"mutu-{check.key}", ctx, f"dq_{check.key}")
            if check.key not in ("kelas_sepi", "registri_usang"):  # the others list persons
                ui.audit_person_list(ctx, f"mutu data: {check.key}")

# --- templates ------------------------------------------------------------------------------------
with tab_templates:
    st.markdown(tr("imp.page.templates.intro"))
    tkind = st.selectbox(
        tr("imp.page.templates.kind"), KINDS, format_func=_kind_label, key="imp_tpl_kind"
    )
    st.dataframe(templates.guide(tkind, ctx.lang), hide_index=True, width="stretch")
    c1, c2, _ = st.columns([1, 1, 3])
    c1.download_button(
        tr("imp.page.templates.csv"),
        data=templates.csv_bytes(tkind),
        file_name=f"templat-{tkind}.csv",
        mime="text/csv",
        key="dl_tpl_csv",
        on_click="ignore",
        icon=":material/download:",
    )
    c2.download_button(
        tr("imp.page.templates.xlsx"),
        data=lambda: templates.xlsx_bytes(tkind, ctx.lang),
        file_name=f"templat-{tkind}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="dl_tpl_xlsx",
        on_click="ignore",
        icon=":material/download:",
    )

# --- audit log (admins) ---------------------------------------------------------------------------
if is_admin:
    with tabs[5]:
        st.caption(tr("audit.intro"))
        choice = st.selectbox(
            tr("audit.filter"),
            ["", *audit.ACTIONS],
            format_func=lambda a: tr("filter.all") if not a else tr(f"audit.action.{a}"),
            key="audit_action",
        )
        log = cache.intake(audit.recent, ctx, 1000, choice or None, ctx.lang)
        if log.empty:
            st.info(tr("audit.empty"))
        else:
            st.dataframe(log, hide_index=True, width="stretch", key="audit_log")
            ui.table_downloads(log, "log-audit", ctx, "audit")
