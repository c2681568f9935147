import { type Finding, makeFinding } from '../../model/finding.js'
import { baseImages } from '../../project/parsers/dockerfile.js'
import { projectDependsOn } from '../lookup.js'
import type { Rule } from '../rule.js'

const ML_PACKAGES = ['numpy', 'scipy', 'pandas', 'scikit-learn', 'torch', 'tensorflow']

export const dockerAlpineMlRule: Rule = {
  id: 'docker-alpine-ml',
  defaultSeverity: 'warning',
  description:
    'An alpine (musl) base image for a project that needs numpy/scipy/pandas/scikit-learn: slow source builds or different wheels.',
  example: 'Dockerfile:  FROM python:3.11-alpine\nrequirements.txt:  numpy==1.26.4',
  fix: 'Use a glibc image such as `python:3.11-slim-bookworm`, where manylinux wheels install as tested.',
  check(ctx) {
    const findings: Finding[] = []
    let needs: string[] | undefined
    for (const dockerfile of ctx.dockerfiles) {
      const pipLines = dockerfile.instructions
        .filter((instruction) => instruction.keyword === 'RUN')
        .map((instruction) => instruction.args.toLowerCase())
      for (const image of baseImages(dockerfile)) {
        if (!/alpine/i.test(`${image.image}:${image.tag ?? ''}`)) continue
        needs ??= [
          ...new Set([
            ...projectDependsOn(ctx, ML_PACKAGES),
            ...ML_PACKAGES.filter((name) => pipLines.some((line) => new RegExp(`\\b${name}\\b`).test(line))),
          ]),
        ]
        if (needs.length === 0) continue
        findings.push(
          makeFinding(this.id, {
            message: `${dockerfile.file} builds on ${image.image}${image.tag ? `:${image.tag}` : ''} (alpine, musl), but the project needs ${needs.join(', ')}, which are tested on glibc wheels.`,
            file: dockerfile.file,
            line: image.line,
            fix: 'Use a glibc base such as `python:3.11-slim-bookworm`.',
          }),
        )
      }
    }
    return findings
  },
}
