// Loads manifest/manifest.json with its placeholders filled: the Teams app id and the bot id (the bot's Entra
// app id) come from TALKBOT_TEAMS_APP_ID and MicrosoftAppId; without them a fixed development id is used.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const DEVELOPMENT_APP_ID = '7a1f3c52-0d4e-4b8a-9c61-2e5f8b3d9a10';
const DEVELOPMENT_BOT_ID = '0c2d7e4a-6f1b-4c3e-9a58-1d2e3f4a5b6c';
const DEVELOPMENT_TAB_HOST = 'talkbot.example.org';

function load(manifestDir, { warn = console.warn } = {}) {
  const values = {
    TEAMS_APP_ID: process.env.TALKBOT_TEAMS_APP_ID || DEVELOPMENT_APP_ID,
    BOT_ID: process.env.MicrosoftAppId || DEVELOPMENT_BOT_ID,
    // The host the bot (and so its tab) is reached at: the tab's address and, with the bot id, its SSO resource.
    TAB_HOST: process.env.TALKBOT_TAB_HOST || DEVELOPMENT_TAB_HOST,
  };
  if (!process.env.TALKBOT_TAB_HOST) warn(`TALKBOT_TAB_HOST is not set: using the development host ${DEVELOPMENT_TAB_HOST}`);
  if (!process.env.TALKBOT_TEAMS_APP_ID) warn(`TALKBOT_TEAMS_APP_ID is not set: using the development app id ${DEVELOPMENT_APP_ID}`);
  if (!process.env.MicrosoftAppId) warn(`MicrosoftAppId is not set: using the development bot id ${DEVELOPMENT_BOT_ID}`);
  const text = fs.readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8')
    .replace(/\$\{\{(\w+)\}\}/g, (whole, name) => (name in values ? values[name] : whole));
  return JSON.parse(text);
}

module.exports = { load };
