# Turns the distribution's log4j2.properties (files under logs/) into the Docker image's default, as the
# official image build does: every RollingFile appender becomes a Console appender, file-only keys (fileName,
# filePattern, policies, strategy) go, the plain-text "console" and "*_old" appenders go, and the root logger
# keeps only the "rolling" (ECS JSON) appender. Comments and blank lines pass through.
# Usage: awk -f console-log4j2.awk config/log4j2.properties > log4j2.docker.properties

function emit(line,    eq, key, value, k) {
  if (line ~ /^[ \t]*(#|$)/) { print line; return }
  eq = index(line, "=")
  key = substr(line, 1, eq - 1); gsub(/[ \t]+$/, "", key)
  value = substr(line, eq + 1); gsub(/^[ \t]+/, "", value)
  split(key, k, ".")
  if (k[1] == "appender") {
    if (k[2] == "console" || k[2] ~ /_old$/) return
    if (k[3] == "fileName" || k[3] == "filePattern" || k[3] == "policies" || k[3] == "strategy") return
    if (k[3] == "type" && value == "RollingFile") value = "Console"
    print key " = " value
  } else if (key ~ /^rootLogger\.appenderRef\./) {
    if (value == "rolling") print key " = " value
  } else if (k[1] == "logger" && k[3] == "appenderRef" && k[4] ~ /_old$/) {
    return
  } else {
    print line
  }
}

{
  # Join continuation lines (a trailing backslash) into one logical line.
  if (pending != "") { sub(/^[ \t]+/, "", $0); $0 = pending $0; pending = "" }
  if ($0 ~ /\\$/) { pending = substr($0, 1, length($0) - 1); next }
  emit($0)
}

END { if (pending != "") emit(pending) }
