"""Spotting child-protection jargon, for two uses:

- families: survey and message wording gets a plain explanation beside each term it uses
  (`explanations`), from the jargon buster (feedback_app/glossary/terms.py);
- staff: survey wording and story drafts get each use of jargon flagged, with a plainer way to
  say it (`find_jargon`).

Matching runs on the English wording; what is shown is translated where it is shown.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..glossary.terms import TERMS, find_terms, term_matches
from ..i18n import N_

# A plainer way to say each term, for staff writing to families.
PLAIN_ALTERNATIVES = {
    "early-help": N_("help early on, before things get harder"),
    "referral": N_("someone asked us to help, or told us they were worried"),
    "mash": N_("the team that first looks at worries about a child"),
    "threshold": N_("the point at which we have to act"),
    "assessment": N_("getting to know your family and what help you need"),
    "child-in-need": N_("a child who needs extra help from us"),
    "section-17": N_("help for a child who needs extra support"),
    "section-47": N_("checking whether a child is safe"),
    "strategy-meeting": N_("a meeting of professionals to plan what to do next"),
    "safeguarding": N_("keeping children safe"),
    "multi-agency": N_("different services working together"),
    "designated-safeguarding-lead": N_("the person at school who deals with worries about children's safety"),
    "team-around-the-child": N_("the people who work with your child"),
    "child-protection-conference": N_("a meeting about keeping your child safe"),
    "initial-child-protection-conference": N_("the first meeting about keeping your child safe"),
    "review-conference": N_("a meeting to check how the plan is going"),
    "child-protection-plan": N_("the plan to keep your child safe"),
    "core-group": N_("a small group who meet with you to carry out the plan"),
    "iro": N_("the person who leads the meeting and is not your social worker"),
    "family-group-conference": N_("a family meeting where your family makes the plan"),
    "advocate": N_("someone on your side who helps you speak up"),
    "chronology": N_("a list of what has happened, in date order"),
    "signs-of-safety": N_("a way of talking about what is going well and what worries us"),
    "significant-harm": N_("serious harm to a child"),
    "neglect": N_("a child not getting the care they need"),
    "statutory": N_("required by law"),
    "step-down": N_("moving to lighter support"),
    "parental-responsibility": N_("a parent's rights and duties"),
    "legal-planning-meeting": N_("a meeting with our lawyers about whether to go to court"),
    "plo": N_("the steps before we might go to court"),
    "pre-proceedings": N_("the stage before we might go to court"),
    "letter-before-proceedings": N_("a letter saying we might go to court, and how to stop that"),
    "care-proceedings": N_("a court case about where a child should live"),
    "care-order": N_("a court decision that gives us a say in your child's care"),
    "supervision-order": N_("a court decision that we support and watch over your family"),
    "emergency-protection-order": N_("a court decision to keep a child safe straight away"),
    "police-protection": N_("the police keeping a child safe for a short time"),
    "section-20": N_("your child staying somewhere else with your agreement"),
    "looked-after": N_("a child in our care"),
    "corporate-parent": N_("the council's duty to care for children in its care"),
    "care-plan": N_("the plan for your child's care"),
    "foster-carer": N_("a person who looks after a child in their home"),
    "kinship-care": N_("a child living with family or friends"),
    "special-guardianship-order": N_("a court decision that a relative or friend brings up a child"),
    "family-time": N_("time a child spends with their family"),
    "cafcass": N_("the service that speaks for children in family court"),
    "childrens-guardian": N_("the person the court chooses to speak for a child"),
}


@dataclass(frozen=True)
class Jargon:
    """One use of a term in a text: where it is, and what to say instead."""

    start: int
    end: int
    found: str
    slug: str
    term: str
    plain: str
    instead: str


def find_jargon(text: str | None) -> list[Jargon]:
    """Every use of jargon in `text`, in order, with its offsets (for highlighting)."""
    return [
        Jargon(start, end, text[start:end], entry["slug"], entry["term"], entry["plain"],
               PLAIN_ALTERNATIVES[entry["slug"]])
        for start, end, entry in term_matches(text or "")
    ]


def explanations(*texts: str | None) -> list[dict]:
    """The jargon buster entries for the terms these texts use, each once, in order of use."""
    return find_terms(" \n ".join(t for t in texts if t))


def init_app(app) -> None:
    """Let templates flag jargon (staff pages) with `find_jargon(text)`."""
    app.jinja_env.globals["find_jargon"] = find_jargon


__all__ = ["Jargon", "PLAIN_ALTERNATIVES", "TERMS", "explanations", "find_jargon"]
