import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ToolReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
}

/** A stand-in tool on loopback that counts every request and answers what the test says. */
export interface FakeTool {
  url: string;
  seen: SeenRequest[];
  reply: (request: SeenRequest) => ToolReply;
  close(): Promise<void>;
}

export async function startFakeTool(reply: FakeTool['reply'] = () => ({ body: { ok: true } })): Promise<FakeTool> {
  const tool: Partial<FakeTool> & { seen: SeenRequest[]; reply: FakeTool['reply'] } = { seen: [], reply };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen = { method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      tool.seen.push(seen);
      const answer = tool.reply(seen);
      setTimeout(() => {
        response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const started: FakeTool = Object.assign(tool, { url: `http://127.0.0.1:${port}`, close });
  return started;
}
