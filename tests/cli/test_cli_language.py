"""The command line's language: ``--lang CODE`` before or after the command, the system's by
default, an unknown code refused in one line. Real processes, as a person runs the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app import i18n
from workshop_app.i18n import PSEUDO_CLOSE, PSEUDO_OPEN

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=ROOT,
        env=env,
    )


def _bracketed(line: str) -> bool:
    return line.startswith(PSEUDO_OPEN) and line.rstrip().endswith(PSEUDO_CLOSE)


@pytest.mark.parametrize("where", ["after", "before"])
def test_the_pseudo_locale_brackets_an_error(tmp_path: Path, where: str) -> None:
    missing = tmp_path / "missing.workshop"
    args: list[object] = ["info", missing]
    args = [*args, "--lang", "qps-ploc"] if where == "after" else ["--lang", "qps-ploc", *args]
    result = _run(*args)
    assert result.returncode == 2, result.stderr
    line = result.stderr.strip()
    assert "Traceback" not in line
    assert _bracketed(line), line
    # the file's name is the user's, never accented; the words around it are
    assert "missing.workshop" in line
    assert "There is no file" not in line


def test_the_window_commands_error_is_bracketed_too(tmp_path: Path) -> None:
    result = _run("--lang=qps-ploc", tmp_path / "gone.workshop")
    assert result.returncode == 2
    assert _bracketed(result.stderr.strip()), result.stderr
    assert "gone.workshop" in result.stderr


def test_help_comes_out_in_the_language_and_lists_the_option() -> None:
    english = _run("report", "--help")
    assert english.returncode == 0
    assert "--lang CODE" in english.stdout
    assert "leave out the note list" in english.stdout
    pseudo = _run("report", "--help", "--lang", "qps-ploc")
    assert pseudo.returncode == 0
    assert "leave out the note list" not in pseudo.stdout
    assert i18n.pseudo("leave out the note list")[:20] in pseudo.stdout


def test_an_unknown_language_is_refused_in_one_line(tmp_path: Path) -> None:
    for args in (["--lang", "xx", "--demo"], ["info", tmp_path / "x.workshop", "--lang", "xx"]):
        result = _run(*args)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert lines == ["workshop-app: error: there is no “xx” translation (the app has: cy, en)"]


def test_lang_without_a_code_is_a_usage_error() -> None:
    result = _run("templates", "--lang")
    assert result.returncode == 2
    assert result.stderr.startswith("workshop-app: error: argument --lang")


def test_english_is_unchanged_by_default(tmp_path: Path) -> None:
    result = _run("info", tmp_path / "missing.workshop")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"workshop-app: error: There is no file called “missing.workshop” at {tmp_path}."
    )
    listed = _run("templates")
    assert listed.returncode == 0 and "engagement" in listed.stdout
    assert PSEUDO_OPEN not in listed.stdout


def test_a_count_comes_out_counted_in_the_language(tmp_path: Path) -> None:
    out = tmp_path / "e.workshop"
    assert _run("new", out, "--title", "Day one").returncode == 0
    english = _run("info", out)
    assert "0 notes" in english.stdout
    pseudo = _run("info", out, "--lang", "qps-ploc")
    assert "Day one" in pseudo.stdout  # the user's own words stay as typed
    assert i18n.pseudo("%n notes").replace("%n", "0") in pseudo.stdout


def test_in_process_main_leaves_the_language_as_it_found_it(tmp_path: Path) -> None:
    from workshop_app.cli import main

    before = i18n.app_language()
    assert main(["--lang", "qps-ploc", "info", str(tmp_path / "missing.workshop")]) == 2
    assert i18n.app_language() == before


def test_argparses_own_words_speak_the_chosen_language() -> None:
    """ "usage:", the help's headings and argparse's errors come from the catalogue too, in the
    language --lang chose (argparse alone would read gettext's global domain, in English)."""
    helped = _run("--lang", "cy", "report", "--help")
    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith("defnydd: workshop-app report")
    assert (
        "\nopsiynau:\n" in helped.stdout and "dangos y neges gymorth hon a gadael" in helped.stdout
    )
    refused = _run("--lang", "cy", "report")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "workshop-app: gwall: mae angen yr ymresymiadau canlynol: FILE.workshop, -o/--output "
        "(gweler workshop-app report --help)"
    )
    english = _run("report")
    assert "the following arguments are required: FILE.workshop" in english.stderr
    pseudo = _run("--lang", "qps-ploc", "report", "--help")
    assert "usage:" not in pseudo.stdout and "options:" not in pseudo.stdout
