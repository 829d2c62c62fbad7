'use strict'
// Launcher started by dev.shortener.localservers.DynaliteProcess.
// It listens on a free loopback port, reports that port as one JSON line on stdout, and exits when its
// stdin closes: the JVM holds the other end of that pipe, so the emulator can never outlive the JVM,
// even one killed with SIGKILL.
var http = require('http')
var dynalite = require('dynalite')

var server = dynalite({
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
  path: process.env.DYNALITE_PATH || undefined
})

server.on('error', function (err) {
  console.error('dynalite failed: ' + (err && err.stack || err))
  process.exit(1)
})

server.listen(0, '127.0.0.1', function () {
  var port = server.address().port
  // One request to itself before the port is reported: a data dir that cannot be opened (in use by
  // another emulator, say) then fails the start, with its reason on stderr, not the first real request.
  var req = http.request({
    host: '127.0.0.1',
    port: port,
    method: 'POST',
    path: '/',
    headers: {
      'Content-Type': 'application/x-amz-json-1.0',
      'X-Amz-Target': 'DynamoDB_20120810.ListTables',
      'X-Amz-Date': '20240101T000000Z',
      'Authorization': 'AWS4-HMAC-SHA256 Credential=LOCAL/20240101/us-east-1/dynamodb/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=' + '0'.repeat(64)
    }
  }, function (res) {
    var body = ''
    res.setEncoding('utf8')
    res.on('data', function (chunk) { body += chunk })
    res.on('end', function () {
      if (res.statusCode !== 200) {
        console.error('dynalite answered its own ListTables with HTTP ' + res.statusCode + ': ' + body)
        process.exit(1)
      }
      process.stdout.write(JSON.stringify({ port: port }) + '\n')
    })
  })
  req.on('error', function (err) {
    console.error('dynalite did not answer its own ListTables: ' + err)
    process.exit(1)
  })
  req.end('{}')
})

var stopping = false
function stop () {
  if (stopping) return
  stopping = true
  // Give the store a moment to close cleanly (a data dir must be left consistent), then go regardless.
  setTimeout(function () { process.exit(0) }, 5000).unref()
  server.close(function () { process.exit(0) })
  server.closeAllConnections()
}

process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.on('error', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
