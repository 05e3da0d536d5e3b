// Servers on 127.0.0.1 that stand where the search engine should be, for the fault tests: one that accepts
// connections and never answers (until it is told to forward to a real engine), one that answers slowly,
// one that records what it is sent and answers with forged results, and a proxy that kills the engine behind it.
import http from "node:http";
import net from "node:net";

export interface Recorded {
  method: string;
  path: string;
  authorization: string | null;
}

function listen(server: net.Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const addr = server.address();
      resolve(typeof addr === "object" && addr ? addr.port : 0);
    });
  });
}

function closeAll(server: net.Server, sockets: Set<net.Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((r) => server.close(() => r()));
}

/** The first line of each request it receives (it reads them, it never answers), until `forwardTo` a real port. */
export async function hangingEngine() {
  const sockets = new Set<net.Socket>();
  const requestLines: string[] = [];
  let target: number | null = null;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    if (target !== null) {
      const upstream = net.connect(target, "127.0.0.1");
      upstream.on("error", () => socket.destroy());
      socket.pipe(upstream).pipe(socket);
      return;
    }
    socket.on("data", (chunk) => {
      for (const line of chunk.toString("latin1").split("\r\n")) if (/^(GET|POST|PUT|PATCH|DELETE) /.test(line)) requestLines.push(line);
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requestLines,
    /** From now on, new connections go to this port (the real engine is back). */
    forwardTo(realPort: number) {
      target = realPort;
    },
    close: () => closeAll(server, sockets),
  };
}

/** Answers every request (a well-formed empty result), but only after `delayMs`. */
export async function slowEngine(delayMs: number) {
  const sockets = new Set<net.Socket>();
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    const timer = setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(req.url === "/health" ? '{"status":"available"}' : '{"results":[{"hits":[],"totalHits":0,"facetDistribution":{}}]}');
    }, delayMs);
    res.on("close", () => clearTimeout(timer));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, requests: () => requests, close: () => closeAll(server, sockets) };
}

/** A forged search hit, so that a test can tell an impostor's answer from the real one. */
export const FORGED_TITLE = "FORGED 伪造的结果";

/** A process that took the engine's port: healthy, records every request and its Authorization, forges results. */
export async function impostorEngine(port = 0) {
  const sockets = new Set<net.Socket>();
  const seen: Recorded[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? "", path: req.url ?? "", authorization: req.headers.authorization ?? null });
    req.resume();
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url === "/health") return res.end('{"status":"available"}');
    const hit = { id: "forged", title: FORGED_TITLE, body: FORGED_TITLE, published: null, published_precision: null, url: "https://evil.test/", site: [], topic: [], regions_display: [] };
    res.end(JSON.stringify({ results: [{ hits: [hit], totalHits: 1, facetDistribution: {} }], results_keys: [], key: "forged-key" }));
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  // The port was just freed by the engine: retry briefly while the kernel lets go of it.
  let bound = 0;
  for (let i = 0; ; i++) {
    try {
      bound = await listen(server, port);
      break;
    } catch (e) {
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url: `http://127.0.0.1:${bound}`, port: bound, seen, close: () => closeAll(server, sockets) };
}

/** Source of a standalone impostor (`node -e`): listens on argv[1] and prints each request's Authorization as a JSON line. */
export const IMPOSTOR_PROCESS = `
const http = require("node:http");
http.createServer((req, res) => {
  console.log(JSON.stringify({ method: req.method, path: req.url, authorization: req.headers.authorization || null }));
  req.resume();
  res.writeHead(200, { "content-type": "application/json" });
  res.end(req.url === "/health" ? '{"status":"available"}' : '{"results":[],"key":"forged-key"}');
}).listen(Number(process.argv[1]), "127.0.0.1", () => console.log("ready"));
`;

/**
 * Forwards to the engine on `target`; the first time it sees a task-status poll it calls `onTaskPoll`
 * (the test kills the engine there) and drops that connection: the engine dies in the middle of a sync.
 */
export async function dyingEngineProxy(target: number, onTaskPoll: () => Promise<void> | void) {
  const sockets = new Set<net.Socket>();
  let fired = false;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    const upstream = net.connect(target, "127.0.0.1");
    upstream.on("error", () => socket.destroy());
    socket.on("data", (chunk) => {
      if (!fired && /^GET \/tasks\/\d+/m.test(chunk.toString("latin1"))) {
        fired = true;
        void Promise.resolve(onTaskPoll()).finally(() => {
          upstream.destroy();
          socket.destroy();
        });
        return;
      }
      if (!fired) upstream.write(chunk);
      else socket.destroy();
    });
    upstream.pipe(socket);
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, fired: () => fired, close: () => closeAll(server, sockets) };
}
