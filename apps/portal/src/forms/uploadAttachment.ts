/** What the attachment endpoint answers. */
export interface UploadedAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  downloadPath: string;
}

export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends one file to POST /api/applications/:id/attachments with the session cookie (same
 * origin) and the CSRF header, reporting progress (0–1). XMLHttpRequest, because fetch cannot
 * report upload progress.
 */
export function uploadAttachment(
  applicationId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/applications/${encodeURIComponent(applicationId)}/attachments`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-werkgezond-csrf', '1');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body && typeof body === 'object') {
        onProgress(1);
        resolve(body as UploadedAttachment);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      reject(
        new UploadError(
          xhr.status,
          error?.code ?? 'UPLOAD_FAILED',
          error?.message ?? `Upload failed (${xhr.status})`,
        ),
      );
    };
    xhr.onerror = () => reject(new UploadError(0, 'NETWORK', 'Network error'));
    xhr.onabort = () => reject(new UploadError(0, 'ABORTED', 'Upload cancelled'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
