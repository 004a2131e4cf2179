/**
 * Identity tokens: 24 random bytes, URL-safe. Only their SHA-256 hash is stored, so a
 * copy of the database does not let anyone act as a teacher or a student.
 */
import crypto from "node:crypto";

/** @example const token = newToken(); // "q3Jx…" (32 characters) */
export function newToken(): string {
  return crypto.randomBytes(24).toString("base64url");
}

/** @example hashToken(token).length === 64 */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
