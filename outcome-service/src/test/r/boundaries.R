#!/usr/bin/env Rscript
# Reference values for group-sequential boundaries (outcome-service).
#
# Run from anywhere:   Rscript outcome-service/src/test/r/boundaries.R
# Output (resolved relative to this script's location, i.e. the module root
# outcome-service/):   src/test/resources/reference/boundaries-reference.json
#
# Deterministic (no random numbers; set.seed for uniformity only).
suppressPackageStartupMessages({
  library(rpact)
  library(jsonlite)
})
set.seed(20240601)

scriptDir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
moduleRoot <- normalizePath(file.path(scriptDir, "..", "..", ".."))
outFile <- file.path(moduleRoot, "src", "test", "resources", "reference", "boundaries-reference.json")

# rpact's O'Brien-Fleming-type spending (C++ getSpendingValueCpp, typeOfDesign "asOF"):
#   alpha*(t) = 2 * sided * (1 - Phi( Phi^-1(1 - alpha / (2 * sided)) / sqrt(t) ))
# (upper tails evaluated with lower.tail = FALSE, i.e. without cancellation; rpact does the same for
#  arguments >= 5 and uses 1 - pnorm() below 5, a difference of at most ~1e-16 absolute)
rpactSpending <- function(alpha, t, sided)
  2 * sided * pnorm(qnorm(alpha / (2 * sided), lower.tail = FALSE) / sqrt(t), lower.tail = FALSE)
# Original Lan-DeMets (1983) two-sided O'Brien-Fleming-type function for a two-sided level alpha:
#   alpha*(t) = 2 - 2 Phi( Phi^-1(1 - alpha/2) / sqrt(t) )
classicSpending <- function(alpha, t) 2 * pnorm(qnorm(alpha / 2, lower.tail = FALSE) / sqrt(t), lower.tail = FALSE)

# ---------------------------------------------------------------------------
# Independent high-precision recursion (Armitage-McPherson-Rowe / Jennison-Turnbull),
# composite Simpson rule on the continuation region with N nodes, root by uniroot.
# Used to show how far rpact's numbers are from a "second implementation".
# ---------------------------------------------------------------------------
simpsonWeights <- function(a, b, N) {
  h <- (b - a) / (N - 1)
  w <- rep(c(2, 4), length.out = N); w[1] <- 1; w[N] <- 1
  list(x = seq(a, b, length.out = N), w = w * h / 3)
}
independentBoundaries <- function(t, cumSpend, sided, N = 4001, lowerOneSided = -12) {
  K <- length(t)
  inc <- diff(c(0, cumSpend))
  crit <- numeric(K)
  crit[1] <- qnorm(inc[1] / sided, lower.tail = FALSE)
  if (K == 1) return(crit)
  lo <- if (sided == 2) -crit[1] else lowerOneSided
  g <- simpsonWeights(lo, crit[1], N)
  y <- g$x; fy <- dnorm(y) * g$w                           # weighted sub-density at stage 1
  for (k in 2:K) {
    sd <- sqrt(t[k] - t[k - 1]); ry <- y * sqrt(t[k - 1])
    crossing <- function(c) {
      up <- pnorm((c * sqrt(t[k]) - ry) / sd, lower.tail = FALSE)
      lowp <- if (sided == 2) pnorm((-c * sqrt(t[k]) - ry) / sd) else 0
      sum(fy * (up + lowp))
    }
    crit[k] <- uniroot(function(c) crossing(c) - inc[k], c(0.1, 12), tol = 1e-14)$root
    if (k < K) {
      lo <- if (sided == 2) -crit[k] else lowerOneSided
      g <- simpsonWeights(lo, crit[k], N)
      dens <- sapply(g$x, function(z) sum(fy * dnorm((z * sqrt(t[k]) - ry) / sd))) * sqrt(t[k]) / sd
      y <- g$x; fy <- dens * g$w
    }
  }
  crit
}

sequences <- list(c(1), c(0.5, 1), c(0.25, 0.5, 0.75, 1), c(0.2, 0.42, 0.61, 0.83, 1),
                  c(0.1, 0.3, 0.35, 0.9, 1), c(0.33, 0.67, 1), c(0.3, 0.6, 0.8))

designJson <- function(d, kind, sided, alpha, t, spendTarget, note = NULL, extra = list()) {
  indep <- independentBoundaries(t, spendTarget, sided)
  c(list(kind = kind, sided = sided, alpha = alpha, typeOfDesign = d$typeOfDesign,
         informationRates = I(t),
         criticalValues = I(as.numeric(d$criticalValues)),
         alphaSpent = I(as.numeric(d$alphaSpent)),
         stageLevels = I(as.numeric(d$stageLevels)),
         twoSidedStageLevels = if (sided == 2) I(2 * as.numeric(d$stageLevels)) else NULL,
         spendingTarget = I(spendTarget),
         spendingRpactAsOF = I(rpactSpending(alpha, t, sided)),
         spendingLanDeMetsClassic = I(classicSpending(alpha, t)),
         criticalValuesIndependent = I(indep),
         maxAbsDiffCriticalValuesRpactVsIndependent = max(abs(indep - d$criticalValues)),
         tolerance = d$tolerance),
    extra, list(note = note))
}

designs <- list()
# (a) rpact asOF, two-sided alpha 0.05 and one-sided alpha 0.025
for (sided in c(2, 1)) {
  alpha <- if (sided == 2) 0.05 else 0.025
  for (t in sequences) {
    d <- getDesignGroupSequential(sided = sided, alpha = alpha, typeOfDesign = "asOF",
                                  informationRates = t)
    note <- NULL
    if (length(t) == 1) note <- "kMax = 1: rpact returns the fixed-design critical value qnorm(1 - alpha/sided) and alphaSpent = alpha directly."
    if (t[length(t)] < 1) note <- "Final information rate < 1: rpact accepts it and treats the rates as fractions of the (unreached) maximum information; the last look only spends alpha*(0.8), not alpha. The critical values equal the first three of informationRates c(0.3,0.6,0.8,1)."
    designs[[length(designs) + 1]] <- designJson(d, "rpact-asOF", sided, alpha, t,
                                                 rpactSpending(alpha, t, sided), note)
  }
}

# (b) classic Lan-DeMets two-sided spending 2 - 2 Phi(z_{1-alpha/2}/sqrt(t)) fed to rpact as asUser
for (t in sequences[-c(1, length(sequences))]) {
  alpha <- 0.05
  u <- classicSpending(alpha, t); u[length(u)] <- alpha      # rpact demands u_K <= alpha exactly
  d <- getDesignGroupSequential(sided = 2, alpha = alpha, typeOfDesign = "asUser",
                                informationRates = t, userAlphaSpending = u)
  designs[[length(designs) + 1]] <- designJson(d, "classic-LanDeMets-asUser", 2, alpha, t, u,
    "Two-sided symmetric, cumulative spending 2 - 2*Phi(qnorm(1 - alpha/2)/sqrt(t)) (Lan & DeMets 1983) passed as userAlphaSpending.")
}

# (c) trial stopped/finalised at information fraction 0.8 of the planned maximum:
#     keep the spent alpha of the interim looks, spend all remaining alpha at the final look.
#     Only relative information matters for the joint distribution, so rates are rescaled by 0.8.
tPlanned <- c(0.3, 0.6, 0.8)
for (sided in c(2, 1)) {
  alpha <- if (sided == 2) 0.05 else 0.025
  u <- c(rpactSpending(alpha, tPlanned[1:2], sided), alpha)
  d <- getDesignGroupSequential(sided = sided, alpha = alpha, typeOfDesign = "asUser",
                                informationRates = tPlanned / 0.8, userAlphaSpending = u)
  designs[[length(designs) + 1]] <- designJson(d, "rpact-asOF-final-look-at-0.8", sided, alpha,
    tPlanned / 0.8, u,
    "Planned maximum information not reached: looks at 0.3, 0.6 of planned max spend alpha*(t) of rpact asOF; the final look at 0.8 spends the remaining alpha. informationRates = c(0.3,0.6,0.8)/0.8 (asUser).",
    list(plannedInformationFractions = I(tPlanned)))
}

maxDiff <- max(sapply(designs, function(x) x$maxAbsDiffCriticalValuesRpactVsIndependent))
cat("max |rpact - independent| critical value difference:", format(maxDiff, digits = 3), "\n")

out <- list(
  generatedBy = "outcome-service/src/test/r/boundaries.R",
  rVersion = R.version.string,
  packages = list(rpact = as.character(packageVersion("rpact")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  notes = c("criticalValues are z-scale; two-sided designs reject when |Z_k| >= c_k.",
            "alphaSpent is cumulative and recomputed by rpact from the found critical values; rpact floors its LAST element to 8 decimals (floor(x*1e8)/1e8), so it can read 0.04999999.",
            "stageLevels = 1 - Phi(criticalValues), i.e. ONE-sided even for sided = 2 (twoSidedStageLevels = 2 * stageLevels).",
            "spendingRpactAsOF = 2*sided*(1 - Phi(qnorm(1 - alpha/(2*sided))/sqrt(t))) is what rpact targets for typeOfDesign asOF. spendingLanDeMetsClassic = 2 - 2*Phi(qnorm(1 - alpha/2)/sqrt(t)) with the design's alpha. For sided = 1 the two coincide; for sided = 2 they differ except at t = 1 (rpact spends alpha/2 per side with the one-sided OBF-type function, i.e. 4 - 4*Phi(qnorm(1 - alpha/4)/sqrt(t))).",
            "criticalValuesIndependent: independent recursive numerical integration (composite Simpson, 4001 nodes per look, uniroot tol 1e-14) hitting spendingTarget exactly; converged to ~1e-11. rpact (91-node Newton-Cotes grid, bisection tol 1e-8) deviates from it by up to ~2e-6 (maxAbsDiffCriticalValuesRpactVsIndependent)."),
  designs = designs)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE, na = "null", null = "null"),
           outFile)
cat("wrote", outFile, "\n")
