"""Lists of services a family or a practitioner takes away: print, share, download.

Nothing about the family is stored on the server. A list is only service ids: held in the
address (``/my-list?s=...``, what a shared link and its QR code carry) or in a cookie on
the family's own device (``signpost_list``), which "Clear the list" deletes. A
practitioner's notes for the family live only in the form on the page and in what it prints
or downloads. See ``ids`` (the address form), ``storage`` (the cookie) and ``entries``
(what a list shows).
"""
