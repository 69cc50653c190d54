"""The grid's Styler (``ui.grid_styler``) sends what ``df.style.format(..., na_rep="–")`` sends.

``st.dataframe`` turns a Styler into the raw values plus the text of each cell; ``grid_styler`` skips
pandas' HTML table model but must give Streamlit the same text, styles and values.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from streamlit.elements.lib.pandas_styler_utils import marshall_styler
from streamlit.proto.ArrowData_pb2 import ArrowData

from lib.app import ui
from lib.core import fmt
from lib.render import present

KINDS = {
    "Nama": "text",
    "Jumlah": "int",
    "Persen": "pct",
    "Skor": "dec1",
    "Nilai": "rupiah",
    "Tahun": "tahun",
    "Tanggal": "text",
}


def _frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    jumlah = rng.integers(0, 20_000, n).astype(float)
    jumlah[::7] = np.nan
    return pd.DataFrame(
        {
            "Nama": [None if i % 11 == 0 else f"Orang {i}" for i in range(n)],
            "Jumlah": jumlah,
            "Persen": rng.uniform(0, 100, n),
            "Skor": np.round(rng.uniform(0, 10, n), 1),
            "Nilai": [None if i % 5 == 0 else 1_500_000 * i for i in range(n)],
            "Tahun": rng.integers(2020, 2026, n),
            "Tanggal": [fmt.tanggal(date(2024, 1, 1 + i % 28)) for i in range(n)],
            "Tautan": [f"/peta?desa=73.03.01.{2000 + i}" for i in range(n)],
            "Lebar": rng.uniform(0, 1, n),  # a float column without a kind: pandas' default text
        }
    )


def _sent(styler) -> ArrowData:
    proto = ArrowData()
    styler.set_uuid("grid")
    marshall_styler(proto, styler, "grid")
    return proto


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("n", [0, 1, 60])
def test_grid_styler_sends_what_the_formatted_styler_sends(lang, n):
    df = _frame(n)
    formatters = {
        col: (lambda v, k=kind: present.format_cell(v, k, lang)) for col, kind in KINDS.items()
    }
    expected = _sent(df.style.format(formatters, na_rep=fmt.DASH))
    got = _sent(ui.grid_styler(df, present.display_cells(df, KINDS, lang)))
    assert got.styler.display_values == expected.styler.display_values
    assert got.styler.styles == expected.styler.styles
    assert got.styler.caption == expected.styler.caption
    if n > 1:
        values = _display_values(got)
        assert values["Jumlah"][1] == present.format_cell(df["Jumlah"][1], "int", lang)
        assert values["Jumlah"][0] == fmt.DASH


def _display_values(proto: ArrowData) -> pd.DataFrame:
    import pyarrow as pa

    return pa.ipc.open_stream(proto.styler.display_values).read_pandas()
