#!/usr/bin/env bash
# Runs every figure of docs/performance.md in 15 to 23 minutes on 2 cores (the reminders take 4 to
# 12 of them, depending on the machine's load; REMINDERS_ONLY=1 runs just them, SOAK_ONLY=1 just the
# soak of issue 11, a few minutes, TWO_INSTANCES_ONLY=1 just the two-instance kill of issue 16, a few
# minutes, with NETWORKERAS_TEST_PG_URL set) and keeps the outputs
# in benchmarks/target/results. Build first (from the repository root):
#   ./mvnw -B -o package -DskipTests
# Extra arguments go to every JMH run (for instance -p events=20000 for a quicker look).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=benchmarks/target/benchmarks.jar
APP=bot-app/target/networkeras.jar
OUT=benchmarks/target/results
COMMON=(-f 1 -wi 3 -w 2s -i 3 -r 2s -foe true)
mkdir -p "$OUT"

{
  echo "started: $(date -u +%FT%TZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  java -version 2>&1
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

jmh() {
  local name=$1
  shift
  echo "== $name: $* (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/machine.txt"
  java -jar "$JAR" "$@" "${COMMON[@]}" "${EXTRA[@]}" -rf json -rff "$OUT/$name.json" \
    > "$OUT/$name.txt"
  sed -n '/^Benchmark /,$p' "$OUT/$name.txt"
}
EXTRA=("$@")

# 3. Reminders: 1,000,000 scheduled, 100,000 due at once delivered by the started scheduler (to an
# instant gateway that drops repeats, then 100,000 more to one that shows them), then 20 s of
# Telegram-rate-limited delivery, and the lateness against Telegram's and Discord's ceilings (20 s
# worth due at once); on PostgreSQL too when NETWORKERAS_TEST_PG_URL is set.
reminders() {
  echo "== reminders (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/machine.txt"
  java -cp "$JAR" org.networkeras.benchmarks.ReminderDelivery 1000000 100000 20 \
    | tee "$OUT/reminders.txt"
  # 4. Footprint: the whole catalog cached and 1,000,000 reminders pending, in a 256 MiB heap.
  java -Xmx256m -cp "$JAR" org.networkeras.benchmarks.Footprint 100000 1000 1000000 \
    | tee "$OUT/footprint.txt"
}
# 6. Soak (issue 11): 10,000 events in one community, 5,000 suggestions and edits from members, each
# followed by /events from another member, in a 256 MiB heap; the heap after GC as it goes.
soak() {
  echo "== soak (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/machine.txt"
  java -Xmx256m -cp "$JAR" org.networkeras.benchmarks.Soak 10000 5000 | tee "$OUT/soak.txt"
}
# 7. Two instances on one PostgreSQL (issue 16): two launchers (the jar) against the Telegram and
# Discord stand-ins, 1,000 members going to events, 10,000 reminders due at once, the instance
# polling Telegram killed (SIGKILL) once 30% are delivered; checks every reminder delivered once and
# prints what each instance delivered, the repeats, the takeovers and the total time. Needs
# NETWORKERAS_TEST_PG_URL (a JDBC URL; the scenario works in a schema of its own, then drops it).
two_instances() {
  if [[ -z "${NETWORKERAS_TEST_PG_URL:-}" ]]; then
    echo "== two instances: skipped, NETWORKERAS_TEST_PG_URL is not set" | tee -a "$OUT/machine.txt"
    return 0
  fi
  echo "== two instances (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/machine.txt"
  java -cp "$JAR" org.networkeras.app.TwoInstancesScenario "$APP" 1000 10 \
    | tee "$OUT/two-instances.txt"
}
if [[ "${TWO_INSTANCES_ONLY:-}" == 1 ]]; then
  two_instances
  exit 0
fi
if [[ "${SOAK_ONLY:-}" == 1 ]]; then
  soak
  exit 0
fi
if [[ "${REMINDERS_ONLY:-}" == 1 ]]; then
  reminders
  echo "finished: $(date -u +%FT%TZ), load after: $(cut -d' ' -f1-3 /proc/loadavg)" \
    | tee -a "$OUT/machine.txt"
  exit 0
fi

# 1. Commands: throughput with 1 and 2 threads and latency percentiles, warm then cold cache.
jmh warm-throughput-1-thread WarmCommandBenchmark -bm thrpt -tu s -t 1
jmh warm-throughput-2-threads WarmCommandBenchmark -bm thrpt -tu s -t 2
jmh warm-latency-2-threads WarmCommandBenchmark -bm sample -tu us -t 2
jmh cold-latency-1-thread ColdCommandBenchmark -bm sample -tu ms -t 1
jmh cold-latency-2-threads ColdCommandBenchmark -bm sample -tu ms -t 2
# 2. Time phrases, one thread.
jmh time-phrases TimePhraseBenchmark -bm thrpt -tu s -t 1

# Processor time per command, which the machine's other work does not inflate.
java -cp "$JAR" org.networkeras.benchmarks.CommandCpuTime 100000 1000 4 | tee "$OUT/cpu.txt"
reminders
soak
two_instances
# 4. Console start to first reply: a new data folder, then the 100,000-event catalog.
java -cp "$JAR" org.networkeras.benchmarks.ConsoleStartup "$APP" 5 | tee "$OUT/startup-new.txt"
java -cp "$JAR" org.networkeras.benchmarks.ConsoleStartup "$APP" 5 \
  /tmp/networkeras-bench/catalog-v1-100000-1000 | tee "$OUT/startup-catalog.txt"

# 5. /events tonight with the starter catalog, as java -jar and as ./networkeras starts it, and
# the phases of a start (docs/performance.md, section 5).
SAMPLE=(-Dstartup.sample=true "-Dstartup.line=/events tonight")
QUICK="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
CDS="-XX:SharedArchiveFile=bot-app/target/networkeras.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
java "${SAMPLE[@]}" -cp "$JAR" org.networkeras.benchmarks.ConsoleStartup "$APP" 5 \
  | tee "$OUT/startup-tonight-plain.txt"
java "${SAMPLE[@]}" "-Dstartup.jvm=$QUICK $CDS" -cp "$JAR" org.networkeras.benchmarks.ConsoleStartup \
  "$APP" 5 | tee "$OUT/startup-tonight-quick.txt"
PHASES=$(mktemp -d)
java -cp "$JAR" org.networkeras.benchmarks.StartupBreakdown "$PHASES/data" | tee "$OUT/startup-phases.txt"
java -cp "$JAR" org.networkeras.benchmarks.StartupBreakdown "$PHASES/data" | tee -a "$OUT/startup-phases.txt"
rm -rf "$PHASES"

echo "finished: $(date -u +%FT%TZ), load after: $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee -a "$OUT/machine.txt"
