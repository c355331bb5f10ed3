"""The example dataset every rule's example starts from, and how an example is laid out.

One source and one clean claim ("£4.8 million ($5.9 million)"); a rule's Example edits the
claim, adds files (with "{claim}" and "{source}" standing for the two records' text, and
"{figure}" as an edit for the claim's quote and figure lines) and may give the source's text.
tests/test_rule_examples.py lays out every example and checks it gives exactly its finding.
"""

from __future__ import annotations

from pathlib import Path

from validator.values.findings import Example, Filler

SOURCE = """\
# yaml-language-server: $schema=../schema/source.schema.json
id: the-article
title: An article with figures
publisher: A Publisher
kind: article
url: https://example.org/article
published: 2024-04-22
"""

CLAIM = """\
# yaml-language-server: $schema=../schema/claim.schema.json
id: money-recovered
claim: Warrant data helped recover £4.8 million in the first quarter of 2024.
quote: "the recovery of £4.8 million ($5.9 million), all between October and December last year"
as_written: "£4.8 million"
value: 4800000
unit: GBP
equivalents:
  - as_written: "$5.9 million"
    value: 5900000
    unit: USD
    converted_on: 2024-04-22
measure: money recovered
period:
  start: 2023-10-01
  end: 2023-12-31
geography: NO
claimant: National Crime Agency
source: the-article
verdict:
  rating: accurate
  explanation: Checked against the article itself.
  checked_against: [the-article]
tags: [money]
"""

# The claim's quote and figure: an example that is about another figure replaces them whole.
FIGURE = (
    'quote: "the recovery of £4.8 million ($5.9 million), '
    'all between October and December last year"\n'
    'as_written: "£4.8 million"\nvalue: 4800000\nunit: GBP\nequivalents:\n'
    '  - as_written: "$5.9 million"\n    value: 5900000\n    unit: USD\n'
    "    converted_on: 2024-04-22"
)
CLAIM_PATH = "claims/money-recovered.yaml"
SOURCE_PATH = "sources/the-article.yaml"
SNAPSHOTS = "snapshots"


def claim_with(edits: tuple[tuple[str, str], ...]) -> str:
    """The example claim with each (old, new) edit made once; an old text must be there."""
    text = CLAIM
    for old, new in edits:
        old = FIGURE if old == "{figure}" else old
        if old not in text:
            raise ValueError(f"an example edits {old!r}, which the example claim does not hold")
        text = text.replace(old, new, 1)
    return text


def lay_out(example: Example, root: Path) -> None:
    """Write the example's dataset under `root`: pyproject.toml naming the snapshot folder
    when the example has one, the two records, and the example's own files."""
    files: dict[str, str | bytes | Filler] = {
        SOURCE_PATH: SOURCE,
        CLAIM_PATH: claim_with(example.edits),
    }
    for path, content in example.files.items():
        if isinstance(content, str):
            content = content.replace("{claim}", CLAIM).replace("{source}", SOURCE)
        files[path] = content
    if example.snapshot is not None:
        files[f"{SNAPSHOTS}/the-article.txt"] = example.snapshot
    if example.snapshot is not None or any(p.startswith(SNAPSHOTS) for p in files):
        files["pyproject.toml"] = f'[tool.factcheck]\nsnapshots = "{SNAPSHOTS}"\n'
    for relative, content in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Filler):
            target.write_bytes(content.content())
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
