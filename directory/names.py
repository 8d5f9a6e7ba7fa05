"""What days and kinds of service are called on pages.

Below the layers that show them: the filter table (:mod:`directory.finding.filters`), the
query reader's labels (:mod:`directory.understanding`) and the service page all read them.
"""

from directory.models import ServiceKind
from directory.page_text import lazy_gettext

DAY_NAMES = {
    "MO": lazy_gettext("Monday"),
    "TU": lazy_gettext("Tuesday"),
    "WE": lazy_gettext("Wednesday"),
    "TH": lazy_gettext("Thursday"),
    "FR": lazy_gettext("Friday"),
    "SA": lazy_gettext("Saturday"),
    "SU": lazy_gettext("Sunday"),
}

KIND_NAMES = {
    ServiceKind.FAMILY_CENTRE: lazy_gettext("Family centre"),
    ServiceKind.FAMILY_HUB: lazy_gettext("Family hub"),
    ServiceKind.FIS_ENTRY: lazy_gettext("Family Information Service"),
    ServiceKind.HOLIDAY_ACTIVITY: lazy_gettext("Holiday activities"),
    ServiceKind.PANTRY: lazy_gettext("Community pantry"),
    ServiceKind.COMMUNITY_GROUP: lazy_gettext("Community group"),
    ServiceKind.CLUSTER_CONNECT: lazy_gettext("Cluster Connect"),
    ServiceKind.PARENTING_PROGRAMME: lazy_gettext("Parenting programme"),
    ServiceKind.SUPPORT_SERVICE: lazy_gettext("Support service"),
    ServiceKind.HELPLINE: lazy_gettext("Helpline"),
    ServiceKind.ONLINE_RESOURCE: lazy_gettext("Online help"),
    ServiceKind.CHILDCARE: lazy_gettext("Childcare"),
    ServiceKind.ACTIVITY: lazy_gettext("Activity or club"),
}
