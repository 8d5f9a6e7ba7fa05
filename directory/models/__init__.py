"""The directory's tables, named after Open Referral UK / HSDS 3.0 where they fit."""

from directory.models.accounts import (
    AccountLink,
    RecoveryCode,
    Role,
    SecurityEvent,
    User,
    WebSession,
)
from directory.models.audit import AuditEntry, ColumnMapping, ImportBatch, ImportUpload
from directory.models.enums import (
    Audience,
    DeliveryMethod,
    ReferralRoute,
    ServiceAreaScope,
    ServiceKind,
    ServiceStatus,
)
from directory.models.insights import SearchRecord
from directory.models.jobs import Job
from directory.models.location import Accessibility, Location, ServiceAtLocation
from directory.models.organization import Organization
from directory.models.postcode import Postcode, PostcodeDistrict
from directory.models.proposals import ListingProposal, ProposalStatus, ReviewReminder
from directory.models.reports import ProblemReport, ReportStatus
from directory.models.requests import (
    RequestDetail,
    RequestMessage,
    RequestSettings,
    RequestStatus,
    SupportRequest,
)
from directory.models.schedule import DatedSession, Schedule
from directory.models.search_changes import SearchChange
from directory.models.service import (
    Contact,
    CostOption,
    Language,
    Phone,
    Service,
    ServiceArea,
)
from directory.models.taxonomy import TaxonomyTerm, service_taxonomy

__all__ = [
    "Accessibility",
    "AccountLink",
    "Audience",
    "AuditEntry",
    "ColumnMapping",
    "Contact",
    "CostOption",
    "DatedSession",
    "DeliveryMethod",
    "ImportBatch",
    "ImportUpload",
    "Job",
    "Language",
    "ListingProposal",
    "Location",
    "Organization",
    "Phone",
    "Postcode",
    "PostcodeDistrict",
    "ProblemReport",
    "ProposalStatus",
    "RecoveryCode",
    "ReferralRoute",
    "ReportStatus",
    "RequestDetail",
    "RequestMessage",
    "RequestSettings",
    "RequestStatus",
    "ReviewReminder",
    "Role",
    "Schedule",
    "SearchChange",
    "SearchRecord",
    "SecurityEvent",
    "Service",
    "ServiceArea",
    "ServiceAreaScope",
    "ServiceAtLocation",
    "ServiceKind",
    "ServiceStatus",
    "SupportRequest",
    "TaxonomyTerm",
    "User",
    "WebSession",
    "service_taxonomy",
]
