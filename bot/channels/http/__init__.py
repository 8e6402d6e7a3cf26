"""The chat and pre-review over JSON (web page, mini-program), the items, the web chat page
and the health check: one router module per resource.

The paths other layers link to are named here, so that the services can write a
notice's address without importing a router.
"""

API_PREFIX = "/api/v1"
SUBMIT_PATH = f"{API_PREFIX}/prereview"


def notice_path(job_id: str) -> str:
    """Where a job's printable notice is, relative to the site."""
    return f"{SUBMIT_PATH}/{job_id}/notice.html"


def chat_form_path(job_id: str, token: str) -> str:
    """Where a chat job's pre-filled form page is, relative to the site; ``token`` is the
    signed link (``Tokens.form_token``) that stands in for the owner token. The page shows
    the values with their sources, lets the applicant type the blank fields and prints the
    PDF (``form.pdf`` beside it)."""
    return f"{API_PREFIX}/chat/jobs/{job_id}/form.html?sig={token}"
