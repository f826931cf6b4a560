// Validates the Teams app manifest and its en-us localisation against the official JSON schemas shipped in
// @microsoft/app-manifest (no network), then checks what the schemas cannot: icon sizes, the outline icon's
// colours, command titles, and that every localised key exists. Usage: node tools/manifest/validate.js [manifestDir]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const { decode } = require('./png');
const { load } = require('./manifest');

const root = path.resolve(__dirname, '..', '..');
const manifestDir = path.resolve(process.argv[2] || path.join(root, 'manifest'));
const problems = [];

const manifest = load(manifestDir, { warn: () => {} });
const version = manifest.manifestVersion;
const schemaDir = path.join(root, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', `v${version}`);
if (!fs.existsSync(schemaDir)) {
  problems.push(`manifestVersion ${version}: no schema for it in @microsoft/app-manifest`);
} else {
  // The localisation schema's key patterns are not valid under the u flag; the schema authors wrote them for plain RegExp.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const check = (file, data, schemaFile) => {
    const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, schemaFile), 'utf8'));
    const validate = ajv.compile(schema);
    if (!validate(data)) {
      for (const e of validate.errors) problems.push(`${file}${e.instancePath || ''}: ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
    }
  };
  const { $schema: _ignored, ...body } = manifest;
  check('manifest.json', body, 'MicrosoftTeams.schema.json');
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const file = path.join(manifestDir, language.file);
    if (!fs.existsSync(file)) { problems.push(`${language.file}: missing`); continue; }
    const localised = JSON.parse(fs.readFileSync(file, 'utf8'));
    const { $schema: _s, ...rest } = localised;
    check(language.file, rest, 'MicrosoftTeams.Localization.schema.json');
  }
}

function icon(name, size, outline) {
  const file = path.join(manifestDir, name || '');
  if (!name || !fs.existsSync(file)) { problems.push(`icon ${name}: missing`); return; }
  const png = decode(fs.readFileSync(file));
  if (png.width !== size || png.height !== size) problems.push(`${name}: ${png.width}×${png.height}, Teams wants ${size}×${size}`);
  if (outline) {
    if (!png.pixels) { problems.push(`${name}: must be 8-bit RGBA (white on transparent)`); return; }
    for (let i = 0; i < png.pixels.length; i += 4) {
      const [r, g, b, a] = png.pixels.subarray(i, i + 4);
      if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) { problems.push(`${name}: the outline icon must be white on transparent`); break; }
    }
  }
}
icon(manifest.icons?.color, 192, false);
icon(manifest.icons?.outline, 32, true);

for (const bot of manifest.bots ?? []) {
  for (const list of bot.commandLists ?? []) {
    for (const command of list.commands ?? []) {
      if ([...command.title].length > 32) problems.push(`command "${command.title}": a title has at most 32 characters`);
    }
  }
}

if (problems.length > 0) {
  console.error(`manifest: ${problems.length} problem(s) in ${manifestDir}`);
  for (const p of problems) console.error('  ' + p);
  process.exit(1);
}
console.log(`manifest: valid against the Teams schema v${version} (${manifestDir})`);
