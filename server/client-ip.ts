/** The header the web process (server/web.ts) sets to the client's address; any incoming copy is dropped. */
export const CLIENT_IP_HEADER = "x-slipway-client-ip";
