"""Numbered lists on pages that are lists, and the footnotes under a kept list."""

from __future__ import annotations

from eventwire.clean.text import body_mask

_SENTENCE = "Officials said the fighting near the town had killed {} people and wounded many more."
_CALENDAR = [
    "1a etapa: 10 de março – Interlagos",
    "2a etapa: 8 de abril – Curitiba",
    "3a etapa: 22 de abril – Velopark",
    "4a etapa: 6 de maio – Londrina",
]
_NOTE = "* Calendário sujeito a alterações feitas pelo Organizador"
# A sidebar the classifier half believes, five lines under the list: too far for the list
# to count as beside it.
_SIDEBAR = [
    "Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada.",
    "Clique e saiba os horários da TV do GP do Brasil, o 20º da temporada.",
]


def test_a_page_that_is_a_numbered_list_keeps_it() -> None:
    # A race calendar: no sentence the classifier is sure of anywhere on the page.
    lines = ["Calendário da Stock Car 2018", *_CALENDAR, _NOTE]
    lines += ["Share this on WhatsApp", "Tags", "stock car 2018", "Publicidade", *_SIDEBAR]
    probs = [0.0] + [0.05] * 4 + [0.01] + [0.0] * 4 + [0.35, 0.6]
    keep = body_mask(lines, probs)
    assert keep[1:6] == [True] * 5  # the items and their footnote
    assert keep[6:10] == [False] * 4
    # On a page with an article the classifier is sure of, a list far from it stays out.
    sure = [0.0] + [0.05] * 4 + [0.01] + [0.0] * 4 + [0.35, 0.95]
    assert body_mask(lines, sure)[1:6] == [False] * 5


def test_footnotes_under_a_kept_list_are_kept() -> None:
    lines = [_SENTENCE.format("seven"), *_CALENDAR, _NOTE, "Share this on WhatsApp"]
    probs = [0.95, 0.05, 0.05, 0.05, 0.05, 0.01, 0.0]
    assert body_mask(lines, probs) == [True] * 6 + [False]
