import type { PictureHost } from '../core/picture-host.js';
import type { Logger } from '../log.js';
import { PICTURES_ROUTE } from '../pictures/hosting.js';
import { type RequestHandler, refusedMethod, sendText } from './http.js';

const NAME = /^([0-9a-f]{32})\.png$/;

/**
 * GET /pictures/<key>.png: the pictures replies link to, fetched by Slack's
 * and Discord's image proxies. A picture's name is a hash of its bytes, so
 * the answer never changes and may be cached for good.
 */
export function createPicturesHandler(host: PictureHost, log: Logger): RequestHandler {
  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] as string;
    if (!path.startsWith(PICTURES_ROUTE)) return false;
    if (refusedMethod(req, res)) return true;
    const head = req.method === 'HEAD';
    const key = NAME.exec(path.slice(PICTURES_ROUTE.length))?.[1];
    if (!key) {
      sendText(res, 404, 'no such picture\n', head);
      return true;
    }
    host
      .read(key)
      .then((png) => {
        if (!png)
          return sendText(res, 404, 'no such picture (pictures are kept 30 days after they were last shown)\n', head);
        res.writeHead(200, {
          'content-type': 'image/png',
          'content-length': png.byteLength,
          'cache-control': 'public, max-age=31536000, immutable',
          etag: `"${key}"`,
        });
        res.end(head ? undefined : png);
      })
      .catch((error: unknown) => {
        log.error({ err: error, path }, 'picture could not be read');
        if (!res.headersSent) sendText(res, 503, 'picture store unavailable, try again\n', head);
        else res.destroy();
      });
    return true;
  };
}
