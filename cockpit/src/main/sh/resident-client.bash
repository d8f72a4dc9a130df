# Sourced by ./oasm: `oasm_resident DIR ARGS...` has the resident cockpit serving the run folder DIR
# (ResidentServer, started by `oasm resident start`) run `./oasm ARGS...`, and exits with that
# command's status. It returns instead, for the launcher to start a JVM as usual, when no resident
# cockpit runs there or it declines the request (another build, a descriptor it cannot reopen).
# The protocol is in RunDir.java. Two forks (mkfifo, a subshell); everything else is bash builtins.
oasm_resident() {
  local dir=$1
  shift
  [ -p "$dir/requests" ] && [ -O "$dir" ] && [ -r "$dir/pid" ] || return 1
  local server="" answer="" terminals=""
  read -r server < "$dir/pid" 2>/dev/null
  [ -n "$server" ] && kill -0 "$server" 2>/dev/null || return 1
  local reply="$dir/reply.$$" request="$dir/request.$$"
  mkfifo -m 600 "$reply" 2>/dev/null || return 1
  [ -t 0 ] && terminals+=0
  [ -t 1 ] && terminals+=1
  [ -t 2 ] && terminals+=2
  if ! printf '%s\0' "$terminals" "$@" > "$request" 2>/dev/null; then
    unlink "$reply" 2>/dev/null
    return 1
  fi
  # both FIFOs opened for reading and writing: neither open waits for the other side
  exec {answer_fd}<>"$reply" {requests_fd}<>"$dir/requests"
  # from a subshell: a redirected builtin points this shell's stdout at the FIFO while it writes,
  # and the resident cockpit, reading the line, would find the FIFO as the launcher's stdout
  ( printf '%s\n' "$$" >&"$requests_fd" )
  exec {requests_fd}>&-
  while ! read -r -t 1 -u "$answer_fd" answer; do
    if ! kill -0 "$server" 2>/dev/null; then
      exec {answer_fd}<&-
      if [ -e "$request" ]; then   # never taken: run it here
        unlink "$request" 2>/dev/null
        unlink "$reply" 2>/dev/null
        return 1
      fi
      printf 'oasm: the resident cockpit (pid %s) ended while it ran this command\n' "$server" >&2
      exit 1
    fi
  done
  exec {answer_fd}<&-
  case $answer in
    "exit "*) exit "${answer#exit }" ;;
  esac
  return 1
}
