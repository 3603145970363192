#!/usr/bin/env Rscript
# Reference values for Dunnett-type group-sequential boundaries (platform/sequential: DunnettBoundaries).
#
# Run from anywhere:   Rscript platform/sequential/src/test/r/dunnett.R
# Output (relative to the module root platform/sequential/):
#                      src/test/resources/reference/dunnett-reference.json
#
# Independent of the Java method (which conditions on the control arm's path): here every probability is a
# multivariate normal rectangle probability from mvtnorm::pmvnorm (Genz-Bretz randomised lattice rules), with
# set.seed() before each call, so the script is deterministic.
#
# Model: J comparisons of arms with allocation weights w_j against a control with weight w_0, looks at
# information rates t_1 < ... < t_K. Z = (Z_11..Z_J1, Z_12..Z_J2, ...), look-major, standard normal with
#   cor(Z_al, Z_bm) = rho_ab * sqrt(min(t_l, t_m) / max(t_l, t_m)),
#   rho_aa = 1, rho_ab = sqrt(w_a w_b / ((w_a + w_0)(w_b + w_0))).
# c_k solves P(max_j |Z_jk| >= c_k, max_j |Z_jl| < c_l for l < k) = alpha_k - alpha_{k-1}.
#
# The left side is computed by inclusion-exclusion over the comparisons crossing at look k, which turns it into a
# signed sum of rectangle probabilities that are each small (a tail at look k inside the continuation region of
# the earlier looks); Genz-Bretz integrates such probabilities with small *relative* error, far more precisely than
# the difference of two continuation probabilities near 1:
#   P(C_{k-1} and some |Z_jk| >= c) = sum over non-empty S of (-1)^(|S|+1) P(C_{k-1}, |Z_jk| >= c for j in S)
#   P(C_{k-1}, |Z_jk| >= c, j in S) = sum over signs s in {+,-}^S of P(C_{k-1}, s_j Z_jk >= c, j in S)
# Comparisons outside S are integrated out (dropped from the covariance). The continuation region is symmetric,
# so a sign pattern and its negation have equal probability; with equal weights the probability depends only on
# how many signs are + and -, which leaves 8 distinct pmvnorm calls per evaluation for J = 4.
suppressPackageStartupMessages({
  library(mvtnorm)
  library(rpact)
  library(jsonlite)
})

scriptDir <- local({
  f <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(f) == 1) dirname(normalizePath(f)) else getwd()
})
moduleRoot <- normalizePath(file.path(scriptDir, "..", "..", ".."))
outFile <- file.path(moduleRoot, "src", "test", "resources", "reference", "dunnett-reference.json")

MAXPTS <- 1e6

correlation <- function(w0, w, t) {
  J <- length(w); K <- length(t)
  rho <- outer(w, w, function(a, b) sqrt(a * b / ((a + w0) * (b + w0))))
  diag(rho) <- 1
  S <- matrix(0, J * K, J * K)
  for (l in 1:K) for (m in 1:K) {
    S[(l - 1) * J + 1:J, (m - 1) * J + 1:J] <- rho * sqrt(min(t[l], t[m]) / max(t[l], t[m]))
  }
  S
}

# P(C_{k-1}, s_j Z_jk >= c for j in S): arms `plus` cross upwards, `minus` downwards, at look k.
tailProbability <- function(S, J, k, cPrev, c, plus, minus, seed) {
  keep <- c(if (k > 1) seq_len(J * (k - 1)), (k - 1) * J + c(plus, minus))
  lower <- c(if (k > 1) -rep(cPrev, each = J), rep(c, length(plus)), rep(-Inf, length(minus)))
  upper <- c(if (k > 1) rep(cPrev, each = J), rep(Inf, length(plus)), rep(-c, length(minus)))
  set.seed(seed)
  p <- pmvnorm(lower = lower, upper = upper, sigma = S[keep, keep, drop = FALSE],
               algorithm = GenzBretz(maxpts = MAXPTS, abseps = 1e-12, releps = 0))
  c(p = as.numeric(p), error = attr(p, "error"))
}

# P(first crossing at look k) for boundary c at look k, and a bound on its integration error.
firstCrossing <- function(S, J, w, k, cPrev, c) {
  total <- 0; error <- 0
  equal <- length(unique(w)) == 1
  seed <- 1000 * k
  for (m in 1:J) {
    sign <- if (m %% 2 == 1) 1 else -1
    if (equal) {
      for (p in 0:m) {
        q <- m - p
        if (p < q) next                                  # (p, q) and (q, p) are equal by symmetry
        count <- choose(J, m) * choose(m, p) * (if (p == q) 1 else 2)
        seed <- seed + 1
        r <- tailProbability(S, J, k, cPrev, c, seq_len(p), if (q > 0) p + seq_len(q) else integer(0), seed)
        total <- total + sign * count * r[["p"]]; error <- error + count * r[["error"]]
      }
    } else {
      for (subset in combn(J, m, simplify = FALSE)) {
        for (code in 0:(2^m - 1)) {
          signs <- bitwAnd(code, 2^(0:(m - 1))) > 0        # TRUE = crosses upwards
          if (!signs[1]) next                              # the negated pattern is counted instead
          seed <- seed + 1
          r <- tailProbability(S, J, k, cPrev, c, subset[signs], subset[!signs], seed)
          total <- total + sign * 2 * r[["p"]]; error <- error + 2 * r[["error"]]
        }
      }
    }
  }
  c(p = total, error = error)
}

dunnett <- function(w0, w, t, cumulativeAlpha) {
  J <- length(w); K <- length(t)
  S <- correlation(w0, w, t)
  # Bonferroni boundaries (rpact, asUser at alpha/J) only to bracket the root.
  bonferroni <- if (K == 1) qnorm(1 - cumulativeAlpha / J / 2) else
    getDesignGroupSequential(kMax = K, sided = 2, alpha = cumulativeAlpha[K] / J, typeOfDesign = "asUser",
                             userAlphaSpending = cumulativeAlpha / J, informationRates = t)$criticalValues
  crit <- numeric(K); err <- numeric(K); slope <- numeric(K)
  for (k in 1:K) {
    target <- cumulativeAlpha[k] - (if (k > 1) cumulativeAlpha[k - 1] else 0)
    cPrev <- crit[seq_len(k - 1)]
    f <- function(c) firstCrossing(S, J, w, k, cPrev, c)[["p"]] - target
    root <- uniroot(f, lower = bonferroni[k] - 0.4, upper = bonferroni[k] + 0.05, extendInt = "downX",
                    tol = 1e-9)
    crit[k] <- root$root
    at <- firstCrossing(S, J, w, k, cPrev, crit[k])
    h <- 1e-3
    slope[k] <- (firstCrossing(S, J, w, k, cPrev, crit[k] + h)[["p"]] -
                   firstCrossing(S, J, w, k, cPrev, crit[k] - h)[["p"]]) / (2 * h)
    err[k] <- at[["error"]] / abs(slope[k])
    cat(sprintf("  look %d: c = %.8f  (pmvnorm error bound %.2e on P, about %.1e on c)\n", k, crit[k],
                at[["error"]], err[k]))
  }
  list(criticalValues = crit, criticalValueErrorBound = err, bonferroniCriticalValues = bonferroni)
}

# rpact's two-sided asOF / asP / asKD spending (sided = 2), as SpendingFamily computes it.
spending <- function(family, alpha, t, gamma = NA) {
  switch(family,
         asOF = 4 * pnorm(qnorm(alpha / 4, lower.tail = FALSE) / sqrt(t), lower.tail = FALSE),
         asP = alpha * log(1 + (exp(1) - 1) * t),
         asKD = alpha * t^gamma,
         asHSD = if (gamma == 0) alpha * t else alpha * (1 - exp(-gamma * t)) / (1 - exp(-gamma)))
}

cases <- list(
  list(name = "3 arms 1:1:1, asOF, planned looks 0.5/0.75/1", w0 = 1, w = c(1, 1),
       t = c(0.5, 0.75, 1), family = "asOF", gamma = NA),
  list(name = "4 arms 1:1:1:1, asOF, 5 equal looks", w0 = 1, w = c(1, 1, 1),
       t = c(0.2, 0.4, 0.6, 0.8, 1), family = "asOF", gamma = NA),
  list(name = "5 arms 1:1:1:1:1, asOF, 5 equal looks", w0 = 1, w = c(1, 1, 1, 1),
       t = c(0.2, 0.4, 0.6, 0.8, 1), family = "asOF", gamma = NA),
  list(name = "3 arms, control 1, arms 2 and 1, asP, looks 0.3/0.6/1", w0 = 1, w = c(2, 1),
       t = c(0.3, 0.6, 1), family = "asP", gamma = NA),
  list(name = "4 arms, control 2, arms 1:1:1, asHSD(-4), looks 0.25/0.5/0.8/1", w0 = 2, w = c(1, 1, 1),
       t = c(0.25, 0.5, 0.8, 1), family = "asHSD", gamma = -4),
  list(name = "4 arms, control 2, arms 1, 1, 2, asKD(2), looks 0.4/0.7/1", w0 = 2, w = c(1, 1, 2),
       t = c(0.4, 0.7, 1), family = "asKD", gamma = 2),
  list(name = "4 arms 1:1:1:1, single look (classic Dunnett)", w0 = 1, w = c(1, 1, 1),
       t = 1, family = "asOF", gamma = NA)
)

results <- list()
for (cs in cases) {
  cat(cs$name, "\n")
  alpha <- 0.05
  cum <- spending(cs$family, alpha, cs$t, cs$gamma)
  cum[length(cum)] <- alpha
  started <- Sys.time()
  d <- dunnett(cs$w0, cs$w, cs$t, cum)
  results[[length(results) + 1]] <- c(list(name = cs$name, controlWeight = cs$w0, armWeights = cs$w,
                                            informationRates = cs$t, family = cs$family, gamma = cs$gamma,
                                            alpha = alpha, cumulativeAlpha = cum), d,
                                       list(seconds = as.numeric(difftime(Sys.time(), started, units = "secs"))))
}

# Classic single-look Dunnett as a check of the model: qmvnorm's equicoordinate quantile.
set.seed(1)
S1 <- correlation(1, c(1, 1, 1), 1)
qDunnett <- qmvnorm(0.95, tail = "both.tails", sigma = S1,
                    algorithm = GenzBretz(maxpts = MAXPTS, abseps = 1e-10, releps = 0))$quantile

out <- list(
  generatedBy = "platform/sequential/src/test/r/dunnett.R",
  rVersion = R.version.string,
  packages = list(mvtnorm = as.character(packageVersion("mvtnorm")), rpact = as.character(packageVersion("rpact")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  notes = c("criticalValues: Dunnett-type two-sided boundaries (reject comparison j at look k when |Z_jk| >= c_k), alpha = 0.05 family-wise.",
            "cumulativeAlpha: rpact's sided = 2 spending at the information rates, the last set to alpha exactly.",
            "criticalValueErrorBound: the summed pmvnorm error estimates (3.5 standard errors each) divided by the slope of the first-crossing probability in c.",
            "bonferroniCriticalValues: rpact asUser boundaries at alpha/J, the fallback for many arms, used here only to bracket the root.",
            "qmvnormSingleLook4Arms: qmvnorm(0.95, tail = 'both.tails') for 3 comparisons with a 1:1:1:1 allocation, the classic Dunnett critical value."),
  maxpts = MAXPTS,
  qmvnormSingleLook4Arms = qDunnett,
  cases = results)
dir.create(dirname(outFile), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = I(15), pretty = TRUE, na = "null", null = "null"), outFile)
cat("wrote", outFile, "\n")
