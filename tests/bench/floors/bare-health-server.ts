// The floor of a cold start: a bare node:http server that answers GET /api/health, started the
// way `npm start` starts the product (bundled by esbuild, run by plain `node`). What starting
// Node and serving one request costs on this machine; the product's ratio to it is its own cost.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  res.writeHead(req.url === '/api/health' ? 200 : 404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ ok: true }));
});
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
