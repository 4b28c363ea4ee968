# badge-rules: `make demo` shows the CLI on examples/, `make test` is what CI runs.

CARGO ?= cargo
BIN := target/release/badge-rules

.PHONY: all setup test fmt clippy demo

all: test

## setup: check the Rust toolchain; add rustfmt and clippy only if missing.
setup:
	@command -v $(CARGO) >/dev/null 2>&1 || { echo "cargo not found: install Rust from your distribution or with rustup" >&2; exit 1; }
	@$(CARGO) fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@$(CARGO) clippy --version >/dev/null 2>&1 || rustup component add clippy
	@$(CARGO) --version

## test: formatting, lints (warnings are errors), then every test and doctest.
test:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) test --workspace

## fmt: format every crate.
fmt:
	$(CARGO) fmt --all

## clippy: lint every crate and target, warnings as errors.
clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

## demo: build the CLI in release mode and check every file of examples/.
demo:
	$(CARGO) build --release -p badge-rules-cli
	@for f in examples/*.json; do \
		echo; \
		echo "== badge-rules check --format text $$f"; \
		./$(BIN) check --format text "$$f" 2>&1; \
		echo "-- exit status $$?"; \
	done
