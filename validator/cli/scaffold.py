"""`factcheck new` and `factcheck new-source`: a record that validates, from flags or prompts.

The figure's value and unit come from parsing `as_written`, the id from a slug of the claim,
the schema line goes on top, an existing file is never replaced, and the file appears whole.
"""

from __future__ import annotations

import calendar
import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from validator.model.plain import Source
from validator.model.vocabulary import SLUG_PATTERN, SourceKind
from validator.values import figures
from validator.workspace.project import Project, display
from validator.workspace.writing import Exists, write_atomic

Ask = Callable[[str], str]
UNCHECKED = "Not yet checked against a primary source."


class Refused(Exception):
    """The command cannot go on; the message says why and what to do."""


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens, at most `limit` characters, cut only between
    words (a single word longer than the limit is the one thing cut)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        joined = f"{out}-{word}" if out else word
        if len(joined) > limit:
            return out or word[:limit]
        out = joined
    return out


def did_you_mean(answer: str, choices: list[str]) -> str:
    """ "; did you mean 'x'?" for the closest of `choices`, or "" when none is close."""
    near = difflib.get_close_matches(answer, choices, n=1, cutoff=0.6)
    if not near:
        near = [c for c in choices if answer and (answer in c or c in answer)][:1]
    return f"; did you mean '{near[0]}'?" if near else ""


def one_of(choices: list[str], what: str) -> Callable[[str], str]:
    """A check that an answer is one of `choices`, suggesting the nearest when it is not."""

    def check(answer: str) -> str:
        if answer in choices:
            return ""
        suggestion = did_you_mean(answer, choices)
        return f"unknown {what} '{answer}'{suggestion} (one of {_listed(choices)})"

    return check


def _yaml(text: str) -> str:
    # A JSON string is a YAML 1.2 double-quoted scalar; ensure_ascii=False keeps "£" as "£".
    # NEL and the Unicode line and paragraph separators are escaped, since a YAML 1.1 reader
    # takes them for line breaks and would fold them to spaces.
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted.replace("\x85", "\\x85").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@dataclass
class Fields:
    """Answers given as flags, and a way to ask for the rest (None: not in a terminal)."""

    values: dict[str, str | None]
    ask: Ask | None
    asked: bool = False  # whether any answer came from a prompt: then the id may be asked too

    def get(
        self,
        name: str,
        prompt: str,
        *,
        required: bool = True,
        check: Callable[[str], str] | None = None,
    ) -> str:
        flag = "--" + name.replace("_", "-")
        given = self.values.get(name)
        if given is not None:
            problem = _problem(given.strip(), required, check)
            if problem:
                raise Refused(f"{flag}: {problem}")
            return given.strip()
        if self.ask is None:
            if required:
                raise Refused(f"{flag} is required (or run the command in a terminal to be asked)")
            return ""
        self.asked = True
        while True:
            try:
                value = self.ask(prompt).strip()
            except EOFError:
                raise Refused(f"no answer for {flag}") from None
            problem = _problem(value, required, check)
            if not problem:
                return value
            print(f"  {problem}", file=sys.stderr)


def _problem(value: str, required: bool, check: Callable[[str], str] | None) -> str:
    if not value:
        return "an answer is needed" if required else ""
    return check(value) if check else ""


def _as_written(text: str) -> str:
    figure = figures.read(text)
    if isinstance(figure, figures.Figure):
        return ""
    return (
        f"'{text}' does not read as a figure ({figure.reason}); "
        "write it as the source does, e.g. £4.8 million, 92%, around 1,200"
    )


def _value_line(figure: figures.Figure) -> str:
    """The value the figure states; a range or an order of magnitude states none, so the line
    is left for the contributor with the reason, never filled with a guess."""
    if figure.point:
        return f"value: {figures.render(figure.value)}"
    span = figure.interval()
    return (
        f"value:  # as_written states a {figure.form}, [{figures.render(span.low)}, "
        f"{figures.render(span.high)}]: write the value the source gives within it"
    )


def _slug_check(text: str) -> str:
    return "" if re.match(SLUG_PATTERN, text) else "an id is lower-case words joined by hyphens"


def _date_check(text: str) -> str:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return "a date is written YYYY-MM-DD"
    try:
        date.fromisoformat(text)
    except ValueError:
        return "no such day; a date is written YYYY-MM-DD"
    return ""


def _listed(choices: list[str], most: int = 12) -> str:
    shown = ", ".join(choices[:most])
    return shown + (f" and {len(choices) - most} more" if len(choices) > most else "")


def new_claim(project: Project, fields: Fields, sources: list[tuple[str, str]]) -> tuple[Path, str]:
    """Write claims/<id>.yaml; return its path and what to fill in next."""
    known = [s for s, _ in sources]
    if not known:
        raise Refused("no sources yet: add one first with `factcheck new-source`")
    is_known = one_of(known, "source")
    prompted = fields.values.get("source") is None  # a number is an answer to the list only
    if prompted and fields.ask is None:
        raise Refused(
            "--source is required when not in a terminal (or run the command in one to be "
            f"asked): the id of the source the figure appears in, one of {_listed(known)}"
        )
    if prompted:
        for i, (sid, title) in enumerate(sources, 1):
            print(f"  {i}. {sid}  {title}", file=sys.stderr)

    def by_number(answer: str) -> str:
        if answer.isdigit() and answer not in known:
            if 0 < int(answer) <= len(known):
                return ""
            return f"no source number {answer}: give a number from 1 to {len(known)}, or an id"
        return is_known(answer)

    source = fields.get(
        "source", "Source (number or id): ", check=by_number if prompted else is_known
    )
    if prompted and source.isdigit() and source not in known:
        source = known[int(source) - 1]
    quote = fields.get("quote", "Quote (the sentence that carries the figure, verbatim): ")

    def in_quote(text: str) -> str:
        return _as_written(text) or ("" if text in quote else "write the figure as the quote does")

    as_written = fields.get(
        "as_written", "The figure as written (e.g. £4.8 million): ", check=in_quote
    )
    claim = fields.get("claim", "What is claimed, in plain words: ")
    measure = fields.get("measure", "What is counted or measured: ")
    claimant = fields.get("claimant", "Who claims it (not the outlet that printed it): ")
    id_ = _id(fields, slug(f"{claimant} {measure}"), project.claims)
    figure = figures.read(as_written)
    assert isinstance(figure, figures.Figure)  # _as_written checked it
    unit = figure.unit or "count"
    approximate = figure.hedge is not None and figures.HEDGE_KIND[figure.hedge] == "approximate"
    text = "\n".join(
        [
            "# yaml-language-server: $schema=../schema/claim.schema.json",
            f"id: {id_}",
            f"claim: {_yaml(claim)}",
            f"quote: {_yaml(quote)}",
            f"as_written: {_yaml(as_written)}",
            _value_line(figure),
            f"unit: {unit}",
            *(["approximate: true"] if approximate else []),
            f"measure: {_yaml(measure)}",
            f"claimant: {_yaml(claimant)}",
            f"source: {source}",
            "verdict:",
            "  rating: unverifiable",
            f"  explanation: {_yaml(UNCHECKED)}",
            "  checked_against: []",
            "",
        ]
    )
    path = project.claims / f"{id_}.yaml"
    _write(path, text)
    return path, (
        "Next: add the period (period: {start, end}) or as_of date, geography, per (for a rate), "
        "primary_source, and a verdict checked against the primary source "
        f"(`factcheck explain FC609`); then run `factcheck validate {display(path)}`."
    )


def new_source(project: Project, fields: Fields) -> tuple[Path, str]:
    title = fields.get("title", "Title: ")
    publisher = fields.get("publisher", "Publisher: ")
    kinds = [k.value for k in SourceKind]
    kind = fields.get("kind", f"Kind ({', '.join(kinds)}): ", check=one_of(kinds, "kind"))
    published = fields.get("published", "Published (YYYY-MM-DD): ", check=_date_check)
    url = fields.get(
        "url",
        "URL (empty if not known): ",
        required=False,
        check=lambda u: (
            "" if re.match(r"^https?://\S+$", u) else "a URL starts with http:// or https://"
        ),
    )
    author = fields.get("author", "Author (empty if the source names none): ", required=False)
    id_ = _id(fields, slug(f"{publisher} {published} {title}"), project.sources)
    lines = [
        "# yaml-language-server: $schema=../schema/source.schema.json",
        f"id: {id_}",
        f"title: {_yaml(title)}",
        f"publisher: {_yaml(publisher)}",
        f"kind: {kind}",
        f"published: {published}",
        *([f"url: {_yaml(url)}"] if url else []),
        *([f"author: {_yaml(author)}"] if author else []),
        "",
    ]
    path = project.sources / f"{id_}.yaml"
    _write(path, "\n".join(lines))
    return path, (
        "Next: add notes on how the date and text were confirmed; "
        f"then run `factcheck validate {display(path)}`."
    )


def _id(fields: Fields, made: str, folder: Path) -> str:
    """The record's id: --id, or the one made from the answers; in a terminal, asked for when
    the made one is empty or its file exists already."""
    given = fields.values.get("id")
    if given is not None:
        if _slug_check(given):
            raise Refused(f"--id '{given}': {_slug_check(given)}")
        return given
    if made and not (folder / f"{made}.yaml").exists():
        return made
    if fields.ask is None or not fields.asked:  # with flags, nothing is asked
        if not made:
            raise Refused("no id can be made from the answers (no latin letters): give --id")
        return made  # the write refuses it, and says so

    def free(answer: str) -> str:
        if _slug_check(answer):
            return _slug_check(answer)
        if (folder / f"{answer}.yaml").exists():
            return f"{display(folder / (answer + '.yaml'))} exists already: choose another id"
        return ""

    why = "exists already" if made else "cannot be made from the answers"
    print(f"  the id '{made}' {why}", file=sys.stderr)
    return Fields({}, fields.ask).get("id", "Id (lower-case words joined by hyphens): ", check=free)


def _write(path: Path, text: str) -> None:
    try:
        write_atomic(path, text, exclusive=True)
    except Exists:
        raise Refused(f"{path} exists already: choose another --id, or edit that file") from None


# Drafts from a snapshot ---------------------------------------------------------------------

DRAFT_TAG = "draft"
# English month names, not the locale's (calendar.month_name follows the locale).
_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_PERIOD = re.compile(
    r"\b(?:between|from)\s+(?P<first>[A-Z][a-z]+)\s+(?:and|to)\s+(?P<last>[A-Z][a-z]+)"
    r"(?:\s+(?P<year>this year|last year|(?:of\s+)?(?:19|20)[0-9]{2}))?",
)
_PER = re.compile(r"\b(?:every|each|per)\s+(?:single\s+)?(?P<per>day|week|month|quarter|year)\b")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Draft:
    path: Path
    text: str


def drafts(
    project: Project,
    source: Source,
    text: str,
    uncovered: list[tuple[int, int, str]],
) -> tuple[list[Draft], list[str]]:
    """A draft claim for each uncovered figure (start, end, text) of a source's snapshot, and
    a line for each that was not written (its file exists already)."""
    from validator.analysis.snapshots import sentence_around

    written: list[Draft] = []
    skipped: list[str] = []
    taken: set[str] = set()
    pairs = _equivalents(text, uncovered, source.language)
    for i, (start, end, mention) in enumerate(uncovered):
        if i - 1 in pairs:
            continue  # the equivalent of the figure before it: written in that draft
        begin, finish = sentence_around(text, start, end)
        quote = " ".join(text[begin:finish].split())
        as_written = _hedged(text, begin, finish, start, end, mention, source.language)
        tail = uncovered[i + 1][1] if i in pairs else end  # after its equivalent, if any
        words = (w.strip(".,;:()\"'") for w in _WORD.findall(text[tail:finish]))
        after = [w for w in words if w.isalpha()][:4]
        base = slug(f"draft {as_written} {' '.join(after)}") or "draft"
        id_, n = base, 1
        while id_ in taken:
            n += 1
            id_ = f"{base}-{n}"
        taken.add(id_)
        path = project.claims / f"{id_}.yaml"
        if path.exists():
            skipped.append(f"{display(path)} exists already: left as it is")
            continue
        equivalent = uncovered[i + 1][2] if i in pairs else None
        draft = Draft(path, _draft_text(id_, source, quote, as_written, equivalent))
        written.append(draft)
    return written, skipped


def _hedged(
    text: str, begin: int, finish: int, start: int, end: int, mention: str, language: str | None
) -> str:
    """The figure as written, with the hedge the sentence puts before or after it ("around
    1,200", "1,200 or more") where the figure reader reads one there."""
    before = list(_WORD.finditer(text, begin, start))
    after = list(_WORD.finditer(text, end, finish))
    best = mention
    for k in (3, 2, 1):
        if len(before) >= k:
            candidate = " ".join([*(w.group() for w in before[-k:]), mention])
            if _hedge_of(candidate, language):
                return candidate
    for k in (2, 1):
        if len(after) >= k:
            words = [w.group().rstrip(".,;:") for w in after[:k]]
            candidate = " ".join([mention, *words])
            if _hedge_of(candidate, language):
                return candidate
    return best


def _hedge_of(candidate: str, language: str | None) -> bool:
    figure = figures.read(candidate, language)
    return isinstance(figure, figures.Figure) and figure.hedge is not None


def _period(sentence: str, published: date) -> tuple[date, date] | None:
    """The months "between October and December last year" (or "from ... to ..."), where the
    sentence states them; a year not given is the publication's."""
    match = _PERIOD.search(sentence)
    if not match:
        return None
    first, last = match["first"].lower(), match["last"].lower()
    if first not in _MONTHS or last not in _MONTHS:
        return None
    year = published.year
    said = (match["year"] or "").removeprefix("of ").strip()
    if said == "last year":
        year -= 1
    elif said.isdigit():
        year = int(said)
    a, b = _MONTHS.index(first) + 1, _MONTHS.index(last) + 1
    if b < a:
        return None
    return date(year, a, 1), date(year, b, calendar.monthrange(year, b)[1])


def _equivalents(
    text: str, uncovered: list[tuple[int, int, str]], language: str | None
) -> set[int]:
    """The figures followed by the same amount in another currency in brackets, "£4.8 million
    ($5.9 million)": the second is the first's equivalent, not a claim of its own."""
    pairs: set[int] = set()
    for i in range(len(uncovered) - 1):
        (_, end, first), (start, after, second) = uncovered[i], uncovered[i + 1]
        if i - 1 in pairs or not re.fullmatch(r"\s*\(\s*", text[end:start]):
            continue
        if not text[after:].lstrip().startswith(")"):
            continue
        a, b = figures.read(first, language), figures.read(second, language)
        if isinstance(a, figures.Figure) and isinstance(b, figures.Figure):
            units = (a.unit or "", b.unit or "")
            if all(len(u) == 3 and u.isupper() for u in units) and units[0] != units[1]:
                pairs.add(i)
    return pairs


def _draft_text(
    id_: str, source: Source, quote: str, as_written: str, equivalent: str | None = None
) -> str:
    figure = figures.read(as_written, source.language)
    lines = [
        "# yaml-language-server: $schema=../schema/claim.schema.json",
        f"# DRAFT written by `factcheck new --from-snapshot {source.id}`",
        "# from the source's text. `factcheck validate` reports it until a person fills in",
        "# claim, measure, claimant and a verdict checked against the primary source; then",
        "# remove the draft tag. A figure that is not a claim: set it aside in the source.",
        f"id: {id_}",
        "# claim: what is asserted, in plain words",
        f"quote: {_yaml(quote)}",
        f"as_written: {_yaml(as_written)}",
    ]
    if isinstance(figure, figures.Figure):
        lines.append(_value_line(figure))
        lines.append(f"unit: {figure.unit or 'count'}")
        if figure.hedge is not None and figures.HEDGE_KIND[figure.hedge] == "approximate":
            lines.append("approximate: true")
    else:
        lines.append(f"value:  # not read from as_written ({figure.reason}): write it")
        lines.append("unit:  # the unit as_written states: an ISO 4217 code, percent, count, ...")
    other = figures.read(equivalent, source.language) if equivalent else None
    if equivalent and isinstance(other, figures.Figure):
        lines += [
            "equivalents:",
            f"  - as_written: {_yaml(equivalent)}",
            "    " + _value_line(other),
            f"    unit: {other.unit}",
            "    # converted_on: the day of the rate used, if not the source's publication day",
        ]
    period = _period(quote, source.published)
    if period:
        lines += ["period:", f"  start: {period[0]}", f"  end: {period[1]}"]
    per = _PER.search(quote)
    if per:
        lines.append(f"per: {per['per']}")
    lines += [
        f"source: {source.id}",
        "# measure: what is counted or measured",
        "# claimant: who asserts the figure (not the outlet that printed it)",
        "# verdict:",
        "#   rating: accurate, mostly_accurate, outdated, misleading, inaccurate or unverifiable",
        "#   explanation: what the figure was checked against, and what it says",
        "#   checked_against: [the ids of the sources checked]",
        f"tags: [{DRAFT_TAG}]",
        "",
    ]
    return "\n".join(lines)


def write_drafts(found: list[Draft]) -> list[Path]:
    """Each draft written whole, never over a file (one that appeared meanwhile is skipped)."""
    done: list[Path] = []
    for draft in found:
        try:
            write_atomic(draft.path, draft.text, exclusive=True)
        except Exists:
            continue
        done.append(draft.path)
    return done
