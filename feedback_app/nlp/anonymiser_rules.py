"""What has a regular shape, in any case: contacts and numbers, dates, ages, and places (streets
with or without a number, estates, schools, hospitals, surgeries, centres, teams, clubs, Traveller
sites, neighbourhoods and home towns). Each rule gives (start, end, label); anonymiser.py picks
the placeholder.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .given_names import LATIN_NAMES, SCRIPT_FAMILY_NAMES, SCRIPT_NAMES
from .story_language import DATE_LEADS, ENGLISH_DAYS, LANGUAGES, WEEKDAYS

_GIVEN_NAMES = LATIN_NAMES

_I = re.IGNORECASE

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAYS = rf"(?:{ENGLISH_DAYS})"  # matched in any case
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                "fifteen sixteen seventeen eighteen nineteen twenty").split()
_NUMBER_WORDS = "(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_AGE_NUMBER = rf"(?:\d{{1,2}}|{_NUMBER_WORDS})(?:\s+and\s+a\s+half)?"
_AGE_LIST = rf"{_AGE_NUMBER}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){_AGE_NUMBER}){{0,3}}"
_UNIT = r"(?:years?|yrs?|months?|mths?|weeks?|wks?|days?)"

# Postcode areas of the UK, so "S47" (a section of the Children Act) is not a postcode.
_AREAS = ("AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN "
          "DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY "
          "L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S "
          "SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR "
          "WS WV YO ZE").split()
_AREA = "(?:" + "|".join(sorted(_AREAS, key=len, reverse=True)) + ")"

# A word of a name in any case ("Lyme", "gaisford", "O'Brien", "Şükrü", "st.").
_WORD = r"[^\W\d_](?:[^\W\d_]|['’](?=[^\W\d_])|-(?=[^\W\d_]))*"
_STREET_TYPES = (r"(?:road|rd|street|st|lane|ln|avenue|ave|close|cl|way|drive|dr|gardens|gdns|place|pl|"
                 r"crescent|cres|terrace|ter|court|grove|hill|square|sq|row|mews|walk|rise|parade|green|"
                 r"vale|view|park|yard|gate|passage|circus)")
_LATIN_DOTTED = re.compile(r"(?<![\w@./:-])[a-z0-9_]{2,}(?:\.[a-z0-9_]{2,})+(?![\w@/]|\.\w)")
_WEB_ENDINGS = set("com org net uk gov nhs info co io me edu ac".split())
_LATIN_STREET = re.compile(rf"(?<![A-Za-z])(?:\d{{1,4}}[A-Za-z]?,?\s*)?[A-Z][A-Za-z'’-]+(?:\s+(?:of|the|[A-Z][A-Za-z'’-]+))*"
                          rf"\s+(?i:{_STREET_TYPES}|estate)(?![A-Za-z])(?:,?\s*\d{{1,4}}[A-Za-z]?(?:号|번지)?)?")
# Without a house number, a street type that is also an everyday word ("the park", "on the green")
# needs a name before it that is not an everyday word.
_PLAIN_STREET_TYPES = r"(?:road|rd|street|st|lane|ln|avenue|ave|close|crescent|terrace|gardens|mews|grove|square|parade)"

# Words before a street, school or estate that are not its name: "down the street", "our school".
SMALL_WORDS = set("""
    the a an our my his her their your its this that these those same next main busy quiet local
    little big long short small new old nice other one side back front dead every each any some no
    at in on to of from by near around off down up along across past into onto through behind over
    under and or but so then when while where there here is was were are be been being have has had
    do did does go went going come came live lived living lives moved move stay stayed staying
    housing council primary secondary nursery high junior infant infants special private state
    catholic church faith free grammar boarding new his whole lovely great good bad first last
    we i he she they you it me him us them school sixth form college work works worked working
    same kids children child son daughter boy girl mum dad family his hers him home walked walk
    drive drove took take taking round get got via way just only also even still with without
    for about after before because since until than like as if not very really too be street
    road lane estate hospital club team site park centre center surgery library office
    family youth crown county magistrates court
    worker workers manager teacher nurse doctor visitor officer advocate chair interpreter staff
    brought bring took gave got sent said told helped found called rang met saw knew asked needed
    """.split())


# Small words that a name never has inside it ("Maiden Lane Estate" may have "lane").
_BOUNDARY = SMALL_WORDS - set("road lane estate hospital club team site park centre center surgery library office "
                              "street court family youth crown county high new old great little big green "
                              "church the of and on upon".split())


def _common(word: str) -> bool:
    """An everyday English word (so not, by itself, the name of a street or a person)."""
    return _zipf(word.lower(), "en") >= 4.6


@lru_cache(maxsize=65536)
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


def zipf(word: str, language: str = "en") -> float:
    return _zipf(word.lower(), language)


_JOINERS = {"of", "and", "the", "on", "upon", "de", "la", "y"}


def _name_before(text: str, start: int, end: int, *, strict: bool, english: bool = True) -> tuple[int, int] | None:
    """Where the name in text[start:end] begins: after the last small word ("goes to Brecknock"
    → "Brecknock"; "Prince of Wales" keeps its "of"); None if nothing but small words is left,
    or if the name is only everyday words in lower case ("a long drive")."""
    words = [w.group(0) for w in re.finditer(_WORD + r"|\d+[a-z]?", text[start:end])]
    spans = list(re.finditer(_WORD + r"|\d+[a-z]?", text[start:end]))

    def bare(word: str) -> str:
        return re.sub(r"['’]s$", "", word.lower()).strip("'’")

    def boundary(i: int) -> bool:
        word = bare(words[i])
        if word not in _BOUNDARY and word not in _JOINERS:
            return False
        joined = word in _JOINERS and 0 < i < len(words) - 1 and words[i - 1][0].isupper() and words[i + 1][0].isupper()
        return not joined

    first = 0
    for i in range(len(words)):
        if boundary(i) or (i == first and bare(words[i]) in SMALL_WORDS):
            first = i + 1
    # A lower-case name starts with a word that is not an everyday one ("the support worker
    # brought food bank vouchers" names no food bank; "kentish town boxing club" does).
    while first < len(words) and not words[first][0].isupper() and (_common(words[first]) or not english):
        if english and first + 1 < len(words) and bare(words[first]) in _GIVEN_NAMES \
                and not _common(words[first + 1]):
            break  # a school named after a person: "richard cobden primary", "william ellis school"
        first += 1  # in another language's story only a capitalised name counts ("va al colegio Brecknock")
    if not english:
        # ... and only the capitalised words next to the place word: "Waxaan ku noolahay Lyme
        # Street" names "Lyme Street", "Mieszkaliśmy przy Plender Street" "Plender Street".
        last = first
        for i in range(len(words) - 1, first - 1, -1):
            if not (words[i][0].isupper() or (bare(words[i]) in _JOINERS and i > first)):
                break
            last = i
        first = max(first, last)
        while first < len(words) and not words[first][0].isupper():
            first += 1
    if first >= len(words):
        return None
    return start + spans[first].start(), end


def _named(pattern: str, label: str, *, strict: bool = False, flags=_I):
    """A rule for "<name words> <kind word>": the name is checked by _name_before."""
    return (label, re.compile(rf"\b((?:{_WORD}\s+){{1,4}}?)(?:{pattern})\b", flags), strict)


# Hospitals children in Camden are sent to, by the names families use.
_HOSPITALS = (r"great\s+ormond\s+st(?:reet)?|gosh|royal\s+free|whittington|ucl?h|north\s+mid|university\s+college\s+"
              r"hospital|st\.?\s+pancras\s+hospital|st\.?\s+mary'?s|homerton|north\s+middlesex|royal\s+london|"
              r"st\.?\s+thomas'?s?|guy'?s|king'?s\s+college\s+hospital|evelina|tavistock|portman\s+clinic|"
              r"chelsea\s+and\s+westminster|barnet\s+general|northwick\s+park|st\.?\s+george'?s|lister|"
              r"the\s+london\s+clinic")
# Neighbourhoods of Camden and around, which on their own narrow a family down.
NEIGHBOURHOODS = (r"kentish\s+town|gospel\s+oak|somers\s+town|kilburn|west\s+hampstead|hampstead|belsize\s+park|"
                  r"belsize|chalk\s+farm|primrose\s+hill|camden\s+town|king'?s\s+cross|kings\s+x|euston|"
                  r"holborn|bloomsbury|st\.?\s+pancras|swiss\s+cottage|tufnell\s+park|archway|holloway|"
                  r"highgate|fitzrovia|regent'?s\s+park|mornington\s+crescent|fortune\s+green|"
                  r"west\s+end\s+lane|south\s+end\s+green|dartmouth\s+park|agar\s+town|queen'?s\s+crescent|"
                  r"maiden\s+lane|covent\s+garden|finchley|cricklewood|islington|hackney|brent|tottenham|"
                  r"edmonton|walthamstow|stratford|lewisham|peckham|brixton|croydon|harrow|wembley|"
                  r"southall|ilford|barking|dagenham|enfield|haringey|wood\s+green|finsbury\s+park|"
                  r"whitechapel|bethnal\s+green|tower\s+hamlets|luton|watford|slough")
# Home towns abroad and elsewhere in these islands that families name; countries stay.
HOME_TOWNS = (r"hargeisa|hargeysa|mogadishu|muqdisho|burao|burco|kismayo|kismaayo|bosaso|boosaaso|berbera|"
              r"beledweyne|baidoa|galkayo|garowe|borama|sylhet|dhaka|chittagong|chattogram|moulvibazar|"
              r"sunamganj|habiganj|beanibazar|balaganj|golapganj|bishwanath|comilla|asmara|asmera|keren|"
              r"massawa|mendefera|adi\s+keyih|addis\s+ababa|gondar|mekelle|lagos|enugu|ibadan|abuja|kano|"
              r"onitsha|owerri|benin\s+city|port\s+harcourt|abeokuta|aba|nnewi|kumasi|accra|cluj|iasi|iași|"
              r"craiova|constanta|constanța|timisoara|timișoara|suceava|bacau|bacău|galati|galați|brasov|"
              r"brașov|botosani|botoșani|vaslui|diyarbakir|diyarbakır|gaziantep|mardin|maraş|maras|"
              r"kahramanmaraş|elbistan|pazarcık|pazarcik|malatya|adıyaman|adiyaman|urfa|şanlıurfa|erzurum|"
              r"dersim|tunceli|sivas|kayseri|konya|izmir|erbil|hewler|hawler|sulaymaniyah|slemani|kirkuk|"
              r"duhok|qamishli|qamishlo|kobani|kobane|afrin|aleppo|homs|hama|idlib|daraa|raqqa|krakow|"
              r"kraków|gdansk|gdańsk|wroclaw|wrocław|lodz|łódź|poznan|poznań|lublin|rzeszow|rzeszów|"
              r"bialystok|białystok|katowice|szczecin|kielce|olsztyn|tarnów|tarnow|caernarfon|bangor|"
              r"aberystwyth|pwllheli|llanelli|carmarthen|caerfyrddin|wrexham|galway|limerick|mullingar|"
              r"tuam|ennis|athlone|sligo|letterkenny|dundalk|drogheda|kabul|herat|jalalabad|mazar|"
              r"tirana|durres|durrës|elbasan|shkoder|shkodër|vlore|vlorë|braga|porto|funchal|setubal|"
              r"setúbal|guimarães|guimaraes|medellin|medellín|cali|guayaquil|cuenca|loja|oran|annaba|"
              r"constantine|tizi\s+ouzou|casablanca|tangier|fes|marrakech|kinshasa|lubumbashi|"
              r"sylhet\s+town")
# The same, as families write them in Arabic, Bengali and Chinese.
NATIVE_HOME_TOWNS = {
    # Cities and towns of Syria, Iraq, Yemen, Sudan, Somalia, Eritrea, Morocco, Algeria, Egypt, Libya,
    # Palestine, Lebanon, Jordan and Afghanistan; "_" joins a name of two words. Left out: towns
    # whose name is also an everyday word ("الباب" the door, "تدمر" destroys, "دوما" always).
    "ar": "حلب دمشق حمص حماة إدلب ادلب درعا الرقة القامشلي عفرين كوباني اللاذقية طرطوس دير_الزور "
          "السويداء الحسكة منبج جبلة بانياس القنيطرة داريا الزبداني جرابلس سراقب معرة_النعمان "
          "بغداد الموصل أربيل اربيل البصرة كركوك السليمانية النجف كربلاء الفلوجة الرمادي تكريت سامراء "
          "دهوك الناصرية بعقوبة الديوانية سنجار صنعاء عدن تعز الحديدة المكلا ذمار مأرب صعدة "
          "الخرطوم أم_درمان بورتسودان كسلا نيالا الفاشر عطبرة ود_مدني مقديشو هرجيسا كيسمايو بوصاصو "
          "بربرة بيدوا أسمرة اسمرة أسمرا اسمرا مصوع كرن الدار_البيضاء الرباط فاس مراكش طنجة مكناس "
          "أكادير اكادير تطوان الناظور وهران قسنطينة عنابة سطيف تلمسان البليدة باتنة القاهرة "
          "الإسكندرية الاسكندرية الجيزة أسيوط المنصورة طنطا الأقصر أسوان بورسعيد السويس الزقازيق "
          "طرابلس بنغازي مصراتة سبها درنة خانيونس خان_يونس رفح نابلس الخليل جنين رام_الله بيت_لحم "
          "طولكرم بيروت صيدا بعلبك زحلة النبطية الزرقاء إربد اربد العقبة المفرق كابل هرات قندهار "
          "مزار_شريف جلال_آباد",
    "bn": "সিলেট ঢাকা চট্টগ্রাম মৌলভীবাজার সুনামগঞ্জ হবিগঞ্জ বিয়ানীবাজার বিশ্বনাথ বালাগঞ্জ গোলাপগঞ্জ কুমিল্লা নোয়াখালী",
    # Prefecture-level cities and the counties families in London most often come from.
    "zh_Hans": "福州 长乐 福清 连江 平潭 莆田 泉州 漳州 宁德 三明 南平 龙岩 温州 青田 文成 瑞安 乐清 丽水 台州 "
               "宁波 绍兴 金华 义乌 嘉兴 湖州 衢州 台山 开平 恩平 鹤山 江门 广州 深圳 上海 北京 天津 沈阳 "
               "大连 哈尔滨 长春 吉林 成都 重庆 武汉 南京 杭州 苏州 无锡 常州 徐州 扬州 南通 厦门 汕头 潮州 "
               "揭阳 梅州 湛江 茂名 惠州 珠海 肇庆 香港 澳门 东莞 佛山 中山 济南 青岛 烟台 潍坊 郑州 洛阳 "
               "长沙 南昌 合肥 昆明 贵阳 南宁 桂林 海口 三亚 西安 兰州 西宁 银川 太原 石家庄 保定 唐山 "
               "呼和浩特 乌鲁木齐 拉萨 台北 高雄 台中",
}
# Month names after a preposition, where the language declines them: Polish "w marcu".
MONTHS_IN = {
    "pl": "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku listopadzie grudniu",
    # Welsh months after "o" or "ym mis" take the soft mutation: "5ed o Fawrth", "ym mis Fedi".
    "cy": "fawrth fai fehefin orffennaf fedi dachwedd",
}
_YEAR = r"((?:19|20)\d{2}|[١٢][٠-٩]{3}|[১২][০-৯]{3})"
# Words before (or, in Turkish, Bengali and Chinese, after) a year that say when: each story
# language's "since", "in", "until", "from".
YEAR_CUES = {
    "es": rf"(?<!\w)(?:desde|en|hasta|año|del|de)\s+(?:el\s+)?(?:año\s+)?{_YEAR}(?![\d/.-])",
    "fr": rf"(?<!\w)(?:depuis|en|jusqu['’]en|année|de)\s+(?:l['’]année\s+)?{_YEAR}(?![\d/.-])",
    "pt": rf"(?<!\w)(?:desde|em|até|ano\s+de|de)\s+(?:o\s+ano\s+(?:de\s+)?)?{_YEAR}(?![\d/.-])",
    "pl": rf"(?<!\w)(?:od|w|do|roku|z)\s+(?:roku\s+)?{_YEAR}(?![\d/.-])",
    "tr": rf"(?<!\w){_YEAR}(?=['’](?:den|dan|ten|tan|de|da|te|ta|e|a|ye|ya)\b|\s+(?:yılında|yılından|yılı|senesinde)\b)",
    "cy": rf"(?<!\w)(?:ers|yn|tan|hyd|o)\s+{_YEAR}(?![\d/.-])",
    "so": rf"(?<!\w)(?:tan\s+iyo|ilaa|sanadkii|sannadkii|sanadka|sannadka|laga\s+soo\s+bilaabo|ee)\s+{_YEAR}(?![\d/.-])",
    "ar": rf"(?:منذ|في|حتى|عام|سنة|من)\s+(?:عام\s+|سنة\s+)?{_YEAR}",
    "bn": rf"{_YEAR}(?=\s*(?:সাল|থেকে))(?:\s*(?:সালের|সালে|সাল))?",
    "zh_Hans": r"((?:19|20)\d{2}|[一二][〇零九一二三四五六七八]{3})年",
}
_PLACE_NOUNS = (r"(?:village|town|city|district|region|province|area|neighbourhood|island)")

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|"
                  r"org\.uk|gov\.uk|uk|io)(?:/[^\s<>\"]*)?", _I)

# (label, pattern, strict): a pattern with a group replaces only its first group.
_SHAPES: list[tuple[str, re.Pattern]] = [
    ("EMAIL", re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")),
    ("URL", _URL),
    # In any script: "@卡姆登小雨妈".
    ("HANDLE", re.compile(r"(?<![\w@.])@\w(?:[\w.]{0,28}\w)?")),
    # A handle without its @, in a story in any language: letters joined by "_" ("umm_zaid_ldn"),
    # by two dots or more ("maman.de.trois"), or by a dot with a digit ("bilal.k22"). Nothing
    # else a family writes has that shape (a date has no letters, "e.g." one dot, no digit).
    ("HANDLE", re.compile(r"(?<![\w@./:-])(?=[A-Za-z0-9._]*[A-Za-z]{2})(?:[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*_[A-Za-z0-9_.]*[A-Za-z0-9]|"
                          r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+){2,}|(?=[A-Za-z0-9.]*\d)[A-Za-z0-9]+\.[A-Za-z0-9]+)"
                          r"(?![\w@]|\.\w|/)")),
    ("POSTCODE", re.compile(rf"\b{_AREA}\d[A-Z\d]?\s*\d[A-Z]{{2}}\b", _I)),
    # The outward half alone ("NW5", "nw5") still names a neighbourhood; sections of law are not.
    ("POSTCODE", re.compile(rf"(?<!section )(?<!s\.)\b(?!S(?:17|20|31|47)\b){_AREA}\d{{1,2}}[A-Z]?\b(?![/.-]\d)")),
    # In lower case only London's ("nw5", "n19", "wc1"): "b4" is text-speak for "before".
    ("POSTCODE", re.compile(r"\b(?:ec|nw|se|sw|wc|e|n|w)\d{1,2}[a-z]?\b(?![/.-]\d)")),
    # Number plates, current format: "AB12 CDE".
    ("CAR_REG", re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b", _I)),
    ("NHS_NUMBER", re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")),
    ("PHONE", re.compile(r"(?<![\w+])(?:\+44\s?\(0\)\s?|\+44\s?|0044\s?|\(?[0٠০])\d[\d\s()-]{7,14}\d\b")),
    # A number from abroad with its country code: "+48 601 227 903", "+252 61 555 1234".
    ("PHONE", re.compile(r"(?<![\w+])\+(?!44)[1-9]\d{0,2}[\s-]?\(?\d{1,4}\)?(?:[\s-]?\d{2,4}){2,4}\b")),
    ("CASE_REF", re.compile(r"\b(?:case|ref(?:erence)?|file|client|record)\s*(?:no\.?|number|num|#)?"
                            r"\s*(?:is|was)?\s*[:#]?\s*([A-Z]*[-/ ]?\d[A-Z0-9/-]{2,})\b", _I)),
    ("CASE_REF", re.compile(r"\b[A-Z]{2,5}[-/]?\d{3,}(?:[-/][A-Z0-9]+)*\b")),
    # "CP/25/0932", "cp-2025-0619": letters and two runs of digits, in any case.
    ("CASE_REF", re.compile(r"\b[A-Za-z]{2,5}[-/]\d{2,4}[-/]\d{3,}\b")),
    # "CAM/CP/44127": runs of letters, then digits.
    ("CASE_REF", re.compile(r"\b[A-Za-z]{2,5}(?:[-/][A-Za-z]{2,5}){1,2}[-/]\d{3,}\b")),
    ("CASE_REF", re.compile(r"\b\d{6,}\b")),
    ("DATE", re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")),
    # "18/09", "on 5/3": a day and month alone.
    ("DATE", re.compile(r"(?<![\d/.])\b(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])\b(?![/\d])")),
]

_ENGLISH: list[tuple[str, re.Pattern]] = [
    ("DATE", re.compile(rf"\b(?:{_DAYS},?\s+)?(?:(?:the\s+)?{_ORD}\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{4}})?|"
                        rf"{_MONTHS}\s+(?:the\s+)?{_ORD}(?:,?\s+\d{{4}})?|{_MONTHS}\s+\d{{4}})\b", _I)),
    # Month first only with a capital: "may 5 people" is not a date.
    ("DATE", re.compile(rf"\bborn\s+(?:in|on)\s+(\d{{4}}|[^.,;]{{3,25}}?\d{{4}})\b", _I)),
    ("DATE", re.compile(r"\bon\s+(the\s+\d{1,2}(?:st|nd|rd|th))\b", _I)),
    # "on 15.04": a day and month with a dot after "on" (a time would follow "at").
    ("DATE", re.compile(r"\bon\s+((?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0[1-9]))\b(?![.\d])", _I)),
    # A weekday with an ordinal, spelt out or cut short: "tues 3rd", "wed the 14th", "Monday 2nd".
    ("DATE", re.compile(rf"\b{_DAYS}\.?,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)\b", _I)),
    # A year after "since", "in", "until": "since 2021", "in 2019", "from 2020".
    ("DATE", re.compile(r"\b(?:since|in|until|till|til|from|by|b4|before|after)\s+((?:19|20)\d{2})\b(?![/.-]\d)", _I)),
    ("AGE", re.compile(rf"\b(?:aged?|ages|age of)\s+{_AGE_LIST}(?:\s+{_UNIT}(?:\s+old)?)?\b", _I)),
    ("AGE", re.compile(rf"\b{_AGE_LIST}[\s-]*{_UNIT}[\s-]*old\b", _I)),
    ("AGE", re.compile(rf"\b{_AGE_NUMBER}\s?(?:yo|y/o|yr old|yrs old)\b", _I)),
    # English as a second language: "she have 4 years", "he is 7 years".
    ("AGE", re.compile(rf"\b(?:have|has|having|is|are|am|was|were)\s+({_AGE_LIST}\s+(?:years?|yrs?|months?))\b", _I)),
    ("AGE", re.compile(rf"\b{_AGE_NUMBER}[\s-](?:year|month|week)[\s-]old\b", _I)),
    # "is eight", "turned 3", "they are nine and eleven", "she's 6": a number that ends the phrase.
    # "nearly five", "almost 3", "going on seven", "he'll be ten in may" count the same way.
    ("AGE", re.compile(rf"\b(?:(?:is|was|turned|turns|turning|is now|was only|was just|just turned|are|were|[’']s|[’']re|"
                       rf"hes|shes|theyre|ur|r|be|[’']ll\s+be|ll\s+be|will\s+be|gonna\s+be|would\s+be|wud\s+be|"
                       rf"will\s+turn)\s+|(?<=,\s)(?=nearly|almost|going\s+on|just\s+turned))"
                       rf"(?:(?:only|just|now|already)\s+)?((?:(?:nearly|almost|about|barely|going\s+on|coming\s+up\s+to)\s+)?"
                       rf"{_AGE_LIST})"
                       r"(?=\s*(?:[.,;:!?)]|$|\s+(?:and|but|so|when|now|then|at the time|this|last|in|on|"
                       r"next|soon|already|too|today|yesterday|recently|lol|n|an|x+)\b|\s*[&+]))", _I)),
    # "my son (4)": the age in brackets goes, with its space.
    ("AGE_BRACKET", re.compile(r"\s?\((\d{1,2}|\d{1,2}\s*(?:yrs?|years?|months?|m|y))\)")),
    ("ADDRESS", re.compile(rf"\b(?:flat|apartment|apt|unit)\s+\d+[a-z]?(?:,?\s+(?:{_WORD}\s+){{1,2}}"
                           r"(?:house|court|tower|building|lodge))?", _I)),
    ("ADDRESS", re.compile(rf"\b\d{{1,4}}[a-z]?,?\s+(?:{_WORD}\s+){{1,3}}?{_STREET_TYPES}\b", _I)),
    ("HOSPITAL", re.compile(rf"\b(?:the\s+)?({_HOSPITALS})(?:\s+hospital)?\b", _I)),
    ("HOME_TOWN", re.compile(rf"\b({HOME_TOWNS})\b", _I)),
    ("PLACE", re.compile(rf"\b({NEIGHBOURHOODS})\b", _I)),
    ("PLACE", re.compile(rf"\b(?i:back\s+home\s+in|home\s+town(?:\s+of|\s+is|,)?|{_PLACE_NOUNS}\s+"
                         rf"(?:of|called|named)|grew\s+up\s+in|we\s+come\s+from|i\s+come\s+from|born\s+in)"
                         rf"\s+({_WORD}(?:\s+[A-ZÀ-Ž]{_WORD})?)")),
    ("TEAM", re.compile(rf"\b[Tt]eam\s+(?!(?:manager|leader|meeting|around|work|member|members|was|is|were|"
                        rf"are|have|has|at|in|of|who|that|and|for|to)\b)({_WORD})\b", _I)),
    # The platform may carry the story language's ending: "instagramda", "na Facebooku".
    ("HANDLE", re.compile(r"\b(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tik\s?tok|twitter|fb|facebook|"
                          r"threads)(?:['’]?(?:da|de|ta|te|dan|den|ku|ze|u))?\b\s*(?:(?:name|handle|account|page|id)\s*)?(?:is|=|:|-|@|on|,)?\s*"
                          r"((?=[\w.]*[\d_.])[\w.]{3,30}|[\w]{3,30})", _I)),
]
# Second-language English puts the kind first: "the school Eleanor Palmer", "nursery Rosa Bassett".
_NOT_A_SCHOOL_NAME = set("I I'm Mr Mrs Ms Miss Dr Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
                         "January February March April May June July August September October November December "
                         "Christmas Easter Eid The And But So Then When".split())
_KIND_FIRST = re.compile(r"\b(?i:school|primary|nursery|academy)\s+((?:[A-Z][^\W\d_]+(?:['’]s)?)(?:\s+[A-Z][^\W\d_]+){1,2})")
_ENGLISH_NAMED = [
    _named(_PLAIN_STREET_TYPES, "ADDRESS"),
    _named(r"way|drive|place|row|walk|rise|hill|vale|yard|passage|gate", "ADDRESS", strict=True),
    _named(r"estate", "ESTATE"),
    _named(r"house|court|tower|towers|buildings|flats|mansions|lodge", "ADDRESS", strict=True),
    _named(r"(?:c\s+of\s+e\s+|rc\s+|catholic\s+)?(?:primary|secondary|infants?|junior|nursery|grammar|academy|"
           r"sixth\s+form|pupil\s+referral\s+unit|prep|parochial|church\s+school)(?:\s+(?:school|academy))?|school|"
           r"college|high\s+school",
           "SCHOOL"),
    _named(r"surgery|medical\s+centre|health\s+centre|medical\s+practice|practice|clinic|pharmacy|hospital",
           "SURGERY"),
    # "Kilburn Family Support Team", "holborn early help team", in a story in any Latin script.
    _named(r"(?:family\s+support|early\s+help|social\s+work|child\s+protection|youth\s+offending|youth|"
           r"parenting|family|duty|assessment|safeguarding|children['’]?s\s+services?|leaving\s+care|fostering|"
           r"adoption|looked\s+after\s+children|disabled\s+children|children\s+in\s+need|edge\s+of\s+care|"
           r"family\s+intervention|mash|front\s+door)\s+team", "TEAM"),
    _named(r"children['’]?s\s+centre|family\s+centre|family\s+hub|contact\s+centre|town\s+hall|library|"
           r"police\s+station|offices?|mosque|masjid|church|temple|gurdwara|synagogue|community\s+centre|"
           r"food\s+bank|foodbank|refuge|hostel", "OFFICE"),
    _named(r"(?:boxing|football|youth|sports?|cricket|rugby|swimming|karate|dance|drama|gymnastics|"
           r"running|boys['’]?|girls['’]?|homework|breakfast|after[- ]school)\s+club|club|fc|f\.c\.|(?:boxing\s+)?gym|"
           r"academy\s+fc|united|rovers", "CLUB", strict=True),
    # A club word that is also an everyday one names a club only after a capitalised name:
    # "Regent's Park Rangers", "Somers Town Athletic" ("the park rangers" is not one).
    ("CLUB", re.compile(rf"\b((?:{_WORD}\s+){{1,4}}?)(?:Rangers|Athletic|Wanderers|Albion|Harriers|Juniors|"
                        rf"Boxing\s+Club|Youth\s+Club|Amateur\s+Boxing\s+Club|ABC)\b"), True),
    _named(r"(?:traveller|travellers['’]?|caravan|gypsy|halting)\s+site|site", "SITE", strict=True),
]


def _digits(value: str) -> str:
    """The digits of `value`, whatever script they are written in (٠٧٧, ০৭৭, 077)."""
    return "".join(str(unicodedata.digit(c)) for c in value if c.isdigit())


def nhs_checksum_ok(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _phone_ok(match: str) -> bool:
    digits = _digits(match)
    if match.startswith("+") and not digits.startswith("44"):
        return 8 <= len(digits) <= 15  # from abroad: its country's own length
    for country in ("0044", "44"):
        if digits.startswith(country):
            digits = "0" + digits[len(country):].removeprefix("0")  # "+44 (0)20…" → "020…"
            break
    return digits.startswith("0") and len(digits) in (10, 11)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop closing punctuation that a pattern swallowed."""
    while end > start and text[end - 1] in ".,;:!?)'\"’ -،؟।":
        end -= 1
    while start < end and text[start] in " ,":
        start += 1
    return start, end


_NOT_A_HANDLE = set("is was and the my me her his our so too now private public account page off on"
                    " name handle got has have just".split())


def rule_entities(text: str, language: str = "en") -> list[tuple[int, int, str]]:
    """(start, end, label) of everything with a regular shape."""
    found = []
    rules = list(_SHAPES)
    view = text
    if not (LANGUAGES.get(language) is None or LANGUAGES[language].cased):
        # Digits written straight after Chinese or Arabic letters: seen as if spaced (same offsets).
        # Their own digits stay digits: "০৭৭০০ ৯০০২৫৮", "٠٧٧٠٠".
        view = re.sub(r"[\u0600-\u06FF\u0980-\u09FF\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]",
                      lambda letter: letter.group(0) if letter.group(0).isdigit() else " ", text)
    if language == "en" or LANGUAGES.get(language, None) is None or LANGUAGES[language].cased:
        rules += _ENGLISH  # English place words are used in every Latin-script story told in London
    for label, pattern in rules:
        for match in pattern.finditer(view):
            group = 1 if pattern.groups and label != "TEAM" else 0
            if label == "AGE_BRACKET":
                found.append((match.start(), match.end(), "AGE_BRACKET"))
                continue
            start, end = _trim(text, *match.span(group))
            value = text[start:end]
            if end <= start:
                continue
            # Ten digits are an NHS number when they check out, or when the story says so:
            # "my NHS number 943 512 7780", "mi número del NHS, 485 777 3456" (one mistyped digit
            # still identifies).
            if label == "NHS_NUMBER" and not nhs_checksum_ok(_digits(value)) and not re.search(
                    r"\bNHS\b", text[max(0, start - 30):start], _I):
                continue
            if label == "PHONE" and not _phone_ok(value):
                continue
            if label == "HANDLE" and not value.startswith("@"):
                if _URL.fullmatch(value):
                    continue  # "camden.gov.uk" is the council's address, found as a URL
                if value.lower() in _NOT_A_HANDLE or (_common(value) and not re.search(r"[\d_.]", value)):
                    continue
            # "team somers" is a team, "team meetings" is not: a plural counts by its singular.
            if label == "TEAM" and not match.group(1)[0].isupper() and (
                    zipf(match.group(1)) >= 3.0 or re.search(r"(?:ed|ing)$", match.group(1))
                    or (match.group(1).lower().endswith("s") and zipf(match.group(1)[:-1]) >= 3.0)):
                continue
            if label == "CAR_REG" and not re.search(r"\d", value):
                continue
            # In a story told in another language a London street is written with its capitals:
            # "18/09, shaqaalaha bulshada Muna way" is a date and a Somali sentence ("way" is
            # "she did"), not number 18 of a street called a way.
            if label == "ADDRESS" and language != "en" and re.match(r"\d", value) and not re.search(
                    r"(?:\b[A-ZÀ-Ž]\w*|\b(?:road|rd|street|st|avenue|ave|lane|crescent|terrace|gardens|mews|square))$",
                    value):
                continue
            found.append((start, end, label))
    if rules is not _SHAPES:
        for label, pattern, strict in _ENGLISH_NAMED:
            for match in pattern.finditer(text):
                if strict and language != "en" and not text[match.end(1):match.end()][:1].isupper():
                    continue  # "Muna way" in Somali is "Muna did", not a street
                span = _name_before(text, match.start(1), match.end(1), strict=strict, english=language == "en")
                if span is None:
                    continue
                start, end = _trim(text, span[0], match.end())
                lang = LANGUAGES.get(language)
                first = re.match(r"\S+\s+", text[start:end])
                if lang and first and sentence_opening(text, start) and re.fullmatch(
                        rf"(?:{lang.name_cues})", first.group(0).strip(), _I):
                    start += first.end()  # "Oğlum Gospel Oak Primary": the cue opening the sentence stays
                if " " not in text[start:end].strip() and label not in ("CLUB",):
                    continue
                found.append((start, end, label))
    if language == "en":
        for match in _KIND_FIRST.finditer(text):
            if match.group(1).split()[0] in _NOT_A_SCHOOL_NAME:
                continue
            found.append((match.start(), match.end(), "SCHOOL"))
    found += _language_rules(text, language)
    if language == "tr":
        # A Turkish case ending goes with the name it is joined to: "Kentish Town'da", "Ayşe'ye".
        found = [(start, end + len(m.group(0)) if (m := _TR_ENDING.match(text, end)) else end, label)
                 for start, end, label in found]
    found = [(*_with_weekday(text, start, end, language), label) if label == "DATE" else (start, end, label)
             for start, end, label in found]
    # The same words found twice, as a street and as what a place word names ("Centro
    # Comunitario Maiden Lane" is a centre on Maiden Lane): the kind of place reads better.
    labels: dict[tuple[int, int], str] = {}
    for start, end, label in found:
        if labels.get((start, end), "ADDRESS") == "ADDRESS":
            labels[(start, end)] = label
    return [(start, end, label) for (start, end), label in labels.items()]


def sentence_opening(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \"'“‘(*-")
    return not before or before[-1] in ".!?\n:;"


def _a_persons_name(word: str, language: str) -> bool:
    return word in SCRIPT_NAMES.get(language, ()) or word in SCRIPT_FAMILY_NAMES.get(language, ())


def _uncased_place(text: str, match: re.Match, language: str) -> tuple[int, int] | None:
    """Arabic puts the name after "شارع" (street), Bengali before "রোড": the name's words are
    the ones in Latin letters or not everyday words ("شارع Lyme وكانت" ends before "وكانت";
    "আমরা লাইম রোড" starts after "আমরা")."""
    words = list(re.finditer(r"\S+", match.group(0)))
    def rare(word: str) -> bool:
        return bool(re.match(r"[A-Za-zÀ-ž]", word)) or zipf(word.rstrip("،.,!؟?।"), language) < 4.5
    if language == "ar":
        keep = [words[0]] + [w for w in words[1:2]]
        if len(words) > 2 and rare(words[2].group(0)):
            keep.append(words[2])
        start, end = match.start() + keep[0].start(), match.start() + keep[-1].end()
        # "نادي الملاكمة في Kentish Town", "نادي كرة القدم في كنتش تاون": the place it is in
        # goes with it, when its words are names rather than everyday words.
        where = re.match(r"\s+في\s+((?:\S+\s*){1,3})", text[end:])
        if where:
            taken = None
            for word in re.finditer(r"\S+", where.group(1)):
                if not rare(word.group(0)):
                    break
                taken = word  # its comma or full stop is trimmed off below
                if re.search(r"[،.,!؟?]$", word.group(0)):
                    break
            if taken:
                end += where.start(1) + taken.end()
    else:
        names = words[:-1]
        # "মেয়ে নুসরাত জাহান হাসপাতালে": a person's name before it, and what comes before that
        # name, is not the place's.
        last_person = max((i for i, w in enumerate(names) if _a_persons_name(w.group(0), language)), default=-1)
        names = names[last_person + 1:]
        while names and not rare(names[0].group(0)):
            names = names[1:]
        if not names:
            return None
        start, end = match.start() + names[0].start(), match.end()
    return _trim(text, start, end)


# "من مدينة …" (from the town of), "نحن من …" (we are from), "ولدت في …" (I was born in): the
# word after names a home town when it is not an everyday word; countries and London stay.
_AR_FROM = re.compile(r"(?<!\S)(?:(?:[وف]?(?:من|في)\s+(?=(?:مدينة|قرية|بلدة|محافظة|مدينتي|قريتي|بلدتي|ريف)\s))|"
                      r"(?:نحن|أنا|انا|أصلنا|اصلنا|أصلي|اصلي|جئنا|جئت|أتينا|اتينا|هربنا|نزحنا|قدمنا|وصلنا)\s+من|"
                      r"(?:ولدت|ولد|ولدنا|عشنا|كنا\s+نعيش|نشأت|كبرت|تربيت)\s+في\s+)((?:مدينة|قرية|بلدة|محافظة|مدينتي|قريتي|"
                      r"بلدتي|ريف)\s+)?(\S+)(\s+ال\S+)?")
_AR_KEEP_PLACES = set("سوريا سورية العراق اليمن السودان الصومال إريتريا اريتريا المغرب الجزائر مصر ليبيا فلسطين "
                      "لبنان الأردن الاردن أفغانستان افغانستان لندن بريطانيا إنجلترا انجلترا المملكة كامدن تركيا "
                      "الشام بلدي بلدنا هناك هنا البيت المدرسة المستشفى الحرب".split())


def _arabic_home_towns(text: str) -> list[tuple[int, int, str]]:
    found = []
    for match in _AR_FROM.finditer(text):
        word = match.group(2).rstrip("،.,!؟?")
        if word in _AR_KEEP_PLACES or not re.match(r"[\u0600-\u06FF]", word) or (
                zipf(word, "ar") >= (4.8 if match.group(1) else 4.0)):
            continue
        end = match.start(2) + len(word)
        if match.group(3) and zipf(match.group(3).strip().rstrip("،.,!؟?"), "ar") < 4.5:
            end = match.end(2) + len(match.group(3).rstrip("،.,!؟?"))  # "دير الزور"
        # "في مدينة سلمية" → "في منطقة قريبة": the word for town goes with the name.
        found.append((match.start(1) if match.group(1) else match.start(2), end, "HOME_TOWN"))
    return found


# Provinces name a home town only after a word for one ("老家在福建", "来自广东"); after those
# words, and in "从…来", two or three characters with no everyday one among them are a place.
_ZH_PROVINCES = ("福建 浙江 广东 广西 江苏 江西 山东 山西 河南 河北 湖南 湖北 四川 贵州 云南 海南 辽宁 吉林 黑龙江 "
                 "安徽 陕西 甘肃 青海 内蒙古 宁夏 新疆 西藏 台湾").split()
_ZH_HOME_CUE = r"(?:老家在|老家是|老家|家乡在|家乡是|家乡|来自|出生在|出生于|生在|长在|从)"
_ZH_NOT_PLACE = set("中国 英国 伦敦 国内 国外 这里 那里 家里 学校 医院 外地 农村 城市 乡下 那边 这边 大陆 外国 欧洲 "
                    "卡姆登 康登".split())
_ZH_EVERYDAY_CHARS = set("的了是在很也都和就不没会有去来把给对让跟今年已经刚才每真非从被第一上下学校好多大小开心"
                         "喜欢现总常还最特别要想能可以时候天月日岁个们这那什么怎说话老师医生朋友人生病儿子女妈爸"
                         "我你他她它孩宝一直时间开始")


def _chinese_home_towns(text: str) -> list[tuple[int, int, str]]:
    found = []
    provinces = "|".join(sorted(_ZH_PROVINCES, key=len, reverse=True))
    for match in re.finditer(rf"{_ZH_HOME_CUE}\s*((?:{provinces})(?:省)?)", text):
        found.append((match.start(1), match.end(1), "HOME_TOWN"))
    for match in re.finditer(rf"(?:{_ZH_HOME_CUE})\s*([\u4e00-\u9fff]{{2,3}}?)(?:市|县|镇|村)?(?=来|过来|搬|到|出|的|人|，|。)", text):
        place = match.group(1)
        if place in _ZH_NOT_PLACE or any(c in _ZH_EVERYDAY_CHARS for c in place):
            continue
        found.append((match.start(1), match.end(), "HOME_TOWN") if re.match(r"[市县镇村]", text[match.end(1):match.end()])
                     else (match.start(1), match.end(1), "HOME_TOWN"))
    return found


@lru_cache(maxsize=None)
def _native_towns(language: str) -> re.Pattern | None:
    """One pattern for the language's list of towns, longest first ("أم درمان" before a shorter one)."""
    towns = [t.replace("_", " ") for t in NATIVE_HOME_TOWNS.get(language, "").split()]
    # A town whose name is an everyday word too is left out.
    towns = [t for t in towns if not (language in ("ar", "bn") and " " not in t and zipf(t, language) >= 5.5)]
    if not towns:
        return None
    alternation = "|".join(re.escape(t) for t in sorted(towns, key=len, reverse=True))
    if language == "zh_Hans":
        return re.compile(rf"({alternation})")
    prefix = "(?:[وبلف])?" if language == "ar" else ""
    return re.compile(rf"(?<![^\W\d_]){prefix}({alternation})(?![^\W\d_])")


def _with_polish_w(text: str, start: int, language: str) -> int:
    """Polish "w marcu 2024", "w 2021" → "tamtego roku": the "w" goes too, since "w" would need
    another case of the placeholder."""
    if language == "pl" and re.search(r"(?<!\w)[wW]\s+$", text[:start]):
        return re.search(r"[wW]\s+$", text[:start]).start()
    return start


# The kind of place a place word names, in any language, so its placeholder says the same kind
# ("el Equipo Kentish Town" → "el equipo de la zona"); streets and the rest are addresses.
_KINDS_OF_PLACE = [(label, re.compile(words, _I)) for label, words in (
    ("SCHOOL", r"school|escuela|colegio|école|ecole|collège|escola|szkoł|okul|ysgol|dugsi|iskuul|مدرسة|স্কুল|学"),
    ("TEAM", r"team|tîm|dîm|nhîm|equip[oea]|équipe|zesp[oó]ł|ekib|ekip|kooxda|فريق|টিম|团队"),
    ("CLUB", r"club|clwb|glwb|nghlwb|klub|kulüb|kulüp|naadiga|نادي|ক্লাব|俱乐部|grup|教会|教堂|清真寺|协会"),
    ("SURGERY", r"clínica|clinica|clinique|cabinet|consultorio|meddygfa|feddygfa|przychodni|klini|rugta|عيادة|ক্লিনিক|诊所"),
    ("HOSPITAL", r"hospital|hôpital|hopital|szpital|hastane|ysbyty|isbitaal|مستشفى|হাসপাতাল|医院"),
    ("OFFICE", r"cent(?:re|ro|rum)|canolfan|ganolfan|nghanolfan|ośrod|merkez|xarunta|masjid|مركز|কেন্দ্র|中心"),
    ("PLACE", r"টাউন"),
)]
_ZH_KIND_WORDS = re.compile(r"(?:家庭|社区|儿童|家长|支持|服务|健康|医疗|援助|青少年|妇女|体育|足球|游泳|少年|社工|社会|"
                            r"早期|帮助|干预|保护|评估|寄养|领养|华人|华侨)+$")
_ZH_LITTLE_WORDS = set("的了是在把给对让跟从被和与到去来上也都就很")


AR_DURATION_BEFORE = re.compile(r"(?<!\S)[وف]?(?:منذ|لمدة|مدة|خلال|قبل|بعد|طوال|طيلة)\s+$")
_AGE_BEFORE = re.compile(r"(?<!\w)([\d٠-٩০-৯]{1,2}|[^\W\d_]+)\s*(?:,|\s(?:y|e|i|et|ve|ile|ac|a|iyo|and|&|و|ও|আর|和|与))\s*$")


def _is_age_number(word: str, lang) -> bool:
    """A number in figures, or one of the number words the language's ages are said with."""
    return word.isdigit() or word.lower() in _age_words(lang.code)


@lru_cache(maxsize=None)
def _age_words(code: str) -> frozenset[str]:
    """The number words in a language's ages ("dos", "trzy", "sagaal"): its pattern's words, less
    the verbs before a number and the units after it."""
    not_numbers = set("""tiene tenía tenia cumplió cumple de años meses semanas avait aura âgée âgées âgés ans mois
        semaines tem tinha fez faz anos ma miał miała skończył skończyła lat lata latek letni letnia miesięcy
        miesiące tygodni tygodnie tydzień yaş yaşında yaşındaki larında larındaki ında ındaki aylık haftalık ken
        oed mlwydd mis wythnos mlynedd jir sano bilood toddobaad""".split())
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", LANGUAGES[code].ages)}
    return frozenset(w for w in words - not_numbers if len(w) > 1)


_TR_ENDING = re.compile(r"['’][^\W\d_]{1,6}(?![\w'’])")


@lru_cache(maxsize=None)
def _weekday_around(language: str) -> tuple[re.Pattern, re.Pattern]:
    """A weekday just before a date ("martes 4 de noviembre", "terça, 18/11") and just after it
    ("11月4日周二", "4 listopada (wtorek)"), built once a language."""
    days = WEEKDAYS.get(language, WEEKDAYS["en"])
    if language == "zh_Hans":
        return re.compile(rf"(?:{days})[，,]?\s*$"), re.compile(rf"\s*[（(]?(?:{days})[）)]?")
    # The article or preposition the placeholder says again goes too: "el martes 4 de noviembre"
    # reads "ese día", not "el ese día"; "no dia 4 de março", "nesse dia".
    lead = DATE_LEADS.get(language)
    lead = rf"(?:(?:{lead})\s+)?" if lead else ""
    return (re.compile(rf"(?<!\w){lead}(?:(?:{days})\.?,?\s+)?$", _I),
            re.compile(rf",?\s*\(?(?:{days})\)?(?![\w\u0980-\u09FF])", _I))


def _with_weekday(text: str, start: int, end: int, language: str) -> tuple[int, int]:
    """A date's span with the weekday that goes with it."""
    before, after = _weekday_around(language)
    if (found := before.search(text, max(0, start - 30), start)) and found.group(0):
        start = found.start()
    if found := after.match(text, end):
        end = found.end() - (len(found.group(0)) - len(found.group(0).rstrip()))
    return start, end


def kind_of_place(words: str) -> str:
    return next((label for label, kind in _KINDS_OF_PLACE if kind.search(words)), "ADDRESS")


@lru_cache(maxsize=None)
def _place_pattern(language: str) -> re.Pattern:
    """A name beside one of the language's place words, built once a language."""
    lang = LANGUAGES[language]
    if lang.cased:
        # "calle Gaisford", "ulica Lyme", "Heol y Bont", "Lyme sokak", "Brecknock okulu"; an article
        # before it ("la calle", "na rua") stays in the story and the placeholder agrees with it.
        cap = r"[A-ZÀ-ÞĀ-Ž][^\W\d_]+(?:-[^\W\d_]+)*(?:['’]s)?"  # "Pêl-droed", "Regent's"
        join = r"y|yr|de|la|do|da|del|ee|im\."  # "Szkoła Polska im. Jana Pawła II": named after
        # "Centre familial Hawley", "centro comunitario Somers": one describing word may
        # come between the kind of place and its name.
        describing = (r"(?:\s+(?i:familial|familiale|familiar|médical|medical|médico|comunitario|comunitário|"
                      r"communautaire|infantil|sportif|deportivo|desportivo|de salud|de saúde|de santé|"
                      r"de apoyo|de apoio|de soutien))?")
        after = r"(?:['’][^\W\d_]+)?" if language == "tr" else ""  # "Euston Ekibi'nden"
        # A name before its kind ("Euston Ekibi") is never a function word ("El Equipo").
        not_a_word = "(?!(?i:" + "|".join(sorted(lang.markers | {"the", "y", "yr"}, key=len, reverse=True)) + r")\s)"
        pattern = (rf"(?<!\w)(?:(?:(?:the|y|yr|w)\s+)?(?i:{lang.place_words}){describing}(?:\s+(?:{join}))?\s+{cap}"
                   rf"(?:\s+(?:(?:{join})\s+)?{cap}){{0,3}}|(?:{not_a_word}{cap}\s){{1,4}}(?i:{lang.place_words}){after})(?!\w)")
    elif language == "zh_Hans":
        # "卡姆登路诊所": a clinic on a road; "Somers Town医疗中心": its name in English
        pattern = (rf"(?<![A-Za-z])(?:[A-Z][A-Za-z'’-]*\s+){{0,3}}[A-Z][A-Za-z'’-]*[\u4e00-\u9fff]{{0,4}}(?:{lang.place_words})+"
                   rf"|[\u4e00-\u9fffA-Za-z]{{2,6}}(?:{lang.place_words})+")
    elif language == "ar":  # the word after "street", "school", "hospital"
        pattern = rf"(?<!\w)(?:{lang.place_words})\s+(?:ال)?\S+(?:\s+\S+)?"
    else:  # Bengali: the words before
        # the vowel sign of a case ending goes too ("ক্যামডেন টাউনে", in Camden Town)
        pattern = rf"(?:\S+\s+){{1,2}}(?:{lang.place_words})[\u09BE-\u09CC\u09D7]?(?!\w)"
    return re.compile(pattern)


def _language_rules(text: str, language: str) -> list[tuple[int, int, str]]:
    lang = LANGUAGES.get(language)
    if lang is None:
        return []
    found = []
    towns = _native_towns(language)
    if towns is not None:
        for match in towns.finditer(text):
            found.append((match.start(1), match.end(1), "HOME_TOWN"))
    if language == "ar":
        found += _arabic_home_towns(text)
    if not lang.cased:
        # A London street written in English inside a story in Arabic, Bengali or Chinese:
        # "住在Prince of Wales Road附近", "Agar Grove 23号".
        for match in _LATIN_STREET.finditer(text):
            found.append((match.start(), match.end(), "ADDRESS"))
        # Lower-case Latin words joined by a dot in such a story are a handle ("farhan.draws"),
        # unless the last is a web address's ending.
        for match in _LATIN_DOTTED.finditer(text):
            if match.group(0).rsplit(".", 1)[1] not in _WEB_ENDINGS:
                found.append((match.start(), match.end(), "HANDLE"))
    if language == "zh_Hans":
        found += _chinese_home_towns(text)
        for match in re.finditer(r"[一二三四五六七八九十\d]{1,3}月[一二三四五六七八九十\d]{1,3}[日号]", text):
            found.append((match.start(), match.end(), "DATE"))
    # An age may also stand between commas after a name ("ma fille Awa, quinze ans, …").
    edge = ("", "") if language == "zh_Hans" else (r"(?:(?<!\w)|(?=,))", r"(?!\w)")
    for match in re.finditer(rf"{edge[0]}(?:{lang.ages}){edge[1]}", text, _I):
        start = match.start() + len(re.match(r",?\s*", match.group(0)).group(0))
        # "عمره ٧ سنوات", "বয়স নয় বছর", "tiene 7 años", "ma 7 lat": the word for "his age" or "has"
        # stays and reads with the placeholder ("tiene pocos años").
        lead = re.match(r"(?:عمره|عمرها|عمري|عمرهم|বয়স|tiene|tenía|tenia|cumplió|cumple|de|y|e|tenho|tem|tinha|fez|faz|"
                        r"mam|ma|miał|miała|skończył|skończyła)\s+" if language in ("ar", "bn", "es", "pt", "pl")
                        else r"(?!)", match.group(0), _I)
        if lead and lead.end() < len(match.group(0)):
            start += lead.end()
        if language == "ar" and not lead and AR_DURATION_BEFORE.search(text, 0, start):
            continue  # "منذ سنتين", "لمدة ثلاث سنوات": how long, not how old
        # Two ages joined: "de 4 y 9 años", "8 i 11 lat", "9 ve 13 yaşında", "afar iyo sagaal jir":
        # the first number goes with the second.
        while (before := _AGE_BEFORE.search(text, 0, start)) and _is_age_number(before.group(1), lang):
            start = before.start(1)
        found.append((*_trim(text, start, match.end()), "AGE"))
    months = "|".join(lang.months.split() + MONTHS_IN.get(language, "").split())
    # "3 de octubre", "marzo de 2024", "em março de 2023", "w marcu 2024", "Mart 2024'te" (the
    # Turkish case ending goes with the year: "O gün Londra'ya geldik").
    suffix = r"(?:['’][^\W\d_]+)?" if language == "tr" else ""
    for match in re.finditer(rf"(?<!\w)(?:[\d]{{1,2}}(?:º|er|\.|-?ého|-?go|'?(?:ain|ai|af|il|ydd|edd|eg|fed|ed)|-?(?:ka|da|ta|kii|dii|aad))?\s+(?:de\s+|o\s+)?"
                             rf"(?:{months})(?:\s+(?:de\s+)?[\d]{{4}})?|(?:{months})\s+(?:de\s+|del\s+)?[\d]{{1,4}})"
                             rf"{suffix}(?!\w)", text, _I):
        found.append((_with_polish_w(text, match.start(), language), match.end(), "DATE"))
    # A year after "since", "in", "until" in the story's language ("desde 2021", "od 2021",
    # "2021'den beri", "منذ ٢٠٢١", "2021年").
    for match in re.finditer(YEAR_CUES.get(language, r"(?!)"), text, _I):
        # "2021年" → "那年", "২০২১ সালে" → "সেই বছর" (the word for year goes with it)
        start, end = match.span(1) if language not in ("zh_Hans", "bn") else (match.start(1), match.end())
        if language == "tr":
            end = match.end(1) + len(re.match(r"(?:['’][^\W\d_]+|\s+(?:yılında|yılından|yılı|senesinde)\b)?",
                                              text[match.end(1):]).group(0))
        found.append((_with_polish_w(text, start, language), end, "DATE"))
    if lang.place_words:
        for match in _place_pattern(language).finditer(text):
            if language in ("ar", "bn"):
                span = _uncased_place(text, match, language)
                if span:
                    found.append((*span, kind_of_place(match.group(0))))
                continue
            if language == "zh_Hans":
                # "在卡姆登小学": the name starts after the last everyday character (在); "喜欢他的新学校"
                # leaves one character ("新") before 学校, which is no name, so nothing is taken.
                name = match.group(0)[:-len(re.search(rf"(?:{lang.place_words})$", match.group(0)).group(0))]
                # "家庭中心", "社区支持团队" are kinds of place, not names: what is left once the words
                # that describe the kind are taken off the end ("Somers Town医疗") and the sentence
                # before it is cut off at its last little word ("在", "的") must be two characters,
                # not all of them everyday ones ("我儿子学校"; "国王十字" has a numeral and is a name).
                name = _ZH_KIND_WORDS.sub("", name)
                cut = max((i + 1 for i, ch in enumerate(name) if ch in _ZH_LITTLE_WORDS), default=0)
                if len(name[cut:]) < 2 or all(ch in _ZH_EVERYDAY_CHARS for ch in name[cut:]):
                    continue
                found.append((match.start() + cut, match.end(), kind_of_place(match.group(0))))
                continue
            if lang.cased and sentence_opening(text, match.start()):
                # "Oğlum Gospel Oak Primary okuluna": a cue opening the sentence is not the name.
                first = re.match(r"\S+\s+", match.group(0))
                if first and re.fullmatch(rf"(?:{lang.name_cues})", first.group(0).strip(), _I):
                    found.append((*_trim(text, match.start() + first.end(), match.end()),
                                  kind_of_place(match.group(0))))
                    continue
            found.append((*_trim(text, *match.span()), kind_of_place(match.group(0))))
    return found
