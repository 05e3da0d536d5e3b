// A stand-in for `npx next start`: a wrapper process that starts a server holding a port and, like npx,
// exits on SIGINT/SIGTERM without passing the signal on. Modes: "graceful" (the server exits on SIGTERM),
// "stubborn" (the server ignores SIGINT/SIGTERM), "crash" (the wrapper exits with code 3 a second after the server listens).
import { spawn } from "node:child_process";
import fs from "node:fs";
import process from "node:process";
import { setTimeout } from "node:timers";

const [port, pidFile, mode = "graceful"] = process.argv.slice(2);
const serverSource = `
  const mode = process.argv[2];
  if (mode === "stubborn") for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => {});
  require("node:net").createServer().listen(Number(process.argv[1]), "127.0.0.1", () => console.log("listening"));
`;
const server = spawn(process.execPath, ["-e", serverSource, port, mode], { stdio: ["ignore", "pipe", "inherit"] });
fs.writeFileSync(pidFile, JSON.stringify({ wrapper: process.pid, server: server.pid }));
for (const s of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(s, () => process.exit(0));
server.stdout.once("data", () => {
  if (mode === "crash") setTimeout(() => process.exit(3), 1000);
});
