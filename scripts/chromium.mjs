// How every svclab script launches Chromium: Debian's /usr/bin/chromium where it is installed (Playwright
// cannot download its own browser on the project's machines), Playwright's own elsewhere; the flags keep
// it from reaching out to any other host (this machine's network is closed) and from needing a GPU.
//
// And from drawing its own omnibox popup as a web page: Chromium 156 builds each window's address-bar
// popup as WebUI (the "WebUIOmniboxPopup" features), in a renderer process of its own (`ps` shows one
// `--top-chrome-webui` renderer per window: 1.3–1.6 s of CPU each, /proc, 4 windows), and every Playwright
// context opens a new window. So each cold load that bench:ui measures (a new context: empty caches)
// shared the cores with Chromium loading ~20 scripts of its own address bar, which a student's tab in a
// running browser does not pay for. Same build, loads alternating between two browsers, 12 each: median
// 1,264 ms to the first graph with the popup page, 953 ms without (issue 17). Headless, nobody sees it.
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const chromiumLaunchOptions = {
  executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
  ],
};
