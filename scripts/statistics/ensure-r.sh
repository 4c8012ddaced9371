#!/usr/bin/env bash
# Install R and its `survey` package (Debian: r-cran-survey) only when `library(survey)` does not load.
# The reference script and the benchmark's R column need it; the test suite does not (it reads fixtures).
set -euo pipefail

if command -v Rscript >/dev/null 2>&1 && Rscript -e 'suppressPackageStartupMessages(library(survey))' >/dev/null 2>&1; then
  exit 0
fi

SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends r-cran-survey
Rscript -e 'suppressPackageStartupMessages(library(survey)); cat("survey", as.character(packageVersion("survey")), "\n")'
