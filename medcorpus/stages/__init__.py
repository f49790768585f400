"""One module per stage; `medcorpus.pipeline.stage.get_stage(name)` imports them by name."""
