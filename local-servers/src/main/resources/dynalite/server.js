'use strict'
// Launcher started by dev.shortener.localservers.DynaliteProcess: dynalite on a free loopback port, its data in
// DYNALITE_PATH (in memory without one); ./launcher reports the port and stops it when stdin closes.
var http = require('http')
var dynalite = require('dynalite')
var launcher = require('./launcher')

var server = dynalite({
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
  path: process.env.DYNALITE_PATH || undefined
})

server.on('error', function (err) {
  launcher.fail('dynalite failed: ' + (err && err.stack || err))
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
        launcher.fail('dynalite answered its own ListTables with HTTP ' + res.statusCode + ': ' + body)
      }
      launcher.reportPort(port)
    })
  })
  req.on('error', function (err) {
    launcher.fail('dynalite did not answer its own ListTables: ' + err)
  })
  req.end('{}')
})

launcher.stopWhenStdinCloses(function (done) {
  server.close(done)
  server.closeAllConnections()
})
