"""PII scrubbing for consultations (English and Chinese) on presidio.

`offline` must be imported before presidio (it pins tldextract to its bundled public-suffix
snapshot); `engine.Scrubber` is the entry point: detect spans in many texts at once, then
rewrite them with an operator (`operators`).
"""
from medcorpus.scrub import offline as _offline  # noqa: F401  (side effect: no network in tldextract)
