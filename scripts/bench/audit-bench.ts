// Times the advisory lookup of a 2,000-package lock against a loopback OSV service (30 of the
// packages with advisories, a few paged), then the vulnerable-dependency rule over the answers.
// Round trips on loopback cost ~1 ms, so the total is the action's own time plus the requests.
// Prints figures; it asserts nothing.
import { lookUpAdvisories } from '../../src/advisories/look-up-advisories.js'
import type { OsvRecord } from '../../src/advisories/osv-types.js'
import { advisoryQueries } from '../../src/drift/advisory-queries.js'
import type { DriftContext } from '../../src/drift/context.js'
import { vulnerableDependencyRule } from '../../src/drift/rules/vulnerable-dependency.js'
import { startOsvService } from '../loopback/osv-service.js'

const COUNT = 2000
const file = 'requirements-lock.txt'
const packages = Array.from({ length: COUNT }, (_, i) => ({
  name: `pkg-${i}`,
  version: `1.${i % 17}.0`,
  file,
  line: i + 1,
}))
const advisories: OsvRecord[] = Array.from({ length: 30 }, (_, i) => ({
  id: `BENCH-${i}`,
  summary: 'written for the benchmark',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: `pkg-${i * 60}` },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '9.0' }] }],
    },
  ],
}))
const ctx: DriftContext = {
  project: { workspace: '/w', root: '/w', manager: 'pip', requirementsFiles: [] },
  locks: [{ kind: 'requirements', file, packages }],
  manifests: [],
  pythonSources: [],
  toolVersions: {},
  dockerfiles: [],
  condaEnvironments: [],
}

const service = await startOsvService({ advisories, pageSize: 1000 })
const runs: number[] = []
let findings = 0
for (let i = 0; i < 7; i++) {
  const started = performance.now()
  const busyBefore = service.busyMs()
  ctx.advisories = await lookUpAdvisories(advisoryQueries(ctx), { enabled: true, url: service.url })
  findings = vulnerableDependencyRule.check(ctx).length
  runs.push(performance.now() - started - (service.busyMs() - busyBefore))
}
const batches = service.requests.filter((r) => r.path === '/v1/querybatch').length / runs.length
const details = service.requests.filter((r) => r.path.startsWith('/v1/vulns/')).length / runs.length
await service.close()
runs.sort((a, b) => a - b)
console.log(
  `audit of ${COUNT} packages (the fake service's own work subtracted): median ${runs[3]?.toFixed(1)} ms (min ${runs[0]?.toFixed(1)}) over 7 runs, ` +
    `${batches} querybatch + ${details} vulns requests per run (loopback), ${findings} findings`,
)
