// Where the app listens: HOST in the config (127.0.0.1 unless set) and on the `next start` command line serve runs.
import { describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config";
import { appUrl, nextStartCommand } from "@/scripts/serve-app";

/** The config of an environment holding only these variables (not the developer's own HOST or PORT). */
const cfg = (env: Record<string, string> = {}) => loadConfig({ DATA_DIR: "/tmp/atlas-config-test", ...env } as Record<string, string> as NodeJS.ProcessEnv);

describe("HOST", () => {
  it("defaults to 127.0.0.1, also when set empty", () => {
    expect(cfg().HOST).toBe("127.0.0.1");
    expect(cfg({ HOST: "" }).HOST).toBe("127.0.0.1");
  });

  it("takes an address or host name, and refuses anything else", () => {
    expect(cfg({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(cfg({ HOST: "::" }).HOST).toBe("::");
    expect(cfg({ HOST: "atlas.internal" }).HOST).toBe("atlas.internal");
    expect(() => cfg({ HOST: "0.0.0.0 --inspect" })).toThrow(/HOST/);
  });

  it("is what serve passes to next start, with PORT", () => {
    const { command, args } = nextStartCommand(cfg());
    expect(command).toBe(process.execPath);
    expect(args[0]).toMatch(/next[\\/]dist[\\/]bin[\\/]next$/);
    expect(args.slice(1)).toEqual(["start", "-H", "127.0.0.1", "-p", "3000"]);
    expect(nextStartCommand(cfg({ HOST: "0.0.0.0", PORT: "8080" })).args.slice(1)).toEqual(["start", "-H", "0.0.0.0", "-p", "8080"]);
  });

  it("gives the address serve prints", () => {
    expect(appUrl(cfg())).toBe("http://127.0.0.1:3000");
    expect(appUrl(cfg({ HOST: "0.0.0.0" }))).toBe("http://localhost:3000");
    expect(appUrl(cfg({ HOST: "::1", PORT: "4000" }))).toBe("http://[::1]:4000");
  });
});
