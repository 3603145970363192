#!/usr/bin/env Rscript
# Reference values for spending families, over-running, beta-spending futility and repeated confidence intervals
# (platform/sequential: SpendingFamily, GroupSequentialDesign, LookSchedule, BetaSpendingFutility,
# RepeatedConfidenceInterval).
#
# Run from anywhere:   Rscript platform/sequential/src/test/r/spending.R      (about 30 s)
# Output (relative to the module root platform/sequential/):
#                      src/test/resources/reference/spending-reference.json
#
# Deterministic: rpact's design and analysis functions only (no random numbers).
suppressPackageStartupMessages({
  library(rpact)
  library(jsonlite)
})

scriptDir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
moduleRoot <- normalizePath(file.path(scriptDir, "..", "..", ".."))
outFile <- file.path(moduleRoot, "src", "test", "resources", "reference", "spending-reference.json")

ALPHA <- 0.05
# rpact's own spending values (C++ getSpendingValueCpp), exactly what its designs target.
spendingValue <- function(family, t, gamma, alpha = ALPHA, sided = 2)
  sapply(t, function(x) rpact:::getSpendingValueCpp(alpha, x, sided, family, ifelse(is.na(gamma), NA_real_, gamma)))
classic <- function(t, alpha = ALPHA) 2 * pnorm(qnorm(alpha / 2, lower.tail = FALSE) / sqrt(t), lower.tail = FALSE)

# ---------------------------------------------------------------------------------------------------------------
# 1. Two-sided designs: getDesignGroupSequential(sided = 2, alpha = 0.05, typeOfDesign, gammaA, informationRates)
# ---------------------------------------------------------------------------------------------------------------
rates <- list(c(1), c(0.5, 1), c(1/3, 2/3, 1), c(0.5, 0.75, 1), c(0.25, 0.5, 0.75, 1), c(0.2, 0.4, 0.6, 0.8, 1),
              c(0.3, 0.45, 0.9, 1), c(0.15, 0.5, 0.65, 0.85, 1), c(0.1, 0.3, 0.35, 0.9, 1), c(0.3, 0.6, 0.8))
families <- list(list(f = "asOF", g = NA), list(f = "asP", g = NA), list(f = "asKD", g = 1), list(f = "asKD", g = 2),
                 list(f = "asKD", g = 3.5), list(f = "asHSD", g = -4), list(f = "asHSD", g = -2),
                 list(f = "asHSD", g = 1), list(f = "LanDeMetsClassic", g = NA))
designs <- list()
for (fam in families) for (r in rates) {
  if (fam$f == "LanDeMetsClassic") {
    spend <- classic(r)
    if (r[length(r)] == 1) spend[length(spend)] <- ALPHA     # rpact's asUser needs alpha exactly at the end
    if (length(r) == 1) next
    d <- getDesignGroupSequential(kMax = length(r), sided = 2, alpha = spend[length(spend)], typeOfDesign = "asUser",
                                  userAlphaSpending = spend, informationRates = r)
  } else {
    spend <- spendingValue(fam$f, r, fam$g)
    args <- list(sided = 2, alpha = ALPHA, typeOfDesign = fam$f, informationRates = r)
    if (length(r) == 1) args <- list(kMax = 1, sided = 2, alpha = ALPHA, typeOfDesign = fam$f)
    if (!is.na(fam$g)) args$gammaA <- fam$g
    d <- do.call(getDesignGroupSequential, args)
  }
  designs[[length(designs) + 1]] <- list(family = fam$f, gamma = fam$g, informationRates = r,
                                         spending = spend, criticalValues = d$criticalValues,
                                         alphaSpent = d$alphaSpent)
}

# ---------------------------------------------------------------------------------------------------------------
# 2. Looks at observed information: getAnalysisResults(design, dataset, maxInformation, informationEpsilon)
#    re-calculates the design rpact tests with; we record that design (.design of the result).
# ---------------------------------------------------------------------------------------------------------------
analysis <- function(family, gamma, plannedRates, events, maxInformation, epsilon = NULL) {
  args <- list(sided = 2, alpha = ALPHA, typeOfDesign = family, informationRates = plannedRates)
  if (!is.na(gamma)) args$gammaA <- gamma
  design <- do.call(getDesignGroupSequential, args)
  logRanks <- seq(0.5, 1.5, length.out = length(events))
  ds <- getDataset(cumulativeEvents = events, cumulativeLogRanks = logRanks)
  res <- suppressWarnings(suppressMessages(
    getAnalysisResults(design, dataInput = ds, maxInformation = as.integer(maxInformation),
                       informationEpsilon = epsilon)))
  used <- res$.design
  list(family = family, gamma = gamma, plannedRates = plannedRates, events = events,
       maxInformation = maxInformation, informationEpsilon = if (is.null(epsilon)) 0 else epsilon,
       typeOfDesignUsed = used$typeOfDesign, informationRatesUsed = used$informationRates,
       userAlphaSpendingUsed = if (used$typeOfDesign == "asUser") used$userAlphaSpending else NULL,
       criticalValuesUsed = used$criticalValues,
       status = if (events[length(events)] > maxInformation) "OVER_RUNNING" else
         if (events[length(events)] == maxInformation) "FINAL" else
           if (!is.null(epsilon) && events[length(events)] + epsilon >= maxInformation) "UNDER_RUNNING" else "INTERIM")
}
analyses <- list(
  analysis("asOF", NA, c(1/3, 2/3, 1), c(48, 76), 100),                      # interim looks off the plan
  analysis("asOF", NA, c(1/3, 2/3, 1), c(48, 76, 94), 100),                  # last look below the maximum: an interim
  analysis("asOF", NA, c(1/3, 2/3, 1), c(48, 76, 100), 100),                 # exactly the maximum
  analysis("asOF", NA, c(1/3, 2/3, 1), c(48, 76, 110), 100),                 # over-running at the final look
  analysis("asOF", NA, c(1/3, 2/3, 1), c(52, 103), 100),                     # over-running at an interim look
  analysis("asOF", NA, c(1/3, 2/3, 1), c(48, 76, 97), 100, 5),               # under-running within epsilon
  analysis("asOF", NA, c(0.5, 0.75, 1), c(260, 400, 560), 500),              # the default plan, over-running
  analysis("asP", NA, c(0.25, 0.5, 0.75, 1), c(30, 61, 88, 131), 120),
  analysis("asKD", 2, c(0.2, 0.4, 0.6, 0.8, 1), c(41, 80, 118, 163, 204), 200),
  analysis("asHSD", -4, c(0.5, 1), c(90, 172), 180, 10)
)

# ---------------------------------------------------------------------------------------------------------------
# 3. Non-binding futility by beta spending, two-sided (rpact's experimental two-sided beta spending, with its
#    defaults betaAdjustment = TRUE, twoSidedPower = FALSE, bindingFutility = FALSE).
# ---------------------------------------------------------------------------------------------------------------
futility <- function(family, gammaA, betaFamily, gammaB, beta, r) {
  args <- list(sided = 2, alpha = ALPHA, beta = beta, typeOfDesign = family, informationRates = r,
               typeBetaSpending = betaFamily, bindingFutility = FALSE)
  if (!is.na(gammaA)) args$gammaA <- gammaA
  if (!is.na(gammaB)) args$gammaB <- gammaB
  d <- suppressWarnings(do.call(getDesignGroupSequential, args))
  ch <- getDesignCharacteristics(d)
  list(family = family, gammaA = gammaA, betaFamily = betaFamily, gammaB = gammaB, beta = beta,
       informationRates = r, criticalValues = d$criticalValues, futilityBounds = d$futilityBounds,
       betaSpent = d$betaSpent, power = d$power, inflationFactor = ch$inflationFactor)
}
futilities <- list(
  futility("asOF", NA, "bsOF", NA, 0.2, c(1/3, 2/3, 1)),
  futility("asOF", NA, "bsOF", NA, 0.2, c(0.5, 0.75, 1)),
  futility("asOF", NA, "bsKD", 2, 0.1, c(0.3, 0.5, 0.8, 1)),
  futility("asP", NA, "bsP", NA, 0.2, c(0.25, 0.5, 0.75, 1)),
  futility("asKD", 2, "bsHSD", -2, 0.2, c(0.4, 0.7, 1)),
  futility("asHSD", -4, "bsOF", NA, 0.1, c(0.2, 0.4, 0.6, 0.8, 1))
)

# ---------------------------------------------------------------------------------------------------------------
# 4. Repeated confidence intervals for the hazard ratio (getAnalysisResults, survival, 1:1).
#    rpact: HR = exp(Z * se), se = 2 / sqrt(D); RCI = exp(Z * se -/+ c_k * se).
# ---------------------------------------------------------------------------------------------------------------
rci <- function(family, gamma, r, events, logRanks) {
  args <- list(sided = 2, alpha = ALPHA, typeOfDesign = family, informationRates = r)
  if (!is.na(gamma)) args$gammaA <- gamma
  d <- do.call(getDesignGroupSequential, args)
  res <- suppressWarnings(suppressMessages(
    getAnalysisResults(d, getDataset(cumulativeEvents = events, cumulativeLogRanks = logRanks))))
  k <- length(events)
  list(family = family, gamma = gamma, informationRates = r, events = events, logRanks = logRanks,
       criticalValues = d$criticalValues[1:k],
       lower = as.numeric(res$repeatedConfidenceIntervalLowerBounds[1:k]),
       upper = as.numeric(res$repeatedConfidenceIntervalUpperBounds[1:k]))
}
intervals <- list(
  rci("asOF", NA, c(1/3, 2/3, 1), c(40, 80), c(1.2, 2.6)),
  rci("asOF", NA, c(0.5, 0.75, 1), c(150, 225, 300), c(-0.8, -1.9, -2.4)),
  rci("asP", NA, c(0.25, 0.5, 0.75, 1), c(30, 60, 90), c(0.4, 1.1, 2.2))
)

out <- list(
  generatedBy = "platform/sequential/src/test/r/spending.R",
  rVersion = R.version.string,
  packages = list(rpact = as.character(packageVersion("rpact")), jsonlite = as.character(packageVersion("jsonlite"))),
  notes = c("designs: getDesignGroupSequential(sided = 2, alpha = 0.05, typeOfDesign = family, gammaA = gamma, informationRates); LanDeMetsClassic is asUser with 2 - 2 Phi(z_{1-alpha/2}/sqrt t), the last value set to alpha when the last rate is 1.",
            "spending: rpact:::getSpendingValueCpp(alpha, t, sided = 2, family, gamma), what the design targets.",
            "analyses: the design getAnalysisResults(maxInformation, informationEpsilon) actually tests with (res$.design); status is derived by this script from the events.",
            "futilities: two-sided beta spending (experimental in rpact), non-binding, betaAdjustment = TRUE; futilityBounds NA = none; inflationFactor from getDesignCharacteristics.",
            "intervals: repeated confidence intervals for the hazard ratio from getAnalysisResults on survival data (events, cumulative log-rank Z), 1:1 allocation."),
  designs = designs, analyses = analyses, futilities = futilities, intervals = intervals)
dir.create(dirname(outFile), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE, na = "null", null = "null"), outFile)
cat("wrote", outFile, "\n")
