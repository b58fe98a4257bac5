/**
 * Vitest's setup file (vite.config.ts `test.setupFiles`): every test runs with the whole engine, the
 * libraries that load apart included (engine/libraries.ts, issue 17), as the CLI does. A test of the
 * worker's late loading empties nothing: it runs its host with the libraries' loader it is given.
 */
import { provideLibraries } from '../libraries';

provideLibraries();
