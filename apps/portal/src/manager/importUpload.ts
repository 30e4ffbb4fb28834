/**
 * Sends an import file to POST /api/imports?kind=… with the session cookie and the CSRF header.
 * XMLHttpRequest, because fetch cannot report upload progress. Self-contained so the import page
 * can move to another remote without its helpers.
 */
export class ImportUploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function uploadImportFile(
  kind: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?kind=${encodeURIComponent(kind)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-werkgezond-csrf', '1');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: { id?: string; error?: { code?: string; message?: string } } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body?.id) return resolve({ id: body.id });
      reject(
        new ImportUploadError(
          xhr.status,
          body?.error?.code ?? 'UPLOAD_FAILED',
          body?.error?.message ?? `Upload failed (${xhr.status})`,
        ),
      );
    };
    xhr.onerror = () => reject(new ImportUploadError(0, 'NETWORK', 'Network error'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
