import { locateRequirement } from '../../managers/locate-requirement.js'
import { makeFinding } from '../../model/finding.js'
import type { Rule } from '../rule.js'

export const importFailedRule: Rule = {
  id: 'import-failed',
  defaultSeverity: 'error',
  description: 'A direct dependency is installed but one of its top-level modules cannot be imported.',
  example: 'requirements.txt:  brokenpkg==1.0  (import brokenpkg raises ImportError)',
  fix: 'Run `python -c "import <module>"` in the environment; pin a version that imports, or add the missing system library.',
  check(ctx) {
    return (ctx.importFailures ?? []).map((failure) => {
      const where = locateRequirement(ctx.project.requirementsFiles, failure.distribution)
      const manifestDep = where
        ? undefined
        : ctx.manifests
            .flatMap((m) => m.dependencies.map((dep) => ({ file: m.file, dep })))
            .find((entry) => entry.dep.name === failure.distribution)
      return makeFinding(this.id, {
        message: `import ${failure.module} (from ${failure.distribution}) failed: ${failure.error}`,
        file: where?.file ?? manifestDep?.file,
        line: where?.requirement.line ?? manifestDep?.dep.line,
        package: failure.distribution,
        fix: `Run \`python -c "import ${failure.module}"\` in the environment and pin a ${failure.distribution} version that imports.`,
      })
    })
  },
}
