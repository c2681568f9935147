import { workWasAbandoned } from './cache/deadline.js'
import { run } from './main.js'

await run()
// A cache request abandoned at its deadline may hold a socket open: do not wait for it.
if (workWasAbandoned()) process.exit()
