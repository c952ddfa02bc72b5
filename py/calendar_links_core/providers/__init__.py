"""The calendars calendar-links can add an event to: one module each, behind one small protocol.

`base` holds the protocol (a Provider and the Action it returns for a click), `registry` the
list of calendars in button order. Adding a calendar takes one module here, one line in
`registry.PROVIDERS` and an icon in `static/icons/` with its line in the stylesheet.
"""
