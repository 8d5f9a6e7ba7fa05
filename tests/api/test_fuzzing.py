"""Schemathesis, in the test process, over every operation of the API's own OpenAPI
document: parameters generated in bounds and out of them, every answer checked against the
document (status, content type, headers, body schema), never a server error, and anything
out of bounds refused. (Its pytest plugin does not run on this pytest, so each operation's
strategy is driven by Hypothesis here.)"""

from __future__ import annotations

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from tests.api.helpers import API

RUNS = settings(
    max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


@pytest.mark.parametrize("mode", list(schemathesis.GenerationMode), ids=lambda m: m.value)
def test_every_operation_meets_its_document(
    demo_app: Flask, mode: schemathesis.GenerationMode
) -> None:
    demo_app.config["ORUK_API_RATE_LIMIT"] = "100000 per minute"
    schema = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", demo_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11

    fuzzed = 0
    for operation in operations:

        @RUNS
        @given(case=operation.as_strategy(generation_mode=mode))
        def call(case: schemathesis.Case) -> None:
            # The in-process transport does not undo compression, as an HTTP client would.
            case.call_and_validate(headers={"Accept-Encoding": "identity"})

        try:
            call()
        except Unsatisfiable:
            # Nothing out of bounds to send: a path id may be any string, "/" takes nothing.
            assert mode is schemathesis.GenerationMode.NEGATIVE, operation.label
            continue
        fuzzed += 1
    assert fuzzed >= (11 if mode is schemathesis.GenerationMode.POSITIVE else 6)
