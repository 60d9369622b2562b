const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** RFC 2616 sections the page links to, by status (`#sec10.4.10` for 409, as live pages do). */
const RFC_2616_SECTION: Readonly<Record<number, string>> = {
  400: '10.4.1',
  401: '10.4.2',
  403: '10.4.4',
  404: '10.4.5',
  405: '10.4.6',
  409: '10.4.10',
  413: '10.4.14',
  415: '10.4.16',
  500: '10.5.1',
};

/**
 * The HTML status page Classic answers errors with (`text/html`), carrying the reason as
 * `<p>Error: …</p>` the way Jamf's Classic API does (e.g. 409 "Error: Duplicate name"). The page
 * is the one live servers send, spacing and closing paragraph included (recorded in
 * grokability/jamf2snipe#148 and jamf/mut#11): ruby-jss reads a 400's reason only when the
 * closing "technical details" paragraph follows it (`lib/jamf/api/connection/classic_api.rb`).
 */
export function classicError(status: number, message: string): Response {
  const title = STATUS_TEXT[status] ?? 'Error';
  const section = RFC_2616_SECTION[status];
  const anchor = section === undefined ? '' : `#sec${section}`;
  const html =
    '<html>\n<head>\n   <title>Status page</title>\n</head>\n<body style="font-family: sans-serif;">\n' +
    `<p style="font-size: 1.2em;font-weight: bold;margin: 1em 0px;">${title}</p>\n` +
    `<p>Error: ${escapeHtml(message)}</p>\n` +
    `<p>You can get technical details <a href="http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html${anchor}">here</a>.<br>\n` +
    'Please continue your visit at our <a href="/">home page</a>.\n</p>\n</body>\n</html>\n';
  return new Response(html, { status, headers: { 'content-type': 'text/html;charset=UTF-8' } });
}
