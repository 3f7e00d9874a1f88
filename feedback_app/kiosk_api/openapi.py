"""The OpenAPI 3.1 description of the kiosk API, served at /api/openapi.json.

Written out by hand so it says exactly what the routes accept and return; keep the two in step.
Only the answers' shape comes from the database (`document()`): it is the kiosk survey's questions.
"""
from __future__ import annotations

import copy

from ..surveys.options import TEXT_KINDS, values_for

ROW_ID = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}

_ERROR = {"$ref": "#/components/responses/Error"}


def _json_body(schema: str) -> dict:
    return {"required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


def _with_pin(summary: str, done: str) -> dict:
    """A route that takes the staff PIN."""
    return {"post": {"summary": summary, "requestBody": _json_body("UnlockRequest"),
                     "responses": {"204": {"description": done}, "400": _ERROR, "401": _ERROR,
                                   "403": _ERROR, "429": _ERROR}}}


OPENAPI = {
    "openapi": "3.1.0",
    "info": {
        "title": "feedback_app kiosk API",
        "version": "1",
        "description": "What a paired wall tablet uses: its settings, the answers it has queued "
                       "(idempotent on a client-made UUID), an answer-later link and its staff PIN.",
    },
    "servers": [{"url": "/"}],
    "security": [{"device": []}],
    "paths": {
        "/api/v1/kiosk/pair": {
            "post": {
                "summary": "Use a one-time pairing token; returns the device credential once",
                "security": [],
                "requestBody": _json_body("PairRequest"),
                "responses": {
                    "201": {"description": "Paired", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Paired"}}}},
                    "400": _ERROR, "404": _ERROR, "429": _ERROR,
                },
            },
        },
        "/api/v1/kiosk/config": {
            "get": {
                "summary": "The tablet's room, meeting, opening hours and idle time",
                "responses": {
                    "200": {"description": "Settings", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Config"}}}},
                    "401": _ERROR, "429": _ERROR,
                },
            },
        },
        "/api/v1/kiosk/responses": {
            "post": {
                "summary": "Keep one answer; a repeat of the same uuid keeps nothing new",
                "requestBody": _json_body("KioskAnswer"),
                "responses": {
                    "201": {"description": "Kept: checked in full, it joins the responses within "
                                           "the minute", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Stored"}}}},
                    "200": {"description": "This uuid came before; nothing new is kept",
                            "content": {"application/json": {
                                "schema": {"$ref": "#/components/schemas/Stored"}}}},
                    "400": _ERROR, "401": _ERROR, "404": _ERROR, "409": _ERROR, "422": _ERROR,
                    "429": _ERROR,
                },
            },
        },
        "/api/v1/kiosk/status": {
            "post": {
                "summary": "Report the tablet's queue, for the admin page",
                "requestBody": _json_body("QueueStatus"),
                "responses": {"204": {"description": "Noted"}, "400": _ERROR, "401": _ERROR,
                              "422": _ERROR, "429": _ERROR},
            },
        },
        "/api/v1/kiosk/later": {
            "post": {
                "summary": "A single-use survey link for the room's meeting, and its QR code",
                "requestBody": _json_body("LaterRequest"),
                "responses": {
                    "201": {"description": "A new link", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Later"}}}},
                    "400": _ERROR, "401": _ERROR, "409": _ERROR, "422": _ERROR, "429": _ERROR,
                },
            },
        },
        "/api/v1/kiosk/unlock": _with_pin("Check the staff PIN that opens the tablet's settings",
                                          "The PIN is right"),
        "/api/v1/kiosk/leave": _with_pin(
            "Leave kiosk mode (the staff PIN again): the browser's pages are no longer the kiosk's",
            "Kiosk mode is left"),
    },
    "components": {
        "securitySchemes": {
            "device": {"type": "http", "scheme": "bearer",
                       "description": "The credential a tablet receives when it is paired."},
        },
        "responses": {
            "Error": {"description": "What went wrong", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Error"}}}},
        },
        "schemas": {
            "Error": {"type": "object", "required": ["error"],
                      "properties": {"error": {"type": "string"}}},
            "PairRequest": {"type": "object", "required": ["pairing_token"],
                            "properties": {"pairing_token": {"type": "string", "maxLength": 100}}},
            "Paired": {"type": "object", "required": ["credential", "room"], "properties": {
                "credential": {"type": "string"}, "room": {"type": "string"}}},
            "Config": {"type": "object", "required": [
                "room", "venue", "default_locale", "meeting", "opening_hours", "time_zone",
                "idle_seconds", "max_text_length"], "properties": {
                "room": {"type": "string"},
                "venue": {"type": "string"},
                "default_locale": {"type": "string"},
                "meeting": {"oneOf": [{"type": "null"}, {
                    "type": "object", "required": ["id", "kind"],
                    "properties": {"id": {"type": "integer"}, "kind": {"type": "string"}}}]},
                "opening_hours": {"oneOf": [{"type": "null"}, {
                    "type": "object", "required": ["opens", "closes"], "properties": {
                        "opens": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"},
                        "closes": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}}}]},
                "time_zone": {"type": "string"},
                "idle_seconds": {"type": "integer", "minimum": 1},
                "max_text_length": {"type": "integer", "minimum": 1},
            }},
            "KioskAnswer": {"type": "object", "required": ["uuid", "survey_version_id", "answers"],
                            "properties": {
                "uuid": {"type": "string", "format": "uuid",
                         "description": "Made by the tablet when the answer is given"},
                "survey_version_id": ROW_ID,
                "meeting_id": {"type": ["integer", "null"], "minimum": 1, "maximum": 2**31 - 1,
                               "description": "The meeting the tablet showed; another room's is ignored"},
                "locale": {"type": "string"},
                "answered_on": {"type": "string", "format": "date",
                                "description": "The day it was given (kept if within 14 days)"},
                "answers": {"type": "object", "additionalProperties": {"type": ["string", "null"]},
                            "description": "Question key to option value or text"},
            }},
            "Stored": {"type": "object", "required": ["stored"],
                       "properties": {"stored": {"type": "boolean"}}},
            "QueueStatus": {"type": "object", "required": ["queued", "failed"], "properties": {
                "queued": {"type": "integer", "minimum": 0, "maximum": 999999},
                "failed": {"type": "integer", "minimum": 0, "maximum": 999999}}},
            "LaterRequest": {"type": "object", "properties": {"locale": {"type": "string"}}},
            "Later": {"type": "object", "required": ["url", "qr"], "properties": {
                "url": {"type": "string", "format": "uri"},
                "qr": {"type": "string", "description": "An SVG QR code as a data: URI"}}},
            "UnlockRequest": {"type": "object", "required": ["pin"],
                              "properties": {"pin": {"type": "string", "maxLength": 32}}},
        },
    },
}


def answers_schema(version, max_text_length: int) -> dict:
    """The answers one version of the kiosk survey accepts: each question's options, or text."""
    properties = {}
    for question in version.questions:
        if question.kind in TEXT_KINDS:
            properties[question.key] = {"type": ["string", "null"], "maxLength": max_text_length}
        else:
            properties[question.key] = {"enum": sorted(values_for(question)) + [None]}
    required = [q.key for q in version.questions if q.required]
    for key in required:
        properties[key] = {k: v for k, v in properties[key].items()}
        if "enum" in properties[key]:
            properties[key]["enum"] = [v for v in properties[key]["enum"] if v is not None]
        else:
            properties[key].update(type="string", minLength=1, pattern=r"\S")
    return {"type": "object", "properties": properties, "required": required,
            "additionalProperties": False}


def document(survey, max_text_length: int) -> dict:
    """The document, with the current kiosk survey's questions filled in."""
    spec = copy.deepcopy(OPENAPI)
    if survey is not None:
        answer = spec["components"]["schemas"]["KioskAnswer"]["properties"]
        answer["survey_version_id"] = {"enum": [v.id for v in survey.versions],
                                       "description": "A version of the kiosk survey"}
        answer["answers"] = answers_schema(survey.current, max_text_length)
    return spec
