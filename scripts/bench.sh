#!/usr/bin/env bash
# Benchmarks, with their figures printed (not timed tests). Needs only the .NET SDK and Node.js.
#   bash scripts/bench.sh graph [--users N] [--latency-ms N] [--installs N] [--install-limit N] [--talks N] [--event-limit N]
# graph (issues 5, 14): against a local Graph-shaped server with 50 ms latency per request: the first read of 10,000
# users and 8 role groups (users delta, manager as manager@delta) with and without Graph's cap of 100 per page on
# $expand (target: at most 20 requests either way); that organisation stored on Azurite and its monthly plans made; a
# delta sync after 10 changes (target: at most 3 requests); the app installed for 10,000 people through the real opener
# against Graph's limit of --install-limit per second (429 + Retry-After) with their chats opened on a fake Teams; the
# Outlook events of a month of 2,000 talks at a mailbox's --event-limit per second; and the peak memory.
#   bash scripts/bench.sh fanout [--messages N] [--tenant-limit N] [--failure-rate F] [--runs plain,kill,term]
# fanout (issue 4): notices queued in the outbox on a fresh in-memory Azurite, drained by a real TalkBot process
# through a local fake Teams that enforces Teams' limits (429 + Retry-After) and answers 1% of requests 503; the
# "kill" run kills the bot (SIGKILL, a crash) once halfway and starts it again, the "term" run stops it with SIGTERM
# (a deployment). Prints rate / tenant limit, lost, duplicated and the bot's peak memory.
#   bash scripts/bench.sh clicks [--people N | --compare 250,10000] [--cadres N] [--per-talk N] [--raw-rounds N] [--settle S]
# clicks (issue 12): a real TalkBot process, the local fake Teams with Teams' default limits and an organisation of N
# people (default 10,000); 200 cadres open TalkBot and get a notice each from one organiser (20 per talk), all click
# 确认收到 at once, then each double-clicks with one Teams retry. Prints latency, storage calls per click, errors,
# acknowledgements stored, what reached the organiser, the bot's peak memory and raw Azurite's p99 at the same
# concurrency; --compare runs each size and also compares their p99.
#   bash scripts/bench.sh dashboard [--people N]
# dashboard (issue 15): 10,000 cadres and 12 months of talks (with leads and plans) counted into the statistics table on
# a fresh in-memory Azurite through the product's own counting (Domain's Counting, the bot's StatCounters bulk path);
# then the statistics request as its endpoint serves it (query, JSON, audit line), 30 times for each of three views:
# p50/p95 server time (goal ≤ 500 ms); then the last month's talk ledger rows written as the product writes them, a real
# TalkBot process started on those tables (Development, for the demo sign-in) and, over HTTP as the office: the
# statistics page, a filtered ledger page (goal ≤ 300 ms), the Excel export of the month's talk ledger (≤ 5 s) and of
# the month's statistics; the bench's and the bot's peak memory.
#   bash scripts/bench.sh fuzz [--count N] [--seed N]
# fuzz (issue 16): the seeded corpus of malformed activities and card actions (tools/Fuzz; 2 MB and 20 MB bodies among
# them) posted to a real TalkBot process on a fresh in-memory Azurite, replies going to a local fake Teams; prints the
# requests, the 4xx by reason, the 5xx (goal 0) and the bot's peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

what=${1:-}
case "$what" in
  fanout|clicks|fuzz|dashboard) project=tools/Bench ;;
  graph) project=tools/GraphBench ;;
  *) echo "usage: bash scripts/bench.sh fanout|clicks|fuzz|graph|dashboard [options]" >&2; exit 2 ;;
esac
shift

ensure_node_modules
log "dotnet build (Release)"
dotnet build "$project" -c Release -nologo -v quiet

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')
log "starting Azurite in memory on 127.0.0.1:$port"
node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort "$port" \
  --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose --silent > /dev/null 2>&1 &
azurite=$!
trap 'stop_tree $azurite' EXIT
for _ in $(seq 1 100); do
  (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.2
done

# The account and key are Azurite's published development defaults, not a secret.
tables="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
if [ "$what" = "graph" ]; then
  log "graph: read the directory, store it, make the monthly plans"
  dotnet tools/GraphBench/bin/Release/net10.0/TalkBot.GraphBench.dll --tables "$tables" "$@"
  exit
fi

if [ "$what" = "clicks" ]; then
  log "clicks: the Release bot, the fake Teams, all cadres click at once"
  dotnet tools/Bench/bin/Release/net10.0/TalkBot.Bench.dll clicks --tables "$tables" \
    --bot Bot/bin/Release/net10.0/TalkBot.Bot.dll "$@"
  exit
fi

if [ "$what" = "dashboard" ]; then
  log "dashboard: 12 months of statistics for 10,000 cadres, then the statistics request"
  dotnet tools/Bench/bin/Release/net10.0/TalkBot.Bench.dll dashboard --tables "$tables" \
    --bot Bot/bin/Release/net10.0/TalkBot.Bot.dll "$@"
  exit
fi

if [ "$what" = "fuzz" ]; then
  log "fuzz: malformed activities and card actions against the bot"
  dotnet tools/Bench/bin/Release/net10.0/TalkBot.Bench.dll fuzz --tables "$tables" \
    --bot Bot/bin/Release/net10.0/TalkBot.Bot.dll --org demo/org.json "$@"
  exit
fi

log "fan-out"
dotnet tools/Bench/bin/Release/net10.0/TalkBot.Bench.dll fanout --tables "$tables" \
  --bot Bot/bin/Release/net10.0/TalkBot.Bot.dll --org demo/org.json "$@"
