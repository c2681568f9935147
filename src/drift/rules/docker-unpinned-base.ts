import { type Finding, makeFinding } from '../../model/finding.js'
import { baseImages } from '../../project/parsers/dockerfile.js'
import type { Rule } from '../rule.js'

export const dockerUnpinnedBaseRule: Rule = {
  id: 'docker-unpinned-base',
  defaultSeverity: 'warning',
  description:
    'A Dockerfile FROM uses `latest` or no tag, so the base image (and its Python) changes under you.',
  example: 'Dockerfile:  FROM python',
  fix: 'Name the exact image, e.g. `FROM python:3.11.9-slim-bookworm` (or pin a digest with @sha256:…).',
  check(ctx) {
    const findings: Finding[] = []
    for (const dockerfile of ctx.dockerfiles) {
      const stages = new Set<string>()
      for (const image of baseImages(dockerfile)) {
        const refersToStage = stages.has(image.image.toLowerCase())
        if (image.stage) stages.add(image.stage.toLowerCase())
        if (refersToStage || image.digest || image.image === 'scratch' || image.image.includes('$')) continue
        if (image.tag && image.tag !== 'latest') continue
        findings.push(
          makeFinding(this.id, {
            message: `${dockerfile.file} uses ${image.image}${image.tag ? ':latest' : ' without a tag'}, which moves to new releases on its own.`,
            file: dockerfile.file,
            line: image.line,
            fix: `Pin the tag, e.g. \`FROM ${image.image}:<version>\`, or a digest \`${image.image}@sha256:…\`.`,
          }),
        )
      }
    }
    return findings
  },
}
