import { createHmac, randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'

export interface StoredEntry {
  id: number
  key: string
  version: string
  /** Bytes of the finalized archive; -1 while the upload is pending. */
  size: number
  finalized: boolean
  createdAt: number
}

interface Index {
  nextId: number
  secret: string
  entries: StoredEntry[]
}

/**
 * The loopback cache service's entries on disk: `index.json` plus one blob file per entry, so
 * entries written by one process (a first local run) are found by the next.
 */
export class CacheStore {
  private readonly indexFile: string
  private readonly blobDir: string

  constructor(readonly dir: string) {
    this.indexFile = path.join(dir, 'index.json')
    this.blobDir = path.join(dir, 'blobs')
    fs.mkdirSync(this.blobDir, { recursive: true })
  }

  /** Lookup the way the service does: each key exact first, then as a prefix, newest first. */
  lookup(keys: string[], version: string): StoredEntry | undefined {
    const entries = this.read()
      .entries.filter((entry) => entry.finalized && entry.version === version)
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    for (const key of keys) {
      const found = entries.find((entry) => entry.key === key) ?? entries.find((e) => e.key.startsWith(key))
      if (found) return found
    }
    return undefined
  }

  find(key: string, version: string): StoredEntry | undefined {
    return this.read().entries.find((e) => e.finalized && e.key === key && e.version === version)
  }

  reserve(key: string, version: string): number {
    const index = this.read()
    const id = index.nextId++
    index.entries = index.entries.filter((e) => e.finalized || e.key !== key || e.version !== version)
    index.entries.push({ id, key, version, size: -1, finalized: false, createdAt: Date.now() })
    this.write(index)
    return id
  }

  /** Marks an upload complete when the blob has the size the client reports. */
  finalize(key: string, version: string, size: number): StoredEntry | undefined {
    const index = this.read()
    const entry = index.entries.find((e) => !e.finalized && e.key === key && e.version === version)
    if (!entry || !fs.existsSync(this.blobPath(entry.id))) return undefined
    if (fs.statSync(this.blobPath(entry.id)).size !== size) return undefined
    entry.size = size
    entry.finalized = true
    entry.createdAt = Date.now()
    this.write(index)
    return entry
  }

  /** The newest finalized entry with this key, and its archive (for the benchmark's raw extract). */
  latest(key: string): { entry: StoredEntry; archive: string } | undefined {
    const entry = this.read()
      .entries.filter((e) => e.finalized && e.key === key)
      .sort((a, b) => b.createdAt - a.createdAt)[0]
    return entry ? { entry, archive: this.blobPath(entry.id) } : undefined
  }

  /** Swaps an entry's archive for another file (tests use it to plant a damaged entry). */
  replaceArchive(key: string, file: string): void {
    const index = this.read()
    const entry = index.entries.find((e) => e.finalized && e.key === key)
    if (!entry) throw new Error(`no entry ${key}`)
    fs.copyFileSync(file, this.blobPath(entry.id))
    entry.size = fs.statSync(file).size
    this.write(index)
  }

  finalizedKeys(): string[] {
    return this.read()
      .entries.filter((e) => e.finalized)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((e) => e.key)
  }

  pending(id: number): boolean {
    return this.read().entries.some((e) => e.id === id && !e.finalized)
  }

  exists(id: number): boolean {
    return this.read().entries.some((e) => e.id === id && e.finalized)
  }

  blobPath(id: number): string {
    return path.join(this.blobDir, `${id}.bin`)
  }

  blockDir(id: number): string {
    return path.join(this.blobDir, `${id}.blocks`)
  }

  /** The `sig` of a signed URL: an HMAC of the entry id with this store's secret. */
  signature(id: number): string {
    return createHmac('sha256', this.read().secret).update(String(id)).digest('hex')
  }

  private read(): Index {
    if (!fs.existsSync(this.indexFile)) {
      const fresh: Index = { nextId: 1, secret: randomBytes(16).toString('hex'), entries: [] }
      this.write(fresh)
      return fresh
    }
    return JSON.parse(fs.readFileSync(this.indexFile, 'utf8')) as Index
  }

  private write(index: Index): void {
    const tmp = `${this.indexFile}.${process.pid}.tmp`
    fs.writeFileSync(tmp, JSON.stringify(index, null, 2))
    fs.renameSync(tmp, this.indexFile)
  }
}
