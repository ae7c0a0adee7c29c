/**
 * The runtime a unit test assembles a gate with: the whole built-in catalog,
 * its lazy parts as modules, and no banner (a test that needs one passes its own).
 */
import { localChunks } from '../../src/chunks-local';
import { compileRules } from '../../src/guard/rules';
import { declaredService } from '../../src/declare';
import type { Runtime } from '../../src/create';
import type { BannerModule } from '../../src/ui/banner-types';
import type { Vendor } from '../../src/types';
import { catalog } from '../../vendors/index';

const noBanner = () => Promise.reject(new Error('no banner in unit tests')) as Promise<BannerModule>;

/** A runtime over `vendors` (default: the whole catalog); `extra` overrides any part of it. */
export function testRuntime(
  extra: Partial<Runtime> & { loadBanner?: () => Promise<BannerModule> } = {},
  vendors: readonly Vendor[] = catalog,
): Runtime {
  const { loadBanner, ...rest } = extra;
  return {
    rules: compileRules(vendors),
    vendors,
    declare: declaredService,
    chunks: { ...localChunks(vendors), banner: loadBanner ?? noBanner },
    autoShow: false,
    guard: null,
    ...rest,
  };
}
