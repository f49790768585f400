"""A polite, resumable crawler for consultation sites, driven by TOML site profiles.

`profile` (the TOML model), `fetch` (httpx client: robots.txt, per-host rate limit and
concurrency cap, retries), `encoding` (charset from header, meta tag or detection),
`extract` (selectors -> turns), `crawler` (frontier and pages in the workspace, the loop).
"""
