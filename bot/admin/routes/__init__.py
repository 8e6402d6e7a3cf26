"""One router module per part of the workbench; ``bot.admin`` joins them under ``/admin``."""
