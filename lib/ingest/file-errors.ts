import { AtlasError, type ErrorCode } from "../errors";

/* How a file that cannot be used is reported: shared by the workers (analyze.ts) and the writer (writer.ts). */

/** A file-system error as an AtlasError with its own code (a symlink loop, a permission, a missing path). */
export function fsError(error: unknown, what: string): AtlasError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  const map: Record<string, [ErrorCode, string]> = {
    ELOOP: ["symlink-loop", `${what}: too many levels of symbolic links (a symlink loop)`],
    EACCES: ["unreadable", `${what}: permission denied`],
    EPERM: ["unreadable", `${what}: operation not permitted`],
    EIO: ["unreadable", `${what}: input/output error`],
    ENOENT: ["not-found", `${what}: no such file or folder`],
    ENOTDIR: ["not-found", `${what}: a part of the path is not a folder`],
    ENAMETOOLONG: ["not-found", `${what}: the path is too long`],
    EISDIR: ["not-a-file", `${what}: is a folder`],
  };
  const [c, message] = (code && map[code]) || (["unreadable", `${what}: ${detail}`] as [ErrorCode, string]);
  return new AtlasError(c, message, { cause: error });
}

/** A thrown value as an AtlasError: a stack overflow is `too-deep`, anything unknown `internal`. */
export function classifyError(error: unknown): AtlasError {
  if (error instanceof AtlasError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new AtlasError("too-deep", `the page is nested too deeply to process (${error.message})`, { cause: error });
  }
  if (error && typeof error === "object" && "code" in error && "syscall" in error) return fsError(error, "file");
  return new AtlasError("internal", error instanceof Error ? error.message : String(error), { cause: error });
}
