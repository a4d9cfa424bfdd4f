// `npm start`: the whole portal on one port with no AWS account. Ctrl-C stops it cleanly; data stays in DATA_DIR.
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { demoCodesFile, seedDemoCases } from '../demo/demoCases.js';
import { localSettings, startArguments } from './settings.js';

let settings: ReturnType<typeof localSettings>;
try {
  settings = localSettings({ ...process.env, ...startArguments(process.argv.slice(2)) });
} catch (error) {
  console.error(`Clean Portal could not start: ${(error as Error).message}`);
  process.exit(2);
}
// The handlers' logger reads its level when its module loads, as in Lambda: set it before loading them.
process.env.POWERTOOLS_LOG_LEVEL = settings.logLevel;
const { startLocalPortal } = await import('./localPortal.js');
const started = Date.now();
console.log(`Clean Portal: starting (country pack "${settings.country}", data in ${settings.dataDir}) …`);

// Staff notifications go to a local mail catcher, whose inbox is printed below: nothing is mailed out of the machine.
const portal = await startLocalPortal({ ...settings, notifications: true, requestLog: (line) => console.log(line) }).catch(
  (error: Error) => {
    console.error(`Clean Portal could not start: ${error.message}`);
    process.exit(1);
  },
);

for (const line of portal.packPreview) console.log(line);
console.log(`Clean Portal is running (${Date.now() - started} ms)${portal.packPreview.length > 0 ? ' as a preview' : ''}:`);
console.log(`  web app  ${portal.url}/`);
console.log(`  API      ${portal.url}/api   (try: curl ${portal.url}/api/config)`);
if (portal.notifications) console.log(`  mail     ${portal.notifications.inboxUrl}   (staff notifications, caught locally)`);
const demo = portal.demoAccounts;
const fromHere = relative(process.cwd(), demo.passwordFile);
const passwordFile = fromHere.startsWith('..') ? demo.passwordFile : fromHere;
console.log(`  sign-in  ${demo.examples.join(' or ')} (${demo.count} demo accounts, POST /api/auth/login)`);
if (demo.newlyGenerated) {
  // Shown this once; later starts only say where it is kept.
  console.log(`  password ${demo.password}   (generated; kept in ${passwordFile}, or set DEMO_PASSWORD)`);
} else {
  console.log(`  password ${settings.demoPassword ? 'from DEMO_PASSWORD' : `in ${passwordFile}`}`);
}
if (settings.demo) {
  const codesFile = demoCodesFile(settings.dataDir);
  if (existsSync(codesFile)) {
    console.log(`  demo     cases already seeded; their tracking codes are in ${codesFile}`);
  } else {
    const seeded = await seedDemoCases(portal, portal.pack, settings.dataDir).catch((error: Error) => {
      console.error(`  demo     seeding failed: ${error.message}`);
      return null;
    });
    if (seeded) console.log(`  demo     ${seeded.cases} made-up cases in every status; their tracking codes are in ${seeded.codesFile}`);
  }
}
console.log('Press Ctrl-C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping: closing the server and flushing data …');
    portal.stop().then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      () => process.exit(1),
    );
  });
}
