import * as core from '@actions/core'

export interface StageTiming {
  stage: string
  seconds: number
  outcome: 'ok' | 'failed' | 'skipped'
}

/** Runs one pipeline stage inside a collapsible log group and records how long it took. */
export async function runStage<T>(timings: StageTiming[], stage: string, body: () => Promise<T>): Promise<T> {
  const started = performance.now()
  let outcome: StageTiming['outcome'] = 'failed'
  try {
    const result = await core.group(stage, body)
    outcome = 'ok'
    return result
  } finally {
    const seconds = (performance.now() - started) / 1000
    timings.push({ stage, seconds, outcome })
    core.info(`${stage}: ${outcome} in ${seconds.toFixed(1)}s`)
  }
}

export function skipStage(timings: StageTiming[], stage: string, why: string): void {
  timings.push({ stage, seconds: 0, outcome: 'skipped' })
  core.info(`${stage}: skipped (${why})`)
}

/** runStage and skipStage bound to one run's timings: what main hands to the stages. */
export interface Stages {
  <T>(stage: string, body: () => Promise<T>): Promise<T>
  skip(stage: string, why: string): void
  readonly timings: StageTiming[]
}

export function stagesOf(timings: StageTiming[] = []): Stages {
  const run = <T>(stage: string, body: () => Promise<T>) => runStage(timings, stage, body)
  return Object.assign(run, {
    skip: (stage: string, why: string) => skipStage(timings, stage, why),
    timings,
  })
}

/** Runs one step of a stage and logs its time, so a slow run shows where it went. */
export async function timed<T>(what: string, body: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await body()
  } finally {
    core.info(`${what} took ${((performance.now() - started) / 1000).toFixed(2)}s`)
  }
}
