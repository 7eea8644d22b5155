/**
 * A stand-in WPS 表格 for the built WPS task pane in Chromium: the ET double (src/wps/testing/etDouble.ts)
 * over the grids the test server read, exposed as the `wps` global a WPS 加载项 page gets. Loaded before
 * the pane bundle. Not part of the add-in.
 */
import type { Grid } from '../../src/core/grid';
import type { WpsGlobal } from '../../src/wps/etApi';
import { etAppFromGrids } from '../../src/wps/testing/etDouble';

const w = window as unknown as { __WPS_GRIDS__: Grid[]; wps: WpsGlobal; __wpsDouble: unknown };
const app = etAppFromGrids(w.__WPS_GRIDS__);
const storage = new Map<string, string>();
w.__wpsDouble = app;
w.wps = {
  EtApplication: () => app,
  CreateTaskPane: () => {
    throw new Error('not in a pane test');
  },
  GetTaskPane: () => null,
  PluginStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, String(v)) },
};
