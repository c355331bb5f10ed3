"""Benchmark: `factcheck validate` against a bare libyaml parse and check-jsonschema.

    .venv/bin/python bench/bench.py            # 1k and 10k claims
    .venv/bin/python bench/bench.py 1000 10000 100000

Generates N synthetic claims from the real dataset's records (ids and tags varied so that every
claim is distinct and valid) in a temporary folder, then runs each contender in a fresh process
(the median of three runs up to 10k claims) and reports wall time, peak memory (max RSS) and
the ratio of each time to the bare parse's.
check-jsonschema is run where it is installed (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

BARE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with path.open("rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""


def generate(folder: Path, n: int) -> None:
    (folder / "claims").mkdir(parents=True)
    shutil.copytree(REPO / "sources", folder / "sources")
    templates = [
        p.read_text(encoding="utf-8")
        for p in sorted((REPO / "claims").glob("*.yaml"))
        if "derived_from" not in p.read_text(encoding="utf-8")  # derivations name fixed ids
    ]
    for i in range(n):
        template = templates[i % len(templates)]
        old_id = next(line[4:] for line in template.splitlines() if line.startswith("id: "))
        new_id = f"{old_id}-{i}"
        text = template.replace(f"id: {old_id}", f"id: {new_id}").replace(
            "tags: [", f"tags: [synthetic-{i % 97}, "
        )
        (folder / "claims" / f"{new_id}.yaml").write_text(text, encoding="utf-8")


def peak_of(command: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, the process's peak resident memory in MiB (GNU time), and its exit code."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - start
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return wall, peak_kib / 1024, done.returncode


def main(sizes: list[int]) -> None:
    python = str(BIN / "python")
    factcheck = str(BIN / "factcheck")
    check_jsonschema = shutil.which("check-jsonschema") or str(BIN / "check-jsonschema")
    has_cj = Path(check_jsonschema).exists()
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    print(
        f"{'claims':>8} {'contender':<34} {'wall s':>8} {'× bare':>7} "
        f"{'peak MiB':>9} {'growth KiB/claim':>17}"
    )
    first: dict[str, tuple[int, float]] = {}  # each contender's smallest run: the base
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            generate(folder, n)
            runs = [
                ("bare CSafeLoader parse", [python, "-c", BARE, str(folder / "claims")]),
                ("factcheck validate (1 core)", [factcheck, "validate", "-q", "--jobs", "1"]),
                ("factcheck validate (2 cores)", [factcheck, "validate", "-q", "--jobs", "2"]),
            ]
            if has_cj and n <= 10_000:
                files = sorted(str(p) for p in (folder / "claims").glob("*.yaml"))
                schema = str(REPO / "schema/claim.schema.json")
                runs.append(
                    ("check-jsonschema", [check_jsonschema, "--schemafile", schema, *files])
                )
            bare = None
            repeats = 3 if n <= 10_000 else 1  # the median of three, where that is affordable
            for name, command in runs:
                trials = sorted(peak_of(command, folder) for _ in range(repeats))
                wall, peak, code = trials[len(trials) // 2]
                bare = bare or wall
                note = "" if code == 0 else f"  (FAILED: exit {code})"
                n0, p0 = first.setdefault(name, (n, peak))
                # memory per claim above the base (imports, tables), from the smallest run
                growth = f"{(peak - p0) * 1024 / (n - n0):>17.2f}" if n > n0 else f"{'base':>17}"
                print(
                    f"{n:>8} {name:<34} {wall:>8.2f} {wall / bare:>7.2f} "
                    f"{peak:>9.1f} {growth}{note}"
                )
    one = REPO / "claims" / "nca-warrant-data-money-recovered-q1-2024.yaml"
    single = [("factcheck validate, one file", [factcheck, "validate", "-q", str(one)])]
    if has_cj:
        schema = str(REPO / "schema/claim.schema.json")
        single.append(
            ("check-jsonschema, one file", [check_jsonschema, "--schemafile", schema, str(one)])
        )
    for name, command in single:
        walls = sorted(peak_of(command, REPO)[0] for _ in range(5))
        print(f"{1:>8} {name:<34} {walls[2]:>8.3f}  (median of 5)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000])
