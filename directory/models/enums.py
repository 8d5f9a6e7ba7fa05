"""Fixed vocabularies stored as plain strings (with CHECK constraints) on every database."""

from enum import StrEnum

import sqlalchemy as sa


class ServiceStatus(StrEnum):
    """HSDS 3.0 service status."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    DEFUNCT = "defunct"
    TEMPORARILY_CLOSED = "temporarily closed"


class ServiceKind(StrEnum):
    """What sort of offer a listing is; councils think in these, families browse by them."""

    FAMILY_CENTRE = "family_centre"
    FAMILY_HUB = "family_hub"
    FIS_ENTRY = "fis_entry"
    HOLIDAY_ACTIVITY = "holiday_activity"
    PANTRY = "pantry"
    COMMUNITY_GROUP = "community_group"
    CLUSTER_CONNECT = "cluster_connect"
    PARENTING_PROGRAMME = "parenting_programme"
    SUPPORT_SERVICE = "support_service"
    HELPLINE = "helpline"
    ONLINE_RESOURCE = "online_resource"
    CHILDCARE = "childcare"
    ACTIVITY = "activity"


class Audience(StrEnum):
    PUBLIC = "public"
    PRACTITIONERS = "practitioners"


class ReferralRoute(StrEnum):
    SELF = "self"
    PROFESSIONAL = "professional"
    BOTH = "both"


class DeliveryMethod(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    ONLINE = "online"
    OUTREACH = "outreach"


class ServiceAreaScope(StrEnum):
    BOROUGH = "borough"
    LOCALITY = "locality"
    REMOTE = "remote"


def enum_column_type(enum: type[StrEnum], name: str) -> sa.Enum:
    """A VARCHAR with a CHECK constraint holding the enum's values (not its names)."""
    return sa.Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
