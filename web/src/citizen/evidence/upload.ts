// Uploads evidence the way the API asks: POST /uploads for presigned S3 POSTs, then one form POST per file
// straight to storage, with progress (XMLHttpRequest reports upload progress; fetch does not).
import { type UploadsRequest, uploadsResponse } from '#schemas/uploads.js';
import { apiRequest, type ApiResult } from '../../shared/api.js';

export interface UploadSlot {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/** Each file with the content type its bytes showed (fileType.ts's examineFile). */
export function requestSlots(files: { name: string; size: number; contentType: string }[]): Promise<ApiResult<{ uploads: UploadSlot[] }>> {
  const body: UploadsRequest = { files: files.map((f) => ({ name: f.name, size: f.size, contentType: f.contentType })) };
  return apiRequest('POST', '/uploads', uploadsResponse, body);
}

/** Resolves true once storage accepted the file; false on any failure (the caller offers a retry). */
export function sendFile(slot: UploadSlot, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
    form.append('file', file);
    const request = new XMLHttpRequest();
    request.open('POST', slot.url);
    request.withCredentials = false;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => resolve(request.status >= 200 && request.status < 300);
    request.onerror = () => resolve(false);
    request.onabort = () => resolve(false);
    request.ontimeout = () => resolve(false);
    signal?.addEventListener('abort', () => request.abort());
    request.send(form);
  });
}
