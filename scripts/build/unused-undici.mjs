// Stands in for undici inside @actions/http-client. The toolkit imports undici only for
// HttpClient.getAgentDispatcher() (a proxy dispatcher for fetch-based clients such as Octokit);
// this action talks HTTP through HttpClient's node:http path only, so the 400 KB of undici would
// be loaded and evaluated at every start for nothing. Calling it anyway fails loudly.
export class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is not bundled into setup-python-env: HttpClient.getAgentDispatcher() is unsupported',
    )
  }
}
