"""UI text of the /peta and /hasil pages (see lib/i18n/__init__.py)."""

TEXT: dict[str, dict[str, str]] = {}
