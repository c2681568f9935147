import * as fs from 'node:fs'
import * as path from 'node:path'
import { UserError } from '../errors.js'
import type { RequirementsFile } from '../model/project.js'
import { relativePosix } from '../paths.js'
import { parseRequirements } from './requirements.js'

/** Reads a requirements file and everything it includes with -r/-c, refusing include cycles. */
export function readRequirementsFile(absolutePath: string, workspace: string): RequirementsFile {
  return readWithIncludes(absolutePath, workspace, [])
}

function readWithIncludes(absolutePath: string, workspace: string, chain: string[]): RequirementsFile {
  const file = relativePosix(workspace, absolutePath)
  const text = readTextFile(absolutePath, file)
  const parsed = parseRequirements(text, file)
  const result: RequirementsFile = {
    path: absolutePath,
    file,
    requirements: parsed.requirements,
    included: [],
    constraints: [],
  }
  const nextChain = [...chain, absolutePath]
  for (const include of parsed.includes) {
    const target = path.resolve(path.dirname(absolutePath), include.path)
    if (nextChain.includes(target)) {
      throw new UserError({
        title: 'Requirements include loop',
        message: `${file}:${include.line}: '-r ${include.path}' includes a file that is already being read (${[...nextChain, target].map((p) => relativePosix(workspace, p)).join(' -> ')}).`,
        file,
        line: include.line,
        fix: 'Remove the -r line that closes the loop.',
      })
    }
    const problem = notARegularFile(target)
    if (problem) {
      throw new UserError({
        title: 'Requirements include not found',
        message: `${file}:${include.line}: '${include.path}' ${problem}.`,
        file,
        line: include.line,
        fix: `Create ${include.path} or fix the path (it is relative to ${file}).`,
      })
    }
    const child = readWithIncludes(target, workspace, nextChain)
    if (include.kind === 'constraint') result.constraints.push(child)
    else result.included.push(child)
  }
  return result
}

/** Reads a UTF-8 text file; other encodings are a user error naming the file. */
export function readTextFile(absolutePath: string, file: string): string {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(absolutePath)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new UserError({
      title: 'File cannot be read',
      message: `${file} cannot be read (${describeFsError(reason)}).`,
      file,
      fix: `Make ${file} a readable regular file (check symbolic links and permissions).`,
    })
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw new UserError({
      title: 'File is not UTF-8',
      message: `${file} is not valid UTF-8 text.`,
      file,
      fix: `Re-save ${file} as UTF-8.`,
    })
  }
}

/** Every requirement of a file and of the files it includes (-r), in install order. */
export function allRequirements(file: RequirementsFile): RequirementsFile['requirements'] {
  return [...file.included.flatMap(allRequirements), ...file.requirements]
}

/** Why `target` cannot be read as a requirements file, or undefined when it can. */
function notARegularFile(target: string): string | undefined {
  let stat: fs.Stats | undefined
  try {
    stat = fs.statSync(target, { throwIfNoEntry: false })
  } catch {
    return 'is a symbolic link loop'
  }
  if (stat?.isFile()) return undefined
  if (stat) return 'is not a file'
  return fs.lstatSync(target, { throwIfNoEntry: false }) ? 'is a broken symbolic link' : 'does not exist'
}

function describeFsError(code: string): string {
  const known: Record<string, string> = {
    ELOOP: 'a symbolic link loop',
    EISDIR: 'it is a directory',
    EACCES: 'permission denied',
    ENOENT: 'it does not exist, or is a broken symbolic link',
  }
  return known[code] ?? code
}

/** The installed files and their -r includes, each once. */
export function installedRequirementsFiles(files: readonly RequirementsFile[]): RequirementsFile[] {
  const seen = new Map<string, RequirementsFile>()
  const visit = (file: RequirementsFile) => {
    if (seen.has(file.file)) return
    seen.set(file.file, file)
    file.included.forEach(visit)
  }
  files.forEach(visit)
  return [...seen.values()]
}
