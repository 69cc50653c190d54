"""The Indonesian value parsers of lib/intake/parsers.py: properties (hypothesis) and the examples of
docs/data-contract.md."""

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.intake import parsers as p

settings.register_profile("pantau", max_examples=60, deadline=None)
settings.load_profile("pantau")

digits16 = st.text(alphabet="0123456789", min_size=16, max_size=16)
dates = st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 12, 31))
genders = st.sampled_from(["L", "P"])


def code_of(call) -> str:
    with pytest.raises(p.ParseError) as exc:
        call()
    return exc.value.code


# --- NIK / KK ---------------------------------------------------------------------------------------


@given(digits16)
def test_sixteen_digits_are_kept_as_text(nik):
    assert p.parse_nik(nik) == nik
    assert p.parse_kk(f"  {nik} ") == nik


@given(st.text(alphabet="0123456789", min_size=1, max_size=30).filter(lambda s: len(s) != 16))
def test_any_other_digit_count_is_an_error_that_counts_them(text):
    with pytest.raises(p.ParseError) as exc:
        p.parse_nik(text)
    assert exc.value.code in ("id_format", "id_excel")
    if exc.value.code == "id_format":
        assert exc.value.params["n"] == len(text)


@given(st.integers(min_value=10**15, max_value=10**16 - 1))
def test_a_nik_that_a_spreadsheet_made_a_number_is_an_excel_error(number):
    forms = [
        f"{float(number):.5E}",  # 7.30301E+15
        f"{float(number):.5e}".replace(".", ","),  # 7,30301e+15 (Indonesian Excel)
        f"{number}.0",  # 7303012345678900.0
        f"{number},0",
        float(number),  # numeric XLSX cells
        number,
    ]
    for form in forms:
        assert code_of(lambda f=form: p.parse_nik(f)) == "id_excel", form


@pytest.mark.parametrize("value", ["7.30301E+15", "7303012345678900.0", 7303012345678900])
def test_spec_examples_of_mangled_niks(value):
    with pytest.raises(p.ParseError) as exc:
        p.parse_nik(value)
    assert exc.value.code == "id_excel"
    assert exc.value.params == {"field": "NIK"}


@pytest.mark.parametrize("value", [None, "", "   "])
def test_a_missing_nik_is_required(value):
    assert code_of(lambda: p.parse_nik(value)) == "wajib"


@given(dates, genders, st.integers(min_value=1, max_value=9999))
def test_nik_digits_carry_birth_date_and_gender(born, jk, serial):
    nik = p.nik_for(born, jk, serial=serial)
    assert len(nik) == 16 and nik.isdigit()
    day, month, yy, gender = p.nik_birth(nik)
    assert (day, month, yy, gender) == (born.day, born.month, born.year % 100, jk)
    assert p.nik_disagreements(nik, born, jk) == []


@given(dates, genders, dates)
def test_a_different_birth_date_or_gender_disagrees(born, jk, other):
    nik = p.nik_for(born, jk)
    flipped = "L" if jk == "P" else "P"
    assert p.nik_disagreements(nik, born, flipped) == ["nik_jenis_kelamin"]
    same = (other.day, other.month, other.year % 100) == (born.day, born.month, born.year % 100)
    assert p.nik_disagreements(nik, other, jk) == ([] if same else ["nik_tanggal_lahir"])


def test_women_have_forty_added_to_the_day():
    assert p.nik_birth("7303015705950001") == (17, 5, 95, "P")
    assert p.nik_birth("7303011705950001") == (17, 5, 95, "L")


# --- village codes -----------------------------------------------------------------------------------


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_village_codes_dotted_and_plain_agree(plain):
    dotted = f"{plain[:2]}.{plain[2:4]}.{plain[4:6]}.{plain[6:]}"
    assert p.parse_village_code(plain) == dotted
    assert p.parse_village_code(dotted) == dotted


@pytest.mark.parametrize(
    "value", ["73.03.01", "7303.01.2001", "73-03-01-2001", "abc", "73030120011"]
)
def test_malformed_village_codes(value):
    assert code_of(lambda: p.parse_village_code(value)) == "desa_format"


def test_a_numeric_village_cell_is_read_as_its_digits():
    assert p.parse_village_code(7303012008) == "73.03.01.2008"


# --- dates ---------------------------------------------------------------------------------------------


@given(dates)
def test_the_three_date_styles_and_excel_cells_agree(day):
    iso = day.isoformat()
    dmy_slash = day.strftime("%d/%m/%Y")
    dmy_dash = day.strftime("%d-%m-%Y")
    serial = p.to_excel_serial(day)
    forms = [iso, dmy_slash, dmy_dash, datetime(day.year, day.month, day.day), day, serial]
    forms += [float(serial), f"{iso} 00:00:00"]
    for form in forms:
        assert p.parse_date(form) == day, form


def test_excel_serial_numbers_of_known_days():
    assert p.parse_date(44599) == date(2022, 2, 7)  # launch day of the programme
    assert p.parse_date("44599") == date(2022, 2, 7)
    assert p.parse_date(61) == date(1900, 3, 1)  # after Excel's phantom 29 Feb 1900


def test_single_digit_day_and_month():
    assert p.parse_date("7/2/2022") == date(2022, 2, 7)


@pytest.mark.parametrize("value", ["31/02/2022", "2022-13-01", "00-01-2022", "29-02-2023"])
def test_impossible_dates(value):
    assert code_of(lambda: p.parse_date(value)) == "tanggal_mustahil"


@pytest.mark.parametrize("value", ["2022/02/07", "7 Februari 2022", "02.07.2022", "20220207", "x"])
def test_unknown_date_formats(value):
    assert code_of(lambda: p.parse_date(value)) == "tanggal_format"


def test_implausible_years():
    assert code_of(lambda: p.parse_date("01/01/1850")) == "tanggal_tahun"


# --- rupiah --------------------------------------------------------------------------------------------


def _grouped(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**13))
def test_rupiah_notations_agree(n):
    forms = [str(n), _grouped(n), f"Rp {_grouped(n)}", f"Rp{_grouped(n)},00", f"Rp. {_grouped(n)}"]
    forms += [n, float(n), f"{n}.00"]
    for form in forms:
        assert p.parse_rupiah(form) == n, form
    if n:
        assert p.parse_rupiah(f"-{_grouped(n)}") == -n
        assert p.parse_rupiah(f"Rp -{_grouped(n)}") == -n


@pytest.mark.parametrize("value", ["1500000", "1.500.000", "Rp 1.500.000", "Rp1.500.000,00"])
def test_spec_rupiah_examples_mean_one_and_a_half_million(value):
    assert p.parse_rupiah(value) == 1_500_000


@pytest.mark.parametrize("value", ["1,500,000", "1.5 jt", "satu juta", "Rp", "1.50.000"])
def test_malformed_rupiah(value):
    assert code_of(lambda: p.parse_rupiah(value)) == "rupiah_format"


def test_sen_are_rounded_half_up():
    assert p.parse_rupiah("Rp1.500.000,50") == 1_500_001
    assert p.parse_rupiah("Rp1.500.000,49") == 1_500_000


# --- numbers and choices -------------------------------------------------------------------------------


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_whole_numbers(n):
    assert p.parse_int(str(n)) == n
    assert p.parse_int(float(n)) == n
    assert p.parse_int(f"{n},0") == n


@pytest.mark.parametrize("value", ["3,5", 3.5, "tiga", True])
def test_not_whole_numbers(value):
    assert code_of(lambda: p.parse_int(value)) == "bulat_format"


@given(st.decimals(min_value=0, max_value=100, places=1))
def test_decimal_comma_or_point(value):
    text = f"{value:f}"
    assert p.parse_number(text) == pytest.approx(float(value))
    assert p.parse_number(text.replace(".", ",") + "%") == pytest.approx(float(value))


def test_ranges():
    assert p.in_range(10, 1, 10) == 10
    assert code_of(lambda: p.in_range(11, 1, 10)) == "rentang"
    assert code_of(lambda: p.in_range(0, 1)) == "rentang_min"


def test_choices_ignore_case_spaces_and_hyphens():
    allowed = ("kompeten", "belum_kompeten")
    assert p.parse_choice(" Belum Kompeten ", allowed) == "belum_kompeten"
    assert p.parse_choice("belum-kompeten", allowed) == "belum_kompeten"
    assert p.parse_choice("l", ("L", "P"), upper=True) == "L"
    with pytest.raises(p.ParseError) as exc:
        p.parse_choice("lulus", allowed)
    assert exc.value.code == "pilihan" and exc.value.params["allowed"] == "kompeten, belum_kompeten"


def test_free_text_keeps_formula_looking_text_as_is():
    assert p.parse_text("=SUM(A1:A3)", 200) == "=SUM(A1:A3)"
    assert code_of(lambda: p.parse_text("x" * 11, 10)) == "teks_panjang"
