/**
 * Builds the task pane and the ribbon commands into dist/, with the manifest and icons.
 *
 *   npm run build       production bundles (no source maps), manifest URLs rewritten to $ADDIN_URL if set
 *   npm run build:dev   development bundles with source maps
 *   npm run dev-server  https://localhost:3000 (or http when no dev certificate can be made)
 *
 * Type checking is not done here (ts-loader transpileOnly): `npm run lint` runs tsc.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const PORT = 3000;

/** The origin the production manifest points at: $ADDIN_URL (with a trailing slash) or the dev URL. */
function productionUrl() {
  const url = (process.env.ADDIN_URL || '').trim();
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
  const addinUrl = dev ? DEV_URL : productionUrl();

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
      path: path.resolve(__dirname, 'dist'),
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
    performance: dev ? { hints: false } : { hints: 'warning', maxAssetSize: 1 << 20, maxEntrypointSize: 1 << 20 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
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
