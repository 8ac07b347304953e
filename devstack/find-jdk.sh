#!/usr/bin/env bash
# Prints the home of a JDK 21 or newer: JAVA_HOME if it is one, else the newest installed JDK.
# Used by ./ieim and .ci/run (the machines' default java may be 17; the registry needs 21+).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'; }
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]] && (( $(java_major "$JAVA_HOME") >= 21 )); then
  echo "$JAVA_HOME"; exit 0
fi
best="" best_v=0
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
  [[ -x "$d/bin/javac" ]] || continue
  v=$(java_major "$d"); [[ -n "$v" ]] || continue
  if (( v >= 21 && v > best_v )); then best="$d"; best_v=$v; fi
done
[[ -n "$best" ]] || { echo "no JDK 21 or newer found: install one and set JAVA_HOME" >&2; exit 2; }
echo "$best"
