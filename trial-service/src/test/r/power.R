#!/usr/bin/env Rscript
# Reference values for sample-size / power calculations (trial-service).
#
# Run from anywhere:   Rscript trial-service/src/test/r/power.R
# Output (resolved relative to this script's location, i.e. the module root
# trial-service/):     src/test/resources/reference/power-reference.json
#
# Everything here is closed-form or deterministic root finding; no random numbers
# are drawn (set.seed only for uniformity with the other reference scripts).
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
outFile <- file.path(moduleRoot, "src", "test", "resources", "reference", "power-reference.json")

# ---------------------------------------------------------------------------
# 1. Two proportions (cumulative job-exit proportion at the horizon)
# ---------------------------------------------------------------------------
cases <- read.table(header = TRUE, text = "
p0   d    alpha power wT wC
0.30 0.05 0.05  0.80  1  1
0.30 0.05 0.05  0.90  1  1
0.35 0.03 0.05  0.80  1  1
0.50 0.10 0.01  0.90  1  1
0.30 0.10 0.01  0.80  1  1
0.30 0.05 0.05  0.80  2  1
0.35 0.07 0.05  0.90  2  1
0.30 0.05 0.05  0.80  1  2
0.50 0.04 0.01  0.90  1  2
0.30 0.05 0.05  0.80  3  2
0.35 0.08 0.01  0.80  3  2
0.50 0.06 0.05  0.90  3  2
")

# Closed form of the (non-strict) power.prop.test equation, solved for n:
#   n = ( z_{1-a/2} sqrt((p1+p2)(1-(p1+p2)/2)) + z_{1-b} sqrt(p1 q1 + p2 q2) )^2 / (p1-p2)^2
closedFormPowerPropTest <- function(p1, p2, alpha, power) {
  (qnorm(alpha / 2, lower.tail = FALSE) * sqrt((p1 + p2) * (1 - (p1 + p2) / 2)) +
     qnorm(power) * sqrt(p1 * (1 - p1) + p2 * (1 - p2)))^2 / (p1 - p2)^2
}

# Closed form of rpact's .getSampleSizeFixedRates (groups = 2, riskRatio = FALSE,
# thetaH0 = 0, normalApproximation = TRUE):
#   r = n1/n2, pbar = (r*pi1 + pi2)/(1 + r)
#   n1 = ( z_{1-alpha/sided} sqrt(pbar(1-pbar)(1+r)) + z_{1-beta} sqrt(pi1(1-pi1) + r pi2(1-pi2)) )^2 / (pi1-pi2)^2
#   n2 = n1 / r ; n = n1 + n2
closedFormRpactRates <- function(pi1, pi2, alpha, beta, sided, r) {
  pbar <- (r * pi1 + pi2) / (1 + r)
  n1 <- (qnorm(1 - alpha / sided) * sqrt(pbar * (1 - pbar) + pbar * (1 - pbar) * r) +
           qnorm(1 - beta) * sqrt(pi1 * (1 - pi1) + pi2 * (1 - pi2) * r))^2 / (pi1 - pi2)^2
  c(n1 = n1, n2 = n1 / r, total = n1 + n1 / r)
}

proportions <- vector("list", nrow(cases))
maxRelDiff <- 0
for (i in seq_len(nrow(cases))) {
  cs <- cases[i, ]
  p0 <- cs$p0; d <- cs$d; p1 <- p0 + d
  ppt <- NULL
  if (cs$wT == cs$wC) {
    raw <- power.prop.test(p1 = p0, p2 = p1, sig.level = cs$alpha, power = cs$power)$n
    tight <- power.prop.test(p1 = p0, p2 = p1, sig.level = cs$alpha, power = cs$power,
                             tol = 1e-13)$n
    cf <- closedFormPowerPropTest(p0, p1, cs$alpha, cs$power)
    if (ceiling(raw) != ceiling(cf)) stop("power.prop.test ceiling differs from closed form, case ", i)
    ppt <- list(n = raw, nTightTolerance = tight, nClosedForm = cf, nCeiling = ceiling(cf))
  }
  r <- cs$wT / cs$wC
  ss <- getSampleSizeRates(pi1 = p1, pi2 = p0, sided = 2, alpha = cs$alpha,
                           beta = 1 - cs$power, allocationRatioPlanned = r,
                           normalApproximation = TRUE)
  n1 <- as.numeric(ss$numberOfSubjects1[1, 1])
  n2 <- as.numeric(ss$numberOfSubjects2[1, 1])
  tot <- as.numeric(ss$maxNumberOfSubjects[1])
  cf <- closedFormRpactRates(p1, p0, cs$alpha, 1 - cs$power, 2, r)
  maxRelDiff <- max(maxRelDiff, abs(c(n1, n2, tot) / cf - 1))
  proportions[[i]] <- list(
    p0 = p0, d = d, p1 = p1, alpha = cs$alpha, sided = 2L, power = cs$power,
    weightTreatment = cs$wT, weightControl = cs$wC, allocationRatio = r,
    powerPropTestN = if (is.null(ppt)) NULL else ppt$n,
    powerPropTest = ppt,
    rpact = list(n1 = n1, n2 = n2, total = tot,
                 n1Ceiling = ceiling(n1), n2Ceiling = ceiling(n2),
                 totalOfCeilings = ceiling(n1) + ceiling(n2),
                 totalCeiling = ceiling(tot),
                 pooledRateUnderH0 = (r * p1 + p0) / (1 + r))
  )
}
if (maxRelDiff > 1e-12) stop("rpact rates differ from closed form: ", maxRelDiff)

# ---------------------------------------------------------------------------
# 2. Number of events for a hazard ratio (Schoenfeld)
# ---------------------------------------------------------------------------
ev <- expand.grid(hr = c(1.15, 1.2, 1.3, 0.8), power = c(0.8, 0.9), alloc = c("1:1", "2:1"),
                  stringsAsFactors = FALSE)
ev <- rbind(ev, data.frame(hr = c(1.2, 0.8), power = c(0.8, 0.9), alloc = c("1:2", "3:2")))
events <- vector("list", nrow(ev))
for (i in seq_len(nrow(ev))) {
  w <- as.numeric(strsplit(ev$alloc[i], ":")[[1]])
  wT <- w[1]; wC <- w[2]; r <- wT / wC; p <- wT / (wT + wC)
  alpha <- 0.05
  schoenfeld <- (qnorm(1 - alpha / 2) + qnorm(ev$power[i]))^2 / (p * (1 - p) * log(ev$hr[i])^2)
  s <- getSampleSizeSurvival(hazardRatio = ev$hr[i], sided = 2, alpha = alpha,
                             beta = 1 - ev$power[i], allocationRatioPlanned = r,
                             typeOfComputation = "Schoenfeld",
                             lambda2 = log(2) / 12, accrualTime = c(0, 12), followUpTime = 12)
  rp <- as.numeric(s$maxNumberOfEvents[1])
  if (abs(rp / schoenfeld - 1) > 1e-12) stop("Schoenfeld mismatch, case ", i)
  events[[i]] <- list(hazardRatio = ev$hr[i], alpha = alpha, sided = 2L, power = ev$power[i],
                      weightTreatment = wT, weightControl = wC, allocationFraction = p,
                      schoenfeld = schoenfeld, schoenfeldCeiling = ceiling(schoenfeld),
                      rpactEvents = rp)
}

out <- list(
  generatedBy = "trial-service/src/test/r/power.R",
  rVersion = R.version.string,
  packages = list(rpact = as.character(packageVersion("rpact")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  notes = c("powerPropTestN is the raw uniroot root of power.prop.test (default tol = .Machine$double.eps^0.25, so accurate to ~1e-4 only); powerPropTest.nClosedForm is the exact closed-form solution of the same equation and equals rpact total/2 for 1:1.",
            "rpact n1/n2/total are unrounded (rpact 3.3.4 does not round); *Ceiling fields are ceiling() applied by this script.",
            "rpact arm 1 = treatment (pi1 = p0 + d), arm 2 = control (pi2 = p0), allocationRatio = n1/n2 = weightTreatment/weightControl."),
  proportions = proportions,
  events = events
)
dir.create(dirname(outFile), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE, na = "null", null = "null"),
           outFile)
cat("wrote", outFile, "\n")
