#!/usr/bin/env bash
# Runs TalkBot locally for a person to try: Azurite (data kept in .azurite/), the bot on
# http://127.0.0.1:3978 (Development) and the Agents Playground. Ctrl-C stops everything.
# PLAYGROUND_PORT (default 56150) is the first Playground port; person i gets PLAYGROUND_PORT+i.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

root=$(pwd)
playground_port=${PLAYGROUND_PORT:-56150}
pids=()
cleanup() {
  trap - EXIT INT TERM
  log "stopping"
  stop_tree "${pids[@]}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() { # url seconds what
  local i
  for ((i = 0; i < $2 * 2; i++)); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$3 did not answer at $1 within $2 s" >&2
  return 1
}

ensure_node_modules

log "building the bot"
dotnet build Bot -c Debug -nologo -v quiet

mkdir -p .azurite
# Logs and the Playground's working directory live outside the repository.
run_dir=$(mktemp -d -t talkbot-run-XXXXXX)
log "starting Azurite (tables on 127.0.0.1:10002, data in .azurite/)"
node node_modules/azurite/dist/src/table/main.js --tableHost 127.0.0.1 --tablePort 10002 \
  --location .azurite --disableTelemetry --skipApiVersionCheck --loose --silent > "$run_dir/azurite.log" 2>&1 &
pids+=($!)

log "starting the bot on http://127.0.0.1:3978"
(
  cd Bot/bin/Debug/net10.0
  ASPNETCORE_ENVIRONMENT=Development \
  Localization__Locale="${TALKBOT_LOCALE:-zh-CN}" \
  TestClock__Enabled=true \
  Tab__DevSignIn=true \
  Scheduler__PollInterval=00:00:02 \
  ASPNETCORE_URLS=http://127.0.0.1:3978 \
  ConnectionStrings__Tables="UseDevelopmentStorage=true" \
  exec dotnet TalkBot.Bot.dll
) > "$run_dir/bot.log" 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:3978/healthz 120 "The bot" || { tail -40 "$run_dir/bot.log"; exit 1; }

# The Playground has one fixed current user per process (tests/EndToEnd/README.md), so each person of
# .m365agentsplayground.yml gets an instance of their own: open two tabs to play organiser and talkee.
config=.m365agentsplayground.yml
people=$(node -e '
  const YAML = require("yaml"); const fs = require("fs");
  const c = YAML.parse(fs.readFileSync(process.argv[1], "utf8"));
  console.log([c.currentUser, ...c.users].length)' "$config")
urls=()
for ((i = 0; i < people; i++)); do
  port=$((playground_port + i))
  dir="$run_dir/playground-$i"
  mkdir -p "$dir"
  name=$(node tests/EndToEnd/Harness/persona-config.mjs "$config" "$i" "$dir/.m365agentsplayground.yml" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s)['"$i"'].name))')
  log "starting the Agents Playground for $name on port $port"
  (
    cd "$dir"
    TEAMSAPPTESTER_BROWSER=none exec node "$root/node_modules/@microsoft/m365agentsplayground/cli.js" \
      -e http://127.0.0.1:3978/api/messages -c msteams --dt -p "$port"
  ) > "$run_dir/playground-$i.log" 2>&1 &
  pids+=($!)
  urls+=("  http://localhost:$port/   $name")
done
for ((i = 0; i < people; i++)); do
  wait_for "http://localhost:$((playground_port + i))/" 60 "The Playground" || { tail -40 "$run_dir/playground-$i.log"; exit 1; }
done

cat <<MSG

TalkBot is running with the demo organisation (demo/org.json). Open one tab per person
(each Agents Playground is signed in as one person; see demo/README.md for their roles):
$(printf '%s\n' "${urls[@]}")
A talkee receives notices once they have opened their tab. Bot: http://127.0.0.1:3978/api/messages
The TalkBot tab (统计 and 台账) in a browser: http://127.0.0.1:3978/tab/  (demo sign-in: pick a person)
Logs: $run_dir
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}" || true
echo "A process stopped; see the logs in $run_dir." >&2
