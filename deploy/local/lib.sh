# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this
# Shared by deploy/local/stack and deploy/local/token (sourced, not run).
# Paths, the Java launcher, Maven-resolved classpaths, and a compile cache for the small
# single-file Java helpers.

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"     # deploy/local
REPO="$(cd "$HERE/../.." && pwd)"                          # repository root
# All state lives here (git-ignored). TRIALS_STACK_DIR puts a second stack's state elsewhere (the fault suite in
# ./mvnw verify runs one of its own under platform/fault-suite/target), so that it never touches a developer's.
STACK="${TRIALS_STACK_DIR:-$HERE/.stack}"
LOGS="$STACK/logs"
PIDS="$STACK/pids"
KEYS="$STACK/keys"
CLASSES="$STACK/classes"
CLASSPATH_DIR="$STACK/classpath"

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
rel() { echo "${1#"$REPO"/}"; }   # paths relative to the repo root read better in messages

show_log_tail() {   # show_log_tail FILE [LINES]: the last lines of a log, for failures
    echo "---- last lines of $(rel "$1"):" >&2
    tail -n "${2:-40}" "$1" >&2 || true
    echo "----" >&2
}

# The JDK to use: $JAVA_HOME if set, else whatever "java" is on PATH. Kafka 4.x and
# Quarkus 3 both need 17+, and the helpers need javac, i.e. a JDK rather than a JRE.
if [[ -n "${JAVA_HOME:-}" ]]; then
    JAVA="$JAVA_HOME/bin/java"; JAVAC="$JAVA_HOME/bin/javac"
else
    JAVA="$(command -v java || true)"; JAVAC="$(command -v javac || true)"
fi
[[ -x "$JAVA" && -x "$JAVAC" ]] || die "a JDK 17+ is needed (java and javac on PATH, or JAVA_HOME)"

# Compiles deploy/local/<Name>.java into .stack/classes/<name>/ unless the classes there are
# newer than the source, and prints that directory. Caching matters for "token", which is
# called once per request in curl walkthroughs: a cached class starts in a fraction of the
# ~1 s a source-file launch needs. Compiles into a scratch directory first so that two
# concurrent callers never see half-written class files.
#   compile_tool Name [classpath]
compile_tool() {
    local name=$1 cp=${2:-} src="$HERE/$1.java" out="$CLASSES/$1"
    if [[ ! -f "$out/$name.class" || "$src" -nt "$out/$name.class" ]]; then
        mkdir -p "$out"
        local tmp; tmp="$(mktemp -d "$CLASSES/.javac.XXXXXX")"
        if ! "$JAVAC" -nowarn -encoding UTF-8 ${cp:+-cp "$cp"} -d "$tmp" "$src" >&2; then
            rm -rf "$tmp"; die "could not compile $src"
        fi
        mv -f "$tmp"/*.class "$out"/ && rm -rf "$tmp"
    fi
    echo "$out"
}

# Maven-resolved classpaths (deploy/local/pom.xml, one profile each: kafka, postgres, token,
# demo), cached in .stack/classpath/<profile>.txt; re-resolved when the POM changes or a jar has
# vanished from the local repository. Each resolution writes its own scratch file, so that two
# first callers at once (say "stack up" and "token") never read a half-written classpath.
#   classpath PROFILE: prints the classpath
classpath() {
    local profile=$1 file="$CLASSPATH_DIR/$1.txt" ok=0 jar
    if [[ -s "$file" && ! "$HERE/pom.xml" -nt "$file" ]]; then
        ok=1
        while IFS= read -r jar; do [[ -f "$jar" ]] || { ok=0; break; }; done < <(tr ':' '\n' <"$file")
    fi
    if (( ! ok )); then
        mkdir -p "$CLASSPATH_DIR" "$LOGS"
        echo "resolving the $profile classpath with Maven ..." >&2
        local tmp; tmp="$(mktemp "$file.XXXXXX")"
        if ! "$REPO/mvnw" -q -B -f "$HERE/pom.xml" -P"$profile" dependency:build-classpath \
                -Dmdep.outputFile="$tmp" >"$LOGS/maven-$profile.log" 2>&1; then
            rm -f "$tmp"
            show_log_tail "$LOGS/maven-$profile.log"
            die "could not resolve the $profile classpath"
        fi
        mv -f "$tmp" "$file"
    fi
    cat "$file"
}

# The classpath that runs Token: its compiled class and smallrye-jwt-build (profile "token").
token_classpath() {
    local jars classes
    jars=$(classpath token)
    classes=$(compile_tool Token "$jars")
    echo "$classes:$jars"
}

# Makes sure the JWT signing key pair exists (first "up" or first "token", whichever is first).
ensure_jwt_keys() {
    mkdir -p "$KEYS" && chmod 700 "$KEYS"
    [[ -f "$KEYS/jwt-private.pem" && -f "$KEYS/jwt-public.pem" ]] && return 0
    local cp; cp=$(token_classpath)
    "$JAVA" -cp "$cp" Token --keys "$KEYS" --ensure
}
