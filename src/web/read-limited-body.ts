import type { IncomingMessage } from "node:http";

/** A body read whole, or one that went past the limit. */
export type LimitedBody = { readonly ok: true; readonly text: string } | { readonly ok: false };

/**
 * Reads a request body of at most `limit` bytes. A declared `Content-Length` over the limit is
 * refused before reading anything; otherwise reading stops as soon as the limit is passed, so a
 * body never takes more memory than the limit. The stream is not destroyed (that would close the
 * socket before the 413 is written): Node discards the rest when the response ends.
 */
export function readLimitedBody(req: IncomingMessage, limit: number): Promise<LimitedBody> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false });

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        stop();
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve({ ok: true, text: Buffer.concat(chunks).toString("utf8") });
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}
