"""Each personal-data detector with true and false cases, redaction, and the whole-event scan."""

from __future__ import annotations

import itertools

import pytest

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.personal_data import Kind, find, redact
from workshop_app.domain.personal_data_bundle import names_in, people, redacted, scan
from workshop_app.domain.records import Event, Group, Note, Question, Speaker, Theme


def weighted(nine: str) -> int:
    return sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True)) % 11


def base_with_remainder(remainder: int) -> str:
    """Nine digits whose weighted sum leaves ``remainder`` (searched, not copied)."""
    for n in itertools.count(400_000_000):
        if weighted(str(n)) == remainder:
            return str(n)
    raise AssertionError


def kinds(text: str, names: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(f.kind.value, f.matched) for f in find(text, names)]


def test_nhs_numbers_need_their_check_digit() -> None:
    zero = base_with_remainder(0)  # 11 - 0 = 11: the check digit is 0
    ten = base_with_remainder(1)  # 11 - 1 = 10: no valid number has these nine digits
    five = base_with_remainder(6)  # check digit 5
    assert kinds(f"no. {zero}0 given") == [("nhs_number", f"{zero}0")]
    assert kinds(f"{five[:3]} {five[3:6]} {five[6:]}5") == [
        ("nhs_number", f"{five[:3]} {five[3:6]} {five[6:]}5")
    ]
    assert kinds(f"{five[:3]}-{five[3:6]}-{five[6:]}5")[0][0] == "nhs_number"
    assert all(kinds(f"no. {ten}{d}") == [] for d in range(10))
    assert all(kinds(f"ref {five}{d}") == [] for d in range(10) if d != 5)
    mixed = f"{five[:3]} {five[3:6]}-{five[6:]}5"  # separators must agree
    assert kinds(mixed) == []
    assert kinds(f"{five}5123 and £{five}5") == []  # longer runs and money are not numbers


@pytest.mark.parametrize(
    "text",
    [
        "07700 900123",
        "07700900123",
        "07700 900 123",
        "0161 496 0123",
        "(0113) 496 0456",
        "020 7946 0958",
        "+44 7700 900123",
        "+44 (0)20 7946 0958",
        "+447700900123",
        "0044 20 7946 0999",
        "0300 123 4567",
        "01632-960-001",
    ],
)
def test_uk_phone_numbers(text: str) -> None:
    assert kinds(f"call {text} today") == [("phone", text)]


@pytest.mark.parametrize(
    "text",
    [
        "NHS 111",
        "ring 999",
        "0800 123 4567",
        "at 10:30 and 07:45",
        "12/03/2025",
        "2025-03-12",
        "£1,250,000",
        "v2.3.1",
        "1,200 referrals",
        "bleep 4521",
        "0161 496 01234",
        "07700 9001",
    ],
)
def test_not_phone_numbers(text: str) -> None:
    assert kinds(text) == []


def test_emails() -> None:
    assert kinds("mail j.patel@example.nhs.uk now") == [("email", "j.patel@example.nhs.uk")]
    assert kinds("twitter @NHSEngland, a@b, x@y.z and end.") == []


@pytest.mark.parametrize(
    "code",
    [
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "W1A 0AX",
        "EC1A 1BB",
        "ls6 2qz",
        "L18GH",
        "GIR 0AA",
        "BFPO 1234",
    ],
)
def test_postcodes_of_every_shape(code: str) -> None:
    assert kinds(f"lives at {code}, near the park") == [("postcode", code)]


@pytest.mark.parametrize(
    "text",
    [
        "Ward 5B",
        "Ward B12",
        "Room 3A",
        "Room G.04",
        "B2 1st floor",
        "vitamin B12",
        "the M62",
        "Q3 2025",
        "COVID-19",
        "PM2.5",
        "QA1 1AA",
        "AB12 CD34",
        "at 9 am",
    ],
)
def test_not_postcodes(text: str) -> None:
    assert kinds(text) == []


def test_names_whole_word_full_in_any_case_single_when_capitalised() -> None:
    names = ("Wendy Clark", "Tom", "Will Turner", "Grace")
    assert kinds("wendy clark and WENDY CLARK spoke", names) == [
        ("name", "wendy clark"),
        ("name", "WENDY CLARK"),
    ]
    assert kinds("Tom's idea; tomorrow; tom-tom; Dr Clark", names) == [
        ("name", "Tom"),
        ("name", "Clark"),
    ]
    assert kinds("Will this work? We asked Will.", names) == [("name", "Will")]
    assert kinds("Grace period. Grace Ward. the will to change. Clark Street.", names) == []
    assert kinds("email tom@example.org", names) == [("email", "tom@example.org")]


def test_names_in_fields_that_list_people() -> None:
    assert names_in("Dr Sam Okafor, GP") == ["Sam Okafor"]
    assert names_in("Priya & Tom") == ["Priya", "Tom"]
    assert names_in("Panel") == names_in("Carer") == names_in("TBC") == names_in("table 3") == []
    assert names_in("Siobhán O'Neill (carer)") == ["Siobhán O'Neill"]


def test_redact_keeps_the_rest() -> None:
    text = "Tom said: call 07700 900123 or mail a.b@example.org from LS1 4AB."
    found = find(text, ("Tom",))
    assert redact(text, found) == "[name] said: call [phone] or mail [email] from [postcode]."


def event_with_planted_data() -> EventBundle:
    question = Question(text="What matters?", synthesis="Raised by Priya: ring 07700 900123.")
    table = Group(name="Table 1", facilitator="Priya", note_taker="Tom")
    return EventBundle(
        event=Event(title="Day", summary="Contact a@example.org", venue="Hall, LS1 4AB"),
        speakers=(Speaker(name="Wendy Clark"),),
        questions=(question,),
        groups=(table,),
        themes=(Theme(question_id=question.id, title="Wendy Clark's idea"),),
        notes=(
            Note(
                question_id=question.id,
                group_id=table.id,
                text="Tom lives at M1 1AE",
                attribution="Margaret, 07700 900456",
            ),
        ),
    )


def test_scan_and_redact_a_whole_event() -> None:
    bundle = event_with_planted_data()
    assert people(bundle) == ("Wendy Clark", "Priya", "Tom", "Margaret")
    found = [(f.record, f.field, f.kind.value, f.finding.matched, f.place) for f in scan(bundle)]
    assert found == [
        ("event", "summary", "email", "a@example.org", "Event details"),
        ("question", "synthesis", "name", "Priya", "Question 1"),
        ("question", "synthesis", "phone", "07700 900123", "Question 1"),
        ("theme", "title", "name", "Wendy Clark", "Question 1 · theme “Wendy Clark's idea”"),
        ("note", "text", "name", "Tom", "Question 1 · Table 1"),
        ("note", "text", "postcode", "M1 1AE", "Question 1 · Table 1"),
        ("note", "attribution", "phone", "07700 900456", "Question 1 · Table 1"),
    ]
    clean = redacted(bundle)
    assert clean.questions[0].synthesis == "Raised by [name]: ring [phone]."
    assert clean.notes[0].text == "[name] lives at [postcode]"
    assert clean.notes[0].attribution == "Margaret, [phone]"  # who spoke: --anonymous's job
    assert clean.themes[0].title == "[name]'s idea"
    assert clean.event.venue == bundle.event.venue  # the plan is not scanned
    assert scan(clean) == []
    names_only = redacted(bundle, [Kind.NAME])
    assert names_only.notes[0].text == "[name] lives at M1 1AE"
