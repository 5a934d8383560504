// Renders the app icons (PNG) from one SVG design with the system Chromium. Run once after a
// design change: node scripts/make-icons.mjs. The PNGs are committed.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

const art = (pad) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <rect width="512" height="512" fill="#1d4e5f"/>
  <g transform="translate(${pad} ${pad}) scale(${(512 - 2 * pad) / 512})">
    <path d="M72 318 L160 240 L224 288 L304 176 L368 240 L448 192" fill="none" stroke="#f4c95d" stroke-width="40" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M72 384 H448" stroke="#f7f5f0" stroke-width="28" stroke-linecap="round" stroke-dasharray="12 44"/>
  </g>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
const page = await browser.newPage();
for (const [file, size, pad] of [['icon-192.png', 192, 24], ['icon-512.png', 512, 24], ['icon-maskable-512.png', 512, 96], ['apple-touch-icon.png', 180, 40]]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${art(pad)}`);
  writeFileSync(`public/${file}`, await page.screenshot({ type: 'png' }));
}
await browser.close();
console.log('icons written to public/');
