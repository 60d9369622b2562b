import { parseJamfServer, parseRetryAfter } from '../../src/index.js';

const server = parseJamfServer('https://tenant.jamfcloud.com/JSSResource/');
console.log(server.apiRoot); // https://tenant.jamfcloud.com/api
console.log(parseRetryAfter('120', Date.now())); // 120000
