"""Export engines (pure functions, no DuckDB): turn normalisation, the held-out split and shard
assignment, and the files beside the shards (dataset_info.json, the dataset card)."""
