"""Jobs as staff read them: what is happening, how far it has got, what came of it."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import format_decimal, gettext, lazy_gettext

from directory.jobs.records import JobStatus

TITLES = {
    "import": lazy_gettext("Importing listings"),
    "rollback": lazy_gettext("Rolling back a batch"),
    "rebuild": lazy_gettext("Rebuilding the search index"),
}
PHASES = {
    "queued": lazy_gettext("Waiting for the job worker to start it."),
    "writing": lazy_gettext("Checking and writing the rows."),
    "rolling-back": lazy_gettext("Undoing the batch’s changes."),
    "indexing": lazy_gettext("Updating the search index, so families can find the listings."),
}

STATES = {
    "queued": lazy_gettext("Waiting"),
    "running": lazy_gettext("Running"),
    "done": lazy_gettext("Done"),
    "failed": lazy_gettext("Failed"),
}
STATE_CLASSES = {
    "queued": "govuk-tag--grey",
    "running": "govuk-tag--blue",
    "done": "govuk-tag--green",
    "failed": "govuk-tag--red",
}


@dataclass(frozen=True)
class JobView:
    status: JobStatus
    title: str
    doing: str
    """What it is doing now."""
    counted: str
    """How far it has got, like "12,000 of 60,000 rows"; empty until the phase has a size."""
    percent: int

    def as_json(self) -> dict[str, object]:
        return {
            "state": self.status.state,
            "phase": self.status.phase,
            "done": self.status.done,
            "total": self.status.total,
            "finished": self.status.finished,
            "doing": self.doing,
            "counted": self.counted,
            "percent": self.percent,
        }


def job_view(status: JobStatus) -> JobView:
    done, total = status.done, status.total
    return JobView(
        status=status,
        title=str(TITLES.get(status.kind, status.kind)),
        doing=str(PHASES.get(status.phase, "")),
        counted=_counted(status.phase, done, total) if total else "",
        percent=min(100, done * 100 // total) if total else 0,
    )


def _counted(phase: str, done: int, total: int) -> str:
    numbers = {"done": format_decimal(done), "total": format_decimal(total)}
    if phase == "writing":
        return gettext("%(done)s of %(total)s rows", **numbers)
    if phase == "rolling-back":
        return gettext("%(done)s of %(total)s changes", **numbers)
    return gettext("%(done)s of %(total)s listings", **numbers)
