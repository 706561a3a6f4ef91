# rivalwatch: `make demo` and `make test` are all a new machine needs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint bench serve clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install rivalwatch with its test dependencies

demo: $(STAMP)  ## build the demo warehouse from the bundled samples (offline) and open the dashboard
	$(BIN)/rivalwatch demo

serve: $(STAMP)  ## open the dashboard on the existing warehouse
	$(BIN)/rivalwatch serve

test: $(STAMP)  ## run the whole test suite
	$(BIN)/python -m pytest -q

lint: $(STAMP)  ## ruff
	$(BIN)/ruff check pipelines warehouse dashboard tests benchmarks scripts

bench: $(STAMP)  ## every benchmark, side by side with the plain libraries: bench/results.json + BENCHMARKS.md (BENCH_ARGS=--quick: < 2 min)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
