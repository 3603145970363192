# shellcheck shell=bash disable=SC2034  # variables are used by the scripts that source this
# Shared by deploy/local/stack and deploy/local/token (sourced, not run).
# Paths, the Java launcher, and a compile cache for the small single-file Java helpers.

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"     # deploy/local
REPO="$(cd "$HERE/../.." && pwd)"                          # repository root
STACK="$HERE/.stack"                                       # all state lives here (git-ignored)
LOGS="$STACK/logs"
PIDS="$STACK/pids"
KEYS="$STACK/keys"
CLASSES="$STACK/classes"

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

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

# Makes sure the JWT signing key pair exists (first "up" or first "token", whichever is first).
ensure_jwt_keys() {
    mkdir -p "$KEYS" && chmod 700 "$KEYS"
    [[ -f "$KEYS/jwt-private.pem" && -f "$KEYS/jwt-public.pem" ]] && return 0
    "$JAVA" -cp "$(compile_tool Token)" Token --keys "$KEYS" --ensure
}
