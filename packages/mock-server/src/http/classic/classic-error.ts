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

/**
 * The HTML status page Classic answers errors with (`text/html`), carrying the reason as
 * `<p>Error: …</p>` the way Jamf's Classic API does (e.g. 409 "Error: Duplicate name").
 */
export function classicError(status: number, message: string): Response {
  const title = STATUS_TEXT[status] ?? 'Error';
  const html =
    '<html>\n<head>\n<title>Status page</title>\n</head>\n<body style="font-family:sans-serif;">\n' +
    `<p style="font-size:1.2em;font-weight:bold;margin:1em 0px;">${title}</p>\n` +
    `<p>Error: ${escapeHtml(message)}</p>\n` +
    '</body>\n</html>\n';
  return new Response(html, { status, headers: { 'content-type': 'text/html;charset=UTF-8' } });
}
