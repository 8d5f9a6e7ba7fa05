"""The API's errors: JSON bodies with the status and a sentence saying what to change."""

from __future__ import annotations

import json

from flask import Blueprint, Response
from werkzeug.exceptions import HTTPException

from directory.api.params import BadParameter


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


TITLES = {
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    410: "Gone",
    429: "Too Many Requests",
    500: "Internal Server Error",
}


def error_response(status: int, message: str) -> Response:
    body = {"status": status, "error": TITLES.get(status, "Error"), "message": message}
    return Response(json.dumps(body), status, mimetype="application/json")


def register(blueprint: Blueprint) -> None:
    @blueprint.errorhandler(ApiError)
    def _api_error(error: ApiError) -> Response:
        return error_response(error.status, error.message)

    @blueprint.errorhandler(BadParameter)
    def _bad_parameter(error: BadParameter) -> Response:
        return error_response(400, error.message)

    def _http_error(error: HTTPException) -> Response:
        status = error.code or 500
        message = TITLES.get(status, "Error")
        if status == 429:
            message = f"Too many requests from your address: the limit is {error.description}."
        response = error_response(status, message)
        if status == 405:
            response.headers["Allow"] = "GET, HEAD, OPTIONS"
        return response

    # By code, not by class: the site's own handlers are found by code first, and they
    # answer with HTML pages.
    for code in TITLES:
        blueprint.register_error_handler(code, _http_error)
