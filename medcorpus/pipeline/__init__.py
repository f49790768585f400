"""The pipeline core: workspace, stage protocol and registry, runner, config and io. Knows no stage."""
