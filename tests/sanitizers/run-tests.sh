#!/usr/bin/env bash
# Runs the CTest suite of the asan build and fails on any sanitizer report, also from the programs the
# tests start (the kiosk, the content tool), whose exit status not every test looks at. The asan test
# preset sends AddressSanitizer and LeakSanitizer reports to build-asan/sanitizer-report.<program>.<pid>
# (listed here). UndefinedBehaviorSanitizer ignores log_path when it runs with ASan: its reports go to
# standard error and end the program with status 23, which no test expects of a program it starts.
#   tests/sanitizers/run-tests.sh [JOBS] [CTEST ARGS...]      (used by `make test-asan`)
set -u
cd "$(dirname "$0")/../.."
jobs=${1:-2}
shift || true
rm -f build-asan/sanitizer-report.*
ctest --preset asan -j "$jobs" "$@"
status=$?
reports=(build-asan/sanitizer-report.*)
if [ -e "${reports[0]}" ]; then
    for r in "${reports[@]}"; do
        echo "==== $r"
        cat "$r"
    done
    echo "test-asan: ${#reports[@]} sanitizer report(s), listed above" >&2
    status=1
fi
exit $status
