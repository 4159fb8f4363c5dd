"""Synthesise the Run mode chimes into resources/sounds/ (stdlib only: math, struct, wave).

    python packaging/make_sounds.py

Both are bell-like: a few inharmonic partials, each dying away at its own rate, after a short
attack so nothing clicks. ``chime-soft.wav`` (nearly time) is one quiet strike;
``chime-clear.wav`` (time's up) is two louder strikes, rising. The output is deterministic, so
the committed files are exactly what this script writes (a test checks it).
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"
#: (frequency ratio, relative level, decay per second) of a small bell's partials.
PARTIALS = ((1.0, 1.0, 2.2), (2.0, 0.45, 3.5), (2.76, 0.22, 5.0), (5.4, 0.08, 8.0))


def strike(frequency: float, seconds: float) -> list[float]:
    """One bell strike, peak 1.0."""
    samples = []
    attack = 0.008 * RATE
    for n in range(int(seconds * RATE)):
        t = n / RATE
        value = sum(
            level * math.exp(-decay * t) * math.sin(2 * math.pi * frequency * ratio * t)
            for ratio, level, decay in PARTIALS
        )
        fade_in = min(1.0, n / attack)
        fade_out = min(1.0, (seconds * RATE - n) / (0.05 * RATE))  # end at silence
        samples.append(value * fade_in * fade_out)
    peak = max(abs(s) for s in samples)
    return [s / peak for s in samples]


def mix(length: float, *parts: tuple[float, float, list[float]]) -> list[float]:
    """Strikes placed at (start seconds, gain, samples) on one track."""
    track = [0.0] * int(length * RATE)
    for start, gain, samples in parts:
        offset = int(start * RATE)
        for n, value in enumerate(samples[: len(track) - offset]):
            track[offset + n] += gain * value
    return track


def write(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", round(max(-1.0, min(1.0, s)) * 32767)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def sounds() -> dict[str, list[float]]:
    """Every chime by file name."""
    soft = mix(1.6, (0.0, 0.3, strike(659.25, 1.6)))  # E5, about -10 dBFS
    clear = mix(
        2.4,
        (0.0, 0.45, strike(783.99, 1.4)),  # G5
        (0.35, 0.5, strike(1046.5, 2.0)),  # C6
    )
    return {"chime-soft.wav": soft, "chime-clear.wav": clear}


def main(folder: Path = OUT) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    for name, samples in sounds().items():
        write(folder / name, samples)
        print(f"{folder / name}: {len(samples) / RATE:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))
