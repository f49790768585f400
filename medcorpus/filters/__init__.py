"""Quality filters for consultation data: small named repairs and checks (see `medcorpus filter`).

Repairs (rewrite turns): boilerplate, chrome, artefacts. Checks (keep or reject): placeholders,
length, language, repetition. `ORDER` is the order the stage applies them: repairs first, so the
checks see the repaired text.
"""
from medcorpus.filters.base import FILTERS, Filter, FilterSettings, Verdict, Work, register_filter
from medcorpus.filters import checks as _checks, repairs as _repairs  # noqa: F401  (registers the filters)

ORDER = ["boilerplate", "chrome", "artefacts", "placeholders", "language", "length", "repetition"]

__all__ = ["FILTERS", "ORDER", "Filter", "FilterSettings", "Verdict", "Work", "register_filter"]
