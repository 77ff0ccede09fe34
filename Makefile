# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Linux: the bundle's numpy is built without OpenBLAS (build/numpy_noblas.py); tests run on it too
NOBLAS := $(VENV)/.numpy-noblas

.PHONY: run test bench lint typecheck bundle screenshots clean translations

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,build]"
	touch $(STAMP)

$(NOBLAS): $(STAMP) build/numpy_noblas.py
	$(BIN)/python build/numpy_noblas.py
	touch $(NOBLAS)

run: $(STAMP)
	$(BIN)/imr-console

test: $(STAMP) $(NOBLAS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP) $(NOBLAS)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/imr-console screenshot --out docs/screenshots

bundle: $(STAMP) $(NOBLAS)
	$(BIN)/pyinstaller --noconfirm --clean --workpath build/work --distpath build/dist build/imr-console.spec

translations: $(STAMP)
	$(BIN)/python tools/extract_strings.py
	$(BIN)/pyside6-lrelease resources/translations/imr_en.ts -qm resources/translations/imr_en.qm

clean:
	rm -rf build/work build/dist .pytest_cache
