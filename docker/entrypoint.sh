#!/bin/sh
# The container's entrypoint: the cockpit on the image's JRE, started as ./oasm starts it on a
# machine. It tells the cockpit which of stdin, stdout and stderr are terminals (docker run -it
# gives it one: the interactive cockpit; without -t it reads commands from stdin, or runs the
# session file or command it is given), uses the ahead-of-time cache trained when the image was
# built, and adds OASM_JAVA_OPTS (e.g. -Xmx512m). The JVM replaces this shell (exec), so
# signals sent to the container reach the cockpit itself.
home=${OASM_HOME:-/opt/oasm}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
flags=""
[ -t 0 ] && flags="$flags -Doasm.stdin.tty=true"
[ -t 1 ] && flags="$flags -Doasm.stdout.tty=true"
[ -t 2 ] && flags="$flags -Doasm.stderr.tty=true"
[ -f "$home/oasm.aot" ] && flags="$flags -XX:AOTCache=$home/oasm.aot -Xlog:aot*=off -Xlog:cds*=off"
# The flag lists are split into words on purpose; the user's arguments are passed as they are.
# shellcheck disable=SC2086
exec "$java" @"$home/java.args" $flags ${OASM_JAVA_OPTS:-} org.oasm.cockpit.Main "$@"
