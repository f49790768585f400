"""Near-duplicate detection engine (pure functions, no workspace): shingles, MinHash signatures
and LSH bands, and clusters from verified candidate pairs. `medcorpus.stages.dedup` drives it."""
from medcorpus.dedup.clusters import (EMPTY, EXACT, KEPT, NEAR, SIDE_MIN, SIDE_MIN_CHAR, Nodes, OldNodes, resolve,
                                      verify_floor)
from medcorpus.dedup.minhash import (VDTYPE, MinHasher, band_hashes, datasketch_permutations, jaccard,
                                     optimal_param, sketch_batch)
from medcorpus.dedup.shingles import ANSWERING, ASKING, doc_sides, doc_text, shingles, tokens

__all__ = ["ANSWERING", "ASKING", "EMPTY", "EXACT", "KEPT", "NEAR", "SIDE_MIN", "SIDE_MIN_CHAR", "VDTYPE", "MinHasher",
           "Nodes",
           "OldNodes", "band_hashes", "datasketch_permutations", "doc_sides", "doc_text", "jaccard",
           "optimal_param", "resolve", "shingles", "sketch_batch", "tokens", "verify_floor"]
