"""Smoke test of the frozen app (standard library only; runs on Linux, Windows and macOS).

    python3 packaging/smoke.py dist/workshop-app          (or the binary, or workshop-app.app)

Checks, one PASS/FAIL line each, exit status 1 if any fails:
  version   ``workshop-app --version`` prints pyproject's version first, then Qt's and more;
  report    the bundled demo JSON -> ``import`` -> .workshop -> ``report`` -> PDF, whose text holds
            the event's title (extracted with pdftotext when installed, else pypdf when this
            Python has it; without either, only the PDF's structure and title metadata);
  resources the PDF embeds the bundled DejaVu fonts, and the chimes are WAV files where
            workshop_app.paths.resource() looks: <bundle>/workshop_app/resources/;
  welsh     ``report --lang cy``: the command answers in Welsh and the PDF has Welsh words and
            a Welsh month (the catalogue and Babel's Welsh data are in the build);
  desktop   (Linux) ``linux/install.sh --prefix`` in the folder installs the menu entry, MIME
            type and icons into a scratch prefix, and its launcher runs this binary;
  window    ``workshop-app --demo`` with QT_QPA_PLATFORM=offscreen stays up 5 s and has made its
            copy of the demo event.
Every run uses a fresh WORKSHOP_APP_HOME in a temporary folder, so nothing of the user's is read.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import wave
from pathlib import Path

NAME = "workshop-app"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
TIMEOUT = 300  # seconds for one command (a cold first start of a frozen app is slow)
UP_FOR = 5.0


def find_binary(target: Path) -> Path:
    if target.is_file():
        return target
    for candidate in (
        target / NAME,
        target / f"{NAME}.exe",
        target / "Contents" / "MacOS" / NAME,
    ):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"smoke.py: error: no {NAME} binary in {target}")


def bundle_root(binary: Path) -> Path:
    """The folder the frozen app unpacks to (sys._MEIPASS): the one holding base_library.zip."""
    top = binary.parent.parent if binary.parent.name == "MacOS" else binary.parent
    for found in sorted(top.rglob("base_library.zip")):
        return found.parent
    raise SystemExit(f"smoke.py: error: {top} is not a PyInstaller build (no base_library.zip)")


def run(binary: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, WORKSHOP_APP_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(binary), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
    )


def pdf_text(pdf: Path) -> tuple[str | None, str]:
    """The PDF's text and how it was read; None when no extractor is available."""
    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, timeout=TIMEOUT
        )
        return out.stdout.decode("utf-8", "replace"), "pdftotext"
    try:
        from pypdf import PdfReader  # type: ignore[import-not-found]
    except ImportError:
        return None, "no pdftotext or pypdf: structure and title metadata only"
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages), "pypdf"


class Smoke:
    def __init__(self, binary: Path, work: Path) -> None:
        self.binary = binary
        self.root = bundle_root(binary)
        self.work = work
        self.failed = 0

    def result(self, name: str, ok: bool, detail: str) -> None:
        self.failed += not ok
        print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)

    def version(self) -> None:
        expected = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
        out = run(self.binary, self.work / "home-version", "--version")
        lines = out.stdout.strip().splitlines() or [""]
        printed = lines[0]
        self.result(
            "version",
            out.returncode == 0
            and printed in (f"{NAME} {expected}", f"{NAME} {expected} (installed build)")
            and any(line.startswith("PySide6 ") and ", Qt " in line for line in lines),
            f"printed {printed!r} and {len(lines) - 1} more lines (exit {out.returncode}), "
            f"pyproject says {expected}"
            + (f"; stderr: {out.stderr.strip()[-300:]}" if out.returncode else ""),
        )

    def report(self) -> Path | None:
        demo = self.root / "workshop_app" / "resources" / "demo" / "demo-event.json"
        if not demo.is_file():
            self.result("report", False, f"the demo JSON is not in the build ({demo})")
            return None
        title = json.loads(demo.read_text(encoding="utf-8"))["event"]["title"]
        home = self.work / "home-report"
        event, pdf = self.work / "demo.workshop", self.work / "demo.pdf"
        for args in (
            ("import", str(demo), "-o", str(event)),
            ("report", str(event), "-o", str(pdf)),
        ):
            out = run(self.binary, home, *args)
            if out.returncode != 0:
                why = (out.stderr or out.stdout).strip()[-500:]
                self.result("report", False, f"'{args[0]}' exited {out.returncode}: {why}")
                return None
        data = pdf.read_bytes()
        text, how = pdf_text(pdf)
        if text is None:
            ok = data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:] and b"/Title" in data
            detail = f"{len(data)} bytes, {how}"
        else:
            ok = " ".join(title.split()) in " ".join(text.split())
            detail = f"{len(data)} bytes; text ({how}) {'has' if ok else 'lacks'} {title!r}"
        self.result("report", ok, detail)
        return pdf

    def welsh(self) -> None:
        """The catalogue and Babel's Welsh data are in the build: a file command speaks Welsh
        (--lang cy), and a report printed in Welsh has Welsh words and a Welsh date."""
        event, pdf = self.work / "demo.workshop", self.work / "demo-cy.pdf"
        out = run(self.binary, self.work / "home-welsh", "report", str(event), "-o", str(pdf),
                  "--lang", "cy")  # fmt: skip
        said = out.stdout.strip()
        text, how = pdf_text(pdf) if pdf.exists() else (None, "no PDF")
        words = ("Crynodeb o’r digwyddiad", "Mehefin")
        found = [w for w in words if text is not None and w in text]
        ok = (
            out.returncode == 0
            and said.startswith("Wedi ysgrifennu")
            and (text is None or found == list(words))
        )
        self.result("welsh", ok, f"said {said[:60]!r}; PDF text ({how}) has {found}")

    def resources(self, pdf: Path | None) -> None:
        data = pdf.read_bytes() if pdf else b""
        fonts = sorted(set(re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([\w-]+)", data)))
        fonts_ok = any(f.startswith(b"DejaVuSans") for f in fonts)
        sounds = sorted((self.root / "workshop_app" / "resources" / "sounds").glob("*.wav"))
        frames = []
        for sound in sounds:
            with wave.open(str(sound), "rb") as w:
                frames.append(w.getnframes())
        sounds_ok = len(sounds) >= 2 and all(frames)
        self.result(
            "resources",
            fonts_ok and sounds_ok,
            f"PDF fonts {[f.decode() for f in fonts]}; "
            f"sounds {[s.name for s in sounds]} under {self.root.name}/workshop_app/resources",
        )

    def desktop(self) -> None:
        """Linux: linux/install.sh in the folder installs the menu entry, file type and icons
        into a scratch prefix, with a launcher that runs this folder's binary."""
        script = self.binary.parent / "linux" / "install.sh"
        if not sys.platform.startswith("linux"):
            return
        if not script.is_file():
            self.result("desktop", False, f"no {script.relative_to(self.binary.parent)}")
            return
        prefix = self.work / "prefix"
        done = subprocess.run(
            ["sh", str(script), "--prefix", str(prefix)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        entries = list((prefix / "share" / "applications").glob("*.desktop"))
        mime = list((prefix / "share" / "mime" / "packages").glob("*.xml"))
        icons = list((prefix / "share" / "icons" / "hicolor").rglob("workshop-app.png"))
        launcher = prefix / "bin" / NAME
        version = (
            run(launcher, self.work / "home-launcher", "--version") if launcher.is_file() else None
        )
        ran = version is not None and version.returncode == 0 and NAME in version.stdout
        self.result(
            "desktop",
            done.returncode == 0 and bool(entries and mime and icons) and ran,
            f"install.sh --prefix: {len(entries)} menu entry, {len(mime)} MIME type, "
            f"{len(icons)} icons, launcher {'runs' if ran else 'FAILED'}"
            + (f"; {done.stderr.strip()[-300:]}" if done.returncode else ""),
        )

    def window(self) -> None:
        home = self.work / "home-window"
        env = dict(os.environ, WORKSHOP_APP_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        log = (self.work / "window.log").open("w+", encoding="utf-8", errors="replace")
        proc = subprocess.Popen([str(self.binary), "--demo"], env=env, stdout=log, stderr=log)
        started = time.monotonic()
        try:
            proc.wait(timeout=UP_FOR)
        except subprocess.TimeoutExpired:
            pass
        alive = proc.poll() is None
        up = time.monotonic() - started
        demo_copies = list((home / "data" / "demo").glob("*.workshop"))
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.seek(0)
        output = log.read().strip()
        log.close()
        ok = alive and bool(demo_copies)
        detail = f"up {up:.1f} s, demo copy {'made' if demo_copies else 'missing'}"
        if not alive:
            detail += f", exited {proc.returncode}"
        if output and not ok:
            detail += f"; output: {output[-500:]}"
        self.result("window", ok, detail)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(f"usage: {Path(__file__).name} FOLDER_OR_BINARY", file=sys.stderr)
        return 2
    binary = find_binary(Path(args[0]).resolve())
    work = Path(tempfile.mkdtemp(prefix="workshop-smoke-"))
    try:
        smoke = Smoke(binary, work)
        print(f"smoke: {binary}", flush=True)
        smoke.version()
        pdf = smoke.report()
        smoke.resources(pdf)
        if pdf is not None:
            smoke.welsh()
        smoke.desktop()
        smoke.window()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"smoke: {'all passed' if not smoke.failed else f'{smoke.failed} failed'}")
    return 1 if smoke.failed else 0


if __name__ == "__main__":
    sys.exit(main())
