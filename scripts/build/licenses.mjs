// The third-party notices for a bundle: name, version, license and the license text of every
// package esbuild put into it (what `ncc --license` wrote before), sorted so builds are identical.
import * as fs from 'node:fs'
import * as path from 'node:path'

/** Package folders (…/node_modules/<name> or …/node_modules/@scope/<name>) of the bundled inputs. */
export function bundledPackageDirs(root, inputs) {
  const dirs = new Set()
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
    if (match?.[1]) dirs.add(path.resolve(root, match[1]))
  }
  return [...dirs]
}

const LICENSE_FILE = /^(licen[sc]e|copying|notice)(\.(md|txt))?$/i

/** One notice per package, in name order. */
export function licenseText(dirs) {
  const notices = dirs
    .map((dir) => {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
      const files = fs
        .readdirSync(dir)
        .filter((name) => LICENSE_FILE.test(name))
        .sort()
      const texts = files.map((name) => fs.readFileSync(path.join(dir, name), 'utf8').trim())
      const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see text')
      return { name: pkg.name, text: `${pkg.name}@${pkg.version}\n${license}\n${texts.join('\n\n')}` }
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return `${notices.map((notice) => notice.text.trimEnd()).join('\n\n')}\n`
}
