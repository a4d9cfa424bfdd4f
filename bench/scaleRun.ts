// The scale section in a process of its own: the handlers read their configuration (country pack, table, data
// dir) when their modules load, once per process, so a portal on another pack needs a fresh process.
// Usage: tsx bench/scaleRun.ts <cases> <output.json>
import './quietLogs.js';
import { writeFileSync } from 'node:fs';
import { measureScale } from './scale.js';

const [cases, output] = process.argv.slice(2);
if (!cases || !output) throw new Error('usage: tsx bench/scaleRun.ts <cases> <output.json>');
const figures = await measureScale({ cases: Number(cases), log: (line) => console.log(line) });
writeFileSync(output, JSON.stringify(figures));
process.exit(0);
