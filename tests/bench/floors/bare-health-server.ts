// The floor of a cold start: `node --import tsx` running a bare node:http server that answers
// GET /api/health. What starting Node with the TypeScript loader costs on this machine.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  res.writeHead(req.url === '/api/health' ? 200 : 404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ ok: true }));
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
