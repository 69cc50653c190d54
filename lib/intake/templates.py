"""Import templates: the header of each kind as CSV (semicolon, UTF-8 with BOM, as Excel with
Indonesian regional settings opens it) or XLSX (a "Data" sheet whose identity, code and date columns
are formatted as Text so that Excel keeps NIK digits, plus a "Petunjuk" sheet explaining each column).
"""

from __future__ import annotations

import io

from lib.core.i18n import CATALOGUE, t
from lib.intake.schemas import SPECS

# Columns typed as Text in the XLSX template: Excel would otherwise turn NIKs into 7.30301E+15.
TEXT_COLUMNS = {"nik", "no_kk", "kode_desa", "kode_paket", "kode_kelas", "rw", "rt"}
TEMPLATE_ROWS = 2000  # rows pre-formatted as Text


def columns(kind: str) -> list[str]:
    return list(SPECS[kind].columns)


def column_key(kind: str, column: str) -> str:
    """The catalogue key describing ``column`` (kind-specific when the meaning differs by kind)."""
    specific = f"imp.col.{kind}.{column}"
    return specific if specific in CATALOGUE else f"imp.col.{column}"


def guide(kind: str, lang: str = "id") -> list[dict]:
    """One line per column: name, required or optional, format and example (from the catalogue)."""
    spec = SPECS[kind]
    return [
        {
            t("imp.tpl.col", lang): c,
            t("imp.tpl.required", lang): t(
                "imp.tpl.yes" if c in spec.required else "imp.tpl.no", lang
            ),
            t("imp.tpl.format", lang): t(column_key(kind, c), lang),
        }
        for c in spec.columns
    ]


def csv_bytes(kind: str) -> bytes:
    return ("\ufeff" + ";".join(columns(kind)) + "\r\n").encode("utf-8")


def xlsx_bytes(kind: str, lang: str = "id") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    cols = columns(kind)
    ws.append(cols)
    for i, name in enumerate(cols, start=1):
        ws.cell(row=1, column=i).font = Font(bold=True)
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = max(14, len(name) + 4)
        if name in TEXT_COLUMNS:
            ws.column_dimensions[letter].number_format = "@"
            for r in range(2, TEMPLATE_ROWS + 2):
                ws.cell(row=r, column=i).number_format = "@"
    ws.freeze_panes = "A2"
    info = wb.create_sheet(t("imp.tpl.sheet", lang))
    rows = guide(kind, lang)
    info.append(list(rows[0]))
    for cell in info[1]:
        cell.font = Font(bold=True)
    for row in rows:
        info.append(list(row.values()))
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 10
    info.column_dimensions["C"].width = 100
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def template_bytes(kind: str, suffix: str, lang: str = "id") -> bytes:
    if suffix == ".xlsx":
        return xlsx_bytes(kind, lang)
    if suffix == ".csv":
        return csv_bytes(kind)
    raise ValueError(suffix)
