"""The one catalogue's plumbing (workshop_app/i18n.py): languages, plurals, the pseudo-locale,
a stretch in another language, and numbers and dates as each language writes them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, time

import pytest

from workshop_app import i18n


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("cy", "cy"),
        ("cy_GB.UTF-8", "cy"),
        ("cy-GB", "cy"),
        ("CY", "cy"),
        ("en_US", "en"),
        ("qps-ploc", "qps-ploc"),
        ("fr_FR", None),
        ("", None),
        (None, None),
    ],
)
def test_a_language_code_is_read_as_people_write_it(code: str | None, found: str | None) -> None:
    assert i18n.normalise(code) == found


def test_the_first_language_the_app_has_is_picked() -> None:
    assert i18n.pick(["fr-FR", "cy-GB", "en"]) == "cy"
    assert i18n.pick(["fr", "de"]) == "en"


@pytest.mark.parametrize(
    ("env", "found"),
    [
        ({"LANGUAGE": "fr:cy", "LANG": "en_GB.UTF-8"}, "cy"),
        ({"LANGUAGE": "", "LC_ALL": "cy_GB.UTF-8"}, "cy"),
        ({"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}, "en"),
    ],
)
def test_the_system_language_follows_gettexts_variables(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], found: str
) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.system_language() == found


def test_an_unknown_language_is_refused_with_a_message_for_a_person() -> None:
    with pytest.raises(ValueError, match="no “xx” translation"):
        i18n.set_language("xx")
    assert i18n.language() == "en"


def test_english_plurals_come_from_the_code() -> None:
    counted = [i18n.n_("%n note", "%n notes", n) for n in (0, 1, 2)]
    assert counted == ["0 notes", "1 note", "2 notes"]
    assert i18n.n_("%n note", "%n notes", 12345) == "12,345 notes"


def test_the_pseudo_locale_brackets_accents_and_lengthens_but_keeps_placeholders() -> None:
    text = "Saved at {time}: %n notes in <b>bold</b> &amp; more"
    out = i18n.pseudo(text)
    assert out.startswith("[") and out.endswith("]")
    assert "{time}" in out and "%n" in out and "<b>" in out and "&amp;" in out
    assert "Saved" not in out and "Šáṽéḋ" in out
    letters = len(text) - len("{time}%n<b></b>&amp;")
    assert len(out) - len(text) >= 0.4 * letters
    assert i18n.placeholders(out) == i18n.placeholders(text) == ["%n", "{time}"]


def test_a_stretch_in_another_language_ends_with_its_block_and_stays_in_its_thread() -> None:
    seen: list[str] = []
    with i18n.using("qps-ploc") as code:
        assert code == "qps-ploc"
        assert i18n._("Report") == i18n.pseudo("Report")
        worker = threading.Thread(target=lambda: seen.append(i18n._("Report")))
        worker.start()
        worker.join()
    assert i18n._("Report") == "Report"
    assert seen == ["Report"], "a new thread starts in the app's language, not the stretch's"
    assert i18n.app_language() == "en"


def test_numbers_and_dates_are_written_as_the_language_writes_them() -> None:
    day = date(2026, 3, 14)
    assert i18n.format_date(day, "d MMMM y") == "14 March 2026"
    assert i18n.format_time(time(14, 5), "HH:mm") == "14:05"
    with i18n.using("cy"):
        assert i18n.format_date(day, "d MMMM y") == "14 Mawrth 2026"
        assert i18n.format_date(day, "full") == "Dydd Sadwrn, 14 Mawrth 2026"
    assert i18n.format_number(1234567) == "1,234,567"
    assert i18n.format_percent(0.25) == "25%"
