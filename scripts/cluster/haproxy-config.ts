// The HAProxy configuration of a loopback cluster (docs/deployment.md explains every line that
// matters in production). Kept as a pure function of the node list so the test and the CLI write
// the same file.

export interface BalancerNode {
  name: string;
  port: number;
}

export interface BalancerOptions {
  publicPort: number;
  nodes: BalancerNode[];
  /** The runtime API (admin level): the rolling restart takes a node out of rotation through it. */
  adminSocket: string;
  /** Address to listen on; loopback for the local cluster. */
  bindAddress?: string;
}

/** The cookie HAProxy sets so that a client's Socket.IO long-polling requests reach one node. */
export const STICKY_COOKIE = "cp_node";

export function haproxyConfig(options: BalancerOptions): string {
  const bind = options.bindAddress ?? "127.0.0.1";
  const servers = options.nodes.map((node) => `  server ${node.name} 127.0.0.1:${node.port} check cookie ${node.name}`);
  return [
    "# Written by scripts/cluster.ts; see docs/deployment.md.",
    "global",
    `  stats socket ${options.adminSocket} mode 600 level admin`,
    "  # Two descriptors a connection (client and node side); raise it with the process's ulimit -n.",
    "  maxconn 8000",
    "  # A stopping balancer does not wait for websockets longer than this.",
    "  hard-stop-after 5s",
    "",
    "defaults",
    "  mode http",
    "  # X-Forwarded-For: the client's address as HAProxy saw it, appended to what the client sent;",
    "  # the nodes trust this hop only (TRUSTED_PROXIES), so a forged header changes nothing.",
    "  option forwardfor",
    "  # A node that went away between the health check and a new connection: try another one, on",
    "  # every retry. With the default (the last retry only) a browser whose cookie names the dead",
    "  # node is retried there, a second apart, until the checks notice (about 1 s).",
    "  option redispatch 1",
    "  retries 3",
    "  # Only failures to connect are retried: a request a node may have started is never replayed.",
    "  retry-on conn-failure",
    "  timeout connect 5s",
    "  timeout http-request 10s",
    "  timeout http-keep-alive 10s",
    "  timeout queue 10s",
    "  # Socket.IO long-polling holds a request up to pingInterval (25 s); pings every 25 s keep",
    "  # a websocket busy, so 60 s of silence means the peer is gone.",
    "  timeout client 60s",
    "  timeout server 60s",
    "  # Once upgraded to a websocket the connection is a tunnel: this limit applies instead.",
    "  timeout tunnel 1h",
    "  timeout client-fin 10s",
    "  timeout server-fin 10s",
    "",
    "frontend public",
    `  bind ${bind}:${options.publicPort}`,
    "  http-request set-header X-Forwarded-Proto https if { ssl_fc }",
    "  http-request set-header X-Forwarded-Proto http if !{ ssl_fc }",
    "  default_backend app",
    "",
    "backend app",
    "  # Sockets live long: a node back from a restart should take the next ones first.",
    "  balance leastconn",
    "  # Stickiness for Socket.IO's long-polling (each poll must reach the node holding the",
    "  # session); a cookie naming a node that is down or in maintenance is ignored (redispatch).",
    `  cookie ${STICKY_COOKIE} insert indirect nocache httponly`,
    "  option httpchk GET /readyz",
    "  http-check expect status 200",
    "  default-server inter 1s fastinter 500ms downinter 1s rise 2 fall 2",
    "  # Without it a check times out after `inter` (1 s): a node busy for a second under load was",
    "  # taken out, and on a saturated host all of them at once. /readyz bounds its own checks at 2 s",
    "  # and answers 503 itself; a dead node is still seen at once (connection refused).",
    "  timeout check 3s",
    ...servers,
    "",
  ].join("\n");
}
