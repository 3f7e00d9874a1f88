"""Common given names (and a few very common family names) in the communities Camden's families
come from, for the story anonymiser.

Where these come from: written for this project by hand, from the names that are common in each
community and appear in any published guide to naming in that language (baby-name books,
national statistics offices' tables of the most common names, name-day calendars). Each list
holds only widespread names, each shared by many thousands of people; none was taken from a
list of real people's records, a leaked data set or a scrape of social media, and nothing here
identifies anyone. Spellings are the usual romanisations seen in London, plus the names in
their own script for Arabic, Bengali and Chinese.

The lists are one of three ways the anonymiser finds a name (the others are cues such as "my son
…", "called …" in any case, and the language model), so a name missing here is still found when
the sentence points at it; see docs/anonymiser.md.
"""
from __future__ import annotations

from pathlib import Path

COMMUNITIES: dict[str, str] = {
    "english_welsh_irish": """
        oliver george harry noah jack leo arthur oscar charlie freddie alfie thomas archie henry
        joshua james william tyler kyle jordan callum connor liam ryan jamie danny daniel michael
        david paul steve steven gareth rhys dylan owen cerys seren ffion sian niamh aoife siobhan
        ciara declan eoin sean kieran shauna ellie olivia amelia isla ava mia sophia emily evie
        freya chloe jessica sophie megan lauren chelsea kayleigh stacey tracey sharon karen debbie
        julie claire sarah emma rachel hannah laura leanne kerry gemma danielle courtney bethany
        demi tia kai mason riley lewis jayden brandon reece shane wayne darren craig marcus tom
        ben sam joe luke adam matt chris mike dave tony pete john mary anne jane helen kate lucy
        amy zoe zoë maisie harvey ethan jacob logan aiden tommy billy bobby jimmy ricky ronnie
        kayden lacey shannon jodie kirsty natalie nicola michelle samantha jennifer elizabeth
        margaret patricia susan linda barbara christine caroline victoria rebecca charlotte
        richard robert andrew edward charles frederick alexander hugh peter philip stephen
        anthony simon timothy nicholas jonathan benjamin matthew christopher gregory raymond
        kenneth brian keith roger graham neil ian colin kevin gary jason carl alan stuart derek
        dennis albert alfred ernest walter harold francis joseph eleanor edith louise joanne
        dorothy edna mabel agnes beatrice ethel gladys irene joan judith katherine catherine
        deborah angela diane wendy pauline jacqueline alice isabella harriet phoebe eliza
        matilda imogen rosie
        """,
    # Welsh given names, and the Welsh forms people use in London.
    "welsh": """
        eleri gwen gwenllian angharad bethan carys catrin cerian dilys eirlys elin eluned ffion
        glenys gwyneth heledd lowri mair manon meinir menna nia nerys non rhiannon sioned
        tegan alaw aled alun bryn cai dafydd dewi emlyn geraint gethin gruffudd gwilym huw
        hywel iestyn ifan ioan iwan llew llyr meirion osian rhodri siôn tomos trystan wyn
        """,
    # Irish Traveller families in London: mostly Irish Catholic given names and their short forms.
    "irish_traveller": """
        bridget biddy bridie kathleen mairead margaret maggie nora noreen peggy siobhan winnie
        josie teresa tess ellen nellie mary-ann roseanne caitlin shauna kelly martin patrick
        paddy michael mikey johnny john-joe christy francie jimmy mickey tommy willie dinny
        bernie pakie pádraig padraig seamus eamon colm ciaran cormac tadhg fionn oisin ruairi
        """,
    "somali": """
        abdi abdirahman abdullahi abdikarim abdiaziz abdirashid abdisalam abdiwali mohamud
        mahamed mohamed farah hodan hibo ayan ifrah sagal ubah khadra fadumo faduma halima
        hamdi nimco ilhan warsame jama yusuf ibrahim ismail idris mustafa osman liban guled
        hamza bashir bilal najma nasra ruqia ruqiya sahra sumaya sucaad suad deeqa deqa hawa
        hani idil ikran kaltun kowsar ladan maryan muna naima qamar roda safiya shukri ubax
        ugbaad warda xaliimo xamdi yasmin zamzam cabdi cali maxamed axmed xasan xuseen
        abshir aden awil bile dahir faysal geedi hirsi hussein jibril kaafi mukhtar omar said
        sharmarke yonis liibaan cabdullaahi cabdiraxmaan cabdiqaadir cabdikariim cabdisalaan
        cabdiwali cabdirashiid cabdinaasir faadumo ilhaan xamse maxamuud cumar cismaan yuusuf
        ibraahim ismaaciil mustafe bashiir najmo nasro ruqiyo sumaya deeqa xawo xaawo ikraan
        kaltuumo hibaaq caasha khadiija fartuun shamso sacdiya xabiiba istahil filsan samiira
        saynab daahir guuleed jaamac yaasiin siciid mukhtaar xirsi cawil
        """,
    "bengali": """
        mahfuz mahfuza mahbub mahmuda mizanur sabbir tanvir rashid rakib shuhel foysal sadia
        nusrat rahima tahmina sultana rubina jahanara roksana shirin nasreen parveen farzana
        shahana shamima salma ruma rupa mitu munni lipi luna nazma nargis ferdousi afroza
        anwara kulsum momena ayesha jannat tasnim tahsin sumaiya shahida hasina arif rafiq
        shahid kamal jamal habib anwar abdul rahman karim mamun masud monir nazrul rubel
        sohel sumon shamim shafiq jahangir alamgir babul faruk harun helal jewel kabir
        kawsar milon mithu nadim rana rony saiful shakil shohag sujon tareq zahid zubair
        ishaan rayhan ruhul anisur ashraful atiqur fazlur habibur lutfur mujibur rezaul
        shafiqur ziaur begum khatun miah uddin chowdhury
        """,
    "south_asian": """
        mohammed muhammad mohammad ahmed ali hassan hussain imran omar bilal zain ayaan rayyan
        aryan arjun rohan rahul ravi sanjay vikram harpreet gurpreet manpreet jaspreet simran
        priya anjali pooja deepa sunita nisha aisha zainab maryam amina aaliyah sana nadia
        shabana shazia rukhsana tariq faisal khan kavitha lakshmi murugan senthil tharshan
        thusha ganesh suresh kumar
        """,
    "turkish": """
        şükran sukran berfin emre mehmet mustafa elif zeynep ayşe ayse fatma hatice murat serkan
        burak deniz kerem ahmet ali hüseyin huseyin hasan ibrahim ismail osman yusuf ömer omer
        halil süleyman suleyman recep ramazan kemal cem can eren efe arda yiğit yigit baran
        berk onur oğuz oguz tolga volkan selim serdar ercan erkan gökhan gokhan hakan
        emine hacer havva meryem sultan gülsüm gulsum songül songul esra merve büşra busra
        kübra kubra tuğba tugba özlem ozlem derya dilek ebru gamze gizem hande ilknur nesrin
        sevgi sibel tülay yasemin yıldız yildiz zehra ecrin defne eylül eylul nehir asya
        """,
    "kurdish": """
        rojhat berfin hevi rojin dilan shilan azad dara rojda rojbin zelal zîn zin berivan
        nareen narin nasrin hejar hêvî jiyan kawa karwan kurdo rebwar rizgar serhat sherwan
        shivan sirwan soran zana zerdeşt zerdest baran berxwedan dilovan dilşad dilsad
        hogir jîwan jiwan mizgin ronahî ronahi rûken ruken sozdar xezal evîn evin helin
        delal gulistan perwin pervin şirîn sirin bêrîvan
        """,
    "polish": """
        dawid kacper jakub szymon mateusz piotr tomasz krzysztof paweł pawel łukasz lukasz
        agnieszka katarzyna małgorzata malgorzata zofia zuzanna magda ola kasia basia marta
        ewa joanna anna kowalski nowak wiśniewska wojciech wojtek marek michał michal
        grzegorz andrzej jan janusz jerzy kamil maciej marcin przemysław przemek rafał rafal
        sebastian stanisław szczepan bartosz bartek filip igor oskar antoni franciszek
        aleksander wiktor beata dorota edyta iwona jadwiga justyna karolina monika natalia
        renata sylwia urszula wiktoria weronika aleksandra julia maja lena hanna amelia
        kinga emilia gosia """,
    "romanian": """
        vasile andrei ionut ionuț mihai alexandru bogdan ioana elena andreea bianca florin
        darius adrian cătălin catalin cosmin costel constantin cristian dănuț danut dorin
        dumitru gabriel gheorghe ion iulian laurențiu laurentiu liviu marian marius nicolae
        ovidiu petru radu răzvan razvan sorin ștefan stefan tudor valentin viorel alina
        anca camelia corina cristina daniela diana florentina gabriela georgiana irina
        larisa loredana luminița luminita mădălina madalina maria mihaela monica oana
        raluca ramona roxana simona teodora violeta denisa ionela """,
    "eritrean_ethiopian": """
        tedros habte abebe tesfaye selam meron hewan yonas yohannes yosief yemane tekle
        tesfay tsegay tewolde kidane kibrom mehari mesfin mussie mulugeta samuel semere
        senait saba selamawit tsega tsehay tigist mebrat letemariam lwam rahwa ruta ruth
        hiwet helen feven eden elsa almaz aster azieb birikti freweini genet hagos haile
        berhane berhe biniam dawit efrem filmon ghebre goitom habtom isaias kiflom medhanie
        negassi robel sirak teklay tsegai weldu yafet yordanos """,
    "nigerian_west_african": """
        chidi chiamaka ngozi adaeze emeka obinna chinedu oluwaseun seun tunde ade ayo funmi
        folake bukola kemi yetunde femi bola dayo kwame kofi kojo ama akua abena efua yaw
        kwabena amara zuri okonkwo adeyemi mensah asante osei okafor eze nwosu chioma
        chinonso chukwuemeka ebuka ifeanyi ikenna kelechi nnamdi obiora uche uchenna
        adaora amaka chinwe ifeoma nkechi nneka obioma ogechi adebayo adewale ayodele
        babatunde gbenga kayode olumide segun tobi tolu wale yemi abimbola adeola adunni
        ayomide damilola funke iyabo mojisola omolara temitope titilayo toyin yewande
        musa aliyu sani usman hauwa zainab aisha blessing precious chidinma tochukwu """,
    "arabic": """
        yusra layla leila noor nour rania huda samira salma mariam reem hamza khalid walid
        sami karam tarek ahmad mahmoud yasmin yasmine fatima omar ahmed mohammed mohamed
        hassan hussein ali ibrahim youssef yousef mustafa abdullah abdallah khaled tariq
        bilal adam amir anas ayman bashar fadi ghassan hadi haitham hani hisham jamal karim
        majid marwan mazen nabil nasser rami said samir tamer wael yasser ziad zaid zakaria
        aya dalia dina farah ghada hala hana hiba iman jana lama lina maha manal mona nadia
        nada rana rasha rima sara sawsan suha wafa zeina zahra amal asma khadija maryam
        """,
    "other_london": """
        shanice tyrone jermaine marlon delroy winston leroy beverley janelle keisha tanisha
        latoya kareem andre dwayne trevor desmond errol tomas lukas rūta egle arben besnik
        elira joao joão tiago rui ines inês beatriz carla lucia lucía carlos diego javier
        sofia valentina camila mateo santiago silva parisa reza dariush farid wahid mina
        habiba gul wei li mei ling jing xiao hui yan chen zhang wang liu huang minh linh
        thanh nguyen tran hoa jose maria rizal santos reyes moshe yosef chaya rivka esther
        shira yaakov eleni nikos giorgos andreas marco giulia francesca luca alessandro
        pedro paulo gonçalo goncalo afonso duarte leonor matilde lourenço lourenco rodrigo
        miguel alejandro pablo hugo manuel antonio lucas martina paula alba marie camille
        léa lea chloé manon jules théo theo louis gabriel raphaël raphael inès amadou
        moussa ousmane fatou aminata mamadou ibrahima """,
}

# Given names that are also everyday English words: taken as names only where the sentence
# says so (a cue before them, or a capital where the word could not start a sentence).
WORD_NAMES = {
    "hope", "grace", "will", "joy", "faith", "rose", "summer", "autumn", "amber", "ruby", "pearl",
    "holly", "ivy", "daisy", "lily", "poppy", "jade", "crystal", "dawn", "destiny", "honey", "mercy",
    "patience", "precious", "blessing", "gift", "sunny", "rich", "bill", "frank", "mark", "jack",
    "sky", "star", "angel", "hunter", "harmony", "iris", "violet", "heather", "robin", "sandy",
    "miracle", "peace", "victory", "unity", "justice", "royal", "chance", "fortune", "major",
    "sage", "storm", "river", "brook", "willow", "ash", "bob", "pat", "dot", "kit", "may", "june",
    "april", "august", "dean", "chase", "art", "guy", "ray", "sue", "don", "carol", "penny", "luna",
    "said", "can", "jan", "ola", "ion", "ada", "eden", "asya", "non", "bryn", "wyn", "yaw", "ama",
    "aster", "rana", "dara", "mina", "nada", "mona", "aya", "hala", "sara", "cai", "elsa", "lea",
    "wale", "sani", "ade", "eze", "can", "cem", "efe", "zin", "lina", "hana", "hani", "rui",
    "ali", "li", "yan", "hui", "hoa", "adam", "amir", "maya", "kelly", "tess", "nora", "milon",
    "sultan", "begum", "khan", "miah", "deniz", "berk", "baran", "amal", "iman", "lama", "ruth",
    "helen", "marie", "hugo", "paula", "alba", "leo", "ben", "sam", "tom", "joe", "mike", "pete",
    "dave", "chris", "matt", "luke", "john", "mary", "anne", "jane", "kate", "lucy", "amy",
}

# Family names common enough to be worth knowing even when written alone.
FAMILY_NAMES = {
    "okonkwo", "adeyemi", "mensah", "asante", "osei", "okafor", "eze", "nwosu", "kowalski",
    "nowak", "wiśniewska", "wisniewski", "kowalska", "lewandowski", "popescu", "ionescu", "popa",
    "yilmaz", "yılmaz", "kaya", "demir", "şahin", "sahin", "çelik", "celik", "öztürk", "ozturk",
    "warsame", "begum", "khatun", "miah", "uddin", "chowdhury", "rahman", "hussain", "ahmed",
    "mohamud", "jama", "farah", "habte", "tesfaye", "kidane", "ward", "mcdonagh", "connors",
    "joyce", "maughan", "doherty", "murphy", "reilly", "jones", "davies", "evans", "williams",
    "griffiths", "silva", "santos", "nguyen", "tran", "chen", "zhang", "wang", "liu", "huang",
}


def _words(block: str) -> set[str]:
    return {w.strip().lower() for w in block.split() if w.strip()}


# The names written for this project, by community (the public tables add to them below).
OWN_NAMES = frozenset(set().union(*(_words(b) for b in COMMUNITIES.values())))
# Given names from public name statistics (public_names.py says where from and which are left out),
# stored beside this module: one name a line, in lower case.
PUBLIC_NAMES_FILE = Path(__file__).resolve().parent / "public_given_names.txt"
PUBLIC_NAMES = frozenset(PUBLIC_NAMES_FILE.read_text(encoding="utf-8").split())
LATIN_NAMES: frozenset[str] = OWN_NAMES | PUBLIC_NAMES

# Names in their own script, for stories told in Arabic, Bengali and Chinese. Every listed word
# is taken as a name wherever it stands in a story, so Arabic names that are first of all
# everyday words are left out (عادل "fair", روعة "wonderful", حنان "tenderness", دعاء "prayer"):
# the cues and the name tagger find those by their place in the sentence.
NATIVE_SCRIPT_NAMES: dict[str, frozenset[str]] = {
    "ar": frozenset("""
        محمد أحمد احمد محمود مصطفى علي عمر عثمان خالد خليل يوسف إبراهيم ابراهيم إسماعيل اسماعيل
        حسن حسين عبدالله عبد طارق بلال حمزة زيد زياد سامي سمير كريم جمال ماجد مروان نبيل ناصر
        وليد ياسر آدم أنس أيمن فادي هادي هشام رامي مازن تامر وائل فاطمة عائشة خديجة مريم زينب
        نور ليلى سارة سلمى هدى رانيا سميرة ريم ياسمين آية اية دينا فرح هالة هبة إيمان ايمان جنى
        لينا مها منى نادية ندى رنا رشا سوزان سهى وفاء زينة زهراء أمل اسماء أسماء رقية حليمة عبدي
        رهف جود ليان تالا لمى روان رغد دانة تيماء بتول نزار سامر مازن قصي عمرو أسامة اسامة
        معاذ مهند يزن غيث عبدالرحمن
        رحاب سناء هيفاء نوال لبنى عبير شيماء إسراء اسراء نسرين شيرين غادة ميساء نجلاء ابتسام عفاف
        لمياء جيهان شذى سوسن عبلة ريما رولا نهى نهاد فيصل حاتم بسام عماد إياد اياد أيوب ايوب يونس
        إلياس الياس عيسى هارون داود سليمان لؤي معتز شادي عصام فراس مهدي صهيب عبدالعزيز عبدالرحيم
        عبدالكريم عبدالقادر قاسم حيدر
        """.split()),
    "bn": frozenset("""
        মোহাম্মদ মুহাম্মদ আহমেদ আলী রহিম করিম জামাল কামাল হাবিব আনোয়ার রশিদ রফিক শহিদ তারেক
        ফয়সাল মাহফুজ মাহবুব মিজানুর সাব্বির তানভীর রাকিব সোহেল শামীম সুমন রুবেল জুবায়ের ইমরান
        ফাতেমা ফাতিমা আয়েশা রহিমা তাহমিনা সুলতানা রুবিনা জাহানারা রোকসানা শিরিন নাসরিন পারভীন
        ফারজানা সালমা নাজমা নার্গিস শাহানা শামীমা রুমা রূপা মুন্নি লিপি জান্নাত তাসনিম সুমাইয়া
        মরিয়ম জয়নব আমিনা নুসরাত সাদিয়া বেগম খাতুন মিয়া চৌধুরী
        """.split()),
    # The hundred commonest family names cover most people of Chinese heritage; a name is a
    # family name followed by one or two characters, found by the cues in story_language.py.
    "zh_surnames": frozenset("""
        王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾
        肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾
        夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严
        覃 武 戴 莫 孔 向 汤 欧阳
        """.split()),
}

# Given and family names in Arabic and Bengali script from public name tables (public_names.py),
# stored beside this module as lines "<language> given|family <name>". The project's own lists
# above are what the sentiment reader's named copies use; the anonymiser reads both.
PUBLIC_SCRIPT_NAMES_FILE = Path(__file__).resolve().parent / "public_script_names.txt"


def _script_names(kind: str) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for line in PUBLIC_SCRIPT_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        language, of_kind, name = line.split(" ", 2)
        if of_kind == kind:
            found.setdefault(language, set()).add(name)
    return {language: frozenset(names) for language, names in found.items()}


_PUBLIC_GIVEN = _script_names("given")
# Names are looked up word by word, so only names of one word are kept (a two-word given name,
# "نور الهدى", is found from its first word: anonymiser_people._rest_of_name).
SCRIPT_NAMES: dict[str, frozenset[str]] = {
    language: NATIVE_SCRIPT_NAMES[language] | {n for n in _PUBLIC_GIVEN.get(language, ()) if " " not in n}
    for language in ("ar", "bn")}
# Family and second names written for this project, looked for only after a given name or a
# title, where they are names: alone several are everyday words ("ইসলাম" Islam, "আলম" world).
_OWN_SCRIPT_FAMILY = {
    "bn": set("রহমান হোসেন হোসাইন ইসলাম আলম উদ্দিন উদ্দীন জাহান আক্তার আখতার সিদ্দিকী তালুকদার মজুমদার ভূঁইয়া "
              "শেখ খান মোল্লা হক কবির আহমেদ চৌধুরী বেগম খাতুন মিয়া সরকার বিশ্বাস".split()),
    "ar": set("الأحمد الخطيب الشامي الحسيني العلي المالكي".split()),
}
SCRIPT_FAMILY_NAMES: dict[str, frozenset[str]] = {
    language: frozenset(names | _OWN_SCRIPT_FAMILY.get(language, set()))
    for language, names in _script_names("family").items()}
