import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  info,
  warning
} from "./chunks/chunk-FG3XXRZQ.js";

// src/action/run-post.ts
async function runPost() {
  try {
    info("Nothing to clean up.");
  } catch (error) {
    warning(`Cleanup: ${String(error)}`);
  }
}

// src/post.ts
await runPost();
