/**
 * The engine's home off the main thread: the engine host (engine-host.ts), exposed over Comlink.
 * The page holds a `Remote<EngineApi>` of it (engine-client.ts).
 */
import { expose } from 'comlink';
import { createEngineHost } from './engine-host';

expose(createEngineHost());
