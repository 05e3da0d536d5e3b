// Child process for tests: ensure the local engine for a DATA_DIR, report, hold it for a while, exit.
import { ensureLocalServer } from "../../lib/search/local-server";

const [dataDir, holdMs = "0"] = process.argv.slice(2);
if (!dataDir) throw new Error("usage: ensure-engine.ts DATA_DIR [holdMs]");
const server = await ensureLocalServer({ dataDir });
console.log(JSON.stringify({ pid: server.pid, url: server.url, startedHere: server.startedHere }));
await new Promise((r) => setTimeout(r, Number(holdMs)));
process.exit(0);
