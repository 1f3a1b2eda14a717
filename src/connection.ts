import { OAuth2Type, oauth2Connection, type Connection } from "@prismatic-io/spectral";
import { connectionError } from "./client/errors";

/** ServiceTitan's two environments. Credentials belong to exactly one of them. */
export const ENVIRONMENTS = {
  production: {
    apiHost: "https://api.servicetitan.io",
    tokenUrl: "https://auth.servicetitan.io/connect/token",
  },
  integration: {
    apiHost: "https://api-integration.servicetitan.io",
    tokenUrl: "https://auth-integration.servicetitan.io/connect/token",
  },
} as const;
export type EnvironmentName = keyof typeof ENVIRONMENTS;

export const DEFAULT_TIMEOUT_SECONDS = 120;

export const serviceTitanConnection = oauth2Connection({
  key: "serviceTitanConnection",
  display: {
    label: "ServiceTitan OAuth 2.0 (client credentials)",
    description:
      "Connects to one ServiceTitan tenant with the Client ID and Client Secret generated for that tenant in the ServiceTitan Developer Portal, plus your app's Application Key.",
  },
  oauth2Type: OAuth2Type.ClientCredentials,
  inputs: {
    tokenUrl: {
      label: "Token URL",
      type: "string",
      required: true,
      shown: true,
      default: ENVIRONMENTS.production.tokenUrl,
      model: [
        { label: "Production: auth.servicetitan.io", value: ENVIRONMENTS.production.tokenUrl },
        { label: "Integration (test): auth-integration.servicetitan.io", value: ENVIRONMENTS.integration.tokenUrl },
      ],
      comments: "Must belong to the same environment as the Environment input below.",
    },
    scopes: {
      label: "Scopes",
      type: "string",
      required: false,
      shown: false,
      default: "",
      comments: "ServiceTitan grants the scopes chosen for the app in the Developer Portal; nothing to enter here.",
    },
    clientId: {
      label: "Client ID",
      type: "string",
      required: true,
      shown: true,
      comments: "Developer Portal → My Apps → View Connections: the tenant's Client ID (it differs per tenant and per environment).",
    },
    clientSecret: {
      label: "Client Secret",
      type: "password",
      required: true,
      shown: true,
      comments: "Developer Portal → My Apps → View Connections → Generate (Client Secret) for this tenant.",
    },
    tenant: {
      label: "Tenant ID",
      type: "string",
      required: true,
      shown: true,
      example: "123456789",
      comments: "The numeric ServiceTitan tenant id (ServiceTitan → Settings → Integrations → API Application Access).",
    },
    applicationKey: {
      label: "Application Key",
      type: "password",
      required: true,
      shown: true,
      comments: "Developer Portal → My Apps → your app's Application Key (sent as the ST-App-Key header). One key serves every tenant.",
    },
    environment: {
      label: "Environment",
      type: "string",
      required: true,
      shown: true,
      default: "production",
      model: [
        { label: "Production", value: "production" },
        { label: "Integration (test)", value: "integration" },
      ],
      comments: "Production for live tenants; Integration (test) for ServiceTitan's integration (test) environment.",
    },
    baseUrl: {
      label: "API Base URL Override",
      type: "string",
      required: false,
      shown: true,
      comments: "Leave empty. Set only to route API calls through a proxy or a local simulator; it replaces the environment's API host.",
    },
    requestTimeoutSeconds: {
      label: "Request Timeout (seconds)",
      type: "string",
      required: false,
      shown: true,
      default: String(DEFAULT_TIMEOUT_SECONDS),
      comments: "How long to wait for one ServiceTitan response before giving up (ServiceTitan itself stops at about 100 s).",
    },
  },
});

/** Everything the request core needs, checked once. Secrets stay in this object and never reach a message. */
export interface ResolvedConnection {
  connection: Connection;
  environment: EnvironmentName;
  apiHost: string;
  tokenUrl: string;
  tenant: string;
  clientId: string;
  clientSecret: string;
  applicationKey: string;
  platformToken?: string;
  timeoutMs: number;
}

const text = (value: unknown): string => (value === undefined || value === null ? "" : String(value).trim());
const stripSlash = (url: string) => url.replace(/\/+$/, "");

// Host names ignore letter case, and so does this comparison (HTTPS://Auth-Integration.… is still integration).
const sameUrl = (a: string, b: string) => stripSlash(a).toLowerCase() === stripSlash(b).toLowerCase();
const environmentOfTokenUrl = (url: string): EnvironmentName | undefined =>
  (Object.keys(ENVIRONMENTS) as EnvironmentName[]).find((env) => sameUrl(ENVIRONMENTS[env].tokenUrl, url));
const environmentOfApiHost = (url: string): EnvironmentName | undefined =>
  (Object.keys(ENVIRONMENTS) as EnvironmentName[]).find((env) => sameUrl(ENVIRONMENTS[env].apiHost, url));

/** The largest tenant id ServiceTitan can have (tenant ids are 64-bit integers). */
const MAX_TENANT = BigInt("9223372036854775807");

/** http:// sends the client secret (token URL) or the token and app key (API host) in clear: only this machine may. */
const isClearTextOffMachine = (url: string): boolean => {
  try {
    const { protocol, hostname } = new URL(url);
    const loopback =
      hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
    return protocol === "http:" && !loopback;
  } catch {
    return false; // not a URL at all: the format check says so
  }
};

/** Validates the connection's fields and derives hosts; throws a ConnectionError that says what to change. */
export const resolveConnection = (connection: Connection): ResolvedConnection => {
  const fields = connection.fields ?? {};
  const fail = (message: string): never => {
    throw connectionError(connection, message);
  };

  const environmentText = text(fields.environment) || "production";
  if (!(environmentText in ENVIRONMENTS)) {
    fail(`Environment must be "production" or "integration", not "${environmentText}".`);
  }
  const environment = environmentText as EnvironmentName;

  const tenant = text(fields.tenant);
  if (!/^\d+$/.test(tenant) || BigInt(tenant) > MAX_TENANT) {
    fail(
      `Tenant ID must be the numeric ServiceTitan tenant id (digits only, at most ${MAX_TENANT}, e.g. 123456789); "${tenant}" is not. ` +
        "Find it in ServiceTitan under Settings → Integrations → API Application Access.",
    );
  }

  const tokenUrl = stripSlash(text(fields.tokenUrl) || ENVIRONMENTS[environment].tokenUrl);
  if (!/^https?:\/\/[^/\s]+\S*$/i.test(tokenUrl)) {
    fail(`Token URL must be a URL such as ${ENVIRONMENTS[environment].tokenUrl}; "${tokenUrl}" is not. Pick one from the list.`);
  }
  if (isClearTextOffMachine(tokenUrl)) {
    fail(
      `Token URL must use https:// (the Client Secret is sent to it); ${tokenUrl} would send it in clear. ` +
        `Use ${ENVIRONMENTS[environment].tokenUrl}. Only a local simulator on this machine (localhost, 127.0.0.1) may use http://.`,
    );
  }
  const tokenEnvironment = environmentOfTokenUrl(tokenUrl);
  if (tokenEnvironment && tokenEnvironment !== environment) {
    fail(
      `Token URL ${tokenUrl} belongs to the ${tokenEnvironment} environment but Environment is "${environment}". ` +
        `Set Environment to "${tokenEnvironment}", or set Token URL to ${ENVIRONMENTS[environment].tokenUrl}. ` +
        "Client credentials only work in the environment that issued them.",
    );
  }

  const override = stripSlash(text(fields.baseUrl));
  if (override && !/^https?:\/\/[^/]+/i.test(override)) {
    fail(`API Base URL Override must be an http(s) URL such as https://proxy.example.com; "${override}" is not.`);
  }
  if (override && isClearTextOffMachine(override)) {
    fail(
      `API Base URL Override must use https:// (the access token and Application Key go with every request); ${override} would send them in clear. ` +
        "Only a local simulator on this machine (localhost, 127.0.0.1) may use http://.",
    );
  }
  const hostEnvironment = override ? environmentOfApiHost(override) : undefined;
  if (hostEnvironment && hostEnvironment !== environment) {
    fail(
      `API Base URL Override ${override} is the ${hostEnvironment} API host but Environment is "${environment}". ` +
        `Clear the override (the environment chooses ${ENVIRONMENTS[environment].apiHost}) or set Environment to "${hostEnvironment}".`,
    );
  }
  if (hostEnvironment && tokenEnvironment && hostEnvironment !== tokenEnvironment) {
    fail(`API Base URL Override ${override} and Token URL ${tokenUrl} belong to different environments; use one environment for both.`);
  }

  const applicationKey = text(fields.applicationKey);
  if (!applicationKey) {
    fail("Application Key is empty: copy your app's Application Key from the ServiceTitan Developer Portal (My Apps).");
  }

  const timeoutText = text(fields.requestTimeoutSeconds);
  const timeoutSeconds = timeoutText === "" ? DEFAULT_TIMEOUT_SECONDS : Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    fail(`Request Timeout (seconds) must be a positive number of seconds, such as 120; "${timeoutText}" is not.`);
  }

  const platformToken = text(connection.token?.access_token) || undefined;
  return {
    connection,
    environment,
    apiHost: override || ENVIRONMENTS[environment].apiHost,
    tokenUrl,
    tenant,
    clientId: text(fields.clientId),
    clientSecret: text(fields.clientSecret),
    applicationKey,
    platformToken,
    timeoutMs: Math.round(timeoutSeconds * 1000),
  };
};
