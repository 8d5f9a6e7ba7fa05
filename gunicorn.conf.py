"""gunicorn's settings, read from the working directory: access logs without query strings.

``%(U)s`` is the path alone, so a family's postcode and search words (in the query
string) never reach a log file. No user agent or referrer is logged either.
"""

accesslog = "-"
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
