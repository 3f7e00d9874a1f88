"""schemathesis drives the kiosk API from its own OpenAPI document: no input gives a server
error, and every answer matches what the document promises."""
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from .test_kiosk_api import _meeting, _pair


@pytest.fixture
def api_schema(app):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", app)


@pytest.fixture
def device_headers(client, runner, app):
    headers, _token, _pin = _pair(client, runner)
    _meeting(app)
    return headers


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def test_the_kiosk_api_keeps_its_promises(api_schema, device_headers):
    # Each operation is driven by Hypothesis with the cases schemathesis draws from the document.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 6
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        def keeps_its_promises(case):
            response = case.call(headers=device_headers)
            case.validate_response(response, checks=CHECKS)

        keeps_its_promises()
