/**
 * Makes the cached clean Debian 12 root ahead of the appliance tests. CI (.ci/run) starts this in
 * the background while the other suites run; the install test waits for it (a lock), or makes the
 * root itself when nobody did.
 */
import { cachedRootTarball } from './debian-root';

console.log(cachedRootTarball((line) => console.log(line)));
