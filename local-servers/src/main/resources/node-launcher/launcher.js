'use strict'
// What every emulator's launcher (server.js, copied beside this file) shares with the JVM that starts it
// (dev.shortener.localservers.NodeServerLauncher): the port reported as one JSON line on stdout, a failure on
// stderr with exit code 1, and an exit when stdin closes. The JVM holds the other end of that pipe, so the
// emulator can never outlive the JVM, even one killed with SIGKILL.

exports.reportPort = function (port) {
  process.stdout.write(JSON.stringify({ port: port }) + '\n')
}

exports.fail = function (message) {
  console.error(message)
  process.exit(1)
}

// close(done) closes the server and calls done once it has; it gets a moment for that (a data dir must be left
// consistent), then the process goes regardless.
exports.stopWhenStdinCloses = function (close) {
  var stopping = false
  function stop () {
    if (stopping) return
    stopping = true
    setTimeout(function () { process.exit(0) }, 5000).unref()
    close(function () { process.exit(0) })
  }
  process.stdin.on('end', stop)
  process.stdin.on('close', stop)
  process.stdin.on('error', stop)
  process.stdin.resume()
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
