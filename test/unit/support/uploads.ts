// Plays the browser's side of an upload: ask the portal for a presigned POST, then send the bytes to it.
import { issueUploads } from '#core/issueUploads.js';
import type { MemoryDeps } from './memoryPorts.js';

export interface TestFile {
  name: string;
  contentType: string;
  body: Uint8Array;
  /** What the browser declares; the real size unless a test lies. */
  declaredSize?: number;
}

export interface Uploaded {
  uploadId: string;
  key: string;
}

/** Issues uploads for the files and puts their bytes into the in-memory store (unless `send` is false). */
export async function upload(deps: MemoryDeps, files: TestFile[], send = true): Promise<Uploaded[]> {
  const { uploads } = await issueUploads(deps, {
    files: files.map((f) => ({ name: f.name, size: f.declaredSize ?? f.body.length, contentType: f.contentType })),
  });
  return uploads.map((u, i) => {
    const key = u.fields.key!;
    if (send) deps.evidence.put(key, files[i]!.body, files[i]!.contentType);
    return { uploadId: u.uploadId, key };
  });
}

export async function uploadOne(deps: MemoryDeps, file: TestFile, send = true): Promise<Uploaded> {
  return (await upload(deps, [file], send))[0]!;
}
