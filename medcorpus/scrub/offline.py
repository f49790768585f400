"""Keep tldextract (used by presidio's email/URL recognizers) off the network.

tldextract downloads the public-suffix list on first use; offline that fails after a delay
with a stack trace in the log. Point it at the snapshot bundled in the package, with no
cache directory, before presidio is imported (presidio calls `tldextract.extract`, which
looks up the module-global `TLD_EXTRACTOR` at call time).
"""
from __future__ import annotations

import os

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def configure() -> None:
    import tldextract
    import tldextract.tldextract as _tx

    if getattr(_tx.TLD_EXTRACTOR, "_medcorpus_offline", False):
        return
    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
    extractor._medcorpus_offline = True  # type: ignore[attr-defined]
    _tx.TLD_EXTRACTOR = extractor


configure()


def import_presidio() -> None:
    """Import presidio-analyzer without its optional Hugging Face integrations.

    presidio imports `transformers` (and through it torch) when they are installed, only for
    engines we do not use, and probes CUDA through torch: ~14 s per process here, paid again in every worker. They are
    hidden for the duration of the import (presidio guards them with `except ImportError`)
    and visible again afterwards, so other code in the process can still import them.
    """
    import sys

    if "presidio_analyzer" in sys.modules:
        return
    # presidio probes CUDA through torch at import unless told the device (set it to use a GPU model)
    os.environ.setdefault("PRESIDIO_DEVICE", "cpu")
    optional = ["transformers", "gliner"]
    if not os.environ.get("MEDCORPUS_SCRUB_TORCH"):  # set it for spaCy transformer models (spacy-transformers)
        optional.append("torch")  # thinc (under spaCy) imports torch only to offer it; our models do not use it
    hidden = [m for m in optional if m not in sys.modules]
    for m in hidden:
        sys.modules[m] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import spacy  # noqa: F401
        import presidio_analyzer  # noqa: F401
        import presidio_analyzer.predefined_recognizers  # noqa: F401
    finally:
        for m in hidden:
            if sys.modules.get(m, 0) is None:
                del sys.modules[m]
