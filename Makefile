# vnreport: the two commands a new machine needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
INDEX  ?= .vnreport
PORT   ?= 8000
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install test run lock bench clean

install: $(STAMP)

# Re-runs only when the dependency files change; torch goes first so the CPU build
# lying on this machine is used and nothing pulls a CUDA wheel.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check torch==2.13.0
	$(BIN)/pip install -q --disable-pip-version-check -c requirements.lock -e '.[dev,milvus,ray]'
	touch $(STAMP)

test: install
	$(BIN)/python -m pytest -q

run: install
	$(BIN)/vnreport build corpus --index $(INDEX)/index --prune
	$(BIN)/vnreport serve --index $(INDEX)/index --host 127.0.0.1 --port $(PORT)

bench: install
	$(BIN)/python scripts/bench_extract.py

lock: install
	{ head -2 requirements.lock; $(BIN)/pip freeze --exclude-editable | sed 's/+cpu$$//'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) $(INDEX) .pytest_cache
