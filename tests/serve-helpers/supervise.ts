// Child process for tests: run the stand-in app tree the way scripts/serve.ts runs `next start` and exit with
// the code superviseTree gives. With a DATA_DIR it first starts a local Meilisearch there, as serve's index
// sync does, and stops it in onStopped as serve does; without one, onStopped just records that it ran.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { ensureLocalServer } from "../../lib/search/local-server";
import { spawnTree, superviseTree } from "../../scripts/serve-app";

const [port, pidFile, mode, graceMs, marker, dataDir] = process.argv.slice(2);
if (!marker) throw new Error("usage: supervise.ts PORT PID_FILE MODE GRACE_MS MARKER [DATA_DIR]");
const engine = dataDir ? await ensureLocalServer({ dataDir }) : null;
if (engine) fs.writeFileSync(`${marker}.engine`, String(engine.pid));
const app = spawnTree(process.execPath, [fileURLToPath(new URL("stand-in-app.mjs", import.meta.url)), port!, pidFile!, mode!]);
const code = await superviseTree(app, {
  graceMs: Number(graceMs),
  onStopped: async () => {
    await engine?.stop();
    fs.writeFileSync(marker, "stopped");
  },
});
process.exit(code);
