// Test harness: runs a CloudFront Functions viewer-request handler on Node.js the way CloudFront calls it.
//
// stdin:  {"code": "<FunctionCode>", "accepts": [...], "querystring": {...}?, "uri": "/..."?}, each accept null (no header), a
//         string (sent once) or an array of strings (sent several times: CloudFront gives `value` the first and
//         `multiValue` all); querystring, in CloudFront's shape, goes into every request (default: none).
// stdout: one result per accept, in order: {"request": <the object the handler returned>} or {"error": "..."}.
'use strict';

const vm = require('vm');

function event(accept, querystring, uri) {
  const headers = {
    host: { value: 'd111111abcdef8.cloudfront.net' },
    'user-agent': { value: 'harness' },
  };
  if (typeof accept === 'string') {
    headers.accept = { value: accept };
  } else if (Array.isArray(accept)) {
    headers.accept = { value: accept[0], multiValue: accept.map((value) => ({ value })) };
  }
  return {
    version: '1.0',
    context: {
      distributionDomainName: 'd111111abcdef8.cloudfront.net',
      distributionId: 'EDFDVBD6EXAMPLE',
      eventType: 'viewer-request',
      requestId: 'harness',
    },
    viewer: { ip: '198.51.100.11' },
    request: { method: 'GET', uri: uri || '/aB3dE5f', querystring: JSON.parse(JSON.stringify(querystring || {})), headers, cookies: {} },
  };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { code, accepts, querystring, uri } = JSON.parse(input);
  // A global scope of its own, without require or process, and strict mode, which CloudFront always applies.
  const handler = vm.runInNewContext('"use strict";\n' + code + '\n;handler', {}, { filename: 'FunctionCode' });
  if (typeof handler !== 'function') {
    throw new Error('FunctionCode defines no function handler(event)');
  }
  const results = accepts.map((accept) => {
    try {
      return { request: handler(event(accept, querystring, uri)) };
    } catch (e) {
      return { error: String(e && e.stack || e) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
