// `npm run reset`: empties the local data dir (cases, attachments, keys). Stop `npm start` first.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { localSettings } from './settings.js';

const dir = resolve(localSettings(process.env).dataDir);
rmSync(dir, { recursive: true, force: true });
console.log(`Emptied ${dir}.`);
