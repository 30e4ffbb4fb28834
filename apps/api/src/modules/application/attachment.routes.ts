import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import multer from 'multer';
import type { DataSource } from 'typeorm';
import { unstorable } from '../../graphql/input-guard.js';
import { canActFor, canManage, type Viewer } from '../../graphql/policy.js';
import { AuthService } from '../auth/auth.service.js';
import { readSessionToken } from '../auth/session-cookie.js';
import { ApplicationEntity, AttachmentEntity } from './application.entity.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 10;
/** Types are taken from the bytes (magic numbers), never from the name or the client's header. */
export const ALLOWED_MEDIA_TYPES = new Map([
  ['application/pdf', 'PDF'],
  ['image/png', 'PNG'],
  ['image/jpeg', 'JPEG'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word (.docx)'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel (.xlsx)'],
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Failure = { status: number; code: string; message: string; field?: string };
const fail = (res: Response, { status, ...error }: Failure) => res.status(status).json({ error });
const NOT_FOUND: Failure = { status: 404, code: 'NOT_FOUND', message: 'Attachment not found' };

/**
 * Dossier attachments over plain HTTP (multipart is not GraphQL's job). Uploads need the session
 * cookie and the `x-werkgezond-csrf` header: a custom header forces a CORS preflight, so another
 * site cannot post files with the user's cookie. Only the applicant and the programme's
 * managers may upload or download.
 */
export function attachmentRoutes(ds: DataSource, storageDir: string): Router {
  const router = express.Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    // Browsers send file names as UTF-8; busboy's default (latin1) turned "é" into "Ã©".
    defParamCharset: 'utf8',
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 },
  });
  const auth = new AuthService(ds);
  const viewerOf = async (req: Request): Promise<Viewer | null> => {
    const token = readSessionToken(req);
    return token ? auth.viewerForToken(token) : null;
  };
  const mayRead = (v: Viewer, app: ApplicationEntity) =>
    canActFor(v, app.organisationId) || canManage(v, app.programmeId);

  router.post('/applications/:id/attachments', async (req, res, next) => {
    const viewer = await viewerOf(req);
    if (!viewer)
      return fail(res, { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first' });
    if (req.get('x-werkgezond-csrf') !== '1') {
      return fail(res, {
        status: 400,
        code: 'BAD_REQUEST',
        message: 'Missing x-werkgezond-csrf header',
      });
    }
    const id = String(req.params.id);
    const app = UUID.test(id) ? await ds.getRepository(ApplicationEntity).findOneBy({ id }) : null;
    if (!app || !canActFor(viewer, app.organisationId)) {
      return fail(res, { status: 404, code: 'NOT_FOUND', message: 'Application not found' });
    }
    upload.single('file')(req, res, async (error: unknown) => {
      try {
        if (error instanceof multer.MulterError) {
          const tooBig = error.code === 'LIMIT_FILE_SIZE';
          return fail(res, {
            status: tooBig ? 413 : 400,
            code: 'BAD_USER_INPUT',
            message: tooBig
              ? `Files may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`
              : error.message,
          });
        }
        // Anything else busboy raises (a part header with a NUL, a cut-off body) is the
        // client's malformed request, not an internal error.
        if (error) {
          return fail(res, {
            status: 400,
            code: 'BAD_USER_INPUT',
            message: 'The upload is not valid multipart/form-data',
          });
        }
        const file = req.file;
        if (!file)
          return fail(res, {
            status: 400,
            code: 'BAD_USER_INPUT',
            message: 'Send one file in field "file"',
          });
        // The same rule as every GraphQL string (input-guard.ts), before anything is stored.
        if (unstorable(file.originalname)) {
          return fail(res, {
            status: 400,
            code: 'BAD_USER_INPUT',
            message: 'The file name holds a NUL character or invalid UTF-16',
            field: 'file.name',
          });
        }
        const sniffed = await fileTypeFromBuffer(file.buffer);
        if (!sniffed || !ALLOWED_MEDIA_TYPES.has(sniffed.mime)) {
          return fail(res, {
            status: 415,
            code: 'BAD_USER_INPUT',
            message: `Allowed file types: ${[...ALLOWED_MEDIA_TYPES.values()].join(', ')}`,
          });
        }
        const count = await ds.getRepository(AttachmentEntity).countBy({ applicationId: app.id });
        if (count >= MAX_ATTACHMENTS) {
          return fail(res, {
            status: 400,
            code: 'BAD_USER_INPUT',
            message: `At most ${MAX_ATTACHMENTS} files`,
          });
        }
        const storageKey = randomUUID();
        await mkdir(storageDir, { recursive: true });
        await writeFile(join(storageDir, storageKey), file.buffer, { mode: 0o600 });
        const saved = await ds.getRepository(AttachmentEntity).save({
          applicationId: app.id,
          fileName:
            file.originalname.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'bijlage',
          mediaType: sniffed.mime,
          sizeBytes: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey,
          uploadedBy: `user:${viewer.userId}`,
        });
        res.status(201).json({
          id: saved.id,
          fileName: saved.fileName,
          mediaType: saved.mediaType,
          sizeBytes: saved.sizeBytes,
          downloadPath: `/api/attachments/${saved.id}`,
        });
      } catch (e) {
        next(e);
      }
    });
  });

  router.get('/attachments/:id', async (req, res, next) => {
    try {
      const viewer = await viewerOf(req);
      if (!viewer)
        return fail(res, { status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first' });
      const id = String(req.params.id);
      const file = UUID.test(id)
        ? await ds.getRepository(AttachmentEntity).findOneBy({ id })
        : null;
      const app = file
        ? await ds.getRepository(ApplicationEntity).findOneBy({ id: file.applicationId })
        : null;
      if (!file || !app || !mayRead(viewer, app)) return fail(res, NOT_FOUND);
      const bytes = await readFile(join(storageDir, file.storageKey));
      res.setHeader('Content-Type', file.mediaType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.attachment(file.fileName);
      res.send(bytes);
    } catch (e) {
      next(e);
    }
  });
  return router;
}
