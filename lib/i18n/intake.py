"""UI text of the intake pages (see lib/i18n/__init__.py)."""

TEXT: dict[str, dict[str, str]] = {}
