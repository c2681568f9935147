/** Reads a pyenv-style `.python-version`: one version per line, '#' comments, the first wins. */
export function parsePythonVersionFile(text: string): { value: string; line: number }[] {
  const versions: { value: string; line: number }[] = []
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, index) => {
      const value = raw.replace(/#.*$/, '').trim()
      if (value) versions.push({ value, line: index + 1 })
    })
  return versions
}
