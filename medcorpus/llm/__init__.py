"""The LLM layer shared by every LLM stage: an async OpenAI-compatible client with bounded
concurrency, rate limits, retries, a workspace cache, cost accounting and JSON validation
(`client`), its settings (`config`), prompt templates (`prompts`), prices (`prices`) and the
embedded llama.cpp server (`server`)."""
