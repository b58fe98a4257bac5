// How every svclab script launches Chromium: Debian's /usr/bin/chromium where it is installed (Playwright
// cannot download its own browser on the project's machines), Playwright's own elsewhere; the flags keep
// it from reaching out to any other host (this machine's network is closed) and from needing a GPU.
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
  ],
};
