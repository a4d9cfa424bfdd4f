// Reads a browser upload: a multipart/form-data body of at most one file of 25 MiB plus room for the form fields,
// parsed by the multipart parser built into Node (undici's Response.formData). Reading stops at the limit.
import { LIMITS } from '#contract/limits.js';
import type { IncomingMessage } from 'node:http';

import { payloadTooLarge, unsupportedMediaType, validationFailed } from '#core/errors.js';
import type { UploadForm } from './postPolicy.js';

/** The largest allowed file and room for the policy and the other fields around it. */
export const MAX_FORM_BYTES = LIMITS.attachmentBytes + 64 * 1024;

export interface ReceivedUpload extends UploadForm {
  file: Uint8Array;
}

const tooLarge = () => payloadTooLarge('An upload is at most 25 MiB.');
const malformed = (why: string) => validationFailed('The upload form is malformed.', [{ path: 'body', message: why }]);

export async function readUploadForm(req: IncomingMessage): Promise<ReceivedUpload> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data;/i.test(type)) throw unsupportedMediaType('Uploads are sent as multipart/form-data.');
  if (Number(req.headers['content-length'] ?? 0) > MAX_FORM_BYTES) throw tooLarge();

  const chunks: Buffer[] = [];
  let size = 0;
  // Not destroyed when the loop stops early: the refusal still has to be sent on this connection.
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw tooLarge();
    chunks.push(chunk);
  }

  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
  } catch {
    throw malformed('not a multipart form');
  }
  const fields = new Map<string, string>();
  let file: Uint8Array | null = null;
  const parts: [string, FormDataEntryValue][] = [];
  form.forEach((value, name) => {
    parts.push([name, value]);
  });
  for (const [name, value] of parts) {
    // As S3 does, the file is the last part; here anything after it is refused rather than ignored.
    if (file) throw malformed('a part after the file');
    if (typeof value === 'string') {
      const lower = name.toLowerCase();
      if (fields.has(lower)) throw malformed(`the field ${name} is given twice`);
      fields.set(lower, value);
    } else if (name === 'file') {
      file = new Uint8Array(await value.arrayBuffer());
    } else {
      throw malformed('a file part not named "file"');
    }
  }
  if (!file) throw malformed('no file');
  return { fields, file, fileSize: file.length };
}
