// While `npm start` runs, it leaves the addresses of its embedded servers in <dataDir>/runtime.json, so command-line
// tools (npm run audit:verify) can use the same servers instead of opening the data files a second time.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RuntimeFile {
  pid: number;
  dynamoDbEndpoint: string;
  s3Endpoint: string;
}

const fileIn = (dataDir: string) => join(dataDir, 'runtime.json');

export function writeRuntimeFile(dataDir: string, runtime: RuntimeFile): void {
  writeFileSync(fileIn(dataDir), `${JSON.stringify(runtime)}\n`, { mode: 0o600 });
}

export function removeRuntimeFile(dataDir: string): void {
  rmSync(fileIn(dataDir), { force: true });
}

/** The running portal's servers, or null when none is running (a file left by a killed process is ignored). */
export function readRuntimeFile(dataDir: string): RuntimeFile | null {
  if (!existsSync(fileIn(dataDir))) return null;
  try {
    const runtime = JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as RuntimeFile;
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return null;
  }
}
