# Reference values for the survey engine (packages/core/src/statistics), computed by R's `survey` package on
# the seeded fixtures of generate-data.ts. Run: bash scripts/statistics/ensure-r.sh && Rscript scripts/statistics/reference.R
# Writes packages/core/src/statistics/fixtures/reference.generated.json, which the agreement tests read (they do not
# need R). Each design below is written out as an R user would write it; the same designs, in the format of
# `lco survey estimate`, are in fixtures/designs.generated.json.
suppressPackageStartupMessages(library(survey))

script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
fixtures <- normalizePath(file.path(dirname(script), "../../packages/core/src/statistics/fixtures"))

# Empty cells are missing; every other text, "NA" included, is a value. Categories stay text.
read <- function(name, categorical) {
  read.csv(file.path(fixtures, name), na.strings = "", check.names = FALSE, strip.white = FALSE,
           encoding = "UTF-8", stringsAsFactors = FALSE,
           colClasses = setNames(rep("character", length(categorical)), categorical))
}
households <- read("households.csv", c("district", "sex", "learns_online", "satisfaction", "note"))
pupils <- read("pupils.csv", c("school", "sex", "grade", "reads_daily"))
blocks <- read("blocks.csv", c("region", "tenure"))
residents <- read("residents.csv", c("zone", "block", "sex", "age", "district", "education", "learns", "volunteers"))
lonely <- read("lonely.csv", c("stratum", "psu", "z", "g"))

cells <- read("residents-cells.csv", c("sex", "age"))
names(cells)[names(cells) == "count"] <- "Freq"
margins_table <- read("residents-margins.csv", c("variable", "level"))
margin <- function(variable) {
  m <- margins_table[margins_table$variable == variable, ]
  out <- data.frame(m$level, m$count, stringsAsFactors = FALSE)
  names(out) <- c(variable, "Freq")
  out
}
rake_control <- list(epsilon = 1e-10, maxit = 100)

residents_design <- function() svydesign(ids = ~block, strata = ~zone, weights = ~w, data = residents)
raked <- function() {
  rake(residents_design(), list(~sex, ~age, ~district), list(margin("sex"), margin("age"), margin("district")),
       control = rake_control)
}
lonely_design <- function() svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = lonely)

designs <- list(
  "stratified" = function() svydesign(ids = ~1, strata = ~district, fpc = ~N_district, weights = ~w, data = households),
  "stratified-nofpc" = function() svydesign(ids = ~1, strata = ~district, weights = ~w, data = households),
  # No weights: R takes them from the fpc (sampling fractions here).
  "stratified-fpc-weights" = function() svydesign(ids = ~1, strata = ~district, fpc = ~f_district, data = households),
  "srs" = function() suppressWarnings(svydesign(ids = ~1, data = households)),
  "cluster1" = function() svydesign(ids = ~school, fpc = ~fpc1, weights = ~w, data = pupils),
  "cluster2" = function() svydesign(ids = ~school + pupil, fpc = ~fpc1 + fpc2, weights = ~w, data = pupils),
  "cluster2-nofpc" = function() svydesign(ids = ~school + pupil, weights = ~w, data = pupils),
  "nested" = function() svydesign(ids = ~block, strata = ~region, fpc = ~N_blocks, weights = ~w, nest = TRUE, data = blocks),
  "nested-2stage" = function() {
    svydesign(ids = ~block + hh, strata = ~region, fpc = ~N_blocks + N_hh, weights = ~w, nest = TRUE, data = blocks)
  },
  "poststratified" = function() postStratify(residents_design(), ~sex + age, cells),
  "raked" = raked,
  "raked-trimmed" = function() {
    d <- raked()
    trimWeights(d, lower = 0.6 * mean(weights(d)), upper = 1.6 * mean(weights(d)))
  },
  "poststratified-raked" = function() {
    rake(postStratify(residents_design(), ~sex + age, cells), list(~district, ~education),
         list(margin("district"), margin("education")), control = rake_control)
  },
  "lonely-remove" = lonely_design,
  "lonely-certainty" = lonely_design,
  "lonely-adjust" = lonely_design,
  "lonely-average" = lonely_design
)
lonely_choice <- function(name) if (startsWith(name, "lonely-")) sub("^lonely-", "", name) else "fail"

# JSON by hand (17 significant digits), so that nothing beyond r-cran-survey is needed.
num <- function(x) if (length(x) != 1 || is.na(x) || !is.finite(x)) "null" else sprintf("%.17g", x)
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", gsub("\\\\", "\\\\\\\\", s)), "\"")
record <- function(statistic, variable, level, domain, est, se, ci, deff, n, df) {
  fields <- c(
    paste0("\"statistic\": ", str(statistic)),
    paste0("\"variable\": ", str(variable)),
    if (!is.na(level)) paste0("\"level\": ", str(level)),
    if (length(domain)) paste0("\"domain\": {", paste(paste0(str(names(domain)), ": ", sapply(domain, str)), collapse = ", "), "}"),
    paste0("\"estimate\": ", num(est)),
    paste0("\"se\": ", num(se)),
    paste0("\"ci\": [", num(ci[1]), ", ", num(ci[2]), "]"),
    paste0("\"deff\": ", num(deff)),
    paste0("\"n\": ", n),
    if (!is.null(df)) paste0("\"df\": ", df)
  )
  paste0("{", paste(fields, collapse = ", "), "}")
}

requests <- read.csv(file.path(fixtures, "requests.csv"), na.strings = "", colClasses = "character", encoding = "UTF-8")

estimates_for <- function(name) {
  d <- designs[[name]]()
  out <- character(0)
  for (k in seq_len(nrow(requests))) {
    r <- requests[k, ]
    if (r$design != name) next
    x <- d$variables[[r$variable]]
    levels <- if (r$statistic == "proportion") { if (is.na(r$level)) sort(unique(x[!is.na(x)])) else r$level } else r$level
    for (level in levels) {
      y <- if (is.na(level)) x else as.numeric(x == level)
      dd <- d
      dd$variables$.y <- y
      estimator <- if (r$statistic == "total") svytotal else svymean
      # The whole sample.
      m <- estimator(~.y, dd, na.rm = TRUE, deff = TRUE)
      df <- NULL
      if (r$statistic == "proportion") {
        ci <- attr(svyciprop(~.y, dd, method = "logit"), "ci")
        df <- degf(dd)
      } else {
        ci <- confint(m)
      }
      out <- c(out, record(r$statistic, r$variable, level, character(0), coef(m)[[1]], SE(m)[[1]], ci,
                           deff(m)[[1]], sum(!is.na(y)), df))
      if (is.na(r$by)) next
      # Domains, as svyby: the whole design, rows outside the domain set aside.
      by_vars <- strsplit(r$by, "+", fixed = TRUE)[[1]]
      by <- as.formula(paste("~", paste(sprintf("`%s`", by_vars), collapse = "+")))
      b <- svyby(~.y, by, dd, estimator, na.rm = TRUE, deff = TRUE)
      if (r$statistic == "proportion") {
        p <- svyby(~.y, by, dd, svyciprop, method = "logit", vartype = "ci")
        cis <- cbind(p[["ci_l"]], p[["ci_u"]])
      } else {
        cis <- confint(b)
      }
      for (j in seq_len(nrow(b))) {
        domain <- sapply(by_vars, function(v) as.character(b[[v]][j]))
        names(domain) <- by_vars
        inside <- Reduce(`&`, lapply(by_vars, function(v) !is.na(dd$variables[[v]]) & dd$variables[[v]] == domain[[v]]))
        df <- NULL
        if (r$statistic == "proportion") df <- degf(dd[inside, ])
        out <- c(out, record(r$statistic, r$variable, level, domain, coef(b)[[j]], SE(b)[[j]], cis[j, ],
                             deff(b)[[j]], sum(inside & !is.na(y)), df))
      }
    }
  }
  out
}

results <- character(0)
for (name in names(designs)) {
  options(survey.lonely.psu = lonely_choice(name))
  rows <- estimates_for(name)
  results <- c(results, paste0("    ", str(name), ": [\n      ", paste(rows, collapse = ",\n      "), "\n    ]"))
}
options(survey.lonely.psu = "fail")

# Designs R refuses, with its message: the engine must refuse them too.
refusals <- list(
  "lonely-fail" = function() svymean(~y, lonely_design(), na.rm = TRUE),
  "not-nested" = function() svydesign(ids = ~block, strata = ~region, weights = ~w, data = blocks),
  "fpc-too-small" = function() {
    capture.output(d <- svydesign(ids = ~1, strata = ~district, fpc = ~N_wrong, weights = ~w, data = households))
    d
  }
)
refused <- sapply(names(refusals), function(name) {
  message <- tryCatch({ refusals[[name]](); "no error" }, error = function(e) conditionMessage(e))
  paste0("    ", str(name), ": ", str(message))
})

json <- paste0(
  "{\n",
  "  \"generatedBy\": \"scripts/statistics/reference.R\",\n",
  "  \"R\": ", str(paste(R.version$major, R.version$minor, sep = ".")), ",\n",
  "  \"survey\": ", str(as.character(packageVersion("survey"))), ",\n",
  "  \"designs\": {\n", paste(results, collapse = ",\n"), "\n  },\n",
  "  \"refused\": {\n", paste(refused, collapse = ",\n"), "\n  }\n",
  "}\n"
)
con <- file(file.path(fixtures, "reference.generated.json"), open = "w", encoding = "UTF-8")
writeLines(json, con, sep = "")
close(con)
cat("reference values written to", file.path(fixtures, "reference.generated.json"), "\n")
