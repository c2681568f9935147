import { execFileSync } from 'node:child_process'

/**
 * A pull_request event payload for a local git checkout, as the runner writes it: the base is
 * `baseRef` resolved in the repository, the head is HEAD.
 */
export function pullRequestPayload(workspace: string, baseRef: string, number = 1): unknown {
  const resolve = (ref: string) =>
    execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], {
      cwd: workspace,
      encoding: 'utf8',
    }).trim()
  const headRef = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], {
    cwd: workspace,
    encoding: 'utf8',
  }).trim()
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      base: { ref: baseRef, sha: resolve(baseRef) },
      head: { ref: headRef, sha: resolve('HEAD') },
    },
    repository: { full_name: 'local/project', name: 'project', owner: { login: 'local' } },
  }
}
