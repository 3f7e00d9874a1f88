"""The surveys the product ships with (PRODUCT.md, "Survey content to ship").

Wording is English here and marked with N_ so the catalogs carry its translations; pages
translate it when they show it. An admin's edit makes a new version in the database and leaves
this file alone.
"""
from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..i18n import N_
from ..models import Question, Survey, SurveyVersion

HEADLINE = {
    "key": "overall",
    "kind": "rating",
    # The NHS Friends and Family Test wording (April 2020), adapted to a meeting.
    "prompt": N_("Overall, how was your experience of the meeting?"),
    "required": True,
}

SHORT_SLUG = "short"
FULL_SLUG = "debrief"

WORKED_WITH_OPTIONS = [
    {"value": "worked_with", "label": N_("Worked with")},
    {"value": "both", "label": N_("A bit of both")},
    {"value": "done_to", "label": N_("Done to")},
]

ONE_CHANGE = {"key": "one_change", "kind": "free_text",
              "prompt": N_("What is the one thing that should change?")}

SURVEYS = [
    {
        # What a link or card asks unless the council chose otherwise for the kind of meeting
        # (choice.link_survey_for): three questions, under two minutes on a phone.
        "slug": SHORT_SLUG,
        "name": "Short debrief (three questions)",
        "default_delay_days": 3,
        "title": N_("How was your meeting?"),
        "intro": N_("Three questions, under two minutes. You can skip any question. We do not ask your name, and nobody can tell who gave these answers."),
        "questions": [
            HEADLINE,
            {"key": "went_well", "kind": "free_text", "prompt": N_("What went well?")},
            ONE_CHANGE,
        ],
    },
    {
        "slug": "debrief",
        "name": "Debrief after a meeting",
        "default_delay_days": 3,
        "title": N_("How was your meeting?"),
        "intro": N_("This takes about five minutes. You can skip any question. We do not ask your name, and nobody can tell who gave these answers."),
        "questions": [
            HEADLINE,
            # One thing per question: why we were involved, and what happens next, are two.
            {"key": "understood_why", "kind": "yes_no",
             "prompt": N_("Did you understand why we were involved with your family?")},
            {"key": "know_next_steps", "kind": "yes_no",
             "prompt": N_("Do you know what happens next?")},
            {"key": "reports_in_time", "kind": "yes_no",
             "prompt": N_("Were reports shared with you in good time before the meeting?")},
            {"key": "chair_spoke_first", "kind": "yes_no",
             "prompt": N_("Did the Chair of the meeting speak with you before it started?")},
            {"key": "said_what_mattered", "kind": "yes_no",
             "prompt": N_("Were you able to say what mattered to you?")},
            {"key": "listened_to", "kind": "yes_no",
             "prompt": N_("Did you feel listened to?")},
            {"key": "rights_explained", "kind": "yes_no",
             "prompt": N_("Did anyone explain your rights to you?")},
            {"key": "advocate_would_help", "kind": "yes_no",
             "prompt": N_("Would an advocate (someone on your side, who is not from Children's Services) have helped you?")},
            {"key": "worked_with", "kind": "single_choice",
             "prompt": N_("Did you feel worked with, or done to?"), "options": WORKED_WITH_OPTIONS},
            ONE_CHANGE,
        ],
    },
    {
        "slug": "trigger",
        "name": "Finish the sentence",
        "default_delay_days": 3,
        "title": N_("Finish the sentence"),
        "intro": N_("Finish any of these sentences in your own words. Leave out the ones you do not want to answer."),
        "questions": [
            # The trigger questions of the enquiry's Appendix C.
            {"key": "conference_feel", "kind": "sentence_completion",
             "prompt": N_("A child protection conference makes me feel…")},
            {"key": "relationship_works", "kind": "sentence_completion",
             "prompt": N_("A relationship works well when…")},
            {"key": "respond_better", "kind": "sentence_completion",
             "prompt": N_("I understand and respond better when…")},
            {"key": "helped_when", "kind": "sentence_completion",
             "prompt": N_("I was helped when someone…")},
            {"key": "makes_angry", "kind": "sentence_completion",
             "prompt": N_("The thing that makes me angry is…")},
            {"key": "advocacy_is", "kind": "sentence_completion",
             "prompt": N_("I think advocacy is…")},
            {"key": "ideal_conference", "kind": "sentence_completion",
             "prompt": N_("In an ideal world a child protection conference would be like…")},
            {"key": "felt_good_because", "kind": "sentence_completion",
             "prompt": N_("Recently a child protection conference felt good because…")},
            {"key": "fathers_need", "kind": "sentence_completion",
             "prompt": N_("Fathers need…")},
            {"key": "good_experience", "kind": "sentence_completion",
             "prompt": N_("A good experience with social services would mean…")},
            {"key": "can_change_by", "kind": "sentence_completion",
             "prompt": N_("Child protection here can change by…")},
        ],
    },
    {
        "slug": "kiosk",
        "name": "Quick feedback at the meeting room",
        "default_delay_days": 0,
        "title": N_("Quick feedback"),
        "intro": N_("A few quick questions. It takes less than a minute."),
        "questions": [
            # Asked first on the kiosk, so answers can be read by who gave them.
            {"key": "who_are_you", "kind": "single_choice", "prompt": N_("Who are you?"),
             "options": [
                 {"value": "parent", "label": N_("A parent")},
                 {"value": "family_member", "label": N_("Another family member")},
                 {"value": "advocate", "label": N_("An advocate")},
                 {"value": "professional", "label": N_("A professional")},
             ]},
            {"key": "overall_smiley", "kind": "smiley",
             "prompt": N_("How was the meeting for you today?"), "required": True},
            {"key": "listened_to", "kind": "yes_no",
             "prompt": N_("Did you feel listened to?")},
            {"key": "know_next_steps", "kind": "yes_no",
             "prompt": N_("Do you know what happens next?")},
            {"key": "worked_with", "kind": "single_choice",
             "prompt": N_("Did you feel worked with, or done to?"), "options": WORKED_WITH_OPTIONS},
            {"key": "anything_else", "kind": "free_text",
             "prompt": N_("Is there anything else you want to tell us?")},
        ],
    },
]


def add_version(survey: Survey, spec: dict, created_by=None) -> SurveyVersion:
    """Add a new version of `survey` with the title, intro and questions of `spec`."""
    number = (survey.versions[-1].number + 1) if survey.versions else 1
    version = SurveyVersion(
        survey=survey, number=number, title=spec["title"], intro=spec.get("intro", ""),
        created_by_id=getattr(created_by, "id", None),
    )
    for position, q in enumerate(spec["questions"], start=1):
        version.questions.append(Question(
            position=position, key=q["key"], kind=q["kind"], prompt=q["prompt"],
            hint=q.get("hint", ""), required=q.get("required", False),
            options=[dict(o) for o in q.get("options", [])],
        ))
    db.session.add(version)
    return version


def _wording(version: SurveyVersion) -> tuple:
    return (version.title, version.intro or "", tuple(
        (q.key, q.kind, q.prompt, q.hint or "", q.required, tuple(tuple(sorted(o.items())) for o in q.options or ()))
        for q in version.questions))


def _spec_wording(spec: dict) -> tuple:
    return (spec["title"], spec.get("intro", ""), tuple(
        (q["key"], q["kind"], q["prompt"], q.get("hint", ""), q.get("required", False),
         tuple(tuple(sorted(o.items())) for o in q.get("options", ())))
        for q in spec["questions"]))


def ensure_shipped_surveys() -> list[Survey]:
    """Create any shipped survey that is missing, and give a shipped survey nobody has edited
    this file's wording as a new version when the wording here has changed (answers keep the
    version they were given to). An admin's edit is never overwritten. Safe to run again."""
    created = []
    existing = {s.slug: s for s in db.session.scalars(select(Survey))}
    for spec in SURVEYS:
        survey = existing.get(spec["slug"])
        if survey is None:
            survey = Survey(slug=spec["slug"], name=spec["name"], default_delay_days=spec["default_delay_days"])
            db.session.add(survey)
            add_version(survey, spec)
            created.append(survey)
        elif survey.current.created_by_id is None and _wording(survey.current) != _spec_wording(spec):
            add_version(survey, spec)
    db.session.flush()
    return created
