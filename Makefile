# Two commands on a fresh machine: `make demo`, then `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint install bench fuzz mutate docs clean floors

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A regular (not editable) install: the installed `deal` must find its bundled deals.
$(STAMP): $(BIN)/python pyproject.toml $(shell find dealcli deals -type f -not -name '*.pyc')
	$(BIN)/python -m pip install --quiet ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/deal show japan

lint: install
	$(BIN)/ruff check dealcli tests bench
	$(BIN)/ruff format --check dealcli tests bench
	$(BIN)/mypy dealcli
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest

# The lowest versions pyproject.toml allows, installed exactly, must pass the suite too. They
# go in after the test tools, over what those pulled in (import-linter asks for a newer rich,
# for its own output, and works with this one: pip says so and goes on), and are checked.
FLOORS := .venv-floors
FLOOR_DEPS := import tomllib; \
  deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]; \
  floors = {d.split(">=")[0]: d.split(">=")[1].split(",")[0] for d in deps}
floors:
	rm -rf $(FLOORS)
	$(PYTHON) -m venv $(FLOORS)
	$(FLOORS)/bin/python -m pip install --quiet --upgrade pip
	$(FLOORS)/bin/python -m pip install --quiet ".[test]"
	$(FLOORS)/bin/python -m pip install --quiet $$($(PYTHON) -c '$(FLOOR_DEPS); \
	  print(" ".join(f"{name}=={v}" for name, v in floors.items()))')
	$(FLOORS)/bin/python -c '$(FLOOR_DEPS); from importlib.metadata import version; \
	  same = lambda a, b: [*map(int, a.split(".")), 0, 0][:3] == [*map(int, b.split(".")), 0, 0][:3]; \
	  wrong = [f"{n} {version(n)}, not {v}" for n, v in floors.items() if not same(version(n), v)]; \
	  print("floors:", ", ".join(f"{n}=={version(n)}" for n in floors)); \
	  raise SystemExit("not the floors: " + "; ".join(wrong) if wrong else 0)'
	$(FLOORS)/bin/python -m pytest -q -p no:cacheprovider

# Writes bench/results.md; fails (after every part has run) when a target is missed.
bench: install
	$(BIN)/python bench/run.py; missed=$$?; \
	$(BIN)/python bench/hostile.py && $(BIN)/python bench/importtime.py && exit $$missed

fuzz: install
	$(BIN)/python bench/fuzz.py

# Plant one small bug at a time in a copy of dealcli/ and run the suite: bench/mutation.md.
# ARGS=--again runs the last report's survivors against the suite as it is now.
mutate: install
	$(BIN)/python bench/mutate.py $(ARGS)

docs: install
	$(BIN)/python docs/make_docs.py

clean:
	rm -rf $(VENV) $(FLOORS) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
