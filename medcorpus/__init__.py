"""medcorpus: clean medical SFT corpora from consultations, disease databases and knowledge graphs."""

__version__ = "0.1.0"
