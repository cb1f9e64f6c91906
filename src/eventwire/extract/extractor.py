"""EventExtractor: candidates -> ACLED events with place, date, actors, toll, source, evidence."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract import taxonomy as tx
from eventwire.extract.attribution import Source, carried_sources, find_sources, source_names
from eventwire.extract.breakdown import (
    TollSentence,
    distribute,
    join_reports,
    orphan_tolls,
    tolls_of,
)
from eventwire.extract.casualties import Toll, find_deaths
from eventwire.extract.detect import BACKGROUND, Candidate, detect, is_prose, sentences
from eventwire.extract.notes import write_note
from eventwire.extract.placing import (
    Located,
    choose_place,
    dominant_country,
    event_sites,
    folds_into,
    is_background,
    merge,
    past_mentions,
    refers_back,
    restatement,
    restates,
    same_event,
    typed_after,
    updates,
)
from eventwire.extract.recall import after_attack, earlier_period, recalled
from eventwire.extract.retold import chemical_told_days, recalls_attack, told_day
from eventwire.extract.roles import assign_roles
from eventwire.extract.triggers import OUT_OF_SCOPE
from eventwire.models import Actor, Document, Event, Evidence, Place
from eventwire.resolve.actors import ActorLexicon, ActorMention, load_actor_lexicon
from eventwire.resolve.dates import DateChoice, DateMention, choose_event_date, report_date
from eventwire.resolve.geo import PlaceChoice, is_site

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from eventwire.settings import Settings


# Events dated this many days or more before publication are history the article recalls.
HISTORY_DAYS = 31


@dataclass(frozen=True, slots=True)
class Extraction:
    """The events of one article, and notes for the document's errors about events found in
    the text but not kept for a reason the user can fix (no publication date to resolve
    "Friday")."""

    events: tuple[Event, ...]
    notes: tuple[str, ...] = ()


class EventExtractor:
    """Finds the events an article reports. Cheap to build; data loads on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @functools.cached_property
    def lexicon(self) -> ActorLexicon:
        return load_actor_lexicon(self.settings)

    def candidates(
        self, doc: Doc, spans: Sequence[Span] | None = None
    ) -> tuple[list[Candidate], list[ActorMention]]:
        """Typed event candidates before place and date (what the CASE benchmark scores);
        `spans`: the doc's `sentences`, when the caller has them already."""
        mentions = self.lexicon.find(doc)
        return detect(doc, mentions, spans), mentions

    def extract(
        self,
        document: Document,
        doc: Doc,
        places: Sequence[Place],
        dates: Sequence[DateMention],
    ) -> list[Event]:
        """Every event `document` reports, one per real-world happening it describes."""
        return list(self.extract_with_notes(document, doc, places, dates).events)

    def extract_with_notes(
        self,
        document: Document,
        doc: Doc,
        places: Sequence[Place],
        dates: Sequence[DateMention],
    ) -> Extraction:
        """`extract`, plus notes for the document's errors: events that had to be dropped for
        want of a publication date (never given a made-up date)."""
        spans = sentences(doc)
        found, mentions = self.candidates(doc, spans)
        by_span = {(s.start_char, s.end_char): s for s in spans}
        # The countries of the actors ("Syrian troops"); a country's name is counted once,
        # as a place, not again as an actor.
        named = {p.start for p in places}
        countries = [
            m.country for m in mentions if m.country and m.role != "group" and m.start not in named
        ]
        undated: list[Candidate] = []
        located = self._locate(document, found, places, dates, list(by_span), countries, undated)
        # A toll told in a sentence of its own ("the death toll from the strikes was 45").
        located = orphan_tolls(
            located, toll_sentences(document.text, by_span.values(), found, places)
        )
        # Another source's report of an event told before joins it; a total told again as
        # its parts counts each death once.
        located = join_reports(located, document.text)
        tolls = tolls_of(located)
        kept_items = list(zip(*distribute(located, tolls, document.text), strict=True))
        needed = {span for item, _ in kept_items for span in item.sentences}
        sources = {span: find_sources(by_span[span], document.text) for span in needed}
        carried = [
            carried_sources(
                [s for sent in item.sentences for s in sources.get(sent, [])],
                item.sentences,
                by_span,
                document.text,
            )
            for item, _ in kept_items
        ]
        events = [
            self._event(document, item, toll, mentions, found)
            for (item, toll), found in zip(kept_items, carried, strict=True)
        ]
        kept = tuple(e for e in events if e.confidence >= self.settings.min_confidence)
        return Extraction(kept, undated_note(undated, dates))

    def _locate(
        self,
        document: Document,
        found: Sequence[Candidate],
        places: Sequence[Place],
        dates: Sequence[DateMention],
        sentences: Sequence[tuple[int, int]],
        actor_countries: Sequence[str] = (),
        undated: list[Candidate] | None = None,
    ) -> list[Located]:
        text = document.text
        sites = event_sites(places, text)
        # (a dateline, "WASHINGTON (Sputnik) -", or a speaker, "Russia says", is no place of
        # the story)
        dominant = dominant_country([p for p in sites if is_site(p, text)], actor_countries)
        # The day the report was written: its dateline where it opens with one, else the
        # record's publication date (which can be a crawl or update date).
        reported = report_date(text, document.published)
        past = past_mentions(sites, sentences, text, dates)
        told = chemical_told_days(text, dates)
        out: list[Located] = []
        order = {s: i for i, s in enumerate(sentences)}
        for cand in found:
            if is_background(cand, dates):
                continue
            place = choose_place(sites, cand, text, dominant, past)
            if place is None:
                continue  # no place anywhere in the article: not an event we can map
            if place.reason.startswith("document"):
                place = dataclasses.replace(place, geo_precision=3)
            # (a dateline, "8 Jun 2016 Russian air strikes ... on Tuesday", dates the report:
            # the event only where the text gives it no date of its own)
            choice = choose_event_date(dates, cand.clause_start, cand.clause_end, reported)
            # A clause with no date of its own takes its sentence's, as precise, before another
            # sentence's ("US strikes target IS The monitor reported deaths in a strike on
            # Monday"), and any day its sentence gives but a statement's before the dateline's
            # ("beheaded fighters who had surrendered ... last week").
            if not _within(choice.mention, cand.sent_start, cand.sent_end):
                whole = choose_event_date(dates, cand.sent_start, cand.sent_end, reported)
                stamp = choice.mention is None or choice.mention.dateline
                if (
                    whole.mention is not None
                    and _within(whole.mention, cand.sent_start, cand.sent_end)
                    and (
                        whole.time_precision <= choice.time_precision
                        or (stamp and not whole.mention.reporting)
                    )
                ):
                    choice = whole
            # A follow-up report's known attack takes the day the text gives it by name.
            if recalls_attack(text, cand):
                retold_choice = told_day(choice, told, HISTORY_DAYS)
                retold, choice = retold_choice != choice, retold_choice
            else:
                retold = False
            if choice.date is None:  # no date in the text and no publication date
                if undated is not None and not any(_same_sentence(c, cand) for c in undated):
                    undated.append(cand)
                continue
            if reported and (reported - choice.date).days > HISTORY_DAYS:
                continue  # dated a month or more before the report: history, not news
            if after_attack(cand, text, choice):
                continue  # an earlier attack the news came after, dated by the report
            lead_date = out[0].date if out else None
            # (the attack the lead is dated by, retold, is no recall: "87 died in the attack")
            if not (retold and choice.date == lead_date) and recalled(
                cand, text, choice.date, choice.mention, reported, lead_date
            ):
                continue  # an earlier incident recalled as background
            if out and earlier_period(cand, text, dates, reported):
                continue  # "Last month the regime seized ...": told as background
            here = (cand.sent_start, cand.sent_end)
            own_date = choice.mention is not None and cand.sent_start <= choice.mention.start
            prev = out[-1] if out else None
            distance = order.get(here, 0) - order.get(prev.sentences[-1], 0) if prev else 0
            # A toll seen before names the event best; then a weak sentence right after an
            # event; then the same type, place and day.
            target = next((o for o in out if restates(o, cand, place, choice.date, text)), None)
            # "The bombings killed 21", "87 died in the attack": another report of the latest
            # event it can refer to.
            target = target or next(
                (o for o in reversed(out) if refers_back(o, cand, place, choice.date, text)), None
            )
            if target is None and prev and folds_into(cand, prev, place, distance):
                target = prev
            # (and the act told right after a bare "killed" names its weapon)
            if target is None and prev and typed_after(cand, prev, place, choice.date, distance):
                target = prev
            # An updated or earlier-reported toll belongs to the latest event it can be about.
            target = target or next(
                (o for o in reversed(out) if updates(o, cand, place, choice.date)), None
            )
            # (a sentence that names no place is about the latest event of its type)
            seen = reversed(out) if not place.reason.startswith("sentence") else iter(out)
            target = target or next(
                (o for o in seen if same_event(o, cand, place, choice.date, own_date)), None
            )
            target = target or next((o for o in out if restatement(o, cand, place)), None)
            # An incident with its own toll on a day of its own ("On Sunday, raids killed 31
            # ... On Monday, jets struck again") is its own event, unless it tells the same toll.
            if target is not None and not restates(target, cand, place, choice.date, text):
                own_toll = any(not d.cumulative for d in cand.deaths)
                dated = own_date and choice.time_precision == 1
                if own_toll and dated and target.own_date and target.time_precision == 1:
                    target = target if target.date == choice.date else None
            if target is not None:
                merged = merge(target, cand, place, here)
                own = own_date and not _opens_with_day(text, cand.sent_start, choice.mention)
                if target.act is None and _act_day(target, choice, own):
                    # ("Air raids killed 42, a monitor said Friday. Thursday's strikes hit
                    # Douma": the day of the act, not of the report; the first such day
                    # stands, a later sentence's does not replace it)
                    merged = dataclasses.replace(merged, act=choice)
                out[out.index(target)] = merged
                continue
            i = order.get(here, 0)
            previous = sentences[i - 1] if i > 0 else None
            out.append(
                Located(
                    cand,
                    place,
                    choice.date,
                    choice.time_precision,
                    choice.mention,
                    cand.deaths,
                    (here,),
                    previous,
                    own_date,
                )
            )
        return out

    def _event(
        self,
        document: Document,
        item: Located,
        toll: Toll | None,
        mentions: Sequence[ActorMention],
        found_sources: list[Source],
    ) -> Event:
        text = document.text
        cand, place = item.candidate, item.place.place
        if item.act is not None and item.act.date is not None:
            item = dataclasses.replace(
                item,
                date=item.act.date,
                time_precision=item.act.time_precision,
                date_mention=item.act.mention,
            )
        decision = cand.decision
        sub = decision.sub_event_type
        roles = assign_roles(
            cand,
            mentions,
            self.lexicon,
            place.country,
            item.date,
            excluded=[(s.start, s.end) for s in found_sources],
            context=item.previous,
            text=text,
            civilian_victims=bool(toll and toll.civilians),
        )
        evidence = [
            _ev(text, "sub_event_type", decision.trigger.start, decision.trigger.end),
            _ev(text, "event_type", decision.trigger.start, decision.trigger.end),
            _ev(text, "location", place.start, place.end),
        ]
        if item.date_mention is not None:
            m = item.date_mention
            evidence.append(_ev(text, "event_date", m.start, m.end))
        for name, actor in (
            ("actor1", roles.actor1),
            ("assoc_actor_1", roles.assoc1),
            ("actor2", roles.actor2),
            ("assoc_actor_2", roles.assoc2),
        ):
            if actor is not None and actor.start >= 0:
                evidence.append(_ev(text, name, actor.start, actor.end))
        if toll is not None:
            for s, e in toll.spans:
                evidence.append(_ev(text, "fatalities", s, e))
        for src in found_sources:
            evidence.append(_ev(text, "source", src.start, src.end))
        names = source_names(found_sources, text)
        source = "; ".join([*names, *([document.outlet] if document.outlet else [])]) or "Unknown"
        inter2 = roles.actor2.inter if roles.actor2 else None
        fatalities = toll.best if toll else 0
        civilian = toll.civilians if toll else None
        confidence = _confidence(cand, roles.actor1, item.place)
        civ_target = "Civilian targeting" if inter2 == tx.INTER_CIVILIANS else None
        return Event(
            event_id=_event_id(document.id, decision.trigger.start, decision.trigger.end, sub),
            event_date=item.date,
            time_precision=item.time_precision,
            disorder_type=tx.disorder_type(sub),
            event_type=tx.SUB_EVENT_TO_EVENT[sub],
            sub_event_type=sub,
            actor1=roles.actor1.name,
            assoc_actor_1=roles.assoc1.name if roles.assoc1 else None,
            inter1=roles.actor1.inter,
            actor2=roles.actor2.name if roles.actor2 else None,
            assoc_actor_2=roles.assoc2.name if roles.assoc2 else None,
            inter2=inter2,
            interaction=tx.interaction(roles.actor1.inter, inter2),
            civilian_targeting=civ_target,
            country=place.country,
            iso=place.iso or 0,
            admin1=place.admin1,
            admin2=place.admin2,
            location=place.name,
            latitude=place.latitude,
            longitude=place.longitude,
            geo_precision=item.place.geo_precision,
            source=source,
            notes=write_note(
                date=item.date,
                sub_event_type=sub,
                actor1=roles.actor1.name,
                actor2=roles.actor2.name if roles.actor2 else None,
                location=place.name,
                admin1=place.admin1,
                country=place.country,
                trigger=decision.trigger.text,
                fatalities=fatalities,
                civilian_fatalities=civilian,
            ),
            fatalities=fatalities,
            fatalities_low=toll.low if toll else 0,
            fatalities_high=toll.high if toll else 0,
            civilian_fatalities=civilian,
            confidence=confidence,
            evidence=tuple(dict.fromkeys(evidence)),
        )


def toll_sentences(
    text: str, spans: Iterable[Span], found: Sequence[Candidate], places: Sequence[Place]
) -> list[TollSentence]:
    """The sentences that tell deaths but gave no candidate (no event word of their own), in
    text order: prose, or the text's first line (a headline), neither background nor out of
    scope (a disaster's toll)."""
    out: list[TollSentence] = []
    taken = {(c.sent_start, c.sent_end) for c in found}
    seen: list[tuple[int, int]] = []
    for i, span in enumerate(spans):
        here = (span.start_char, span.end_char)
        before, seen = tuple(seen[-2:]), [*seen[-1:], here]
        # (such a sentence was not parsed: no part-of-speech test, a full stop instead)
        ends = text[here[0] : here[1]].rstrip()[-1:] in {".", "!", '"', "”"}
        if here in taken or not (is_prose(span, single_line=True) and (i == 0 or ends)):
            continue
        if BACKGROUND.search(text[here[0] : here[1]]) or OUT_OF_SCOPE.search(
            text[here[0] : here[1]]
        ):
            continue
        deaths = tuple(find_deaths(text, *here))
        if not deaths:
            continue
        regions = tuple(p.admin1 for p in places if here[0] <= p.start < here[1] and p.admin1)
        out.append(TollSentence(here, deaths, regions, before))
    return out


# How many days before the report's day a later sentence's own day can date its event.
DAYS_BEFORE_REPORT = 7


def _act_day(target: Located, choice: DateChoice, own_date: bool) -> bool:
    """Whether a sentence folded into an event gives the day of the act, where the event has
    only the day of the report (no date in its sentence, a dateline, or "a monitor said
    Friday"): a day of the sentence's own, that day or in the week before it ("Thursday's air
    strikes" in a Friday report; "killed two people on Sunday" under "AFP Sunday 6 Apr 2014",
    which confirms the day)."""
    if not _stamped(target) or not _acts_day(choice, own_date) or choice.date is None:
        return False
    return 0 <= (target.date - choice.date).days <= DAYS_BEFORE_REPORT


# A sentence opened by its day sets a scene of its own ("On Saturday mortar rounds struck near
# the embassy", "Last night army units clashed ..."): another incident more often than a
# detail of the event it follows. (A day's possessive, "Thursday's air strikes", refers back.)
_DAY_OPENING = re.compile(
    r"^\W*(?:(?:also|and|but|meanwhile|earlier|later|then|separately)\W+)?"
    r"(?:(?:late|early)\s+)?(?:on|by|in|during|overnight|since)?\s*$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:['’]s|s)\b", re.IGNORECASE)


def _opens_with_day(text: str, sent_start: int, mention: DateMention | None) -> bool:
    """Whether the sentence opens with the day it gives (see _DAY_OPENING)."""
    if mention is None or mention.start < sent_start:
        return False
    possessive = mention.text.endswith(("'s", "’s", "days")) or _POSSESSIVE.match(
        text[mention.end : mention.end + 3]
    )
    return bool(_DAY_OPENING.match(text[sent_start : mention.start])) and not possessive


def _stamped(event: Located) -> bool:
    """The event's day is only the report's: no date in its sentence, a dateline, or the day
    a source spoke ("a monitor said Friday")."""
    mention = event.date_mention
    return not event.own_date or mention is None or mention.dateline or mention.reporting


def _acts_day(choice: DateChoice, own_date: bool) -> bool:
    """The day a sentence gives for the act itself: its own, a single day, not a report's."""
    told = choice.mention
    return (
        own_date
        and told is not None
        and not told.reporting
        and not told.dateline
        and choice.time_precision == 1
    )


def _within(mention: DateMention | None, start: int, end: int) -> bool:
    return mention is not None and start <= mention.start < end


def _same_sentence(a: Candidate, b: Candidate) -> bool:
    return (a.sent_start, a.sent_end) == (b.sent_start, b.sent_end)


def undated_note(undated: Sequence[Candidate], dates: Sequence[DateMention]) -> tuple[str, ...]:
    """ "2 events not kept: no publication date to resolve 'Friday' (pass --published)"."""
    if not undated:
        return ()
    words = dict.fromkeys(
        m.text
        for c in undated
        for m in dates
        if m.date is None and c.sent_start <= m.start < c.sent_end
    )
    n = len(undated)
    what = f"{n} event{'s' if n > 1 else ''} not kept: no publication date"
    if words:
        what += " to resolve " + ", ".join(f"'{w}'" for w in words)
    else:
        what += " and no date in the text"
    return (f"{what} (pass --published)",)


def _ev(text: str, field: str, start: int, end: int) -> Evidence:
    return Evidence(field, start, end, text[start:end])


def _event_id(doc_id: str, start: int, end: int, sub: str) -> str:
    digest = hashlib.sha1(f"{doc_id}\x1f{start}:{end}\x1f{sub}".encode()).hexdigest()
    return f"ew-{digest[:16]}"


def candidate_confidence(cand: Candidate) -> float:
    """How sure the typing is, before place and actors are known (0..1).

    A little less sure further down the text: news leads with its main event."""
    score = 0.55 + 0.45 * cand.decision.score - 0.02 * min(cand.position, 5)
    if cand.hedged:
        score -= 0.1
    return round(max(0.0, min(1.0, score)), 3)


def _confidence(cand: Candidate, actor1: Actor, place: PlaceChoice) -> float:
    score = 0.55 + 0.45 * cand.decision.score
    if actor1.start < 0:
        score -= 0.08
    if place.reason.startswith("document"):
        score -= 0.1
    if cand.hedged:
        score -= 0.1
    return round(max(0.0, min(1.0, score)), 3)
