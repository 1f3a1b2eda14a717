/** Shared by the sandbox tests: a sandbox per test suite, an authenticated axios client and tenant-scoped paths. */
import axios, { type AxiosInstance } from "axios";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../sandbox";

export async function fetchToken(sandbox: Sandbox): Promise<string> {
  const { clientId, clientSecret } = sandbox.credentials;
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
  const { data } = await axios.post(sandbox.tokenUrl, form);
  return data.access_token;
}

/** An axios client with a fresh token and the app key; never throws on HTTP status, never follows redirects. */
export async function connect(sandbox: Sandbox): Promise<AxiosInstance> {
  const token = await fetchToken(sandbox);
  return axios.create({
    baseURL: sandbox.url,
    headers: { Authorization: `Bearer ${token}`, "ST-App-Key": sandbox.credentials.appKey },
    validateStatus: () => true,
    maxRedirects: 0,
  });
}

/** `/jpm/v2/tenant/{tenant}/jobs` from ("jpm", "jobs"). */
export const path = (sandbox: Sandbox, module: string, resource: string) =>
  `/${module}/v2/tenant/${sandbox.credentials.tenant}/${resource}`;

/**
 * Starts a sandbox and a client for it before the enclosing describe block's tests and closes the sandbox after
 * them. Both are set once the block runs: read them inside tests and hooks, as `suite.sandbox` and `suite.api`.
 */
export function useSandbox(options: SandboxOptions = {}): { sandbox: Sandbox; api: AxiosInstance } {
  const suite = {} as { sandbox: Sandbox; api: AxiosInstance };
  beforeAll(async () => {
    suite.sandbox = await startSandbox(options);
    suite.api = await connect(suite.sandbox);
  });
  afterAll(() => suite.sandbox.close());
  return suite;
}
