"""Builds tests/data/sentiment_multilingual.tsv from the phrase tables below.

Every item is written once per language from the same parts (a topic, one or two evaluative
clauses), so the languages hold the same items and can be compared. The phrases were written
for this project by its team (English first, then translated by hand); none comes from the
published quotes kept for independent checks, nor from any review corpus.

Split: the "heldout" clauses below were written after the classifier's design was fixed and are
never used in training; an item is held out when any of its clauses is.

Run: python tests/data/multilingual/build.py
"""
from __future__ import annotations

import csv
from pathlib import Path

LANGS = ("en", "cy", "es", "fr", "pl", "pt")
OUT = Path(__file__).resolve().parent.parent / "sentiment_multilingual.tsv"

ASPECTS = {
    "chair": ("The chair", "Y cadeirydd", "El presidente de la reunión", "Le président de séance", "Przewodniczący", "O presidente da reunião"),
    "social_worker": ("The social worker", "Y gweithiwr cymdeithasol", "La trabajadora social", "L'assistante sociale", "Pracownica socjalna", "A assistente social"),
    "reports": ("The reports", "Yr adroddiadau", "Los informes", "Les rapports", "Raporty", "Os relatórios"),
    "advocate": ("The advocate", "Yr eiriolwr", "El defensor", "L'accompagnant", "Rzecznik", "O defensor"),
    "conference": ("The conference", "Y gynhadledd", "La reunión", "La réunion", "Konferencja", "A reunião"),
    "support": ("The support offered", "Y cymorth a gynigiwyd", "El apoyo ofrecido", "Le soutien proposé", "Oferowane wsparcie", "O apoio oferecido"),
}
# Each aspect's workshop theme (slugs of the demo themes in feedback_app/demo.py).
THEME_OF = {"chair": "relationships", "social_worker": "relationships", "reports": "jargon-and-language",
            "advocate": "advocacy", "conference": "conference-atmosphere", "support": "support-offer"}
REVIEW_TOPICS = {
    "film": ("The film", "Y ffilm", "La película", "Le film", "Film", "O filme"),
    "restaurant": ("The restaurant", "Y bwyty", "El restaurante", "Le restaurant", "Restauracja", "O restaurante"),
    "hotel": ("The hotel", "Y gwesty", "El hotel", "L'hôtel", "Hotel", "O hotel"),
}
BUT = ("but", "ond", "pero", "mais", "ale", "mas")

# (split, label, en, cy, es, fr, pl, pt)
FAMILY_CLAUSES = [
    ("train", "positive", "I felt listened to", "roeddwn i'n teimlo bod rhywun yn gwrando", "sentí que me escuchaban", "je me suis sentie écoutée", "czułam, że ktoś mnie słucha", "senti que me ouviam"),
    ("train", "positive", "it was really helpful", "roedd yn help mawr", "fue de gran ayuda", "ça m'a vraiment aidée", "to bardzo pomogło", "foi uma grande ajuda"),
    ("train", "positive", "I felt respected", "roeddwn i'n teimlo fy mod yn cael parch", "me sentí respetada", "je me suis sentie respectée", "czułam się szanowana", "senti-me respeitada"),
    ("train", "positive", "it made everything clearer", "roedd popeth yn gliriach wedyn", "todo quedó más claro", "tout est devenu plus clair", "wszystko stało się jaśniejsze", "tudo ficou mais claro"),
    ("train", "positive", "I am grateful for it", "rwy'n ddiolchgar amdano", "estoy agradecida por ello", "j'en suis reconnaissante", "jestem za to wdzięczna", "estou grata por isso"),
    ("train", "negative", "I felt ignored", "roeddwn i'n teimlo fy mod yn cael fy anwybyddu", "me sentí ignorada", "je me suis sentie ignorée", "czułam się ignorowana", "senti-me ignorada"),
    ("train", "negative", "it was a waste of time", "gwastraff amser oedd e", "fue una pérdida de tiempo", "c'était une perte de temps", "to była strata czasu", "foi uma perda de tempo"),
    ("train", "negative", "I felt judged", "roeddwn i'n teimlo fy mod yn cael fy marnu", "me sentí juzgada", "je me suis sentie jugée", "czułam się oceniana", "senti-me julgada"),
    ("train", "negative", "it made everything worse", "gwnaeth bopeth yn waeth", "lo empeoró todo", "ça a tout empiré", "wszystko pogorszyło", "piorou tudo"),
    ("train", "negative", "I was left confused and upset", "roeddwn i'n ddryslyd ac yn ofidus", "me quedé confundida y disgustada", "je suis restée perdue et bouleversée", "zostałam zdezorientowana i zdenerwowana", "fiquei confusa e chateada"),
    ("heldout", "positive", "I felt safe and supported", "roeddwn i'n teimlo'n ddiogel ac yn cael cefnogaeth", "me sentí segura y apoyada", "je me suis sentie en sécurité et soutenue", "czułam się bezpieczna i wspierana", "senti-me segura e apoiada"),
    ("heldout", "positive", "it was excellent", "roedd yn ardderchog", "fue excelente", "c'était excellent", "to było świetne", "foi excelente"),
    ("heldout", "positive", "thank you, it helped my family", "diolch, fe helpodd fy nheulu", "gracias, ayudó a mi familia", "merci, ça a aidé ma famille", "dziękuję, to pomogło mojej rodzinie", "obrigada, ajudou a minha família"),
    ("heldout", "negative", "it was awful", "roedd yn ofnadwy", "fue horrible", "c'était affreux", "to było okropne", "foi horrível"),
    ("heldout", "negative", "I felt humiliated", "roeddwn i'n teimlo cywilydd", "me sentí humillada", "je me suis sentie humiliée", "czułam się upokorzona", "senti-me humilhada"),
    ("heldout", "negative", "nobody explained anything to me", "wnaeth neb esbonio dim byd i mi", "nadie me explicó nada", "personne ne m'a rien expliqué", "nikt mi niczego nie wyjaśnił", "ninguém me explicou nada"),
]
REVIEW_CLAUSES = [
    ("train", "positive", "I loved it", "roeddwn i wrth fy modd", "me encantó", "j'ai adoré", "bardzo mi się podobało", "adorei"),
    ("train", "positive", "worth every penny", "gwerth pob ceiniog", "vale cada céntimo", "ça vaut chaque centime", "wart każdej złotówki", "vale cada cêntimo"),
    ("train", "negative", "I hated it", "roeddwn i'n ei gasáu", "lo odié", "j'ai détesté", "nienawidziłam tego", "odiei"),
    ("train", "negative", "a total disappointment", "siom llwyr", "una decepción total", "une déception totale", "totalne rozczarowanie", "uma desilusão total"),
    ("heldout", "positive", "I would recommend it to anyone", "byddwn i'n ei argymell i unrhyw un", "lo recomendaría a cualquiera", "je le recommanderais à tout le monde", "poleciłabym każdemu", "recomendaria a qualquer pessoa"),
    ("heldout", "negative", "never again", "byth eto", "nunca más", "plus jamais", "nigdy więcej", "nunca mais"),
]


def rows():
    for li, lang in enumerate(LANGS):
        aspects = list(ASPECTS)
        for ai, aspect in enumerate(aspects):
            for ci, (split, label, *text) in enumerate(FAMILY_CLAUSES):
                yield (split, "families", lang, f"f-{aspect}-{ci}", label, f"{aspect}:{label}",
                       THEME_OF[aspect], f"{ASPECTS[aspect][li]}: {text[li]}.")
            # Mixed: praise for one aspect, then a complaint about the next.
            other = aspects[(ai + 1) % len(aspects)]
            pos = [c for c in FAMILY_CLAUSES if c[1] == "positive"]
            neg = [c for c in FAMILY_CLAUSES if c[1] == "negative"]
            for k, (p, n) in enumerate(zip(pos, neg)):
                split = "heldout" if "heldout" in (p[0], n[0]) else "train"
                themes = ",".join(sorted({THEME_OF[aspect], THEME_OF[other]}))
                yield (split, "families", lang, f"m-{aspect}-{k}", "mixed",
                       f"{aspect}:positive;{other}:negative", themes,
                       f"{ASPECTS[aspect][li]}: {p[2 + li]}, {BUT[li]} {ASPECTS[other][li][0].lower()}{ASPECTS[other][li][1:]}: {n[2 + li]}.")
        for topic, names in REVIEW_TOPICS.items():
            for ci, (split, label, *text) in enumerate(REVIEW_CLAUSES):
                yield (split, "reviews", lang, f"r-{topic}-{ci}", label, "", "", f"{names[li]}: {text[li]}.")


if __name__ == "__main__":
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(("split", "register", "lang", "item", "label", "aspects", "themes", "text"))
        writer.writerows(rows())
