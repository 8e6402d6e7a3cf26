"""The staff workbench (工作人员后台) at ``/admin``: server-rendered pages in Chinese.

Editors keep the service guides and work through unanswered questions and bad
ratings; admins also manage staff accounts and read the audit log. The pages are
in :mod:`bot.admin.routes` (one router per part, joined in its ``router``); the
modules beside them are the workbench's own rules: accounts, staff sessions, the
audit log, the unanswered queue, rating follow-up, guide files, statistics.
"""

PREFIX = "/admin"
