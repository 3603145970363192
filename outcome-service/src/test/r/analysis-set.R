#!/usr/bin/env Rscript
# What an analyst does with the service's analysis set (GET /trials/{trialId}/analysis-set, Accept: text/csv):
# read it and fit the estimates' figures with the survival package.
#
# Run from anywhere (paths are resolved from this script's location, the module root outcome-service/):
#   Rscript outcome-service/src/test/r/analysis-set.R \
#     > outcome-service/src/test/resources/reference/analysis-set/analysis-set.out
# reads src/test/resources/reference/analysis-set/ds2-analysis-set.csv (written by the service:
# AnalysisSetAgreesWithRTest) and prints, per arm, the cumulative job exit at the horizon (1 - Kaplan-Meier,
# log(-log) 95% CI), and against control the risk difference (Wald CI from the Greenwood variances), the Cox hazard
# ratio (Efron ties) and the log-rank tests, plain and stratified by jobcentre, with 15 significant digits.
suppressPackageStartupMessages(library(survival))

scriptDir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
moduleRoot <- normalizePath(file.path(scriptDir, "..", "..", ".."))
file <- file.path(moduleRoot, "src", "test", "resources", "reference", "analysis-set", "ds2-analysis-set.csv")

# Read as the analyst would: identifiers and codes as text, dates as dates, empty fields as NA.
d <- read.csv(file, colClasses = c(trialId = "character", asOf = "Date", rowId = "character", arm = "character",
                                   jobcentre = "character", stratum = "character", enrolledOn = "Date",
                                   withdrawnOn = "Date", ending = "character"),
              na.strings = "")
horizon <- unique(d$horizonDays)
stopifnot(length(horizon) == 1, length(unique(d$trialId)) == 1, !anyDuplicated(d$rowId))
control <- "control"
arms <- c(control, setdiff(sort(unique(d$arm)), control))
Z975 <- qnorm(0.975)
num <- function(x) sprintf("%.15g", x)

cat("# outcome-service/src/test/r/analysis-set.R on reference/analysis-set/ds2-analysis-set.csv\n")
cat("# ", R.version.string, " - survival ", as.character(packageVersion("survival")), "\n", sep = "")
cat("# asOf", format(unique(d$asOf)), "- horizonDays", horizon, "-", nrow(d), "participants,",
    sum(!is.na(d$withdrawnOn)), "withdrawn by asOf (intention to treat: all analysed)\n")
cat("figure,arm,versus,value\n")
out <- function(figure, arm, versus, value) cat(figure, ",", arm, ",", versus, ",", num(value), "\n", sep = "")

atHorizon <- list()
for (arm in arms) {
  rows <- d[d$arm == arm, ]
  fit <- survfit(Surv(followUpDays, jobExit) ~ 1, data = rows, conf.type = "log-log")
  s <- summary(fit, times = horizon, extend = TRUE)
  atHorizon[[arm]] <- list(surv = s$surv, stdErr = s$std.err)
  out("participants", arm, "", nrow(rows))
  out("events", arm, "", sum(rows$jobExit))
  out("cumulativeIncidence", arm, "", 1 - s$surv)
  out("cumulativeIncidenceLower", arm, "", 1 - s$upper)
  out("cumulativeIncidenceUpper", arm, "", 1 - s$lower)
}

for (arm in setdiff(arms, control)) {
  pair <- d[d$arm %in% c(control, arm), ]
  pair$arm <- factor(pair$arm, levels = c(control, arm))
  c0 <- atHorizon[[control]]
  c1 <- atHorizon[[arm]]
  rd <- c0$surv - c1$surv
  se <- sqrt(c0$stdErr^2 + c1$stdErr^2)
  out("riskDifference", arm, control, rd)
  out("riskDifferenceLower", arm, control, rd - Z975 * se)
  out("riskDifferenceUpper", arm, control, rd + Z975 * se)

  cox <- coxph(Surv(followUpDays, jobExit) ~ arm, data = pair, ties = "efron",
               control = coxph.control(eps = 1e-12, toler.chol = 1e-13, iter.max = 50))
  beta <- unname(coef(cox))
  seBeta <- unname(sqrt(diag(vcov(cox))))
  out("hazardRatio", arm, control, exp(beta))
  out("hazardRatioLower", arm, control, exp(beta - Z975 * seBeta))
  out("hazardRatioUpper", arm, control, exp(beta + Z975 * seBeta))

  lr <- survdiff(Surv(followUpDays, jobExit) ~ arm, data = pair)
  out("logRankChiSquare", arm, control, lr$chisq)
  out("logRankPValue", arm, control, pchisq(lr$chisq, 1, lower.tail = FALSE))
  slr <- survdiff(Surv(followUpDays, jobExit) ~ arm + strata(jobcentre), data = pair)
  out("stratifiedLogRankChiSquare", arm, control, slr$chisq)
  out("stratifiedLogRankPValue", arm, control, pchisq(slr$chisq, 1, lower.tail = FALSE))
}
