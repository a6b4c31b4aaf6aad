# Two commands do all set-up on a fresh machine with only Python >= 3.11:
#   make run    install, then refresh over the shipped sources.yaml (bundled samples; live sources fail cleanly offline)
#   make test   install, then run the test suite
PYTHON ?= python3
UV := .tools/bin/uv
export UV_PYTHON_DOWNLOADS := never
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_LOGGING_LEVEL ?= WARNING

.PHONY: install run test bench clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet "uv==0.13.8"

.venv/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --all-extras --python $(PYTHON)
	touch $@

install: .venv/.installed

run: install
	.venv/bin/caravan refresh --sources sources.yaml --db data/caravan.duckdb

test: install
	.venv/bin/python -m pytest -q

bench: install
	.venv/bin/python -m tests.bench

clean:
	rm -rf .venv .tools data
