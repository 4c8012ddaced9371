# The R side of bench/scenarios/survey.ts: the same computations with R's survey package on the same data,
# timing only the computation (proc.time around the calls, after the data are read).
# Usage: Rscript scripts/statistics/bench.R WORKDIR [city|network|million]... ; prints one JSON object.
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
work <- args[1]
parts <- if (length(args) > 1) args[-1] else c("city", "network", "million")

means <- paste0("m", 1:10)
questions <- paste0("q", 1:10)
read <- function(name) {
  classes <- c(district = "character", block = "character", sex = "character", age = "character", city = "character",
               setNames(rep("character", 10), questions))
  d <- read.csv(file.path(work, name), colClasses = classes, na.strings = "")
  # Indicators made outside the timed part, in R's favour.
  for (q in questions) d[[paste0(q, "_yes")]] <- as.numeric(d[[q]] == "Yes")
  d
}
margins <- read.csv(file.path(work, "margins.csv"), colClasses = c(city = "character", variable = "character", level = "character"))
population <- function(city) {
  lapply(c("sex", "age", "district"), function(v) {
    m <- margins[margins$city == city & margins$variable == v, ]
    out <- data.frame(m$level, m$count, stringsAsFactors = FALSE)
    names(out) <- c(v, "Freq")
    out
  })
}
f_means <- as.formula(paste("~", paste(means, collapse = "+")))
f_props <- as.formula(paste("~", paste(paste0(questions, "_yes"), collapse = "+")))

# One city: design, rake on three margins, 20 means and proportions with their standard errors.
compute <- function(d, pop) {
  design <- svydesign(ids = ~block, strata = ~district, weights = ~w, data = d)
  raked <- rake(design, list(~sex, ~age, ~district), pop, control = list(epsilon = 1e-8, maxit = 100))
  list(svymean(f_means, raked), svymean(f_props, raked))
}
num <- function(x) sprintf("%.17g", x)
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
out <- character(0)

if ("city" %in% parts) {
  d <- read("city.csv")
  pop <- population("c1")
  times <- numeric(0)
  for (rep in 1:21) {
    t0 <- proc.time()[["elapsed"]]
    r <- compute(d, pop)
    times <- c(times, proc.time()[["elapsed"]] - t0)
  }
  est <- c(coef(r[[1]]), coef(r[[2]]))
  se <- c(SE(r[[1]]), SE(r[[2]]))
  out <- c(out, sprintf("\"city\": {\"ms\": %s, \"runs\": %d, \"estimates\": %s, \"se\": %s}",
                        num(1000 * median(times)), length(times), arr(est), arr(se)))
}

if ("network" %in% parts) {
  d <- read("network.csv")
  cities <- split(d, d$city)
  pops <- lapply(names(cities), population)
  t0 <- proc.time()[["elapsed"]]
  for (i in seq_along(cities)) compute(cities[[i]], pops[[i]])
  out <- c(out, sprintf("\"network\": {\"ms\": %s, \"cities\": %d}", num(1000 * (proc.time()[["elapsed"]] - t0)), length(cities)))
}

if ("million" %in% parts) {
  d <- read("million.csv")
  pop <- population("m")
  invisible(gc(reset = TRUE))
  t0 <- proc.time()[["elapsed"]]
  r <- compute(d, pop)
  ms <- 1000 * (proc.time()[["elapsed"]] - t0)
  used <- gc()
  peak <- sum(used[, ncol(used)])
  status <- readLines("/proc/self/status")
  hwm <- as.numeric(gsub("[^0-9]", "", grep("^VmHWM", status, value = TRUE))) / 1024
  out <- c(out, sprintf("\"million\": {\"ms\": %s, \"gcMaxMb\": %s, \"peakRssMb\": %s, \"rows\": %d}",
                        num(ms), num(peak), num(hwm), nrow(d)))
}

cat("{", paste(out, collapse = ", "), "}\n")
