'use strict'
// Launcher started by dev.shortener.localservers.S3Process: s3rver (an S3 emulator) on a free loopback port,
// its objects in S3RVER_DIR; ./launcher reports the port and stops it when stdin closes.
var S3rver = require('s3rver')
var launcher = require('./launcher')

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
    launcher.fail('s3rver failed: ' + (err && err.stack || err))
  }
  launcher.reportPort(address.port)
})

launcher.stopWhenStdinCloses(function (done) { server.close(done) })
