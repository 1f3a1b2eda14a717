/**
 * The reference for bundle size and cold start (npm run bench): a minimal spectral component with one action and one
 * OAuth 2.0 client-credentials connection, calling an API through spectral's HTTP client. Built exactly like ours.
 */
import { action, component, input, oauth2Connection, OAuth2Type } from "@prismatic-io/spectral";
import { createClient } from "@prismatic-io/spectral/dist/clients/http";

const connection = oauth2Connection({
  key: "oauth",
  display: { label: "OAuth 2.0", description: "Client credentials" },
  oauth2Type: OAuth2Type.ClientCredentials,
  inputs: {
    tokenUrl: { label: "Token URL", type: "string", required: true },
    scopes: { label: "Scopes", type: "string", required: false, shown: false },
    clientId: { label: "Client ID", type: "string", required: true },
    clientSecret: { label: "Client Secret", type: "password", required: true },
  },
});

export default component({
  key: "minimal",
  public: false,
  display: { label: "Minimal", description: "One action, one connection", iconPath: "icon.png" },
  connections: [connection],
  actions: {
    getThing: action({
      display: { label: "Get Thing", description: "Reads one thing" },
      inputs: {
        connection: input({ label: "Connection", type: "connection", required: true }),
        id: input({ label: "ID", type: "string", required: true }),
      },
      perform: async (_context, { connection: conn, id }) => {
        const token = (conn as { token?: { access_token?: string } }).token?.access_token;
        const client = createClient({ baseUrl: "https://api.example.com", headers: { Authorization: `Bearer ${token}` } });
        return { data: (await client.get(`/things/${id}`)).data };
      },
    }),
  },
});
