import net from "node:net";
import os from "node:os";
import { expect, test } from "@playwright/test";

/** True when a TCP connection to host:port is accepted within 3 s. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

// The fixture server is started like `npm run serve` (e2e/serve-fixture.ts) with HOST unset.
test("the app listens on 127.0.0.1 only, not on this machine's network addresses", async () => {
  const port = Number(process.env.E2E_PORT);
  expect(await connects("127.0.0.1", port)).toBe(true);
  const addresses = Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && (a.family === "IPv4" || a.scopeid === 0))
    .map((a) => a!.address);
  test.skip(addresses.length === 0, "this machine has no network address besides loopback");
  for (const address of addresses) expect(await connects(address, port), `reachable at ${address}:${port}`).toBe(false);
});
