/** Never download a browser: the CLI finds the system Chromium (see src/report/pdf/browser.ts). */
module.exports = { skipDownload: true };
