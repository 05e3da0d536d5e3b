import { Command } from "commander";
import { AtlasError } from "@/lib/errors";
import { registerBackup } from "./commands/backup";
import { registerIngest } from "./commands/ingest";
import { registerInspect } from "./commands/inspect";
import { registerIndex } from "./commands/index";
import { registerSearch } from "./commands/search";
import { registerFetch } from "./commands/fetch";
import { registerWatch } from "./commands/watch";
import { registerAliases } from "./commands/aliases";

const program = new Command("kb").description("Delta Atlas knowledge base: fetch, watch, ingest, inspect, index, search, back up and review learned aliases");
registerIngest(program);
registerInspect(program);
registerIndex(program);
registerSearch(program);
registerFetch(program);
registerWatch(program);
registerBackup(program);
registerAliases(program);

program
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    if (error instanceof AtlasError) console.error(`error (${error.code}): ${error.message}`);
    else console.error(error instanceof Error ? (process.env.DEBUG ? error.stack : `error: ${error.message}`) : error);
    process.exitCode = 1;
  })
  // A command is over when its action is: a request still pending on a dying engine, a retry timer or a worker must
  // not keep the process alive after it has printed its result (stdout and stderr are synchronous on files and pipes).
  .finally(() => process.exit());
