"""Small-count suppression (docs/indicators.md) as a pure function: markers, bases, complementary cells, and a
property: in a 1-D breakdown no hidden cell can be worked out from the shown cells and the total."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.semantic import suppression as sup
from lib.semantic.suppression import DASH, SECONDARY, Policy, suppress, suppress_value


def shown(result) -> list:
    return result.frame.iloc[:, 0].tolist() if result.frame.shape[1] == 1 else result.frame


def breakdown(values: list[int], total: bool = True) -> pd.DataFrame:
    index = [f"d{i}" for i in range(len(values))]
    df = pd.DataFrame({"peserta": values}, index=index)
    if total:
        df.loc["Total"] = sum(values)
    return df


# --- markers ---------------------------------------------------------------------------------------


def test_small_counts_become_less_than_the_threshold_and_zero_stays():
    df = pd.DataFrame({"peserta": [0, 1, 4, 5, 120]})
    result = suppress(df, {"peserta": "count"}, 5)
    # 1 and 4 are small; nothing else is needed: no total is involved beyond the known sum, and the
    # two small cells with the 120 hidden too cannot be told apart (see the complementary tests).
    assert result.hidden
    assert result.frame["peserta"].tolist()[:3] == [0, "<5", "<5"]


def test_the_marker_carries_the_actual_threshold():
    df = pd.DataFrame({"n": [2, 50, 60]})
    assert suppress(df, {"n": "count"}, 3).frame["n"].tolist()[0] == "<3"
    assert suppress(df, {"n": "count"}, 10).frame["n"].tolist()[0] == "<10"


def test_nothing_small_nothing_hidden_and_the_frame_is_unchanged():
    df = pd.DataFrame({"n": [0, 5, 17], "pct": [None, 40.0, 52.9]})
    result = suppress(df, {"n": "count", "pct": "rate:n"}, 5)
    assert not result.hidden
    pd.testing.assert_frame_equal(result.frame, df)
    assert result.frame is not df


def test_a_threshold_of_one_hides_nothing():
    df = pd.DataFrame({"n": [1, 2, 3]})
    assert not suppress(df, {"n": "count"}, 1).hidden


def test_rates_medians_and_money_over_a_hidden_base_become_a_dash():
    df = pd.DataFrame(
        {
            "selesai": [3, 20, 30],
            "persen": [66.7, 50.0, 40.0],
            "median_rp": [1_500_000, 2_000_000, 1_000_000],
            "kur": [2, 8, 9],
            "kur_rp": [10_000_000, 40_000_000, 45_000_000],
            "nama": ["a", "b", "c"],
        }
    )
    policies = {
        "selesai": "count",
        "persen": sup.rate("selesai"),
        "median_rp": "median:selesai",
        "kur": "count",
        "kur_rp": ("money", "kur"),
        "nama": "none",
    }
    out = suppress(df, policies, 5).frame
    assert out.loc[0, "selesai"] == "<5" and out.loc[0, "persen"] == DASH
    assert out.loc[0, "median_rp"] == DASH
    assert out.loc[0, "kur"] == "<5" and out.loc[0, "kur_rp"] == DASH
    assert out.loc[0, "nama"] == "a"
    # The rate follows its base also when the base is hidden only to protect another cell.
    hidden_second = [i for i in (1, 2) if out.loc[i, "selesai"] == SECONDARY]
    assert hidden_second == [1]  # 20 is the next smallest non-zero count
    assert out.loc[1, "persen"] == DASH and out.loc[1, "median_rp"] == DASH
    assert out.loc[2, "selesai"] == 30 and out.loc[2, "persen"] == 40.0


def test_policies_are_checked():
    df = pd.DataFrame({"n": [1], "p": [1.0]})
    with pytest.raises(ValueError):
        Policy("share")
    with pytest.raises(ValueError):
        Policy("rate")  # a rate names its base
    with pytest.raises(KeyError):
        suppress(df, {"missing": "count"}, 5)
    with pytest.raises(KeyError):
        suppress(df, {"p": "rate:n"}, 5)  # the base has no count policy
    with pytest.raises(ValueError):
        suppress(df, {"n": "none", "p": "rate:n"}, 5)


def test_nulls_are_left_alone():
    df = pd.DataFrame({"n": [None, 12, 30], "pct": [None, 1.0, 2.0]})
    result = suppress(df, {"n": "count", "pct": "rate:n"}, 5)
    assert not result.hidden


def test_single_values_for_cards():
    assert suppress_value(3, 5) == "<5"
    assert suppress_value(0, 5) == 0 and suppress_value(None, 5) is None
    assert suppress_value(12, 5) == 12
    assert suppress_value(66.7, 5, base=3) == DASH
    assert suppress_value(66.7, 5, base=30) == 66.7


# --- complementary suppression ---------------------------------------------------------------------


def test_one_hidden_cell_beside_a_total_hides_the_next_smallest_non_zero_cell():
    result = suppress(breakdown([3, 0, 12, 40]), {"peserta": "count"}, 5, total_rows=["Total"])
    assert shown(result) == ["<5", 0, SECONDARY, 40, 55]


def test_two_hidden_cells_of_one_each_are_protected_too():
    # 1 + 1 = 2 hidden beside a total: both "<5" could only be 1 each.
    result = suppress(breakdown([1, 1, 10, 30]), {"peserta": "count"}, 5, total_rows=["Total"])
    assert shown(result) == ["<5", "<5", SECONDARY, 30, 42]


def test_when_every_cell_is_hidden_the_total_goes_too():
    result = suppress(breakdown([4, 4]), {"peserta": "count"}, 5, total_rows=["Total"])
    assert shown(result) == ["<5", "<5", SECONDARY]


def test_a_small_total_is_hidden_itself_and_protects_its_cells():
    result = suppress(breakdown([1, 2, 0]), {"peserta": "count"}, 5, total_rows=["Total"])
    assert shown(result) == ["<5", "<5", 0, "<5"]


def test_groups_are_protected_separately():
    df = pd.DataFrame(
        {
            "kecamatan": ["A", "A", "A", "B", "B"],
            "desa": ["a1", "a2", "a3", "b1", "b2"],
            "peserta": [2, 9, 30, 15, 40],
        }
    )
    out = suppress(df, {"peserta": "count"}, 5, group_by="kecamatan").frame
    assert out["peserta"].tolist() == ["<5", SECONDARY, 30, 15, 40]


def test_row_totals_protect_cells_across_columns():
    # Outcomes of the completed: bekerja + wirausaha + belum = selesai in every row.
    df = pd.DataFrame(
        {
            "selesai": [30, 40],
            "bekerja": [2, 20],
            "wirausaha": [10, 10],
            "belum": [18, 10],
        },
        index=["p1", "p2"],
    )
    policies = dict.fromkeys(df.columns, "count")
    out = suppress(df, policies, 5, row_totals={"selesai": ["bekerja", "wirausaha", "belum"]}).frame
    assert out.loc["p1", "bekerja"] == "<5" and out.loc["p1", "selesai"] == 30
    parts = ["bekerja", "wirausaha", "belum"]
    # Every row (parts add up to selesai) and every column (rows add up to a known total) is safe.
    for row in df.index:
        assert_group_safe(df.loc[row, parts].tolist(), out.loc[row, parts].tolist(), 5)
    for col in df.columns:
        assert_group_safe(df[col].tolist(), out[col].tolist(), 5)


def test_policy_strings_and_tuples_parse():
    assert Policy.of("rate:peserta") == Policy("rate", "peserta")
    assert Policy.of(("money", "kur")) == Policy("money", "kur")
    assert Policy.of(" count ") == Policy("count")


# --- the property -----------------------------------------------------------------------------------


def feasible_values(cells: list[tuple[int, int]], total: int) -> list[set[int]]:
    """For hidden cells with bounds (lo, hi), the values each can take so that they add up to
    ``total``: computed by enumerating sums, independently of the implementation."""
    out = []
    for i, (lo, hi) in enumerate(cells):
        others = [c for j, c in enumerate(cells) if j != i]
        sums = {0}
        for olo, ohi in others:
            sums = {s + v for s in sums for v in range(olo, ohi + 1) if s + v <= total}
        out.append({v for v in range(lo, hi + 1) if total - v in sums})
    return out


def assert_group_safe(values: list[int], cells: list, threshold: int) -> None:
    """No hidden cell of a group whose total is known is pinned to one value."""
    hidden = [(v, c) for v, c in zip(values, cells, strict=True) if isinstance(c, str)]
    if not hidden:
        return
    bounds = [
        (1, threshold - 1) if c == f"<{threshold}" else (threshold, sum(values)) for _, c in hidden
    ]
    rest = sum(values) - sum(c for c in cells if not isinstance(c, str))
    for (value, cell), left in zip(hidden, feasible_values(bounds, rest), strict=True):
        assert value in left and len(left) >= 2, (values, cells, cell, left)


THRESHOLDS = st.integers(min_value=3, max_value=6)
COUNTS = st.lists(
    st.one_of(st.integers(0, 7), st.integers(8, 40)), min_size=1, max_size=7
)  # many small and zero cells


@settings(max_examples=300, deadline=None)
@given(values=COUNTS, threshold=THRESHOLDS)
def test_no_hidden_cell_can_be_worked_out_from_shown_cells_and_the_total(values, threshold):
    df = breakdown(values)
    out = suppress(df, {"peserta": "count"}, threshold, total_rows=["Total"]).frame["peserta"]
    cells = out.tolist()[:-1]
    total_shown = out.tolist()[-1]
    # Zero stays zero; a shown cell is its value; small counts are always hidden.
    for value, cell in zip(values, cells, strict=True):
        if value == 0:
            assert cell == 0
        elif value < threshold:
            assert cell == f"<{threshold}"
        else:
            assert cell in (value, SECONDARY)
    hidden = [(v, c) for v, c in zip(values, cells, strict=True) if isinstance(c, str)]
    if not hidden:
        return
    # What a reader knows: "<t" is 1..t-1; "×" is a non-zero count the rule skipped over, so at least
    # t (every smaller non-zero count is "<t" already) and at most the total.
    grand = sum(values)
    bounds = [(1, threshold - 1) if c == f"<{threshold}" else (threshold, grand) for _, c in hidden]
    if isinstance(total_shown, str):
        # The total is hidden: nothing to subtract from; each marker alone leaves >= 2 values.
        assert all(hi > lo for lo, hi in bounds)
        return
    rest = total_shown - sum(c for c in cells if not isinstance(c, str))
    options = feasible_values(bounds, rest)
    for (value, cell), values_left in zip(hidden, options, strict=True):
        assert value in values_left, (cell, value, values_left)
        assert len(values_left) >= 2, (values, threshold, cells, total_shown)


@settings(max_examples=100, deadline=None)
@given(values=COUNTS, threshold=THRESHOLDS)
def test_suppression_is_deterministic_and_keeps_the_shape(values, threshold):
    df = breakdown(values)
    a = suppress(df, {"peserta": "count"}, threshold, total_rows=["Total"])
    b = suppress(df, {"peserta": "count"}, threshold, total_rows=["Total"])
    pd.testing.assert_frame_equal(a.frame, b.frame)
    assert a.frame.shape == df.shape and list(a.frame.index) == list(df.index)
    assert a.hidden == any(0 < v < threshold for v in [*values, sum(values)])


@settings(max_examples=200, deadline=None)
@given(values=COUNTS, threshold=THRESHOLDS)
def test_with_the_total_elsewhere_cells_are_safe_or_all_hidden(values, threshold):
    """A total that lives outside the frame (a card) cannot be hidden here: the cells are safe, or
    (e.g. 4 + 4 = 8) every non-zero cell is hidden and the caller must hide that total."""
    cells = suppress(breakdown(values, total=False), {"peserta": "count"}, threshold).frame
    cells = cells["peserta"].tolist()
    if all(isinstance(c, str) for v, c in zip(values, cells, strict=True) if v):
        return
    assert_group_safe(values, cells, threshold)


# --- the placement rate gives the placed away -------------------------------------------------------

STATUS_ROW = {"bekerja": 8, "wirausaha": 20, "belum_bekerja": 9, "melanjutkan_pendidikan": 1,
              "tidak_terlacak": 9}  # fmt: skip


def _solutions(out, hidden: list[str], selesai: int, placed, threshold: int) -> list[dict]:
    """Every assignment of the hidden statuses consistent with what a reader sees: the shown
    cells, the completers, the placed (from the rate; ``None`` when the rate is hidden), ``<5``
    cells from 1 to threshold − 1 and second cells (``×``) from the threshold up."""
    from itertools import product

    ranges = [range(1, threshold) if out[k] == f"<{threshold}"
              else range(threshold, selesai + 1) for k in hidden]  # fmt: skip
    shown_row = {k: int(out[k]) for k in STATUS_ROW if k not in hidden}
    found = []
    for combo in product(*ranges):
        row = {**shown_row, **dict(zip(hidden, combo, strict=True))}
        if sum(row.values()) != selesai:
            continue
        if placed is None or row["bekerja"] + row["wirausaha"] == placed:
            found.append(dict(zip(hidden, combo, strict=True)))
    return found


@given(st.lists(st.integers(0, 12), min_size=5, max_size=5), st.sampled_from([3, 5]))
@settings(max_examples=80, deadline=None)
def test_statuses_beside_the_placement_rate_hide_no_cell_the_rate_gives_away(values, threshold):
    """The completers and the placement rate are shown with the statuses (a /hasil row): no hidden
    status can be worked out from them, even though the rate tells the placed; where the rate is
    hidden, the completers alone give nothing away either."""
    from lib.semantic import guard

    row = dict(zip(STATUS_ROW, values, strict=True))
    selesai = sum(values)
    placed = row["bekerja"] + row["wirausaha"]
    df = pd.DataFrame(
        [{**row, "selesai": selesai, "persen_penempatan": 100 * placed / (selesai or 1)}]
    )
    out = guard.frame(df, threshold).frame.iloc[0]
    if isinstance(out["selesai"], str):
        return  # the completers hidden: nothing to subtract from
    known = None if isinstance(out["persen_penempatan"], str) else placed
    hidden = [k for k in STATUS_ROW if isinstance(out[k], str)]
    solutions = _solutions(out, hidden, selesai, known, threshold)
    for k in hidden:  # a hidden cell is never exactly determined: two values at least remain
        assert len({s[k] for s in solutions}) >= 2, (row, out.to_dict(), k)


def test_the_demo_case_hides_a_second_cell_among_the_unplaced():
    from lib.semantic import guard

    df = pd.DataFrame([{**STATUS_ROW, "selesai": 47, "persen_penempatan": 59.6}])
    out = guard.frame(df, 5).frame.iloc[0]
    assert out["melanjutkan_pendidikan"] == "<5"
    assert (out["bekerja"], out["wirausaha"]) == (8, 20)  # the placed are safe among themselves
    assert [out["belum_bekerja"], out["tidak_terlacak"]].count(SECONDARY) == 1
