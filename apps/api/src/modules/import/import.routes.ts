import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import multer from 'multer';
import type { DataSource } from 'typeorm';
import { isAdmin, type Viewer } from '../../graphql/policy.js';
import { AuthService } from '../auth/auth.service.js';
import { readSessionToken } from '../auth/session-cookie.js';
import { ExportService } from './export.service.js';
import { IMPORT_KINDS, type ImportKind } from './import.entity.js';
import { ImportFileError } from './import.reader.js';
import { ImportService } from './import.service.js';

/** 100,000 rows of any of the three tables fit in well under this. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

const fail = (
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
) => res.status(status).json({ error: { code, message, ...extra } });

/**
 * The multipart parser (busboy) refuses a malformed form with a plain Error, e.g. "Malformed
 * part header" for a raw NUL in the file name: the client's mistake, not an internal error.
 * Disk errors of the storage carry a system error code and stay internal.
 */
const isMalformedForm = (error: unknown): error is Error =>
  error instanceof Error &&
  !(error instanceof multer.MulterError) &&
  (error as NodeJS.ErrnoException).code === undefined &&
  (error as NodeJS.ErrnoException).errno === undefined;

const EXPORT_KINDS: Record<string, ImportKind> = {
  organisations: 'ORGANISATIONS',
  applications: 'APPLICATIONS',
  'stage-events': 'STAGE_EVENTS',
};

/**
 * Files in and out over plain HTTP (multipart is not GraphQL's job), like dossier attachments:
 * the session cookie plus, for uploads, the `x-werkgezond-csrf` header. Programme managers and
 * admins only. Uploads are streamed to disk (never held in memory) under `importDir`.
 *
 * POST /api/imports?kind=ORGANISATIONS|APPLICATIONS|STAGE_EVENTS   (field "file")
 * GET  /api/imports/:id/report.csv
 * GET  /api/exports/organisations|applications|stage-events.csv|xlsx
 */
export function importRoutes(ds: DataSource, importDir: string): Router {
  const router = express.Router();
  const auth = new AuthService(ds);
  const imports = new ImportService(ds);
  const upload = multer({
    storage: multer.diskStorage({
      destination: (_req, _file, done) => {
        mkdir(importDir, { recursive: true }).then(
          () => done(null, importDir),
          (e) => done(e as Error, importDir),
        );
      },
      filename: (_req, _file, done) => done(null, randomUUID()),
    }),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2 },
    // Browsers send the file name in UTF-8 (multer's default reads it as Latin-1).
    defParamCharset: 'utf8',
  });

  const manager = async (req: Request, res: Response): Promise<Viewer | null> => {
    const token = readSessionToken(req);
    const viewer = token ? await auth.viewerForToken(token) : null;
    if (!viewer) {
      fail(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      return null;
    }
    if (!isAdmin(viewer) && !viewer.roles.has('PROGRAMME_MANAGER')) {
      fail(res, 403, 'FORBIDDEN', 'Only programme managers and admins import and export');
      return null;
    }
    return viewer;
  };

  router.post('/imports', async (req, res, next) => {
    try {
      const viewer = await manager(req, res);
      if (!viewer) return;
      if (req.get('x-werkgezond-csrf') !== '1') {
        return fail(res, 400, 'BAD_REQUEST', 'Missing x-werkgezond-csrf header');
      }
      const kind = String(req.query.kind ?? '');
      if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
        return fail(res, 400, 'BAD_USER_INPUT', `kind must be one of ${IMPORT_KINDS.join(', ')}`);
      }
      upload.single('file')(req, res, async (error: unknown) => {
        const stored = req.file?.path;
        try {
          const malformed = isMalformedForm(error);
          if (error instanceof multer.MulterError || malformed) {
            if (stored) await rm(stored, { force: true });
            const tooBig = error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE';
            // Read the rest of the body before answering: a server that answers mid-upload and
            // closes the socket makes the client see a reset instead of the 413 and its message.
            if (!req.readableEnded) {
              req.resume();
              await new Promise((done) => {
                req.once('end', done);
                req.once('error', done);
              });
            }
            return fail(
              res,
              tooBig ? 413 : 400,
              tooBig ? 'TOO_LARGE' : 'BAD_USER_INPUT',
              tooBig
                ? `Import files may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`
                : malformed
                  ? `The upload cannot be read (${(error as Error).message}); a file name may not hold control characters such as NUL`
                  : (error as Error).message,
              malformed ? { field: 'file' } : {},
            );
          }
          if (error) return next(error);
          const file = req.file;
          if (!file) return fail(res, 400, 'BAD_USER_INPUT', 'Send one file in field "file"');
          const hash = createHash('sha256');
          for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
          const run = await imports.register(viewer, {
            kind,
            path: file.path,
            originalName: file.originalname,
            sizeBytes: file.size,
            sha256: hash.digest('hex'),
          });
          res
            .status(201)
            .json({ id: run.id, kind: run.kind, format: run.format, headers: run.headers });
        } catch (e) {
          if (e instanceof ImportFileError) return fail(res, 415, e.code, e.message);
          if (e instanceof GraphQLError) {
            const { field, problem } = e.extensions as { field?: string; problem?: string };
            return fail(res, 400, String(e.extensions.code ?? 'BAD_USER_INPUT'), e.message, {
              ...(field ? { field } : {}),
              ...(problem ? { problem } : {}),
            });
          }
          next(e);
        }
      });
    } catch (e) {
      next(e);
    }
  });

  router.get('/imports/:id/report.csv', async (req, res, next) => {
    try {
      const viewer = await manager(req, res);
      if (!viewer) return;
      const run = await imports.get(viewer, String(req.params.id)).catch(() => null);
      if (!run) return fail(res, 404, 'NOT_FOUND', 'Import not found');
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Cache-Control', 'private, no-store');
      res.attachment(`${run.fileName.replace(/\.[^.]+$/, '')}-rapport.csv`);
      await imports.writeReport(viewer, run.id, res);
    } catch (e) {
      next(e);
    }
  });

  router.get('/exports/:file', async (req, res, next) => {
    try {
      const viewer = await manager(req, res);
      if (!viewer) return;
      const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(String(req.params.file));
      const kind = match ? EXPORT_KINDS[match[1]!] : undefined;
      if (!match || !kind) {
        return fail(
          res,
          404,
          'NOT_FOUND',
          'Export organisations, applications or stage-events as .csv or .xlsx',
        );
      }
      const format = match[2] === 'csv' ? 'CSV' : 'XLSX';
      res.setHeader(
        'Content-Type',
        format === 'CSV'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      res.setHeader('Cache-Control', 'private, no-store');
      res.attachment(`werkgezond-${match[1]}.${match[2]}`);
      await new ExportService(ds).write(viewer, kind, format, res);
    } catch (e) {
      next(e);
    }
  });

  return router;
}

export const defaultImportDir = (attachmentDir: string) => join(attachmentDir, '..', 'imports');
