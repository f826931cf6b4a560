#!/usr/bin/env node
// Parses Adaptive Cards with the official renderer library (the peer Teams clients use) and fails on
// any parse event, validation event, or property the library dropped (a misspelt or unsupported one).
//
//   node tools/cardcheck/check.js card.json        one card, an array of cards, or an attachment
//   node tools/cardcheck/check.js dir/             every *.json file in the directory
//   node tools/cardcheck/check.js < cards.json     a JSON array of cards on stdin (or pass "-")
//
// Exit codes: 0 all clean, 1 a card has an error or warning, 2 the input could not be read.
// The library parses and validates without a DOM; only rendering would need one.
"use strict";

const fs = require("fs");
const path = require("path");
const AC = require("adaptivecards/dist/adaptivecards.js");
const LIBRARY_VERSION = require("adaptivecards/package.json").version;

// Teams renders schema 1.5 at most (PROTOCOL §5).
const TARGET_VERSION = AC.Versions.v1_5;

// Properties the library legitimately does not keep when it re-serialises a card.
const IGNORED_PROPERTIES = new Set([
  "msteams",   // Teams' card extension, read by Teams, not by the renderer
  "fallback",  // consumed at parse time: used instead of an unknown element or action
]);

// Teams' dynamic typeahead: Input.ChoiceSet's "choices.data", a Data.Query. Teams reads it in the 1.5 cards it renders
// (its typeahead documentation and samples declare 1.2 to 1.5), but this library declares it schema 1.6, so parsing a
// 1.5 card reports it as unsupported and drops it. The check does not just look away: each one is parsed again with the
// library's own 1.6 classes and must come out whole (type Data.Query, a dataset, no property dropped); only then is
// the 1.6 report for that very property set aside.
const TYPEAHEAD_PROPERTY = "choices.data";
const TYPEAHEAD_VERSION = AC.Versions.v1_6;

function readInput(args) {
  if (args.length === 0 || args[0] === "-") {
    return labelled("stdin", JSON.parse(fs.readFileSync(0, "utf8")));
  }
  const items = [];
  for (const arg of args) {
    const stat = fs.statSync(arg);
    const files = stat.isDirectory()
      ? fs.readdirSync(arg).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(arg, f))
      : [arg];
    for (const file of files) {
      items.push(...labelled(file, JSON.parse(fs.readFileSync(file, "utf8"))));
    }
  }
  return items;
}

function labelled(name, json) {
  const list = Array.isArray(json) ? json : [json];
  return list.map((card, i) => ({ name: list.length > 1 ? `${name}[${i}]` : name, card: unwrap(card) }));
}

// Accepts an attachment {contentType, content} as well as a bare card.
function unwrap(json) {
  return json && typeof json === "object" && json.contentType && json.content ? json.content : json;
}

function eventText(e) {
  const phase = AC.ValidationPhase[e.phase] ?? e.phase;
  const kind = AC.ValidationEvent[e.event] ?? e.event;
  const where = e.source && typeof e.source.getJsonTypeName === "function" ? ` in ${e.source.getJsonTypeName()}` : "";
  return `${phase}/${kind}${where}: ${e.message}`;
}

// The choice sets of a card (at any depth) that carry a Data.Query, with where they are.
function typeaheadChoiceSets(json, at, out) {
  if (Array.isArray(json)) {
    json.forEach((item, i) => typeaheadChoiceSets(item, `${at}[${i}]`, out));
  } else if (json && typeof json === "object") {
    if (json.type === "Input.ChoiceSet" && TYPEAHEAD_PROPERTY in json) {
      out.push({ json, at });
    }
    for (const [key, value] of Object.entries(json)) {
      typeaheadChoiceSets(value, `${at}.${key}`, out);
    }
  }
  return out;
}

// Problems of one choice set's Data.Query, parsed with the library at the version that knows it.
function typeaheadProblems({ json, at }) {
  const context = new AC.SerializationContext(TYPEAHEAD_VERSION);
  const input = new AC.ChoiceSetInput();
  input.parse(json, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(`${eventText(context.getEventAt(i))} (${at}, parsed as ${TYPEAHEAD_VERSION.toString()})`);
  }
  if (!input.isDynamicTypeahead()) {
    problems.push(`${at}.${TYPEAHEAD_PROPERTY} is not a Data.Query with a dataset`);
  }
  const source = json[TYPEAHEAD_PROPERTY];
  const parsed = input.choicesData ? input.choicesData.toJSON(new AC.SerializationContext(TYPEAHEAD_VERSION)) : {};
  droppedProperties(source, parsed, `${at}.${TYPEAHEAD_PROPERTY}`, problems);
  return problems;
}

function isTypeaheadVersionEvent(e) {
  return e.event === AC.ValidationEvent.UnsupportedProperty
    && e.source instanceof AC.ChoiceSetInput
    && e.message.includes(`"${TYPEAHEAD_PROPERTY}"`);
}

// Keys present in the source but missing from the library's own serialisation of the parsed card.
function droppedProperties(source, parsed, at, out) {
  if (Array.isArray(source)) {
    const parsedList = Array.isArray(parsed) ? parsed : [];
    if (parsedList.length !== source.length) {
      // Items were dropped, so positions no longer line up; the parse events say which.
      out.push(`${source.length - parsedList.length} item(s) dropped from ${at}`);
      return;
    }
    source.forEach((item, i) => droppedProperties(item, parsedList[i], `${at}[${i}]`, out));
    return;
  }
  if (!source || typeof source !== "object") {
    return;
  }
  const target = parsed && typeof parsed === "object" ? parsed : {};
  for (const key of Object.keys(source)) {
    if (IGNORED_PROPERTIES.has(key) || (key === TYPEAHEAD_PROPERTY && source.type === "Input.ChoiceSet")) {
      continue; // a choice set's Data.Query is checked on its own (typeaheadProblems)
    }
    if (!(key in target)) {
      out.push(`Dropped property "${key}" at ${at} (unknown or not valid here)`);
    } else if (key !== "data") { // action data is free-form
      droppedProperties(source[key], target[key], `${at}.${key}`, out);
    }
  }
}

function check(card) {
  const problems = [];
  const hints = [];
  if (!card || typeof card !== "object" || card.type !== "AdaptiveCard") {
    return { problems: ['Not an Adaptive Card (top-level "type" must be "AdaptiveCard")'], hints };
  }
  if (typeof card.version !== "string") {
    problems.push('The top-level card has no "version"');
  }

  const typeaheads = typeaheadChoiceSets(card, "$", []);
  typeaheads.forEach((t) => problems.push(...typeaheadProblems(t)));

  const context = new AC.SerializationContext(TARGET_VERSION);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    if (isTypeaheadVersionEvent(e)) {
      hints.push(`${eventText(e)} (Teams reads it in 1.5 cards; checked as ${TYPEAHEAD_VERSION.toString()} above)`);
      continue;
    }
    (e.event === AC.ValidationEvent.Hint ? hints : problems).push(eventText(e));
  }

  const validation = parsed.validateProperties();
  for (const e of validation.validationEvents) {
    (e.event === AC.ValidationEvent.Hint ? hints : problems).push(eventText(e));
  }

  const roundTrip = parsed.toJSON(new AC.SerializationContext(TARGET_VERSION));
  droppedProperties(card, roundTrip, "$", problems);
  return { problems, hints };
}

function main() {
  let items;
  try {
    items = readInput(process.argv.slice(2));
  } catch (err) {
    console.error(`cardcheck: cannot read input: ${err.message}`);
    return 2;
  }
  if (items.length === 0) {
    console.error("cardcheck: no cards found");
    return 2;
  }

  let failed = 0;
  for (const { name, card } of items) {
    const { problems, hints } = check(card);
    if (problems.length > 0) {
      failed++;
      console.log(`FAIL ${name}`);
      problems.forEach((p) => console.log(`  ${p}`));
    } else {
      console.log(`ok   ${name}`);
    }
    hints.forEach((h) => console.log(`  hint: ${h}`));
  }
  console.log(`${items.length} card(s), ${failed} with problems (adaptivecards ${LIBRARY_VERSION}, schema ${TARGET_VERSION.toString()})`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();
