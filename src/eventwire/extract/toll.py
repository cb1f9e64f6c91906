"""Death counts and an event's toll: one Death per count read in a sentence, one Toll per event
from the reports of its deaths (groups add up, reports of one group do not, parts never add)."""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.extract.numbers import Count


@dataclass(frozen=True, slots=True)
class Death:
    """One death count in a text: the number, whose deaths, and how it relates to the event."""

    count: Count
    kind: str  # "civilian", "combatant" or "unspecified"
    subset: bool  # a part of another count ("including 5 children")
    cumulative: bool  # a running or historical total, not one event's toll
    start: int  # span of the whole phrase ("killing at least 20 civilians")
    end: int
    # "update" ("the toll rose to 42") or "earlier" ("earlier, the source said 7 were killed"):
    # a toll of an event already reported; "" for a first report
    revision: str = ""
    # "another 120 soldiers", "a further nine people", "nine other civilians": deaths in
    # addition to the event's first-reported toll, not another report of it
    extra: bool = False
    # the counts a coordinated toll sums ("ten children and five women": (10, 5))
    parts: tuple[int, ...] = ()

    @property
    def restated(self) -> bool:
        """A toll of an event already reported (an update or an earlier report)."""
        return bool(self.revision)


@dataclass(frozen=True, slots=True)
class Toll:
    """An event's own toll: best/low/high, civilian deaths, and the phrases it was read from."""

    best: int
    low: int
    high: int | None
    civilians: int | None
    spans: tuple[tuple[int, int], ...]


def _has_whole(part: Death, deaths: Sequence[Death]) -> bool:
    return any(not d.subset and d.start <= part.start <= d.end + 60 for d in deaths)


def reported(reports: Sequence[Death]) -> Count:
    """One count from several reports of the same group's deaths in one event.

    An update ("the toll rose to 42") replaces what came before it and an earlier report
    ("earlier, the source said 7") yields to the others; a vague count ("dozens") yields to
    exact ones. Deaths told as more ("another 120 soldiers", "a further nine") add to the
    report before them. Otherwise the number the article repeats most (headline, lead and body
    agreeing) is its toll, and between numbers reported equally often the first: news leads
    with its main toll, later counts are often a part or a side incident. Low and high span
    the exact reports kept that are rival estimates of it (no less than a third of it)."""
    reports = _with_extras(reports)
    # "kill 10 children 5 women" beside "ten children and five women were killed": a report of
    # one of the groups a fuller report sums is part of it, not a rival count.
    sums = {p for d in reports for p in d.parts if len(d.parts) > 1}
    reports = [d for d in reports if d.parts or d.count.best not in sums] or list(reports)
    # "The toll in one district reached 3" after "40 were killed": a toll lower than one told
    # before it is a part's toll, not an update of the event's.
    reports = [
        d
        for d in reports
        if d.revision != "update"
        or d.count.best >= max((e.count.best for e in reports if e.start < d.start), default=0)
    ]
    updates = [d for d in reports if d.revision == "update"]
    if updates:
        last = max(updates, key=lambda d: d.start)
        kept = [last] + [d for d in reports if d.start > last.start and not d.revision]
    else:
        kept = [d for d in reports if d.revision != "earlier"] or list(reports)
    exact = [d for d in kept if not _vague(d.count)] or kept
    counts = collections.Counter(d.count.best for d in exact)
    first: dict[int, int] = {}
    for d in sorted(exact, key=lambda d: d.start):
        first.setdefault(d.count.best, d.start)
    best = min(counts, key=lambda n: (-counts[n], first[n]))
    # Low and high span the rival estimates: the exact reports no less than a third of the
    # best. A count far below it is a part or a side incident ("killing three" after "killed
    # at least 40"), and a vague "dozens" beside an exact toll is no estimate of its own.
    rivals = [d for d in exact if 3 * d.count.best >= best]
    low = min(d.count.low for d in rivals)
    highs = [d.count.high for d in rivals]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return Count(best, min(low, best), high if high is None else max(high, best), -1, -1)


def _with_extras(reports: Sequence[Death]) -> list[Death]:
    """ "287 fighters were killed ... Another 120 soldiers were also killed": a count told as
    more adds to the report before it, making one report (407); "nine were killed in one
    district, another five in two others" is 14 of a total told before, which stands."""
    out: list[Death] = []
    for d in sorted(reports, key=lambda d: d.start):
        prev = out[-1] if out else None
        if d.extra and not d.revision and prev is not None:
            a, b = prev.count, d.count
            high = None if a.high is None or b.high is None else a.high + b.high
            count = Count(a.best + b.best, a.low + b.low, high, a.start, b.end)
            out[-1] = dataclasses.replace(prev, count=count, end=d.end)
        else:
            out.append(d)
    return out


def _vague(count: Count) -> bool:
    """ "dozens", "several", "scores": a range rather than a number."""
    return count.high is not None and count.high >= 2 * count.best


def combine(deaths: Sequence[Death]) -> Toll | None:
    """One toll from the non-cumulative counts of an event: different groups add up, reports of
    the same group do not (see `reported`), parts ("including 5 children") never add."""
    # One phrase is one report, however many candidates of its sentence carried it.
    own = list({(d.start, d.end, d.count.best): d for d in deaths if not d.cumulative}.values())
    if not own:
        return None
    groups: dict[str, list[Death]] = collections.defaultdict(list)
    for d in own:
        if not d.subset:
            groups[d.kind].append(d)
    civ_sub = max((d.count.best for d in own if d.subset and d.kind == "civilian"), default=0)
    if not groups:  # only parts: the parts are what we know
        for d in own:
            groups[d.kind].append(d)
    by_kind = {kind: reported(reports) for kind, reports in groups.items()}
    parts = [by_kind[k] for k in ("civilian", "combatant") if k in by_kind]
    split_best = sum(c.best for c in parts)
    generic = by_kind.get("unspecified")
    use_generic = (
        generic is not None
        and generic.best >= split_best
        # "Dozens killed" yields to "at least 10 civilians were killed"
        and not (parts and _vague(generic) and not any(_vague(c) for c in parts))
    )
    chosen = [generic] if generic is not None and use_generic else parts
    best = sum(c.best for c in chosen)
    low = sum(c.low for c in chosen)
    highs = [c.high for c in chosen]
    high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
    # "14 of the dead were fighters": the toll is at least its largest part (a part told
    # apart from its whole: "killed 82 people among them 18 children" is a part of 82 only)
    part = max((d.count.best for d in own if d.subset and not _has_whole(d, own)), default=0)
    if part > best:
        best, low = part, max(low, part)
        high = None if high is None else max(high, part)
    civilians: int | None = by_kind["civilian"].best if "civilian" in by_kind else None
    if civ_sub and (civilians is None or civ_sub > civilians):
        civilians = min(civ_sub, best)
    spans = tuple(sorted({(d.start, d.end) for d in own}))
    return Toll(best, low, high, civilians, spans)
