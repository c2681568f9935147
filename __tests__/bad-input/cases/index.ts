import type { BadInputCase } from '../case.js'
import { conflictCases } from './conflicts.js'
import { dockerfileCases } from './dockerfiles.js'
import { encodingCases } from './encoding.js'
import { inputCases } from './inputs.js'
import { lockCases } from './locks.js'
import { requirementsCases } from './requirements.js'
import { tomlCases } from './toml.js'
import { versionFileCases } from './version-files.js'
import { yamlCases } from './yaml.js'

/** Every family of the bad-input corpus (docs/bad-input.md counts them). */
export const families: Record<string, BadInputCase[]> = {
  requirements: requirementsCases,
  'pyproject.toml and uv.toml': tomlCases,
  'Python version files and inputs': versionFileCases,
  'YAML: conda, pre-commit, workflows': yamlCases,
  'uv.lock, poetry.lock, pinned requirements': lockCases,
  Dockerfiles: dockerfileCases,
  'Encodings, BOMs, huge files, links': encodingCases,
  'Action inputs': inputCases,
  'Conflicts and empty repositories': conflictCases,
}

export const badInputCases: BadInputCase[] = Object.values(families).flat()
