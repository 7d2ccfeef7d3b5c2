// Launch options for Debian's /usr/bin/chromium: Playwright cannot download a browser on these machines. The
// background-networking switches keep Chromium from calling out to hosts this machine cannot reach.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
