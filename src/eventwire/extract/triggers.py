"""Trigger lexicon: words and phrases that signal each ACLED sub-event type, and how cues combine.

Written from the definitions in ACLED's public codebook. Each rule is a regular expression over a
sentence with a weight (how specific the cue is); `classify` sums the cues of a sentence and
applies the codebook's precedence (a chemical attack by air is "Chemical weapon", a protest the
police disperse is "Protest with intervention", a capture by state forces is "Government regains
territory", ...).
"""

# ruff: noqa: E501  (the lexicon's regular expressions read better unbroken)

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Rule:
    """One cue: a pattern, the sub-event type (or cue name) it signals, and its weight."""

    cue: str  # a sub-event type, or a context cue such as "protest" or "kill"
    pattern: re.Pattern[str]
    weight: float
    # The same pattern in lower case without IGNORECASE, for case-folded text (about twice as
    # fast); None where part of the pattern minds case ("(?-i:...)").
    folded: re.Pattern[str] | None = None


def _fold(pattern: str) -> str:
    """The pattern in lower case, escapes (\\W, \\S, \\B...) left as they are."""
    return re.sub(
        r"\\.|[^\\]+", lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), pattern
    )


def _r(cue: str, weight: float, *patterns: str) -> list[Rule]:
    rules = []
    for p in patterns:
        pattern = rf"\b(?:{p})\b"
        folded = None if "(?-i" in pattern else re.compile(_fold(pattern))
        rules.append(Rule(cue, re.compile(pattern, _I), weight, folded))
    return rules


_STRIKE = (
    r"air ?strikes?|air[- ]raids?|airstrikes?|air attacks?|"
    r"aerial (?:bombardments?|attacks?|bombings?|raids?)"
)
RULES: list[Rule] = [
    # Explosions/Remote violence
    *_r("Chemical weapon", 3.0,
        r"chemical (?:weapons? )?(?:attacks?|strikes?|shells?|bombs?|munitions|agents?)",
        r"chlorine(?: gas)?|sarin|mustard gas|nerve (?:gas|agents?)|toxic gas(?:es)?|poison(?:ous)? gas",
        r"gas attacks?|used chemical weapons|chemical weapons? (?:use|were used)|gass(?:ed|ing)"),
    *_r("Air/drone strike", 2.2, _STRIKE, r"drone (?:strikes?|attacks?)|drones? (?:struck|hit|targeted)",
        r"(?:war ?planes|planes|jets|aircraft|helicopters?|bombers|fighter jets|drones?|air ?force)"
        r"(?: [\w\"'“”,-]+){0,8}? (?:bombed|struck|pounded|hit|targeted|attacked|shelled|raided|"
        r"dropped|carried out|launched|fired|killed|(?:have|has|had) killed)",
        r"(?:us-led |u\.s\.-led )?coalition(?:'s|s)? (?:strikes|raids)|russian (?:strikes|raids)",
        r"barrel bombs?|bombing raids?|airstrike|air-strikes?|bombed by (?:war ?planes|jets|aircraft)",
        r"(?:russian|syrian|coalition|israeli|us|u\.s\.|turkish|saudi|regime) (?:war ?planes|planes|"
        r"jets|aircraft|air ?force|drones?)"),
    *_r("Suicide bomb", 3.0, r"suicide (?:bomb(?:er|ers|ing|ings|s)?|attacks?|car bomb(?:s|ing)?|"
        r"vests?|belts?|attackers?|truck bomb|blast|explosion|bombers?|operation)",
        r"blew (?:himself|herself|themselves) up|self-detonated|detonated (?:his|her) (?:explosive|"
        r"suicide)|explosive (?:vest|belt)s?"),
    *_r("Shelling/artillery/missile attack", 2.0,
        r"shell(?:ed|ing|s)|artillery|mortars?(?: rounds| shells| fire| attacks?)?|rockets?|"
        r"missiles?|bombard(?:ed|ment|ing)|katyushas?|grad rockets|projectiles|howitzers?|"
        r"tank fire|heavy weapons"),
    *_r("Remote explosive/landmine/IED", 2.0,
        r"(?:roadside|car|truck|motorcycle|motorbike|bicycle|parcel|sticky|magnetic|"
        r"remote[- ]controlled|booby[- ]trapped|time) bombs?",
        r"improvised explosive devices?|ieds?|vbieds?|land ?mines?|mines? (?:exploded|blast)|"
        r"explosive devices?|booby[- ]trap(?:ped|s)?|car bombings?|bomb (?:blast|explosion|attack)s?|"
        r"bombs? (?:exploded|went off|detonated|ripped)|explosions?|blasts?|detonat(?:ed|ion)|"
        r"unexploded ordnance|explosives? (?:went off|exploded)"),
    *_r("Grenade", 2.6, r"(?:hand |stun |rocket[- ]propelled )?grenades?|threw an? (?:grenade|"
        r"explosive)"),
    # Battles
    *_r("Armed clash", 1.8,
        r"clash(?:es|ed|ing)?|(?<!without )fighting|fought|shoot-?outs?|firefights?|gun ?fights?|gun ?battles?|battles?|"
        r"battled|skirmish(?:es|ed)?|exchange[ds]? (?:of )?fire|exchanging fire|engaged",
        r"ambush(?:ed|es)?|repel(?:led)? (?:an |the )?(?:attack|offensive|assault)|"
        r"assault(?:ed)? (?:on )?(?:positions?|checkpoints?|bases?|posts?)|"
        r"(?:attacked|charged|raided|stormed|overran|assaulted|targeted) (?:\w+ ){0,3}?(?:camps?|"
        r"bases?|posts?|positions?|checkpoints?|barracks|outposts?)|"
        r"attack(?:ed|s)? (?:on )?(?:an? |the )?(?:army |military |security |police )?"
        r"(?:positions?|checkpoints?|bases?|posts?|barracks|convoys?|patrols?)",
        r"offensives?|counter-?offensives?|counter-?attacks?|infiltration attempts?|"
        r"street battles|intense fighting|heavy fighting|combat"),
    *_r("territory", 2.2,
        r"(?:re)?captur(?:e|ed|ing)(?! (?:\w+ ){0,4}?(?:weapons|arms|ammunition|pistols|rifles|guns|"
        r"bullets|explosives|suspects?|members?|fighters|militants|soldiers|prisoners|men|him|her|"
        r"them|drugs|vehicles|tanks)|\s+alive)|"
        r"seiz(?:e|ed|ing)(?: control)?(?! (?:\w+ ){0,4}?(?:weapons|arms|ammunition|pistols|rifles|"
        r"guns|bullets|explosives|drugs|vehicles|cash|money|documents|passports|property))|"
        r"took (?:full )?control|"
        r"tak(?:e|en|ing) (?:full )?control|gained control|overr(?:an|un)|stormed|"
        r"(?:took|taken|take) over|fell to|advanced (?:into|in)|entered|"
        r"pushed (?:their way )?into|(?:established|imposed|extended|secured) (?:full |complete |"
        r"total )?control|controll?(?:ing|ed)? (?:over )?the (?:entire|whole)|freed (?:\w+ ){0,2}?"
        r"(?:villages?|towns?|areas?|city|district|neighbou?rhoods?|region)|victory over|"
        r"(?:re)?took (?:the )?(?:town|city|village|area|district|neighbou?rhood|base|airport|hill)",
        r"(?:re)?gain(?:ed)? control|regain(?:ed|ing)?|retak(?:e|en|ing)|retook|recaptur\w+|"
        r"liberat(?:e|ed|ing)|restor(?:ed|ing) (?:full )?control|wrest(?:ed)? control|"
        r"drove (?:out|back)|driven out|expell(?:ed|ing) (?:\w+ ){0,3}?(?:militants|fighters|"
        r"rebels|terrorists|forces|troops|jihadists|insurgents|from)|cleared (?:\w+ ){0,3}?(?:of|"
        r"from) (?:\w+ )?(?:militants|fighters|rebels|terrorists|jihadists|insurgents)|"
        r"recover(?:ed)? control"),
    # Violence against civilians
    *_r("Sexual violence", 3.0, r"rap(?:e|ed|es|ing|ist)|gang-?raped?|sexual(?:ly)? (?:assault|"
        r"abuse|violence|exploitation|slavery)(?:ed)?|sexually assaulted|molest(?:ed|ation)",
        r"abus(?:ed|ing) (?:\w+ ){0,2}?(?:women|girls|boys|children|detainees|prisoners)"),
    *_r("Abduction/forced disappearance", 2.6,
        r"abduct(?:ed|ion|ions|s|ing)?|kidnap(?:ped|ping|pings|s)?|taken hostage|held hostage|"
        r"forcibly disappeared|forced disappearances?|hostages? (?:were )?taken|taken captive"),
    *_r("kill", 1.2, r"killed|killing|kills|shot dead|gunned down|executed|executions?|massacred?|"
        r"beheaded|crucified|murdered|assassinat(?:ed|ion)|stabbed|tortured to death|lynched|slaughtered|"
        r"opened fire|shot and killed|burned alive|died|dead|deaths"),
    *_r("attack", 1.0, r"attack(?:ed|s|ing)?|assault(?:ed|s)?|raid(?:ed|s)?|shooting|shot|"
        r"gunmen|massacre|violence against|targeted|beat(?:en|ing)?|tortur(?:e|ed)"),
    # Protests and riots
    *_r("protest", 2.0, r"protest(?:s|ed|ing|ers|ors)?|demonstrat(?:ion|ions|ors|ed|ing)|"
        r"rall(?:y|ies|ied)|(?-i:[Mm]arch(?:ed|es|ing|ers)|march)|"
        r"human chains?|sit-ins?|vigils?|hunger strikes?|went on strike|"
        r"(?:general|labou?r|workers'?) strikes?|on strike|strikers|picket(?:ed|s)?|walkouts?|"
        r"boycott(?:ed)?|took to the streets|chanting|chanted|placards|banners"),
    *_r("intervention", 1.5, r"tear ?gas|water cannons?|rubber bullets|pepper spray|batons?|"
        r"dispers(?:e|ed|ing)|broke up|cracked down|crackdown|stun grenades|charged at"),
    *_r("excessive", 1.5, r"live (?:ammunition|fire|rounds)|opened fire on (?:the )?"
        r"(?:protesters|demonstrators|crowds?|marchers)|(?:killing|killed|shot dead|shot) "
        r"(?:\w+ )?(?:protesters|demonstrators)|(?:protesters|demonstrators) (?:were )?"
        r"(?:killed|shot dead)"),
    *_r("riot", 2.2, r"riot(?:s|ed|ing|ers)?|(?:threw|throw(?:s|n|ing)?|hurl(?:ed|ing|s)?|"
        r"pelt(?:ed|ing|s)?) (?:\w+ ){0,2}?(?:stones|rocks|bottles|bricks|objects|projectiles|"
        r"petrol bombs|molotov cocktails|firebombs|fireworks)|stone-?throwing|molotov cocktails?|"
        r"petrol bombs?|violent (?:protests?|demonstrations?)|unrest|clashed with (?:the )?police|"
        r"pelted|trash(?:ed|ing)|(?:lit|light|lighting|set) (?:\w+ )?fires|pull(?:ed|ing)? down|"
        r"tore down|broke into|confronted (?:the )?police|rampag(?:ed|ing|e)"),
    *_r("damage", 1.6, r"(?:torched|set fire to|set ablaze|burn(?:ed|t|ing)) (?:\w+ )?(?:cars?|"
        r"vehicles?|tyres|tires|buildings?|police stations?|offices?)|vandali[sz](?:ed|ing)|"
        r"smash(?:ed)? (?:windows|shops)|st(?:ole|olen|eal|ealing)|made away with"),
    *_r("Mob violence", 2.4, r"mob(?:s)?|lynch(?:es|ed|ing|ings)?|vigilantes?|angry crowds?|"
        r"mob justice|mob attack"),
    # Strategic developments
    *_r("Agreement", 2.2, r"cease-?fires?|truces?|peace (?:deal|agreement|accord|talks? "
        r"(?:concluded|agreed))|(?:signed|reached|struck|agreed) (?:an? |the )?(?:\w+ )?"
        r"(?:agreement|deal|accord|pact)|prisoner (?:exchange|swap|release)s?|"
        r"(?:exchange|swap) of prisoners|reconciliation (?:deal|agreement)|evacuation deal|"
        r"surrender deal|agreed to (?:a |an )?(?:ceasefire|truce|withdraw|hand over|release)|"
        r"exchanged (?:\w+ ){0,2}?prisoners|in exchange for|swapped prisoners"),
    *_r("agreement_weak", 1.5, r"agreed to|agreement|deal(?! with)|accords?|signed|peace talks|"
        r"reconciliation|settlement|negotiated"),
    *_r("Arrests", 2.2, r"arrest(?:ed|s|ing)?|detain(?:ed|ing|s)?|detention|taken into custody|"
        r"rounded up|apprehend(?:ed)?|nabbed|captured (?:a |the |two |three )?(?:suspect|member|"
        r"leader|commander)s?|in custody|jailed"),
    *_r("Change to group/activity", 1.6,
        r"(?:has|have|had) been formed|forming|formed|established (?:a |an )?(?:new )?(?:unit|"
        r"organi[sz]ation|group|force|brigade|division|command)|"
        r"merg(?:ed|er|ing)|defect(?:ed|ion|ions|ors)|joined forces|formed (?:a |an )?(?:new )?"
        r"(?:group|alliance|coalition|brigade|militia|force)|disband(?:ed|ing)?|dissolv(?:ed|ing)|"
        r"(?:named|appointed|elected|announced) (?:a |its )?new (?:leader|commander|chief)|"
        r"rebrand(?:ed|ing)?|pledged allegiance|splinter(?:ed)?|split from|"
        r"deploy(?:ed|ment|s)|reinforcements?|curfew|state of emergency|mobili[sz](?:ed|ation)|"
        r"(?:military|troop) build-?up|relocat(?:ed|ion)|recruit(?:ed|ment)|military drills?|"
        r"weapons? tests?|test-?fired|suspend(?:ed)? (?:operations|activities)|"
        r"(?:resumed|halted|suspended) (?:its )?(?:attacks|operations)|convoy (?:arrived|entered)"),
    *_r("Disrupted weapons use", 2.6,
        r"defus(?:ed|ing)|dismantl(?:ed|ing)|(?:thwart|foil|prevent)(?:ed|ing)? (?:an? |the )?"
        r"(?:\w+ )?(?:attack|plot|bombing|attempt)s?|intercept(?:ed|ion|s)?|shot down|"
        r"neutrali[sz](?:ed|ing) (?:an? |the )?(?:\w+ )?(?:bomb|ied|device|explosive|drone|mine)s?|"
        r"(?:seized|confiscated|found|discovered|uncovered) (?:an? |the )?(?:\w+ )?(?:weapons?|"
        r"arms|ammunition|explosives?|caches?|arsenal|depots?|stockpiles?|bombs?|ieds?|rifles|"
        r"guns|grenades|missiles|rockets)|(?:weapons?|arms|ammunition) (?:caches?|depots?|"
        r"stockpiles?)|controlled (?:explosion|detonation)|bomb disposal|safely detonated|"
        r"disarm(?:ed|ing)|de-?mined?|demining|cleared (?:of )?mines|packages? (?:were|was) "
        r"intercepted|interdicted",
        r"suspicious (?:packages?|parcels?|devices?|objects?)|(?:packages?|parcels?) (?:\w+ ){0,6}?"
        r"(?:containing|contained|with) (?:\w+ ){0,3}?(?:explosives?|bombs?|devices?)",
        r"(?:weapons|arms|ammunitions?|firearms|pistols|rifles|guns|bullets|explosives|grenades|"
        r"rockets|missiles|mines|ieds?|munitions|bombs|shells|projectiles|stash|cache)\b[^.;]{0,60}?"
        r"\b(?:were |was |had been |have been |has been )?(?:identified|seized|captured|confiscated|"
        r"found|discovered|recovered|uncovered|intercepted)",
        r"(?:seized|captured|confiscated|found|discovered|recovered|uncovered|unearthed)\b[^.;]{0,60}?"
        r"\b(?:weapons|arms|ammunitions?|firearms|pistols|rifles|bullets|explosives|hideouts?|"
        r"tunnels?|caches?|munitions|depots?|workshops?|bombs|shells|projectiles|stash)"),
    *_r("Headquarters or base established", 2.4,
        r"(?:establish|set up|open|built|build|construct)(?:ed|ing|s)? (?:\w+ ){0,4}?(?:bases?|"
        r"headquarters|hq|outposts?|observation posts?|garrisons?|command centres?|command "
        r"centers?|military posts?|camps?|checkpoints?|barracks|positions)"),
    *_r("Looting/property destruction", 2.0,
        r"loot(?:ed|ing|ers)?|ransack(?:ed|ing)|plunder(?:ed|ing)?|pillag(?:ed|ing|e)|"
        r"(?:burn(?:ed|t)|torch(?:ed)?|set fire to|set ablaze|razed?|destroy(?:ed)?|demolish(?:ed)?|"
        r"bulldoz(?:ed|ing)) (?:\w+ ){0,3}?(?:homes?|houses?|shops?|property|properties|"
        r"buildings?|crops|villages?|farms?|markets?|churches|mosques?|schools?|offices?)"),
    *_r("withdrawal", 1.6, r"withdr(?:ew|awn|awal|aws)|pull(?:ed|s|ing)? (?:out|back)|"
        r"retreat(?:ed|s|ing)?|abandon(?:ed)? (?:their )?positions|redeploy(?:ed|ment)?"),
    *_r("Non-violent transfer of territory", 2.0,
        r"hand(?:ed|s|ing)? (?:over |back )?(?:control|authority)|deserted|unopposed|"
        r"handed over (?:control|the|"
        r"positions|the town)|hand(?:ed)? over (?:control )?(?:of )?(?:the )?(?:town|city|area|"
        r"positions)|handover|surrender(?:ed)? (?:the )?(?:town|city|area|control|positions)|"
        r"without (?:a fight|resistance|fighting)|evacuat(?:ed|ion) of (?:fighters|militants|"
        r"rebels)|(?:fighters|militants|rebels) (?:were )?evacuated"),
]  # fmt: skip

# Cues in a sentence that make it no event of ours (out of scope of ACLED's political violence).
# Accidents and disasters: deaths and blasts next to these are not political violence.
ACCIDENT = re.compile(
    r"\b(?:earthquakes?|floods?|flooding|hurricanes?|cyclones?|typhoons?|tornado(?:es)?|"
    r"landslides?|tsunamis?|wildfires?|forest fires?|storms?|drought|famine|epidemic|outbreak of "
    r"(?:cholera|ebola|measles)|traffic accident|road accident|car crash|plane crash|"
    r"(?:gas|boiler|factory|mine|chemical plant) explosion|industrial accident|"
    r"volcan\w+|crash(?:ed|es)?|collisions?|accident(?:s|al|ally)?|derail\w*|"
    r"fireworks (?:factory|warehouse|explosion|accident)|leak(?:s|age|ed)?|"
    r"snow(?:fall|storms?)?|blizzards?|heat ?waves?|poison(?:ing|ed)|toxins|"
    r"fire ?fighters|ammonium nitrate|warehouse (?:fire|exploded|explosion)|cyanide|"
    r"(?:chemical|industrial) (?:spill|plant|factory)|health and safety)\b",
    _I,
)
# Cues in a sentence that make it no event of ours (out of scope of ACLED's political violence):
# accidents, crime for profit, sport, markets, diplomacy, claims of responsibility.
OUT_OF_SCOPE = re.compile(
    ACCIDENT.pattern + r"|\b(?:claimed responsibility|claims? of responsibility|"
    r"drug (?:traffickers?|cartels?|smuggling|trafficking)|football|match|election results?|"
    r"stock market|elections? (?:was|were) held|"
    r"(?<!accused of )(?:robber(?:y|ies|s)?|thieves|theft|burglar\w*)|"
    r"shoplift\w*|diplomats?|ambassadors?|sanctions|accusations|"
    r"(?:took|takes|take|claimed|claims) credit)\b",
    _I,
)

NON_STATE_HINT = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|fighters|opposition|islamic state|isis|isil|"
    r"daesh|al-?qaeda|al-?nusra|nusra|taliban|shabaab|shabab|boko haram|houthis?|hts|sdf|ypg|"
    r"fsa|pkk|hamas|hezbollah|terrorists?|gunmen|group|militias?)\b",
    _I,
)
STATE_HINT = re.compile(
    r"\b(?:army|troops|soldiers|government forces|regime(?: forces)?|pro-government|security "
    r"forces|military|armed forces|police|loyalist|state forces|forces of)\b",
    _I,
)


@dataclass(frozen=True, slots=True)
class Cue:
    """A rule that fired in a sentence, with its span (offsets index the document text)."""

    cue: str
    start: int
    end: int
    weight: float
    text: str


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Every rule that fires in text[start:end]."""
    sentence = text[start:end]
    lower = sentence.casefold()
    same_offsets = len(lower) == len(sentence)  # case-folding lengthens a few letters ("ß")
    out: list[Cue] = []
    for rule in RULES:
        if same_offsets and rule.folded is not None:
            matches = rule.folded.finditer(lower)
        else:
            matches = rule.pattern.finditer(sentence)
        for m in matches:
            a, b = m.span()
            out.append(Cue(rule.cue, a + start, b + start, rule.weight, sentence[a:b]))
    return out
