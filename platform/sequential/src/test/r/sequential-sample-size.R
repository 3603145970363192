#!/usr/bin/env Rscript
# Reference values for group-sequential sample sizes (platform/sequential: SequentialSampleSize, InflationFactor).
#
# Run from anywhere:   Rscript platform/sequential/src/test/r/sequential-sample-size.R      (about a minute)
# Output (relative to the module root platform/sequential/):
#                      src/test/resources/reference/sequential-sample-size-reference.json
#
# Deterministic (closed forms and rpact's root finding only).
#
# For J comparisons with the control each comparison is planned at alpha / J (two-sided):
#   design <- getDesignGroupSequential(sided = 2, alpha = 0.05 / J, beta = 1 - power, typeOfDesign, gammaA,
#                                      informationRates, [typeBetaSpending, gammaB, bindingFutility = FALSE])
#   inflationFactor = getDesignCharacteristics(design)$inflationFactor
#   events          = getSampleSizeSurvival(design, hazardRatio, allocationRatioPlanned = r,
#                                           typeOfComputation = "Schoenfeld", ...)$maxNumberOfEvents
#   participants    = getSampleSizeRates(design, pi1 = p0 + d, pi2 = p0, allocationRatioPlanned = r)
#                     $numberOfSubjects1 (treatment) and $numberOfSubjects2 (control) at the last look
# rpact does not round; the *Ceiling fields are ceiling() applied here. The script checks that rpact's figures are
# the fixed-design ones (alpha / J, same beta) times the inflation factor, to 1e-10 relative.
suppressPackageStartupMessages({
  library(rpact)
  library(jsonlite)
})

scriptDir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
moduleRoot <- normalizePath(file.path(scriptDir, "..", "..", ".."))
outFile <- file.path(moduleRoot, "src", "test", "resources", "reference", "sequential-sample-size-reference.json")

plans <- list(
  list(family = "asOF", gamma = NA, rates = c(0.5, 0.75, 1), betaFamily = NA, gammaB = NA),
  list(family = "asOF", gamma = NA, rates = c(0.2, 0.4, 0.6, 0.8, 1), betaFamily = NA, gammaB = NA),
  list(family = "asP", gamma = NA, rates = c(1/3, 2/3, 1), betaFamily = NA, gammaB = NA),
  list(family = "asKD", gamma = 2, rates = c(0.3, 0.55, 0.8, 1), betaFamily = NA, gammaB = NA),
  list(family = "asHSD", gamma = -4, rates = c(0.5, 1), betaFamily = NA, gammaB = NA),
  list(family = "asOF", gamma = NA, rates = c(1), betaFamily = NA, gammaB = NA),
  list(family = "asOF", gamma = NA, rates = c(1/3, 2/3, 1), betaFamily = "bsOF", gammaB = NA),
  list(family = "asOF", gamma = NA, rates = c(0.3, 0.5, 0.8, 1), betaFamily = "bsKD", gammaB = 2)
)
settings <- expand.grid(J = c(1, 2, 3), power = c(0.8, 0.9))
effects <- list(list(p0 = 0.30, d = 0.05, hr = NA, r = 1), list(p0 = 0.35, d = 0.07, hr = 1.25, r = 2),
                list(p0 = 0.50, d = -0.06, hr = NA, r = 0.5))

cases <- list()
for (pl in plans) for (s in seq_len(nrow(settings))) for (ef in effects) {
  J <- settings$J[s]; power <- settings$power[s]; alpha <- 0.05 / J
  args <- list(sided = 2, alpha = alpha, beta = 1 - power, typeOfDesign = pl$family, informationRates = pl$rates)
  if (length(pl$rates) == 1) args <- list(kMax = 1, sided = 2, alpha = alpha, beta = 1 - power)
  if (!is.na(pl$gamma)) args$gammaA <- pl$gamma
  if (!is.na(pl$betaFamily)) { args$typeBetaSpending <- pl$betaFamily; args$bindingFutility <- FALSE }
  if (!is.na(pl$gammaB)) args$gammaB <- pl$gammaB
  design <- suppressWarnings(do.call(getDesignGroupSequential, args))
  inflation <- getDesignCharacteristics(design)$inflationFactor
  p1 <- ef$p0 + ef$d
  hr <- if (is.na(ef$hr)) log(1 - p1) / log(1 - ef$p0) else ef$hr
  surv <- getSampleSizeSurvival(design, hazardRatio = hr, allocationRatioPlanned = ef$r,
                                typeOfComputation = "Schoenfeld", lambda2 = log(2) / 12,
                                accrualTime = c(0, 12), followUpTime = 12)
  rates <- getSampleSizeRates(design, pi1 = p1, pi2 = ef$p0, allocationRatioPlanned = ef$r)
  events <- as.numeric(surv$maxNumberOfEvents[1])
  last <- length(pl$rates)
  n1 <- as.numeric(rates$numberOfSubjects1[last, 1]); n2 <- as.numeric(rates$numberOfSubjects2[last, 1])
  fixedEvents <- (qnorm(1 - alpha / 2) + qnorm(power))^2 * (1 + ef$r)^2 / (ef$r * log(hr)^2)
  fixed <- getSampleSizeRates(pi1 = p1, pi2 = ef$p0, sided = 2, alpha = alpha, beta = 1 - power,
                              allocationRatioPlanned = ef$r)
  if (abs(events / (fixedEvents * inflation) - 1) > 1e-10) stop("events are not fixed times inflation")
  if (abs(n1 / (as.numeric(fixed$numberOfSubjects1[1, 1]) * inflation) - 1) > 1e-10) stop("n1 is not fixed times inflation")
  cases[[length(cases) + 1]] <- list(
    family = pl$family, gamma = pl$gamma, informationRates = pl$rates, betaFamily = pl$betaFamily, gammaB = pl$gammaB,
    alpha = 0.05, comparisons = J, comparisonAlpha = alpha, power = power,
    p0 = ef$p0, p1 = p1, hazardRatio = hr, allocationRatio = ef$r,
    inflationFactor = inflation, events = events, eventsCeiling = ceiling(events),
    n1 = n1, n2 = n2, n1Ceiling = ceiling(n1), n2Ceiling = ceiling(n2))
}

out <- list(
  generatedBy = "platform/sequential/src/test/r/sequential-sample-size.R",
  rVersion = R.version.string,
  packages = list(rpact = as.character(packageVersion("rpact")), jsonlite = as.character(packageVersion("jsonlite"))),
  notes = c("Each comparison at alpha / comparisons, two-sided; beta = 1 - power; futility (betaFamily) non-binding, two-sided beta spending with rpact's defaults.",
            "events: getSampleSizeSurvival(design, typeOfComputation = 'Schoenfeld')$maxNumberOfEvents; n1/n2: getSampleSizeRates(design)$numberOfSubjects1/2 at the last look, i.e. the maximum (group 1 = treatment, allocationRatio = n1/n2).",
            "hazardRatio derived as log(1 - p1) / log(1 - p0) where the case gives none."),
  cases = cases)
dir.create(dirname(outFile), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE, na = "null", null = "null"), outFile)
cat("wrote", outFile, "\n")
