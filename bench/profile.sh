#!/usr/bin/env bash
# CPU profile of one running service of the suite (by its pid file) with async-profiler (Maven Central:
# tools.profiler:async-profiler, fetched once into the local repository), for SECONDS while the caller loads it.
# Writes collapsed stacks (one line per stack and its sample count; flame graphs and grep read them) to OUT and prints
# the frames with the most samples, by self time and by inclusive time, filtered by the optional INCLUDE pattern.
#   bench/profile.sh gateway 10 /tmp/gateway.collapsed      (start the load first, e.g. wrk in another shell)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
name=$1; seconds=${2:-10}
version=4.2
jar=$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar
[ -f "$jar" ] || mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$version -Dtransitive=false
work=$(mktemp -d)
out=${3:-$(mktemp --suffix=".$name.collapsed")}
profiling=0
# the profiler is stopped however this script ends (an interrupted run would leave the service sampled every
# millisecond); `sleep` runs in the background so that a signal is handled at once
stop() {
  if [ "$profiling" = 1 ]; then profiling=0; java "$work/Attach.java" "$pid" "$lib" "stop,file=$out,collapsed"; fi
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM
unzip -q -o "$jar" 'linux-x64/libasyncProfiler.so' -d "$work"
cat > "$work/Attach.java" <<'EOF'
public class Attach {
    public static void main(String[] a) throws Exception {
        var vm = com.sun.tools.attach.VirtualMachine.attach(a[0]);
        try { vm.loadAgentPath(a[1], a[2]); } finally { vm.detach(); }
    }
}
EOF
pid=$(cat "$root/.run/pids/$name.pid")
# a stale pid file must not point the profiler at some other JVM
tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "$name/target/quarkus-app" \
  || { echo "pid $pid (from .run/pids/$name.pid) is not $name" >&2; exit 1; }
lib=$work/linux-x64/libasyncProfiler.so
# itimer: perf events are not open to us on every machine of this kind; the agent logs to the service's stdout
profiling=1
java "$work/Attach.java" "$pid" "$lib" "start,event=itimer,interval=1ms"
sleep "$seconds" &
wait $!
stop
echo "profile of $name ($seconds s): $out"
awk '{n = $NF; total += n; sub(/ [0-9]+$/, ""); k = split($0, f, ";"); self[f[k]] += n; delete seen
      for (i = 1; i <= k; i++) if (!(f[i] in seen)) { seen[f[i]] = 1; incl[f[i]] += n } }
     END { print "samples:", total
           for (x in self) printf "self %6.2f%% %s\n", 100 * self[x] / total, x
           for (x in incl) printf "incl %6.2f%% %s\n", 100 * incl[x] / total, x }' "$out" \
  | { read -r header; echo "$header"; sort -k1,1 -k2,2nr | grep -E "${INCLUDE:-.}" | awk '$1=="self" && s++ < 25 || $1=="incl" && i++ < 60'; }
