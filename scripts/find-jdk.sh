# shellcheck shell=bash
# Sourced by ./run-tests and ./certguard: finds a JDK >= 21 and exports JAVA_HOME.
# Order: JAVA_HOME, then `java` on PATH, then the usual install folders (newest first).

_jdk_feature() { # prints the feature version (17, 21, 25, ...) of the java binary $1, or nothing
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

_jdk_home_of() { # the JDK home of a java binary (resolving symlinks), if it has javac beside it
    local bin
    bin=$(readlink -f "$1") || return 1
    bin=$(dirname "$bin")
    [ -x "$bin/javac" ] || return 1
    dirname "$bin"
}

find_jdk() {
    local need="${1:-21}" candidate feature home
    local candidates=()
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
    command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
    for home in $(ls -d /usr/lib/jvm/*/ /usr/java/*/ /opt/java/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -rV); do
        candidates+=("${home%/}/bin/java")
    done
    for candidate in "${candidates[@]}"; do
        [ -x "$candidate" ] || continue
        feature=$(_jdk_feature "$candidate")
        [ -n "$feature" ] && [ "$feature" -ge "$need" ] || continue
        home=$(_jdk_home_of "$candidate") || continue
        export JAVA_HOME="$home"
        return 0
    done
    echo "certguard needs a JDK $need or newer, and none was found (looked at JAVA_HOME, java on PATH and /usr/lib/jvm)." >&2
    echo "Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
}
