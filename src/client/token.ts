import { ConnectionError } from "@prismatic-io/spectral";
import axios, { isAxiosError } from "axios";
import { createHash } from "crypto";
import type { ResolvedConnection } from "../connection";
import { redact } from "./errors";

/** Tokens live 15 minutes; renew a minute early so a request never leaves with a token about to expire. */
const EXPIRY_MARGIN_MS = 60_000;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * Client-credentials tokens, fetched once per (token URL, client, secret) and shared by every request of the
 * process: ServiceTitan throttles its token endpoint, so concurrent callers join one in-flight fetch.
 */
const cache = new Map<string, CachedToken>();
const inFlight = new Map<string, Promise<CachedToken>>();

const cacheKey = (c: ResolvedConnection) => createHash("sha256").update(`${c.tokenUrl}\n${c.clientId}\n${c.clientSecret}`).digest("hex");

export const canFetchTokens = (c: ResolvedConnection): boolean => Boolean(c.clientId && c.clientSecret && c.tokenUrl);

const fetchToken = async (c: ResolvedConnection): Promise<CachedToken> => {
  try {
    const response = await axios.post(
      c.tokenUrl,
      new URLSearchParams({ grant_type: "client_credentials", client_id: c.clientId, client_secret: c.clientSecret }).toString(),
      { headers: { "Content-Type": "application/x-www-form-urlencoded" }, timeout: c.timeoutMs },
    );
    const accessToken = response.data?.access_token;
    if (typeof accessToken !== "string" || !accessToken) throw new Error("the token endpoint answered without an access_token");
    const expiresInMs = Number(response.data?.expires_in ?? 900) * 1000;
    return { accessToken, expiresAt: Date.now() + Math.max(expiresInMs - EXPIRY_MARGIN_MS, expiresInMs / 2) };
  } catch (error) {
    const status = isAxiosError(error) ? error.response?.status : undefined;
    const body = isAxiosError(error) ? error.response?.data : undefined;
    const reason = body?.error
      ? `${status} ${body.error}${body.error_description ? ` (${body.error_description})` : ""}`
      : (status ?? (error as Error).message);
    throw new ConnectionError(
      c.connection,
      redact(
        `Could not get an access token from ${c.tokenUrl}: ${reason}. Check the Client ID and Client Secret (generated per tenant and per environment in the Developer Portal) and that Token URL matches the Environment.`,
        [c.clientSecret, c.applicationKey],
      ),
    );
  }
};

/**
 * The token for a request: the platform's (Prismatic fetches and refreshes it) unless it was just rejected or
 * absent (local runs), then our own cached one. `rejected` is the token a 401 came back for.
 */
export const getAccessToken = async (c: ResolvedConnection, rejected?: string): Promise<string> => {
  if (c.platformToken && c.platformToken !== rejected) return c.platformToken;
  if (!canFetchTokens(c)) {
    throw new ConnectionError(
      c.connection,
      "No access token is available and the connection has no Client ID/Client Secret to fetch one: fill in Client ID, Client Secret and Token URL.",
    );
  }
  const key = cacheKey(c);
  const cached = cache.get(key);
  if (cached && cached.accessToken !== rejected && cached.expiresAt > Date.now()) return cached.accessToken;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = fetchToken(c).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  const token = await pending;
  cache.set(key, token);
  return token.accessToken;
};

/** For tests: forget every cached token. */
export const clearTokenCache = (): void => {
  cache.clear();
  inFlight.clear();
};
