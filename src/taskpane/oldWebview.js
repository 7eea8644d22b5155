/*
 * The pages' loader, inlined into taskpane.html and commands.html by the build. ES5 only (a test parses it
 * as ES5): it must run in the Internet Explorer 11 webview (Trident) and in Microsoft Edge Legacy (EdgeHTML),
 * which reject the whole ES2022 bundle, so that those users read what to do instead of a blank pane.
 *
 * Follows Microsoft Learn, "Support older Microsoft webviews and Office versions": detect Trident / EdgeHTML
 * from navigator.userAgent as early as possible and give a graceful failure message. WebView2 (Chromium Edge)
 * says "Edg/", never "Edge/". Which Office uses which webview: "Browsers and webview controls used by Office
 * Add-ins" (volume-licensed Office 2016/2019 always Trident; retail 2016/2019 and older Microsoft 365 without
 * the WebView2 runtime fall back to EdgeHTML or Trident; a manifest with <Runtimes> never gets EdgeHTML).
 */
/* exported jixiaoLoad */

/** Whether this user agent is one of the old webviews the bundle cannot run in. */
function jixiaoOldWebview(userAgent) {
  return userAgent.indexOf('Trident/') !== -1 || / Edge\/\d/.test(userAgent);
}

/**
 * Loads the bundles in order, or, in an old webview, shows the Chinese message in place of `targetId`'s
 * content and requests nothing.
 */
function jixiaoLoad(bundles, targetId) {
  var i;
  if (jixiaoOldWebview(navigator.userAgent)) {
    var target = document.getElementById(targetId);
    if (!target) {
      target = document.createElement('div');
      document.body.appendChild(target);
    }
    target.innerHTML =
      '<div role="alert" style="padding:16px;font-size:14px;line-height:1.6;color:#323130">' +
      '<p style="margin:0 0 8px;font-weight:bold;color:#a4262c">绩效自评助手无法在这个版本的 Office 中运行</p>' +
      '<p style="margin:0 0 8px">您的 Excel 用旧的网页组件（Internet Explorer 11 或旧版 Microsoft Edge）显示加载项，' +
      '这个组件不支持本加载项使用的网页技术。批量许可版 Office 2016、Office 2019 总是使用它；' +
      '零售版 Office 2016/2019 和较早的 Microsoft 365 在电脑上没有 Microsoft Edge WebView2 运行时的时候也会使用它。</p>' +
      '<p style="margin:0 0 4px">请任选一种办法：</p>' +
      '<ol style="margin:0;padding-left:20px">' +
      '<li>升级到 Microsoft 365 或 Office 2021 及以后的版本（批量许可版 Office 2016/2019 只能这样做）；</li>' +
      '<li>零售版 Office 2016/2019 或 Microsoft 365：请信息部门安装 Microsoft Edge WebView2 运行时，然后重新启动 Excel；</li>' +
      '<li>改用 Excel 网页版，或用命令行工具 jixiao 评分（见使用说明）。</li>' +
      '</ol></div>';
    return false;
  }
  for (i = 0; i < bundles.length; i++) {
    var script = document.createElement('script');
    script.src = bundles[i];
    // Dynamically inserted scripts run as soon as they arrive unless async is false: keep their order.
    script.async = false;
    document.body.appendChild(script);
  }
  return true;
}
