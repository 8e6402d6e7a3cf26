"""The faces of onetrip: WeChat, the mini-program and web chat API, the staff workbench, the CLI.

The public surface is small: :class:`Settings` (the one settings object,
``ONETRIP_*``), :func:`create_app` (the FastAPI app), :func:`main` (the
``onetrip`` command) and :func:`run_job` (what a task-queue worker runs).
Everything else is reached through :mod:`bot.compose`, the one place that
builds the long-lived objects of a role.

Inside, imports go one way (``tests/test_imports.py`` keeps it so)::

    cli, worker, app                       roles: run the service one way
      compose                              builds every long-lived object for a role
        channels (http, wechat_callback), admin    entry points over HTTP
          deps, services, wechat           what the entry points use
            dialog, jobs                   the conversation; pre-review jobs
              settings, _db, _redis, situations, privacy

The names are imported on first use, so that ``onetrip kb lint`` does not load
the web framework.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.app import create_app
    from bot.cli import main
    from bot.settings import Settings
    from bot.worker import run_job

__all__ = ["Settings", "create_app", "main", "run_job"]


def __getattr__(name: str) -> Any:
    if name == "Settings":
        from bot.settings import Settings

        return Settings
    if name == "create_app":
        from bot.app import create_app

        return create_app
    if name == "main":
        from bot.cli import main

        return main
    if name == "run_job":
        from bot.worker import run_job

        return run_job
    raise AttributeError(f"module 'bot' has no attribute {name!r}")
