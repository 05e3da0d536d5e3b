import { config } from "@/lib/config";
import { openDb } from "@/db/client";

openDb().$client.close();
console.error(`database ready: ${config.databasePath}`);
