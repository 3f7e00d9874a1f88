"""The jargon buster's terms, and a helper that spots them in a piece of text.

Each term has a stable ``slug`` (used as the page anchor), a ``term`` and a
``plain`` explanation (both marked with ``N_`` and translated where shown), and
English ``aliases`` (other ways people write it) used only for matching.
Explanations describe practice in England and Wales.
"""
from __future__ import annotations

import re

from ..i18n import N_

TERMS: list[dict] = [
    {
        "slug": "early-help",
        "term": N_("Early help"),
        "plain": N_("Early help is support for your family as soon as problems start, so they don't get bigger. It might come from a family hub, a school or a health visitor. You choose whether to take it."),
        "aliases": ["early help assessment", "early help plan", "family hub"],
    },
    {
        "slug": "referral",
        "term": N_("Referral"),
        "plain": N_("A referral is when someone tells Children's Services they are worried about a child, or asks for help for a family. It might come from a school, a doctor, the police, or from you."),
        "aliases": ["referrals", "referred"],
    },
    {
        "slug": "mash",
        "term": N_("MASH (Multi-Agency Safeguarding Hub)"),
        "plain": N_("The MASH is a team where social workers, police, health workers and others share what they know. They decide quickly what help a child needs after someone has raised a worry."),
        "aliases": ["MASH", "multi-agency safeguarding hub", "multi agency safeguarding hub"],
    },
    {
        "slug": "threshold",
        "term": N_("Threshold"),
        "plain": N_("A threshold is the line that decides what kind of help or action is needed for a child. In court, it means the judge must agree that a child has been, or is likely to be, seriously harmed before making a care or supervision order."),
        "aliases": ["thresholds", "threshold criteria", "threshold document"],
    },
    {
        "slug": "assessment",
        "term": N_("Assessment"),
        "plain": N_("An assessment is when a social worker gets to know your family to understand what your child needs. They talk with you, your child and people like teachers. It is sometimes called a single assessment or a child and family assessment, and should be finished within 45 working days."),
        "aliases": ["single assessment", "child and family assessment", "social work assessment", "assessments"],
    },
    {
        "slug": "child-in-need",
        "term": N_("Child in need"),
        "plain": N_("A child in need is a child who needs extra help to be healthy, safe and to do well, or who is disabled. A social worker makes a plan with you. This help is something you agree to."),
        "aliases": ["children in need", "CIN", "child in need plan", "CIN plan"],
    },
    {
        "slug": "section-17",
        "term": N_("Section 17"),
        "plain": N_("Section 17 is the part of the law (the Children Act 1989) that says the council must help children in need and their families. Help under section 17 is offered, not forced on you."),
        "aliases": ["s17", "s.17"],
    },
    {
        "slug": "section-47",
        "term": N_("Section 47"),
        "plain": N_("A section 47 enquiry happens when Children's Services think a child may be being harmed, or may be at risk of serious harm. The law says they must find out if the child is safe. A social worker will talk to you, your child and people like the school or doctor."),
        "aliases": ["s47", "s.47", "section 47 enquiry", "section 47 enquiries", "child protection enquiry"],
    },
    {
        "slug": "strategy-meeting",
        "term": N_("Strategy meeting"),
        "plain": N_("A strategy meeting is when social workers, police, health workers and others talk about a worry that a child may be being harmed. They decide what to do next, for example whether to start a section 47 enquiry. Parents are not usually at this meeting."),
        "aliases": ["strategy discussion", "strategy meetings", "strat meeting"],
    },
    {
        "slug": "safeguarding",
        "term": N_("Safeguarding"),
        "plain": N_("Safeguarding means keeping children safe from harm and helping them grow up healthy and well. It is everyone's job, not just social workers'."),
        "aliases": ["safeguard", "safeguarding concern"],
    },
    {
        "slug": "multi-agency",
        "term": N_("Multi-agency"),
        "plain": N_("Multi-agency means different services working together, such as social workers, schools, doctors, nurses and the police. They share what they know so your family gets the right help."),
        "aliases": ["multi agency", "multiagency", "partner agencies"],
    },
    {
        "slug": "designated-safeguarding-lead",
        "term": N_("Designated safeguarding lead"),
        "plain": N_("The designated safeguarding lead is the person in a school, nursery or college who deals with worries about children's safety. They can talk to Children's Services if they are worried."),
        "aliases": ["DSL", "safeguarding lead"],
    },
    {
        "slug": "team-around-the-child",
        "term": N_("Team around the child"),
        "plain": N_("The team around the child is the group of people who work with your child and family, such as teachers and health workers. You meet together to make a plan and check how it is going."),
        "aliases": ["TAC", "TAC meeting", "team around the family", "TAF"],
    },
    {
        "slug": "child-protection-conference",
        "term": N_("Child protection conference"),
        "plain": N_("A child protection conference is a meeting of your family and the people who work with you. Together they decide if your child needs a child protection plan to keep them safe. You will be invited, and you can bring someone to support you."),
        "aliases": ["CPC", "case conference", "child protection conferences"],
    },
    {
        "slug": "initial-child-protection-conference",
        "term": N_("Initial child protection conference"),
        "plain": N_("The initial child protection conference is the first child protection meeting after a section 47 enquiry. It normally happens within 15 working days of the strategy meeting. It decides if your child needs a child protection plan."),
        "aliases": ["ICPC", "initial conference", "initial case conference"],
    },
    {
        "slug": "review-conference",
        "term": N_("Review conference"),
        "plain": N_("A review conference checks how the child protection plan is going and whether it is still needed. The first one is within 3 months of the first conference, and then at least every 6 months."),
        "aliases": ["RCPC", "review child protection conference", "child protection review", "review conferences"],
    },
    {
        "slug": "child-protection-plan",
        "term": N_("Child protection plan"),
        "plain": N_("A child protection plan is a written plan to keep your child safe. It says what needs to change, who will help, and by when."),
        "aliases": ["CP plan", "CPP", "child protection plans"],
    },
    {
        "slug": "core-group",
        "term": N_("Core group"),
        "plain": N_("The core group is you, your family and the main people working with you. You meet regularly to put the child protection plan into action and check how things are going."),
        "aliases": ["core group meeting", "core group meetings", "core groups"],
    },
    {
        "slug": "iro",
        "term": N_("Independent Reviewing Officer (IRO)"),
        "plain": N_("An Independent Reviewing Officer is an experienced social worker who is not in charge of your family's case. They chair (run) review meetings for children in care and check the plan is right for the child. Child protection conferences are run by a similar independent chair."),
        "aliases": ["IRO", "Independent Reviewing Officer", "chair", "chairperson", "independent chair", "conference chair"],
    },
    {
        "slug": "family-group-conference",
        "term": N_("Family group conference"),
        "plain": N_("A family group conference is a meeting where your family and friends come together to make a plan for your child. Someone independent helps set it up, and your family gets time on its own to talk."),
        "aliases": ["FGC", "family group conferences", "family network meeting"],
    },
    {
        "slug": "advocate",
        "term": N_("Advocate"),
        "plain": N_("An advocate is someone on your side who helps you say what you think and makes sure you are listened to. Children and young people can have an advocate, and some parents can too."),
        "aliases": ["advocates", "advocacy", "independent advocate"],
    },
    {
        "slug": "chronology",
        "term": N_("Chronology"),
        "plain": N_("A chronology is a list, in date order, of important things that have happened in a child's life and family. If you think something on it is wrong, you can tell your social worker."),
        "aliases": ["chronologies"],
    },
    {
        "slug": "signs-of-safety",
        "term": N_("Signs of Safety"),
        "plain": N_("Signs of Safety is a way of working that many councils use. It asks: what is working well, what are we worried about, and what needs to happen next?"),
        "aliases": ["three houses"],
    },
    {
        "slug": "significant-harm",
        "term": N_("Significant harm"),
        "plain": N_("Significant harm is the law's name for harm that is serious enough that Children's Services must act. It can be from one serious event, or from things that build up over time."),
        "aliases": ["risk of significant harm"],
    },
    {
        "slug": "neglect",
        "term": N_("Neglect"),
        "plain": N_("Neglect is when a child's basic needs are not met, again and again. These needs include food, clean clothes, a warm and safe home, going to the doctor, and love and attention."),
        "aliases": ["neglected", "neglectful"],
    },
    {
        "slug": "statutory",
        "term": N_("Statutory"),
        "plain": N_("Statutory means the law says it must happen. Statutory services are ones the council has to provide by law."),
        "aliases": ["statutory services", "statutory duty", "statutory social work"],
    },
    {
        "slug": "step-down",
        "term": N_("Step down"),
        "plain": N_("Step down means your family moves to a lighter kind of support because things have got better. For example, from a child protection plan to a child in need plan, or to early help."),
        "aliases": ["step-down", "stepped down", "stepping down"],
    },
    {
        "slug": "parental-responsibility",
        "term": N_("Parental responsibility"),
        "plain": N_("Parental responsibility means the legal rights and duties a parent has, like choosing a child's school or agreeing to medical care. Mothers have it automatically. Fathers usually have it if they were married to the mother or are named on the birth certificate."),
        "aliases": ["PR"],
    },
    {
        "slug": "legal-planning-meeting",
        "term": N_("Legal planning meeting"),
        "plain": N_("A legal planning meeting is where social workers, their managers and the council's lawyers talk about whether a case might need to go to court. Families are not at this meeting, but you will be told what happens next."),
        "aliases": ["LPM", "legal gateway meeting", "legal gateway", "legal planning meetings"],
    },
    {
        "slug": "plo",
        "term": N_("Public Law Outline (PLO)"),
        "plain": N_("The Public Law Outline is the set of steps that councils and family courts follow when they are thinking about going to court about a child. It aims to keep things fair and to stop cases taking too long."),
        "aliases": ["PLO", "Public Law Outline"],
    },
    {
        "slug": "pre-proceedings",
        "term": N_("Pre-proceedings"),
        "plain": N_("Pre-proceedings is the stage before the council goes to court. You will be invited to a meeting with your solicitor to agree what needs to change, so that going to court might not be needed."),
        "aliases": ["pre proceedings", "PLO meeting", "pre-proceedings meeting", "PLO process"],
    },
    {
        "slug": "letter-before-proceedings",
        "term": N_("Letter before proceedings"),
        "plain": N_("A letter before proceedings tells you the council is very worried and is thinking about going to court. Take it to a solicitor straight away. Legal advice at this stage is free for parents."),
        "aliases": ["LBP", "PLO letter", "letter before proceeding"],
    },
    {
        "slug": "care-proceedings",
        "term": N_("Care proceedings"),
        "plain": N_("Care proceedings are a court case where the council asks the family court to make a care order or supervision order for a child. Parents get free legal help, and the court aims to decide within 26 weeks."),
        "aliases": ["public law proceedings", "court proceedings"],
    },
    {
        "slug": "care-order",
        "term": N_("Care order"),
        "plain": N_("A care order is made by a judge. It means the council shares parental responsibility with you and can decide where your child lives. An interim care order is a short-term one made while the court case goes on."),
        "aliases": ["care orders", "interim care order", "ICO", "full care order"],
    },
    {
        "slug": "supervision-order",
        "term": N_("Supervision order"),
        "plain": N_("A supervision order is made by a judge. Your child usually stays living with you, and a social worker visits to advise and help. The council does not get parental responsibility."),
        "aliases": ["supervision orders", "interim supervision order"],
    },
    {
        "slug": "emergency-protection-order",
        "term": N_("Emergency protection order"),
        "plain": N_("An emergency protection order is made by a court when a child needs to be kept safe straight away. It lets the council move the child to a safe place, or keep them there, for up to 8 days."),
        "aliases": ["EPO"],
    },
    {
        "slug": "police-protection",
        "term": N_("Police protection"),
        "plain": N_("In an emergency, the police can take a child to a safe place, or stop them being moved, for up to 72 hours. This is called police protection."),
        "aliases": ["police powers of protection", "PPO"],
    },
    {
        "slug": "section-20",
        "term": N_("Section 20 (voluntary accommodation)"),
        "plain": N_("Section 20 is when your child lives away from home, cared for by the council, because you have agreed to it. There is no court order, so you keep your parental responsibility. You can ask for your child to come home at any time, and it is a good idea to get legal advice."),
        "aliases": ["section 20", "s20", "s.20", "voluntary accommodation", "voluntarily accommodated"],
    },
    {
        "slug": "looked-after",
        "term": N_("Looked after"),
        "plain": N_("A child is looked after when the council cares for them for more than 24 hours. This can be because of a care order, or because parents have agreed (section 20). People often say children in care."),
        "aliases": ["looked-after", "looked after child", "looked after children", "looked-after child", "looked-after children", "LAC", "CLA", "child looked after", "children looked after", "in care", "child in care", "children in care"],
    },
    {
        "slug": "corporate-parent",
        "term": N_("Corporate parent"),
        "plain": N_("When a child is in care, the whole council becomes their corporate parent. This means everyone at the council should try to do what a good parent would do for them."),
        "aliases": ["corporate parenting", "corporate parents"],
    },
    {
        "slug": "care-plan",
        "term": N_("Care plan"),
        "plain": N_("A care plan is the plan for a child in care. It says where they will live, how their health and schooling will be looked after, and when they will see their family."),
        "aliases": ["care plans"],
    },
    {
        "slug": "foster-carer",
        "term": N_("Foster carer"),
        "plain": N_("A foster carer looks after a child in care in their own home. Foster carers are checked and approved, and they get training and support."),
        "aliases": ["foster carers", "foster care", "fostering", "foster placement"],
    },
    {
        "slug": "kinship-care",
        "term": N_("Kinship care (connected person)"),
        "plain": N_("Kinship care is when a relative or family friend looks after a child who cannot live with their parents. A connected person is a relative, friend or someone who knows the child, who is checked so they can be the child's carer."),
        "aliases": ["kinship care", "kinship carer", "kinship carers", "connected person", "connected persons", "connected carer", "family and friends care"],
    },
    {
        "slug": "special-guardianship-order",
        "term": N_("Special guardianship order"),
        "plain": N_("A special guardianship order is made by a judge so that someone, often a relative, can bring up a child until they are 18. The special guardian makes most everyday decisions, but the child's parents are still their legal parents."),
        "aliases": ["SGO", "special guardian", "special guardians", "special guardianship"],
    },
    {
        "slug": "family-time",
        "term": N_("Family time (contact)"),
        "plain": N_("Family time is when a child who is not living at home spends time with their parents, brothers and sisters, or other people who matter to them. It used to be called contact, and sometimes a worker is there too."),
        "aliases": ["family time", "contact time", "supervised contact", "contact arrangements"],
    },
    {
        "slug": "cafcass",
        "term": N_("Cafcass"),
        "plain": N_("Cafcass stands for the Children and Family Court Advisory and Support Service. It is separate from the council and speaks up for children in the family court in England. In Wales the same job is done by Cafcass Cymru."),
        "aliases": ["Children and Family Court Advisory and Support Service", "Cafcass Cymru"],
    },
    {
        "slug": "childrens-guardian",
        "term": N_("Children's guardian"),
        "plain": N_("A children's guardian works for Cafcass and is separate from the council. In care proceedings they get to know your child and tell the judge what they think is best for them. They also choose a solicitor for your child."),
        "aliases": ["childrens guardian", "guardian", "guardian ad litem"],
    },
]


def _key(text: str) -> str:
    """One spelling per phrase: lower case, single spaces, straight apostrophes."""
    return " ".join(text.replace("\u2019", "'").lower().split())


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: any run of spaces between words, either kind of apostrophe."""
    words = (re.escape(word).replace("'", "['\u2019]") for word in phrase.split())
    return r"\s+".join(words)


_TERM_FOR = {_key(phrase): t for t in TERMS for phrase in [t["term"], *t["aliases"]]}

# Longest phrases first, so "initial child protection conference" wins over
# "child protection conference" when both start at the same place.
_PATTERN = re.compile(
    r"(?<!\w)(?:"
    + "|".join(_phrase_pattern(p) for p in sorted(_TERM_FOR, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


def term_matches(text: str):
    """(start, end, entry) for every mention of a glossary term in ``text``, in order."""
    for match in _PATTERN.finditer(text or ""):
        yield match.start(), match.end(), _TERM_FOR[_key(match.group())]


def find_terms(text: str) -> list[dict]:
    """The glossary terms mentioned in ``text`` (whole words, any case), each once, in order of first mention."""
    found: dict[str, dict] = {}
    for _start, _end, term in term_matches(text):
        found.setdefault(term["slug"], term)
    return list(found.values())
