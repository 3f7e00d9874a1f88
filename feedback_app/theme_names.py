"""The demo themes' names in each language we offer, by theme slug. Admins change them on the
themes page; a language left empty shows the English name."""
from __future__ import annotations

THEME_NAMES: dict[str, dict[str, str]] = {
    "young-parents": {
        "cy": "Rhieni ifanc", "ar": "الآباء والأمهات الصغار", "bn": "অল্পবয়সী বাবা-মা",
        "so": "Waalidiinta da'da yar", "pl": "Młodzi rodzice", "pt": "Pais jovens",
        "es": "Padres jóvenes", "fr": "Jeunes parents", "tr": "Genç ebeveynler", "zh_Hans": "年轻父母",
    },
    "engaging-fathers": {
        "cy": "Cynnwys tadau", "ar": "إشراك الآباء", "bn": "বাবাদের যুক্ত করা",
        "so": "Ka qaybgelinta aabbayaasha", "pl": "Angażowanie ojców", "pt": "Envolver os pais",
        "es": "Implicar a los padres", "fr": "Impliquer les pères", "tr": "Babaları dahil etmek",
        "zh_Hans": "让父亲参与",
    },
    "conflict-resolution": {
        "cy": "Datrys gwrthdaro", "ar": "حل الخلافات", "bn": "বিরোধ মীমাংসা",
        "so": "Xallinta khilaafaadka", "pl": "Rozwiązywanie konfliktów", "pt": "Resolução de conflitos",
        "es": "Resolución de conflictos", "fr": "Résolution des conflits", "tr": "Anlaşmazlık çözümü",
        "zh_Hans": "化解冲突",
    },
    "advocacy": {
        "cy": "Eiriolaeth", "ar": "المناصرة", "bn": "পক্ষসমর্থন", "so": "U doodid",
        "pl": "Rzecznictwo", "pt": "Defesa de direitos", "es": "Defensa y apoyo", "fr": "Défense des droits",
        "tr": "Savunuculuk", "zh_Hans": "权益倡导",
    },
    "conference-atmosphere": {
        "cy": "Awyrgylch y gynhadledd", "ar": "أجواء المؤتمر", "bn": "সম্মেলনের পরিবেশ",
        "so": "Jawiga shirka", "pl": "Atmosfera konferencji", "pt": "Ambiente da conferência",
        "es": "Ambiente de la conferencia", "fr": "Ambiance de la conférence", "tr": "Toplantının havası",
        "zh_Hans": "会议氛围",
    },
    "jargon-and-language": {
        "cy": "Jargon ac iaith", "ar": "المصطلحات واللغة", "bn": "পরিভাষা ও ভাষা",
        "so": "Erayada xirfadeed iyo luqadda", "pl": "Żargon i język", "pt": "Jargão e linguagem",
        "es": "Jerga y lenguaje", "fr": "Jargon et langage", "tr": "Jargon ve dil", "zh_Hans": "术语与措辞",
    },
    "relationships": {
        "cy": "Perthnasoedd", "ar": "العلاقات", "bn": "সম্পর্ক", "so": "Xiriirka",
        "pl": "Relacje", "pt": "Relações", "es": "Relaciones", "fr": "Relations", "tr": "İlişkiler",
        "zh_Hans": "相互关系",
    },
    "support-offer": {
        "cy": "Y cymorth a gynigir", "ar": "الدعم المقدَّم", "bn": "সহায়তার প্রস্তাব",
        "so": "Taageerada la bixiyo", "pl": "Oferowane wsparcie", "pt": "Apoio oferecido",
        "es": "Apoyo ofrecido", "fr": "Soutien proposé", "tr": "Sunulan destek", "zh_Hans": "提供的支持",
    },
}
