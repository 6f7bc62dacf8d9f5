/**
 * Creates the list-signing key pair: `npm run keygen -- [--out .keys] [--force]`.
 * The private key stays on the build machine (.keys/ is git-ignored); the public key (hex)
 * goes into the extension build.
 */
import { parseArgs } from 'node:util';
import { writeKeyPair } from './lib/key-files';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.keys' },
    force: { type: 'boolean', default: false },
  },
});
writeKeyPair(values.out, values.force).then(
  ({ privatePath, publicPath, publicKey }) => {
    console.log(`private key: ${privatePath} (mode 0600; keep it out of the repository)`);
    console.log(`public key:  ${publicPath}\n${publicKey}`);
  },
  (error: unknown) => {
    console.error(`keygen: ${(error as Error).message}`);
    process.exit(1);
  },
);
