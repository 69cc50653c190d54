"""What ``/glosarium`` and ``docs/indicators.md`` show: the measure registry as readable entries."""

from __future__ import annotations

from dataclasses import dataclass

from lib.core.i18n import t
from lib.semantic import measures


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    unit: str
    definition: str


def entries(lang: str = "id", *, indicators: bool) -> list[Entry]:
    """The measures of spec section 4 (``indicators=True``) or every other declared measure."""
    return [
        Entry(m.key, m.label_for(lang), t(f"glos.unit.{m.unit}", lang), m.definition_for(lang))
        for m in measures.REGISTRY
        if m.indicator == indicators
    ]


def alert_rules(lang: str = "id") -> str:
    """The rules behind the alerts, with their parameters from the programme settings."""
    return t(
        "glos.alerts",
        lang,
        pct=measures.under_capacity_pct(),
        months=measures.untraced_after_months(),
    )
