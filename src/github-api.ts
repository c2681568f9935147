import { HttpClient, HttpClientError } from '@actions/http-client'
import { BearerCredentialHandler } from '@actions/http-client/lib/auth'

export interface IssueComment {
  id: number
  body?: string
}

/** The few GitHub REST calls the sticky comment needs, against GITHUB_API_URL. */
export class GitHubApi {
  private readonly client: HttpClient
  private readonly base: string

  constructor(
    apiUrl: string,
    token: string,
    private readonly repository: string,
  ) {
    this.client = new HttpClient(
      'setup-python-env',
      [new BearerCredentialHandler(token)],
      API_REQUEST_OPTIONS,
    )
    this.base = apiUrl.replace(/\/+$/, '')
  }

  /** Comments of an issue/PR, at most `maxPages` pages of 100. */
  async listComments(issue: number, maxPages = 20): Promise<IssueComment[]> {
    const all: IssueComment[] = []
    for (let page = 1; page <= maxPages; page++) {
      const response = await this.client.getJson<IssueComment[]>(
        `${this.base}/repos/${this.repository}/issues/${issue}/comments?per_page=100&page=${page}`,
        HEADERS,
      )
      const batch = response.result ?? []
      all.push(...batch)
      if (batch.length < 100) break
    }
    return all
  }

  async createComment(issue: number, body: string): Promise<IssueComment> {
    const response = await this.client.postJson<IssueComment>(
      `${this.base}/repos/${this.repository}/issues/${issue}/comments`,
      { body },
      HEADERS,
    )
    return response.result ?? { id: 0 }
  }

  async updateComment(id: number, body: string): Promise<IssueComment> {
    const response = await this.client.patchJson<IssueComment>(
      `${this.base}/repos/${this.repository}/issues/comments/${id}`,
      { body },
      HEADERS,
    )
    return response.result ?? { id }
  }
}

/**
 * Every call is bounded: a socket idle for 30 s fails it, and GETs (only they: a retried POST
 * could comment twice) are retried twice on 502/503/504 with the client's exponential backoff.
 */
export const API_REQUEST_OPTIONS = { socketTimeout: 30_000, allowRetries: true, maxRetries: 2 }

const HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' }

export function httpStatus(error: unknown): number | undefined {
  return error instanceof HttpClientError ? error.statusCode : undefined
}
