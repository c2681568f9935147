import { workWasAbandoned } from './cache/deadline.js'
import { runPost } from './post.js'

await runPost()
// A cache request abandoned at its deadline may hold a socket open: do not wait for it.
if (workWasAbandoned()) process.exit()
