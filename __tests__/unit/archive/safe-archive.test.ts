import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { archiveEscape, assertSafeTarGz } from '../../../src/archive/safe-archive.js'
import { listTarGz } from '../../../src/archive/tar-entries.js'
import { installArchive } from '../../../src/python/install-archive.js'
import { fakePythonScript } from '../python/fake-python.js'

/** A member to put in a crafted archive; tar itself refuses to write most of the hostile ones. */
interface Member {
  name: string
  type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'chardev'
  link?: string
  body?: string
  mode?: number
}

/** Crafts a .tar.gz with Python's tarfile, which writes any name it is given. */
function craft(members: Member[], format: 'gnu' | 'pax' | 'ustar' = 'gnu'): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-crafted-')), 'a.tar.gz')
  const script = `
import io, json, sys, tarfile
fmt = {"gnu": tarfile.GNU_FORMAT, "pax": tarfile.PAX_FORMAT, "ustar": tarfile.USTAR_FORMAT}[sys.argv[2]]
types = {"file": tarfile.REGTYPE, "dir": tarfile.DIRTYPE, "symlink": tarfile.SYMTYPE, "hardlink": tarfile.LNKTYPE, "chardev": tarfile.CHRTYPE}
with tarfile.open(sys.argv[1], "w:gz", format=fmt) as tar:
    for m in json.loads(sys.stdin.read()):
        info = tarfile.TarInfo(m["name"])
        info.type = types[m.get("type", "file")]
        info.mode = m.get("mode", 0o644)
        info.linkname = m.get("link", "")
        body = m.get("body", "").encode()
        info.size = len(body) if info.type == tarfile.REGTYPE else 0
        tar.addfile(info, io.BytesIO(body) if info.size else None)
`
  execFileSync('python3', ['-c', script, file, format], { input: JSON.stringify(members) })
  return file
}

const refused = async (members: Member[], format?: 'gnu' | 'pax' | 'ustar') =>
  archiveEscape(await listTarGz(craft(members, format)))

describe('listTarGz', () => {
  it.each(['gnu', 'pax', 'ustar'] as const)(
    'reads names, types and links of a %s archive',
    async (format) => {
      const deep = `${'d'.repeat(60)}/${'e'.repeat(60)}/file.txt`
      const entries = await listTarGz(
        craft(
          [
            { name: 'bin', type: 'dir' },
            { name: 'bin/python3.11', body: 'x'.repeat(1500) },
            { name: 'bin/python3', type: 'symlink', link: 'python3.11' },
            { name: 'bin/same', type: 'hardlink', link: 'bin/python3.11' },
            { name: deep, body: 'deep' },
          ],
          format,
        ),
      )
      expect(entries).toEqual([
        { name: 'bin/', type: 'directory' },
        { name: 'bin/python3.11', type: 'file' },
        { name: 'bin/python3', type: 'symlink', linkname: 'python3.11' },
        { name: 'bin/same', type: 'hardlink', linkname: 'bin/python3.11' },
        { name: deep, type: 'file' },
      ])
    },
  )

  it('reads a name longer than 100 characters from a GNU long-name member', async () => {
    const long = `${'x'.repeat(150)}/../../escape`
    expect((await listTarGz(craft([{ name: long }], 'gnu')))[0]?.name).toBe(long)
  })

  it('fails on a cut archive instead of calling it safe', async () => {
    const whole = fs.readFileSync(craft([{ name: 'big', body: 'y'.repeat(200_000) }]))
    const cut = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spe-cut-')), 'cut.tar.gz')
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)))
    await expect(listTarGz(cut)).rejects.toThrow()
  })
})

describe('archiveEscape: members that would land outside the target are refused', () => {
  it('accepts a python-versions like layout with relative links inside', async () => {
    expect(
      await refused([
        { name: './bin/python3.11', body: 'x' },
        { name: './bin/python3', type: 'symlink', link: 'python3.11' },
        { name: './python', type: 'symlink', link: './bin/python3.11' },
        { name: './lib/python3.11/site.py' },
        { name: './lib/python3.11/config/libpython.so', type: 'symlink', link: '../../libpython3.11.so' },
        { name: './lib/hard', type: 'hardlink', link: './bin/python3.11' },
      ]),
    ).toBeUndefined()
  })

  it.each<[string, Member[], RegExp]>([
    ['a .. member', [{ name: '../evil.txt' }], /'\.\.\/evil\.txt' points outside/],
    ['a .. in the middle', [{ name: 'lib/../../evil.txt' }], /points outside/],
    ['an absolute member', [{ name: '/tmp/evil.txt' }], /'\/tmp\/evil\.txt' points outside/],
    ['a symlink to an absolute path', [{ name: 'etc', type: 'symlink', link: '/etc' }], /is absolute/],
    [
      'a symlink climbing out',
      [{ name: 'lib/up', type: 'symlink', link: '../../home' }],
      /symlink 'lib\/up' -> '\.\.\/\.\.\/home' points outside/,
    ],
    [
      'a symlink climbing out through another symlink',
      [
        { name: 'here', type: 'symlink', link: '.' },
        { name: 'out', type: 'symlink', link: 'here/..' },
      ],
      /symlink 'out'/,
    ],
    [
      'a hardlink to a file outside',
      [{ name: 'passwd', type: 'hardlink', link: '../../../etc/passwd' }],
      /hardlink 'passwd'/,
    ],
    [
      'a hardlink to an absolute path',
      [{ name: 'shadow', type: 'hardlink', link: '/etc/shadow' }],
      /hardlink/,
    ],
    ['a device file', [{ name: 'dev/null', type: 'chardev' }], /device or special file/],
    ['a long GNU name climbing out', [{ name: `${'x'.repeat(150)}/../../escape` }], /points outside/],
  ])('refuses %s', async (_what, members, message) => {
    expect(await refused(members)).toMatch(message)
  })

  it('refuses a pax path that climbs out', async () => {
    expect(await refused([{ name: `${'p'.repeat(120)}/../../../evil` }], 'pax')).toMatch(/points outside/)
  })
})

describe('installArchive with a hostile archive', () => {
  it('refuses it before extracting: nothing in the tool cache, nothing next to it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spe-hostile-'))
    const toolCache = path.join(root, 'toolcache')
    fs.mkdirSync(toolCache)
    const archive = craft([
      { name: 'bin/python3.11', body: fakePythonScript('3.11.7'), mode: 0o755 },
      { name: '../../../../escaped.txt', body: 'pwned' },
      { name: 'bin/esc', type: 'symlink', link: '../../../../../..' },
    ])
    await expect(assertSafeTarGz(archive)).rejects.toThrow(/the archive was refused/)
    await expect(installArchive(archive, toolCache, '3.11.7', 'x64', 'linux')).rejects.toThrow(
      /the archive was refused: '\.\.\/\.\.\/\.\.\/\.\.\/escaped\.txt' points outside/,
    )
    expect(fs.readdirSync(path.join(toolCache, 'Python'))).toEqual([])
    expect(fs.readdirSync(root)).toEqual(['toolcache'])
  })
})
