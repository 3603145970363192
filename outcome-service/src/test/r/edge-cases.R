#!/usr/bin/env Rscript
# Edge cases of the survival estimators (outcome-service SurvivalEdgeCasesTest): what R's survival package
# answers where an estimate is 0 or 1, or a Cox model has no finite maximum.
#   Rscript outcome-service/src/test/r/edge-cases.R
suppressPackageStartupMessages(library(survival))
options(digits = 15)
show <- function(label, x) cat(label, ":", format(x, digits = 15), "\n")

# Everyone exits (days 1, 2, 3): S reaches 0.
everyone <- survfit(Surv(c(1, 2, 3), c(1, 1, 1)) ~ 1, conf.type = "log-log")
show("everyone exits: surv", everyone$surv)
show("everyone exits: std.err of S", summary(everyone)$std.err)
show("everyone exits: std.err of -log S", everyone$std.err)
show("everyone exits: lower", everyone$lower)
show("everyone exits: upper", everyone$upper)

# No one exits (censored on days 1 to 4): S stays 1.
no_one <- survfit(Surv(c(1, 2, 3, 4), c(0, 0, 0, 0)) ~ 1, conf.type = "log-log")
show("no one exits: surv", no_one$surv)
show("no one exits: std.err of S", summary(no_one, times = 4)$std.err)
show("no one exits: lower", no_one$lower)
show("no one exits: upper", no_one$upper)

# Cox with no event in the arm (x = 1): coxph runs out of iterations.
no_event <- data.frame(t = c(1, 2, 3, 4, 5, 6, 7, 8), s = c(1, 1, 0, 1, 0, 0, 0, 0), x = c(0, 0, 0, 0, 1, 1, 1, 1))
fit <- withCallingHandlers(coxph(Surv(t, s) ~ x, data = no_event, ties = "efron"),
                           warning = function(w) { cat("warning:", conditionMessage(w), "\n"); invokeRestart("muffleWarning") })
show("no event in arm: coef, se", c(coef(fit), sqrt(vcov(fit))))

# Monotone likelihood: the arm's events come after the control has left the risk set.
monotone <- data.frame(t = c(1, 2, 3, 4), s = c(1, 0, 1, 1), x = c(0, 0, 1, 1))
fit <- withCallingHandlers(coxph(Surv(t, s) ~ x, data = monotone, ties = "efron"),
                           warning = function(w) { cat("warning:", conditionMessage(w), "\n"); invokeRestart("muffleWarning") })
show("monotone: coef, se", c(coef(fit), sqrt(vcov(fit))))

# Log-rank with no event at all: zero variance.
none <- survdiff(Surv(c(1, 2, 3, 4), c(0, 0, 0, 0)) ~ c(0, 0, 1, 1))
show("no event: log-rank variance", none$var[1, 1])
show("no event: chisq", none$chisq)
