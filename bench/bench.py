"""Benchmark: `factcheck validate` against a bare libyaml parse and check-jsonschema.

    .venv/bin/python bench/bench.py            # 1k and 10k claims
    .venv/bin/python bench/bench.py 1000 10000 100000

Generates N synthetic claims from the real dataset's records (ids and tags varied so that every
claim is distinct and valid) in a temporary folder, then runs the contenders in fresh processes,
alternating (round 1: each contender once, round 2: each once again, ...) so that a noisy
moment of the machine falls on all of them alike, and reports for each the median over the
rounds of wall time and CPU time (user + system, children included), peak memory (max RSS),
the memory growth per claim above its smallest run, and the ratio of its wall time to the bare
parse's. check-jsonschema and yamllint are anchors where installed (`pip install -e
'.[bench]'`; yamllint comes with the test extras).

    --rounds K     rounds per size (default 5)
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
top = Path(sys.argv[1])
for path in [top] if top.is_file() else sorted(top.rglob("*.yaml")):
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


def measure(command: list[str], cwd: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak resident MiB (GNU time) and the exit code of one run."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%U %S %M", *command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - start
    user, system, peak_kib = done.stderr.strip().splitlines()[-1].split()
    return wall, float(user) + float(system), int(peak_kib) / 1024, done.returncode


def contenders(folder: Path, n: int) -> list[tuple[str, list[str]]]:
    python, factcheck = str(BIN / "python"), str(BIN / "factcheck")
    runs = [
        ("bare CSafeLoader parse", [python, "-c", BARE, str(folder / "claims")]),
        ("factcheck validate (1 core)", [factcheck, "validate", "-q", "--jobs", "1"]),
        ("factcheck validate (2 cores)", [factcheck, "validate", "-q", "--jobs", "2"]),
    ]
    schema = str(REPO / "schema/claim.schema.json")
    check_jsonschema = shutil.which("check-jsonschema") or str(BIN / "check-jsonschema")
    yamllint = shutil.which("yamllint") or str(BIN / "yamllint")
    if Path(check_jsonschema).exists() and n <= 10_000:
        files = sorted(str(p) for p in (folder / "claims").glob("*.yaml"))
        runs.append(("check-jsonschema", [check_jsonschema, "--schemafile", schema, *files]))
    if Path(yamllint).exists() and n <= 10_000:
        runs.append(("yamllint", [yamllint, "-d", "relaxed", "claims"]))
    return runs


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main(sizes: list[int], rounds: int) -> None:
    # An installed package has its bytecode compiled (pip does it); an editable checkout gets it
    # on its first run, unless PYTHONDONTWRITEBYTECODE is set (as on some CI machines), when
    # every run compiles the validator's 76 modules again: 20 ms of a one-file run that users
    # do not pay. So the bytecode is compiled first, as an installed package has it.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "validator")], check=True)
    print(
        f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; {rounds} rounds; "
        "bytecode compiled"
    )
    print(
        f"{'claims':>8} {'contender':<30} {'wall s':>7} {'cpu s':>7} {'× bare':>7} "
        f"{'peak MiB':>9} {'KiB/claim':>10}"
    )
    first: dict[str, tuple[int, float]] = {}  # each contender's smallest run: the base
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            generate(folder, n)
            runs = contenders(folder, n)
            trials: dict[str, list[tuple[float, float, float, int]]] = {
                name: [] for name, _ in runs
            }
            for _ in range(rounds):
                for name, command in runs:  # alternating: one of each, then again
                    trials[name].append(measure(command, folder))
            bare = median([t[0] for t in trials[runs[0][0]]])
            for name, _ in runs:
                wall = median([t[0] for t in trials[name]])
                cpu = median([t[1] for t in trials[name]])
                peak = median([t[2] for t in trials[name]])
                failed = [t[3] for t in trials[name] if t[3] not in (0, 1)]
                note = f"  (FAILED: exit {failed[0]})" if failed else ""
                n0, p0 = first.setdefault(name, (n, peak))
                growth = f"{(peak - p0) * 1024 / (n - n0):>10.2f}" if n > n0 else f"{'base':>10}"
                print(
                    f"{n:>8} {name:<30} {wall:>7.2f} {cpu:>7.2f} {wall / bare:>7.2f} "
                    f"{peak:>9.1f} {growth}{note}"
                )
    one = REPO / "claims" / "nca-warrant-data-money-recovered-q1-2024.yaml"
    single = [
        ("bare parse, one file", [str(BIN / "python"), "-c", BARE, str(one)]),
        ("factcheck validate, one file", [str(BIN / "factcheck"), "validate", "-q", str(one)]),
    ]
    walls: dict[str, list[float]] = {name: [] for name, _ in single}
    for _ in range(max(rounds, 5)):
        for name, command in single:
            walls[name].append(measure(command, REPO)[0])
    bare_one = median(walls[single[0][0]])
    for name, _ in single:
        wall = median(walls[name])
        print(f"{1:>8} {name:<30} {wall:>7.3f} {'':>7} {wall / bare_one:>7.2f}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    rounds = 5
    if "--rounds" in arguments:
        at = arguments.index("--rounds")
        rounds = int(arguments[at + 1])
        del arguments[at : at + 2]
    main([int(a) for a in arguments] or [1_000, 10_000], rounds)
