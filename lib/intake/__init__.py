"""Data intake (docs/data-contract.md): validated CSV/XLSX import, quarantine, import history, templates.

``reader`` reads a file safely, ``parsers`` hold the Indonesian value parsers, ``schemas`` the
per-kind row models (pydantic), ``rules`` the cross-row and database rules, ``loader`` the
transactional upserts, ``importer.run`` ties them together, ``report`` and ``templates`` produce
what operators read, ``cli`` serves ``python -m lib.cli import|template`` and ``history`` the
history and quarantine lists of the ``/data`` page.
"""
