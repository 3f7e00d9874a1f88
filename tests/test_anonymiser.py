"""The story anonymiser: what identifies people goes, readable placeholders come in, the rest stays."""
import json

import pytest

from feedback_app.nlp.anonymiser import anonymise, apply, find_entities


def labels(text):
    return [(text[e.start:e.end], e.label) for e in find_entities(text)]


@pytest.mark.parametrize("phone", [
    "07700 900123", "07700900123", "+44 7700 900123", "+44 (0)7700 900 123", "020 7974 4444",
    "(020) 7974 4444", "0161 496 0000", "01632 960123", "0044 7700 900123",
])
def test_uk_phone_numbers_in_every_common_format(phone):
    result = anonymise(f"Ring me on {phone} any time.")
    assert result.text == "Ring me on [a phone number] any time."


def test_emails_postcodes_urls_and_handles():
    text = "Write to jo.b@example.org, we live near NW5 2TX, see www.example.org.uk or @jo_b88."
    found = labels(text)
    assert ("jo.b@example.org", "EMAIL") in found
    assert ("NW5 2TX", "POSTCODE") in found
    assert ("www.example.org.uk", "URL") in found
    assert ("@jo_b88", "HANDLE") in found


def test_nhs_numbers_only_with_a_valid_checksum():
    assert labels("NHS number 943 476 5919.") == [("943 476 5919", "NHS_NUMBER")]
    # The same digits with a wrong check digit are not an NHS number (but still a long number).
    assert [label for _text, label in labels("Number 943 476 5918 was on it.")] != ["NHS_NUMBER"]


@pytest.mark.parametrize("date", ["12/03/2025", "12.3.25", "2025-03-12", "12th March 2025",
                                  "12 March", "March 12", "Tuesday 5th November", "March 2023"])
def test_dates_in_every_common_format(date):
    assert anonymise(f"It was on {date} that it changed.").text == "It was on [a date] that it changed."


def test_the_same_person_gets_the_same_placeholder_and_roles_read_well():
    result = anonymise("My son Tyler Brown was nervous. Tyler said the Chair was kind. "
                       "Mrs Okafor rang later, and Okafor was lovely.")
    assert result.text == ("[My son] was nervous. [My son] said the Chair was kind. "
                           "[A person] rang later, and [a person] was lovely.")


def test_names_that_are_words_go_only_where_they_are_names():
    assert anonymise("I want to thank Grace and Will for the meeting.").text == \
        "I want to thank [a person] and [another person] for the meeting."
    kept = "I will always have hope, and the grace they showed stays with me."
    assert anonymise(kept).text == kept


def test_what_must_survive_survives():
    text = ("The social worker and the Chair explained the child protection plan at the core group. "
            "I felt listened to, not judged, and my advocate stayed with me after the conference.")
    assert anonymise(text).text == text


def test_schools_surgeries_addresses_and_ages():
    result = anonymise("We live at 14 Maple Road on the Maiden Lane Estate. My daughter is 7 years old "
                       "and goes to Brecknock Primary School; Dr Shah at Queens Crescent Surgery helped.")
    assert result.text == ("We live at [an address] on the [an address]. My daughter is [an age] "
                           "and goes to [a school]; [a person] at [a surgery] helped.")


def test_entities_point_into_the_input_and_apply_rebuilds_the_text():
    text = "Call Amina on 07700 900123."
    result = anonymise(text)
    assert [(text[e.start:e.end], e.label) for e in result.entities] == [
        ("Amina", "PERSON"), ("07700 900123", "PHONE")]
    assert apply(text, result.entities) == result.text
    assert apply(text, [e.as_dict() for e in result.entities]) == result.text


def test_empty_text():
    assert anonymise("").text == ""
    assert anonymise("   ").entities == []


def test_the_anonymise_command_reads_and_writes_json_lines(runner):
    lines = [{"text": "Email sam@example.org please."}, {"text": "Nothing to hide here."}]
    result = runner.invoke(args=["stories", "anonymise"], input="\n".join(json.dumps(l) for l in lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out[0] == {"text": "Email [an email address] please.",
                      "entities": [{"start": 6, "end": 21, "label": "EMAIL"}]}
    assert out[1] == {"text": "Nothing to hide here.", "entities": []}


def test_the_anonymise_command_refuses_a_line_that_is_not_json(runner):
    result = runner.invoke(args=["stories", "anonymise"], input="not json\n")
    assert result.exit_code != 0
    assert "line 1" in result.output
