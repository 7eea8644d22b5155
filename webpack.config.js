/**
 * Builds the task pane and the ribbon commands into dist/, with the manifest and icons.
 *
 *   npm run build       production bundles (no source maps), manifest URLs rewritten to $ADDIN_URL if set
 *   ADDIN_URL=https://内网服务器/jixiao/ OFFICE_JS=local npm run build
 *                       intranet build: office.js copied into dist/office-js/ and loaded from the add-in's origin
 *   npm run build:dev   development bundles with source maps
 *   npm run dev-server  https://localhost:3000 (or http when no dev certificate can be made)
 *
 * Type checking is not done here (ts-loader transpileOnly): `npm run lint` runs tsc.
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where an intranet build (OFFICE_JS=local) serves office.js and its host files from, under the add-in's origin. */
const LOCAL_OFFICE_DIR = 'office-js';
/** The ES5 loader inlined into both pages (old-webview check, then the bundles). */
const LOADER = fs.readFileSync(path.resolve(__dirname, 'src/taskpane/oldWebview.js'), 'utf8');

/**
 * office.js and the files it loads next to itself, copied from @microsoft/office-js for an intranet build:
 * the Excel host scripts (office.js picks one by host and platform), every locale's office_strings.js and the
 * telemetry script it names, without the .debug.js twins. `info.minimized` stops the minifier from touching
 * Microsoft's files (already minified; rewriting 9 MB would only cost time and risk).
 */
function officeJsPatterns() {
  const from = path.dirname(require.resolve('@microsoft/office-js/package.json'));
  const dist = path.join(from, 'dist');
  const info = { minimized: true };
  const skipDebug = { ignore: ['**/*.debug.js'] };
  return [
    { from: path.join(dist, 'office.js'), to: `${LOCAL_OFFICE_DIR}/office.js`, info },
    { from: path.join(dist, 'o15apptofilemappingtable.js'), to: `${LOCAL_OFFICE_DIR}/o15apptofilemappingtable.js`, info },
    { from: path.join(dist, 'es6-promise.js'), to: `${LOCAL_OFFICE_DIR}/es6-promise.js`, info },
    { from: 'excel*.js', context: dist, to: `${LOCAL_OFFICE_DIR}/[name][ext]`, globOptions: skipDebug, info },
    { from: '*/office_strings.js', context: dist, to: `${LOCAL_OFFICE_DIR}/[path][name][ext]`, info },
    { from: 'telemetry/*.js', context: dist, to: `${LOCAL_OFFICE_DIR}/[path][name][ext]`, globOptions: skipDebug, info },
  ];
}

/** The origin the production manifest points at: $ADDIN_URL (or --env ADDIN_URL=…, with a trailing slash) or the dev URL. */
function productionUrl(env) {
  const url = String(env.ADDIN_URL || process.env.ADDIN_URL || '').trim();
  if (!url) return DEV_URL;
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * https options for the dev server from office-addin-dev-certs, or null (plain http) when no
 * certificate can be made or trusted here (e.g. no sudo, headless Linux). JIXIAO_DEV_HTTP=1 skips it.
 */
async function devHttpsOptions() {
  if (process.env.JIXIAO_DEV_HTTP === '1') return null;
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    console.warn(
      `\n[dev-server] 无法获取 localhost 开发证书，改用 http：${reason}\n` +
        '[dev-server] No trusted dev certificate: serving plain http. Office requires https to sideload;\n' +
        '[dev-server] run `npx office-addin-dev-certs install` (needs admin rights), then restart.\n',
    );
    return null;
  }
}

/** TypeScript through ts-loader; shared with the demo host's bundle (demo/webpack.demo.js). */
function typescriptRule(sourceMap) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: {
        transpileOnly: true,
        configFile: path.resolve(__dirname, 'tsconfig.json'),
        // ES modules let webpack tree-shake Fluent UI (its icon set alone is megabytes as CommonJS).
        compilerOptions: { module: 'es2020', sourceMap },
      },
    },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const https = serving ? await devHttpsOptions() : null;
  if (serving) {
    console.log(
      https
        ? `[dev-server] https://localhost:${PORT}/taskpane.html (https, office-addin-dev-certs)`
        : `[dev-server] http://localhost:${PORT}/taskpane.html (plain http — manifest.xml still says https)`,
    );
  }
  const addinUrl = dev ? DEV_URL : productionUrl(env);
  // OFFICE_JS=local: an intranet build, office.js from the add-in's own origin (no request to any outside host).
  const localOffice = String(env.OFFICE_JS || process.env.OFFICE_JS || '').trim() === 'local';
  if (localOffice && !dev && addinUrl === DEV_URL) {
    throw new Error('OFFICE_JS=local 需要同时指定 ADDIN_URL（内网服务器上加载项的 https 地址），例如 ADDIN_URL=https://jixiao.czj.gov/ OFFICE_JS=local npm run build');
  }
  const officeJs = localOffice ? `${LOCAL_OFFICE_DIR}/office.js` : OFFICE_CDN;

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      // The pane page is also the shared runtime page, so its bundle carries the commands too:
      // one module registry, so the pane and the ribbon functions share state.
      taskpane: ['./src/commands/commands.ts', './src/taskpane/index.tsx'],
      commands: './src/commands/commands.ts',
    },
    output: {
      // env.outputPath: a second build beside dist/ (the intranet build's tests).
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'],
    },
    module: {
      rules: [
        typescriptRule(dev),
      ],
    },
    // Warn (not fail) when the pane bundle grows past 1 MiB minified: it loads inside Excel on every open.
    // Microsoft's own office.js files (intranet build) are not ours to budget.
    performance: dev
      ? { hints: false }
      : { hints: 'warning', maxAssetSize: 1 << 20, maxEntrypointSize: 1 << 20, assetFilter: (name) => !name.startsWith(`${LOCAL_OFFICE_DIR}/`) && /\.js$/.test(name) },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // The page's own ES5 loader requests the bundle (or, in an old webview, does not): no <script> tag.
        inject: false,
        officeJs,
        loader: LOADER,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        inject: false,
        officeJs,
        loader: LOADER,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) =>
              addinUrl === DEV_URL ? content : content.toString().split(DEV_URL).join(addinUrl),
          },
          ...(localOffice ? officeJsPatterns() : []),
        ],
      }),
    ],
    devServer: {
      port: PORT,
      server: https ? { type: 'https', options: https } : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.typescriptRule = typescriptRule;
