import axios, { isAxiosError, type AxiosError } from "axios";
import { createHash } from "crypto";
import { ENVIRONMENTS, type ResolvedConnection } from "../connection";
import { connectionError, redact, ServiceTitanError } from "./errors";
import { retryDelayMs } from "./retry";

/** Tokens live 15 minutes; renew a minute early so a request never leaves with a token about to expire. */
const EXPIRY_MARGIN_MS = 60_000;
const DEFAULT_EXPIRES_IN_SECONDS = 900;
/** Attempts at the token endpoint when it is throttled (429) or briefly down (5xx, network). */
export const TOKEN_ATTEMPTS = 3;

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

/** No such host, or nothing listening there: the Token URL is mistyped, not the service busy. */
const UNREACHABLE = new Map([
  ["ENOTFOUND", "no host of that name exists"],
  ["ECONNREFUSED", "nothing answers at that address"],
]);

/** Throttled or briefly unavailable: worth another attempt, and not a reason to flag the connection as misconfigured. */
const isTransient = (error: unknown): error is AxiosError => {
  if (!isAxiosError(error)) return false;
  const status = error.response?.status;
  if (status === undefined) return error.code !== "ERR_CANCELED" && error.code !== "ERR_INVALID_URL" && !UNREACHABLE.has(error.code ?? "");
  return status === 408 || status === 429 || status >= 500;
};

const reasonOf = (error: unknown): string => {
  if (!isAxiosError(error)) return (error as Error)?.message ?? String(error);
  const { response } = error;
  if (!response) return `network error ${error.code ?? ""}: ${error.message}`.replace(/ {2}/, " ");
  const body = response.data;
  if (body?.error) return `${response.status} ${body.error}${body.error_description ? ` (${body.error_description})` : ""}`;
  return `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
};

const requestToken = async (c: ResolvedConnection): Promise<CachedToken> => {
  const response = await axios.post(
    c.tokenUrl,
    new URLSearchParams({ grant_type: "client_credentials", client_id: c.clientId, client_secret: c.clientSecret }).toString(),
    { headers: { "Content-Type": "application/x-www-form-urlencoded" }, timeout: c.timeoutMs },
  );
  const accessToken = response.data?.access_token;
  if (typeof accessToken !== "string" || !accessToken) throw new Error("the token endpoint answered without an access_token");
  const expiresIn = Number(response.data?.expires_in);
  const expiresInMs = (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_EXPIRES_IN_SECONDS) * 1000;
  return { accessToken, expiresAt: Date.now() + Math.max(expiresInMs - EXPIRY_MARGIN_MS, expiresInMs / 2) };
};

/**
 * One token, asking again when the endpoint is throttled or briefly down (a token request changes nothing, so it
 * is safe to repeat). Rejected credentials become a ConnectionError (Prismatic flags the connection); an outage
 * that outlasts the attempts is an ordinary ServiceTitanError, because the configuration is not at fault.
 */
const fetchToken = async (c: ResolvedConnection): Promise<CachedToken> => {
  const secrets = [c.clientSecret, c.applicationKey];
  for (let attempt = 1; ; attempt++) {
    try {
      return await requestToken(c);
    } catch (error) {
      if (isTransient(error) && attempt < TOKEN_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt, error)));
        continue;
      }
      const reason = reasonOf(error);
      if (isTransient(error)) {
        throw new ServiceTitanError(
          redact(
            `Could not get an access token from ${c.tokenUrl}: ${reason} (${attempt} attempts). ServiceTitan's sign-in service is busy or unavailable; the connection itself looks fine, so run the step again later.`,
            secrets,
          ),
          error.response?.status,
          undefined,
          {},
          undefined,
          `POST ${c.tokenUrl}`,
        );
      }
      const code = isAxiosError(error) && !error.response ? (error.code ?? "") : "";
      const unreachable = UNREACHABLE.get(code);
      if (unreachable) {
        throw connectionError(
          c.connection,
          redact(
            `Could not reach the Token URL ${c.tokenUrl} (${code}: ${unreachable}). The Token URL looks wrong: pick production (${ENVIRONMENTS.production.tokenUrl}) or integration (${ENVIRONMENTS.integration.tokenUrl}) from the list, matching the Environment.`,
            secrets,
          ),
        );
      }
      throw connectionError(
        c.connection,
        redact(
          `Could not get an access token from ${c.tokenUrl}: ${reason}. Check the Client ID and Client Secret (generated per tenant and per environment in the Developer Portal) and that Token URL matches the Environment.`,
          secrets,
        ),
      );
    }
  }
};

/**
 * A client-credentials token of our own, cached until shortly before it expires. `rejected` is a token a 401 came
 * back for: it is never handed out again, and callers that report the same rejected token join one fetch.
 */
export const ownAccessToken = async (c: ResolvedConnection, rejected?: string): Promise<string> => {
  if (!canFetchTokens(c)) {
    throw connectionError(
      c.connection,
      "No access token is available and the connection has no Client ID/Client Secret to fetch one: fill in Client ID, Client Secret and Token URL.",
    );
  }
  const key = cacheKey(c);
  const cached = cache.get(key);
  if (cached && cached.accessToken !== rejected && cached.expiresAt > Date.now()) return cached.accessToken;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = fetchToken(c)
      .then((token) => {
        cache.set(key, token);
        return token;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return (await pending).accessToken;
};

/** For tests: forget every cached token. */
export const clearTokenCache = (): void => {
  cache.clear();
  inFlight.clear();
};
