"""CLI command modules: each defines `register(app)` (parse options, call the library)."""
