// Draws TalkBot's two app icons: manifest/color.png (192×192, a seal-red rounded square with a white speech
// bubble holding two lines) and manifest/outline.png (32×32, the same bubble in white on transparent).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { encode } = require('./png');

function draw(size, background, ink) {
  const rgba = Buffer.alloc(size * size * 4);
  const s = size / 32; // design grid: 32 units
  const set = (x, y, [r, g, b, a]) => { const i = (y * size + x) * 4; rgba[i] = r; rgba[i + 1] = g; rgba[i + 2] = b; rgba[i + 3] = a; };
  const inRoundRect = (x, y, x0, y0, x1, y1, radius) => {
    const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
    const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / s;
      const y = (py + 0.5) / s;
      let colour = [0, 0, 0, 0];
      if (background && inRoundRect(x, y, 0, 0, 32, 32, 6)) colour = background;
      const bubble = inRoundRect(x, y, 6, 7, 26, 21, 3)
        || (y >= 21 && y <= 26 && x >= 10 && x <= 15 && x - 10 <= (26 - y)); // the tail
      const line = (y >= 11.5 && y <= 13 && x >= 10 && x <= 22) || (y >= 15.5 && y <= 17 && x >= 10 && x <= 18);
      if (bubble && !line) colour = ink;
      set(px, py, colour);
    }
  }
  return encode(size, size, rgba);
}

const out = path.resolve(__dirname, '..', '..', 'manifest');
fs.writeFileSync(path.join(out, 'color.png'), draw(192, [0xc0, 0x1f, 0x24, 0xff], [0xff, 0xff, 0xff, 0xff]));
fs.writeFileSync(path.join(out, 'outline.png'), draw(32, null, [0xff, 0xff, 0xff, 0xff]));
console.log('wrote manifest/color.png and manifest/outline.png');
