// Writes an Agents Playground config in which person <index> is the current user.
// The Playground (0.2.28) has one fixed current user per process and no way to change it,
// so each person gets their own Playground instance with their own config.
// Usage: node persona-config.mjs <source.yml> <index> <target.yml>
// Prints the people as JSON, in source order (currentUser first, then users).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [source, indexText, target] = process.argv.slice(2);
// yaml is the Playground's own dependency; resolve it from the repository's node_modules.
const require = createRequire(resolve(process.cwd(), 'package.json'));
const YAML = require('yaml');

const config = YAML.parse(readFileSync(source, 'utf8'));
const people = [config.currentUser, ...config.users];
const index = Number(indexText);
if (!Number.isInteger(index) || index < 0 || index >= people.length) {
  console.error(`person index ${indexText} is outside 0..${people.length - 1}`);
  process.exit(2);
}
const me = people[index];
const persona = {
  ...config,
  currentUser: me,
  users: people.filter((_, i) => i !== index),
  // Each instance is a separate client; distinct personal chat ids keep captured activities readable.
  personalChat: { id: index === 0 ? config.personalChat.id : `${config.personalChat.id}-${me.id}` },
};
// JSON is valid YAML, and the Playground's loader reads it as such.
writeFileSync(target, JSON.stringify(persona, null, 2));
console.log(JSON.stringify(people.map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId }))));
