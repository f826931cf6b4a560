#!/usr/bin/env bash
# The whole TalkBot test suite on a fresh machine: dependencies, one Release build, every test project.
# Tests start their own Azurite, bot and Playground; nothing else needs to run.
# Ends with a line "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

results=$(mktemp -d)
group=""
# Each dotnet test runs in its own process group, with every peer it starts (Azurite, bot, Playground,
# chromium); killing the group leaves nothing behind even when a test host dies.
stop_group() {
  if [ -n "$group" ]; then
    kill -TERM -- "-$group" 2>/dev/null || true
    sleep 1
    kill -KILL -- "-$group" 2>/dev/null || true
    group=""
  fi
}
cleanup() {
  stop_group
  rm -rf "$results"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

set -e
ensure_node_modules
ensure_browser
log "dotnet build TalkBot.sln -c Release"
dotnet build TalkBot.sln -c Release -nologo
set +e

projects=(tests/Domain.Tests tests/Cards.Tests tests/Bot.Tests tests/EndToEnd)
total_passed=0
total_failed=0
summary=()
status=0
for project in "${projects[@]}"; do
  name=$(basename "$project")
  log "dotnet test $project"
  # A hang must not eat the whole budget: the blame timeout kills a stuck test host.
  setsid dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 10m &
  group=$!
  wait "$group"
  code=$?
  stop_group
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    # <Counters total=".." executed=".." passed=".." failed=".." .../>
    passed=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]\+' || echo 0)
    failed=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]\+' || echo 0)
  else
    passed=0
    failed=0
  fi
  if [ "$code" -ne 0 ]; then
    status=1
    # A host that crashed or never ran still counts as a failure.
    [ "$failed" -gt 0 ] || failed=1
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  summary+=("$(printf '%-16s %4d passed %4d failed%s' "$name" "$passed" "$failed" "$([ "$code" -ne 0 ] && echo '  <- FAILED')")")
done

log "Summary"
printf '%s\n' "${summary[@]}"
echo "$total_passed passed, $total_failed failed"
exit $status
