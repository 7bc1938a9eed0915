import type { FastifyInstance } from 'fastify';

/** Every registered route, so an unmatched request can tell "wrong method" (405) from "no such path" (404). */
export class RouteTable {
  private readonly routes: { method: string; pattern: RegExp }[] = [];

  attach(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const pattern = new RegExp(
        `^${normalize(route.url)
          .replace(/:[^/]+/g, '[^/]+')
          .replace(/\*/g, '.*')}$`,
      );
      for (const method of methods) this.routes.push({ method, pattern });
    });
  }

  allowedMethods(url: string): string[] {
    const path = normalize(url.split('?')[0]);
    return [...new Set(this.routes.filter((r) => r.pattern.test(path)).map((r) => r.method))].filter((m) => m !== 'HEAD');
  }
}

const normalize = (path: string): string => path.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
