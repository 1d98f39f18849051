SHELL := /bin/bash
# ChainMatch: `make run` serves the API on the embedded store; `make test` runs every test.
PORT ?= 5080
DATA ?= $(CURDIR)/data
SEEDS ?= $(CURDIR)/graph-seeds
CONFIGURATION ?= Release

.PHONY: run test build compile deps deps-run assets model bench load seed-check screenshot clean

# What serving and training need (the .NET SDK) and, for the browser tests, chromium and a CJK font.
deps-run:
	@bash scripts/install-deps.sh run

deps:
	@bash scripts/install-deps.sh test

# The web UI's browser libraries, pinned in package-lock.json: `npm ci` when the lockfile is newer than the install, then
# copied into the served assets (wwwroot/vendor, not committed). Sources and licences: docs/dashboard.md.
VENDOR := src/ChainMatch.Api/wwwroot/vendor
assets: deps-run
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --ignore-scripts
	@mkdir -p $(VENDOR)/echarts
	@cp node_modules/echarts/dist/echarts.min.js node_modules/echarts/LICENSE node_modules/echarts/NOTICE $(VENDOR)/echarts/
	@cp node_modules/echarts-4-maps/map/json/province/yunnan.json $(VENDOR)/yunnan.json

compile: assets
	dotnet build ChainMatch.sln -c $(CONFIGURATION) --nologo -v quiet -clp:ErrorsOnly

build: deps compile

run: compile
	dotnet run --project src/ChainMatch.Api -c $(CONFIGURATION) --no-build -- \
		--urls http://127.0.0.1:$(PORT) --Graph:DataDirectory=$(DATA) --Graph:SeedDirectory=$(SEEDS) \
		--Ranking:ModelPath=$(CURDIR)/models/lead-ranker.zip

# dotnet test prints one summary per test project; the last line adds them up.
test: build
	@set -o pipefail; dotnet test ChainMatch.sln -c $(CONFIGURATION) --no-build --nologo 2>&1 | tee .test-output.log; \
		status=$$?; bash scripts/test-summary.sh .test-output.log; rm -f .test-output.log; exit $$status

# The shipped ranking model (ML.NET): trained on graph-seeds as of 2025-12-31 (see ShippedModel.cs); tests hold it to this.
model: build
	dotnet run --project src/ChainMatch.Cli -c $(CONFIGURATION) --no-build -- train --data $(SEEDS) --as-of 2025-12-31 --model models/lead-ranker.zip

# Lead ranking speed on the seeds plus a seeded synthetic universe (FIRMS synthetic firms), again with the real 2024
# Fortune Global 500 imported when shared/lists/ is above the checkout (never copied into it); prints figures and ratios.
# SECTIONS=writes,pruning runs only those (ranking, list, anchors, dashboard, search, naive, writes, scoring, pruning; all by default).
FIRMS ?= 100000
SECTIONS ?= all
bench: build
	dotnet run --project bench/ChainMatch.Bench -c $(CONFIGURATION) --no-build -- $(CURDIR) $(FIRMS) $(SECTIONS)

# The leads endpoint under wrk on loopback (DURATION=30s THREADS=2 CONNECTIONS=16); prints requests/s, p99 and errors.
load: compile
	bash scripts/load.sh

# README's pictures: the web UI on the seeded Kunming battery chain, the province dashboard, the scenario workbench and a firm page, taken with Debian's chromium at projector size.
screenshot: build
	dotnet run --project tools/ChainMatch.Screenshot -c $(CONFIGURATION) --no-build -- \
		$(CURDIR)/src/ChainMatch.Api/bin/$(CONFIGURATION)/net10.0/ChainMatch.Api.dll $(CURDIR)/src/ChainMatch.Api $(SEEDS) \
		$(CURDIR)/models/lead-ranker.zip "region=530100&chain=new-energy-battery" $(CURDIR)/docs/kunming-battery-status-map.png
	dotnet run --project tools/ChainMatch.Screenshot -c $(CONFIGURATION) --no-build -- \
		$(CURDIR)/src/ChainMatch.Api/bin/$(CONFIGURATION)/net10.0/ChainMatch.Api.dll $(CURDIR)/src/ChainMatch.Api $(SEEDS) \
		$(CURDIR)/models/lead-ranker.zip "/dashboard#chain=new-energy-battery&period=custom&from=2023-01-01&to=2023-12-31" $(CURDIR)/docs/dashboard.png
	dotnet run --project tools/ChainMatch.Screenshot -c $(CONFIGURATION) --no-build -- \
		$(CURDIR)/src/ChainMatch.Api/bin/$(CONFIGURATION)/net10.0/ChainMatch.Api.dll $(CURDIR)/src/ChainMatch.Api $(SEEDS) \
		$(CURDIR)/models/lead-ranker.zip "region=530100&chain=green-aluminium&asOf=2025&tab=simulation&sim=simulate&anchors=china-hongqiao&bring=alumina,electrolytic-aluminium" $(CURDIR)/docs/scenario-workbench.png
	dotnet run --project tools/ChainMatch.Screenshot -c $(CONFIGURATION) --no-build -- \
		$(CURDIR)/src/ChainMatch.Api/bin/$(CONFIGURATION)/net10.0/ChainMatch.Api.dll $(CURDIR)/src/ChainMatch.Api $(SEEDS) \
		$(CURDIR)/models/lead-ranker.zip "/firm.html#firm=yunnan-aluminium" $(CURDIR)/docs/firm-page.png
	dotnet run --project tools/ChainMatch.Screenshot -c $(CONFIGURATION) --no-build -- \
		$(CURDIR)/src/ChainMatch.Api/bin/$(CONFIGURATION)/net10.0/ChainMatch.Api.dll $(CURDIR)/src/ChainMatch.Api $(SEEDS) \
		$(CURDIR)/models/lead-ranker.zip "region=530000&chain=new-energy-battery&tab=pipeline" $(CURDIR)/docs/project-board.png

seed-check: build
	dotnet run --project src/ChainMatch.Cli -c $(CONFIGURATION) --no-build -- seed-check $(SEEDS)

clean:
	dotnet clean ChainMatch.sln --nologo -v quiet
