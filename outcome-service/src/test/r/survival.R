#!/usr/bin/env Rscript
# Reference values for survival estimates (outcome-service).
#
# Run from anywhere:   Rscript outcome-service/src/test/r/survival.R
# All paths are resolved relative to this script's location, i.e. the module
# root outcome-service/:
#   writes src/test/resources/reference/datasets/ds1.csv ... ds5.csv
#   writes src/test/resources/reference/survival-reference.json
#
# Deterministic: set.seed() per data set.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

scriptDir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
moduleRoot <- normalizePath(file.path(scriptDir, "..", "..", ".."))
refDir <- file.path(moduleRoot, "src", "test", "resources", "reference")
dsDir <- file.path(refDir, "datasets")
dir.create(dsDir, recursive = TRUE, showWarnings = FALSE)

CENSORING_TYPES <- c("EMIGRATED", "DECEASED", "LOST_TO_FOLLOW_UP")
Z975 <- qnorm(0.975)

# ---------------------------------------------------------------------------
# Data generation
# ---------------------------------------------------------------------------
# spec fields: name, seed, n, arms, armProb, armHR, jobcentres, jcProb, jcEffect,
#   enrolStart, enrolEnd, asOf, horizonDays, dailyHazard, weibullShape,
#   neverExitProb, time0Prob, weeklyTies, censorProb, censorMaxDays, asOfEdges
generate <- function(spec) {
  set.seed(spec$seed)
  n <- spec$n
  arm <- sample(spec$arms, n, replace = TRUE, prob = spec$armProb)
  jc <- sample(spec$jobcentres, n, replace = TRUE, prob = spec$jcProb)
  if (!is.null(spec$jcArmTilt)) {
    # make jobcentre mix differ between arms (so the stratified test differs)
    tilt <- arm != "control" & runif(n) < spec$jcArmTilt
    jc[tilt] <- spec$jobcentres[1]
  }
  start <- as.Date(spec$enrolStart); end <- as.Date(spec$enrolEnd)
  enrolled <- start + sample(0:as.integer(end - start), n, replace = TRUE)
  hr <- spec$armHR[match(arm, spec$arms)] * spec$jcEffect[match(jc, spec$jobcentres)]
  # Weibull time to job exit, proportional hazards: cumulative hazard H(t) = hr * (dailyHazard * t)^shape
  u <- runif(n)
  tExit <- floor((-log(u) / hr)^(1 / spec$weibullShape) / spec$dailyHazard)
  if (spec$weeklyTies) tExit <- 7 * ceiling(tExit / 7)
  tExit[runif(n) < spec$time0Prob] <- 0
  tExit[runif(n) < spec$neverExitProb] <- NA
  jobExit <- enrolled + tExit
  hasCens <- runif(n) < spec$censorProb
  tCens <- ifelse(hasCens, sample(0:spec$censorMaxDays, n, replace = TRUE), NA)
  censored <- enrolled + tCens
  ctype <- ifelse(hasCens, sample(CENSORING_TYPES, n, replace = TRUE, prob = c(0.3, 0.1, 0.6)), "")
  # a few deliberate exact ties between job exit and censoring (job exit must win)
  tieIdx <- which(!is.na(jobExit) & !hasCens)[1:3]
  censored[tieIdx] <- jobExit[tieIdx]
  ctype[tieIdx] <- CENSORING_TYPES[1:3]

  d <- data.frame(arm = arm, jobcentre = jc, enrolledOn = enrolled, jobExitOn = jobExit,
                  censoredOn = censored, censoringType = ctype, stringsAsFactors = FALSE)

  # deterministic edge cases
  asOf <- as.Date(spec$asOf); h <- spec$horizonDays
  e0 <- start + 30
  edge <- list(
    # job exit exactly at enrolledOn + horizonDays -> event at time = horizon
    list(enrolledOn = e0, jobExitOn = e0 + h, censoredOn = NA, censoringType = ""),
    # job exit one day after the horizon -> censored at the horizon
    list(enrolledOn = e0 + 1, jobExitOn = e0 + 1 + h + 1, censoredOn = NA, censoringType = ""),
    # censoring before job exit -> censored
    list(enrolledOn = e0 + 2, jobExitOn = e0 + 2 + 60, censoredOn = e0 + 2 + 40, censoringType = "EMIGRATED"),
    # job exit before censoring (e.g. deceased later) -> event
    list(enrolledOn = e0 + 3, jobExitOn = e0 + 3 + 20, censoredOn = e0 + 3 + 50, censoringType = "DECEASED"),
    # tie job exit == censoring -> event
    list(enrolledOn = e0 + 4, jobExitOn = e0 + 4 + 33, censoredOn = e0 + 4 + 33, censoringType = "LOST_TO_FOLLOW_UP"),
    # censoring exactly at the horizon -> censored at horizon
    list(enrolledOn = e0 + 5, jobExitOn = NA, censoredOn = e0 + 5 + h, censoringType = "LOST_TO_FOLLOW_UP"),
    # job exit on the enrolment day -> event at time 0
    list(enrolledOn = e0 + 6, jobExitOn = e0 + 6, censoredOn = NA, censoringType = "")
  )
  if (spec$asOfEdges) {
    edge <- c(edge, list(
      # job exit on asOf (within horizon) -> event
      list(enrolledOn = asOf - 10, jobExitOn = asOf, censoredOn = NA, censoringType = ""),
      # job exit the day after asOf -> censored at asOf
      list(enrolledOn = asOf - 20, jobExitOn = asOf + 1, censoredOn = NA, censoringType = ""),
      # censoring after asOf -> ignored, administratively censored at asOf
      list(enrolledOn = asOf - 25, jobExitOn = NA, censoredOn = asOf + 3, censoringType = "EMIGRATED"),
      # censoring on asOf, job exit after asOf -> censored at asOf
      list(enrolledOn = asOf - 5, jobExitOn = asOf + 2, censoredOn = asOf, censoringType = "DECEASED"),
      # enrolled on asOf, nothing observed -> time 0, status 0
      list(enrolledOn = asOf, jobExitOn = NA, censoredOn = NA, censoringType = ""),
      # enrolled on asOf with job exit the same day -> time 0, status 1
      list(enrolledOn = asOf, jobExitOn = asOf, censoredOn = NA, censoringType = "")
    ))
  }
  edgeDf <- do.call(rbind, lapply(seq_along(edge), function(k) {
    e <- edge[[k]]
    data.frame(arm = spec$arms[(k - 1) %% length(spec$arms) + 1],
               jobcentre = spec$jobcentres[(k - 1) %% length(spec$jobcentres) + 1],
               enrolledOn = as.Date(e$enrolledOn), jobExitOn = as.Date(e$jobExitOn),
               censoredOn = as.Date(e$censoredOn), censoringType = e$censoringType,
               stringsAsFactors = FALSE)
  }))
  d <- rbind(d, edgeDf)
  stopifnot(all(d$enrolledOn <= asOf))
  d <- d[order(d$enrolledOn, d$arm, d$jobcentre), ]
  d$participantId <- sprintf("%s-%05d", spec$name, seq_len(nrow(d)))
  rownames(d) <- NULL
  d[, c("participantId", "arm", "jobcentre", "enrolledOn", "jobExitOn", "censoredOn", "censoringType")]
}

writeCsv <- function(d, file) {
  out <- d
  for (col in c("enrolledOn", "jobExitOn", "censoredOn")) {
    v <- format(out[[col]], "%Y-%m-%d")
    v[is.na(out[[col]])] <- ""
    out[[col]] <- v
  }
  write.table(out, file, sep = ",", quote = FALSE, row.names = FALSE, col.names = TRUE,
              na = "", fileEncoding = "UTF-8", eol = "\n")
}

# ---------------------------------------------------------------------------
# The public derivation rule (the contract the Java side implements)
# ---------------------------------------------------------------------------
derive <- function(d, asOf, horizonDays) {
  asOf <- as.Date(asOf)
  stopifnot(all(d$enrolledOn <= asOf))
  exitCounts <- !is.na(d$jobExitOn) & d$jobExitOn <= asOf
  censCounts <- !is.na(d$censoredOn) & d$censoredOn <= asOf
  horizonDate <- d$enrolledOn + horizonDays
  big <- as.Date("9999-12-31")
  exitD <- ifelse(exitCounts, d$jobExitOn, big)
  censD <- ifelse(censCounts, d$censoredOn, big)
  endD <- pmin(exitD, censD, as.numeric(asOf), as.numeric(horizonDate))
  d$time <- as.integer(endD - as.numeric(d$enrolledOn))
  d$status <- as.integer(exitCounts & exitD == endD)   # ties: job exit wins
  stopifnot(all(d$time >= 0), all(d$time <= horizonDays))
  d
}

# ---------------------------------------------------------------------------
# Hand-written versions of the formulas (self-check that README formulas are exact)
# ---------------------------------------------------------------------------
manualKm <- function(time, status, tau) {
  ut <- sort(unique(time))
  nr <- sapply(ut, function(t) sum(time >= t))
  ne <- sapply(ut, function(t) sum(time == t & status == 1))
  s <- cumprod(1 - ne / nr)
  gw <- cumsum(ifelse(ne > 0, ne / (nr * (nr - ne)), 0))
  keep <- ut <= tau
  sTau <- if (any(keep)) s[max(which(keep))] else 1
  gTau <- if (any(keep)) gw[max(which(keep))] else 0
  # RMST: area under the step function on [0, tau]
  tt <- c(ut[keep], tau)
  ss <- c(s[keep], s[max(which(keep))])
  rect <- diff(c(0, tt)) * c(1, ss[-length(ss)])
  rmst <- sum(rect)
  # A_i = integral of S from t_i to tau
  areaAfter <- rev(cumsum(rev(rect)))[-1]       # for each t_i in ut[keep]
  hh <- ifelse(nr[keep] - ne[keep] == 0, 0, ne[keep] / (nr[keep] * (nr[keep] - ne[keep])))
  list(surv = sTau, se = sTau * sqrt(gTau), rmst = rmst, rmstSe = sqrt(sum(areaAfter^2 * hh)))
}

manualLogRank <- function(time, status, grp, strata) {
  # grp: 1 = arm, 0 = control; returns chisq = (sum O-E)^2 / sum V over strata
  OE <- 0; V <- 0
  for (s in unique(strata)) {
    i <- strata == s
    t <- time[i]; st <- status[i]; g <- grp[i]
    for (u in sort(unique(t[st == 1]))) {
      n <- sum(t >= u); n1 <- sum(t >= u & g == 1)
      dd <- sum(t == u & st == 1); d1 <- sum(t == u & st == 1 & g == 1)
      OE <- OE + d1 - dd * n1 / n
      if (n > 1) V <- V + dd * (n1 / n) * (1 - n1 / n) * (n - dd) / (n - 1)
    }
  }
  OE^2 / V
}

manualEfronLoglik <- function(beta, time, status, x) {
  ll <- 0
  for (u in sort(unique(time[status == 1]))) {
    risk <- time >= u
    D <- which(time == u & status == 1)
    m <- length(D)
    sRisk <- sum(exp(beta * x[risk]))
    sTied <- sum(exp(beta * x[D]))
    ll <- ll + beta * sum(x[D]) - sum(log(sRisk - ((0:(m - 1)) / m) * sTied))
  }
  ll
}

near <- function(a, b, tol = 1e-10) isTRUE(all.equal(a, b, tolerance = tol))

# ---------------------------------------------------------------------------
# Estimates
# ---------------------------------------------------------------------------
armEstimates <- function(da, horizonDays, armName) {
  fit <- survfit(Surv(time, status) ~ 1, data = da, conf.type = "log-log")
  sm <- summary(fit, times = horizonDays, extend = TRUE)
  tab <- summary(fit, rmean = horizonDays)$table
  surv <- sm$surv; se <- sm$std.err
  m <- manualKm(da$time, da$status, horizonDays)
  if (!near(m$surv, surv) || !near(m$se, se) || !near(m$rmst, unname(tab["rmean"])) ||
      !near(m$rmstSe, unname(tab["se(rmean)"])))
    stop("manual KM/RMST check failed for arm ", armName)
  # log-log CI by hand
  llse <- Z975 * (se / surv) / log(surv)
  lowerManual <- exp(-exp(log(-log(surv)) - llse))
  upperManual <- exp(-exp(log(-log(surv)) + llse))
  if (!near(lowerManual, sm$lower) || !near(upperManual, sm$upper)) stop("log-log CI check failed")
  curve <- lapply(seq_along(fit$time), function(k) {
    list(time = fit$time[k], nRisk = fit$n.risk[k], nEvent = fit$n.event[k],
         nCensor = fit$n.censor[k], surv = fit$surv[k],
         stdErr = fit$std.err[k] * fit$surv[k],            # SE of S (Greenwood)
         stdErrLogSurv = fit$std.err[k],                   # SE of -log S, as stored in survfit
         lower = fit$lower[k], upper = fit$upper[k])
  })
  list(arm = armName, participants = nrow(da), events = sum(da$status),
       sumTime = sum(da$time), nRiskAtHorizon = sm$n.risk,
       surv = surv, stdErr = se, greenwoodVariance = se^2,
       lower = sm$lower, upper = sm$upper,
       cumulativeIncidence = list(estimate = 1 - surv, ci95 = c(1 - sm$upper, 1 - sm$lower)),
       rmst = list(estimate = unname(tab["rmean"]), se = unname(tab["se(rmean)"]),
                   tau = horizonDays),
       restrictedMeanTimeToJobExit = unname(tab["rmean"]),
       curve = curve)
}

compare <- function(d, armName, horizonDays, armResults) {
  sub <- d[d$arm %in% c("control", armName), ]
  sub$arm <- factor(sub$arm, levels = c("control", armName))
  a <- armResults[[armName]]; c0 <- armResults[["control"]]
  rdEst <- a$cumulativeIncidence$estimate - c0$cumulativeIncidence$estimate
  rdSe <- sqrt(a$greenwoodVariance + c0$greenwoodVariance)
  lr <- survdiff(Surv(time, status) ~ arm, data = sub)
  slr <- survdiff(Surv(time, status) ~ arm + strata(jobcentre), data = sub)
  grp <- as.integer(sub$arm == armName)
  if (!near(manualLogRank(sub$time, sub$status, grp, rep(1, nrow(sub))), lr$chisq) ||
      !near(manualLogRank(sub$time, sub$status, grp, sub$jobcentre), slr$chisq))
    stop("manual log-rank check failed")
  cx <- coxph(Surv(time, status) ~ arm, data = sub, ties = "efron",
              control = coxph.control(eps = 1e-12, toler.chol = 1e-13, iter.max = 50))
  beta <- unname(coef(cx)); se <- unname(sqrt(vcov(cx)[1, 1]))
  if (!near(manualEfronLoglik(0, sub$time, sub$status, grp), cx$loglik[1]) ||
      !near(manualEfronLoglik(beta, sub$time, sub$status, grp), cx$loglik[2]))
    stop("manual Efron loglik check failed")
  list(arm = armName, versus = "control",
       riskDifference = list(estimate = rdEst, se = rdSe,
                             ci95 = c(rdEst - Z975 * rdSe, rdEst + Z975 * rdSe)),
       logRank = list(chiSquare = lr$chisq, pValue = pchisq(lr$chisq, 1, lower.tail = FALSE),
                      observed = as.numeric(lr$obs), expected = as.numeric(lr$exp),
                      variance = lr$var[2, 2]),
       stratifiedLogRank = list(chiSquare = slr$chisq,
                                pValue = pchisq(slr$chisq, 1, lower.tail = FALSE),
                                strata = sort(unique(sub$jobcentre))),
       cox = list(ties = "efron", beta = beta, se = se, hazardRatio = exp(beta),
                  ci95 = c(exp(beta - Z975 * se), exp(beta + Z975 * se)),
                  waldZ = beta / se, waldPValue = 2 * pnorm(-abs(beta / se)),
                  scoreChiSquare = unname(cx$score),
                  scorePValue = pchisq(unname(cx$score), 1, lower.tail = FALSE),
                  logLikNull = cx$loglik[1], logLik = cx$loglik[2],
                  likelihoodRatioChiSquare = 2 * diff(cx$loglik),
                  iterations = cx$iter))
}

# ---------------------------------------------------------------------------
# Data set specifications
# ---------------------------------------------------------------------------
JC4 <- c("101", "147", "751", "461")
specs <- list(
  list(name = "ds1", seed = 101, n = 600, arms = c("control", "treatment"), armProb = c(1, 1),
       armHR = c(1, 1.25), jobcentres = JC4, jcProb = c(4, 3, 2, 1), jcEffect = c(1, 1.2, 0.8, 1.1),
       enrolStart = "2022-01-03", enrolEnd = "2022-12-30", asOf = "2023-09-29", horizonDays = 182,
       dailyHazard = 0.0024, weibullShape = 1, neverExitProb = 0.15, time0Prob = 0,
       weeklyTies = FALSE, censorProb = 0.12, censorMaxDays = 400, asOfEdges = FALSE,
       description = "two arms 1:1, 4 jobcentres, 12-month staggered enrolment, 26-week horizon, asOf after all horizons"),
  list(name = "ds2", seed = 202, n = 900, arms = c("control", "treatment"), armProb = c(1, 2),
       armHR = c(1, 1.2), jobcentres = JC4, jcProb = c(1, 1, 1, 1), jcEffect = c(0.7, 1, 1.3, 1.1),
       enrolStart = "2022-03-01", enrolEnd = "2023-02-28", asOf = "2023-06-30", horizonDays = 365,
       dailyHazard = 0.0020, weibullShape = 0.9, neverExitProb = 0.10, time0Prob = 0.01,
       weeklyTies = FALSE, censorProb = 0.10, censorMaxDays = 500, asOfEdges = TRUE,
       description = "treatment:control 2:1, 365-day horizon, asOf 4 months after the last enrolment so follow-up of everyone enrolled after 2022-06-30 is truncated by asOf"),
  list(name = "ds3", seed = 303, n = 1500, arms = c("control", "treatmentA", "treatmentB"),
       armProb = c(1, 1, 1), armHR = c(1, 1.15, 1.35), jobcentres = JC4, jcProb = c(3, 3, 2, 2),
       jcEffect = c(1, 0.9, 1.2, 1.05),
       enrolStart = "2021-03-01", enrolEnd = "2022-02-28", asOf = "2022-12-15", horizonDays = 273,
       dailyHazard = 0.0022, weibullShape = 1.1, neverExitProb = 0.12, time0Prob = 0.005,
       weeklyTies = FALSE, censorProb = 0.10, censorMaxDays = 450, asOfEdges = FALSE,
       description = "three arms (control, treatmentA, treatmentB), 39-week horizon"),
  list(name = "ds4", seed = 404, n = 400, arms = c("control", "treatment"), armProb = c(1, 1),
       armHR = c(1, 1.4), jobcentres = JC4, jcProb = c(1, 1, 1, 1), jcEffect = c(1, 1, 1.3, 0.8),
       enrolStart = "2023-01-02", enrolEnd = "2023-12-29", asOf = "2024-01-31", horizonDays = 91,
       dailyHazard = 0.0045, weibullShape = 1, neverExitProb = 0.2, time0Prob = 0.08,
       weeklyTies = TRUE, censorProb = 0.15, censorMaxDays = 150, asOfEdges = TRUE,
       description = "heavily tied (weekly) exit times, ~8% job exits on the enrolment day (time 0), 13-week horizon, asOf truncates last enrolees"),
  list(name = "ds5", seed = 505, n = 2000, arms = c("control", "treatment"), armProb = c(2, 1),
       armHR = c(1, 1.1), jobcentres = JC4, jcProb = c(2, 1, 1, 1), jcEffect = c(1.8, 1, 0.6, 0.9),
       jcArmTilt = 0.25,
       enrolStart = "2023-02-01", enrolEnd = "2024-01-31", asOf = "2024-05-31", horizonDays = 182,
       dailyHazard = 0.0018, weibullShape = 1.2, neverExitProb = 0.1, time0Prob = 0.003,
       weeklyTies = FALSE, censorProb = 0.25, censorMaxDays = 300, asOfEdges = TRUE,
       description = "control:treatment 2:1, heavy censoring, jobcentre mix differs by arm (stratified vs unstratified log-rank differ), asOf truncation")
)

datasets <- list()
for (spec in specs) {
  d <- generate(spec)
  file <- file.path(dsDir, paste0(spec$name, ".csv"))
  writeCsv(d, file)
  # Re-read the CSV exactly as the Java side would, then derive (time, status)
  raw <- read.csv(file, colClasses = "character", na.strings = character(0))
  stopifnot(identical(names(raw), c("participantId", "arm", "jobcentre", "enrolledOn",
                                    "jobExitOn", "censoredOn", "censoringType")))
  dd <- data.frame(participantId = raw$participantId, arm = raw$arm, jobcentre = raw$jobcentre,
                   enrolledOn = as.Date(raw$enrolledOn),
                   jobExitOn = as.Date(ifelse(raw$jobExitOn == "", NA, raw$jobExitOn)),
                   censoredOn = as.Date(ifelse(raw$censoredOn == "", NA, raw$censoredOn)),
                   censoringType = raw$censoringType, stringsAsFactors = FALSE)
  stopifnot(all((dd$censoringType == "") == is.na(dd$censoredOn)))
  dd <- derive(dd, spec$asOf, spec$horizonDays)
  armResults <- list()
  for (a in spec$arms) armResults[[a]] <- armEstimates(dd[dd$arm == a, ], spec$horizonDays, a)
  comps <- lapply(setdiff(spec$arms, "control"), function(a) compare(dd, a, spec$horizonDays, armResults))
  asOf <- as.Date(spec$asOf)
  datasets[[length(datasets) + 1]] <- list(
    file = paste0("datasets/", spec$name, ".csv"),
    description = spec$description,
    seed = spec$seed,
    asOf = spec$asOf, horizonDays = spec$horizonDays,
    participants = nrow(dd), events = sum(dd$status), sumTime = sum(dd$time),
    jobExitsAfterAsOf = sum(!is.na(dd$jobExitOn) & dd$jobExitOn > asOf),
    jobExitsAfterHorizon = sum(!is.na(dd$jobExitOn) & dd$jobExitOn > dd$enrolledOn + spec$horizonDays),
    censoringsAfterAsOf = sum(!is.na(dd$censoredOn) & dd$censoredOn > asOf),
    eventsAtTimeZero = sum(dd$time == 0 & dd$status == 1),
    truncatedByAsOf = sum(dd$enrolledOn + spec$horizonDays > asOf),
    arms = unname(armResults),
    comparisons = comps)
  cat(sprintf("%s: n=%d events=%d\n", spec$name, nrow(dd), sum(dd$status)))
}

out <- list(
  generatedBy = "outcome-service/src/test/r/survival.R",
  rVersion = R.version.string,
  packages = list(survival = as.character(packageVersion("survival")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  derivationRule = paste(
    "time = min(jobExitOn if <= asOf, censoredOn if <= asOf, asOf, enrolledOn + horizonDays) - enrolledOn (whole days);",
    "status = 1 iff jobExitOn <= asOf and jobExitOn equals that minimum (job exit wins every tie)."),
  notes = c("stdErr = standard error of S(t) (Greenwood) = S * sqrt(sum d/(n(n-d))); curve[].stdErrLogSurv is survfit's internal std.err (of -log S).",
            "lower/upper are log-log 95% limits for S; null where S is 0 or 1 (undefined).",
            "rmst = area under the KM curve on [0, horizonDays] (survival:::survmean with rmean = horizonDays); its se is survmean's, without any n/(n-1) correction.",
            "Comparisons subset the data to the two arms; arm coded so that HR = hazard(arm)/hazard(control)."),
  datasets = datasets)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE, na = "null", null = "null"),
           file.path(refDir, "survival-reference.json"))
cat("wrote", file.path(refDir, "survival-reference.json"), "\n")
