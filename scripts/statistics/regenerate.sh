#!/usr/bin/env bash
# Regenerates the survey fixtures and R's reference values for them: installs R's survey package when it is
# missing, writes the seeded data, then runs the R reference. Commit the fixtures it changes; the test suite
# reads them and does not need R.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/statistics/ensure-r.sh
npx tsx scripts/statistics/generate-data.ts
Rscript scripts/statistics/reference.R
