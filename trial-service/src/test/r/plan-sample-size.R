#!/usr/bin/env Rscript
# Reference values for sample sizes that follow a trial's monitoring plan (trial-service: SampleSizeCalculator).
#
# Run from anywhere:   Rscript trial-service/src/test/r/plan-sample-size.R          (a few seconds)
# Output (relative to the module root trial-service/):
#                      src/test/resources/reference/plan-sample-size-reference.json
#
# Deterministic (closed forms and rpact's root finding only).
#
# A trial has a control arm and J experimental arms with allocation weights. Each comparison k of arm k with the
# control, at allocation ratio r_k = w_k / w_control, is planned at alpha / J (two-sided) with
#   design <- getDesignGroupSequential(sided = 2, alpha = alpha / J, beta = 1 - power, typeOfDesign, gammaA,
#                                      informationRates, [typeBetaSpending, gammaB, bindingFutility = FALSE])
# (LanDeMetsClassic, which rpact has no name for, is typeOfDesign = "asUser" with
#  userAlphaSpending = 2 - 2 pnorm(qnorm(1 - a/2) / sqrt(t)), a = alpha / J)
#   events_k = getSampleSizeSurvival(design, hazardRatio, allocationRatioPlanned = r_k,
#                                    typeOfComputation = "Schoenfeld")$maxNumberOfEvents
#   n1_k, n2_k = getSampleSizeRates(design, pi1 = p0 + d, pi2 = p0, allocationRatioPlanned = r_k)
#                $numberOfSubjects1 / 2 at the last look
# and the trial's figures follow the documented rounding rule: every arm i gets ceiling(w_i * max_k(n2_k / w_control))
# participants (n2_k / w_control = n1_k / w_k, the need per unit of allocation weight), the planned events are
# max_k ceiling(events_k).
suppressPackageStartupMessages({
  library(rpact)
  library(jsonlite)
})

scriptDir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
moduleRoot <- normalizePath(file.path(scriptDir, "..", "..", ".."))
outFile <- file.path(moduleRoot, "src", "test", "resources", "reference", "plan-sample-size-reference.json")

# weights: experimental arms first, the control last.
trials <- list(
  list(name = "default plan, 1:1 (the README's worked figure)", family = "asOF", gamma = NA, rates = c(0.5, 0.75, 1),
       betaFamily = NA, gammaB = NA, weights = c(1, 1), p0 = 0.30, d = 0.05, hr = NA, alpha = 0.05, power = 0.8),
  list(name = "default plan, 2:1, a given hazard ratio", family = "asOF", gamma = NA, rates = c(0.5, 0.75, 1),
       betaFamily = NA, gammaB = NA, weights = c(2, 1), p0 = 0.30, d = 0.05, hr = 1.2, alpha = 0.05, power = 0.8),
  list(name = "default plan, two arms 1 and 2 against a control of 1", family = "asOF", gamma = NA, rates = c(0.5, 0.75, 1),
       betaFamily = NA, gammaB = NA, weights = c(1, 2, 1), p0 = 0.30, d = 0.05, hr = NA, alpha = 0.05, power = 0.8),
  list(name = "asP at four looks with bsOF futility", family = "asP", gamma = NA, rates = c(0.25, 0.5, 0.75, 1),
       betaFamily = "bsOF", gammaB = NA, weights = c(1, 1), p0 = 0.30, d = 0.05, hr = NA, alpha = 0.05, power = 0.8),
  list(name = "asKD(3), 1:2, less job exit", family = "asKD", gamma = 3, rates = c(0.3, 0.6, 1),
       betaFamily = NA, gammaB = NA, weights = c(1, 2), p0 = 0.50, d = -0.06, hr = NA, alpha = 0.05, power = 0.8),
  list(name = "asHSD(-2), three arms against one control, power 0.9", family = "asHSD", gamma = -2, rates = c(0.5, 1),
       betaFamily = NA, gammaB = NA, weights = c(1, 1, 1, 1), p0 = 0.35, d = 0.07, hr = NA, alpha = 0.05, power = 0.9),
  list(name = "asOF with bsKD(2) futility, 3:2", family = "asOF", gamma = NA, rates = c(0.4, 0.7, 1),
       betaFamily = "bsKD", gammaB = 2, weights = c(3, 2), p0 = 0.30, d = 0.05, hr = 1.25, alpha = 0.05, power = 0.8),
  list(name = "asOF with bsHSD(-4) futility, two arms 2 and 1 against a control of 2", family = "asOF", gamma = NA,
       rates = c(0.5, 0.75, 1), betaFamily = "bsHSD", gammaB = -4, weights = c(2, 1, 2), p0 = 0.30, d = 0.06, hr = NA,
       alpha = 0.05, power = 0.8),
  list(name = "the legacy classic plan, every tenth", family = "LanDeMetsClassic", gamma = NA, rates = seq(0.1, 1, by = 0.1),
       betaFamily = NA, gammaB = NA, weights = c(1, 1), p0 = 0.30, d = 0.05, hr = NA, alpha = 0.05, power = 0.8),
  list(name = "a single look: the fixed design", family = "asOF", gamma = NA, rates = c(1),
       betaFamily = NA, gammaB = NA, weights = c(2, 1), p0 = 0.30, d = 0.05, hr = NA, alpha = 0.05, power = 0.8),
  list(name = "asOF at five uneven looks, alpha 0.01", family = "asOF", gamma = NA, rates = c(0.2, 0.35, 0.5, 0.8, 1),
       betaFamily = NA, gammaB = NA, weights = c(1, 1), p0 = 0.40, d = 0.04, hr = NA, alpha = 0.01, power = 0.9)
)

design <- function(t, level) {
  if (length(t$rates) == 1) return(getDesignGroupSequential(kMax = 1, sided = 2, alpha = level, beta = 1 - t$power))
  args <- list(sided = 2, alpha = level, beta = 1 - t$power, informationRates = t$rates)
  if (t$family == "LanDeMetsClassic") {
    spend <- 2 - 2 * pnorm(qnorm(1 - level / 2) / sqrt(t$rates))
    spend[length(spend)] <- level                      # rpact's asUser needs alpha exactly at the end
    args$typeOfDesign <- "asUser"; args$userAlphaSpending <- spend
  } else {
    args$typeOfDesign <- t$family
  }
  if (!is.na(t$gamma)) args$gammaA <- t$gamma
  if (!is.na(t$betaFamily)) { args$typeBetaSpending <- t$betaFamily; args$bindingFutility <- FALSE }
  if (!is.na(t$gammaB)) args$gammaB <- t$gammaB
  suppressWarnings(do.call(getDesignGroupSequential, args))
}

cases <- list()
for (t in trials) {
  k <- length(t$weights); wC <- t$weights[k]; J <- k - 1; level <- t$alpha / J
  d <- design(t, level)
  inflation <- if (length(t$rates) == 1) 1 else getDesignCharacteristics(d)$inflationFactor
  p1 <- t$p0 + t$d
  hr <- if (is.na(t$hr)) log(1 - p1) / log(1 - t$p0) else t$hr
  comparisons <- list(); perUnit <- 0; events <- 0
  for (j in seq_len(J)) {
    r <- t$weights[j] / wC
    surv <- getSampleSizeSurvival(d, hazardRatio = hr, allocationRatioPlanned = r, typeOfComputation = "Schoenfeld",
                                  lambda2 = log(2) / 12, accrualTime = c(0, 12), followUpTime = 12)
    rates <- getSampleSizeRates(d, pi1 = p1, pi2 = t$p0, allocationRatioPlanned = r)
    last <- length(t$rates)
    e <- as.numeric(surv$maxNumberOfEvents[1])
    n1 <- as.numeric(rates$numberOfSubjects1[last, 1]); n2 <- as.numeric(rates$numberOfSubjects2[last, 1])
    comparisons[[j]] <- list(arm = paste0("arm", j), allocationRatio = r, alpha = level, inflationFactor = inflation,
                             events = e, eventsCeiling = ceiling(e), n1 = n1, n2 = n2)
    perUnit <- max(perUnit, n2 / wC); events <- max(events, ceiling(e))
  }
  arms <- ceiling(t$weights * perUnit)
  cases[[length(cases) + 1]] <- list(
    name = t$name, family = t$family, gamma = t$gamma, informationRates = I(t$rates), betaFamily = t$betaFamily,
    gammaB = t$gammaB, weights = I(t$weights), p0 = t$p0, d = t$d, givenHazardRatio = t$hr, hazardRatio = hr,
    alpha = t$alpha, power = t$power, comparisons = comparisons,
    armParticipants = I(arms), participants = sum(arms), plannedEvents = events)
}

out <- list(
  generatedBy = "trial-service/src/test/r/plan-sample-size.R",
  rVersion = R.version.string,
  packages = list(rpact = as.character(packageVersion("rpact")), jsonlite = as.character(packageVersion("jsonlite"))),
  notes = c("weights: experimental arms first (arm1, arm2, ...), the control last; each comparison at alpha / J, two-sided, beta = 1 - power; futility non-binding.",
            "armParticipants: ceiling(w_i * max_k(n2_k / w_control)); plannedEvents: max_k ceiling(events_k).",
            "hazardRatio derived as log(1 - p1) / log(1 - p0) where givenHazardRatio is null."),
  cases = cases)
dir.create(dirname(outFile), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE, na = "null", null = "null"), outFile)
cat("wrote", outFile, "\n")
