// Builds the Teams app package manifest/build/TalkBot.zip: manifest.json (placeholders filled), the localisation
// file and the two icons, as a plain zip written here with zlib (no zip tool needed). Upload it in Teams or the
// Teams admin centre. Usage: node tools/manifest/package.js [manifestDir] [output.zip]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { load } = require('./manifest');

const root = path.resolve(__dirname, '..', '..');
const manifestDir = path.resolve(process.argv[2] || path.join(root, 'manifest'));
const output = path.resolve(process.argv[3] || path.join(manifestDir, 'build', 'TalkBot.zip'));

const manifest = load(manifestDir);
const files = [['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8')]];
for (const name of [manifest.icons.color, manifest.icons.outline, ...(manifest.localizationInfo?.additionalLanguages ?? []).map(l => l.file)]) {
  files.push([name, fs.readFileSync(path.join(manifestDir, name))]);
}

const locals = [];
const centrals = [];
let offset = 0;
for (const [name, data] of files) {
  const nameBytes = Buffer.from(name, 'utf8');
  const compressed = zlib.deflateRawSync(data);
  const crc = zlib.crc32(data) >>> 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(0, 10); // time, date
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(0, 28);
  locals.push(local, nameBytes, compressed);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 12);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(offset, 42);
  centrals.push(central, nameBytes);
  offset += local.length + nameBytes.length + compressed.length;
}
const centralSize = centrals.reduce((n, b) => n + b.length, 0);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(files.length, 8);
end.writeUInt16LE(files.length, 10);
end.writeUInt32LE(centralSize, 12);
end.writeUInt32LE(offset, 16);

fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, Buffer.concat([...locals, ...centrals, end]));
console.log(`wrote ${path.relative(process.cwd(), output)}: ${files.map(f => f[0]).join(', ')}`);
