import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/** The built front ends: one page per user, plus the phone status page reached by the QR. */
const PAGES: Array<[route: string, file: string]> = [
  ['/kiosk', 'kiosk/index.html'],
  ['/display', 'display/index.html'],
  ['/counter', 'counter/index.html'],
  ['/manager', 'manager/index.html'],
  ['/t/:code', 'kiosk/ticket.html'],
  ['/randevu', 'booking/index.html'],
  ['/randevu/:code', 'booking/index.html'],
  ['/', 'index.html'],
];

export function mountStaticPages(app: Express, distDir: string): void {
  app.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '30d', index: false }),
  );
  for (const [route, file] of PAGES) {
    const full = path.join(distDir, file);
    app.get(route, (_req, res) => {
      if (!existsSync(full)) {
        res
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The pages are not built yet: run `npm run build` (npm start does it).');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(full);
    });
  }
}
