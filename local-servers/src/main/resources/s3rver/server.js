'use strict'
// Launcher started by dev.shortener.localservers.S3Process: s3rver (an S3 emulator) on a free loopback port,
// its objects in S3RVER_DIR. It reports that port as one JSON line on stdout and exits when its stdin closes:
// the JVM holds the other end of that pipe, so the emulator can never outlive the JVM, even one killed with
// SIGKILL.
var S3rver = require('s3rver')

var server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: process.env.S3RVER_DIR,
  // Path-style requests only: the tests' clients use them.
  vhostBuckets: false
})

server.run(function (err, address) {
  if (err) {
    console.error('s3rver failed: ' + (err && err.stack || err))
    process.exit(1)
  }
  process.stdout.write(JSON.stringify({ port: address.port }) + '\n')
})

var stopping = false
function stop () {
  if (stopping) return
  stopping = true
  setTimeout(function () { process.exit(0) }, 5000).unref()
  server.close(function () { process.exit(0) })
}

process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.on('error', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
