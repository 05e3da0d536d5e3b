// A stand-in for `npx next start`: a wrapper process that starts a server holding a port and, like npx,
// exits on SIGINT/SIGTERM without passing the signal on. Modes: "graceful" (on SIGINT/SIGTERM the server takes
// 300 ms to shut down, then writes PID_FILE.graceful and exits), "stubborn" (the server ignores SIGINT/SIGTERM),
// "crash" (the wrapper exits with code 3 a second after the server listens).
import { spawn } from "node:child_process";
import fs from "node:fs";
import process from "node:process";
import { setTimeout } from "node:timers";

const [port, pidFile, mode = "graceful"] = process.argv.slice(2);
const serverSource = `
  const [port, mode, pidFile] = process.argv.slice(1);
  const shutDown = () => setTimeout(() => {
    require("node:fs").writeFileSync(pidFile + ".graceful", "");
    process.exit(0);
  }, 300);
  for (const s of ["SIGINT", "SIGTERM"]) process.on(s, mode === "stubborn" ? () => {} : shutDown);
  require("node:net").createServer().listen(Number(port), "127.0.0.1", () => console.log("listening"));
`;
const server = spawn(process.execPath, ["-e", serverSource, port, mode, pidFile], { stdio: ["ignore", "pipe", "inherit"] });
fs.writeFileSync(pidFile, JSON.stringify({ wrapper: process.pid, server: server.pid }));
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => process.exit(0));
server.stdout.once("data", () => {
  if (mode === "crash") setTimeout(() => process.exit(3), 1000);
});
