#!/bin/bash
# Runs every libFuzzer target for FUZZ_SECONDS on its own copy of the seed corpus and prints one
# summary line per target. Used by `make fuzz`; see fuzz/README.md.
#   fuzz/run.sh [BUILD_DIR] [TARGET...]     (default build-fuzz, every target)
# Environment: FUZZ_SECONDS (60), FUZZ_RSS_MB (2048), FUZZ_TIMEOUT (seconds per input, 20),
# FUZZ_NICE (19: the fuzzer yields to everything else on the machine).
set -u
cd "$(dirname "$0")/.."
build=${1:-build-fuzz}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv loader schedule_xml schedule_json images script)
seconds=${FUZZ_SECONDS:-60}
rss=${FUZZ_RSS_MB:-2048}
timeout=${FUZZ_TIMEOUT:-20}
nice_level=${FUZZ_NICE:-19}

found=0
summary=()
for t in "${targets[@]}"; do
    bin=$build/bin/fuzz_$t
    if [ ! -x "$bin" ]; then
        echo "fuzz: $bin is missing; build it with: cmake --preset fuzz && cmake --build --preset fuzz" >&2
        exit 2
    fi
    corpus=$build/corpus-$t
    findings=$build/findings-$t
    mkdir -p "$corpus" "$findings"
    # The seeds join whatever earlier runs found; the checked-in corpus is never written to.
    cp -n fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null
    dict=()
    [ -f fuzz/$t.dict ] && dict=(-dict=fuzz/$t.dict)
    log=$build/fuzz-$t.log
    before=$(ls "$findings" | wc -l)
    echo "fuzz: $t for ${seconds}s (log $log)"
    nice -n "$nice_level" "$bin" "$corpus" "${dict[@]}" -max_total_time="$seconds" -rss_limit_mb="$rss" \
        -timeout="$timeout" -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    after=$(ls "$findings" | wc -l)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    files=$(ls "$corpus" | wc -l)
    bytes=$(du -sb "$corpus" | cut -f1)
    new=$((after - before))
    line=$(printf '%-14s %10s execs %7s exec/s  corpus %5s files %8s bytes  findings %s' \
        "$t" "${execs:-?}" "${rate:-?}" "$files" "$bytes" "$new")
    if [ "$rc" -ne 0 ] || [ "$new" -gt 0 ]; then
        found=1
        line+="  <- see $log and $findings/"
        grep -m3 -E "^==[0-9]+==ERROR|runtime error|rule broken|ALARM|out-of-memory" "$log" | sed 's/^/    /'
    fi
    summary+=("$line")
done
echo
printf '%s\n' "${summary[@]}"
exit $found
