/** One requirement line of a requirements file, with where it stands. */
export interface Requirement {
  /** PEP 503 normalised distribution name; undefined for URL/path lines without `#egg=`. */
  name?: string
  /** Version specifier as written, e.g. '==1.2.3' or '>=1,<2'; '' when absent. */
  specifier: string
  /** Environment marker after ';', without the ';'. */
  marker?: string
  extras: string[]
  hashes: string[]
  editable: boolean
  /** A URL, local path or VCS reference instead of a name. */
  url?: string
  /** 1-based line where the requirement starts (continuations keep the first line). */
  line: number
  endLine: number
  /** The logical line as written, continuations joined. */
  text: string
}

/** PEP 503 normalised distribution name: lower case, runs of `-_.` as one `-`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}
